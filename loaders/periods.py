"""Reporting periods (年度 × 季度) in Python, the same formulas as the period macros of
sql/05_macros.sql (tests/test_views.py checks that both agree)."""

from __future__ import annotations

import datetime


def period_index(year: int, quarter: int) -> int:
    """An index that orders quarters across years (year × 4 + quarter − 1)."""
    return year * 4 + quarter - 1


def period_label(year: int, quarter: int) -> str:
    """The label shown everywhere: "2025年第1季度"."""
    return f"{year}年第{quarter}季度"


def period_text(year: int | None, quarter: int | None) -> str:
    """A period as far as it is known: "2025年第1季度", "2025年", "第1季度"."""
    if year is not None and quarter is not None:
        return period_label(year, quarter)
    return f"{year}年" if year is not None else f"第{quarter}季度"


def report_due(year: int, quarter: int) -> datetime.date:
    """报送截止: the 10th day of the month after the quarter ends (Q4 -> 10 January next year)."""
    if quarter == 4:
        return datetime.date(year + 1, 1, 10)
    return datetime.date(year, quarter * 3 + 1, 10)


def last_ended_quarter(today: datetime.date) -> tuple[int, int]:
    """The quarter being reported on: the last one that has ended (in November: the third)."""
    quarter = (today.month - 1) // 3
    return (today.year, quarter) if quarter else (today.year - 1, 4)


UNDER_WAY = "（进行中）"


def period_under_way(today: datetime.date) -> int:
    """The period_index of the quarter that contains `today` (not over yet: figures incomplete)."""
    return period_index(today.year, (today.month - 1) // 3 + 1)


def shown_label(year: int, quarter: int, today: datetime.date) -> str:
    """The period's label, marked （进行中） while the quarter is under way."""
    label = period_label(year, quarter)
    return label + UNDER_WAY if period_index(year, quarter) == period_under_way(today) else label
