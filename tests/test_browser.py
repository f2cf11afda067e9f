"""What a person sees: the real app in headless Chromium (Debian chromium + playwright).

Starts `streamlit run app.py` on a free local port with a fresh demo database, opens the
page, uploads a plan through the real file input and checks that the new plan is listed.
Screenshots are saved in tests/out/ for a person to look at.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

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

PLAN = """浏览器测试县2026年依法行政工作要点
一、规范执法
(一)推行执法公示。行政执法公示率达到100%。(县司法局牵头,各乡镇配合)
(二)开展案卷评查。每年至少开展2次案卷评查。(县司法局负责)
"""

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.fail("headless Chromium is missing: run scripts/setup.sh (it installs chromium)")
    port = free_port()
    db = tmp_path_factory.mktemp("browser") / "demo.duckdb"
    env = {**os.environ, "FAZHI_DB": str(db)}
    proc = subprocess.Popen(
        [
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
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).status == 200:
                break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("streamlit did not start")
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pg = browser.new_page(viewport={"width": 1400, "height": 1000})
        pg.set_default_timeout(30_000)
        pg.goto(server)
        yield pg
        browser.close()


def test_plans_page_shows_the_demo_plan(page):
    page.get_by_role("heading", name="计划与任务").wait_for()
    page.get_by_text("共 30 项任务").wait_for()
    page.get_by_text("(一) 政府职能依法履行提升行动").click()
    page.locator("[data-testid=stDataFrame]").first.wait_for()
    OUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUT / "plans.png"), full_page=True)


def test_upload_through_the_real_file_input(page, tmp_path):
    plan = tmp_path / "浏览器测试计划.txt"
    plan.write_text(PLAN, encoding="utf-8")
    page.locator("input[type=file]").set_input_files(str(plan))
    page.get_by_text("已载入：1 个文件，1 个行动，2 项任务").wait_for(timeout=60_000)
    page.locator("[data-testid=stSelectbox]").first.click()
    page.get_by_role("option", name="浏览器测试县2026年依法行政工作要点").click()
    page.get_by_text("共 2 项任务").wait_for()
    OUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUT / "plans_after_upload.png"), full_page=True)


def test_fill_in_round_trip_through_the_browser(page, server, tmp_path):
    """Download the pre-filled sheet, fill it as an analyst would, upload, preview, confirm."""
    import openpyxl

    page.goto(f"{server}/progress")
    page.get_by_role("heading", name="数据填报").wait_for()
    with page.expect_download() as download:
        page.get_by_text("下载 全部单位").click()
    template = tmp_path / "template.xlsx"
    download.value.save_as(template)
    wb = openpyxl.load_workbook(template)
    ws = wb["任务进展"]
    ws.cell(3, 6).value = "已完成"
    ws.cell(3, 7).value = "浏览器填报"
    filled = tmp_path / "filled.xlsx"
    wb.save(filled)
    page.locator("input[type=file]").set_input_files(str(filled))
    page.get_by_text("将保存任务进展 1 条").wait_for(timeout=60_000)
    page.get_by_role("button", name="确认保存").click()
    page.get_by_text("已保存任务进展 1 条").wait_for(timeout=60_000)
    OUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUT / "progress_after_upload.png"), full_page=True)
