"""Corrections (计划校对): the coordinator fixes a parsed task (title, units by role, deadline or
ongoing, targets), adds or removes a task. Each fix is a row of `corrections` with who and when,
keyed by the task's identity in its plan (action, number, text) and by the plan's first version,
so it survives loading the same document again and follows a re-issued version. The task, unit
and target tables hold the plan as corrected: before its first correction the plan's rows are
copied (parsed_*), and every change rebuilds the plan from that copy and the corrections in force.
Undo marks a correction undone and rebuilds; nothing is deleted from the record. A correction
whose task is gone from a new version is listed (orphaned_corrections), never dropped."""

from __future__ import annotations

import datetime
import difflib
import json

import duckdb

from loaders.access import audit, require
from loaders.db import insert_rows, run, single_writer
from loaders.errors import LoadError
from loaders.files.limits import strip_controls
from loaders.plans.units import split_unit_names
from loaders.storage.rows import unit_id_for

ROLES = ("lead", "responsible", "cooperating")
FIELD_NAMES = {
    "title": "标题",
    "lead": "牵头单位",
    "responsible": "责任单位",
    "cooperating": "配合单位",
    "deadline": "完成时限",
    "ongoing": "长期坚持",
    "add_target": "新增指标",
    "remove_target": "删除指标",
    "add_task": "新增任务",
    "remove_task": "删除任务",
}
COMPARATORS = (">=", "<=", ">", "<", "=")
_TASK_COLS = "task_id, plan_id, action_id, seq, number, title, text, group_name, deadline_text, deadline, ongoing, recurring, review_notes"  # noqa: E501
_TARGET_COLS = "target_id, plan_id, action_id, task_id, seq, indicator, comparator, value, unit, per, year, text"  # noqa: E501


# ---------------------------------------------------------------- the record


def root_plan(cur, plan_id: int) -> int:
    """The first version of a plan (corrections are kept against it)."""
    seen = {plan_id}
    while True:
        row = run(cur, "select version_of from plan_state where plan_id = ?", [plan_id])
        if not row or row[0][0] is None or row[0][0] in seen:
            return plan_id
        plan_id = row[0][0]
        seen.add(plan_id)


def _ensure_copy(cur, plan_id: int) -> None:
    """Copy the plan's rows as parsed, once, before its first correction."""
    if run(cur, "select 1 from parsed_plans where plan_id = ?", [plan_id]):
        return
    run(
        cur, f"insert into parsed_tasks select {_TASK_COLS} from tasks where plan_id = ?", [plan_id]
    )
    run(
        cur,
        "insert into parsed_task_units select tu.task_id, tu.role, tu.seq, tu.name_written "
        "from task_units tu join tasks t using (task_id) where t.plan_id = ?",
        [plan_id],
    )
    run(
        cur,
        f"insert into parsed_targets select {_TARGET_COLS} from targets where plan_id = ?",
        [plan_id],
    )
    run(cur, "insert into parsed_plans (plan_id) values (?)", [plan_id])


def _identity(cur, task_id: int) -> tuple[int, str | None, str | None, str | None, int | None]:
    """(plan, action code, number, text, added id) of a task: its parsed identity, or for a task
    added by a correction, that task's id."""
    parsed = run(
        cur,
        "select p.plan_id, a.code, p.number, p.text from parsed_tasks p "
        "join actions a using (action_id) where p.task_id = ?",
        [task_id],
    )
    if parsed:
        return (*parsed[0], None)
    added = run(
        cur,
        "select plan_id from corrections where added_task_id = ? and field = 'add_task'",
        [task_id],
    )
    if added:
        return added[0][0], None, None, None, task_id
    raise LoadError(f"没有编号为 {task_id} 的任务")


def _task_plan(cur, task_id: int) -> int:
    found = run(cur, "select plan_id from tasks where task_id = ?", [task_id])
    if not found:
        raise LoadError(f"没有编号为 {task_id} 的任务（或已被删除；可撤销删除它的校对）")
    return found[0][0]


# ---------------------------------------------------------------- making corrections


def parse_target(text: str) -> dict:
    """ "指标 >= 90 %" / "执法检查 >= 1 次 每年" -> a target dict; LoadError in Chinese otherwise."""
    parts = text.replace("≥", ">=").replace("≤", "<=").split()
    if len(parts) < 3 or parts[1] not in COMPARATORS:
        raise LoadError(
            f"指标写法应为「指标名称 >= 数值 单位」，例如「投诉举报办结率 >= 90 %」：{text}"
        )
    try:
        value = float(parts[2])
    except ValueError:
        raise LoadError(f"指标数值不是数字：{parts[2]}") from None
    if value != value or value in (float("inf"), float("-inf")) or abs(value) > 1e9:
        raise LoadError(f"指标数值不合理：{parts[2]}")
    unit = parts[3] if len(parts) > 3 else ""
    per = {"每年": "year", "每季度": "quarter"}.get(parts[4]) if len(parts) > 4 else None
    return {
        "indicator": parts[0],
        "comparator": parts[1],
        "value": value,
        "unit": unit or "%",
        "per": per,
        "year": None,
        "text": text,
    }


