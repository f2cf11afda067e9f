"""Reading and validating an uploaded quarterly progress workbook (季度填报): bytes -> records.

Pure: a file's bytes and a Catalog in, TaskReport/IndicatorReport records and Chinese messages out;
nothing is stored (loaders.progress_store does that, and only when `errors` is empty). Every
problem of the file is reported (up to MAX_ERRORS), each naming sheet, row (as numbered in Excel)
and column.

Accepted: the project's template (its "_meta" sheet gives year, quarter and unit; its hidden
任务ID/指标ID columns match rows, 编号/text being the fallback) and flat sheets made by hand (any
sheet whose header, among its first rows, names task or indicator columns; docs/PROGRESS_SPEC.md).
Cells, values and header detection are in loaders.progress_values; matching rows to the catalog
(Lookup) and the checks of each row are here.

Period of a row: its 年度/季度 cells, else the year/quarter arguments, else _meta or a title such
as "2025年第1季度". Unit: its 单位 cell, else the reporting unit (or the template's unit).

Rates (指标 in "%"): 实际值 is a percentage figure (98.5 means 98.5%). "98.5%" typed as text and
.xlsx cells formatted as percent (stored as 0.985) are read as 98.5. A plain number 0 < v <= 1 for a
rate whose target is at least 50% ("≥ 90%") is read as a fraction (0.985 -> 98.5) with a warning:
an .xls percent cell, whose format cannot be read, arrives that way, and 0.985% against a 90% target
is not a plausible figure. For low targets ("≤ 5%") plain numbers are taken as written.
"""

from __future__ import annotations

from dataclasses import dataclass

from loaders.catalog import Catalog, CatalogIndicator, CatalogTask
from loaders.progress_values import (
    PLACEHOLDERS,
    STATUSES,
    Header,
    Sheet,
    cell_text,
    find_header,
    format_number,
    number_key,
    parse_number,
    parse_period,
    parse_status,
    read_sheets,
    sheet_titles,
    text_key,
    title_period,
)

MAX_ERRORS = 200
META_SHEET = "_meta"
COUNT_UNITS = frozenset("次 件 个 名 人 期 家 场 项 篇 条 份 起 人次 批 场次 所 户 部".split())
WORDS = "、".join(STATUSES)
NO_DATA = (
    "未找到可识别的数据行：请使用系统生成的填报表，或在表头中写明「单位」「编号」「任务」「进展状态」"
    "（任务进展）或「单位」「指标」「分子」「分母」「实际值」（指标数据）等列"
)
NOTHING_FILLED = "未找到可识别的数据行：表中各行均未填写进展状态、进展说明或指标数值"


@dataclass(frozen=True)
class TaskReport:
    """One reported task status (任务进展) of a unit for a quarter."""

    unit: str
    task_id: int
    year: int
    quarter: int
    status: str
    note: str | None
    evidence: str | None
    sheet: str
    row: int


@dataclass(frozen=True)
class IndicatorReport:
    """One reported indicator figure (指标数据) of a unit for a quarter; rates in percent."""

    unit: str
    target_id: int
    year: int
    quarter: int
    numerator: float | None
    denominator: float | None
    actual: float | None
    note: str | None
    sheet: str
    row: int


@dataclass
class ParsedUpload:
    """Records and messages of one upload; `periods`: the (unit, year, quarter) it covers."""

    tasks: list[TaskReport]
    indicators: list[IndicatorReport]
    errors: list[str]
    warnings: list[str]
    periods: set[tuple[str, int, int]]


def read_progress(
    name: str,
    data: bytes,
    catalog: Catalog,
    reporting_unit: str | None = None,
    year: int | None = None,
    quarter: int | None = None,
) -> ParsedUpload:
    """Read and check an uploaded workbook (.xlsx/.xls/.csv); ReadError if it cannot be read.

    reporting_unit (None or "all": any unit) limits the rows to that unit's.
    """
    reader = _Reader(catalog, year, quarter)
    sheets = read_sheets(name, data)
    if reader.start(reporting_unit, sheets):
        for number, sheet in enumerate(sheets):
            header = find_header(sheet.rows) if sheet.name != META_SHEET else None
            if header is not None:
                _SheetReader(reader, number, sheet, header).read()
        if not reader.tasks and not reader.indicators and not reader.errors:
            reader.file_error(NOTHING_FILLED if reader.found_header else NO_DATA)
    return reader.result()


