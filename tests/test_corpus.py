"""The real-document corpus (tests/corpus, labelled by hand) as a regression gate: each kind of
check must pass at least as often as it does now. Raise a floor when the parser gets better;
never lower one to make a change pass."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FLOORS = {  # checks passed (of total) on 2026-12-01, twelfth session (1,469 files)
    "kind": 1427,  # of 1513
    "task_count": 1251,  # of 1447
    "task_found": 3905,  # of 4336
    "units": 2814,  # of 3148
    "deadlines": 388,  # of 449
    "targets": 979,  # of 1129
    "achievements": 1663,  # of 1772
}


def test_corpus_scores_do_not_fall():
    out = subprocess.run(
        [sys.executable, "tests/corpus/score.py", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    summary = json.loads(out.stdout)["summary"]
    got = {kind: summary[kind]["passed"] for kind in FLOORS}
    assert all(got[k] >= FLOORS[k] for k in FLOORS), (got, FLOORS)


def test_scorer_compares_quantities_not_spellings():
    """A label's "100 亿元" and a parse's "10000000000 元" are one figure; 100 元 is not."""
    sys.path.insert(0, str(ROOT / "tests" / "corpus"))
    try:
        from score import same_quantity
    finally:
        sys.path.pop(0)
    assert same_quantity(100, "亿元", 1e10, "元")
    assert same_quantity(5, "万亿元", 5e12, "元")  # 万亿: the larger scale read first
    assert same_quantity(5, "万亿元", 5e4, "亿元")
    assert not same_quantity(5, "万亿元", 5, "亿元")
    assert same_quantity(2.5, "万个", 25000, "个")
    assert same_quantity(95, "%", 95, "％")
    assert not same_quantity(100, "亿元", 100, "元")
    assert not same_quantity(1, "万人", 10000, "元")
    assert same_quantity(3, "万", 3, "万")  # a bare 万 is compared as it stands
    assert same_quantity(3, "个工作日", 3, "工作日")  # 个 counts, it measures nothing
    assert same_quantity(5, "个", 5, "个")
    assert not same_quantity(3, "个月", 3, "年")
    assert same_quantity(8, "场(次)", 8, "场")  # an alternative unit in brackets
    assert not same_quantity(8, "场(次)", 8, "次")


def test_scorer_reads_a_full_share_as_one_target_whatever_its_comparator():
    sys.path.insert(0, str(ROOT / "tests" / "corpus"))
    try:
        from score import same_comparator
    finally:
        sys.path.pop(0)
    assert same_comparator(">=", "=", 100, "%")
    assert same_comparator("=", ">=", 100, "％")
    assert not same_comparator(">=", "=", 95, "%")
    assert not same_comparator(">=", "=", 100, "次")
    assert not same_comparator("<=", "=", 100, "%")
