"""The unit registry (单位名录): confirm names found in documents, merge aliases into one unit.

Names that no registry entry or built-in alias resolves are stored with reviewed = false and
listed for review; the coordinator confirms them, or merges one into another (政办 into
政府办公室): the alias then resolves to that unit in every later load.
"""

from __future__ import annotations

import duckdb

from loaders.db import run
from loaders.errors import LoadError
from loaders.plans.units import canonical_key, levels_conflict, unit_level


def units_for_review(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, int]]:
    """(name, kind, tasks naming it) of units awaiting review, most used first."""
    return (
        con.cursor()
        .execute(
            "select u.name, u.kind, count(distinct tu.task_id) as n from units u "
            "left join task_units tu using (unit_id) where not u.reviewed "
            "group by u.name, u.kind order by n desc, u.name"
        )
        .fetchall()
    )


def confirm_units(con: duckdb.DuckDBPyConnection, names: list[str]) -> int:
    """Mark units as reviewed; returns how many were found."""
    cur = con.cursor()
    found = run(
        cur,
        "update units set reviewed = true where name in (select unnest(?::varchar[])) returning unit_id",
        [names],
    )
    return len(found)


def _unit_id(cur, name: str) -> int:
    row = next(iter(run(cur, "select unit_id from units where name = ?", [name])), None)
    if row is None:
        raise LoadError(f"单位名录中没有「{name}」")
    return row[0]


def merge_unit(con: duckdb.DuckDBPyConnection, alias: str, into: str) -> None:
    """Merge unit `alias` into unit `into` in one transaction: tasks, aliases, then the name."""
    if alias == into:
        raise LoadError("不能把单位合并到它自己")
    if levels_conflict(unit_level(alias), unit_level(into)):
        raise LoadError(f"「{alias}」与「{into}」层级不同，不能合并")
    cur = con.cursor()
    old_id, new_id = _unit_id(cur, alias), _unit_id(cur, into)
    run(cur, "begin transaction")
    try:
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
        run(cur, "delete from units where unit_id = ?", [old_id])
        run(cur, "update units set reviewed = true where unit_id = ?", [new_id])
        run(cur, "commit")
    except Exception:
        run(cur, "rollback")
        raise
