"""What a person sees: the real app in headless Chromium (Debian chromium + playwright).

Starts `streamlit run app.py` on a free local port with a fresh demo database, opens every page
and waits for its charts, checks the overview's tiles against the views, carries a filter across
pages, enters and leaves the meeting mode, uploads a unit's quarterly workbook through the real
file input and sees the overview's numbers change to what the views give for that upload.
Screenshots are saved in tests/out/ for a person to look at.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest

from demo.database import ensure_demo_db
from tests.dbfile import file_rows as query

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "out"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAGES = [  # navigation title, heading, charts drawn on it
    ("总览", None, 2),
    ("按单位", "按单位", 2),
    ("按行动", "按行动", 1),
    ("按年度", "按年度", 3),
    ("指标", "指标", 1),
    ("计划与任务", "计划与任务", 0),
    ("数据填报", "数据填报", 0),
    ("审计日志", "审计日志", 0),
]
PLAN = """浏览器测试县2026年依法行政工作要点
一、规范执法
(一)推行执法公示。行政执法公示率达到100%。(县司法局牵头,各乡镇配合)
(二)开展案卷评查。每年至少开展2次案卷评查。(县司法局负责)
"""
LATEST = """
select t.plan_id, t.period_index, t.period_label, t.year, t.quarter, t.completion_rate,
       t.units_expected - t.units_reported as missing
from v_plan_trend t
where t.plan_id = (select max(doc_id) from documents where kind = 'plan') and t.units_reported > 0
order by t.period_index desc limit 1
"""

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> dict:
    """The demo database the server will use, and a copy of it as it was before any test."""
    folder = tmp_path_factory.mktemp("browser")
    db = folder / "demo.duckdb"
    ensure_demo_db(db)
    before = folder / "before.duckdb"
    shutil.copyfile(db, before)
    plan_id, period, label, year, quarter, rate, missing = query(db, LATEST)[0]
    unreported = query(
        db,
        "select distinct r.unit from v_task_status s join v_unit_reporting r "
        "using (unit_id, period_index) where s.plan_id = ? and s.period_index = ? "
        "and s.role <> 'cooperating' and not r.reported order by r.unit",
        [plan_id, period],
    )
    return {
        "db": db,
        "before": before,
        "plan_id": plan_id,
        "period": period,
        "label": label,
        "year": year,
        "quarter": quarter,
        "rate": rate,
        "missing": missing,
        "unreported": [u for (u,) in unreported],
    }


@contextmanager
def running_app(db: Path) -> Iterator[str]:
    """`streamlit run app.py` on a free port with this database; yields its address."""
    if not Path(CHROMIUM).exists():
        pytest.fail("headless Chromium is missing: run scripts/setup.sh (it installs chromium)")
    port = free_port()
    env = {**os.environ, "FAZHI_DB": str(db)}
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",
    ]
    proc = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).status == 200:
                    break
            except OSError:
                time.sleep(0.3)
        else:
            pytest.fail("streamlit did not start")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def server(demo):
    with running_app(demo["db"]) as url:
        yield url


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pg = browser.new_page(viewport={"width": 1400, "height": 1000})
        pg.set_default_timeout(30_000)
        pg.goto(server)
        sign_in(pg)
        yield pg
        browser.close()


def sign_in(page, account: str = "demo_admin", password: str = "demo-admin-2026") -> None:
    """Sign in through the sidebar form (writes need an account; reading does not)."""
    settle(page)
    sidebar = page.locator("[data-testid=stSidebar]")
    sidebar.get_by_label("账户").fill(account)
    sidebar.get_by_label("密码").fill(password)
    sidebar.get_by_role("button", name="登录").click()
    sidebar.get_by_text(f"当前账户：{account}").wait_for()
    settle(page)


def shoot(page, name: str) -> None:
    OUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUT / f"{name}.png"), full_page=True)


SETTLED = """n => {
    if (document.querySelector('[data-stale=true], [data-testid=stSkeleton], [data-testid=stSpinner]'))
        return false;  // the previous run's elements, or something still loading
    const charts = [...document.querySelectorAll('[data-testid=stVegaLiteChart]')];
    return charts.length >= n && charts.every(c => c.querySelector('canvas, svg'));
}"""


def settle(page, charts: int = 0) -> None:
    """Wait until the app's run has finished: nothing stale or loading, `charts` charts drawn."""
    page.wait_for_timeout(300)  # let a run triggered by the last action begin
    page.wait_for_function(SETTLED, arg=charts)


