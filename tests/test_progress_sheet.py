"""Reading and validating uploaded quarterly progress workbooks (loaders.progress.sheet).

Every workbook is built here: a small copy of the template layout (sheet names, headers, hidden ID
columns, _meta), flat sheets made by hand (merged title, two-row header, spacer rows), .xls and
GBK .csv. Expected records and messages are worked out by hand from the catalog below.
"""

from __future__ import annotations

import io

import openpyxl
import pytest
import xlwt

from loaders.errors import ReadError
from loaders.progress.catalog import Catalog, CatalogIndicator, CatalogTask
from loaders.progress.sheet import IndicatorReport, TaskReport, read_progress
from loaders.progress.values import (
    Number,
    header_field,
    number_key,
    parse_number,
    parse_period,
    parse_status,
    title_period,
)

PLAN = "青禾县2025年法治政府建设实施方案"
POINTS = "青禾县2025年法治政府建设工作要点"
TASK_HEADERS = [
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
]
INDICATOR_HEADERS = [
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
]
D = "—"


def _task(task_id, plan_id, number, text, roles):
    title = PLAN if plan_id == 1 else POINTS
    return CatalogTask(task_id, plan_id, title, number, text[:6], text, None, None, False, roles)


def _ind(target_id, task_id, number, name, comparator, value, unit, units, year=2025):
    return CatalogIndicator(
        target_id, 1, task_id, number, name, comparator, value, unit, None, year, units
    )


def make_catalog(*extra: CatalogTask) -> Catalog:
    tasks = [
        _task(
            11,
            1,
            "1",
            "健全行政规范性文件备案审查制度",
            {"司法局": "lead", "政府办": "cooperating"},
        ),
        _task(
            12, 1, "2", "严格规范公正文明执法", {"公安局": "responsible", "司法局": "cooperating"}
        ),
        _task(13, 1, "3", "加强法治宣传教育工作", {"政府办": "lead", "司法局": "responsible"}),
        _task(14, 1, "4", "推进行政执法监督", {"公安局": "lead"}),
        _task(31, 2, "(一)", "完善重大行政决策程序", {"政府办": "lead", "司法局": "responsible"}),
        *extra,
    ]
    indicators = [
        _ind(21, 11, "1", "行政规范性文件报备率", ">=", 100.0, "%", ("司法局",)),
        _ind(22, 12, "2", "执法监督检查次数", ">=", 1.0, "次", ("公安局",)),
        _ind(23, 13, "3", "群众满意度", ">", 95.0, "%", ("政府办", "司法局")),
        _ind(24, 13, "3", "领导干部学法学时", ">=", 60.0, "学时", ("政府办", "司法局")),
        _ind(25, 11, "1", "行政复议纠错率", "<=", 5.0, "%", ("司法局",)),
    ]
    units = ["司法局", "政府办", "公安局", "财政局"]
    return Catalog(tasks, indicators, units, {"县司法局": "司法局", "县政府办": "政府办"})


CATALOG = make_catalog()


def xlsx(*sheets: tuple[str, list[list]], merge: dict[str, list[str]] | None = None) -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets:
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
        for ref in (merge or {}).get(name, []):
            ws.merge_cells(ref)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def template(
    tasks: list[list],
    indicators: list[list],
    year=2025,
    quarter=1,
    unit="司法局",
    percent_cells: tuple[str, ...] = (),
) -> bytes:
    """The template's layout: title (merged), headers, data from row 3, hidden IDs, _meta."""
    wb = openpyxl.Workbook()
    wb.active.title = "填报说明"
    wb.active.append(["请于2025年4月10日前报送"])
    for name, headers, rows in (
        ("任务进展", TASK_HEADERS, tasks),
        ("指标数据", INDICATOR_HEADERS, indicators),
    ):
        ws = wb.create_sheet(name)
        ws.append([f"{PLAN} {year}年第{quarter}季度 {name}（{unit}）"])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
        ws.append(headers)
        for row in rows:
            ws.append(row)
        ws.column_dimensions[chr(64 + len(headers))].hidden = True
    for ref in percent_cells:
        wb["指标数据"][ref].number_format = "0.0%"
    meta = wb.create_sheet("_meta")
    for pair in (
        ["key", "value"],
        ["template_version", 1],
        ["year", year],
        ["quarter", quarter],
        ["unit", unit],
        ["plan_ids", "1,2"],
    ):
        meta.append(pair)
    meta.sheet_state = "veryHidden"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def trow(unit, number, text, status=None, note=None, evidence=None, task_id=None, plan=PLAN):
    return [unit, number, text, "牵头", None, status, note, evidence, plan, task_id]


