"""The one-sentence takeaways (要点) of a briefing, computed from the figures of the views: pure
functions of plain values and small frames, so each wording is tested by hand. Rates are shown
with one decimal and %, counts whole; a change is in percentage points (提高/下降/持平), and left
out when there is no previous quarter."""

from __future__ import annotations

import polars as pl

MAX_NAMES = 3  # names listed in a sentence before "等"


def pct(rate: float | None) -> str:
    """0.705 -> "70.5%" (as on screen)."""
    return "—" if rate is None else f"{rate * 100:.1f}%"


def change_in_points(now: float | None, before: float | None) -> str | None:
    """ "提高8.2个百分点" / "下降3.0个百分点" / "持平"; None without both rates."""
    if now is None or before is None:
        return None
    change = round((now - before) * 100, 1)
    if change == 0:
        return "持平"
    return f"{'提高' if change > 0 else '下降'}{abs(change):.1f}个百分点"


def change_in_count(now: int | None, before: int | None, unit: str) -> str | None:
    """ "增加2项" / "减少1个" / "持平"; None without both counts."""
    if now is None or before is None:
        return None
    if now == before:
        return "持平"
    return f"{'增加' if now > before else '减少'}{abs(now - before)}{unit}"


def versus_last_quarter(change: str | None) -> str:
    """The clause appended to a sentence: "，较上季度提高8.2个百分点", or nothing."""
    return f"，较上季度{change}" if change else ""


def names(items: list[str], limit: int = MAX_NAMES) -> str:
    """ "A、B、C" or "A、B、C等5个" past the limit."""
    if len(items) <= limit:
        return "、".join(items)
    return "、".join(items[:limit]) + f"等{len(items)}个"


def completion(
    label: str,
    done: int,
    total: int,
    rate: float | None,
    prev_rate: float | None,
    who: str = "",
) -> str:
    """截至2026年第2季度，已到期任务44项，已完成31项，完成率70.5%，较上季度提高8.2个百分点。
    `who`: the unit or action the figures are of, named after the period."""
    if not total:
        return f"截至{label}，{who}尚无到期任务。"
    change = versus_last_quarter(change_in_points(rate, prev_rate))
    return f"截至{label}，{who}已到期任务{total}项，已完成{done}项，完成率{pct(rate)}{change}。"


def trend(rows: pl.DataFrame) -> str:
    """The quarters so far (period_label, completion_rate, attainment_rate), first to last."""
    if rows.is_empty():
        return "本计划尚无季度数据。"
    first, last = rows.row(0, named=True), rows.row(-1, named=True)
    if rows.height == 1:
        return (
            f"{last['period_label']}是本计划的第一个季度，任务完成率{_rate(last['completion_rate'])}，"
            f"指标达标率{_rate(last['attainment_rate'])}。"
        )
    return (
        f"{first['period_label']}至{last['period_label']}，任务完成率由"
        f"{_rate(first['completion_rate'])}变为{_rate(last['completion_rate'])}，指标达标率由"
        f"{_rate(first['attainment_rate'])}变为{_rate(last['attainment_rate'])}。"
    )


def _rate(rate: float | None) -> str:
    return "无数据" if rate is None else pct(rate)


def extremes(rows: pl.DataFrame, name: str, rate: str, what: str) -> str:
    """各行动中，完成率最低的是（二）…（25.0%），最高的是（六）…（100.0%）。 Rows without a rate (nothing
    due) are left out; ties are named together."""
    rated = rows.filter(pl.col(rate).is_not_null())
    if rated.is_empty():
        return f"各{what}尚无到期任务。" if rows.height else f"本期没有{what}数据。"
    low, high = rated[rate].min(), rated[rate].max()
    if low == high:
        return f"{rated.height}个{what}的任务完成率均为{pct(low)}。"
    lowest = rated.filter(pl.col(rate) == low)[name].to_list()
    highest = rated.filter(pl.col(rate) == high)[name].to_list()
    return (
        f"各{what}中，任务完成率最低的是{names(lowest)}（{pct(low)}），"
        f"最高的是{names(highest)}（{pct(high)}）。"
    )


