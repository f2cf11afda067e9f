"""The database layer every loader writes through: open a file with the schema and views of sql/
applied, run a statement and read its whole result, and insert many rows in one statement."""

from __future__ import annotations

import functools
import getpass
import threading
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


def open_existing(path: str | Path) -> duckdb.DuckDBPyConnection:
    """connect() to a database that must exist already (commands that read or add to one);
    LoadError with a Chinese message when it is missing, not a database, damaged or in use."""
    from loaders.errors import LoadError

    if str(path) != ":memory:":
        file = Path(path)
        if not file.exists():
            raise LoadError(f"数据库文件不存在：{path}（请先用 load 命令载入计划）")
        if not file.is_file():
            raise LoadError(f"{path} 不是数据库文件（是一个目录或特殊文件）")
    try:
        con = duckdb.connect(str(path))
    except duckdb.Error as exc:
        raise LoadError(database_problem(path, exc)) from exc
    try:
        apply_sql(con)
    except duckdb.Error as exc:
        con.close()
        raise LoadError(database_problem(path, exc)) from exc
    return con


def database_problem(path: str | Path, exc: Exception) -> str:
    """What went wrong with a database file, in Chinese (DuckDB's own text is English)."""
    text = str(exc).lower()
    if "lock" in text:
        return (
            f"数据库 {path} 正被另一个程序使用（例如正在运行的看板）：请在看板的“计划与任务”"
            "“数据填报”页面上载入或上传，或先停止看板再用命令行"
        )
    if "read-only" in text or "permission" in text:
        return f"无法写入数据库 {path}：没有写入权限"
    return f"无法打开数据库 {path}：该文件不是本系统的数据库，或已损坏"


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


# ---------------------------------------------------------------- one writer

WRITE_LOCK = threading.RLock()


def single_writer(function):
    """Run a writing function under the process's one write lock: sessions of the dashboard that
    write at the same moment take turns (DuckDB would otherwise abort one of two conflicting
    transactions), readers are never blocked."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with WRITE_LOCK:
            return function(*args, **kwargs)

    return wrapper