def irow(unit, number, name, num=None, den=None, actual=None, note=None, target_id=None):
    return [
        unit,
        number,
        name,
        "≥ 100%",
        "已报备件数",
        num,
        "应报备件数",
        den,
        actual,
        note,
        PLAN,
        target_id,
    ]


def T(unit, task_id, status, note=None, evidence=None, sheet="任务进展", row=3, y=2025, q=1):
    return TaskReport(unit, task_id, y, q, status, note, evidence, sheet, row)


def I(unit, target_id, num, den, actual, note=None, sheet="指标数据", row=3, y=2025, q=1):  # noqa: E743
    return IndicatorReport(unit, target_id, y, q, num, den, actual, note, sheet, row)


# ---------------------------------------------------------------- the template


def test_template_rows_by_hidden_ids_with_period_and_unit_from_meta():
    data = template(
        [
            trow(
                "司法局",
                "1",
                "健全行政规范性文件备案审查制度",
                "推进中",
                "已审查3件",
                "清单.pdf",
                11,
            ),
            trow("司法局", "2", "严格规范公正文明执法", None, None, None, 12),  # not filled
            trow("司法局", "3", "加强法治宣传教育工作", " 已完成 ", "", None, 13),
            trow("司法局", "(一)", "完善重大行政决策程序", "完成", None, None, 31),
        ],
        [
            irow("司法局", "1", "行政规范性文件报备率", 39, 40, None, "1件补报", 21),
            irow("司法局", "3", "群众满意度", None, None, 0.985, None, 23),  # percent cell
            irow("司法局", "3", "领导干部学法学时", D, D, 12.5, None, 24),
            irow("司法局", "1", "行政复议纠错率", D, D, None, None, 25),  # not filled
        ],
        percent_cells=("I4",),
    )
    got = read_progress("司法局.xlsx", data, CATALOG)
    assert got.errors == []
    assert got.tasks == [
        T("司法局", 11, "推进中", "已审查3件", "清单.pdf", row=3),
        T("司法局", 13, "已完成", row=5),
        T("司法局", 31, "已完成", row=6),
    ]
    assert got.indicators == [
        I("司法局", 21, 39.0, 40.0, None, "1件补报", row=3),
        I("司法局", 23, None, None, 98.5, row=4),
        I("司法局", 24, None, None, 12.5, row=5),
    ]
    assert got.warnings == ["任务进展：1 行未填写", "指标数据：1 行未填写"]
    assert got.periods == {("司法局", 2025, 1)}


def test_ids_fall_back_to_numbers_and_a_chosen_period_other_than_meta_is_refused():
    data = template(
        [
            trow("司法局", "3", "加强法治宣传教育工作", "推进中", None, None, 999),  # unknown id
            trow(
                "司法局", "1", "健全行政规范性文件备案审查制度", "滞后", None, None, 13
            ),  # wrong id
        ],
        [irow("司法局", "3", "群众满意度", None, None, "96%", None, None)],  # id cell emptied
    )
    got = read_progress("司法局.xlsx", data, CATALOG, "县司法局", 2025, 1)
    assert got.errors == []
    assert got.tasks == [T("司法局", 13, "推进中"), T("司法局", 11, "滞后", row=4)]
    assert got.indicators == [I("司法局", 23, None, None, 96.0)]
    assert got.warnings == []
    assert got.periods == {("司法局", 2025, 1)}
    # the same sheet uploaded for the second quarter: refused, both periods named, no re-dating
    got = read_progress("司法局.xlsx", data, CATALOG, "县司法局", 2025, 2)
    assert got.errors == [
        "文件注明的期间为2025年第1季度（系统生成的填报表），与所选的2025年第2季度不一致："
        "请选择2025年第1季度，或下载2025年第2季度的填报表填写"
    ]
    assert (got.tasks, got.indicators, got.periods) == ([], [], set())


