"""数据填报: download the pre-filled quarterly sheet, upload it, check the preview, confirm."""

import datetime

import polars as pl
import streamlit as st

from analytics import db, plan_data
from analytics.db import get_connection
from loaders import access
from loaders.errors import LoadError
from loaders.periods import last_ended_quarter, period_label
from loaders.progress.catalog import load_catalog
from loaders.progress.store import (
    answer_text,
    changes_against_in_force,
    restore_upload,
    store_upload,
    template_answers,
    upload_history,
    validate_upload,
)
from loaders.progress.template import build_template
from ui import session, tables, words
from ui.routing import through_router
from ui.safe import md

through_router(__file__)

ALL = "全部单位（协调员）"
con = get_connection()


def period_picker() -> tuple[int, int, str]:
    """Year, quarter and reporting unit, kept across reruns."""
    last_year, last_quarter = last_ended_quarter(datetime.date.today())
    years = plan_data.plan_years(con) or [last_year]
    default_year = last_year if last_year in years else years[-1]
    c1, c2, c3 = st.columns([1, 1, 2])
    year = c1.selectbox("年度", years, index=years.index(default_year), key="fill_year")
    quarter = c2.selectbox(
        "季度",
        [1, 2, 3, 4],
        index=last_quarter - 1,
        format_func=lambda q: f"第{q}季度",
        key="fill_quarter",
    )
    units = [ALL, *load_catalog(con, year).reporting_units()]
    who = session.actor(con)
    if who and not (actor := access.actor_named(con, who)).is_admin:
        units = [u for u in units if u in actor.units] or list(actor.units)  # its own units only
    unit = c3.selectbox("填报单位", units, key="fill_unit")
    return year, quarter, unit


def download_box(year: int, quarter: int, unit: str) -> None:
    catalog = load_catalog(con, year)
    name = "all" if unit == ALL else unit
    answers = template_answers(con, year, quarter)
    try:
        data = build_template(catalog, name, year, quarter, answers)
    except LoadError as e:
        st.warning(md(str(e)))
        return
    label = "全部单位" if unit == ALL else unit
    st.download_button(
        f"下载 {label} {period_label(year, quarter)}填报表（Excel）",
        data,
        file_name=f"{label}_{period_label(year, quarter)}填报表.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="template_download",
    )
    if answers.reported:
        st.caption(
            "本季度已报送的内容（进展状态、说明、佐证材料和指标数值）已预先填入：修改后重新上传即为"
            "更正，表中各行替换已报送的对应行，未包含的行保持不变。"
        )
    else:
        st.caption(
            "表内灰色列为预填内容，请只填写白色列；上季度的进展状态已带入，请按本季度实际修改。"
        )


def preview(parsed, catalog) -> None:
    """What will be stored, row by row against the rows in force (新增 / 修改 / 不变)."""
    changes = changes_against_in_force(con, parsed)
    tasks_by_id = {t.task_id: t for t in catalog.tasks}
    targets_by_id = {i.target_id: i for i in catalog.indicators}
    st.info(
        f"将保存任务进展 {len(parsed.tasks)} 条、指标数据 {len(parsed.indicators)} 条。"
        f"{changes.summary()}。"
    )
    for w in parsed.warnings:
        st.warning(md(w))
    for kind in ("task", "indicator"):
        rows = [_change_row(c, tasks_by_id, targets_by_id) for c in changes.rows if c.kind == kind]
        if rows:
            tables.show(pl.DataFrame(rows))


def _change_row(c, tasks_by_id: dict, targets_by_id: dict) -> dict:
    """One row of the preview: the task or indicator, the answers in force and the new ones."""
    if c.kind == "task":
        task = tasks_by_id[c.item_id]
        item = {"编号": task.number, "任务": task.title}
    else:
        target = targets_by_id[c.item_id]
        item = {"指标": target.indicator, "目标": target.target_label}
    return {
        "变化": c.state,
        "单位": c.unit,
        "期间": period_label(c.year, c.quarter),
        **item,
        "现有": answer_text(c.kind, c.before),
        "新填报": answer_text(c.kind, c.after),
        "进展说明": (c.after[1] or None) if c.kind == "task" else None,  # shown as —
        "现有数据来自": f"第 {c.upload_id} 号上传" if c.upload_id else None,
    }


