"""Rows of one parsed file with their ids, inserted table by table in bulk (one INSERT each)."""

from __future__ import annotations

from dataclasses import dataclass, field

from loaders.db import insert_rows, run
from loaders.plans.units import canonical_key, is_group, resolve, unit_level


@dataclass
class Counts:
    """How many rows of each kind one file gave, and the unit names new to the registry."""

    documents: int = 0
    actions: int = 0
    tasks: int = 0
    targets: int = 0
    achievements: int = 0
    unresolved_units: list[str] = field(default_factory=list)


ROLES = (
    ("lead_units", "lead"),
    ("responsible_units", "responsible"),
    ("cooperating_units", "cooperating"),
)


COLUMNS = {
    "documents": (
        "doc_id",
        "file_id",
        "seq",
        "title",
        "doc_number",
        "issuer",
        "issued_on",
        "kind",
        "years",
        "year_from",
        "year_to",
    ),
    "actions": ("action_id", "plan_id", "seq", "code", "title"),
    "tasks": (
        "task_id",
        "plan_id",
        "action_id",
        "seq",
        "number",
        "title",
        "text",
        "group_name",
        "deadline_text",
        "deadline",
        "ongoing",
        "recurring",
        "review_notes",
    ),
    "task_units": ("task_id", "unit_id", "role", "seq", "name_written"),
    "targets": (
        "target_id",
        "plan_id",
        "action_id",
        "task_id",
        "seq",
        "indicator",
        "comparator",
        "value",
        "unit",
        "per",
        "year",
        "text",
    ),
    "achievements": (
        "achievement_id",
        "doc_id",
        "seq",
        "indicator",
        "value",
        "unit",
        "year",
        "text",
    ),
}
SEQUENCES = {
    "documents": "seq_doc_id",
    "actions": "seq_action_id",
    "tasks": "seq_task_id",
    "targets": "seq_target_id",
    "achievements": "seq_achievement_id",
}


class _Rows:
    """Rows of one file, collected with their ids, then inserted table by table in bulk."""

    def __init__(self, cur, parsed_documents: list[dict]) -> None:
        self.tables: dict[str, list[tuple]] = {t: [] for t in COLUMNS}
        self.ids = {
            t: iter(_next_ids(cur, seq, _count(parsed_documents, t)))
            for t, seq in SEQUENCES.items()
        }
        self.seen_units: set[tuple[int, int, str]] = set()
        self.unit_ids: dict[str, int] = {}  # written name -> unit, resolved once per file

    def add(self, table: str, *values: object) -> int | None:
        new_id = next(self.ids[table]) if table in self.ids else None
        self.tables[table].append((new_id, *values) if new_id is not None else values)
        return new_id

    def flush(self, cur) -> None:
        for table, rows in self.tables.items():
            if rows:
                columns = COLUMNS[table]
                insert_rows(cur, table, {c: [r[k] for r in rows] for k, c in enumerate(columns)})


def _count(documents: list[dict], table: str) -> int:
    actions = [a for d in documents for a in d["actions"]]
    tasks = [t for a in actions for t in a["tasks"]]
    return {
        "documents": len(documents),
        "actions": len(actions),
        "tasks": len(tasks),
        "targets": sum(len(a["targets"]) for a in actions)
        + sum(len(t["targets"]) for t in tasks)
        + sum(len(d.get("targets", [])) for d in documents),
        "achievements": sum(len(d["achievements"]) for d in documents),
    }[table]


def _next_ids(cur, sequence: str, n: int) -> list[int]:
    if n == 0:
        return []
    return [
        r[0] for r in cur.execute(f"select nextval('{sequence}') from range(?)", [n]).fetchall()
    ]


def store_documents(cur, file_id: int, documents: list[dict], registry: dict[str, str]) -> Counts:
    """Insert the rows of a file's documents; returns what was inserted."""
    counts = Counts()
    rows = _Rows(cur, documents)
    for seq, doc in enumerate(documents, 1):
        _add_document(cur, rows, file_id, seq, doc, registry, counts)
    rows.flush(cur)
    return counts


