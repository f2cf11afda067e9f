"""Split a file's text into documents and read each one's metadata (标题、文号、发文机关、日期、年度).

A gazette (政府公报) holds several documents, each opened by a notice heading such as
"…关于印发《…》的通知" followed by a 文号 line ("银西法办发〔2020〕3号"). A single web page holds
one document, with its 文号 in the page's metadata block. Attachments (附件) that carry a table
become documents of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from loaders.files.normalize import SECTION_NAME_RE
from loaders.numbering import CN_DATE, cn_to_int
from loaders.plans.breakdown import full_header

DOC_NUMBER_RE = re.compile(
    r"(?:文号|发文字号|文件编号)?\s*[:：]?\s*([\u4e00-\u9fff]{1,12}[〔\[【(]\s*(?:19|20)\d{2}\s*[〕\]】)]\s*\d{1,4}\s*号)"
)
DOC_NUMBER_LINE_RE = re.compile(
    r"^\(?\s*[\u4e00-\u9fff]{1,12}[〔\[【(]\s*(?:19|20)\d{2}\s*[〕\]】)]\s*\d{1,4}\s*号\s*\)?$"
)
NOTICE_RE = re.compile(
    r"^(?P<issuer>[^《》]{0,40}?)\s*关于(?:印发|转发|下发|发布|颁发)?\s*(?P<body>.*?)的?通知$"
)
TOC_RE = re.compile(r"(\.{4,}|…{2,}|·{4,})\s*\d*\s*$")
DATE_LINE_RE = re.compile(r"^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
CN_DATE_LINE_RE = re.compile(rf"^{CN_DATE}$")
ISO_DATE_RE = re.compile(
    r"(?:发布日期|发文日期|成文日期|生成日期|发布时间)\s*[:：]?\s*((?:19|20)\d{2})-(\d{2})-(\d{2})"
)
ATTACHMENT_RE = re.compile(r"^附[件表]\s*\d*\s*[:：]?\s*(.*)$")
YEAR_SPAN_RE = re.compile(r"((?:19|20)\d{2})\s*年?\s*[—–\-－~～至到]+\s*((?:19|20)\d{2})\s*年")
YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年")
ISSUER_END_RE = re.compile(r"(人民政府|办公室|办公厅|委员会|政府|司法局|局|办|委|厅|院)$")


@dataclass
class RawDocument:
    """A document's lines and the metadata found in its heading."""

    lines: list[str]
    title: str = ""
    doc_number: str | None = None
    issuer: str | None = None
    issued_on: str | None = None
    years: list[int] = field(default_factory=list)
    title_is_guess: bool = False  # no title line: a first short line stands in (no hint of kind)
    attached: bool = False  # split off as an attachment (附件) of the document before it


def _notice_heading(lines: list[str], i: int) -> tuple[str, int] | None:
    """A notice heading starting at line i (possibly wrapped over 2-3 lines): (text, lines used)."""
    first = lines[i] if i < len(lines) else ""
    quoted = re.fullmatch(r"\s*《([^《》]*关于[^《》]*通知)》\s*", first)
    if quoted:  # "《某市人民政府办公厅关于印发…的通知》": a mirror quoting the heading
        return quoted.group(1), 1
    if (
        "关于" not in first
        and "印发" not in first
        and not (len(first) <= 30 and ISSUER_END_RE.search(first))
    ):
        return None
    text = ""
    for used in range(1, 4):
        if i + used - 1 >= len(lines):
            return None
        text += lines[i + used - 1]
        if len(text) > 90 or TOC_RE.search(text):
            return None
        if "关于" in text and text.endswith("通知") and "《" not in text.split("关于")[0]:
            if not text.startswith(("按照", "根据", "依据", "现将")):
                return text, used
            return None
    return None


def _heading_before(lines: list[str], k: int) -> tuple[int, str]:
    """The heading block just above line k: up to three non-empty lines after a blank line, and
    only lines a heading can be (a text read without blank lines — a web page, a Word file —
    runs straight from the last item of the document before: that item is no heading)."""
    i = k - 1
    while i >= 0 and not lines[i].strip():
        i -= 1
    first = i
    while (
        first > 0
        and lines[first - 1].strip()
        and i - first < 2
        and _may_be_heading(lines[first - 1])
    ):
        first -= 1
    return max(first, 0), "".join(lines[first : i + 1])


def _may_be_heading(line: str) -> bool:
    """A line that can belong to a notice's heading: short, no sentence end, no item number."""
    text = line.strip()
    return (
        len(text) <= 80
        and not text.endswith(("。", ";", "；", "!", "?"))
        and not (
            re.match(
                r"(?:\d{1,3}[.、．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)",
                text,
            )
        )
    )


