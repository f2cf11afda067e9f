"""What units report on: the tasks and indicators of the plans, read from the database once.

The quarterly template and the upload validation are pure functions of a Catalog, so they are
tested without a database; `load_catalog` builds one from DuckDB.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import duckdb

from loaders.rows import run
from loaders.units import canonical_key, resolve

ROLE_NAMES = {"lead": "牵头", "responsible": "责任", "cooperating": "配合"}
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


_TASKS = """
select t.task_id, t.plan_id, d.title, t.number, t.title, t.text, t.deadline_text, t.deadline,
       t.ongoing
from tasks t join documents d on d.doc_id = t.plan_id
where d.kind in ('plan', 'breakdown_table')
  and (? is null or ? between coalesce(d.year_from, ?) and coalesce(d.year_to, ?))
  and (? is null or list_contains(?, t.plan_id))
order by t.plan_id, t.seq
"""
_ROLES = """
select tu.task_id, u.name, tu.role from task_units tu join units u using (unit_id)
order by tu.task_id, tu.seq
"""
_TARGETS = """
select g.target_id, g.plan_id, g.task_id, t.number, g.indicator, g.comparator, g.value, g.unit,
       g.per, g.year
from targets g join tasks t using (task_id)
order by g.plan_id, g.seq
"""


def load_catalog(
    con: duckdb.DuckDBPyConnection, year: int | None = None, plan_ids: list[int] | None = None
) -> Catalog:
    """The catalog of plans covering `year` (all plans when None), or of the given plans."""
    cur = con.cursor()
    roles: dict[int, dict[str, str]] = {}
    for task_id, name, role in run(cur, _ROLES):
        roles.setdefault(task_id, {}).setdefault(name, role)
    params = [year, year, year, year, plan_ids, plan_ids]
    tasks = [
        CatalogTask(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], bool(r[8]), roles.get(r[0], {}))
        for r in run(cur, _TASKS, params)
    ]
    by_id = {t.task_id: t for t in tasks}
    indicators = [
        CatalogIndicator(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            r[5],
            r[6],
            r[7],
            r[8],
            r[9],
            tuple(u for u, role in by_id[r[2]].roles.items() if role in REPORTING_ROLES),
        )
        for r in run(cur, _TARGETS)
        if r[2] in by_id
    ]
    units = [r[0] for r in run(cur, "select name from units order by unit_id")]
    registry = dict(
        run(cur, "select a.alias, u.name from unit_aliases a join units u using (unit_id)")
    )
    return Catalog(tasks, indicators, units, registry)
