"""Download buttons for the briefing material (汇报材料) of the plan, a unit or an action as of a
quarter: a PowerPoint deck, a Word report and an Excel workbook (analytics.briefing). Each file is
made only when its button is clicked."""

from __future__ import annotations

import datetime

import duckdb
import polars as pl
import streamlit as st

from analytics import plan_data, scorecards
from loaders.periods import shown_label
from ui.safe import md

BUTTONS = (
    (".pptx", "导出汇报幻灯片（PPT）"),
    (".docx", "导出汇报文稿（Word）"),
    (".xlsx", "导出汇报数据（Excel）"),
)


def briefing_buttons(
    con: duckdb.DuckDBPyConnection,
    plan_id: int,
    period: int,
    unit_id: int | None = None,
    action_id: int | None = None,
    key: str = "briefing",
) -> None:
    """Three buttons side by side; `period` is the period_index (year × 4 + quarter − 1). With
    unit_id or action_id, the briefing is on that unit or action alone."""
    from analytics.briefing import FORMATS, briefing_bytes, name_for

    year, quarter = divmod(period, 4)
    quarter += 1
    plans = plan_data.list_plans(con, everything=True).filter(pl.col("plan_id") == plan_id)
    title = plans["title"][0] if plans.height else "汇报材料"
    label = shown_label(year, quarter, datetime.date.today())
    subject = _subject(con, plan_id, period, unit_id, action_id)
    focus = {"unit_id": unit_id, "action_id": action_id}
    for column, (suffix, caption) in zip(st.columns(len(BUTTONS)), BUTTONS, strict=True):
        column.download_button(
            caption,
            lambda suffix=suffix: briefing_bytes(con, suffix, plan_id, year, quarter, **focus),
            name_for(title, subject, label, suffix),
            FORMATS[suffix],
            key=f"{key}_{suffix[1:]}",
            on_click="ignore",
        )


def _subject(con, plan_id: int, period: int, unit_id: int | None, action_id: int | None):
    """The unit's or action's name for the file name (None: the whole plan)."""
    if unit_id is not None:
        units = scorecards.unit_scores(con, plan_id, period).filter(pl.col("unit_id") == unit_id)
        return units["unit"][0] if units.height else None
    if action_id is not None:
        actions = scorecards.action_scores(con, plan_id, period)
        row = actions.filter(pl.col("action_id") == action_id)
        return (row["action_code"][0] + row["action_title"][0]) if row.height else None
    return None


def briefing_section(
    con: duckdb.DuckDBPyConnection,
    plan_id: int,
    period: int,
    unit_id: int | None = None,
    action_id: int | None = None,
    key: str = "briefing",
) -> None:
    """The 汇报材料 of a dashboard page: the plan's deck, report and workbook for the quarter
    chosen, and with unit_id / action_id also those of that unit or action."""
    st.subheader("汇报材料")
    st.caption("按所选季度生成：幻灯片（16:9）、公文格式的 Word 文稿、含原生图表的 Excel 数据。")
    if unit_id is not None or action_id is not None:
        subject = _subject(con, plan_id, period, unit_id, action_id)
        st.markdown(f"**{'本单位' if unit_id is not None else '本行动'}**：{md(subject or '')}")
        briefing_buttons(con, plan_id, period, unit_id, action_id, key=f"{key}_focus")
        st.markdown("**全计划**")
    briefing_buttons(con, plan_id, period, key=key)
