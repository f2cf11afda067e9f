"""Outline grammar: numbering markers of plan documents and joining of broken lines.

Numbering styles (编号样式) seen in plans, as written after normalisation:
  cn_comma   一、          cn_paren  (一)          arabic  1.  1、  1．  2全面… (digit glued)
  ar_paren   (1)          article   第一条        circled ①
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.files.normalize import LINE_ENDS_RE, normalize_prose
from loaders.numbering import CN_NUM, CN_NUMERAL_CHARS, cn_to_int

_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("article", re.compile(rf"^第({CN_NUM}|\d+)条\s*")),
    ("cn_comma", re.compile(rf"^({CN_NUM})\s*[、.]\s*")),
    ("cn_paren", re.compile(rf"^[(]({CN_NUM})[)]\s*")),
    ("ar_paren", re.compile(r"^[(](\d{1,3})[)]\s*")),
    ("circled", re.compile(r"^([①-⑳])\s*")),
    ("arabic", re.compile(r"^(\d{1,3})\s*(?:[.、．](?!\d)|\s+(?=\D))\s*")),
]
# a digit glued to the text ("2全面实行"): accepted only when it continues the arabic sequence
_GLUED = re.compile(r"^(\d{1,3})(?=[\u4e00-\u9fff“《\"])")
# a number closed by a full stop instead of a dot ("1。加强上下联动。", a PDF's or a typist's):
# accepted, as a glued digit is, only when it continues the sequence
_FULL_STOP = re.compile(r"^(\d{1,2})。(?=[\u4e00-\u9fff“《\"])")
# a number glued to a measure word is a quantity, not a task number ("3个工作日", "2020年")
_NOT_AFTER_GLUED = re.compile(r"^\d+(?:年|月|日|个|次|万|亿|元|%|小时|天|周)")
# "11.121人才梯队项目": the next number of the sequence, then a name that starts with digits
_DOTTED = re.compile(r"^(\d{1,3})[.．](?=\d+[\u4e00-\u9fff“《\"])")
# "1.2024年8月底前,各区…": a stage's number before the year it opens on (no decimal reads so)
_BEFORE_YEAR = re.compile(r"^(\d{1,2})[.．、](?=(?:19|20)\d{2}\s*年)")
_NOT_A_NAME = re.compile(r"^\d+(?:[年月日个次万亿元%天周倍]|小时|平方|公里|米)")


@dataclass
class Marker:
    style: str
    value: int
    number: str  # as written, for the contract: "7", "(十二)", "(34)", "一"
    rest: str


def _number_as_written(style: str, raw: str) -> str:
    if style in ("cn_paren", "ar_paren"):
        return f"({raw})"
    if style == "article":
        return f"第{raw}条"
    return raw


# numbering by name: "行动1：…" over "——任务1：…" (actions over tasks, tasks counted through)
_NAMED_ACTION = re.compile(rf"^(?:——|—)?\s*行动\s*(\d{{1,3}}|{CN_NUM})\s*[:：]\s*")
_NAMED_TASK = re.compile(r"^(?:——|—)?\s*任务\s*(\d{1,3})\s*[:：]\s*")


def match_marker(line: str, last_arabic: int | None = None) -> Marker | None:
    """The numbering marker that opens `line`, if any."""
    for style, pattern in (("cn_paren", _NAMED_ACTION), ("arabic", _NAMED_TASK)):
        m = pattern.match(line)
        value = cn_to_int(m.group(1)) if m else None
        if m and value is not None and line[m.end() :].strip():
            return Marker(style, value, m.group(1), line[m.end() :])
    for style, pattern in _MARKERS:
        m = pattern.match(line)
        if m:
            raw = m.group(1)
            value = ord(raw) - ord("①") + 1 if style == "circled" else cn_to_int(raw)
            if not value:  # (no item is numbered 零: "(零)碳热力" is a word's aside)
                continue
            rest = line[m.end() :]
            if style == "arabic" and not rest:
                continue
            return Marker(style, value, _number_as_written(style, raw), rest)
    m = _DOTTED.match(line)
    if m and last_arabic is not None and int(m.group(1)) == last_arabic + 1:
        rest = line[m.end() :]
        if not _NOT_A_NAME.match(rest):
            return Marker("arabic", int(m.group(1)), m.group(1), rest)
    m = _BEFORE_YEAR.match(line)
    if m and (
        int(m.group(1)) == 1 or last_arabic is not None and int(m.group(1)) == last_arabic + 1
    ):
        return Marker("arabic", int(m.group(1)), m.group(1), line[m.end() :])
    m = _GLUED.match(line) or _FULL_STOP.match(line)
    if m and not _NOT_AFTER_GLUED.match(line):
        value = int(m.group(1))
        if last_arabic is not None and value == last_arabic + 1 or value == 1:
            return Marker("arabic", value, m.group(1), line[m.end() :])
    return None


LABEL_RE = re.compile(  # (a field's own goals: "治理工作目标:" is a 目标 label too)
    r"^(?:[\u4e00-\u9fff]{1,4}(?=目标[:：]))?"
    r"(效果指标|具体措施|工作措施|主要措施|目标|工作目标|主要目标|预期目标|考核指标)\s*[:：]?\s*(.*)$"
)
SENTENCE_END = "。;；!?！？:：)）」』”"


BULLET_RE = re.compile(r"^(——|—|--|-|•|·|●|■|▲|◆|○|□|★)")


def is_complete(line: str) -> bool:
    """Whether a line ends a sentence (so the next unmarked line starts a new paragraph)."""
    return bool(line) and line[-1] in SENTENCE_END


def starts_paragraph(line: str) -> bool:
    """A bullet ("——2023年为…") always opens a new paragraph, whatever the line before."""
    return bool(BULLET_RE.match(line))


# a colon opening a list of sub-items ("严格执行法定程序:1.公众参与。2.…") ends the heading
_LIST_COLON_RE = re.compile(rf"[:：]\s*(?=\d{{1,2}}[.、．]|\(?{CN_NUM}[)、]|\(\d{{1,2}}\)|[①-⑳])")


def first_clause(text: str, limit: int = 40) -> str:
    """Short heading of a task: its first sentence, or its first clause when that is long."""
    first = re.split(r"[。;；]", text, maxsplit=1)[0]
    first = _LIST_COLON_RE.split(first, maxsplit=1)[0]
    if len(first) > limit:
        first = re.split(r"[,，:：]", first, maxsplit=1)[0]
    return first.strip().rstrip("。.,，、;；:：")


# ---------------------------------------------------------------- markers in running text

_SENTENCE_END = "。;!?:)」”"
_CN_ITEM = f"(?:{CN_NUM})"
# a marker inside a line that opens a new item: after a sentence end, (一) also right after a
# heading's last character ("一、加快建设低碳能源体系(一)强化…")
_INLINE_MARKER_RE = re.compile(
    rf"(?<=[{_SENTENCE_END}])(?={_CN_ITEM}、|\({_CN_ITEM}\)|\(\d{{1,2}}\)|\d{{1,2}}[.、．](?!\d)"
    rf"|第{_CN_ITEM}条)"
    rf"|(?<=[\u4e00-\u9fff])(?=\((?![零〇两]){_CN_ITEM}\)[\u4e00-\u9fff])"  # not 低(零)碳
)
# numbering by name inside running text: "…专项行动任务1:实施…" / "…。——任务2:…"
_NAMED_INLINE_RE = re.compile(
    rf"(?<=[\u4e00-\u9fff{_SENTENCE_END}])(?=(?:——|—)?(?:任务\d{{1,3}}|行动(?:\d{{1,3}}|{CN_NUM}))[:：])"
)
# a number glued to the text before it ("…责任单位:各镇街2.坚持…", "…提升行动6.健全…"): a cut only
# when it continues the numbering (the last number + 1), which a quantity rarely does
_SEQUENCE_MARKER_RE = re.compile(
    rf"(?<=[\u4e00-\u9fff)”])(?:(\d{{1,3}})[.、．](?!\d)|({_CN_ITEM})、)(?=[\u4e00-\u9fff“《]|[A-Z]{{2}})"
)


# the first item glued to its heading on one line ("(一)推进职能转变1.深化审批改革"): only the
# first number of the level below, within the heading's length
_FIRST_ITEM_RE = re.compile(
    r"(?<=[\u4e00-\u9fff])(?=(?:1[.、．]|\(1\)|\(一\)|①)(?:[\u4e00-\u9fff“《]|[A-Z]{2}))"
)
_FIRST_SUB_ITEM_RE = re.compile(r"(?<=[\u4e00-\u9fff])(?=(?:\(1\)|①)[\u4e00-\u9fff“《])")
# a title running on into the text after it (a page copied as one line): "…情况报告2025年,…"
_RUN_ON_TITLE_RE = re.compile(
    r"^(.{4,60}?(?:方案|要点|计划|规划|报告|意见|安排|办法|清单|通知|措施|纲要)"
    r"(?:\((?![^()]*[〔\[［]\d{4})[^()]{2,20}\))?)"  # (2021-2025年), not (医保办函〔2025〕82号)
    r"(?=(?:19|20)\d{2}年|为|根据|按照|现将|近年来|各[\u4e00-\u9fff]{1,12}[,:、]"
    r"|\(?[\u4e00-\u9fff]{1,12}[〔\[［(（](?:19|20)\d{2}[〕\]］)）]\s*第?\d{1,4}\s*号)"
)
# The opening of a document copied as one line, after its title: its 文号 (攀西府〔2020〕9号) and a
# salutation (市政府:), each a line of its own in the document.
_RUN_ON_NUMBER_RE = re.compile(  # ("(医保办函〔2025〕82号)": in brackets too)
    r"^(\(?[\u4e00-\u9fff]{1,12}[〔\[［(（](?:19|20)\d{2}[〕\]］)）]\s*第?\d{1,4}\s*号\)?)"
)
_RUN_ON_SALUTATION_RE = re.compile(r"^([\u4e00-\u9fff、]{2,24}[:：])(?=\S)")
# Where the opening of a one-line document (before its first numbered item) falls into the lines
# it had: rows of a metadata table copied with | (a row ends where a cell is followed by text
# without a space), a 文号, a sentence end, a signature date, a salutation before 现将/为/根据,
# and a notice's title (…的通知) before the page's 发布时间.
_OPENING_CUT_RE = re.compile(
    r"(?<= \|)(?=[^\s|])|(?<=-\|)(?=[^\s|-])"
    r"|(?=(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{1,12}[〔\[［(（](?:19|20)\d{2}[〕\]］)）]\s*第?\d{1,4}号)"
    r"|(?<=[〕\]］)）]\d号)(?=[\u4e00-\u9fff])|(?<=[〕\]］)）]\d\d号)(?=[\u4e00-\u9fff])"
    r"|(?<=[〕\]］)）]\d\d\d号)(?=[\u4e00-\u9fff])"
    r"|(?<=。)(?=\S)"
    r"|(?<=[年月]\d日)(?=[\u4e00-\u9fff(（])|(?<=[年月]\d\d日)(?=[\u4e00-\u9fff(（])"
    r"|(?<=[\u4e00-\u9fff][:：])(?=现将|为|根据|按照|经|近年来|(?:19|20)\d{2}年)"
    r"|(?<=的通知)(?=发布|来源|时间|日期)"
)
RUNNING_LINE = 120  # lines at least this long may hold a whole outline


_PAGE_MARK_RE = re.compile(r"^(\d{1,3})\s*、(?=\S)")


def _is_first_page(line: str) -> bool:
    first = _PAGE_MARK_RE.match(line)
    return bool(first and first.group(1) == "1" and _RUN_ON_TITLE_RE.match(line[first.end() :]))


def strip_page_marks(lines: list[str]) -> list[str]:
    """A document-sharing page prints its page numbers into the text, each page a line
    ("1、某市…工作措施(征求意见稿)为建设…" / "2、进头脑工作。…" / "3、氛围。…"): when the first
    page opens on the document's title, the marks 1、2、3… opening the lines are no items."""
    long = [k for k, line in enumerate(lines) if len(line) >= RUNNING_LINE]
    if not long:
        return lines
    start = long[0]
    if start > 0 and _PAGE_MARK_RE.match(lines[start - 1]):  # a title cut at a space
        joined = [*lines[: start - 1], lines[start - 1] + lines[start], *lines[start + 1 :]]
        if _is_first_page(joined[start - 1]):
            lines, start = joined, start - 1
    if not _is_first_page(lines[start]):
        return lines
    out, expect = list(lines[:start]), 1
    for line in lines[start:]:
        m = _PAGE_MARK_RE.match(line)
        if m and int(m.group(1)) == expect:
            expect += 1
            if expect > 2 and out:  # the next page goes on with the text, mid-sentence often
                out[-1] += line[m.end() :]
                continue
            line = line[m.end() :]
        out.append(line)
    return out


