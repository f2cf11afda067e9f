"""The coordinator's decisions about loaded plans (计划管理): which plan is current, a better name,
archive (restorable), which documents of a gazette are tracked, and which plan a re-issued one
replaces. Kept in plan_state / app_settings (sql/01_plan_admin.sql) apart from the parsed rows;
every change is one transaction and is logged in plan_events. Nothing is ever deleted."""

from __future__ import annotations

import duckdb

from loaders.access import audit, require
from loaders.db import run, single_writer
from loaders.errors import LoadError
from loaders.files.limits import strip_controls

PLAN_KINDS = ("plan", "breakdown_table")
KIND_NAMES = {
    "plan": "方案/要点",
    "breakdown_table": "分解表",
    "annual_report": "年度报告",
    "other": "其他",
}

# newest years first, then the plans people report on, then the latest loaded
_ORDER = """
order by coalesce(year_to, year_from) desc nulls last, last_period desc nulls last,
         uploads desc, plan_id desc
"""
_PLANS = "select * from v_plans where ($all or (tracked and not archived))" + _ORDER


def list_plans(con: duckdb.DuckDBPyConnection, include_all: bool = False) -> list[dict]:
    """Plans in the order the coordinator sees them: by year (newest first), then activity.
    include_all: every loaded document (reports, rules, archived ones) with its flags."""
    cur = con.cursor()
    cols = [d[0] for d in cur.execute(_PLANS.replace("$all", "?"), [include_all]).description]
    rows = cur.fetchall()
    return [dict(zip(cols, r, strict=True)) for r in rows]


def current_plan_id(con: duckdb.DuckDBPyConnection) -> int | None:
    """The plan every page opens on: the pinned one, else the one with the most recent reported
    quarter, else the newest; None when no plan is tracked."""
    plans = list_plans(con)
    if not plans:
        return None
    pinned = [p for p in plans if p["pinned"]]
    if pinned:
        return pinned[0]["plan_id"]
    active = [p for p in plans if p["last_period"] is not None]
    if active:
        return max(active, key=lambda p: (p["last_period"], p["uploads"]))["plan_id"]
    return plans[0]["plan_id"]


def _plan(cur, plan_id: int) -> tuple:
    found = run(cur, "select title, kind from v_plans where plan_id = ?", [plan_id])
    if not found:
        raise LoadError(f"没有编号为 {plan_id} 的计划或文件")
    return found[0]


def _change(con, plan_id: int, actor: str, action: str, detail: str, sql: str, params: list):
    """Upsert plan_state for one plan and log the change, in one transaction."""
    actor = require(con, actor, "plan", f"计划 {plan_id}").name
    cur = con.cursor()
    _plan(cur, plan_id)
    run(cur, "begin transaction")
    try:
        run(cur, "insert into plan_state (plan_id) values (?) on conflict do nothing", [plan_id])
        run(
            cur,
            sql + ", changed_by = ?, changed_at = current_timestamp where plan_id = ?",
            [*params, actor, plan_id],
        )
        run(
            cur,
            "insert into plan_events (plan_id, action, detail, actor) values (?, ?, ?, ?)",
            [plan_id, action, detail, actor],
        )
        audit(cur, actor, f"plan_{action}", f"计划 {plan_id}", detail)
        run(cur, "commit")
    except Exception:
        run(cur, "rollback")
        raise


@single_writer
def pin_current(con: duckdb.DuckDBPyConnection, plan_id: int, actor: str) -> None:
    """Make plan_id the plan every page opens on (it becomes tracked and is restored if archived)."""
    actor = require(con, actor, "plan", f"计划 {plan_id}").name
    cur = con.cursor()
    title, kind = _plan(cur, plan_id)
    if kind not in PLAN_KINDS:
        raise LoadError(f"「{title}」是{KIND_NAMES.get(kind, kind)}，不是可以跟踪的计划")
    _change(
        con,
        plan_id,
        actor,
        "current",
        title,
        "update plan_state set tracked = true, archived = false",
        [],
    )
    cur = con.cursor()
    run(cur, "begin transaction")
    run(
        cur,
        "insert or replace into app_settings values ('current_plan', ?, ?, current_timestamp)",
        [str(plan_id), actor],
    )
    run(cur, "commit")


@single_writer
def rename_plan(con: duckdb.DuckDBPyConnection, plan_id: int, title: str, actor: str) -> None:
    """Give a plan the name the coordinator wants shown (the parsed title stays stored)."""
    title = " ".join(strip_controls(title).split())
    if not title:
        raise LoadError("名称不能为空")
    if len(title) > 200:
        raise LoadError("名称过长（不超过 200 个字）")
    old, _ = _plan(con.cursor(), plan_id)
    _change(
        con,
        plan_id,
        actor,
        "rename",
        f"{old} → {title}",
        "update plan_state set title = ?",
        [title],
    )


@single_writer
def archive_plan(
    con: duckdb.DuckDBPyConnection, plan_id: int, actor: str, archived: bool = True
) -> None:
    """Hide a plan loaded by mistake (archived=False restores it); its rows stay stored."""
    title, _ = _plan(con.cursor(), plan_id)
    _change(
        con,
        plan_id,
        actor,
        "archive" if archived else "restore",
        title,
        "update plan_state set archived = ?",
        [archived],
    )


@single_writer
def set_tracked(con: duckdb.DuckDBPyConnection, plan_id: int, tracked: bool, actor: str) -> None:
    """Choose whether a document of a gazette is followed on the dashboard."""
    title, kind = _plan(con.cursor(), plan_id)
    if tracked and kind not in PLAN_KINDS:
        raise LoadError(f"「{title}」是{KIND_NAMES.get(kind, kind)}，没有可跟踪的任务")
    _change(
        con,
        plan_id,
        actor,
        "track" if tracked else "untrack",
        title,
        "update plan_state set tracked = ?",
        [tracked],
    )


def record_versions(cur, file_id: int, actor: str) -> list[tuple[int, int, str]]:
    """Link each plan of a newly stored file to the plan it re-issues: the same 文号, or the same
    title, issuer and first year. Returns (new plan, old plan, old title); runs inside the
    caller's transaction."""
    found = run(
        cur,
        """
        select n.doc_id, max(o.doc_id) as old_id
        from documents n join documents o
          on o.doc_id < n.doc_id and o.file_id <> n.file_id and o.kind = n.kind
         and (n.doc_number is not null and o.doc_number = n.doc_number
              or (o.title = n.title and coalesce(o.issuer, '') = coalesce(n.issuer, '')
                  and coalesce(o.year_from, -1) = coalesce(n.year_from, -1)))
        where n.file_id = ? and n.kind in ('plan', 'breakdown_table')
        group by n.doc_id
        """,
        [file_id],
    )
    linked = []
    for new_id, old_id in found:
        (old_title,) = run(cur, "select title from v_plans where plan_id = ?", [old_id])[0]
        run(
            cur,
            "insert into plan_state (plan_id, version_of, changed_by, changed_at) "
            "values (?, ?, ?, current_timestamp) on conflict do nothing",
            [new_id, old_id, actor],
        )
        run(
            cur,
            "insert into plan_events (plan_id, action, detail, actor) values (?, ?, ?, ?)",
            [new_id, "version", f"新版本，替代第 {old_id} 号《{old_title}》", actor],
        )
        linked.append((new_id, old_id, old_title))
    return linked
