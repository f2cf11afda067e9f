"""Parse time per seed document (and per file given on the command line).

    .venv/bin/python bench/bench_parse.py [FILE ...]      # default: ../shared/seeds/*.txt
    .venv/bin/python bench/bench_parse.py --one-line-mb 1   # also: a 1 MB plan on one line
    .venv/bin/python bench/bench_parse.py --seed-pdfs       # also: each seed printed to PDF

Prints the best of N runs (default 5) and the median, per file, in milliseconds. --one-line-mb N
also times a document of N MB on a single line (seed 000 repeated with its line breaks turned
into spaces), as plans copied from web pages or databases arrive. --seed-pdfs also times each
seed as the text-layer PDF of tests/seed_variants.py (A4, running header, tables drawn in
columns), written under bench/out/: PDF reading rebuilds lines and tables from positions.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loaders.plans.parse import parse_bytes  # noqa: E402


def time_file(path: Path, runs: int) -> tuple[float, float, dict]:
    data = path.read_bytes()
    times, result = [], {}
    for _ in range(runs):
        t0 = time.perf_counter()
        result = parse_bytes(path.name, data)
        times.append((time.perf_counter() - t0) * 1000)
    return min(times), statistics.median(times), result


def one_line_file(mb: float) -> Path:
    """Seed 000 on one line, repeated to `mb` megabytes, written under bench/out/."""
    seed = next((ROOT.parent / "shared" / "seeds").glob("000_*.txt")).read_text(encoding="utf-8")
    line = seed.replace("\n", " ")
    size = int(mb * 1_000_000)
    text = (line * (size // len(line.encode("utf-8")) + 1)).encode("utf-8")[:size]
    out = ROOT / "bench" / "out" / f"one_line_{mb:g}mb.txt"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(text.decode("utf-8", "ignore").encode("utf-8"))
    return out


def seed_pdfs() -> list[Path]:
    """Each seed as the PDF variant of tests/seed_variants.py, written under bench/out/."""
    from tests.seed_variants import pdf_file

    out = []
    for seed in sorted((ROOT.parent / "shared" / "seeds").glob("*.txt")):
        path = ROOT / "bench" / "out" / f"{seed.stem[:3]}_seed.pdf"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pdf_file(seed.read_text(encoding="utf-8")))
        out.append(path)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--one-line-mb", type=float, default=0)
    ap.add_argument("--seed-pdfs", action="store_true")
    args = ap.parse_args()
    files = args.files or sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    if args.one_line_mb:
        files = [*files, one_line_file(args.one_line_mb)]
    if args.seed_pdfs:
        files = [*files, *seed_pdfs()]
    print(f"{'file':<32} {'KB':>6} {'best ms':>8} {'median ms':>10} {'docs':>5} {'tasks':>6}")
    for f in files:
        best, median, result = time_file(f, args.runs)
        docs = result["documents"]
        tasks = sum(len(a["tasks"]) for d in docs for a in d["actions"])
        kb = f.stat().st_size / 1024
        print(f"{f.name[:32]:<32} {kb:6.0f} {best:8.1f} {median:10.1f} {len(docs):5d} {tasks:6d}")


if __name__ == "__main__":
    main()
