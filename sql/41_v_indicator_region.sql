-- v_indicator_region: each task indicator × period for the whole region: the reporting units' year-to-date figures combined (rates from summed 分子/分母, counts summed, limits the worst unit)
create or replace view v_indicator_region as
with combined as (
    select plan_id, action_id, action_code, task_id, task_number, target_id, target_seq,
           indicator, year, quarter, period_index, measure_unit, measure, comparator, target,
           per, target_text,
           sum(numerator) as numerator,
           sum(denominator) as denominator,
           sum(actual) as actual_sum,
           max(actual) as actual_max,
           min(actual) as actual_min,
           avg(actual) as actual_mean,
           count(*) as units_total,
           count(actual) as units_reported,
           count(*) filter (where met) as units_met
    from v_indicator_attainment
    group by all
), valued as (
    select *,
           combined_actual(measure, comparator, numerator, denominator, actual_mean,
                           actual_min, actual_max, actual_sum) as actual
    from combined
)
select plan_id, action_id, action_code, task_id, task_number, target_id, target_seq, indicator,
       year, quarter, period_index, actual, measure_unit, measure, comparator, target, per,
       target_text,
       meets(actual, comparator, target) as met,
       numerator, denominator, units_total, units_reported, units_met
from valued
