"""The app's one DuckDB connection (一个缓存的连接), opened once per process and per file, and the
cache of query results that analytics.plan_data and analytics.scorecards share.

The file is given by the environment variable FAZHI_DB, else the demo database
data/demo-<version>.duckdb (the version changes with the demo's inputs). A missing file is first
built from the demo inputs (demo.database), then the sql/ files are applied on opening.

Query results are kept until the data changes, not for a fixed time: every write in the app is
followed by clear_caches() (loading a plan, an upload, a restore, a correction on 计划与任务),
which also moves the data version on, so a result computed while a write was under way is never
served after it. While the app runs, no other process can write the file (DuckDB locks it). The
date is part of the key too: the views count tasks as due by today.
"""

from __future__ import annotations

import atexit
import datetime
import gc
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import streamlit as st

from loaders.db import connect

ROOT = Path(__file__).resolve().parent.parent


def default_db() -> Path:
    """The demo database of the current demo inputs: data/demo-<version>.duckdb."""
    from demo.database import demo_version  # the demo builders load only when needed

    return ROOT / "data" / f"demo-{demo_version()}.duckdb"


def db_path() -> Path:
    """The database file in use: $FAZHI_DB or the demo database."""
    return Path(os.environ.get("FAZHI_DB") or default_db())


def get_connection() -> duckdb.DuckDBPyConnection:
    """The cached connection to the database file in use. Use a cursor per query."""
    return _connect(str(db_path().resolve()))


@st.cache_resource(show_spinner="正在打开数据库（首次启动时生成演示数据，约需十几秒）…")
def _connect(path: str) -> duckdb.DuckDBPyConnection:
    if not Path(path).exists():
        from demo.database import ensure_demo_db

        ensure_demo_db(path)
    con = connect(path)
    # The modules and objects loaded by now live as long as the process: moved out of the
    # collector's sight, a full collection no longer walks them (see bench/README.md).
    gc.collect()
    gc.freeze()
    # at exit they are freed as usual (else DuckDB's bindings report its objects as leaked)
    atexit.register(gc.unfreeze)
    return con


def run(con: duckdb.DuckDBPyConnection, query: str, params: dict | None = None) -> pl.DataFrame:
    """Run one query on its own cursor (thread-safe on a shared connection)."""
    cur = con.cursor()
    try:
        return cur.sql(query, params=params).pl()
    finally:
        cur.close()


_KEYS_KEPT = 16
_keys_lock = threading.Lock()
_keys: OrderedDict[int, tuple[duckdb.DuckDBPyConnection, str]] = OrderedDict()


def database_key(con: duckdb.DuckDBPyConnection) -> str:
    """The file behind a connection, so cached results of two databases never mix (looked up
    once per connection: the connection is kept with its key, so its id is not reused)."""
    with _keys_lock:
        hit = _keys.get(id(con))
        if hit is not None and hit[0] is con:
            _keys.move_to_end(id(con))
            return hit[1]
    cur = con.cursor()
    try:
        found = cur.sql(
            "select path from duckdb_databases() where database_name = current_database()"
        ).fetchall()
    finally:
        cur.close()
    path = found[0][0] if found else None
    key = str(path) if path else f"memory:{id(con)}"
    with _keys_lock:
        _keys[id(con)] = (con, key)
        while len(_keys) > _KEYS_KEPT:
            _keys.popitem(last=False)
    return key


_version = 0  # moved on by clear_caches(): results of an older version are never read again
_version_lock = threading.Lock()
MAX_RESULTS = 5000  # query results kept (least recently used dropped first)


def data_version() -> int:
    """A number that changes on every write made through the app (clear_caches)."""
    return _version


@st.cache_data(max_entries=MAX_RESULTS, show_spinner="正在统计…")
def _cached(
    db_key: str, version: int, day: str, query: str, params: tuple, _con: duckdb.DuckDBPyConnection
) -> pl.DataFrame:
    return run(_con, query, dict(params) or None)


def cached(con: duckdb.DuckDBPyConnection, query: str, **params: object) -> pl.DataFrame:
    """The result of `query` with named parameters, cached per database file until the data
    changes (clear_caches) or the day does."""
    return _cached(database_key(con), _version, _today(), query, tuple(sorted(params.items())), con)


@st.cache_data(max_entries=MAX_RESULTS, show_spinner="正在统计…")
def _memo(
    db_key: str,
    version: int,
    day: str,
    name: str,
    args: tuple,
    _fn: Callable[..., Any],
    _con: duckdb.DuckDBPyConnection,
) -> Any:
    return _fn(_con, *args)


def memo(con: duckdb.DuckDBPyConnection, name: str, fn: Callable[..., Any], *args: Any) -> Any:
    """fn(con, *args), a read that is not one query (named `name`), cached like `cached`."""
    return _memo(database_key(con), _version, _today(), name, args, fn, con)


def _today() -> str:
    return datetime.date.today().isoformat()


def clear_caches() -> None:
    """Forget every cached query result (call after every write: a load, an upload, a
    correction)."""
    global _version
    with _version_lock:
        _version += 1
    _cached.clear()
    _memo.clear()