class _Reader:
    """One read_progress call: lookups, file-level defaults, records and messages."""

    def __init__(self, catalog: Catalog, year: int | None, quarter: int | None) -> None:
        self.lookup = Lookup(catalog)
        self.year, self.quarter = year, quarter
        self.reporting: str | None = None
        self.meta: dict[str, str] = {}
        self.errors: list[tuple[tuple[int, int], str]] = []
        self.warnings: list[str] = []
        self.tasks: list[TaskReport] = []
        self.indicators: list[IndicatorReport] = []
        self.seen: dict[tuple, tuple[str, int]] = {}
        self.found_header = False

    def start(self, reporting_unit: str | None, sheets: list[Sheet]) -> bool:
        """Check the arguments and read _meta; False when the arguments are wrong."""
        if self.quarter is not None and self.quarter not in (1, 2, 3, 4):
            self.file_error(f"季度应为1至4，实际为{self.quarter}")
        if self.year is not None and not 2000 <= self.year <= 2100:
            self.file_error(f"年度应为四位年份（如2025），实际为{self.year}")
        if reporting_unit not in (None, "", "all"):
            self.reporting = self.lookup.unit(reporting_unit)
            if self.reporting is None:
                self.file_error(f"报送单位「{reporting_unit}」不是已登记的单位，无法校验本次报送")
        for sheet in sheets:
            if sheet.name == META_SHEET:
                self.meta = {cell_text(r[0]): cell_text(r[1]) for r in sheet.rows if len(r) > 1}
        return not self.errors

    def file_error(self, text: str) -> None:
        self.errors.append(((-1, len(self.errors)), text))

    def meta_period(self) -> tuple[int | None, int | None]:
        values = [parse_number(self.meta.get(k, "")) for k in ("year", "quarter")]
        return tuple(int(v.value) if v else None for v in values)  # type: ignore[return-value]

    def meta_unit(self) -> str | None:
        unit = self.meta.get("unit", "")
        return None if unit in ("", "all") else self.lookup.unit(unit)

    def add(self, report: TaskReport | IndicatorReport, where: tuple) -> None:
        """Keep a record unless the same unit × task/indicator × period came before."""
        is_task = isinstance(report, TaskReport)
        ident = report.task_id if is_task else report.target_id
        key = (is_task, report.unit, ident, report.year, report.quarter)
        sheet, _, row = where
        first = self.seen.setdefault(key, (sheet, row))
        if first == (sheet, row):
            (self.tasks if is_task else self.indicators).append(report)
            return
        second = f"第{row}行" if first[0] == sheet else f"「{sheet}」第{row}行"
        kind, name = self.lookup.describe(is_task, ident)
        text = (f"「{first[0]}」第{first[1]}行与{second}重复：同一单位、{kind}和季度只能填报一行"
                f"（{report.unit}，{name}，{report.year}年第{report.quarter}季度）")  # fmt: skip
        self.errors.append((where[1:], text))

    def result(self) -> ParsedUpload:
        ordered = [text for _, text in sorted(self.errors, key=lambda e: e[0])]
        if len(ordered) > MAX_ERRORS:
            ordered = ordered[:MAX_ERRORS] + [f"…另有 {len(ordered) - MAX_ERRORS} 条"]
        periods = {(r.unit, r.year, r.quarter) for r in [*self.tasks, *self.indicators]}
        return ParsedUpload(self.tasks, self.indicators, ordered, self.warnings, periods)


