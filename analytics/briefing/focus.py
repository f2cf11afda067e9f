"""Briefings on one unit (单位) or one action (行动) of a plan: its headline figures, its trend, its
tasks, and its indicators and overdue tasks (a unit) or its lagging units (an action)."""

from __future__ import annotations

import datetime
import re

import duckdb
import polars as pl

from analytics import plan_data, scorecards
from analytics.briefing import takeaways as say
from analytics.briefing.content import (
    ROLES,
    BriefingError,
    _amount,
    _goal,
    _label,
    _tile,
    _trend,
    plan_title,
    quarter_rows,
)
from analytics.briefing.model import Briefing, Section


def _state() -> pl.Expr:
    """判定, as on the 按单位 and 按行动 pages."""
    return (
        pl.when(pl.col("overdue"))
        .then(pl.lit("逾期"))
        .when(pl.col("completed"))
        .then(pl.lit("已完成/按进度"))
        .when(pl.col("due"))
        .then(pl.lit("滞后"))
        .otherwise(pl.lit("未到期"))
    )


def _deadline() -> pl.Expr:
    return (
        pl.when(pl.col("ongoing"))
        .then(pl.lit("长期"))
        .otherwise(pl.col("deadline").cast(pl.Utf8))
        .fill_null("—")
    )


def _summary(label: str, now: dict, before: dict | None, who: str) -> Section:
    """The opening section of a unit's or an action's briefing: completion with its change,
    and the tiles."""
    return Section(
        "summary",
        "总体情况",
        say.completion(
            label,
            now["tasks_completed"],
            now["tasks_total"],
            now["completion_rate"],
            (before or {}).get("completion_rate"),
            who=who,
        ),
        tiles=_tiles(now, before, ("behind_tasks", "滞后任务")),
    )


def _tiles(now: dict, before: dict | None, fourth: tuple[str, str]) -> list:
    prev, known = before or {}, before is not None
    column, label = fourth
    return [
        _tile("任务完成率", now["completion_rate"], prev.get("completion_rate"), "%", known),
        _tile("指标达标率", now["attainment_rate"], prev.get("attainment_rate"), "%", known),
        _tile("逾期任务", now["overdue_tasks"], prev.get("overdue_tasks"), "项", known),
        _tile(label, now[column], prev.get(column), "项", known),
    ]


def _rows_at(frame: pl.DataFrame, period: int) -> tuple[dict, dict | None]:
    now = frame.filter(pl.col("period_index") == period).row(0, named=True)
    before = frame.filter(pl.col("period_index") == period - 1)
    return now, before.row(0, named=True) if before.height else None


# ------------------------------------------------------------------------------------ one unit


def unit_briefing(
    con: duckdb.DuckDBPyConnection,
    plan_id: int,
    year: int,
    quarter: int,
    unit: str,
    today: datetime.date,
) -> Briefing:
    title = plan_title(con, plan_id)
    _, plan_now, _ = quarter_rows(con, plan_id, year, quarter)
    period, label = plan_now["period_index"], _label(plan_now, today)
    unit_id = _unit_id(con, plan_id, period, unit, title)
    trend = scorecards.unit_trend(con, plan_id, unit_id)
    now, before = _rows_at(trend, period)
    summary = _summary(label, now, before, unit)
    tasks = scorecards.unit_tasks(con, plan_id, unit_id, period)
    sections = [
        summary,
        _trend(trend, period, "逐季度任务完成率与指标达标率"),
        _unit_tasks(tasks, unit),
        _unit_indicators(scorecards.unit_indicators(con, plan_id, unit_id, period)),
        _unit_overdue(tasks),
    ]
    return Briefing(title, unit, label, today, sections)


def _unit_id(con, plan_id: int, period: int, unit: str, title: str) -> int:
    units = scorecards.unit_scores(con, plan_id, period)
    found = units.filter(pl.col("unit") == unit.strip())
    if found.height:
        return found["unit_id"][0]
    if unit.strip() in plan_data.unit_names(con):
        raise BriefingError(f"单位「{unit}」在计划《{title}》中没有牵头或负责的任务")
    choices = "、".join(units.sort("unit")["unit"].to_list()[:12])
    raise BriefingError(f"没有名为「{unit}」的单位（本计划的单位：{choices}）")


def _unit_tasks(tasks: pl.DataFrame, unit: str) -> Section:
    table = tasks.select(
        pl.col("role").replace_strict(ROLES, default="").alias("角色"),
        pl.col("task_number").alias("编号"),
        pl.col("task_title").alias("任务"),
        _deadline().alias("完成时限"),
        pl.col("status").alias("报送状态"),
        _state().alias("判定"),
    )
    return Section(
        "tasks", "任务清单", say.tasks_list(table, unit), table=table, empty="本单位没有任务。"
    )


