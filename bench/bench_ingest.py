"""Quarterly upload speed: a 5,000-row flat workbook validated and stored, against calamine alone.

    .venv/bin/python bench/bench_ingest.py [--units 50] [--tasks 100] [--runs 3]

Builds a synthetic plan (N tasks, each owned by M units) and a flat sheet with one row per
unit × task (单位 | 编号 | 任务 | 进展状态 | 进展说明), then times
  1. python-calamine reading the workbook (the floor), and
  2. loaders.progress.store.store_upload: the checks before reading (file size, zip sizes, each
     worksheet's extent from its XML) + read + validate + store in one transaction.
Target: (2) within 2x of (1). The breakdown times the two halves of (2) apart, each on a fresh
database: validate_upload (load_catalog + read_progress) and store_upload given the parsed upload.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import openpyxl  # noqa: E402
from python_calamine import CalamineWorkbook  # noqa: E402

from loaders.db import connect  # noqa: E402
from loaders.progress import layout  # noqa: E402
from loaders.progress.store import store_upload, validate_upload  # noqa: E402
from loaders.storage.plans import load_file  # noqa: E402

STATUSES = list(layout.STATUSES)


def synthetic_plan(units: list[str], tasks: int) -> str:
    lines = ["某某县2025年法治政府建设工作要点", "一、重点任务"]
    names = "、".join(units)
    for k in range(1, tasks + 1):
        lines.append(f"{k}.推进第{k}项重点工作。({names}负责)")
    return "\n".join(lines) + "\n"


def flat_workbook(units: list[str], tasks: int) -> bytes:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("汇总")
    ws.append(["某某县2025年第1季度法治政府建设任务进展汇总表"])
    ws.append(["单位", "编号", "任务", "进展状态", "进展说明"])
    for unit in units:
        for k in range(1, tasks + 1):
            ws.append([unit, str(k), f"推进第{k}项重点工作", STATUSES[k % 5], f"{unit}第{k}项进展"])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--units", type=int, default=50)
    ap.add_argument("--tasks", type=int, default=100)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    units = [f"第{k}执法局" for k in range(1, args.units + 1)]
    data = flat_workbook(units, args.tasks)
    plan = synthetic_plan(units, args.tasks).encode()
    calamine, ingest = [], []
    for run in range(args.runs):
        t0 = time.perf_counter()
        CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).to_python()
        calamine.append(time.perf_counter() - t0)
        con = connect(":memory:")
        load_file(con, "plan.txt", plan)
        t0 = time.perf_counter()
        result = store_upload(con, f"flat{run}.xlsx", data, "bench", None, 2025, 1)
        ingest.append(time.perf_counter() - t0)
        assert result.status == "stored", result.errors[:3]
        con.close()
    validate, store = zip(*(_halves(plan, data, run) for run in range(args.runs)), strict=True)
    rows = args.units * args.tasks
    c, i = statistics.median(calamine), statistics.median(ingest)
    print(f"rows: {rows}  workbook: {len(data) / 1024:.0f} KB")
    print(f"calamine read:               median {c * 1000:8.1f} ms")
    print(
        f"validate + store (upload):   median {i * 1000:8.1f} ms   ratio {i / c:5.2f}x (target <= 2x)"
    )
    for label, times in (("validate (catalog + read)", validate), ("store (parsed given)", store)):
        m = statistics.median(times)
        print(f"  {label + ':':27s}median {m * 1000:8.1f} ms   {m / c:5.2f}x calamine")


def _halves(plan: bytes, data: bytes, run: int) -> tuple[float, float]:
    """validate_upload and store_upload(parsed=...) timed apart, on a fresh database."""
    con = connect(":memory:")
    load_file(con, "plan.txt", plan)
    t0 = time.perf_counter()
    parsed = validate_upload(con, f"flat{run}.xlsx", data, None, 2025, 1)
    t1 = time.perf_counter()
    store_upload(con, f"flat{run}.xlsx", data, "bench", None, 2025, 1, parsed=parsed)
    t2 = time.perf_counter()
    con.close()
    return t1 - t0, t2 - t1


if __name__ == "__main__":
    main()