class _SheetReader:
    """The data rows of one sheet, with the sheet's default period and unit."""

    def __init__(self, reader: _Reader, number: int, sheet: Sheet, header: Header) -> None:
        self.reader, self.number, self.sheet, self.header = reader, number, sheet, header
        self.cols, self.labels = header.cols, header.labels
        self.has_tasks, self.has_indicators = header.has_tasks, header.has_indicators
        self.period_fields = [f for f in ("period", "year", "quarter") if f in self.cols]
        self.periods: dict[tuple, tuple | None] = {}  # parsed period cells
        self.missing_reported: set[str] = set()
        self.year, self.quarter = self._default_period(sheet_titles(sheet.rows, header))
        self.unit = reader.reporting or reader.meta_unit()
        reader.found_header = True

    def _default_period(self, titles: list[str]) -> tuple[int | None, int | None]:
        reader = self.reader
        own = reader.meta_period()
        if own == (None, None):
            own = next((p for p in map(title_period, titles) if p), (None, None))
        year = reader.year if reader.year is not None else own[0]
        quarter = reader.quarter if reader.quarter is not None else own[1]
        if None not in own and (year, quarter) != own:
            reader.warnings.append(f"「{self.sheet.name}」注明的期间为{own[0]}年第{own[1]}季度，"
                                   f"本次按所选的{year}年第{quarter}季度读取")  # fmt: skip
        return year, quarter

    def read(self) -> None:
        header, fetch, unfilled = self.header, list(self.cols.items()), 0
        for r in range(header.start, len(self.sheet.rows)):
            row = self.sheet.rows[r]
            if not header.is_data(row):
                continue
            width = len(row)
            cells = {f: row[c] for f, c in fetch if c < width}
            if not self.read_row(r, cells):
                unfilled += header.identifies(row)
        if unfilled:
            self.reader.warnings.append(f"{self.sheet.name}：{unfilled} 行未填写")

    def label(self, field: str) -> str:
        return f"「{self.labels.get(field, field)}」"

    def error(self, where: tuple, text: str) -> None:
        self.reader.errors.append((where[1:], f"「{where[0]}」第{where[2]}行{text}"))

    def read_row(self, r: int, cells: dict[str, object]) -> bool:
        """Check one row and keep its records; False when none of its input cells is filled."""
        inputs = [cell_text(cells.get(f, "")) for f in ("status", "note", "evidence")]
        values = [cells.get(f, "") for f in ("numerator", "denominator", "actual")]
        values = ["" if v == "" or _blank(v) else v for v in values]
        has_task = self.has_tasks and any(inputs)
        only_note = bool(inputs[1]) and not self.has_tasks
        has_values = self.has_indicators and (values != ["", "", ""] or only_note)
        if not has_task and not has_values:
            return False
        where = (self.sheet.name, self.number, r + 1)
        unit, period = self.row_unit(cells, where), self.row_period(cells, where)
        if has_task:
            self.task_row(cells, where, unit, period, inputs)
        if has_values:
            self.indicator_row(cells, where, unit, period, values, inputs[1])
        return True

    def row_unit(self, cells: dict, where: tuple) -> str | None:
        reporting, raw = self.reader.reporting, cells.get("unit", "")
        unit = self.reader.lookup.unit(raw)
        if unit is not None and (reporting is None or unit == reporting):
            return unit
        written = cell_text(raw)
        if not written:
            if self.unit is None:
                self.error(where, f"未填写{self.label('unit')}：请填写本行数据所属的单位")
            return self.unit
        if unit is None:
            self.error(where, f"{self.label('unit')}为「{written}」，不是已登记的单位，请使用系统中的单位名称")  # fmt: skip
        elif reporting is not None and unit != reporting:
            self.error(where, f"{self.label('unit')}为「{written}」，但本次以「{reporting}」名义报送，"
                              "只能填报本单位的数据")  # fmt: skip
            return None
        return unit

    def row_period(self, cells: dict, where: tuple) -> tuple[int, int] | None:
        year, quarter, ok = self.year, self.quarter, True
        for field in self.period_fields:
            raw = cells.get(field, "")
            if raw == "" or cell_text(raw) == "":
                continue
            parsed = self.periods.get((field, raw), False)
            if parsed is False:
                parsed = self.periods[(field, raw)] = parse_period(raw, field == "quarter")
            if parsed is None:
                ok = False
                expected = {"quarter": "1至4（如1、Q1、第一季度）", "year": "四位年份（如2025）"}
                shown = expected.get(field, "年度和季度（如2025年第1季度）")
                self.error(where, f'{self.label(field)}应为{shown}，实际为"{cell_text(raw)}"')
                continue
            year = parsed[0] if parsed[0] is not None else year
            quarter = parsed[1] if parsed[1] is not None else quarter
        for value, word, field in ((year, "年度", "year"), (quarter, "季度", "quarter")):
            if value is None and ok:
                ok = False
                self._missing_period(where, word, field)
        return (year, quarter) if ok else None  # type: ignore[return-value]

    def _missing_period(self, where: tuple, word: str, field: str) -> None:
        """A row without year or quarter; without such a column, reported once per sheet."""
        if field in self.cols:
            self.error(where, f"未填写「{word}」：请填写{word}，或在上传时选择{word}")
        elif field not in self.missing_reported:
            self.missing_reported.add(field)
            self.error(where, f"无法确定{word}：请增加「{word}」列、在标题中注明（如“2025年第1季度”），"
                              f"或在上传时选择{word}")  # fmt: skip

    def task_row(self, cells: dict, where: tuple, unit, period, inputs: list[str]) -> None:
        status_text, note, evidence = inputs
        status = parse_status(status_text) if status_text else None
        if status is None and status_text:
            self.error(where, f'{self.label("status")}应为{WORDS}之一，实际为"{status_text}"')
        elif status is None:
            self.error(where, f"未填写{self.label('status')}（应为{WORDS}之一）")
        task = None
        if unit is not None:
            task = self.reader.lookup.task(unit, cells, self.header.weak_number, self.labels)
            if isinstance(task, str):
                self.error(where, task)
                task = None
        if task is not None and status is not None and period is not None:
            self.reader.add(TaskReport(unit, task.task_id, *period, status, note or None,
                                       evidence or None, where[0], where[2]), where)  # fmt: skip

    def indicator_row(self, cells: dict, where: tuple, unit, period, values, note: str) -> None:
        indicator = None
        if unit is not None:
            year = period[0] if period else None
            found = self.reader.lookup.indicator(unit, cells, year, self.labels)
            if isinstance(found, str):
                self.error(where, found)
            else:
                indicator = found
        numbers = _Values(self, where, indicator).check(*values)
        if indicator is not None and numbers is not None and period is not None:
            self.reader.add(IndicatorReport(unit, indicator.target_id, *period, *numbers,
                                            note or None, where[0], where[2]), where)  # fmt: skip


