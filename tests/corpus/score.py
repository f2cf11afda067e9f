#!/usr/bin/env python3
"""Score the plan parser against the hand-labelled regression corpus.

Usage (from the repository root):

    .venv/bin/python tests/corpus/score.py [--verbose] [--json] [--only SUBSTR]

The parser is run only through its command-line contract (CONTRACTS §1):
``python -m loaders parse FILE... --json``; nothing is imported from the project, so the
script keeps working while the internal modules move.  It always exits 0.

Checks, each counted once (see README.md for the rules):
  kind         the matched document's kind equals the label
  task_count   the matched document's number of tasks equals the label (when given)
  task_found   a labelled task is found by number and title start
  units        one check per labelled role (lead/responsible/cooperating) of a labelled task:
               the set of names equals the label
  deadlines    a labelled deadline (YYYY-MM-DD) or ongoing flag equals the parsed one
  targets      a labelled target is among the document's targets (task- and action-level)
  achievements a labelled achievement is among the document's achievements
A mark set before a task ("*", "★": a key item) is no word of its title on either side.
Values are compared as quantities: a scale word leading the unit is folded into the value,
so a label's "100 亿元" and a parse's "10000000000 元" are the same figure, and "8 场(次)" is
"8 场" (an alternative unit in brackets), "3 个工作日" is "3 工作日"; ">= 100 %" and
"= 100 %" are the same target (a share cannot pass 100 %).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DOCS = HERE / "docs"
LABELS = HERE / "labels.json"
CATEGORIES = ["kind", "task_count", "task_found", "units", "deadlines", "targets", "achievements"]
ROLES = ["lead_units", "responsible_units", "cooperating_units"]

# Pinyin glosses inserted by some mirror sites: 執(zhí)法, 關(guān)于.  Removed on both sides.
PINYIN = re.compile(r"\((?:[a-zA-Z\u00e0-\u00fc\u0101-\u01dc\u0300-\u036f]{1,8})\)")
SPACES = re.compile(r"\s+")

try:  # compare traditional and simplified text alike, when zhconv is installed (it is in the venv)
    from zhconv import convert as _zhconv
except ImportError:  # pragma: no cover - plain comparison then
    _zhconv = None


def norm(text: str | None) -> str:
    """NFKC, no pinyin glosses, simplified characters, no whitespace."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", str(text))
    text = PINYIN.sub("", text)
    if _zhconv is not None:
        text = _zhconv(text, "zh-hans")
    return SPACES.sub("", text)


MARKS = "*★☆▲△●◆※"


def norm_number(number: str | None) -> str:
    """'(十二)' / '（十二）' / '十二、' / '12.' -> the bare label."""
    return re.sub(r"[()（）、.．,，:：\[\]【】第条]", "", norm(number))


def norm_unit_name(name: str) -> str:
    name = norm(name)
    return name[:-1] if name.endswith("等") and len(name) > 1 else name


# A scale word leading a unit: "100亿元" is 1e10 元, whichever way a label or the parser writes it
SCALES = (
    ("万亿", 1e12),
    ("千亿", 1e11),
    ("百亿", 1e10),
    ("亿", 1e8),
    ("千万", 1e7),
    ("百万", 1e6),
    ("万", 1e4),
)


def quantity(value: float, unit: str | None) -> tuple[float, str]:
    """(value, unit) with a leading scale word folded into the value: (100, 亿元) -> (1e10, 元)."""
    unit = re.sub(r"\([^()]{1,3}\)$", "", norm(unit))  # "场(次)": 场, its alternative in brackets
    unit = re.sub(r"^个(?=.)", "", unit)  # "3个工作日" is 3 工作日: 个 counts, it measures nothing
    for word, factor in SCALES:
        if unit.startswith(word) and len(unit) > len(word):
            return float(value) * factor, unit[len(word) :]
    return float(value), unit


