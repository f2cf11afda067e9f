"""The unit registry (单位名录): confirm names found in documents, merge aliases into one unit.

Names that no registry entry or built-in alias resolves are stored with reviewed = false and
listed for review; the coordinator confirms them, or merges one into another (政办 into
政府办公室): the alias then resolves to that unit in every later load.
"""

from __future__ import annotations

import json

import duckdb

from loaders.access import audit, require
from loaders.db import run, single_writer
from loaders.errors import LoadError
from loaders.plans.units import canonical_key, unit_level


def units_for_review(con: duckdb.DuckDBPyConnection, plan_id: int | None = None) -> list[dict]:
    """Units awaiting review (name, kind, count) most used first, with the documents and tasks
    that name them; plan_id: only those named by that plan."""
    rows = run(
        con.cursor(),
        """
        select u.name, u.kind, count(distinct tu.task_id) as n,
               coalesce(string_agg(distinct d.title, '、'), '') as documents,
               coalesce(string_agg(distinct t.number || t.title, '；'), '') as tasks
        from units u
        left join task_units tu using (unit_id)
        left join tasks t using (task_id)
        left join documents d on d.doc_id = t.plan_id
        where not u.reviewed and ($plan is null or t.plan_id = $plan)
        group by u.name, u.kind order by n desc, u.name
        """.replace("$plan", "?"),
        [plan_id, plan_id],
    )
    return [
        dict(zip(("name", "kind", "count", "documents", "tasks"), r, strict=True)) for r in rows
    ]


@single_writer
def confirm_units(
    con: duckdb.DuckDBPyConnection, names: list[str], actor: str | None = None
) -> int:
    """Mark units as reviewed; returns how many were found."""
    actor = require(con, actor, "units", "、".join(names)).name
    cur = con.cursor()
    run(cur, "begin transaction")
    found = run(
        cur,
        "update units set reviewed = true where name in (select unnest(?::varchar[])) returning unit_id",
        [names],
    )
    audit(cur, actor, "confirm_units", "、".join(names), {"found": len(found)})
    run(cur, "commit")
    return len(found)


def _unit_id(cur, name: str) -> int:
    row = next(iter(run(cur, "select unit_id from units where name = ?", [name])), None)
    if row is None:
        raise LoadError(f"单位名录中没有「{name}」")
    return row[0]


def level_warning(alias: str, into: str) -> str | None:
    """A warning when two names state different levels (市司法局 / 司法局 / 区司法局), else None."""
    a, b = unit_level(alias), unit_level(into)
    if a == b:
        return None
    return (
        f"「{alias}」（{a + '级' if a else '未注明层级'}）与「{into}」"
        f"（{b + '级' if b else '未注明层级'}）层级不同"
    )


@single_writer
def merge_unit(
    con: duckdb.DuckDBPyConnection,
    alias: str,
    into: str,
    actor: str = "系统",
    allow_cross_level: bool = False,
) -> int:
    """Merge unit `alias` into unit `into` in one transaction: tasks, aliases, then the name.
    Units of different levels merge only when allow_cross_level says the coordinator confirmed
    it. Returns the unit_events id that undo_merge takes."""
    actor = require(con, actor, "units", f"{alias} → {into}").name
    if alias == into:
        raise LoadError("不能把单位合并到它自己")
    warning = level_warning(alias, into)
    if warning and not allow_cross_level:
        raise LoadError(f"{warning}，一般不应合并；确认无误后才能合并")
    cur = con.cursor()
    old_id, new_id = _unit_id(cur, alias), _unit_id(cur, into)
    run(cur, "begin transaction")
    try:
        snapshot = _merge_snapshot(cur, alias, old_id, new_id)
        run(
            cur,
            "insert into task_units (task_id, unit_id, role, seq, name_written) "
            "select task_id, ?, role, seq, name_written from task_units where unit_id = ? "
            "on conflict do nothing",
            [new_id, old_id],
        )
        run(cur, "delete from task_units where unit_id = ?", [old_id])
        run(cur, "update unit_aliases set unit_id = ? where unit_id = ?", [new_id, old_id])
        run(
            cur,
            "insert into unit_aliases (alias, unit_id) values (?, ?) on conflict do nothing",
            [canonical_key(alias), new_id],
        )
        run(cur, "delete from unit_members where member_id = ? or group_id = ?", [old_id, old_id])
        run(cur, "delete from units where unit_id = ?", [old_id])
        run(cur, "update units set reviewed = true where unit_id = ?", [new_id])
        ((event_id,),) = run(
            cur,
            "insert into unit_events (action, detail, actor) values "
            "('merge', ?, ?) returning event_id",
            [json.dumps(snapshot, ensure_ascii=False, default=str), actor],
        )
        audit(cur, actor, "merge", f"{alias} → {into}", {"event": event_id})
        run(cur, "commit")
    except Exception:
        run(cur, "rollback")
        raise
    return event_id


