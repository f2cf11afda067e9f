-- v_plans: every loaded document as the coordinator manages it: its name (renamed or as parsed), kind, years, whether it is tracked, archived, pinned as the current plan, the plan it replaces, and its latest reported quarter (activity)
create or replace view v_plans as
with reported as (
    select t.plan_id, period_index(p.year, p.quarter) as period, p.upload_id
    from task_progress p join tasks t using (task_id)
    union all
    select g.plan_id, period_index(v.year, v.quarter) as period, v.upload_id
    from indicator_values v join targets g using (target_id)
    where v.quarter is not null and v.upload_id > 0
), activity as (
    select plan_id, max(period) as last_period, count(distinct upload_id) as uploads
    from reported group by plan_id
), pinned as (
    select try_cast(value as integer) as plan_id from app_settings where key = 'current_plan'
)
select d.doc_id as plan_id,
       coalesce(s.title, d.title) as title,
       d.title as parsed_title,
       d.doc_number, d.issuer, d.issued_on, d.kind, d.year_from, d.year_to, d.file_id, d.seq,
       coalesce(s.tracked, d.kind in ('plan', 'breakdown_table')) as tracked,
       coalesce(s.archived, false) as archived,
       s.version_of,
       a.last_period,
       coalesce(a.uploads, 0) as uploads,
       coalesce(d.doc_id = (select max(plan_id) from pinned), false) as pinned
from documents d
left join plan_state s on s.plan_id = d.doc_id
left join activity a on a.plan_id = d.doc_id