def go(page, title: str) -> None:
    """Click a page in the sidebar navigation and wait for its run to finish. The links are
    disabled while a run is going on (a slow machine may still be in the last one): the click
    waits for the link to be enabled."""
    page.locator("[data-testid=stSidebarNav] a:not([disabled])").filter(
        has_text=title
    ).first.click()
    settle(page)


def wait_for_charts(page, count: int) -> None:
    """Wait until `count` charts have drawn (a canvas or svg inside each chart element)."""
    settle(page, count)


def metric(page, label: str) -> str:
    box = page.locator("[data-testid=stMetric]").filter(has_text=label).first
    return box.locator("[data-testid=stMetricValue]").inner_text().strip()


def choose(page, label: str, option: str, where: str = "body") -> None:
    """Pick an option of the Streamlit selectbox with this label."""
    page.locator(where).locator("[data-testid=stSelectbox]").filter(has_text=label).first.click()
    page.get_by_role("option", name=option, exact=True).click()


def test_every_page_draws_its_charts(page, demo):
    for title, heading, charts in PAGES:
        go(page, title)
        page.get_by_role("heading", name=heading or demo["label"]).first.wait_for()
        wait_for_charts(page, charts)
        assert page.locator("[data-testid=stException]").count() == 0, title
        shoot(page, f"page_{title}")


def test_overview_tiles_show_the_views_numbers(page, demo):
    go(page, "总览")
    page.get_by_role("heading", name=demo["label"]).first.wait_for()
    assert metric(page, "任务完成率") == pct(demo["rate"])
    assert metric(page, "未报送单位") == f"{demo['missing']} 个"


