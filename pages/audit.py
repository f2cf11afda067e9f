"""审计日志: every write and every refused action (who, when, what, before/after or file hash),
searchable; for admins only (the log names people and files)."""

import polars as pl
import streamlit as st

from analytics.db import get_connection
from loaders import access
from ui import filters, session, tables, words
from ui.routing import through_router

through_router(__file__)

COLUMNS = {
    "audit_id": "编号",
    "happened_at": "时间",
    "actor": "账户",
    "action": "操作",
    "target": "对象",
    "outcome": "结果",
    "detail": "详情",
}
con = get_connection()
filters.sidebar(con)
st.title("审计日志", anchor=False)
who = session.actor(con)
if not access.has_accounts(con):
    st.info("尚未创建账户：命令行以本机用户身份操作，所有写入仍记录在此日志中。")
elif who is None or not access.actor_named(con, who).is_admin:
    st.info("审计日志只有管理员可以查看，请在左侧以管理员账户登录。")
    st.stop()
left, middle, right = st.columns(3)
since = left.date_input("起始日期", value=None, format="YYYY-MM-DD", key="audit_since")
text = middle.text_input("搜索（账户、操作、对象、详情）", key="audit_search").strip()
refused_only = right.toggle("只看被拒绝的操作", key="audit_refused")
rows = access.audit_rows(con, since.isoformat() if since else None)
frame = (
    pl.DataFrame(rows, schema=list(COLUMNS), orient="row")
    if rows
    else pl.DataFrame(schema={c: pl.Utf8 for c in COLUMNS})
)
if refused_only:
    frame = frame.filter(pl.col("outcome") == "refused")
frame = frame.with_columns(  # in words, before searching: 搜索“上传” finds the uploads
    action=pl.col("action").replace_strict(words.ACTIONS, default="其他操作", return_dtype=pl.Utf8),
    outcome=pl.when(pl.col("outcome") == "refused").then(pl.lit("拒绝")).otherwise(pl.lit("完成")),
    detail=pl.col("detail").map_elements(words.detail_text, return_dtype=pl.Utf8),
)
if text:
    frame = frame.filter(
        pl.any_horizontal(
            pl.col(c).cast(pl.Utf8).fill_null("").str.contains(text, literal=True)
            for c in ("actor", "action", "target", "detail")
        )
    )
st.caption(f"共 {frame.height} 条（新的在前）")
tables.show(frame.rename(COLUMNS), key="audit_table")
