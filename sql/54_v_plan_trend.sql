-- v_plan_trend: each plan × period: completion of its due tasks, attainment of its indicators, overdue tasks and reporting units (the plan's actions summed)
create or replace view v_plan_trend as
with actions_summed as (
    select plan_id, year, quarter, period_index,
           sum(tasks_all)::integer as tasks_all,
           sum(tasks_total)::integer as tasks_total,
           sum(tasks_completed)::integer as tasks_completed,
           sum(indicators_expected)::integer as indicators_expected,
           sum(indicators_total)::integer as indicators_total,
           sum(indicators_reported)::integer as indicators_reported,
           sum(indicators_met)::integer as indicators_met,
           sum(overdue_tasks)::integer as overdue_tasks,
           sum(behind_tasks)::integer as behind_tasks
    from v_action_scorecard
    group by all
), units_of_plan as (
    select plan_id, period_index,
           count(*) as units_expected,
           count(*) filter (where reported) as units_reported,
           count(*) filter (where on_time) as units_on_time
    from v_plan_reporting
    group by all
)
select t.plan_id, t.year, t.quarter, t.period_index,
       period_label(t.year, t.quarter) as period_label,
       t.tasks_all, t.tasks_total, t.tasks_completed,
       rate_of(t.tasks_completed, t.tasks_total) as completion_rate,
       t.indicators_expected, t.indicators_total, t.indicators_reported, t.indicators_met,
       rate_of(t.indicators_met, t.indicators_total) as attainment_rate,
       t.overdue_tasks, t.behind_tasks,
       coalesce(u.units_expected, 0) as units_expected,
       coalesce(u.units_reported, 0) as units_reported,
       coalesce(u.units_on_time, 0) as units_on_time
from actions_summed t
left join units_of_plan u using (plan_id, period_index)
