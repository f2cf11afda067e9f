"""The quarterly fill-in template: layout, rows, protection, validations, _meta, carried answers."""

from __future__ import annotations

import datetime
import io

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from loaders.errors import LoadError
from loaders.periods import report_due as default_due
from loaders.progress.catalog import Catalog, CatalogIndicator, CatalogTask
from loaders.progress.template import (
    INDICATOR_HEADERS,
    STATUSES,
    TASK_HEADERS,
    Previous,
    build_template,
    fraction_meaning,
)

PLAN = "青禾县2025年法治政府建设实施方案"
POINTS = "青禾县2025年法治政府建设工作要点"
D = "—"


def _task(task_id, plan_id, number, text, roles, deadline_text=None, deadline=None, ongoing=False):
    title = PLAN if plan_id == 1 else POINTS
    return CatalogTask(
        task_id, plan_id, title, number, text[:6], text, deadline_text, deadline, ongoing, roles
    )


def _indicator(target_id, task_id, number, name, comparator, value, unit, per, units):
    return CatalogIndicator(
        target_id, 1, task_id, number, name, comparator, value, unit, per, 2025, units
    )


def make_catalog(registry: dict[str, str] | None = None) -> Catalog:
    tasks = [
        _task(
            11,
            1,
            "1",
            "健全行政规范性文件备案审查制度",
            {"司法局": "lead", "政府办": "cooperating"},
            "2025年6月底前",
            datetime.date(2025, 6, 30),
        ),
        _task(
            12,
            1,
            "2",
            "严格规范公正文明执法",
            {"公安局": "responsible", "司法局": "cooperating"},
            "长期坚持",
            None,
            True,
        ),
        _task(
            13,
            1,
            "3",
            "加强法治宣传教育",
            {"政府办": "lead", "司法局": "responsible"},
            None,
            datetime.date(2025, 9, 30),
        ),
        _task(14, 1, "4", "推进执法监督", {"公安局": "lead"}),
        _task(31, 2, "(一)", "完善依法决策机制", {"政府办": "lead"}, "10月底"),
    ]
    indicators = [
        _indicator(21, 11, "1", "行政规范性文件报备率", ">=", 100.0, "%", None, ("司法局",)),
        _indicator(22, 12, "2", "执法监督检查次数", ">=", 1.0, "次", "year", ("公安局",)),
        _indicator(23, 13, "3", "群众满意度", ">", 95.0, "%", None, ("政府办", "司法局")),
        _indicator(
            24, 13, "3", "领导干部学法学时", ">=", 60.0, "学时", "year", ("政府办", "司法局")
        ),
    ]
    units = ["司法局", "政府办", "公安局", "财政局", "各镇街"]
    return Catalog(tasks, indicators, units, registry or {})


