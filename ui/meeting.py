"""The meeting mode (会议模式): large type and no sidebar for a projector."""

from __future__ import annotations

import streamlit as st

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
