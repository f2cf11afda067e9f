-- v_active_indicator_values: the indicator figures in force: each unit × indicator × quarter's row from the latest upload carrying it (or the one restored), stored uploads only
-- In force as in v_active_progress. A figure that is not a finite number (NaN, INF: refused on
-- upload, but never trusted here) reads as NULL, so it can never meet a target.
create or replace view v_active_indicator_values as
select v.target_id, v.unit_id, v.year, v.quarter,
       case when isfinite(v.numerator) then v.numerator end as numerator,
       case when isfinite(v.denominator) then v.denominator end as denominator,
       case when isfinite(v.actual) then v.actual end as actual,
       v.note, v.upload_id, v.sheet, v.row_no, u.file_name, u.uploaded_by, u.uploaded_at, g.plan_id
from indicator_values v
join targets g on g.target_id = v.target_id
join upload_periods up
  on up.upload_id = v.upload_id and up.unit_id = v.unit_id
 and up.year = v.year and up.quarter = v.quarter and up.superseded_by is null
join uploads u on u.upload_id = v.upload_id and u.outcome = 'stored'
where v.source = 'upload' and v.replaced_by is null
