"""Tables as exported from a page: Chinese names, numbers rounded as the screen shows them."""

from __future__ import annotations

import polars as pl

from ui.tables import chinese


def test_export_frames_are_rounded_as_shown():
    frame = pl.DataFrame(
        {
            "unit": ["司法局"],
            "completion_rate": [2 / 3],  # shown 66.7%
            "change": [25 / 3],  # shown +8.3 (percentage points)
            "actual": [100 / 7],  # shown 14.29
            "overdue_tasks": [3],
        }
    )
    out = chinese(
        frame,
        {
            "unit": "单位",
            "completion_rate": "任务完成率",
            "change": "较上季度（百分点）",
            "actual": "本年累计",
            "overdue_tasks": "逾期任务",
        },
    )
    assert out.rows() == [("司法局", 0.667, 8.3, 14.29, 3)]
    assert out.columns == ["单位", "任务完成率", "较上季度（百分点）", "本年累计", "逾期任务"]


def test_measured_values_read_as_people_write_them():
    from ui.numbers import measure

    assert measure(5.0, "次") == "5次"  # a count is whole, never 5.00次
    assert measure(2.5, "次") == "2.5次"
    assert measure(92.345, "%") == "92.3%"
    assert measure(1 / 3, "天") == "0.33天"
    assert measure(None, "次") == "—"
    assert measure(float("nan"), "次") == "—"
    assert measure(-0.001, "") == "0"


def test_the_region_word_follows_the_place_a_plan_title_opens_with():
    from analytics.plan_data import region_word

    assert region_word("青禾县2026年法治政府建设实施方案") == "全县"
    assert region_word("广州市2012年民主法治建设实施意见") == "全市"  # 广州 is not a 州
    assert region_word("某某市某某区2024年依法行政工作要点") == "全区"  # the last place named
    assert region_word("中共某某省委 某某省人民政府关于加强法治建设的意见") == "全省"
    assert region_word("某某自治区法治政府建设规划") == "全区"
    assert region_word("市场监管局2025年普法工作要点") == "全部单位"  # 市场 is no place
    assert region_word("关于推进民主法治建设的实施意见") == "全部单位"
    assert region_word(None) == "全部单位"
