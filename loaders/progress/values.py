"""Cells and values of an uploaded progress workbook (季度填报): text, status words, numbers,
periods, task numbers and the header (表头) of a sheet.

Sheets themselves (cells as read, merged cells, .xlsx percent formats) are in
loaders.progress.workbook; Sheet and read_sheets are re-exported here.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from loaders.files.readers import (
    _cell_str,
    fill_merged,  # noqa: F401 (re-exported)
)
from loaders.numbering import CN_NUMERAL_CHARS, cn_to_int
from loaders.progress.layout import parse_status  # noqa: F401 (also read from here)
from loaders.progress.workbook import Sheet, read_sheets  # noqa: F401 (re-exported)

# ---------------------------------------------------------------- text

_HALF_WIDTH = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}
_HALF_WIDTH.update({0x3000: " ", 0xA0: " ", 0xFEFF: None, 0x200B: None})
# any character _HALF_WIDTH changes: most cells have none, and a search is faster than translate
_WIDE_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in _HALF_WIDTH) + "]")
PLACEHOLDERS = frozenset({"—", "——", "-", "--", "–", "/", "\\", "无", "暂无", "不适用"})


def cell_text(value: object) -> str:
    """A cell as trimmed text, full-width ASCII forms made half-width ("１００％" -> "100%")."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return half_width(value).strip()
    return _cell_str(value)


def half_width(text: str) -> str:
    """Full-width ASCII forms made half-width, U+3000 a space ("１００％" -> "100%")."""
    return text.translate(_HALF_WIDTH) if _WIDE_RE.search(text) else text


def cell_texts(values: list[object]) -> list[str]:
    """cell_text of every value; a column of plain strings without full-width forms (the usual
    case) is only stripped, in one pass."""
    if set(map(type, values)) == {str} and not _WIDE_RE.search("".join(values)):  # type: ignore[arg-type]
        return list(map(str.strip, values))  # type: ignore[arg-type]
    return list(map(cell_text, values))


def text_key(text: str) -> str:
    """Matching key for task and indicator names: no spaces or punctuation, half-width."""
    return re.sub(r"[\W_]+", "", half_width(text))


# ---------------------------------------------------------------- numbers

_NUMBER_RE = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+")


class Number(NamedTuple):
    """A parsed number; percent: written with a % sign ("98.5%")."""

    value: float
    percent: bool = False


def parse_number(value: object, suffix: str = "") -> Number | None:
    """A number from a cell: 39, "39", "1,234", "98.5%", "１００％", "2次" (suffix "次"); else None.

    Chinese numerals ("三十") are not numbers here: the caller reports them.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
        return Number(number) if math.isfinite(number) else None  # NaN, INF: not figures
    text = re.sub(r"\s+", "", cell_text(value))
    percent = text.endswith("%")
    if percent:
        text = text[:-1]
    elif suffix and text.endswith(suffix) and len(text) > len(suffix):
        text = text[: -len(suffix)]
    if not _NUMBER_RE.fullmatch(text):
        return None
    number = float(text.replace(",", ""))
    return Number(number, percent) if math.isfinite(number) else None


def format_number(value: float) -> str:
    """98.5 -> "98.5", 40.0 -> "40"."""
    return f"{value:.10g}"


# ---------------------------------------------------------------- periods (年度、季度)

_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:\s*年度?)?(?!\d)")
_QUARTER_RE = re.compile(
    r"^(?:第?([一二三四五六七八九\d]+)季度?|[Qq]([1-9])|([1-9])[Qq]|第?([一二三四五六七八九\d]+))$"
)
_TITLE_PERIOD_RE = re.compile(
    r"((?:19|20)\d{2})\s*年度?\s*(?:第\s*([一二三四1-4])\s*季度|([一二三四1-4])\s*季度|[Qq]([1-4]))"
)


def _quarter(text: str) -> int | None:
    """1–4 from "第一季度", "一季度", "Q1", "1", "1季度"; None for anything else (5, "五")."""
    m = _QUARTER_RE.match(text)
    if not m:
        return None
    raw = next(g for g in m.groups() if g)
    number = int(raw) if raw.isdigit() else cn_to_int(raw)
    return number if number in (1, 2, 3, 4) else None


def parse_period(value: object, quarter_only: bool = False) -> tuple[int | None, int | None] | None:
    """(year, quarter) from a 年度 or 季度 cell ("2025", "2025年", "2025年第1季度", "Q1"); None if
    the cell is not a period. A bare number is a year in a 年度 cell and a quarter in a 季度 cell."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = re.sub(r"\s+", "", cell_text(value))
    m = _YEAR_RE.search(text)
    year = int(m.group(1)) if m else None
    rest = (text[: m.start()] + text[m.end() :]).strip("-/_") if m else text
    if not rest:
        return (year, None) if year is not None else None
    quarter = _quarter(rest)
    if quarter is None or (year is None and not quarter_only and rest.isdigit()):
        return None
    return year, quarter


