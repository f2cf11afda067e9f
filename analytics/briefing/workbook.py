"""A briefing as an Excel workbook: 汇总 first (the headline figures and every takeaway), then a
sheet per section (its title, its takeaway, then the table), with native Excel charts drawn from
the cells (completion by action, by unit, the trend). Rates are numbers formatted 0.0%, counts
integers, changes in percentage points rounded to one decimal; no text cell runs as a formula."""

from __future__ import annotations

import datetime
import io

import polars as pl
from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from analytics.briefing.model import Briefing, Section
from analytics.export import PERCENT_FORMAT, display_width, excel_sheet_names
from loaders.files.safe_cells import guard_sheet

POINTS_FORMAT, COUNT_FORMAT, DATE_FORMAT = "0.0", "0", "yyyy-mm-dd"
HEADER_ROW = 4  # title, takeaway, a blank row, then the header
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
CHART_OF = {"actions": ("bar", "行动"), "units": ("bar", "单位"), "trend": ("line", "季度")}


def briefing_xlsx(briefing: Briefing) -> bytes:
    workbook = Workbook()
    summary = workbook.active
    sheets = [s for s in briefing.sections if not s.tiles]
    names = excel_sheet_names(["汇总", *(s.title for s in sheets)])
    summary.title = names[0]
    _summary(summary, briefing)
    for name, section in zip(names[1:], sheets, strict=True):
        ws = workbook.create_sheet(name)
        _section(ws, section, briefing)
        if section.key in CHART_OF and section.has_rows:
            _chart(ws, section)
    for ws in workbook.worksheets:
        guard_sheet(ws)  # names and titles from plans and uploads never run as formulas
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _head(ws: Worksheet, title: str, takeaway: str) -> None:
    ws.cell(row=1, column=1, value=title).font = Font(bold=True, size=14)
    ws.cell(row=2, column=1, value=takeaway).font = Font(color="0072B2", size=12)


def _header(ws: Worksheet, row: int, names: list[str]) -> None:
    for col, name in enumerate(names, start=1):
        cell = ws.cell(row=row, column=col, value=name)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _summary(ws: Worksheet, briefing: Briefing) -> None:
    """The headline figures (typed: rates 0.0%, counts whole), then each section's takeaway."""
    first = briefing.sections[0]
    _head(ws, f"{briefing.title} {briefing.heading}", first.takeaway)
    ws.cell(row=3, column=1, value=f"制作日期：{briefing.made_on_text}")
    row = HEADER_ROW
    if first.tiles:
        _header(ws, row, ["指标", "本季度", "上季度", "较上季度"])
        for tile in first.tiles:
            row += 1
            number = PERCENT_FORMAT if tile.is_rate else COUNT_FORMAT
            values = [tile.label, tile.value, tile.previous, tile.change]
            for col, value in enumerate(values, start=1):
                cell = ws.cell(row=row, column=col, value=value)
                if col in (2, 3):
                    cell.number_format = number
        row += 2
    _header(ws, row, ["部分", "要点"])
    for section in briefing.sections:
        row += 1
        ws.cell(row=row, column=1, value=section.title)
        ws.cell(row=row, column=2, value=section.takeaway).alignment = Alignment(wrap_text=True)
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 60
    ws.column_dimensions["C"].width = 14
    ws.column_dimensions["D"].width = 28


def _section(ws: Worksheet, section: Section, briefing: Briefing) -> None:
    _head(ws, f"{section.title}（{briefing.subject}，{briefing.period_label}）", section.takeaway)
    table = section.table if section.table is not None else pl.DataFrame()
    _header(ws, HEADER_ROW, table.columns)
    if not section.has_rows:
        ws.cell(row=HEADER_ROW + 1, column=1, value=section.empty or "暂无数据。")
    for r, values in enumerate(table.iter_rows(), start=HEADER_ROW + 1):
        for col, (name, value) in enumerate(zip(table.columns, values, strict=True), start=1):
            cell = ws.cell(row=r, column=col, value=_value(value))
            cell.number_format = _format(name, value, section)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
    for col, name in enumerate(table.columns, start=1):
        texts = [name, *(str(v) for v in table[name].to_list() if v is not None)]
        width = max(display_width(t) for t in texts) + 2
        ws.column_dimensions[get_column_letter(col)].width = float(min(max(width, 10), 50))


def _value(value):
    if isinstance(value, float) and value != value:
        return None
    return value


def _format(name: str, value, section: Section) -> str:
    if name in section.percent:
        return PERCENT_FORMAT
    if name in section.points:
        return POINTS_FORMAT
    if isinstance(value, bool):
        return "General"
    if isinstance(value, int):
        return COUNT_FORMAT
    if isinstance(value, datetime.date):
        return DATE_FORMAT
    return "General"


def _chart(ws: Worksheet, section: Section) -> None:
    """A native chart from the sheet's own cells, to the right of the table."""
    kind, category = CHART_OF[section.key]
    columns = section.table.columns
    first, last = HEADER_ROW + 1, HEADER_ROW + section.table.height
    cats = Reference(ws, min_col=columns.index(category) + 1, min_row=first, max_row=last)
    if kind == "bar":
        chart = BarChart()
        chart.type = "bar"  # horizontal bars, the first row on top as in the table
        chart.x_axis.scaling.orientation = "maxMin"
        chart.legend = None
        rates = ["任务完成率"]
        chart.height = max(7.5, 0.8 * section.table.height + 2)
    else:
        chart = LineChart()
        rates = ["任务完成率", "指标达标率"]
        chart.height = 9
    for rate in rates:
        col = columns.index(rate) + 1
        chart.add_data(
            Reference(ws, min_col=col, min_row=HEADER_ROW, max_row=last), titles_from_data=True
        )
    chart.set_categories(cats)
    chart.title = section.title
    chart.y_axis.number_format = "0%"
    chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 1
    chart.x_axis.delete = chart.y_axis.delete = False  # openpyxl hides axes unless told
    chart.width = 20
    ws.add_chart(chart, f"{get_column_letter(len(columns) + 2)}{HEADER_ROW}")
