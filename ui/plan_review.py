"""The coordinator's panels on the plan page: 计划管理 (current plan, rename, archive, tracked
documents) and 计划校对 (correct a task beside its source text, add or remove one, undo). Every
action writes through loaders.storage, then refreshes the page and says what it did."""

from __future__ import annotations

import datetime

import duckdb
import polars as pl
import streamlit as st

from analytics import db, plan_data
from loaders.errors import LoadError
from loaders.plans.units import split_unit_names
from loaders.storage import catalogue, corrections, plan_admin, registry
from loaders.storage.unit_groups import set_members
from ui import filters, numbers, session, tables, words
from ui.safe import md

MESSAGE_KEY = "plan_review_message"
PLAN_COLUMNS = dict(
    plan_id="编号",
    title="名称",
    kind_name="类型",
    years_label="年度",
    state="状态",
    tasks="任务数",
    uploads="填报次数",
    file_name="来源文件",
)
HISTORY_COLUMNS = dict(
    correction_id="编号",
    task="任务",
    field_name="内容",
    value="校对为",
    made_by="校对人",
    made_at="时间",
    state="状态",
)


def show_message() -> None:
    """The message of the last action, shown once after the page was redrawn."""
    if message := st.session_state.pop(MESSAGE_KEY, None):
        {"error": st.error, "success": st.success}[message[0]](md(message[1]))


def _done(kind: str, text: str) -> None:
    st.session_state[MESSAGE_KEY] = (kind, text)
    db.clear_caches()
    st.rerun()


def _who() -> str | None:
    """The signed-in account: every write passes it to the data layer, which checks its role."""
    return st.session_state.get(session.KEY)


def _attempt(action, success: str) -> None:
    if _who() is None:
        _done("error", "请先在左侧登录，再进行这项操作（只有管理员可以修改计划和单位）")
    try:
        action()
    except LoadError as e:
        _done("error", str(e))
    else:
        _done("success", success)


# ---------------------------------------------------------------- 计划管理


def plan_admin_panel(con: duckdb.DuckDBPyConnection) -> None:
    every = plan_data.list_plans(con, everything=True)
    current = plan_data.current_plan_id(con)
    shown = every.with_columns(
        kind_name=pl.col("kind").replace_strict(plan_admin.KIND_NAMES, default="其他"),
        state=pl.when(pl.col("plan_id") == current)
        .then(pl.lit("当前计划"))
        .when(pl.col("archived"))
        .then(pl.lit("已归档"))
        .when(~pl.col("tracked"))
        .then(pl.lit("不跟踪"))
        .when(pl.col("version_of").is_not_null())
        .then(pl.format("跟踪（替代第 {} 号）", pl.col("version_of")))
        .otherwise(pl.lit("跟踪")),
        years_label=pl.col("years_label").fill_null("未注明"),
    )
    tables.show(shown.select(list(PLAN_COLUMNS)).rename(PLAN_COLUMNS))
    labels = dict(zip(every["plan_id"], every["title"], strict=True))
    with st.form("plan_admin"):
        plan_id = st.selectbox(
            "选择文件",
            list(labels),
            format_func=lambda i: f"{i} {labels[i]}",
            index=None,
            placeholder=words.placeholder(labels),
            key="admin_plan",
        )
        new_title = st.text_input("新名称（改名时填写）", key="admin_title")
        action = st.radio("操作", list(PLAN_ACTIONS), horizontal=True, key="admin_action")
        if st.form_submit_button("执行") and plan_id is not None:
            if action == "设为当前计划":
                st.session_state[filters.PLAN_KEY] = plan_id
            _attempt(
                lambda: PLAN_ACTIONS[action](con, plan_id, new_title),
                f"已对第 {plan_id} 号执行“{action}”",
            )


PLAN_ACTIONS = {
    "设为当前计划": lambda con, i, _t: plan_admin.pin_current(con, i, _who()),
    "改名": lambda con, i, t: plan_admin.rename_plan(con, i, t, _who()),
    "归档": lambda con, i, _t: plan_admin.archive_plan(con, i, _who()),
    "恢复": lambda con, i, _t: plan_admin.archive_plan(con, i, _who(), archived=False),
    "跟踪": lambda con, i, _t: plan_admin.set_tracked(con, i, True, _who()),
    "不跟踪": lambda con, i, _t: plan_admin.set_tracked(con, i, False, _who()),
}


