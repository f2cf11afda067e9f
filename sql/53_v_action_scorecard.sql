-- v_action_scorecard: each action (行动) × period: completion of its due tasks (a task is completed when all its owning units completed it) and attainment of its indicators (indicator × unit)
create or replace view v_action_scorecard as
with tasks_of_action as (
    select plan_id, action_id, action_code, year, quarter, period_index,
           count(*) as tasks_all,
           count(*) filter (where due) as tasks_total,
           count(*) filter (where due and completed) as tasks_completed,
           count(*) filter (where overdue) as overdue_tasks,
           count(*) filter (where behind) as behind_tasks
    from v_task_rollup
    group by all
), indicators_of_action as (
    select plan_id, action_id, period_index,
           count(*) as indicators_expected,
           count(*) filter (where assessed) as indicators_total,
           count(actual) as indicators_reported,
           count(*) filter (where met) as indicators_met
    from v_indicator_attainment
    group by all
)
select t.plan_id, t.action_id, t.action_code, a.title as action_title, a.seq as action_seq,
       t.year, t.quarter, t.period_index,
       t.tasks_all, t.tasks_total, t.tasks_completed,
       rate_of(t.tasks_completed, t.tasks_total) as completion_rate,
       coalesce(i.indicators_expected, 0) as indicators_expected,
       coalesce(i.indicators_total, 0) as indicators_total,
       coalesce(i.indicators_reported, 0) as indicators_reported,
       coalesce(i.indicators_met, 0) as indicators_met,
       rate_of(i.indicators_met, i.indicators_total) as attainment_rate,
       t.overdue_tasks, t.behind_tasks
from tasks_of_action t
join actions a on a.action_id = t.action_id
left join indicators_of_action i
  on i.plan_id = t.plan_id and i.action_id = t.action_id and i.period_index = t.period_index
