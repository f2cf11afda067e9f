"""The fast path of loaders.progress.sheet: on a sheet of task rows (任务进展), the rows the full
checks would accept without a message, found and kept column by column.

Thousands of rows repeat the same status words, units, numbers and periods: each distinct cell
value is resolved once, then mapped over its column, and the records of a run of clean rows are
made in one pass, so little Python work is left per row. A row is clean when its status word,
unit, period and task are all recognised as read_row would recognise them; read_row still checks
every other row (and a clean row repeating an earlier unit × task × quarter) and gives the
messages. Runs of clean rows and the other rows are taken in row order, so the first of two
repeated rows is the one kept, as with read_row alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import compress, repeat
from operator import add, and_, attrgetter, eq, is_not, itemgetter, not_, or_
from typing import Protocol

from loaders.files.limits import MAX_CELL_CHARS, has_controls, strip_controls
from loaders.progress.catalog import CatalogTask
from loaders.progress.layout import parse_status
from loaders.progress.match import Lookup
from loaders.progress.records import TaskReport, new_task_report
from loaders.progress.values import Header, cell_text, cell_texts

NO_COLUMN = 1 << 30  # a column index past every row: its cells read as ""
NOT_DATA, CHECK, CLEAN = 0, 1, 2  # kinds of rows


class TaskSheet(Protocol):
    """What the fast path needs from the sheet reader (sheet._SheetReader)."""

    header: Header
    cols: dict[str, int]
    period_fields: list[str]

    def clean_unit(self, raw: object) -> str | None: ...

    def clean_period(self, raws: tuple) -> tuple[int, int] | None: ...


@dataclass
class CleanRows:
    """Per row of a sheet's body: its kind and, for clean rows, what read_row would find."""

    kinds: list[int]  # NOT_DATA (Header.is_data), CHECK (read_row) or CLEAN
    status: list[str | None]
    unit: list[str | None]
    period: list[tuple[int, int] | None]
    task: list[CatalogTask | None]
    notes: list[str | None]  # 进展说明 and 佐证材料 as stored (control characters removed)
    evidence: list[str | None]


def clean_rows(sheet: TaskSheet, rows: list[list[object]], lookup: Lookup) -> CleanRows | None:
    """The kinds of the rows and what clean rows hold; None when a column holds booleans (True
    == 1, so they cannot share the caches of numbers)."""
    narrowest = min(map(len, rows), default=0)

    def col(field: str) -> list[object]:
        return column(rows, sheet.cols.get(field, NO_COLUMN), narrowest)

    columns = [col(f) for f in ("status", "unit", "number", "task_id", *sheet.period_fields)]
    distinct = list(map(set, columns))
    if any(map(_has_bool, columns, distinct)):
        return None
    statuses, units, numbers, idents, *period_cols = columns
    status = mapped(statuses, _status, distinct[0])
    unit = mapped(units, sheet.clean_unit, distinct[1])
    if period_cols:
        period = mapped(list(zip(*period_cols, strict=True)), sheet.clean_period)
    else:  # the sheet's period, from the arguments, _meta or the title
        period = [sheet.clean_period(())] * len(rows)
    weak = sheet.header.weak_number
    singles = {raw: lookup.single_tasks(raw, weak) for raw in distinct[2]}
    task = list(map(dict.get, map(singles.__getitem__, numbers), unit))  # type: ignore[arg-type]
    if any(map(is_not, idents, repeat(""))):  # a hidden 任务ID decides first (Lookup.quick_task)
        by_id, keys = mapped(idents, lookup.task_of_ident), mapped(numbers, lookup.number_key)
        task = [
            t if t is not None and u in t.roles and k in (None, lookup.keys[t.task_id]) else s
            for t, u, k, s in zip(by_id, unit, keys, task, strict=True)
        ]
    known = map(and_, map(is_not, status, repeat(None)), map(is_not, period, repeat(None)))
    kinds = list(map(add, repeat(CHECK), map(and_, known, map(is_not, task, repeat(None)))))
    notes, evidence = (_texts(col(f)) for f in ("note", "evidence"))
    for texts in (notes, evidence):  # too long to store: read_row says so
        if max(map(len, filter(None, texts)), default=0) > MAX_CELL_CHARS:
            for i, text in enumerate(texts):
                if text is not None and len(text) > MAX_CELL_CHARS:
                    kinds[i] = CHECK
    for i in _suspects(rows, narrowest, sheet.header):
        if not sheet.header.is_data(rows[i]):
            kinds[i] = NOT_DATA
    return CleanRows(kinds, status, unit, period, task, notes, evidence)  # type: ignore[arg-type]