# ---------------------------------------------------------------- 计划校对


def corrections_panel(con: duckdb.DuckDBPyConnection, plan_id: int) -> None:
    """One task beside its source text, its fields to correct; tasks the parser was unsure of
    come first. Below: adding a task, and the history with undo."""
    records = corrections.task_records(con, plan_id)
    if not records:
        st.write("该计划没有任务。")
    else:
        records.sort(key=lambda t: not t["review_notes"])  # 待核对 first, then plan order
        by_id = {t["task_id"]: t for t in records}

        def label(i: int) -> str:
            t = by_id[i]
            return f"{'【待核对】' if t['review_notes'] else ''}{t['action_code']} {t['number']} {t['title']}"

        task_id = st.selectbox(
            "选择任务（待核对的排在前面）", list(by_id), format_func=label, key="review_task"
        )
        _task_form(con, by_id[task_id])
    _add_task_form(con, plan_id)
    _history(con, plan_id)


def _task_form(con, task: dict) -> None:
    left, right = st.columns(2)
    with left:
        st.caption("原文")
        st.text(task["text"])
        for note in task["review_notes"]:
            st.warning(md(note), icon="⚠️")
        edited = [f for f, s in task["source"].items() if s != "document"]
        if edited:
            st.caption("已校对：" + "、".join(corrections.FIELD_NAMES.get(f, f) for f in edited))
    with right.form(f"correct_{task['task_id']}"):
        title = st.text_input("标题", task["title"])
        units = {
            r: st.text_input(name, "、".join(task[f"{r}_units"]))
            for r, name in (
                ("lead", "牵头单位"),
                ("responsible", "责任单位"),
                ("cooperating", "配合单位"),
            )
        }
        ongoing = st.checkbox("长期坚持（没有截止日期）", task["ongoing"])
        deadline = st.date_input("完成时限", _date(task["deadline"]), format="YYYY-MM-DD")
        targets = {g["target_id"]: _target_label(g) for g in task["targets"]}
        remove_target = st.selectbox(
            "删除指标",
            [None, *targets],
            format_func=lambda i: "（不删除）" if i is None else targets[i],
        )
        add_target = st.text_input("新增指标（如：投诉举报办结率 >= 90 %）")
        remove_task = st.checkbox("删除这项任务（可撤销）")
        if st.form_submit_button("保存校对"):
            changes = _changes(
                task, title, units, ongoing, deadline, remove_target, add_target, remove_task
            )
            if not changes:
                _done("error", "没有修改任何内容")
            _attempt(
                lambda: corrections.correct(con, task["task_id"], changes, _who()),
                f"已保存对任务 {task['number']} 的校对",
            )