def _value(field: str, value: object) -> str:
    """The JSON text of a change, checked (control characters dropped from typed text)."""
    if isinstance(value, str):
        value = strip_controls(value)
    elif isinstance(value, list | tuple):
        value = [strip_controls(v) if isinstance(v, str) else v for v in value]
    if field == "title":
        value = " ".join(str(value).split())
        if not value or len(value) > 200:
            raise LoadError("标题不能为空，也不能超过 200 个字")
    elif field in ROLES:
        value = split_unit_names(value) if isinstance(value, str) else list(value)
        if any(len(n) > 60 for n in value):
            raise LoadError("单位名称过长（不超过 60 个字）")
    elif field == "deadline":
        try:
            value = datetime.date.fromisoformat(str(value)).isoformat()
        except ValueError:
            raise LoadError(f"完成时限应写成 YYYY-MM-DD：{value}") from None
    elif field == "add_target":
        value = parse_target(value) if isinstance(value, str) else dict(value)
    return json.dumps(value, ensure_ascii=False)


@single_writer
def correct(con: duckdb.DuckDBPyConnection, task_id: int, changes: dict, actor: str) -> list[int]:
    """Store one correction per change of a task and rebuild its plan, in one transaction.
    changes: title, lead / responsible / cooperating ("A、B" or a list), deadline (YYYY-MM-DD),
    ongoing (True), add_target ("指标 >= 90 %" or a dict), remove_target (target id),
    remove_task (True). Returns the new correction ids."""
    actor = require(con, actor, "correct", f"任务 {task_id}").name
    cur = con.cursor()
    plan_id = _task_plan(cur, task_id)
    unknown = set(changes) - set(FIELD_NAMES) - {"add_task"}
    if unknown or not changes:
        raise LoadError("没有要校对的内容" if not changes else f"不能校对：{'、'.join(unknown)}")
    values = {f: _value(f, v) for f, v in changes.items()}
    if "remove_target" in changes:
        owned = run(
            cur,
            "select 1 from targets where target_id = ? and task_id = ?",
            [changes["remove_target"], task_id],
        )
        if not owned:
            raise LoadError(f"该任务没有编号为 {changes['remove_target']} 的指标")
    run(cur, "begin transaction")
    try:
        _ensure_copy(cur, plan_id)
        ident = _identity(cur, task_id)
        ids = [_insert(cur, plan_id, ident, f, v, actor) for f, v in values.items()]
        rebuild(cur, plan_id)
        audit(cur, actor, "correct", f"任务 {task_id}", {"corrections": ids, "changes": values})
        run(cur, "commit")
    except Exception:
        run(cur, "rollback")
        raise
    return ids


def _insert(cur, plan_id: int, ident: tuple, field: str, value: str, actor: str) -> int:
    _, code, number, text, added = ident
    if field == "add_target":  # a stable id for the new target, kept across rebuilds
        target = json.loads(value)
        target["target_id"] = run(cur, "select nextval('seq_target_id')")[0][0]
        value = json.dumps(target, ensure_ascii=False)
    ((cid,),) = run(
        cur,
        "insert into corrections (plan_id, root_plan_id, action_code, task_number, task_text, "
        "added_task_id, field, value, made_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "returning correction_id",
        [plan_id, root_plan(cur, plan_id), code, number, text, added, field, value, actor],
    )
    return cid


