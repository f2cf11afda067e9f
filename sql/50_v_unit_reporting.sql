-- v_unit_reporting: each unit expected to report (it leads or is responsible for a task of a plan running then) × period: whether it reported, when, and whether on time (by the 10th of the month after the quarter)
create or replace view v_unit_reporting as
with expected as (
    select distinct s.unit_id, s.unit, s.unit_kind, s.year, s.quarter, s.period_index,
           p.report_due
    from v_task_status s
    join v_periods p on p.plan_id = s.plan_id and p.period_index = s.period_index
    where s.role in ('lead', 'responsible')
), uploaded as (
    select up.unit_id, up.year, up.quarter,
           min(u.uploaded_at) as first_uploaded_at,
           max(u.uploaded_at) filter (where up.superseded_by is null) as active_uploaded_at,
           max(up.upload_id) filter (where up.superseded_by is null) as upload_id,
           count(*) as uploads
    from upload_periods up
    join uploads u on u.upload_id = up.upload_id and u.outcome = 'stored'
    group by up.unit_id, up.year, up.quarter
)
select e.unit_id, e.unit, e.unit_kind, e.year, e.quarter, e.period_index, e.report_due,
       u.upload_id is not null as reported,
       u.first_uploaded_at, u.active_uploaded_at, u.upload_id, coalesce(u.uploads, 0) as uploads,
       coalesce(u.first_uploaded_at::date <= e.report_due, false) as on_time
from expected e
left join uploaded u using (unit_id, year, quarter)
