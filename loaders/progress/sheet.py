"""Reading and validating an uploaded quarterly progress workbook (季度填报): bytes -> records.

Pure: a file's bytes and a Catalog in, TaskReport/IndicatorReport records and Chinese messages out;
nothing is stored (loaders.progress.store does that, and only when `errors` is empty). Every
problem of the file is reported (up to MAX_ERRORS), each naming sheet, row (as numbered in Excel)
and column.

Accepted: the project's template (its "_meta" sheet gives year, quarter and unit; its hidden
任务ID/指标ID columns match rows, 编号/text being the fallback) and flat sheets made by hand (any
sheet whose header, among its first rows, names task or indicator columns; docs/progress-workbook.md).
Cells, values and header detection are in loaders.progress.values (sheets in
loaders.progress.workbook), matching rows to the catalog in loaders.progress.match (Lookup), the
checks of 分子/分母/实际值 in loaders.progress.figures; the checks of each row are here.

Speed (a 5,000-row sheet is read in about the time python-calamine takes to parse it): on a sheet
of task rows (no indicator columns) the rows the checks would accept without a message are found
column by column and kept in bulk (loaders.progress.fast); every other row gets the full checks
here, in row order. What is derived from a cell is cached per distinct cell value (Lookup).

Period of a row: its 年度/季度 cells, else the year/quarter chosen for the upload (arguments), else
_meta or a title such as "2025年第1季度". A file's own period (its _meta, a sheet title, a row's
年度/季度 cells) that differs from the chosen one is an error naming both, never a re-dating; every
year must lie within the loaded plans' years (Catalog.year_window). Unit: its 单位 cell, else the
reporting unit (or the template's unit).

Text that is stored (进展说明, 佐证材料, sheet names) has its control characters removed and may be
at most loaders.files.limits.MAX_CELL_CHARS long; values echoed in messages are shortened.

Rates (指标 in "%"): 实际值 is a percentage figure (98.5 means 98.5%). "98.5%" typed as text and
.xlsx cells formatted as percent (stored as 0.985) are read as 98.5. A plain number 0 < v <= 1 for a
rate whose target is at least 50% ("≥ 90%") is read as a fraction (0.985 -> 98.5) with a warning:
an .xls percent cell, whose format cannot be read, arrives that way, and 0.985% against a 90% target
is not a plausible figure. For low targets ("≤ 5%") plain numbers are taken as written.
"""

from __future__ import annotations

import gc
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import compress, repeat
from operator import itemgetter, ne

from loaders.files.limits import MAX_CELL_CHARS, Deadline, strip_controls
from loaders.periods import period_label, period_text
from loaders.progress.catalog import Catalog
from loaders.progress.fast import CHECK, CLEAN, NOT_DATA, CleanRows, clean_rows, keep_run
from loaders.progress.figures import Figures, blank
from loaders.progress.layout import META_SHEET, STATUSES, TEMPLATE_VERSION, parse_status
from loaders.progress.match import Lookup
from loaders.progress.records import IndicatorReport, ParsedUpload, TaskReport
from loaders.progress.values import (
    Header,
    Sheet,
    cell_text,
    find_header,
    parse_period,
    read_sheets,
    sheet_titles,
    title_period,
)

MAX_ERRORS = 200
# Clean task rows are kept in bulk (loaders/progress/fast.py), for speed only: read_row alone gives
# the same records and messages (tests/test_progress_sheet.py runs both on the same sheets).
FAST_PATH = True
WORDS = "、".join(STATUSES)
NO_DATA = (
    "未找到可识别的数据行：请使用系统生成的填报表，或在表头中写明「单位」「编号」「任务」「进展状态」"
    "（任务进展）或「单位」「指标」「分子」「分母」「实际值」（指标数据）等列"
)
NOTHING_FILLED = "未找到可识别的数据行：表中各行均未填写进展状态、进展说明或指标数值"


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
    deadline = Deadline(name)
    with gc_paused():
        sheets = read_sheets(name, data)
        return check_sheets(sheets, catalog, reporting_unit, year, quarter, deadline)