@single_writer
def add_task(
    con: duckdb.DuckDBPyConnection,
    plan_id: int,
    action_code: str,
    number: str,
    title: str,
    actor: str,
    units: dict | None = None,
) -> int:
    """Add a task the parser missed to an action of the plan; returns its task id."""
    actor = require(con, actor, "correct", f"计划 {plan_id}").name
    cur = con.cursor()
    if not run(cur, "select 1 from actions where plan_id = ? and code = ?", [plan_id, action_code]):
        raise LoadError(f"该计划没有编号为「{action_code}」的行动")
    spec = {"action_code": action_code, "number": str(number).strip(), "title": _title(title)}
    run(cur, "begin transaction")
    try:
        _ensure_copy(cur, plan_id)
        (task_id,) = run(cur, "select nextval('seq_task_id')")[0]
        run(
            cur,
            "insert into corrections (plan_id, root_plan_id, added_task_id, field, value, made_by) "
            "values (?, ?, ?, 'add_task', ?, ?)",
            [
                plan_id,
                root_plan(cur, plan_id),
                task_id,
                json.dumps(spec, ensure_ascii=False),
                actor,
            ],
        )
        for role, names in (units or {}).items():
            _insert(
                cur, plan_id, (plan_id, None, None, None, task_id), role, _value(role, names), actor
            )
        rebuild(cur, plan_id)
        audit(cur, actor, "add_task", f"计划 {plan_id}", {"task_id": task_id, "task": spec})
        run(cur, "commit")
    except Exception:
        run(cur, "rollback")
        raise
    return task_id


def _title(title: str) -> str:
    return json.loads(_value("title", title))


@single_writer
def undo(con: duckdb.DuckDBPyConnection, correction_id: int, actor: str) -> int:
    """Undo a correction (it stays on record as undone) and rebuild its plan; returns the plan."""
    actor = require(con, actor, "correct", f"校对 {correction_id}").name
    cur = con.cursor()
    found = run(
        cur, "select plan_id, undone_at from corrections where correction_id = ?", [correction_id]
    )
    if not found:
        raise LoadError(f"没有编号为 {correction_id} 的校对记录")
    if found[0][1] is not None:
        raise LoadError(f"第 {correction_id} 号校对已经撤销过")
    run(cur, "begin transaction")
    try:
        run(
            cur,
            "update corrections set undone_by = ?, undone_at = current_timestamp "
            "where correction_id = ?",
            [actor, correction_id],
        )
        for (plan_id,) in run(cur, "select plan_id from parsed_plans"):
            if root_plan(cur, plan_id) == root_plan(cur, found[0][0]):
                rebuild(cur, plan_id)
        audit(cur, actor, "correct_undo", f"校对 {correction_id}")
        run(cur, "commit")
    except Exception:
        run(cur, "rollback")
        raise
    return found[0][0]


# ---------------------------------------------------------------- rebuilding a plan


def rebuild(cur, plan_id: int) -> list[int]:
    """The plan's tasks, units and targets as parsed, then the corrections in force of its first
    version applied in order. Returns the corrections that found no task (orphaned). Runs
    inside the caller's transaction."""
    _ensure_copy(cur, plan_id)
    run(
        cur,
        "delete from task_units where task_id in (select task_id from tasks where plan_id = ?)",
        [plan_id],
    )
    run(cur, "delete from targets where plan_id = ?", [plan_id])
    run(cur, "delete from tasks where plan_id = ?", [plan_id])
    run(
        cur,
        f"insert into tasks ({_TASK_COLS}) select {_TASK_COLS} from parsed_tasks where plan_id = ?",
        [plan_id],
    )
    run(
        cur,
        f"insert into targets ({_TARGET_COLS}) select {_TARGET_COLS} from parsed_targets "
        "where plan_id = ?",
        [plan_id],
    )
    registry = dict(
        run(cur, "select a.alias, u.name from unit_aliases a join units u using (unit_id)")
    )
    written = run(
        cur,
        "select u.task_id, u.role, u.seq, u.name_written from parsed_task_units u "
        "join parsed_tasks t using (task_id) where t.plan_id = ? order by u.task_id, u.seq",
        [plan_id],
    )
    _insert_units(cur, written, registry)
    orphans = []
    for row in run(
        cur,
        "select correction_id, action_code, task_number, task_text, added_task_id, "
        "field, value from corrections where root_plan_id = ? and undone_at is null "
        "order by correction_id",
        [root_plan(cur, plan_id)],
    ):
        if not _apply(cur, plan_id, row, registry):
            orphans.append(row[0])
    return orphans


def _insert_units(cur, written: list[tuple], registry: dict) -> None:
    """The parsed (task, role, seq, name as written) rows in one insert: each distinct name
    resolved once, a group with members written as each member."""
    owners: dict[str, list[int]] = {}
    for name in dict.fromkeys(name for *_, name in written):
        unit_id = unit_id_for(cur, name, registry)
        members = run(
            cur,
            "select member_id from unit_members where group_id = ? order by member_id",
            [unit_id],
        )
        owners[name] = [m for (m,) in members] or [unit_id]
    rows = {}
    for task_id, role, seq, name in written:
        for unit_id in owners[name]:
            rows.setdefault((task_id, unit_id, role), (seq, name))
    insert_rows(
        cur,
        "task_units",
        {
            "task_id": [k[0] for k in rows],
            "unit_id": [k[1] for k in rows],
            "role": [k[2] for k in rows],
            "seq": [v[0] for v in rows.values()],
            "name_written": [v[1] for v in rows.values()],
        },
    )