def load(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def values(ws, first_row: int = 1) -> list[tuple]:
    return [tuple(r) for r in ws.iter_rows(min_row=first_row, values_only=True)]


@pytest.fixture(scope="module")
def unit_book() -> openpyxl.Workbook:
    return load(build_template(make_catalog(), "司法局", 2025, 1))


# ---------------------------------------------------------------- layout of one unit


def test_sheets_titles_and_headers(unit_book):
    assert unit_book.sheetnames == ["填报说明", "任务进展", "指标数据", "_meta"]
    tasks, inds = unit_book["任务进展"], unit_book["指标数据"]
    assert tasks["A1"].value == f"{PLAN} 2025年第1季度 任务进展（司法局）"
    assert inds["A1"].value == f"{PLAN} 2025年第1季度 指标数据（司法局）"
    assert [str(r) for r in tasks.merged_cells.ranges] == ["A1:J1"]
    assert [str(r) for r in inds.merged_cells.ranges] == ["A1:L1"]
    assert values(tasks)[1] == (
        "单位",
        "编号",
        "任务",
        "本单位角色",
        "完成时限",
        "进展状态",
        "进展说明",
        "佐证材料",
        "计划",
        "任务ID",
    )
    assert values(inds)[1] == (
        "单位",
        "编号",
        "指标",
        "目标",
        "分子含义",
        "分子",
        "分母含义",
        "分母",
        "实际值",
        "说明",
        "计划",
        "指标ID",
    )
    assert values(tasks)[1] == TASK_HEADERS and values(inds)[1] == INDICATOR_HEADERS


def test_task_rows_of_a_unit_in_every_role(unit_book):
    assert values(unit_book["任务进展"], 3) == [
        (
            "司法局",
            "1",
            "健全行政规范性文件备案审查制度",
            "牵头",
            "2025年6月底前",
            None,
            None,
            None,
            PLAN,
            11,
        ),
        ("司法局", "2", "严格规范公正文明执法", "配合", "长期", None, None, None, PLAN, 12),
        ("司法局", "3", "加强法治宣传教育", "责任", "2025年9月30日前", None, None, None, PLAN, 13),
    ]


def test_indicator_rows_only_where_lead_or_responsible(unit_book):
    # 22 belongs to task 12, where 司法局 only cooperates: not listed
    assert values(unit_book["指标数据"], 3) == [
        (
            "司法局",
            "1",
            "行政规范性文件报备率",
            "≥ 100%",
            "已报备件数",
            None,
            "应报备件数",
            None,
            None,
            None,
            PLAN,
            21,
        ),
        (
            "司法局",
            "3",
            "群众满意度",
            "> 95%",
            "满意人数",
            None,
            "调查总人数",
            None,
            None,
            None,
            PLAN,
            23,
        ),
        ("司法局", "3", "领导干部学法学时", "≥ 60学时/年", D, D, D, D, None, None, PLAN, 24),
    ]


def test_locked_and_input_cells(unit_book):
    tasks, inds = unit_book["任务进展"], unit_book["指标数据"]
    unlocked = {c.coordinate for row in tasks.iter_rows() for c in row if not c.protection.locked}
    assert unlocked == {f"{col}{r}" for col in "FGH" for r in (3, 4, 5)}
    assert tasks["A3"].fill.fgColor.rgb == "FFD9D9D9"
    assert tasks["F3"].fill.fgColor.rgb == "FFFFFFFF"
    unlocked = {c.coordinate for row in inds.iter_rows() for c in row if not c.protection.locked}
    rates = {f"{col}{r}" for col in "FHIJ" for r in (3, 4)}
    assert unlocked == rates | {"I5", "J5"}  # the 学时 row: 分子/分母 locked, 实际值 open
    assert inds["F5"].fill.fgColor.rgb == "FFD9D9D9"
    for ws in (tasks, inds):
        assert ws.protection.sheet is True
        assert ws.protection.formatColumns is False and ws.protection.formatRows is False


def test_validations(unit_book):
    [status] = unit_book["任务进展"].data_validations.dataValidation
    assert status.type == "list"
    assert status.formula1 == '"未启动,推进中,已完成,长期推进,滞后"'
    assert str(status.sqref) == "F3:F5"
    assert STATUSES == ("未启动", "推进中", "已完成", "长期推进", "滞后")
    by_type = {dv.type: dv for dv in unit_book["指标数据"].data_validations.dataValidation}
    assert set(by_type) == {"whole", "decimal"}
    whole, decimal = by_type["whole"], by_type["decimal"]
    assert (whole.operator, whole.formula1, str(whole.sqref)) == (
        "greaterThanOrEqual",
        "0",
        "F3:F5 H3:H5",
    )
    assert (decimal.operator, decimal.formula1, str(decimal.sqref)) == (
        "greaterThanOrEqual",
        "0",
        "I3:I5",
    )


def test_hidden_columns_widths_panes_and_print(unit_book):
    tasks, inds = unit_book["任务进展"], unit_book["指标数据"]
    assert tasks.column_dimensions["J"].hidden is True
    assert inds.column_dimensions["L"].hidden is True
    assert not any(tasks.column_dimensions[c].hidden for c in "ABCDEFGHI")
    assert tasks.column_dimensions["C"].width == 60
    assert tasks["C3"].alignment.wrap_text is True
    for ws in (tasks, inds):
        assert ws.freeze_panes == "A3"
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage


def test_meta_sheet(unit_book):
    meta = unit_book["_meta"]
    assert meta.sheet_state == "veryHidden"
    rows = dict(values(meta))
    generated = rows.pop("generated_at")
    assert rows == {
        "key": "value",
        "template_version": 1,
        "year": 2025,
        "quarter": 1,
        "unit": "司法局",
        "plan_ids": "1",
    }
    assert datetime.datetime.fromisoformat(generated).year >= 2025


def test_instructions_state_status_words_and_default_due(unit_book):
    text = [r[0] for r in values(unit_book["填报说明"])]
    assert text[0] == f"{PLAN} 2025年第1季度 填报说明（司法局）"
    assert "二、进展状态（下拉选择）：未启动、推进中、已完成、长期推进、滞后" in text
    assert "四、报送时间：请于2025年4月10日前报送。" in text
    assert "五、本表由系统生成，请勿修改灰色列、表头和隐藏列。" in text
    assert not any("上季度" in t for t in text)  # nothing carried in


@pytest.mark.parametrize(
    ("year", "quarter", "due"),
    [
        (2025, 1, (2025, 4, 10)),
        (2025, 2, (2025, 7, 10)),
        (2025, 3, (2025, 10, 10)),
        (2025, 4, (2026, 1, 10)),
    ],
)
def test_default_due(year, quarter, due):
    assert default_due(year, quarter) == datetime.date(*due)


def test_explicit_due_and_q4_default():
    book = load(build_template(make_catalog(), "司法局", 2025, 2, due=datetime.date(2025, 7, 15)))
    assert "四、报送时间：请于2025年7月15日前报送。" in [r[0] for r in values(book["填报说明"])]
    book = load(build_template(make_catalog(), "司法局", 2025, 4))
    assert "四、报送时间：请于2026年1月10日前报送。" in [r[0] for r in values(book["填报说明"])]
    assert book["任务进展"]["A1"].value == f"{PLAN} 2025年第4季度 任务进展（司法局）"


# ---------------------------------------------------------------- carried answers, all units


def test_stored_answers_of_the_quarter_are_pre_filled():
    previous = Previous(
        tasks={
            ("司法局", 11): ("推进中", "已形成初稿", "初稿.docx"),
            ("政府办", 11): ("已完成", None, None),
        },
        indicators={
            ("司法局", 21): (39.0, 40.0, None, "1件逾期"),
            ("司法局", 24): (5.0, 6.0, 30.0, "上半年"),
        },
        reported=True,
    )
    book = load(build_template(make_catalog(), "司法局", 2025, 2, previous))
    tasks = values(book["任务进展"], 3)
    assert tasks[0][5:8] == ("推进中", "已形成初稿", "初稿.docx")
    assert tasks[1][5:8] == (None, None, None)
    inds = values(book["指标数据"], 3)
    assert inds[0][4:10] == ("已报备件数", 39, "应报备件数", 40, None, "1件逾期")
    assert inds[2][4:10] == (D, D, D, D, 30, "上半年")  # a count: only 实际值 and 说明
    text = [r[0] for r in values(book["填报说明"])]
    assert (
        "六、本季度已报送的内容（进展状态、说明、佐证材料和指标数值）已预先填入：修改后重新上传即为"
        "更正，表中各行替换已报送的对应行，未包含的行保持不变。"
    ) in text
    carried = Previous(tasks={("司法局", 11): ("推进中", None, None)}, carried=True)
    book = load(build_template(make_catalog(), "司法局", 2025, 3, carried))
    assert values(book["任务进展"], 3)[0][5:8] == ("推进中", None, None)
    assert "六、上季度的进展状态已预先填入，请核对并更新为本季度情况；指标数值请填写本季度的。" in [
        r[0] for r in values(book["填报说明"])
    ]


def test_all_units_layout():
    book = load(build_template(make_catalog(), "all", 2025, 3))
    tasks = book["任务进展"]
    assert tasks["A1"].value == f"{PLAN}等2个计划 2025年第3季度 任务进展（全部单位）"
    rows = [(r[0], r[1], r[3], r[8], r[9]) for r in values(tasks, 3)]
    assert rows == [
        ("司法局", "1", "牵头", PLAN, 11),
        ("司法局", "2", "配合", PLAN, 12),
        ("司法局", "3", "责任", PLAN, 13),
        ("政府办", "1", "配合", PLAN, 11),
        ("政府办", "3", "牵头", PLAN, 13),
        ("政府办", "(一)", "牵头", POINTS, 31),
        ("公安局", "2", "责任", PLAN, 12),
        ("公安局", "4", "牵头", PLAN, 14),
    ]
    assert values(tasks, 8)[0][4] == "10月底"  # 政府办's row of task 31
    inds = [(r[0], r[11]) for r in values(book["指标数据"], 3)]
    assert inds == [
        ("司法局", 21),
        ("司法局", 23),
        ("司法局", 24),
        ("政府办", 23),
        ("政府办", 24),
        ("公安局", 22),
    ]
    assert values(book["指标数据"], 8)[0][3:10] == ("≥ 1次/年", D, D, D, D, None, None)
    meta = dict(values(book["_meta"]))
    assert (meta["unit"], meta["plan_ids"], meta["quarter"]) == ("all", "1,2", 3)
    assert str(book["任务进展"].data_validations.dataValidation[0].sqref) == "F3:F10"


def test_alias_resolves_to_canonical_unit():
    book = load(build_template(make_catalog({"政办": "政府办"}), "政办", 2025, 1))
    assert [r[0] for r in values(book["任务进展"], 3)] == ["政府办"] * 3
    assert dict(values(book["_meta"]))["unit"] == "政府办"
    assert book["任务进展"]["A1"].value.endswith("任务进展（政府办）")


@pytest.mark.parametrize(
    ("unit", "message"),
    [
        ("税务局", "「税务局」不是已登记的单位，无法生成填报表"),
        ("财政局", "「财政局」在所选计划中没有任务，无法生成填报表"),
        ("各镇街", "「各镇街」在所选计划中没有任务，无法生成填报表"),
    ],
)
def test_unknown_unit_or_unit_without_tasks(unit, message):
    with pytest.raises(LoadError) as caught:
        build_template(make_catalog(), unit, 2025, 1)
    assert str(caught.value) == message


def test_empty_catalog_and_bad_quarter():
    with pytest.raises(LoadError, match="^所选计划中没有任何单位的任务，无法生成填报表$"):
        build_template(Catalog([], [], ["司法局"]), "all", 2025, 1)
    with pytest.raises(LoadError, match="^季度应为1至4，而不是5$"):
        build_template(make_catalog(), "司法局", 2025, 5)


def test_other_readers_see_the_same_values():
    data = build_template(make_catalog(), "司法局", 2025, 1)
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    assert book.sheet_names == ["填报说明", "任务进展", "指标数据", "_meta"]
    tasks = book.get_sheet_by_name("任务进展").to_python()
    assert tasks[0][0] == f"{PLAN} 2025年第1季度 任务进展（司法局）"
    assert tuple(tasks[1]) == TASK_HEADERS
    assert tasks[2] == [
        "司法局",
        "1",
        "健全行政规范性文件备案审查制度",
        "牵头",
        "2025年6月底前",
        "",
        "",
        "",
        PLAN,
        11,
    ]
    inds = book.get_sheet_by_name("指标数据").to_python()
    assert inds[4] == [
        "司法局",
        "3",
        "领导干部学法学时",
        "≥ 60学时/年",
        D,
        D,
        D,
        D,
        "",
        "",
        PLAN,
        24,
    ]
    meta = dict(book.get_sheet_by_name("_meta").to_python())
    assert (meta["unit"], meta["year"], meta["plan_ids"]) == ("司法局", 2025, "1")


# ---------------------------------------------------------------- fraction meanings


@pytest.mark.parametrize(
    ("indicator", "meaning"),
    [
        ("行政规范性文件报备率", ("已报备件数", "应报备件数")),  # generic: 已/应 + verb, 件数
        ("行政机关负责人出庭应诉率", ("已出庭应诉件数", "应出庭应诉件数")),
        ("投诉举报办结率", ("已办结件数", "受理件数")),
        ("12345热线答复率", ("已答复件数", "受理件数")),
        ("群众满意度", ("满意人数", "调查总人数")),
        ("满意率", ("满意人数", "调查总人数")),
        ("法治宣传知晓率", ("知晓人数", "调查总人数")),
        ("公职律师工作覆盖率", ("已覆盖数", "应覆盖数")),  # generic, not a case verb: 数
        ("政府信息公布率", ("已公布数", "应公布数")),
        ("报备及时率", ("及时报备件数", "已报备件数")),
        ("调解成功率", ("调解成功件数", "调解件数")),
        ("行政诉讼败诉率", ("败诉件数", "审结件数")),
        ("规范率", ("规范数", "总数")),
        ("群体性事件发生率", ("发生数", "总数")),
        ("行政许可按时办理率", ("按时办理件数", "应办理件数")),
        (" 行政规范性文件 报备率 ", ("已报备件数", "应报备件数")),
        ("领导干部学法学时", ("达标数", "总数")),  # not a rate
        ("及时率", ("达标数", "总数")),  # no verb before 及时
        ("率", ("达标数", "总数")),
        ("ABC率", ("达标数", "总数")),
    ],
)
def test_fraction_meaning(indicator, meaning):
    assert fraction_meaning(indicator) == meaning
