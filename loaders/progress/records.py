"""Records of an uploaded quarterly progress workbook (季度填报), as loaders.progress.sheet reads
them and loaders.progress.store stores them; import them from loaders.progress.sheet.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass


@dataclass(frozen=True)
class TaskReport:
    """One reported task status (任务进展) of a unit for a quarter."""

    unit: str
    task_id: int
    year: int
    quarter: int
    status: str
    note: str | None
    evidence: str | None
    sheet: str
    row: int
    plan_id: int | None = dataclasses.field(default=None, compare=False)  # the task's plan


@dataclass(frozen=True)
class IndicatorReport:
    """One reported indicator figure (指标数据) of a unit for a quarter; rates in percent."""

    unit: str
    target_id: int
    year: int
    quarter: int
    numerator: float | None
    denominator: float | None
    actual: float | None
    note: str | None
    sheet: str
    row: int


@dataclass
class ParsedUpload:
    """Records and messages of one upload; `periods`: the (unit, year, quarter) it covers."""

    tasks: list[TaskReport]
    indicators: list[IndicatorReport]
    errors: list[str]
    warnings: list[str]
    periods: set[tuple[str, int, int]]


def new_task_report(
    unit: str,
    task_id: int,
    year: int,
    quarter: int,
    status: str,
    note: str | None,
    evidence: str | None,
    sheet: str,
    row: int,
    plan_id: int | None,
) -> TaskReport:
    """TaskReport(...) with every field given, built without the frozen dataclass's
    object.__setattr__ per field (a third of the time, for sheets of thousands of rows)."""
    report = object.__new__(TaskReport)
    report.__dict__.update(
        unit=unit,
        task_id=task_id,
        year=year,
        quarter=quarter,
        status=status,
        note=note,
        evidence=evidence,
        sheet=sheet,
        row=row,
        plan_id=plan_id,
    )
    return report


_CODE = new_task_report.__code__
if _CODE.co_varnames[: _CODE.co_argcount] != tuple(f.name for f in dataclasses.fields(TaskReport)):
    raise TypeError("new_task_report must take exactly the fields of TaskReport, in order")
