"""The app's one DuckDB connection (一个缓存的连接), opened once per process and per file.

The file is given by the environment variable FAZHI_DB, else the demo database
data/demo-<version>.duckdb (the version changes with the demo's inputs). A missing file is first
built from the demo inputs (analytics.demo), then the sql/ files are applied on opening.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import streamlit as st

from analytics.demo import demo_version, ensure_demo_db
from loaders import store

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
    return store.connect(path)
