"""Cells and values of an uploaded progress workbook (季度填报): sheets, numbers, words, periods.

Sheets are read cell by cell with python-calamine (Excel) or the csv module (CSV in UTF-8 or
GBK/GB18030, decoded by loaders.readers.decode_text). Unlike loaders.readers.read_table_sheets_bytes,
rows are not trimmed: row index 0 is the sheet's first row, so messages can name the row number the
user sees in Excel. Merged cells (合并单元格) get their top-left value, as in loaders.readers.

Percent-formatted cells (百分比格式): Excel stores "98.5%" as the number 0.985 and python-calamine
returns only the number. For .xlsx files the cell formats are read from the package itself
(xl/styles.xml and the sheet XML): a number in a cell whose format shows a % sign is a fraction and
is read as 98.5. .xls and .csv files give no formats (a CSV written by Excel holds the text "98.5%").
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple
from xml.etree import ElementTree

from loaders.errors import ReadError
from loaders.outline import cn_to_int
from loaders.readers import _cell_str, _sniff_delimiter, decode_text, file_format

# ---------------------------------------------------------------- sheets


@dataclass
class Sheet:
    """One sheet: raw cell values, row 0 = Excel row 1; merged cells filled."""

    name: str
    rows: list[list[object]]
    percent_loader: Callable[[], set[tuple[int, int]]] | None = None
    _percent: set[tuple[int, int]] | None = field(default=None, repr=False)

    def percent_cells(self) -> set[tuple[int, int]]:
        """(row, column) of cells with a percent number format (0-based), read on first use."""
        if self._percent is None:
            self._percent = self.percent_loader() if self.percent_loader else set()
        return self._percent


def read_sheets(name: str, data: bytes) -> list[Sheet]:
    """Every worksheet of an .xlsx/.xls/.csv file (hidden ones too); ReadError if unreadable."""
    fmt = file_format(name)
    if fmt == "csv":
        return [Sheet(Path(name).stem, _csv_rows(decode_text(data, name)))]
    if fmt not in ("xlsx", "xls"):
        raise ReadError(f"{name} 不是表格文件。请上传 Excel(.xlsx/.xls)或 CSV 文件。")
    sheets = _excel_sheets(name, data)
    if fmt == "xlsx":
        loaders = _xlsx_percent_loaders(data)
        for sheet in sheets:
            sheet.percent_loader = loaders.get(sheet.name)
    return sheets


def _csv_rows(text: str) -> list[list[object]]:
    delimiter = _sniff_delimiter(text.splitlines()[:50])
    return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _excel_sheets(name: str, data: bytes) -> list[Sheet]:
    from python_calamine import CalamineWorkbook, SheetTypeEnum

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = []
        for index, meta in enumerate(workbook.sheets_metadata):
            if meta.typ != SheetTypeEnum.WorkSheet:
                continue
            sheet = workbook.get_sheet_by_index(index)
            rows = sheet.to_python(skip_empty_area=False)
            fill_merged(rows, sheet.merged_cell_ranges or [])
            sheets.append(Sheet(meta.name, rows))
    except Exception as exc:  # calamine raises its own errors and ValueError/OSError variants
        raise ReadError(
            f"无法读取 Excel 文件 {name}:文件已损坏、受密码保护或不是 Excel 格式。"
        ) from exc
    return sheets


def fill_merged(rows: list[list[object]], ranges) -> None:
    """Every cell of a merged range gets the range's top-left value (rows padded as needed)."""
    if not ranges:
        return
    width = max([c1 + 1 for _, (_, c1) in ranges] + [len(row) for row in rows])
    last = max(r1 for _, (r1, _) in ranges)
    while len(rows) <= last:
        rows.append([])
    for (r0, c0), (r1, c1) in ranges:
        for r in range(r0, r1 + 1):
            if len(rows[r]) < width:
                rows[r].extend([""] * (width - len(rows[r])))
        value = rows[r0][c0]
        for r in range(r0, r1 + 1):
            rows[r][c0 : c1 + 1] = [value] * (c1 - c0 + 1)


# ---------------------------------------------------------------- .xlsx percent formats

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_BUILTIN_PERCENT = {9, 10}  # "0%", "0.00%"
_QUOTED = re.compile(r'"[^"]*"|\\.')