def find_document_starts(lines: list[str]) -> list[tuple[int, str, str | None]]:
    """(start index, heading, 文号) of every document in a gazette: one per standalone 文号 line."""
    starts = []
    for k, line in enumerate(lines):
        if DOC_NUMBER_LINE_RE.match(line.strip()) and not TOC_RE.search(line):
            number = DOC_NUMBER_RE.search(line).group(1).replace(" ", "")
            start, heading = _heading_before(lines, k)
            above = lines[k - 1].strip() if k else ""
            if line.strip().startswith(("(", "（")) and (
                heading.lstrip().startswith("《")
                or (above.endswith("》") and not re.search(r"关于|印发|转发|颁发|下发", heading))
            ):
                continue  # "《…》(沪府办发〔2024〕3号)": a text cited (a table's 参考文件), no heading
            if starts and start <= starts[-1][0]:
                continue
            if _META_KEY_RE.match(above):
                continue  # "文件编号" / "沪建综规〔2025〕69号": a page's metadata block, no heading
            starts.append((start, heading, number))
    return starts


# a metadata key standing on its own line with its value on the next (a page's table of
# 索取号 / 发布机构 / 文件编号 copied without its borders)
_META_KEY_RE = re.compile(r"^(?:文件编号|发文字号|文号|发文编号|索引号|索取号)\s*[:：]?$")


def first_notice_heading(lines: list[str]) -> str | None:
    """The first notice heading ("…关于印发…的通知") of a single document, if any."""
    for i in range(min(len(lines), 80)):
        found = _notice_heading(lines, i)
        if found:
            return found[0]
    return None


def _bodiless(lines: list[str]) -> bool:
    """A part with no body of its own: no numbered outline and hardly a sentence (a notice's
    heading and 文号 standing above the same notice repeated, as a copy run onto one line has it)."""
    sentences = sum(line.count("。") for line in lines)
    return sentences < 3 and not any(_OUTLINE_RE.match(line.strip()) for line in lines)


def split_documents(lines: list[str]) -> list[RawDocument]:
    """Documents of a file: one per standalone 文号 in a gazette, else the whole file."""
    starts = find_document_starts(lines)
    k = 0
    while k + 1 < len(starts):  # a part without a body is the heading of the next one
        if _bodiless(lines[starts[k][0] : starts[k + 1][0]]):
            del starts[k + 1]
        else:
            k += 1
    if len(starts) < 2:
        doc = RawDocument(lines=lines, doc_number=starts[0][2] if starts else None)
        heading = first_notice_heading(lines)
        fill_metadata(doc, heading)
        _drop_notice_items(doc)
        _drop_requirements_of_a_cut_notice(doc, heading)
        return [a for part in split_plan_attachments(doc) for a in split_attachments(part)]
    docs = []
    for k, (start, heading, number) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        doc = RawDocument(lines=lines[start:end], doc_number=number)
        fill_metadata(doc, heading)
        _drop_notice_items(doc)
        docs.extend(a for part in split_plan_attachments(doc) for a in split_attachments(part))
    return docs


# the plan a notice issues, named in its sentence: "《X》已经市政府常务会议审议通过,现印发给你们",
# "现将《X》印发给你们"
_ISSUES_RE = re.compile(
    r"《([^《》]{4,80})》(?:已经|已|经)[^。]{0,40}(?:通过|同意)[^。]{0,12}(?:印发|现)"
    r"|现将《([^《》]{4,80})》(?:印发|转发)"
)
_TITLE_CHARS_RE = re.compile(r"[《》〈〉<>\s]")


def _drop_notice_items(doc: RawDocument) -> None:
    """A notice with items of its own ("一、各县区要…" "二、…") before the title of the plan it
    issues: the plan starts at that title (one line, or two when wrapped), and the notice's
    items are not the plan's tasks."""
    found = next(
        ((k, m) for k, line in enumerate(doc.lines[:40]) if (m := _ISSUES_RE.search(line))), None
    )
    if found is None:
        return
    k, m = found
    name = _TITLE_CHARS_RE.sub("", m.group(1) or m.group(2))
    items = 0
    for j in range(k + 1, min(len(doc.lines), k + 60)):
        text = doc.lines[j].strip()
        items += bool(_OUTLINE_RE.match(text))
        one = _TITLE_CHARS_RE.sub("", text)
        two = one + _TITLE_CHARS_RE.sub("", doc.lines[j + 1]) if j + 1 < len(doc.lines) else one
        if name in (one, two) and items:
            doc.lines = doc.lines[j:]
            return


# a notice's own requirement: "一、加强领导,确保责任落实到位。要坚持…", "二、…。各责任单位要…",
# "一、落实责任,确保质量" over "各责任单位要严格遵循…"
_REQUIREMENT_RE = re.compile(
    r"各[^。;]{0,16}(?:要|须|应|务必)|(?:^|[。;])[^。;]{0,6}要(?:切实|认真|进一步|严格|按照|坚持|加强|把|将|"
    r"及时|高度)|将(?:严格|定期|适时)|请[^。;]{0,10}(?:于|按|认真)"
)
_TOP_ITEM_RE = re.compile(r"^[一二三四五六七八九十]{1,2}、")
_ATTRIBUTION_RE = re.compile(r"[(（][^()（）]*(?:牵头|责任单位|责任部门|配合|负责)[^()（）]*[)）]")
# a notice that issues, splits or forwards a plan or table ("…分解落实《政府工作报告》…的通知",
# "附件:1.…任务分解表", "现印发给你们")
_ISSUING_RE = re.compile(r"印发|转发|分解|分工|附件|附表")
_ADDRESSEES_RE = re.compile(r"^[^。;:：]{0,60}各[^。;:：]{1,60}[:：]$")


