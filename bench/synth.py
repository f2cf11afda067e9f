"""Deterministic synthetic dataset for the view benchmarks: P county plans with progress.

    python3 -m bench.synth --plans 200 --out bench/out/province.duckdb [--seed 7]

Each plan (one county) gets a source file, a plan document for 2024–2025, 8 actions, 100 tasks
(~70 % dated, ~15 % ongoing, ~10 % recurring every year, ~5 % without a deadline), 60 units of
its own, 1 lead + 0–2 responsible + 0–2 cooperating units per task, and a target on ~30 % of the
tasks (a rate in % or a yearly count in 次). For each of the 8 quarters every owning unit stores
one upload with a status per owned task and a figure per target of those tasks; ~10 % of
unit-quarters are missing and ~5 % have a second upload superseding the first.

Rows are generated with one `random.Random(seed)` and inserted through one Arrow table per table
per batch of plans, into a database created with `loaders.storage.plans.connect` (schema and views of
sql/ applied). Ids are explicit: plan p (0-based) owns doc/file id p+1, actions p*8+1…,
tasks p*100+1…, units p*60+1…; targets and uploads are numbered in generation order.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb
import pyarrow as pa

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from loaders.db import connect  # noqa: E402

VERSION = 1  # bump when the generated data changes shape, so cached datasets are rebuilt
ACTIONS, TASKS, UNITS = 8, 100, 60
YEARS = (2024, 2025)
PERIODS = [(y, q) for y in YEARS for q in (1, 2, 3, 4)]
BATCH_PLANS = 100
CREATED = datetime(2024, 3, 1, 9, 0, 0)
NUMERALS = "一二三四五六七八"
RATES = [
    "行政复议纠错率",
    "行政应诉答辩按期率",
    "行政执法案卷合格率",
    "政务公开事项办结率",
    "合法性审核率",
    "出庭应诉率",
    "政府信息依申请公开按期答复率",
    "行政许可按时办结率",
    "重大决策听证率",
    "执法人员持证率",
    "法律顾问参与率",
    "矛盾纠纷调解成功率",
]
COUNTS = [
    "普法宣传活动",
    "执法监督检查",
    "法治培训",
    "专题会议研究法治工作",
    "行政执法案卷评查",
    "法律顾问专题讲座",
    "公共法律服务进社区",
    "法治督察",
]
STATUS_NEXT = {  # status of the previous quarter → (next status, cumulative probability)
    None: [("未启动", 0.35), ("推进中", 0.90), ("滞后", 1.0)],
    "未启动": [("未启动", 0.30), ("推进中", 0.85), ("滞后", 1.0)],
    "推进中": [("推进中", 0.60), ("已完成", 0.88), ("滞后", 0.96), ("长期推进", 1.0)],
    "滞后": [("滞后", 0.40), ("推进中", 0.85), ("已完成", 1.0)],
    "长期推进": [("长期推进", 0.80), ("推进中", 0.95), ("已完成", 1.0)],
    "已完成": [("已完成", 0.95), ("推进中", 1.0)],
}
ONGOING_NEXT = [("长期推进", 0.70), ("推进中", 0.92), ("滞后", 1.0)]

# table → columns inserted (the rest keep their defaults)
COLUMNS = {
    "source_files": "file_id sha256 name size_bytes format content loaded_by loaded_at",
    "documents": "doc_id file_id seq title doc_number issuer issued_on kind years year_from "
    "year_to",
    "actions": "action_id plan_id seq code title",
    "units": "unit_id name kind level reviewed created_at",
    "unit_aliases": "alias unit_id",
    "tasks": "task_id plan_id action_id seq number title text deadline_text deadline ongoing "
    "recurring",
    "task_units": "task_id unit_id role seq name_written",
    "targets": "target_id plan_id action_id task_id seq indicator comparator value unit per text",
    "uploads": "upload_id sha256 file_name content uploaded_by uploaded_at reporting_unit "
    "plan_ids task_rows indicator_rows year quarter outcome",
    "upload_periods": "upload_id unit_id year quarter superseded_by superseded_at",
    "task_progress": "upload_id task_id unit_id year quarter status note sheet row_no",
    "indicator_values": "upload_id target_id unit_id year quarter numerator denominator actual "
    "source sheet row_no",
    "upload_events": "upload_id action actor happened_at detail",
}
TYPES = {  # Arrow types of columns that may be all-null in a batch
    "recurring": pa.string(),
    "deadline": pa.date32(),
    "deadline_text": pa.string(),
    "per": pa.string(),
    "superseded_by": pa.int32(),
    "superseded_at": pa.timestamp("us"),
    "numerator": pa.float64(),
    "denominator": pa.float64(),
    "actual": pa.float64(),
    "note": pa.string(),
}


@dataclass
class Task:
    """One generated task: its id, owning units (lead + responsible) and target, if any."""

    task_id: int
    ongoing: bool
    owners: list[int]
    target: tuple[int, str] | None = None  # (target_id, measure unit '%' or '次')


@dataclass(frozen=True)
class Slot:
    """A unit-period: the unit reporting and the quarter it reports for."""

    unit_id: int
    name: str
    year: int
    quarter: int


@dataclass
class Batch:
    """Rows of a batch of plans, per table, as tuples in COLUMNS order."""

    rows: dict[str, list[tuple]] = field(default_factory=lambda: {t: [] for t in COLUMNS})
    next_target: int = 1
    next_upload: int = 1

    def add(self, table: str, *row: object) -> None:
        self.rows[table].append(row)


def hex_digest(rng: random.Random) -> str:
    """A random sha256-looking hex string (deterministic under the seed)."""
    return f"{rng.getrandbits(256):064x}"


def county_name(p: int) -> str:
    """The name of county p (0-based): 样本0001 …"""
    return f"样本{p + 1:04d}"


def add_plan_header(b: Batch, rng: random.Random, p: int) -> None:
    """The source file, the plan document, its 8 actions and its 60 units."""
    county, pid = county_name(p), p + 1
    name = f"{county}县法治政府建设实施方案"
    b.add("source_files", pid, hex_digest(rng), name + ".docx", 0, "docx", b"", "bench", CREATED)
    number = f"{county}政办发〔2024〕{rng.randint(1, 60)}号"
    issued = (f"{county}县人民政府办公室", date(2024, 3, rng.randint(1, 28)))
    title = f"{name}（2024—2025年）"
    b.add("documents", pid, pid, 1, title, number, *issued, "plan", list(YEARS), *YEARS)
    for a, numeral in enumerate(NUMERALS[:ACTIONS]):
        b.add("actions", p * ACTIONS + a + 1, pid, a + 1, f"({numeral})", f"第{numeral}项行动")
    for n in range(UNITS):
        unit_id, unit = p * UNITS + n + 1, f"{county}县单位{n + 1}"
        b.add("units", unit_id, unit, "unit", "县", True, CREATED)
        b.add("unit_aliases", unit, unit_id)


def draw_deadline(rng: random.Random) -> tuple[date | None, bool, str | None, str]:
    """(deadline, ongoing, recurring, deadline_text): ~70 % dated, 15 % ongoing, 10 % yearly."""
    r = rng.random()
    if r < 0.70:
        d = date(2024, 1, 1) + timedelta(days=rng.randrange(731))
        return d, False, None, f"{d.year}年{d.month}月底前"
    if r < 0.85:
        return None, True, None, "长期坚持"
    if r < 0.95:
        d = date(2024, rng.randint(3, 12), 1) + timedelta(days=rng.randrange(28))
        return d, False, "year", f"每年{d.month}月底前"
    return None, False, None, None


def add_task_units(b: Batch, rng: random.Random, p: int, task_id: int) -> list[int]:
    """1 lead, 0–2 responsible, 0–2 cooperating distinct units; returns the owners' ids."""
    n_resp, n_coop = rng.randint(0, 2), rng.randint(0, 2)
    roles = ["lead"] + ["responsible"] * n_resp + ["cooperating"] * n_coop
    picks = rng.sample(range(UNITS), len(roles))
    owners = []
    for seq, (n, role) in enumerate(zip(picks, roles, strict=True), start=1):
        unit_id = p * UNITS + n + 1
        b.add("task_units", task_id, unit_id, role, seq, f"{county_name(p)}县单位{n + 1}")
        if role != "cooperating":
            owners.append(unit_id)
    return owners


