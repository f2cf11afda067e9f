-- v_indicator_yearly: each indicator × year for the whole region: the year's figure from the quarterly reports (as of the year's last period) and from annual reports (年度报告), for comparing years; doc_id: the plan or report it comes from
create or replace view v_indicator_yearly as
with last_period as (
    select plan_id, year, max(period_index) as period_index
    from v_periods
    group by all
), reported as (
    select r.indicator, r.measure_unit, r.year, r.quarter, '季度填报' as source,
           r.actual, r.comparator, r.target, r.met, r.plan_id, r.plan_id as doc_id, r.target_id,
           null::integer as achievement_id, null as indicator_written
    from v_indicator_region r
    join last_period l using (plan_id, year, period_index)
), linked as (
    select achievement_id, arg_min(target_id, target_id) as target_id
    from indicator_values
    where source = 'annual_report'
    group by all
), named as (  -- the plan's name for the indicator, so that years line up
    select a.achievement_id, min(g.indicator) as plan_indicator
    from achievements a
    join targets g on same_indicator(g.indicator, g.unit, a.indicator, a.unit)
    group by all
), annual as (
    select coalesce(n.plan_indicator, a.indicator) as indicator, a.unit as measure_unit, a.year, null::integer as quarter,
           '年度报告' as source, a.value as actual, g.comparator, g.value as target,
           meets(a.value, g.comparator, g.value) as met, g.plan_id, a.doc_id, g.target_id,
           a.achievement_id, a.indicator as indicator_written
    from achievements a
    left join named n using (achievement_id)
    left join linked l using (achievement_id)
    left join targets g on g.target_id = l.target_id
    where a.year is not null
)
select * from reported
union all
select * from annual