class _Values:
    """分子/分母/实际值 of one row, checked against its indicator (None when unknown)."""

    def __init__(self, sheet: _SheetReader, where: tuple, indicator: CatalogIndicator | None):
        self.sheet, self.where, self.ind, self.ok = sheet, where, indicator, True

    def fail(self, field: str, expected: str, raw: object, extra: str = "") -> None:
        self.ok = False
        shown = raw if isinstance(raw, str) else cell_text(raw)
        self.sheet.error(self.where, f"{self.sheet.label(field)}应为{expected}，实际为\"{shown}\"{extra}")  # fmt: skip

    def check(self, num_raw, den_raw, act_raw) -> tuple[float | None, ...] | None:
        """(numerator, denominator, actual), or None after reporting what is wrong."""
        label = self.sheet.label
        if self.ind is not None and not self.ind.is_rate and (num_raw != "" or den_raw != ""):
            self.sheet.error(self.where, f"{label('numerator')}{label('denominator')}不适用于以"
                             f"「{self.ind.unit}」计的指标「{self.ind.indicator}」，请只填写{label('actual')}")  # fmt: skip
            return None
        numerator = self.whole("numerator", num_raw, f"不大于{label('denominator')}的非负整数")
        denominator = self.whole("denominator", den_raw, f"不小于{label('numerator')}的非负整数")
        if (num_raw == "") != (den_raw == "") and self.ok:
            given, missing = ("numerator", "denominator") if den_raw == "" else ("denominator", "numerator")  # fmt: skip
            self.ok = False
            self.sheet.error(self.where, f"已填写{label(given)}但未填写{label(missing)}："
                             f"请同时填写分子和分母，或只填写{label('actual')}")  # fmt: skip
        elif numerator is not None and denominator is not None and numerator > denominator:
            extra = f"（{label('numerator')}为{format_number(numerator)}）"
            self.fail("denominator", f"不小于{label('numerator')}的非负整数", den_raw, extra)
        actual = None
        if act_raw == "":
            pass
        elif self.ind is None:  # unknown indicator (already reported): is it a number at all?
            if parse_number(act_raw) is None:
                self.fail("actual", "数字", act_raw)
        else:
            actual = self.rate(act_raw) if self.ind.is_rate else self.plain(act_raw, self.ind)
        return (numerator, denominator, actual) if self.ok else None

    def whole(self, field: str, raw: object, expected: str) -> float | None:
        number = parse_number(raw) if raw != "" else None
        if raw != "" and (number is None or number.percent or not _whole(number.value)):
            self.fail(field, expected, raw)
            return None
        return number.value if number else None

    def rate(self, raw: object) -> float | None:
        number = parse_number(raw)
        if number is None:
            self.fail("actual", "数字（比率如98.5或98.5%）", raw)
            return None
        value, shown = number.value, raw
        if not number.percent and isinstance(raw, float) and self.percent_cell():
            value = round(value * 100, 10)
            shown = f"{format_number(value)}%"
        elif not number.percent and 0 < value <= 1 and _high(self.ind):
            value = round(value * 100, 10)
            self.sheet.reader.warnings.append(
                f"「{self.where[0]}」第{self.where[2]}行{self.sheet.label('actual')}"
                f"{format_number(number.value)}按{format_number(value)}%读取"
            )
        if not 0 <= value <= 100:
            self.fail("actual", "0至100之间的百分数（如98.5或98.5%）", shown)
            return None
        return value

    def plain(self, raw: object, ind: CatalogIndicator) -> float | None:
        counted = ind.unit in COUNT_UNITS
        expected = "非负整数" if counted else "不小于0的数字"
        number = parse_number(raw, ind.unit)
        if number is not None and (
            number.percent or isinstance(raw, float) and self.percent_cell()
        ):
            shown = raw if number.percent else f"{format_number(number.value * 100)}%"
            self.fail("actual", f"{expected}（本指标以「{ind.unit}」计，不是百分数）", shown)
            return None
        if number is None or number.value < 0 or (counted and not number.value.is_integer()):
            self.fail("actual", expected, raw)
            return None
        return number.value

    def percent_cell(self) -> bool:
        col = self.sheet.cols.get("actual")
        return (self.where[2] - 1, col) in self.sheet.sheet.percent_cells()


