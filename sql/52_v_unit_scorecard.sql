-- v_unit_scorecard: each unit × period over all plans: completion of the tasks it leads or is responsible for, attainment of its indicators, overdue tasks, and whether it reported on time
create or replace view v_unit_scorecard as
with summed as (
    select unit_id, unit, unit_kind, year, quarter, period_index,
           sum(tasks_assigned)::integer as tasks_assigned,
           sum(tasks_total)::integer as tasks_total,
           sum(tasks_completed)::integer as tasks_completed,
           sum(indicators_expected)::integer as indicators_expected,
           sum(indicators_total)::integer as indicators_total,
           sum(indicators_reported)::integer as indicators_reported,
           sum(indicators_met)::integer as indicators_met,
           sum(overdue_tasks)::integer as overdue_tasks,
           sum(behind_tasks)::integer as behind_tasks,
           sum(tasks_reported)::integer as tasks_reported,
           sum(cooperating_total)::integer as cooperating_total,
           sum(cooperating_completed)::integer as cooperating_completed
    from v_unit_plan_scorecard
    group by all
)
select s.unit_id, s.unit, s.unit_kind, s.year, s.quarter, s.period_index,
       s.tasks_assigned, s.tasks_total, s.tasks_completed,
       rate_of(s.tasks_completed, s.tasks_total) as completion_rate,
       s.indicators_expected, s.indicators_total, s.indicators_reported, s.indicators_met,
       rate_of(s.indicators_met, s.indicators_total) as attainment_rate,
       s.overdue_tasks, s.behind_tasks, s.tasks_reported,
       s.cooperating_total, s.cooperating_completed,
       rate_of(s.cooperating_completed, s.cooperating_total) as cooperating_rate,
       r.report_due, coalesce(r.reported, false) as reported,
       r.first_uploaded_at, coalesce(r.on_time, false) as on_time
from summed s
left join v_unit_reporting r using (unit_id, year, quarter, period_index)
