"""How figures read on screen and in exports: rates as percentages, changes in percentage points
and counts."""

from __future__ import annotations


def pct(value: float | None, digits: int = 1) -> str:
    """0.853 -> "85.3%"; None -> "—"."""
    return "—" if value is None else f"{value * 100:.{digits}f}%"


def points(now: float | None, before: float | None) -> str | None:
    """Change of a rate in percentage points, for st.metric's delta ("+5.0个百分点")."""
    if now is None or before is None:
        return None
    change = round((now - before) * 100, 1)
    return "持平" if change == 0 else f"{change:+.1f}个百分点"


def count_change(now: int | None, before: int | None, unit: str) -> str | None:
    if now is None or before is None:
        return None
    return "持平" if now == before else f"{now - before:+d}{unit}"


def measure(value: float | None, unit: str = "") -> str:
    """A measured value with its unit as people write it: counts whole ("5次", never "5.00次"),
    rates to 0.1 ("92.3%"), other values to at most 2 decimals without trailing zeros; None -> "—"."""
    if value is None or value != value:
        return "—"
    if unit in ("%", "％"):
        return f"{value:.1f}%"
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return f"{'0' if text == '-0' else text}{unit}"
