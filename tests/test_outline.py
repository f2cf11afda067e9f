"""Numbering markers (编号) and Chinese numerals."""

import pytest

from loaders.plans.outline import cn_to_int, first_clause, match_marker


@pytest.mark.parametrize(
    ("text", "value"),
    [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("三十一", 31), ("一百", 100), ("两", 2)],
)
def test_cn_to_int(text, value):
    assert cn_to_int(text) == value


@pytest.mark.parametrize(
    ("line", "style", "number", "rest"),
    [
        ("一、总体要求", "cn_comma", "一", "总体要求"),
        ("十、工作要求", "cn_comma", "十", "工作要求"),
        ("(三十一)加强督察", "cn_paren", "(三十一)", "加强督察"),
        ("(二) 完善制度", "cn_paren", "(二)", "完善制度"),
        ("7.严格备案审查监督。", "arabic", "7", "严格备案审查监督。"),
        ("12、强化监督", "arabic", "12", "强化监督"),
        ("8. 2023年年底前实施", "arabic", "8", "2023年年底前实施"),
        ("(34) 建立制度", "ar_paren", "(34)", "建立制度"),
        ("第十二条 本办法自印发之日起施行", "article", "第十二条", "本办法自印发之日起施行"),
        ("①加强学习", "circled", "①", "加强学习"),
    ],
)
def test_markers(line, style, number, rest):
    m = match_marker(line)
    assert (m.style, m.number, m.rest) == (style, number, rest)


def test_glued_digit_only_continues_the_sequence():
    assert match_marker("2全面实行清单制度", last_arabic=1).number == "2"
    assert match_marker("5全面实行清单制度", last_arabic=1) is None
    assert match_marker("1全面实行清单制度").number == "1"


@pytest.mark.parametrize(
    "line",
    ["2020年是全面建成小康社会之年", "3月底前完成", "100%办结", "12348公共法律服务热线", "2.5万元"],
)
def test_not_markers(line):
    assert match_marker(line, last_arabic=1) is None


def test_first_clause():
    assert first_clause("坚持党的领导。政府各部门要…") == "坚持党的领导"
    long = (
        "全面实行行政许可事项清单制度,将依法设定的行政许可事项全部纳入清单管理并动态调整本级清单。"
    )
    assert first_clause(long) == "全面实行行政许可事项清单制度"
