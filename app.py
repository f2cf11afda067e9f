"""法治进度: the app's router. Pages live in pages/; add a section by adding a key below."""

import streamlit as st

st.set_page_config(page_title="法治进度", layout="wide")

SECTIONS = {
    "计划": [
        st.Page("pages/plans.py", title="计划与任务", icon=":material/checklist:", default=True)
    ],
    "填报": [st.Page("pages/progress.py", title="数据填报", icon=":material/upload_file:")],
}

pg = st.navigation(SECTIONS)
pg.run()
