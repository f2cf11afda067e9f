"""Exports for briefing material (汇报材料): Altair charts and polars frames turned into bytes.

- `chart_png` / `chart_svg`: a chart as an image, rendered offline by vl-convert with the CJK font
  of the Debian package fonts-noto-cjk, so Chinese titles and labels show real glyphs.
- `frames_xlsx`: one Excel sheet per frame (bold frozen header, fitted widths, 率 columns as %).
- `frame_csv`: a frame as CSV for Excel (UTF-8 with BOM, formula-like text neutralised).
- slide geometry and `_apply_fonts` (East Asian typeface on every run) for the briefing deck
  (analytics.briefing.deck).

Nothing is downloaded: the font comes from the system, the Vega-Lite engine ships in the wheel.
"""

from __future__ import annotations

import csv
import functools
import io
import math
import re
import struct
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import altair as alt
import polars as pl
import vl_convert as vlc
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from pptx.oxml.ns import qn
from pptx.slide import Slide
from pptx.util import Emu

from loaders.files.safe_cells import NOT_XML, csv_text, guard_sheet

CJK_FONT = "Noto Sans CJK SC"
# Where Debian (fonts-noto-cjk), Fedora and Arch put the Noto CJK fonts.
CJK_FONT_DIRS = (
    "/usr/share/fonts/opentype/noto",
    "/usr/share/fonts/truetype/noto",
    "/usr/share/fonts/noto-cjk",
    "/usr/share/fonts/google-noto-cjk",
    "/usr/share/fonts/opentype/noto-cjk",
)
# PowerPoint has one typeface per script and no fallback list: Latin text in CJK_FONT, Chinese in
# 微软雅黑 (on every office PC in China); charset -122 (GB2312) lets Office substitute a Chinese
# font of the same kind where 微软雅黑 is missing, LibreOffice falls back to Noto CJK by glyph.
PPTX_EA_FONT = "微软雅黑"
PPTX_EA_ATTRS = {"panose": "020B0503020204020204", "pitchFamily": "34", "charset": "-122"}
PERCENT_FORMAT = "0.0%"
MAX_SLIDE_ROWS = 12
EXCEL_SHEET_NAME_MAX = 31


class FontMissingError(RuntimeError):
    """The CJK font needed to render Chinese in exported charts is not installed."""


# ---------------------------------------------------------------------------------------- charts


def find_cjk_font_dir(candidates: Iterable[str | Path] = CJK_FONT_DIRS) -> Path:
    """The first directory holding the Noto Sans CJK fonts, or FontMissingError (in Chinese)."""
    for folder in map(Path, candidates):
        if folder.is_dir() and any(folder.glob("NotoSansCJK*")):
            return folder
    raise FontMissingError(
        f"未找到中文字体 {CJK_FONT}，导出的图表无法显示中文。"
        "请安装 Debian 软件包 fonts-noto-cjk（apt-get install fonts-noto-cjk）。"
    )


@functools.cache
def _register_cjk_font() -> Path:
    """Registers the CJK font directory with vl-convert, once per process."""
    folder = find_cjk_font_dir()
    vlc.register_font_directory(str(folder))
    return folder


