"""计划与任务: choose a plan, browse its actions and tasks, search them, upload new files."""

import polars as pl
import streamlit as st

from analytics import db, plan_data
from analytics.db import get_connection
from loaders.errors import LoadError, ReadError
from loaders.storage.plans import LoadResult, load_file
from ui import filters, plan_review, session, tables, words
from ui.routing import through_router
from ui.safe import md

through_router(__file__)

UPLOAD_TYPES = [
    "txt",
    "md",
    "html",
    "htm",
    "shtml",
    "mht",
    "mhtml",
    "docx",
    "pdf",
    "xlsx",
    "xls",
    "csv",
]
TASK_COLUMNS = {
    "number": "编号",
    "title": "任务",
    "lead_units": "牵头单位",
    "responsible_units": "责任单位",
    "cooperating_units": "配合单位",
    "deadline_text": "完成时限",
    "due": "截止日期",
    "targets": "指标",
    "text": "任务内容",
    "review": "待核对",
}
REVIEW_COLUMNS = {"action_code": "行动", "number": "编号", "title": "任务", "review": "待核对事项"}
TARGET_COLUMNS = dict(action_code="行动", task_number="任务编号", label="指标", text="原文")
UNIT_COLUMNS = dict(name="单位", kind="类型", level="层级", tasks="任务数", written_as="原文写法")
con = get_connection()


def summary(r: LoadResult) -> str:
    text = f"已载入：{r.documents} 个文件，{r.actions} 个行动，{r.tasks} 项任务，"
    text += f"{r.targets} 个指标，{r.achievements} 条年度实绩"
    text += f"；{len(r.unresolved_units)} 个单位待确认" if r.unresolved_units else ""
    for new_id, old_id, old_title in r.versions:
        text += f"；识别为第 {old_id} 号《{old_title}》的新版本（第 {new_id} 号），可在“计划管理”中设为当前计划"
    return text


def load_upload(name: str, data: bytes) -> tuple[str, str]:
    """Load one uploaded file with progress shown; returns (message kind, Chinese message)."""
    with st.status(f"正在载入 {md(name)}…", expanded=True) as status:
        bar = st.progress(0.0, text="开始")
        show = lambda f, m: bar.progress(min(max(f, 0.0), 1.0), text=m)  # noqa: E731
        try:
            r = load_file(con, name, data, loaded_by=session.actor(con), progress=show)
        except (LoadError, ReadError) as e:
            status.update(label=f"{md(name)} 载入失败", state="error")
            return "error", str(e)
        except Exception as e:  # an unexpected fault: still tell the user in Chinese
            status.update(label=f"{md(name)} 载入失败", state="error")
            return "error", f"{name}: 载入失败，未保存（{e}）"
        status.update(label=f"{md(name)} 载入完成", state="complete", expanded=False)
    db.clear_caches()
    if r.status == "unchanged":
        return "info", f"{name}: 该文件已载入过，未重复保存"
    return "success", summary(r)


def upload_box() -> None:
    """Sidebar uploader for a signed-in account; each upload (by its file id) is loaded once per
    session (the data layer lets only an admin load)."""
    if session.actor(con) is None:
        return
    with st.sidebar:
        upload = words.file_uploader("上传计划、分解表或年度报告", UPLOAD_TYPES, "plan_upload")
        if upload is None:
            return
        done = st.session_state.setdefault("plan_uploads_done", {})
        if upload.file_id not in done:
            done[upload.file_id] = load_upload(upload.name, upload.getvalue())
            if done[upload.file_id][0] == "success":
                st.rerun()  # the sidebar's plan list was drawn before the load
        kind, message = done[upload.file_id]
        {"error": st.error, "info": st.info, "success": st.success}[kind](md(message))


def action_heading(code: str, title: str) -> str:
    """ "一" + "规范执法" -> "一、规范执法"; "(一)" + "…" -> "(一) …"; no code -> the title."""
    if not code:
        return title
    return f"{code}、{title}" if code[-1] not in ")）" and not code.isdigit() else f"{code} {title}"


def plan_view(plan: dict) -> None:
    """One plan: heading, search box, an expander per action with its task table."""
    st.subheader(md(plan["title"]), anchor=False)
    facts = [f"文号：{plan['doc_number'] or '无'}", f"发文机关：{plan['issuer'] or '未注明'}"]
    facts += [f"年度：{plan['years_label'] or '未注明'}", f"行动 {plan['actions']} 个"]
    st.caption(md("　".join(facts + [f"任务 {plan['tasks']} 项"])))
    search = st.text_input("搜索任务（任务内容或单位名称）", key="task_search").strip()
    tasks = plan_data.tasks_frame(con, plan["plan_id"], search)
    st.caption(f"找到 {tasks.height} 项任务" if search else f"共 {tasks.height} 项任务")
    doubtful = tasks.filter(pl.col("review") != "")
    if doubtful.height:
        with st.expander(
            f"待核对：{doubtful.height} 项任务（解析时没有把握的地方）", expanded=True
        ):
            tables.show(doubtful.select(list(REVIEW_COLUMNS)).rename(REVIEW_COLUMNS))
    for action in plan_data.plan_actions(con, plan["plan_id"]).iter_rows(named=True):
        rows = tasks.filter(pl.col("action_id") == action["action_id"])
        if search and rows.is_empty():
            continue
        label = f"{action_heading(action['code'], action['title'])}（{rows.height} 项任务）"
        with st.expander(md(label), expanded=bool(search)):
            tables.show(rows.select(list(TASK_COLUMNS)).rename(TASK_COLUMNS))
            if action["section_targets"]:
                st.caption(f"效果指标：{md(action['section_targets'])}")
    targets = plan_data.plan_targets(con, plan["plan_id"])
    with st.expander(f"指标一览（{targets.height} 个）"):
        tables.show(targets.select(list(TARGET_COLUMNS)).rename(TARGET_COLUMNS))


chosen = filters.sidebar(con)
upload_box()
st.title("计划与任务", anchor=False)
plan_review.show_message()  # what the last action did, after the page was redrawn
plans = plan_data.list_plans(con)
if plans.is_empty():
    st.info("尚未载入任何计划。请在左侧上传计划文件（txt、docx、pdf、xlsx 等）。")
else:
    st.caption("在左侧“计划”中切换计划。")
    plan_id = chosen.plan_id
    plan_view(plans.filter(pl.col("plan_id") == plan_id).row(0, named=True))

if not plans.is_empty():
    with st.expander("计划校对（逐项核对任务，改正解析错误；校对单独保存，可撤销）"):
        plan_review.corrections_panel(con, chosen.plan_id)
with st.expander("计划管理（当前计划、改名、归档、跟踪）"):
    plan_review.plan_admin_panel(con)

with st.expander("单位（待确认、合并、单位组成员）"):
    plan_review.units_panel(con, chosen.plan_id)
with st.expander("指标目录与任务延续（跨计划、跨年度比较）"):
    plan_review.catalogue_panel(con, chosen.plan_id)
