"""The meeting mode's large tables (escaped text, — for empty, percentages, a row limit) and the
charts' legends (one per chart, whatever layers draw it)."""

from __future__ import annotations

import re
from datetime import date

import polars as pl
import pytest

from analytics import charts
from analytics.export import chart_svg
from ui.meeting import MAX_BIG_ROWS, big_table_html


def cells(html: str) -> list[list[str]]:
    return [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row) for row in html.split("<tr>")[1:]]


def test_big_table_escapes_data_and_shows_empty_as_a_dash():
    frame = pl.DataFrame(
        {
            "单位": ["<script>alert(1)</script>", "**司法局**", None],
            "任务完成率": [85.25, None, 100.0],
            "逾期任务": [3, 0, None],
            "完成时限": [date(2026, 6, 30), None, date(2026, 12, 31)],
        }
    )
    html = big_table_html(frame, ("任务完成率",))
    assert "<script>" not in html
    assert cells(html) == [
        ["单位", "任务完成率", "逾期任务", "完成时限"],
        ["&lt;script&gt;alert(1)&lt;/script&gt;", "85.2%", "3", "2026-06-30"],
        ["**司法局**", "—", "0", "—"],
        ["—", "100.0%", "—", "2026-12-31"],
    ]
    assert "None" not in html and "nan" not in html
    assert 'class="fz-more"' not in html


def test_big_table_shows_changes_in_points_with_their_sign():
    frame = pl.DataFrame({"较上季度": [8.333, -66.666, 0.04, None]})
    assert [r[0] for r in cells(big_table_html(frame, (), ("较上季度",)))] == [
        "较上季度",
        "+8.3",
        "-66.7",
        "持平",
        "—",
    ]


def test_big_table_says_how_many_rows_it_left_out():
    frame = pl.DataFrame({"编号": list(range(1, MAX_BIG_ROWS + 6))})
    html = big_table_html(frame)
    assert len(cells(html)) == MAX_BIG_ROWS + 1  # header + the first rows
    assert f"仅显示前 {MAX_BIG_ROWS} 行，共 {MAX_BIG_ROWS + 5} 行。" in html


def legends(chart) -> int:
    return chart_svg(chart, outlines=False).decode().count('class="mark-group role-legend"')


TREND = pl.DataFrame(
    {
        "period_label": ["2025年第1季度", "2025年第2季度"],
        "completion_rate": [0.5, 0.75],
        "attainment_rate": [0.25, 0.5],
    }
)
YEARS = pl.DataFrame(
    {"year": [2024, 2024, 2025], "quarter": [1, 2, 1], "completion_rate": [0.5, 0.6, 0.7]}
)
LINES = pl.DataFrame(
    {
        "unit": ["司法局", "司法局", "全县（合计）", "全县（合计）"],
        "period_label": ["第1季度", "第2季度", "第1季度", "第2季度"],
        "actual": [80.0, 90.0, 85.0, 95.0],
    }
)


@pytest.mark.parametrize("big", [False, True])
@pytest.mark.parametrize(
    "build",
    [
        lambda big: charts.trend_lines(TREND, "趋势", big=big),
        lambda big: charts.years_by_quarter(YEARS, "completion_rate", "逐季度", "完成率", big=big),
        lambda big: charts.indicator_lines(LINES, "unit", "指标", ">=", 90, "%", big=big),
    ],
    ids=["trend_lines", "years_by_quarter", "indicator_lines"],
)
def test_line_charts_have_one_legend_listing_each_series_once(build, big):
    chart = build(big)
    svg = chart_svg(chart, outlines=False).decode()
    assert legends(chart) == 1
    entries = re.findall(r'role-legend-label".*?<text[^>]*>([^<]*)</text>', svg, flags=re.S)
    assert len(entries) == len(set(entries)) >= 2
    # the legend tells the series by their colours (not grey shapes)
    fills = re.findall(r'role-legend-symbol".*?fill="([^"]+)"', svg, flags=re.S)
    assert len(set(fills)) == len(entries) and not {"black", "#000", "#000000"} & set(fills)


def test_big_charts_use_larger_type():
    small = charts.years_by_quarter(YEARS, "completion_rate", "逐季度", "完成率").to_dict()
    big = charts.years_by_quarter(YEARS, "completion_rate", "逐季度", "完成率", big=True).to_dict()
    assert small["config"]["axis"]["labelFontSize"] == pytest.approx(16 * 0.8)
    assert big["config"]["axis"]["labelFontSize"] == pytest.approx(26 * 0.8)
