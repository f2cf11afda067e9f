"""按单位: units ranked by completion, attainment, overdue tasks and on-time reporting; one unit's
scorecard with its tasks by role and its indicators, each figure traced to the upload behind it."""

import polars as pl
import streamlit as st

from analytics import charts, scorecards
from analytics.db import get_connection
from ui import briefing, downloads, draw, filters, meeting, numbers, tables, tiles
from ui.routing import through_router
from ui.safe import md

through_router(__file__)

ROLES = {"lead": "牵头", "responsible": "责任", "cooperating": "配合"}
con = get_connection()
f = filters.sidebar(con)
big = meeting.start(__file__, f)
st.title("按单位")
filters.require_period(f)

units = scorecards.unit_scores(con, f.plan_id, f.period)
ranked = units.with_columns(
    change=(pl.col("completion_rate") - pl.col("prev_completion_rate")) * 100,
    reporting=pl.when(~pl.col("reported"))
    .then(pl.lit("未报送"))
    .when(pl.col("on_time"))
    .then(pl.lit("按时"))
    .otherwise(pl.lit("逾期报送")),
    done=pl.col("tasks_completed").cast(pl.Utf8) + " / " + pl.col("tasks_total").cast(pl.Utf8),
)
st.caption(f"{md(f.plan_title)} · {f.period_label} · 按任务完成率从低到高排列")
ranking = tables.table(
    ranked,
    {
        "unit": "单位",
        "completion_rate": "任务完成率",
        "done": "已完成/已到期",
        "change": "较上季度（百分点）",
        "attainment_rate": "指标达标率",
        "overdue_tasks": "逾期任务",
        "reporting": "报送情况",
    },
    rates=("completion_rate", "attainment_rate"),
    key="unit_ranking",
)
chart = draw.built(
    charts.rate_bars,
    ranked,
    "unit",
    "completion_rate",
    f"各单位任务完成率（{f.period_label}）",
    big=big,
)
tables.chart(chart)
if not big:  # no export buttons on a projector
    downloads.downloads("各单位任务完成率", chart, ranking, "units")

row = units.filter(pl.col("unit_id") == f.unit_id) if f.unit_id else units.head(1)
if row.is_empty():
    st.info("所选单位在本计划中没有牵头或负责的任务。")
    st.stop()
unit = row.row(0, named=True)
if big:  # no sidebar on a projector: walk the units in ranking order with large buttons
    meeting.unit_switch(units["unit_id"].to_list(), unit["unit_id"], filters.UNIT_KEY)
st.header(f"{md(unit['unit'])} 计分卡")
if f.unit_id is None:
    st.caption("未选择单位：显示完成率最低的单位。可在左侧“单位”中选择。")
c = st.columns(4)
tiles.tile(  # 持平 without arrow or colour, as on the overview
    c[0],
    "任务完成率",
    numbers.pct(unit["completion_rate"]),
    numbers.points(unit["completion_rate"], unit["prev_completion_rate"]),
)
c[1].metric("指标达标率", numbers.pct(unit["attainment_rate"]))
c[2].metric("逾期任务", f"{unit['overdue_tasks']} 项")
when = unit["first_uploaded_at"]
c[3].metric(
    "报送",
    "未报送" if not unit["reported"] else ("按时" if unit["on_time"] else "逾期"),
    help=f"首次报送：{when:%Y-%m-%d %H:%M}；截止：{unit['report_due']}" if when else None,
)

tasks = scorecards.unit_tasks(con, f.plan_id, unit["unit_id"], f.period).with_columns(
    source=pl.col("file_name")
    + "（"
    + pl.col("uploaded_by")
    + "，"
    + pl.col("uploaded_at").dt.strftime("%Y-%m-%d")
    + "）",
    state=pl.when(pl.col("overdue"))
    .then(pl.lit("逾期"))
    .when(pl.col("completed"))
    .then(pl.lit("已完成/按进度"))
    .when(pl.col("due"))
    .then(pl.lit("滞后"))
    .otherwise(pl.lit("未到期")),
)
shown_tasks: dict[str, pl.DataFrame] = {}
for role, label in ROLES.items():
    part = tasks.filter(pl.col("role") == role)
    if part.height:
        st.subheader(
            f"{label}任务（{part.height} 项）"
            + ("：单列，不计入完成率" if role == "cooperating" else "")
        )
        shown_tasks[label] = tables.table(
            part,
            {
                "task_number": "编号",
                "task_title": "任务",
                "deadline": "完成时限",
                "status": "报送状态",
                "state": "判定",
                "note": "进展说明",
                "source": "来源文件",
            },
            key=f"tasks_{role}",
        )

indicators = scorecards.unit_indicators(con, f.plan_id, unit["unit_id"], f.period).with_columns(
    goal=pl.struct("comparator", "target", "measure_unit").map_elements(
        lambda t: charts.target_label(t["comparator"], t["target"], t["measure_unit"] or "")[3:],
        return_dtype=pl.Utf8,
    ),
    result=pl.when(pl.col("met").is_null())
    .then(pl.lit("无数据"))
    .when(pl.col("met"))
    .then(pl.lit("达标"))
    .otherwise(pl.lit("未达标")),
    actual_shown=pl.col("actual").round(2),
)
st.subheader(f"指标（{indicators.height} 个，本年累计）")
shown_indicators = None
if indicators.height:
    shown_indicators = tables.table(
        indicators,
        {
            "task_number": "任务编号",
            "indicator": "指标",
            "goal": "目标",
            "actual_shown": "本年累计",
            "result": "是否达标",
            "numerator": "分子合计",
            "denominator": "分母合计",
            "files": "来源文件",
        },
        key="unit_indicators",
    )
trend = charts.up_to(scorecards.unit_trend(con, f.plan_id, unit["unit_id"]), f.period)
tables.chart(draw.built(charts.trend_lines, trend, f"{unit['unit']} 逐季度完成率与达标率", big=big))
sheets = {f"{label}任务": frame for label, frame in shown_tasks.items()}
if shown_indicators is not None:
    sheets["指标"] = shown_indicators
if not big:  # no export buttons on a projector
    downloads.workbook_button(f"{unit['unit']}计分卡（{f.period_label}）", sheets, "unit_scorecard")
    briefing.briefing_section(con, f.plan_id, f.period, unit_id=unit["unit_id"], key="units_brief")