def test_briefing_exports_from_the_overview(page, demo, tmp_path):
    """The chart as PNG, the deck as PPTX and the report as DOCX, as a staff member takes them
    into 汇报材料."""
    from docx import Document
    from pptx import Presentation

    go(page, "总览")
    wait_for_charts(page, 2)
    page.get_by_text("导出图表与计算口径").click()
    page.get_by_role("button", name="下载图片（PNG）").wait_for(state="visible")
    with page.expect_download() as png:
        page.get_by_role("button", name="下载图片（PNG）").click()
    assert png.value.suggested_filename.startswith("各行动任务完成率")
    assert Path(png.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with page.expect_download() as deck:
        page.get_by_role("button", name="导出汇报幻灯片（PPT）").click()
    assert deck.value.suggested_filename.endswith(f"_{demo['label']}_汇报.pptx")
    target = tmp_path / "deck.pptx"
    deck.value.save_as(target)
    slides = list(Presentation(str(target)).slides)
    texts = [[sh.text_frame.text for sh in s.shapes if sh.has_text_frame] for s in slides]
    assert [t[0] for t in texts[1:3]] == ["总体情况", "逐季度任务完成率与指标达标率"]
    summary = " ".join(texts[1])
    assert f"截至{demo['label']}" in summary.replace(" ", "")
    assert f"完成率{pct(demo['rate'])}" in summary.replace(" ", "")
    with page.expect_download() as report:
        page.get_by_role("button", name="导出汇报文稿（Word）").click()
    target = tmp_path / "report.docx"
    report.value.save_as(target)
    text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "一、总体情况" in text and f"完成率{pct(demo['rate'])}" in text.replace(" ", "")


def test_a_chosen_quarter_carries_to_the_next_page(page, demo):
    go(page, "总览")
    earlier = query(
        demo["before"],
        "select period_label from v_periods where plan_id = ? and period_index = ?",
        [demo["plan_id"], demo["period"] - 1],
    )[0][0]
    choose(page, "季度", earlier, "[data-testid=stSidebar]")
    page.get_by_role("heading", name=earlier).first.wait_for()
    go(page, "按单位")
    page.get_by_text(f"{earlier} · 按任务完成率从低到高排列").wait_for()
    choose(page, "季度", demo["label"], "[data-testid=stSidebar]")
    page.get_by_text(f"{demo['label']} · 按任务完成率从低到高排列").wait_for()


def test_meeting_mode_and_back(page, demo):
    go(page, "总览")
    page.get_by_role("button", name="进入会议模式（投影用：大字、无侧栏）").click()
    page.get_by_role("button", name="退出会议模式").wait_for()
    page.locator("[data-testid=stSidebar]").wait_for(state="hidden")
    wait_for_charts(page, 2)
    shoot(page, "meeting_mode")
    # a large tab to another page: the mode is kept there, with its bar
    page.locator(".st-key-meeting_bar").get_by_role("link", name="按行动").click()
    page.get_by_role("heading", name="按行动").wait_for()
    page.get_by_role("button", name="退出会议模式").wait_for()
    page.locator("[data-testid=stSidebar]").wait_for(state="hidden")
    assert page.locator("table.fz-big").count() >= 1  # large tables, not the small grid
    wait_for_charts(page, 1)
    shoot(page, "meeting_mode_actions")
    # a presenter's clicker sends PageDown / PageUp: the next / previous dashboard page
    page.get_by_role("heading", name="按行动").click()  # focus the page, not a widget
    page.keyboard.press("PageDown")
    page.get_by_role("heading", name="按年度").wait_for()
    page.keyboard.press("PageUp")
    page.get_by_role("heading", name="按行动").wait_for()
    page.get_by_role("button", name="退出会议模式").click()
    page.locator("[data-testid=stSidebar]").wait_for(state="visible")


def test_a_units_upload_changes_the_overview(page, demo, tmp_path):
    """A unit that has not reported downloads its sheet, fills it, uploads it; the overview's
    未报送单位 and 任务完成率 then show what the views give for the same file."""
    import openpyxl

    from loaders.progress.store import store_upload

    unit = demo["unreported"][0]
    go(page, "数据填报")
    page.get_by_role("heading", name="数据填报").wait_for()
    choose(page, "年度", str(demo["year"]))
    choose(page, "季度", f"第{demo['quarter']}季度", "[data-testid=stMain]")
    choose(page, "填报单位", unit)
    with page.expect_download() as download:
        page.get_by_text(f"下载 {unit} {demo['year']}年第{demo['quarter']}季度填报表").click()
    template = tmp_path / "template.xlsx"
    download.value.save_as(template)
    book = openpyxl.load_workbook(template)
    sheet = book["任务进展"]
    for row in range(3, sheet.max_row + 1):
        if sheet.cell(row, 10).value is not None:  # 任务ID: a task row
            sheet.cell(row, 6).value, sheet.cell(row, 7).value = "已完成", "浏览器填报"
    filled = tmp_path / f"{unit}.xlsx"
    book.save(filled)

    expected = tmp_path / "expected.duckdb"  # the same file stored on a copy: what to expect
    shutil.copyfile(demo["before"], expected)
    con = duckdb.connect(str(expected))
    try:
        stored = store_upload(
            con, filled.name, filled.read_bytes(), "demo_admin", unit, demo["year"], demo["quarter"]
        )
        assert stored.status == "stored", stored.errors
    finally:
        con.close()
    rate, missing = query(
        expected,
        "select completion_rate, units_expected - units_reported "
        "from v_plan_trend where plan_id = ? and period_index = ?",
        [demo["plan_id"], demo["period"]],
    )[0]
    assert missing == demo["missing"] - 1 and rate != demo["rate"]

    page.locator("input[type=file]").set_input_files(str(filled))
    page.get_by_text("将保存任务进展").first.wait_for(timeout=60_000)
    page.get_by_role("button", name="确认保存").click()
    page.get_by_text("已保存任务进展").first.wait_for(timeout=60_000)
    shoot(page, "progress_after_upload")
    go(page, "总览")
    page.get_by_role("heading", name=demo["label"]).first.wait_for()
    page.wait_for_function(
        "t => [...document.querySelectorAll('[data-testid=stMetric]')].some("
        "m => m.innerText.includes('未报送单位') && m.innerText.includes(t))",
        arg=f"{missing} 个",
    )
    assert metric(page, "任务完成率") == pct(rate)
    wait_for_charts(page, 2)
    shoot(page, "overview_after_upload")


def test_a_plan_uploaded_through_the_real_file_input_is_listed(page, tmp_path):
    go(page, "计划与任务")
    page.get_by_role("heading", name="计划与任务").wait_for()
    plan = tmp_path / "浏览器测试计划.txt"
    plan.write_text(PLAN, encoding="utf-8")
    page.locator("[data-testid=stSidebar] input[type=file]").set_input_files(str(plan))
    page.get_by_text("已载入：1 个文件，1 个行动，2 项任务").wait_for(timeout=60_000)
    choose(page, "计划", "浏览器测试县2026年依法行政工作要点", "[data-testid=stSidebar]")
    page.get_by_text("共 2 项任务").wait_for()
    shoot(page, "plans_after_upload")


def test_a_deep_link_as_first_request_opens_through_the_router(page, demo, tmp_path):
    """…/units as the very first request to a fresh server shows the app's navigation and
    filters, not the bare page file."""
    db = tmp_path / "demo.duckdb"
    shutil.copyfile(demo["before"], db)
    context = page.context.browser.new_context(viewport={"width": 1400, "height": 1000})
    with running_app(db) as url:
        pg = context.new_page()
        pg.set_default_timeout(30_000)
        pg.goto(f"{url}/units")
        pg.get_by_role("heading", name="按单位").first.wait_for()
        nav = pg.locator("[data-testid=stSidebarNav]")
        nav.get_by_text("看板").wait_for()
        assert nav.locator("a").filter(has_text="总览").count() == 1
        pg.locator("[data-testid=stSidebar] [data-testid=stSelectbox]").nth(2).wait_for()
        context.close()


def test_a_correction_on_the_plan_page_flows_into_the_overview(page, demo, tmp_path):
    """计划校对 in the browser: a task's 责任单位 is corrected to a unit that has not reported;
    the overview's 未报送单位 then shows what the views give for the same correction."""
    from loaders.storage.corrections import correct

    db = tmp_path / "demo.duckdb"
    shutil.copyfile(demo["before"], db)
    task_id, code, number, title, notes = query(
        db,
        "select task_id, a.code, t.number, t.title, coalesce(len(t.review_notes), 0) from tasks t "
        "join actions a using (action_id) where t.plan_id = ? order by t.seq limit 1",
        [demo["plan_id"]],
    )[0]
    expected_db = tmp_path / "expected.duckdb"
    shutil.copyfile(demo["before"], expected_db)
    con = duckdb.connect(str(expected_db))
    try:
        correct(con, task_id, {"responsible": "浏览器复核单位"}, "demo_admin")
    finally:
        con.close()
    (missing,) = query(
        expected_db,
        "select units_expected - units_reported from v_plan_trend "
        "where plan_id = ? and period_index = ?",
        [demo["plan_id"], demo["period"]],
    )[0]
    assert missing == demo["missing"] + 1

    with running_app(db) as url:  # a server of its own, in the module's browser
        page = page.context.browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(30_000)
        page.goto(url)
        sign_in(page)
        go(page, "计划与任务")
        page.get_by_text("计划校对（").first.click()
        label = f"{'【待核对】' if notes else ''}{code} {number} {title}"
        choose(page, "选择任务", label, "[data-testid=stMain]")
        settle(page)
        page.get_by_label("责任单位", exact=True).fill("浏览器复核单位")
        page.get_by_role("button", name="保存校对").click()
        page.get_by_text(f"已保存对任务 {number} 的校对").wait_for(timeout=60_000)
        shoot(page, "plans_after_correction")
        go(page, "总览")
        page.wait_for_function(
            "t => [...document.querySelectorAll('[data-testid=stMetric]')].some("
            "m => m.innerText.includes('未报送单位') && m.innerText.includes(t))",
            arg=f"{missing} 个",
        )
        shoot(page, "overview_after_correction")
        page.close()
