"""Named queries over the completion views (sql/ v_*) for the dashboard pages.

Each returns a polars DataFrame, cached per database file until the data changes
(analytics.db.cached, cleared with analytics.db.clear_caches after every write). A period is given as its period_index (year × 4 + quarter − 1),
as in the views.
"""

from __future__ import annotations

import duckdb
import polars as pl

from analytics.db import cached

COUNTS = ("tasks_total", "tasks_completed", "indicators_total", "indicators_met")

_TREND = """
select * from v_plan_trend where plan_id = $plan_id order by period_index
"""

_ACTIONS = """
with prev as (
    select action_id, completion_rate as prev_completion_rate
    from v_action_scorecard where plan_id = $plan_id and period_index = $period - 1
)
select s.*, p.prev_completion_rate
from v_action_scorecard s left join prev p using (action_id)
where s.plan_id = $plan_id and s.period_index = $period
order by s.action_seq
"""

_UNITS = """
with prev as (
    select unit_id, completion_rate as prev_completion_rate
    from v_unit_plan_scorecard where plan_id = $plan_id and period_index = $period - 1
)
select s.*, p.prev_completion_rate,
       coalesce(r.reported, false) as reported, coalesce(r.on_time, false) as on_time,
       r.first_uploaded_at, r.report_due
from v_unit_plan_scorecard s
left join prev p on p.unit_id = s.unit_id
join units n on n.unit_id = s.unit_id and n.kind <> 'group'   -- a group is never ranked
left join v_plan_reporting r
  on r.plan_id = s.plan_id and r.unit_id = s.unit_id and r.period_index = s.period_index
where s.plan_id = $plan_id and s.period_index = $period and s.tasks_assigned > 0
order by s.completion_rate nulls last, s.overdue_tasks desc, s.unit
"""

_UNIT_TREND = """
select * from v_unit_plan_scorecard
where plan_id = $plan_id and unit_id = $unit_id order by period_index
"""

_OVERDUE = """
with waiting as (
    select task_id, string_agg(unit, '、' order by role, unit) as units_behind
    from v_task_status
    where plan_id = $plan_id and period_index = $period and owner and not completed
    group by task_id
)
select r.action_code, r.task_number, r.task_title, r.deadline, r.owner_units,
       r.owner_units_completed, coalesce(w.units_behind, '（未明确责任单位）') as units_behind
from v_task_rollup r left join waiting w using (task_id)
where r.plan_id = $plan_id and r.period_index = $period and r.overdue
order by r.deadline, r.task_seq
"""

_UNREPORTED = """
select unit, report_due from v_plan_reporting
where plan_id = $plan_id and period_index = $period and not reported
order by unit
"""

_UNIT_TASKS = """
select s.action_code, s.task_number, s.task_title, s.role, s.deadline, s.ongoing,
       coalesce(s.status, '未报送') as status, s.reported, s.due, s.completed, s.overdue,
       s.status_year, s.status_quarter, p.note, u.upload_id, u.file_name, u.uploaded_by,
       u.uploaded_at
from v_task_status s
left join task_progress p on p.upload_id = s.upload_id and p.task_id = s.task_id
     and p.unit_id = s.unit_id and p.year = s.status_year and p.quarter = s.status_quarter
left join uploads u on u.upload_id = s.upload_id
where s.plan_id = $plan_id and s.unit_id = $unit_id and s.period_index = $period
order by case s.role when 'lead' then 1 when 'responsible' then 2 else 3 end, s.task_seq
"""

_UNIT_INDICATORS = """
select a.task_number, a.indicator, a.comparator, a.target, a.measure_unit, a.per, a.actual,
       a.met, a.numerator, a.denominator, a.quarters_reported, a.upload_ids,
       (select string_agg(u.file_name, '；' order by u.upload_id) from uploads u
        where list_contains(a.upload_ids, u.upload_id)) as files
from v_indicator_attainment a
where a.plan_id = $plan_id and a.unit_id = $unit_id and a.period_index = $period
order by a.target_seq
"""

# One action's tasks / lagging units, or (scope "plan_id") those of every action of a plan at
# once, split by action_id on the page: one query instead of two per action.
_ACTION_TASKS = """
with waiting as (
    select task_id, string_agg(unit, '、' order by unit) as units_behind
    from v_task_status
    where {scope} = $id and period_index = $period and owner and behind
    group by task_id
)
select r.action_id, r.task_number, r.task_title, r.deadline, r.ongoing, r.due, r.completed,
       r.overdue, r.owner_units, r.owner_units_completed,
       coalesce(w.units_behind, '') as units_behind
from v_task_rollup r left join waiting w using (task_id)
where r.{scope} = $id and r.period_index = $period
order by r.task_seq
"""

