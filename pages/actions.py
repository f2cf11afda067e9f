"""按行动: each action's completion and attainment, its tasks and its lagging units."""

import polars as pl
import streamlit as st

from analytics import charts, scorecards
from analytics.db import get_connection
from ui import briefing, downloads, draw, filters, meeting, numbers, tables
from ui.routing import through_router
from ui.safe import md

through_router(__file__)

con = get_connection()
f = filters.sidebar(con)
big = meeting.start(__file__, f)
st.title("按行动")
filters.require_period(f)

actions = scorecards.action_scores(con, f.plan_id, f.period).with_columns(
    name=pl.col("action_code") + pl.col("action_title"),
    change=(pl.col("completion_rate") - pl.col("prev_completion_rate")) * 100,
    done=pl.col("tasks_completed").cast(pl.Utf8) + " / " + pl.col("tasks_total").cast(pl.Utf8),
)
st.caption(f"{md(f.plan_title)} · {f.period_label}")
action_table = tables.table(
    actions,
    {
        "name": "行动",
        "completion_rate": "任务完成率",
        "done": "已完成/已到期",
        "change": "较上季度（百分点）",
        "attainment_rate": "指标达标率",
        "overdue_tasks": "逾期任务",
        "tasks_all": "任务总数",
    },
    rates=("completion_rate", "attainment_rate"),
    key="action_table",
)
chart = draw.built(
    charts.rate_bars,
    actions,
    "name",
    "completion_rate",
    f"各行动任务完成率（{f.period_label}）",
    big=big,
)
tables.chart(chart)
if not big:  # no export buttons on a projector
    downloads.downloads("各行动任务完成率", chart, action_table, "actions")

all_tasks = scorecards.plan_action_tasks(con, f.plan_id, f.period)
all_lagging = scorecards.plan_lagging_units(con, f.plan_id, f.period)
for action in actions.iter_rows(named=True):
    label = (
        f"{action['name']}　完成率 {numbers.pct(action['completion_rate'])}　"
        f"达标率 {numbers.pct(action['attainment_rate'])}　逾期 {action['overdue_tasks']} 项"
    )
    with st.expander(md(label)):
        tasks = all_tasks.filter(pl.col("action_id") == action["action_id"]).with_columns(
            state=pl.when(pl.col("overdue"))
            .then(pl.lit("逾期"))
            .when(pl.col("completed"))
            .then(pl.lit("已完成/按进度"))
            .when(pl.col("due"))
            .then(pl.lit("滞后"))
            .otherwise(pl.lit("未到期")),
            owners=pl.col("owner_units_completed").cast(pl.Utf8)
            + " / "
            + pl.col("owner_units").cast(pl.Utf8),
        )
        tables.table(
            tasks,
            {
                "task_number": "编号",
                "task_title": "任务",
                "deadline": "完成时限",
                "state": "判定",
                "owners": "已完成单位/责任单位",
                "units_behind": "滞后单位",
            },
            key=f"action_tasks_{action['action_id']}",
        )
        lagging = all_lagging.filter(pl.col("action_id") == action["action_id"])
        if lagging.height:
            st.markdown(
                "**滞后单位**："
                + "、".join(
                    f"{r['unit']}（滞后 {r['behind_tasks']} 项，逾期 {r['overdue_tasks']} 项）"
                    for r in lagging.iter_rows(named=True)
                )
            )
        else:
            st.markdown("**滞后单位**：无")

if not big:  # no export buttons on a projector
    names = dict(zip(actions["action_id"], actions["name"], strict=True))
    chosen = st.selectbox(
        "汇报材料的范围",
        [0, *names],
        format_func=lambda a: names.get(a, "全计划"),
        key="actions_brief_scope",
    )
    briefing.briefing_section(
        con, f.plan_id, f.period, action_id=chosen or None, key="actions_brief"
    )
