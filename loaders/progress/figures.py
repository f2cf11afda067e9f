"""Checks of the figures of one indicator row (指标数据): 分子、分母 and 实际值 against the
indicator (rate, count or value); see loaders.progress.sheet for how rates are read.
"""

from __future__ import annotations

from typing import Protocol

from loaders.progress.catalog import CatalogIndicator
from loaders.progress.values import PLACEHOLDERS, Sheet, cell_text, format_number, parse_number

COUNT_UNITS = frozenset("次 件 个 名 人 期 家 场 项 篇 条 份 起 人次 批 场次 所 户 部".split())


class RowSheet(Protocol):
    """What Figures needs from the sheet reader: labels, messages, columns and cells."""

    cols: dict[str, int]
    sheet: Sheet
    warnings: list[str]

    def label(self, field: str) -> str: ...

    def error(self, where: tuple, text: str) -> None: ...


class Figures:
    """分子/分母/实际值 of one row, checked against its indicator (None when unknown)."""

    def __init__(self, sheet: RowSheet, where: tuple, indicator: CatalogIndicator | None):
        self.sheet, self.where, self.ind, self.ok = sheet, where, indicator, True

    def fail(self, field: str, expected: str, raw: object, extra: str = "") -> None:
        self.ok = False
        shown = raw if isinstance(raw, str) else cell_text(raw)
        self.sheet.error(
            self.where, f'{self.sheet.label(field)}应为{expected}，实际为"{shown}"{extra}'
        )

    def check(self, num_raw, den_raw, act_raw) -> tuple[float | None, ...] | None:
        """(numerator, denominator, actual), or None after reporting what is wrong."""
        label = self.sheet.label
        if self.ind is not None and not self.ind.is_rate and (num_raw != "" or den_raw != ""):
            self.sheet.error(
                self.where,
                f"{label('numerator')}{label('denominator')}不适用于以"
                f"「{self.ind.unit}」计的指标「{self.ind.indicator}」，请只填写{label('actual')}",
            )
            return None
        numerator = self.whole("numerator", num_raw, f"不大于{label('denominator')}的非负整数")
        denominator = self.whole("denominator", den_raw, f"不小于{label('numerator')}的非负整数")
        if (num_raw == "") != (den_raw == "") and self.ok:
            given, missing = (
                ("numerator", "denominator") if den_raw == "" else ("denominator", "numerator")
            )
            self.ok = False
            self.sheet.error(
                self.where,
                f"已填写{label(given)}但未填写{label(missing)}："
                f"请同时填写分子和分母，或只填写{label('actual')}",
            )
        elif numerator is not None and denominator is not None and numerator > denominator:
            extra = f"（{label('numerator')}为{format_number(numerator)}）"
            self.fail("denominator", f"不小于{label('numerator')}的非负整数", den_raw, extra)
        actual = None
        if act_raw == "":
            pass
        elif self.ind is None:  # unknown indicator (already reported): is it a number at all?
            if parse_number(act_raw) is None:
                self.fail("actual", "数字", act_raw)
        else:
            actual = self.rate(act_raw) if self.ind.is_rate else self.plain(act_raw, self.ind)
        return (numerator, denominator, actual) if self.ok else None

    def whole(self, field: str, raw: object, expected: str) -> float | None:
        number = parse_number(raw) if raw != "" else None
        if raw != "" and (number is None or number.percent or not _whole(number.value)):
            self.fail(field, expected, raw)
            return None
        return number.value if number else None

    def rate(self, raw: object) -> float | None:
        number = parse_number(raw)
        if number is None:
            self.fail("actual", "数字（比率如98.5或98.5%）", raw)
            return None
        value, shown = number.value, raw
        if not number.percent and isinstance(raw, float) and self.percent_cell():
            value = round(value * 100, 10)
            shown = f"{format_number(value)}%"
        elif not number.percent and 0 < value <= 1 and _high(self.ind):
            value = round(value * 100, 10)
            self.sheet.warnings.append(
                f"「{self.where[0]}」第{self.where[2]}行{self.sheet.label('actual')}"
                f"{format_number(number.value)}按{format_number(value)}%读取"
            )
        if not 0 <= value <= 100:
            self.fail("actual", "0至100之间的百分数（如98.5或98.5%）", shown)
            return None
        return value

    def plain(self, raw: object, ind: CatalogIndicator) -> float | None:
        counted = ind.unit in COUNT_UNITS
        expected = "非负整数" if counted else "不小于0的数字"
        number = parse_number(raw, ind.unit)
        if number is not None and (
            number.percent or isinstance(raw, float) and self.percent_cell()
        ):
            shown = raw if number.percent else f"{format_number(number.value * 100)}%"
            self.fail("actual", f"{expected}（本指标以「{ind.unit}」计，不是百分数）", shown)
            return None
        if number is None or number.value < 0 or (counted and not number.value.is_integer()):
            self.fail("actual", expected, raw)
            return None
        return number.value

    def percent_cell(self) -> bool:
        col = self.sheet.cols.get("actual")
        return (self.where[2] - 1, col) in self.sheet.sheet.percent_cells()


def blank(value: object) -> bool:
    """An empty cell or a placeholder ("—", "/", "无")."""
    text = cell_text(value) if isinstance(value, str) else value
    return text == "" or text in PLACEHOLDERS


def _whole(value: float) -> bool:
    return value >= 0 and value.is_integer()


def _high(ind: CatalogIndicator) -> bool:
    """A rate meant to be high ("≥ 90%"): a figure of at most 1 is then a fraction."""
    return ind.comparator in (">=", ">", "=") and ind.value >= 50
