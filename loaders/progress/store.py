"""Quarterly uploads (季度填报): validate, then store all or nothing; replace rows and restore.

Every upload is recorded with its sha256, uploader, time and messages, whatever its outcome. Its
bytes are kept once per hash, and a rejected file's only up to KEEP_REJECTED_BYTES.

An upload carries rows: unit × task × quarter (task_progress) and unit × indicator × quarter
(indicator_values). Storing it replaces, for each row it carries, the row in force until then
(whichever upload that came from), and leaves every other row in force: a sheet of indicator
figures does not touch the task statuses reported for the same quarter. Restoring an upload puts
the rows it carries back in force the same way. A row is in force while its replaced_by is null;
in_force_log records every change of the row in force, upload_events every upload and restore,
and upload_periods.superseded_by marks the unit-periods where none of an upload's rows is in
force any more (sql/00_schema.sql).
"""

from __future__ import annotations

import datetime
import hashlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from operator import attrgetter

import duckdb
import pyarrow as pa

from loaders.access import audit, require
from loaders.db import WRITE_LOCK, insert_rows, run, single_writer
from loaders.errors import LoadError, ReadError
from loaders.files.limits import MB, Deadline, size_text, strip_controls
from loaders.periods import period_index, period_label
from loaders.progress.catalog import Catalog, load_catalog
from loaders.progress.records import IndicatorReport, TaskReport
from loaders.progress.sheet import ParsedUpload, check_sheets, gc_paused, tidy
from loaders.progress.template import Previous
from loaders.progress.values import format_number
from loaders.progress.workbook import check_file, read_sheets

KEEP_REJECTED_BYTES = 5 * MB  # a rejected file's bytes are kept up to this size
_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="validate_upload")

# ---------------------------------------------------------------- replacing rows

# The rows of upload $1 replace the rows in force for the same unit × item × quarter (from any
# other upload); returns the rows replaced.
_REPLACE = """
update {table} o set replaced_by = $1
from {table} n
where n.upload_id = $1 and o.upload_id <> $1 and o.replaced_by is null and {source}
  and o.unit_id = n.unit_id and o.{item} = n.{item}
  and o.year = n.year and o.quarter = n.quarter
returning o.upload_id, o.unit_id, o.{item}, o.year, o.quarter
"""
_BACK_IN_FORCE = """
update {table} set replaced_by = null
where upload_id = $1 and replaced_by is not null
returning upload_id, unit_id, {item}, year, quarter, replaced_by
"""
_KINDS = {
    "task": ("task_progress", "task_id", "true"),
    "indicator": ("indicator_values", "target_id", "o.source = 'upload'"),
}
# the unit-periods of the given uploads where none of their rows is in force any more
_SUPERSEDE_PERIODS = """
update upload_periods p set superseded_by = $1, superseded_at = current_timestamp
where p.superseded_by is null and list_contains($2, p.upload_id)
  and not exists (
      select 1 from task_progress t
      where t.upload_id = p.upload_id and t.unit_id = p.unit_id and t.year = p.year
        and t.quarter = p.quarter and t.replaced_by is null)
  and not exists (
      select 1 from indicator_values v
      where v.upload_id = p.upload_id and v.unit_id = p.unit_id and v.year = p.year
        and v.quarter = p.quarter and v.replaced_by is null and v.source = 'upload')
returning p.upload_id
"""


@dataclass
class UploadResult:
    """What an upload did. status: stored / rejected / duplicate."""

    name: str
    sha256: str
    status: str
    upload_id: int | None = None
    task_rows: int = 0
    indicator_rows: int = 0
    periods: list[tuple[str, int, int]] = field(default_factory=list)
    superseded: list[int] = field(default_factory=list)  # uploads some of whose rows it replaced
    replaced_rows: int = 0  # rows in force until now that it replaced
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        if self.status == "duplicate":
            return (
                f"{self.name}: 该文件已上传过（第 {self.upload_id} 号上传），未重复保存；"
                "如需让它的数据重新生效，请恢复该次上传"
            )
        if self.status == "rejected":
            return f"{self.name}: 未通过校验，未保存任何数据（{len(self.errors)} 个问题）"
        periods = "、".join(f"{u} {period_label(y, q)}" for u, y, q in self.periods)
        text = f"{self.name}: 已保存任务进展 {self.task_rows} 条、指标数据 {self.indicator_rows} 条（{periods}）"
        if self.superseded:
            uploads = "、".join(map(str, self.superseded))
            text += f"；替换了第 {uploads} 号上传中的 {self.replaced_rows} 条（可恢复）"
        return text


