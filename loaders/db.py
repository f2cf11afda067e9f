"""The database layer every loader writes through: open a file with the schema and views of sql/
applied, run a statement and read its whole result, and insert many rows in one statement."""

from __future__ import annotations

import getpass
from pathlib import Path

import duckdb
import pyarrow as pa

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"


def sql_files() -> list[Path]:
    """The schema, the macros and one file per view, in the order they must be applied."""
    return sorted(SQL_DIR.glob("*.sql"))


def connect(path: str | Path) -> duckdb.DuckDBPyConnection:
    """Open (or create) the database and apply the schema and views in sql/ in name order."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    apply_sql(con)
    return con


def apply_sql(con: duckdb.DuckDBPyConnection) -> None:
    for f in sql_files():
        con.execute(f.read_text(encoding="utf-8")).fetchall()


def run(cur, sql: str, params: list | tuple = ()) -> list[tuple]:
    """Execute and fetch everything (DuckDB 2.0: an unread result blocks the connection)."""
    return cur.execute(sql, list(params)).fetchall()


def insert_rows(cur, table: str, columns: dict[str, list]) -> None:
    """Insert whole columns (thousands of rows) with one INSERT … SELECT over an Arrow table, which
    DuckDB reads from the local variable (a replacement scan: far faster than row by row)."""
    if not next(iter(columns.values()), None):
        return
    _incoming = pa.table(columns)  # noqa: F841 (read by name in the query below)
    names = ", ".join(columns)
    # executed here, not through run(): the scan looks for _incoming in the caller's frame
    cur.execute(f"insert into {table} ({names}) select {names} from _incoming").fetchall()


def default_user() -> str:
    """The operating-system user, who acts on the command line."""
    try:
        return getpass.getuser()
    except Exception:
        return "unknown"
