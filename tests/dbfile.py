"""Reading a test's database file from the test process (the app may use the same file)."""

from __future__ import annotations

from pathlib import Path

import duckdb


def file_rows(path: Path, sql: str, params: list | tuple = ()) -> list[tuple]:
    """All rows of one query on the database file, on a connection opened and closed here."""
    con = duckdb.connect(str(path))
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()