def _date(text: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(text) if text else None


def _target_label(g: dict) -> str:
    sign = {">=": "≥", "<=": "≤"}.get(g["comparator"], g["comparator"])
    return f"{g['indicator']} {sign} {numbers.measure(g['value'], g['unit'] or '')}"


def _changes(task, title, units, ongoing, deadline, remove_target, add_target, remove_task) -> dict:
    """Only what differs from the task as it stands."""
    changes: dict = {}
    if title.strip() != task["title"]:
        changes["title"] = title
    for role, text in units.items():
        if split_unit_names(text) != task[f"{role}_units"]:
            changes[role] = text
    if ongoing and not task["ongoing"]:
        changes["ongoing"] = True
    elif not ongoing and deadline and deadline.isoformat() != task["deadline"]:
        changes["deadline"] = deadline.isoformat()
    if remove_target is not None:
        changes["remove_target"] = remove_target
    if add_target.strip():
        changes["add_target"] = add_target.strip()
    if remove_task:
        changes["remove_task"] = True
    return changes


def _add_task_form(con, plan_id: int) -> None:
    actions = plan_data.plan_actions(con, plan_id)
    codes = dict(zip(actions["code"], actions["title"], strict=True))
    with st.form("add_task"):
        st.caption("新增任务（解析时遗漏的任务）")
        code = st.selectbox(
            "所属行动",
            list(codes),
            format_func=lambda c: f"{c} {codes[c]}",
            placeholder=words.placeholder(codes),
        )
        number = st.text_input("编号")
        title = st.text_input("任务标题")
        lead = st.text_input("牵头单位（用“、”分隔）")
        responsible = st.text_input("责任单位（用“、”分隔）")
        if st.form_submit_button("新增任务") and code is not None:
            units = {k: v for k, v in (("lead", lead), ("responsible", responsible)) if v.strip()}
            _attempt(
                lambda: corrections.add_task(con, plan_id, code, number, title, _who(), units),
                f"已新增任务：{title}",
            )


def _history(con, plan_id: int) -> None:
    history = corrections.corrections_of(con, plan_id)
    if not history:
        return
    frame = pl.DataFrame(
        [
            {
                "correction_id": c["correction_id"],
                "task": f"{c['action_code'] or ''} {c['task_number'] or ''}".strip() or "新增任务",
                "field_name": c["field_name"],
                "value": _shown(c["value"]),
                "made_by": c["made_by"],
                "made_at": c["made_at"].strftime("%Y-%m-%d %H:%M"),
                "state": "已撤销"
                if c["undone_at"]
                else ("找不到对应任务" if c["orphaned"] else "生效"),
            }
            for c in history
        ]
    )
    st.caption("校对记录（新的在前；“找不到对应任务”：新版本中已没有该任务，记录保留）")
    tables.show(frame.rename(HISTORY_COLUMNS))
    active = [c["correction_id"] for c in history if not c["undone_at"]]
    with st.form("undo_correction"):
        chosen = st.selectbox(
            "撤销校对", active, index=None, placeholder="选择编号" if active else words.NO_CHOICE
        )
        if st.form_submit_button("撤销") and chosen is not None:
            _attempt(lambda: corrections.undo(con, chosen, _who()), f"已撤销第 {chosen} 号校对")


def _shown(value: object) -> str:
    if isinstance(value, list):
        return "、".join(map(str, value)) or "（无）"
    if isinstance(value, dict):
        return _target_label(value) if "indicator" in value else str(value.get("title", ""))
    if value is True:
        return "是"
    return words.EMPTY if value is None or value == "" else str(value)


# ---------------------------------------------------------------- 单位


REVIEW_COLUMNS = dict(name="单位", kind="类型", count="任务数", documents="来自文件", tasks="任务")


def units_panel(con: duckdb.DuckDBPyConnection, plan_id: int | None) -> None:
    """单位待确认 (this plan's by default, with the documents and tasks naming them), confirm,
    merge with a confirmation and undo, and the members of groups."""
    only_plan = st.toggle("只看当前计划中的单位", value=plan_id is not None, key="units_this_plan")
    pending = registry.units_for_review(con, plan_id if only_plan else None)
    if pending:
        frame = pl.DataFrame(pending).with_columns(
            kind=pl.when(pl.col("kind") == "group").then(pl.lit("单位组")).otherwise(pl.lit("单位"))
        )
        tables.show(frame.rename(REVIEW_COLUMNS))
    else:
        st.write("没有待确认的单位。")
    names = [r["name"] for r in pending]
    left, right = st.columns(2)
    with left.form("unit_confirm"):
        chosen = st.multiselect(
            "确认这些单位名称无误",
            names,
            placeholder=words.placeholder(names),
            key="units_to_confirm",
        )
        if st.form_submit_button("确认") and chosen:
            _attempt(
                lambda: registry.confirm_units(con, chosen, _who()), f"已确认 {len(chosen)} 个单位"
            )
    with right.form("unit_merge"):
        every = plan_data.unit_names(con)
        alias = st.selectbox(
            "把单位",
            names or every,
            index=None,
            placeholder=words.placeholder(names or every),
            key="merge_alias",
        )
        into = st.selectbox(
            "合并到", every, index=None, placeholder=words.placeholder(every), key="merge_into"
        )
        sure = st.checkbox("确认合并（层级不同的单位也要合并时，请核对后勾选）", key="merge_sure")
        if st.form_submit_button("合并") and alias and into:
            warning = registry.level_warning(alias, into)
            if not sure:
                _done("error", (warning + "。" if warning else "") + "请勾选“确认合并”后再合并")
            _attempt(
                lambda: registry.merge_unit(con, alias, into, _who(), allow_cross_level=True),
                f"已将「{alias}」合并到「{into}」（可在下方撤销）",
            )
    _merge_undo(con)
    _members_form(con)


def _merge_undo(con) -> None:
    merges = [e for e in registry.unit_history(con) if e["action"] == "merge" and not e["undone"]]
    if not merges:
        return
    labels = {e["event_id"]: f"{e['event_id']}：{e['what']}（{e['actor']}）" for e in merges}
    with st.form("merge_undo"):
        chosen = st.selectbox(
            "撤销合并", list(labels), format_func=labels.get, index=None, placeholder="选择一次合并"
        )
        if st.form_submit_button("撤销合并") and chosen is not None:
            _attempt(lambda: registry.undo_merge(con, chosen, _who()), "已撤销合并")


def _members_form(con) -> None:
    groups = dict(
        con.cursor()
        .execute(
            "select u.name, coalesce(string_agg(m.name, '、' order by m.name), '') from units u "
            "left join unit_members um on um.group_id = u.unit_id left join units m on m.unit_id = um.member_id "
            "where u.kind = 'group' group by u.name order by u.name"
        )
        .fetchall()
    )
    if not groups:
        return
    with st.form("group_members"):
        st.caption("单位组的成员：组的任务由每个成员承担、各自报送和计分，单位组本身不参与排名。")
        group = st.selectbox(
            "单位组",
            list(groups),
            format_func=lambda g: f"{g}（{groups[g] or '未设成员'}）",
            index=None,
            placeholder="请选择",
        )
        members = st.text_input("成员（用“、”分隔）", key="group_members_text")
        if st.form_submit_button("保存成员") and group:
            _attempt(lambda: set_members(con, group, members, _who()), f"已设定「{group}」的成员")


# ---------------------------------------------------------------- 指标目录与任务延续


def catalogue_panel(con: duckdb.DuckDBPyConnection, plan_id: int | None) -> None:
    """Suggested aliases of indicators and links of tasks to last year's, each confirmed by the
    coordinator; 按年度 then follows them across plans and years."""
    st.caption("指标别名建议（名称相近、单位相同）：确认后，按年度页把它们作为同一指标比较。")
    _confirm_form(
        "alias",
        catalogue.suggest_aliases(con),
        lambda s: f"「{s['name']}」→「{s['canonical']}」（{s['unit']}，相似度 {s['score']}）",
        ("确认为同一指标", "确认别名", "个指标别名"),
        lambda s: catalogue.confirm_alias(con, s["name"], s["unit"], s["canonical"], _who()),
        "没有新的指标别名建议。",
    )
    st.caption(
        "任务延续建议（与上一年度计划中内容相近的任务）：确认后，按年度页可跟踪该任务的历年情况。"
    )
    _confirm_form(
        "link",
        catalogue.suggest_task_links(con, plan_id) if plan_id else [],
        lambda s: (
            f"{s['number']} {s['title']} ← 上年 {s['earlier_number']} {s['earlier_title']}"
            f"（相似度 {s['score']}）"
        ),
        ("确认为同一任务的延续", "确认延续", "项任务的延续"),
        lambda s: catalogue.link_tasks(con, s["task_id"], s["earlier_task_id"], _who()),
        "没有任务延续建议（需要同一发文机关上一年度的计划）。",
    )


def _confirm_form(key, suggestions, label, words_of, confirm, none: str) -> None:
    """Suggestions a person confirms in one form: a multiselect of `label(s)`, a button, then
    `confirm(s)` for each chosen one. `words_of`: (the list's label, the button, what was
    confirmed, counted)."""
    if not suggestions:
        st.write(none)
        return
    pick, button, done = words_of
    labels = {i: label(s) for i, s in enumerate(suggestions)}
    with st.form(f"{key}_confirm"):
        chosen = st.multiselect(
            pick, list(labels), format_func=labels.get, placeholder=words.CHOOSE, key=f"{key}_pick"
        )
        if st.form_submit_button(button) and chosen:
            picks = [suggestions[i] for i in chosen]
            _attempt(lambda: [confirm(s) for s in picks], f"已确认 {len(picks)} {done}")
