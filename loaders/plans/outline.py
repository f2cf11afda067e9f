"""Outline grammar: numbering markers of plan documents and joining of broken lines.

Numbering styles (编号样式) seen in plans, as written after normalisation:
  cn_comma   一、          cn_paren  (一)          arabic  1.  1、  1．  2全面… (digit glued)
  ar_paren   (1)          article   第一条        circled ①
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
# a number glued to a measure word is a quantity, not a task number ("3个工作日", "2020年")
_NOT_AFTER_GLUED = re.compile(r"^\d+(?:年|月|日|个|次|万|亿|元|%|小时|天|周)")
# "11.121人才梯队项目": the next number of the sequence, then a name that starts with digits
_DOTTED = re.compile(r"^(\d{1,3})[.．](?=\d+[\u4e00-\u9fff“《\"])")
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


def match_marker(line: str, last_arabic: int | None = None) -> Marker | None:
    """The numbering marker that opens `line`, if any."""
    for style, pattern in _MARKERS:
        m = pattern.match(line)
        if m:
            raw = m.group(1)
            value = ord(raw) - ord("①") + 1 if style == "circled" else cn_to_int(raw)
            if value is None:
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
    m = _GLUED.match(line)
    if m and not _NOT_AFTER_GLUED.match(line):
        value = int(m.group(1))
        if last_arabic is not None and value == last_arabic + 1 or value == 1:
            return Marker("arabic", value, m.group(1), line[m.end() :])
    return None


LABEL_RE = re.compile(
    r"^(效果指标|具体措施|工作措施|主要措施|目标|工作目标|主要目标|预期目标|考核指标)\s*[:：]?\s*(.*)$"
)
SENTENCE_END = "。;；!?！？:：)）」』”"


BULLET_RE = re.compile(r"^(——|—|-|•|·|●|■|▲|◆|○|□|★)")


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
    rf"|(?<=[\u4e00-\u9fff])(?=\({_CN_ITEM}\)[\u4e00-\u9fff])"
)
# a number glued to the text before it ("…责任单位:各镇街2.坚持…", "…提升行动6.健全…"): a cut only
# when it continues the numbering (the last number + 1), which a quantity rarely does
_SEQUENCE_MARKER_RE = re.compile(
    rf"(?<=[\u4e00-\u9fff)”])(?:(\d{{1,3}})[.、．](?!\d)|({_CN_ITEM})、)(?=[\u4e00-\u9fff“《])"
)


# the first item glued to its heading on one line ("(一)推进职能转变1.深化审批改革"): only the
# first number of the level below, within the heading's length
_FIRST_ITEM_RE = re.compile(
    r"(?<=[\u4e00-\u9fff])(?=(?:1[.、．]|\(1\)|\(一\)|①)[\u4e00-\u9fff“《])"
)
# a title running on into the text after it (a page copied as one line): "…情况报告2025年,…"
_RUN_ON_TITLE_RE = re.compile(
    r"^(.{4,60}?(?:方案|要点|计划|规划|报告|意见|安排|办法|清单|通知)(?:\([^()]{2,20}\))?)"
    r"(?=(?:19|20)\d{2}年|为|根据|按照|现将|近年来|各[\u4e00-\u9fff]{1,12}[,:、])"
)
RUNNING_LINE = 120  # lines at least this long may hold a whole outline


def split_running_text(line: str) -> list[str]:
    """A line split where numbering markers open items inside it (documents copied from web pages
    or databases arrive as one line; PDF extraction glues a heading to its first item)."""
    if "\t" in line or not line.strip():
        return [line]
    pieces = [line]
    if len(line) >= RUNNING_LINE:
        title = _RUN_ON_TITLE_RE.match(line)
        head = [title.group(1)] if title else []
        rest = line[title.end() :] if title else line
        cuts = sorted(
            {m.start() for m in _INLINE_MARKER_RE.finditer(rest) if m.start() > 0}
            | set(_sequence_cuts(rest))
        )
        bounds = [0, *cuts, len(rest)]
        pieces = head + [rest[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if rest[a:b]]
    out: list[str] = []
    for piece in pieces:
        out.extend(_split_first_item(piece))
    return [p.strip() for p in out if p.strip()]


def _sequence_cuts(text: str) -> list[int]:
    """Where a glued number continues the numbering of the items before it in the line."""
    cuts, last = [], {"arabic": None, "cn": None}
    pattern = rf"(?<![\d.])(\d{{1,3}})[.、．](?!\d)|(?<![{CN_NUMERAL_CHARS}])({_CN_ITEM})、"
    for m in re.finditer(pattern, text):
        style, raw = ("arabic", m.group(1)) if m.group(1) else ("cn", m.group(2))
        value = cn_to_int(raw)
        if value is None:
            continue
        continues = last[style] is not None and value == last[style] + 1
        if continues and _SEQUENCE_MARKER_RE.match(text, m.start()):
            cuts.append(m.start())
        if continues or value == 1:
            last[style] = value
    return cuts


def _split_first_item(piece: str) -> list[str]:
    marker = match_marker(piece)
    if marker is None or marker.style not in ("cn_comma", "cn_paren", "article"):
        return [piece]
    head_len = len(piece) - len(marker.rest)
    m = _FIRST_ITEM_RE.search(marker.rest, 0, 40)
    if m is None or any(ch in marker.rest[: m.start()] for ch in "。;,"):
        return [piece]
    cut = head_len + m.start()
    return [piece[:cut], *_split_first_item(piece[cut:])]