def check_sheets(
    sheets: list[Sheet],
    catalog: Catalog,
    reporting_unit: str | None = None,
    year: int | None = None,
    quarter: int | None = None,
    deadline: Deadline | None = None,
) -> ParsedUpload:
    """The checks of read_progress on sheets already read (read_sheets); ReadError when the
    deadline passes."""
    reader = _Reader(catalog, year, quarter, deadline)
    if reader.start(reporting_unit, sheets):
        for number, sheet in enumerate(sheets):
            header = find_header(sheet.rows) if sheet.name != META_SHEET else None
            if header is not None:
                reader.check_time()
                _SheetReader(reader, number, sheet, header).read()
        if not reader.tasks and not reader.indicators and not reader.errors:
            reader.file_error(NOTHING_FILLED if reader.found_header else NO_DATA)
    return reader.result()


_gc_lock = threading.Lock()
_gc_readers = [0, False]  # reads under way; whether the collector was enabled before the first


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a workbook is read: the sheet's rows and the
    thousands of records stay alive until the end, so collections on the way (one per 700 new
    objects) would only walk them again and again. Reads in other threads share the pause; the
    collector is enabled again when the last one ends, if it was enabled before."""
    with _gc_lock:
        if _gc_readers[0] == 0:
            _gc_readers[1] = gc.isenabled()
            gc.disable()
        _gc_readers[0] += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_readers[0] -= 1
            if _gc_readers[0] == 0 and _gc_readers[1]:
                gc.enable()


_UNIT_PERIOD = itemgetter(1, 3, 4)  # (unit, year, quarter) of a record key (see _Reader.add)


def place(number: int, row: int) -> int:
    """Where a record was read, as one int (sheet number, Excel row) for the repeat check."""
    return number << 32 | row


class _Reader:
    """One read_progress call: lookups, file-level defaults, records and messages."""

    def __init__(
        self, catalog: Catalog, year: int | None, quarter: int | None, deadline: Deadline | None
    ) -> None:
        self.lookup = Lookup(catalog)
        self.window = catalog.year_window()
        self.year, self.quarter = year, quarter  # chosen for the upload (None: not chosen)
        self.deadline = deadline
        self.reporting: str | None = None
        self.meta: dict[str, str] = {}
        self.own: tuple[int | None, int | None] = (None, None)  # the period _meta states
        self.errors: list[tuple[tuple[int, int], str]] = []
        self.warnings: list[str] = []
        self.tasks: list[TaskReport] = []
        self.indicators: list[IndicatorReport] = []
        self.seen: dict[tuple, int] = {}  # record key -> place(sheet number, row) of its row
        self.sheet_names: dict[int, str] = {}
        self.found_header = False

    def start(self, reporting_unit: str | None, sheets: list[Sheet]) -> bool:
        """Check the arguments and read _meta; False when the arguments, or the period _meta
        states, are wrong."""
        if self.quarter is not None and self.quarter not in (1, 2, 3, 4):
            self.file_error(f"季度应为1至4，实际为{self.quarter}")
        if self.year is not None and not self.in_window(self.year):
            self.file_error(f"所选年度{self.year}{self.window_text()}")
        if reporting_unit is not None and reporting_unit != "all":
            self.reporting = self.lookup.unit(reporting_unit)
            if self.reporting is None:
                shown = _shorten(strip_controls(reporting_unit)) or "（空）"
                self.file_error(f"报送单位「{shown}」不是已登记的单位，无法校验本次报送")
        if self.errors:
            return False
        for sheet in sheets:
            if sheet.name == META_SHEET:
                self.meta = {cell_text(r[0]): cell_text(r[1]) for r in sheet.rows if len(r) > 1}
                self.own = self.meta_period()
        if not self.errors and self.differs(self.own):
            self.file_error(
                f"文件注明的期间为{period_text(*self.own)}（系统生成的填报表），与所选的"
                f"{self.chosen_text()}不一致：请选择{period_text(*self.own)}，或下载"
                f"{self.chosen_text()}的填报表填写"
            )
        return not self.errors

    def in_window(self, year: int) -> bool:
        return self.window[0] <= year <= self.window[1]

    def window_text(self) -> str:
        return f"超出已载入计划的年度范围（{self.window[0]}至{self.window[1]}年）"

    def chosen_text(self) -> str:
        return period_text(self.year, self.quarter)

    def differs(self, own: tuple[int | None, int | None]) -> bool:
        """A period stated by the file that differs from the chosen one (where both say)."""
        return (self.year is not None and own[0] is not None and own[0] != self.year) or (
            self.quarter is not None and own[1] is not None and own[1] != self.quarter
        )

    def file_error(self, text: str) -> None:
        self.errors.append(((-1, len(self.errors)), text))

    def check_time(self) -> None:
        if self.deadline is not None:
            self.deadline.check()

    def meta_period(self) -> tuple[int | None, int | None]:
        """The year and quarter _meta states; a value that is not one is an error."""
        version = self.meta.get("template_version", "")
        if version and version != str(TEMPLATE_VERSION):
            self.warnings.append(
                f"填报表版本为「{_shorten(version)}」，与本系统的版本{TEMPLATE_VERSION}不同，"
                "已按表头读取，请核对"
            )
        year = quarter = None
        raw = self.meta.get("year", "")
        if raw:
            parsed = parse_period(raw)
            year = parsed[0] if parsed and parsed[1] is None else None
            if year is None or not self.in_window(year):
                why = self.window_text() if year is not None else "不是有效的年份"
                self.file_error(
                    f"「{META_SHEET}」表中的年度「{_shorten(raw)}」{why}：请使用系统生成的"
                    "填报表，不要修改隐藏的「_meta」表"
                )
                year = None
        raw = self.meta.get("quarter", "")
        if raw:
            parsed = parse_period(raw, quarter_only=True)
            quarter = parsed[1] if parsed and parsed[0] is None else None
            if quarter is None:
                self.file_error(
                    f"「{META_SHEET}」表中的季度「{_shorten(raw)}」不是1至4：请使用系统生成的"
                    "填报表，不要修改隐藏的「_meta」表"
                )
        return year, quarter

    def meta_unit(self) -> str | None:
        unit = self.meta.get("unit", "")
        return None if unit in ("", "all") else self.lookup.unit(unit)

    def add(self, report: TaskReport | IndicatorReport, where: tuple) -> None:
        """Keep a record unless the same unit × task/indicator × period came before."""
        is_task = isinstance(report, TaskReport)
        ident = report.task_id if is_task else report.target_id
        key = (is_task, report.unit, ident, report.year, report.quarter)
        sheet, _, row = where
        first = self.seen.setdefault(key, place(*where[1:]))
        if first == place(*where[1:]):
            (self.tasks if is_task else self.indicators).append(report)
            return
        first_sheet, first_row = self.sheet_names[first >> 32], first & 0xFFFFFFFF
        second = f"第{row}行" if first_sheet == sheet else f"「{sheet}」第{row}行"
        kind, name = self.lookup.describe(is_task, ident)
        text = (
            f"「{first_sheet}」第{first_row}行与{second}重复：同一单位、{kind}和季度只能填报一行"
            f"（{report.unit}，{name}，{period_label(report.year, report.quarter)}）"
        )
        self.errors.append((where[1:], text))

    def result(self) -> ParsedUpload:
        ordered = [tidy(text) for _, text in sorted(self.errors, key=lambda e: e[0])]
        if len(ordered) > MAX_ERRORS:
            ordered = ordered[:MAX_ERRORS] + [f"…另有 {len(ordered) - MAX_ERRORS} 条"]
        periods = set(map(_UNIT_PERIOD, self.seen))  # the keys of the records kept
        warnings = list(map(tidy, self.warnings))
        return ParsedUpload(self.tasks, self.indicators, ordered, warnings, periods)


_QUOTED = re.compile(r'([「"])([^」"]{40})[^」"]{20,}([」"])')


def tidy(message: str) -> str:
    """A message as shown: control characters removed, long quoted values shortened."""
    return _QUOTED.sub(r"\1\2…\3", strip_controls(message))


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def clean_text(text: str) -> str:
    """Text as stored: control characters removed."""
    return strip_controls(text)


class _SheetReader:
    """The data rows of one sheet, with the sheet's default period and unit."""

    def __init__(self, reader: _Reader, number: int, sheet: Sheet, header: Header) -> None:
        self.reader, self.number, self.sheet, self.header = reader, number, sheet, header
        self.cols, self.labels = header.cols, header.labels
        self.has_tasks, self.has_indicators = header.has_tasks, header.has_indicators
        self.period_fields = [f for f in ("period", "year", "quarter") if f in self.cols]
        self.periods: dict[tuple, tuple | None] = {}  # parsed period cells
        self.missing_reported: set[str] = set()
        self.conflicts: dict[tuple[int | None, int | None], list[int]] = {}  # period -> rows
        self.sheet_name = clean_text(sheet.name)
        self.year, self.quarter = self._default_period(sheet_titles(sheet.rows, header))
        self.unit = reader.reporting or reader.meta_unit()
        self.warnings = reader.warnings
        reader.found_header = True
        reader.sheet_names[number] = self.sheet_name

    def _default_period(self, titles: list[str]) -> tuple[int | None, int | None]:
        """The period of rows without 年度/季度 cells: the chosen one, else the one _meta or the
        sheet's title states. A title stating another period than the chosen one is an error."""
        reader = self.reader
        own = reader.own
        if own == (None, None):
            own = next((p for p in map(title_period, titles) if p), (None, None))
            if reader.differs(own):
                self.title_conflict = own
            elif own[0] is not None and not reader.in_window(own[0]):
                self.title_conflict = own
        year = reader.year if reader.year is not None else own[0]
        quarter = reader.quarter if reader.quarter is not None else own[1]
        return year, quarter

    title_conflict: tuple[int, int] | None = None  # the period a title states, when refused

    def read(self) -> None:
        """Check the data rows in order: runs of clean task rows in bulk (fast.py), the
        others one by one (read_row)."""
        if self.title_conflict is not None:
            self._refuse_title(self.title_conflict)
            return
        header, start = self.header, self.header.start
        body = self.sheet.rows[start:]
        found = None
        if FAST_PATH and self.has_tasks and not self.has_indicators:
            found = clean_rows(self, body, self.reader.lookup)
        kinds = (
            found.kinds if found else [CHECK if header.is_data(row) else NOT_DATA for row in body]
        )
        done = unfilled = 0
        for i in [*compress(range(len(kinds)), map(ne, kinds, repeat(CLEAN))), len(kinds)]:
            if done < i:
                unfilled += self._keep(found, range(done, i))  # type: ignore[arg-type]
            if i < len(kinds) and kinds[i] == CHECK:
                unfilled += self._check(start + i)
                if i % 1024 == 0:
                    self.reader.check_time()
            done = i + 1
        if unfilled:
            self.reader.warnings.append(f"{self.sheet_name}：{unfilled} 行未填写")
        self._report_conflicts()

    def _refuse_title(self, own: tuple[int, int]) -> None:
        reader = self.reader
        if reader.differs(own):
            text = (
                f"「{self.sheet_name}」的标题注明的期间为{period_text(*own)}，与所选的"
                f"{reader.chosen_text()}不一致：请选择{period_text(*own)}，或改正标题中的期间"
            )
        else:
            text = (
                f"「{self.sheet_name}」的标题注明的年度{own[0]}{reader.window_text()}："
                "请改正标题中的期间"
            )
        reader.errors.append(((self.number, self.header.top), text))

    def _report_conflicts(self) -> None:
        """One message per period that rows state against the chosen one."""
        fields = "".join(self.label(f) for f in self.period_fields)
        for period, rows in self.conflicts.items():
            shown = "、".join(map(str, rows[:5])) + ("等" if len(rows) > 5 else "")
            count = f"共{len(rows)}行" if len(rows) > 5 else ""
            text = (
                f"「{self.sheet_name}」第{shown}行{count}的{fields}为{period_text(*period)}，"
                f"与所选的{self.reader.chosen_text()}不一致：请选择{period_text(*period)}"
                "后重新上传，或改正表中的期间"
            )
            self.reader.errors.append(((self.number, rows[0] - 1), text))

    def _keep(self, found: CleanRows, run: range) -> int:
        """Keep a run of clean rows; read_row reports those repeating an earlier row."""
        first = self.header.start + 1  # the Excel row of body[0]
        at = (self.sheet_name, first, place(self.number, first))
        repeats = keep_run(found, run, at, self.reader.seen, self.reader.tasks)
        return sum(self._check(self.header.start + i) for i in repeats)

    def _check(self, r: int) -> bool:
        """read_row of row r; True when it is an unfilled row naming a task or indicator."""
        row = self.sheet.rows[r]
        width = len(row)
        cells = {f: row[c] for f, c in self.cols.items() if c < width}
        return not self.read_row(r, cells) and self.header.identifies(row)

    def label(self, field: str) -> str:
        return f"「{self.labels[field]}」"

    def error(self, where: tuple, text: str) -> None:
        self.reader.errors.append((where[1:], f"「{where[0]}」第{where[2]}行{text}"))

    def read_row(self, r: int, cells: dict[str, object]) -> bool:
        """Check one row and keep its records; False when none of its input cells is filled."""
        inputs = [cell_text(cells.get(f, "")) for f in ("status", "note", "evidence")]
        inputs[1:] = map(clean_text, inputs[1:])
        values = [cells.get(f, "") for f in ("numerator", "denominator", "actual")]
        values = ["" if v == "" or blank(v) else v for v in values]
        has_task = self.has_tasks and any(inputs)
        only_note = bool(inputs[1]) and not self.has_tasks
        has_values = self.has_indicators and (values != ["", "", ""] or only_note)
        if not has_task and not has_values:
            return False
        where = (self.sheet_name, self.number, r + 1)
        unit, period = self.row_unit(cells, where), self.row_period(cells, where)
        for field, text in zip(("note", "evidence"), inputs[1:], strict=True):
            if len(text) > MAX_CELL_CHARS:
                self.error(
                    where,
                    f"{self.label(field)}有{len(text)}个字符，超过单元格上限{MAX_CELL_CHARS}个字符",
                )
                has_task = has_values = False
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
            self.error(
                where,
                f"{self.label('unit')}为「{written}」，不是已登记的单位，请使用系统中的单位名称",
            )
        elif reporting is not None and unit != reporting:
            self.error(
                where,
                f"{self.label('unit')}为「{written}」，但本次以「{reporting}」名义报送，"
                "只能填报本单位的数据",
            )
            return None
        return unit

    def row_period(self, cells: dict, where: tuple) -> tuple[int, int] | None:
        """The row's period: its 年度/季度 cells, else the sheet's; None after a message (or
        with the row noted among those stating another period than the chosen one)."""
        stated: tuple = (None, None)
        ok = True
        for field in self.period_fields:
            raw = cells.get(field, "")
            if raw == "" or cell_text(raw) == "":
                continue
            parsed = self.parsed_period(field, raw)
            if parsed is None:
                ok = False
                expected = {"quarter": "1至4（如1、Q1、第一季度）", "year": "四位年份（如2025）"}
                shown = expected.get(field, "年度和季度（如2025年第1季度）")
                self.error(where, f'{self.label(field)}应为{shown}，实际为"{cell_text(raw)}"')
                continue
            stated = _merged(parsed, stated)
        fault = self._fault(stated) if ok else None
        if fault == "window":
            field = "year" if "year" in self.cols else "period"
            self.error(where, f"{self.label(field)}为{stated[0]}，{self.reader.window_text()}")
        elif fault == "conflict":
            self.conflicts.setdefault((stated[0], stated[1]), []).append(where[2])
        ok = ok and fault is None
        year, quarter = _merged(stated, (self.year, self.quarter))
        for value, field in ((year, "year"), (quarter, "quarter")):
            if value is None and ok:
                ok = False
                self._missing_period(where, field)
        return (year, quarter) if ok else None  # type: ignore[return-value]

    def _missing_period(self, where: tuple, field: str) -> None:
        """A row without year or quarter; without such a column, reported once per sheet."""
        word = {"year": "年度", "quarter": "季度"}[field]
        if field in self.cols:
            self.error(where, f"未填写{self.label(field)}：请填写{word}，或在上传时选择{word}")
        elif field not in self.missing_reported:
            self.missing_reported.add(field)
            self.error(
                where,
                f"无法确定{word}：请增加「{word}」列、在标题中注明（如“2025年第1季度”），"
                f"或在上传时选择{word}",
            )

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
            self.reader.add(
                TaskReport(
                    unit,
                    task.task_id,
                    *period,
                    status,
                    note or None,
                    evidence or None,
                    where[0],
                    where[2],
                    task.plan_id,
                ),
                where,
            )

    def indicator_row(self, cells: dict, where: tuple, unit, period, values, note: str) -> None:
        indicator = None
        if unit is not None:
            year = period[0] if period else None
            found = self.reader.lookup.indicator(unit, cells, year, self.labels)
            if isinstance(found, str):
                self.error(where, found)
            else:
                indicator = found
        numbers = Figures(self, where, indicator).check(*values)
        if indicator is not None and numbers is not None and period is not None:
            self.reader.add(
                IndicatorReport(
                    unit, indicator.target_id, *period, *numbers, note or None, where[0], where[2]
                ),
                where,
            )

    def parsed_period(self, field: str, raw: object) -> tuple | None:
        """parse_period of a 年度/季度/期间 cell, cached per field and cell value."""
        parsed = self.periods.get((field, raw), False)
        if parsed is False:
            parsed = self.periods[(field, raw)] = parse_period(raw, field == "quarter")
        return parsed

    # ------------------------------------------------------------ for the fast path (fast.py)

    def clean_unit(self, raw: object) -> str | None:
        """The unit of a unit cell when row_unit would accept it without a message."""
        unit, reporting = self.reader.lookup.unit(raw), self.reader.reporting
        if unit is not None:
            return unit if reporting is None or unit == reporting else None
        return self.unit if not cell_text(raw) else None

    def clean_period(self, raws: tuple) -> tuple[int, int] | None:
        """The period of a row's 年度/季度/期间 cells (in period_fields order) when row_period
        would accept them without a message."""
        stated: tuple = (None, None)
        for name, raw in zip(self.period_fields, raws, strict=True):
            if raw == "" or cell_text(raw) == "":
                continue
            parsed = self.parsed_period(name, raw)
            if parsed is None:
                return None  # a message: read_row gives it
            stated = _merged(parsed, stated)
        if self._fault(stated):
            return None
        year, quarter = _merged(stated, (self.year, self.quarter))
        return None if year is None or quarter is None else (year, quarter)

    def _fault(self, stated: tuple) -> str | None:
        """What is wrong with the period a row's cells state: "window" (a year outside the
        plans'), "conflict" (another period than the chosen one), else None."""
        if stated[0] is not None and not self.reader.in_window(stated[0]):
            return "window"
        return "conflict" if self.reader.differs(stated) else None


def _merged(first: tuple, then: tuple) -> tuple:
    """(year, quarter) from `first`, each part that it lacks from `then`."""
    return tuple(a if a is not None else b for a, b in zip(first, then, strict=True))