def _drop_requirements_of_a_cut_notice(doc: RawDocument, heading: str | None) -> None:
    """A notice issuing or splitting a plan, whose plan is not in the text (a page's opening,
    or attachments left out): its own numbered requirements ("一、落实责任,确保质量" / "各责任
    单位要…") are no tasks of the plan it names. Only when every item is a top-level one, most
    of them say what units must do, none names a unit, and the plan's title does not follow."""
    head = [ln for ln in doc.lines[:60] if ln.strip()][:15]  # (a page's blank lines skipped)
    notice = bool(heading and heading.endswith("通知")) or any(
        _ADDRESSEES_RE.match(ln.strip()) for ln in head
    )
    if not notice or not (
        (heading and _ISSUING_RE.search(heading)) or _ISSUING_RE.search("".join(doc.lines))
    ):
        return
    items = [k for k, line in enumerate(doc.lines) if _OUTLINE_RE.match(line.strip())]
    if not 1 <= len(items) <= 6 or not all(_TOP_ITEM_RE.match(doc.lines[k].strip()) for k in items):
        return
    # a requirement's heading is a short slogan ("落实责任,确保质量", "统一思想抓落实"), not a task's
    # sentence ("一、提高各级领导干部依法履职能力…"); no numbered task follows (a plan run on after it)
    heads = [
        re.split(r"[。;；]", _TOP_ITEM_RE.sub("", doc.lines[k].strip()), maxsplit=1)[0]
        for k in items
    ]
    if any(len(h) > 20 for h in heads):
        return
    rest = doc.lines[items[0] :]
    end = next((k for k, ln in enumerate(rest) if ln.strip().startswith(("附件", "附表"))), None)
    rest = rest[:end]  # (the list of attachments below, "附件:1.…" / "2.…", is no task)
    if any(re.match(r"\d{1,3}\s*[.、．]", ln.strip()) for ln in rest):
        return
    blocks = [
        "".join(doc.lines[k : (items[n + 1] if n + 1 < len(items) else len(doc.lines))])[:200]
        for n, k in enumerate(items)
    ]
    if sum(bool(_REQUIREMENT_RE.search(b)) for b in blocks) * 3 < len(blocks) * 2:
        return
    after = "".join(doc.lines[items[0] :])
    if any(not re.search(r"下同|即为", m.group(0)) for m in _ATTRIBUTION_RE.finditer(after)):
        return  # (a note on roles, "(无牵头单位的,责任单位即为牵头单位,下同)", names none)
    name = _TITLE_CHARS_RE.sub("", doc.title)
    if name and any(name in _TITLE_CHARS_RE.sub("", ln) for ln in doc.lines[items[0] :]):
        return
    doc.lines = doc.lines[: items[0]]


_TABLE_TITLE_RE = re.compile(r"^(\S.{3,58}(?:表|清单)(?:[(（][^()（）]{1,20}[)）])?)$")


_TRAILING_DOC_NUMBER_RE = re.compile(r"[〔\[［(（](?:19|20)\d{2}[〕\]］)）]\s*第?\d{1,4}号$")
_ATTACHMENT_LIST_RE = re.compile(r"(?:附件\s*[:：]?\s*)?\d{1,2}\s*[.、．]")
_YEAR_SPAN_LINE_RE = re.compile(
    r"^[(（]\s*(?:19|20)\d{2}\s*[—–\-~～至到]+\s*(?:19|20)\d{2}\s*年?\s*[)）]$"
)


def _table_title(lines: list[str], i: int) -> re.Match[str] | None:
    """A table's own title line ("…任务分解表") standing right above its TAB rows, after the
    plan's text: the table is a document of its own, as an attachment is (group 1: its title)."""
    m = _TABLE_TITLE_RE.match(lines[i].strip())
    if not m or "\t" in lines[i] or re.search(r"[。;；,，:：]", lines[i]):
        return None
    after = next(
        (
            ln
            for ln in lines[i + 1 : i + 5]
            if ln.strip() and not _YEAR_SPAN_LINE_RE.match(ln.strip())
        ),
        "",
    )  # "…任务分工表" / "(2023-2025年)" / the header
    prose = sum("。" in ln for ln in lines[:i])  # the plan's sentences above the table
    if "\t" not in after or prose < 2:
        return None
    # a table inside the plan's text ("表1 …完成情况一览表" under 一、发展基础), the chapters going
    # on after it: no document of its own
    first_row = next(k for k in range(i + 1, len(lines)) if "\t" in lines[k])
    end = next(
        (k for k in range(first_row, len(lines)) if lines[k].strip() and "\t" not in lines[k]),
        len(lines),
    )
    rest = [ln.strip() for ln in lines[end:] if "\t" not in ln]
    # outline items after the table, sentences or heading lines
    going_on = sum(1 for ln in rest if _OUTLINE_RE.match(ln) and ("。" in ln or len(ln) <= 30))
    return None if going_on >= 3 else m


