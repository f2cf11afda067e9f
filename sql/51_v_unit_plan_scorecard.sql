-- v_unit_plan_scorecard: each unit × plan × period: its tasks as lead or responsible unit (cooperating counted apart) and its indicators
create or replace view v_unit_plan_scorecard as
with tasks_of_unit as (
    select unit_id, unit, unit_kind, plan_id, year, quarter, period_index,
           count(*) filter (where role <> 'cooperating') as tasks_assigned,
           count(*) filter (where role <> 'cooperating' and due) as tasks_total,
           count(*) filter (where role <> 'cooperating' and due and completed) as tasks_completed,
           count(*) filter (where role <> 'cooperating' and overdue) as overdue_tasks,
           count(*) filter (where role <> 'cooperating' and behind) as behind_tasks,
           count(*) filter (where role <> 'cooperating' and reported) as tasks_reported,
           count(*) filter (where role = 'cooperating' and due) as cooperating_total,
           count(*) filter (where role = 'cooperating' and due and completed)
               as cooperating_completed
    from v_task_status
    group by all
), indicators_of_unit as (
    select unit_id, plan_id, year, quarter, period_index,
           count(*) as indicators_expected,
           count(*) filter (where assessed) as indicators_total,
           count(actual) as indicators_reported,
           count(*) filter (where met) as indicators_met
    from v_indicator_attainment
    group by all
)
select t.unit_id, t.unit, t.unit_kind, t.plan_id, t.year, t.quarter, t.period_index,
       t.tasks_assigned, t.tasks_total, t.tasks_completed,
       rate_of(t.tasks_completed, t.tasks_total) as completion_rate,
       coalesce(i.indicators_expected, 0) as indicators_expected,
       coalesce(i.indicators_total, 0) as indicators_total,
       coalesce(i.indicators_reported, 0) as indicators_reported,
       coalesce(i.indicators_met, 0) as indicators_met,
       rate_of(i.indicators_met, i.indicators_total) as attainment_rate,
       t.overdue_tasks, t.behind_tasks, t.tasks_reported,
       t.cooperating_total, t.cooperating_completed,
       rate_of(t.cooperating_completed, t.cooperating_total) as cooperating_rate
from tasks_of_unit t
left join indicators_of_unit i using (unit_id, plan_id, year, quarter, period_index)
