"""Running the command line (`python -m loaders …`) from a test, as a user would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def loaders_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """`python -m loaders ARGS` in the repository root, its output captured as text."""
    return subprocess.run(
        [sys.executable, "-m", "loaders", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
