"""Load time per seed: parse + store into a fresh in-memory DuckDB (one transaction per file).

.venv/bin/python bench/bench_load.py [FILE ...]      # default: ../shared/seeds/*.txt
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pyarrow  # noqa: E402,F401  (imported up front so its import time is not counted)

from loaders.db import connect  # noqa: E402
from loaders.storage.plans import load_file  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    files = args.files or sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    print(f"{'file':<32} {'best ms':>8} {'median ms':>10} {'tasks':>6} {'targets':>8}")
    for f in files:
        data, times = f.read_bytes(), []
        for _ in range(args.runs):
            con = connect(":memory:")
            t0 = time.perf_counter()
            result = load_file(con, f.name, data, loaded_by="bench")
            times.append((time.perf_counter() - t0) * 1000)
            con.close()
        print(
            f"{f.name[:32]:<32} {min(times):8.1f} {statistics.median(times):10.1f} "
            f"{result.tasks:6d} {result.targets:8d}"
        )


if __name__ == "__main__":
    main()