_LAGGING_UNITS = """
select action_id, unit, count(*) filter (where behind) as behind_tasks,
       count(*) filter (where overdue) as overdue_tasks,
       count(*) filter (where due) as due_tasks
from v_task_status
where {scope} = $id and period_index = $period and owner
group by action_id, unit
having count(*) filter (where behind) > 0
order by action_id, behind_tasks desc, overdue_tasks desc, unit
"""

_INDICATORS = """
select distinct target_id, target_seq, task_number, indicator, comparator, target, measure_unit,
       per
from v_indicator_attainment where plan_id = $plan_id
order by target_seq
"""

_INDICATOR_UNITS = """
select unit_id, unit, year, quarter, period_index, period_label(year, quarter) as period_label,
       actual, met, numerator, denominator, comparator, target, measure_unit
from v_indicator_attainment where target_id = $target_id
order by period_index, unit
"""

_INDICATOR_REGION = """
select year, quarter, period_index, period_label(year, quarter) as period_label, actual,
       met, numerator, denominator, units_total, units_reported, units_met
from v_indicator_region where target_id = $target_id
order by period_index
"""

# The plans and reports of the same government as a plan (its series over the years): issuers
# equal, or one the start of the other (青禾县人民政府 / 青禾县人民政府办公室); all documents when
# the plan names no issuer.
_SERIES = """
select d.doc_id
from documents p, documents d
where p.doc_id = $plan_id and d.kind in ('plan', 'breakdown_table', 'annual_report')
  and (p.issuer is null
       or starts_with(d.issuer, p.issuer) or starts_with(p.issuer, d.issuer))
order by d.doc_id
"""

_ALIASES = """
select name as indicator, unit as measure_unit, canonical
from indicator_aliases where undone_at is null
qualify row_number() over (partition by name, unit order by alias_id desc) = 1
"""

_TASK_YEARS = """
with last as (
    select task_id, max(period_index) as period_index from v_task_rollup
    where list_contains($tasks, task_id) group by task_id
)
select r.year, d.title as plan_title, r.task_number, r.task_title, r.completed, r.overdue,
       r.owner_units_completed, r.owner_units
from v_task_rollup r join last using (task_id, period_index)
join documents d on d.doc_id = r.plan_id
order by r.year
"""

_YEARLY_OF_DOCUMENT = """
select indicator, indicator_written, measure_unit, year, quarter, source, actual, comparator,
       target, met
from v_indicator_yearly where doc_id = $doc_id
"""


def plan_trend(con: duckdb.DuckDBPyConnection, plan_id: int) -> pl.DataFrame:
    """v_plan_trend of one plan, quarter by quarter."""
    return cached(con, _TREND, plan_id=plan_id)


def action_scores(con: duckdb.DuckDBPyConnection, plan_id: int, period: int) -> pl.DataFrame:
    """v_action_scorecard of a plan for a period, with last quarter's completion rate."""
    return cached(con, _ACTIONS, plan_id=plan_id, period=period)


def unit_scores(con: duckdb.DuckDBPyConnection, plan_id: int, period: int) -> pl.DataFrame:
    """Units owning tasks of a plan, furthest behind first, with reporting and last quarter."""
    return cached(con, _UNITS, plan_id=plan_id, period=period)


def unit_trend(con: duckdb.DuckDBPyConnection, plan_id: int, unit_id: int) -> pl.DataFrame:
    return cached(con, _UNIT_TREND, plan_id=plan_id, unit_id=unit_id)


def overdue_tasks(con: duckdb.DuckDBPyConnection, plan_id: int, period: int) -> pl.DataFrame:
    """Overdue tasks (逾期任务) with the owning units that have not completed them."""
    return cached(con, _OVERDUE, plan_id=plan_id, period=period)


def unreported_units(con: duckdb.DuckDBPyConnection, plan_id: int, period: int) -> pl.DataFrame:
    """Units owning tasks of the plan with no active upload for the period (未报送单位)."""
    return cached(con, _UNREPORTED, plan_id=plan_id, period=period)


def unit_tasks(con, plan_id: int, unit_id: int, period: int) -> pl.DataFrame:
    """One unit's tasks (by role) with the status in force and the upload it comes from."""
    return cached(con, _UNIT_TASKS, plan_id=plan_id, unit_id=unit_id, period=period)


