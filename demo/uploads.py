"""Quarterly uploads for the demo plans (演示填报数据): two years from a dozen units, made with a fixed
seed by filling the project's own templates and uploading them, so every page has data.

Each unit gets a diligence (how often it reports, on time, and finishes by the deadline); each of
its dated tasks a quarter in which it is finished (early, on time, late or not within the data).
The workbooks go through the same template → upload → validate → store path as a user's.
"""

from __future__ import annotations

import datetime
import io
import math
import random
from dataclasses import dataclass, field

import duckdb
from openpyxl import load_workbook

from loaders.periods import period_index, period_label, report_due
from loaders.progress.catalog import Catalog, CatalogIndicator, CatalogTask, load_catalog
from loaders.progress.store import store_upload
from loaders.progress.template import INDICATOR_SHEET, TASK_SHEET, build_template

SEED = 20250101
PERIODS = [(2025, q) for q in (1, 2, 3, 4)] + [(2026, q) for q in (1, 2, 3)]
DILIGENCE = (0.97, 0.95, 0.92, 0.9, 0.88, 0.85, 0.82, 0.78, 0.72, 0.65, 0.58, 0.5)
NOTES = {
    "未启动": "已列入工作计划，尚未启动。",
    "推进中": "已制定工作方案，正在按计划推进。",
    "已完成": "已按要求完成，形成工作台账。",
    "长期推进": "本季度持续推进，各项工作有序开展。",
    "滞后": "受人员调整影响进度滞后，已制定整改措施。",
}
TIME_UNITS = frozenset(("个工作日", "工作日", "小时", "日", "天", "分钟"))
EVIDENCE = {"已完成": "工作台账、会议纪要", "长期推进": "工作台账"}


@dataclass
class UnitProfile:
    """How one demo unit behaves: its diligence and the quarter each task gets finished."""

    diligence: float
    finish: dict[tuple[int, int], int] = field(default_factory=dict)  # (task, year) -> period


def generate_uploads(con: duckdb.DuckDBPyConnection, seed: int = SEED) -> int:
    """Store the demo's quarterly uploads; returns how many were stored."""
    rng = random.Random(seed)
    profiles: dict[str, UnitProfile] = {}
    stored = 0
    for year, quarter in PERIODS:
        catalog = load_catalog(con, year)
        for unit in catalog.reporting_units():
            profile = profiles.setdefault(unit, UnitProfile(DILIGENCE[len(profiles) % 12]))
            if rng.random() > 0.7 + 0.3 * profile.diligence:
                continue  # 未报送 this quarter
            stored += _upload(con, catalog, unit, year, quarter, profile, rng)
    return stored


def _upload(
    con,
    catalog: Catalog,
    unit: str,
    year: int,
    quarter: int,
    profile: UnitProfile,
    rng: random.Random,
) -> int:
    """One unit's upload for a quarter (sometimes a corrected second version); 1 when stored."""
    data = fill_template(catalog, unit, year, quarter, profile, rng)
    due = report_due(year, quarter)
    late = rng.random() > profile.diligence
    day = due + datetime.timedelta(days=rng.randint(1, 12) if late else -rng.randint(1, 9))
    when = datetime.datetime.combine(day, datetime.time(rng.randint(8, 17), rng.randint(0, 59)))
    name = f"{unit}_{period_label(year, quarter)}.xlsx"
    result = store_upload(con, name, data, f"{unit}填报员", unit, year, quarter, uploaded_at=when)
    if rng.random() < 0.08:  # a corrected version a few days later supersedes the first
        data = fill_template(catalog, unit, year, quarter, profile, rng)
        later = when + datetime.timedelta(days=rng.randint(1, 4), hours=2)
        name = f"{unit}_{period_label(year, quarter)}（更正）.xlsx"
        store_upload(con, name, data, f"{unit}填报员", unit, year, quarter, uploaded_at=later)
    return int(result.status == "stored")


