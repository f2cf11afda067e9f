"""数据填报: download the pre-filled quarterly sheet, upload it, check the preview, confirm."""

import datetime

import polars as pl
import streamlit as st

from analytics import db, plan_data
from analytics.db import get_connection
from loaders.errors import LoadError
from loaders.periods import last_ended_quarter, period_label
from loaders.progress.catalog import load_catalog
from loaders.progress.store import previous_answers, restore_upload, store_upload, validate_upload
from loaders.progress.template import build_template
from ui.routing import through_router

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
    unit = c3.selectbox("填报单位", units, key="fill_unit")
    return year, quarter, unit


def download_box(year: int, quarter: int, unit: str) -> None:
    catalog = load_catalog(con, year)
    name = "all" if unit == ALL else unit
    try:
        data = build_template(catalog, name, year, quarter, previous_answers(con, year, quarter))
    except LoadError as e:
        st.warning(str(e))
        return
    label = "全部单位" if unit == ALL else unit
    st.download_button(
        f"下载 {label} {period_label(year, quarter)}填报表（Excel）",
        data,
        file_name=f"{label}_{period_label(year, quarter)}填报表.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="template_download",
    )
    st.caption("表内灰色列为预填内容，请只填写白色列；上季度的进展已带入，请按本季度实际修改。")


def preview(parsed, catalog, year: int, quarter: int) -> None:
    """What will be stored, and what changed since last quarter."""
    before = previous_answers(con, year, quarter).tasks
    tasks_by_id = {t.task_id: t for t in catalog.tasks}
    targets_by_id = {i.target_id: i for i in catalog.indicators}
    rows = [
        {
            "单位": r.unit,
            "编号": tasks_by_id[r.task_id].number,
            "任务": tasks_by_id[r.task_id].title,
            "进展状态": r.status,
            "上季度状态": (before.get((r.unit, r.task_id)) or ("（无）",))[0],
            "进展说明": r.note or "",
        }
        for r in parsed.tasks
    ]
    tasks = pl.DataFrame(rows) if rows else pl.DataFrame()
    changed = tasks.filter(pl.col("进展状态") != pl.col("上季度状态")).height if rows else 0
    st.info(
        f"将保存任务进展 {len(parsed.tasks)} 条（其中 {changed} 条状态较上季度有变化）、"
        f"指标数据 {len(parsed.indicators)} 条。"
    )
    for w in parsed.warnings:
        st.caption(w)
    if rows:
        st.dataframe(tasks, hide_index=True)
    if parsed.indicators:
        st.dataframe(
            pl.DataFrame(
                [
                    {
                        "单位": r.unit,
                        "指标": targets_by_id[r.target_id].indicator,
                        "目标": targets_by_id[r.target_id].target_label,
                        "分子": r.numerator,
                        "分母": r.denominator,
                        "实际值": r.actual,
                    }
                    for r in parsed.indicators
                ]
            ),
            hide_index=True,
        )


def upload_box(year: int, quarter: int, unit: str) -> None:
    who = st.text_input("填报人（记入上传记录）", key="uploader_name").strip() or "网页上传"
    upload = st.file_uploader(
        "上传填好的填报表", type=["xlsx", "xls", "csv"], key="progress_upload"
    )
    if upload is None:
        return
    reporting = None if unit == ALL else unit
    data = upload.getvalue()
    catalog = load_catalog(con, year)
    with st.spinner("正在校验…"):
        parsed = validate_upload(con, upload.name, data, reporting, year, quarter, catalog)
    if parsed.errors:
        st.error(f"{upload.name} 未通过校验，没有保存任何数据。请修改后重新上传：")
        st.dataframe(pl.DataFrame({"问题": parsed.errors}), hide_index=True)
        if st.button("记录这次未通过的上传", key="record_rejected"):
            store_upload(con, upload.name, data, who, reporting, year, quarter, parsed)
            db.clear_caches()
        return
    preview(parsed, catalog, year, quarter)
    if st.button("确认保存", type="primary", key="confirm_upload"):
        result = store_upload(con, upload.name, data, who, reporting, year, quarter, parsed)
        db.clear_caches()
        (st.info if result.status == "duplicate" else st.success)(result.summary())


def history(who: str) -> None:
    uploads = plan_data.upload_history(con)
    st.subheader("上传记录")
    if uploads.is_empty():
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
    }
    st.dataframe(uploads.select(list(labels)).rename(labels), hide_index=True)
    restorable = uploads.filter(pl.col("restorable"))["upload_id"].to_list()
    if restorable:
        c1, c2 = st.columns([2, 1])
        chosen = c1.selectbox(
            "恢复被替换的上传",
            restorable,
            format_func=lambda i: f"第 {i} 号上传",
            key="restore_choice",
        )
        if c2.button("恢复", key="restore_button"):
            replaced = restore_upload(con, chosen, who)
            db.clear_caches()
            st.success(
                f"已恢复第 {chosen} 号上传，替换了第 {'、'.join(map(str, replaced)) or '—'} 号"
            )


st.title("数据填报")
y, q, u = period_picker()
st.subheader("1. 下载填报表")
download_box(y, q, u)
st.subheader("2. 上传并确认")
upload_box(y, q, u)
history(st.session_state.get("uploader_name", "").strip() or "网页上传")