def upload_box(year: int, quarter: int, unit: str) -> None:
    who = session.actor(con)
    if who is None:
        st.info(
            "上传须先在左侧登录（填报账户只能报送本单位的数据）。"
            if access.has_accounts(con)
            else "尚未创建账户：网页只能查看。管理员请用命令行创建账户后再在网页上传。"
        )
        return
    upload = words.file_uploader("上传填好的填报表", ["xlsx", "xls", "csv"], "progress_upload")
    if upload is None:
        return
    reporting = None if unit == ALL else unit
    data = upload.getvalue()
    catalog = load_catalog(con, year)
    with st.spinner("正在校验…"):
        parsed = validate_upload(con, upload.name, data, reporting, year, quarter, catalog)
    if parsed.errors:
        st.error(f"{md(upload.name)} 未通过校验，没有保存任何数据。请修改后重新上传：")
        tables.show(pl.DataFrame({"问题": parsed.errors}, schema={"问题": pl.Utf8}))
        if st.button("记录这次未通过的上传", key="record_rejected"):
            _store(upload.name, data, who, reporting, year, quarter, parsed)
        return
    preview(parsed, catalog)
    if st.button("确认保存", type="primary", key="confirm_upload"):
        _store(upload.name, data, who, reporting, year, quarter, parsed)


def _store(name, data, who, reporting, year, quarter, parsed) -> None:
    """Store through the data layer (which checks the account), then redraw the page and say
    what happened."""
    try:
        result = store_upload(con, name, data, who, reporting, year, quarter, parsed)
    except LoadError as e:
        st.session_state["progress_message"] = ("error", str(e))
    else:
        kind = "info" if result.status == "duplicate" else "success"
        st.session_state["progress_message"] = (kind, result.summary())
    db.clear_caches()
    st.rerun()


def history(who: str | None) -> None:
    uploads = upload_history(con)
    st.subheader("上传记录", anchor=False)
    if not uploads:
        st.caption("还没有上传记录。")
        return
    labels = {
        "upload_id": "编号",
        "file_name": "文件",
        "uploaded_by": "上传人",
        "uploaded_at": "时间",
        "units": "单位",
        "periods": "期间",
        "task_rows": "任务条数",
        "indicator_rows": "指标条数",
        "state": "状态",
        "messages": "问题",
    }
    table = pl.DataFrame(
        [
            {label: None if row[key] == "" else row[key] for key, label in labels.items()}
            for row in uploads
        ]
    )  # an empty text ("" in the history) is a null, shown as —
    tables.show(table, key="upload_history")
    admin = who is not None and access.actor_named(con, who).is_admin  # restoring is an admin's
    restorable = [row["upload_id"] for row in uploads if row["restorable"]] if admin else []
    if restorable:
        c1, c2 = st.columns([2, 1])
        chosen = c1.selectbox(
            "恢复被替换的上传（其各行重新生效，替换现有的对应行）",
            restorable,
            format_func=lambda i: f"第 {i} 号上传",
            key="restore_choice",
        )
        if c2.button("恢复", key="restore_button"):
            try:
                replaced = restore_upload(con, chosen, who)
            except LoadError as e:
                st.session_state["progress_message"] = ("error", str(e))
            else:
                done = "、".join(map(str, replaced)) or "—"
                st.session_state["progress_message"] = (
                    "success",
                    f"已恢复第 {chosen} 号上传，替换了第 {done} 号上传中的对应行",
                )
            db.clear_caches()
            st.rerun()


with st.sidebar:
    session.account_box(con)
st.title("数据填报", anchor=False)
if message := st.session_state.pop("progress_message", None):
    {"error": st.error, "info": st.info, "success": st.success}[message[0]](md(message[1]))
y, q, u = period_picker()
st.subheader("1. 下载填报表", anchor=False)
download_box(y, q, u)
st.subheader("2. 上传并确认", anchor=False)
upload_box(y, q, u)
history(session.actor(con))