def same_quantity(a_value: float, a_unit: str | None, b_value: float, b_unit: str | None) -> bool:
    (a, au), (b, bu) = quantity(a_value, a_unit), quantity(b_value, b_unit)
    return au == bu and abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def same_comparator(got: str | None, want: str, value: float, unit: str | None) -> bool:
    """Comparators alike, or alike in effect: a share cannot pass 100 %, so ">= 100 %" (达到100%)
    and "= 100 %" say the same."""
    if got == want:
        return True
    full = norm(unit) == "%" and abs(float(value) - 100) < 1e-9
    return full and {got, want} == {">=", "="}


def run_parser(paths: list[Path], python: str) -> tuple[dict[str, list[dict]], dict[str, str]]:
    """Map file name -> parsed documents, and file name -> error message."""
    docs: dict[str, list[dict]] = {}
    errors: dict[str, str] = {}

    def call(batch: list[Path]) -> dict | None:
        proc = subprocess.run(
            [python, "-m", "loaders", "parse", *map(str, batch), "--json"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
        )
        try:
            return json.loads(proc.stdout)
        except (json.JSONDecodeError, ValueError):
            if len(batch) == 1:
                errors[batch[0].name] = (
                    f"exit {proc.returncode}, no JSON on stdout: {proc.stderr.strip()[-500:]}"
                )
            return None

    result = call(paths)
    if result is None and len(paths) > 1:  # one bad file must not sink the others
        for path in paths:
            one = call([path])
            if one is not None:
                for entry in one.get("files", []):
                    docs[Path(entry.get("path", path)).name] = entry.get("documents") or []
    elif result is not None:
        for entry in result.get("files", []):
            docs[Path(entry.get("path", "")).name] = entry.get("documents") or []
    for path in paths:
        if path.name not in docs and path.name not in errors:
            errors[path.name] = "file missing from the parser output (unreadable?)"
    return docs, errors


def all_tasks(doc: dict) -> list[dict]:
    return [t for a in doc.get("actions") or [] for t in a.get("tasks") or []]


def all_targets(doc: dict) -> list[dict]:
    """Targets of sections and tasks, and the plan-level goals of goal sections (总体目标, 发展目标)
    that the parser lists on the document (its extra `targets` field, stored as the plan's)."""
    out = list(doc.get("targets") or [])
    for action in doc.get("actions") or []:
        out += action.get("targets") or []
        for task in action.get("tasks") or []:
            out += task.get("targets") or []
    return out


def find_task(tasks: list[dict], label: dict) -> tuple[dict | None, bool]:
    """(task, found_by_number_and_title).  Falls back to a title-only match so the other
    checks of a task whose number was misread can still be scored."""
    # a mark set before an item ("*推进…", "★…": a key item) is no word of its title, whichever
    # side keeps it
    start = norm(label.get("title_starts")).lstrip(MARKS)
    number = label.get("number")
    title_hits = [
        t
        for t in tasks
        if norm(t.get("title")).lstrip(MARKS).startswith(start)
        or (start and norm(t.get("text")).lstrip(MARKS).startswith(start))
    ]
    if number is None:
        return (title_hits[0], True) if title_hits else (None, False)
    for t in title_hits:
        if norm_number(t.get("number")) == norm_number(number):
            return t, True
    return (title_hits[0] if len(title_hits) == 1 else None), False


def match_document(parsed: list[dict], label: dict) -> dict | None:
    if not parsed:
        return None

    def score(doc: dict) -> tuple:
        tasks = all_tasks(doc)
        found = sum(find_task(tasks, t)[1] for t in label.get("tasks") or [])
        title = norm(label.get("title"))
        title_hit = bool(title) and (
            title in norm(doc.get("title"))
            or norm(doc.get("title")) in title
            and len(norm(doc.get("title"))) > 4
        )
        return (found, title_hit, doc.get("kind") == label.get("kind"), len(tasks))

    return max(parsed, key=score)


def short(obj) -> str:
    return json.dumps(obj, ensure_ascii=False)[:300]


def score_corpus(labels: list[dict], parsed: dict[str, list[dict]], errors: dict[str, str]):
    checks: list[dict] = []

    def check(cat: str, file: str, what: str, ok: bool, expected, got) -> None:
        checks.append(
            {
                "category": cat,
                "file": file,
                "check": what,
                "ok": bool(ok),
                "expected": expected,
                "got": got,
            }
        )

    for entry in labels:
        file = entry["file"]
        docs = parsed.get(file, [])
        used: set[int] = set()
        for li, ldoc in enumerate(entry["documents"]):
            remaining = [d for i, d in enumerate(docs) if i not in used]
            doc = match_document(remaining, ldoc)
            if doc is not None:
                used.add(next(i for i, d in enumerate(docs) if d is doc))
            tag = f"doc{li + 1}"
            missing = errors.get(file, "no document parsed")

            check(
                "kind",
                file,
                f"{tag} kind",
                doc is not None and doc.get("kind") == ldoc["kind"],
                ldoc["kind"],
                doc.get("kind") if doc else missing,
            )

            tasks = all_tasks(doc) if doc else []
            if ldoc.get("task_count") is not None:
                check(
                    "task_count",
                    file,
                    f"{tag} task count",
                    doc is not None and len(tasks) == ldoc["task_count"],
                    ldoc["task_count"],
                    len(tasks) if doc else missing,
                )

            for lt in ldoc.get("tasks") or []:
                name = f"{tag} task {lt.get('number') or '(unnumbered)'} {lt.get('title_starts')}"
                task, found = find_task(tasks, lt) if doc else (None, False)
                got_tasks = [(t.get("number"), (t.get("title") or "")[:16]) for t in tasks][:40]
                check(
                    "task_found",
                    file,
                    name,
                    found,
                    {"number": lt.get("number"), "title_starts": lt.get("title_starts")},
                    (
                        {"number": task.get("number"), "title": task.get("title")}
                        if task
                        else {"tasks": got_tasks}
                        if doc
                        else missing
                    ),
                )
                for role in ROLES:
                    if role not in lt:
                        continue
                    want = sorted(norm_unit_name(u) for u in lt[role])
                    have = (
                        sorted(norm_unit_name(u) for u in (task.get(role) or [])) if task else None
                    )
                    check(
                        "units",
                        file,
                        f"{name} {role}",
                        task is not None and want == have,
                        lt[role],
                        (task.get(role) if task else "task not found"),
                    )
                if "deadline" in lt:
                    check(
                        "deadlines",
                        file,
                        f"{name} deadline",
                        task is not None and task.get("deadline") == lt["deadline"],
                        lt["deadline"],
                        (
                            {
                                "deadline": task.get("deadline"),
                                "deadline_text": task.get("deadline_text"),
                            }
                            if task
                            else "task not found"
                        ),
                    )
                if "ongoing" in lt and lt["ongoing"] is not None:
                    check(
                        "deadlines",
                        file,
                        f"{name} ongoing",
                        task is not None and bool(task.get("ongoing")) == bool(lt["ongoing"]),
                        lt["ongoing"],
                        (
                            {
                                "ongoing": task.get("ongoing"),
                                "deadline_text": task.get("deadline_text"),
                            }
                            if task
                            else "task not found"
                        ),
                    )

            targets = all_targets(doc) if doc else []
            for lt in ldoc.get("targets") or []:
                key = norm(lt["indicator_contains"])
                near = [t for t in targets if key in norm(t.get("indicator"))]
                ok = any(
                    same_comparator(t.get("comparator"), lt["comparator"], lt["value"], lt["unit"])
                    and isinstance(t.get("value"), (int, float))
                    and same_quantity(t["value"], t.get("unit"), lt["value"], lt["unit"])
                    for t in near
                )
                check(
                    "targets",
                    file,
                    f"{tag} target {lt['indicator_contains']}",
                    ok,
                    lt,
                    [
                        {k: t.get(k) for k in ("indicator", "comparator", "value", "unit")}
                        for t in near
                    ]
                    or {
                        "targets": [
                            (t.get("indicator"), t.get("comparator"), t.get("value"), t.get("unit"))
                            for t in targets
                        ][:15]
                    }
                    if doc
                    else missing,
                )

            achievements = (doc.get("achievements") or []) if doc else []
            for la in ldoc.get("achievements") or []:
                key = norm(la["indicator_contains"])
                near = [a for a in achievements if key in norm(a.get("indicator"))]
                ok = any(
                    isinstance(a.get("value"), (int, float))
                    and same_quantity(a["value"], a.get("unit"), la["value"], la["unit"])
                    for a in near
                )
                check(
                    "achievements",
                    file,
                    f"{tag} achievement {la['indicator_contains']}",
                    ok,
                    la,
                    [{k: a.get(k) for k in ("indicator", "value", "unit")} for a in near]
                    or {
                        "achievements": [
                            (a.get("indicator"), a.get("value"), a.get("unit"))
                            for a in achievements
                        ][:15]
                    }
                    if doc
                    else missing,
                )
    return checks


def summarise(checks: list[dict]) -> dict:
    out = {}
    for cat in CATEGORIES:
        mine = [c for c in checks if c["category"] == cat]
        passed = sum(c["ok"] for c in mine)
        out[cat] = {
            "passed": passed,
            "total": len(mine),
            "percent": round(100.0 * passed / len(mine), 1) if mine else None,
        }
    passed = sum(c["ok"] for c in checks)
    out["overall"] = {
        "passed": passed,
        "total": len(checks),
        "percent": round(100.0 * passed / len(checks), 1) if checks else None,
    }
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", "-v", action="store_true", help="list every failed check")
    ap.add_argument("--json", action="store_true", help="print the figures (and failures) as JSON")
    ap.add_argument("--only", help="score only files whose name contains this")
    venv = ROOT / ".venv" / "bin" / "python"
    ap.add_argument(
        "--python",
        default=str(venv) if venv.exists() else sys.executable,
        help="interpreter that runs `-m loaders` (default: the repository venv)",
    )
    ap.add_argument(
        "--labels",
        type=Path,
        default=LABELS,
        help="labels file (default: labels.json beside this script)",
    )
    args = ap.parse_args()

    try:
        labels = json.loads(args.labels.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"cannot read {args.labels}: {exc}")
        return 0
    if args.only:
        labels = [e for e in labels if args.only in e["file"]]
    paths = [DOCS / e["file"] for e in labels]
    try:
        parsed, errors = run_parser(paths, args.python)
    except Exception as exc:  # the scorer reports, it does not crash
        parsed, errors = {}, {p.name: f"parser not run: {exc}" for p in paths}
    checks = score_corpus(labels, parsed, errors)
    summary = summarise(checks)

    if args.json:
        payload = {
            "documents": sum(len(e["documents"]) for e in labels),
            "files": len(labels),
            "summary": summary,
        }
        if args.verbose:
            payload["failures"] = [c for c in checks if not c["ok"]]
        print(json.dumps(payload, ensure_ascii=False, indent=1))
        return 0

    if args.verbose:
        for c in checks:
            if not c["ok"]:
                print(f"FAIL [{c['category']}] {c['file']}: {c['check']}")
                print(f"     expected: {short(c['expected'])}")
                print(f"     got:      {short(c['got'])}")
        print()
    print(
        f"corpus: {len(labels)} files, {sum(len(e['documents']) for e in labels)} labelled documents, "
        f"{len(checks)} checks"
    )
    if errors:
        print(f"parser errors: {len(errors)} file(s): " + ", ".join(sorted(errors)))
    print(f"{'category':<14}{'passed':>8}{'total':>8}{'%':>8}")
    for cat in CATEGORIES + ["overall"]:
        s = summary[cat]
        pct = "-" if s["percent"] is None else f"{s['percent']:.1f}"
        if cat == "overall":
            print("-" * 38)
        print(f"{cat:<14}{s['passed']:>8}{s['total']:>8}{pct:>8}")
    return 0


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:  # e.g. piped into head
        sys.stderr.close()
    except Exception as exc:  # exit 0 always, as promised
        print(f"score.py failed: {exc!r}")
    sys.exit(0)
