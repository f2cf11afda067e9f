"""Queries over the stored plans, tasks, units and uploads (the tables of sql/00_schema.sql), for the
计划与任务 and 数据填报 pages. Each returns a polars DataFrame, cached per database file until the
data changes (analytics.db.cached; call analytics.db.clear_caches() after a write). Parameters are
always bound, never formatted into the SQL text. The dashboard's queries over the views are in
analytics.scorecards.
"""

from __future__ import annotations

import re

import duckdb
import polars as pl

from analytics.db import cached, memo

# A target as read in the UI: "投诉举报办结率 ≥ 90%", "行政执法案卷评查 ≥ 1次/年".
_TARGET_LABEL = """
    indicator || ' '
    || case comparator when '>=' then '≥' when '<=' then '≤' else comparator end || ' '
    || regexp_replace(cast(value as varchar), '\\.0$', '') || unit
    || case per when 'year' then '/年' when 'quarter' then '/季度' else '' end
"""

_LIST_PLANS = """
select plan_id, title, doc_number, issuer, issued_on, kind, year_from, year_to,
       case when year_from is null then null
            when year_from = year_to then year_from || '年'
            else year_from || '—' || year_to || '年' end as years_label,
       (select count(*) from actions a where a.plan_id = p.plan_id) as actions,
       (select count(*) from tasks t where t.plan_id = p.plan_id) as tasks,
       f.name as file_name, f.loaded_at, p.tracked, p.archived, p.pinned, p.version_of,
       p.parsed_title, p.uploads
from v_plans p join source_files f using (file_id)
where $everything or (p.tracked and not p.archived)
order by coalesce(p.year_to, p.year_from) desc nulls last, p.last_period desc nulls last,
         p.uploads desc, p.plan_id desc
"""

_PLAN_ACTIONS = f"""
with section_targets as (
    select action_id, string_agg({_TARGET_LABEL}, '；' order by seq) as section_targets
    from targets where task_id is null and action_id is not null group by action_id
)
select a.action_id, a.seq, a.code, a.title,
       (select count(*) from tasks t where t.action_id = a.action_id) as tasks,
       coalesce(s.section_targets, '') as section_targets
from actions a left join section_targets s using (action_id)
where a.plan_id = $plan_id
order by a.seq
"""

_TASKS = f"""
with units_by_role as (
    select tu.task_id,
           string_agg(u.name, '、' order by tu.seq) filter (where tu.role = 'lead') as lead_units,
           string_agg(u.name, '、' order by tu.seq) filter (where tu.role = 'responsible')
               as responsible_units,
           string_agg(u.name, '、' order by tu.seq) filter (where tu.role = 'cooperating')
               as cooperating_units
    from task_units tu join units u using (unit_id)
    group by tu.task_id
), task_targets as (
    select task_id, string_agg({_TARGET_LABEL}, '；' order by seq) as targets
    from targets where task_id is not null group by task_id
), matching as (
    select t.task_id from tasks t
    where t.plan_id = $plan_id
      and ($q is null
           or contains(lower(t.title), lower($q)) or contains(lower(t.text), lower($q))
           or exists (select 1 from task_units tu join units u using (unit_id)
                      where tu.task_id = t.task_id
                        and (contains(lower(u.name), lower($q))
                             or contains(lower(tu.name_written), lower($q)))))
)
select t.task_id, t.action_id, a.code as action_code, a.title as action_title, t.seq, t.number,
       t.title, t.text,
       coalesce(r.lead_units, '') as lead_units,
       coalesce(r.responsible_units, '') as responsible_units,
       coalesce(r.cooperating_units, '') as cooperating_units,
       coalesce(t.deadline_text, case when t.ongoing then '长期' else '' end) as deadline_text,
       t.deadline, t.ongoing, t.recurring,
       case when t.ongoing then '长期'
            when t.deadline is not null then strftime(t.deadline, '%Y-%m-%d')
                || case when t.recurring = 'year' then '（每年）' else '' end
            when t.recurring = 'year' then '每年'
            else '' end as due,
       coalesce(g.targets, '') as targets,
       array_to_string(coalesce(t.review_notes, []::varchar[]), '；') as review
from matching join tasks t using (task_id) join actions a on a.action_id = t.action_id
left join units_by_role r using (task_id) left join task_targets g using (task_id)
order by t.seq
"""

_PLAN_TARGETS = f"""
select g.target_id, a.code as action_code, t.number as task_number,
       case when g.task_id is null then '行动/方案整体' else '任务' end as level,
       g.indicator, case g.comparator when '>=' then '≥' when '<=' then '≤' else g.comparator end
           as comparator,
       g.value, g.unit, g.per, g.year, {_TARGET_LABEL} as label,
       g.text
from targets g left join actions a on a.action_id = g.action_id
left join tasks t on t.task_id = g.task_id
where g.plan_id = $plan_id
order by g.seq
"""

_UNRESOLVED_UNITS = """
select u.name, case u.kind when 'group' then '单位组' else '单位' end as kind,
       coalesce(u.level, '') as level,
       count(distinct tu.task_id) as tasks,
       coalesce(string_agg(distinct tu.name_written, '、'), '') as written_as,
       u.created_at
from units u left join task_units tu using (unit_id)
where not u.reviewed
group by u.unit_id, u.name, u.kind, u.level, u.created_at
order by tasks desc, u.name
"""

