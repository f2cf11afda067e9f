"""The embedded demo database (演示数据库): the fictional plans and report in data/demo/, and two
years of quarterly uploads generated from them (demo.uploads)."""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

from demo import uploads
from demo.uploads import generate_uploads
from loaders import access
from loaders.db import connect
from loaders.storage.plans import load_paths

DEMO_DIR = Path(__file__).resolve().parent.parent / "data" / "demo"
DEMO_SUFFIXES = (".txt", ".md", ".html", ".docx", ".pdf", ".xlsx", ".xls", ".csv")


def demo_inputs() -> list[Path]:
    """The demo input files in name order (README.md is documentation, not input)."""
    return sorted(
        p for p in DEMO_DIR.iterdir() if p.suffix.lower() in DEMO_SUFFIXES and p.name != "README.md"
    )


@functools.cache
def demo_version() -> str:
    """A short hash of what the demo database is built from (its inputs and the generator), so
    that a changed demo gets a new file instead of an old one being reused."""
    digest = hashlib.sha256()
    for source in [*demo_inputs(), Path(uploads.__file__), Path(__file__)]:
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()[:8]


def ensure_demo_db(path: str | Path) -> None:
    """Build the demo database at `path` unless the file exists.

    It is built in a temporary file beside `path` and renamed into place only when complete,
    so a failed or interrupted build never leaves a half-built database behind.
    """
    target = Path(path)
    if target.exists():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.building")
    _remove(tmp)
    try:
        con = connect(tmp)
        try:
            load_paths(con, demo_inputs(), loaded_by="demo")
            generate_uploads(con)
            add_demo_accounts(con)
            con.execute("checkpoint")
        finally:
            con.close()
        if not target.exists():
            os.replace(tmp, target)
    finally:
        _remove(tmp)


def _remove(db_file: Path) -> None:
    """Delete a database file and its write-ahead log, if present."""
    for p in (db_file, db_file.with_name(db_file.name + ".wal")):
        p.unlink(missing_ok=True)


# The demo's accounts (documented in data/demo/README.md). A database made by `load` has none,
# and no default password.
DEMO_ACCOUNTS = (
    ("demo_admin", "admin", "demo-admin-2026", []),
    ("demo_sifaju", "reporter", "demo-sifaju-2026", ["司法局"]),
    ("demo_viewer", "viewer", "demo-viewer-2026", []),
)


def add_demo_accounts(con) -> None:
    for name, role, password, units in DEMO_ACCOUNTS:
        access.add_account(con, DEMO_ACCOUNTS[0][0], name, role, password, units)
