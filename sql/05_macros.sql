-- macros: small formulas shared by the views: a rate with NULL on an empty denominator, and whether an actual meets its target
create or replace macro rate_of(part, whole) as
    case when whole > 0 then part / whole end;

-- met: the actual satisfies the comparator against the target (rounded, so that 100 × 9 / 10
-- meets 90); NULL without an actual, and NULL for a figure that is not a finite number (in
-- DuckDB NaN compares greater than every number: NaN >= 60 is true)
create or replace macro meets(actual, comparator, target) as
    case when actual is null or not isfinite(actual) or not isfinite(target) then null
         when comparator = '>=' then round(actual, 9) >= target
         when comparator = '>' then round(actual, 9) > target
         when comparator = '<=' then round(actual, 9) <= target
         when comparator = '<' then round(actual, 9) < target
         else round(actual, 9) = target end;

-- the same indicator under two spellings: equal, or one ends with the other when that one is
-- at least four characters long ("行政机关负责人出庭应诉率" and "出庭应诉率"); units must agree
create or replace macro same_indicator(name_a, unit_a, name_b, unit_b) as
    unit_a = unit_b and (
        name_a = name_b
        or (length(name_b) >= 4 and name_a like '%' || name_b)
        or (length(name_a) >= 4 and name_b like '%' || name_a));

-- an indicator's combined figure from its parts, by measure: a rate from summed 分子/分母
-- (NULL when the denominator is 0; `rate_given` when no 分子/分母 were given), a limit in time
-- units its worst value (the smallest for ≥ targets, the largest otherwise), anything else summed
create or replace macro combined_actual(measure, comparator, numerator, denominator, rate_given,
                                        smallest, largest, total) as
    case measure
        when 'rate' then
            case when denominator > 0 then 100.0 * numerator / denominator
                 when denominator is null then rate_given end
        when 'limit' then
            case when comparator in ('>=', '>') then smallest else largest end
        else total
    end;

-- periods (年度 × 季度), the same formulas as loaders/periods.py (tests/test_views.py checks that
-- both agree): an index that orders quarters across years, the label shown everywhere, and the
-- report due date (报送截止: the 10th of the month after the quarter)
create or replace macro period_index(year, quarter) as (year * 4 + quarter - 1)::integer;

create or replace macro period_label(year, quarter) as year || '年第' || quarter || '季度';

create or replace macro report_due(year, quarter) as
    case when quarter = 4 then make_date(year::integer + 1, 1, 10)
         else make_date(year::integer, quarter * 3 + 1, 10) end;