def _add_document(
    cur,
    rows: _Rows,
    file_id: int,
    seq: int,
    doc: dict,
    registry: dict[str, str],
    counts: Counts,
) -> None:
    years = doc["years"] or None
    doc_id = rows.add(
        "documents",
        file_id,
        seq,
        doc["title"],
        doc["doc_number"],
        doc["issuer"],
        doc["issued_on"],
        doc["kind"],
        years,
        min(years) if years else None,
        max(years) if years else None,
    )
    counts.documents += 1
    counter = {"task": 0, "target": 0}
    for a_seq, action in enumerate(doc["actions"], 1):
        action_id = rows.add("actions", doc_id, a_seq, action["code"], action["title"])
        counts.actions += 1
        for target in action["targets"]:
            _add_target(rows, doc_id, action_id, None, target, counter, counts)
        for task in action["tasks"]:
            task_id = _add_task(rows, doc_id, action_id, task, counter)
            _add_task_units(cur, rows, task_id, task, registry, counts)
            for target in task["targets"]:
                _add_target(rows, doc_id, action_id, task_id, target, counter, counts)
            counts.tasks += 1
    for target in doc.get("targets", []):
        _add_target(rows, doc_id, None, None, target, counter, counts)
    for k, ach in enumerate(doc["achievements"], 1):
        rows.add(
            "achievements",
            doc_id,
            k,
            ach["indicator"],
            ach["value"],
            ach["unit"],
            ach["year"],
            ach["text"],
        )
        counts.achievements += 1


def _add_task(rows: _Rows, doc_id: int, action_id: int, task: dict, counter: dict) -> int:
    counter["task"] += 1
    return rows.add(
        "tasks",
        doc_id,
        action_id,
        counter["task"],
        task["number"],
        task["title"],
        task["text"],
        task["group"],
        task["deadline_text"],
        task["deadline"],
        task["ongoing"],
        task.get("recurring"),
        task.get("review_notes") or [],
    )


def _add_target(
    rows: _Rows,
    doc_id: int,
    action_id: int | None,
    task_id: int | None,
    t: dict,
    counter: dict,
    counts: Counts,
) -> None:
    counter["target"] += 1
    rows.add(
        "targets",
        doc_id,
        action_id,
        task_id,
        counter["target"],
        t["indicator"],
        t["comparator"],
        float(t["value"]),
        t["unit"],
        t["per"],
        t["year"],
        t["text"],
    )
    counts.targets += 1


def _add_task_units(
    cur, rows: _Rows, task_id: int, task: dict, registry: dict[str, str], counts: Counts
) -> None:
    seq = 0
    for key, role in ROLES:
        for written in task[key]:
            unit_id = rows.unit_ids.get(written)
            if unit_id is None:
                unit_id = rows.unit_ids[written] = unit_id_for(cur, written, registry, counts)
            if (task_id, unit_id, role) in rows.seen_units:
                continue
            rows.seen_units.add((task_id, unit_id, role))
            seq += 1
            rows.add("task_units", task_id, unit_id, role, seq, written)


def unit_id_for(cur, written: str, registry: dict[str, str], counts: Counts | None = None) -> int:
    """The registry's unit for a written name; an unknown name becomes a unit awaiting review."""
    name, known = resolve(written, registry)
    row = next(iter(run(cur, "select unit_id from units where name = ?", [name])), None)
    if row is None:
        (row,) = run(
            cur,
            "insert into units (name, kind, level, reviewed) values (?, ?, ?, ?) returning unit_id",
            [name, "group" if is_group(name) else "unit", unit_level(name), known],
        )
        if counts is not None and not known and name not in counts.unresolved_units:
            counts.unresolved_units.append(name)
    key = canonical_key(written)
    if key not in registry:
        run(
            cur,
            "insert into unit_aliases (alias, unit_id) values (?, ?) on conflict do nothing",
            [key, row[0]],
        )
        registry[key] = name
    return row[0]