def _blank(value: object) -> bool:
    """An empty cell or a placeholder ("—", "/", "无")."""
    text = cell_text(value) if isinstance(value, str) else value
    return text == "" or text in PLACEHOLDERS


def _whole(value: float) -> bool:
    return value >= 0 and value.is_integer()


def _high(ind: CatalogIndicator) -> bool:
    """A rate meant to be high ("≥ 90%"): a figure of at most 1 is then a fraction."""
    return ind.comparator in (">=", ">", "=") and ind.value >= 50


# ---------------------------------------------------------------- matching rows to the catalog


class Lookup:
    """Dicts built once per upload from the Catalog: units, tasks by number, indicators by name.

    task() and indicator() return the match, or a message tail (after "「表」第N行") saying why
    there is none.
    """

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._units: dict[object, str | None] = {}
        self._numbers: dict[object, tuple | None] = {}
        self._keys: dict[object, str] = {}
        self.tasks = {t.task_id: t for t in catalog.tasks}
        self.targets = {i.target_id: i for i in catalog.indicators}
        self.plan_keys = {t.plan_id: text_key(t.plan_title) for t in catalog.tasks}
        self.keys = {t.task_id: number_key(t.number) for t in catalog.tasks}
        self.texts = {t.task_id: (text_key(t.text), text_key(t.title)) for t in catalog.tasks}
        self.names = {i.target_id: text_key(i.indicator) for i in catalog.indicators}
        self.by_number: dict[tuple, list[CatalogTask]] = {}  # (unit, key) and (unit, value)
        self.owners: dict[tuple, list[CatalogTask]] = {}  # key -> tasks, any unit
        self.unit_tasks: dict[str, list[CatalogTask]] = {}
        for task in catalog.tasks:
            key = self.keys[task.task_id]
            self.owners.setdefault(key, []).append(task)
            for unit in task.roles:
                self.unit_tasks.setdefault(unit, []).append(task)
                self.by_number.setdefault((unit, key), []).append(task)
                if key and key[0] != "raw":
                    self.by_number.setdefault((unit, key[1]), []).append(task)
        self.unit_targets: dict[str, list[CatalogIndicator]] = {}
        self.by_name: dict[tuple[str, str], list[CatalogIndicator]] = {}
        for ind in catalog.indicators:
            for unit in ind.units:
                self.unit_targets.setdefault(unit, []).append(ind)
                self.by_name.setdefault((unit, self.names[ind.target_id]), []).append(ind)

    def unit(self, written: object) -> str | None:
        """The canonical unit of a written name (cached per distinct cell value)."""
        if written not in self._units:
            name = cell_text(written)
            known = name in self.catalog.units
            found = name if known or not name else self.catalog.resolve_unit(name)
            self._units[written] = found or None
        return self._units[written]

    def key(self, value: object) -> str:
        """text_key of a cell, cached per distinct cell value."""
        if value not in self._keys:
            self._keys[value] = text_key(cell_text(value))
        return self._keys[value]

    def number_key(self, value: object):
        """number_key, cached per distinct cell value."""
        if value not in self._numbers:
            self._numbers[value] = number_key(value)
        return self._numbers[value]

    def describe(self, is_task: bool, ident: int) -> tuple[str, str]:
        """("任务", "编号1") / ("指标", "群众满意度") for duplicate-row messages."""
        if is_task:
            return "任务", f"编号{self.tasks[ident].number}"
        return "指标", self.targets[ident].indicator

    def task(self, unit: str, cells: dict, weak: bool, labels: dict) -> CatalogTask | str:
        """The unit's task named by a row: hidden 任务ID, else 编号 (the text decides between
        plans, and comes first when the number is a 序号), else the task text."""
        number = cells.get("number", "")
        key = self.number_key(number)
        by_id = self.tasks.get(_ident(cells.get("task_id", "")))  # type: ignore[arg-type]
        if by_id is not None and unit in by_id.roles and key in (None, self.keys[by_id.task_id]):
            return by_id
        numbered = self._numbered(unit, key)
        if len(numbered) == 1 and not weak:
            return numbered[0]
        text = cell_text(cells.get("task", ""))
        tkey, pkey = self.key(cells.get("task", "")), self.key(cells.get("plan", ""))
        if numbered and not (weak and tkey):
            hits = _by_plan(numbered, pkey, self.plan_keys)
            hits = (self._by_text(hits, tkey) or hits) if len(hits) > 1 and tkey else hits
            if len(hits) == 1:
                return hits[0]
            plans = "、".join(dict.fromkeys(t.plan_title for t in hits))
            return (f"「{labels['number']}」为「{cell_text(number)}」对应「{unit}」的多项任务"
                    f"（{plans}），请在「{labels.get('task', '任务')}」列填写任务名称以区分")  # fmt: skip
        if tkey:
            hits = self._by_text(self.unit_tasks.get(unit, []), tkey)
            hits = _by_plan(hits, pkey, self.plan_keys)
            if len(hits) == 1 or (not hits and len(numbered) == 1):
                return (hits or numbered)[0]
            if hits:
                numbers = "、".join(t.number for t in hits)
                return f"「{labels['task']}」「{_short(text)}」对应「{unit}」的多项任务（编号{numbers}），请填写「编号」以区分"  # fmt: skip
        return self._task_missing(unit, key, number, text, labels)

    def _numbered(self, unit: str, key) -> list[CatalogTask]:
        if key is None:
            return []
        loose = self.by_number.get((unit, key[1]), []) if key[0] != "raw" else []
        return self.by_number.get((unit, key)) or loose

    def _by_text(self, tasks: list[CatalogTask], key: str) -> list[CatalogTask]:
        """Tasks whose text or title equals the cell; else whose text contains it (an excerpt of
        4+ characters); else whose title (4+ characters) is contained in it."""
        exact = [t for t in tasks if key in self.texts[t.task_id]]
        if exact or len(key) < 4:
            return exact
        inside = [t for t in tasks if key in self.texts[t.task_id][0]]
        return inside or [t for t in tasks if 4 <= len(self.texts[t.task_id][1]) and self.texts[t.task_id][1] in key]  # fmt: skip

    def _task_missing(self, unit: str, key, number: object, text: str, labels: dict) -> str:
        if key is not None:
            written = cell_text(number)
            others = [t for t in self.owners.get(key, []) if unit not in t.roles]
            if others:
                owners = "、".join(dict.fromkeys(u for t in others for u in t.roles))
                return (f"「{labels['number']}」为「{written}」的任务（{_short(others[0].title)}）"
                        f"不是「{unit}」承担的任务（承担单位：{owners}）")  # fmt: skip
            return f"「{labels['number']}」为「{written}」，「{unit}」没有该编号的任务，请核对编号"
        if text:
            return (f"「{labels['task']}」为「{_short(text)}」，未找到「{unit}」承担的对应任务，"
                    "请填写「编号」或与计划一致的任务名称")  # fmt: skip
        return "未填写「编号」或「任务」，无法确定是哪项任务"

    def indicator(self, unit: str, cells: dict, year: int | None, labels: dict) -> CatalogIndicator | str:  # fmt: skip
        """The unit's indicator named by a row: hidden 指标ID, else 指标 (exact name, then
        containment), narrowed to the task of 编号 when given and to the row's year."""
        name = cells.get("indicator", "")
        nkey = self.key(name)
        by_id = self.targets.get(_ident(cells.get("target_id", "")))  # type: ignore[arg-type]
        if by_id is not None and unit in by_id.units and nkey in ("", self.names[by_id.target_id]):
            return by_id
        label = labels.get("indicator", "指标")
        if not nkey:
            return f"未填写「{label}」"
        hits = self.by_name.get((unit, nkey)) or [
            i for i in self.unit_targets.get(unit, []) if nkey in self.names[i.target_id] or self.names[i.target_id] in nkey
        ]  # fmt: skip
        if len(hits) > 1:
            hits = [i for i in hits if year is None or i.year in (None, year)] or hits
            key = number_key(cells.get("number", ""))
            hits = [i for i in hits if self.keys.get(i.task_id) == key] or hits
        if len(hits) == 1:
            return hits[0]
        if hits:
            numbers = "、".join(f"编号{i.task_number}" for i in hits)
            return f"「{label}」为「{cell_text(name)}」，对应「{unit}」的多个指标（{numbers}），请填写「编号」以区分"  # fmt: skip
        owners = [u for i in self.catalog.indicators if self.names[i.target_id] == nkey for u in i.units]  # fmt: skip
        tail = f"（由{'、'.join(dict.fromkeys(owners))}报送）" if owners else ""
        return f"「{label}」为「{cell_text(name)}」，不是「{unit}」需报送的指标{tail}"


def _ident(value: object) -> int | None:
    """A hidden ID cell as an int (calamine gives floats)."""
    number = parse_number(value) if value not in ("", None) else None
    return int(number.value) if number and number.value.is_integer() else None


def _by_plan(tasks: list[CatalogTask], pkey: str, plan_keys: dict[int, str]) -> list[CatalogTask]:
    """Tasks of the plan named in the 计划 cell, when it names one of them."""
    if not pkey or len(tasks) < 2:
        return tasks
    return [
        t for t in tasks if pkey in plan_keys[t.plan_id] or plan_keys[t.plan_id] in pkey
    ] or tasks


def _short(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
