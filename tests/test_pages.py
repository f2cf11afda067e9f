"""The 计划与任务 page, run through the router with AppTest on a fresh demo database."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from demo.database import ensure_demo_db
from tests.dbfile import file_rows as rows

APP = str(Path(__file__).resolve().parent.parent / "app.py")
TIMEOUT = 30

SMALL_PLAN = """测试县2026年依法行政工作方案

(一)规范执法行为行动

1.公开执法信息。行政执法公示率达到100%。
牵头单位:司法局
完成时限:2026年6月底前

2.开展案卷评查。每年至少开展2次行政执法案卷评查。
牵头单位:司法局
配合单位:市场监管局
完成时限:长期坚持
""".encode()


def start(account: str | None = "demo_admin") -> AppTest:
    """The app, switched to the 计划与任务 page, signed in as the demo admin (None: signed out)."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if account:
        at.session_state["signed_in"] = account
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    at.switch_page("pages/plans.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown_task_numbers(at: AppTest) -> list[str]:
    """编号 of every task row in the task tables (the tables with a 牵头单位 column)."""
    tables = [df.value for df in at.dataframe if "牵头单位" in df.value.columns]
    return [str(n) for t in tables for n in t["编号"]]


def demo_plan(path: Path) -> tuple[int, str]:
    """The newest demo plan (the one shown first)."""
    return rows(
        path, "select doc_id, title from documents where kind = 'plan' order by doc_id desc"
    )[0]


def test_demo_db_holds_the_demo_plan_and_report(demo_db: Path) -> None:
    kinds = rows(demo_db, "select kind, count(*) from documents group by kind order by kind")
    assert kinds == [("annual_report", 1), ("plan", 2)]
    plan_id, _ = demo_plan(demo_db)
    assert rows(demo_db, "select count(*) from actions where plan_id = ?", [plan_id]) == [(6,)]
    assert rows(demo_db, "select count(*) from tasks where plan_id = ?", [plan_id]) == [(30,)]


def test_demo_build_leaves_only_the_finished_file(built_demo: Path) -> None:
    assert sorted(p.name for p in built_demo.parent.iterdir()) == ["demo.duckdb"]
    ensure_demo_db(built_demo)  # an existing file is left as it is
    assert sorted(p.name for p in built_demo.parent.iterdir()) == ["demo.duckdb"]


def test_page_shows_the_demo_plan_and_every_task(demo_db: Path) -> None:
    at = start()
    plan_id, title = demo_plan(demo_db)
    assert title == "青禾县2026年法治政府建设实施方案"
    assert any(title in h.value for h in at.subheader)
    assert at.sidebar.selectbox(key="plan_choice_widget").value == plan_id  # the shared filter
    assert any("青政办发〔2026〕3号" in c.value for c in at.caption)
    expected = [
        n
        for (n,) in rows(
            demo_db, "select number from tasks where plan_id = ? order by seq", [plan_id]
        )
    ]
    assert shown_task_numbers(at) == expected
    assert len(expected) == 30
    awaiting = rows(
        demo_db,
        "select distinct u.name from units u join task_units tu using (unit_id) "
        "join tasks t using (task_id) where not u.reviewed and t.plan_id = ? order by u.name",
        [plan_id],
    )
    (review,) = [df.value for df in at.dataframe if "来自文件" in df.value.columns]
    assert sorted(review["单位"]) == [n for (n,) in awaiting]
    assert set(review["来自文件"]) == {title}


SEARCHES = [  # worked out by hand from the demo text
    ("生态环境分局", ["3", "18", "20"]),
    ("市场监管局", ["2", "3", "4", "18", "20"]),  # as written; the unit is stored as 市场监督管理局
]


def test_search_by_unit_keeps_exactly_the_tasks_naming_it(demo_db: Path) -> None:
    at = start()
    plan_id, _ = demo_plan(demo_db)
    for query, numbers in SEARCHES:
        at.text_input(key="task_search").input(query).run()
        assert not at.exception
        like = f"%{query}%"
        expected = rows(
            demo_db,
            "select distinct t.number, t.seq from tasks t left join task_units tu using (task_id) "
            "left join units u using (unit_id) where t.plan_id = ? and (u.name like ? "
            "or tu.name_written like ? or t.title like ? or t.text like ?) order by t.seq",
            [plan_id, like, like, like, like],
        )
        assert [n for n, _ in expected] == numbers
        assert shown_task_numbers(at) == numbers
        assert f"找到 {len(numbers)} 项任务" in [c.value for c in at.caption]
    at.text_input(key="task_search").input("").run()
    assert len(shown_task_numbers(at)) == 30


def test_upload_stores_a_new_plan_once(demo_db: Path) -> None:
    at = start()
    at.file_uploader(key="plan_upload").set_value(
        ("small_plan.txt", SMALL_PLAN, "text/plain")
    ).run()
    assert not at.exception
    assert not at.error, [e.value for e in at.error]
    assert "2 项任务" in at.success[0].value
    plans = rows(demo_db, "select doc_id, title from documents where kind = 'plan' order by doc_id")
    assert len(plans) == 3
    new_id, new_title = plans[-1]
    assert new_title == "测试县2026年依法行政工作方案"
    assert rows(demo_db, "select count(*) from tasks where plan_id = ?", [new_id]) == [(2,)]
    assert any(new_title in o for o in at.sidebar.selectbox(key="plan_choice_widget").options)

    at.file_uploader(key="plan_upload").set_value(
        ("small_plan.txt", SMALL_PLAN, "text/plain")
    ).run()
    assert not at.exception
    assert any("该文件已载入过，未重复保存" in i.value for i in at.info)
    assert rows(demo_db, "select count(*) from source_files") == [(4,)]
    assert len(rows(demo_db, "select doc_id from documents where kind = 'plan'")) == 3


def test_upload_without_tasks_shows_a_chinese_error_and_stores_nothing(demo_db: Path) -> None:
    at = start()
    data = "这是一段普通的文字，没有任何编号任务。".encode()
    at.file_uploader(key="plan_upload").set_value(("note.txt", data, "text/plain")).run()
    assert not at.exception
    assert at.error and "未保存" in at.error[0].value
    assert rows(demo_db, "select count(*) from source_files") == [(3,)]


def test_merge_a_pending_unit_from_the_page(demo_db: Path) -> None:
    pending = [
        r[0] for r in rows(demo_db, "select name from units where not reviewed order by name")
    ]
    target = rows(demo_db, "select name from units where reviewed order by name limit 1")[0][0]
    alias = pending[0]
    # after the merge the target holds one row per (task, role) that either name had
    expected = rows(
        demo_db,
        "select count(distinct (tu.task_id, tu.role)) from task_units tu join units u using (unit_id) "
        "where u.name in (?, ?)",
        [alias, target],
    )[0][0]
    at = start()
    at.selectbox(key="merge_alias").set_value(alias)
    at.selectbox(key="merge_into").set_value(target)
    at.button[[b.label for b in at.button].index("合并")].click().run()
    assert not at.exception
    assert any("请勾选“确认合并”" in e.value for e in at.error)  # no merge without confirmation
    assert rows(demo_db, "select count(*) from units where name = ?", [alias]) == [(1,)]
    at.selectbox(key="merge_alias").set_value(alias)
    at.selectbox(key="merge_into").set_value(target)
    at.checkbox(key="merge_sure").check()
    at.button[[b.label for b in at.button].index("合并")].click().run()
    assert not at.exception
    assert any("已将" in s.value for s in at.success)
    assert rows(demo_db, "select count(*) from units where name = ?", [alias]) == [(0,)]
    after = rows(
        demo_db,
        "select count(*) from task_units tu join units u using (unit_id) where u.name = ?",
        [target],
    )[0][0]
    assert after == expected
    assert rows(
        demo_db,
        "select count(*) from unit_aliases a join units u using (unit_id) "
        "where u.name = ? and a.alias = ?",
        [target, alias],
    ) == [(1,)]
    # and undone from the page: the unit is back with its tasks
    undo = next(sb for sb in at.selectbox if sb.label == "撤销合并")
    undo.set_value(undo.options and rows(demo_db, "select max(event_id) from unit_events")[0][0])
    at.button[[b.label for b in at.button].index("撤销合并")].click().run()
    assert not at.exception
    assert any("已撤销合并" in s.value for s in at.success)
    assert rows(demo_db, "select count(*) from units where name = ?", [alias]) == [(1,)]


def test_review_notes_lead_the_plan_page(demo_db: Path) -> None:
    """A plan with a doubtful task shows it first, in a 待核对 table with its notes."""
    doubtful = "测试县2026年依法行政工作方案\n一、依法行政\n(一)完善权责清单。(县委编办牵头)\n(二)深化政务公开。\n"
    at = start()
    at.file_uploader(key="plan_upload").set_value(
        ("doubtful.txt", doubtful.encode("utf-8"), "text/plain")
    ).run()
    assert not at.exception
    plan_id = rows(demo_db, "select max(doc_id) from documents")[0][0]
    at.sidebar.selectbox(key="plan_choice_widget").set_value(plan_id).run()
    review = [df.value for df in at.dataframe if "待核对事项" in df.value.columns]
    assert len(review) == 1
    assert review[0][["编号", "待核对事项"]].values.tolist() == [["(二)", "未找到牵头或责任单位"]]
    assert any("待核对：1 项任务" in e.label for e in at.expander)


def test_a_new_session_opens_on_the_current_plan_and_the_coordinator_pins_another(
    demo_db: Path,
) -> None:
    """Loading an old plan does not move what every session opens on; pinning does."""
    before = start().sidebar.selectbox(key="plan_choice_widget").value
    old = "某县2012年依法行政工作要点\n一、依法行政\n(一)推行政务公开。(县政府办负责)\n"
    at = start()
    at.file_uploader(key="plan_upload").set_value(
        ("old.txt", old.encode("utf-8"), "text/plain")
    ).run()
    assert not at.exception
    assert start().sidebar.selectbox(key="plan_choice_widget").value == before

    other = rows(
        demo_db, "select doc_id from documents where title = '青禾县2025年法治政府建设实施方案'"
    )[0][0]
    at = start()
    at.selectbox(key="admin_plan").set_value(other)
    at.radio(key="admin_action").set_value("设为当前计划")
    at.button[[b.label for b in at.button].index("执行")].click().run()
    assert not at.exception
    assert any(f"已对第 {other} 号执行“设为当前计划”" in s.value for s in at.success)
    assert start().sidebar.selectbox(key="plan_choice_widget").value == other


def test_a_correction_on_the_page_reaches_the_views_and_can_be_undone(demo_db: Path) -> None:
    """计划校对: change a task's 责任单位 in the form; the views count the new unit; undo."""
    at = start()
    task_id = at.selectbox(key="review_task").value
    boxes = {t.label: t for t in at.text_input}
    boxes["责任单位"].set_value("测试复核单位")
    at.button[[b.label for b in at.button].index("保存校对")].click().run()
    assert not at.exception
    assert any("已保存对任务" in s.value for s in at.success)
    owners = rows(
        demo_db,
        "select distinct unit from v_task_status where task_id = ? and role = 'responsible'",
        [task_id],
    )
    assert owners == [("测试复核单位",)]
    (cid,) = rows(demo_db, "select correction_id from corrections where field = 'responsible'")[0]
    undo = [s for s in at.selectbox if s.label == "撤销校对"][0]
    undo.set_value(cid)
    at.button[[b.label for b in at.button].index("撤销")].click().run()
    assert not at.exception
    assert any(f"已撤销第 {cid} 号校对" in s.value for s in at.success)
    assert rows(
        demo_db,
        "select count(*) from task_units tu join units u using (unit_id) where u.name = '测试复核单位'",
    ) == [(0,)]


def test_group_members_set_on_the_page_own_the_groups_tasks(demo_db: Path) -> None:
    """单位组成员: 各乡镇's tasks become each member's; the group leaves the ranking."""
    named = rows(
        demo_db,
        "select count(distinct tu.task_id) from task_units tu join units u using (unit_id) where u.name = '各乡镇'",
    )[0][0]
    assert named > 0
    at = start()
    (group_box,) = [s for s in at.selectbox if s.label == "单位组"]
    group_box.set_value("各乡镇")
    at.text_input(key="group_members_text").set_value("清河镇、青山乡")
    at.button[[b.label for b in at.button].index("保存成员")].click().run()
    assert not at.exception
    assert any("已设定「各乡镇」的成员" in s.value for s in at.success)
    owned = rows(
        demo_db,
        "select u.name, count(distinct tu.task_id) from task_units tu join units u using (unit_id) "
        "where u.name in ('清河镇', '青山乡', '各乡镇') group by u.name order by u.name",
    )
    assert owned == [("清河镇", named), ("青山乡", named)]


def test_signed_out_or_as_a_viewer_nothing_can_be_written(demo_db: Path) -> None:
    """Without signing in there is no plan upload and the 计划管理 actions are refused; a viewer
    who signs in is refused by the data layer, and the refusal is audited."""
    at = start(account=None)
    assert not [u for u in at.get("file_uploader") if u.proto.label.startswith("上传计划")]
    plan = rows(demo_db, "select max(doc_id) from documents where kind = 'plan'")[0][0]
    at.selectbox(key="admin_plan").set_value(plan)
    at.radio(key="admin_action").set_value("归档")
    at.button[[b.label for b in at.button].index("执行")].click().run()
    assert any("请先在左侧登录" in e.value for e in at.error)
    assert rows(demo_db, "select count(*) from plan_state where archived") == [(0,)]

    at = start(account="demo_viewer")
    at.selectbox(key="admin_plan").set_value(plan)
    at.radio(key="admin_action").set_value("归档")
    at.button[[b.label for b in at.button].index("执行")].click().run()
    assert any("没有“管理计划”的权限" in e.value for e in at.error)
    assert rows(demo_db, "select count(*) from plan_state where archived") == [(0,)]
    assert rows(demo_db, "select actor, outcome from audit_log where action = 'plan'") == [
        ("demo_viewer", "refused")
    ]


def test_sign_in_and_out_in_the_sidebar(demo_db: Path) -> None:
    at = start(account=None)
    at.sidebar.text_input(key="sign_in_name").set_value("demo_admin")
    at.sidebar.text_input(key="sign_in_password").set_value("wrong-password")
    at.sidebar.button[[b.label for b in at.sidebar.button].index("登录")].click().run()
    assert any("账户或密码不正确" in e.value for e in at.sidebar.error)
    at.sidebar.text_input(key="sign_in_password").set_value("demo-admin-2026")
    at.sidebar.button[[b.label for b in at.sidebar.button].index("登录")].click().run()
    assert at.session_state["signed_in"] == "demo_admin"
    assert any("当前账户：demo\\_admin（管理）" in c.value for c in at.sidebar.caption)
    at.sidebar.button(key="sign_out").click().run()
    assert "signed_in" not in at.session_state


def test_the_audit_page_shows_writes_and_refusals_to_admins_only(demo_db: Path) -> None:
    at = start(account="demo_viewer")
    plan = rows(demo_db, "select max(doc_id) from documents where kind = 'plan'")[0][0]
    at.selectbox(key="admin_plan").set_value(plan)
    at.radio(key="admin_action").set_value("归档")
    at.button[[b.label for b in at.button].index("执行")].click().run()  # refused, audited
    at.switch_page("pages/audit.py").run()
    assert any("只有管理员可以查看" in i.value for i in at.info)
    assert not at.dataframe

    at = start(account="demo_admin")
    at.switch_page("pages/audit.py").run()
    assert not at.exception
    log = at.dataframe[0].value
    expected = rows(demo_db, "select count(*) from audit_log")[0][0]
    assert len(log) == expected
    at.toggle(key="audit_refused").set_value(True).run()
    refused = at.dataframe[0].value
    assert list(refused["账户"]) == ["demo_viewer"] and list(refused["结果"]) == ["拒绝"]
    at.toggle(key="audit_refused").set_value(False)
    at.text_input(key="audit_search").set_value("demo_sifaju").run()
    assert set(at.dataframe[0].value["对象"]) == {"demo_sifaju"}  # the account created for it