def _unit_indicators(indicators: pl.DataFrame) -> Section:
    met = (
        pl.when(pl.col("met").is_null())
        .then(pl.lit("无数据"))
        .when(pl.col("met"))
        .then(pl.lit("达标"))
        .otherwise(pl.lit("未达标"))
    )
    rows = indicators.iter_rows(named=True)
    shown = [
        (
            _goal(r["comparator"], r["target"], r["measure_unit"]),
            _amount(r["actual"], r["measure_unit"]),
        )
        for r in rows
    ]
    table = indicators.select(
        pl.col("task_number").alias("任务编号"),
        pl.col("indicator").alias("指标"),
        pl.Series("目标", [g for g, _ in shown], dtype=pl.Utf8),
        pl.Series("本年累计", [a for _, a in shown], dtype=pl.Utf8),
        met.alias("是否达标"),
    )
    return Section(
        "indicators",
        "指标",
        say.unit_indicators(table),
        table=table,
        empty="本单位没有需要报送的指标。",
    )


def _unit_overdue(tasks: pl.DataFrame) -> Section:
    table = (
        tasks.filter(pl.col("overdue"))
        .sort("deadline", maintain_order=True)
        .select(
            pl.col("task_number").alias("编号"),
            pl.col("task_title").alias("任务"),
            pl.col("deadline").alias("完成时限"),
            pl.col("role").replace_strict(ROLES, default="").alias("角色"),
            pl.col("status").alias("报送状态"),
        )
    )
    return Section("overdue", "逾期任务", say.overdue(table), table=table, empty="没有逾期任务。")


# ---------------------------------------------------------------------------------- one action


def action_code_key(code: str) -> str:
    """ "(一)", "（一）", "一" and " ( 一 ) " all match the same action."""
    return re.sub(r"[\s()（）、.．]", "", code)


def action_briefing(
    con: duckdb.DuckDBPyConnection,
    plan_id: int,
    year: int,
    quarter: int,
    action: str,
    today: datetime.date,
) -> Briefing:
    title = plan_title(con, plan_id)
    plan_trend, plan_now, _ = quarter_rows(con, plan_id, year, quarter)
    period, label = plan_now["period_index"], _label(plan_now, today)
    row = _action_row(con, plan_id, period, action, title)
    action_id, name = row["action_id"], row["action_code"] + row["action_title"]
    trend = _action_trend(con, plan_id, action_id, plan_trend, period)
    now, before = _rows_at(trend, period)
    summary = _summary(label, now, before, name)
    sections = [
        summary,
        _trend(trend, period, "逐季度任务完成率与指标达标率"),
        _action_tasks(scorecards.action_tasks(con, action_id, period), name),
        _lagging(scorecards.lagging_units(con, action_id, period)),
    ]
    return Briefing(title, name, label, today, sections)


def _action_row(con, plan_id: int, period: int, action: str, title: str) -> dict:
    actions = scorecards.action_scores(con, plan_id, period)
    key = action_code_key(action)
    for row in actions.iter_rows(named=True):
        if key and action_code_key(row["action_code"]) == key:
            return row
    codes = "、".join(actions["action_code"].to_list())
    raise BriefingError(f"计划《{title}》没有编号为「{action}」的行动（可选：{codes}）")


def _action_trend(con, plan_id: int, action_id: int, plan_trend: pl.DataFrame, period: int):
    """The action's row of v_action_scorecard for each quarter of the plan up to the period."""
    frames = [
        scorecards.action_scores(con, plan_id, p).filter(pl.col("action_id") == action_id)
        for p in plan_trend.filter(pl.col("period_index") <= period)["period_index"]
    ]
    return pl.concat(frames, how="diagonal_relaxed").sort("period_index")


def _action_tasks(tasks: pl.DataFrame, name: str) -> Section:
    table = tasks.select(
        pl.col("task_number").alias("编号"),
        pl.col("task_title").alias("任务"),
        _deadline().alias("完成时限"),
        _state().alias("判定"),
        (
            pl.col("owner_units_completed").cast(pl.Utf8)
            + "/"
            + pl.col("owner_units").cast(pl.Utf8)
        ).alias("已完成单位/责任单位"),
        pl.col("units_behind").alias("滞后单位"),
    )
    return Section(
        "tasks", "任务清单", say.tasks_list(table, "本行动"), table=table, empty="本行动没有任务。"
    )


def _lagging(lagging: pl.DataFrame) -> Section:
    table = lagging.select(
        pl.col("unit").alias("单位"),
        pl.col("behind_tasks").alias("滞后任务"),
        pl.col("overdue_tasks").alias("逾期任务"),
        pl.col("due_tasks").alias("已到期任务"),
    )
    return Section(
        "lagging", "滞后单位", say.action_lagging(table), table=table, empty="本行动没有滞后单位。"
    )
