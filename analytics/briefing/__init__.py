"""Briefing material (汇报材料, CONTRACTS §7): the plan, one unit or one action as of a quarter,
as a 16:9 PowerPoint deck, a Word report in 公文 style or an Excel workbook with native charts.
Every figure comes from the views through analytics.scorecards; every slide, section and sheet
opens with a one-sentence takeaway computed from them.

    briefing = build_briefing(con, plan_id, 2026, 3)            # or unit="司法局" / action="(二)"
    data = render(briefing, ".pptx")                             # ".docx", ".xlsx"
    write_briefing(con, "汇报.pptx", None, 2026, 3)              # None: the current plan
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from analytics.briefing.content import BriefingError, default_plan, plan_briefing
from analytics.briefing.figures import Pictures
from analytics.briefing.focus import action_briefing, unit_briefing
from analytics.briefing.model import Briefing, Section, Tile
from loaders.files.safe_cells import NOT_XML

__all__ = [
    "FORMATS",
    "Briefing",
    "BriefingError",
    "Section",
    "Tile",
    "briefing_bytes",
    "build_briefing",
    "file_name",
    "name_for",
    "open_database",
    "render",
    "write_briefing",
]

# suffix -> MIME type
FORMATS = {
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def build_briefing(
    con: duckdb.DuckDBPyConnection,
    plan_id: int | None,
    year: int,
    quarter: int,
    *,
    unit: str | None = None,
    action: str | None = None,
    unit_id: int | None = None,
    action_id: int | None = None,
    today: datetime.date | None = None,
) -> Briefing:
    """The briefing's contents: the plan (None: the current plan) as of year/quarter, or one unit
    (by name or unit_id) or one action (by code such as "(二)", or action_id) of it.
    BriefingError (Chinese message) when the plan, quarter, unit or action does not exist."""
    today = today or datetime.date.today()
    plan_id = default_plan(con) if plan_id is None else plan_id
    if (unit or unit_id) and (action or action_id):
        raise BriefingError("--unit（单位）与 --action（行动）只能选择其一")
    if unit_id is not None:
        unit = _name_of(con, plan_id, year, quarter, "unit_id", unit_id, "unit")
    if action_id is not None:
        action = _name_of(con, plan_id, year, quarter, "action_id", action_id, "action_code")
    if unit:
        return unit_briefing(con, plan_id, year, quarter, unit, today)
    if action:
        return action_briefing(con, plan_id, year, quarter, action, today)
    return plan_briefing(con, plan_id, year, quarter, today)


def _name_of(con, plan_id: int, year: int, quarter: int, id_column: str, value: int, name: str):
    from analytics import scorecards
    from analytics.briefing.content import quarter_rows

    period = quarter_rows(con, plan_id, year, quarter)[1]["period_index"]
    frame = (
        scorecards.unit_scores(con, plan_id, period)
        if id_column == "unit_id"
        else scorecards.action_scores(con, plan_id, period)
    )
    found = frame.filter(pl.col(id_column) == value)
    if found.is_empty():
        what = "单位" if id_column == "unit_id" else "行动"
        raise BriefingError(f"本计划在所选季度没有编号为 {value} 的{what}")
    return found[name][0]


def render(briefing: Briefing, suffix: str, pictures: Pictures | None = None) -> bytes:
    """The briefing as a file's bytes: suffix ".pptx", ".docx" or ".xlsx"."""
    suffix = suffix.lower()
    briefing = xml_safe(briefing)
    if suffix == ".pptx":
        from analytics.briefing.deck import briefing_pptx

        return briefing_pptx(briefing, pictures)
    if suffix == ".docx":
        from analytics.briefing.report import briefing_docx

        return briefing_docx(briefing, pictures)
    if suffix == ".xlsx":
        from analytics.briefing.workbook import briefing_xlsx

        return briefing_xlsx(briefing)
    raise BriefingError(
        f"不支持的文件类型「{suffix or '（无后缀）'}」：输出文件须以 .pptx、.docx 或 .xlsx 结尾"
    )


def xml_safe(value: Any) -> Any:
    """The briefing (or any part of it) with every text cleared of non-XML characters."""
    if isinstance(value, str):
        return NOT_XML.sub("", value)
    if isinstance(value, pl.DataFrame):
        texts = [n for n, t in value.schema.items() if t == pl.Utf8]
        return value.with_columns(
            pl.col(n).str.replace_all(NOT_XML.pattern, "") for n in texts
        ).rename({n: xml_safe(n) for n in value.columns})
    if isinstance(value, list):
        return [xml_safe(v) for v in value]
    if isinstance(value, frozenset):
        return frozenset(xml_safe(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: xml_safe(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value


def briefing_bytes(
    con: duckdb.DuckDBPyConnection,
    suffix: str,
    plan_id: int | None,
    year: int,
    quarter: int,
    **focus,
) -> bytes:
    """build_briefing(...) rendered as `suffix` (the dashboard's download buttons)."""
    return render(build_briefing(con, plan_id, year, quarter, **focus), suffix)


def write_briefing(
    con: duckdb.DuckDBPyConnection,
    out: str | Path,
    plan_id: int | None,
    year: int,
    quarter: int,
    **focus,
) -> Path:
    """Write the briefing to `out`, its format chosen by the suffix; the file is written only
    once the whole briefing is made."""
    out = Path(out)
    if out.suffix.lower() not in FORMATS:
        render(None, out.suffix)  # type: ignore[arg-type]  (raises the Chinese message)
    data = briefing_bytes(con, out.suffix, plan_id, year, quarter, **focus)
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise BriefingError(f"无法写入文件 {out}：{exc.strerror or '写入失败'}") from exc
    return out


_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def file_name(briefing: Briefing, suffix: str) -> str:
    """计划名_2026年第3季度_汇报.pptx; a unit's or action's name after the plan's."""
    subject = None if briefing.whole else briefing.subject
    return name_for(briefing.title, subject, briefing.period_label, suffix)


def name_for(title: str, subject: str | None, period_label: str, suffix: str) -> str:
    """The file name of a briefing from its parts (subject None: the whole plan)."""
    parts = [title, *([subject] if subject else []), period_label, "汇报"]
    return "_".join(_UNSAFE.sub("", p) for p in parts) + suffix


def open_database(path: str | Path) -> duckdb.DuckDBPyConnection:
    """The database opened read-only when its views and macros are those of sql/ (the usual case:
    every writer applies them), so a read-only file or a copy on a share works and nothing is
    written; otherwise as loaders.db.open_existing opens it, applying sql/ first. LoadError with a
    Chinese message when it is missing, not a database, damaged or in use."""
    from loaders.db import database_problem, open_existing
    from loaders.errors import LoadError

    file = Path(path)
    if not file.is_file():
        return open_existing(path)  # its Chinese message for a missing file or a directory
    try:
        con = duckdb.connect(str(file), read_only=True)
        current = _definitions(con) == _definitions(_reference())
    except duckdb.Error as exc:
        raise LoadError(database_problem(path, exc)) from exc
    if current:
        return con
    con.close()
    return open_existing(path)


_VIEWS = "select view_name, sql from duckdb_views() where not internal"
_MACROS = """
select function_name, macro_definition from duckdb_functions()
where function_type like '%macro%' and not internal
"""


def _definitions(con: duckdb.DuckDBPyConnection) -> tuple[set, set]:
    return set(con.execute(_VIEWS).fetchall()), set(con.execute(_MACROS).fetchall())


def _reference() -> duckdb.DuckDBPyConnection:
    """An empty in-memory database with sql/ applied: the definitions a file should have."""
    from loaders.db import connect

    return connect(":memory:")