def _merge_snapshot(cur, alias: str, old_id: int, new_id: int) -> dict:
    """Everything a merge changes, so that it can be undone."""
    unit = run(
        cur, "select name, kind, level, reviewed, created_at from units where unit_id = ?", [old_id]
    )[0]
    rows = run(
        cur,
        "select task_id, role, seq, name_written, exists (select 1 from task_units x "
        "where x.task_id = t.task_id and x.role = t.role and x.unit_id = ?) "
        "from task_units t where unit_id = ?",
        [new_id, old_id],
    )
    return {
        "old_id": old_id,
        "new_id": new_id,
        "unit": list(unit),
        "aliases": [
            a for (a,) in run(cur, "select alias from unit_aliases where unit_id = ?", [old_id])
        ],
        "alias_key_existed": bool(
            run(cur, "select 1 from unit_aliases where alias = ?", [canonical_key(alias)])
        ),
        "alias_key": canonical_key(alias),
        "rows": [list(r) for r in rows],
        "members": run(
            cur,
            "select group_id, member_id from unit_members where member_id = ? or group_id = ?",
            [old_id, old_id],
        ),
        "into_reviewed": run(cur, "select reviewed from units where unit_id = ?", [new_id])[0][0],
    }


@single_writer
def undo_merge(con: duckdb.DuckDBPyConnection, event_id: int, actor: str) -> str:
    """Undo a merge: the unit comes back with its id, aliases, tasks and group memberships.
    Returns its name."""
    actor = require(con, actor, "units", f"合并 {event_id}").name
    cur = con.cursor()
    found = run(
        cur,
        "select detail, undone_at from unit_events where event_id = ? and action = 'merge'",
        [event_id],
    )
    if not found:
        raise LoadError(f"没有编号为 {event_id} 的合并记录")
    if found[0][1] is not None:
        raise LoadError(f"第 {event_id} 号合并已经撤销过")
    d = json.loads(found[0][0])
    old_id, new_id = d["old_id"], d["new_id"]
    name, kind, level, reviewed, created_at = d["unit"]
    if run(cur, "select 1 from units where name = ?", [name]):
        raise LoadError(f"单位名录中已有「{name}」，无法撤销这次合并")
    run(cur, "begin transaction")
    try:
        run(
            cur,
            "insert into units (unit_id, name, kind, level, reviewed, created_at) values (?, ?, ?, ?, ?, ?)",
            [old_id, name, kind, level, reviewed, created_at],
        )
        run(
            cur,
            "update unit_aliases set unit_id = ? where alias in (select unnest(?::varchar[]))",
            [old_id, d["aliases"]],
        )
        if not d["alias_key_existed"]:
            run(
                cur,
                "delete from unit_aliases where alias = ? and unit_id = ?",
                [d["alias_key"], new_id],
            )
        for task_id, role, seq, written, existed in d["rows"]:
            if not existed:
                run(
                    cur,
                    "delete from task_units where task_id = ? and role = ? and unit_id = ?",
                    [task_id, role, new_id],
                )
            run(
                cur,
                "insert into task_units (task_id, unit_id, role, seq, name_written) "
                "values (?, ?, ?, ?, ?) on conflict do nothing",
                [task_id, old_id, role, seq, written],
            )
        for group_id, member_id in d["members"]:
            run(
                cur,
                "insert into unit_members (group_id, member_id) values (?, ?) on conflict do nothing",
                [group_id, member_id],
            )
        run(cur, "update units set reviewed = ? where unit_id = ?", [d["into_reviewed"], new_id])
        run(
            cur,
            "update unit_events set undone_by = ?, undone_at = current_timestamp where event_id = ?",
            [actor, event_id],
        )
        audit(cur, actor, "merge_undo", f"合并 {event_id}")
        run(cur, "commit")
    except Exception:
        run(cur, "rollback")
        raise
    return name


def unit_history(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Merges and member changes, newest first, with who, when and whether undone."""
    out = []
    for event_id, action, detail, actor, at, undone_at in run(
        con.cursor(),
        "select event_id, action, detail, actor, happened_at, undone_at from unit_events "
        "order by event_id desc",
    ):
        d = json.loads(detail)
        what = (
            f"把「{d['unit'][0]}」合并到第 {d['new_id']} 号单位"
            if action == "merge"
            else f"设定「{d['group']}」的成员（{len(d['after'])} 个）"
        )
        out.append(
            {
                "event_id": event_id,
                "action": action,
                "what": what,
                "actor": actor,
                "at": at,
                "undone": undone_at is not None,
            }
        )
    return out
