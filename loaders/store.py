"""Store parsed files in DuckDB: validate, then insert everything of a file in one transaction."""

from __future__ import annotations

import getpass
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from loaders.errors import LoadError, ReadError
from loaders.parse import parse_bytes
from loaders.readers import file_format
from loaders.units import canonical_key, is_group, resolve, unit_level

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
ROLES = (
    ("lead_units", "lead"),
    ("responsible_units", "responsible"),
    ("cooperating_units", "cooperating"),
)
Progress = Callable[[float, str], None]


@dataclass
class LoadResult:
    """What loading one file did. status: "loaded" or "unchanged" (same sha256 seen before)."""

    name: str
    sha256: str
    status: str
    documents: int = 0
    actions: int = 0
    tasks: int = 0
    targets: int = 0
    achievements: int = 0
    unresolved_units: list[str] = field(default_factory=list)

    def summary(self) -> str:
        if self.status == "unchanged":
            return f"{self.name}: 已载入过（sha256 {self.sha256[:12]}），未重复保存"
        text = (
            f"{self.name}: 文件 {self.documents} 份, 行动 {self.actions} 个, 任务 {self.tasks} 项, "
            f"指标 {self.targets} 个, 年度实绩 {self.achievements} 条"
        )
        if self.unresolved_units:
            text += f", 待确认单位 {len(self.unresolved_units)} 个"
        return text


def sql_files() -> list[Path]:
    return sorted(SQL_DIR.glob("*.sql"))


