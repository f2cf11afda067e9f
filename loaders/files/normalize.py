"""Text normalisation (文本规范化) and removal of page furniture (页眉页脚、网页栏目).

`clean_document_text` is the one call the plan parser makes: it applies `normalize_text`
(half-width forms, spacing around Chinese, traditional → simplified) and then `strip_furniture`
(page numbers, breadcrumbs, web widgets, running headers). The conventions it produces are
described in docs/text-conventions.md; every other module relies on them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable

from loaders.numbering import CN_DATE

# Full-width ASCII forms U+FF01–U+FF5E → ASCII; every kind of space → " "; invisible chars → "".
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_INVISIBLE = "\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff"
_TRANSLATE = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}
_TRANSLATE.update({ord(c): " " for c in _SPACES})
_TRANSLATE.update({ord(c): None for c in _INVISIBLE})
# control characters (NUL, ESC …, DEL) are never text: removed, so they are never stored
_TRANSLATE.update({c: None for c in [*range(0x00, 0x09), 0x0E, 0x0F, *range(0x10, 0x20), 0x7F]})
# numbers written as one character: "⒈" (U+2488…) → "1.", "⑴" (U+2474…) → "(1)"
_TRANSLATE.update({0x2488 + k: f"{k + 1}." for k in range(20)})
_TRANSLATE.update({0x2474 + k: f"({k + 1})" for k in range(20)})
# small form variants ("1﹒", "﹙一﹚", "﹐"): the characters they stand for, as NFKC reads them
_TRANSLATE.update(
    {c: unicodedata.normalize("NFKC", chr(c)) for c in range(0xFE50, 0xFE6C) if c != 0xFE53}
)
_LINE_BREAK_RE = re.compile(r"\r\n|[\r\u2028\u2029\x0b\x0c\x85]")
# every line end, "\n" too, captured: raw text split into lines and their ends (joined back as read)
LINE_ENDS_RE = re.compile(r"(\r\n|[\n\r\u2028\u2029\x0b\x0c\x85])")

# Han ideographs and the punctuation that sits between them (、。“”《》〔〕【】—…·).
_CJK = (
    "\u2e80-\u2fdf\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f"
    "\u2014\u2015\u2018-\u201f\u2026\u00b7\U00020000-\U0003134f"
)
# Spaces next to a CJK character, or after a colon/comma/semicolon that follows one ("时限: 2020").
_CJK_SPACE_RE = re.compile(f" +(?=[{_CJK}])|(?<=[{_CJK}]) +|(?<=[{_CJK}][:;,]) +")
_MULTI_SPACE_RE = re.compile(r" {2,}")

YEAR_RANGE_RE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*(?:[-‐‑‒–—―－~～〜]{1,2}|至|到)\s*((?:19|20)\d{2})(?!\d)"
)
"""A span of years as written: 2021—2025, 2021-2025, 2021－2025, 2021~2025, 2021至2025."""

# Characters that exist only in traditional script, and their simplified forms (same order).
_TRAD_ONLY = "國們為與這發實體機關點頭區縣責單務處應時會進說對級將開門長護營環監導設規達歷經見來過動現當義無專業質產標運還總辦層權據鄉鎮轄條項費稅聯際網檢執審議論職員"
_SIMP_ONLY = "国们为与这发实体机关点头区县责单务处应时会进说对级将开门长护营环监导设规达历经见来过动现当义无专业质产标运还总办层权据乡镇辖条项费税联际网检执审议论职员"
_TRAD_RE = re.compile(f"[{_TRAD_ONLY}]")
_SIMP_RE = re.compile(f"[{_SIMP_ONLY}]")


def is_traditional(text: str) -> bool:
    """True when a text is written in traditional characters (繁体): at least 3 traditional-only
    characters and at least four times as many as simplified-only ones."""
    trad = len(_TRAD_RE.findall(text))
    if trad < 3:
        return False
    return trad >= 4 * len(_SIMP_RE.findall(text))


def to_simplified(text: str) -> str:
    """Fold traditional script into simplified (繁转简), mainland vocabulary included."""
    import zhconv  # imported lazily: only traditional documents pay its load time

    return zhconv.convert(text, "zh-cn")


# a line naming one role's units ("牵头单位：县委依法治县办 县司法局"): spaces part its names
_ROLE_LABEL_RE = re.compile(
    r"^\s*(?:牵头|责任|配合|协办|主办|承办|参与|协助|协作)(?:单位|部门)\s*[:：]\s*"
)
_NAMES_SPACES_RE = re.compile(r"[ \u3000]+")


def _spaced_names(line: str) -> str:
    """The names of a role line parted by spaces, parted by "、" instead, so that no space
    removal glues them; a line spaced letter by letter, or holding a second label, stays."""
    m = _ROLE_LABEL_RE.match(line)
    if not m:
        return line
    names = _NAMES_SPACES_RE.split(line[m.end() :].strip())
    if len(names) < 2 or any(len(n) < 3 or re.search(r"[:：。,，;；()（）]", n) for n in names):
        return line
    return line[: m.end()] + "、".join(names)


def _normalize_prose(line: str) -> str:
    line = _CJK_SPACE_RE.sub("", _spaced_names(line))
    return _MULTI_SPACE_RE.sub(" ", line).strip(" ")


def _normalize_row(line: str) -> str:
    return "\t".join(_MULTI_SPACE_RE.sub(" ", cell).strip(" ") for cell in line.split("\t"))


def normalize_prose(line: str) -> str:
    """One line of running text without the spaces next to Chinese characters."""
    return _normalize_prose(line)


def normalize_cell(text: str) -> str:
    """A spreadsheet cell under the text conventions, read like a cell of a TAB row: single
    spaces kept (they part entries: "…负责。 财政局牵头…"), line breaks kept as "\\n"."""
    if is_traditional(text):
        text = to_simplified(text)
    text = _LINE_BREAK_RE.sub("\n", text.translate(_TRANSLATE)).replace("\t", " ")
    return "\n".join(_MULTI_SPACE_RE.sub(" ", ln).strip(" ") for ln in text.split("\n")).strip()


def plain_name(text: str) -> str:
    """A short name of raw text as the conventions write it (a header cell looked up before the
    text is normalised): full-width folded, simplified script, a mirror's pinyin glosses gone."""
    return to_simplified(_PINYIN_GLOSS_RE.sub("", text.translate(_TRANSLATE))).strip()


