"""The quarterly fill-in workbook (季度填报模板) for one unit or for all units.

Layout (sheet names, titles, headers, column letters) follows docs/progress-workbook.md:
填报说明 (instructions), 任务进展 (one row per unit × task), 指标数据 (one row per unit × indicator
the unit leads or is responsible for) and a very hidden _meta sheet. Pre-filled cells are grey and
locked, input cells white and unlocked; both data sheets are protected without a password.

Styles are built once per (column, input) pair and copied into cells as style arrays, so a
workbook of several thousand rows is written in well under a second.
"""

from __future__ import annotations

import datetime
import io
import re
from copy import copy
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from loaders.errors import LoadError
from loaders.files.limits import strip_controls
from loaders.periods import period_label, report_due
from loaders.progress.catalog import ROLE_NAMES, Catalog, CatalogIndicator, CatalogTask
from loaders.progress.layout import (  # noqa: F401 (the layout's names are also read from here)
    GUIDE_SHEET,
    INDICATOR_HEADERS,
    INDICATOR_SHEET,
    META_SHEET,
    NOT_APPLICABLE,
    STATUSES,
    TASK_HEADERS,
    TASK_SHEET,
    TEMPLATE_VERSION,
)

ALL_UNITS = "all"
TASK_WIDTHS = (16, 8, 60, 10, 14, 12, 40, 30, 28, 8)
INDICATOR_WIDTHS = (16, 8, 30, 12, 18, 10, 18, 10, 10, 30, 28, 8)
TASK_WRAP = {3, 7, 8, 9}  # 任务, 进展说明, 佐证材料, 计划 (1-based columns)
INDICATOR_WRAP = {3, 5, 7, 10, 11}
GREY = PatternFill("solid", fgColor="FFD9D9D9")
HEADER_FILL = PatternFill("solid", fgColor="FFBFBFBF")
WHITE = PatternFill("solid", fgColor="FFFFFFFF")
THIN = Side(style="thin", color="FF808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


@dataclass
class Previous:
    """The answers a template is pre-filled with (loaders.progress.store.template_answers):
    what is stored for the quarter itself, else the statuses carried from the quarter before.

    tasks: (unit, task_id) -> (status, note, evidence);
    indicators: (unit, target_id) -> (numerator, denominator, actual, note);
    reported: some answers are the quarter's own (the sheet corrects a stored report);
    carried: some are carried from the quarter before.
    """

    tasks: dict[tuple[str, int], tuple[str, str | None, str | None]] = field(default_factory=dict)
    indicators: dict[
        tuple[str, int], tuple[float | None, float | None, float | None, str | None]
    ] = field(default_factory=dict)
    reported: bool = False
    carried: bool = False


@dataclass
class Row:
    """One data row: cell values (A, B, …) and the 1-based columns the user fills in."""

    values: list[object]
    inputs: frozenset[int]


# ---------------------------------------------------------------- 分子/分母含义 (fraction meanings)

SURVEY_WORDS = ("满意", "知晓", "认可", "认同")  # 满意度/满意率: people asked
OUTCOME_WORDS = ("败诉", "胜诉", "纠错", "撤销")  # 败诉率: cases closed by a court or review
COUNT_WORDS = ("规范", "合格", "达标", "准确", "正确", "完整", "有效", "发生")  # 合格率, 发生率
REPLY_VERBS = ("办结", "办复", "答复", "回复", "反馈")  # 办结率: cases received (受理)
CASE_VERBS = {
    "报备",
    "备案",
    "审查",
    "审核",
    "应诉",
    "复议",
    "办理",
    "处理",
    "纠正",
    "受理",
    "履行",
    "执行",
    "调解",
    "裁决",
    "登记",
    "审批",
    "转办",
}
QUALIFIERS = ("按时", "按期", "及时")
FALLBACK_MEANING = ("达标数", "总数")
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")


def fraction_meaning(indicator: str) -> tuple[str, str]:
    """What the numerator and denominator of a rate count (分子含义, 分母含义).

    Rule: the stem is the name without its final 率; the verb is the stem's last two characters;
    the numerator is "已{verb}" and the denominator "应{verb}", counted in 件数 for verbs about
    documents and cases (CASE_VERBS) and in 数 otherwise ("覆盖率" -> 已覆盖数/应覆盖数).
    Special cases, checked first:
    - 满意度/满意率, 知晓率 (surveys): "满意人数" / "调查总人数";
    - 出庭应诉率: "已出庭应诉件数" / "应出庭应诉件数";
    - "X成功率": "X成功件数" / "X件数"; "X及时率": "及时X件数" / "已X件数";
    - 办结率, 办复率, 答复率…: "已办结件数" / "受理件数";
    - 败诉率, 纠错率…: "败诉件数" / "审结件数"; 规范率, 合格率, 发生率…: "规范数" / "总数";
    - a qualifier before the verb (按时办理率): "按时办理件数" / "应办理件数".
    Anything else (no 率, a stem too short or not Chinese) gets ("达标数", "总数").
    """
    name = re.sub(r"\s+", "", indicator)
    for word in SURVEY_WORDS:
        if name.endswith((word + "度", word + "率")):
            return f"{word}人数", "调查总人数"
    if not name.endswith("率") or len(name) < 3:
        return FALLBACK_MEANING
    stem = name[:-1]
    special = _special_meaning(stem)
    if special:
        return special
    verb = stem[-2:]
    if not _CJK.match(verb):
        return FALLBACK_MEANING
    measure = "件数" if verb in CASE_VERBS else "数"
    qualifier = stem[-4:-2]
    done = f"{qualifier}{verb}" if qualifier in QUALIFIERS else f"已{verb}"
    return f"{done}{measure}", f"应{verb}{measure}"


def _special_meaning(stem: str) -> tuple[str, str] | None:
    """The special cases of fraction_meaning, by the end of the stem."""
    if stem.endswith("出庭应诉"):
        return "已出庭应诉件数", "应出庭应诉件数"
    if stem.endswith(("成功", "及时")):
        verb = stem[-4:-2]
        if not _CJK.match(verb or "x"):
            return FALLBACK_MEANING
        if stem.endswith("成功"):
            return f"{verb}成功件数", f"{verb}件数"
        return f"及时{verb}件数", f"已{verb}件数"
    word = stem[-2:]
    if word in REPLY_VERBS:
        return f"已{word}件数", "受理件数"
    if word in OUTCOME_WORDS:
        return f"{word}件数", "审结件数"
    if word in COUNT_WORDS:
        return f"{word}数", "总数"
    return None


# ---------------------------------------------------------------- rows


def deadline_cell(task: CatalogTask) -> str | None:
    """完成时限: "长期" for ongoing tasks, else the deadline as written (or the date)."""
    if task.ongoing:
        return "长期"
    if task.deadline_text:
        return task.deadline_text
    d = task.deadline
    return f"{d.year}年{d.month}月{d.day}日前" if d else None


def task_rows(catalog: Catalog, units: list[str], previous: Previous) -> list[Row]:
    """任务进展 rows: per unit, the tasks it owns in any role, in plan order."""
    rows = []
    inputs = frozenset({6, 7, 8})
    for unit in units:
        for task in catalog.tasks_of_unit(unit):
            status, note, evidence = previous.tasks.get((unit, task.task_id), (None, None, None))
            values = [
                unit,
                task.number,
                task.text or task.title,
                ROLE_NAMES[task.roles[unit]],
                deadline_cell(task),
                status,
                note,
                evidence,
                task.plan_title,
                task.task_id,
            ]
            rows.append(Row(values, inputs))
    return rows


def indicator_rows(
    catalog: Catalog, units: list[str], previous: Previous, plan_titles: dict[int, str]
) -> list[Row]:
    """指标数据 rows: per unit, the indicators of the tasks it leads or is responsible for."""
    rows = []
    for unit in units:
        for ind in catalog.indicators_of_unit(unit):
            answer = previous.indicators.get((unit, ind.target_id), (None, None, None, None))
            rows.append(_indicator_row(unit, ind, answer, plan_titles.get(ind.plan_id)))
    return rows


def _indicator_row(unit: str, ind: CatalogIndicator, answer: tuple, plan_title: str | None) -> Row:
    numerator, denominator, actual, note = answer
    if ind.is_rate:
        num_meaning, den_meaning = fraction_meaning(ind.indicator)
        inputs = frozenset({6, 8, 9, 10})
    else:
        num_meaning = den_meaning = numerator = denominator = NOT_APPLICABLE
        inputs = frozenset({9, 10})
    values = [
        unit,
        ind.task_number,
        ind.indicator,
        ind.target_label,
        num_meaning,
        numerator,
        den_meaning,
        denominator,
        actual,
        note,
        plan_title,
        ind.target_id,
    ]
    return Row(values, inputs)


# ---------------------------------------------------------------- workbook


def _select_units(catalog: Catalog, unit: str) -> tuple[list[str], str]:
    """The units of the template and the label of its title ("司法局" / "全部单位")."""
    if unit == ALL_UNITS:
        units = catalog.reporting_units()
        if not units:
            raise LoadError("所选计划中没有任何单位的任务，无法生成填报表")
        return units, "全部单位"
    name = unit.strip()
    if name not in catalog.units and not catalog.tasks_of_unit(name):
        name = catalog.resolve_unit(unit) or ""
        if not name:
            raise LoadError(f"「{unit}」不是已登记的单位，无法生成填报表")
    if not catalog.tasks_of_unit(name):
        raise LoadError(f"「{name}」在所选计划中没有任务，无法生成填报表")
    return [name], name


def _plan_label(titles: list[str]) -> str:
    """The plan named in sheet titles: its title, or "A等3个计划" for several."""
    distinct = list(dict.fromkeys(titles))
    if len(distinct) == 1:
        return distinct[0]
    return f"{distinct[0]}等{len(distinct)}个计划"


def build_template(
    catalog: Catalog,
    unit: str,
    year: int,
    quarter: int,
    previous: Previous | None = None,
    due: datetime.date | None = None,
) -> bytes:
    """The .xlsx fill-in workbook for `unit` (a canonical name, or "all") and one quarter."""
    if quarter not in (1, 2, 3, 4):
        raise LoadError(f"季度应为1至4，而不是{quarter}")
    first, last = catalog.year_window()
    if not first <= year <= last:
        raise LoadError(f"年度{year}超出已载入计划的年度范围（{first}至{last}年），无法生成填报表")
    units, unit_label = _select_units(catalog, unit)
    previous = previous or Previous()
    tasks = task_rows(catalog, units, previous)
    chosen = set(units)
    plan_ids = list(dict.fromkeys(t.plan_id for t in catalog.tasks if chosen & t.roles.keys()))
    plan_titles = {t.plan_id: t.plan_title for t in catalog.tasks}
    heading = f"{_plan_label([plan_titles[p] for p in plan_ids])} {period_label(year, quarter)}"
    wb = Workbook()
    guide = wb.active
    guide.title = GUIDE_SHEET
    _write_guide(
        guide, f"{heading} 填报说明（{unit_label}）", due or report_due(year, quarter), previous
    )
    sheet = wb.create_sheet(TASK_SHEET)
    _write_table(
        sheet, f"{heading} 任务进展（{unit_label}）", TASK_HEADERS, TASK_WIDTHS, TASK_WRAP, tasks
    )
    _task_validations(sheet, len(tasks))
    sheet = wb.create_sheet(INDICATOR_SHEET)
    rows = indicator_rows(catalog, units, previous, plan_titles)
    _write_table(
        sheet,
        f"{heading} 指标数据（{unit_label}）",
        INDICATOR_HEADERS,
        INDICATOR_WIDTHS,
        INDICATOR_WRAP,
        rows,
    )
    _indicator_validations(sheet, len(rows))
    _write_meta(
        wb.create_sheet(META_SHEET),
        year,
        quarter,
        unit if unit == ALL_UNITS else units[0],
        plan_ids,
    )
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _write_guide(ws: Worksheet, title: str, due: datetime.date, previous: Previous) -> None:
    """填报说明: what to fill, the status words, numbers, the deadline, the grey-cell warning."""
    lines = [
        title,
        "一、填写内容",
        "1.「任务进展」表：每行是本单位承担的一项任务，“本单位角色”为牵头、责任或配合。请填写白色单元格：进展状态、进展说明、佐证材料。",
        "2.「指标数据」表：每行是本单位牵头或负责的一项量化指标。比率类指标请填写本季度的分子和分母（全年完成率按各季度分子之和除以分母之和计算），也可只填实际值；次数、时长等指标请填写实际值。",
        "二、进展状态（下拉选择）：" + "、".join(STATUSES),
        "未启动：尚未开展；推进中：已开展、尚未完成；已完成：全部完成；长期推进：长期坚持的任务本季度有进展；滞后：未按计划推进或已超过完成时限。",
        "三、数字填写：分子、分母填写不小于0的整数；实际值填写数字，比率可填写“98.5%”或98.5（均表示98.5%）。",
        f"四、报送时间：请于{due.year}年{due.month}月{due.day}日前报送。",
        "五、本表由系统生成，请勿修改灰色列、表头和隐藏列。",
    ]
    if previous.reported:
        lines.append(
            "六、本季度已报送的内容（进展状态、说明、佐证材料和指标数值）已预先填入：修改后重新"
            "上传即为更正，表中各行替换已报送的对应行，未包含的行保持不变。"
        )
        if previous.carried:
            lines.append("其余任务已填入上季度的进展状态，请核对并更新为本季度情况。")
    elif previous.carried:
        lines.append(
            "六、上季度的进展状态已预先填入，请核对并更新为本季度情况；指标数值请填写本季度的。"
        )
    for line in lines:
        _append(ws, [line])
    ws["A1"].font = Font(bold=True, size=14)
    ws.column_dimensions["A"].width = 110
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in ws.iter_rows(min_row=2):
        row[0].alignment = wrap


def _put(cell: Cell, value: object) -> Cell:
    """Write a value as data: text from the plans or from uploads without control characters
    (Excel cannot hold them) and never as a formula ("=HYPERLINK(…)" stays text)."""
    if isinstance(value, str):
        cell.value = strip_controls(value)
        if cell.data_type == "f":
            cell.data_type = "s"
    else:
        cell.value = value
    return cell


def _append(ws: Worksheet, values: list[object]) -> None:
    """ws.append, each value written by _put."""
    row = (ws.max_row + 1) if ws.max_row > 1 or ws["A1"].value is not None else 1
    for c, value in enumerate(values, start=1):
        _put(ws.cell(row=row, column=c), value)


def _styles(ws: Worksheet, ncols: int, wrap: set[int]) -> dict[tuple[int, bool], object]:
    """Style arrays per (column, is_input): grey locked, or white unlocked."""
    styles = {}
    for col in range(1, ncols + 1):
        for is_input in (False, True):
            cell = Cell(ws)
            cell.fill = WHITE if is_input else GREY
            cell.protection = Protection(locked=not is_input)
            cell.border = BORDER
            cell.alignment = Alignment(wrap_text=col in wrap, vertical="top")
            styles[(col, is_input)] = cell._style
    return styles


def _write_table(
    ws: Worksheet,
    title: str,
    headers: tuple[str, ...],
    widths: tuple[int, ...],
    wrap: set[int],
    rows: list[Row],
) -> None:
    """Title (row 1, merged), headers (row 2), data from row 3; hidden ID column; protection."""
    ncols = len(headers)
    _append(ws, [title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 28
    ws.append(list(headers))
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    styles = _styles(ws, ncols, wrap)
    for r, row in enumerate(rows, start=3):
        for c, value in enumerate(row.values, start=1):
            cell = _put(ws.cell(row=r, column=c), value)
            cell._style = copy(styles[(c, c in row.inputs)])
    _layout(ws, widths, len(rows))


def _layout(ws: Worksheet, widths: tuple[int, ...], nrows: int) -> None:
    """Column widths, hidden ID column, frozen header, filter, print setup, protection."""
    letters = [chr(ord("A") + i) for i in range(len(widths))]
    for letter, width in zip(letters, widths, strict=True):
        ws.column_dimensions[letter].width = width
    ws.column_dimensions[letters[-1]].hidden = True
    ws.freeze_panes = "A3"
    ws.auto_filter.ref = f"A2:{letters[-2]}{max(nrows + 2, 2)}"
    ws.print_title_rows = "1:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    protection = ws.protection
    protection.sheet = True
    protection.formatColumns = protection.formatRows = False  # resizing stays allowed
    protection.sort = protection.autoFilter = False


def _task_validations(ws: Worksheet, nrows: int) -> None:
    """进展状态: a list of the five status words."""
    if not nrows:
        return
    dv = DataValidation(type="list", formula1='"' + ",".join(STATUSES) + '"', allow_blank=True)
    dv.error, dv.errorTitle = "请从下拉列表中选择：" + "、".join(STATUSES), "进展状态"
    dv.prompt, dv.promptTitle = "、".join(STATUSES), "进展状态"
    dv.showErrorMessage = dv.showInputMessage = True
    dv.add(f"F3:F{nrows + 2}")
    ws.add_data_validation(dv)


def _indicator_validations(ws: Worksheet, nrows: int) -> None:
    """分子/分母: whole numbers >= 0; 实际值: a decimal >= 0."""
    if not nrows:
        return
    last = nrows + 2
    whole = DataValidation(
        type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True
    )
    whole.error, whole.errorTitle = "请填写不小于0的整数", "分子/分母"
    whole.add(f"F3:F{last}")
    whole.add(f"H3:H{last}")
    decimal = DataValidation(
        type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True
    )
    decimal.error, decimal.errorTitle = "请填写数字，比率如98.5%或98.5", "实际值"
    decimal.add(f"I3:I{last}")
    for dv in (whole, decimal):
        dv.showErrorMessage = True
        ws.add_data_validation(dv)


def _write_meta(ws: Worksheet, year: int, quarter: int, unit: str, plan_ids: list[int]) -> None:
    """_meta (very hidden): key | value rows that tell the reader what the template covers."""
    _append(ws, ["key", "value"])
    _append(ws, ["template_version", TEMPLATE_VERSION])
    _append(ws, ["year", year])
    _append(ws, ["quarter", quarter])
    _append(ws, ["unit", unit])
    _append(ws, ["plan_ids", ",".join(map(str, plan_ids))])
    _append(ws, ["generated_at", datetime.datetime.now().isoformat(timespec="seconds")])
    ws.sheet_state = "veryHidden"