# Before anything is written, in one statement: the uploads of the same file ('upload' rows: id,
# outcome, whether it keeps the bytes) and the units ('unit' rows: id, name, whether an upload
# covers one of the periods $2 for the unit: else an upload for it replaces nothing).
_BEFORE = """
select 'upload' as kind, upload_id as id, outcome as name, content is not null as flag
from uploads where sha256 = $1
union all
select 'unit', unit_id, name,
       unit_id in (select unit_id from upload_periods
                   where list_contains($2, (year * 4 + quarter - 1)::integer))
from units
"""


@dataclass
class _Before:
    """What storing an upload needs to know first (_BEFORE)."""

    stored: dict[int, set]  # stored uploads of the same file -> the unit-periods each covers
    kept: bool  # an upload of the same file keeps its bytes
    units: dict[str, int]  # unit name -> unit_id
    shared: set[str]  # units with an upload for one of the periods


def _before(con: duckdb.DuckDBPyConnection, sha: str, parsed: ParsedUpload) -> _Before:
    cur = con.cursor()
    indexes = sorted({period_index(y, q) for _, y, q in parsed.periods})
    found = _Before({}, False, {}, set())
    for kind, ident, name, flag in run(cur, _BEFORE, [sha, indexes]):
        if kind == "unit":
            found.units[name] = ident
            if flag:
                found.shared.add(name)
            continue
        found.kept = found.kept or flag
        if name == "stored":
            found.stored[ident] = set()
    if found.stored:
        for upload_id, unit, year, quarter in run(
            cur,
            "select p.upload_id, n.name, p.year, p.quarter from upload_periods p "
            "join units n using (unit_id) where list_contains(?, p.upload_id)",
            [sorted(found.stored)],
        ):
            found.stored[upload_id].add((unit, year, quarter))
    return found


def validate_upload(
    con: duckdb.DuckDBPyConnection,
    name: str,
    data: bytes,
    reporting_unit: str | None = None,
    year: int | None = None,
    quarter: int | None = None,
    catalog: Catalog | None = None,
) -> ParsedUpload:
    """Read and check a workbook against the plans (nothing is written). The catalog is read
    from the database while calamine reads the file (DuckDB works outside the GIL)."""
    deadline = Deadline(name)
    pending = None
    try:
        with gc_paused():
            checked = check_file(name, data)  # before the catalog: on its own, it is quicker
            if catalog is None:
                pending = _POOL.submit(load_catalog, con, year)
            sheets = read_sheets(name, data, checked)
            catalog = catalog or pending.result()  # type: ignore[union-attr]
            return check_sheets(sheets, catalog, reporting_unit, year, quarter, deadline)
    except ReadError as e:
        text = str(e)
        return ParsedUpload([], [], [tidy(text if name in text else f"{name}: {text}")], [], set())
    finally:
        if pending is not None:
            pending.result()  # the cursor is done before the connection is used again


def store_upload(
    con: duckdb.DuckDBPyConnection,
    name: str,
    data: bytes,
    uploaded_by: str,
    reporting_unit: str | None = None,
    year: int | None = None,
    quarter: int | None = None,
    parsed: ParsedUpload | None = None,
    uploaded_at: datetime.datetime | None = None,
) -> UploadResult:
    """Validate and store one workbook in one transaction; a rejected file is recorded, no data.

    uploaded_by is the acting account (loaders.access): an admin may report for every unit, a
    reporter only for its own (reporting_unit is then one of them, by default its only one);
    anyone else is refused with an audit record and nothing stored.
    uploaded_at (default: now) is for recording an upload received earlier, e.g. by the demo."""
    actor = require(con, uploaded_by, "upload", name)
    if not actor.is_admin:
        if reporting_unit in (None, "all") and len(actor.units) == 1:
            reporting_unit = actor.units[0]
        require(con, actor, "upload", name, unit=reporting_unit or "（全部单位）")
    with WRITE_LOCK, gc_paused():  # one writer; thousands of records alive: see sheet.gc_paused
        return _store_upload(
            con, name, data, uploaded_by, reporting_unit, year, quarter, parsed, uploaded_at
        )


