"""The filters every page shares (计划, 季度, 单位), drawn in the sidebar by each page.

The choice is kept under keys of its own (PLAN_KEY …), which Streamlit never clears, and each
page's widget is seeded from it: Streamlit drops a widget's own state when the page changes.
The default plan is the newest; the default quarter the latest with uploads.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import duckdb
import polars as pl
import streamlit as st

from analytics import plan_data, scorecards
from loaders.periods import shown_label
from ui import meeting, session

PLAN_KEY, PERIOD_KEY, UNIT_KEY = "plan_choice", "period_choice", "unit_choice"
ALL_UNITS, ALL_UNITS_ID = "（全部单位）", 0


@dataclass(frozen=True)
class Filters:
    """What the user chose: a plan, a quarter (period_index) and a unit (None: all units)."""

    plan_id: int | None
    plan_title: str | None
    period: int | None
    period_label: str | None
    unit_id: int | None
    unit: str | None
    trend: pl.DataFrame  # v_plan_trend of the plan, quarter by quarter


def sidebar(con: duckdb.DuckDBPyConnection) -> Filters:
    """Draw the three filters in the sidebar, then the account line below them, and return the
    choice (call once per page)."""
    try:
        return _filters(con)
    finally:
        if not meeting.meeting_mode():  # nothing in the way on a projector
            with st.sidebar:
                session.account_box(con)


def _filters(con: duckdb.DuckDBPyConnection) -> Filters:
    plans = plan_data.list_plans(con)
    empty = pl.DataFrame()
    if plans.is_empty():
        return Filters(None, None, None, None, None, None, empty)
    titles = dict(zip(plans["plan_id"], plans["title"], strict=True))
    with st.sidebar:
        st.markdown("**筛选**（各页面通用）")
        current = plan_data.current_plan_id(con)
        default = current if current in titles else list(titles)[0]
        plan_id = choose("计划", list(titles), default, titles.get, PLAN_KEY)
        trend = scorecards.plan_trend(con, plan_id)
        if trend.is_empty():
            st.caption("该计划尚无季度（未注明年度，也没有填报）。")
            return Filters(plan_id, titles[plan_id], None, None, None, None, trend)
        period, label = _period(trend)
        unit_id, unit = _unit(con, plan_id, period)
    return Filters(plan_id, titles[plan_id], period, label, unit_id, unit, trend)


def _period(trend: pl.DataFrame) -> tuple[int, str]:
    today = datetime.date.today()
    labels = {
        r["period_index"]: shown_label(r["year"], r["quarter"], today)  # （进行中） while under way
        for r in trend.iter_rows(named=True)
    }
    reported = trend.filter(pl.col("units_reported") > 0)["period_index"]
    default = reported.max() if len(reported) else trend["period_index"].max()
    period = choose("季度", list(labels), default, labels.get, PERIOD_KEY)
    return period, labels[period]


def _unit(con, plan_id: int, period: int) -> tuple[int | None, str | None]:
    units = scorecards.unit_scores(con, plan_id, period).sort("unit")
    names = dict(zip(units["unit_id"], units["unit"], strict=True))
    options = [ALL_UNITS_ID, *names]  # ALL_UNITS_ID, not None: None would show as no choice
    unit_id = choose("单位", options, ALL_UNITS_ID, lambda u: names.get(u, ALL_UNITS), UNIT_KEY)
    return (unit_id or None), names.get(unit_id)


def choose(label: str, options: list, default, format_func, key: str):
    """A selectbox whose choice is kept under `key` across pages (the widget's key is
    `key` + "_widget"); a kept choice no longer among the options falls back to `default`."""
    widget = f"{key}_widget"
    kept = st.session_state.get(key, default)
    value = kept if kept in options else default
    st.session_state[widget] = value
    st.selectbox(
        label, options, format_func=format_func, key=widget, on_change=_keep, args=(widget, key)
    )
    st.session_state[key] = st.session_state[widget]
    return st.session_state[key]


def _keep(widget: str, key: str) -> None:
    st.session_state[key] = st.session_state[widget]


def require_period(f: Filters) -> None:
    """Stop the page with a hint when the chosen plan has no quarter to show yet."""
    if f.period is None:
        st.info("尚无可统计的季度：请先在“计划与任务”载入计划，并在“数据填报”上传季度进展。")
        st.stop()
