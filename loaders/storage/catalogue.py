"""Indicators and tasks across plans and years (指标目录, 任务延续): the coordinator confirms that
two names are one indicator, or that a task continues an earlier year's task, from suggestions
made by name and text similarity. Nothing is linked without a person; undo keeps the record."""

from __future__ import annotations

import difflib

import duckdb

from loaders.access import audit, require
from loaders.db import run, single_writer
from loaders.errors import LoadError

_NAMES = """
select name, unit, count(*) as uses, min(year) as first_year, max(year) as last_year
from (
    select g.indicator as name, g.unit, coalesce(g.year, d.year_from) as year
    from targets g join documents d on d.doc_id = g.plan_id
    union all
    select a.indicator, a.unit, a.year from achievements a
)
group by name, unit order by name, unit
"""


def canonical_map(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], str]:
    """(name, unit) -> the name the catalogue follows it under (aliases in force)."""
    rows = run(
        con.cursor(),
        "select name, unit, canonical from indicator_aliases "
        "where undone_at is null order by alias_id",
    )
    return {(n, u): c for n, u, c in rows}


def indicator_names(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Every indicator name in plans and reports with its unit, uses, years and canonical name."""
    names = canonical_map(con)
    cols = ("name", "unit", "uses", "first_year", "last_year")
    return [
        dict(zip(cols, r, strict=True)) | {"canonical": names.get((r[0], r[1]), r[0])}
        for r in run(con.cursor(), _NAMES)
    ]


def _similar(a: str, b: str) -> float:
    """1.0 when one name ends with the other (出庭应诉率 / 行政机关负责人出庭应诉率), else the
    share of characters in common; names must end alike (率 with 率)."""
    if a[-1] != b[-1]:
        return 0.0
    if (len(b) >= 4 and a.endswith(b)) or (len(a) >= 4 and b.endswith(a)):
        return 1.0
    return difflib.SequenceMatcher(None, a, b).ratio()


def suggest_aliases(con: duckdb.DuckDBPyConnection, threshold: float = 0.6) -> list[dict]:
    """Pairs of names of one unit that may be one indicator and are not yet linked, most alike
    first; the suggested canonical name is the one used more (then the longer)."""
    names = indicator_names(con)
    out = []
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if a["unit"] != b["unit"] or a["canonical"] == b["canonical"]:
                continue
            score = _similar(a["canonical"], b["canonical"])
            if score >= threshold:
                main, other = sorted((a, b), key=lambda n: (-n["uses"], -len(n["canonical"])))
                out.append(
                    {
                        "name": other["canonical"],
                        "canonical": main["canonical"],
                        "unit": a["unit"],
                        "score": round(score, 2),
                    }
                )
    return sorted(out, key=lambda s: (-s["score"], s["canonical"], s["name"]))


@single_writer
def confirm_alias(
    con: duckdb.DuckDBPyConnection, name: str, unit: str, canonical: str, actor: str
) -> int:
    """Follow `name` (in `unit`) under `canonical` from now on; returns the alias id."""
    actor = require(con, actor, "catalogue", name).name
    if not name.strip() or not canonical.strip():
        raise LoadError("指标名称不能为空")
    if name == canonical:
        raise LoadError("指标不能作为它自己的别名")
    known = {(n["name"], n["unit"]) for n in indicator_names(con)}
    if (name, unit) not in known:
        raise LoadError(f"计划和年度报告中没有以「{unit}」计的指标「{name}」")
    cur = con.cursor()
    run(cur, "begin transaction")
    try:
        run(
            cur,
            "update indicator_aliases set undone_by = ?, undone_at = current_timestamp "
            "where name = ? and unit = ? and undone_at is null",
            [actor, name, unit],
        )
        ((alias_id,),) = run(
            cur,
            "insert into indicator_aliases (name, unit, canonical, confirmed_by) "
            "values (?, ?, ?, ?) returning alias_id",
            [name, unit, canonical, actor],
        )
        audit(cur, actor, "alias", name, {"canonical": canonical, "unit": unit})
        run(cur, "commit")
    except Exception:
        run(cur, "rollback")
        raise
    return alias_id


@single_writer
def undo_alias(con: duckdb.DuckDBPyConnection, alias_id: int, actor: str) -> None:
    actor = require(con, actor, "catalogue", f"指标别名 {alias_id}").name
    cur = con.cursor()
    found = run(cur, "select undone_at from indicator_aliases where alias_id = ?", [alias_id])
    if not found:
        raise LoadError(f"没有编号为 {alias_id} 的指标别名")
    if found[0][0] is not None:
        raise LoadError(f"第 {alias_id} 号指标别名已经撤销过")
    run(
        cur,
        "update indicator_aliases set undone_by = ?, undone_at = current_timestamp "
        "where alias_id = ?",
        [actor, alias_id],
    )
    audit(cur, actor, "alias_undo", f"指标别名 {alias_id}")


# ---------------------------------------------------------------- tasks across years

_EARLIER_PLAN = """
select e.doc_id from documents p join documents e
  on e.doc_id <> p.doc_id and e.kind in ('plan', 'breakdown_table')
 and coalesce(e.year_to, e.year_from) < coalesce(p.year_from, p.year_to)
 and (p.issuer is null or e.issuer is null or starts_with(e.issuer, p.issuer)
      or starts_with(p.issuer, e.issuer))
where p.doc_id = ?
order by coalesce(e.year_to, e.year_from) desc, e.doc_id desc
limit 1
"""


def suggest_task_links(
    con: duckdb.DuckDBPyConnection, plan_id: int, threshold: float = 0.5
) -> list[dict]:
    """For each task of the plan without a link, the most alike task of the previous year's plan
    of the same government (by text), when alike enough."""
    cur = con.cursor()
    earlier = run(cur, _EARLIER_PLAN, [plan_id])
    if not earlier:
        return []
    linked = {t for (t,) in run(cur, "select task_id from task_links where undone_at is null")}
    mine = run(
        cur,
        "select task_id, number, title, text from tasks where plan_id = ? order by seq",
        [plan_id],
    )
    theirs = run(
        cur,
        "select task_id, number, title, text from tasks where plan_id = ? order by seq",
        [earlier[0][0]],
    )
    out = []
    for tid, number, title, text in mine:
        if tid in linked or not theirs:
            continue
        best = max(
            theirs,
            key=lambda o: (
                difflib.SequenceMatcher(None, title, o[2]).ratio()
                + difflib.SequenceMatcher(None, text[:200], o[3][:200]).ratio()
            ),
        )
        score = (
            difflib.SequenceMatcher(None, title, best[2]).ratio()
            + difflib.SequenceMatcher(None, text[:200], best[3][:200]).ratio()
        ) / 2
        if score >= threshold:
            out.append(
                {
                    "task_id": tid,
                    "number": number,
                    "title": title,
                    "earlier_task_id": best[0],
                    "earlier_number": best[1],
                    "earlier_title": best[2],
                    "score": round(score, 2),
                }
            )
    return sorted(out, key=lambda s: -s["score"])


@single_writer
def link_tasks(
    con: duckdb.DuckDBPyConnection, task_id: int, earlier_task_id: int, actor: str
) -> int:
    actor = require(con, actor, "catalogue", f"任务 {task_id}").name
    cur = con.cursor()
    found = run(
        cur,
        "select task_id, plan_id from tasks where task_id in (?, ?)",
        [task_id, earlier_task_id],
    )
    if len(found) != 2:
        raise LoadError("任务编号有误：两项任务都须存在")
    if len({p for _, p in found}) == 1:
        raise LoadError("两项任务属于同一计划，不能作为延续")
    run(cur, "begin transaction")
    try:
        run(
            cur,
            "update task_links set undone_by = ?, undone_at = current_timestamp "
            "where task_id = ? and undone_at is null",
            [actor, task_id],
        )
        ((link_id,),) = run(
            cur,
            "insert into task_links (task_id, earlier_task_id, confirmed_by) "
            "values (?, ?, ?) returning link_id",
            [task_id, earlier_task_id, actor],
        )
        audit(cur, actor, "task_link", f"任务 {task_id}", {"earlier": earlier_task_id})
        run(cur, "commit")
    except Exception:
        run(cur, "rollback")
        raise
    return link_id


def task_chain(con: duckdb.DuckDBPyConnection, task_id: int) -> list[int]:
    """The task and the earlier tasks it continues, oldest first."""
    cur = con.cursor()
    chain, seen = [task_id], {task_id}
    while True:
        found = run(
            cur,
            "select earlier_task_id from task_links where task_id = ? and undone_at is null",
            [chain[0]],
        )
        if not found or found[0][0] in seen:
            return chain
        chain.insert(0, found[0][0])
        seen.add(found[0][0])
