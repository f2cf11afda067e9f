-- v_task_status: each task × unit × period: the status in force (the latest reported up to the period), whether it is due, completed, overdue
-- Rules (DOMAIN "How completion is counted"):
-- - status: the latest status the unit reported for the task up to the period (carried forward);
--   for a task recurring every year (每年…) only this year's reports count.
-- - due: the deadline (for 每年… tasks, this year's date; without a deadline, the end of the
--   plan's last year) falls on or before the period's end; ongoing tasks (长期坚持) are always due.
-- - completed: status 已完成; an ongoing task counts as on track (completed) when the unit
--   reported progress (推进中/长期推进/已完成) in the period itself, and as behind when it did not.
-- - overdue: due, not ongoing, not completed.
-- - owner: lead (牵头) and responsible (责任) units own a task; when it names neither, its
--   cooperating (配合) units do. A unit named in two roles keeps the stronger one.
create or replace view v_task_status as
with assignments as (
    select task_id, unit_id,
           arg_min(role, case role when 'lead' then 1 when 'responsible' then 2 else 3 end) as role
    from task_units
    group by task_id, unit_id
), owned as (
    select *,
           role <> 'cooperating'
           or not bool_or(role <> 'cooperating') over (partition by task_id) as owner
    from assignments
), grid as (
    select t.plan_id, t.action_id, t.action_code, t.task_id, t.task_seq, t.task_number,
           t.task_title, t.ongoing, t.recurring, a.unit_id, a.role, a.owner,
           t.year, t.quarter, t.period_index, t.deadline, t.due
    from v_task_periods t
    join owned a using (task_id)
), latest as (
    select g.*, r.status as reported_status, r.year as status_year, r.quarter as status_quarter,
           r.period_index as status_index, r.upload_id
    from grid g
    asof left join v_active_progress r
      on r.task_id = g.task_id and r.unit_id = g.unit_id and g.period_index >= r.period_index
), judged as (
    select *,
           case when recurring = 'year' and status_year <> year then null
                else reported_status end as status,
           coalesce(status_index = period_index, false) as reported
    from latest
), completed as (
    select *,
           coalesce(case when ongoing then reported and status in ('推进中', '长期推进', '已完成')
                         else status = '已完成' end, false) as completed
    from judged
)
select c.plan_id, c.action_id, c.action_code, c.task_id, c.task_seq, c.task_number,
       c.task_title, c.unit_id, u.name as unit, u.kind as unit_kind, c.role, c.owner,
       c.year, c.quarter, c.period_index, c.deadline, c.ongoing,
       c.status, c.status_year, c.status_quarter, c.reported, c.upload_id,
       c.due, c.completed,
       c.due and not c.completed as behind,
       c.due and not c.ongoing and not c.completed as overdue
from completed c
join units u on u.unit_id = c.unit_id
