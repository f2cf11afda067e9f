"""Resilience: a load or an upload killed with SIGKILL at any moment leaves a consistent
database (the file entirely or not at all), and 20 threads reading and writing at once lose no
write and raise no error. (The 30-second version with figures is bench/bench_concurrency.py.)"""

from __future__ import annotations

import io
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import openpyxl
import pytest

from loaders.db import connect
from loaders.storage import corrections
from loaders.storage.plans import load_file

ROOT = Path(__file__).resolve().parent.parent
UNITS = [f"第{k}执法局" for k in range(1, 41)]


def big_plan(tasks: int, units: list[str] = UNITS) -> str:
    lines = ["某某县2025年法治政府建设工作要点", "一、重点任务"]
    names = "、".join(units)
    lines += [
        f"{k}.推进第{k}项重点工作,完成率达到9{k % 10}%。({names}负责)" for k in range(1, tasks + 1)
    ]
    return "\n".join(lines) + "\n"


def flat_sheet(tasks: int) -> bytes:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("汇总")
    ws.append(["单位", "编号", "进展状态", "进展说明", "年度", "季度"])
    for unit in UNITS:
        for k in range(1, tasks + 1):
            ws.append([unit, str(k), "推进中", f"{unit}第{k}项", 2025, 1])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def kill_after(command: list[str], seconds: float) -> int:
    proc = subprocess.Popen(
        [sys.executable, "-m", "loaders", *command],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(seconds)
    proc.send_signal(signal.SIGKILL)
    return proc.wait()


@pytest.mark.parametrize("delay", [0.3, 0.8, 1.3, 1.8])
def test_a_load_killed_at_any_moment_is_all_or_nothing(tmp_path, delay):
    plan = tmp_path / "big.txt"
    plan.write_text(big_plan(300), encoding="utf-8")
    db = tmp_path / "k.duckdb"
    connect(str(db)).close()
    kill_after(["load", str(plan), "--db", str(db)], delay)
    con = duckdb.connect(str(db))  # opens: the write-ahead log is replayed or dropped
    files = con.execute("select count(*) from source_files").fetchone()[0]
    tasks = con.execute("select count(*) from tasks").fetchone()[0]
    units = con.execute("select count(*) from task_units").fetchone()[0]
    con.close()
    assert (files, tasks, units) in [(0, 0, 0), (1, 300, 300 * len(UNITS))]


@pytest.mark.parametrize("delay", [0.2, 0.5, 0.9, 1.4])
def test_an_upload_killed_at_any_moment_is_all_or_nothing(tmp_path, delay):
    db = tmp_path / "u.duckdb"
    con = connect(str(db))
    load_file(con, "plan.txt", big_plan(60).encode("utf-8"))
    con.close()
    sheet = tmp_path / "sheet.xlsx"
    sheet.write_bytes(flat_sheet(60))
    kill_after(["progress", str(sheet), "--db", str(db), "--year", "2025", "--quarter", "1"], delay)
    con = duckdb.connect(str(db))
    stored = con.execute("select count(*) from uploads where outcome = 'stored'").fetchone()[0]
    rows = con.execute("select count(*) from task_progress").fetchone()[0]
    stray = con.execute(
        "select count(*) from task_progress p where not exists "
        "(select 1 from uploads u where u.upload_id = p.upload_id and u.outcome = 'stored')"
    ).fetchone()[0]
    con.close()
    assert stray == 0
    assert (stored, rows) in [(0, 0), (1, 60 * len(UNITS))]


def test_twenty_threads_reading_and_writing_lose_nothing(tmp_path):
    """Ten writers correct task titles (each its own tasks), ten readers query the views, on one
    connection with a cursor each (as the dashboard does): no error, every write kept."""
    con = connect(str(tmp_path / "t.duckdb"))
    load_file(con, "plan.txt", big_plan(40, UNITS[:3]).encode("utf-8"))
    task_ids = [t for (t,) in con.execute("select task_id from tasks order by task_id").fetchall()]
    errors: list[BaseException] = []
    written: list[tuple[int, str]] = []
    stop = time.monotonic() + 4

    def writer(k: int) -> None:
        n = 0
        while time.monotonic() < stop:
            n += 1
            task = task_ids[(k * 4 + n % 4) % len(task_ids)]
            title = f"线程{k}第{n}次"
            try:
                corrections.correct(con, task, {"title": title}, "测试")
                written.append((task, title))
            except BaseException as e:  # noqa: BLE001 (any failure is what this test looks for)
                errors.append(e)

    def reader() -> None:
        while time.monotonic() < stop:
            try:
                con.cursor().execute("select count(*) from v_task_status").fetchall()
            except BaseException as e:  # noqa: BLE001
                errors.append(e)

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(10)]
    threads += [threading.Thread(target=reader) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    stored = con.execute("select count(*) from corrections where field = 'title'").fetchone()[0]
    assert stored == len(written) > 0
    last = {}
    for task, title in written:
        last[task] = title
    for task, title in last.items():
        assert con.execute("select title from tasks where task_id = ?", [task]).fetchone() == (
            title,
        )


def test_the_command_line_says_in_chinese_when_the_dashboard_holds_the_database(tmp_path):
    db = tmp_path / "held.duckdb"
    connect(str(db)).close()
    plan = tmp_path / "plan.txt"
    plan.write_text(big_plan(2, UNITS[:1]), encoding="utf-8")
    holder = subprocess.Popen(  # another process holds the file, as the dashboard does
        [
            sys.executable,
            "-c",
            f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('held', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        for command in (["load", str(plan)], ["plans"], ["progress", str(plan)]):
            out = subprocess.run(
                [sys.executable, "-m", "loaders", *command, "--db", str(db)],
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert out.returncode == 1, command
            assert "正被另一个程序使用" in out.stderr and "先停止看板" in out.stderr, out.stderr
            assert "Traceback" not in out.stderr
    finally:
        holder.kill()
        holder.wait()
