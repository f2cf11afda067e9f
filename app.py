"""法治进度: the app's router. Pages live in pages/; add a section by adding a key below."""

import streamlit as st

st.set_page_config(page_title="法治进度", layout="wide")

SECTIONS = {
    "计划": [
        st.Page("pages/plans.py", title="计划与任务", icon=":material/checklist:", default=True)
    ],
}

pg = st.navigation(SECTIONS)
pg.run()
