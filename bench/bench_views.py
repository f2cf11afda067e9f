"""View-query latency of the dashboard's page queries at county, city and province scale.

    python3 bench/bench_views.py [--runs 30] [--national [--national-runs 10]] [--rebuild]
                                 [--scales county city ...] [--write-readme]

Builds (or reuses, when the recorded plans/seed/generator/schema match) synthetic databases with
bench/synth.py in bench/out/: county (1 plan), city (10), province (200) and, with --national,
national (2000). Each database is opened with duckdb, the current sql/ views are applied again
(so a reused database measures today's views), and each page query runs 2 warm-ups then --runs
times with bound parameters, a different plan/unit/period each run, the full result fetched as
a polars frame. Reports the median and p95 in ms; the rows read by table scans (after pushed-down
filters) and the intermediate rows, from DuckDB's JSON profile of one extra run; and how p95
grows with the data: elasticity = log(p95 ratio) / log(data ratio) between the two largest
scales, ~0 when the filter reaches the plan's rows, ~1 when the query reads all the data
whatever the filter. Target: p95 < 300 ms per page query at province scale.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import synth  # noqa: E402
from loaders.db import SQL_DIR, apply_sql  # noqa: E402

OUT = ROOT / "bench" / "out"
README = ROOT / "bench" / "README.md"
SECTION = "## View latency (bench_views.py)"
SCALES = {"county": 1, "city": 10, "province": 200, "national": 2000}
TARGET_MS = 300.0
WARMUPS = 2
PERIOD = " and year = ? and quarter = ?"
QUERIES = {
    "trend": "select * from v_plan_trend where plan_id = ? order by period_index",
    "actions": "select * from v_action_scorecard where plan_id = ?" + PERIOD,
    "units_of_plan": "select * from v_unit_plan_scorecard where plan_id = ?"
    + PERIOD
    + " order by completion_rate nulls first",
    "overdue": "select * from v_task_rollup where plan_id = ?" + PERIOD + " and overdue",
    "unit_tasks": "select * from v_task_status where plan_id = ? and unit_id = ?" + PERIOD,
    "unit_indicators": "select * from v_indicator_attainment where plan_id = ? and unit_id = ?"
    + PERIOD,
    "indicator": "select * from v_indicator_attainment where target_id = ?"
    " order by period_index, unit",
    "region_indicators": "select * from v_indicator_region where plan_id = ?" + PERIOD,
    "all_units_ranking": "select * from v_unit_scorecard where year = ? and quarter = ?"
    " order by completion_rate nulls first limit 20",
    "reporting": "select * from v_unit_reporting where year = ? and quarter = ? and not reported",
    "yearly": "select * from v_indicator_yearly where indicator = ?",
}


@dataclass
class Samples:
    """Parameter values drawn from a database: plans, owning units, targets, periods."""

    plans: list[int]
    owners: dict[int, list[int]]  # plan → units that lead or are responsible for a task
    reporters: dict[int, list[int]]  # plan → owning units of a task with a target
    targets: list[int]
    indicators: list[str]
    periods: list[tuple[int, int]]


@dataclass
class Result:
    """Timings of one query at one scale."""

    scale: str
    query: str
    times_ms: list[float]
    result_rows: int
    scanned: int = 0
    intermediate: int = 0

    @property
    def median(self) -> float:
        return statistics.median(self.times_ms)

    @property
    def p95(self) -> float:
        return statistics.quantiles(self.times_ms, n=20, method="inclusive")[-1]


@dataclass
class Dataset:
    """One built database and what it holds."""

    scale: str
    plans: int
    path: Path
    build_s: float
    counts: dict[str, int] = field(default_factory=dict)
    bench_s: float = 0.0
    runs: int = 0

    @property
    def base_rows(self) -> int:
        return sum(self.counts.values())


class Picker:
    """Deterministic parameter choices: plans and targets cycle through a shuffled order, so
    each run asks about another plan (county scale: the same plan, another unit and period)."""

    def __init__(self, samples: Samples, seed: int) -> None:
        self.s, self.rng = samples, random.Random(seed)
        self.order = self.rng.sample(samples.plans, len(samples.plans))
        self.target_order = self.rng.sample(samples.targets, len(samples.targets))

    def plan(self, i: int) -> int:
        return self.order[i % len(self.order)]

    def period(self) -> list[int]:
        return list(self.rng.choice(self.s.periods))

    def unit(self, plan: int, pool: dict[int, list[int]]) -> int:
        return self.rng.choice(pool[plan])

    def target(self, i: int) -> int:
        return self.target_order[i % len(self.target_order)]

    def indicator(self, i: int) -> str:
        return self.s.indicators[i % len(self.s.indicators)]


def plan_period(k: Picker, i: int) -> list:
    """Parameters plan, year, quarter."""
    return [k.plan(i), *k.period()]


def plan_unit_period(pool: Callable[[Samples], dict[int, list[int]]]) -> Callable:
    """Parameters plan, unit (drawn from pool(samples)[plan]), year, quarter."""

    def params(k: Picker, i: int) -> list:
        plan = k.plan(i)
        return [plan, k.unit(plan, pool(k.s)), *k.period()]

    return params


PARAMS: dict[str, Callable[[Picker, int], list]] = {
    "trend": lambda k, i: [k.plan(i)],
    "actions": plan_period,
    "units_of_plan": plan_period,
    "overdue": plan_period,
    "unit_tasks": plan_unit_period(lambda s: s.owners),
    "unit_indicators": plan_unit_period(lambda s: s.reporters),
    "indicator": lambda k, i: [k.target(i)],
    "region_indicators": plan_period,
    "all_units_ranking": lambda k, i: k.period(),
    "reporting": lambda k, i: k.period(),
    "yearly": lambda k, i: [k.indicator(i)],
}


def data_key(plans: int, seed: int) -> dict:
    """What a cached database must match: size, seed, generator and schema sources."""
    digest = hashlib.sha256(Path(synth.__file__).read_bytes())
    digest.update((SQL_DIR / "00_schema.sql").read_bytes())
    return {"plans": plans, "seed": seed, "source": digest.hexdigest()[:16]}


def ensure_dataset(scale: str, seed: int, rebuild: bool) -> Dataset:
    """The scale's database in bench/out/, built unless a matching one is there already."""
    plans, path = SCALES[scale], OUT / f"{scale}.duckdb"
    meta_path, key = path.with_suffix(".json"), data_key(SCALES[scale], seed)
    if not rebuild and path.exists() and meta_path.exists():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if meta["key"] == key:
            return Dataset(scale, plans, path, meta["build_s"], meta["counts"])
    print(f"building {scale} ({plans} plans) …", flush=True)
    t0 = time.perf_counter()
    counts = synth.build(path, plans, seed)
    build_s = time.perf_counter() - t0
    meta = {"key": key, "build_s": round(build_s, 2), "counts": counts}
    meta_path.write_text(json.dumps(meta, indent=1), encoding="utf-8")
    return Dataset(scale, plans, path, build_s, counts)


