-- v_active_progress: the task rows in force: each unit × task × quarter's row from the latest upload carrying it (or the one restored), stored uploads only
-- A row is in force while no later upload replaced it (replaced_by is null) and its upload is
-- active for the unit-period (databases made before rows were replaced one by one mark only that).
create or replace view v_active_progress as
select p.task_id, p.unit_id, p.year, p.quarter,
       (p.year * 4 + p.quarter - 1)::integer as period_index,
       p.status, p.note, p.evidence, p.upload_id, p.sheet, p.row_no,
       u.file_name, u.uploaded_by, u.uploaded_at, t.plan_id
from task_progress p
join tasks t on t.task_id = p.task_id
join upload_periods up
  on up.upload_id = p.upload_id and up.unit_id = p.unit_id
 and up.year = p.year and up.quarter = p.quarter and up.superseded_by is null
join uploads u on u.upload_id = p.upload_id and u.outcome = 'stored'
where p.replaced_by is null
