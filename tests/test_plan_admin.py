"""计划管理: the current plan, names, archive, tracked documents and re-issued versions, at the
data layer, on the command line and on the page."""

from __future__ import annotations

import json

import pytest

from loaders.db import connect
from loaders.errors import LoadError
from loaders.storage import plan_admin
from loaders.storage.plans import load_file
from tests.cli import loaders_cli

LIVE = """某县人民政府办公室关于印发《某县2025年法治政府建设工作要点》的通知
某政办发〔2025〕8号
一、依法行政
(一)完善权责清单。(县委编办牵头)
(二)深化政务公开。(县政府办负责)
"""
OLD = """某县2012年依法行政工作要点
一、依法行政
(一)推行政务公开。(县政府办负责)
"""
UNDATED = """某县依法行政工作方案
一、依法行政
(一)规范执法。(县司法局负责)
"""
REPORT = """某县人民政府关于2024年度法治政府建设情况的报告
现将有关情况报告如下:
一、主要工作
全年办理行政复议案件31件,行政机关负责人出庭应诉率为100%。
"""
REISSUED = LIVE.replace(
    "(二)深化政务公开。(县政府办负责)",
    "(二)深化政务公开。(县政府办负责)\n(三)规范执法。(县司法局负责)",
)


@pytest.fixture
def con():
    c = connect(":memory:")
    yield c
    c.close()


def load(con, name: str, text: str):
    return load_file(con, name, text.encode("utf-8"), loaded_by="测试")


def ids(con) -> dict[str, int]:
    return {p["title"]: p["plan_id"] for p in plan_admin.list_plans(con, include_all=True)}


def report_quarter(con, plan_id: int, year: int, quarter: int) -> None:
    """A reported task status for the plan (activity), written straight into the tables."""
    task_id = con.execute("select min(task_id) from tasks where plan_id = ?", [plan_id]).fetchone()[
        0
    ]
    con.execute(
        "insert into task_progress (upload_id, task_id, unit_id, year, quarter, status) "
        "values (99, ?, 1, ?, ?, '推进中')",
        [task_id, year, quarter],
    ).fetchall()


def test_loading_an_old_or_undated_plan_does_not_move_the_current_plan(con):
    load(con, "live.txt", LIVE)
    live = ids(con)["某县2025年法治政府建设工作要点"]
    report_quarter(con, live, 2025, 2)
    assert plan_admin.current_plan_id(con) == live
    load(con, "old.txt", OLD)
    load(con, "undated.txt", UNDATED)
    load(con, "report.txt", REPORT)
    assert plan_admin.current_plan_id(con) == live
    # tracked plans by year (newest first; a plan without a year last), reports not among them
    assert [p["title"] for p in plan_admin.list_plans(con)] == [
        "某县2025年法治政府建设工作要点",
        "某县2012年依法行政工作要点",
        "某县依法行政工作方案",
    ]


def test_without_activity_the_newest_plan_then_the_pinned_one(con):
    load(con, "old.txt", OLD)
    load(con, "live.txt", LIVE)
    plans = ids(con)
    assert plan_admin.current_plan_id(con) == plans["某县2025年法治政府建设工作要点"]
    plan_admin.pin_current(con, plans["某县2012年依法行政工作要点"], "张三")
    assert plan_admin.current_plan_id(con) == plans["某县2012年依法行政工作要点"]
    plan_admin.archive_plan(con, plans["某县2012年依法行政工作要点"], "张三")
    assert plan_admin.current_plan_id(con) == plans["某县2025年法治政府建设工作要点"]


def test_rename_archive_and_restore_keep_every_row_and_log_who(con):
    load(con, "live.txt", LIVE)
    plan_id = ids(con)["某县2025年法治政府建设工作要点"]
    plan_admin.rename_plan(con, plan_id, "  2025年工作要点  ", "张三")
    (row,) = [p for p in plan_admin.list_plans(con) if p["plan_id"] == plan_id]
    assert (row["title"], row["parsed_title"]) == (
        "2025年工作要点",
        "某县2025年法治政府建设工作要点",
    )
    plan_admin.archive_plan(con, plan_id, "李四")
    assert plan_admin.list_plans(con) == []
    assert con.execute("select count(*) from tasks where plan_id = ?", [plan_id]).fetchone() == (2,)
    plan_admin.archive_plan(con, plan_id, "李四", archived=False)
    assert [p["plan_id"] for p in plan_admin.list_plans(con)] == [plan_id]
    events = con.execute(
        "select action, detail, actor from plan_events where plan_id = ? order by event_id",
        [plan_id],
    ).fetchall()
    assert events == [
        ("rename", "某县2025年法治政府建设工作要点 → 2025年工作要点", "张三"),
        ("archive", "2025年工作要点", "李四"),
        ("restore", "2025年工作要点", "李四"),
    ]


