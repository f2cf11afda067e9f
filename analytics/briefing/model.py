"""What a briefing (汇报材料) holds, whatever file it ends up in: a title page and sections, each
with its one-sentence takeaway (要点) and a chart, a table, headline tiles or a note saying it is
empty. The deck, the Word report and the workbook are three renderings of the same Briefing."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import polars as pl

EMPTY_CELL = "—"


@dataclass(frozen=True)
class Tile:
    """One headline figure: 任务完成率 70.5%, with last quarter's and the change since."""

    label: str
    value: float | int | None  # a rate as a fraction, or a count
    previous: float | int | None
    unit: str  # "%" for a rate, else the counting word: "项", "个"
    change: str  # "较上季度提高8.2个百分点", "较上季度持平", "上季度无可比数据"

    @property
    def is_rate(self) -> bool:
        return self.unit == "%"

    def shown(self, value: float | int | None) -> str:
        if value is None:
            return EMPTY_CELL
        return f"{value * 100:.1f}%" if self.is_rate else f"{value}{self.unit}"


@dataclass(frozen=True)
class Figure:
    """A chart's data: `kind` "bars" (name, rate: one bar per row, in order) or "trend"
    (period_label, completion_rate, attainment_rate: a line per rate)."""

    kind: str
    data: pl.DataFrame


@dataclass
class Section:
    """One slide (or several, when long), one Word section, one Excel sheet."""

    key: str  # stable identifier: "summary", "trend", "actions", …
    title: str  # "各行动任务完成率"
    takeaway: str  # the one-sentence 要点, computed from the figures
    table: pl.DataFrame | None = None  # Chinese headers, typed values (rates as fractions)
    percent: frozenset[str] = frozenset()  # columns holding rates (fractions shown as 0.0%)
    points: frozenset[str] = frozenset()  # columns holding changes in percentage points
    figure: Figure | None = None  # a deck shows the chart alone; Word and Excel add the table
    tiles: list[Tile] = field(default_factory=list)
    empty: str | None = None  # said instead of the table when there is nothing to list

    @property
    def has_rows(self) -> bool:
        return self.table is not None and self.table.height > 0


@dataclass
class Briefing:
    """A whole briefing: for the plan, one unit (单位) or one action (行动), as of one quarter."""

    title: str  # "青禾县2026年法治政府建设实施方案"
    subject: str  # the region (全县, 全市 … plan_data.region_word) / the unit's / the action's name
    period_label: str  # as shown on screen, （进行中） while the quarter is under way
    made_on: datetime.date
    sections: list[Section]
    whole: bool = False  # the whole plan (subject is then the region word)

    @property
    def heading(self) -> str:
        """The deck's and the report's title line."""
        scope = "" if self.whole else self.subject
        return f"{scope}{self.period_label}推进情况汇报"

    @property
    def made_on_text(self) -> str:
        d = self.made_on
        return f"{d.year}年{d.month}月{d.day}日"

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)


def cell_text(value: object, percent: bool = False, points: bool = False) -> str:
    """A value as read in a slide or Word table: rates 70.5%, changes +8.2, counts whole, dates
    2026-03-31, yes/no 是/否; nothing (None, NaN) as —, never "None" or "nan"."""
    if value is None or (isinstance(value, float) and value != value):
        return EMPTY_CELL
    if isinstance(value, bool):
        return "是" if value else "否"
    if percent and isinstance(value, int | float):
        return f"{value * 100:.1f}%"
    if points and isinstance(value, int | float):
        return "持平" if round(value, 1) == 0 else f"{value:+.1f}"
    if isinstance(value, float):
        return f"{value:.1f}" if value != int(value) else str(int(value))
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)