def test_template_for_another_unit_is_rejected_row_by_row():
    data = template(
        [trow("公安局", "2", "严格规范公正文明执法", "推进中", None, None, 12)], [], unit="公安局"
    )
    got = read_progress("公安局.xlsx", data, CATALOG, "司法局")
    assert got.errors == [
        "「任务进展」第3行「单位」为「公安局」，但本次以「司法局」名义报送，只能填报本单位的数据"
    ]
    assert got.tasks == [] and got.periods == set()


def test_unfilled_template_is_an_empty_upload():
    data = template(
        [trow("司法局", "1", "健全行政规范性文件备案审查制度", task_id=11)],
        [irow("司法局", "3", "领导干部学法学时", D, D, None, None, 24)],
    )
    got = read_progress("司法局.xlsx", data, CATALOG)
    assert got.errors == ["未找到可识别的数据行：表中各行均未填写进展状态、进展说明或指标数值"]
    assert got.warnings == ["任务进展：1 行未填写", "指标数据：1 行未填写"]


# ---------------------------------------------------------------- flat sheets made by hand


def test_flat_sheet_with_title_two_row_header_spacers_merged_units_and_period_columns():
    rows = [
        ["2025年各单位法治政府建设任务进展汇总表"],
        [],
        ["填报单位", "任务编号", "工作任务", "年度", "季度", "进展情况", None],
        [None, None, None, None, None, "状态", "说明"],
        ["县司法局", "1.", "", "2025年", "第一季度", "已完成", "已建立制度"],
        [None, "（一）", "完善重大行政决策程序", 2025, "Q2", "进行中", None],
        [],
        ["填报单位", "任务编号", "工作任务", "年度", "季度", "进展情况", None],
        ["政府办", "３", None, "2025", "2025年第2季度", "持续推进", "  "],
        ["公安局", "2", None, "2025年第3季度", None, "逾期", "人员不足"],
    ]
    data = xlsx(("汇总", rows), merge={"汇总": ["A1:G1", "A5:A6", "F3:G3"]})
    got = read_progress("汇总.xlsx", data, CATALOG)
    assert got.errors == []
    assert got.tasks == [
        T("司法局", 11, "已完成", "已建立制度", sheet="汇总", row=5),
        T("司法局", 31, "推进中", sheet="汇总", row=6, q=2),
        T("政府办", 13, "长期推进", sheet="汇总", row=9, q=2),
        T("公安局", 12, "滞后", "人员不足", sheet="汇总", row=10, q=3),
    ]
    assert got.periods == {
        ("司法局", 2025, 1),
        ("司法局", 2025, 2),
        ("政府办", 2025, 2),
        ("公安局", 2025, 3),
    }


def test_flat_indicator_sheet_values_full_width_thousands_and_title_period():
    rows = [
        ["2025年第3季度 指标完成情况（司法局）"],
        ["单位", "指标名称", "完成数", "应完成数", "完成值", "备注"],
        ["司法局", "行政规范性文件报备率", "３９", "４０", None, None],
        ["司法局", "群众满意度", None, None, "１００％", None],
        ["司法局", "领导干部学法学时", None, None, "1,234", "集中学法"],
        ["司法局", "执法监督", None, None, None, None],  # spacer-like: not filled, not counted
        [None, None, None, None, None, None],
        ["司法局", "行政复议纠错率", 0, 0, None, "本季度无复议案件"],
    ]
    got = read_progress("指标.xlsx", xlsx(("Sheet1", rows)), CATALOG)
    assert got.errors == []
    assert got.indicators == [
        I("司法局", 21, 39.0, 40.0, None, sheet="Sheet1", q=3),
        I("司法局", 23, None, None, 100.0, sheet="Sheet1", row=4, q=3),
        I("司法局", 24, None, None, 1234.0, "集中学法", sheet="Sheet1", row=5, q=3),
        I("司法局", 25, 0.0, 0.0, None, "本季度无复议案件", sheet="Sheet1", row=8, q=3),
    ]
    assert got.warnings == ["Sheet1：1 行未填写"]


