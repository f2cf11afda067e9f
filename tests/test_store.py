"""Storing parsed files: one transaction per file, the unit registry, review and merging."""

from __future__ import annotations

import duckdb
import pytest

from loaders.db import connect, sql_files
from loaders.errors import LoadError
from loaders.storage.plans import load_file
from loaders.storage.registry import confirm_units, merge_unit, units_for_review

PLAN_A = """某某县2024年法治政府建设工作要点
一、依法全面履行政府职能
(一)推行权责清单制度。清单公布率达到100%。(县司法局牵头,县政府办、各乡镇配合)
(二)深化政务公开。(县政府办公室负责)
(三)加强复议工作。(市司法局负责)
"""
PLAN_B = """某某县2025年法治政府建设工作要点
一、依法决策
(一)制定重大行政决策目录。3月底前公开。(政府办牵头,县审批服务局配合)
"""


@pytest.fixture
def con():
    c = connect(":memory:")
    yield c
    c.close()


def rows(con, sql: str, params=None) -> list[tuple]:
    return con.cursor().execute(sql, params or []).fetchall()


def test_every_sql_file_builds_on_an_empty_database():
    c = duckdb.connect(":memory:")
    for f in sql_files():
        c.execute(f.read_text(encoding="utf-8"))
    names = {r[0] for r in c.execute("select table_name from information_schema.tables").fetchall()}
    assert {
        "source_files",
        "documents",
        "actions",
        "tasks",
        "units",
        "unit_aliases",
        "task_units",
        "targets",
        "achievements",
    } <= names


def test_load_stores_file_bytes_hash_and_rows(con):
    data = PLAN_A.encode("utf-8")
    r = load_file(con, "a.txt", data, loaded_by="司法局张三")
    assert (r.status, r.documents, r.actions, r.tasks, r.targets) == ("loaded", 1, 1, 3, 1)
    (name, size, fmt, by, content) = rows(
        con, "select name, size_bytes, format, loaded_by, content from source_files"
    )[0]
    assert (name, size, fmt, by, bytes(content)) == ("a.txt", len(data), "txt", "司法局张三", data)
    assert rows(con, "select number, title from tasks order by seq") == [
        ("(一)", "推行权责清单制度"),
        ("(二)", "深化政务公开"),
        ("(三)", "加强复议工作"),
    ]
    assert rows(con, "select indicator, comparator, value, unit from targets") == [
        ("清单公布率", ">=", 100.0, "%")
    ]
    assert load_file(con, "copy.txt", data).status == "unchanged"
    assert rows(con, "select count(*) from tasks") == [(3,)]


def test_registry_aliases_levels_and_groups(con):
    load_file(con, "a.txt", PLAN_A.encode())
    load_file(con, "b.txt", PLAN_B.encode())
    units = dict(rows(con, "select name, kind from units"))
    # 县政府办 and 县政府办公室 are one unit; 政府办 (no level) resolves to 政府办公室, kept apart
    assert "县政府办公室" in units and "县政府办" not in units
    assert units["政府办公室"] == "unit"
    # 市司法局 is not 县司法局
    assert {"县司法局", "市司法局"} <= set(units)
    assert units["各乡镇"] == "group"
    by_task = rows(
        con,
        "select t.number, tu.role, u.name, tu.name_written from task_units tu "
        "join tasks t using (task_id) join units u using (unit_id) "
        "where t.plan_id = 1 order by t.seq, tu.seq",
    )
    assert by_task == [
        ("(一)", "lead", "县司法局", "县司法局"),
        ("(一)", "cooperating", "县政府办公室", "县政府办"),
        ("(一)", "cooperating", "各乡镇", "各乡镇"),
        ("(二)", "responsible", "县政府办公室", "县政府办公室"),
        ("(三)", "responsible", "市司法局", "市司法局"),
    ]


def test_unknown_names_are_listed_for_review_never_dropped(con):
    r = load_file(con, "a.txt", PLAN_A.encode())
    assert set(r.unresolved_units) == {"县司法局", "各乡镇", "市司法局"}
    review = {r["name"] for r in units_for_review(con)}
    assert review == {"县司法局", "各乡镇", "市司法局"}
    assert confirm_units(con, ["县司法局"]) == 1
    assert {r["name"] for r in units_for_review(con)} == {"各乡镇", "市司法局"}