def keep_run(
    found: CleanRows,
    run: range,
    at: tuple[str, int, int],
    seen: dict[tuple, int],
    tasks: list[TaskReport],
) -> list[int]:
    """Keep the clean rows of `run` as read_row would (at: the sheet's name, the Excel row of
    the body's first row and its place for `seen`); return those repeating an earlier unit × task × quarter,
    for read_row to report."""
    a, b = run.start, run.stop
    task, unit, period = found.task[a:b], found.unit[a:b], found.period[a:b]
    ids, years, quarters = (
        list(map(_TASK_ID, task)),
        list(map(_YEAR, period)),
        list(map(_QUARTER, period)),
    )
    keys = list(zip(repeat(True), unit, ids, years, quarters))
    sheet, first, places = at[0], at[1] + a, range(at[2] + a, at[2] + b)
    repeats: list[int] = []
    kept: list[bool] | None = None
    size, disjoint = len(seen), seen.keys().isdisjoint(keys)
    if disjoint:  # the usual case: no key repeats an earlier row's, nor another of the run
        seen.update(zip(keys, places, strict=True))
    if len(seen) != size + len(keys):  # a repeat: the first row stays, read_row reports the others
        if disjoint:  # the update above was made: undo it
            for key in keys:
                seen.pop(key, None)
        kept = []
        for i, key in enumerate(keys):
            kept.append(key not in seen)
            if kept[-1]:
                seen[key] = places[i]
            else:
                repeats.append(a + i)
    notes, evidence = found.notes[a:b], found.evidence[a:b]
    made = map(
        new_task_report,
        unit,
        ids,
        years,
        quarters,
        found.status[a:b],
        notes,
        evidence,
        repeat(sheet),
        range(first, first + len(keys)),
        map(_PLAN_ID, task),
    )
    tasks.extend(made if kept is None else compress(made, kept))
    return repeats


def column(rows: list[list[object]], c: int, narrowest: int) -> list[object]:
    """Cell c of every row ("" past the end of a row)."""
    if c < narrowest:
        return list(map(itemgetter(c), rows))
    if c == NO_COLUMN:
        return [""] * len(rows)
    return [row[c] if c < len(row) else "" for row in rows]


def mapped(values: list, resolve: Callable, distinct: set | None = None) -> list:
    """resolve() of every value, computed once per distinct value (values equal as Python
    values, such as 1 and 1.0, resolve alike here; booleans are kept out by the caller)."""
    cache = {value: resolve(value) for value in (set(values) if distinct is None else distinct)}
    return list(map(cache.__getitem__, values))


_TASK_ID, _PLAN_ID = attrgetter("task_id"), attrgetter("plan_id")
_YEAR, _QUARTER = itemgetter(0), itemgetter(1)


def _texts(values: list[object]) -> list[str | None]:
    """cell_text of the cells as read_row keeps them: control characters removed, None when
    empty (说明/佐证)."""
    texts = cell_texts(values)
    if has_controls("".join(texts)):
        texts = list(map(strip_controls, texts))
    return [text or None for text in texts]


def _has_bool(values: list[object], distinct: set) -> bool:
    """A TRUE/FALSE cell among the values (the set of them may keep 1.0 for True)."""
    return (True in distinct or False in distinct) and bool in set(map(type, values))


def _status(raw: object) -> str | None:
    text = cell_text(raw)
    return parse_status(text) if text else None


def _suspects(rows: list[list[object]], narrowest: int, header: Header) -> compress:
    """Rows that may not be data (Header.is_data): holding a header cell's value, or with equal
    first and second cells (a title or section row merged across the row)."""
    holds_header = map(not_, map(header.header_values.isdisjoint, rows))
    first, second = column(rows, 0, narrowest), column(rows, 1, narrowest)
    return compress(range(len(rows)), map(or_, holds_header, map(eq, first, second)))
