"""法治进度: the router. Pages live in pages/ and draw the shared filters (ui.filters) themselves;
the meeting mode (会议模式) hides the navigation. Page icons are emoji, never :material/…: icons,
which the browser would fetch from a font CDN (the app runs offline)."""

import streamlit as st

from ui import meeting, routing, words

st.set_page_config(page_title="法治进度", layout="wide")

SECTIONS = {
    "看板": [
        st.Page("pages/overview.py", title="总览", icon="📊", default=True),
        st.Page("pages/units.py", title="按单位", icon="🏢"),
        st.Page("pages/actions.py", title="按行动", icon="🚩"),
        st.Page("pages/years.py", title="按年度", icon="📅"),
        st.Page("pages/indicators.py", title="指标", icon="📈"),
    ],
    "计划": [st.Page("pages/plans.py", title="计划与任务", icon="📋")],
    "填报": [st.Page("pages/progress.py", title="数据填报", icon="📤")],
    "管理": [st.Page("pages/audit.py", title="审计日志", icon="🔎")],
}

pg = st.navigation(SECTIONS, position="hidden" if meeting.meeting_mode() else "sidebar")
if wanted := routing.routed():  # a deep link that Streamlit first ran without the router
    st.switch_page(wanted)
words.apply()  # Chinese for the uploader's words, no English toolbars (ui.words)
pg.run()
