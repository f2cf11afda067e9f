"""Checks of the figures of one indicator row (指标数据): 分子、分母 and 实际值 against the
indicator (rate, count or value); see loaders.progress.sheet for how rates are read.

- Rates (%): 分子 and 分母 as whole numbers (分子 ≤ 分母), or 实际值 alone, 0 to 100.
- Counts (次, 件, 期 …) and other amounts (学时, 个工作日 …): the figure in 实际值, or in the
  分子 column (完成数) with 分母 left empty, as people type it; a 分母 is an error (the figure
  would be ambiguous); 分子 and 实际值 both given must agree.
- Every figure is a finite number (NaN and INF are not), not negative, and at most MAX_FIGURE.

Messages name each column by the header text of the sheet ("完成数"), never by a field name.
"""

from __future__ import annotations

from typing import Protocol

from loaders.progress.catalog import CatalogIndicator
from loaders.progress.values import (
    PLACEHOLDERS,
    Labels,
    Sheet,
    cell_text,
    format_number,
    parse_number,
)

COUNT_UNITS = frozenset("次 件 个 名 人 期 家 场 项 篇 条 份 起 人次 批 场次 所 户 部".split())
MAX_FIGURE = 1e9  # no quarter's count, case total or value reaches a billion


class RowSheet(Protocol):
    """What Figures needs from the sheet reader: labels, messages, columns and cells."""

    cols: dict[str, int]
    labels: Labels
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

    def problem(self, text: str) -> None:
        self.ok = False
        self.sheet.error(self.where, text)

    def check(self, num_raw, den_raw, act_raw) -> tuple[float | None, ...] | None:
        """(numerator, denominator, actual), or None after reporting what is wrong."""
        if self.ind is not None and not self.ind.is_rate:
            return self.amount(num_raw, den_raw, act_raw, self.ind)
        label = self.sheet.label
        numerator = self.whole("numerator", num_raw, f"不大于{label('denominator')}的非负整数")
        denominator = self.whole("denominator", den_raw, f"不小于{label('numerator')}的非负整数")
        if (num_raw == "") != (den_raw == "") and self.ok and self.ind is not None:
            given, missing = (
                ("numerator", "denominator") if den_raw == "" else ("denominator", "numerator")
            )
            self.problem(
                f"已填写{label(given)}但未填写{label(missing)}：比率类指标请同时填写"
                f"{label('numerator')}和{label('denominator')}{self.or_actual()}"
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
            actual = self.rate(act_raw)
        return (numerator, denominator, actual) if self.ok else None

    def or_actual(self) -> str:
        """ "，或只填写「实际值」" when the sheet has a column for it."""
        return f"，或只填写{self.sheet.label('actual')}" if "actual" in self.sheet.cols else ""

    def amount(self, num_raw, den_raw, act_raw, ind: CatalogIndicator) -> tuple | None:
        """A count or other amount: in 实际值, or in the 分子 column with 分母 empty."""
        label = self.sheet.label
        what = f"以「{ind.unit}」计的指标「{ind.indicator}」"
        if den_raw != "":
            columns = [label(f) for f in ("numerator", "actual") if f in self.sheet.cols]
            self.problem(
                f"{label('denominator')}不适用于{what}：请只在{'或'.join(columns)}填写完成的"
                f"数量，{label('denominator')}留空"
            )
            return None
        count = self.plain("numerator", num_raw, ind) if num_raw != "" else None
        actual = self.plain("actual", act_raw, ind) if act_raw != "" else None
        if not self.ok:
            return None
        if count is not None and actual is not None and count != actual:
            self.problem(
                f"{label('numerator')}为{format_number(count)}、{label('actual')}为"
                f"{format_number(actual)}，两者不一致：{what}只需填写其中一列"
            )
            return None
        return None, None, actual if actual is not None else count

    def whole(self, field: str, raw: object, expected: str) -> float | None:
        number = parse_number(raw) if raw != "" else None
        if raw != "" and (
            number is None
            or number.percent
            or not _whole(number.value)
            or number.value > MAX_FIGURE
        ):
            self.fail(field, expected, raw, _why(number))
            return None
        return number.value if number else None

    def rate(self, raw: object) -> float | None:
        number = parse_number(raw)
        if number is None:
            self.fail("actual", "数字（比率如98.5或98.5%）", raw)
            return None
        value, shown = number.value, raw
        if not number.percent and isinstance(raw, float) and self.percent_cell("actual"):
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

    def plain(self, field: str, raw: object, ind: CatalogIndicator) -> float | None:
        counted = ind.unit in COUNT_UNITS
        expected = "非负整数" if counted else "不小于0的数字"
        number = parse_number(raw, ind.unit)
        if number is not None and (
            number.percent or isinstance(raw, float) and self.percent_cell(field)
        ):
            shown = raw if number.percent else f"{format_number(number.value * 100)}%"
            self.fail(field, f"{expected}（本指标以「{ind.unit}」计，不是百分数）", shown)
            return None
        if (
            number is None
            or number.value < 0
            or (counted and not number.value.is_integer())
            or number.value > MAX_FIGURE
        ):
            self.fail(field, expected, raw, _why(number))
            return None
        return number.value

    def percent_cell(self, field: str) -> bool:
        col = self.sheet.cols.get(field)
        return (self.where[2] - 1, col) in self.sheet.sheet.percent_cells()


def _why(number) -> str:
    """Why a number that parsed is still refused: too large to be a figure."""
    if number is not None and number.value > MAX_FIGURE:
        return "（数值过大，请核对）"
    return ""


def blank(value: object) -> bool:
    """An empty cell or a placeholder ("—", "/", "无")."""
    text = cell_text(value) if isinstance(value, str) else value
    return text == "" or text in PLACEHOLDERS


def _whole(value: float) -> bool:
    return value >= 0 and value.is_integer()


def _high(ind: CatalogIndicator) -> bool:
    """A rate meant to be high ("≥ 90%"): a figure of at most 1 is then a fraction."""
    return ind.comparator in (">=", ">", "=") and ind.value >= 50