# a paragraph's indent of two ideographic spaces lost when the page was saved in a narrower
# charset: "??一、…", "��1.…" at a line's start
_LOST_INDENT_RE = re.compile(r"(?m)^[ \t]*(?:\?{2,4}|\ufffd{1,4})(?=[^\s?\ufffd])")


# a star marking an item ("*改建认知障碍照护床位220张", "*新增1家…、*3家…"): no part of its words
_STAR_MARK_RE = re.compile(
    r"(?<![*\w])\*{1,2}(?=[\u4e00-\u9fff“《])|(?<=[、,，])\*(?=\d)"
)  # (a star glued to a number cell, "*8", marks a core indicator's number and stays)


# an item's bracketed number broken over lines by a page's layout ("(" / "十一" / ")加强…",
# "(" / "三)保障…"): one marker again
_BROKEN_MARKER_RE = re.compile(
    r"(?m)^[ \t]*([(（])[ \t]*\n[ \t]*([一二三四五六七八九十百\d]{1,4})[ \t]*(?:\n[ \t]*)?(?=[)）])"
)


def normalize_text(text: str) -> str:
    """Apply the shared text conventions (docs/text-conventions.md) to a whole document.

    Traditional text is folded into simplified first; then full-width ASCII becomes half-width,
    spaces of every kind become " ", invisible characters go, line breaks become "\\n". Prose lines
    lose the spaces next to Chinese characters; table rows (lines with a TAB) keep single spaces
    inside their cells.
    """
    if is_traditional(text):
        text = to_simplified(text)
    text = _LINE_BREAK_RE.sub("\n", text.translate(_TRANSLATE))
    text = _LOST_INDENT_RE.sub("", text)
    text = _BROKEN_MARKER_RE.sub(r"\1\2", text)
    text = _STAR_MARK_RE.sub("", text)
    lines = text.split("\n")
    return "\n".join(
        _normalize_row(ln)
        if "\t" in ln
        else _normalize_pipe_row(ln)
        if ln.count("|") >= 2
        else _normalize_prose(ln)
        for ln in lines
    )


_PIPE_CELL_RE = re.compile(r"^(\s*)(.*?)(\s*)$", re.S)


def _normalize_pipe_row(line: str) -> str:
    """A table row copied with "|" between its cells: like a TAB row, its cells keep single spaces
    inside them ("市民政局 王某某": a unit and its head); the spaces around each "|" stay as they
    are (a row of a one-line copy ends where a cell runs on without one)."""
    cells = []
    for cell in line.split("|"):
        lead, body, trail = _PIPE_CELL_RE.match(cell).groups()
        cells.append(" " * bool(lead) + _MULTI_SPACE_RE.sub(" ", body) + " " * bool(trail))
    return "|".join(cells).strip(" ")


# --- page furniture -------------------------------------------------------------------------