def add_target(
    b: Batch, rng: random.Random, pid: int, action_id: int, task_id: int, seq: int
) -> tuple[int, str]:
    """A target on the task: a rate ≥ 90–100 % or a yearly count ≥ 1–4 次."""
    target_id = b.next_target
    b.next_target += 1
    if rng.random() < 0.5:
        name, value, unit, per = rng.choice(RATES), float(rng.randint(90, 100)), "%", None
        text = f"{name}达到{value:g}%以上"
    else:
        name, value, unit, per = rng.choice(COUNTS), float(rng.randint(1, 4)), "次", "year"
        text = f"每年开展{name}不少于{value:g}次"
    b.add("targets", target_id, pid, action_id, task_id, seq, name, ">=", value, unit, per, text)
    return target_id, unit


def add_tasks(b: Batch, rng: random.Random, p: int) -> list[Task]:
    """The plan's 100 tasks in contiguous blocks per action, with units and targets."""
    tasks, pid, target_seq = [], p + 1, 0
    for k in range(TASKS):
        task_id, action_id = p * TASKS + k + 1, p * ACTIONS + k * ACTIONS // TASKS + 1
        deadline, ongoing, recurring, deadline_text = draw_deadline(rng)
        title = f"推进第{k + 1}项重点工作"
        b.add(
            "tasks",
            task_id,
            pid,
            action_id,
            k + 1,
            str(k + 1),
            title,
            title + "。",
            deadline_text,
            deadline,
            ongoing,
            recurring,
        )
        task = Task(task_id, ongoing, add_task_units(b, rng, p, task_id))
        if rng.random() < 0.30:
            target_seq += 1
            task.target = add_target(b, rng, pid, action_id, task_id, target_seq)
        tasks.append(task)
    return tasks


