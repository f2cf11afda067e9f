"""The app's one DuckDB connection (一个缓存的连接), opened once per process and per file, and the
cache of query results that analytics.plan_data and analytics.scorecards share.

The file is given by the environment variable FAZHI_DB, else the demo database
data/demo-<version>.duckdb (the version changes with the demo's inputs). A missing file is first
built from the demo inputs (demo.database), then the sql/ files are applied on opening.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import polars as pl
import streamlit as st

from demo.database import demo_version, ensure_demo_db
from loaders.db import connect

ROOT = Path(__file__).resolve().parent.parent


def default_db() -> Path:
    """The demo database of the current demo inputs: data/demo-<version>.duckdb."""
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
        ensure_demo_db(path)
    return connect(path)


def run(con: duckdb.DuckDBPyConnection, query: str, params: dict | None = None) -> pl.DataFrame:
    """Run one query on its own cursor (thread-safe on a shared connection)."""
    cur = con.cursor()
    try:
        return cur.sql(query, params=params).pl()
    finally:
        cur.close()


def database_key(con: duckdb.DuckDBPyConnection) -> str:
    """The file behind a connection, so cached results of two databases never mix."""
    cur = con.cursor()
    try:
        found = cur.sql(
            "select path from duckdb_databases() where database_name = current_database()"
        ).fetchall()
    finally:
        cur.close()
    path = found[0][0] if found else None
    return str(path) if path else f"memory:{id(con)}"


@st.cache_data(ttl=60, show_spinner="正在统计…")
def _cached(
    db_key: str, query: str, params: tuple, _con: duckdb.DuckDBPyConnection
) -> pl.DataFrame:
    return run(_con, query, dict(params) or None)


def cached(con: duckdb.DuckDBPyConnection, query: str, **params: object) -> pl.DataFrame:
    """The result of `query` with named parameters, cached per database file for 60 s."""
    return _cached(database_key(con), query, tuple(sorted(params.items())), con)


def clear_caches() -> None:
    """Forget every cached query result (call after a file was loaded)."""
    _cached.clear()