def connect(path: str | Path) -> duckdb.DuckDBPyConnection:
    """Open (or create) the database and apply the schema and views in sql/ in name order."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    apply_sql(con)
    return con


def apply_sql(con: duckdb.DuckDBPyConnection) -> None:
    for f in sql_files():
        con.execute(f.read_text(encoding="utf-8"))


def load_paths(
    con: duckdb.DuckDBPyConnection, paths: Iterable[str | Path], loaded_by: str | None = None
) -> list[LoadResult]:
    return [load_file(con, Path(p).name, Path(p).read_bytes(), loaded_by) for p in paths]


def load_file(
    con: duckdb.DuckDBPyConnection,
    name: str,
    data: bytes,
    loaded_by: str | None = None,
    progress: Progress | None = None,
) -> LoadResult:
    """Parse and store one file; the same content twice changes nothing. Raises LoadError."""
    report = progress or (lambda _f, _m: None)
    sha = hashlib.sha256(data).hexdigest()
    cur = con.cursor()
    if cur.execute("select 1 from source_files where sha256 = ?", [sha]).fetchall():
        return LoadResult(name, sha, "unchanged")
    report(0.1, "正在读取文件")
    try:
        parsed = parse_bytes(name, data)
    except ReadError as e:
        raise LoadError(f"{name}: {e}") from e
    documents = parsed["documents"]
    if not any(d["actions"] or d["achievements"] for d in documents):
        raise LoadError(
            f"{name}: 未识别出任何任务、指标或年度实绩，未保存。请确认这是规划/方案、任务分解表或年度报告。"
        )
    report(0.6, "正在保存")
    result = LoadResult(name, sha, "loaded")
    cur.execute("begin transaction")
    try:
        file_id = _insert_file(cur, name, data, sha, loaded_by)
        registry = _registry(cur)
        for seq, doc in enumerate(documents, 1):
            _insert_document(cur, file_id, seq, doc, registry, result)
        cur.execute("commit")
    except Exception as e:
        cur.execute("rollback")
        raise LoadError(f"{name}: 保存失败，未写入任何内容（{e}）") from e
    report(1.0, "完成")
    return result


def _insert_file(cur, name: str, data: bytes, sha: str, loaded_by: str | None) -> int:
    row = cur.execute(
        "insert into source_files (sha256, name, size_bytes, format, content, loaded_by) "
        "values (?, ?, ?, ?, ?, ?) returning file_id",
        [sha, name, len(data), file_format(name), data, loaded_by or _user()],
    ).fetchone()
    return row[0]


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "unknown"


def _registry(cur) -> dict[str, str]:
    rows = cur.execute(
        "select a.alias, u.name from unit_aliases a join units u using (unit_id)"
    ).fetchall()
    return dict(rows)


def _insert_document(
    cur, file_id: int, seq: int, doc: dict, registry: dict[str, str], result: LoadResult
) -> None:
    years = doc["years"] or None
    doc_id = cur.execute(
        "insert into documents (file_id, seq, title, doc_number, issuer, issued_on, kind, years, "
        "year_from, year_to) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning doc_id",
        [
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
        ],
    ).fetchone()[0]
    result.documents += 1
    task_seq = 0
    target_seq = 0
    for a_seq, action in enumerate(doc["actions"], 1):
        action_id = cur.execute(
            "insert into actions (plan_id, seq, code, title) values (?, ?, ?, ?) returning action_id",
            [doc_id, a_seq, action["code"], action["title"]],
        ).fetchone()[0]
        result.actions += 1
        for target in action["targets"]:
            target_seq += 1
            _insert_target(cur, doc_id, action_id, None, target_seq, target)
            result.targets += 1
        for task in action["tasks"]:
            task_seq += 1
            task_id = _insert_task(cur, doc_id, action_id, task_seq, task)
            _insert_task_units(cur, task_id, task, registry, result)
            for target in task["targets"]:
                target_seq += 1
                _insert_target(cur, doc_id, action_id, task_id, target_seq, target)
                result.targets += 1
            result.tasks += 1
    for target in doc.get("targets", []):
        target_seq += 1
        _insert_target(cur, doc_id, None, None, target_seq, target)
        result.targets += 1
    for k, ach in enumerate(doc["achievements"], 1):
        cur.execute(
            "insert into achievements (doc_id, seq, indicator, value, unit, year, text) "
            "values (?, ?, ?, ?, ?, ?, ?)",
            [doc_id, k, ach["indicator"], ach["value"], ach["unit"], ach["year"], ach["text"]],
        )
        result.achievements += 1


def _insert_task(cur, doc_id: int, action_id: int, seq: int, task: dict) -> int:
    recurring = None
    if task.get("deadline_text") and "每年" in task["deadline_text"]:
        recurring = "year"
    return cur.execute(
        "insert into tasks (plan_id, action_id, seq, number, title, text, group_name, deadline_text, "
        "deadline, ongoing, recurring) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning task_id",
        [
            doc_id,
            action_id,
            seq,
            task["number"],
            task["title"],
            task["text"],
            task["group"],
            task["deadline_text"],
            task["deadline"],
            task["ongoing"],
            recurring,
        ],
    ).fetchone()[0]


def _insert_target(
    cur, doc_id: int, action_id: int | None, task_id: int | None, seq: int, t: dict
) -> None:
    cur.execute(
        "insert into targets (plan_id, action_id, task_id, seq, indicator, comparator, value, unit, "
        "per, year, text) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            doc_id,
            action_id,
            task_id,
            seq,
            t["indicator"],
            t["comparator"],
            t["value"],
            t["unit"],
            t["per"],
            t["year"],
            t["text"],
        ],
    )


def _insert_task_units(
    cur, task_id: int, task: dict, registry: dict[str, str], result: LoadResult
) -> None:
    seq = 0
    for key, role in ROLES:
        for written in task[key]:
            unit_id = unit_id_for(cur, written, registry, result)
            seq += 1
            cur.execute(
                "insert into task_units (task_id, unit_id, role, seq, name_written) values (?, ?, ?, ?, ?) "
                "on conflict do nothing",
                [task_id, unit_id, role, seq, written],
            )


def unit_id_for(
    cur, written: str, registry: dict[str, str], result: LoadResult | None = None
) -> int:
    """The registry's unit for a written name; an unknown name becomes a unit awaiting review."""
    name, known = resolve(written, registry)
    row = cur.execute("select unit_id from units where name = ?", [name]).fetchone()
    if row is None:
        row = cur.execute(
            "insert into units (name, kind, level, reviewed) values (?, ?, ?, ?) returning unit_id",
            [name, "group" if is_group(name) else "unit", unit_level(name), known],
        ).fetchone()
        if result is not None and not known and name not in result.unresolved_units:
            result.unresolved_units.append(name)
    key = canonical_key(written)
    if key not in registry:
        cur.execute(
            "insert into unit_aliases (alias, unit_id) values (?, ?) on conflict do nothing",
            [key, row[0]],
        )
        registry[key] = name
    return row[0]
