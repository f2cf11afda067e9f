-- v_plan_reporting: each plan × unit expected to report for it (it leads or is responsible for one of its tasks) × period: whether the unit reported, when, and whether on time (by the 10th of the month after the quarter)
create or replace view v_plan_reporting as
with expected as (   -- a group (各镇街) is never chased itself: its members are, once listed
    select distinct t.plan_id, tu.unit_id
    from task_units tu
    join tasks t using (task_id)
    join units g on g.unit_id = tu.unit_id
    where tu.role in ('lead', 'responsible') and g.kind <> 'group'
)
select e.plan_id, e.unit_id, n.name as unit, n.kind as unit_kind, p.year, p.quarter,
       p.period_index, p.report_due,
       u.upload_id is not null as reported,
       u.first_uploaded_at, u.active_uploaded_at, u.upload_id, coalesce(u.uploads, 0) as uploads,
       coalesce(u.first_uploaded_at::date <= p.report_due, false) as on_time
from expected e
join units n on n.unit_id = e.unit_id
join v_periods p on p.plan_id = e.plan_id
left join v_unit_uploads u on u.unit_id = e.unit_id and u.period_index = p.period_index
