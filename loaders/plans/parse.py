"""File -> the contract's parse output (docs/parse-output.md): documents with actions, tasks, targets."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from loaders.files.normalize import clean_document_text, normalize_text
from loaders.files.readers import file_format, read_table_bytes, read_text_bytes
from loaders.plans.breakdown import MEASURE_RE, parse_table_rows
from loaders.plans.documents import RawDocument, guess_title, split_documents, years_of
from loaders.plans.prose import parse_plan_lines
from loaders.plans.targets import extract_achievements

TABLE_FORMATS = ("xlsx", "xls", "csv")
ALIGNED_FORMATS = ("xlsx", "xls", "csv", "docx", "html")
REPORT_RE = re.compile(r"(报告|总结|通报|情况的|工作情况|完成情况|进展情况|进度)")
TABLE_TITLE_RE = re.compile(r"(分解|任务表|清单|台账|责任表)")
# rules, procedures and forms are not plans even when some articles name a responsible unit
RULE_TITLE_RE = re.compile(
    r"(办法|规定|细则|条例|规则|准则|守则|流程|测评表|章程|制度)(\(试行\))?$"
)


def parse_bytes(name: str, data: bytes) -> dict:
    """The parse result of one file given as bytes: {"path", "sha256", "documents"}."""
    fmt = file_format(name)
    sha = hashlib.sha256(data).hexdigest()
    if fmt in TABLE_FORMATS:
        documents = [parse_table_file(name, read_table_bytes(name, data))]
    else:
        text = clean_document_text(read_text_bytes(name, data))
        lines = [line.strip() for line in text.split("\n")]
        documents = [
            parse_document(doc, aligned=fmt in ALIGNED_FORMATS) for doc in split_documents(lines)
        ]
    return {"path": name, "sha256": sha, "documents": documents}


def parse_path(path: str | Path) -> dict:
    p = Path(path)
    result = parse_bytes(p.name, p.read_bytes())
    result["path"] = str(path)
    return result


def _document(doc: RawDocument, kind: str, actions: list[dict], achievements: list[dict]) -> dict:
    return {
        "title": doc.title,
        "doc_number": doc.doc_number,
        "issuer": doc.issuer,
        "issued_on": doc.issued_on,
        "kind": kind,
        "years": doc.years,
        "actions": actions,
        "achievements": achievements,
    }


def table_rows(lines: list[str]) -> list[list[str]]:
    return [line.split("\t") for line in lines if "\t" in line]


def parse_document(doc: RawDocument, aligned: bool = False) -> dict:
    """One document: a breakdown table, a plan, an annual report, or other."""
    default_year = doc.years[0] if doc.years else None
    rows = table_rows(doc.lines)
    if len(rows) >= 3:
        text_table = not aligned and any(MEASURE_RE.match(c.strip()) for r in rows for c in r)
        actions = parse_table_rows(rows, default_year, aligned=not text_table)
        if actions:
            return _document(doc, "breakdown_table", actions, [])
    parsed = parse_plan_lines(doc.lines, doc.title, doc.years)
    is_report = bool(REPORT_RE.search(doc.title)) and not re.search(
        r"(方案|要点|计划|规划)", doc.title
    )
    if is_report:
        body = "\n".join(doc.lines)
        return _document(doc, "annual_report", [], extract_achievements(body, default_year))
    if parsed.actions and not RULE_TITLE_RE.search(doc.title):
        kind = (
            "breakdown_table"
            if TABLE_TITLE_RE.search(doc.title) and doc.title.endswith("表")
            else "plan"
        )
        result = _document(doc, kind, parsed.actions, [])
        result["targets"] = parsed.plan_targets
        return result
    return _document(doc, "other", [], [])


def parse_table_file(name: str, rows: list[list[str]]) -> dict:
    """A breakdown table from Excel/CSV: title from the rows above the header, or the file name."""
    cells = [[normalize_text(c) for c in row] for row in rows]
    title_lines = [
        next(c for c in row if c) for row in cells[:5] if len({c for c in row if c}) == 1
    ]
    title = guess_title(title_lines) if title_lines else Path(name).stem
    doc = RawDocument(lines=[], title=title, years=years_of(title))
    default_year = doc.years[0] if doc.years else None
    actions = parse_table_rows(cells, default_year, aligned=True)
    return _document(doc, "breakdown_table", actions, [])
