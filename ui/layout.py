"""Tiles, tables, downloads and the meeting mode (会议模式) used by the dashboard pages."""

from __future__ import annotations

import datetime

import altair as alt
import polars as pl
import streamlit as st

RULES = """**计算口径**
- 任务完成率 = 已到期任务中已完成的数量 ÷ 已到期任务数。截止日期在本季度末以前（含；当前季度以今天为准）的任务为已到期；
  长期坚持的任务每季度都到期，本季度报送了进展（推进中、长期推进或已完成）即视为按进度完成，未报送或报“滞后”视为滞后。
- 任务的状态取截至本季度最近一次报送的状态；“每年……”类任务只看当年的报送。一项任务须其全部牵头、责任单位均已完成才算完成。
- 逾期任务：已过完成时限仍未完成（长期坚持的任务不计逾期）。
- 指标按本年累计计算：比率为各季度分子之和 ÷ 分母之和（不是季度比率的平均）；次数等按季度累加；时限类取本年最差值。
  指标达标率 = 达标的指标数 ÷ 参与考核的指标数：本年尚未报送的指标计为未达标，报送为“0件中0件”（无发生）的比率不计入；分母为 0 时显示“—”。
- 单位计分只含其牵头或负责的任务，配合任务单列。报送截止为季度结束后次月10日。"""


def pct(value: float | None, digits: int = 1) -> str:
    """0.853 -> "85.3%"; None -> "—"."""
    return "—" if value is None else f"{value * 100:.{digits}f}%"


def points(now: float | None, before: float | None) -> str | None:
    """Change of a rate in percentage points, for st.metric's delta ("+5.0个百分点")."""
    if now is None or before is None:
        return None
    change = round((now - before) * 100, 1)
    return "持平" if change == 0 else f"{change:+.1f}个百分点"


def count_change(now: int | None, before: int | None, unit: str) -> str | None:
    if now is None or before is None:
        return None
    return "持平" if now == before else f"{now - before:+d}{unit}"


def tile(where, label: str, value: str, delta: str | None, worse_when_up: bool = False,
         help: str | None = None, series: list | None = None) -> None:  # fmt: skip
    """One headline figure with its change since last quarter and a small line of the quarters
    so far; no change shows as 持平, without arrow or colour."""
    flat = delta == "持平"
    where.metric(label, value, delta, help=help, delta_description="较上季度" if delta else None,
                 delta_color="off" if flat else ("inverse" if worse_when_up else "normal"),
                 delta_arrow="off" if flat else "auto", chart_data=series or None,
                 chart_type="line")  # fmt: skip


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
    tile(cols[0], "任务完成率", pct(current["completion_rate"]),
         points(current["completion_rate"], prev.get("completion_rate")),
         help=f"已完成 {current['tasks_completed']} / 已到期 {current['tasks_total']} 项",
         series=series((pl.col("completion_rate") * 100).round(1)))  # fmt: skip
    tile(cols[1], "指标达标率", pct(current["attainment_rate"]),
         points(current["attainment_rate"], prev.get("attainment_rate")),
         help=f"达标 {current['indicators_met']} / 参与考核 {current['indicators_total']} 个"
         f"（其中有数据 {current['indicators_reported']} 个）",
         series=series((pl.col("attainment_rate") * 100).round(1)))  # fmt: skip
    tile(cols[2], "逾期任务", f"{current['overdue_tasks']} 项",
         count_change(current["overdue_tasks"], prev.get("overdue_tasks"), "项"),
         worse_when_up=True, series=series(pl.col("overdue_tasks")))  # fmt: skip
    tile(cols[3], "未报送单位", f"{missing} 个", count_change(missing, prev_missing, "个"),
         worse_when_up=True, help=f"应报送 {current['units_expected']} 个单位",
         series=series(pl.col("units_expected") - pl.col("units_reported")))  # fmt: skip
    if not previous:
        st.caption("上季度无可比数据（本计划的第一个季度）。")


def summary_frame(current: dict, previous: dict | None) -> pl.DataFrame:
    """The four headline figures, this quarter and last, as a table for export."""
    prev = previous or {}

    def missing(row: dict) -> int | None:
        return row["units_expected"] - row["units_reported"] if row else None

    return pl.DataFrame({
        "指标": ["任务完成率", "指标达标率", "逾期任务（项）", "未报送单位（个）"],
        "本季度": [pct(current["completion_rate"]), pct(current["attainment_rate"]),
                str(current["overdue_tasks"]), str(missing(current))],
        "上季度": [pct(prev.get("completion_rate")) if prev else "—",
                pct(prev.get("attainment_rate")) if prev else "—",
                str(prev["overdue_tasks"]) if prev else "—",
                str(missing(prev)) if prev else "—"],
    })  # fmt: skip