def _store_upload(
    con: duckdb.DuckDBPyConnection,
    name: str,
    data: bytes,
    uploaded_by: str,
    reporting_unit: str | None,
    year: int | None,
    quarter: int | None,
    parsed: ParsedUpload | None,
    uploaded_at: datetime.datetime | None,
) -> UploadResult:
    sha = hashlib.sha256(data).hexdigest()
    name, uploaded_by = strip_controls(name), strip_controls(uploaded_by)
    parsed = parsed or validate_upload(con, name, data, reporting_unit, year, quarter)
    before = _before(con, sha, parsed)
    # the same file for the same unit-periods is not stored twice; for others (a sheet without
    # a period uploaded for another quarter) it is another report
    same = [i for i, periods in sorted(before.stored.items()) if periods == parsed.periods]
    if same and not parsed.errors:
        return UploadResult(name, sha, "duplicate", upload_id=same[0])
    result = UploadResult(
        name,
        sha,
        "rejected" if parsed.errors else "stored",
        errors=parsed.errors,
        warnings=parsed.warnings,
    )
    cur = con.cursor()
    run(cur, "begin transaction")
    try:
        result.upload_id = _insert_upload(
            cur, name, data, sha, uploaded_by, reporting_unit, parsed, uploaded_at, before.kept
        )
        if not parsed.errors:
            _store_rows(cur, result, parsed, before, uploaded_by, uploaded_at)
        audit(
            cur,
            uploaded_by,
            "upload",
            name,
            {
                "sha256": sha,
                "status": result.status,
                "upload_id": result.upload_id,
                "unit": reporting_unit,
                "rows": [len(parsed.tasks), len(parsed.indicators)],
            },
        )
        run(
            cur,
            "insert into upload_events (upload_id, action, actor, happened_at, detail) "
            "values (?, ?, ?, coalesce(?, current_timestamp), ?)",
            [
                result.upload_id,
                result.status,
                uploaded_by,
                uploaded_at,
                ",".join(map(str, result.superseded)) or None,
            ],
        )
        run(cur, "commit")
    except Exception as e:
        run(cur, "rollback")
        raise LoadError(f"{name}: 保存失败，未写入任何数据（{_why_not_saved(e)}）") from e
    return result


def _why_not_saved(error: Exception) -> str:
    """Why a store failed, in Chinese (DuckDB's own messages are English)."""
    if isinstance(error, duckdb.TransactionException):
        return "另一次上传或恢复正在写入同一批数据，请稍后重试"
    if isinstance(error, duckdb.Error):
        return "数据库写入失败，请稍后重试"
    return "处理时发生意外问题"


def _insert_upload(
    cur,
    name: str,
    data: bytes,
    sha: str,
    by: str,
    unit: str | None,
    parsed: ParsedUpload,
    uploaded_at: datetime.datetime | None,
    kept: bool,
) -> int:
    """The uploads row. The bytes are kept unless another upload of the same file keeps them
    already (kept), or the file was rejected and is larger than KEEP_REJECTED_BYTES."""
    periods = sorted(parsed.periods)
    years = {y for _, y, _ in periods}
    quarters = {q for _, _, q in periods}
    plan_ids = sorted({r.plan_id for r in parsed.tasks if r.plan_id is not None}) or None
    keep = not kept and (not parsed.errors or len(data) <= KEEP_REJECTED_BYTES)
    messages = parsed.errors or None
    if parsed.errors and not keep and not kept:
        messages = [*parsed.errors, f"（文件 {size_text(len(data))}，超过保留上限，原文件未保存）"]
    ((upload_id,),) = run(
        cur,
        "insert into uploads (sha256, file_name, content, size_bytes, uploaded_by, uploaded_at, "
        "reporting_unit, plan_ids, year, quarter, task_rows, indicator_rows, outcome, messages) "
        "values (?, ?, ?, ?, ?, coalesce(?, current_timestamp), ?, ?, ?, ?, ?, ?, ?, ?) "
        "returning upload_id",
        [
            sha,
            name,
            data if keep else None,
            len(data),
            by,
            uploaded_at,
            strip_controls(unit) if unit else None,
            plan_ids,
            min(years) if len(years) == 1 else None,
            min(quarters) if len(quarters) == 1 else None,
            len(parsed.tasks),
            len(parsed.indicators),
            "rejected" if parsed.errors else "stored",
            messages,
        ],
    )
    return upload_id


