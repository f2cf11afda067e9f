-- v_periods: the reporting periods (年度 × 季度) of each plan: the quarters of its years that have begun, and any quarter with progress reported on it
create or replace view v_periods as
with plan_years as (
    select doc_id as plan_id, unnest(range(year_from, year_to + 1)) as year
    from documents
    where kind in ('plan', 'breakdown_table') and year_from is not null
), started as (
    select plan_id, year, quarter
    from plan_years, (select unnest([1, 2, 3, 4]) as quarter)
    where make_date(year::integer, quarter * 3 - 2, 1) <= current_date
), reported as (
    select t.plan_id, p.year, p.quarter from task_progress p join tasks t using (task_id)
    union
    select g.plan_id, v.year, v.quarter
    from indicator_values v join targets g using (target_id)
    where v.quarter is not null
), periods as (
    select plan_id, year, quarter from started
    union
    select plan_id, year, quarter from reported
)
select plan_id,
       year::integer as year,
       quarter::integer as quarter,
       period_index(year, quarter) as period_index,            -- orders periods across years
       make_date(year::integer, quarter * 3 - 2, 1) as period_start,
       last_day(make_date(year::integer, quarter * 3, 1)) as period_end,
       report_due(year, quarter) as report_due,                 -- 报送截止
       period_label(year, quarter) as period_label
from periods
