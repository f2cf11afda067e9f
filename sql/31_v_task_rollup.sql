-- v_task_rollup: each task × period as a whole: completed when every owning unit (牵头/责任) has it completed; a task naming no unit is never completed
create or replace view v_task_rollup as
with by_owner as (
    select plan_id, task_id, period_index,
           count(*) as owner_units,
           count(*) filter (where completed) as owner_units_completed,
           count(*) filter (where reported) as owner_units_reported,
           bool_and(completed) as completed
    from v_task_status
    where owner
    group by plan_id, task_id, period_index  -- plan_id: lets a plan filter reach v_task_status
)
select tp.plan_id, tp.action_id, tp.action_code, tp.task_id, tp.task_seq, tp.task_number,
       tp.task_title, tp.year, tp.quarter, tp.period_index, tp.deadline, tp.ongoing, tp.due,
       coalesce(o.owner_units, 0) as owner_units,
       coalesce(o.owner_units_completed, 0) as owner_units_completed,
       coalesce(o.owner_units_reported, 0) as owner_units_reported,
       coalesce(o.completed, false) as completed,
       tp.due and not coalesce(o.completed, false) as behind,
       tp.due and not tp.ongoing and not coalesce(o.completed, false) as overdue
from v_task_periods tp
left join by_owner o
  on o.plan_id = tp.plan_id and o.task_id = tp.task_id and o.period_index = tp.period_index
