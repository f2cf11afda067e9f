"""Sheets of an uploaded progress workbook (季度填报): cells as read, and .xlsx percent formats.

Sheets are read cell by cell with python-calamine (Excel) or the csv module (CSV in UTF-8 or
GBK/GB18030, decoded by loaders.files.readers.decode_text). Unlike loaders.files.readers.read_table_sheets_bytes,
rows are not trimmed: row index 0 is the sheet's first row, so messages can name the row number the
user sees in Excel. Merged cells (合并单元格) get their top-left value, as in loaders.files.readers.

Percent-formatted cells (百分比格式): Excel stores "98.5%" as the number 0.985 and python-calamine
returns only the number. For .xlsx files the cell formats are read from the package itself
(xl/styles.xml and the sheet XML): a number in a cell whose format shows a % sign is a fraction and
is read as 98.5. .xls and .csv files give no formats (a CSV written by Excel holds the text "98.5%").
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from loaders.errors import ReadError
from loaders.files import limits
from loaders.files.readers import (
    ExcelBook,
    check_excel,
    csv_rows,
    decode_text,
    file_format,
    read_excel,
)

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


def check_file(name: str, data: bytes) -> ExcelBook | None:
    """The checks before a file is read (read_sheets makes them when not given): its format and
    size, and for Excel those of loaders.files.readers.check_excel; None for a CSV."""
    fmt = file_format(name)
    limits.check_file_size(name, data)
    if fmt == "csv":
        return None
    if fmt not in ("xlsx", "xls"):
        raise ReadError(f"{name} 不是表格文件。请上传 Excel(.xlsx/.xls)或 CSV 文件。")
    return check_excel(name, data)


def read_sheets(name: str, data: bytes, checked: ExcelBook | None = None) -> list[Sheet]:
    """Every worksheet of an .xlsx/.xls/.csv file (hidden ones too); ReadError if unreadable or
    past the limits of loaders.files.limits (size, unpacked size, sheet extent, cell length).
    `checked`: what check_file gave for it, when already called."""
    book = checked if checked is not None else check_file(name, data)
    if book is None:
        return [Sheet(Path(name).stem, csv_rows(decode_text(data, name), name, strip=False))]
    book = read_excel(name, data, book)
    sheets = [Sheet(sheet, rows) for sheet, rows in book.sheets]
    if book.package is not None:
        loaders = _xlsx_percent_loaders(name, book)
        for sheet in sheets:
            sheet.percent_loader = loaders.get(sheet.name)
    return sheets


# ---------------------------------------------------------------- .xlsx percent formats

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_BUILTIN_PERCENT = {9, 10}  # "0%", "0.00%"
_BUILTIN_PERCENT_RE = re.compile(rb'numFmtId\s*=\s*["\'](?:9|10)["\']')
_QUOTED = re.compile(r'"[^"]*"|\\.')


def _xlsx_percent_loaders(
    name: str, book: ExcelBook
) -> dict[str, Callable[[], set[tuple[int, int]]]]:
    """Sheet name -> a function giving its percent-formatted cells; {} when no style shows %."""
    try:
        styles = _percent_styles(name, book.package)  # type: ignore[arg-type]
    except (KeyError, ElementTree.ParseError, ValueError):
        return {}
    if not styles:
        return {}
    pattern = re.compile(
        rb'<c\b(?=[^>]*\ss="(?:' + b"|".join(str(s).encode() for s in sorted(styles)) + rb')")'
        rb'[^>]*?\br="([A-Z]{1,3})([0-9]+)"'
    )
    return {sheet: _cells_loader(xml, pattern) for sheet, xml in book.parts.items()}


def _cells_loader(xml: bytes, pattern: re.Pattern[bytes]):
    def load() -> set[tuple[int, int]]:
        return {(int(r) - 1, _column_index(c)) for c, r in pattern.findall(xml)}

    return load


def _column_index(letters: bytes) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ch - 64
    return index - 1


def _percent_styles(name: str, package: zipfile.ZipFile) -> set[int]:
    """Indexes of the cell formats (cellXfs) whose number format shows a % sign."""
    xml = limits.read_entry(package, package.getinfo("xl/styles.xml"), name)
    if b"%" not in xml and not _BUILTIN_PERCENT_RE.search(xml):
        return set()  # no format shows a % sign: the styles need not be parsed
    limits.refuse_dtd(name, "xl/styles.xml", xml)
    root = ElementTree.fromstring(xml)
    codes = {
        int(f.get("numFmtId", "-1")): f.get("formatCode", "") for f in root.iter(f"{_MAIN}numFmt")
    }
    percent = set(_BUILTIN_PERCENT)
    percent.update(i for i, code in codes.items() if "%" in _QUOTED.sub("", code))
    xfs = root.find(f"{_MAIN}cellXfs")
    if xfs is None:
        return set()
    return {i for i, xf in enumerate(xfs) if int(xf.get("numFmtId", "0")) in percent}