def fill_template(
    catalog: Catalog, unit: str, year: int, quarter: int, profile: UnitProfile, rng: random.Random
) -> bytes:
    """The unit's template for the quarter, filled in as the unit would."""
    book = load_workbook(io.BytesIO(build_template(catalog, unit, year, quarter)))
    tasks = {t.task_id: t for t in catalog.tasks}
    sheet = book[TASK_SHEET]
    for row in range(3, sheet.max_row + 1):
        task = tasks.get(sheet.cell(row, 10).value)
        if task is not None:
            status = task_status(task, year, quarter, profile, rng)
            sheet.cell(row, 6).value = status
            sheet.cell(row, 7).value = NOTES[status]
            sheet.cell(row, 8).value = EVIDENCE.get(status)
    indicators = {i.target_id: i for i in catalog.indicators}
    sheet = book[INDICATOR_SHEET]
    for row in range(3, sheet.max_row + 1):
        ind = indicators.get(sheet.cell(row, 12).value)
        if ind is not None:
            _fill_indicator(sheet, row, ind, profile, rng)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def task_status(
    task: CatalogTask, year: int, quarter: int, profile: UnitProfile, rng: random.Random
) -> str:
    """The status a unit reports: ongoing tasks mostly 长期推进; dated tasks move from 未启动 to
    推进中 to 已完成 around their deadline, 滞后 once past it."""
    if task.ongoing or task.deadline is None:
        if rng.random() < profile.diligence:
            return "长期推进"
        return "推进中" if rng.random() < 0.5 else "滞后"
    deadline_year = year if task.recurring == "year" else task.deadline.year
    due = period_index(deadline_year, (task.deadline.month - 1) // 3 + 1)
    key = (task.task_id, deadline_year)
    if key not in profile.finish:
        draw = rng.random()
        late = 1 + int(rng.random() * 3)
        offset = -1 if draw < 0.15 else 0 if draw < profile.diligence else late
        profile.finish[key] = due + offset
    now = period_index(year, quarter)
    if now >= profile.finish[key]:
        return "已完成"
    if now > due:
        return "滞后"
    return "推进中" if now >= due - 2 else "未启动"


def _fill_indicator(
    sheet, row: int, ind: CatalogIndicator, profile: UnitProfile, rng: random.Random
) -> None:
    """分子/分母 for rates, 实际值 otherwise: mostly meeting the target, as diligent as the unit."""
    meets = rng.random() < profile.diligence
    high = ind.comparator in (">=", ">")
    if ind.is_rate:
        denominator = rng.randint(4, 30)
        sheet.cell(row, 6).value = _numerator(denominator, ind.value, high, meets, rng)
        sheet.cell(row, 8).value = denominator
    elif ind.unit in TIME_UNITS:  # a limit ("不超过3个工作日"): the quarter's figure
        factor = rng.uniform(0.5, 1.0) if meets == (not high) else rng.uniform(1.1, 1.5)
        sheet.cell(row, 9).value = round(ind.value * factor, 1)
    else:  # counts and hours, summed over the year: about a quarter's share of the target
        share = math.ceil(ind.value / 4 if ind.per != "quarter" else ind.value)
        sheet.cell(row, 9).value = rng.randint(share, share + 1) if meets else rng.randint(0, share)


def _numerator(denominator: int, target: float, high: bool, meets: bool, rng) -> int:
    """A numerator whose rate meets (or misses) a percentage target."""
    if high:
        rate = rng.uniform(target, 100) if meets else rng.uniform(max(0, target - 15), target)
    else:
        rate = rng.uniform(0, target) if meets else rng.uniform(target, min(100, target + 10))
    numerator = min(denominator, max(0, round(denominator * rate / 100)))
    if meets and high:  # rounding down must not turn a met target into a miss
        numerator = max(numerator, math.ceil(denominator * target / 100 - 1e-9))
    return min(numerator, denominator)
