"""Deadlines: cells and 完成时限 lines (parse_deadline), deadline clauses in prose."""

from datetime import date

import pytest

from loaders.files.normalize import normalize_text
from loaders.plans.deadlines import (
    Deadline,
    deadline_from_cells,
    deadline_prefix,
    find_deadline_in_text,
    latest_deadline,
    parse_deadline,
)

# ---------------------------------------------------------------- parse_deadline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020年6月底前", date(2020, 6, 30)),
        ("2020年12月底前", date(2020, 12, 31)),
        ("6月底前", date(2021, 6, 30)),
        ("10月底", date(2021, 10, 31)),
        ("3月1日前", date(2021, 3, 1)),
        ("年底前", date(2021, 12, 31)),
        ("年内", date(2021, 12, 31)),
        ("12月底前", date(2021, 12, 31)),
        ("2023年上半年", date(2023, 6, 30)),
        ("下半年", date(2021, 12, 31)),
        ("第一季度", date(2021, 3, 31)),
        ("一季度", date(2021, 3, 31)),
        ("二季度", date(2021, 6, 30)),
        ("第四季度", date(2021, 12, 31)),
        ("全年", date(2021, 12, 31)),
        ("四月份", date(2021, 4, 30)),
        ("十月底前", date(2021, 10, 31)),
        ("十二月底前", date(2021, 12, 31)),
        ("7月中旬", date(2021, 7, 20)),
        ("6 月底前", date(2021, 6, 30)),
        ("2023年", date(2023, 12, 31)),
        ("明年3月底前", date(2022, 3, 31)),
        ("  2020年10月底  ", date(2020, 10, 31)),
    ],
)
def test_parse_deadline_dates(text, expected):
    d = parse_deadline(text, 2021)
    assert d == Deadline(text.strip(), expected, False, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2月底前", date(2020, 2, 29)),
        ("2021年2月底", date(2021, 2, 28)),
        ("2024年2月底", date(2024, 2, 29)),
    ],
)
def test_february_ends_follow_leap_years(text, expected):
    assert parse_deadline(text, 2020).date == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("每年第一季度", Deadline("每年第一季度", date(2020, 3, 31), False, "year")),
        ("每年3月1日前", Deadline("每年3月1日前", date(2020, 3, 1), False, "year")),
        ("每季度", Deadline("每季度", None, True, "quarter")),
        ("每年", Deadline("每年", None, True, "year")),
    ],
)
def test_recurring_deadlines(text, expected):
    assert parse_deadline(text, 2020) == expected


@pytest.mark.parametrize("text", ["长期坚持", "持续推进", "长期", "持续开展", "常态化", "长期推进"])
def test_ongoing_wording(text):
    assert parse_deadline(text, 2020) == Deadline(text, None, True, None)


def test_without_a_year_the_deadline_has_no_date():
    assert parse_deadline("6月底前", None) == Deadline("6月底前", None, False, None)
    assert parse_deadline("2020年6月底前", None).date == date(2020, 6, 30)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "司法局牵头",
        "和我区无关",
        "审批服务管理局、区委编办牵头, 西夏区各有关部门按职责分工分别负责。",
        "(1) 向社会公布本级政府全部行政审批事项清单, 实行目录化、编码化、动态化管理。6月底前完成",
    ],
)
def test_parse_deadline_rejects_non_deadlines(text):
    assert parse_deadline(text, 2020) is None


def test_deadline_from_cells_takes_the_first_deadline_cell():
    cells = ["司法局牵头", "6月底前", "长期坚持"]
    assert deadline_from_cells(cells, 2020) == Deadline("6月底前", date(2020, 6, 30), False, None)
    assert deadline_from_cells(["司法局牵头"], 2020) is None


# ---------------------------------------------------------------- find_deadline_in_text


