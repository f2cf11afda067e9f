"""按年度: quarter by quarter and year over year, for completion and for each indicator (annual
report figures included)."""

import polars as pl
import streamlit as st

from analytics import charts, scorecards
from analytics.db import get_connection
from ui import briefing, downloads, draw, filters, meeting, tables
from ui.routing import through_router

through_router(__file__)

con = get_connection()
f = filters.sidebar(con)
big = meeting.start(__file__, f)
st.title("按年度")
docs = scorecards.series(con, f.plan_id) if f.plan_id else []
periods = scorecards.yearly_periods(con, docs)
if f.period is not None and not periods.is_empty():  # like every trend: up to the chosen quarter
    periods = periods.filter(pl.col("period_index") <= f.period)
if periods.is_empty():
    st.info("尚无可统计的季度。")
    if not docs:
        st.stop()
else:
    st.caption(
        "与所选计划同一发文机关的各年度计划和年度报告；同一季度有多个计划时合并计算："
        "完成率 = 已完成的到期任务之和 ÷ 到期任务之和。"
    )
    left, right = st.columns(2)
    completion = draw.built(
        charts.years_by_quarter,
        periods,
        "completion_rate",
        "任务完成率：逐季度、分年度",
        "任务完成率（%）",
        big=big,
    )
    with left:
        tables.chart(completion)
    attainment = draw.built(
        charts.years_by_quarter,
        periods,
        "attainment_rate",
        "指标达标率：逐季度、分年度",
        "指标达标率（%）",
        big=big,
    )
    with right:
        tables.chart(attainment)
    year_table = tables.table(
        periods,
        {
            "year": "年度",
            "quarter": "季度",
            "completion_rate": "任务完成率",
            "tasks_completed": "已完成",
            "tasks_total": "已到期",
            "attainment_rate": "指标达标率",
            "indicators_met": "达标指标",
            "indicators_total": "参与考核指标",
        },
        rates=("completion_rate", "attainment_rate"),
        key="yearly_table",
    )
    if not big:  # no export buttons on a projector
        downloads.downloads("逐季度完成率", completion, year_table, "years")
        if f.period is not None:
            briefing.briefing_section(con, f.plan_id, f.period, key="years_brief")

st.header("指标的年度比较")
figures = scorecards.yearly_figures(con, docs)
if figures.is_empty():
    st.info("这些计划和年度报告中没有可比较的指标。")
    st.stop()
names = (
    figures.group_by("indicator")
    .agg(pl.col("year").n_unique().alias("years"))
    .sort(["years", "indicator"], descending=[True, False])
)
labels = {
    r["indicator"]: f"{r['indicator']}（{r['years']} 个年度）" for r in names.iter_rows(named=True)
}
indicator = st.selectbox("指标", list(labels), format_func=labels.get, key="yearly_indicator")
rows = figures.filter(pl.col("indicator") == indicator)
with_target = rows.filter(pl.col("target").is_not_null()).sort("year")
latest = with_target.row(-1, named=True) if with_target.height else None
unit = rows["measure_unit"][0]
chart = draw.built(
    charts.yearly_bars,
    rows,
    f"{indicator}：各年度",
    unit,
    latest and latest["comparator"],
    latest and latest["target"],
    big=big,
)
tables.chart(chart)
st.caption(
    "季度填报：当年最后一个季度的本年累计值（各单位合计）；年度报告：年度法治政府建设报告中的数字。"
)
tables.table(
    rows.with_columns(
        actual=pl.col("actual").round(2),
        met=pl.when(pl.col("met").is_null())
        .then(pl.lit("无目标"))
        .when(pl.col("met"))
        .then(pl.lit("达标"))
        .otherwise(pl.lit("未达标")),
    ),
    {
        "year": "年度",
        "source": "来源",
        "actual": "实际值",
        "measure_unit": "单位",
        "target": "目标",
        "met": "是否达标",
        "indicator_written": "报告原文指标",
    },
    key="yearly_indicator_table",
)

st.header("任务的年度比较")
linked = scorecards.linked_tasks(con, f.plan_id) if f.plan_id else pl.DataFrame()
if linked.is_empty():
    st.caption("本计划的任务尚未与往年任务关联（在“计划与任务”页的“指标目录与任务延续”中确认）。")
else:
    names = dict(zip(linked["task_id"], linked["label"], strict=True))
    task_id = st.selectbox("任务", list(names), format_func=names.get, key="yearly_task")
    history = scorecards.task_years(con, task_id).with_columns(
        state=pl.when(pl.col("completed"))
        .then(pl.lit("已完成"))
        .when(pl.col("overdue"))
        .then(pl.lit("逾期"))
        .otherwise(pl.lit("推进中")),
        owners=pl.format("{}/{}", "owner_units_completed", "owner_units"),
    )
    tables.table(
        history,
        {
            "year": "年度",
            "plan_title": "计划",
            "task_number": "编号",
            "task_title": "任务",
            "state": "年末状态",
            "owners": "已完成单位/责任单位",
        },
        key="yearly_task_table",
    )
