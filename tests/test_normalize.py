"""Text conventions of loaders.files.normalize: half-width forms, spacing, 繁转简, page furniture."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from loaders.files.normalize import (
    YEAR_RANGE_RE,
    clean_document_text,
    is_traditional,
    normalize_text,
    strip_furniture,
)
from tests.conftest import SHARED, missing_shared, seed_path

SEED_PREFIXES = ("000", "001", "002", "003", "004")


def _seed(prefix: str) -> str:
    return seed_path(prefix).read_text(encoding="utf-8")


# --- normalize_text ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("（一）牵头单位：司法局；完成率１００％！", "(一)牵头单位:司法局;完成率100%!"),
        ("ＡＢＣ－ｘｙｚ～１", "ABC-xyz~1"),
        ("《条例》、“放管服”〔2023〕【附件】。", "《条例》、“放管服”〔2023〕【附件】。"),
        ("\u3000\u3000一、总体要求", "一、总体要求"),
        ("Word\u3000Excel", "Word Excel"),
        ("达到\u00a080%\u200b以上", "达到80%以上"),
        ("Word\u00a0Excel", "Word Excel"),
        ("\ufeff标\u200d题\u00ad", "标题"),
        ("\u2002\u2002银川市西夏区人民政府办公室", "银川市西夏区人民政府办公室"),
        ("⒈建立工作小组。⒓明确职责。", "1.建立工作小组。12.明确职责。"),
        ("⑴排查流程⒇整治", "(1)排查流程(20)整治"),
    ],
)
def test_half_width_and_invisible_characters(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_line_endings_and_trailing_spaces() -> None:
    assert normalize_text("甲  \r\n乙\r丙\u2028丁 \n") == "甲\n乙\n丙\n丁\n"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2020 年", "2020年"),
        ("牵 头 单 位", "牵头单位"),
        ("达到 80% 以上", "达到80%以上"),
        ("完成时限： 2020 年 12 月底前", "完成时限:2020年12月底前"),
        ("“放管服” 改革 , 全面 推进", "“放管服”改革,全面推进"),
        ("Word   and    PDF", "Word and PDF"),
        ("(2020 - 2025)", "(2020 - 2025)"),
        ("  2023年9月18日", "2023年9月18日"),
        ("A4 开本", "A4开本"),
        ("完成时限: 2020 年", "完成时限:2020年"),
        ("出庭率达65%, 比上年提升", "出庭率达65%,比上年提升"),
        ("Note: see page 2, line 3", "Note: see page 2, line 3"),
    ],
)
def test_prose_spacing(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_table_rows_keep_single_spaces_inside_cells() -> None:
    raw = "牵头  单位\t司法局 、 财政局 \t 2020 年 12 月\t\t\n\t（１）\u3000全面推行\t"
    assert normalize_text(raw) == "牵头 单位\t司法局 、 财政局\t2020 年 12 月\t\t\n\t(1) 全面推行\t"


@pytest.mark.parametrize(
    "text",
    [
        "2021—2025年",
        "2021-2025",
        "2021－2025",
        "2021~2025",
        "2021——2025年",
        "2021 — 2025",
        "2021至2025年",
        "2021–2025",
    ],
)
def test_year_range_re_matches_dash_variants(text: str) -> None:
    m = YEAR_RANGE_RE.search(text)
    assert m is not None and (m.group(1), m.group(2)) == ("2021", "2025")


def test_year_range_re_rejects_non_ranges() -> None:
    assert YEAR_RANGE_RE.search("电话 12021-20255") is None
    assert YEAR_RANGE_RE.search("2021年") is None


def test_year_ranges_are_kept_as_written() -> None:
    assert normalize_text("纲要(2021—2025年)") == "纲要(2021—2025年)"
    assert normalize_text("方案（2021－2025年）") == "方案(2021-2025年)"


# --- traditional → simplified ------------------------------------------------------------------


def test_traditional_text_is_folded_to_simplified() -> None:
    assert is_traditional("牽頭單位：市司法局；責任單位：各縣區政府")
    assert (
        normalize_text("牽頭單位：市司法局；責任單位：各縣區政府")
        == "牵头单位:市司法局;责任单位:各县区政府"
    )


def test_simplified_text_with_a_few_traditional_characters_is_left_alone() -> None:
    text = "各部门按照國務院要求落实责任单位处理机制"
    assert not is_traditional(text)
    assert normalize_text(text) == text
    mixed = "国家机关单位责任处理:國務院發布"  # 3 traditional, 6 simplified
    assert not is_traditional(mixed)


def test_traditional_example_07() -> None:
    path = next((SHARED / "examples").glob("07_*"), None) or missing_shared("example 07")
    raw = path.read_text(encoding="utf-8")
    assert is_traditional(raw)
    text = normalize_text(raw)
    assert "牵头" in text and "责任" in text
    assert "牽頭" not in text and "責任" not in text
    assert "1.全面实施行政许可事项清单管理。" in text


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_simplified_seeds_keep_every_han_character(prefix: str) -> None:
    raw = seed_path(prefix).read_text(encoding="utf-8")
    assert not is_traditional(raw)
    han = re.compile(r"[\u4e00-\u9fff]")
    assert han.findall(normalize_text(raw)) == han.findall(raw)


# --- strip_furniture --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "12",
        "- 12 -",
        "—12—",
        "— 3 —",
        "·5·",
        "第 12 页",
        "第12页 共30页",
        "第3页/共10页",
        "共30页 第2页",
        "12/30",
        "Page 4",
    ],
)
def test_page_numbers_are_dropped(line: str) -> None:
    assert strip_furniture(["正文一", line, "正文二"]) == ["正文一", "正文二"]


@pytest.mark.parametrize("line", ["12项任务", "2020年12月", "(12)", "1.", "12.5%", "一、总体要求"])
def test_lines_that_only_look_numeric_are_kept(line: str) -> None:
    assert strip_furniture([line]) == [line]


@pytest.mark.parametrize(
    "line",
    [
        "首页 > 政务公开 > 通知公告",
        "首页>政策文件>规范性文件",
        "当前位置:首页>政策解读",
        "您现在的位置:首页 » 新闻",
        "您当前的位置:首页 › 公开",
    ],
)
def test_breadcrumbs_are_dropped(line: str) -> None:
    assert strip_furniture([line, "正文"]) == ["正文"]


def test_lines_starting_like_breadcrumbs_without_arrows_are_kept() -> None:
    lines = ["首页设置了政策专栏", "当前位置"]
    assert strip_furniture(lines) == lines


@pytest.mark.parametrize(
    "line",
    [
        "【打印正文】",
        "【打印本页】 【关闭窗口】",
        "字号: [小][大]",
        "字体:【大中小】",
        "字体:【大 中 小】",
        "扫一扫在手机打开当前页",
        "分享到:",
        "保护视力色:",
        "阅读次数:1234",
        "浏览次数: 56",
        "[打印] [关闭]",
    ],
)
def test_widgets_are_dropped(line: str) -> None:
    assert strip_furniture([line, "正文"]) == ["正文"]


def test_widgets_are_cut_from_a_metadata_line() -> None:
    lines = [
        "发布时间:2023-03-14 14:32来源:叶集区政府办作者:刘世璇阅读:字体【保护视力色:",
        "发布日期:2023-09-26 来源:司法局 浏览次数:12 【打印】",
    ]
    assert strip_furniture(lines) == [
        "发布时间:2023-03-14 14:32来源:叶集区政府办作者:刘世璇",
        "发布日期:2023-09-26 来源:司法局",
    ]


def test_widget_words_inside_prose_are_kept() -> None:
    lines = ["将典型经验分享到全区各部门。", "网站浏览量达到10万次。", "组织干部阅读法律读本"]
    assert strip_furniture(lines) == lines


def test_running_headers_go_and_repeated_plan_lines_stay() -> None:
    repeated = [
        "牵头单位:司法局",
        "责任单位:政府各部门,各镇街",
        "效果指标:",
        "具体措施",
        "四、工作要求",
        "(一)加强组织领导",
        "1.完善制度",
        "2020年12月底前",
        "长期坚持",
        "持续推进",
        "附件",
        "(此件公开发布)",
        "任务分类\t主要任务\t具体措施",
        "牵头部门负责",
        "主要目标",
    ]
    lines: list[str] = []
    for page in range(3):
        lines += [
            " 西夏区人民政府公报 ",
            "",
            *repeated,
            "中共某区委依法治区委员会办公室",
            "",
            "2020年4月28日",
        ]
        lines += [f"正文第{page}页", "只出现两次的短行" if page < 2 else "其他"]
    kept = strip_furniture(lines)
    assert Counter(lines) - Counter(kept) == Counter({" 西夏区人民政府公报 ": 3})


def test_short_line_repeated_twice_is_kept() -> None:
    lines = ["某市政府公报", "正文", "某市政府公报"]
    assert strip_furniture(lines) == lines


def test_blank_lines_are_kept() -> None:
    assert strip_furniture(["甲", "", "12", "", "乙"]) == ["甲", "", "", "乙"]


def test_table_rows_are_never_furniture() -> None:
    lines = ["12\t13", "首页 > 栏目\t正文"]
    assert strip_furniture(lines) == lines


def _unit_line_count(lines: list[str]) -> int:
    return sum(1 for ln in lines if ln.startswith(("牵头", "责任单位")))


def test_seed_000_keeps_unit_lines_and_loses_web_chrome() -> None:
    lines = normalize_text(_seed("000")).split("\n")
    kept = strip_furniture(lines)
    assert _unit_line_count(kept) == _unit_line_count(lines) > 60
    removed = Counter(lines) - Counter(kept)
    assert removed == Counter(
        {
            "首页>政府信息公开>部门信息公开目录>西夏区人民政府办公室>法定主动公开内容>政府文件": 1,
            "【打印正文】": 1,
            "字号:[小][大]": 1,
            "扫一扫手机浏览": 1,
        }
    )


def test_seed_004_gazette_running_header_is_removed() -> None:
    lines = normalize_text(_seed("004")).split("\n")
    kept = strip_furniture(lines)
    assert _unit_line_count(kept) == _unit_line_count(lines) > 20
    assert Counter(lines) - Counter(kept) == Counter({"银川市西夏区人民政府公报": 3, "2020": 1})
    # repeated table headers, signatures and 效果指标 lists survive
    header = "任务分类\t主要任务\t具体措施\t责任单位\t完成时限"
    assert sum(1 for ln in kept if ln.rstrip("\t") == header) == 15
    assert kept.count("中共银川市西夏区委全面依法治区委员会办公室") == 5
    assert kept.count("效果指标:") == lines.count("效果指标:") == 7


def test_clean_document_text() -> None:
    raw = "首页 ＞ 通知\r\n【打印正文】\r\n一、总体要求\r\n牵头单位：司法局\r\n- 2 -\r\n完成时限： 2023 年 12 月底前\r\n"
    assert clean_document_text(raw) == "一、总体要求\n牵头单位:司法局\n完成时限:2023年12月底前\n"


def test_control_characters_are_never_text() -> None:
    """NUL, ESC and the other C0 controls (and DEL) go; tab and line breaks keep their meaning."""
    assert normalize_text("规范\x1b[31m行政\x00规范\t性\x0c文件\r\n下一行\x7f") == (
        "规范[31m行政规范\t性\n文件\n下一行"
    )
