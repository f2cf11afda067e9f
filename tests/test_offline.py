"""Offline for real, and data never executed or fetched: the app runs on a database whose plan
holds hostile text (Markdown images, HTML, formulas, Streamlit directives); every page is opened
in headless Chromium while every request of the browser and every connect() of the server is
recorded. Nothing may go anywhere but the app's own address, and the hostile text is shown as
text."""

from __future__ import annotations

import pytest

from loaders.db import connect
from loaders.storage.plan_admin import pin_current
from loaders.storage.plans import load_file
from tests.test_browser import ARGS, CHROMIUM, PAGES, ROOT, go, running_app, settle

pytestmark = pytest.mark.browser

HOST = "198.51.100.7"  # TEST-NET-2: never a real host
HOSTILE = f"""恶意县2026年![](http://{HOST}/x.png)工作方案
一、依法行政![](http://{HOST}/a.png)
(一)完善清单<img src=http://{HOST}/y.png>![](http://{HOST}/t.png)。(县司法局负责)
(二)规范执法:red[红字]$x^2$<script>fetch('http://{HOST}/s')</script>。(县司法局负责)
(三)=HYPERLINK("http://{HOST}","点我")。(县司法局负责)
"""
WATCH = """
import os, socket
_log = os.environ["FAZHI_CONNECT_LOG"]
_connect, _connect_ex = socket.socket.connect, socket.socket.connect_ex
def _note(address):
    if isinstance(address, tuple) and address[0] not in ("127.0.0.1", "::1", "localhost"):
        with open(_log, "a") as f:
            f.write(str(address[0]) + "\\n")
def connect(self, address):
    _note(address)
    return _connect(self, address)
def connect_ex(self, address):
    _note(address)
    return _connect_ex(self, address)
socket.socket.connect, socket.socket.connect_ex = connect, connect_ex
"""


def test_no_outbound_connection_and_hostile_text_shown_as_text(tmp_path, monkeypatch):
    db = tmp_path / "hostile.duckdb"
    con = connect(str(db))
    load_file(con, "hostile.txt", HOSTILE.encode("utf-8"))
    plan_id = con.execute("select doc_id from documents where kind = 'plan'").fetchone()[0]
    pin_current(con, plan_id, "测试")
    con.close()
    watch = tmp_path / "watch"
    watch.mkdir()
    (watch / "sitecustomize.py").write_text(WATCH, encoding="utf-8")
    log = tmp_path / "connects.log"
    monkeypatch.setenv("PYTHONPATH", f"{watch}:{ROOT}")
    monkeypatch.setenv("FAZHI_CONNECT_LOG", str(log))

    from playwright.sync_api import sync_playwright

    requests: list[str] = []
    with running_app(db) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(30_000)
        page.on("request", lambda r: requests.append(r.url))
        page.goto(url)
        settle(page)
        for title, _, _ in PAGES:
            go(page, title)
            page.wait_for_timeout(500)
        go(page, "总览")
        shown = page.locator("[data-testid=stMain]").inner_text()
        images = page.locator(f"img[src*='{HOST}']").count()
        browser.close()
    outside = [u for u in requests if not u.startswith((url, "data:", "blob:", "about:"))]
    assert outside == []
    assert images == 0
    assert f"![](http://{HOST}/x.png)" in shown  # the title, as written
    assert not log.exists() or log.read_text() == ""
