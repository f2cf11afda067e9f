"""Indicators and tasks across plans and years: suggestions by similarity, confirmed by a person,
followed by 按年度; undo keeps the record."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from loaders.db import connect
from loaders.errors import LoadError
from loaders.storage import catalogue as K
from loaders.storage.plans import load_file
from tests.dbfile import file_rows as rows

PLAN_2024 = """某县2024年法治政府建设工作要点
一、依法应诉
(一)提高出庭应诉率。行政机关负责人出庭应诉率达到100%。(县司法局牵头)
(二)办理投诉举报。投诉举报办结率达到90%以上。(县信访局负责)
"""
PLAN_2025 = """某县2025年法治政府建设工作要点
一、依法应诉
(一)提高负责人出庭应诉率。被诉行政机关负责人出庭率达到100%。(县司法局牵头)
(二)办理投诉举报。投诉举报办结率达到95%以上。(县信访局负责)
"""
REPORT_2023 = """某县关于2023年度法治政府建设工作情况的报告
现将有关情况报告如下:
一、主要工作
全年行政机关负责人出庭应诉率为96%。
"""


@pytest.fixture
def con():
    c = connect(":memory:")
    for name, text in (("r.txt", REPORT_2023), ("a.txt", PLAN_2024), ("b.txt", PLAN_2025)):
        load_file(c, name, text.encode("utf-8"))
    yield c
    c.close()


def test_alike_names_of_one_unit_are_suggested_and_confirmed_by_a_person(con):
    pairs = {(s["name"], s["canonical"], s["unit"]) for s in K.suggest_aliases(con)}
    assert ("被诉行政机关负责人出庭率", "行政机关负责人出庭应诉率", "%") in pairs
    assert K.canonical_map(con) == {}  # nothing is linked without a person
    alias = K.confirm_alias(
        con, "被诉行政机关负责人出庭率", "%", "行政机关负责人出庭应诉率", "张三"
    )
    assert K.canonical_map(con) == {("被诉行政机关负责人出庭率", "%"): "行政机关负责人出庭应诉率"}
    assert all(s["name"] != "被诉行政机关负责人出庭率" for s in K.suggest_aliases(con))
    K.undo_alias(con, alias, "李四")
    assert K.canonical_map(con) == {}
    assert rows_of(con, "select undone_by from indicator_aliases") == [("李四",)]
    with pytest.raises(LoadError, match="没有以「次」计的指标"):
        K.confirm_alias(con, "出庭应诉率", "次", "行政机关负责人出庭应诉率", "张三")


def rows_of(con, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def test_a_task_is_linked_to_last_years_and_followed(con):
    plan_2025 = rows_of(
        con, "select doc_id from documents where title = '某县2025年法治政府建设工作要点'"
    )[0][0]
    suggested = {(s["number"], s["earlier_number"]) for s in K.suggest_task_links(con, plan_2025)}
    assert suggested == {("(一)", "(一)"), ("(二)", "(二)")}
    new, old = (
        rows_of(con, f"select task_id from tasks where plan_id = {p} and number = '(二)'")[0][0]
        for p in (plan_2025, plan_2025 - 1)
    )
    K.link_tasks(con, new, old, "张三")
    assert K.task_chain(con, new) == [old, new]
    with pytest.raises(LoadError, match="同一计划"):
        K.link_tasks(con, new, new - 1, "张三")


def test_the_years_page_follows_one_indicator_under_its_catalogue_name(tmp_path, monkeypatch):
    db = tmp_path / "c.duckdb"
    c = connect(str(db))
    for name, text in (("r.txt", REPORT_2023), ("a.txt", PLAN_2024), ("b.txt", PLAN_2025)):
        load_file(c, name, text.encode("utf-8"))
    K.confirm_alias(c, "被诉行政机关负责人出庭率", "%", "行政机关负责人出庭应诉率", "张三")
    plan_2025 = c.execute("select doc_id from documents where title like '%2025%'").fetchone()[0]
    new, old = (
        c.execute(f"select task_id from tasks where plan_id = {p} and number = '(二)'").fetchone()[
            0
        ]
        for p in (plan_2025, plan_2025 - 1)
    )
    K.link_tasks(c, new, old, "张三")
    c.close()
    monkeypatch.setenv("FAZHI_DB", str(db))
    at = AppTest.from_file(
        str(Path(__file__).resolve().parent.parent / "app.py"), default_timeout=60
    ).run()
    at.switch_page("pages/years.py").run()
    at.sidebar.selectbox(key="plan_choice_widget").set_value(plan_2025).run()
    assert not at.exception, [e.value for e in at.exception]
    options = at.selectbox(key="yearly_indicator").options
    assert any(o.startswith("行政机关负责人出庭应诉率（") for o in options)
    assert not any(o.startswith("被诉行政机关负责人出庭率") for o in options)
    (history,) = [df.value for df in at.dataframe if "年末状态" in df.value.columns]
    assert list(history["年度"]) == [2024, 2025]
    assert list(history["编号"]) == ["(二)", "(二)"]
    assert rows(db, "select count(*) from task_links") == [(1,)]