def _store_rows(
    cur,
    result: UploadResult,
    parsed: ParsedUpload,
    before: _Before,
    actor: str,
    at: datetime.datetime | None,
) -> None:
    periods = sorted(parsed.periods)
    units = before.units
    shared = not before.shared.isdisjoint(u for u, _, _ in periods)
    upload_id = result.upload_id
    if periods:  # a few rows: one statement with list parameters
        columns = zip(*[(units[u], y, q) for u, y, q in periods], strict=True)
        run(
            cur,
            "insert into upload_periods (upload_id, unit_id, year, quarter) "
            "select ?, unnest(?::integer[]), unnest(?::integer[]), unnest(?::integer[])",
            [upload_id, *map(list, columns)],
        )
    result.periods = periods
    tasks, indicators = parsed.tasks, parsed.indicators
    insert_rows(
        cur,
        "task_progress",
        {
            "upload_id": _ints([upload_id] * len(tasks)),
            **_columns(tasks, "task_id", "year", "quarter", ints=True),
            "unit_id": _ints(list(map(units.__getitem__, map(attrgetter("unit"), tasks)))),
            **_columns(tasks, "status", "note", "evidence", "sheet"),
            "row_no": _ints(list(map(attrgetter("row"), tasks))),
        },
    )
    insert_rows(
        cur,
        "indicator_values",
        {
            "upload_id": _ints([upload_id] * len(indicators)),
            **_columns(indicators, "target_id", "year", "quarter", ints=True),
            "unit_id": _ints(list(map(units.__getitem__, map(attrgetter("unit"), indicators)))),
            **_columns(indicators, "numerator", "denominator", "actual", "note", "sheet"),
            "row_no": _ints(list(map(attrgetter("row"), indicators))),
        },
    )
    kinds = [k for k, rows in (("task", parsed.tasks), ("indicator", parsed.indicators)) if rows]
    replaced = _put_in_force(cur, upload_id, kinds, "stored", actor, at) if shared else []
    result.superseded = sorted({r[1] for r in replaced})
    result.replaced_rows = len(replaced)
    result.task_rows, result.indicator_rows = len(parsed.tasks), len(parsed.indicators)


def _columns(records: list, *names: str, ints: bool = False) -> dict[str, object]:
    """Columns of the records' fields, for insert_rows (ints: as 32-bit integer arrays, the
    columns' type, which DuckDB then need not convert)."""
    make = _ints if ints else list
    return {name: make(list(map(attrgetter(name), records))) for name in names}


def _ints(values: list) -> pa.Array:
    return pa.array(values, type=pa.int32())


