"""Cells written to Excel or CSV never run as formulas: text beginning with = + - @ (or a tab, CR,
LF, which spreadsheet programs also read as a formula start) is stored as plain text (openpyxl),
or prefixed with an apostrophe (CSV, which has no types)."""

from __future__ import annotations

import re

from openpyxl.worksheet.worksheet import Worksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
# Characters XML 1.0 does not allow (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/FFFF):
# python-docx and openpyxl refuse a whole file for one, vl-convert's SVG parser panics and aborts
# the process.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def guard_sheet(ws: Worksheet) -> None:
    """Every formula-like text cell of the sheet stored as text, shown as written (quotePrefix:
    Excel and WPS keep it text when the cell is edited)."""
    for row in ws.iter_rows():
        for cell in row:
            if formula_like(cell.value):
                cell.data_type = "s"
                cell.quotePrefix = True


def csv_text(value: object) -> str:
    """A value for a CSV cell: formula-like text behind an apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if formula_like(text) else text
