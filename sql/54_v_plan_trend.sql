-- v_plan_trend: each plan × period: completion of its due tasks, attainment of its indicators, overdue tasks and reporting units
create or replace view v_plan_trend as
with tasks_of_plan as (
    select plan_id, year, quarter, period_index,
           count(*) as tasks_all,
           count(*) filter (where due) as tasks_total,
           count(*) filter (where due and completed) as tasks_completed,
           count(*) filter (where overdue) as overdue_tasks,
           count(*) filter (where behind) as behind_tasks
    from v_task_rollup
    group by all
), indicators_of_plan as (
    select plan_id, period_index,
           count(*) as indicators_expected,
           count(actual) as indicators_total,
           count(*) filter (where met) as indicators_met
    from v_indicator_attainment
    group by all
), units_of_plan as (
    select s.plan_id, s.period_index,
           count(distinct s.unit_id) as units_expected,
           count(distinct s.unit_id) filter (where r.reported) as units_reported,
           count(distinct s.unit_id) filter (where r.on_time) as units_on_time
    from v_task_status s
    join v_unit_reporting r using (unit_id, period_index)
    where s.role <> 'cooperating'
    group by all
)
select t.plan_id, t.year, t.quarter, t.period_index,
       t.year || '年第' || t.quarter || '季度' as period_label,
       t.tasks_all, t.tasks_total, t.tasks_completed,
       rate_of(t.tasks_completed, t.tasks_total) as completion_rate,
       coalesce(i.indicators_expected, 0) as indicators_expected,
       coalesce(i.indicators_total, 0) as indicators_total,
       coalesce(i.indicators_met, 0) as indicators_met,
       rate_of(i.indicators_met, i.indicators_total) as attainment_rate,
       t.overdue_tasks, t.behind_tasks,
       coalesce(u.units_expected, 0) as units_expected,
       coalesce(u.units_reported, 0) as units_reported,
       coalesce(u.units_on_time, 0) as units_on_time
from tasks_of_plan t
left join indicators_of_plan i using (plan_id, period_index)
left join units_of_plan u using (plan_id, period_index)
