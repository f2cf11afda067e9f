"""Quarterly progress end to end: template -> filled by the test with openpyxl -> upload -> rows.

Also supersede and restore, duplicate files, rejected files kept with their messages, and the
CLI commands `template` and `progress`.
"""

from __future__ import annotations

import io
import subprocess
import sys

import openpyxl
import pytest

from loaders.db import connect
from loaders.progress.catalog import load_catalog
from loaders.progress.store import restore_upload, store_upload, template_answers
from loaders.progress.template import build_template
from loaders.storage.plans import load_file
from tests.conftest import ROOT

PLAN = """某某县2025年法治政府建设工作要点
一、依法行政
(一)规范文件备案。行政规范性文件报备率达到100%。(县司法局牵头,县政府办公室负责,各乡镇配合)
(二)开展执法检查。每年至少开展2次行政执法检查。(县司法局负责)
(三)推进政务公开。(县政府办公室负责)
"""


@pytest.fixture
def con():
    c = connect(":memory:")
    load_file(c, "plan.txt", PLAN.encode())
    yield c
    c.close()


def rows(con, sql, params=()):
    return con.cursor().execute(sql, list(params)).fetchall()


def header_columns(ws) -> dict[str, int]:
    return {c.value: c.column for c in ws[2] if c.value}


def fill(template: bytes, tasks: dict[str, tuple], numbers: dict[str, tuple]) -> bytes:
    """Fill a template as an analyst would: by 编号 for tasks, by 指标 for indicators."""
    wb = openpyxl.load_workbook(io.BytesIO(template))
    ws = wb["任务进展"]
    col = header_columns(ws)
    for r in range(3, ws.max_row + 1):
        key = ws.cell(r, col["编号"]).value
        if key in tasks:
            status, note = tasks[key]
            ws.cell(r, col["进展状态"]).value = status
            ws.cell(r, col["进展说明"]).value = note
    ws = wb["指标数据"]
    col = header_columns(ws)
    for r in range(3, ws.max_row + 1):
        name = ws.cell(r, col["指标"]).value
        if name in numbers:
            num, den, actual = numbers[name]
            ws.cell(r, col["分子"]).value = num
            ws.cell(r, col["分母"]).value = den
            ws.cell(r, col["实际值"]).value = actual
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def unit_template(con, unit: str, year: int = 2025, quarter: int = 1) -> bytes:
    return build_template(
        load_catalog(con, year), unit, year, quarter, template_answers(con, year, quarter)
    )


def test_round_trip_stores_exactly_what_was_filled(con):
    filled = fill(
        unit_template(con, "县司法局"),
        {"(一)": ("推进中", "已完成一季度备案审查"), "(二)": ("已完成", "开展检查2次")},
        {"行政规范性文件报备率": (39, 40, None), "开展行政执法检查": (None, None, 2)},
    )
    result = store_upload(con, "司法局一季度.xlsx", filled, "张三", "县司法局")
    assert result.status == "stored", result.errors
    assert (result.task_rows, result.indicator_rows) == (2, 2)
    assert rows(
        con,
        "select t.number, u.name, p.year, p.quarter, p.status, p.note from task_progress p "
        "join tasks t using (task_id) join units u using (unit_id) order by t.seq",
    ) == [
        ("(一)", "县司法局", 2025, 1, "推进中", "已完成一季度备案审查"),
        ("(二)", "县司法局", 2025, 1, "已完成", "开展检查2次"),
    ]
    assert rows(
        con,
        "select g.indicator, v.numerator, v.denominator, v.actual from indicator_values v "
        "join targets g using (target_id) order by g.seq",
    ) == [
        ("行政规范性文件报备率", 39.0, 40.0, None),
        ("开展行政执法检查", None, None, 2.0),
    ]
    (up,) = rows(
        con,
        "select file_name, uploaded_by, reporting_unit, year, quarter, outcome, "
        "task_rows, indicator_rows, octet_length(content) from uploads",
    )
    assert up == ("司法局一季度.xlsx", "张三", "县司法局", 2025, 1, "stored", 2, 2, len(filled))


def test_same_file_twice_is_not_stored_twice(con):
    filled = fill(unit_template(con, "县司法局"), {"(一)": ("推进中", "")}, {})
    assert store_upload(con, "a.xlsx", filled, "张三", "县司法局").status == "stored"
    again = store_upload(con, "a-copy.xlsx", filled, "李四", "县司法局")
    assert again.status == "duplicate" and again.upload_id == 1
    assert rows(con, "select count(*) from uploads") == [(1,)]