_ATTACHMENT_ALONE_RE = re.compile(r"^附件\s*\d{0,2}\s*[:：]?\s*$")
_PLAN_DOC_TITLE_RE = re.compile(
    r"^\S.{3,60}(?:方案|实施意见|指导意见|工作意见|若干意见|行动计划|工作计划|工作要点|要点|"
    r"支持政策|若干政策|政策措施|若干措施|工作措施|举措)"
    r"(?:[(（][^()（）]{1,12}[)）])?$"
)
# an attached text of rules or duties ("附件1" / "某区建筑垃圾管理细则", "…平台职责清单"): a
# document of its own too, whose items are not the plan's tasks
_RULES_DOC_TITLE_RE = re.compile(
    r"^\S.{3,60}(?:细则|办法|规定|规则|规程|指引|职责清单|责任清单|职责分工|工作职责|工作制度)"
    r"(?:[(（][^()（）]{1,12}[)）])?$"
)
_OUTLINE_RE = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])"
)
_FIRST_ARTICLE_RE = re.compile(r"^第[一1]\s*(?:章|条)")


def split_plan_attachments(doc: RawDocument) -> list[RawDocument]:
    """Attachments that are plans of their own ("附件2" / "某区受污染耕地安全利用工作方案" / its
    own preamble and outline): each is a document, after a body with an outline of its own (a
    notice that only issues its 附件1 keeps it: the notice and that plan are one document)."""
    starts: list[tuple[int, str]] = []
    outline_lines = [0]  # how many outline headings stand before each line
    for line in doc.lines:
        outline_lines.append(outline_lines[-1] + bool(_OUTLINE_RE.match(line.strip())))
    for i, line in enumerate(doc.lines):
        if i and _RULES_DOC_TITLE_RE.match(line.strip()) and outline_lines[i] >= 2:
            # "…经办规程" / "第一章 总则" / "第一条 …": rules after the notice issuing them, no
            # 附件 line between
            below = next((ln.strip() for ln in doc.lines[i + 1 : i + 3] if ln.strip()), "")
            above = next((ln.strip() for ln in reversed(doc.lines[max(0, i - 2) : i]) if ln), "")
            if (
                _FIRST_ARTICLE_RE.match(below)
                and not _ATTACHMENT_ALONE_RE.match(above)  # ("附件2" over it: read as ever)
                and not (starts and starts[-1][0] >= i - 1)
            ):
                starts.append((i, line.strip()))
                continue
        if not _ATTACHMENT_ALONE_RE.match(line.strip()):
            continue
        title = next((ln.strip() for ln in doc.lines[i + 1 : i + 4] if ln.strip()), "")
        if not (_PLAN_DOC_TITLE_RE.match(title) or _RULES_DOC_TITLE_RE.match(title)):
            continue
        if "\t" in title:
            continue
        body = doc.lines[i + 1 : i + 80]
        if sum(1 for ln in body if _OUTLINE_RE.match(ln.strip())) < 2:
            continue  # not a plan's outline below it (a table, a form, a list of names)
        if starts or outline_lines[i] >= 2:  # a body with an outline of its own above it
            starts.append((i, title))
    if not starts:
        return [doc]
    docs = [replace(doc, lines=doc.lines[: starts[0][0]])]
    for k, (i, title) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(doc.lines)
        docs.append(
            RawDocument(
                lines=doc.lines[i + 1 : end],
                title=title,
                doc_number=None,
                issuer=doc.issuer,
                issued_on=doc.issued_on,
                years=years_of(title) or doc.years,
            )
        )
    return docs


def split_attachments(doc: RawDocument, titles_only: bool = False) -> list[RawDocument]:
    """Split off an attachment (附件:X) whose body is a table (TAB rows) as its own document;
    inside it, a further table under its own title line ("…清单(品牌创建清单)") is another."""
    for i, line in enumerate(doc.lines):
        m = (None if titles_only else ATTACHMENT_RE.match(line)) or _table_title(doc.lines, i)
        if not m or i < 3:
            continue
        body = doc.lines[i + 1 :]
        tabbed = [b.split("\t") for b in body if "\t" in b]
        if len(tabbed) < 3 and not (len(tabbed) == 2 and full_header(tabbed[0])):
            continue
        title = re.sub(r"^\d{1,2}\s*[.、．]\s*", "", m.group(1).strip()) or next(
            (b for b in body if b and "\t" not in b and b != "附件"), ""
        )
        attachment = RawDocument(
            lines=body,
            title=title,
            doc_number=None,
            issuer=doc.issuer,
            issued_on=doc.issued_on,
            years=years_of(title) or doc.years,
            attached=True,
        )
        doc.lines = doc.lines[:i]
        return [doc, *split_attachments(attachment, titles_only=True)]
    return [doc]


# the 《X》 a notice issues or forwards (印发《X》, 转发省政府《X》), or a heading that is a 《title》
_ISSUED_TITLE_RE = re.compile(r"(?:^\s*|(?:印发|转发|颁发|下发|发布|公布)[^《》]{0,15})《(.+)》")
_ISSUED_CUT_RE = re.compile(r"(?:^\s*|(?:印发|转发|颁发|下发|发布|公布)[^《》]{0,15})《([^》]+)$")


