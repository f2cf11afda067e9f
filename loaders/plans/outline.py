"""Outline grammar: numbering markers of plan documents and joining of broken lines.

Numbering styles (编号样式) seen in plans, as written after normalisation:
  cn_comma   一、          cn_paren  (一)          arabic  1.  1、  1．  2全面… (digit glued)
  ar_paren   (1)          article   第一条        circled ①
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.numbering import CN_NUM, cn_to_int  # noqa: F401 (cn_to_int: also read from here)

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


def first_clause(text: str, limit: int = 40) -> str:
    """Short heading of a task: its first sentence, or its first clause when that is long."""
    first = re.split(r"[。;；]", text, maxsplit=1)[0]
    if len(first) > limit:
        first = re.split(r"[,，:：]", first, maxsplit=1)[0]
    return first.strip().rstrip("。.,，、;；:：")
