"""计划校对: corrections stored apart from the parsed rows, applied on top of them everywhere
(views, templates), undoable, kept across a reload and a new version; at the data layer and on
the command line."""

from __future__ import annotations

import json

import pytest

from loaders.db import connect
from loaders.errors import LoadError
from loaders.progress.catalog import load_catalog
from loaders.storage import corrections as C
from loaders.storage.plans import load_file
from tests.cli import loaders_cli

PLAN = """某县人民政府办公室关于印发《某县2025年法治政府建设工作要点》的通知
某政办发〔2025〕8号
一、依法行政
(一)完善权责清单。(县委编办牵头)
(二)深化政务公开。(县政府办负责)
二、严格执法
(三)规范执法。(和我区无关司法局负责)
"""
NEW_VERSION = PLAN.replace("(二)深化政务公开。(县政府办负责)\n", "").replace("(三)", "(二)")


@pytest.fixture
def con():
    c = connect(":memory:")
    load_file(c, "plan.txt", PLAN.encode("utf-8"))
    yield c
    c.close()


def task_id(con, number: str, plan_id: int = 1) -> int:
    return con.execute(
        "select task_id from tasks where number = ? and plan_id = ?", [number, plan_id]
    ).fetchone()[0]


def units_of(con, tid: int) -> list[tuple[str, str]]:
    return con.execute(
        "select u.name, tu.role from task_units tu join units u using (unit_id) "
        "where tu.task_id = ? order by tu.role, tu.seq",
        [tid],
    ).fetchall()


def test_a_wrong_unit_is_corrected_and_every_view_and_template_follows(con):
    t3 = task_id(con, "(三)")
    assert units_of(con, t3) == [("和我区无关司法局", "responsible")]
    C.correct(con, t3, {"responsible": "县司法局", "deadline": "2025-06-30"}, "张三")
    assert units_of(con, t3) == [("县司法局", "responsible")]
    owners = con.execute(
        "select distinct unit from v_task_status where task_id = ? order by unit", [t3]
    ).fetchall()
    assert owners == [("县司法局",)]
    catalog = load_catalog(con, 2025)
    (task,) = [t for t in catalog.tasks if t.task_id == t3]
    assert task.roles == {"县司法局": "responsible"} and str(task.deadline) == "2025-06-30"
    # the parsed rows are kept apart, the correction with who and when
    assert con.execute(
        "select name_written from parsed_task_units where task_id = ?", [t3]
    ).fetchall() == [("和我区无关司法局",)]
    fields = con.execute("select field, made_by from corrections order by correction_id").fetchall()
    assert fields == [("responsible", "张三"), ("deadline", "张三")]


def test_control_characters_typed_in_a_correction_are_dropped(con):
    """A pasted name or title may carry control characters; they never reach the tables (the
    Word and Excel briefings refuse a file for one)."""
    t3 = task_id(con, "(三)")
    C.correct(con, t3, {"responsible": "县司法\x07局", "title": "开展\x00案卷评查"}, "张三")
    assert units_of(con, t3) == [("县司法局", "responsible")]
    title = con.execute("select title from tasks where task_id = ?", [t3]).fetchone()[0]
    assert title == "开展案卷评查"


def test_undo_puts_the_parsed_value_back_and_keeps_the_record(con):
    t1 = task_id(con, "(一)")
    (cid,) = C.correct(con, t1, {"lead": "县司法局、县委编办"}, "张三")
    assert units_of(con, t1) == [("县司法局", "lead"), ("县委编办", "lead")]
    C.undo(con, cid, "李四")
    assert units_of(con, t1) == [("县委编办", "lead")]
    assert con.execute("select undone_by from corrections").fetchall() == [("李四",)]
    with pytest.raises(LoadError, match="已经撤销过"):
        C.undo(con, cid, "李四")


def test_title_targets_and_tasks_added_and_removed(con):
    t2 = task_id(con, "(二)")
    C.correct(con, t2, {"title": "全面深化政务公开", "add_target": "主动公开率 >= 95 %"}, "张三")
    ((target_id, indicator, comparator, value, unit),) = con.execute(
        "select target_id, indicator, comparator, value, unit from targets where task_id = ?", [t2]
    ).fetchall()
    assert (indicator, comparator, value, unit) == ("主动公开率", ">=", 95.0, "%")
    assert con.execute("select title from tasks where task_id = ?", [t2]).fetchone() == (
        "全面深化政务公开",
    )
    C.correct(con, t2, {"remove_target": target_id}, "张三")
    assert con.execute("select count(*) from targets where task_id = ?", [t2]).fetchone() == (0,)

    new = C.add_task(con, 1, "一", "(四)", "推行告知承诺制", "张三", {"lead": "县审批局"})
    assert units_of(con, new) == [("县审批局", "lead")]
    (removed,) = C.correct(con, t2, {"remove_task": True}, "张三")
    assert [n for (n,) in con.execute("select number from tasks order by seq").fetchall()] == [
        "(一)",
        "(三)",
        "(四)",
    ]
    C.undo(con, removed, "张三")
    assert con.execute("select title from tasks where task_id = ?", [t2]).fetchone() == (
        "全面深化政务公开",
    )


