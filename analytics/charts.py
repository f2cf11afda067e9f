"""Charts for the dashboard (frame → Altair chart, pure functions; no Streamlit, no SQL).

Every chart has a Chinese title, axis titles with their units and, where there is one, the target
drawn as a dashed rule. Colours come from the Okabe–Ito palette, which stays distinguishable for
colour-blind viewers: blue for done/met, orange for behind/missed, grey for no data; a status is
never told by red against green, and bars also carry their value as text.
"""

from __future__ import annotations

import datetime

import altair as alt
import polars as pl

from loaders.periods import shown_label

BLUE, SKY, ORANGE, VERMILLION, GREY = "#0072B2", "#56B4E9", "#E69F00", "#D55E00", "#999999"
CJK_FONT = "Noto Sans CJK SC"
STATUS_COLOURS = {
    "已完成": BLUE,
    "推进中": SKY,
    "长期推进": SKY,
    "滞后": ORANGE,
    "未启动": GREY,
    "未报送": "#CCCCCC",
}
MET_COLOURS = {"达标": BLUE, "未达标": ORANGE, "无数据": GREY}
SERIES = [BLUE, ORANGE, "#009E73", VERMILLION, SKY, "#CC79A7", "#F0E442", "#000000"]
SYMBOL = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "="}


def _finish(chart: alt.TopLevelMixin, title: str, subtitle: str | None = None, big: bool = False):
    """Title, font and sizes shared by every chart (big: for a projector)."""
    size = 26 if big else 16
    params = {"text": title, "anchor": "start", "fontSize": size}
    if subtitle:
        params.update(subtitle=subtitle, subtitleFontSize=size * 0.7, subtitleColor="#555555")
    return (
        chart.properties(title=alt.TitleParams(**params))
        .configure(font=CJK_FONT, aria=False)  # Vega's accessible names are English
        .configure_axis(labelFontSize=size * 0.8, titleFontSize=size * 0.85, labelLimit=320)
        .configure_legend(labelFontSize=size * 0.8, titleFontSize=size * 0.85, orient="top")
        .configure_view(stroke=None)
        .properties(autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))
    )


def target_label(comparator: str, target: float, unit: str) -> str:
    """ "目标 ≥ 90%"."""
    return f"目标 {SYMBOL.get(comparator, comparator)} {target:g}{unit}"


def rate_bars(
    frame: pl.DataFrame,
    label: str,
    rate: str,
    title: str,
    subtitle: str | None = None,
    big: bool = False,
    height_per_bar: int = 34,
) -> alt.TopLevelMixin:
    """Horizontal bars of a rate (0–1) per row, in the frame's order, with the value as text and
    the 100 % target as a dashed rule. Rows with no rate (nothing due) show as 无到期任务."""
    data = frame.select(
        pl.col(label).alias("名称"),
        (pl.col(rate) * 100).round(1).alias("比率"),
        pl.when(pl.col(rate).is_null())
        .then(pl.lit("无到期任务"))
        .otherwise((pl.col(rate) * 100).round(1).cast(pl.Utf8) + "%")
        .alias("标注"),
        pl.when(pl.col(rate).is_null())
        .then(pl.lit("无数据"))
        .when(pl.col(rate) >= 1)
        .then(pl.lit("达标"))
        .otherwise(pl.lit("未达标"))
        .alias("状态"),
    )
    order = data["名称"].to_list()
    y = alt.Y("名称:N", sort=order, title=None)
    base = alt.Chart(data.to_pandas())
    bars = base.mark_bar().encode(
        x=alt.X(
            "比率:Q",
            title="完成率（%）",
            scale=alt.Scale(domain=[0, 100]),
            axis=alt.Axis(values=list(range(0, 101, 20))),
        ),
        y=y,
        color=alt.Color("状态:N", scale=_scale(MET_COLOURS), legend=None),
        tooltip=["名称", "标注"],
    )
    text = base.mark_text(align="left", dx=4, fontSize=22 if big else 13).encode(
        x=alt.X("比率:Q"), y=y, text="标注:N"
    )
    rule = alt.Chart().mark_rule(strokeDash=[6, 4], color="#333333").encode(x=alt.datum(100))
    step = alt.Step(round(height_per_bar * (1.5 if big else 1)))
    chart = alt.layer(bars, text, rule).properties(height=step, width="container")
    return _finish(chart, title, subtitle or "虚线：目标100%", big)


