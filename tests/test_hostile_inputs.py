"""Every hostile or malformed input (tests/hostile_cases.py) through the real command line.

Each case runs `python -m loaders …` in a subprocess (some inputs abort the process outright),
from the repo root, with a 120 s timeout and a 2 GiB address-space cap (a zip bomb must not
take the machine down with it; no core file either), and checks:
- the exit code is one the case allows (0 or 1; never a signal, 137 or argparse's 2);
- stderr holds no Python traceback and no English exception/error name;
- on exit 1, stderr is not empty and says what went wrong in Chinese;
- on exit 1 (and always, for the cases that say so), the database is unchanged: every table but
  the uploads log (uploads, upload_events, audit) has the same rows; a --db that is not a
  database keeps its bytes;
- `parse` always prints one JSON object with "files";
- an accepted upload stores only sane rows: quarters 1-4 within the plan's years, tasks and
  indicators the unit owns, finite non-negative figures.
Cases listed in hostile_cases.XFAIL are expected to fail (strict): fixing one flips it.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from pathlib import Path

import pytest

from tests import hostile_cases as hc

# Tables a rejected input may still write to: the log of uploads (and of who did what).
LOG_TABLES = re.compile(r"^(uploads|upload_events)$|audit|_log$|^log_|events$")

ENGLISH_ERRORS = re.compile(
    r"Traceback|\b[A-Z][A-Za-z]*(Error|Exception|Warning|Interrupt)\b|panicked at|"
    r"\b(IO|Invalid Input|Conversion|Binder|Catalog|Constraint|Parser|Out of Range|"
    r"Out of Memory|Internal|Serialization|Transaction|Permission) Error\b|"
    r"memory allocation of|Segmentation fault|core dumped|Aborted|"
    r"usage: python -m loaders|error: argument|invalid choice|invalid int value"
)
CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="session")
def env(tmp_path_factory: pytest.TempPathFactory) -> hc.Env:
    return hc.build_env(tmp_path_factory.mktemp("hostile"))


def fingerprint(path: str | None):
    """What must not change: table rows for a database, bytes or listing for anything else."""
    if path is None:
        return None
    p = Path(path)
    if p.is_dir():
        return ("dir", sorted((str(f.relative_to(p)), f.stat().st_size) for f in p.rglob("*")))
    if not p.exists():
        return ("missing",)
    data = p.read_bytes()
    if data[8:12] != b"DUCK":
        return ("file", hashlib.sha256(data).hexdigest())
    import duckdb

    try:
        con = duckdb.connect(str(p), read_only=True)
    except duckdb.Error:
        return ("file", hashlib.sha256(data).hexdigest())
    try:
        tables = [
            name
            for (name,) in con.execute(
                "select table_name from information_schema.tables "
                "where table_type = 'BASE TABLE' order by table_name"
            ).fetchall()
            if not LOG_TABLES.search(name)
        ]
        return {
            t: con.execute(f'select count(*), bit_xor(hash(x)) from "{t}" x').fetchone()
            for t in tables
        }
    finally:
        con.close()


SANITY = {
    "progress stored for a quarter outside 1-4 or a year its plan does not cover": """
        select count(*) from task_progress p join tasks t using (task_id)
        join documents d on d.doc_id = t.plan_id
        where p.quarter not between 1 and 4
           or p.year not between coalesce(d.year_from, 2000) and coalesce(d.year_to, 2100)""",
    "indicator figures stored for a quarter outside 1-4 or a year outside the plan": """
        select count(*) from indicator_values v join targets g using (target_id)
        join documents d on d.doc_id = g.plan_id
        where v.upload_id > 0 and (v.quarter not between 1 and 4
           or v.year not between coalesce(d.year_from, 2000) and coalesce(d.year_to, 2100))""",
    "progress stored against a task, unit or task x unit that does not exist": """
        select count(*) from task_progress p
        where not exists (select 1 from task_units tu
                          where tu.task_id = p.task_id and tu.unit_id = p.unit_id)""",
    "indicator figures stored against a target or unit that does not own it": """
        select count(*) from indicator_values v
        where v.upload_id > 0 and not exists (
            select 1 from targets g join task_units tu on tu.task_id = g.task_id
            where g.target_id = v.target_id and tu.unit_id = v.unit_id)""",
    "figures that are not finite numbers or are negative": """
        select count(*) from indicator_values
        where not (isfinite(coalesce(numerator, 0)) and isfinite(coalesce(denominator, 0))
                   and isfinite(coalesce(actual, 0)))
           or numerator < 0 or denominator < 0 or actual < 0""",
}


def stored_progress_problems(path: str) -> list[str]:
    """After an accepted upload: what is stored must make sense (periods, owners, numbers)."""
    import duckdb

    con = duckdb.connect(path, read_only=True)
    try:
        return [what for what, sql in SANITY.items() if con.execute(sql).fetchone()[0]]
    finally:
        con.close()


def describe(before, after) -> str:
    if isinstance(before, dict) and isinstance(after, dict):
        changed = [
            f"{t}: {before.get(t, (None,))[0]} -> {after.get(t, (None,))[0]} rows"
            for t in sorted(set(before) | set(after))
            if before.get(t) != after.get(t)
        ]
        return "; ".join(changed)
    return f"{before!r:.200} -> {after!r:.200}"


def params() -> list:
    out = []
    for case in hc.CASES:
        marks = []
        if case.id in hc.XFAIL:
            marks.append(pytest.mark.xfail(strict=True, reason=hc.XFAIL[case.id]))
        out.append(pytest.param(case, id=case.id, marks=marks))
    return out


@pytest.mark.parametrize("case", params())
def test_hostile_input(case: hc.Case, env: hc.Env, tmp_path: Path) -> None:
    ctx = hc.Ctx(env, tmp_path)
    args = [str(a) for a in case.build(ctx)]
    watched = ctx.watched_db
    # a case that holds the database open (a lock) has not changed it: its copy is the base
    before = fingerprint(str(env.db) if ctx.cleanups else watched)
    try:
        try:
            proc = hc.run_cli(args, timeout=case.timeout)
        except subprocess.TimeoutExpired:
            pytest.fail(f"no answer within {case.timeout} s: {args[0]}")
    finally:
        for done in ctx.cleanups:
            done()
    stderr = hc.decoded(proc.stderr)
    last = stderr.strip().splitlines()[-1:] or ["(stderr empty)"]
    where = f"{args[0]} exited {proc.returncode}; stderr ends: {last[0][:300]}"

    assert proc.returncode in case.expect, where
    bad = ENGLISH_ERRORS.search(stderr)
    assert bad is None, f"stderr shows {bad.group(0)!r}; {where}"
    if proc.returncode == 1:
        assert stderr.strip(), f"rejected without a message; {where}"
        assert CHINESE.search(stderr), f"the message is not in Chinese; {where}"
    if args[0] == "parse":
        try:
            out = json.loads(hc.decoded(proc.stdout))
        except ValueError:
            pytest.fail(f"parse did not print JSON; {where}")
        assert isinstance(out, dict) and "files" in out, where
    if watched and (proc.returncode == 1 or case.db_unchanged):
        after = fingerprint(watched)
        assert after == before, f"database changed: {describe(before, after)}; {where}"
    if args[0] == "progress" and proc.returncode == 0 and watched:
        problems = stored_progress_problems(watched)
        assert not problems, f"accepted, but stored: {'; '.join(problems)}; {where}"
    if case.check is not None:
        case.check(ctx, proc)