_UNIT_NAMES = """
select name from units order by reviewed desc, name
"""

_UPLOADS = """
with periods as (
    select p.upload_id,
           string_agg(distinct u.name, '、') as units,
           string_agg(distinct period_label(p.year, p.quarter), '、') as periods,
           bool_or(p.superseded_by is null) as active,
           max(p.superseded_by) as superseded_by
    from upload_periods p join units u using (unit_id)
    group by p.upload_id
)
select up.upload_id, up.file_name, up.uploaded_by, up.uploaded_at,
       coalesce(p.units, up.reporting_unit, '') as units, coalesce(p.periods, '') as periods,
       up.task_rows, up.indicator_rows,
       case when up.outcome = 'rejected' then '未通过校验'
            when p.active then '当前有效'
            else '已被第 ' || p.superseded_by || ' 号替换' end as state,
       up.outcome = 'stored' and not coalesce(p.active, true) as restorable,
       coalesce(array_to_string(up.messages, '；'), '') as messages
from uploads up left join periods p using (upload_id)
order by up.upload_id desc
"""

_PLAN_YEARS = """
select distinct unnest(range(coalesce(year_from, year_to), coalesce(year_to, year_from) + 1)) as year
from documents where kind in ('plan', 'breakdown_table') and coalesce(year_from, year_to) is not null
order by year
"""

_QUERIES = {
    "uploads": _UPLOADS,
    "plan_years": _PLAN_YEARS,
    "unit_names": _UNIT_NAMES,
    "list_plans": _LIST_PLANS,
    "plan_actions": _PLAN_ACTIONS,
    "tasks": _TASKS,
    "plan_targets": _PLAN_TARGETS,
    "unresolved_units": _UNRESOLVED_UNITS,
}


def _named(con: duckdb.DuckDBPyConnection, name: str, **params: object) -> pl.DataFrame:
    return cached(con, _QUERIES[name], **params)


def list_plans(con: duckdb.DuckDBPyConnection, everything: bool = False) -> pl.DataFrame:
    """Tracked plans and tables by year (newest first), then activity, with action and task
    counts; everything: every loaded document, reports and archived ones included."""
    return _named(con, "list_plans", everything=everything)


def current_plan_id(con: duckdb.DuckDBPyConnection) -> int | None:
    """The plan every page opens on (pinned by the coordinator, else the most active)."""
    from loaders.storage.plan_admin import current_plan_id as current

    return memo(con, "current_plan_id", current)


def plan_actions(con: duckdb.DuckDBPyConnection, plan_id: int) -> pl.DataFrame:
    """The actions (行动) of a plan in order, with task counts and section-level targets."""
    return _named(con, "plan_actions", plan_id=plan_id)


def tasks_frame(
    con: duckdb.DuckDBPyConnection, plan_id: int, search: str | None = None
) -> pl.DataFrame:
    """Tasks of a plan in order: units by role as 、-joined names, deadline, targets.

    `search` keeps tasks whose title or text contains it, or that name a unit containing it
    (canonical or as written), ignoring ASCII case. Blank means no filter.
    """
    q = search.strip() if search and search.strip() else None
    return _named(con, "tasks", plan_id=plan_id, q=q)


def plan_targets(con: duckdb.DuckDBPyConnection, plan_id: int) -> pl.DataFrame:
    """All targets (指标) of a plan, task-level and section-level, in source order."""
    return _named(con, "plan_targets", plan_id=plan_id)


def unresolved_units(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Units created from documents and not yet reviewed (单位待确认), most used first."""
    return _named(con, "unresolved_units")


def unit_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every unit in the registry, reviewed ones first (targets for a merge)."""
    return _named(con, "unit_names")["name"].to_list()


def upload_history(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Every upload, newest first: who, when, units, periods, rows, and whether it is active."""
    return _named(con, "uploads")


def plan_years(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Years covered by the loaded plans (for the period pickers)."""
    return _named(con, "plan_years")["year"].to_list()


# The administrative level a plan's title opens with (青禾县…, 某某市人民政府…, 中共某省委…) and the
# word for "all of it" at that level, for the region-wide figures (全县合计, 按全市本年累计).
_LEVEL_WORDS = {
    "自治区": "全区",
    "省": "全省",
    "自治州": "全州",
    "州": "全州",
    "盟": "全盟",
    "市": "全市",
    "自治县": "全县",
    "县": "全县",
    "区": "全区",
    "旗": "全旗",
}
_PLACE = re.compile(
    r"[^\s\d局委办厅府于的和及年与、，]{1,7}?(自治区|自治州|自治县|省|州|盟|市|县|区|旗)(?![场民级直省市县区州盟旗])"
)
_OPENING = re.compile(r"^(?:关于|中共|中国共产党)")


def region_word(title: str | None) -> str:
    """全县 / 全市 / 全区 / 全省 … from the place name a plan's title opens with; 全部单位 when
    the title names no place (a department's own plan, an untitled table)."""
    text = _OPENING.sub("", title or "")
    level, at = None, 0
    while found := _PLACE.match(text, at):  # 某市某区…: the last of the places named in a row
        level, at = found.group(1), found.end()
    return _LEVEL_WORDS[level] if level else "全部单位"