def units(rows: pl.DataFrame) -> str:
    """10个单位中，1个单位已到期任务全部完成；完成率最低的是A、B（均为0.0%）。"""
    rated = rows.filter(pl.col("completion_rate").is_not_null())
    if rated.is_empty():
        return "各单位尚无到期任务。" if rows.height else "本期没有承担任务的单位。"
    full = rated.filter(pl.col("completion_rate") >= 1).height
    low = rated["completion_rate"].min()
    head = f"{rows.height}个单位中，{full}个单位已到期任务全部完成"
    if low >= 1:
        return head + "。"
    lowest = rated.filter(pl.col("completion_rate") == low)["unit"].to_list()
    each = "均为" if len(lowest) > 1 else ""
    return head + f"；完成率最低的是{names(lowest)}（{each}{pct(low)}）。"


def indicators(rows: pl.DataFrame, below: pl.DataFrame, no_data: int, region: str = "全县") -> str:
    """按全县本年累计，22个指标中3个未达标，其中：A、B、C；另有2个尚无数据。 `rows`: the indicators
    assessed this period; `below`: those not met (column 指标)."""
    if rows.is_empty():
        return "本期没有需要考核的指标。"
    tail = f"；另有{no_data}个尚无数据" if no_data else ""
    if below.is_empty():
        assessed = rows.height - no_data
        if not assessed:
            return f"{rows.height}个指标本年均尚无数据。"
        return f"按{region}本年累计，有数据的{assessed}个指标均已达标{tail}。"
    return (
        f"按{region}本年累计，{rows.height}个指标中{below.height}个未达标，"
        f"其中：{names(below['指标'].to_list())}{tail}。"
    )


def unit_indicators(rows: pl.DataFrame) -> str:
    """One unit's indicators (指标, 是否达标 as 达标/未达标/无数据)."""
    if rows.is_empty():
        return "本单位没有需要报送的指标。"
    below = rows.filter(pl.col("是否达标") == "未达标")["指标"].to_list()
    missing = rows.filter(pl.col("是否达标") == "无数据").height
    tail = f"；另有{missing}个尚无数据" if missing else ""
    if not below:
        return f"{rows.height}个指标中没有未达标的{tail}。"
    return f"{rows.height}个指标中{len(below)}个未达标，其中：{names(below)}{tail}。"


def overdue(rows: pl.DataFrame) -> str:
    """逾期任务5项，逾期最久的是第11项“编制决策事项目录”（完成时限2026-03-31，未完成单位：A）。
    `rows` oldest deadline first (编号, 任务, 完成时限, 未完成单位 when known)."""
    if rows.is_empty():
        return "没有逾期任务。"
    oldest = rows.row(0, named=True)
    who = f"，未完成单位：{oldest['未完成单位']}" if oldest.get("未完成单位") else ""
    return (
        f"逾期任务{rows.height}项，逾期最久的是第{oldest['编号']}项“{oldest['任务']}”"
        f"（完成时限{oldest['完成时限']}{who}）。"
    )


def unreported(label: str, missing: list[str], expected: int, on_time: int) -> str:
    """3个单位未报送2026年第3季度进展：A、B、C。 / 各单位均已按时报送。"""
    if missing:
        return f"应报送的{expected}个单位中，{len(missing)}个单位未报送{label}进展：{names(missing, 8)}。"
    if not expected:
        return "本期没有需要报送的单位。"
    late = expected - on_time
    if late > 0:
        return f"各单位均已报送{label}进展，其中{late}个单位逾期报送。"
    return "各单位均已按时报送。"


def action_lagging(rows: pl.DataFrame) -> str:
    """滞后单位 of one action (单位, 滞后任务)."""
    if rows.is_empty():
        return "本行动没有滞后单位。"
    first = rows.row(0, named=True)
    return f"{rows.height}个单位有滞后任务，滞后最多的是{first['单位']}（{first['滞后任务']}项）。"


def tasks_list(rows: pl.DataFrame, what: str) -> str:
    """任务清单: how many, how many done, behind, overdue (column 判定)."""
    if rows.is_empty():
        return f"{what}没有任务。"
    counts = rows["判定"].value_counts()
    count = dict(zip(counts["判定"], counts["count"], strict=True))
    parts = [f"{what}共{rows.height}项任务"]
    parts += [f"{state}{count[state]}项" for state in STATES if count.get(state)]
    return "，".join(parts) + "。"


STATES = ("已完成/按进度", "滞后", "逾期", "未到期")
