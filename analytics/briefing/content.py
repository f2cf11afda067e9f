"""The figures of a briefing, taken from the views through analytics.scorecards (the counting
rules live there and in sql/, never here): the plan as a whole, one unit or one action, as of one
quarter, each section with its takeaway."""

from __future__ import annotations

import datetime

import duckdb
import polars as pl

from analytics import charts, plan_data, scorecards
from analytics.briefing import takeaways as say
from analytics.briefing.model import Briefing, Figure, Section, Tile
from loaders.periods import period_index, period_label, shown_label
from ui.numbers import measure

ROLES = {"lead": "牵头", "responsible": "责任", "cooperating": "配合"}


class BriefingError(Exception):
    """The briefing cannot be made (no such plan, quarter, unit or action): a Chinese message."""


# ------------------------------------------------------------------------------------- choices


def plan_title(con: duckdb.DuckDBPyConnection, plan_id: int) -> str:
    plans = plan_data.list_plans(con, everything=True)
    found = plans.filter(pl.col("plan_id") == plan_id)
    if found.is_empty():
        raise BriefingError(f"没有编号为 {plan_id} 的计划")
    return found["title"][0]


def default_plan(con: duckdb.DuckDBPyConnection) -> int:
    """The current plan (pinned by the coordinator, else the most active)."""
    from loaders.storage.plan_admin import current_plan_id

    plan_id = current_plan_id(con)
    if plan_id is None:
        raise BriefingError("数据库中没有可汇报的计划（请先载入计划）")
    return plan_id


def quarter_rows(
    con: duckdb.DuckDBPyConnection, plan_id: int, year: int, quarter: int
) -> tuple[pl.DataFrame, dict, dict | None]:
    """The plan's trend, the chosen quarter's row and the previous quarter's (None if none)."""
    trend = scorecards.plan_trend(con, plan_id)
    period = period_index(year, quarter)
    now = trend.filter(pl.col("period_index") == period)
    if now.is_empty():
        title = plan_title(con, plan_id)
        if trend.is_empty():
            raise BriefingError(f"计划《{title}》尚无任何季度（未注明年度，也没有填报）")
        first, last = trend.row(0, named=True), trend.row(-1, named=True)
        raise BriefingError(
            f"计划《{title}》没有{period_label(year, quarter)}的数据"
            f"（可选：{first['period_label']}至{last['period_label']}）"
        )
    before = trend.filter(pl.col("period_index") == period - 1)
    return trend, now.row(0, named=True), before.row(0, named=True) if before.height else None


def _label(row: dict, today: datetime.date) -> str:
    return shown_label(row["year"], row["quarter"], today)


# ----------------------------------------------------------------------------------- the plan


def plan_briefing(
    con: duckdb.DuckDBPyConnection, plan_id: int, year: int, quarter: int, today: datetime.date
) -> Briefing:
    """The whole plan: tiles, trend, actions, units, indicators below target, overdue tasks and
    units not reporting."""
    title = plan_title(con, plan_id)
    trend, now, before = quarter_rows(con, plan_id, year, quarter)
    period, label = now["period_index"], _label(now, today)
    sections = [
        _summary(now, before, label),
        _trend(trend, period, "逐季度任务完成率与指标达标率"),
        _actions(scorecards.action_scores(con, plan_id, period)),
        _units(scorecards.unit_scores(con, plan_id, period)),
        _indicators(con, plan_id, period, plan_data.region_word(title)),
        _overdue(scorecards.overdue_tasks(con, plan_id, period)),
        _unreported(scorecards.unreported_units(con, plan_id, period), now, label),
    ]
    return Briefing(title, plan_data.region_word(title), label, today, sections, whole=True)


def _tile(label: str, now, before, unit: str, known: bool) -> Tile:
    if unit == "%":
        change = say.change_in_points(now, before)
    else:
        change = say.change_in_count(now, before, unit)
    if change:
        text = f"较上季度{change}"
    else:
        text = "上季度无数据" if known else "上季度无可比数据"
    return Tile(label, now, before, unit, text)


def _summary(now: dict, before: dict | None, label: str) -> Section:
    prev = before or {}
    known = before is not None
    missing = now["units_expected"] - now["units_reported"]
    prev_missing = prev["units_expected"] - prev["units_reported"] if known else None
    tiles = [
        _tile("任务完成率", now["completion_rate"], prev.get("completion_rate"), "%", known),
        _tile("指标达标率", now["attainment_rate"], prev.get("attainment_rate"), "%", known),
        _tile("逾期任务", now["overdue_tasks"], prev.get("overdue_tasks"), "项", known),
        _tile("未报送单位", missing, prev_missing, "个", known),
    ]
    sentence = say.completion(
        label,
        now["tasks_completed"],
        now["tasks_total"],
        now["completion_rate"],
        prev.get("completion_rate"),
    )
    return Section("summary", "总体情况", sentence, tiles=tiles)


def _trend(trend: pl.DataFrame, period: int, title: str) -> Section:
    """Quarters up to the chosen one, the one under way marked （进行中）."""
    rows = charts.up_to(trend, period)
    table = rows.select(
        pl.col("period_label").alias("季度"),
        pl.col("completion_rate").alias("任务完成率"),
        pl.col("attainment_rate").alias("指标达标率"),
        pl.col("tasks_completed").alias("已完成任务"),
        pl.col("tasks_total").alias("已到期任务"),
        pl.col("overdue_tasks").alias("逾期任务"),
    )
    figure = Figure("trend", rows.select("period_label", "completion_rate", "attainment_rate"))
    return Section(
        "trend",
        title,
        say.trend(rows),
        table=table,
        percent=frozenset({"任务完成率", "指标达标率"}),
        figure=figure,
        empty="本计划尚无季度数据。",
    )