def _put_in_force(
    cur,
    upload_id: int,
    kinds: list[str],
    action: str,
    actor: str,
    at: datetime.datetime | None = None,
) -> list[tuple]:
    """Put the rows of the upload in force (they replace the rows in force for the same unit ×
    item × quarter), log every change, and mark the unit-periods left without rows in force.
    Returns the changes: (kind, replaced upload, unit_id, item, year, quarter)."""
    changes = []
    for kind in kinds:
        table, item, source = _KINDS[kind]
        replaced = run(cur, _REPLACE.format(table=table, item=item, source=source), [upload_id])
        changes += [(kind, *row) for row in replaced]
    if changes:
        insert_rows(
            cur,
            "in_force_log",
            {
                **({"happened_at": [at] * len(changes)} if at else {}),  # else: now
                "action": [action] * len(changes),
                "actor": [actor] * len(changes),
                "kind": [c[0] for c in changes],
                "unit_id": [c[2] for c in changes],
                "item_id": [c[3] for c in changes],
                "year": [c[4] for c in changes],
                "quarter": [c[5] for c in changes],
                "upload_id": [upload_id] * len(changes),
                "replaced_upload_id": [c[1] for c in changes],
            },
        )
        run(cur, _SUPERSEDE_PERIODS, [upload_id, sorted({c[1] for c in changes})])
    return changes


def rows_out_of_force(con: duckdb.DuckDBPyConnection, upload_id: int) -> int:
    """How many rows of a stored upload are not in force (a restore would put them back)."""
    ((count,),) = run(
        con.cursor(),
        "select count(*) from (select upload_id, unit_id, year, quarter, replaced_by "
        "from task_progress where upload_id = $1 union all "
        "select upload_id, unit_id, year, quarter, replaced_by from indicator_values "
        "where upload_id = $1 and source = 'upload') r "
        "join upload_periods p using (upload_id, unit_id, year, quarter) "
        "where r.replaced_by is not null or p.superseded_by is not null",
        [upload_id],
    )
    return count


@single_writer
def restore_upload(con: duckdb.DuckDBPyConnection, upload_id: int, actor: str) -> list[int]:
    """Put the rows an earlier upload carries back in force (the others stay as they are);
    returns the uploads whose rows it replaces. Admins only."""
    actor = require(con, actor, "restore", f"上传 {upload_id}").name
    cur = con.cursor()
    found = (
        run(cur, "select outcome from uploads where upload_id = ?", [upload_id])
        if 0 < upload_id < 2**31
        else []
    )
    if not found or found[0][0] != "stored":
        raise LoadError(f"第 {upload_id} 号上传不存在或未通过校验（没有保存数据），无法恢复")
    actor = strip_controls(actor)
    run(cur, "begin transaction")
    try:
        back = []
        for kind in _KINDS:
            table, item, _ = _KINDS[kind]
            back += run(cur, _BACK_IN_FORCE.format(table=table, item=item), [upload_id])
        changes = _put_in_force(cur, upload_id, list(_KINDS), "restored", actor)
        run(
            cur,
            "update upload_periods set superseded_by = null, superseded_at = null "
            "where upload_id = ?",
            [upload_id],
        )
        replaced = sorted({c[1] for c in changes})
        if back or changes:
            run(
                cur,
                "insert into upload_events (upload_id, action, actor, detail) values (?, ?, ?, ?)",
                [upload_id, "restored", actor, ",".join(map(str, replaced)) or None],
            )
        audit(cur, actor, "restore", f"上传 {upload_id}", {"replaced": replaced})
        run(cur, "commit")
    except Exception as e:
        run(cur, "rollback")
        raise LoadError(
            f"恢复第 {upload_id} 号上传失败，未作任何改动（{_why_not_saved(e)}）"
        ) from e
    return replaced


# ---------------------------------------------------------------- what an upload changes


@dataclass(frozen=True)
class Change:
    """One row of an upload against the row in force for the same unit × item × quarter.

    before/after: (status, note, evidence) for a task, (分子, 分母, 实际值) for an indicator;
    before is None when nothing is in force (a new row)."""

    kind: str  # task / indicator
    unit: str
    item_id: int
    year: int
    quarter: int
    before: tuple | None
    after: tuple
    upload_id: int | None  # the upload the row in force comes from

    @property
    def state(self) -> str:
        if self.before is None:
            return "新增"
        return "不变" if self.before == self.after else "修改"