def _with_cjk_font(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """The chart's Vega-Lite spec with every font set to CJK_FONT, other settings kept.

    Not `chart.configure(font=...)`: that replaces a config the chart already has (axis sizes,
    colours) instead of merging into it. Any other family is overridden because vl-convert draws
    nothing at all for text in a family it does not have.
    """
    spec = _xml_safe(chart.to_dict())
    spec.setdefault("config", {})["font"] = CJK_FONT
    _override_fonts({k: v for k, v in spec.items() if k not in ("data", "datasets")})
    return spec


def _xml_safe(node: Any) -> Any:
    """The spec with every string (titles, labels, data values) cleared of non-XML characters."""
    if isinstance(node, str):
        return NOT_XML.sub("", node)
    if isinstance(node, dict):
        return {_xml_safe(k): _xml_safe(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_xml_safe(v) for v in node]
    return node


def _override_fonts(node: Any) -> None:
    """Sets every `font` / `*Font` property found in a spec fragment to CJK_FONT, in place."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "font" or (key.endswith("Font") and isinstance(value, str | dict)):
                node[key] = CJK_FONT
            else:
                _override_fonts(value)
    elif isinstance(node, list):
        for item in node:
            _override_fonts(item)


def chart_png(chart: alt.TopLevelMixin, scale: float = 2.0) -> bytes:
    """The chart as a PNG with `scale` pixels per chart pixel, for slides and documents.

    The PNG records 96 × scale dots per inch, so Office inserts it at the chart's own size
    (a chart pixel is a CSS pixel, 1/96 inch) at `scale` times the screen sharpness.
    """
    _register_cjk_font()
    ppi = 96.0 * scale
    # vl-convert's pixel count is chart size × scale × ppi / 72: cancel the ppi part.
    return vlc.vegalite_to_png(_with_cjk_font(chart), scale=scale * 72.0 / ppi, ppi=ppi)


def chart_svg(chart: alt.TopLevelMixin, outlines: bool = True) -> bytes:
    """The chart as UTF-8 SVG. Its text is drawn as glyph outlines of CJK_FONT (so it shows on
    a machine without the font: an office PC, PowerPoint, WPS); `outlines=False` keeps it as
    text in font CJK_FONT."""
    from analytics.svg_paths import text_to_paths

    folder = _register_cjk_font()
    svg = vlc.vegalite_to_svg(_with_cjk_font(chart))
    return text_to_paths(svg, folder) if outlines else svg.encode("utf-8")


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels, read from a PNG's IHDR header."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("不是 PNG 图像")
    return struct.unpack(">II", png[16:24])


# ------------------------------------------------------------------------------- cells and text


def display_width(text: str) -> int:
    """Width of the longest line in character cells: CJK and full-width characters count 2."""
    lines = str(text).splitlines() or [""]
    return max(
        sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line) for line in lines
    )


def fraction_columns(df: pl.DataFrame) -> set[str]:
    """Columns read as percentages: named …率, numeric, every value a fraction in [0, 1]."""
    found = set()
    for name, dtype in df.schema.items():
        if not (name.endswith("率") and dtype.is_numeric()):
            continue
        values = df[name].drop_nulls()
        if dtype.is_float():
            values = values.drop_nans()
        if len(values) and values.min() >= 0 and values.max() <= 1:
            found.add(name)
    return found


def _excel_value(value: Any) -> Any:
    """A polars value as openpyxl can store it (no lists, time zones, NaN or control chars)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, list | tuple):
        return "、".join("" if v is None else str(v) for v in value)
    if isinstance(value, dict):
        return str(value)
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def _display_text(value: Any, percent: bool = False) -> str:
    """A value as shown in a slide table: 85.0% for fractions, no trailing .0, empty for null."""
    value = _excel_value(value)
    if value is None:
        return ""
    if percent and isinstance(value, int | float):
        return f"{value:.1%}"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    if isinstance(value, datetime | date):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    return str(value)


# ------------------------------------------------------------------------------------------ xlsx


def excel_sheet_names(names: Iterable[str]) -> list[str]:
    """Excel-safe, unique sheet names: no []:*?/\\, no edge apostrophes, at most 31 characters."""
    result: list[str] = []
    taken: set[str] = set()
    for index, name in enumerate(names, start=1):
        base = re.sub(r"[\[\]:*?/\\]", "_", str(name)).strip().strip("'")
        base = base[:EXCEL_SHEET_NAME_MAX] or f"表{index}"
        candidate, n = base, 1
        while candidate.casefold() in taken or candidate.casefold() == "history":
            n += 1
            suffix = f"({n})"
            candidate = base[: EXCEL_SHEET_NAME_MAX - len(suffix)] + suffix
        taken.add(candidate.casefold())
        result.append(candidate)
    return result


def _write_sheet(ws: Worksheet, df: pl.DataFrame, title: str | None) -> None:
    """Title row (merged), bold frozen header, values, % formats and fitted widths."""
    header_row = 1
    if title:
        ws.cell(row=1, column=1, value=title).font = Font(bold=True, size=14)
        if df.width > 1:
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=df.width)
        header_row = 2
    for col, name in enumerate(df.columns, start=1):
        cell = ws.cell(row=header_row, column=col, value=name)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(horizontal="center", vertical="center")
    for row in df.iter_rows():
        ws.append([_excel_value(v) for v in row])
    guard_sheet(ws)  # text from plans and uploads never runs as a formula
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    _print_setup(ws, header_row)
    percent = fraction_columns(df)
    for col, name in enumerate(df.columns, start=1):
        if name in percent:
            for (cell,) in ws.iter_rows(min_row=header_row + 1, min_col=col, max_col=col):
                cell.number_format = PERCENT_FORMAT
        ws.column_dimensions[get_column_letter(col)].width = _column_width(
            df, name, name in percent
        )