def test_leading_blank_rows_and_columns_keep_excel_row_numbers():
    rows = [
        [],
        [],
        [None, "单位", "编号", "进展状态"],
        [None, "司法局", "1", "已完成"],
        [None, "司法局", "9", "已完成"],
    ]
    got = read_progress("a.xlsx", xlsx(("表", rows)), CATALOG, year=2025, quarter=4)
    assert got.tasks == [T("司法局", 11, "已完成", sheet="表", row=4, q=4)]
    assert got.errors == ["「表」第5行「编号」为「9」，「司法局」没有该编号的任务，请核对编号"]


def test_xls_with_percent_cell_read_as_fraction_only_for_high_targets():
    wb = xlwt.Workbook()
    ws = wb.add_sheet("指标")
    percent = xlwt.easyxf(num_format_str="0.0%")
    for c, h in enumerate(["单位", "指标", "实际值", "说明"]):
        ws.write(0, c, h)
    ws.write(1, 0, "司法局")
    ws.write(1, 1, "群众满意度")
    ws.write(1, 2, 0.985, percent)
    ws.write(2, 0, "司法局")
    ws.write(2, 1, "行政复议纠错率")
    ws.write(2, 2, 0.5)
    ws.write(2, 3, "低于目标")
    out = io.BytesIO()
    wb.save(out)
    got = read_progress("指标.xls", out.getvalue(), CATALOG, "司法局", 2025, 1)
    assert got.errors == []
    assert got.indicators == [
        I("司法局", 23, None, None, 98.5, sheet="指标", row=2),
        I("司法局", 25, None, None, 0.5, "低于目标", sheet="指标", row=3),
    ]
    assert got.warnings == ["「指标」第2行「实际值」0.985按98.5%读取"]


def test_gbk_csv_without_unit_column_takes_the_reporting_unit():
    text = "序号,任务名称,完成情况,进展情况\n1,加强法治宣传教育工作,已完成,开展宣传12场\n2,完善重大行政决策程序,推进中,\n"
    got = read_progress("司法局.csv", text.encode("gbk"), CATALOG, "司法局", 2025, 1)
    assert got.errors == []
    assert got.tasks == [
        T("司法局", 13, "已完成", "开展宣传12场", sheet="司法局", row=2),
        T("司法局", 31, "推进中", sheet="司法局", row=3),
    ]


def test_number_shared_across_plans_is_resolved_by_text_or_reported():
    catalog = make_catalog(_task(32, 2, "3", "深化政务公开工作", {"司法局": "lead"}))
    rows = [
        ["单位", "编号", "任务", "状态"],
        ["司法局", 3, "深化政务公开", "已完成"],
        ["司法局", 3, None, "已完成"],
    ]
    got = read_progress("a.csv", _csv(rows), catalog, None, 2025, 1)
    assert got.tasks == [T("司法局", 32, "已完成", sheet="a", row=2)]
    assert got.errors == [
        f"「a」第3行「编号」为「3」对应「司法局」的多项任务（{PLAN}、{POINTS}），"
        "请在「任务」列填写任务名称以区分"
    ]


def _csv(rows: list[list]) -> bytes:
    return "\n".join(",".join("" if v is None else str(v) for v in r) for r in rows).encode()


# ---------------------------------------------------------------- validation messages