@dataclass
class Changes:
    """What storing an upload would change: its rows against the rows in force, and how many
    rows in force for the same unit-periods it does not carry (they stay in force)."""

    rows: list[Change]
    kept_tasks: int = 0
    kept_indicators: int = 0

    def count(self, state: str) -> int:
        return sum(1 for c in self.rows if c.state == state)

    def summary(self) -> str:
        text = (
            f"与现有数据相比：新增 {self.count('新增')} 条，修改 {self.count('修改')} 条，"
            f"不变 {self.count('不变')} 条"
        )
        kept = []
        if self.kept_tasks:
            kept.append(f"任务进展 {self.kept_tasks} 条")
        if self.kept_indicators:
            kept.append(f"指标数据 {self.kept_indicators} 条")
        if kept:
            text += f"；本次未包含的{'、'.join(kept)}保持不变"
        return text


_IN_FORCE = """
with periods as (
    select unnest($1::varchar[]) as unit, unnest($2::integer[]) as year,
           unnest($3::integer[]) as quarter
)
select 'task' as kind, u.name, a.task_id, a.year, a.quarter, a.status, a.note, a.evidence,
       null::double, a.upload_id
from v_active_progress a join units u using (unit_id)
join periods p on p.unit = u.name and p.year = a.year and p.quarter = a.quarter
union all
select 'indicator', u.name, a.target_id, a.year, a.quarter, a.numerator, a.denominator, a.actual,
       null, a.upload_id
from v_active_indicator_values a join units u using (unit_id)
join periods p on p.unit = u.name and p.year = a.year and p.quarter = a.quarter
"""


def changes_against_in_force(con: duckdb.DuckDBPyConnection, parsed: ParsedUpload) -> Changes:
    """The rows of a checked upload against the rows in force (nothing is written)."""
    periods = sorted(parsed.periods)
    columns = [list(c) for c in zip(*periods, strict=True)] if periods else [[], [], []]
    in_force: dict[tuple, tuple] = {}
    for kind, unit, item, year, quarter, a, b, c, _, upload_id in run(
        con.cursor(), _IN_FORCE, columns
    ):
        values = (a, b, c) if kind == "task" else tuple(_number(v) for v in (a, b, c))
        in_force[(kind, unit, item, year, quarter)] = (values, upload_id)
    rows = []
    for record in [*parsed.tasks, *parsed.indicators]:
        kind, item, after = _values(record)
        key = (kind, record.unit, item, record.year, record.quarter)
        before, upload_id = in_force.pop(key, (None, None))
        rows.append(
            Change(kind, record.unit, item, record.year, record.quarter, before, after, upload_id)
        )
    kept_tasks = sum(1 for key in in_force if key[0] == "task")
    return Changes(rows, kept_tasks, len(in_force) - kept_tasks)


def answer_text(kind: str, values: tuple | None) -> str:
    """A row's answers as shown in previews: the status, or 分子/分母 and 实际值."""
    if values is None:
        return "（无）"
    if kind == "task":
        return values[0]
    numerator, denominator, actual = values
    parts = []
    if numerator is not None or denominator is not None:
        parts.append(f"{format_number(numerator or 0)}/{format_number(denominator or 0)}")
    if actual is not None:
        parts.append(format_number(actual))
    return "、".join(parts) or "（空）"


def _values(record: TaskReport | IndicatorReport) -> tuple[str, int, tuple]:
    if isinstance(record, TaskReport):
        return "task", record.task_id, (record.status, record.note, record.evidence)
    figures = (record.numerator, record.denominator, record.actual)
    return "indicator", record.target_id, tuple(_number(v) for v in figures)


def _number(value) -> float | None:
    return None if value is None else float(value)


# ---------------------------------------------------------------- what a template starts from

_THIS_QUARTER_TASKS = """
select u.name, p.task_id, p.status, p.note, p.evidence
from v_active_progress p join units u using (unit_id)
where p.year = $1 and p.quarter = $2
"""
_THIS_QUARTER_FIGURES = """
select u.name, v.target_id, v.numerator, v.denominator, v.actual, v.note
from v_active_indicator_values v join units u using (unit_id)
where v.year = $1 and v.quarter = $2
"""
# the status in force as of the quarter before: the latest reported up to it (for a task
# recurring every year, this year's only)
_CARRIED_TASKS = """
select u.name, p.task_id,
       arg_max({'status': p.status, 'note': p.note, 'evidence': p.evidence}, p.period_index)
from v_active_progress p join units u using (unit_id) join tasks t using (task_id)
where p.period_index < $1 and (t.recurring is distinct from 'year' or p.year = $2)
group by all
"""


