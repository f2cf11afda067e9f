"""The meeting mode (会议模式), for a projector in a meeting room: no sidebar, large type, and a bar
on every dashboard page with large page tabs, a quarter switch and one button back.

The mode lives in the session (kept across pages) and can be opened directly with `?meeting=1`
(a bookmark on the meeting-room PC). Everything in the bar is a large click target, so a mouse
or a presenter's clicker is enough: no keyboard, no drop-down lists. Tables are drawn as large
HTML tables (st.dataframe draws small type on a canvas that CSS cannot enlarge); every cell is
escaped text, never Markdown or HTML from the data.
"""

from __future__ import annotations

import datetime
import html

import polars as pl
import streamlit as st

KEY = "meeting"
# The dashboard pages in the order of the tabs (and of 下一页 in the bar).
DASHBOARD = (
    ("pages/overview.py", "总览"),
    ("pages/units.py", "按单位"),
    ("pages/actions.py", "按行动"),
    ("pages/years.py", "按年度"),
    ("pages/indicators.py", "指标"),
)
MAX_BIG_ROWS = 15  # rows a large table shows on a projector before it says how many are left

MEETING_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header {display: none;}
.block-container {padding-top: 1rem; max-width: 100%;}
[data-testid="stMetricValue"], [data-testid="stMetricValue"] p {font-size: 4rem !important;
  line-height: 1.2;}
[data-testid="stMetricLabel"] p {font-size: 1.8rem !important;}
[data-testid="stMetricDelta"] p, [data-testid="stMetricDeltaDescription"] p {
  font-size: 1.5rem !important;}
h1 {font-size: 3rem !important;} h2, h3 {font-size: 2.2rem !important;}
[data-testid="stMarkdownContainer"] p, [data-testid="stCaptionContainer"] {font-size: 1.6rem;}
[data-testid="stExpander"] summary p {font-size: 1.8rem;}
.st-key-meeting_bar button, .st-key-meeting_bar a[data-testid="stPageLink-NavLink"],
.st-key-meeting_units button {
  min-height: 4.2rem; font-size: 1.7rem;
}
.st-key-meeting_bar button p, .st-key-meeting_bar a p, .st-key-meeting_bar span,
.st-key-meeting_units button p {
  font-size: 1.7rem !important; font-weight: 600;
}
.st-key-meeting_bar a[data-testid="stPageLink-NavLink"] {
  border: 2px solid #0072B2; border-radius: 0.6rem; justify-content: center;
}
.st-key-meeting_bar .fz-quarter {font-size: 2rem; font-weight: 700; text-align: center;
  line-height: 4.2rem; white-space: nowrap;}