def test_every_problem_is_reported_with_sheet_row_and_column():
    tasks = [
        ["单位", "编号", "任务", "进展状态", "进展说明", "季度"],
        ["司法局", "1", None, "快完成了", None, None],
        ["市场局", "1", None, "已完成", None, None],
        ["司法局", "4", None, "已完成", None, None],
        ["司法局", None, "不存在的任务内容", "已完成", None, None],
        ["司法局", "1", None, "已完成", None, "5"],
        ["司法局", "(一)", None, "已完成", None, "1"],
        ["司法局", "（一）", None, "推进中", None, "第一季度"],
        ["司法局", "3", None, None, "正在准备", None],
        ["司法局", "2", None, None, None, None],  # cooperating task, not filled: skipped
    ]
    values = [
        ["单位", "指标", "分子", "分母", "实际值"],
        ["司法局", "行政规范性文件报备率", 41, 40, None],
        ["司法局", "行政规范性文件报备率", -1, 40, None],
        ["司法局", "行政规范性文件报备率", 2.5, "三十", None],
        ["司法局", "行政规范性文件报备率", 3, None, None],
        ["司法局", "群众满意度", None, None, "120%"],
        ["司法局", "领导干部学法学时", None, None, "三十"],
        ["司法局", "执法监督检查次数", None, None, 2],
        ["司法局", "依法行政考核得分", None, None, 90],
        ["政府办", "领导干部学法学时", 1, 2, None],
        ["司法局", "行政复议纠错率", None, 3, None],
    ]
    got = read_progress("x.xlsx", xlsx(("任务", tasks), ("指标", values)), CATALOG, None, 2025, 1)
    words = "未启动、推进中、已完成、长期推进、滞后"
    assert got.errors == [
        f'「任务」第2行「进展状态」应为{words}之一，实际为"快完成了"',
        "「任务」第3行「单位」为「市场局」，不是已登记的单位，请使用系统中的单位名称",
        "「任务」第4行「编号」为「4」的任务（推进行政执法）不是「司法局」承担的任务（承担单位：公安局）",
        "「任务」第5行「任务」为「不存在的任务内容」，未找到「司法局」承担的对应任务，请填写「编号」或与计划一致的任务名称",
        '「任务」第6行「季度」应为1至4（如1、Q1、第一季度），实际为"5"',
        "「任务」第7行与第8行重复：同一单位、任务和季度只能填报一行（司法局，编号(一)，2025年第1季度）",
        f"「任务」第9行未填写「进展状态」（应为{words}之一）",
        '「指标」第2行「分母」应为不小于「分子」的非负整数，实际为"40"（「分子」为41）',
        '「指标」第3行「分子」应为不大于「分母」的非负整数，实际为"-1"',
        '「指标」第4行「分子」应为不大于「分母」的非负整数，实际为"2.5"',
        '「指标」第4行「分母」应为不小于「分子」的非负整数，实际为"三十"',
        "「指标」第5行已填写「分子」但未填写「分母」：比率类指标请同时填写「分子」和「分母」，或只填写「实际值」",
        '「指标」第6行「实际值」应为0至100之间的百分数（如98.5或98.5%），实际为"120%"',
        '「指标」第7行「实际值」应为不小于0的数字，实际为"三十"',
        "「指标」第8行「指标」为「执法监督检查次数」，不是「司法局」需报送的指标（由公安局报送）",
        "「指标」第9行「指标」为「依法行政考核得分」，不是「司法局」需报送的指标",
        "「指标」第10行「分母」不适用于以「学时」计的指标「领导干部学法学时」：请只在「分子」或「实际值」填写完成的数量，「分母」留空",
        "「指标」第11行已填写「分母」但未填写「分子」：比率类指标请同时填写「分子」和「分母」，或只填写「实际值」",
    ]
    assert got.tasks == [T("司法局", 31, "已完成", sheet="任务", row=7)]
    assert got.indicators == []
    assert got.warnings == ["任务：1 行未填写"]


def test_duplicates_name_both_rows_and_missing_year_names_the_sheet():
    rows = [
        ["单位", "编号", "状态", "季度"],
        ["司法局", "1", "已完成", "1"],
        ["司法局", "1.", "推进中", "一季度"],
    ]
    assert read_progress("d.xlsx", xlsx(("进展", rows)), CATALOG, year=2025).errors == [
        "「进展」第2行与第3行重复：同一单位、任务和季度只能填报一行（司法局，编号1，2025年第1季度）"
    ]
    got = read_progress("d.xlsx", xlsx(("进展", rows[:2])), CATALOG)
    assert got.errors == [
        "「进展」第2行无法确定年度：请增加「年度」列、在标题中注明（如“2025年第1季度”），或在上传时选择年度"
    ]