# A space standing for a line break in a document copied as one line with its paragraphs joined by
# spaces ("…目标。 一、加快建设低碳能源体系 （一）强化…"), looked for before the text conventions
# drop the spaces next to Chinese characters: a space before an item's number, after a sentence's
# end, or between two characters (Chinese prose sets none there). Raw text: both widths.
_SP = r"[ \u00a0\u2000-\u200b\u3000]+"
_SP0 = r"[ \u00a0\u2000-\u200b\u3000]*"
_HAN = r"\u4e00-\u9fff"
_ANNEX_ENDS = [
    f"附件{sp}{d}{colon}"
    for sp in ("", " ")
    for d in ("[0-9０-９]", "[0-9０-９]{2}")
    for colon in ("", "[:：]")
]
_SPACE_BREAK_RE = re.compile(
    # before an item's number (not after a Latin word or a number: "HAI 550、")
    rf"(?P<mark>(?<![A-Za-z0-9０-９\-]){_SP}(?={_CN_ITEM}{_SP0}[、.．]"
    rf"|[(（]{_SP0}(?:{_CN_ITEM}|[0-9０-９]{{1,2}}){_SP0}[)）]"
    rf"|[0-9０-９]{{1,3}}{_SP0}[.、．](?:(?![0-9０-９])|(?=(?:19|20)\d{{2}}年))"
    rf"|第{_CN_ITEM}[条章]|[①-⑳]|——))"
    rf"|{_SP}(?=附件)|(?:{'|'.join(f'(?<={e})' for e in _ANNEX_ENDS)}){_SP}(?=\S)"
    # after a sentence's end or a closing bracket; after a closing quote, not before a count
    rf"|(?<=[。；;！!？?）)]){_SP}(?=[^\s|｜])|(?<=[」”]){_SP}(?=[^\s|｜0-9０-９%％])"
    # a date or number before a metadata key ("2024-04-01 层级:")
    rf"|(?<=[0-9０-９]){_SP}(?=[{_HAN}]{{2,6}}[:：])"
    # between two characters, or before a year
    rf"|(?<=[{_HAN}]){_SP}(?=[{_HAN}“《]|(?:19|20)\d{{2}}年)"
)
_HAN_SPACE_RE = re.compile(rf"(?<=[{_HAN}]){_SP}(?=[{_HAN}])")
_HAN_CHAR_RE = re.compile(rf"[{_HAN}]")
# items' numbers after a sentence's end with no space before them, or with one
_ITEM = rf"(?:{_CN_ITEM}、|[(（]{_CN_ITEM}[)）]|\d{{1,2}}[.、．](?!\d))"
_GLUED_ITEM_RE = re.compile(rf"(?<=[。；;])(?={_ITEM})")
_SPACED_ITEM_RE = re.compile(rf"(?<=[。；;）)]){_SP}(?={_ITEM})|(?<=[{_HAN}]){_SP}(?={_ITEM})")
# a salutation before its text: "各区绿化和市容管理局，临港新片区管委会： 白玉兰是…"
_SALUTATION_SPACE_RE = re.compile(
    rf"^((?:各[^:：。]{{1,60}}|[^:：。]{{2,60}}[、，,][^:：。]{{1,60}})[:：]){_SP}(?=\S)"
)
_SENTENCE_END_RE = re.compile(r"[。；;！!？?:：]")
_TITLE_END_RE = re.compile(
    r"(?:意见|方案|要点|通知|办法|规定|计划|规划|报告|细则|清单|决定|措施|纲要)(?:\(试行\)|（试行）)?$"
)
_BRACKET_SPAN = 80  # brackets and quoted titles close within this many characters
# a "cell" this long between a one-line text's TABs is the prose between two tables (or before
# or after one), not a table's cell
_PROSE_CELL = 1000
_ARTICLE_RE = re.compile(rf"^第(?:{CN_NUM}|\d{{1,3}})[条章节]$")
_BARE_MARKER_RE = re.compile(
    rf"^\s*(?:[(（]\s*(?:{CN_NUM}|\d{{1,2}})\s*[)）]|(?:{CN_NUM}|\d{{1,3}})\s*[、.．]"
    rf"|第(?:{CN_NUM}|\d{{1,3}})[条章节])\s*$"
)
_LONE_CHAR_RE = re.compile(rf"[{_HAN}](?:{_SP}|[:：]|$)")