def unit_indicators(con, plan_id: int, unit_id: int, period: int) -> pl.DataFrame:
    """One unit's indicators against their targets, with the files behind each figure."""
    return cached(con, _UNIT_INDICATORS, plan_id=plan_id, unit_id=unit_id, period=period)


def action_tasks(con, action_id: int, period: int) -> pl.DataFrame:
    """An action's tasks as a whole, with the owning units behind on each."""
    return cached(con, _ACTION_TASKS.format(scope="action_id"), id=action_id, period=period)


def lagging_units(con, action_id: int, period: int) -> pl.DataFrame:
    """Units behind on tasks of an action, most tasks behind first."""
    return cached(con, _LAGGING_UNITS.format(scope="action_id"), id=action_id, period=period)


def plan_action_tasks(con, plan_id: int, period: int) -> pl.DataFrame:
    """action_tasks of every action of the plan (column action_id), in one query."""
    return cached(con, _ACTION_TASKS.format(scope="plan_id"), id=plan_id, period=period)


def plan_lagging_units(con, plan_id: int, period: int) -> pl.DataFrame:
    """lagging_units of every action of the plan (column action_id), in one query."""
    return cached(con, _LAGGING_UNITS.format(scope="plan_id"), id=plan_id, period=period)


def plan_indicators(con, plan_id: int) -> pl.DataFrame:
    """Task indicators of a plan that units report on."""
    return cached(con, _INDICATORS, plan_id=plan_id)


def indicator_by_unit(con, target_id: int) -> pl.DataFrame:
    """One indicator's year-to-date figure per unit and period."""
    return cached(con, _INDICATOR_UNITS, target_id=target_id)


def indicator_region(con, target_id: int) -> pl.DataFrame:
    """One indicator for the whole region per period (units combined)."""
    return cached(con, _INDICATOR_REGION, target_id=target_id)


def series(con, plan_id: int) -> list[int]:
    """The plans and annual reports of the plan's government, over the years (doc ids)."""
    return cached(con, _SERIES, plan_id=plan_id)["doc_id"].to_list()


def yearly_periods(con, docs: list[int]) -> pl.DataFrame:
    """Completion and attainment per quarter with reports, these plans summed. One query per
    plan: a filter on one plan_id reaches the base tables, a list of them does not."""
    trends = [t for d in docs if not (t := plan_trend(con, d)).is_empty()]
    if not trends:
        return pl.DataFrame()
    summed = (
        pl.concat(trends)
        .group_by("year", "quarter")
        .agg(
            pl.col("period_index").min(),
            pl.col("units_reported").sum(),
            *(pl.col(c).sum() for c in COUNTS),
        )
        .filter(pl.col("units_reported") > 0)
        .sort("year", "quarter")
    )
    return summed.with_columns(
        completion_rate=_rate("tasks_completed", "tasks_total"),
        attainment_rate=_rate("indicators_met", "indicators_total"),
    )


def _rate(part: str, whole: str) -> pl.Expr:
    return pl.when(pl.col(whole) > 0).then(pl.col(part) / pl.col(whole))


def yearly_figures(con, docs: list[int]) -> pl.DataFrame:
    """v_indicator_yearly rows of these plans and reports, by year, each indicator under its name
    in the catalogue (aliases confirmed by the coordinator), so one indicator lines up across
    plans, years and annual reports."""
    parts = [f for d in docs if not (f := cached(con, _YEARLY_OF_DOCUMENT, doc_id=d)).is_empty()]
    if not parts:
        return pl.DataFrame()
    frame = pl.concat(parts)
    aliases = cached(con, _ALIASES)
    if aliases.height:
        frame = (
            frame.join(aliases, on=["indicator", "measure_unit"], how="left")
            .with_columns(indicator=pl.coalesce("canonical", "indicator"))
            .drop("canonical")
        )
    return frame.sort("indicator", "year", "source")


def task_years(con, task_id: int) -> pl.DataFrame:
    """A task and the earlier years' tasks it continues (task_links), each as of its plan's last
    quarter: year, plan, number, title, completed, overdue, owners done of owners."""
    from loaders.storage.catalogue import task_chain

    chain = task_chain(con, task_id)
    return cached(con, _TASK_YEARS, tasks=chain)


_LINKED = """
select t.task_id, t.number || ' ' || t.title as label
from tasks t join task_links l on l.task_id = t.task_id and l.undone_at is null
where t.plan_id = $plan_id order by t.seq
"""


def linked_tasks(con, plan_id: int) -> pl.DataFrame:
    """Tasks of the plan linked to an earlier year's task (task_id, label)."""
    return cached(con, _LINKED, plan_id=plan_id)