def test_duplicates_across_sheets_and_count_indicator_as_percent():
    first = [["单位", "指标", "实际值"], ["公安局", "执法监督检查次数", 2]]
    second = [
        ["单位", "指标", "实际值"],
        ["公安局", "执法监督检查次数", "3"],
        ["公安局", "执法监督检查次数", "3%"],
        ["公安局", "执法监督检查次数", 1.5],
    ]
    got = read_progress("d.xlsx", xlsx(("一", first), ("二", second)), CATALOG, None, 2025, 1)
    assert got.errors == [
        "「一」第2行与「二」第2行重复：同一单位、指标和季度只能填报一行（公安局，执法监督检查次数，2025年第1季度）",
        '「二」第3行「实际值」应为非负整数（本指标以「次」计，不是百分数），实际为"3%"',
        '「二」第4行「实际值」应为非负整数，实际为"1.5"',
    ]


def test_no_recognisable_table_and_unreadable_file():
    got = read_progress("a.xlsx", xlsx(("说明", [["请填写"], ["谢谢"]])), CATALOG, None, 2025, 1)
    assert got.errors == [
        "未找到可识别的数据行：请使用系统生成的填报表，或在表头中写明「单位」「编号」「任务」「进展状态」"
        "（任务进展）或「单位」「指标」「分子」「分母」「实际值」（指标数据）等列"
    ]
    with pytest.raises(ReadError):
        read_progress("a.xlsx", b"not a workbook", CATALOG)


def test_bad_arguments_stop_before_reading_rows():
    data = xlsx(("a", [["单位", "编号", "状态"], ["司法局", "1", "已完成"]]))
    got = read_progress("a.xlsx", data, CATALOG, "不存在的局", 2025, 5)
    assert got.errors == [
        "季度应为1至4，实际为5",
        "报送单位「不存在的局」不是已登记的单位，无法校验本次报送",
    ]


def test_errors_are_capped_with_a_count_of_the_rest():
    rows = [["单位", "编号", "状态"]] + [["司法局", "1", "不知道"]] * 250
    got = read_progress("a.csv", _csv(rows), CATALOG, None, 2025, 1)
    assert len(got.errors) == 201
    assert (
        got.errors[0]
        == '「a」第2行「状态」应为未启动、推进中、已完成、长期推进、滞后之一，实际为"不知道"'
    )
    assert got.errors[-1] == "…另有 50 条"


# ---------------------------------------------------------------- values


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("98.5%", Number(98.5, True)),
        ("１００％", Number(100.0, True)),
        (" 100 ", Number(100.0)),
        ("1,234", Number(1234.0)),
        (0.985, Number(0.985)),
        (7, Number(7.0)),
        ("三十", None),
        ("1,23", None),
        ("约40", None),
        (True, None),
    ],
)
def test_parse_number(raw, expected):
    assert parse_number(raw) == expected


@pytest.mark.parametrize(
    ("raw", "quarter_only", "expected"),
    [
        ("2025", False, (2025, None)),
        ("2025年", False, (2025, None)),
        (2025.0, False, (2025, None)),
        ("2025年第1季度", False, (2025, 1)),
        ("2025年度第四季度", True, (2025, 4)),
        ("第一季度", True, (None, 1)),
        ("一季度", True, (None, 1)),
        ("Q3", True, (None, 3)),
        (2.0, True, (None, 2)),
        ("2025Q2", True, (2025, 2)),
        ("Q4-2024", True, (2024, 4)),
        ("2025年第1季", True, (2025, 1)),
        ("1", False, None),
        ("5", True, None),
        ("第五季度", True, None),
        ("二〇二五年", False, None),
    ],
)
def test_parse_period(raw, quarter_only, expected):
    assert parse_period(raw, quarter_only) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("(一)", ("cn", 1)),
        ("（一）", ("cn", 1)),
        ("一", ("cn", 1)),
        ("十二、", ("cn", 12)),
        ("7", ("ar", 7)),
        ("7.", ("ar", 7)),
        ("７", ("ar", 7)),
        (7.0, ("ar", 7)),
        ("(34)", ("ar", 34)),
        ("③", ("ar", 3)),
        ("1.2", ("raw", "1.2")),
        ("", None),
    ],
)
def test_number_key(raw, expected):
    assert number_key(raw) == expected