def break_spaced_lines(text: str) -> str:
    """Raw text whose long lines (RUNNING_LINE and more) are cut at the spaces that stood for
    their line breaks (see spaced_pieces)."""
    return spaced_pieces(text)[0]


def spaced_pieces(text: str) -> tuple[str, set[str]]:
    """Raw text whose long lines (RUNNING_LINE and more) are cut at the spaces that stood for
    their line breaks, and the lines so made (normalised: split_running_text reads them as the
    running text they were). A cut inside a sentence costs nothing: the piece is joined again
    with the next one (is_complete). Left alone: table rows (only the prose between tables run
    into one line is cut), a | table opening the line, and letter-spaced text (a PDF's
    法 治 政 府, where spaces part characters, not lines)."""
    parts = LINE_ENDS_RE.split(text)
    pieces: set[str] = set()
    for k in range(0, len(parts), 2):
        line = parts[k]
        if len(line) < RUNNING_LINE:
            continue
        if "\t" in line:  # tables run into the line: only its runs of prose between cells
            parts[k] = "\t".join(
                _cut_at_spaces(c) if len(c) >= _PROSE_CELL and not _spaces_part_no_lines(c) else c
                for c in line.split("\t")
            )
            continue
        head = ""
        if line.count("|") >= 2:  # a | table opening the line (a page's metadata): its rows stay
            cut = line.rindex("|") + 1
            head, line = line[:cut], line[cut:]
            if len(line) < RUNNING_LINE:
                continue
        if _spaces_part_no_lines(line):
            continue
        cut_line = _cut_at_spaces(line.strip())
        parts[k] = (head + "\n" if head else "") + cut_line
        if "\n" in cut_line:
            pieces.update(normalize_prose(p) for p in cut_line.split("\n"))
    return "".join(parts), pieces


