-- v_active_indicator_values: the indicator figures of each unit-period's active upload (superseded and rejected uploads left out)
create or replace view v_active_indicator_values as
select v.target_id, v.unit_id, v.year, v.quarter, v.numerator, v.denominator, v.actual,
       v.upload_id, v.sheet, v.row_no, u.file_name, u.uploaded_by, u.uploaded_at, g.plan_id
from indicator_values v
join targets g on g.target_id = v.target_id
join upload_periods up
  on up.upload_id = v.upload_id and up.unit_id = v.unit_id
 and up.year = v.year and up.quarter = v.quarter and up.superseded_by is null
join uploads u on u.upload_id = v.upload_id and u.outcome = 'stored'
where v.source = 'upload'
