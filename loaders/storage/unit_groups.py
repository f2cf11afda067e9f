"""Groups with members (单位组): "各镇街" stands for each town and street office. The coordinator
lists the members once; the group's tasks then belong to each member (each reports, each is
counted and ranked) and the group itself is never ranked. Members are kept in unit_members; the
plans naming the group are rebuilt (loaders.storage.corrections.rebuild), which writes a row per
member where the document named the group. Every change is a unit_events row and can be undone."""

from __future__ import annotations

import json

import duckdb

from loaders.access import audit, require
from loaders.db import run, single_writer
from loaders.errors import LoadError
from loaders.files.limits import strip_controls
from loaders.plans.units import split_unit_names
from loaders.storage import corrections
from loaders.storage.rows import unit_id_for


def members_of(cur, group_id: int) -> list[int]:
    return [
        m
        for (m,) in run(
            cur,
            "select member_id from unit_members where group_id = ? order by member_id",
            [group_id],
        )
    ]


def plans_naming(cur, group_name: str) -> list[int]:
    """Plans whose documents name the group (as parsed, or as stored now)."""
    rows = run(
        cur,
        """
        select distinct t.plan_id from parsed_task_units u join parsed_tasks t using (task_id)
        where u.name_written = ? or u.name_written in (select alias from unit_aliases a
              join units n using (unit_id) where n.name = ?)
        union
        select distinct t.plan_id from task_units tu join tasks t using (task_id)
        join units n using (unit_id) where n.name = ? or tu.name_written = ?
        """,
        [group_name, group_name, group_name, group_name],
    )
    return sorted(p for (p,) in rows)


@single_writer
def set_members(
    con: duckdb.DuckDBPyConnection, group: str, members: str | list[str], actor: str
) -> list[str]:
    """Make `members` ("A、B、C") the members of group `group`; returns their names. The group
    becomes kind 'group'; unknown member names are added to the registry (reviewed, since the
    coordinator typed them). Rebuilds the plans naming the group, in one transaction."""
    actor = require(con, actor, "units", group).name
    names = (
        split_unit_names(strip_controls(members))
        if isinstance(members, str)
        else [strip_controls(str(m)) for m in members]
    )
    cur = con.cursor()
    found = run(cur, "select unit_id, kind from units where name = ?", [group])
    if not found:
        raise LoadError(f"单位名录中没有「{group}」")
    if group in names:
        raise LoadError("单位组不能包含它自己")
    group_id = found[0][0]
    run(cur, "begin transaction")
    try:
        before = members_of(cur, group_id)
        registry = dict(
            run(cur, "select a.alias, u.name from unit_aliases a join units u using (unit_id)")
        )
        ids = []
        for name in names:
            member_id = unit_id_for(cur, name, registry)
            if run(cur, "select 1 from unit_members where group_id = ?", [member_id]):
                raise LoadError(f"「{name}」本身是有成员的单位组，不能作为成员")
            run(cur, "update units set reviewed = true where unit_id = ?", [member_id])
            ids.append(member_id)
        run(cur, "delete from unit_members where group_id = ?", [group_id])
        for member_id in dict.fromkeys(ids):
            run(
                cur,
                "insert into unit_members (group_id, member_id, added_by) values (?, ?, ?)",
                [group_id, member_id, actor],
            )
        run(cur, "update units set kind = 'group', reviewed = true where unit_id = ?", [group_id])
        detail = {"group_id": group_id, "group": group, "before": before, "after": ids}
        run(
            cur,
            "insert into unit_events (action, detail, actor) values ('members', ?, ?)",
            [json.dumps(detail, ensure_ascii=False), actor],
        )
        for plan_id in plans_naming(cur, group):
            corrections.rebuild(cur, plan_id)
        audit(cur, actor, "members", group, detail)
        run(cur, "commit")
    except Exception:
        run(cur, "rollback")
        raise
    return names


def apply_groups(cur, plan_ids: list[int]) -> None:
    """After a load: plans of the file that name a group with members are rebuilt so that each
    member owns the group's tasks (inside the load's transaction)."""
    for plan_id in plan_ids:
        named = run(
            cur,
            "select 1 from task_units tu join tasks t using (task_id) "
            "join unit_members m on m.group_id = tu.unit_id where t.plan_id = ? limit 1",
            [plan_id],
        )
        if named:
            corrections.rebuild(cur, plan_id)