def title_from_heading(heading: str) -> str:
    """ "…关于印发《X》的通知" -> X; "…关于印发X的通知" -> X. A title that only names another
    text ("…关于暂时调整实施《X条例》有关规定的决定") is kept whole."""
    m = _ISSUED_TITLE_RE.search(heading) or _ISSUED_CUT_RE.search(heading)
    after = heading[m.end() :] if m else ""
    if m and re.sub(r"^[^《》]{0,6}》?", "", after).strip() and not re.match(r"^\s*的?通知", after):
        m = None  # "印发贯彻《X条例》推进Y实施方案的通知": the 《X》 is cited inside the title
    if m:
        return m.group(1).strip()
    m = NOTICE_RE.match(heading) or _ISSUING_NOTICE_RE.match(heading)
    body = m.group("body") if m else heading
    return body.strip() or heading


# a notice issuing a text without 关于: "某管委会印发某区2016年度旅游工作要点的通知"
_ISSUING_NOTICE_RE = re.compile(
    r"^(?P<issuer>[^《》,，。]{2,40}?(?:管委会|" + ISSUER_END_RE.pattern.strip("()$") + "))"
    r"\s*(?:印发|转发|下发|颁发)\s*(?P<body>[^《》]{4,80}?(?:方案|要点|计划|规划|意见|清单|措施|安排))"
    r"的?通知$"
)


def _without_doc_number(title: str) -> str:
    """A title with the 文号 glued after it dropped: "…实施方案怀府法领办〔2020〕4号" -> "…实施方案"."""
    number = _TRAILING_DOC_NUMBER_RE.search(title)
    if not number:
        return title
    ends = [title.rfind(w, 0, number.start()) + len(w) for w in _TITLE_WORDS if w in title]
    cut = max((e for e in ends if 6 <= e and 1 <= number.start() - e <= 12), default=None)
    return title[:cut] if cut else title


def years_of(title: str) -> list[int]:
    """Years a title covers: "(2021—2025年)" -> 2021..2025; "2023年" -> [2023]; "(20232024年)" too."""
    # "(2023—2024年)", "2016年到2020年", and "(20232024年)" where the dash was lost
    m = YEAR_SPAN_RE.search(title) or re.search(r"((?:19|20)\d{2})((?:19|20)\d{2})年", title)
    if m:
        a, b = int(m.group(1)), int(m.group(2))
        if a <= b <= a + 10:
            return list(range(a, b + 1))
    return sorted({int(y) for y in YEAR_RE.findall(title)})


def _cn_year_date(m: re.Match[str]) -> str | None:

    digits = "".join(str(cn_to_int(c)) for c in m.group(1))
    month, day = cn_to_int(m.group(2)), cn_to_int(m.group(3))
    if month and day and 1 <= month <= 12 and 1 <= day <= 31:
        return f"{digits}-{month:02d}-{day:02d}"
    return None


def _signature(lines: list[str]) -> tuple[str | None, str | None]:
    """(issuer, date) from the first signature block: an issuer line followed by a date line."""
    for i, line in enumerate(lines[:80]):
        m = DATE_LINE_RE.match(line)
        date = None
        if m:
            date = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
        else:
            m2 = CN_DATE_LINE_RE.match(line)
            date = _cn_year_date(m2) if m2 else None
        if date:
            before = [p for p in lines[max(0, i - 3) : i] if p.strip()]
            prev = before[-1] if before else ""
            issuer = prev if prev and len(prev) <= 40 and ISSUER_END_RE.search(prev) else None
            return issuer, date
    return None, None


META_KEYS = {
    "title": ("标题", "名称", "文件名称", "文件标题"),
    "doc_number": ("发文字号", "文号", "文件编号"),
    "issuer": ("发文机关", "发布机构", "制发机构", "发文单位", "发布单位", "发布机关"),
    "date": ("成文日期", "发文日期", "印发日期"),
    "published": ("发布日期", "发布时间"),
}
_META_FIELD = {k: f for f, keys in META_KEYS.items() for k in keys}
_META_PAIR_RE = re.compile(r"^([\u4e00-\u9fff]{2,4})\s*[:：]\s*(.+)$")
_ANY_DATE_RE = re.compile(
    r"((?:19|20)\d{2})\s*(?:-|年|/|\.)\s*(\d{1,2})\s*(?:-|月|/|\.)\s*(\d{1,2})"
)


# keys that only end the value before them, in a block run onto one line
_OTHER_META_KEYS = (
    "索引号|索取号|主题分类|公文种类|体裁分类|组配分类|主题词|有效性|层级|类型|分类|状态|官方链接|附件"
    "|统一编号|实施日期|失效日期|生效日期|文件状态"  # a 规范性文件 platform's block
)
_INLINE_KEY_RE = re.compile(
    "(?:"
    + "|".join(sorted(_META_FIELD, key=len, reverse=True))
    + "|"
    + _OTHER_META_KEYS
    + r")\s*[:：]"
)


def _inline_pairs(cell: str) -> list[str]:
    """ "标题: X文号: Y发布单位: Z" (a metadata block run onto one line) -> ["标题: X", "文号: Y",
    "发布单位: Z"]; a cell with one key or none as it is."""
    starts = [m.start() for m in _INLINE_KEY_RE.finditer(cell)]
    if len(starts) < 2:
        return [cell]
    return [cell[a:b].strip() for a, b in zip(starts, [*starts[1:], len(cell)], strict=True)]