def previous_row(trend: pl.DataFrame, period: int) -> tuple[dict, dict | None]:
    """The plan's figures for the period and the quarter before it (None when there is none)."""
    now = trend.filter(pl.col("period_index") == period).row(0, named=True)
    before = trend.filter(pl.col("period_index") == period - 1)
    return now, before.row(0, named=True) if before.height else None


def chinese(frame: pl.DataFrame, columns: dict[str, str]) -> pl.DataFrame:
    """The chosen columns under their Chinese names (rates stay fractions: Excel shows them as %)."""
    return frame.select(list(columns)).rename(columns)


def table(frame: pl.DataFrame, columns: dict[str, str], rates: tuple[str, ...] = (),
          key: str | None = None) -> pl.DataFrame:  # fmt: skip
    """Show the chosen columns under Chinese names, rate columns (0–1) as percentages; returns
    the same columns for export (`chinese`)."""
    shown = frame.select(
        [(pl.col(c) * 100).round(1).alias(c) if c in rates else pl.col(c) for c in columns]
    ).rename(columns)
    config = {columns[c]: st.column_config.NumberColumn(format="%.1f%%") for c in rates}
    for c in columns:
        if c == "change":  # 较上季度, in percentage points
            config[columns[c]] = st.column_config.NumberColumn(format="%+.1f")
        elif frame.schema[c] == pl.Date:
            config[columns[c]] = st.column_config.DateColumn(format="YYYY-MM-DD")
        elif isinstance(frame.schema[c], pl.Datetime):
            config[columns[c]] = st.column_config.DatetimeColumn(format="YYYY-MM-DD HH:mm")
    st.dataframe(shown, hide_index=True, column_config=config, key=key)
    return chinese(frame, columns)


def chart(spec: alt.TopLevelMixin) -> None:
    """Draw a chart as it will be exported (its own font and colours, not the app theme)."""
    st.altair_chart(spec, width="stretch", theme=None)


def downloads(name: str, chart: alt.TopLevelMixin | None, frame: pl.DataFrame | None,
              key: str) -> None:  # fmt: skip
    """Buttons to take a chart (PNG, SVG) and its figures (XLSX) into briefing material; the
    files are made only when a button is clicked."""
    from analytics import export  # rendering libraries load on first use

    stamp = datetime.date.today().strftime("%Y%m%d")
    cols = st.columns(3)
    if chart is not None:
        fixed = chart.properties(width=900)
        cols[0].download_button("下载图片（PNG）", lambda: export.chart_png(fixed),
                                f"{name}_{stamp}.png", "image/png", key=f"{key}_png",
                                on_click="ignore")  # fmt: skip
        cols[1].download_button("下载矢量图（SVG）", lambda: export.chart_svg(fixed),
                                f"{name}_{stamp}.svg", "image/svg+xml", key=f"{key}_svg",
                                on_click="ignore")  # fmt: skip
    if frame is not None:
        xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        cols[2].download_button("下载数据（Excel）", lambda: export.frames_xlsx({name: frame}, name),
                                f"{name}_{stamp}.xlsx", xlsx, key=f"{key}_xlsx",
                                on_click="ignore")  # fmt: skip


def workbook_button(title: str, sheets: dict[str, pl.DataFrame], key: str) -> None:
    """A button for one Excel workbook with a sheet per table."""
    from analytics import export

    stamp = datetime.date.today().strftime("%Y%m%d")
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    st.download_button(f"下载{title}（Excel）", lambda: export.frames_xlsx(sheets, title),
                       f"{title}_{stamp}.xlsx", xlsx, key=key, on_click="ignore")  # fmt: skip


def deck_button(title: str, slides: list, key: str) -> None:
    """A button for a PowerPoint deck (汇报材料) of (slide title, chart, table) entries."""
    from analytics import export

    stamp = datetime.date.today().strftime("%Y%m%d")
    fixed = [(t, c.properties(width=800) if c is not None else None, f) for t, c, f in slides]
    pptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    st.download_button("导出汇报幻灯片（PPT）", lambda: export.slides_pptx(fixed, title),
                       f"{title}_{stamp}.pptx", pptx, key=key, on_click="ignore")  # fmt: skip


MEETING_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header {display: none;}
.block-container {padding-top: 1rem; max-width: 100%;}
[data-testid="stMetricValue"] {font-size: 4rem;}
[data-testid="stMetricLabel"] p {font-size: 1.8rem;}
[data-testid="stMetricDelta"] {font-size: 1.5rem;}
h1 {font-size: 3rem !important;} h2, h3 {font-size: 2.2rem !important;}
[data-testid="stDataFrame"] {font-size: 1.4rem;}
</style>
"""


def meeting_mode() -> bool:
    """Whether the meeting mode is on (large type, no sidebar)."""
    return bool(st.session_state.get("meeting"))


def set_meeting(on: bool) -> None:
    st.session_state["meeting"] = on


def meeting_style() -> None:
    """Large type and no sidebar, for a projector; inline CSS (works offline)."""
    st.html(MEETING_CSS)