def _print_setup(ws: Worksheet, header_row: int) -> None:
    """Printed landscape, one page wide, the header repeated on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row}:{header_row}"


def _column_width(df: pl.DataFrame, name: str, percent: bool) -> float:
    """Excel column width fitting the header and the values (CJK counts double), 8 to 60."""
    widths = [display_width(name)]
    widths += [display_width(_display_text(v, percent)) for v in df[name].to_list()]
    return float(min(max(max(widths) + 2, 8), 60))


def frames_xlsx(sheets: dict[str, pl.DataFrame], title: str | None = None) -> bytes:
    """An Excel workbook with one sheet per frame, in the dict's order.

    Sheet names are made Excel-safe (≤31 characters, unique). With `title`, every sheet opens
    with that title in a merged row above the header. Headers are bold and frozen; columns named
    …率 holding fractions in [0, 1] are formatted 0.0%.
    """
    workbook = Workbook()
    workbook.remove(workbook.active)
    if not sheets:
        sheets = {"空表": pl.DataFrame()}
    for name, df in zip(excel_sheet_names(sheets), sheets.values(), strict=True):
        _write_sheet(workbook.create_sheet(name), df, title)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# ------------------------------------------------------------------------------------------- csv


def frame_csv(df: pl.DataFrame) -> bytes:
    """The frame as CSV for Excel and WPS: UTF-8 with a byte-order mark (else Excel reads the
    Chinese as GBK mojibake), CRLF lines, numbers as shown on screen (率 fractions as 85.3%),
    empty cells empty, and text that a spreadsheet would run as a formula behind an apostrophe."""
    percent = fraction_columns(df)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([csv_text(name) for name in df.columns])
    for row in df.iter_rows():
        cells = []
        for name, value in zip(df.columns, row, strict=True):
            value = _excel_value(value)
            if isinstance(value, str):
                cells.append(csv_text(value))
            else:
                cells.append(_display_text(value, name in percent))
        writer.writerow(cells)
    return buffer.getvalue().encode("utf-8-sig")


# ------------------------------------------------------------------------------------------ pptx

SLIDE_WIDTH, SLIDE_HEIGHT = Emu(12_192_000), Emu(6_858_000)  # PowerPoint's 16:9, 13.33 × 7.5 in


def _apply_fonts(slide: Slide) -> None:
    """Latin font CJK_FONT and East Asian font 微软雅黑 on every text run of the slide."""
    frames = [s.text_frame for s in slide.shapes if s.has_text_frame]
    for shape in slide.shapes:
        if shape.has_table:
            frames += [cell.text_frame for cell in shape.table.iter_cells()]
    for frame in frames:
        for paragraph in frame.paragraphs:
            for run in paragraph.runs:
                run.font.name = CJK_FONT
                rpr = run.font._rPr  # python-pptx has no API for the East Asian typeface
                for old in rpr.findall(qn("a:ea")):
                    rpr.remove(old)
                ea = rpr.makeelement(qn("a:ea"), {"typeface": PPTX_EA_FONT, **PPTX_EA_ATTRS})
                rpr.find(qn("a:latin")).addnext(ea)
