"""20 threads reading and writing for 30 s, and signing in.

    .venv/bin/python bench/bench_concurrency.py [--seconds 30] [--threads 20]

Half the threads correct task titles (each write one transaction through the process's single
writer, loaders.db.single_writer), half query v_task_status, all on one DuckDB connection with a
cursor each, as the dashboard does. Prints writes and reads per second, errors and lost writes
(corrections stored against writes reported done). Then times access.sign_in (argon2 verify).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loaders import access  # noqa: E402
from loaders.db import connect  # noqa: E402
from loaders.storage import corrections  # noqa: E402
from loaders.storage.plans import load_file  # noqa: E402


def plan(tasks: int) -> bytes:
    lines = ["某某县2025年法治政府建设工作要点", "一、重点任务"]
    lines += [
        f"{k}.推进第{k}项重点工作。(县司法局、县公安局、县财政局负责)" for k in range(1, tasks + 1)
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--threads", type=int, default=20)
    args = ap.parse_args()
    con = connect(":memory:")
    load_file(con, "plan.txt", plan(100))
    tasks = [t for (t,) in con.execute("select task_id from tasks order by task_id").fetchall()]
    errors: list[BaseException] = []
    writes: list[int] = []
    reads: list[int] = []
    stop = time.monotonic() + args.seconds

    def writer(k: int) -> None:
        n = 0
        while time.monotonic() < stop:
            n += 1
            try:
                corrections.correct(
                    con, tasks[(k * 7 + n) % len(tasks)], {"title": f"{k}-{n}"}, "bench"
                )
                writes.append(1)
            except BaseException as e:  # noqa: BLE001
                errors.append(e)

    def reader() -> None:
        while time.monotonic() < stop:
            try:
                con.cursor().execute("select count(*) from v_task_status").fetchall()
                reads.append(1)
            except BaseException as e:  # noqa: BLE001
                errors.append(e)

    half = args.threads // 2
    threads = [threading.Thread(target=writer, args=(k,)) for k in range(half)]
    threads += [threading.Thread(target=reader) for _ in range(args.threads - half)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - t0
    stored = con.execute("select count(*) from corrections").fetchone()[0]
    print(
        f"threads: {args.threads} ({half} writing, {args.threads - half} reading), {elapsed:.1f} s"
    )
    print(
        f"writes: {len(writes)} ({len(writes) / elapsed:.1f}/s), reads: {len(reads)} "
        f"({len(reads) / elapsed:.1f}/s), errors: {len(errors)}, lost writes: {len(writes) - stored}"
    )

    access.add_account(con, None, "管理员", "admin", "bench-password-1")
    times = []
    for _ in range(20):
        t0 = time.perf_counter()
        access.sign_in(con, "管理员", "bench-password-1")
        times.append((time.perf_counter() - t0) * 1000)
    print(
        f"sign-in (argon2 verify + audit row): median {statistics.median(times):.1f} ms, "
        f"max {max(times):.1f} ms"
    )


if __name__ == "__main__":
    main()
