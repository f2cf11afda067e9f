"""The 数据填报 page through the router (AppTest): download, upload, preview, confirm, restore."""

from __future__ import annotations

from pathlib import Path

import duckdb
from streamlit.testing.v1 import AppTest

from tests.dbfile import file_rows as rows
from tests.test_progress import fill
from ui.safe import md

APP = str(Path(__file__).resolve().parent.parent / "app.py")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def unit_template(path: Path, unit: str) -> tuple[bytes, list[str]]:
    """The unit's 2025 Q1 template and the numbers of the tasks it leads or is responsible for."""
    from loaders.progress.catalog import load_catalog
    from loaders.progress.template import build_template

    con = duckdb.connect(str(path))
    try:
        template = build_template(load_catalog(con, 2025), unit, 2025, 1)
        numbers = [
            r[0]
            for r in con.execute(
                "select t.number from tasks t join task_units tu using (task_id) join units u using (unit_id) "
                "where u.name = ? and tu.role in ('lead', 'responsible') order by t.seq",
                [unit],
            ).fetchall()
        ]
    finally:
        con.close()
    return template, numbers


def open_page(unit: str, account: str = "demo_admin") -> AppTest:
    """The 数据填报 page for a unit and 2025 Q1, signed in (uploads need an account)."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["signed_in"] = account
    at.run()
    at.switch_page("pages/progress.py").run()
    assert not at.exception, [e.value for e in at.exception]
    at.selectbox(key="fill_year").set_value(2025)
    at.selectbox(key="fill_quarter").set_value(1)
    at.selectbox(key="fill_unit").set_value(unit).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_upload_preview_confirm_and_restore(demo_db):
    unit = rows(
        demo_db,
        "select u.name from task_units tu join units u using (unit_id) "
        "where tu.role = 'lead' group by u.name order by count(*) desc limit 1",
    )[0][0]
    at = open_page(unit)
    assert at.get("download_button"), "no download button"
    template, numbers = unit_template(demo_db, unit)
    first = fill(template, {numbers[0]: ("推进中", "第一次")}, {})
    at.file_uploader(key="progress_upload").set_value(("q1.xlsx", first, XLSX)).run()
    assert not at.exception
    assert any("将保存任务进展 1 条" in i.value for i in at.info)
    at.button(key="confirm_upload").click().run()
    assert any("已保存任务进展 1 条" in s.value for s in at.success)
    ((first_id,),) = rows(demo_db, "select max(upload_id) from uploads")  # after the demo's
    assert rows(
        demo_db, "select status, note from task_progress where upload_id = ?", [first_id]
    ) == [("推进中", "第一次")]
    assert rows(demo_db, "select uploaded_by from uploads where upload_id = ?", [first_id]) == [
        ("demo_admin",)  # the signed-in account, not a typed name
    ]

    second = fill(template, {numbers[0]: ("已完成", "第二次")}, {})
    at.file_uploader(key="progress_upload").set_value(("q1-v2.xlsx", second, XLSX)).run()
    at.button(key="confirm_upload").click().run()
    assert any(f"替换了第 {first_id} 号上传" in s.value for s in at.success)
    at.selectbox(key="restore_choice").set_value(first_id)
    at.button(key="restore_button").click().run()
    assert not at.exception
    in_force = (
        "select p.note, p.upload_id from v_active_progress p join units u using (unit_id) "
        "join tasks t using (task_id) "
        "where u.name = ? and t.number = ? and p.year = 2025 and p.quarter = 1"
    )
    assert rows(demo_db, in_force, [unit, numbers[0]]) == [("第一次", first_id)]
    # the demo's own upload for the quarter keeps its other rows in force
    others = rows(
        demo_db,
        "select count(*) from v_active_progress p join units u using (unit_id) "
        "where u.name = ? and p.year = 2025 and p.quarter = 1 and p.upload_id < ?",
        [unit, first_id],
    )
    assert others[0][0] > 0


def test_a_bad_upload_shows_row_messages_and_stores_nothing(demo_db):
    unit = rows(
        demo_db,
        "select u.name from task_units tu join units u using (unit_id) "
        "where tu.role = 'lead' group by u.name order by count(*) desc limit 1",
    )[0][0]
    before = rows(demo_db, "select count(*) from task_progress")
    at = open_page(unit)
    bad = "单位,编号,进展状态\n" + f"{unit},1,快好了\n"
    at.file_uploader(key="progress_upload").set_value(
        ("bad.csv", bad.encode("utf-8"), "text/csv")
    ).run()
    assert not at.exception
    assert any("未通过校验" in e.value for e in at.error)
    assert rows(demo_db, "select count(*) from task_progress") == before


def test_warnings_are_shown_as_warnings_and_the_preview_compares_with_rows_in_force(demo_db):
    unit, indicator = rows(
        demo_db,
        "select g.unit, g.indicator from v_indicator_attainment g "
        "where g.measure = 'rate' and g.comparator in ('>=', '>') and g.target >= 50 "
        "and g.year = 2025 and g.quarter = 1 order by g.unit, g.target_id limit 1",
    )[0]
    at = open_page(unit)
    sheet = f"单位,指标,实际值\n{unit},{indicator},0.985\n".encode()
    at.file_uploader(key="progress_upload").set_value(("指标.csv", sheet, "text/csv")).run()
    assert not at.exception, [e.value for e in at.exception]
    # shown as text: the Markdown source escapes what Markdown would read (ui.safe.md)
    assert [w.value for w in at.warning] == [md("「指标」第2行「实际值」0.985按98.5%读取")]
    info = " ".join(i.value for i in at.info)
    assert "将保存任务进展 0 条、指标数据 1 条" in info
    assert "与现有数据相比：" in info and "保持不变" in info  # the unit's other rows stay in force


def test_a_reporter_uploads_for_its_own_unit_only(demo_db):
    """demo_sifaju (填报, 司法局) is offered only 司法局 and cannot restore; the data layer refuses
    its upload for another unit even when made directly, with an audit record."""
    at = open_page("司法局", account="demo_sifaju")
    assert at.selectbox(key="fill_unit").options == ["司法局"]
    assert not [b for b in at.button if b.key == "restore_button"]
    from loaders.db import connect
    from loaders.errors import LoadError
    from loaders.progress.store import store_upload

    con = connect(str(demo_db))
    try:
        sheet = "单位,编号,进展状态\n财政局,1,推进中\n".encode()
        before = con.execute("select count(*) from uploads").fetchone()[0]
        try:
            store_upload(con, "x.csv", sheet, "demo_sifaju", "财政局", 2025, 1)
        except LoadError as e:
            assert "只能报送司法局的数据" in str(e)
        else:
            raise AssertionError("a reporter stored another unit's sheet")
        assert con.execute("select count(*) from uploads").fetchone()[0] == before
        refused = con.execute(
            "select actor, outcome from audit_log where action = 'upload' order by audit_id desc limit 1"
        ).fetchall()
        assert refused == [("demo_sifaju", "refused")]
    finally:
        con.close()


def test_signed_out_the_page_offers_no_upload(demo_db):
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("pages/progress.py").run()
    assert not at.exception
    assert not at.get("file_uploader")
    assert any("上传须先在左侧登录" in i.value for i in at.info)
