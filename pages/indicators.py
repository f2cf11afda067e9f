"""指标: one indicator across units and periods against its target line."""

import polars as pl
import streamlit as st

from analytics import charts, plan_data, scorecards
from analytics.db import get_connection
from ui import briefing, downloads, draw, filters, meeting, numbers, tables
from ui.routing import through_router

through_router(__file__)

con = get_connection()
f = filters.sidebar(con)
big = meeting.start(__file__, f)
st.title("指标")
filters.require_period(f)
targets = scorecards.plan_indicators(con, f.plan_id)
if targets.is_empty():
    st.info("本计划的任务没有量化指标。")
    if not big:
        briefing.briefing_section(con, f.plan_id, f.period, key="indicators_brief")
    st.stop()
labels = {
    r[
        "target_id"
    ]: f"{r['task_number']}. {r['indicator']}（{charts.target_label(r['comparator'], r['target'], r['measure_unit'])}）"
    for r in targets.iter_rows(named=True)
}
target_id = st.selectbox("指标", list(labels), format_func=labels.get, key="indicator_choice")
target = targets.filter(pl.col("target_id") == target_id).row(0, named=True)
by_unit = scorecards.indicator_by_unit(con, target_id)
everyone = plan_data.region_word(f.plan_title)  # 全县 / 全市 / … from the plan's title
region = scorecards.indicator_region(con, target_id).with_columns(
    unit=pl.lit(f"{everyone}（合计）")
)
if f.unit_id is not None:
    by_unit = by_unit.filter(pl.col("unit_id") == f.unit_id)
lines = charts.up_to(
    pl.concat(
        [
            by_unit.select("unit", "year", "quarter", "period_index", "actual"),
            region.select("unit", "year", "quarter", "period_index", "actual"),
        ]
    ),
    f.period,
).sort("period_index")
chart = draw.built(
    charts.indicator_lines,
    lines,
    "unit",
    f"{target['indicator']}：各单位本年累计",
    target["comparator"],
    target["target"],
    target["measure_unit"],
    big=big,
)
tables.chart(chart)
st.caption("本年累计：比率为各季度分子之和 ÷ 分母之和；次数等按季度累加；每年重新累计。")

now = by_unit.filter(pl.col("period_index") == f.period).with_columns(
    result=pl.when(pl.col("met").is_null())
    .then(pl.lit("无数据"))
    .when(pl.col("met"))
    .then(pl.lit("达标"))
    .otherwise(pl.lit("未达标")),
    actual=pl.col("actual").round(2),
)
st.subheader(f"{f.period_label} 各单位")
shown = tables.table(
    now,
    {
        "unit": "单位",
        "actual": f"本年累计（{target['measure_unit']}）",
        "result": "是否达标",
        "numerator": "分子合计",
        "denominator": "分母合计",
    },
    key="indicator_units",
)
total = region.filter(pl.col("period_index") == f.period)
if total.height:
    r = total.row(0, named=True)
    value = numbers.measure(r["actual"], target["measure_unit"])
    st.metric(
        f"{everyone}合计",
        value,
        help=f"{r['units_reported']}/{r['units_total']} 个单位有数据，{r['units_met']} 个达标",
    )
if not big:  # no export buttons on a projector
    downloads.downloads(target["indicator"], chart, shown, "indicator")
    briefing.briefing_section(con, f.plan_id, f.period, key="indicators_brief")
