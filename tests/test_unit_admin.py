"""Units as the coordinator manages them: groups with members (each member owns the group's
tasks, the group is never ranked or chased), merges only across levels when confirmed, undone."""

from __future__ import annotations

import pytest

from loaders.db import connect
from loaders.errors import LoadError
from loaders.progress.catalog import load_catalog
from loaders.storage.plans import load_file
from loaders.storage.registry import merge_unit, undo_merge, units_for_review
from loaders.storage.unit_groups import set_members

PLAN = """某县2025年法治政府建设工作要点
一、依法行政
(一)完善权责清单。(县委编办牵头,各镇街配合)
(二)推进基层法治建设。(各镇街负责)
(三)规范执法。(县司法局负责)
"""


@pytest.fixture
def con():
    c = connect(":memory:")
    load_file(c, "plan.txt", PLAN.encode("utf-8"))
    yield c
    c.close()


def owners(con, number: str) -> list[tuple[str, str]]:
    return con.execute(
        "select u.name, tu.role from task_units tu join units u using (unit_id) join tasks t using (task_id) "
        "where t.number = ? order by tu.role, u.name",
        [number],
    ).fetchall()


def test_a_group_with_members_gives_its_tasks_to_each_member(con):
    assert owners(con, "(二)") == [("各镇街", "responsible")]
    set_members(con, "各镇街", "东镇、西镇、南街道", "张三")
    assert owners(con, "(二)") == [
        ("东镇", "responsible"),
        ("南街道", "responsible"),
        ("西镇", "responsible"),
    ]
    assert owners(con, "(一)") == [
        ("东镇", "cooperating"),
        ("南街道", "cooperating"),
        ("西镇", "cooperating"),
        ("县委编办", "lead"),
    ]
    # each member reports (its template has the task), the group is chased and ranked no more
    catalog = load_catalog(con, 2025)
    assert {t.number for t in catalog.tasks if "东镇" in t.roles} == {"(一)", "(二)"}
    expected = con.execute("select distinct unit from v_plan_reporting order by unit").fetchall()
    assert expected == [("东镇",), ("南街道",), ("县司法局",), ("县委编办",), ("西镇",)]


def test_a_plan_loaded_later_that_names_the_group_follows_its_members(con):
    set_members(con, "各镇街", "东镇、西镇", "张三")
    load_file(con, "plan2.txt", PLAN.replace("2025", "2026").encode("utf-8"))
    plan2 = con.execute("select max(doc_id) from documents").fetchone()[0]
    got = con.execute(
        "select u.name from task_units tu join units u using (unit_id) join tasks t using (task_id) "
        "where t.plan_id = ? and t.number = '(二)' order by u.name",
        [plan2],
    ).fetchall()
    assert got == [("东镇",), ("西镇",)]


def test_groups_without_members_are_not_chased_either(con):
    expected = con.execute("select distinct unit from v_plan_reporting order by unit").fetchall()
    assert expected == [("县司法局",), ("县委编办",)]


def test_members_are_checked(con):
    with pytest.raises(LoadError, match="没有「各村」"):
        set_members(con, "各村", "东村", "张三")
    with pytest.raises(LoadError, match="不能包含它自己"):
        set_members(con, "各镇街", "各镇街、东镇", "张三")


def test_cross_level_merge_needs_confirmation_and_any_merge_can_be_undone(con):
    load_file(
        con,
        "other.txt",
        "某县2025年工作方案\n一、执法\n(一)规范执法。(市司法局负责)\n".encode(),
    )
    with pytest.raises(LoadError, match="层级不同.*确认"):
        merge_unit(con, "市司法局", "县司法局")
    event = merge_unit(con, "市司法局", "县司法局", "张三", allow_cross_level=True)
    assert con.execute("select count(*) from units where name = '市司法局'").fetchone() == (0,)
    moved = con.execute(
        "select u.name from task_units tu join units u using (unit_id) join tasks t using (task_id) "
        "join documents d on d.doc_id = t.plan_id where d.title = '某县2025年工作方案'"
    ).fetchall()
    assert moved == [("县司法局",)]
    undo_merge(con, event, "李四")
    assert con.execute("select count(*) from units where name = '市司法局'").fetchone() == (1,)
    restored = con.execute(
        "select u.name from task_units tu join units u using (unit_id) join tasks t using (task_id) "
        "join documents d on d.doc_id = t.plan_id where d.title = '某县2025年工作方案'"
    ).fetchall()
    assert restored == [("市司法局",)]
    with pytest.raises(LoadError, match="已经撤销过"):
        undo_merge(con, event, "李四")


def test_names_for_review_by_plan_with_their_documents_and_tasks(con):
    load_file(
        con,
        "other.txt",
        "某县2026年工作方案\n一、执法\n(一)规范执法。(县城管局负责)\n".encode(),
    )
    plan2 = con.execute("select max(doc_id) from documents").fetchone()[0]
    got = units_for_review(con, plan_id=plan2)
    assert [(r["name"], r["documents"], r["tasks"]) for r in got] == [
        ("县城管局", "某县2026年工作方案", "(一)规范执法")
    ]


def test_units_on_the_command_line(tmp_path):
    from tests.cli import loaders_cli

    db = str(tmp_path / "u.duckdb")
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN + "(四)规范复议。(市司法局负责)\n", encoding="utf-8")

    cli = loaders_cli

    assert cli("load", str(plan), "--db", db).returncode == 0
    listed = cli("units", "--db", db, "--plan", "1")
    assert "各镇街\t单位组\t2 项任务\t某县2025年法治政府建设工作要点" in listed.stdout
    group = cli("units", "--db", db, "--group", "各镇街", "--members", "东镇、西镇", "--by", "张三")
    assert group.returncode == 0 and "「各镇街」的成员：东镇、西镇" in group.stdout
    refused = cli("units", "--db", db, "--merge", "市司法局", "县司法局")
    assert refused.returncode == 1 and "层级不同" in refused.stderr
    merged = cli("units", "--db", db, "--merge", "市司法局", "县司法局", "--force", "--by", "张三")
    assert merged.returncode == 0 and "合并记录 2" in merged.stdout
    undone = cli("units", "--db", db, "--undo-merge", "2")
    assert undone.returncode == 0 and "恢复「市司法局」" in undone.stdout
    history = cli("units", "--db", db, "--history").stdout
    assert "设定「各镇街」的成员（2 个）" in history and "（已撤销）" in history
