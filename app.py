"""法治进度: the router. Pages live in pages/; the shared filters (计划/季度/单位) are drawn here, in the
sidebar, so that they carry across pages; the meeting mode hides the sidebar and navigation."""

import streamlit as st

from analytics.db import get_connection
from ui import filters, layout

st.set_page_config(page_title="法治进度", layout="wide")

SECTIONS = {
    "看板": [
        st.Page("pages/overview.py", title="总览", icon=":material/dashboard:", default=True),
        st.Page("pages/units.py", title="按单位", icon=":material/apartment:"),
        st.Page("pages/actions.py", title="按行动", icon=":material/flag:"),
        st.Page("pages/years.py", title="按年度", icon=":material/calendar_month:"),
        st.Page("pages/indicators.py", title="指标", icon=":material/monitoring:"),
    ],
    "计划": [st.Page("pages/plans.py", title="计划与任务", icon=":material/checklist:")],
    "填报": [st.Page("pages/progress.py", title="数据填报", icon=":material/upload_file:")],
}

pg = st.navigation(SECTIONS, position="hidden" if layout.meeting_mode() else "sidebar")
st.session_state["_filters"] = filters.sidebar(get_connection())
pg.run()