def test_merge_moves_tasks_and_makes_an_alias(con):
    load_file(con, "b.txt", PLAN_B.encode())
    # a coordinator's (odd) choice across levels, confirmed, to test the move
    merge_unit(con, "县审批服务局", "政府办公室", allow_cross_level=True)
    assert rows(con, "select count(*) from units where name = '县审批服务局'") == [(0,)]
    assert rows(
        con,
        "select u.name, tu.role from task_units tu join units u using (unit_id) order by tu.seq",
    ) == [("政府办公室", "lead"), ("政府办公室", "cooperating")]  # the cooperating row moved over
    load_file(con, "b2.txt", PLAN_B.replace("2025", "2026").encode())
    assert rows(con, "select count(*) from units where name = '县审批服务局'") == [(0,)]
    with pytest.raises(LoadError):
        merge_unit(con, "不存在的单位", "政府办公室")
    load_file(con, "a.txt", PLAN_A.encode())
    with pytest.raises(LoadError, match="层级不同"):
        merge_unit(con, "市司法局", "县司法局")


def test_a_failing_insert_leaves_nothing_behind(con, monkeypatch):
    import loaders.storage.rows as rows_module

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(rows_module, "_add_target", boom)
    with pytest.raises(LoadError, match="未写入任何内容"):
        load_file(con, "a.txt", PLAN_A.encode())
    for table in ("source_files", "documents", "actions", "tasks", "task_units", "units"):
        assert rows(con, f"select count(*) from {table}") == [(0,)], table


def test_unreadable_and_empty_files_are_rejected_with_the_file_name(con):
    with pytest.raises(LoadError, match="x.png"):
        load_file(con, "x.png", b"\x89PNG")
    with pytest.raises(LoadError, match="notice.txt.*未识别出任何任务"):
        load_file(con, "notice.txt", "关于召开会议的通知\n请准时参加。".encode())
    assert rows(con, "select count(*) from source_files") == [(0,)]


REPORT_2024 = """某某县人民政府关于2024年度法治政府建设情况的报告
2024年,全县行政机关负责人出庭应诉率为100%,规范性文件报备率达98%。清单公布率100%。
"""
PLAN_2024 = """某某县2024年法治政府建设工作要点
一、依法行政
(一)规范文件备案。行政规范性文件报备率达到100%。(县司法局负责)
(二)落实出庭应诉。行政机关负责人出庭应诉率达到100%。(县司法局负责)
"""


def test_annual_report_figures_become_actuals_of_their_year(con):
    load_file(con, "report.txt", REPORT_2024.encode())  # the report may come before the plan
    load_file(con, "plan.txt", PLAN_2024.encode())
    got = rows(
        con,
        "select g.indicator, v.year, v.quarter, v.actual, v.unit_id, v.source from indicator_values v "
        "join targets g using (target_id) order by g.seq",
    )
    assert got == [
        ("行政规范性文件报备率", 2024, None, 98.0, None, "annual_report"),
        ("行政机关负责人出庭应诉率", 2024, None, 100.0, None, "annual_report"),
    ]
    load_file(con, "plan-copy.txt", PLAN_2024.replace("工作要点", "工作要点(修订)").encode())
    assert rows(con, "select count(*) from indicator_values where target_id <= 2") == [(2,)]


PLAN_RECURRING = """某某县2024年法治政府建设实施方案
一、严格规范公正文明执法
1.开展执法案卷评查。
牵头单位:县司法局
完成时限:每年第一季度
2.报送执法数据。
牵头单位:县政府办
完成时限:每季度
3.推行说理式执法。
牵头单位:县司法局
完成时限:长期坚持,每年总结
4.公布执法事项清单。
牵头单位:县司法局
完成时限:2024年6月底前
"""


def test_recurring_is_stored_as_the_deadline_parser_read_it(con):
    load_file(con, "r.txt", PLAN_RECURRING.encode("utf-8"))
    got = rows(con, "select number, deadline, ongoing, recurring from tasks order by seq")
    # 每年第一季度: the first occurrence, yearly; 每季度: ongoing every quarter; "长期坚持,每年总结"
    # is ongoing (长期), not a yearly deadline, although "每年" appears in it.
    assert [(n, str(d) if d else None, o, r) for n, d, o, r in got] == [
        ("1", "2024-03-31", False, "year"),
        ("2", None, True, "quarter"),
        ("3", None, True, None),
        ("4", "2024-06-30", False, None),
    ]


PLAN_DOUBTS = """某县2024年法治政府建设工作要点
一、依法行政
(一)完善权责清单。(县委编办牵头)
(二)深化政务公开。
(四)规范执法行为。(县司法局负责)
完成时限:待定
(五)提高复议纠错率达到15%。(县司法局负责)
"""


def test_review_notes_are_stored_with_each_task(con):
    load_file(con, "d.txt", PLAN_DOUBTS.encode("utf-8"))
    got = rows(con, "select number, review_notes from tasks order by seq")
    assert got == [
        ("(一)", []),
        ("(二)", ["未找到牵头或责任单位"]),
        ("(四)", ["完成时限未能识别：待定", "编号不连续：上一项为(二)"]),
        ("(五)", []),
    ]