def test_status_words_headers_and_titles():
    assert [
        parse_status(s) for s in (" 已完成 ", "正在 推进", "尚未启动", "常态化推进", "未按期完成")
    ] == ["已完成", "推进中", "未启动", "长期推进", "滞后"]
    assert parse_status("差不多") is None
    assert header_field("进展状态（下拉选择）") == ("status", 0)
    assert header_field("牵头责任 单位") == ("unit", 5)
    assert header_field("实际值(%)") == ("actual", 0)
    assert header_field("任务id") == ("task_id", 0)
    assert header_field("完成时限") is None
    assert title_period(f"{PLAN} 2025年第1季度 任务进展（司法局）") == (2025, 1)
    assert title_period("2024年三季度工作进展") == (2024, 3)
    assert title_period(PLAN) is None


def test_percent_formatted_cells_in_xlsx():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "指标"
    ws.append(["单位", "指标", "实际值"])
    ws.append(["司法局", "行政复议纠错率", 0.025])  # low target: still a percent cell -> 2.5
    ws.append(["司法局", "群众满意度", 1.2])  # shows 120%
    ws.append(["公安局", "执法监督检查次数", 3])  # shows 300%
    ws.append(["司法局", "领导干部学法学时", 12])  # general format
    for ref in ("C2", "C3", "C4"):
        ws[ref].number_format = "0%"
    out = io.BytesIO()
    wb.save(out)
    got = read_progress("p.xlsx", out.getvalue(), CATALOG, None, 2025, 1)
    assert got.errors == [
        '「指标」第3行「实际值」应为0至100之间的百分数（如98.5或98.5%），实际为"120%"',
        '「指标」第4行「实际值」应为非负整数（本指标以「次」计，不是百分数），实际为"300%"',
    ]
    assert got.warnings == []
    got = read_progress("p.xlsx", out.getvalue(), CATALOG, "司法局", 2025, 1)
    assert got.errors[1:] == [
        "「指标」第4行「单位」为「公安局」，但本次以「司法局」名义报送，只能填报本单位的数据"
    ]
    assert got.indicators == [
        I("司法局", 25, None, None, 2.5, sheet="指标", row=2),
        I("司法局", 24, None, None, 12.0, sheet="指标", row=5),
    ]


def test_indicator_names_shared_by_years_and_tasks():
    catalog = make_catalog()
    catalog.indicators += [
        _ind(26, 11, "1", "公职律师覆盖率", ">=", 70.0, "%", ("司法局",), year=2024),
        _ind(27, 11, "1", "公职律师覆盖率", ">=", 50.0, "%", ("司法局",), year=2025),
        _ind(28, 11, "1", "群众满意度", ">", 90.0, "%", ("司法局",)),
    ]
    rows = [
        ["单位", "编号", "指标", "年度", "实际值"],
        ["司法局", None, "公职律师覆盖率", 2024, 71],
        ["司法局", None, "公职律师覆盖率", 2025, "55%"],
        ["司法局", 3, "满意度", 2025, 96],
        ["司法局", None, "群众满意度", 2025, 96],
    ]
    got = read_progress("y.csv", _csv(rows), catalog, None, None, 4)
    assert got.indicators == [
        I("司法局", 26, None, None, 71.0, sheet="y", row=2, y=2024, q=4),
        I("司法局", 27, None, None, 55.0, sheet="y", row=3, q=4),
        I("司法局", 23, None, None, 96.0, sheet="y", row=4, q=4),
    ]
    assert got.errors == [
        "「y」第5行「指标」为「群众满意度」，对应「司法局」的多个指标（编号3、编号1），请填写「编号」以区分",
    ]


# ---------------------------------------------------------------- fast path = full checks