def title_period(text: str) -> tuple[int, int] | None:
    """(year, quarter) written in a title: "青禾县… 2025年第1季度 任务进展"."""
    m = _TITLE_PERIOD_RE.search(half_width(text))
    if not m:
        return None
    raw = next(g for g in m.groups()[1:] if g)
    return int(m.group(1)), (int(raw) if raw.isdigit() else cn_to_int(raw) or 0)


# ---------------------------------------------------------------- task numbers (编号)

_CN = CN_NUMERAL_CHARS
_NUMBER_KEY_RE = re.compile(rf"^第?\(?([{_CN}]+|\d+)\)?[.、条]?$")
_CIRCLED = {chr(0x2460 + i): i + 1 for i in range(20)}  # ① … ⑳


def number_key(value: object) -> tuple[str, object] | None:
    """Matching key of a task number: "(一)", "（一）", "一", "一、" -> ("cn", 1);
    "7", "7.", "７", "(7)" -> ("ar", 7); anything else -> ("raw", text); empty -> None."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = re.sub(r"\s+", "", cell_text(value))
    if not text:
        return None
    if text in _CIRCLED:
        return "ar", _CIRCLED[text]
    m = _NUMBER_KEY_RE.match(text)
    if not m:
        return "raw", text
    digits = m.group(1)
    return ("ar", int(digits)) if digits.isdigit() else ("cn", cn_to_int(digits))


# ---------------------------------------------------------------- header (表头)

HEADER_ROWS = 15  # the header is looked for among the first rows of a sheet
FIELDS: dict[str, tuple[str, ...]] = {
    "unit": ("单位", "填报单位", "报送单位", "单位名称", "责任单位", "牵头责任单位", "牵头单位"),
    "number": ("编号", "任务编号", "序号"),
    "task": ("任务", "任务名称", "任务内容", "工作任务", "具体任务", "重点任务", "目标与任务"),
    "status": ("进展状态", "状态", "完成状态", "进度状态"),
    "status?": ("进展情况", "完成情况", "督查情况", "推进情况", "落实情况"),  # words or prose
    "note": ("进展说明", "工作进展", "进展描述", "完成情况说明", "情况说明", "说明", "备注"),
    "evidence": ("佐证材料", "佐证", "附件", "佐证材料名称"),
    "indicator": ("指标", "指标名称"),
    "actual": ("实际值", "完成值", "完成率", "实际完成", "实际完成值"),
    "numerator": ("分子", "完成数", "已完成数"),
    "denominator": ("分母", "应完成数", "总数"),
    "year": ("年度", "年份"),
    "quarter": ("季度",),
    "period": ("填报期间", "报送期间", "报告期", "期间"),
    "plan": ("计划", "计划名称", "所属计划"),
    "task_id": ("任务ID",),
    "target_id": ("指标ID",),
}
# how a field is named in messages when the sheet has no column for it
FIELD_NAMES = {field: words[0] for field, words in FIELDS.items()} | {
    "status?": "进展情况",
    "actual": "实际值",
    "numerator": "分子",
    "denominator": "分母",
}


class Labels(dict):
    """field -> the header text of its column as the sheet writes it ("完成数"); a field the
    sheet has no column for is named as the template names it ("实际值")."""

    def __missing__(self, field: str) -> str:
        return FIELD_NAMES.get(field, field)


_SPELLINGS = {
    word: (field, rank) for field, words in FIELDS.items() for rank, word in enumerate(words)
}
_HEADER_NOISE_RE = re.compile(r"\s+|[*＊]|[(\[【][^)\]】]*[)\]】]")
_IDENTITY = ("number", "task", "indicator", "task_id", "target_id")


def header_field(text: str) -> tuple[str, int] | None:
    """(field, rank) of a header cell: "进展状态（下拉选择）" -> ("status", 0); rank orders
    spellings of one field (单位 before 责任单位)."""
    clean = _HEADER_NOISE_RE.sub("", half_width(text)).upper()
    hit = _SPELLINGS.get(clean)
    if hit is None and re.search(r"[/、|]", clean):
        hit = next((_SPELLINGS[p] for p in re.split(r"[/、|]", clean) if p in _SPELLINGS), None)
    return hit


@dataclass
class Header:
    """Where a sheet's table is: header rows, first data row, and the column of each field."""

    top: int  # first header row (0-based); rows above it hold titles
    start: int  # first data row (0-based)
    cols: dict[str, int]
    labels: Labels  # field -> header text as written, for messages
    raw: dict[int, set]  # column -> header cell values, to skip repeated header rows
    weak_number: bool = False  # 编号 column is 序号: possibly a running count, text first
    header_values: frozenset = field(init=False, repr=False, compare=False)  # of every column

    def __post_init__(self) -> None:
        self.header_values = frozenset().union(*self.raw.values())

    @property
    def has_tasks(self) -> bool:
        return "status" in self.cols and any(f in self.cols for f in ("task", "number", "task_id"))

    @property
    def has_indicators(self) -> bool:
        named = "indicator" in self.cols or "target_id" in self.cols
        return named and any(f in self.cols for f in ("actual", "numerator", "denominator"))

    def is_data(self, row: list[object]) -> bool:
        """Not a repeated header row, nor a title/section row (one text merged across the row)."""
        width = len(row)
        if not self.header_values.isdisjoint(row) and self._header_cells(row, width) >= 2:
            return False
        if width < 3 or row[0] == "" or not row[0] == row[1] == row[-1]:
            return True
        return any(v != "" and v != row[0] for v in row)

    def _header_cells(self, row: list[object], width: int) -> int:
        return sum(1 for col, values in self.raw.items() if col < width and row[col] in values)

    def identifies(self, row: list[object]) -> bool:
        """The row names a task or indicator (an unfilled template row, not a spacer)."""
        cols = [self.cols[f] for f in _IDENTITY if f in self.cols]
        return any(c < len(row) and cell_text(row[c]) for c in cols)