_DASHES = r"\-‐‑‒–—―－~·•"
_PAGE_NUMBER_RE = re.compile(
    rf"^(?:[{_DASHES}]*\s*\d{{1,4}}\s*[{_DASHES}]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/|]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[,，/|]?\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|[Pp]age\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?)$"
)
_BREADCRUMB_RE = re.compile(
    r"^\s*(?:首页|网站首页|当前位置|当前所在|您现在的位置|您当前的位置|你现在的位置|你的位置|您的位置|现在位置|"
    r"所在位置|您所在的位置|您现在所在的位置)"
    r".*[>›»]"
)
_WIDGET_RE = re.compile(
    r"[【\[]\s*(?:打印正文|打印本页|打印此页|打印文章|打印|关闭窗口|关闭本页|关闭|收藏本页|加入收藏|收藏|"
    r"返回顶部|返回|我要纠错|纠错)\s*[】\]]"
    r"|[【\[]?\s*(?:字号|字体)\s*[:：]?\s*(?:[【\[(]\s*[大中小](?:[\s】\]\[【()]*[大中小])*\s*[】\])]"
    r"|[大中小](?:\s*[大中小])+\s*[】\]]?|[【\[]\s*(?=保护视力色|$))"
    r"|保护视力色.{0,40}$"
    r"|(?:^|(?<=[\s】\]|:]))(?:扫一扫|分享到|分享至).{0,40}$"
    r"|(?:阅读|浏览|访问|点击)(?:次数|量|数)?\s*(?:[:：]\s*\d*|\d+)\s*次?\s*$"
)
_WIDGET_HINT_RE = re.compile(r"[【\[]|字号|字体|保护视力|扫一扫|分享|阅读|浏览|访问|点击")
_LEFTOVER_RE = re.compile(r"^[\s|/:：,，、。·•\-]*$")

_KEEP_WORDS_RE = re.compile(r"[:：]|牵头|责任|配合|负责|时限")
_NUMBERED_RE = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.是]|[(（]\s*[一二三四五六七八九十百\d]+\s*[)）]|\d+\s*[.、)．]"
    r"|第[一二三四五六七八九十百千\d]+[条章节部分款项篇]|[①-⑳]|[A-Za-z][.、)])"
)
_DEADLINE_RE = re.compile(r"底前|月前|日前|季度|长期坚持|持续推进|长期|持续|常态化")
_HEADING_END_RE = re.compile(r"(?:要求|目标|措施|指标|任务|原则|分工)$")
_DATE_LINE_RE = re.compile(
    r"^(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    rf"|{CN_DATE})$"
)
_NOTE_RE = re.compile(r"^[(（].*[)）]$")
_MAX_HEADER_LEN = 30
_MIN_HEADER_REPEATS = 3


def _remove_widgets(line: str) -> str | None:
    """The line without web widgets (打印/字号/分享/阅读次数…); None when nothing else is left."""
    if not _WIDGET_HINT_RE.search(line):
        return line
    for _ in range(3):
        cleaned = _WIDGET_RE.sub("", line).strip()
        if cleaned == line:
            break
        line = cleaned
    return None if _LEFTOVER_RE.match(line) else line


_CHROME_LINE_MAX = 200  # a longer line opening with a breadcrumb holds the page's text after it


def _is_page_or_chrome(line: str) -> bool:
    if _PAGE_NUMBER_RE.match(line):
        return True
    return bool(_BREADCRUMB_RE.match(line)) and len(line) <= _CHROME_LINE_MAX


def _may_be_running_header(line: str, next_line: str) -> bool:
    """A short line that could be a running header (页眉), i.e. none of the lines plans repeat."""
    return not (
        len(line) > _MAX_HEADER_LEN
        or "\t" in line
        or _KEEP_WORDS_RE.search(line)
        or _NUMBERED_RE.match(line)
        or _DEADLINE_RE.search(line)
        or _HEADING_END_RE.search(line)
        or _DATE_LINE_RE.match(line)
        or _NOTE_RE.match(line)
        or line.startswith("附件")
        or _DATE_LINE_RE.match(next_line)  # an issuer's signature (落款) above its date
    )


def _running_headers(lines: list[str]) -> set[str]:
    """Short lines repeated at least three times that are not structural lines of a plan."""
    stripped = [ln.strip() for ln in lines]
    following = [""] * len(stripped)
    nxt = ""
    for i in range(len(stripped) - 1, -1, -1):
        following[i] = nxt
        if stripped[i]:
            nxt = stripped[i]
    counts = Counter(s for s in stripped if s and len(s) <= _MAX_HEADER_LEN)
    repeated = {s for s, n in counts.items() if n >= _MIN_HEADER_REPEATS}
    if not repeated:
        return set()
    vetoed = {
        s
        for s, nx in zip(stripped, following, strict=True)
        if s in repeated and not _may_be_running_header(s, nx)
    }
    return repeated - vetoed


def is_page_number(line: str) -> bool:
    """A stripped line that is a page number: "- 3 -", "第3页 共9页", "3/9", "Page 3"."""
    return bool(_PAGE_NUMBER_RE.match(line))


