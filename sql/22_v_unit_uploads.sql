-- v_unit_uploads: each unit × period with stored uploads: the first upload's time, the latest upload with rows in force (upload_id) and how many were stored
create or replace view v_unit_uploads as
select up.unit_id, up.year, up.quarter, (up.year * 4 + up.quarter - 1)::integer as period_index,
       min(u.uploaded_at) as first_uploaded_at,
       max(u.uploaded_at) filter (where up.superseded_by is null) as active_uploaded_at,
       max(up.upload_id) filter (where up.superseded_by is null) as upload_id,
       count(*) as uploads
from upload_periods up
join uploads u on u.upload_id = up.upload_id and u.outcome = 'stored'
group by up.unit_id, up.year, up.quarter