def trend_lines(frame: pl.DataFrame, title: str, big: bool = False) -> alt.TopLevelMixin:
    """Completion and attainment rates quarter by quarter (period_label, completion_rate,
    attainment_rate), as percentages, with the 100 % target."""
    long = frame.select(
        pl.col("period_label").alias("季度"),
        (pl.col("completion_rate") * 100).round(1).alias("任务完成率"),
        (pl.col("attainment_rate") * 100).round(1).alias("指标达标率"),
    ).unpivot(index="季度", variable_name="指标", value_name="比率")
    order = frame["period_label"].to_list()
    base = alt.Chart(long.to_pandas()).encode(
        x=alt.X("季度:N", sort=order, title="季度", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("比率:Q", title="比率（%）", scale=alt.Scale(domain=[0, 100])),
        color=alt.Color("指标:N", scale=alt.Scale(range=[BLUE, ORANGE]), title=None),
        tooltip=["季度", "指标", "比率"],
    )
    lines = _lines_with_points(base, "指标", None, big)
    rule = alt.Chart().mark_rule(strokeDash=[6, 4], color="#333333").encode(y=alt.datum(100))
    chart = alt.layer(lines, rule).properties(height=380 if big else 300, width="container")
    return _finish(chart, title, "虚线：目标100%", big)


def _lines_with_points(base: alt.Chart, field: str, title: str | None, big: bool):
    """Lines with a filled point of its own shape per series, under ONE legend of the series'
    colours: the points' shapes draw no legend of their own (else Vega-Lite lists every series
    twice, once per layer, or keeps only grey shapes)."""
    line = base.mark_line(strokeWidth=4 if big else 2.5)
    points = base.mark_point(size=140 if big else 60, filled=True).encode(
        shape=alt.Shape(f"{field}:N", title=title, legend=None)
    )
    return line + points


def years_by_quarter(
    frame: pl.DataFrame, rate: str, title: str, axis_title: str, big: bool = False
):
    """One line per year across quarters 1–4 (year, quarter, rate 0–1): year over year."""
    data = frame.select(
        pl.col("year").cast(pl.Utf8).alias("年度"),
        ("第" + pl.col("quarter").cast(pl.Utf8) + "季度").alias("季度"),
        (pl.col(rate) * 100).round(1).alias("比率"),
    )
    base = alt.Chart(data.to_pandas()).encode(
        x=alt.X(
            "季度:N",
            sort=[f"第{q}季度" for q in range(1, 5)],
            title="季度",
            axis=alt.Axis(labelAngle=0),
        ),
        y=alt.Y("比率:Q", title=axis_title, scale=alt.Scale(domain=[0, 100])),
        color=alt.Color("年度:N", scale=alt.Scale(range=SERIES), title="年度"),
        tooltip=["年度", "季度", "比率"],
    )
    lines = _lines_with_points(base, "年度", "年度", big)
    rule = alt.Chart().mark_rule(strokeDash=[6, 4], color="#333333").encode(y=alt.datum(100))
    chart = alt.layer(lines, rule).properties(height=380 if big else 300, width="container")
    return _finish(chart, title, "虚线：目标100%", big)


def indicator_lines(
    frame: pl.DataFrame,
    series: str,
    title: str,
    comparator: str,
    target: float,
    unit: str,
    big: bool = False,
) -> alt.TopLevelMixin:
    """An indicator's year-to-date value per period (period_label, actual), one line per
    `series` value (a unit, or 全县), with the target as a dashed rule."""
    data = frame.select(
        pl.col(series).alias("对象"),
        pl.col("period_label").alias("季度"),
        pl.col("actual").round(2).alias("实际值"),
    )
    order = frame["period_label"].unique(maintain_order=True).to_list()
    base = alt.Chart(data.to_pandas()).encode(
        x=alt.X("季度:N", sort=order, title="季度", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("实际值:Q", title=f"本年累计（{unit}）"),
        color=alt.Color("对象:N", scale=alt.Scale(range=SERIES), title=None),
        tooltip=["对象", "季度", "实际值"],
    )
    lines = _lines_with_points(base, "对象", None, big)
    rule = (
        alt.Chart()
        .mark_rule(strokeDash=[6, 4], color=VERMILLION, strokeWidth=2)
        .encode(y=alt.datum(target))
    )
    chart = alt.layer(lines, rule).properties(height=400 if big else 320, width="container")
    return _finish(chart, title, f"虚线：{target_label(comparator, target, unit)}", big)


def yearly_bars(
    frame: pl.DataFrame,
    title: str,
    unit: str,
    comparator: str | None,
    target: float | None,
    big: bool = False,
) -> alt.TopLevelMixin:
    """An indicator's figure per year (year, source, actual): quarterly reports and annual
    reports side by side, with the latest target as a dashed rule."""
    data = frame.select(
        pl.col("year").cast(pl.Utf8).alias("年度"),
        pl.col("source").alias("来源"),
        pl.col("actual").round(2).alias("实际值"),
    )
    base = alt.Chart(data.to_pandas())
    bars = base.mark_bar().encode(
        x=alt.X("年度:N", title="年度", axis=alt.Axis(labelAngle=0)),
        xOffset="来源:N",
        y=alt.Y("实际值:Q", title=f"实际值（{unit}）"),
        color=alt.Color(
            "来源:N",
            scale=alt.Scale(domain=["季度填报", "年度报告"], range=[BLUE, ORANGE]),
            title=None,
        ),
        tooltip=["年度", "来源", "实际值"],
    )
    text = base.mark_text(dy=-8, fontSize=20 if big else 12).encode(
        x="年度:N", xOffset="来源:N", y="实际值:Q", text="实际值:Q"
    )
    layers = [bars, text]
    subtitle = None
    if target is not None and comparator is not None:
        layers.append(
            alt.Chart()
            .mark_rule(strokeDash=[6, 4], color=VERMILLION, strokeWidth=2)
            .encode(y=alt.datum(target))
        )
        subtitle = f"虚线：{target_label(comparator, target, unit)}"
    chart = alt.layer(*layers).properties(height=380 if big else 300, width="container")
    return _finish(chart, title, subtitle, big)


def _scale(colours: dict[str, str]) -> alt.Scale:
    return alt.Scale(domain=list(colours), range=list(colours.values()))


def up_to(frame: pl.DataFrame, period: int) -> pl.DataFrame:
    """A trend ending at the chosen quarter, each quarter labelled as shown everywhere (the one
    under way marked （进行中）): a running quarter is never drawn as if its figures were in."""
    today = datetime.date.today()
    return frame.filter(pl.col("period_index") <= period).with_columns(
        period_label=pl.struct("year", "quarter").map_elements(
            lambda p: shown_label(p["year"], p["quarter"], today), return_dtype=pl.Utf8
        )
    )