def test_a_reissued_plan_is_recognised_as_a_new_version(con):
    load(con, "live.txt", LIVE)
    old_id = ids(con)["某县2025年法治政府建设工作要点"]
    result = load(con, "live_v2.txt", REISSUED)
    (new_id,) = [p["plan_id"] for p in plan_admin.list_plans(con) if p["plan_id"] != old_id]
    assert result.versions == [(new_id, old_id, "某县2025年法治政府建设工作要点")]
    assert f"识别为第 {old_id} 号《某县2025年法治政府建设工作要点》的新版本" in result.summary()
    (row,) = [p for p in plan_admin.list_plans(con) if p["plan_id"] == new_id]
    assert row["version_of"] == old_id


def test_same_title_issuer_and_year_is_a_version_too_but_another_year_is_not(con):
    load(con, "a.txt", UNDATED.replace("某县依法行政工作方案", "某县2024年依法行政工作方案"))
    again = load(
        con,
        "b.txt",
        UNDATED.replace("某县依法行政工作方案", "某县2024年依法行政工作方案")
        + "(二)加强监督。(县司法局负责)\n",
    )
    other_year = load(
        con, "c.txt", UNDATED.replace("某县依法行政工作方案", "某县2025年依法行政工作方案")
    )
    assert len(again.versions) == 1 and other_year.versions == []


def test_gazette_documents_are_listed_with_their_kind_and_chosen_for_tracking(con):
    load(con, "live.txt", LIVE)
    load(con, "report.txt", REPORT)
    every = {
        p["title"]: (p["kind"], p["tracked"]) for p in plan_admin.list_plans(con, include_all=True)
    }
    assert every == {
        "某县2025年法治政府建设工作要点": ("plan", True),
        "某县人民政府关于2024年度法治政府建设情况的报告": ("annual_report", False),
    }
    plan_id = ids(con)["某县2025年法治政府建设工作要点"]
    plan_admin.set_tracked(con, plan_id, False, "张三")
    assert plan_admin.list_plans(con) == [] and plan_admin.current_plan_id(con) is None
    with pytest.raises(LoadError, match="年度报告"):
        plan_admin.set_tracked(
            con, ids(con)["某县人民政府关于2024年度法治政府建设情况的报告"], True, "张三"
        )
    with pytest.raises(LoadError, match="没有编号为 999"):
        plan_admin.pin_current(con, 999, "张三")


cli = loaders_cli


def test_plans_on_the_command_line(tmp_path):
    db = str(tmp_path / "p.duckdb")
    for name, text in (("live.txt", LIVE), ("old.txt", OLD)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert cli("load", str(tmp_path / name), "--db", db).returncode == 0
    out = cli("plans", "--db", db, "--json")
    data = json.loads(out.stdout)
    by_title = {p["title"]: p for p in data["plans"]}
    live, old = by_title["某县2025年法治政府建设工作要点"], by_title["某县2012年依法行政工作要点"]
    assert data["current_plan_id"] == live["plan_id"] and live["current"] and not old["current"]
    assert live["doc_number"] == "某政办发〔2025〕8号" and live["years"] == [2025, 2025]
    done = cli("plans", "--db", db, "--current", str(old["plan_id"]), "--by", "张三")
    assert (
        done.returncode == 0
        and f"{old['plan_id']:>4}  某县2012年依法行政工作要点（方案/要点，2012，当前计划）"
        in done.stdout
    )
    renamed = cli("plans", "--db", db, "--rename", str(live["plan_id"]), "县2025年要点")
    assert "县2025年要点" in renamed.stdout
    bad = cli("plans", "--db", db, "--archive", "999")
    assert (
        bad.returncode == 1
        and "没有编号为 999 的计划" in bad.stderr
        and "Traceback" not in bad.stderr
    )
