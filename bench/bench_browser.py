"""Navigation to drawn charts, in headless Chromium: how long a leader waits after clicking a page.

Starts `streamlit run app.py` on a database (the demo by default, or `--db` a synthetic one from
bench/synth.py), opens the app, then visits the dashboard pages in turn, `--rounds` times. Each
visit is timed from the click in the sidebar until the page's heading is shown, its charts have
drawn (a canvas or svg in every chart element) and no element is still loading. The first round
finds the query cache cold (as after an upload); later rounds find it warm.

    python -m bench.bench_browser                     # the demo database
    python -m bench.bench_browser --db bench/out/province.duckdb --rounds 5
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAGES = [("按单位", 2), ("按行动", 1), ("按年度", 2), ("指标", 1), ("总览", 2)]  # title, charts


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(db: Path) -> tuple[subprocess.Popen, str]:
    """The app on a free port with this database, once it answers its health check."""
    port = free_port()
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
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).status == 200:
                return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("streamlit did not start")


DRAWN = """n => {
    if (document.querySelector('[data-stale=true], [data-testid=stSkeleton], [data-testid=stSpinner]'))
        return false;  // the previous page's elements, or something still loading
    const charts = [...document.querySelectorAll('[data-testid=stVegaLiteChart]')];
    return charts.length >= n && charts.every(c => c.querySelector('canvas, svg'));
}"""


def drawn(page, heading: str | None, charts: int) -> None:
    """Wait until the page shows its heading, `charts` drawn charts, nothing stale or loading."""
    if heading:
        page.get_by_role("heading", name=heading).first.wait_for()
    page.wait_for_function(DRAWN, arg=charts)


def visit(page, title: str, charts: int) -> float:
    """Seconds from the click on the page's link to its drawn charts."""
    start = time.perf_counter()
    page.locator("[data-testid=stSidebarNav] a").filter(has_text=title).first.click()
    drawn(page, None if title == "总览" else title, charts)
    return time.perf_counter() - start


def run(db: Path, rounds: int) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    proc, url = start_app(db)
    times: dict[str, list[float]] = {title: [] for title, _ in PAGES}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(120_000)
            page.goto(url)
            drawn(page, None, 2)  # the first page (总览) and the connection are ready
            for _ in range(rounds):
                for title, charts in PAGES:
                    times[title].append(visit(page, title, charts))
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return times


def report(times: dict[str, list[float]]) -> str:
    lines = ["| page | first visit (s) | later visits, median (s) | max (s) |", "|---|---|---|---|"]
    for title, values in times.items():
        later = values[1:] or values
        lines.append(
            f"| {title} | {values[0]:.2f} | {statistics.median(later):.2f} | {max(values):.2f} |"
        )
    first = [v[0] for v in times.values()]
    later = [x for v in times.values() for x in v[1:]]
    lines.append("")
    lines.append(f"first visits: p95 {p95(first):.2f} s; later visits: p95 {p95(later):.2f} s")
    return "\n".join(lines)


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank); nan for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="database file (default: a fresh demo database)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        if args.db:
            shutil.copyfile(args.db, db)
        else:
            sys.path.insert(0, str(ROOT))
            from demo.database import ensure_demo_db

            ensure_demo_db(db)
        print(report(run(db, args.rounds)))


if __name__ == "__main__":
    main()
