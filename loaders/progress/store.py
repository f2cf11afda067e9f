"""Quarterly uploads (季度填报): validate, then store all or nothing; supersede and restore.

Every upload is kept with its bytes, sha256, uploader and time, whatever its outcome. A stored
upload covers unit-periods (单位 × 年度 × 季度); a later upload for the same unit-period
supersedes it, and the earlier one can be restored (it then supersedes the later one). The data
of a unit-period is always that of its one active upload.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field

import duckdb

from loaders.db import insert_rows, run
from loaders.errors import LoadError, ReadError
from loaders.periods import period_label
from loaders.progress.catalog import Catalog, load_catalog
from loaders.progress.sheet import ParsedUpload, read_progress
from loaders.progress.template import Previous

# the upload given (as all three parameters) becomes the active one for each of its
# unit-periods: whichever other upload was active there is marked superseded by it
SUPERSEDE_OTHERS = """
update upload_periods p set superseded_by = ?, superseded_at = current_timestamp
from upload_periods mine
where mine.upload_id = ? and p.upload_id <> ?
  and p.unit_id = mine.unit_id and p.year = mine.year and p.quarter = mine.quarter
  and p.superseded_by is null
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
    superseded: list[int] = field(default_factory=list)  # earlier uploads now replaced
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        if self.status == "duplicate":
            return f"{self.name}: 该文件已上传过（第 {self.upload_id} 号上传），未重复保存"
        if self.status == "rejected":
            return f"{self.name}: 未通过校验，未保存任何数据（{len(self.errors)} 个问题）"
        periods = "、".join(f"{u} {period_label(y, q)}" for u, y, q in self.periods)
        text = f"{self.name}: 已保存任务进展 {self.task_rows} 条、指标数据 {self.indicator_rows} 条（{periods}）"
        if self.superseded:
            text += f"；替换了第 {'、'.join(map(str, self.superseded))} 号上传（可恢复）"
        return text


def find_stored(con: duckdb.DuckDBPyConnection, sha: str) -> int | None:
    rows = run(
        con.cursor(), "select upload_id from uploads where sha256 = ? and outcome = 'stored'", [sha]
    )
    return rows[0][0] if rows else None