# a title field whose value a line's end cut inside its brackets
_OPEN_TITLE_RE = re.compile(r"^\s*(?:标题|名称|文件名称|文件标题)\s*[:：].*(?:《[^》]*|\([^)]*)$")


def metadata_fields(lines: list[str]) -> dict[str, str]:
    """Fields of a page's metadata block (索引号 | … | 发文字号 | … | 成文日期 | …), written as
    "key:value" lines or as "key | value | key | value" rows: title, doc_number, issuer, date.
    The first value of a field wins, and for dates 成文日期 before 发布日期."""
    found: dict[str, tuple[int, str]] = {}
    head = lines[:40]
    for n, line in enumerate(head):
        if _OPEN_TITLE_RE.match(line) and n + 1 < len(head) and ":" not in head[n + 1][:8]:
            line += head[n + 1].strip()  # "标题: …《某规划(2026-2030" / "年)》的通知": one value
        cells = [c.strip() for c in re.split(r"\s*\|\s*|\t", line) if c.strip()]
        cells = [p for c in cells for p in _inline_pairs(c)]
        pairs = []
        for k, cell in enumerate(cells):
            m = _META_PAIR_RE.match(cell)
            if m and m.group(1) in _META_FIELD:
                pairs.append((m.group(1), m.group(2)))
            elif cell.rstrip(":：") in _META_FIELD and k + 1 < len(cells):
                pairs.append((cell.rstrip(":："), cells[k + 1]))
        for key, value in pairs:
            field_name = _META_FIELD[key]
            rank = META_KEYS[field_name].index(key)
            if value.rstrip(":：") in _META_FIELD or not value.strip():
                continue
            if field_name == "title" and SECTION_NAME_RE.fullmatch(value.strip()):
                continue  # "标题: 政府信息公开": the site's column where the title was not given
            if field_name not in found or rank < found[field_name][0]:
                found[field_name] = (rank, value.strip())
    return {k: v for k, (_, v) in found.items()}


def _meta_date(value: str) -> str | None:
    m = _ANY_DATE_RE.search(value)
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    return f"{year}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def fill_metadata(doc: RawDocument, heading: str | None) -> None:
    """Title, 文号, issuer, date and years of a document from its heading and first lines; a
    page's metadata block, when there is one, is the best source of all four."""
    head = doc.lines[:60]
    meta = metadata_fields(head)
    if meta.get("title"):
        doc.title = doc.title or title_from_heading(meta["title"])
        heading = heading or (meta["title"] if "关于" in meta["title"] else None)
    if meta.get("doc_number"):
        found = DOC_NUMBER_RE.search(meta["doc_number"])
        doc.doc_number = doc.doc_number or (found.group(1).replace(" ", "") if found else None)
    if heading:
        doc.title = doc.title or title_from_heading(heading)
        m = re.match(r"^(.{2,40}?)\s*(?:关于)?(?:印发|转发)", heading)
        doc.issuer = m.group(1).strip() if m and ISSUER_END_RE.search(m.group(1).strip()) else None
    if not doc.doc_number:
        for line in head[:30]:
            if "《" in line or "〈" in line:
                continue
            m = DOC_NUMBER_RE.search(line)
            if m:
                doc.doc_number = m.group(1).replace(" ", "")
                break
    sig_issuer, sig_date = _signature(head)
    doc.issuer = meta.get("issuer") or doc.issuer or sig_issuer
    # the date it was signed (成文日期, the signature) before the date it was put online
    doc.issued_on = (
        _meta_date(meta.get("date", "")) or sig_date or _meta_date(meta.get("published", ""))
    )
    if not doc.issued_on:
        for line in head[:20]:
            m = ISO_DATE_RE.search(line)
            if m:
                doc.issued_on = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
                break
    if not doc.title:
        found = title_line(doc.lines)
        doc.title = found or _title_from_body(doc.lines)
        doc.title_is_guess = found is None and doc.title == _first_short_line(doc.lines)
    titled = _without_doc_number(doc.title)  # "…实施方案怀府法领办〔2020〕4号": the 文号 glued on
    if titled != doc.title:
        doc.title, doc.doc_number, doc.title_is_guess = titled, doc.title[len(titled) :], False
    numbered = _numbered_year(doc.doc_number)  # "岚综管办〔2015〕69号": the year it was issued in
    signed = [int(doc.issued_on[:4])] if doc.issued_on else []
    if signed and numbered and signed[0] < numbered[0]:
        signed = numbered  # signed "2014年4月16日" under a 〔2015〕 number: the date's year a slip
    doc.years = (
        years_of(doc.title)
        or signed
        or numbered
        or _purpose_years(doc.lines)
        or _signed_years(doc.lines)
    )


def _numbered_year(doc_number: str | None) -> list[int]:
    m = re.search(r"[〔\[［(（]((?:19|20)\d{2})[〕\]］)）]", doc_number or "")
    return [int(m.group(1))] if m else []


def _signed_years(lines: list[str]) -> list[int]:
    """The year of the date signing a text at its end ("国家医保局办公室" / "2024年9月5日"):
    "12月底前" in its body falls in that year."""
    for line in reversed([ln.strip() for ln in lines if ln.strip()][-6:]):
        m = DATE_LINE_RE.match(line) or _SIGNED_END_RE.search(line[-60:])
        if m:
            return [int(m.group(1))]
    return []