def _add_unit(cur, task_id: int, role: str, seq: int, name: str, registry: dict) -> None:
    """The unit a written name resolves to; for a group with members, each member instead."""
    unit_id = unit_id_for(cur, name, registry)
    members = run(
        cur, "select member_id from unit_members where group_id = ? order by member_id", [unit_id]
    )
    for owner in [m for (m,) in members] or [unit_id]:
        run(
            cur,
            "insert into task_units (task_id, unit_id, role, seq, name_written) "
            "values (?, ?, ?, ?, ?) on conflict do nothing",
            [task_id, owner, role, seq, name],
        )


def find_task(
    cur, plan_id: int, code: str | None, number: str | None, text: str | None, added: int | None
) -> int | None:
    """The task of the plan a correction names: the added task itself, else the same action,
    number and text; else the same action and number when its text is nearly the same."""
    if added is not None:
        found = run(
            cur, "select task_id from tasks where task_id = ? and plan_id = ?", [added, plan_id]
        )
        return found[0][0] if found else None
    same = run(
        cur,
        "select t.task_id, t.text from parsed_tasks t join actions a using (action_id) "
        "where t.plan_id = ? and a.code = ? and t.number = ?",
        [plan_id, code, number],
    )
    exact = [tid for tid, t in same if t == text]
    if exact:
        return exact[0]
    close = [tid for tid, t in same if difflib.SequenceMatcher(None, t, text or "").ratio() >= 0.8]
    return close[0] if len(close) == 1 else None


def _apply(cur, plan_id: int, row: tuple, registry: dict) -> bool:
    cid, code, number, text, added, field, value = row
    spec = json.loads(value) if value else None
    if field == "add_task":
        action = run(
            cur,
            "select action_id from actions where plan_id = ? and code = ?",
            [plan_id, spec["action_code"]],
        )
        if not action:
            return False
        seq = run(cur, "select coalesce(max(seq), 0) + 1 from tasks where plan_id = ?", [plan_id])[
            0
        ][0]
        run(
            cur,
            "insert into tasks (task_id, plan_id, action_id, seq, number, title, text, ongoing, "
            "review_notes) values (?, ?, ?, ?, ?, ?, ?, false, [])",
            [added, plan_id, action[0][0], seq, spec["number"], spec["title"], spec["title"]],
        )
        return True
    task_id = find_task(cur, plan_id, code, number, text, added)
    if task_id is None or not run(cur, "select 1 from tasks where task_id = ?", [task_id]):
        return False
    if field == "title":
        run(cur, "update tasks set title = ? where task_id = ?", [spec, task_id])
    elif field in ROLES:
        run(cur, "delete from task_units where task_id = ? and role = ?", [task_id, field])
        for seq, name in enumerate(spec, 1):
            _add_unit(cur, task_id, field, seq, name, registry)
    elif field == "deadline":
        run(
            cur,
            "update tasks set deadline = ?, deadline_text = ?, ongoing = false, recurring = null "
            "where task_id = ?",
            [spec, spec, task_id],
        )
    elif field == "ongoing":
        run(
            cur,
            "update tasks set deadline = null, deadline_text = '长期坚持', ongoing = true, "
            "recurring = null where task_id = ?",
            [task_id],
        )
    elif field == "add_target":
        _add_target(cur, plan_id, task_id, spec)
    elif field == "remove_target":
        run(cur, "delete from targets where target_id = ? and task_id = ?", [spec, task_id])
    elif field == "remove_task":
        run(cur, "delete from task_units where task_id = ?", [task_id])
        run(cur, "delete from targets where task_id = ?", [task_id])
        run(cur, "delete from tasks where task_id = ?", [task_id])
    return True


def _add_target(cur, plan_id: int, task_id: int, spec: dict) -> None:
    action_id = run(cur, "select action_id from tasks where task_id = ?", [task_id])[0][0]
    seq = run(cur, "select coalesce(max(seq), 0) + 1 from targets where plan_id = ?", [plan_id])[0][
        0
    ]
    run(
        cur,
        f"insert into targets ({_TARGET_COLS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            spec["target_id"],
            plan_id,
            action_id,
            task_id,
            seq,
            spec["indicator"],
            spec["comparator"],
            spec["value"],
            spec["unit"],
            spec["per"],
            spec["year"],
            spec["text"],
        ],
    )


# ---------------------------------------------------------------- reading them back