def _spaces_part_no_lines(text: str) -> bool:
    """Spaces part its characters (a PDF's 法 治 政 府), or stand elsewhere than for line breaks:
    its items' numbers mostly follow a sentence's end with no space (a text run onto one line
    with nothing between its lines, whose few spaces were inside its lines)."""
    if len(_HAN_SPACE_RE.findall(text)) * 5 > len(_HAN_CHAR_RE.findall(text)):
        return True
    return len(_GLUED_ITEM_RE.findall(text)) > len(_SPACED_ITEM_RE.findall(text))


def _no_break_between(piece: str, line: str, after: int) -> bool:
    """A space between two characters that parts no lines: after an article's number ("第二条
    考核范围…"), or around a lone character (letter-spaced keys and names: "主 管:", "张 星")."""
    return bool(
        _ARTICLE_RE.search(piece) or len(piece.strip()) <= 1 or _LONE_CHAR_RE.match(line, after)
    )


def _salutation_apart(piece: str) -> list[str]:
    m = _SALUTATION_SPACE_RE.match(piece)
    return [m.group(1), piece[m.end() :]] if m else [piece]


def _cut_at_spaces(line: str) -> str:
    """The line with its breaking spaces (_SPACE_BREAK_RE) made line breaks, except inside
    brackets ("(标准 完整 实用)")."""
    out, start, opened, scanned = [], 0, [], 0
    for m in _SPACE_BREAK_RE.finditer(line):
        for k in range(scanned, m.start()):
            if line[k] in "(（《“":
                opened.append(k)
            elif line[k] in ")）》”" and opened:
                opened.pop()
        scanned = m.start()
        piece = line[start : m.start()]
        # inside brackets or a quoted title, unless one was left open long before (a lost ")")
        inside = bool(opened) and m.start() - opened[-1] <= _BRACKET_SPAN
        # a title wrapped at a space ("关于压实政治督查责任 持续深入推动…的实施意见")
        title = (
            piece.startswith("关于")
            and len(piece) <= 60
            and not _SENTENCE_END_RE.search(piece)
            and not _TITLE_END_RE.search(piece)
        )
        between = _HAN_SPACE_RE.match(line, m.start())  # a space between two characters
        if between and (title or _no_break_between(piece, line, m.end())):
            continue
        if _BARE_MARKER_RE.match(piece):  # "(二) 强化权力运行信息公开。"
            continue
        if not inside or m.group("mark"):
            out.append(piece)
            start = m.end()
    out.append(line[start:])
    # a salutation before its text ("各区绿化和市容管理局，临港新片区管委会： 白玉兰是…")
    return "\n".join(q for p in out for q in _salutation_apart(p))