def _points(rate: str, prev: str) -> pl.Expr:
    return ((pl.col(rate) - pl.col(prev)) * 100).round(1)


def _score_columns() -> list[pl.Expr]:
    """The figures of an action's or a unit's row, under the names the screen uses."""
    return [
        pl.col("completion_rate").alias("任务完成率"),
        pl.col("tasks_completed").alias("已完成"),
        pl.col("tasks_total").alias("已到期"),
        _points("completion_rate", "prev_completion_rate").alias("较上季度（百分点）"),
        pl.col("attainment_rate").alias("指标达标率"),
        pl.col("overdue_tasks").alias("逾期任务"),
    ]


def _actions(actions: pl.DataFrame) -> Section:
    rows = actions.with_columns(name=pl.col("action_code") + pl.col("action_title"))
    table = rows.select(
        pl.col("name").alias("行动"),
        *_score_columns(),
    )
    return Section(
        "actions",
        "各行动任务完成率",
        say.extremes(rows, "name", "completion_rate", "行动"),
        table=table,
        percent=frozenset({"任务完成率", "指标达标率"}),
        points=frozenset({"较上季度（百分点）"}),
        figure=Figure("bars", rows.select("name", pl.col("completion_rate").alias("rate"))),
        empty="本计划没有行动。",
    )


def _reporting() -> pl.Expr:
    return (
        pl.when(~pl.col("reported"))
        .then(pl.lit("未报送"))
        .when(pl.col("on_time"))
        .then(pl.lit("按时"))
        .otherwise(pl.lit("逾期报送"))
    )


def _units(units: pl.DataFrame) -> Section:
    """Units furthest behind first, as on screen."""
    table = units.select(
        pl.col("unit").alias("单位"),
        *_score_columns(),
        _reporting().alias("报送情况"),
    )
    return Section(
        "units",
        "各单位任务完成率",
        say.units(units),
        table=table,
        percent=frozenset({"任务完成率", "指标达标率"}),
        points=frozenset({"较上季度（百分点）"}),
        figure=Figure(
            "bars",
            units.select(pl.col("unit").alias("name"), pl.col("completion_rate").alias("rate")),
        ),
        empty="本计划没有承担任务的单位。",
    )


def _goal(comparator: str, target: float, unit: str) -> str:
    return f"{charts.SYMBOL.get(comparator, comparator)} {target:g}{unit}"


def _amount(value: float | None, unit: str) -> str:
    """A year-to-date figure as on screen (ui.numbers.measure: 96.3%, 5次, 3.9个工作日)."""
    return measure(value, unit or "")


def _indicators(
    con: duckdb.DuckDBPyConnection, plan_id: int, period: int, everyone: str
) -> Section:
    """Each task indicator for the whole region (units combined, year to date)."""
    rows = []
    for target in scorecards.plan_indicators(con, plan_id).iter_rows(named=True):
        region = scorecards.indicator_region(con, target["target_id"])
        found = region.filter(pl.col("period_index") == period)
        if found.height:
            rows.append({**target, **found.row(0, named=True)})
    frame = pl.DataFrame(rows) if rows else pl.DataFrame()
    total = f"{everyone}本年累计"
    columns = ["任务编号", "指标", "目标", total, "达标单位"]
    if frame.is_empty():
        table = pl.DataFrame(schema=dict.fromkeys(columns, pl.Utf8))
        return Section(
            "indicators",
            "未达标指标",
            say.indicators(frame, table, 0, everyone),
            table=table,
            empty="没有未达标的指标。",
        )
    below = frame.filter(pl.col("met") == False)  # noqa: E712 (null: no data, not below)
    table = pl.DataFrame(
        {
            "任务编号": below["task_number"].to_list(),
            "指标": below["indicator"].to_list(),
            "目标": [
                _goal(r["comparator"], r["target"], r["measure_unit"])
                for r in below.iter_rows(named=True)
            ],
            total: [_amount(r["actual"], r["measure_unit"]) for r in below.iter_rows(named=True)],
            "达标单位": [
                f"{r['units_met']}/{r['units_total']}" for r in below.iter_rows(named=True)
            ],
        },
        schema=dict.fromkeys(columns, pl.Utf8),
    )
    no_data = frame.filter(pl.col("met").is_null()).height
    return Section(
        "indicators",
        "未达标指标",
        say.indicators(frame, table, no_data, everyone),
        table=table,
        empty="没有未达标的指标。",
    )


def _overdue(overdue: pl.DataFrame) -> Section:
    table = overdue.select(
        pl.col("action_code").alias("行动"),
        pl.col("task_number").alias("编号"),
        pl.col("task_title").alias("任务"),
        pl.col("deadline").alias("完成时限"),
        pl.col("units_behind").alias("未完成单位"),
    )
    return Section("overdue", "逾期任务", say.overdue(table), table=table, empty="没有逾期任务。")


def _unreported(missing: pl.DataFrame, now: dict, label: str) -> Section:
    table = missing.select(pl.col("unit").alias("单位"), pl.col("report_due").alias("报送截止"))
    sentence = say.unreported(
        label, missing["unit"].to_list(), now["units_expected"], now["units_on_time"]
    )
    return Section("unreported", "未报送单位", sentence, table=table, empty=sentence)