def corrections_of(con: duckdb.DuckDBPyConnection, plan_id: int) -> list[dict]:
    """Every correction of the plan's versions (in force and undone), newest first, with the
    task it applies to in this plan (None: its task is gone: listed, not dropped)."""
    cur = con.cursor()
    rows = run(
        cur,
        "select correction_id, action_code, task_number, task_text, added_task_id, "
        "field, value, made_by, made_at, undone_by, undone_at from corrections "
        "where root_plan_id = ? order by correction_id desc",
        [root_plan(cur, plan_id)],
    )
    out = []
    for cid, code, number, text, added, field, value, by, at, undone_by, undone_at in rows:
        task_id = (
            added if field == "add_task" else find_task(cur, plan_id, code, number, text, added)
        )
        out.append(
            {
                "correction_id": cid,
                "task_id": task_id,
                "action_code": code,
                "task_number": number,
                "field": field,
                "field_name": FIELD_NAMES[field],
                "value": json.loads(value) if value else None,
                "made_by": by,
                "made_at": at,
                "undone_by": undone_by,
                "undone_at": undone_at,
                "orphaned": task_id is None and undone_at is None,
            }
        )
    return out


def orphaned_corrections(con: duckdb.DuckDBPyConnection, plan_id: int) -> list[dict]:
    """Corrections in force whose task this plan no longer has."""
    return [c for c in corrections_of(con, plan_id) if c["orphaned"]]


def follow_versions(cur, plan_ids: list[int]) -> list[int]:
    """Apply the corrections of earlier versions to newly loaded re-issued plans (inside the
    load's transaction); returns the corrections that found no task in them."""
    orphans: list[int] = []
    for plan_id in plan_ids:
        root = root_plan(cur, plan_id)
        if root != plan_id and run(cur, "select 1 from corrections where root_plan_id = ?", [root]):
            orphans.extend(rebuild(cur, plan_id))
    return orphans


def task_records(con: duckdb.DuckDBPyConnection, plan_id: int) -> list[dict]:
    """The plan's tasks as the dashboard uses them (after corrections), each field with where it
    comes from: "document", or the correction in force (id, who, when)."""
    cur = con.cursor()
    if not run(cur, "select 1 from documents where doc_id = ?", [plan_id]):
        raise LoadError(f"没有编号为 {plan_id} 的计划")
    tasks = run(
        cur,
        "select t.task_id, a.code, a.title, t.number, t.title, t.text, t.deadline_text, "
        "t.deadline, t.ongoing, coalesce(t.review_notes, []) from tasks t "
        "join actions a using (action_id) where t.plan_id = ? order by a.seq, t.seq",
        [plan_id],
    )
    units = run(
        cur,
        "select tu.task_id, tu.role, u.name from task_units tu join units u using (unit_id) "
        "join tasks t using (task_id) where t.plan_id = ? order by tu.seq",
        [plan_id],
    )
    targets = run(
        cur,
        "select task_id, target_id, indicator, comparator, value, unit, per, year "
        "from targets where plan_id = ? and task_id is not null order by seq",
        [plan_id],
    )
    source: dict[tuple[int, str], dict] = {}
    for c in reversed(corrections_of(con, plan_id)):  # oldest first: the latest wins
        if c["undone_at"] is None and c["task_id"] is not None:
            field = {
                "add_target": "targets",
                "remove_target": "targets",
                "deadline": "deadline",
                "ongoing": "deadline",
                "add_task": "task",
            }.get(c["field"], c["field"])
            source[(c["task_id"], field)] = {
                "correction_id": c["correction_id"],
                "by": c["made_by"],
                "at": str(c["made_at"]),
            }
    out = []
    for tid, code, action_title, number, title, text, dtext, deadline, ongoing, notes in tasks:
        fields = ("task", "title", *ROLES, "deadline", "targets")
        out.append(
            {
                "task_id": tid,
                "action_code": code,
                "action_title": action_title,
                "number": number,
                "title": title,
                "text": text,
                **{
                    f"{r}_units": [n for t, role, n in units if t == tid and role == r]
                    for r in ROLES
                },
                "deadline_text": dtext,
                "deadline": deadline.isoformat() if deadline else None,
                "ongoing": ongoing,
                "targets": [
                    {
                        "target_id": g[1],
                        "indicator": g[2],
                        "comparator": g[3],
                        "value": g[4],
                        "unit": g[5],
                        "per": g[6],
                        "year": g[7],
                    }
                    for g in targets
                    if g[0] == tid
                ],
                "review_notes": list(notes),
                "source": {f: source.get((tid, f), "document") for f in fields},
            }
        )
    return out
