-- v_indicator_attainment: each task indicator × reporting unit (牵头/责任) × period: the year-to-date actual against the target, and whether it is met
-- actual, in the indicator's own unit (86.7 for 86.7 %, 2 for 2 次), as of the period:
-- - rates (%): 100 × sum(分子) / sum(分母) over the year's quarters up to the period; NULL when the
--   summed denominator is 0; a rate given only as 实际值 (no 分子/分母): the latest one given.
-- - limits in time units (个工作日, 小时 …): the worst quarter so far (the largest for ≤ targets,
--   the smallest for ≥ targets).
-- - counts and other amounts (次, 件, 学时 …): summed over the year's quarters so far.
-- - per-quarter targets ("每季度至少1次") use the period's own quarter only.
-- A target set for one year (2024年达到90%) applies to that year's periods only.
create or replace view v_indicator_attainment as
with reporters as (  -- with the plan, so that a plan filter reaches task_units
    select t.plan_id, tu.task_id, tu.unit_id
    from task_units tu
    join tasks t using (task_id)
    group by all
    having bool_or(tu.role in ('lead', 'responsible'))
), grid as (
    select g.target_id, g.plan_id, g.task_id, g.seq as target_seq, g.indicator,
           g.comparator, g.value as target, g.unit as measure_unit, g.per, g.text as target_text,
           r.unit_id, p.year, p.quarter, p.period_index,
           case when g.unit = '%' then 'rate'
                -- time limits and levels (‰, 分贝, rates per area or time: 毫米/年, 吨/日)
                when g.unit in ('个工作日', '工作日', '日', '天', '小时', '分钟', '个月', '周', '‰',
                                '分贝')
                     or g.unit like '%/%' then 'limit'
                else 'count' end as measure
    from targets g
    join reporters r using (plan_id, task_id)
    join v_periods p on p.plan_id = g.plan_id
    where g.year is null or g.year = p.year
), figures as (  -- grouped by every grid column, so that filters on any of them reach the grid
    select g.*,
           sum(v.numerator) filter (where v.denominator is not null) as numerator,
           sum(v.denominator) filter (where v.numerator is not null) as denominator,
           sum(v.actual) as actual_sum,
           max(v.actual) as actual_max,
           min(v.actual) as actual_min,
           arg_max(v.actual, v.quarter) filter (where v.actual is not null) as actual_latest,
           count(distinct v.quarter) as quarters_reported,
           coalesce(bool_or(v.quarter = g.quarter), false) as reported,
           coalesce(list_sort(list(distinct v.upload_id) filter (where v.upload_id is not null)),
                    []) as upload_ids
    from grid g
    left join v_active_indicator_values v
      on v.plan_id = g.plan_id and v.target_id = g.target_id and v.unit_id = g.unit_id
     and v.year = g.year
     and v.quarter <= g.quarter and (g.per is distinct from 'quarter' or v.quarter = g.quarter)
    group by all
), valued as (
    select *,
           combined_actual(measure, comparator, numerator, denominator, actual_latest,
                           actual_min, actual_max, actual_sum) as actual
    from figures
)
select v.plan_id, t.action_id, a.code as action_code, v.task_id, t.number as task_number,
       v.target_id, v.target_seq, v.indicator, v.unit_id, u.name as unit,
       v.year, v.quarter, v.period_index,
       v.actual, v.measure_unit, v.measure, v.comparator, v.target, v.per, v.target_text,
       meets(v.actual, v.comparator, v.target) as met,
       v.numerator, v.denominator, v.quarters_reported, v.reported, v.upload_ids,
       -- counted in attainment rates: with a figure, or nothing reported this year (then not
       -- met); a rate reported with no cases (0 of 0) is left out
       v.actual is not null or v.quarters_reported = 0 as assessed
from valued v
join tasks t on t.task_id = v.task_id
join actions a on a.action_id = t.action_id
join units u on u.unit_id = v.unit_id
