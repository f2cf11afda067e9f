"""Tables in a text copied as one line: their rows found again by counting TABs
(loaders/plans/oneline_tables.py), each case made by joining a table's lines by hand."""

from __future__ import annotations

from loaders.plans.oneline_tables import restore_rows
from loaders.plans.parse import parse_bytes

HEADER = "序号\t工作任务\t责任单位\t完成时限"
ROWS = [
    "1\t建立行政规范性文件合法性审核机制。\t区司法局\t2024年6月底前",
    "2\t推行行政执法三项制度。\t区司法局、区市场监管局\t长期坚持",
    "3\t开展法治宣传进机关活动。\t区委宣传部\t年底前",
]


def test_rows_come_back_where_each_last_cell_runs_into_the_next_number():
    line = "各单位要抓好落实。" + HEADER + "".join(ROWS) + "特此通知。"
    assert restore_rows([line]) == ["各单位要抓好落实。", HEADER, *ROWS, "特此通知。"]


def test_trailing_tabs_mean_nothing_is_glued():
    # an empty last column: the header and every row end in a TAB, so no cell runs into another
    header = "任务分类\t具体措施\t责任单位\t备注\t"
    rows = [
        "一、依法决策\t(1) 编制重大行政决策事项目录。\t区政府办公室\t\t",
        "\t(2) 落实合法性审查。\t区司法局\t\t",
        "二、严格执法\t(3) 全面推行执法公示。\t各执法部门\t\t",
    ]
    line = "附件" + header + "".join(rows) + "抄送:区人大常委会办公室。"
    assert restore_rows([line]) == [
        "附件",
        "任务分类\t具体措施\t责任单位\t备注",
        "一、依法决策\t(1) 编制重大行政决策事项目录。\t区政府办公室\t",
        "\t(2) 落实合法性审查。\t区司法局\t",
        "二、严格执法\t(3) 全面推行执法公示。\t各执法部门\t",
        "抄送:区人大常委会办公室。",
    ]


def test_a_header_repeated_on_the_next_page_starts_a_new_count():
    # the first page's rows have 4 TABs, the second page's (its header with a trailing TAB) 5
    page1 = [
        "任务分类\t主要任务\t具体措施\t责任单位\t完成时限",
        "一、政府职能\t1. 深化放管服改革。\t(1) 公布权责清单。\t区委编办牵头\t6月底前",
        "\t\t(2) 压缩审批时限。\t区审批局牵头\t长期坚持",
    ]
    page2 = [
        "任务分类\t主要任务\t具体措施\t责任单位\t完成时限\t",
        "二、制度建设\t2. 规范文件管理。\t(3) 清理规范性文件。\t区司法局牵头\t9月底前\t",
        "\t\t(4) 落实备案审查。\t区司法局牵头\t年底前\t",
    ]
    line = "现将任务分解如下:" + "".join(page1) + "".join(page2) + "附件2:联络员名单"
    assert restore_rows([line]) == [
        "现将任务分解如下:",
        *page1,
        "任务分类\t主要任务\t具体措施\t责任单位\t完成时限",
        "二、制度建设\t2. 规范文件管理。\t(3) 清理规范性文件。\t区司法局牵头\t9月底前",
        "\t\t(4) 落实备案审查。\t区司法局牵头\t年底前",
        "附件2:联络员名单",
    ]


def test_without_a_deadline_column_a_row_opens_at_its_outline_number():
    header = "重点任务\t工作措施\t牵头单位\t配合单位"
    rows = [
        "一、优化营商环境\t(1) 推行证明事项告知承诺制。\t区司法局\t各有关部门",
        "二、规范执法行为\t(2) 开展执法案卷评查。\t区司法局\t区各执法部门",
    ]
    line = "工作安排如下。" + header + "".join(rows)
    assert restore_rows([line]) == ["工作安排如下。", header, *rows]


def test_an_attachment_line_and_the_table_title_above_the_header_are_lines_of_their_own():
    line = (
        "请认真贯彻落实。附件:2024年法治政府建设任务分解表2024年法治政府建设任务分解表附件"
        + HEADER
        + "".join(ROWS)
    )
    assert restore_rows([line])[:5] == [
        "请认真贯彻落实。",
        "附件:2024年法治政府建设任务分解表",
        "2024年法治政府建设任务分解表",
        "附件",
        HEADER,
    ]


def test_tabs_that_do_not_count_out_as_rows_are_left_alone():
    # the second row lost a TAB (a merged cell copied without its place): no row width fits
    line = "说明:" + HEADER + "1\t任务一。\t区司法局\t6月底前2\t任务二。区财政局\t年底前" + "。" * 3
    assert restore_rows([line]) == [line]
    # a line of prose with TABs but no header is not a table
    prose = "\t".join(["一、总体要求", "二、主要任务", "三、保障措施"] * 4)
    assert restore_rows([prose]) == [prose]


def test_a_plan_with_its_table_copied_as_one_line_reads_like_the_original():
    plan = [
        "关于印发《2024年某县法治政府建设任务分解表》的通知",
        "各乡镇人民政府,县政府各部门:",
        "现将任务分解表印发给你们,请认真贯彻落实。",
        "某县人民政府办公室",
        "2024年3月1日",
        "2024年某县法治政府建设任务分解表",
        HEADER,
        *ROWS,
    ]
    original = parse_bytes("plan.txt", "\n".join(plan).encode())["documents"]
    copied = parse_bytes("plan.txt", "".join(plan).encode())["documents"]

    def tasks(documents):
        return [
            (t["title"], t["lead_units"] + t["responsible_units"], t["deadline"])
            for d in documents
            if d["kind"] == "breakdown_table"
            for a in d["actions"]
            for t in a["tasks"]
        ]

    expected = [
        ("建立行政规范性文件合法性审核机制", ["区司法局"], "2024-06-30"),
        ("推行行政执法三项制度", ["区司法局", "区市场监管局"], None),
        ("开展法治宣传进机关活动", ["区委宣传部"], "2024-12-31"),
    ]
    assert tasks(original) == expected
    assert tasks(copied) == expected
