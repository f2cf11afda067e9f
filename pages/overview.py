"""总览: the plan at a glance, for meetings: four tiles with the change since last quarter,
completion by action, the units furthest behind, overdue tasks and units that have not reported."""

import streamlit as st

from analytics import charts, scorecards
from analytics.db import get_connection
from ui import briefing, downloads, draw, filters, meeting, tables, tiles
from ui.routing import through_router
from ui.safe import md

through_router(__file__)

OVERDUE_COLUMNS = {
    "action_code": "行动",
    "task_number": "编号",
    "task_title": "任务",
    "deadline": "完成时限",
    "units_behind": "未完成单位",
}
con = get_connection()
f = filters.sidebar(con)
big = meeting.start(__file__, f)
if f.period is None:
    st.title("总览")
filters.require_period(f)

st.title(f"{md(f.plan_title)} · {f.period_label}")
now, before = tiles.previous_row(f.trend, f.period)
tiles.tiles(now, before, f.trend)

actions = scorecards.action_scores(con, f.plan_id, f.period)
units = scorecards.unit_scores(con, f.plan_id, f.period)
behind = units.filter(units["completion_rate"] < 1).head(8)  # furthest behind first
left, right = st.columns(2)
with left:
    by_action = draw.built(
        charts.rate_bars,
        actions.with_columns(name=actions["action_code"] + actions["action_title"]),
        "name",
        "completion_rate",
        "各行动任务完成率",
        big=big,
    )
    tables.chart(by_action)
with right:
    worst = draw.built(
        charts.rate_bars, behind, "unit", "completion_rate", "任务完成率未达100%的单位", big=big
    )
    if behind.is_empty():
        st.success("各单位已到期任务均已完成。")
    else:
        tables.chart(worst)

overdue = scorecards.overdue_tasks(con, f.plan_id, f.period)
missing = scorecards.unreported_units(con, f.plan_id, f.period)
st.subheader(f"逾期任务（{overdue.height} 项）")
overdue_shown = tables.chinese(overdue, OVERDUE_COLUMNS)
if overdue.is_empty():
    st.write("没有逾期任务。")
else:
    tables.table(overdue, OVERDUE_COLUMNS, key="overdue")
st.subheader(f"未报送单位（{missing.height} 个）")
st.markdown(md("、".join(missing["unit"])) if missing.height else "各单位均已报送。")
if not big:
    briefing.briefing_section(con, f.plan_id, f.period, key="overview_briefing")
    with st.expander("导出图表与计算口径"):
        action_cols = {
            "action_code": "行动",
            "action_title": "名称",
            "completion_rate": "任务完成率",
            "tasks_completed": "已完成",
            "tasks_total": "已到期",
            "attainment_rate": "指标达标率",
            "overdue_tasks": "逾期任务",
        }
        unit_cols = {
            "unit": "单位",
            "completion_rate": "任务完成率",
            "tasks_completed": "已完成",
            "tasks_total": "已到期",
            "overdue_tasks": "逾期任务",
        }
        downloads.downloads(
            "各行动任务完成率", by_action, tables.chinese(actions, action_cols), "overview_actions"
        )
        st.markdown(tiles.RULES)