table.fz-big {border-collapse: collapse; width: 100%; font-size: 1.7rem; line-height: 1.35;}
table.fz-big th {background: #DDEBF7; text-align: left; padding: 0.4rem 0.7rem;}
table.fz-big td {border-top: 1px solid #BBBBBB; padding: 0.4rem 0.7rem; vertical-align: top;}
table.fz-big td.num {text-align: right; white-space: nowrap;}
p.fz-more {font-size: 1.4rem; color: #555555;}
.st-key-meeting_bar kbd, .st-key-meeting_units kbd {display: none;}  /* the shortcut's key name (English) on a button */
.st-key-meeting_bar .fz-here {background: #0072B2; color: #FFFFFF; border-radius: 0.6rem;
  min-height: 4.2rem; line-height: 4.2rem; text-align: center; font-size: 1.7rem;
  font-weight: 700;}
</style>
"""


def meeting_mode() -> bool:
    """Whether the meeting mode is on: kept in the session; `?meeting=1` opens it."""
    if KEY not in st.session_state:
        st.session_state[KEY] = st.query_params.get(KEY) == "1"
    return bool(st.session_state[KEY])


def set_meeting(on: bool) -> None:
    st.session_state[KEY] = on
    if not on and KEY in st.query_params:
        del st.query_params[KEY]  # else a reload would bring the mode back


def meeting_style() -> None:
    """Large type and no sidebar, for a projector; inline CSS (works offline)."""
    st.html(MEETING_CSS)


def _step_period(periods: list[int], period: int, step: int, key: str) -> None:
    """The quarter `step` places before/after `period` among the plan's quarters."""
    at = periods.index(period) + step
    if 0 <= at < len(periods):
        st.session_state[key] = periods[at]


def bar(page_file: str, periods: list[int], period: int | None, label: str | None) -> bool:
    """The meeting bar at the top of a dashboard page, or, outside the mode, the button into it
    (in the sidebar). Returns whether the mode is on. `periods` are the plan's quarters
    (period_index, in order) and `period`/`label` the one shown."""
    from ui.filters import PERIOD_KEY  # filters imports this module

    if not meeting_mode():
        st.sidebar.button(
            "进入会议模式（投影用：大字、无侧栏）",
            key="enter_meeting",
            on_click=set_meeting,
            args=(True,),
            width="stretch",
        )
        return False
    meeting_style()
    here = f"pages/{page_file.replace(chr(92), '/').rsplit('/', 1)[-1]}"
    paths = [path for path, _ in DASHBOARD]
    with st.container(key="meeting_bar"):
        tabs = st.columns(len(DASHBOARD) + 1)
        for col, (path, title) in zip(tabs, DASHBOARD, strict=False):
            with col:
                if path == here:  # the page shown: a highlighted label, not a link
                    st.html(f'<div class="fz-here">{html.escape(title)}</div>')
                else:
                    st.page_link(path, label=title, width="stretch")
        tabs[-1].button(
            "退出会议模式",
            key="leave_meeting",
            on_click=set_meeting,
            args=(False,),
            width="stretch",
        )
        cols = st.columns([1, 1, 2, 1, 1])
        at = periods.index(period) if period in periods else -1
        cols[1].button(
            "◀ 上一季度",
            key="meeting_prev",
            width="stretch",
            disabled=at <= 0,
            on_click=_step_period,
            args=(periods, period, -1, PERIOD_KEY),
            shortcut="Left",
        )
        cols[2].html(f'<div class="fz-quarter">{html.escape(label or "")}</div>')
        cols[3].button(
            "下一季度 ▶",
            key="meeting_next",
            width="stretch",
            disabled=at < 0 or at >= len(periods) - 1,
            on_click=_step_period,
            args=(periods, period, 1, PERIOD_KEY),
            shortcut="Right",
        )
        # a presenter's clicker sends PageUp / PageDown: the previous / next dashboard page
        n = len(paths)
        index = paths.index(here) if here in paths else 0
        if cols[0].button("◀ 上一页", key="meeting_back", width="stretch", shortcut="PageUp"):
            st.switch_page(paths[(index - 1) % n])
        if cols[4].button("下一页 ▶", key="meeting_forward", width="stretch", shortcut="PageDown"):
            st.switch_page(paths[(index + 1) % n])
    return True


def _pick(key: str, value: object) -> None:
    st.session_state[key] = value


def unit_switch(order: list[int], shown: int, key: str) -> None:
    """◀ 上一个单位 / 下一个单位 ▶ through `order` (unit ids, as ranked on the page) from the unit
    `shown`; the choice is kept under `key` (the sidebar's unit filter)."""
    at = order.index(shown) if shown in order else -1
    with st.container(key="meeting_units"):
        left, _, right = st.columns([1, 2, 1])
        left.button(
            "◀ 上一个单位",
            key="meeting_unit_prev",
            width="stretch",
            disabled=at <= 0,
            on_click=_pick,
            args=(key, order[at - 1] if at > 0 else shown),
        )
        right.button(
            "下一个单位 ▶",
            key="meeting_unit_next",
            width="stretch",
            disabled=at < 0 or at >= len(order) - 1,
            on_click=_pick,
            args=(key, order[at + 1] if 0 <= at < len(order) - 1 else shown),
        )


# ------------------------------------------------------------------------------ large tables


def _cell(value: object, percent: bool) -> tuple[str, bool]:
    """A cell as escaped text and whether it is a number (right-aligned)."""
    if value is None or (isinstance(value, float) and value != value):
        return "—", False
    if isinstance(value, bool):
        return ("是" if value else "否"), False
    if isinstance(value, int | float):
        if percent:
            return f"{value:.1f}%", True
        if isinstance(value, int) or float(value).is_integer():
            return f"{int(value)}", True
        return f"{value:.2f}".rstrip("0").rstrip("."), True
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M"), False
    if isinstance(value, datetime.date):
        return value.isoformat(), False
    if isinstance(value, list | tuple):
        return html.escape("、".join("—" if v is None else str(v) for v in value)), False
    return html.escape(str(value)), False


def big_table(
    frame: pl.DataFrame, percent_columns: tuple[str, ...] = (), change_columns: tuple[str, ...] = ()
) -> None:
    """Draw the frame as a large table for a projector (see big_table_html)."""
    st.html(big_table_html(frame, percent_columns, change_columns))


def big_table_html(
    frame: pl.DataFrame, percent_columns: tuple[str, ...] = (), change_columns: tuple[str, ...] = ()
) -> str:
    """The frame as a large HTML table: its first MAX_BIG_ROWS rows, then how many more there
    are; every value escaped text, empty as —. Values already in percent go in
    `percent_columns`, changes in percentage points (+8.3, −5.0, 持平) in `change_columns`."""
    head = "".join(f"<th>{html.escape(str(name))}</th>" for name in frame.columns)
    rows = []
    for row in frame.head(MAX_BIG_ROWS).iter_rows():
        cells = []
        for name, value in zip(frame.columns, row, strict=True):
            if name in change_columns and isinstance(value, int | float):
                change = round(value, 1)
                text, number = ("持平" if change == 0 else f"{change:+.1f}"), True
            else:
                text, number = _cell(value, name in percent_columns)
            cells.append(f'<td class="num">{text}</td>' if number else f"<td>{text}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    more = ""
    if frame.height > MAX_BIG_ROWS:
        more = f'<p class="fz-more">仅显示前 {MAX_BIG_ROWS} 行，共 {frame.height} 行。</p>'
    return f'<table class="fz-big"><tr>{head}</tr>{"".join(rows)}</table>{more}'


def start(page_file: str, filters) -> bool:
    """The meeting bar (or the button into the mode) for a dashboard page, from its filters
    (ui.filters.Filters). Returns whether the mode is on: charts then draw large."""
    trend = filters.trend
    periods = trend["period_index"].to_list() if trend.height else []
    return bar(page_file, periods, filters.period, filters.period_label)