def test_bad_corrections_are_refused_in_chinese_and_write_nothing(con):
    t1 = task_id(con, "(一)")
    for changes, message in [
        ({"deadline": "6月底"}, "YYYY-MM-DD"),
        ({"add_target": "主动公开率 95%"}, "指标写法"),
        ({"add_target": "主动公开率 >= nan %"}, "不合理"),
        ({"title": "   "}, "标题不能为空"),
        ({"remove_target": 999}, "没有编号为 999 的指标"),
        ({}, "没有要校对的内容"),
    ]:
        with pytest.raises(LoadError, match=message):
            C.correct(con, t1, changes, "张三")
    with pytest.raises(LoadError, match="没有编号为 9999 的任务"):
        C.correct(con, 9999, {"title": "x"}, "张三")
    assert con.execute("select count(*) from corrections").fetchone() == (0,)


def test_corrections_survive_a_reload_and_follow_a_new_version_or_are_listed(con):
    t3, t2 = task_id(con, "(三)"), task_id(con, "(二)")
    C.correct(con, t3, {"responsible": "县司法局"}, "张三")
    C.correct(con, t2, {"title": "全面深化政务公开"}, "张三")
    assert load_file(con, "plan.txt", PLAN.encode("utf-8")).status == "unchanged"
    assert units_of(con, t3) == [("县司法局", "responsible")]

    result = load_file(con, "plan_v2.txt", NEW_VERSION.encode("utf-8"))
    assert result.versions == [(2, 1, "某县2025年法治政府建设工作要点")]
    # the renumbered task (三)→(二) is another task by its identity: its correction is listed
    new_tasks = con.execute(
        "select number, title from tasks where plan_id = 2 order by seq"
    ).fetchall()
    assert new_tasks == [("(一)", "完善权责清单"), ("(二)", "规范执法")]
    orphaned = {(c["task_number"], c["field"]) for c in C.orphaned_corrections(con, 2)}
    assert orphaned == {("(三)", "responsible"), ("(二)", "title")}
    assert "2 条校对在新版本中找不到对应任务" in result.summary()


def test_a_correction_follows_the_same_task_into_a_new_version(con):
    t1 = task_id(con, "(一)")
    C.correct(con, t1, {"lead": "县委编办、县司法局"}, "张三")
    load_file(con, "plan_v2.txt", (PLAN + "(四)加强执法监督。(县司法局负责)\n").encode("utf-8"))
    assert units_of(con, task_id(con, "(一)", plan_id=2)) == [
        ("县委编办", "lead"),
        ("县司法局", "lead"),
    ]
    assert C.orphaned_corrections(con, 2) == []


cli = loaders_cli


def test_tasks_and_correct_on_the_command_line(tmp_path):
    db = str(tmp_path / "c.duckdb")
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    assert cli("load", str(tmp_path / "plan.txt"), "--db", db).returncode == 0
    tasks = json.loads(cli("tasks", "--db", db, "--plan", "1", "--json").stdout)["tasks"]
    third = next(t for t in tasks if t["number"] == "(三)")
    assert (
        third["responsible_units"] == ["和我区无关司法局"]
        and third["source"]["responsible"] == "document"
    )
    assert "单位名称可能有误：和我区无关司法局" in third["review_notes"]

    done = cli(
        "correct",
        "--db",
        db,
        "--task",
        str(third["task_id"]),
        "--responsible",
        "县司法局",
        "--ongoing",
        "--by",
        "张三",
    )
    assert done.returncode == 0, done.stderr
    after = next(
        t
        for t in json.loads(cli("tasks", "--db", db, "--plan", "1", "--json").stdout)["tasks"]
        if t["number"] == "(三)"
    )
    assert after["responsible_units"] == ["县司法局"] and after["ongoing"] is True
    assert (
        after["source"]["responsible"]["by"] == "张三"
        and after["source"]["deadline"]["correction_id"] == 2
    )

    undone = cli("correct", "--db", db, "--undo", "1")
    assert undone.returncode == 0 and "已撤销第 1 号校对" in undone.stdout
    bad = cli("correct", "--db", db, "--task", str(third["task_id"]), "--deadline", "明年")
    assert bad.returncode == 1 and "YYYY-MM-DD" in bad.stderr and "Traceback" not in bad.stderr
