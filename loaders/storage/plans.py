"""Store parsed files in DuckDB: validate, then insert everything of a file in one transaction."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from loaders.access import audit, require
from loaders.db import default_user, run, single_writer
from loaders.errors import LoadError, ReadError
from loaders.files.readers import file_format
from loaders.plans.parse import parse_bytes
from loaders.storage.corrections import follow_versions
from loaders.storage.plan_admin import record_versions
from loaders.storage.rows import store_documents
from loaders.storage.unit_groups import apply_groups

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
    versions: list[tuple[int, int, str]] = field(default_factory=list)  # (new, old, old title)
    orphaned: list[int] = field(
        default_factory=list
    )  # corrections whose task the new version lacks

    def summary(self) -> str:
        if self.status == "unchanged":
            return f"{self.name}: 已载入过（sha256 {self.sha256[:12]}），未重复保存"
        text = (
            f"{self.name}: 文件 {self.documents} 份, 行动 {self.actions} 个, 任务 {self.tasks} 项, "
            f"指标 {self.targets} 个, 年度实绩 {self.achievements} 条"
        )
        if self.unresolved_units:
            text += f", 待确认单位 {len(self.unresolved_units)} 个"
        for new_id, old_id, old_title in self.versions:
            text += f"；第 {new_id} 号识别为第 {old_id} 号《{old_title}》的新版本"
        if self.orphaned:
            text += f"；{len(self.orphaned)} 条校对在新版本中找不到对应任务（已保留，请在计划校对中查看）"
        return text


# Annual-report figures become actuals of their year for the plan targets they name
# (the same_indicator macro of sql/05_macros.sql: equal, or one ending with the other).
LINK_ACHIEVEMENTS = """
insert into indicator_values (upload_id, target_id, unit_id, year, quarter, actual, source,
                              achievement_id)
select 0, g.target_id, null, a.year, null, a.value, 'annual_report', a.achievement_id
from achievements a
join targets g on same_indicator(g.indicator, g.unit, a.indicator, a.unit)
join documents d on d.doc_id = g.plan_id
where a.year is not null
  and a.year between coalesce(d.year_from, a.year) and coalesce(d.year_to, a.year)
  and not exists (select 1 from indicator_values v
                  where v.achievement_id = a.achievement_id and v.target_id = g.target_id)
"""


def load_paths(
    con: duckdb.DuckDBPyConnection, paths: Iterable[str | Path], loaded_by: str | None = None
) -> list[LoadResult]:
    return [load_file(con, Path(p).name, Path(p).read_bytes(), loaded_by) for p in paths]


@single_writer
def load_file(
    con: duckdb.DuckDBPyConnection,
    name: str,
    data: bytes,
    loaded_by: str | None = None,
    progress: Progress | None = None,
) -> LoadResult:
    """Parse and store one file; the same content twice changes nothing. Raises LoadError."""
    report = progress or (lambda _f, _m: None)
    loaded_by = require(con, loaded_by, "load", name).name
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

    run(cur, "begin transaction")
    try:
        file_id = _insert_file(cur, name, data, sha, loaded_by)
        registry = _registry(cur)
        counts = store_documents(cur, file_id, documents, registry)
        versions = record_versions(cur, file_id, loaded_by or default_user())
        orphaned = follow_versions(cur, [new for new, _, _ in versions])
        apply_groups(
            cur,
            [d for (d,) in run(cur, "select doc_id from documents where file_id = ?", [file_id])],
        )
        run(cur, LINK_ACHIEVEMENTS)
        audit(cur, loaded_by, "load", name, {"sha256": sha, **dataclasses.asdict(counts)})
        run(cur, "commit")
    except Exception as e:
        run(cur, "rollback")
        raise LoadError(f"{name}: 保存失败，未写入任何内容（{e}）") from e
    report(1.0, "完成")
    return LoadResult(
        name, sha, "loaded", **dataclasses.asdict(counts), versions=versions, orphaned=orphaned
    )


def _insert_file(cur, name: str, data: bytes, sha: str, loaded_by: str | None) -> int:
    ((file_id,),) = run(
        cur,
        "insert into source_files (sha256, name, size_bytes, format, content, loaded_by) "
        "values (?, ?, ?, ?, ?, ?) returning file_id",
        [sha, name, len(data), file_format(name), data, loaded_by or default_user()],
    )
    return file_id


def _registry(cur) -> dict[str, str]:
    rows = cur.execute(
        "select a.alias, u.name from unit_aliases a join units u using (unit_id)"
    ).fetchall()
    return dict(rows)