def template_answers(con: duckdb.DuckDBPyConnection, year: int, quarter: int) -> Previous:
    """What the template for a quarter is pre-filled with, per unit × task and indicator.

    A task the unit has reported for this quarter: the answers in force (status, note,
    evidence), so that a corrected sheet starts from what is stored; any other task: the status
    in force as of the quarter before, carried. Indicator figures: this quarter's in force only
    (figures are per quarter and a year's rate sums the quarters: a figure carried from last
    quarter would count twice)."""
    cur = con.cursor()
    current = {
        (u, t): (s, n, e) for u, t, s, n, e in run(cur, _THIS_QUARTER_TASKS, [year, quarter])
    }
    carried = {
        (u, t): (a["status"], a["note"], a["evidence"])
        for u, t, a in run(cur, _CARRIED_TASKS, [period_index(year, quarter), year])
        if (u, t) not in current
    }
    figures = {
        (u, t): (num, den, act, note)
        for u, t, num, den, act, note in run(cur, _THIS_QUARTER_FIGURES, [year, quarter])
    }
    return Previous(
        tasks={**carried, **current},
        indicators=figures,
        reported=bool(current or figures),
        carried=bool(carried),
    )


# ---------------------------------------------------------------- history

_HISTORY = """
with carried as (
    select upload_id, unit_id, year, quarter, replaced_by from task_progress
    union all
    select upload_id, unit_id, year, quarter, replaced_by from indicator_values
    where source = 'upload'
), counted as (
    select c.upload_id, count(*) as rows_total,
           count(*) filter (where c.replaced_by is null and p.superseded_by is null)
               as rows_in_force,
           list_sort(list(distinct coalesce(c.replaced_by, p.superseded_by))
               filter (where c.replaced_by is not null or p.superseded_by is not null))
               as replaced_by
    from carried c
    join upload_periods p using (upload_id, unit_id, year, quarter)
    group by c.upload_id
), periods as (
    select p.upload_id, string_agg(distinct u.name, '、') as units,
           string_agg(distinct period_label(p.year, p.quarter), '、') as periods
    from upload_periods p join units u using (unit_id)
    group by p.upload_id
)
select up.upload_id, up.file_name, up.uploaded_by, up.uploaded_at,
       coalesce(p.units, up.reporting_unit, '') as units, coalesce(p.periods, '') as periods,
       up.task_rows, up.indicator_rows, up.outcome,
       coalesce(c.rows_total, 0) as rows_total, coalesce(c.rows_in_force, 0) as rows_in_force,
       coalesce(c.replaced_by, []) as replaced_by,
       coalesce(array_to_string(up.messages, '；'), '') as messages,
       up.content is not null as bytes_kept, up.size_bytes
from uploads up
left join counted c using (upload_id)
left join periods p using (upload_id)
order by up.upload_id desc
"""


def upload_history(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Every upload, newest first: who, when, units, periods, rows, how many of them are in
    force (state), whether it can be restored (some of its rows are not in force)."""
    cur = con.cursor()
    rows = cur.execute(_HISTORY).fetchall()
    names = [d[0] for d in cur.description]
    history = []
    for values in rows:
        row = dict(zip(names, values, strict=True))
        row["state"] = _state(row)
        row["restorable"] = row["outcome"] == "stored" and row["rows_in_force"] < row["rows_total"]
        history.append(row)
    return history


def _state(row: dict) -> str:
    if row["outcome"] != "stored":
        return "未通过校验"
    by = "、".join(map(str, row["replaced_by"]))
    if row["rows_in_force"] == row["rows_total"]:
        return "全部在用"
    if row["rows_in_force"] == 0:
        return f"已被第 {by} 号替换"
    return f"部分在用（{row['rows_in_force']}/{row['rows_total']} 条，其余已被第 {by} 号替换）"
