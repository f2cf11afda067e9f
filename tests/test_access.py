"""Who may do what, enforced in the data layer: every write × every role. A refused action exits
with a Chinese message and writes nothing but an audit record; every write is audited."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from loaders import access
from loaders.db import connect
from loaders.errors import LoadError
from loaders.storage import catalogue, corrections, plan_admin, registry, unit_groups
from loaders.storage.plans import load_file

ROOT = Path(__file__).resolve().parent.parent
PLAN = """某县2025年法治政府建设工作要点
一、依法行政
(一)完善权责清单。行政执法公示率达到100%。(县委编办牵头,各镇街配合)
(二)规范执法。(市司法局负责)
"""
PLAN_2 = PLAN.replace("2025", "2026").replace("公示率", "信息公示率")
TABLES = (
    "documents",
    "tasks",
    "task_units",
    "targets",
    "units",
    "unit_aliases",
    "corrections",
    "plan_state",
    "app_settings",
    "unit_members",
    "indicator_aliases",
    "task_links",
    "accounts",
)


@pytest.fixture
def con():
    c = connect(":memory:")
    load_file(
        c, "a.txt", PLAN.encode("utf-8"), "系统管理员"
    )  # no accounts yet: the bootstrap admin
    load_file(c, "b.txt", PLAN_2.encode("utf-8"), "系统管理员")
    access.add_account(c, "系统管理员", "管理员", "admin", "admin-pass-1")
    access.add_account(c, "管理员", "司法局填报员", "reporter", "report-pass-1", ["县委编办"])
    access.add_account(c, "管理员", "领导", "viewer", "viewer-pass-1")
    access.add_account(c, "管理员", "离职者", "admin", "left-pass-12")
    access.disable_account(c, "管理员", "离职者")
    yield c
    c.close()


def writes(con) -> dict:
    first = con.execute("select min(task_id) from tasks").fetchone()[0]
    plan = con.execute("select max(doc_id) from documents").fetchone()[0]
    return {
        "load": lambda who: load_file(
            con, "c.txt", PLAN.replace("2025", "2027").encode("utf-8"), who
        ),
        "pin": lambda who: plan_admin.pin_current(con, plan, who),
        "rename": lambda who: plan_admin.rename_plan(con, plan, "新名称", who),
        "archive": lambda who: plan_admin.archive_plan(con, plan, who),
        "correct": lambda who: corrections.correct(con, first, {"title": "新标题"}, who),
        "add_task": lambda who: corrections.add_task(con, plan, "一", "(三)", "新任务", who),
        "confirm": lambda who: registry.confirm_units(con, ["县委编办"], who),
        "merge": lambda who: registry.merge_unit(
            con, "市司法局", "县委编办", who, allow_cross_level=True
        ),
        "members": lambda who: unit_groups.set_members(con, "各镇街", "东镇", who),
        "alias": lambda who: catalogue.confirm_alias(
            con, "行政执法信息公示率", "%", "行政执法公示率", who
        ),
        "link": lambda who: catalogue.link_tasks(con, first + 2, first, who),
        "account": lambda who: access.add_account(con, who, "新人", "viewer", "new-pass-123"),
    }


def snapshot(con) -> dict:
    return {t: con.execute(f"select * from {t} order by all").fetchall() for t in TABLES}


@pytest.mark.parametrize("who", ["领导", "司法局填报员", "离职者", "不存在的人"])
@pytest.mark.parametrize(
    "action",
    [
        "load",
        "pin",
        "rename",
        "archive",
        "correct",
        "add_task",
        "confirm",
        "merge",
        "members",
        "alias",
        "link",
        "account",
    ],
)
def test_refused_writes_change_nothing_but_the_audit_log(con, who, action):
    before = snapshot(con)
    audited = con.execute("select count(*) from audit_log").fetchone()[0]
    with pytest.raises(LoadError) as refused:
        writes(con)[action](who)
    assert any(word in str(refused.value) for word in ("没有", "不存在", "已停用", "只能报送"))
    assert snapshot(con) == before
    rows = con.execute(
        "select actor, outcome from audit_log where audit_id > (select max(audit_id) - 1 from audit_log)"
    ).fetchall()
    assert con.execute("select count(*) from audit_log").fetchone()[0] == audited + 1
    assert rows == [(who, "refused")]


@pytest.mark.parametrize(
    "action",
    [
        "load",
        "pin",
        "rename",
        "archive",
        "correct",
        "add_task",
        "confirm",
        "merge",
        "members",
        "alias",
        "link",
        "account",
    ],
)
def test_an_admin_may_do_every_write_and_each_is_audited(con, action):
    audited = con.execute("select count(*) from audit_log").fetchone()[0]
    writes(con)[action]("管理员")
    done = con.execute(
        "select actor, outcome from audit_log where audit_id > ? order by audit_id", [audited]
    ).fetchall()
    assert done and set(done) == {("管理员", "done")}


def test_a_reporter_may_upload_only_for_its_units(con):
    assert access.require(con, "司法局填报员", "upload", unit="县委编办").name == "司法局填报员"
    with pytest.raises(LoadError, match="只能报送县委编办的数据"):
        access.require(con, "司法局填报员", "upload", unit="市司法局")
    with pytest.raises(LoadError, match="没有“报送”的权限"):
        access.require(con, "领导", "upload", unit="县委编办")


def test_sign_in_checks_the_argon2_hash_and_audits_every_attempt(con):
    assert con.execute(
        "select password_hash like '$argon2%' from accounts where name = '管理员'"
    ).fetchone() == (True,)
    assert access.sign_in(con, "管理员", "admin-pass-1").role == "admin"
    for name, password in [("管理员", "wrong-pass"), ("离职者", "left-pass-12"), ("谁", "x")]:
        with pytest.raises(LoadError, match="账户或密码不正确"):
            access.sign_in(con, name, password)
    outcomes = con.execute(
        "select actor, outcome from audit_log where action = 'sign_in' order by audit_id"
    ).fetchall()
    assert outcomes == [
        ("管理员", "done"),
        ("管理员", "refused"),
        ("离职者", "refused"),
        ("谁", "refused"),
    ]


def test_a_new_database_has_no_account_and_the_first_must_be_an_admin():
    c = connect(":memory:")
    assert access.list_accounts(c) == []
    with pytest.raises(LoadError, match="第一个账户须是管理员"):
        access.add_account(c, None, "甲", "viewer", "password-1")
    with pytest.raises(LoadError, match="至少 8 位"):
        access.add_account(c, None, "甲", "admin", "short")


def test_users_and_audit_on_the_command_line(tmp_path):
    db = str(tmp_path / "a.duckdb")

    def cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "loaders", *args],
            cwd=ROOT,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
        )

    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    assert cli("load", str(plan), "--db", db).returncode == 0  # no accounts: the machine's user
    made = cli("users", "--db", db, "add", "管理员", "--role", "admin", stdin="admin-pass-1\n")
    assert made.returncode == 0 and "已新建账户「管理员」（管理）" in made.stdout
    reporter = cli(
        "users",
        "--db",
        db,
        "add",
        "填报员",
        "--role",
        "reporter",
        "--unit",
        "县委编办",
        "--as",
        "管理员",
        stdin="report-pass-1\n",
    )
    assert reporter.returncode == 0
    refused = cli("plans", "--db", db, "--archive", "1", "--as", "填报员")
    assert refused.returncode == 1 and "没有“管理计划”的权限" in refused.stderr
    anonymous = cli(
        "correct", "--db", db, "--task", "1", "--title", "x"
    )  # the OS user has no account
    assert (
        anonymous.returncode == 1
        and "不存在" in anonymous.stderr
        and "Traceback" not in anonymous.stderr
    )
    listed = cli("users", "--db", db, "list").stdout
    assert "管理员\t管理\t—" in listed and "填报员\t填报\t县委编办" in listed
    log = cli("audit", "--db", db).stdout
    assert "【拒绝】plan" in log and "load" in log and "account" in log
