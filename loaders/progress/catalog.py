"""What units report on: the tasks and indicators of the plans, read from the database once.

The quarterly template and the upload validation are pure functions of a Catalog, so they are
tested without a database; `load_catalog` builds one from DuckDB.
"""

from __future__ import annotations

import datetime
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from itertools import groupby

import duckdb

from loaders.db import run
from loaders.plans.units import canonical_key, resolve

ROLE_NAMES = {"lead": "牵头", "responsible": "责任", "cooperating": "配合"}
YEAR_MARGIN = 3  # years before and after the loaded plans' that a report may be for
ANY_YEARS = (2000, 2100)  # the window when no plan states its years
REPORTING_ROLES = ("lead", "responsible")  # a unit's scorecard and indicators: 牵头 and 责任


@dataclass(frozen=True)
class CatalogTask:
    """One task (任务) of a plan and the units it names, by role."""

    task_id: int
    plan_id: int
    plan_title: str
    number: str  # as written: "7", "(十二)"
    title: str
    text: str
    deadline_text: str | None
    deadline: datetime.date | None
    ongoing: bool
    roles: dict[str, str]  # canonical unit name -> "lead" / "responsible" / "cooperating"
    recurring: str | None = (
        None  # 'year' (每年…) / 'quarter' (每季度), as the deadline parser read it
    )


@dataclass(frozen=True)
class CatalogIndicator:
    """One quantitative target (指标) of a task, reported by the task's lead/responsible units."""

    target_id: int
    plan_id: int
    task_id: int
    task_number: str
    indicator: str
    comparator: str  # ">=", ">", "<=", "<", "="
    value: float
    unit: str  # "%", "次", "学时", …
    per: str | None  # "year" / "quarter" / None
    year: int | None
    units: tuple[str, ...]  # canonical names of the units that report it
    text: str = ""  # the clause of the plan it was read from ("每年至少开展1次执法监督检查")

    @property
    def is_rate(self) -> bool:
        """Rates are reported as 分子/分母 (numerator over denominator); others as 实际值."""
        return self.unit == "%"

    @property
    def target_label(self) -> str:
        """ "≥ 100%", "≥ 2次/年"."""
        symbol = {">=": "≥", "<=": "≤"}.get(self.comparator, self.comparator)
        value = f"{self.value:g}"
        per = {"year": "/年", "quarter": "/季度"}.get(self.per or "", "")
        return f"{symbol} {value}{self.unit}{per}"


@dataclass
class Catalog:
    """Tasks, indicators and the unit registry of the plans that units report on."""

    tasks: list[CatalogTask]
    indicators: list[CatalogIndicator]
    units: list[str]  # canonical names, units and groups
    registry: dict[str, str] = field(default_factory=dict)  # alias key -> canonical name
    plan_years: tuple[int, int] | None = None  # first and last year of all loaded plans

    def year_window(self) -> tuple[int, int]:
        """The years a report may be for: the loaded plans' years, YEAR_MARGIN either side."""
        if self.plan_years is None:
            return ANY_YEARS
        first, last = self.plan_years
        return first - YEAR_MARGIN, last + YEAR_MARGIN

    def resolve_unit(self, written: str) -> str | None:
        """The canonical unit for a written name, or None when the registry does not know it."""
        name, _ = resolve(written, self.registry)
        if name in self.units:
            return name
        key = canonical_key(written)
        return next((u for u in self.units if canonical_key(u) == key), None)

    def tasks_of_unit(self, unit: str) -> list[CatalogTask]:
        """Tasks naming the unit in any role (牵头/责任/配合), in plan order."""
        return [t for t in self.tasks if unit in t.roles]

    def indicators_of_unit(self, unit: str) -> list[CatalogIndicator]:
        return [i for i in self.indicators if unit in i.units]

    def reporting_units(self) -> list[str]:
        """Units that own at least one task, in registry order."""
        named = {u for t in self.tasks for u in t.roles}
        return [u for u in self.units if u in named]