# a date near a line's end, after the body signing it (a text copied as one line)
_SIGNED_END_RE = re.compile(
    r"[\u4e00-\u9fff]\s*((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
)


# the purpose a plan opens on, when nothing above it names the year: "为全力做好2018年大气污染防治
# 工作,……,制定本计划。"
_PURPOSE_RE = re.compile(
    r"^为[^。]{4,300}?(?:特?制定|特?制订|现提出|现就)"
    r"|^[^。]{0,60}?现将[^。]{2,80}?(?:报告|汇报|总结)如下"  # a report cut above its title
)


def _purpose_years(lines: list[str]) -> list[int]:
    """The one year the opening purpose sentence names (a text cut above its title): "为做好2018年
    …,制定本计划", "现将我局2023年法治政府建设工作情况报告如下"."""
    for line in lines[:6]:
        m = _PURPOSE_RE.match(line.strip())
        if m:
            years = {int(y) for y in YEAR_RE.findall(m.group(0))}
            return sorted(years) if len(years) == 1 and not YEAR_SPAN_RE.search(m.group(0)) else []
    return []


# "source: …" lines of saved pages and a notice's key lines ("主题词:…", "索引号:…"): never a title
META_RE = re.compile(
    r"^(?:[A-Za-z_]+|主题词|关键词|关键字|索引号|信息来源|来源|发布日期|发布时间|成文日期|发文字号|"
    r"抄送|抄报|主题分类|发布机构|发文机关|发布机关|统一编号|实施日期|失效日期|生效日期|文件状态|"
    r"浏览次数|(?:当前|您的|你的|所在)?位置)\s*[:：]"
)
_TITLE_WORDS = (
    "方案",
    "要点",
    "计划",
    "规划",
    "报告",
    "意见",
    "办法",
    "规定",
    "安排",
    "分解表",
    "清单",
    "细则",
    "通知",
    "措施",
    "纲要",
    "解读",  # "…的解读", "【文字解读】《X》文件解读": an explainer's title
)


# a line of kind words only ("计划规划", "工作报告", "通知公告"): a site's column or a menu entry,
# no document's title (a title names its subject before its kind)
_KIND_WORDS_ONLY_RE = re.compile(
    "(?:工作|年度|专项)?(?:" + "|".join((*_TITLE_WORDS, "总结", "公告", "公示", "文件")) + ")+"
)


_TRAILING_DOC_NUMBER_PAREN_RE = re.compile(
    r"(?<=通知)\s*[(（][^()（）]{0,12}[〔\[]\s*(?:19|20)\d{2}\s*[〕\]]\s*\d{1,4}\s*号[)）]$"
)


def _wrapped_title_head(prev: str) -> bool:
    """Whether the line just above a title is its first half, wrapped by a PDF or a narrow page."""
    from loaders.plans.outline import match_marker

    prev = prev.strip()
    return (
        2 <= len(prev) <= 30
        and prev[-1] not in "。，,;；:：)）」』”日号!！?？"  # ("欢迎访问…!": a greeting)
        and not ISSUER_END_RE.search(prev)
        and not prev.endswith(_TITLE_WORDS)
        and not META_RE.match(prev)
        and match_marker(prev) is None
        and not DATE_LINE_RE.match(prev)
        and not _ATTACHMENT_ALONE_RE.match(prev)  # "附件1" above the attached plan's title
    )


def guess_title(lines: list[str]) -> str:
    """The document's title line, else the name the text gives itself (_title_from_body)."""
    return title_line(lines) or _title_from_body(lines)


# a title line led by its 文号 and quoted: "交法发〔2015〕126号《交通运输部关于…的意见》"
_NUMBERED_TITLE_RE = re.compile(
    r"^[\u4e00-\u9fff]{1,12}[〔\[［(（](?:19|20)\d{2}[〕\]］)）]\s*第?\d{1,4}\s*号\s*《([^《》]{6,80})》$"
)


