-- v_unit_reporting: each unit expected to report (it leads or is responsible for a task of a plan running then) × period: whether it reported, when, and whether on time (by the 10th of the month after the quarter)
create or replace view v_unit_reporting as
select distinct unit_id, unit, unit_kind, year, quarter, period_index, report_due, reported,
       first_uploaded_at, active_uploaded_at, upload_id, uploads, on_time
from v_plan_reporting