def column(con: duckdb.DuckDBPyConnection, sql: str) -> list:
    """The first column of a query's rows."""
    return [r[0] for r in con.execute(sql).fetchall()]


def load_samples(con: duckdb.DuckDBPyConnection) -> Samples:
    """Plans, owning units, targets, indicators and periods present in the database."""
    owners = """select t.plan_id, list(distinct u.unit_id order by u.unit_id)
                from task_units u join tasks t using (task_id)
                where u.role in ('lead', 'responsible') {} group by all"""
    with_target = "and u.task_id in (select task_id from targets)"
    return Samples(
        plans=column(con, "select doc_id from documents order by 1"),
        owners=dict(con.execute(owners.format("")).fetchall()),
        reporters=dict(con.execute(owners.format(with_target)).fetchall()),
        targets=column(con, "select target_id from targets order by 1"),
        indicators=column(con, "select distinct indicator from targets order by 1"),
        periods=con.execute("select distinct year, quarter from v_periods order by all").fetchall(),
    )


def run_once(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> tuple[float, int]:
    """(ms, rows) of one query on its own cursor, the full result fetched as polars."""
    t0 = time.perf_counter()
    cur = con.cursor()
    try:
        rows = cur.sql(sql, params=params).pl().height
    finally:
        cur.close()
    return (time.perf_counter() - t0) * 1000, rows


def profile(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> tuple[int, int]:
    """(rows read by table scans after pushed-down filters, all intermediate rows) of one run,
    from DuckDB's JSON profile."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "profile.json"
        con.execute("set enable_profiling = 'json'")
        con.execute(f"set profiling_output = '{out}'")
        try:
            con.execute(sql, params).fetchall()
        finally:
            con.execute("pragma disable_profiling")
        tree = json.loads(out.read_text(encoding="utf-8"))
    return scan_rows(tree["operator"]), tree["query"]["total_intermediate_rows"]


def scan_rows(operators: list[dict]) -> int:
    """Rows produced by the TABLE_SCAN operators of a profile tree."""
    return sum(
        (op["intermediate_rows"] if op["type"] == "TABLE_SCAN" else 0)
        + scan_rows(op.get("children", []))
        for op in operators
    )


def time_query(
    con: duckdb.DuckDBPyConnection, scale: str, name: str, k: Picker, runs: int
) -> Result:
    """Warm-ups, then `runs` timed runs with fresh parameters, then one profiled run."""
    sql, params = QUERIES[name], PARAMS[name]
    for i in range(WARMUPS):
        run_once(con, sql, params(k, runs + i))
    times, rows = [], []
    for i in range(runs):
        ms, n = run_once(con, sql, params(k, i))
        times.append(ms)
        rows.append(n)
    result = Result(scale, name, times, int(statistics.median(rows)))
    result.scanned, result.intermediate = profile(con, sql, params(k, 0))
    return result


def bench_scale(dataset: Dataset, runs: int, seed: int) -> list[Result]:
    """All page queries on one database, after applying the current sql/ views to it."""
    t0 = time.perf_counter()
    con = duckdb.connect(str(dataset.path))
    try:
        con.execute("set enable_progress_bar = false")
        apply_sql(con)
        k = Picker(load_samples(con), seed)
        results = []
        for name in QUERIES:
            r = time_query(con, dataset.scale, name, k, runs)
            print(
                f"  {dataset.scale:9s}{name:18s} median {r.median:8.1f} ms  p95 {r.p95:8.1f} ms",
                flush=True,
            )
            results.append(r)
    finally:
        con.close()
    dataset.bench_s, dataset.runs = time.perf_counter() - t0, runs
    return results


GLOBAL = {"all_units_ranking", "reporting", "yearly"}  # read every plan by design


def elasticity(a: float, b: float, rows_a: int, rows_b: int) -> float:
    """log(b / a) / log(rows_b / rows_a): 0 = flat, 1 = proportional to the data."""
    return math.log(max(b, 1e-9) / max(a, 1e-9)) / math.log(rows_b / rows_a)


def verdict(name: str, scan_elasticity: float) -> str:
    """Whether the query reads only the filtered plan's rows or all of them."""
    if name in GLOBAL:
        return "all plans (by design)"
    if scan_elasticity >= 0.8:
        return "**all data: filter not pushed down**"
    if scan_elasticity <= 0.2:
        return "plan only"
    return "partly pushed down"


def md_table(header: str, rows: list[list[str]]) -> list[str]:
    """A markdown table from a '|'-separated header; columns after the first right-aligned."""
    names = header.split("|")
    align = ["---"] + ["--:"] * (len(names) - 1)
    return ["| " + " | ".join(r) + " |" for r in [names, align, *rows]]


def dataset_table(datasets: list[Dataset]) -> list[str]:
    """One row per scale: size of the data, build time, runs and bench time."""
    header = "scale|plans|base-table rows|task_progress rows|DB MB|build s|runs per query|bench s"
    rows = [
        [
            d.scale,
            f"{d.plans:,}",
            f"{d.base_rows:,}",
            f"{d.counts['task_progress']:,}",
            f"{d.path.stat().st_size / 2**20:.0f}",
            f"{d.build_s:.1f}",
            str(d.runs),
            f"{d.bench_s:.0f}",
        ]
        for d in datasets
    ]
    return md_table(header, rows)


def flagged(ms: float) -> str:
    """A time in ms, marked ⚠ at or above the target."""
    return f"{ms:.1f}" + (" ⚠" if ms >= TARGET_MS else "")


def latency_table(datasets: list[Dataset], results: list[Result]) -> list[str]:
    """One row per scale × query: data size, result size, rows read, median and p95."""
    header = "scale|query|base rows|result rows|rows read|intermediate rows|median ms|p95 ms"
    base = {d.scale: d.base_rows for d in datasets}
    rows = [
        [
            r.scale,
            r.query,
            f"{base[r.scale]:,}",
            f"{r.result_rows:,}",
            f"{r.scanned:,}",
            f"{r.intermediate:,}",
            f"{r.median:.1f}",
            flagged(r.p95),
        ]
        for r in results
    ]
    return md_table(header, rows)


def growth_table(datasets: list[Dataset], results: list[Result]) -> list[str]:
    """Per query: p95 at each scale, ratios between successive scales, elasticities."""
    scales, base = [d.scale for d in datasets], {d.scale: d.base_rows for d in datasets}
    by = {(r.scale, r.query): r for r in results}
    a, b = scales[-2], scales[-1]
    pairs = list(zip(scales, scales[1:], strict=False))
    header = "|".join(["query", *[f"p95 {s}" for s in scales], *[f"{y}/{x}" for x, y in pairs]])
    header += f"|p95 elasticity {a}→{b}|rows-read elasticity|reads"
    rows = []
    for q in QUERIES:
        p95 = [by[s, q].p95 for s in scales]
        ratios = [f"{by[y, q].p95 / by[x, q].p95:.1f}×" for x, y in pairs]
        e_time = elasticity(by[a, q].p95, by[b, q].p95, base[a], base[b])
        e_read = elasticity(by[a, q].scanned, by[b, q].scanned, base[a], base[b])
        cells = [f"{v:.1f}" for v in p95] + ratios + [f"{e_time:.2f}", f"{e_read:.2f}"]
        rows.append([q, *cells, verdict(q, e_read)])
    data = [f"{y}/{x} ×{base[y] / base[x]:.1f}" for x, y in pairs]
    return [f"Base-table rows grow {', '.join(data)}.", "", *md_table(header, rows)]


def report(datasets: list[Dataset], results: list[Result]) -> str:
    """The generated part of the README section."""
    lines = [
        f"Latest ({date.today().isoformat()}, {WARMUPS} warm-ups then the runs below, "
        f"DuckDB {duckdb.__version__}, Python {sys.version.split()[0]}):",
        "",
        "Datasets:",
        "",
    ]
    lines += dataset_table(datasets)
    lines += ["", "Latency per page query (⚠: p95 at or above the 300 ms target):", ""]
    lines += latency_table(datasets, results)
    if len(datasets) >= 2:
        lines += ["", "Growth of p95 with the data:", ""]
        lines += growth_table(datasets, results)
    return "\n".join(lines) + "\n"


BEGIN, END = "<!-- bench_views: begin -->", "<!-- bench_views: end -->"
INTRO = """
    python3 bench/bench_views.py [--runs 30] [--national] [--rebuild] [--write-readme]

Synthetic databases from `bench/synth.py` (`python3 -m bench.synth --plans N --out FILE`;
seed 7; per county plan: 8 actions, 100 tasks, 60 units, ~30 targets, 8 quarters of uploads by
every owning unit, 10 % of unit-quarters missing, 5 % uploaded twice) at county (1 plan), city
(10) and province (200) scale, national (2000) with `--national`. Datasets are kept in
`bench/out/` and reused while generator and schema are unchanged; the current `sql/` views are
applied to them before timing. Each page query runs 2 warm-ups then 30 times (national: 10)
with another plan / unit / period each run, the full result fetched as a polars frame. Rows
read (table-scan output after pushed-down filters) and intermediate rows come from DuckDB's
JSON profile of one more run. Elasticity = log(p95 ratio) / log(data ratio) between the two
largest scales: ~0 when the filter reaches the plan's rows, ~1 when the query reads everything.
Target: p95 < 300 ms per page query at province scale.
"""


def write_readme(text: str) -> None:
    """Replace the generated block of the section (creating the section when missing)."""
    readme = README.read_text(encoding="utf-8")
    block = f"{BEGIN}\n{text}{END}"
    if BEGIN in readme and END in readme:
        head, rest = readme.split(BEGIN, 1)
        readme = head + block + rest.split(END, 1)[1]
    else:
        readme = readme.rstrip("\n") + f"\n\n{SECTION}\n{INTRO}\n{block}\n"
    README.write_text(readme, encoding="utf-8")


def main() -> None:
    """Command line: build or reuse the datasets, time every query, print (and write) it."""
    ap = argparse.ArgumentParser(description="View-query latency at county/city/province scale.")
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--national-runs", type=int, default=10, help="runs per query, national")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--national", action="store_true", help="also 2000 plans")
    ap.add_argument("--scales", nargs="+", choices=list(SCALES), help="only these scales")
    ap.add_argument("--rebuild", action="store_true", help="rebuild the databases")
    ap.add_argument("--write-readme", action="store_true", help="update bench/README.md")
    args = ap.parse_args()
    scales = args.scales or [s for s in SCALES if s != "national" or args.national]
    datasets = [ensure_dataset(s, args.seed, args.rebuild) for s in scales]
    results = [
        r
        for d in datasets
        for r in bench_scale(
            d, args.national_runs if d.scale == "national" else args.runs, args.seed
        )
    ]
    text = report(datasets, results)
    print("\n" + text)
    if args.write_readme:
        write_readme(text)


if __name__ == "__main__":
    main()