@pytest.mark.parametrize(
    ("text", "phrase", "expected", "recurring"),
    [
        ("认真落实试点工作方案,3月底前完成建立执法联络员制度", "3月底前", date(2023, 3, 31), None),
        ("2023年年底前实施统一的基层政务公开标准体系", "2023年年底前", date(2023, 12, 31), None),
        ("第一季度前制定年度重大行政决策事项目录", "第一季度前", date(2023, 3, 31), None),
        (
            "每年3月1日前,区政府报告;并于4月1日前通过报刊公开",
            "每年3月1日前",
            date(2023, 3, 1),
            "year",
        ),
        ("并于4月1日前通过报刊、政府网站等形式向社会公开", "4月1日前", date(2023, 4, 1), None),
        ("5月底前完成标准化工作,7月底基本完成改革试点任务", "5月底前", date(2023, 5, 31), None),
        ("7月底基本完成改革试点任务", "7月底", date(2023, 7, 31), None),
        ("2025年以前,成功创建示范地区", "2025年以前", date(2025, 12, 31), None),
        ("2023年上半年,基本形成统一高效的行政复议体制", "2023年上半年", date(2023, 6, 30), None),
        ("各部门每年第一季度要向本级政府报告", "每年第一季度", date(2023, 3, 31), "year"),
        ("年内完成综合执法改革", "年内", date(2023, 12, 31), None),
        ("有关单位要在6月15日前积极推动", "6月15日前", date(2023, 6, 15), None),
        ("务必于2020年年底编制完成目录", "2020年年底", date(2020, 12, 31), None),
        ("在当年12月底前上报", "当年12月底前", date(2023, 12, 31), None),
        # a bare year before the verb of an end, or a horizon "到YYYY年,"
        ("2025年完成码头垃圾接收设施的配置", "2025年", date(2025, 12, 31), None),
        ("力争2026年建成示范区", "2026年", date(2026, 12, 31), None),
        ("2019年启动,2020年完成", "2020年", date(2020, 12, 31), None),
        ("到2020年,全区生活垃圾分类实现全覆盖", "2020年", date(2020, 12, 31), None),
    ],
)
def test_find_deadline_in_prose(text, phrase, expected, recurring):
    assert find_deadline_in_text(text, 2023) == Deadline(phrase, expected, False, recurring)


@pytest.mark.parametrize(
    "text",
    [
        "2019年5月27日,西区被省委全面依法治省办命名为省级法治示范县",
        "全面落实《法治政府建设实施纲要(2021—2025年)》",
        "为到2035年基本建成法治政府奠定坚实基础",
        "布置年内法治政府建设工作",
        "6月10日,区委全面依法治区委员会办公室将进行督查",
        "为年底西夏区法治政府建设考核工作做充分准备",
        "于2019年7月举办全区行政执法人员培训",
        "每季度至少开展1次宣讲活动",
        "在法院开庭前3个工作日通知",
        "",
    ],
)
def test_find_deadline_ignores_dates_that_are_not_deadlines(text):
    assert find_deadline_in_text(text, 2023) is None


def test_seed_task_deadlines(seed):
    """Seed 003 writes deadlines inside task prose; seed 000's task 5 has a recurring one."""
    text = normalize_text(seed("003").read_text(encoding="utf-8"))
    line = next(ln for ln in text.split("\n") if ln.startswith("(二十)"))
    assert find_deadline_in_text(line, 2023) == Deadline("3月底前", date(2023, 3, 31), False, None)
    text = normalize_text(seed("000").read_text(encoding="utf-8"))
    line = next(ln for ln in text.split("\n") if ln.startswith("5.严格执行"))
    assert find_deadline_in_text(line, 2023) == Deadline(
        "每年3月1日前", date(2023, 3, 1), False, "year"
    )


def test_dates_typed_as_numbers_as_excel_cells_arrive():
    import datetime as dt

    from loaders.plans.deadlines import parse_deadline as pd

    assert pd("2024-06-30", None).date == dt.date(2024, 6, 30)
    assert pd("2024/6/30", 2020).date == dt.date(2024, 6, 30)
    assert pd("2024.9.30", None).date == dt.date(2024, 9, 30)
    assert pd("2024-06-30 00:00:00", None).date == dt.date(2024, 6, 30)
    assert pd("2024-02-30", None) is None


def test_a_span_of_time_ends_when_its_last_date_does():
    assert parse_deadline("2025年7月至2025年12月", None).date == date(2025, 12, 31)
    assert parse_deadline("2024年5月1日至5月15日", None).date == date(2024, 5, 15)
    assert parse_deadline("7月—12月", 2025).date == date(2025, 12, 31)  # the plan's year
    assert parse_deadline("6月底前", 2025).date == date(2025, 6, 30)  # no span: as before
    # a task opening on a span is due at its end; a span further in is no deadline of it
    assert find_deadline_in_text("2025年7月至2025年12月,各区完成推广。", None).date == date(
        2025, 12, 31
    )
    assert find_deadline_in_text("持续开展宣传,2025年7月至12月组织活动。", None) is None


# ---------------------------------------------------------------- deadline_prefix


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("长期坚持二、依法行政", "长期坚持"),
        ("6月底前12", "6月底前"),
        ("2020年6月底前 长期坚持(12) 建立", "2020年6月底前 长期坚持"),
        ("年底前“助力脱贫”活动方案", "年底前"),
        ("第一季度附件2", "第一季度"),
        ("2024年3月1日至5月15日完成", "2024年3月1日至5月15日"),
        ("持续推进", "持续推进"),
        ("每年第一季度、每年第三季度三、", "每年第一季度、每年第三季度"),
        ("司法局牵头", ""),
        ("三年内完成", ""),  # a length of time opens no deadline cell
        ("", ""),
    ],
)
def test_deadline_prefix_is_where_a_glued_deadline_cell_ends(text, expected):
    assert text[: deadline_prefix(text)] == expected


