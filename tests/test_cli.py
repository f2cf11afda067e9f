"""The command line contract (CONTRACTS §1 and §2), run as a real subprocess."""

from __future__ import annotations

import json

import duckdb
import jsonschema

from tests.cli import loaders_cli
from tests.conftest import SHARED, seed_files

PLAN = """某某县2024年法治政府建设工作要点
一、依法全面履行政府职能
1.推行权责清单制度。编制并公布权责清单,清单公布率达到100%。
牵头单位:县司法局
责任单位:政府各部门,各乡镇
2.严格规范性文件备案。规范性文件报备率、报备及时率达到100%。
牵头单位:县政府办、县司法局
配合单位:各乡镇
完成时限:2024年6月底前
"""


run = loaders_cli


def test_parse_all_seeds_validates_against_schema():
    seeds = seed_files()
    out = run("parse", *map(str, seeds), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    schema = json.loads((SHARED / "parse-output.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert [f["path"] for f in data["files"]] == list(map(str, seeds))


def test_unreadable_file_reports_on_stderr_and_others_still_parse(tmp_path):
    good = tmp_path / "plan.txt"
    good.write_text(PLAN, encoding="utf-8")
    bad = tmp_path / "image.png"
    bad.write_bytes(b"\x89PNG\r\n")
    out = run("parse", str(bad), str(good), "--json")
    assert out.returncode == 1
    assert "image.png" in out.stderr
    files = json.loads(out.stdout)["files"]
    assert [f["path"] for f in files] == [str(good)]
    (doc,) = files[0]["documents"]
    assert doc["kind"] == "plan"
    assert [t["number"] for a in doc["actions"] for t in a["tasks"]] == ["1", "2"]


def test_load_twice_changes_nothing_and_bad_input_stores_nothing(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    db = tmp_path / "t.duckdb"
    first = run("load", str(plan), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "任务 2 项" in first.stdout
    second = run("load", str(plan), "--db", str(db))
    assert second.returncode == 0
    assert "未重复保存" in second.stdout
    empty = tmp_path / "notice.txt"
    empty.write_text("关于召开会议的通知\n请各单位准时参加。\n", encoding="utf-8")
    third = run("load", str(empty), "--db", str(db))
    assert third.returncode == 1
    assert "notice.txt" in third.stderr
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select count(*) from source_files").fetchone() == (1,)
    assert con.execute("select count(*) from tasks").fetchone() == (2,)
    assert con.execute("select count(*) from targets").fetchone() == (3,)
    roles = con.execute(
        "select t.number, tu.role, u.name from task_units tu join tasks t using (task_id) "
        "join units u using (unit_id) order by t.seq, tu.seq"
    ).fetchall()
    assert roles == [
        ("1", "lead", "县司法局"),
        ("1", "responsible", "政府各部门"),
        ("1", "responsible", "各乡镇"),
        ("2", "lead", "县政府办公室"),
        ("2", "lead", "县司法局"),
        ("2", "cooperating", "各乡镇"),
    ]
    assert con.execute("select deadline::varchar from tasks where number = '2'").fetchone() == (
        "2024-06-30",
    )
    con.close()


def test_help_is_complete():
    out = run("--help")
    assert out.returncode == 0
    assert "parse" in out.stdout and "load" in out.stdout
    assert "--db" in run("load", "--help").stdout
