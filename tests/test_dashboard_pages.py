"""The dashboard pages (总览, 按单位, 按行动, 按年度, 指标) through the router with AppTest, on a copy of
the demo database: no exception, and the numbers shown are the views' numbers."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from tests.dbfile import file_rows as rows

APP = str(Path(__file__).resolve().parent.parent / "app.py")
TIMEOUT = 60


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def open_app(page: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception, [e.value for e in at.exception]
    if page:
        at.switch_page(page).run()
        assert not at.exception, [e.value for e in at.exception]
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


@pytest.fixture
def shown(demo_db: Path) -> dict:
    """The plan and quarter the app opens on: the newest plan, its latest quarter with uploads."""
    plan_id, title = rows(
        demo_db,
        "select doc_id, title from documents where kind = 'plan' order by doc_id desc limit 1",
    )[0]
    period, label = rows(
        demo_db,
        "select period_index, period_label from v_plan_trend where plan_id = ? "
        "and units_reported > 0 order by period_index desc limit 1",
        [plan_id],
    )[0]
    return {"db": demo_db, "plan_id": plan_id, "title": title, "period": period, "label": label}


def test_overview_tiles_are_the_plan_trend(shown):
    at = open_app()
    completion, attainment, overdue, expected, reported = rows(
        shown["db"],
        "select completion_rate, attainment_rate, overdue_tasks, units_expected, units_reported "
        "from v_plan_trend where plan_id = ? and period_index = ?",
        [shown["plan_id"], shown["period"]],
    )[0]
    assert at.title[0].value == f"{shown['title']} · {shown['label']}"
    assert metrics(at) == {
        "任务完成率": pct(completion),
        "指标达标率": pct(attainment),
        "逾期任务": f"{overdue} 项",
        "未报送单位": f"{expected - reported} 个",
    }
    prev = rows(
        shown["db"],
        "select completion_rate from v_plan_trend where plan_id = ? and period_index = ?",
        [shown["plan_id"], shown["period"] - 1],
    )[0][0]
    tile = next(m for m in at.metric if m.label == "任务完成率")
    assert tile.delta == f"{(completion - prev) * 100:+.1f}个百分点"
    assert f"逾期任务（{overdue} 项）" in [h.value for h in at.subheader]
    missing = rows(
        shown["db"],
        "select distinct r.unit from v_task_status s join v_unit_reporting r "
        "using (unit_id, period_index) where s.plan_id = ? and s.period_index = ? "
        "and s.role <> 'cooperating' and not r.reported order by r.unit",
        [shown["plan_id"], shown["period"]],
    )
    assert f"未报送单位（{len(missing)} 个）" in [h.value for h in at.subheader]
    assert len(missing) == expected - reported
    overdue_table = next(d.value for d in at.dataframe if "未完成单位" in d.value.columns)
    assert len(overdue_table) == overdue


BAR = ["leave_meeting", "meeting_back", "meeting_prev", "meeting_next", "meeting_forward"]
DASHBOARD = [
    "pages/overview.py",
    "pages/units.py",
    "pages/actions.py",
    "pages/years.py",
    "pages/indicators.py",
]


def test_meeting_mode_hides_the_sidebar_and_comes_back_in_one_click(shown):
    at = open_app()
    at.button(key="enter_meeting").click().run()
    assert not at.exception
    assert at.session_state["meeting"] is True
    # the bar: this page's tab, one button back, page and quarter switches; nothing else
    assert [b.key for b in at.button] == BAR
    assert metrics(at)["逾期任务"]  # the tiles are still there
    assert not at.dataframe  # tables are large HTML tables, not the small-type grid
    at.button(key="leave_meeting").click().run()
    assert at.session_state["meeting"] is False
    assert "enter_meeting" in [b.key for b in at.button]
    assert at.dataframe


def test_meeting_mode_is_kept_on_every_dashboard_page_with_its_bar(shown):
    at = open_app()
    at.button(key="enter_meeting").click().run()
    for page in DASHBOARD:
        at.switch_page(page).run()
        assert not at.exception, page
        assert at.session_state["meeting"] is True, page
        units = ["meeting_unit_prev", "meeting_unit_next"] if page.endswith("units.py") else []
        assert [b.key for b in at.button] == BAR + units, page
        assert not at.dataframe, page
        assert not at.get("download_button"), page  # no export buttons on a projector


BRIEFING = ["导出汇报幻灯片（PPT）", "导出汇报文稿（Word）", "导出汇报数据（Excel）"]


def briefing_buttons(at: AppTest) -> list[str]:
    return [b.proto.label for b in at.get("download_button") if b.proto.label in BRIEFING]


@pytest.mark.parametrize("page", DASHBOARD)
def test_every_dashboard_page_offers_the_briefing_material(shown, page):
    at = open_app(page)
    # 按单位 offers the shown unit's material and the plan's; the others the plan's
    expected = BRIEFING * (2 if page.endswith("units.py") else 1)
    assert briefing_buttons(at) == expected


def test_the_actions_page_offers_one_actions_material(shown):
    at = open_app("pages/actions.py")
    assert briefing_buttons(at) == BRIEFING
    scope = at.selectbox(key="actions_brief_scope")
    first = rows(
        shown["db"],
        "select action_id from actions where plan_id = ? order by seq limit 1",
        [shown["plan_id"]],
    )[0][0]
    scope.set_value(first).run()
    assert not at.exception
    assert briefing_buttons(at) == BRIEFING * 2


def test_meeting_bar_switches_quarter_and_page_without_a_keyboard(shown):
    at = open_app()
    at.button(key="enter_meeting").click().run()
    earlier = rows(
        shown["db"],
        "select period_index, period_label from v_plan_trend where plan_id = ? "
        "and period_index < ? order by period_index desc limit 1",
        [shown["plan_id"], shown["period"]],
    )[0]
    at.button(key="meeting_prev").click().run()
    assert at.session_state["period_choice"] == earlier[0]
    assert at.title[0].value == f"{shown['title']} · {earlier[1]}"
    at.button(key="meeting_next").click().run()
    assert at.title[0].value == f"{shown['title']} · {shown['label']}"
    # 下一页 (a clicker's PageDown) walks the dashboard pages in tab order, then wraps round
    titles = []
    for _ in DASHBOARD:
        at.button(key="meeting_forward").click().run()
        assert not at.exception
        titles.append(at.title[0].value)
    assert titles == ["按单位", "按行动", "按年度", "指标", f"{shown['title']} · {shown['label']}"]
    at.button(key="meeting_back").click().run()
    assert at.title[0].value == "指标"
    assert at.session_state["period_choice"] == shown["period"]  # the quarter stays chosen


def test_meeting_mode_walks_the_units_in_ranking_order(shown):
    ranked = [
        r[0]
        for r in rows(
            shown["db"],
            "select unit from v_unit_plan_scorecard s join units n using (unit_id) "
            "where plan_id = ? and period_index = ? and tasks_assigned > 0 and n.kind <> 'group' "
            "order by completion_rate nulls last, overdue_tasks desc, unit",
            [shown["plan_id"], shown["period"]],
        )
    ]
    at = open_app("pages/units.py")
    at.button(key="enter_meeting").click().run()
    assert at.header[0].value == f"{ranked[0]} 计分卡"
    assert at.button(key="meeting_unit_prev").disabled
    at.button(key="meeting_unit_next").click().run()
    assert at.header[0].value == f"{ranked[1]} 计分卡"
    at.button(key="meeting_unit_prev").click().run()
    assert at.header[0].value == f"{ranked[0]} 计分卡"


def test_meeting_mode_opens_from_the_address(shown):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["meeting"] = "1"
    at.run()
    assert not at.exception
    assert at.session_state["meeting"] is True
    assert "leave_meeting" in [b.key for b in at.button]


def test_units_page_ranks_units_and_shows_the_scorecard_of_the_worst(shown):
    at = open_app("pages/units.py")
    expected = rows(
        shown["db"],
        "select unit, completion_rate, overdue_tasks from v_unit_plan_scorecard s "
        "join units n using (unit_id) "  # a group (各乡镇) is never ranked
        "where plan_id = ? and period_index = ? and tasks_assigned > 0 and n.kind <> 'group' "
        "order by completion_rate nulls last, overdue_tasks desc, unit",
        [shown["plan_id"], shown["period"]],
    )
    ranking = at.dataframe[0].value
    assert list(ranking["单位"]) == [r[0] for r in expected]
    assert list(ranking["逾期任务"]) == [r[2] for r in expected]
    worst, rate, overdue = expected[0]
    assert at.header[0].value == f"{worst} 计分卡"
    assert metrics(at)["任务完成率"] == pct(rate)
    assert metrics(at)["逾期任务"] == f"{overdue} 项"
    lead = rows(
        shown["db"],
        "select count(*) from v_task_status where plan_id = ? and period_index = ? and unit = ? "
        "and role = 'lead'",
        [shown["plan_id"], shown["period"], worst],
    )[0][0]
    assert f"牵头任务（{lead} 项）" in [s.value for s in at.subheader]
    labels = [b.proto.label for b in at.get("download_button")]
    assert f"下载{worst}计分卡（{shown['label']}）（Excel）" in labels


def test_chosen_unit_and_quarter_carry_across_pages(shown):
    at = open_app()
    earlier = shown["period"] - 1
    label = rows(
        shown["db"],
        "select period_label from v_periods where plan_id = ? and period_index = ?",
        [shown["plan_id"], earlier],
    )[0][0]
    unit_id, unit = rows(
        shown["db"],
        "select unit_id, unit from v_unit_plan_scorecard "
        "where plan_id = ? and period_index = ? and tasks_assigned > 0 "
        "order by unit desc limit 1",
        [shown["plan_id"], earlier],
    )[0]
    at.sidebar.selectbox(key="period_choice_widget").set_value(earlier).run()
    at.sidebar.selectbox(key="unit_choice_widget").set_value(unit_id).run()
    assert at.title[0].value.endswith(label)
    at.switch_page("pages/units.py").run()
    assert not at.exception
    assert at.header[0].value == f"{unit} 计分卡"
    assert label in at.caption[0].value
    rate = rows(
        shown["db"],
        "select completion_rate from v_unit_plan_scorecard where plan_id = ? "
        "and period_index = ? and unit_id = ?",
        [shown["plan_id"], earlier, unit_id],
    )[0][0]
    assert metrics(at)["任务完成率"] == pct(rate)


def test_actions_page_lists_each_action_with_its_rates(shown):
    at = open_app("pages/actions.py")
    expected = rows(
        shown["db"],
        "select action_code || action_title, completion_rate, overdue_tasks "
        "from v_action_scorecard where plan_id = ? and period_index = ? order by action_seq",
        [shown["plan_id"], shown["period"]],
    )
    table = at.dataframe[0].value
    assert list(table["行动"]) == [r[0] for r in expected]
    shown_rates = [None if v != v else round(v, 1) for v in table["任务完成率"]]  # NaN: no rate
    assert shown_rates == [None if r[1] is None else round(r[1] * 100, 1) for r in expected]
    assert list(table["逾期任务"]) == [r[2] for r in expected]
    # labels are Markdown with the data escaped (ui.safe.md): read them as the viewer sees them
    labels = [re.sub(r"\\(.)", r"\1", e.label) for e in at.expander]
    for name, rate, overdue in expected:
        assert any(
            lbl.startswith(name) and f"完成率 {pct(rate)}" in lbl and f"逾期 {overdue} 项" in lbl
            for lbl in labels
        )


def test_years_page_sums_plans_quarter_by_quarter(shown):
    at = open_app("pages/years.py")
    expected = rows(
        shown["db"],
        "select year, quarter, sum(tasks_completed), sum(tasks_total) from v_plan_trend "
        "group by year, quarter having sum(units_reported) > 0 order by year, quarter",
    )
    table = at.dataframe[0].value
    assert [
        tuple(r) for r in table[["年度", "季度", "已完成", "已到期"]].itertuples(index=False)
    ] == [tuple(int(v) for v in r) for r in expected]
    indicator = at.selectbox(key="yearly_indicator").value
    years = rows(
        shown["db"],
        "select year, source, actual from v_indicator_yearly "
        "where indicator = ? order by year, source",
        [indicator],
    )
    shown_years = at.dataframe[1].value
    assert list(shown_years["年度"]) == [y for y, _, _ in years]
    assert list(shown_years["来源"]) == [s for _, s, _ in years]


def test_indicator_page_total_is_the_region_view(shown):
    at = open_app("pages/indicators.py")
    target_id = at.selectbox(key="indicator_choice").value
    actual, unit, reported, total = rows(
        shown["db"],
        "select r.actual, r.measure_unit, r.units_reported, r.units_total "
        "from v_indicator_region r where r.target_id = ? and r.period_index = ?",
        [target_id, shown["period"]],
    )[0]
    total_metric = next(m for m in at.metric if m.label == "全县合计")
    if actual is None:
        expected = "—"
    elif unit == "%":
        expected = f"{actual:.1f}%"
    else:  # at most two decimals, no trailing zeros: 3.9个工作日, 5次
        expected = f"{actual:.2f}".rstrip("0").rstrip(".") + unit
    assert total_metric.value == expected
    per_unit = rows(
        shown["db"],
        "select count(*) from v_indicator_attainment where target_id = ? and period_index = ?",
        [target_id, shown["period"]],
    )[0][0]
    assert len(at.dataframe[0].value) == per_unit == total
    assert reported <= total


@pytest.mark.parametrize(
    "page", ["pages/overview.py", "pages/units.py", "pages/actions.py", "pages/indicators.py"]
)
def test_pages_on_an_empty_database_say_what_to_do(page, tmp_path, monkeypatch):
    from loaders.db import connect

    path = tmp_path / "empty.duckdb"
    connect(path).close()
    monkeypatch.setenv("FAZHI_DB", str(path))
    at = open_app(page)
    assert any("请先在“计划与任务”载入计划" in i.value for i in at.info)


def test_years_page_on_an_empty_database(tmp_path, monkeypatch):
    from loaders.db import connect

    path = tmp_path / "empty.duckdb"
    connect(path).close()
    monkeypatch.setenv("FAZHI_DB", str(path))
    at = open_app("pages/years.py")
    assert [i.value for i in at.info] == ["尚无可统计的季度。"]


def test_years_compare_the_plans_and_reports_of_the_same_government(demo_db):
    from analytics import db, scorecards

    con = duckdb.connect(str(demo_db))
    try:
        con.execute(
            "insert into documents (doc_id, file_id, seq, title, issuer, kind) values "
            "(90, 1, 9, '别县2026年工作要点', '别县人民政府', 'plan'), "
            "(91, 1, 10, '未署名方案', null, 'plan')"
        ).fetchall()
        plans = dict(con.execute("select title, doc_id from documents").fetchall())
        db.clear_caches()
        # 青禾县人民政府 (the report) starts 青禾县人民政府办公室 (the plans): one government
        assert scorecards.series(con, plans["青禾县2026年法治政府建设实施方案"]) == sorted(
            plans[t] for t in plans if t.startswith("青禾县")
        )
        assert scorecards.series(con, 90) == [90]
        assert len(scorecards.series(con, 91)) == len(plans)  # no issuer: every document
    finally:
        con.close()


def test_the_fill_in_page_offers_the_quarter_that_has_just_ended():
    import datetime as dt

    from loaders.periods import last_ended_quarter

    assert last_ended_quarter(dt.date(2026, 11, 23)) == (2026, 3)
    assert last_ended_quarter(dt.date(2026, 4, 1)) == (2026, 1)
    assert last_ended_quarter(dt.date(2027, 2, 5)) == (2026, 4)


def test_a_quarter_under_way_is_marked_and_trends_end_at_the_chosen_quarter():
    import datetime as dt

    import polars as pl

    from analytics.charts import up_to
    from loaders.periods import period_index

    today = dt.date.today()
    now = period_index(today.year, (today.month - 1) // 3 + 1)
    frame = pl.DataFrame(
        {
            "period_index": [now - 2, now - 1, now],
            "year": [(now - 2) // 4, (now - 1) // 4, now // 4],
            "quarter": [(now - 2) % 4 + 1, (now - 1) % 4 + 1, now % 4 + 1],
        }
    )
    label = f"{now // 4}年第{now % 4 + 1}季度（进行中）"
    assert up_to(frame, now)["period_label"].to_list()[-1] == label
    assert up_to(frame, now - 1)["period_index"].to_list() == [now - 2, now - 1]
    assert not any("进行中" in x for x in up_to(frame, now - 1)["period_label"])