_UNITS = ["司法局", "县司法局", "政府办", "公安局", "财政局", "教育局", "", None, " 司法局 "]
_NUMBERS = ["1", "2", "3", "4", "(一)", "1.", "３", "9", "", None, 1, 2.0]
_TEXTS = ["", None, "严格规范公正文明执法", "加强法治宣传教育工作", "不存在的任务"]
_STATUS = [
    "已完成",
    "推进中",
    "完成",
    "进行中",
    "滞后",
    "长期推进",
    "未启动",
    "好",
    "",
    None,
    " 已完成 ",
]
_OWNED = [
    ("司法局", "1"),
    ("县司法局", "1"),
    ("公安局", "2"),
    ("政府办", "3"),
    ("司法局", "3"),
    ("公安局", "4"),
    ("政府办", "(一)"),
    ("司法局", "(一)"),
]
_YEARS = [2025, "2025", "2025年", "2024", "二〇二五", "", None]
_QUARTERS = [1, "1", "Q2", "第三季度", "5", "", None]


def _random_task_sheet(rng) -> list[list]:
    header = ["单位", "编号", "任务", "年度", "季度", "进展状态", "进展说明", "佐证材料"]
    rows = [["各单位任务进展汇总"], header]
    for _ in range(rng.randint(1, 60)):
        kind = rng.random()
        if kind < 0.05:
            rows.append([])
        elif kind < 0.08:
            rows.append(list(header))  # a header repeated in the middle
        elif kind < 0.6:  # a row of a unit and one of its tasks
            rows.append(
                [
                    *rng.choice(_OWNED),
                    None,
                    2025,
                    rng.choice([1, 2]),
                    rng.choice(_STATUS[:6]),
                    rng.choice(["", "已落实"]),
                    None,
                ]
            )
        else:  # anything
            rows.append(
                [
                    rng.choice(_UNITS),
                    rng.choice(_NUMBERS),
                    rng.choice(_TEXTS),
                    rng.choice(_YEARS),
                    rng.choice(_QUARTERS),
                    rng.choice(_STATUS),
                    rng.choice(["", None, "说明", "=1+1"]),
                    rng.choice([None, "台账"]),
                ]
            )
    return rows


@pytest.mark.parametrize("seed", range(40))
def test_fast_path_gives_the_same_records_and_messages_as_the_full_checks(seed, monkeypatch):
    """The bulk path for clean task rows is an optimisation only: on the same sheet (clean rows,
    repeats, unknown units and tasks, bad words and periods, blanks, repeated headers) both
    paths give identical records, errors, warnings and periods."""
    import random

    from loaders.progress import sheet as sheet_module

    rng = random.Random(seed)
    data = xlsx(("汇总", _random_task_sheet(rng)))
    unit = rng.choice([None, None, "司法局", "all"])
    year, quarter = rng.choice([(None, None), (2025, 1)])
    fast = read_progress("汇总.xlsx", data, CATALOG, unit, year, quarter)
    monkeypatch.setattr(sheet_module, "FAST_PATH", False)
    full = read_progress("汇总.xlsx", data, CATALOG, unit, year, quarter)
    assert fast.tasks == full.tasks
    assert [t.plan_id for t in fast.tasks] == [t.plan_id for t in full.tasks]
    assert (fast.errors, fast.warnings, fast.periods) == (full.errors, full.warnings, full.periods)


def test_fast_path_is_taken_on_clean_sheets(monkeypatch):
    """The equivalence above means something only if the bulk path runs: on a clean sheet it
    keeps the rows without calling the per-row checks."""
    from loaders.progress import sheet as sheet_module

    calls = []
    original = sheet_module._SheetReader.read_row
    monkeypatch.setattr(
        sheet_module._SheetReader,
        "read_row",
        lambda self, r, cells: calls.append(r) or original(self, r, cells),
    )
    rows = [["单位", "编号", "进展状态"], ["司法局", "1", "已完成"], ["公安局", "2", "推进中"]]
    got = read_progress("a.xlsx", xlsx(("任务", rows)), CATALOG, None, 2025, 1)
    assert [(t.unit, t.task_id, t.status) for t in got.tasks] == [
        ("司法局", 11, "已完成"),
        ("公安局", 12, "推进中"),
    ]
    assert calls == []