@pytest.mark.parametrize(
    "text",
    ["自2019年起,每年开展评查", "完成2025年度土地储备计划", "2023年以来,已完成改造", "根据2021年,"],
)
def test_a_bare_year_without_the_verb_of_an_end_is_no_deadline(text):
    assert find_deadline_in_text(text, 2023) is None


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (["一季度10%二季度40%;", "三季度70%;11月底完成。"], date(2023, 11, 30)),
        (["三季度:实现集装箱动态查询", "四季度:完成全流程对接"], date(2023, 12, 31)),
        (["2024年6月底前完成初稿,2025年3月底前出台"], date(2025, 3, 31)),
        (["长期坚持"], None),
    ],
)
def test_a_cell_of_stages_ends_with_its_latest_date(cells, expected):
    found = latest_deadline(cells, 2023)
    assert (found.date if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # stages each opening a clause after ";": the task ends with the last
        ("到2025年底,全面完成A;到2026年底,完成B;到2027年底,全面完成C", date(2027, 12, 31)),
        ("2024年底前,建成数据库;2026年底前,基本实现隐患清零", date(2026, 12, 31)),
        # dates inside one clause list are not stages: the first is the task's
        ("5月底前完成标准化工作,7月底基本完成改革试点任务", date(2023, 5, 31)),
    ],
)
def test_stages_after_semicolons_end_with_the_last(text, expected):
    assert find_deadline_in_text(text, 2023).date == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # a parenthesis closing the task with a span of months is its time node
        ("完成成本绩效分析。5月底前完成报告。(2025年1月—2025年12月)", date(2025, 12, 31)),
        ("推进泵河联动。(2025年6月—2026年12月)", date(2026, 12, 31)),
        # 至/到 a year opening a clause, with or without a comma after it
        ("至2025年至少建成2条智慧收运示范线路", date(2025, 12, 31)),
    ],
)
def test_closing_spans_and_a_year_opening_a_clause(text, expected):
    assert find_deadline_in_text(text, 2025).date == expected


def test_截至_a_year_is_no_deadline():
    assert find_deadline_in_text("截至2025年至少建成2条线路", 2025) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # a span in brackets after the title, its year written once; a task opening on its year
        ("区级动员部署(2025年1月-4月):召开全区动员大会", date(2025, 4, 30)),
        ("人员移交(2025年10月-12月):完成人员移交", date(2025, 12, 31)),
        ("2024 年,配合全区完成一轮城区安全风险评估", date(2024, 12, 31)),
    ],
)
def test_a_span_after_the_title_and_a_task_opening_on_its_year(text, expected):
    assert find_deadline_in_text(text, 2025).date == expected


def test_a_cell_going_on_after_its_date_is_both_dated_and_ongoing():
    got = parse_deadline("2025年11月底前,并长期坚持", 2025)
    assert (got.date, got.ongoing) == (date(2025, 11, 30), True)
    got = parse_deadline("6月底前完成,持续推进", 2024)
    assert (got.date, got.ongoing) == (date(2024, 6, 30), True)
    # a date alone, or a date before work that merely continues inside a sentence, is not ongoing
    got = parse_deadline("2025年11月底前", 2025)
    assert (got.date, got.ongoing) == (date(2025, 11, 30), False)
    got = parse_deadline("6月底前持续推进整改到位", 2024)
    assert (got.date, got.ongoing) == (date(2024, 6, 30), False)


def test_the_plan_s_year_stated_after_a_month_is_no_later_stage():
    text = "狠抓企业整治。4月底,全面完成企业整治。2018年,全区完成调整项目28项。"
    assert find_deadline_in_text(text, 2018).date == date(2018, 4, 30)
    # a later year is a later stage
    text = "推进改造。2024年底前,建成示范区;2026年,全面建成。"
    assert find_deadline_in_text(text, 2024).date == date(2026, 12, 31)


def test_a_month_that_lost_its_character_and_常态_cells():
    assert parse_deadline("2016年6底前", 2016).date == date(2016, 6, 30)
    assert parse_deadline("2016年底前", 2016).date == date(2016, 12, 31)
    assert latest_deadline(["2016年3底前", "2016年9底前"], 2016).date == date(2016, 9, 30)
    got = parse_deadline("常态工作", 2016)
    assert (got.date, got.ongoing) == (None, True)