def split_running_text(line: str, running: bool = False) -> list[str]:
    """A line split where numbering markers open items inside it (documents copied from web pages
    or databases arrive as one line; PDF extraction glues a heading to its first item). Lines
    shorter than RUNNING_LINE only when `running` (a piece of a line cut at its spaces)."""
    if "\t" in line or not line.strip():
        return [line]
    pieces = [line]
    if len(line) >= RUNNING_LINE or running:
        # (an item is no title: "(一)以权责清单为依托,…" runs on as it is)
        title = _RUN_ON_TITLE_RE.match(line) if match_marker(line) is None else None
        head = [title.group(1)] if title else []
        rest = line[title.end() :] if title else line
        if title:
            for opening in (_RUN_ON_NUMBER_RE, _RUN_ON_SALUTATION_RE):
                found = opening.match(rest)
                if found:
                    head.append(found.group(1))
                    rest = rest[found.end() :]
        cuts = sorted(
            {m.start() for m in _INLINE_MARKER_RE.finditer(rest) if m.start() > 0}
            | {m.start() for m in _NAMED_INLINE_RE.finditer(rest) if m.start() > 0}
            | set(_sequence_cuts(rest))
            | set(_notice_cuts(rest))
        )
        bounds = [0, *cuts, len(rest)]
        pieces = head + [rest[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if rest[a:b]]
        if pieces and match_marker(pieces[0]) is None and not _FULL_STOP.match(pieces[0]):
            # the opening, before the first item (not an item "2。…" counted on from above)
            pieces = _split_opening(pieces[0]) + pieces[1:]
    else:
        pieces = _split_glued_siblings(line)
    out: list[str] = []
    for piece in pieces:
        out.extend(_split_first_item(piece))
    return [p.strip() for p in out if p.strip()]


# the next item of a line's own level glued after an attribution's bracket: "(一)…。(X负责)(二)…",
# "1.…。(X主办,Y协办)2.重点抓好…"
_AFTER_BRACKET_MARKER_RE = re.compile(
    rf"(?<=[)）])(?:\(({CN_NUM})\)|(\d{{1,2}})[.、．](?!\d)|({CN_NUM})、)(?=[\u4e00-\u9fff“《])"
)


def _split_glued_siblings(line: str) -> list[str]:
    """A short line holding two items of one level, the second glued after the first's closing
    bracket (a web page's lost line break): cut where the next number of the line's own marker
    follows a ")"; only the numbers that continue it, so "(2020年)3、" cuts nothing."""
    first = match_marker(line)
    if first is None or first.style not in ("cn_paren", "arabic", "cn_comma"):
        return [line]
    cuts, expect = [], first.value + 1
    for m in _AFTER_BRACKET_MARKER_RE.finditer(line):
        style = "cn_paren" if m.group(1) else "arabic" if m.group(2) else "cn_comma"
        if style == first.style and cn_to_int(m.group(1) or m.group(2) or m.group(3)) == expect:
            cuts.append(m.start())
            expect += 1
    bounds = [0, *cuts, len(line)]
    return [line[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


_PUBLISHED_NOTE_RE = re.compile(r"[(（]此件[\u4e00-\u9fff]{2,8}[)）]")


# a notice's heading and 文号 inside running text (a gazette copied as one line): "…落实。
# 关于印发《X》的通知银西法办发〔2020〕3号各镇街:…" -> the heading, the 文号, the rest
_NOTICE_IN_TEXT_RE = re.compile(
    r"(?<=[。”)])(?P<head>[^。《》()]{0,40}?(?:关于)?(?:印发|转发)《[^《》]{2,80}》的通知)"
    r"\(?(?P<number>[\u4e00-\u9fff]{1,12}[〔\[［(（](?:19|20)\d{2}[〕\]］)）]\s*第?\d{1,4}号)\)?"
    r"(?![)）]?\s*(?:\.{3,}|…{2,}|·{3,}))"  # not a table of contents' entry ("…号).....21")
)


def _notice_cuts(text: str) -> list[int]:
    """Where a notice's heading, its 文号 and its body begin inside a run of text."""
    cuts: list[int] = []
    for m in _NOTICE_IN_TEXT_RE.finditer(text):
        cuts += [m.start("head"), m.start("number"), m.end()]
    return [c for c in cuts if 0 < c < len(text)]


def _split_opening(text: str) -> list[str]:
    """The opening of a one-line document cut where its lines were (_OPENING_CUT_RE)."""
    cuts = {m.start() for m in _OPENING_CUT_RE.finditer(text)}
    cuts |= {m.end() for m in _PUBLISHED_NOTE_RE.finditer(text)}  # (此件公开发布)
    bounds = [0, *sorted(c for c in cuts if 0 < c < len(text)), len(text)]
    out = []
    for piece in (text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)):
        title = _RUN_ON_TITLE_RE.match(piece)  # the title line running on into the preamble
        out += [title.group(1), piece[title.end() :]] if title else [piece]
    return [p for p in out if p.strip()]


# what follows a quantity, never an item's first word: "35项任务", "3名", "2期", "100%"
MEASURE_WORDS = "项个次件名人家所条年月日天周倍万亿千百余多批期届级类户座支台套场篇份元季号"


def _sequence_cuts(text: str) -> list[int]:
    """Where a glued number continues the numbering of the items before it in the line."""
    cuts, last = [], {"arabic": None, "cn": None}
    pattern = (
        rf"(?<![\d.])(\d{{1,3}})(?:[.、．](?!\d)|。(?=[\u4e00-\u9fff]))"  # ("2。引导…" too)
        rf"|(?<![{CN_NUMERAL_CHARS}])({_CN_ITEM})、"
        rf"|(?<=[。;；)）])(\d{{1,3}})(?![\d.])(?=[“《]|所有|(?![{MEASURE_WORDS}])[\u4e00-\u9fff])"
        rf"|(?<=[\u4e00-\u9fff])(?<![第近约共达超逾])(\d{{1,3}})(?![\d.])"
        rf"(?=[“《]|所有|(?![{MEASURE_WORDS}])[\u4e00-\u9fff]{{2}})"
    )
    # the "1." / "一、" that opened the run now going on, glued to a heading before it
    # ("…依法治镇工作一、认真贯彻…工作要点1、认真…。2、推动…"): cut too once its 2 is; one after a
    # full stop outranks an earlier one inside a word (统一、规范)
    opening: dict[str, tuple[int, bool] | None] = {"arabic": None, "cn": None}
    for m in re.finditer(pattern, text):
        bare = m.group(3) or m.group(4)  # a number without . or 、: only as the next item
        style, raw = ("arabic", m.group(1) or bare) if m.group(1) or bare else ("cn", m.group(2))
        value = cn_to_int(raw)
        if value is None:
            continue
        continues = last[style] is not None and value == last[style] + 1
        after_stop = m.start() > 0 and text[m.start() - 1] in _SENTENCE_END and not bare
        if continues and (bare or after_stop or _SEQUENCE_MARKER_RE.match(text, m.start())):
            cuts.append(m.start())
            if value == 2 and opening[style] is not None:
                cuts.append(opening[style][0])
            opening[style] = None
        if bare and not continues:
            continue
        if value == 1 and not bare:
            held = opening[style]
            if held is None or (after_stop and not held[1]):
                opening[style] = (m.start(), after_stop)
            if style == "cn":
                opening["arabic"] = None
        if continues or value == 1:
            last[style] = value
    return cuts


def _split_first_item(piece: str) -> list[str]:
    marker = match_marker(piece)
    if marker is None or marker.style not in ("cn_comma", "cn_paren", "article", "arabic"):
        return [piece]
    head_len = len(piece) - len(marker.rest)
    # under "1." only a deeper first item: "1. 深入推进法治宣传教育工作(1)加强法治宣传力度,…"
    first = _FIRST_SUB_ITEM_RE if marker.style == "arabic" else _FIRST_ITEM_RE
    m = first.search(marker.rest, 0, 40)
    if m is None or any(ch in marker.rest[: m.start()] for ch in "。;；"):
        return [piece]
    cut = head_len + m.start()
    return [piece[:cut], *_split_first_item(piece[cut:])]