def page_furniture(lines: list[str]) -> Callable[[str], bool]:
    """Whether a stripped line of these lines is a page number or a running header."""
    headers = _running_headers(lines)
    return lambda s: s in headers or bool(_PAGE_NUMBER_RE.match(s))


# a document's own title ("…关于…的通知", "…实施方案"): kept once though a page repeats it
_TITLE_LIKE_RE = re.compile(
    r"^[^。;；,，:：]{2,40}关于[^。;；]{2,80}(?:通知|方案|意见|决定|报告|办法|规定|计划|要点|通告|函)$"
)


def strip_furniture(lines: list[str]) -> list[str]:
    """Drop page furniture and web chrome: page numbers (页码), breadcrumbs (当前位置), widgets
    (【打印正文】 字号 分享到 阅读次数…) and running headers (页眉). Blank lines are kept."""
    headers = _running_headers(lines)
    out: list[str] = []
    seen: set[str] = set()
    for line in lines:
        s = line.strip()
        if not s:
            out.append(line)
            continue
        if s in headers and _TITLE_LIKE_RE.match(s) and s not in seen:
            seen.add(s)  # a page's title said three times (its tab, its heading, the text's own):
            out.append(line)  # the first one is the document's title, the rest repeats
            continue
        if s in headers or ("\t" not in line and _is_page_or_chrome(s)):
            continue
        if "\t" not in line:
            s = _LEADING_PAGE_MARK_RE.sub("", s)  # "- 2 - 工作汇报,…": a page's number
            line = s if not line.strip().startswith(s) else line
            kept = _remove_widgets(s)
            if kept is None:
                continue
            line = kept if kept != s else line
        out.append(line)
    return out


# a page number a PDF's text put at the start of the next page's first line ("- 2 - 工作汇报")
_LEADING_PAGE_MARK_RE = re.compile(rf"^[{_DASHES}]\s*\d{{1,4}}\s*[{_DASHES}]\s*(?=[^\s\d])")
# the lenticular (or square) brackets some plans close their tasks with ("〔牵头单位:X;责任单位:
# Y〕", "【责任单位:Z】", "[牵头单位:X;配合单位:Y]"): an attribution, read as the parentheses it
# stands for (文号 〔2022〕 are not)
_ROLE_BRACKETS_RE = re.compile(
    r"[〔【\[［]([^〔〕【】\[\]［］]{0,300}?(?:牵头|责任单位|责任部门|配合|协办|负责)"
    r"[^〔〕【】\[\]［］]{0,300}?)[〕】\]］]"
)


# …and one a cut copy leaves open at its end
_OPEN_ROLE_BRACKET_RE = re.compile(r"[〔【](?=(?:牵头|责任|配合)[^〔〕【】]{0,300}\Z)")


def role_brackets(text: str) -> str:
    return _OPEN_ROLE_BRACKET_RE.sub("(", _ROLE_BRACKETS_RE.sub(r"(\1)", text))


# pinyin that mirror sites print after characters: "执(zhí)法", "关(guān)于"
_PINYIN_GLOSS_RE = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")


# a site's column or a print's running head, no document's title: "政府信息公开", "通知公告",
# "人民政府公报", "政策文件" (a saved page's <title>, a gazette's header line)
SECTION_NAME_RE = re.compile(
    r"(?:政府|政务)?(?:信息)?公开(?:目录|专栏|指南)?|通知公告|公示公告|政策(?:文件|法规)|文件通知|"
    r"(?:[\u4e00-\u9fff]{2,8})?(?:人民)?政府公报|工作动态|(?:新闻|信息)中心|规范性文件|部门文件|"
    r"正文|详情|文章详情|内容页|首页|"
    r"[\[【(（]?(?:接|续)上页[\]】)）]?"  # a page's continuation mark ("[接上页]")
)
# a web address a saved page or a copy carries on a line of its own, maybe after a label
# ("http://www.x.com/%E6%95%99…/article-4.html", "来源:www.x.com/…"): no words of the document,
# and its %E6 and 4.html are no figures (an address inside a sentence or a title stays as written)
_URL_RE = re.compile(
    r"(?m)^([^\S\n]*(?:[\u4e00-\u9fff]{1,6}\s*[:：]\s*)?)"
    r"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+[^\S\n]*$"
)


# a list's bullet before a line's words ("- 标题:…", "• 发布机构:…"): a mark, no text
_BULLET_RE = re.compile(r"(?m)^[-•·*]\s*(?=[\u4e00-\u9fff])")


def clean_document_text(raw: str) -> str:
    """normalize_text, then strip_furniture: the text the plan parser reads."""
    text = _BULLET_RE.sub("", _URL_RE.sub(r"\1", normalize_text(raw)))
    text = role_brackets(_PINYIN_GLOSS_RE.sub("", text))
    return "\n".join(strip_furniture(text.split("\n")))