_UNITS = "select unit_id, name from units order by unit_id"
_ALIASES = "select alias, unit_id from unit_aliases"
_PLANS = """
select doc_id, title from documents
where kind in ('plan', 'breakdown_table')
  and ($1 is null or $1 between coalesce(year_from, $1) and coalesce(year_to, $1))
  and ($2 is null or list_contains($2, doc_id))
"""
_TASKS = """
select task_id, plan_id, number, title, text, deadline_text, deadline, ongoing, recurring
from tasks where list_contains($1, plan_id)
order by plan_id, seq
"""
_ROLES = "select task_id, unit_id, role from task_units order by task_id, seq"
_TARGETS = """
select target_id, plan_id, task_id, indicator, comparator, value, unit, per, year, text
from targets where task_id is not null
order by plan_id, seq
"""
_PLAN_YEARS = """
select min(coalesce(year_from, year_to)), max(coalesce(year_to, year_from)) from documents
where kind in ('plan', 'breakdown_table')
"""
_POOL = ThreadPoolExecutor(max_workers=5, thread_name_prefix="load_catalog")


def load_catalog(
    con: duckdb.DuckDBPyConnection, year: int | None = None, plan_ids: list[int] | None = None
) -> Catalog:
    """The catalog of plans covering `year` (all plans when None), or of the given plans.

    This runs on every upload, so the queries are plain (names are looked up here), run side by
    side on cursors of their own (DuckDB releases the GIL while it works), and the roles, the one
    large result, are read as Arrow columns."""
    cur = con.cursor()
    pending = [
        _POOL.submit(_columns, con.cursor(), _ROLES),
        *(
            _POOL.submit(run, con.cursor(), sql)
            for sql in (_UNITS, _TARGETS, _ALIASES, _PLAN_YEARS)
        ),
    ]
    try:
        plans = dict(run(cur, _PLANS, [year, plan_ids]))
        rows = run(cur, _TASKS, [list(plans)]) if plans else []
        roles, units, targets, aliases, ((first, last),) = (f.result() for f in pending)
    finally:
        wait(pending)
    names = dict(units)
    by_task = _roles(*roles, names)
    tasks = [
        CatalogTask(r[0], r[1], plans[r[1]], *r[2:7], bool(r[7]), by_task.get(r[0], {}), r[8])
        for r in rows
    ]
    by_id = {t.task_id: t for t in tasks}
    indicators = [
        CatalogIndicator(
            *r[:3],
            by_id[r[2]].number,
            *r[3:9],
            tuple(u for u, role in by_id[r[2]].roles.items() if role in REPORTING_ROLES),
            r[9] or "",
        )
        for r in targets
        if r[2] in by_id
    ]
    registry = {alias: names[i] for alias, i in aliases if i in names}
    years = (first, last) if first is not None and last is not None else None
    return Catalog(tasks, indicators, list(names.values()), registry, years)


def _columns(cur, sql: str) -> list[list]:
    """The columns of a query's result, through Arrow (faster than rows for large results)."""
    table = cur.sql(sql).to_arrow_table()
    return [column.to_pylist() for column in table.columns]


def _roles(
    task_ids: list[int], unit_ids: list[int], kinds: list[str], names: dict[int, str]
) -> dict[int, dict[str, str]]:
    """task_id -> {unit name: role} in the order written; a unit named twice keeps its first
    role, units not in the registry are left out."""
    roles: dict[int, dict[str, str]] = {}
    start = 0
    for task_id, group in groupby(task_ids):
        end = start + len(list(group))
        units = list(map(names.get, unit_ids[start:end]))
        found = dict(zip(units, kinds[start:end], strict=True))
        if len(found) != end - start or None in found:  # a unit twice, or not in the registry
            found = {}
            for unit, kind in zip(units, kinds[start:end], strict=True):
                if unit is not None:
                    found.setdefault(unit, kind)
        roles[task_id] = found
        start = end
    return roles
