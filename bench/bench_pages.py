"""Page runs per second of ONE Streamlit process serving many sessions, without a browser.

Each simulated session is a `streamlit.testing.v1.AppTest` (its own session state, the process's
shared caches), opened on a plan of its own and sent through the five dashboard pages (总览, 按单位,
按行动, 按年度, 指标) via app.py, as a leader clicking through the sidebar. Every page run is
measured for wall time and server CPU: the CPU the whole process spent during the run (the
script thread, DuckDB's worker threads, the garbage collector) minus the CPU of the test harness
itself (AppTest turning the messages into an element tree, in the calling thread).

    python -m bench.bench_pages                      # the demo database
    python -m bench.bench_pages --db province        # bench/out/province.duckdb (bench/synth.py)
    python -m bench.bench_pages --db FILE --sessions 20 --rounds 3 --profile 25

Phases: warm-up (every session visits every page once: imports, first queries), warm (every
session, `--rounds` times; the cache holds the results), cold (the query cache cleared before each
run with analytics.db.clear_caches, as after an upload or a plan correction; `--cold-sessions`
sessions). Then a chart exported as PNG (analytics.export.chart_png, warm) and the plan's
briefing as deck, report and workbook (analytics.briefing, in this process). `--profile N` prints the top N functions of the
script threads (cProfile, warm runs) and a summary of where the CPU goes.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import os
import pstats
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

APP = str(ROOT / "app.py")
PAGES = [
    ("总览", None),  # app.py's default page: the session's first run
    ("按单位", "pages/units.py"),
    ("按行动", "pages/actions.py"),
    ("按年度", "pages/years.py"),
    ("指标", "pages/indicators.py"),
]
# Where the CPU of a page run goes: (label, test on a cProfile entry "file:function"), summed
# over the outermost matching calls. Categories may nest (a cold cache lookup includes its query).
CHART_BUILDERS = {"rate_bars", "trend_lines", "years_by_quarter", "indicator_lines", "yearly_bars"}
CATEGORIES = [
    ("DuckDB queries (analytics.db.run)", lambda k: k == "analytics/db.py:run"),
    (
        "cache lookups (st.cache_data, all)",
        lambda k: k == "streamlit/runtime/caching/cache_utils.py:__call__",
    ),
    (
        "building charts (analytics.charts)",
        lambda k: k.startswith("analytics/charts.py:") and k.split(":")[1] in CHART_BUILDERS,
    ),
    (
        "drawing charts (st.altair_chart / st.vega_lite_chart)",
        lambda k: (
            k.startswith("streamlit/elements/vega_charts.py:")
            and k.split(":")[1] in {"altair_chart", "vega_lite_chart"}
        ),
    ),
    ("tables (st.dataframe)", lambda k: k == "streamlit/elements/arrow.py:dataframe"),
    ("sidebar filters (ui.filters.sidebar)", lambda k: k == "ui/filters.py:sidebar"),
    ("garbage collection (gc.collect)", lambda k: k.endswith("gc.collect>")),
]


# ------------------------------------------------------------------ measuring the script thread

_script_cpu = threading.local()
_last_script_cpu: list[float] = []
_profiling: dict[str, pstats.Stats | None] = {"stats": None, "on": False}


def _instrument() -> None:
    """Wrap ScriptRunner's thread body: record its thread CPU, profile it when asked."""
    from streamlit import config
    from streamlit.runtime.scriptrunner import script_runner

    original = script_runner.ScriptRunner._run_script_thread
    if getattr(original, "_bench", False):
        return

    def wrapped(self) -> None:
        prof = cProfile.Profile() if _profiling["on"] else None
        start = time.thread_time()
        if prof:
            prof.enable()
        try:
            original(self)
            # AppTest's runner skips what the server's does after every run: a full collection
            # when runner.postScriptGC is on (the default), as ScriptRunner._on_script_finished.
            if config.get_option("runner.postScriptGC"):
                gc.collect(2)
        finally:
            if prof:
                prof.disable()
                stats = pstats.Stats(prof)
                if _profiling["stats"] is None:
                    _profiling["stats"] = stats
                else:
                    _profiling["stats"].add(stats)
            _last_script_cpu.append(time.thread_time() - start)

    wrapped._bench = True  # type: ignore[attr-defined]
    script_runner.ScriptRunner._run_script_thread = wrapped


class Run:
    """One page run: wall seconds, server CPU seconds, script-thread CPU seconds."""

    def __init__(self, page: str, wall: float, cpu: float, script: float) -> None:
        self.page, self.wall, self.cpu, self.script = page, wall, cpu, script