def _xlsx_percent_loaders(data: bytes) -> dict[str, Callable[[], set[tuple[int, int]]]]:
    """Sheet name -> a function giving its percent-formatted cells; {} when no style shows %."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        styles = _percent_styles(package)
        if not styles:
            return {}
        paths = _sheet_paths(package)
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError, ValueError):
        return {}
    pattern = re.compile(
        rb'<c\b(?=[^>]*\ss="(?:' + b"|".join(str(s).encode() for s in sorted(styles)) + rb')")'
        rb'[^>]*?\br="([A-Z]{1,3})([0-9]+)"'
    )
    return {name: _cells_loader(package, path, pattern) for name, path in paths.items()}


def _cells_loader(package: zipfile.ZipFile, path: str, pattern: re.Pattern[bytes]):
    def load() -> set[tuple[int, int]]:
        try:
            xml = package.read(path)
        except KeyError:
            return set()
        return {(int(r) - 1, _column_index(c)) for c, r in pattern.findall(xml)}

    return load


def _column_index(letters: bytes) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ch - 64
    return index - 1


def _percent_styles(package: zipfile.ZipFile) -> set[int]:
    """Indexes of the cell formats (cellXfs) whose number format shows a % sign."""
    root = ElementTree.fromstring(package.read("xl/styles.xml"))
    codes = {
        int(f.get("numFmtId", "-1")): f.get("formatCode", "") for f in root.iter(f"{_MAIN}numFmt")
    }
    percent = set(_BUILTIN_PERCENT)
    percent.update(i for i, code in codes.items() if "%" in _QUOTED.sub("", code))
    xfs = root.find(f"{_MAIN}cellXfs")
    if xfs is None:
        return set()
    return {i for i, xf in enumerate(xfs) if int(xf.get("numFmtId", "0")) in percent}


def _sheet_paths(package: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> path of its XML part inside the package."""
    rels = ElementTree.fromstring(package.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(_PKG_REL)}
    workbook = ElementTree.fromstring(package.read("xl/workbook.xml"))
    paths = {}
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(_REL), "")
        paths[sheet.get("name", "")] = (
            target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        )
    return paths


# ---------------------------------------------------------------- text

_HALF_WIDTH = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}
_HALF_WIDTH.update({0x3000: " ", 0xA0: " ", 0xFEFF: None, 0x200B: None})
PLACEHOLDERS = frozenset({"—", "——", "-", "--", "–", "/", "\\", "无", "暂无", "不适用"})


def cell_text(value: object) -> str:
    """A cell as trimmed text, full-width ASCII forms made half-width ("１００％" -> "100%")."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value.translate(_HALF_WIDTH).strip()
    return _cell_str(value)


def text_key(text: str) -> str:
    """Matching key for task and indicator names: no spaces or punctuation, half-width."""
    return re.sub(r"[\W_]+", "", text.translate(_HALF_WIDTH))


# ---------------------------------------------------------------- status words (进展状态)

STATUSES = ("未启动", "推进中", "已完成", "长期推进", "滞后")
STATUS_WORDS = {
    **dict.fromkeys(("完成", "已完成", "全部完成"), "已完成"),
    **dict.fromkeys(("进行中", "正在推进", "推进中", "正在进行", "实施中"), "推进中"),
    **dict.fromkeys(("未开始", "未启动", "尚未启动"), "未启动"),
    **dict.fromkeys(("长期推进", "持续推进", "长期坚持", "常态化推进"), "长期推进"),
    **dict.fromkeys(("滞后", "延期", "逾期", "未按期完成"), "滞后"),
}


def parse_status(text: str) -> str | None:
    """The canonical status for an accepted spelling (" 已完成 ", "完成"), else None."""
    return STATUS_WORDS.get(text) or STATUS_WORDS.get(re.sub(r"\s+", "", text))


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
        return Number(float(value))
    text = re.sub(r"\s+", "", cell_text(value))
    percent = text.endswith("%")
    if percent:
        text = text[:-1]
    elif suffix and text.endswith(suffix) and len(text) > len(suffix):
        text = text[: -len(suffix)]
    if not _NUMBER_RE.fullmatch(text):
        return None
    return Number(float(text.replace(",", "")), percent)


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
    m = _TITLE_PERIOD_RE.search(text.translate(_HALF_WIDTH))
    if not m:
        return None
    raw = next(g for g in m.groups()[1:] if g)
    return int(m.group(1)), (int(raw) if raw.isdigit() else cn_to_int(raw) or 0)


# ---------------------------------------------------------------- task numbers (编号)

_CN = "一二三四五六七八九十百零〇两"
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
_SPELLINGS = {
    word: (field, rank) for field, words in FIELDS.items() for rank, word in enumerate(words)
}
_HEADER_NOISE_RE = re.compile(r"\s+|[*＊]|[(\[【][^)\]】]*[)\]】]")
_IDENTITY = ("number", "task", "indicator", "task_id", "target_id")


def header_field(text: str) -> tuple[str, int] | None:
    """(field, rank) of a header cell: "进展状态（下拉选择）" -> ("status", 0); rank orders
    spellings of one field (单位 before 责任单位)."""
    clean = _HEADER_NOISE_RE.sub("", text.translate(_HALF_WIDTH)).upper()
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
    labels: dict[str, str]  # field -> header text as written, for messages
    raw: dict[int, set]  # column -> header cell values, to skip repeated header rows
    weak_number: bool = False  # 编号 column is 序号: possibly a running count, text first

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
        if sum(1 for col, values in self.raw.items() if col < width and row[col] in values) >= 2:
            return False
        if width < 3 or row[0] == "" or not row[0] == row[1] == row[-1]:
            return True
        return any(v != "" and v != row[0] for v in row)

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
    labels = {f: hits[0][2] for f, hits in found.items()}
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