def test_reupload_supersedes_and_restore_brings_it_back(con):
    first = fill(unit_template(con, "县司法局"), {"(一)": ("推进中", "第一次")}, {})
    second = fill(unit_template(con, "县司法局"), {"(一)": ("已完成", "第二次")}, {})
    assert store_upload(con, "v1.xlsx", first, "张三", "县司法局").upload_id == 1
    r2 = store_upload(con, "v2.xlsx", second, "张三", "县司法局")
    assert r2.superseded == [1]
    active = (
        "select p.note from task_progress p join upload_periods a on a.upload_id = p.upload_id "
        "and a.unit_id = p.unit_id and a.year = p.year and a.quarter = p.quarter "
        "where a.superseded_by is null and p.status <> ''"
    )
    assert rows(con, active) == [("第二次",)]
    assert restore_upload(con, 1, "王五") == [2]
    assert rows(con, active) == [("第一次",)]
    assert rows(con, "select count(*) from task_progress") == [(2,)]  # nothing was deleted
    assert rows(
        con, "select upload_id, action, actor from upload_events order by happened_at, upload_id"
    ) == [(1, "stored", "张三"), (2, "stored", "张三"), (1, "restored", "王五")]


def test_last_quarter_answers_are_carried_into_the_next_template(con):
    filled = fill(unit_template(con, "县司法局"), {"(一)": ("推进中", "一季度说明")}, {})
    store_upload(con, "q1.xlsx", filled, "张三", "县司法局")
    wb = openpyxl.load_workbook(io.BytesIO(unit_template(con, "县司法局", quarter=2)))
    ws = wb["任务进展"]
    col = header_columns(ws)
    got = {
        ws.cell(r, col["编号"]).value: (
            ws.cell(r, col["进展状态"]).value,
            ws.cell(r, col["进展说明"]).value,
        )
        for r in range(3, ws.max_row + 1)
    }
    assert got["(一)"] == ("推进中", "一季度说明")
    assert got["(二)"] == (None, None)


def test_rejected_file_is_recorded_with_its_messages_and_no_data(con):
    filled = fill(
        unit_template(con, "县司法局"),
        {"(一)": ("快完成了", "")},
        {"行政规范性文件报备率": (41, 40, None)},
    )
    result = store_upload(con, "bad.xlsx", filled, "张三", "县司法局")
    assert result.status == "rejected"
    assert any("进展状态" in m and "快完成了" in m for m in result.errors)
    assert any("分母" in m and "分子" in m for m in result.errors)
    assert rows(con, "select outcome, len(messages) > 1 from uploads") == [("rejected", True)]
    assert rows(con, "select count(*) from task_progress") == [(0,)]
    assert rows(con, "select count(*) from upload_periods") == [(0,)]


def test_cli_template_and_progress(tmp_path):
    db = tmp_path / "t.duckdb"
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")

    def cli(*args):
        return subprocess.run(
            [sys.executable, "-m", "loaders", *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=120,
        )

    assert cli("load", str(plan), "--db", str(db)).returncode == 0
    out = tmp_path / "司法局.xlsx"
    made = cli(
        "template",
        "--db",
        str(db),
        "--unit",
        "县司法局",
        "--year",
        "2025",
        "--quarter",
        "1",
        "-o",
        str(out),
    )
    assert made.returncode == 0, made.stderr
    filled = tmp_path / "filled.xlsx"
    filled.write_bytes(fill(out.read_bytes(), {"(二)": ("已完成", "")}, {}))
    stored = cli("progress", str(filled), "--db", str(db), "--unit", "县司法局")
    assert stored.returncode == 0, stored.stderr
    assert "任务进展 1 条" in stored.stdout
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(fill(out.read_bytes(), {"(二)": ("不知道", "")}, {}))
    rejected = cli("progress", str(bad), "--db", str(db), "--unit", "县司法局")
    assert rejected.returncode == 1
    assert "进展状态" in rejected.stderr
    unknown = cli(
        "template",
        "--db",
        str(db),
        "--unit",
        "不存在的局",
        "--year",
        "2025",
        "--quarter",
        "1",
        "-o",
        str(tmp_path / "x.xlsx"),
    )
    assert unknown.returncode == 1 and "不存在的局" in unknown.stderr
