"""Shared fixtures: where the real seed documents live (../shared beside the repo)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("FAZHI_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"


def missing_shared(what: str) -> None:
    """A golden test without its shared files fails, so a broken layout cannot pass quietly; a
    developer without ../shared may skip them instead with FAZHI_SHARED_OPTIONAL=1."""
    message = f"{what} not found under {SHARED} (../shared beside the repository, or $FAZHI_SHARED)"
    if os.environ.get("FAZHI_SHARED_OPTIONAL") == "1":
        pytest.skip(message)
    pytest.fail(message)


def seed_files() -> list[Path]:
    """The five seed documents; fails (see missing_shared) when they are not there."""
    found = sorted(SEEDS.glob("*.txt"))
    if not found:
        missing_shared("seed documents")
    return found


def seed_path(prefix: str) -> Path:
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        missing_shared(f"seed {prefix}")
    return matches[0]


@pytest.fixture
def seed():
    return seed_path


@pytest.fixture(scope="session")
def built_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, built once per test run by the app's own builder."""
    from demo.database import ensure_demo_db

    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    ensure_demo_db(path)
    return path


@pytest.fixture
def demo_db(built_demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the demo database for one test, used by the app through FAZHI_DB."""
    import shutil

    path = tmp_path / "demo.duckdb"
    shutil.copyfile(built_demo, path)
    monkeypatch.setenv("FAZHI_DB", str(path))
    return path
