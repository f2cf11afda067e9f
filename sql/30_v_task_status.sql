-- v_task_status: each task × unit × period: the status in force (the latest reported up to the period), whether it is due, completed, overdue
-- Rules (docs/views.md, "How completion is counted"):
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
with assignments as (  -- with the plan, so that a plan filter reaches task_units
    select t.plan_id, tu.task_id, tu.unit_id,
           arg_min(tu.role, case tu.role when 'lead' then 1 when 'responsible' then 2 else 3 end)
               as role
    from task_units tu
    join tasks t using (task_id)
    group by all
), owned as (
    select *,
           role <> 'cooperating'
           or not bool_or(role <> 'cooperating') over (partition by plan_id, task_id) as owner
    from assignments
), grid as (
    select t.plan_id, t.action_id, t.action_code, t.task_id, t.task_seq, t.task_number,
           t.task_title, t.ongoing, t.recurring, a.unit_id, a.role, a.owner,
           t.year, t.quarter, t.period_index, t.deadline, t.due
    from v_task_periods t
    join owned a using (plan_id, task_id)
), latest as (  -- the latest report up to each period (grouped by every grid column, so
                 -- that filters on any of them reach the grid)
    select g.*,
           arg_max({'status': r.status, 'year': r.year, 'quarter': r.quarter,
                    'period_index': r.period_index, 'upload_id': r.upload_id},
                   r.period_index) as last_report
    from grid g
    left join v_active_progress r
      on r.plan_id = g.plan_id and r.task_id = g.task_id and r.unit_id = g.unit_id
     and r.period_index <= g.period_index
    group by all
), carried as (
    select * exclude (last_report),
           last_report.status as reported_status, last_report.year as status_year,
           last_report.quarter as status_quarter, last_report.period_index as status_index,
           last_report.upload_id as upload_id
    from latest
), judged as (
    select *,
           case when recurring = 'year' and status_year <> year then null
                else reported_status end as status,
           coalesce(status_index = period_index, false) as reported
    from carried
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
