"""The four headline tiles (任务完成率、指标达标率、逾期任务、未报送单位) and the counting rules stated
beside them."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui.numbers import count_change, pct, points

RULES = """**计算口径**
- 任务完成率 = 已到期任务中已完成的数量 ÷ 已到期任务数。截止日期在本季度末以前（含；当前季度以今天为准）的任务为已到期；
  长期坚持的任务每季度都到期，本季度报送了进展（推进中、长期推进或已完成）即视为按进度完成，未报送或报“滞后”视为滞后。
- 任务的状态取截至本季度最近一次报送的状态；“每年……”类任务只看当年的报送。一项任务须其全部牵头、责任单位均已完成才算完成。
- 逾期任务：已过完成时限仍未完成（长期坚持的任务不计逾期）。
- 指标按本年累计计算：比率为各季度分子之和 ÷ 分母之和（不是季度比率的平均）；次数等按季度累加；时限类取本年最差值。
  指标达标率 = 达标的指标数 ÷ 参与考核的指标数：本年尚未报送的指标计为未达标，报送为“0件中0件”（无发生）的比率不计入；分母为 0 时显示“—”。
- 单位计分只含其牵头或负责的任务，配合任务单列。报送截止为季度结束后次月10日。"""


def tile(
    where,
    label: str,
    value: str,
    delta: str | None,
    worse_when_up: bool = False,
    help: str | None = None,
    series: list | None = None,
) -> None:
    """One headline figure with its change since last quarter and a small line of the quarters
    so far; no change shows as 持平, without arrow or colour."""
    flat = delta == "持平"
    where.metric(
        label,
        value,
        delta,
        help=help,
        delta_description="较上季度" if delta else None,
        delta_color="off" if flat else ("inverse" if worse_when_up else "normal"),
        delta_arrow="off" if flat else "auto",
        chart_data=series or None,
        chart_type="line",
    )


def tiles(current: dict, previous: dict | None, trend: pl.DataFrame | None = None) -> None:
    """The four headline tiles with the change since last quarter (上季度) and, given the plan's
    trend up to the quarter, a line of the quarters so far."""
    prev = previous or {}
    missing = current["units_expected"] - current["units_reported"]
    prev_missing = (prev["units_expected"] - prev["units_reported"]) if prev else None
    so_far = trend if trend is not None else pl.DataFrame([current])
    so_far = so_far.filter(pl.col("period_index") <= current["period_index"])

    def series(expr: pl.Expr) -> list:
        return [v for v in so_far.select(expr.alias("v"))["v"] if v is not None]

    cols = st.columns(4)
    tile(
        cols[0],
        "任务完成率",
        pct(current["completion_rate"]),
        points(current["completion_rate"], prev.get("completion_rate")),
        help=f"已完成 {current['tasks_completed']} / 已到期 {current['tasks_total']} 项",
        series=series((pl.col("completion_rate") * 100).round(1)),
    )
    tile(
        cols[1],
        "指标达标率",
        pct(current["attainment_rate"]),
        points(current["attainment_rate"], prev.get("attainment_rate")),
        help=f"达标 {current['indicators_met']} / 参与考核 {current['indicators_total']} 个"
        f"（其中有数据 {current['indicators_reported']} 个）",
        series=series((pl.col("attainment_rate") * 100).round(1)),
    )
    tile(
        cols[2],
        "逾期任务",
        f"{current['overdue_tasks']} 项",
        count_change(current["overdue_tasks"], prev.get("overdue_tasks"), "项"),
        worse_when_up=True,
        series=series(pl.col("overdue_tasks")),
    )
    tile(
        cols[3],
        "未报送单位",
        f"{missing} 个",
        count_change(missing, prev_missing, "个"),
        worse_when_up=True,
        help=f"应报送 {current['units_expected']} 个单位",
        series=series(pl.col("units_expected") - pl.col("units_reported")),
    )
    if not previous:
        st.caption("上季度无可比数据（本计划的第一个季度）。")


def summary_frame(current: dict, previous: dict | None) -> pl.DataFrame:
    """The four headline figures, this quarter and last, as a table for export."""
    prev = previous or {}

    def missing(row: dict) -> int | None:
        return row["units_expected"] - row["units_reported"] if row else None

    return pl.DataFrame(
        {
            "指标": ["任务完成率", "指标达标率", "逾期任务（项）", "未报送单位（个）"],
            "本季度": [
                pct(current["completion_rate"]),
                pct(current["attainment_rate"]),
                str(current["overdue_tasks"]),
                str(missing(current)),
            ],
            "上季度": [
                pct(prev.get("completion_rate")) if prev else "—",
                pct(prev.get("attainment_rate")) if prev else "—",
                str(prev["overdue_tasks"]) if prev else "—",
                str(missing(prev)) if prev else "—",
            ],
        }
    )


def previous_row(trend: pl.DataFrame, period: int) -> tuple[dict, dict | None]:
    """The plan's figures for the period and the quarter before it (None when there is none)."""
    now = trend.filter(pl.col("period_index") == period).row(0, named=True)
    before = trend.filter(pl.col("period_index") == period - 1)
    return now, before.row(0, named=True) if before.height else None