def title_line(lines: list[str]) -> str | None:
    """The first short line that reads like a document title (ends in 方案/要点/报告/…); a
    notice heading without 关于 ("印发《X》的通知") gives X."""
    for i, line in enumerate(lines[:40]):
        numbered = _NUMBERED_TITLE_RE.match(line.strip())
        if numbered:  # "交法发〔2015〕126号《交通运输部关于…的意见》": the 文号, then the title
            return title_from_heading(numbered.group(1))
        if (
            "\t" in line
            or "|" in line
            or len(line) > 60
            or TOC_RE.search(line)
            or META_RE.match(line)
        ):
            continue
        stripped = re.sub(r"[(（][^)）]*[)）]$", "", line)
        if (
            stripped.endswith(_TITLE_WORDS)
            # "计划规划": a site's column, unless a title wrapped above runs into it ("工作方案")
            and not (
                _KIND_WORDS_ONLY_RE.fullmatch(stripped.strip())
                and not (i and _wrapped_title_head(lines[i - 1]))
            )
            and not stripped.startswith(("现将", "为", "根据", "按照"))
            # "首页>政务公开>政策和解读", "信息分类:其他解读": a page's path or field, no title
            and not (
                stripped.endswith("解读")
                and (re.search(r"[>＞:：/]", stripped) or stripped.endswith(("和解读", "及解读")))
            )  # ("组配分类政策和解读": a site's class of pages)
            and not _OUTLINE_RE.match(stripped)  # "四、保障措施": a heading, no title
            # "附件:1.某任务清单" / "2.某任务分解": the list of attachments, no title
            and not _ATTACHMENT_LIST_RE.match(stripped)
        ):
            before = [p for p in lines[max(0, i - 3) : i] if p.strip()]
            prev = before[-1] if before else ""
            if prev and len(prev) <= 30 and ISSUER_END_RE.search(prev) and "关于" in line[:3]:
                return prev + line
            if (
                i
                and _wrapped_title_head(lines[i - 1])
                and not line.startswith("附件")
                # "有 效 性:" / "有效": the value of a page's metadata key, no half of a title
                and not (i >= 2 and lines[i - 2].strip().endswith((":", "：")))
            ):
                line = lines[i - 1] + line  # ("附件:X" is whole: X, the attachment's title)
            following = lines[i + 1].strip() if i + 1 < len(lines) else ""
            if YEAR_SPAN_LINE_RE.match(following):  # "(2023—2025年)" on the line below
                line += following
            line = _notice_heading_rest(line, lines[i + 1 : i + 8])
            # "…的通知(川发改价格〔2025〕480号)": the notice's 文号 after its heading
            line = _TRAILING_DOC_NUMBER_PAREN_RE.sub("", line)
            if line.endswith("通知") and (
                "《" in line or _ISSUED_HEADING_RE.search(line) or _ISSUING_NOTICE_RE.match(line)
            ):
                line = title_from_heading(line)
            return re.sub(r"^附件\s*\d{0,2}\s*[:：]\s*", "", line)  # "附件:X": X
    return None


_ISSUED_HEADING_RE = re.compile(r"关于(?:印发|转发|下发|颁发)")
_NOTICE_END_RE = re.compile(r"(?:通知|通报|的函|决定|批复)$")


def _notice_heading_rest(line: str, below: list[str]) -> str:
    """A notice heading broken over lines where one half ends like a title ("…关于印发区政府工作
    报告" / "确定的2019年主要目标任务责任" / "分解方案的通知"): the whole heading, when short lines
    without a sentence's punctuation close it on 通知 (or 通报, 函, 决定, 批复)."""
    if "关于" not in line or _NOTICE_END_RE.search(line):
        return line
    joined = line
    for part in (p.strip() for p in below):
        if not part:
            continue
        if len(part) > 40 or re.search(r"[。,，;；:：]", part) or META_RE.match(part):
            return line
        joined += part
        if _NOTICE_END_RE.search(joined):
            return joined
        if len(joined) > 120:
            return line
    return line


YEAR_SPAN_LINE_RE = re.compile(r"^\((?:19|20)\d{2}\s*[—–\-－~～至到]+\s*(?:19|20)\d{2}\s*年?\)$")
# where the text names itself: "现将《X》印发给你们", "制定《X》", "制定2021年行动方案如下"
# (a news copy: "近日,市委、市政府印发了《X》…", "《X》主要内容如下")
_NAMED_IN_TEXT_RE = re.compile(
    r"现将《([^《》]{4,60})》|《([^《》]{4,60})》已经[^,。]{0,20}同意"
    r"|《([^《》]{4,60})》(?:的)?(?:主要内容|全文|具体内容)如下"
)
_MADE_HERE_RE = re.compile(
    r"制定(?:了)?((?:(?:19|20)\d{2}\s*年度?)?[^,。;:《》]{0,20}?(?:方案|要点|计划|规划|安排|意见|清单))如下"
)


def _title_from_body(lines: list[str]) -> str:
    """A title when no line reads as one: the name the text gives itself, else a first short
    line that is not a sentence or a salutation ("各乡镇人民政府:"), else 未命名文件."""
    head = "\n".join(lines[:30])
    named = _NAMED_IN_TEXT_RE.search(head) or _MADE_HERE_RE.search(head)
    if named:
        return next(g for g in named.groups() if g).strip()
    return _first_short_line(lines) or "未命名文件"


# a telephone or account number ("2835085", "0571-87654321"), not a date (20230607)
_LONG_NUMBER_RE = re.compile(r"(?<!\d)(?!(?:19|20)\d{2}[01]\d[0-3]\d(?!\d))\d{7,}")


def _first_short_line(lines: list[str]) -> str | None:
    for line in lines[:10]:
        line = line.strip()
        if (
            4 <= len(line) <= 40
            and "\t" not in line  # a table's header row is no title
            and not re.search(r"[,。;:!?]", line)
            and not SECTION_NAME_RE.fullmatch(line)  # "人民政府公报": a print's running head
            and not _LONG_NUMBER_RE.search(line)  # "市卫计委 2835085": a contact line
            and not META_RE.match(line)
            and not _OUTLINE_RE.match(line)
            and not _ATTACHMENT_LIST_RE.match(line)  # the list of attachments
        ):
            return line
    return None
