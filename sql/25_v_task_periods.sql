-- v_task_periods: each task × period of its plan with the deadline in force and whether the task is due by the period's end (by today for the quarter under way)
-- The deadline: for a task recurring every year (每年…) this year's date; without a deadline, the
-- end of the plan's last year; ongoing tasks (长期坚持) have none and are due in every period.
create or replace view v_task_periods as
with dated as (
    select t.plan_id, t.action_id, t.task_id, t.seq as task_seq, t.number as task_number,
           t.title as task_title, t.ongoing, t.recurring,
           p.year, p.quarter, p.period_index, p.period_end,
           case when t.ongoing then null
                when t.recurring = 'year' and t.deadline is not null
                    then (t.deadline + to_years((p.year - year(t.deadline))::integer))::date
                else coalesce(t.deadline, make_date(coalesce(d.year_to, p.year), 12, 31))
           end as deadline
    from tasks t
    join documents d on d.doc_id = t.plan_id
    join v_periods p on p.plan_id = t.plan_id
)
select d.*, a.code as action_code,
       -- as of the period's end, or today for the quarter under way
       d.ongoing or d.deadline <= least(d.period_end, current_date) as due
from dated d
join actions a on a.action_id = d.action_id