def find_header(rows: list[list[object]]) -> Header | None:
    """The header among the first rows: the row (or two rows, texts joined top + bottom) naming
    the most fields and enough of them for task or indicator data; None if there is none."""
    best: tuple | None = None
    for r in range(min(len(rows), HEADER_ROWS)):
        for span in (1, 2):
            if r + span > len(rows):
                continue
            found = _fields(rows[r] if span == 2 else None, rows[r + span - 1])
            score = (len(found), -span, -r)
            if _usable(found) and (best is None or score > best[0]):
                best = (score, r, span, found)
    if best is None:
        return None
    _, top, span, found = best
    start = top + span
    _resolve_status(rows, start, found)
    cols = {f: hits[0][1] for f, hits in found.items()}
    labels = Labels({f: hits[0][2] for f, hits in found.items()})
    raw = {
        col: {row[col] for row in rows[top:start] if col < len(row) and row[col] not in ("", None)}
        for col in cols.values()
    }
    weak = "number" in found and found["number"][0][0] == FIELDS["number"].index("序号")
    return Header(top, start, cols, labels, raw, weak and "task" in cols)


def _fields(
    top: list[object] | None, bottom: list[object]
) -> dict[str, list[tuple[int, int, str]]]:
    """field -> [(rank, column, label)], best first, for one header row or a pair of rows."""
    found: dict[str, list[tuple[int, int, str]]] = {}
    for col, value in enumerate(bottom):
        low = cell_text(value)
        high = cell_text(top[col]) if top is not None and col < len(top) else ""
        options = [low, high + low, high] if high and high != low else [low]
        for text in filter(None, options):
            hit = header_field(text)
            if hit:
                found.setdefault(hit[0], []).append((hit[1], col, re.sub(r"\s+", "", text)))
                break
    for hits in found.values():
        hits.sort()
    return found


def _usable(found: dict) -> bool:
    status = "status" in found or "status?" in found
    tasks = status and any(f in found for f in ("task", "number", "task_id"))
    named = "indicator" in found or "target_id" in found
    return tasks or (named and any(f in found for f in ("actual", "numerator", "denominator")))


def _resolve_status(rows: list[list[object]], start: int, found: dict) -> None:
    """A 完成情况/进展情况 column is the status when its cells are mostly status words (or
    empty); otherwise it is the progress note (进展说明)."""
    for hit in found.pop("status?", []):
        col = hit[1]
        filled = [t for t in (cell_text(r[col]) for r in rows[start:] if col < len(r)) if t]
        words = sum(1 for t in filled if parse_status(t))
        if "status" not in found and words * 2 >= len(filled):
            found["status"] = [hit]
        elif "note" not in found:
            found["note"] = [hit]


def sheet_titles(rows: list[list[object]], header: Header) -> list[str]:
    """Texts above the header (titles such as "… 2025年第1季度 任务进展（司法局）")."""
    return [cell_text(v) for row in rows[: header.top] for v in row if cell_text(v)]
