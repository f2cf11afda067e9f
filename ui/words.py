"""Chinese only on screen (界面只用简体中文): what Streamlit's own widgets would write in English,
how figures read, and the audit log's operations in words.

`apply()` once per page adds one inline stylesheet (no script, no external file):
- the file uploader's "Upload" button and "200MB per file • XLSX…" line become Chinese;
- the toolbar over tables and charts (tooltips "Show/hide columns", "Download as CSV",
  "Search", "Fullscreen", "Show data") and a table column's menu ("Sort ascending", "Pin
  column"…) are hidden: Streamlit has no option to name them in Chinese, and every page offers
  its own Excel download; a table still sorts by a click on its header;
- an empty date field shows 年-月-日 instead of yyyy-mm-dd;
- the keyboard's "Skip to main content" link reads 跳到主要内容.
"""

from __future__ import annotations

import json

import streamlit as st

from loaders import access
from loaders.storage import corrections

EMPTY = "—"
CHOOSE = "请选择"  # placeholder of a selectbox or multiselect without a choice
NO_CHOICE = "没有可选项"

_CSS = """
<style>
/* tables and charts: the hover toolbar and a column's menu speak only English */
[data-testid="stElementToolbar"] { display: none !important; }
[data-baseweb="popover"]:has([data-testid="stDataFrameColumnMenu"]) { display: none !important; }
/* file uploader: the button and the size line */
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {
    display: none;
}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"]::after {
    content: "选择文件";
}
[data-testid="stFileUploaderDropzoneInstructions"] span { display: none; }
[data-testid="stFileUploaderDropzoneInstructions"] > div::after {
    content: "将文件拖到这里，或点击“选择文件”（单个文件不超过 %(limit)s MB）";
    font-size: 0.875rem;
    opacity: 0.7;
}
/* an empty date field: 年-月-日 instead of yyyy-mm-dd */
[data-testid="stDateInput"] span[data-placeholder="true"] { font-size: 0; }
[data-testid="stDateInput"] span[data-placeholder="true"]::after { font-size: 0.875rem; }
[data-testid="stDateInput"] span[data-placeholder="true"][data-type="year"]::after { content: "年"; }
[data-testid="stDateInput"] span[data-placeholder="true"][data-type="month"]::after { content: "月"; }
[data-testid="stDateInput"] span[data-placeholder="true"][data-type="day"]::after { content: "日"; }
/* the keyboard's skip link */
[data-testid="stSkipToContent"] { font-size: 0 !important; }
[data-testid="stSkipToContent"]::after { content: "跳到主要内容"; font-size: 1rem; }
</style>
"""


def apply() -> None:
    """The stylesheet above, once per page run (a <style>-only st.html takes no space)."""
    st.html(_CSS % {"limit": st.get_option("server.maxUploadSize")})


def placeholder(options: list | dict) -> str:
    """What an empty selectbox or multiselect says (Streamlit's own is "Choose an option")."""
    return CHOOSE if options else NO_CHOICE


def file_uploader(label: str, types: list[str], key: str, **kwargs):
    """st.file_uploader whose dropzone names the accepted formats in Chinese (the stylesheet of
    `apply` hides Streamlit's "200MB per file • XLSX, XLS, CSV")."""
    formats = "、".join(t.upper() for t in types)
    limit = st.get_option("server.maxUploadSize")
    st.html(
        f"<style>.st-key-{key} [data-testid='stFileUploaderDropzoneInstructions'] > div::after"
        f' {{ content: "支持 {formats} 文件，单个不超过 {limit} MB"; }}</style>'
    )
    return st.file_uploader(label, type=types, key=key, **kwargs)


# ---------------------------------------------------------------- 审计日志

ACTIONS = {
    **access.ADMIN_ACTIONS,  # the names of refused actions: 载入计划, 管理账户…
    "sign_in": "登录",
    "upload": "上传填报",
    "load": "载入文件",
    "confirm_units": "确认单位",
    "merge": "合并单位",
    "merge_undo": "撤销合并单位",
    "members": "设定单位组成员",
    "correct_undo": "撤销校对",
    "add_task": "新增任务",
    "alias": "确认指标别名",
    "alias_undo": "撤销指标别名",
    "task_link": "确认任务延续",
    "plan_current": "设为当前计划",
    "plan_rename": "计划改名",
    "plan_archive": "归档计划",
    "plan_restore": "恢复计划",
    "plan_track": "跟踪计划",
    "plan_untrack": "不跟踪计划",
}
DETAIL_KEYS = {
    "sha256": "文件校验码",
    "status": "结果",
    "upload_id": "上传编号",
    "unit": "单位",
    "rows": "条数（任务、指标）",
    "add": "新建账户，角色",
    "units": "单位",
    "password": "密码",
    "disabled": "停用",
    "found": "确认数",
    "event": "合并记录",
    "replaced": "替换的上传",
    "documents": "文件数",
    "actions": "行动数",
    "tasks": "任务数",
    "targets": "指标数",
    "achievements": "年度实绩数",
    "unresolved_units": "待确认单位",
    "versions": "新版本",
    "corrections": "校对编号",
    "changes": "校对内容",
    "task_id": "任务编号",
    "task": "任务",
    "group_id": "单位组编号",
    "group": "单位组",
    "before": "原成员",
    "after": "新成员",
    "canonical": "标准名称",
    "earlier": "上年任务编号",
    "number": "编号",
    "title": "标题",
    "name": "名称",
    **corrections.FIELD_NAMES,
}
DETAIL_VALUES = {
    "stored": "已保存",
    "duplicate": "重复上传，未保存",
    "rejected": "未通过校验",
    "changed": "已修改",
    "single sign-on": "统一身份认证",
    **access.ROLES,
}


def detail_text(detail: str | None) -> str:
    """An audit row's detail in words: '{"status": "stored", "rows": [5, 2]}' ->
    "结果：已保存；条数（任务、指标）：5、2"; a plain sentence stays as it is."""
    if detail is None or detail == "":
        return EMPTY
    try:
        value = json.loads(detail)
    except ValueError:
        return DETAIL_VALUES.get(detail, detail)
    return _value_text(value)


def _value_text(value: object) -> str:
    if isinstance(value, dict):
        return "；".join(
            f"{DETAIL_KEYS.get(k, '其他')}：{_value_text(v)}" for k, v in value.items()
        )
    if isinstance(value, list):
        return "、".join(_value_text(v) for v in value) or "无"
    if isinstance(value, bool):
        return "是" if value else "否"
    if value is None:
        return EMPTY
    return DETAIL_VALUES.get(value, str(value)) if isinstance(value, str) else str(value)