def validate_upload(
    con: duckdb.DuckDBPyConnection,
    name: str,
    data: bytes,
    reporting_unit: str | None = None,
    year: int | None = None,
    quarter: int | None = None,
    catalog: Catalog | None = None,
) -> ParsedUpload:
    """Read and check a workbook against the plans (nothing is written)."""
    catalog = catalog or load_catalog(con, year)
    try:
        return read_progress(name, data, catalog, reporting_unit, year, quarter)
    except ReadError as e:
        return ParsedUpload([], [], [f"{name}: {e}"], [], set())


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

    uploaded_at (default: now) is for recording an upload received earlier, e.g. by the demo."""
    sha = hashlib.sha256(data).hexdigest()
    existing = find_stored(con, sha)
    if existing is not None:
        return UploadResult(name, sha, "duplicate", upload_id=existing)
    parsed = parsed or validate_upload(con, name, data, reporting_unit, year, quarter)
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
        result.upload_id = _insert_upload(cur, name, data, sha, uploaded_by, reporting_unit, parsed)
        if uploaded_at is not None:
            run(
                cur,
                "update uploads set uploaded_at = ? where upload_id = ?",
                [uploaded_at, result.upload_id],
            )
        if not parsed.errors:
            _store_rows(cur, result, parsed)
        run(
            cur,
            "insert into upload_events (upload_id, action, actor, happened_at) "
            "values (?, ?, ?, coalesce(?, current_timestamp))",
            [result.upload_id, result.status, uploaded_by, uploaded_at],
        )
        run(cur, "commit")
    except Exception as e:
        run(cur, "rollback")
        raise LoadError(f"{name}: 保存失败，未写入任何数据（{e}）") from e
    return result


def _insert_upload(
    cur, name: str, data: bytes, sha: str, by: str, unit: str | None, parsed: ParsedUpload
) -> int:
    periods = sorted(parsed.periods)
    years = {y for _, y, _ in periods}
    quarters = {q for _, _, q in periods}
    plan_ids = sorted({r.plan_id for r in parsed.tasks if r.plan_id is not None}) or None
    ((upload_id,),) = run(
        cur,
        "insert into uploads (sha256, file_name, content, uploaded_by, reporting_unit, plan_ids, "
        "year, quarter, task_rows, indicator_rows, outcome, messages) "
        "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning upload_id",
        [
            sha,
            name,
            data,
            by,
            unit,
            plan_ids,
            min(years) if len(years) == 1 else None,
            min(quarters) if len(quarters) == 1 else None,
            len(parsed.tasks),
            len(parsed.indicators),
            "rejected" if parsed.errors else "stored",
            parsed.errors or None,
        ],
    )
    return upload_id


def _unit_ids(cur) -> dict[str, int]:
    return dict(run(cur, "select name, unit_id from units"))


def _store_rows(cur, result: UploadResult, parsed: ParsedUpload) -> None:
    units = _unit_ids(cur)
    upload_id = result.upload_id
    periods = sorted(parsed.periods)
    if periods:  # a few rows: one statement with list parameters
        columns = zip(*[(units[u], y, q) for u, y, q in periods], strict=True)
        run(
            cur,
            "insert into upload_periods (upload_id, unit_id, year, quarter) "
            "select ?, unnest(?::integer[]), unnest(?::integer[]), unnest(?::integer[])",
            [upload_id, *map(list, columns)],
        )
    replaced = run(cur, SUPERSEDE_OTHERS, [upload_id, upload_id, upload_id])
    result.superseded = sorted({r[0] for r in replaced})
    result.periods = periods
    insert_rows(
        cur,
        "task_progress",
        {
            "upload_id": [upload_id] * len(parsed.tasks),
            "task_id": [r.task_id for r in parsed.tasks],
            "unit_id": [units[r.unit] for r in parsed.tasks],
            "year": [r.year for r in parsed.tasks],
            "quarter": [r.quarter for r in parsed.tasks],
            "status": [r.status for r in parsed.tasks],
            "note": [r.note for r in parsed.tasks],
            "evidence": [r.evidence for r in parsed.tasks],
            "sheet": [r.sheet for r in parsed.tasks],
            "row_no": [r.row for r in parsed.tasks],
        },
    )
    insert_rows(
        cur,
        "indicator_values",
        {
            "upload_id": [upload_id] * len(parsed.indicators),
            "target_id": [r.target_id for r in parsed.indicators],
            "unit_id": [units[r.unit] for r in parsed.indicators],
            "year": [r.year for r in parsed.indicators],
            "quarter": [r.quarter for r in parsed.indicators],
            "numerator": [r.numerator for r in parsed.indicators],
            "denominator": [r.denominator for r in parsed.indicators],
            "actual": [r.actual for r in parsed.indicators],
            "sheet": [r.sheet for r in parsed.indicators],
            "row_no": [r.row for r in parsed.indicators],
        },
    )
    result.task_rows, result.indicator_rows = len(parsed.tasks), len(parsed.indicators)


def restore_upload(con: duckdb.DuckDBPyConnection, upload_id: int, actor: str) -> list[int]:
    """Make an earlier upload active again for its unit-periods; returns the uploads it replaces."""
    cur = con.cursor()
    found = run(cur, "select outcome from uploads where upload_id = ?", [upload_id])
    if not found or found[0][0] != "stored":
        raise LoadError(f"第 {upload_id} 号上传不存在或未保存数据，无法恢复")
    run(cur, "begin transaction")
    try:
        replaced = run(cur, SUPERSEDE_OTHERS, [upload_id, upload_id, upload_id])
        run(
            cur,
            "update upload_periods set superseded_by = null, superseded_at = null "
            "where upload_id = ?",
            [upload_id],
        )
        run(
            cur,
            "insert into upload_events (upload_id, action, actor, detail) values (?, ?, ?, ?)",
            [upload_id, "restored", actor, ",".join(str(r[0]) for r in replaced) or None],
        )
        run(cur, "commit")
    except Exception:
        run(cur, "rollback")
        raise
    return sorted({r[0] for r in replaced})


def previous_answers(
    con: duckdb.DuckDBPyConnection, year: int, quarter: int, with_numbers: bool = False
) -> Previous:
    """The active answers of the quarter before (Q1 -> last year's Q4), to carry into a template.

    Indicator numbers are per quarter (a year's rate sums the quarters), so they are carried
    only when asked: a figure left over from last quarter would otherwise be counted twice.
    """
    py, pq = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    cur = con.cursor()
    tasks = run(
        cur,
        "select u.name, p.task_id, p.status, p.note, p.evidence from task_progress p "
        "join upload_periods a on a.upload_id = p.upload_id and a.unit_id = p.unit_id "
        "and a.year = p.year and a.quarter = p.quarter and a.superseded_by is null "
        "join units u on u.unit_id = p.unit_id where p.year = ? and p.quarter = ?",
        [py, pq],
    )
    values = run(
        cur,
        "select u.name, v.target_id, v.numerator, v.denominator, v.actual from indicator_values v "
        "join upload_periods a on a.upload_id = v.upload_id and a.unit_id = v.unit_id "
        "and a.year = v.year and a.quarter = v.quarter and a.superseded_by is null "
        "join units u on u.unit_id = v.unit_id where v.year = ? and v.quarter = ?",
        [py, pq],
    )
    return Previous(
        tasks={(u, t): (s, n, e) for u, t, s, n, e in tasks},
        indicators={(u, t): (num, den, act, None) for u, t, num, den, act in values}
        if with_numbers
        else {},
    )