def timed(page: str, step) -> Run:
    """Run `step` (an AppTest run) and measure it."""
    _last_script_cpu.clear()
    harness0, process0, wall0 = time.thread_time(), time.process_time(), time.perf_counter()
    at = step()
    wall = time.perf_counter() - wall0
    process, harness = time.process_time() - process0, time.thread_time() - harness0
    if at.exception:
        raise SystemExit(f"{page}: {[e.value for e in at.exception]}")
    return Run(page, wall, process - harness, sum(_last_script_cpu))


# ------------------------------------------------------------------------------------ sessions


class Session:
    """A leader's browser tab: an AppTest with its own state, opened on one plan."""

    def __init__(self, plan_id: int) -> None:
        from streamlit.testing.v1 import AppTest

        self.at = AppTest.from_file(APP, default_timeout=300)
        self.at.session_state["plan_choice"] = plan_id
        self.opened = False

    def visit(self, title: str, page: str | None) -> Run:
        if not self.opened:
            self.opened = True
            return timed(title, self.at.run)
        target = page or "pages/overview.py"
        return timed(title, lambda: self.at.switch_page(target).run())


def plan_ids(db: Path, count: int, seed: int) -> list[int]:
    """Tracked plans with quarters, `count` of them (sampled when there are more)."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        found = [
            r[0]
            for r in con.execute(
                "select distinct p.plan_id from v_plans p join v_plan_trend t using (plan_id) "
                "where p.tracked and not p.archived order by p.plan_id"
            ).fetchall()
        ]
    finally:
        con.close()
    random.Random(seed).shuffle(found)
    return found[:count] or [0]


# ------------------------------------------------------------------------------------ reporting


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def summary(label: str, runs: list[Run], wall: float) -> list[str]:
    cpu = [r.cpu for r in runs]
    lines = [
        f"{label}: {len(runs)} page runs in {wall:.1f} s wall = {len(runs) / wall:.1f} runs/s "
        f"(harness included); server CPU per run: mean {statistics.mean(cpu) * 1000:.0f} ms, "
        f"p50 {pct(cpu, 0.5) * 1000:.0f} ms, p95 {pct(cpu, 0.95) * 1000:.0f} ms "
        f"-> capacity {1 / statistics.mean(cpu):.1f} runs/s per core",
        "  | page | runs | server CPU p50 ms | p95 ms | script thread p50 ms | wall p50 ms |",
        "  |---|--:|--:|--:|--:|--:|",
    ]
    for title, _ in PAGES:
        mine = [r for r in runs if r.page == title]
        if mine:
            lines.append(
                f"  | {title} | {len(mine)} | {pct([r.cpu for r in mine], 0.5) * 1000:.0f} | "
                f"{pct([r.cpu for r in mine], 0.95) * 1000:.0f} | "
                f"{pct([r.script for r in mine], 0.5) * 1000:.0f} | "
                f"{pct([r.wall for r in mine], 0.5) * 1000:.0f} |"
            )
    return lines


def profile_report(stats: pstats.Stats, runs: int, top: int) -> str:
    """Where the script threads' CPU goes: categories, then the top functions by cumulative and
    by own time (ms per page run)."""
    raw = stats.stats  # type: ignore[attr-defined]
    total = sum(tt for (_cc, _nc, tt, _ct, _callers) in raw.values())

    def key(func: tuple) -> str:
        file, line, name = func
        short = file.split("site-packages/")[-1].replace(str(ROOT) + "/", "")
        return f"{short}:{name}"

    cum: dict[str, float] = {}
    for func, (_cc, _nc, _tt, ct, _callers) in raw.items():
        k = key(func)
        cum[k] = max(cum.get(k, 0.0), ct)  # recursion: the outermost call
    out = [f"profiled: {runs} page runs, {total / runs * 1000:.0f} ms of script-thread CPU each"]
    out.append("  | where | ms per run | share |")
    out.append("  |---|--:|--:|")
    for label, wanted in CATEGORIES:
        spent = sum(v for k, v in cum.items() if wanted(k))
        out.append(f"  | {label} | {spent / runs * 1000:.1f} | {spent / total:.0%} |")
    buf = io.StringIO()
    stats.stream = buf  # type: ignore[attr-defined]
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    lines = [
        ln.replace(str(ROOT) + "/", "")
        for ln in buf.getvalue().splitlines()
        if ln.strip() and "function calls" not in ln and "Ordered by" not in ln
    ]
    return "\n".join(out + ["", "cProfile (seconds over all profiled runs):", *lines])


# ------------------------------------------------------------------------------------- exports


def export_timings(db: Path, plan_id: int, runs: int) -> list[str]:
    """A typical chart (completion by action) as PNG, warm; the briefing deck, report and
    workbook of the plan (analytics.briefing), as the dashboard's buttons make them."""
    import polars as pl

    from analytics import charts, export, scorecards
    from analytics.db import get_connection

    con = get_connection()
    trend = scorecards.plan_trend(con, plan_id)
    reported = trend.filter(pl.col("units_reported") > 0)["period_index"]
    period = reported.max() if len(reported) else trend["period_index"].max()
    actions = scorecards.action_scores(con, plan_id, period)
    by_action = charts.rate_bars(
        actions.with_columns(name=actions["action_code"] + actions["action_title"]),
        "name",
        "completion_rate",
        "各行动任务完成率",
    )
    fixed = by_action.properties(width=900)
    export.chart_png(fixed)  # the first: the renderer and the font load
    png = []
    for _ in range(runs):
        t0 = time.perf_counter()
        export.chart_png(by_action.properties(width=900))
        png.append(time.perf_counter() - t0)
    from analytics.briefing import briefing_bytes

    year, quarter = divmod(period, 4)
    made = {}
    for suffix in (".pptx", ".docx", ".xlsx"):
        times = []
        for _ in range(max(1, runs // 4)):
            t0 = time.perf_counter()
            briefing_bytes(con, suffix, plan_id, year, quarter + 1)
            times.append(time.perf_counter() - t0)
        made[suffix] = statistics.median(times)
    return [
        f"chart PNG (各行动任务完成率, warm): median {statistics.median(png) * 1000:.0f} ms, "
        f"max {max(png) * 1000:.0f} ms over {runs} (goal < 300 ms)",
        "briefing (汇报材料, whole plan, in the app's process): "
        + ", ".join(f"{s[1:]} {t:.2f} s" for s, t in made.items())
        + " median (goal < 5 s)",
    ]


# ---------------------------------------------------------------------------------------- main


def resolve_db(name: str | None, tmp: Path) -> Path:
    """A private copy of the database to serve (the demo built fresh)."""
    db = tmp / "bench.duckdb"
    if name in (None, "demo"):
        from demo.database import ensure_demo_db

        ensure_demo_db(db)
        return db
    if name in ("county", "city", "province", "national"):
        from bench.bench_views import ensure_dataset

        source = ensure_dataset(name, 7, False).path
    else:
        source = Path(name)
    shutil.copyfile(source, db)
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="demo (default), county/city/province/national, or a file")
    parser.add_argument("--sessions", type=int, default=20, help="simulated sessions (tabs)")
    parser.add_argument("--plans", type=int, default=10, help="distinct plans they look at")
    parser.add_argument("--rounds", type=int, default=3, help="warm visits of every page")
    parser.add_argument("--cold-sessions", type=int, default=3)
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="top N functions")
    parser.add_argument("--png-runs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    import logging

    logging.getLogger("streamlit").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        db = resolve_db(args.db, Path(tmp))
        os.environ["FAZHI_DB"] = str(db)
        os.chdir(ROOT)  # .streamlit/config.toml is read from the working directory
        from streamlit import config

        from analytics import db as app_db

        _instrument()
        plans = plan_ids(db, args.plans, args.seed)
        sessions = [Session(plans[i % len(plans)]) for i in range(args.sessions)]
        print(
            f"database: {args.db or 'demo'} ({db.stat().st_size / 1e6:.0f} MB), "
            f"{len(sessions)} sessions on {len(plans)} plans, one process, "
            f"runner.postScriptGC {config.get_option('runner.postScriptGC')}"
        )

        t0 = time.perf_counter()
        for s in sessions:  # warm-up: imports, first queries, every page once per session
            for title, page in PAGES:
                s.visit(title, page)
        print(f"warm-up: {time.perf_counter() - t0:.1f} s")

        warm: list[Run] = []
        t0 = time.perf_counter()
        for _ in range(args.rounds):
            for s in sessions:
                for title, page in PAGES:
                    warm.append(s.visit(title, page))
        warm_wall = time.perf_counter() - t0

        cold: list[Run] = []
        t0 = time.perf_counter()
        for _ in range(args.rounds):
            for s in sessions[: args.cold_sessions]:
                for title, page in PAGES:
                    app_db.clear_caches()
                    cold.append(s.visit(title, page))
        cold_wall = time.perf_counter() - t0

        print()
        print("\n".join(summary("warm (cache hit)", warm, warm_wall)))
        print()
        print("\n".join(summary("cold (cache cleared before each run)", cold, cold_wall)))

        if args.profile:
            for s in sessions[: min(5, len(sessions))]:  # warm again after the cold phase
                for title, page in PAGES:
                    s.visit(title, page)
            _profiling["on"] = True
            profiled = 0
            for s in sessions[: min(5, len(sessions))]:
                for title, page in PAGES:
                    s.visit(title, page)
                    profiled += 1
            _profiling["on"] = False
            print()
            print(profile_report(_profiling["stats"], profiled, args.profile))

        if args.png_runs:
            print()
            print("\n".join(export_timings(db, plans[0], args.png_runs)))


if __name__ == "__main__":
    main()