def next_status(rng: random.Random, prev: str | None, ongoing: bool) -> str:
    """The status of the next quarter: tasks move forward, and stay 已完成 once completed."""
    choices = ONGOING_NEXT if ongoing else STATUS_NEXT[prev]
    r = rng.random()
    return next(status for status, cum in choices if r < cum)


def status_history(rng: random.Random, tasks: list[Task]) -> dict[tuple[int, int], list[str]]:
    """(unit_id, task_id) → the 8 quarterly statuses of every owning unit of every task."""
    history = {}
    for task in tasks:
        for unit_id in task.owners:
            prev, seq = None, []
            for _ in PERIODS:
                prev = next_status(rng, prev, task.ongoing)
                seq.append(prev)
            history[unit_id, task.task_id] = seq
    return history


def owned_by_unit(tasks: list[Task]) -> dict[int, list[Task]]:
    """unit_id → the tasks it owns (lead or responsible), in task order."""
    owned: dict[int, list[Task]] = {}
    for task in tasks:
        for unit_id in task.owners:
            owned.setdefault(unit_id, []).append(task)
    return owned


def quarter_end(year: int, quarter: int) -> datetime:
    """Midnight at the end of the quarter (the first day of the next one)."""
    return datetime(year + quarter // 4, quarter * 3 % 12 + 1, 1)


def add_upload(
    b: Batch,
    rng: random.Random,
    slot: Slot,
    owned: list[Task],
    statuses: list[str],
    at: datetime,
    superseded: tuple[int, datetime] | None = None,
) -> None:
    """One stored upload of a unit-period: its task rows, indicator figures and log entry."""
    upload_id = b.next_upload
    b.next_upload += 1
    add_task_rows(b, upload_id, slot, owned, statuses)
    n_values = add_values(b, rng, upload_id, slot, owned)
    uploader, file_name = (
        f"{slot.name}填报员",
        f"{slot.name}_{slot.year}年第{slot.quarter}季度.xlsx",
    )
    head = (upload_id, hex_digest(rng), file_name, b"", uploader, at, slot.name)
    plan_ids = [(slot.unit_id - 1) // UNITS + 1]
    b.add("uploads", *head, plan_ids, len(owned), n_values, slot.year, slot.quarter, "stored")
    by, by_at = superseded or (None, None)
    b.add("upload_periods", upload_id, slot.unit_id, slot.year, slot.quarter, by, by_at)
    b.add("upload_events", upload_id, "stored", uploader, at, None)


def add_task_rows(
    b: Batch, upload_id: int, slot: Slot, owned: list[Task], statuses: list[str]
) -> None:
    """One task_progress row per owned task, numbered from row 3 as in the workbook."""
    key = (slot.unit_id, slot.year, slot.quarter)
    for row_no, (task, status) in enumerate(zip(owned, statuses, strict=True), start=3):
        note = f"{status}：第{task.task_id}项"
        b.add("task_progress", upload_id, task.task_id, *key, status, note, "任务进展", row_no)


def add_values(b: Batch, rng: random.Random, upload_id: int, slot: Slot, owned: list[Task]) -> int:
    """A figure per target of the owned tasks: 分子/分母 for a rate (分母 10–50, 分子 at least
    3/4 of it), an actual 0–2 for a count. Returns how many."""
    targets = [task.target for task in owned if task.target]
    for row_no, (target_id, measure) in enumerate(targets, start=3):
        if measure == "%":
            den = rng.randint(10, 50)
            figures = (float(den - rng.randint(0, den // 4)), float(den), None)
        else:
            figures = (None, None, float(rng.randint(0, 2)))
        key = (upload_id, target_id, slot.unit_id, slot.year, slot.quarter)
        b.add("indicator_values", *key, *figures, "upload", "指标数据", row_no)
    return len(targets)


def add_progress(b: Batch, rng: random.Random, p: int, tasks: list[Task]) -> None:
    """8 quarters of uploads by every owning unit: ~10 % missing, ~5 % stored twice."""
    history = status_history(rng, tasks)
    for unit_id, owned in owned_by_unit(tasks).items():
        name = f"{county_name(p)}县单位{unit_id - p * UNITS}"
        for qi, period in enumerate(PERIODS):
            if rng.random() < 0.10:
                continue
            slot = Slot(unit_id, name, *period)
            statuses = [history[unit_id, task.task_id][qi] for task in owned]
            at = quarter_end(*period) + timedelta(seconds=rng.randrange(20 * 86400))
            if rng.random() < 0.05:
                stale = [history[unit_id, t.task_id][qi - 1] if qi else "未启动" for t in owned]
                later = at + timedelta(days=rng.randint(1, 5))
                add_upload(b, rng, slot, owned, stale, at, (b.next_upload + 1, later))
                at = later
            add_upload(b, rng, slot, owned, statuses, at)


def arrow_table(table: str, rows: list[tuple]) -> pa.Table:
    """The batch rows of a table as an Arrow table with the inserted column names."""
    names = COLUMNS[table].split()
    columns = list(zip(*rows, strict=True))
    return pa.table(
        {n: pa.array(c, type=TYPES.get(n)) for n, c in zip(names, columns, strict=True)}
    )


def flush(con: duckdb.DuckDBPyConnection, b: Batch) -> None:
    """Insert the batch, one INSERT … SELECT from an Arrow table per table, then clear it."""
    for table, rows in b.rows.items():
        if not rows:
            continue
        cols = ", ".join(COLUMNS[table].split())
        con.register("batch_rows", arrow_table(table, rows))
        con.execute(f"insert into {table} ({cols}) select {cols} from batch_rows")
        con.unregister("batch_rows")
        rows.clear()


def advance_sequences(con: duckdb.DuckDBPyConnection, plans: int, b: Batch) -> None:
    """Move the id sequences past the explicit ids, so loaders can keep adding rows."""
    last = {
        "seq_file_id": plans,
        "seq_doc_id": plans,
        "seq_action_id": plans * ACTIONS,
        "seq_task_id": plans * TASKS,
        "seq_unit_id": plans * UNITS,
        "seq_target_id": b.next_target - 1,
        "seq_upload_id": b.next_upload - 1,
    }
    for seq, value in last.items():
        if value > 0:
            con.execute(f"select setval('{seq}', {value})")


def generate(rng: random.Random, plans: int) -> Iterator[Batch]:
    """The dataset, one batch per BATCH_PLANS plans (the same Batch object, refilled)."""
    b = Batch()
    for p in range(plans):
        add_plan_header(b, rng, p)
        add_progress(b, rng, p, add_tasks(b, rng, p))
        if (p + 1) % BATCH_PLANS == 0 or p + 1 == plans:
            yield b


def build(path: str | Path, plans: int, seed: int = 7) -> dict[str, int]:
    """Create the database at path (replacing any) with `plans` county plans; row counts back."""
    path = Path(path)
    for old in (path, path.with_name(path.name + ".wal")):
        old.unlink(missing_ok=True)
    con = connect(path)
    try:
        con.execute("set enable_progress_bar = false")
        con.execute("begin transaction")
        for b in generate(random.Random(seed), plans):
            last = b
            flush(con, b)
        advance_sequences(con, plans, last)
        con.execute("commit")
        con.execute("checkpoint")
        return row_counts(con)
    finally:
        con.close()


def row_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rows per generated table."""
    return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in COLUMNS}


def main() -> None:
    """Command line: build one database and print its row counts."""
    ap = argparse.ArgumentParser(description="Build a synthetic plan-tracker database.")
    ap.add_argument("--plans", type=int, default=200, help="number of county plans")
    ap.add_argument("--out", default="bench/out/province.duckdb", help="database file to write")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    t0 = time.perf_counter()
    counts = build(args.out, args.plans, args.seed)
    print(f"{args.out}: {args.plans} plans in {time.perf_counter() - t0:.1f} s")
    for table, n in counts.items():
        print(f"  {table:18s}{n:>12,}")


if __name__ == "__main__":
    main()
