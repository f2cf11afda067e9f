"""Rules of the genre that the seeds do not show, each on a small case of our own written in the
forms seen in real documents from other regions (parse_bytes, the whole pipeline)."""

from __future__ import annotations

import pytest

from loaders.plans.parse import parse_bytes


def docs(text: str, name: str = "a.txt") -> list[dict]:
    return parse_bytes(name, text.encode("utf-8"))["documents"]


def pasted(paragraphs: list[str], cells: list[str]) -> str:
    """A text whose table is pasted one cell per paragraph, paragraphs parted by blank lines."""
    return "\n\n".join([*paragraphs, *cells]) + "\n"


def tasks(doc: dict) -> list[dict]:
    return [t for a in doc["actions"] for t in a["tasks"]]


def action_rows(doc: dict, *fields: str) -> list[tuple]:
    """(action title, the task's fields …) for every task of a document."""
    return [(a["title"], *(t[f] for f in fields)) for a in doc["actions"] for t in a["tasks"]]


def roles(task: dict) -> tuple[list, list, list]:
    return task["lead_units"], task["responsible_units"], task["cooperating_units"]


# ---------------------------------------------------------------- kind by content


def test_assessment_rules_whose_attachment_lists_attributed_tasks_are_a_plan():
    text = """某市法治政府建设考评办法
第一条 为推进法治政府建设,制定本办法。
第二条 考评实行百分制。
附件:年度重点任务
1.制定年度立法计划。(5月底完成,牵头考核单位:市司法局)
2.开展行政执法案卷评查。(10月底完成,牵头考核单位:市司法局)
3.公布权责清单。(6月底完成,牵头考核单位:市委编办)
"""
    (doc,) = docs(text)
    assert doc["kind"] == "plan"
    assert [(t["number"], t["lead_units"]) for t in tasks(doc)] == [
        ("1", ["市司法局"]),
        ("2", ["市司法局"]),
        ("3", ["市委编办"]),
    ]


def test_report_without_its_title_block_is_a_report_with_achievements():
    text = """现将有关情况报告如下:
一、2021年主要工作情况
(一)行政应诉工作。全年办理行政应诉案件120件,行政机关负责人出庭应诉率为100%。
(二)行政复议工作。共收到行政复议申请56件,办结率达98.2%。
二、存在的问题
"""
    (doc,) = docs(text)
    assert doc["kind"] == "annual_report"
    got = {(a["indicator"], a["value"], a["unit"]) for a in doc["achievements"]}
    assert ("行政机关负责人出庭应诉率", 100, "%") in got
    assert doc["actions"] == []


def test_a_plan_naming_no_units_takes_its_tasks_from_the_outline():
    text = """某区2024年法治政府建设工作要点
一、总体要求
(一)指导思想。坚持依法行政。
二、依法全面履行政府职能
(一)深化放管服改革。推进政务服务标准化。
(二)完善权责清单制度。动态调整权责清单。
三、健全依法决策机制
(一)严格落实重大行政决策程序。
(二)推行合法性审查全覆盖。
"""
    (doc,) = docs(text)
    assert doc["kind"] == "plan"
    assert [(a["code"], [t["number"] for t in a["tasks"]]) for a in doc["actions"]] == [
        ("二", ["(一)", "(二)"]),
        ("三", ["(一)", "(二)"]),
    ]


def test_a_plan_title_split_into_tasks_is_a_plan_even_with_report_in_it():
    text = """2023年政府工作报告主要目标任务责任分解
一、主要预期目标
(一)地区生产总值增长7%以上。
责任单位:区发展和改革局
(二)规上工业增加值增长12%。
责任单位:区科技和经信局
(三)固定资产投资增长10%。
责任单位:区发展和改革局
"""
    (doc,) = docs(text)
    assert doc["kind"] == "plan"
    assert [t["responsible_units"] for t in tasks(doc)] == [
        ["区发展和改革局"],
        ["区科技和经信局"],
        ["区发展和改革局"],
    ]


# ---------------------------------------------------------------- attribution forms


def test_first_listed_unit_leads_from_the_note_on():
    text = """某省行动方案
一、加快建设低碳能源体系
(一)强化能源碳排放指标约束。严格控制排放。(责任单位:省发展改革委、省经济和信息化委,其中列第一位为牵头单位,下同)
(二)推进煤炭清洁利用。(责任单位:省能源局、省生态环境厅、省住房城乡建设厅)
(三)发展非化石能源。(责任单位:省能源局)
"""
    (doc,) = docs(text)
    assert [roles(t) for t in tasks(doc)] == [
        (["省发展改革委"], ["省经济和信息化委"], []),
        (["省能源局"], ["省生态环境厅", "省住房城乡建设厅"], []),
        (["省能源局"], [], []),
    ]


def test_verb_clauses_inside_a_labelled_list():
    text = """某市重点工作责任分解
一、稳增长
1.城乡居民收入增速高于经济增速。
责任单位:市人力社保局、市农业农村局分别牵头
2.实施招商引资一号工程。
责任单位:市招商办牵头,市发改委、市经信局、各县(市、区)政府
3.深化国资国企改革。
责任单位:市国资委
"""
    (doc,) = docs(text)
    assert [roles(t) for t in tasks(doc)] == [
        (["市人力社保局", "市农业农村局"], [], []),
        (["市招商办"], ["市发改委", "市经信局", "各县(市、区)政府"], []),
        ([], ["市国资委"], []),
    ]


def test_inline_forms_by_duty_and_specific_implementation():
    text = """某县实施方案
一、严格执法
1.推进综合执法改革。(县司法局、县市场监管局按职责分工负责)
2.落实行政执法三项制度。(县司法局牵头,县有关部门具体实施)
3.规范执法裁量。(牵头单位:县司法局;配合单位:县公安局、县交通运输局等)
"""
    (doc,) = docs(text)
    assert [roles(t) for t in tasks(doc)] == [
        ([], ["县司法局", "县市场监管局"], []),
        (["县司法局"], ["县有关部门"], []),
        (["县司法局"], [], ["县公安局", "县交通运输局"]),
    ]


# ---------------------------------------------------------------- outlines in running text


def test_a_whole_plan_on_one_line_is_split_at_its_markers():
    text = (
        "某省碳达峰行动方案 为实现碳达峰目标,制定本方案。 一、加快建设低碳能源体系 "
        "(一)强化能源碳排放指标约束。严格控制排放总量。(责任单位:省发展改革委、省能源局,"
        "其中列第一位为牵头单位,下同)(二)推进煤炭清洁高效利用。(责任单位:省能源局、省生态环境厅)"
        " 二、推进产业绿色转型 (一)发展绿色制造。(责任单位:省经济和信息化委)"
    )
    (doc,) = docs(text)
    assert doc["title"] == "某省碳达峰行动方案"
    assert [(a["code"], a["title"]) for a in doc["actions"]] == [
        ("一", "加快建设低碳能源体系"),
        ("二", "推进产业绿色转型"),
    ]
    assert [(t["number"], *roles(t)) for t in tasks(doc)] == [
        ("(一)", ["省发展改革委"], ["省能源局"], []),
        ("(二)", ["省能源局"], ["省生态环境厅"], []),
        ("(一)", ["省经济和信息化委"], [], []),
    ]


_SPACED_PLAN = [
    "关于印发《某区绿色出行三年行动计划(2024—2026年)》的通知",
    "各街镇,区各有关部门:",
    "现将《某区绿色出行三年行动计划(2024—2026年)》印发给你们,请认真贯彻落实。",
    "某区交通委员会",
    "2024年3月8日",
    "某区绿色出行三年行动计划(2024—2026年)",
    "为推进绿色出行,制定本计划。",
    "一、主要目标",
    "到2026年,绿色出行比例达到75%以上。",
    "二、主要任务",
    "(一)完善慢行网络",
    "1.建设慢行步道。新建慢行步道20公里。(责任单位:区交通委、区绿化市容局,各街镇)",
    "2.优化过街设施。2024年底前完成10处过街设施改造。(责任单位:区建设管理委)",
    "(二)提升公交服务",
    "3.优化公交线网。(牵头单位:区交通委;配合单位:区公交公司)",
    "附件1",
    "某区绿色出行重点项目表",
]


@pytest.mark.parametrize("space", [" ", "\u3000", "\u00a0", "  "])
def test_a_plan_copied_as_one_line_with_its_paragraphs_parted_by_spaces(space):
    """A page copied as one line keeps a space where each line break was: a heading without a
    full stop ends at its space ("(一)完善慢行网络 1.建设…"), the salutation and the signature
    stand apart, and the parse is the parse of the text with its line breaks."""
    by_lines = docs("\n".join(_SPACED_PLAN))
    (doc,) = docs(space.join(_SPACED_PLAN))[:1]
    assert doc["title"] == "某区绿色出行三年行动计划(2024—2026年)"
    assert [(a["code"], a["title"]) for a in doc["actions"]] == [
        ("(一)", "完善慢行网络"),
        ("(二)", "提升公交服务"),
    ]
    assert [(t["number"], t["title"], *roles(t), t["deadline"]) for t in tasks(doc)] == [
        ("1", "建设慢行步道", [], ["区交通委", "区绿化市容局", "各街镇"], [], None),
        ("2", "优化过街设施", [], ["区建设管理委"], [], "2024-12-31"),
        ("3", "优化公交线网", ["区交通委"], [], ["区公交公司"], None),
    ]
    assert [(d["title"], d["kind"], tasks(d)) for d in docs(space.join(_SPACED_PLAN))] == [
        (d["title"], d["kind"], tasks(d)) for d in by_lines
    ]


def test_letter_spaced_text_is_not_cut_at_its_spaces():
    """A PDF's glyphs parted by spaces (法 治 政 府): the spaces part characters, not lines."""
    from loaders.plans.outline import break_spaced_lines

    line = " ".join(
        "某县人民政府关于加强法治政府建设的实施意见为深入推进依法行政加快建设法治政府"
        "结合本县实际提出如下意见一加强组织领导二完善制度体系三规范行政执法行为" * 2
    )
    assert break_spaced_lines(line) == line


def test_spaces_inside_brackets_after_latin_or_before_a_count_are_no_line_breaks():
    """Only the spaces after a closing bracket and before a year part this line."""
    from loaders.plans.outline import break_spaced_lines

    line = "实用文档系列 (标准 完整 实用 可修改) " * 3 + (
        "加快HAI 550、嘉丽都商厦等存量项目调整升级,"
        "共排查出涉民营企业刑事诉讼“挂案” 5起,开展专项行动 2025年度各项工作"
    )
    assert break_spaced_lines(line).split("\n") == [
        "实用文档系列 (标准 完整 实用 可修改)",
        "实用文档系列 (标准 完整 实用 可修改)",
        "实用文档系列 (标准 完整 实用 可修改)",
        "加快HAI 550、嘉丽都商厦等存量项目调整升级,共排查出涉民营企业刑事诉讼“挂案” 5起,"
        "开展专项行动",
        "2025年度各项工作",
    ]


def test_the_opening_of_a_notice_copied_as_one_line_falls_into_its_lines():
    """Metadata rows copied with |, 文号, salutation, 现将 sentence, signature date, (此件公开发布)
    and the title all run together before 一、 when a page is copied as one line."""
    text = (
        "索引号 | 000/2023-001 | 文号 | 某政办发〔2023〕8号 |---|---|---|---|"
        "公开方式 | 主动公开 | 所属机构 | 某县政府办 |某政办发〔2023〕8号"
        "各乡镇人民政府,政府各部门:现将《某县法治政府建设2023年工作要点》印发你们,请认真贯彻落实。"
        "某县人民政府办公室2023年3月9日(此件公开发布)某县法治政府建设2023年工作要点"
        "为全面推进依法行政,制定本要点。一、推进依法行政(一)深化简政放权。全面推行告知承诺制。"
        "(责任单位:县司法局)(二)规范行政执法。行政执法公示率达到100%。(牵头单位:县司法局,"
        "配合单位:县公安局)"
    )
    (doc,) = docs(text)
    assert doc["title"] == "某县法治政府建设2023年工作要点"
    assert doc["doc_number"] == "某政办发〔2023〕8号"
    assert doc["kind"] == "plan" and doc["years"] == [2023]
    assert [(t["number"], *roles(t)) for t in tasks(doc)] == [
        ("(一)", [], ["县司法局"], []),
        ("(二)", ["县司法局"], [], ["县公安局"]),
    ]


def test_a_report_copied_as_one_line_keeps_its_title_and_figures():
    text = (
        "某区人民政府关于2019年度法治政府建设工作情况的报告某区府〔2020〕9号市政府:"
        "2019年,我区扎实推进法治政府建设。一、主要工作(一)推进依法决策。全年审查规范性文件"
        "26件,办理行政复议案件12件。二、存在的问题(一)个别部门重视不够。"
    )
    (doc,) = docs(text)
    assert doc["kind"] == "annual_report"
    assert doc["title"] == "某区人民政府关于2019年度法治政府建设工作情况的报告"
    assert doc["doc_number"] == "某区府〔2020〕9号"
    figures = {(a["indicator"], a["value"]) for a in doc["achievements"]}
    assert figures >= {("审查规范性文件", 26), ("办理行政复议案件", 12)}


def test_numbers_glued_without_a_dot_open_items_only_when_they_continue_the_numbering():
    """ "…各县区人民政府)2全面实行…" in a one-line page: 2 follows 1, so it opens item 2; a
    quantity ("35项", "3名", "100%") or a number out of sequence never does."""
    text = (
        "某市法治政府建设行动计划 为推进法治政府建设,制定本计划。一、主要任务"
        "(一)推动依法履职。1.全面实行清单管理,完成35项任务。(责任单位:市政府办公室)"
        "2全面实行权责清单制度,配备不少于3名人员。(责任单位:市司法局)"
        "3所有行政机关落实公示制度,公示率100%。(责任单位:市市场监管局)"
        "5年内建成平台。(责任单位:市数据局)"
    )
    (doc,) = docs(text)
    assert [(t["number"], t["responsible_units"]) for t in tasks(doc)] == [
        ("1", ["市政府办公室"]),
        ("2", ["市司法局"]),
        ("3", ["市市场监管局", "市数据局"]),
    ]


def test_the_first_item_glued_to_its_heading_is_not_swallowed():
    text = """某县2024年法治政府建设实施方案
(一)推进政府职能转变1.深化行政审批制度改革。(县审批局牵头)
2.推行权责清单。(县委编办牵头)
(二)健全依法决策机制1.落实重大行政决策程序。(县司法局牵头)
"""
    (doc,) = docs(text)
    assert [(a["code"], a["title"], [t["number"] for t in a["tasks"]]) for a in doc["actions"]] == [
        ("(一)", "推进政府职能转变", ["1", "2"]),
        ("(二)", "健全依法决策机制", ["1"]),
    ]


def test_a_report_opening_on_the_year_it_reports_is_a_report():
    text = (
        "2022年,全县坚持以习近平法治思想为指引,扎实推进法治政府建设,取得了明显成效。"
        "一、主要工作 (一)依法决策。全年审查规范性文件42件,合法性审查率达到100%。"
        "(二)行政复议。共办理行政复议案件31件,纠错率为12.5%。"
    )
    (doc,) = docs(text)
    assert doc["kind"] == "annual_report"
    got = {(a["indicator"], a["value"], a["unit"], a["year"]) for a in doc["achievements"]}
    assert ("合法性审查率", 100, "%", 2022) in got
    assert ("纠错率", 12.5, "%", 2022) in got


# ---------------------------------------------------------------- web pages saved from a site

SAVED_PAGE = """<html><head><title>关于印发某区2024年法治政府建设工作要点的通知_某区人民政府</title></head>
<body><div class="nav"><a href="/">首页</a> &gt; 政务公开</div>
<table class="xxgk"><tr><td>索 引 号:</td><td>11640105/2024-00123</td><td>主题分类:</td><td>司法</td></tr>
<tr><td>发文机关:</td><td>某区人民政府办公室</td><td>成文日期:</td><td>2024年03月15日</td></tr>
<tr><td>标 题:</td><td colspan="3">某区人民政府办公室关于印发《某区2024年法治政府建设工作要点》的通知</td></tr>
<tr><td>发文字号:</td><td>某政办发〔2024〕12号</td><td>发布日期:</td><td>2024-03-18</td></tr></table>
<table width="100%"><tr><td><div id="zoom">
<p>各乡镇人民政府,区政府各部门:</p>
<p>《某区2024年法治政府建设工作要点》已经区政府同意,现印发给你们,请认真贯彻执行。</p>
<p>某区2024年法治政府建设工作要点</p>
<p>一、依法全面履行政府职能</p>
<p>(一)深化放管服改革。推进政务服务标准化。(区审批局牵头,区政府各部门配合)</p>
<p>(二)完善权责清单。动态调整权责清单。(区委编办牵头)</p>
<p>二、严格规范公正文明执法</p>
<p>(三)落实三项制度。(区司法局牵头,各行政执法部门负责)</p>
</div></td></tr></table>
<div class="footer">版权所有 某区人民政府</div></body></html>"""


def test_a_saved_government_page_reads_its_body_from_layout_tables_and_metadata():
    (doc,) = parse_bytes("page.html", SAVED_PAGE.encode("gb18030"))["documents"]
    assert (doc["title"], doc["doc_number"], doc["issuer"], doc["issued_on"]) == (
        "某区2024年法治政府建设工作要点",
        "某政办发〔2024〕12号",
        "某区人民政府办公室",
        "2024-03-15",
    )
    assert doc["kind"] == "plan" and doc["years"] == [2024]
    assert [(t["number"], *roles(t)) for t in tasks(doc)] == [
        ("(一)", ["区审批局"], [], ["区政府各部门"]),
        ("(二)", ["区委编办"], [], []),
        ("(三)", ["区司法局"], ["各行政执法部门"], []),
    ]


TASK_TABLE_PAGE = """<html><body><p>某市营商环境改革举措清单</p><table border="1">
<tr><th>序号</th><th>改革举措</th><th>主要内容</th><th>指导部门</th></tr>
<tr><td colspan="4">一、优化市场准入</td></tr>
<tr><td>1</td><td>推行证照分离</td><td>对涉企经营许可事项实行清单管理。</td><td>市市场监管局</td></tr>
<tr><td>3</td><td>压缩开办时间</td><td>企业开办时间压缩至1个工作日以内。</td><td>市市场监管局、市税务局</td></tr>
<tr><td colspan="4">二、提升政务服务</td></tr>
<tr><td>4</td><td>推行一网通办</td><td>政务服务事项网上可办率达到95%以上。</td><td>市政务服务办</td></tr>
</table></body></html>"""


def test_a_real_data_table_on_a_page_is_a_task_table():
    (doc,) = parse_bytes("list.html", TASK_TABLE_PAGE.encode("utf-8"))["documents"]
    assert doc["kind"] == "breakdown_table"
    got = [(a["title"], [(t["number"], t["title"]) for t in a["tasks"]]) for a in doc["actions"]]
    assert got == [
        ("优化市场准入", [("1", "推行证照分离"), ("3", "压缩开办时间")]),
        ("提升政务服务", [("4", "推行一网通办")]),
    ]
    units = [t["responsible_units"] + t["lead_units"] for a in doc["actions"] for t in a["tasks"]]
    assert units == [["市市场监管局"], ["市市场监管局", "市税务局"], ["市政务服务办"]]


# ---------------------------------------------------------------- tables copied as text with "|"


def test_a_table_copied_with_a_row_per_line_and_a_section_cell_spanning_rows():
    text = """某中心政务公开工作任务分解表
工作任务 | 具体要求 | 责任部门 |
一、做好财政信息公开。 | 1.推进预算决算公开。 | 财务科 |
二、做好网站专栏信息公开。 | 2.及时更新网站概况信息。 | 办公室 |
3.及时反馈网民意见。 | 各科室 | |
4.及时更新公众号信息。 | 办公室牵头,各科室配合 | |
"""
    (doc,) = docs(text)
    assert doc["kind"] == "breakdown_table"
    got = [
        (a["title"], [(t["number"], t["title"], *roles(t)) for t in a["tasks"]])
        for a in doc["actions"]
    ]
    assert got == [
        ("做好财政信息公开", [("1", "推进预算决算公开", [], ["财务科"], [])]),
        (
            "做好网站专栏信息公开",
            [
                ("2", "及时更新网站概况信息", [], ["办公室"], []),
                ("3", "及时反馈网民意见", [], ["各科室"], []),
                ("4", "及时更新公众号信息", ["办公室"], [], ["各科室"]),
            ],
        ),
    ]


def test_a_table_copied_as_a_stream_of_cells_with_sections():
    cells = ["工作任务", "具体要求", "责任科室", "时限要求",
             "强化规范性文件公开", "1", "全面清理规范性文件并公布目录。", "办公室", "年底前",
             "深化政策解读", "2", "做好政策解读工作。", "各科室", "持续推进",
             "3", "丰富政策解读形式。", "办公室", "6月底前"]  # fmt: skip
    text = "某局2024年政务公开重点任务清单\n" + "\n|\n".join(cells) + "\n|\n"
    (doc,) = docs(text)
    got = [
        (
            a["title"],
            [
                (t["number"], t["responsible_units"], t["deadline"], t["ongoing"])
                for t in a["tasks"]
            ],
        )
        for a in doc["actions"]
    ]
    assert got == [
        ("强化规范性文件公开", [("1", ["办公室"], "2024-12-31", False)]),
        ("深化政策解读", [("2", ["各科室"], None, True), ("3", ["办公室"], "2024-06-30", False)]),
    ]


# ---------------------------------------------------------------- targets


def _targets(sentence: str) -> list[tuple]:
    from loaders.plans.targets import extract_targets

    return [
        (t["indicator"], t["comparator"], t["value"], t["unit"]) for t in extract_targets(sentence)
    ]


def test_target_forms_of_plans_from_other_fields():
    assert _targets("到2025年,建成5G基站1.2万个。") == [("建成5G基站", ">=", 12000, "个")]
    assert _targets("培育20家以上智能工厂。") == [("培育智能工厂", ">=", 20, "家")]
    assert _targets("新建城市书房10家。") == [("新建城市书房", ">=", 10, "家")]
    assert _targets("行政复议纠错率不低于15%。") == [("行政复议纠错率", ">=", 15, "%")]
    assert _targets("企业开办时间压缩至1个工作日以内。") == [("企业开办时间", "<=", 1, "个工作日")]
    assert _targets("万元GDP能耗控制在0.5吨标准煤以内。") == [
        ("万元GDP能耗", "<=", 0.5, "吨标准煤")
    ]
    assert _targets("行政诉讼败诉率控制在5%以内。") == [("行政诉讼败诉率", "<=", 5, "%")]


def test_subsidies_and_slogans_are_not_targets():
    assert _targets("对新认定的企业给予最高50万元奖励。") == []
    assert _targets("全年落实三个不决策。") == []
    assert _targets("每年坚持两个不决策原则。") == []
    assert _targets("全面落实重大行政决策“三不决策”要求。") == []


def test_report_counts_with_the_verbs_reports_use():
    from loaders.plans.targets import extract_achievements

    text = "区长对法治政府建设作出4次批示,开设17门法治课程,列出118项任务清单,引进新生力量83名。"
    got = [(a["indicator"], a["value"], a["unit"]) for a in extract_achievements(text, 2022)]
    assert [(v, u) for _, v, u in got] == [(4, "次"), (17, "门"), (118, "项"), (83, "名")]
    assert all(
        word in name
        for (name, _, _), word in zip(
            got, ["批示", "法治课程", "任务清单", "新生力量"], strict=True
        )
    )


def test_an_assessment_scheme_is_not_a_plan():
    text = """某市人民政府办公室关于印发《某市2016年度法治政府建设考核方案》的通知
一、考核对象
(一)各乡镇人民政府。
(二)市政府各部门。
二、考核内容
(一)依法全面履行政府职能。
(二)依法科学民主决策。
"""
    (doc,) = docs(text)
    assert (doc["title"], doc["kind"], doc["actions"]) == (
        "某市2016年度法治政府建设考核方案",
        "other",
        [],
    )


def test_pinyin_printed_by_mirror_sites_is_dropped():
    text = "关(guān)于印发(fā)《某区2023年法治政府建设工作要点(diǎn)》的通知\n一、总体要求\n"
    (doc,) = docs(text)
    assert doc["title"] == "某区2023年法治政府建设工作要点"
    assert doc["kind"] == "plan"


# ---------------------------------------------------------------- breakdown tables from Excel/WPS


def _xlsx(rows: list[list]) -> bytes:
    import io

    import openpyxl

    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_sub_items_in_rows_of_their_own_belong_to_the_task_above():
    data = _xlsx([
        ["某区2024年法治政府建设任务分解表"],
        ["序号", "工作任务", "具体措施", "牵头单位", "责任单位", "完成时限"],
        [1, "一、健全依法决策机制", "严格执行重大行政决策法定程序:", "区司法局", "区政府各部门", "长期坚持"],
        [None, None, "1.公众参与。", None, None, None],
        [None, None, "5.集体讨论决定。", None, None, None],
        [2, None, "落实合法性审查全覆盖。", "和我区无关 司法局牵头,各部门配合", None, "2024年12月底前"],
        [3, "二、严格规范执法", "推行行政执法三项制度。", "和我区无关", None, "2024年6月底前"],
    ])  # fmt: skip
    (doc,) = parse_bytes("分解表.xlsx", data)["documents"]
    assert [(a["code"], a["title"]) for a in doc["actions"]] == [
        ("一", "健全依法决策机制"),
        ("二", "严格规范执法"),
    ]
    first, second, third = tasks(doc)
    assert (first["number"], first["title"]) == ("1", "严格执行重大行政决策法定程序")
    assert "5.集体讨论决定" in first["text"]
    assert roles(second) == (["司法局"], [], ["各部门"])
    assert roles(third) == ([], [], [])


def test_bodies_outside_government_and_a_trailing_etc():
    text = """某省科技创新行动方案
一、强化创新平台
1.建设重大科研平台。(省科技厅牵头,之江实验室、某研究所、杭州海关、人民银行杭州中心支行、浙江大学等配合)
2.培育创新主体。(省经信厅负责)
"""
    (doc,) = docs(text)
    first = tasks(doc)[0]
    assert roles(first) == (
        ["省科技厅"],
        [],
        ["之江实验室", "某研究所", "杭州海关", "人民银行杭州中心支行", "浙江大学"],
    )


# ---------------------------------------------------------------- titles and years


def test_title_is_the_title_line_never_the_preamble_or_salutation():
    preamble = "为推进法治政府建设,根据有关规定,结合我县实际,制定2021年行动方案如下。\n一、主要任务\n(一)完善制度。(县司法局牵头)\n"
    ranged = "某县法治政府建设行动方案\n(2023—2025年)\n为推进法治政府建设,制定本方案。\n一、主要任务\n(一)完善制度。(县司法局牵头)\n"
    salutation = (
        "各乡镇人民政府,县直各部门:\n现将《某县2022年依法行政工作要点》印发给你们,请认真贯彻执行。\n"
        "某县人民政府办公室\n2022年3月1日\n一、主要任务\n(一)完善制度。(县司法局牵头)\n"
    )
    got = [(d["title"], d["years"]) for text in (preamble, ranged, salutation) for d in docs(text)]
    assert got == [
        ("2021年行动方案", [2021]),
        ("某县法治政府建设行动方案(2023—2025年)", [2023, 2024, 2025]),
        ("某县2022年依法行政工作要点", [2022]),
    ]


def test_glued_numbers_that_continue_the_numbering_open_items():
    text = (
        "某区法治政府建设实施方案 一、主要任务 (一)实施示范创建提升行动1.坚持党的领导。切实履行第一责任人职责。"
        "牵头单位:区司法局责任单位:政府各部门2.推进示范创建工作。打造3个品牌项目。责任单位:区司法局"
        "(二)实施备案质效提升行动3.健全备案工作机制。责任单位:区司法局,政府各部门"
    )
    (doc,) = docs(text)
    got = [
        (a["code"], [(t["number"], t["title"], *roles(t)) for t in a["tasks"]])
        for a in doc["actions"]
    ]
    assert got == [
        (
            "(一)",
            [
                ("1", "坚持党的领导", ["区司法局"], ["政府各部门"], []),
                ("2", "推进示范创建工作", [], ["区司法局"], []),
            ],
        ),
        ("(二)", [("3", "健全备案工作机制", [], ["区司法局", "政府各部门"], [])]),
    ]


# ---------------------------------------------------------------- outlines


def test_four_levels_make_the_second_the_action_and_the_third_a_group():
    text = """某县法治政府建设实施方案
一、总体目标
到2025年,政府行为全面纳入法治轨道。
二、主要任务
(一)依法全面履行政府职能
1.深化放管服改革。
(1)推行告知承诺制。(县审批局牵头,县直各部门配合)
(2)推进一网通办。(县数据局负责)
2.完善权责清单。
(1)动态调整权责清单。(县委编办牵头)
(二)规范执法行为
1.推行三项制度。
(1)落实公示制度。(县司法局牵头)
三、保障措施
(一)加强组织领导。
"""
    (doc,) = docs(text)
    got = [
        (a["code"], [(t["number"], t["group"], t["review_notes"]) for t in a["tasks"]])
        for a in doc["actions"]
    ]
    assert got == [
        (
            "(一)",
            [
                ("(1)", "深化放管服改革", []),
                ("(2)", "深化放管服改革", []),
                ("(1)", "完善权责清单", []),
            ],
        ),
        ("(二)", [("(1)", "推行三项制度", [])]),
    ]


def test_a_task_over_several_paragraphs_keeps_them_all():
    text = """某县法治政府建设实施方案
(一)规范执法行为行动
1.推行三项制度。(县司法局牵头)
2.加强执法监督。
持续开展案卷评查,每年不少于1次。
对发现的问题及时整改。(县司法局负责)
(二)提升复议质效行动
3.推进复议体制改革。(县司法局负责)
"""
    (doc,) = docs(text)
    second = tasks(doc)[1]
    assert second["text"] == "加强执法监督。持续开展案卷评查,每年不少于1次。对发现的问题及时整改。"
    assert roles(second) == ([], ["县司法局"], [])
    assert [(t["indicator"], t["value"], t["per"]) for t in second["targets"]] == [
        ("开展案卷评查", 1, "year")
    ]
    assert [a["title"] for a in doc["actions"]] == ["规范执法行为行动", "提升复议质效行动"]


def test_a_plan_naming_no_units_in_three_levels_takes_the_third_as_tasks():
    text = """某省全面推行行政执法三项制度实施方案
一、总体要求
坚持依法行政。
二、主要任务和具体措施
(一)全面推行行政执法公示制度。
1.强化事前公开。
各级行政执法机关全面公开执法信息。
2.规范事中公示。
(二)全面推行执法全过程记录制度。
1.完善文字记录。
"""
    (doc,) = docs(text)
    got = [(a["code"], [(t["number"], t["title"]) for t in a["tasks"]]) for a in doc["actions"]]
    assert got == [
        ("(一)", [("1", "强化事前公开"), ("2", "规范事中公示")]),
        ("(二)", [("1", "完善文字记录")]),
    ]


def test_every_attribution_clause_in_a_task_counts_and_commas_separate_groups_of_one_role():
    text = """某市实施方案
一、优化营商环境
1.推进证照分离改革。(市市场监管局牵头,市司法局配合)推行告知承诺制。(市政务服务办负责)
2.深化工程建设项目审批改革。(责任单位:X区政府,市住建局、市自然资源局)
"""
    (doc,) = docs(text)
    first, second = tasks(doc)
    assert roles(first) == (["市市场监管局"], ["市政务服务办"], ["市司法局"])
    assert first["text"] == "推进证照分离改革。推行告知承诺制。"
    assert roles(second) == ([], ["X区政府", "市住建局", "市自然资源局"], [])


# ---------------------------------------------------------------- units: shared government word


def test_each_district_and_county_level_city_government_is_one_group_name():
    text = """某市民生工程实施意见
一、住房保障
1.加强城乡房屋安全管理。开展危房普查。(牵头单位:市住建局,配合单位:市农业局,各区、县级市政府)
2.建设乡镇敬老院。(牵头单位:市民政局,配合单位:各有关乡、镇人民政府)
3.改造农村公路。(牵头单位:市交通局,配合单位:各区,县政府)
"""
    (doc,) = docs(text)
    assert [roles(t) for t in tasks(doc)] == [
        (["市住建局"], [], ["市农业局", "各区、县级市政府"]),
        (["市民政局"], [], ["各有关乡、镇人民政府"]),
        (["市交通局"], [], ["各区", "县政府"]),
    ]
    assert all(not t["review_notes"] for t in tasks(doc))


# ---------------------------------------------------------------- deadlines: a length of time


def test_within_one_year_of_an_event_is_no_deadline_but_within_the_year_is():
    from loaders.plans.deadlines import find_deadline_in_text, parse_deadline

    assert find_deadline_in_text("要在本意见施行后一年内完成配套制度的制定工作", 2023) is None
    assert find_deadline_in_text("特别重大复杂的,两年内完成", 2023) is None
    assert find_deadline_in_text("3年内建成", 2023) is None
    assert parse_deadline("一年内", 2023) is None
    assert find_deadline_in_text("年内完成清理工作", 2023).date.isoformat() == "2023-12-31"
    assert parse_deadline("2023年内", None).date.isoformat() == "2023-12-31"


# ---------------------------------------------------------------- targets: a level to reach


def test_a_count_after_a_verb_of_reaching_is_a_floor():
    from loaders.plans.targets import extract_targets

    got = [
        (t["indicator"], t["comparator"], t["value"], t["unit"], t["year"])
        for t in extract_targets("到2025年,失业保险参保人数达到424万人,每千人病床数达到5张。")
    ]
    assert got == [
        ("失业保险参保人数", ">=", 4240000, "人", 2025),
        ("每千人病床数", ">=", 5, "张", 2025),
    ]
    # a past figure in a plan's preamble is not a target without the verb of reaching
    assert extract_targets("全市共有律师事务所120家。") == []


# ---------------------------------------------------------------- a cell per line, no 序号 header


def test_cell_per_line_table_whose_header_lacks_the_number_column():
    text = """某县法治政府建设任务清单
一级指标 |
二级指标 |
评价指标 |
牵头单位 |
责任单位 | |
一、加强党的领导 |
(一)落实主体责任 |
1 |
每年3月1日前报告上一年度法治政府建设情况。 |
县司法局 |
县政府各部门 |
2 |
将述法纳入年终述职内容。 |
县委组织部 |
各乡镇 | ||
(二)健全工作机制 |
3 |
建立法治督察工作机制。 |
县司法局 |
县政府办 | |
4 |
开展年度法治督察
"""
    (doc,) = docs(text)
    assert doc["kind"] == "breakdown_table"
    got = [(t["number"], t["title"][:6], t["group"], roles(t)[:2]) for t in tasks(doc)]
    assert got == [
        ("1", "每年3月1日", "(一)落实主体责任", (["县司法局"], ["县政府各部门"])),
        ("2", "将述法纳入年", "(一)落实主体责任", (["县委组织部"], ["各乡镇"])),
        ("3", "建立法治督察", "(二)健全工作机制", (["县司法局"], ["县政府办"])),
        ("4", "开展年度法治", "(二)健全工作机制", ([], [])),
    ]
    assert [a["title"] for a in doc["actions"]] == ["加强党的领导"]


def test_each_district_and_county_level_city_without_government_is_one_group_name():
    text = """关于推进人才工作的实施意见
一、重点项目
1.紧缺人才开发项目。引进紧缺人才。(牵头单位:市发展改革委,配合单位:市委组织部,各区、县级市)
2.农村人才项目。培训新型农民。(牵头单位:市农业局,配合单位:市科协,各有关区、县级市)
"""
    (doc,) = docs(text)
    assert [t["cooperating_units"] for t in tasks(doc)] == [
        ["市委组织部", "各区、县级市"],
        ["市科协", "各有关区、县级市"],
    ]


def test_a_name_starting_with_digits_after_the_next_task_number_is_a_task():
    text = """关于推进人才工作的实施意见
一、重点项目
10.学者岗位项目。设立特聘岗位。(牵头单位:市委组织部)
11.121人才梯队项目。培养后备人才。(牵头单位:市人社局)
12.博士后项目。资助博士后。(牵头单位:市人社局)
"""
    (doc,) = docs(text)
    assert [(t["number"], t["title"], t["lead_units"]) for t in tasks(doc)] == [
        ("10", "学者岗位项目", ["市委组织部"]),
        ("11", "121人才梯队项目", ["市人社局"]),
        ("12", "博士后项目", ["市人社局"]),
    ]


def test_goal_items_of_a_goal_section_give_the_plans_targets_even_quoted_with_clauses():
    text = """关于推进创新工程的实施意见
一、发展目标
1.目标。实现“引进高层次人才达到2000名左右,人才贡献率达到40%”的发展目标。
创新投入大幅提升。研发经费支出占GDP比重提高到2.5%以上。
二、主要任务
2.建设创新平台。建设15家以上国家级孵化器。(牵头单位:市科技局)
3.推进协同创新。建立创新联盟。(牵头单位:市科技局)
"""
    (doc,) = docs(text)
    assert [t["number"] for t in tasks(doc)] == ["2", "3"]  # item 1 carries no units: no task
    goals = [(g["indicator"], g["comparator"], g["value"], g["unit"]) for g in doc["targets"]]
    assert goals == [
        ("引进高层次人才", ">=", 2000, "名"),
        ("人才贡献率", ">=", 40, "%"),
        ("研发经费支出占GDP比重", ">=", 2.5, "%"),
    ]
    assert [(g["value"], g["unit"]) for g in tasks(doc)[0]["targets"]] == [(15, "家")]


def test_years_and_ages_are_values_only_right_after_a_comparator_word():
    text = """关于推进民生工程的实施意见
一、主要任务
1.保障住房。低收入住房困难家庭保障性住房轮候时间不超过5年,5年内建设公寓1000套。(牵头单位:市住房局)
2.提高健康水平。到2015年,户籍居民平均期望寿命超过80岁,扶持35岁以下青年人才。(牵头单位:市卫生局)
3.加强应急救援。到2015年,全市安全生产应急救援队伍达到15支,支持社会力量参与。(牵头单位:市安监局)
"""
    (doc,) = docs(text)
    got = [[(g["comparator"], g["value"], g["unit"]) for g in t["targets"]] for t in tasks(doc)]
    assert got == [[("<=", 5, "年"), (">=", 1000, "套")], [(">", 80, "岁")], [(">=", 15, "支")]]


def test_a_list_starting_at_two_under_a_heading_takes_the_paragraph_before_as_its_first():
    text = """关于推进法治乡村建设的方案
一、工作目标
到2025年,法治乡村建设格局基本形成。
二、推进措施
积极推进涉农领域立法。开展涉农领域立法后评估。(责任单位:市司法局、市农业农村局)
2. 加强涉农重点领域执法。开展执法监督检查。(责任单位:市农业农村局)
"""
    (doc,) = docs(text)
    got = [(t["number"], t["title"], t["responsible_units"]) for t in tasks(doc)]
    assert got == [
        ("", "积极推进涉农领域立法", ["市司法局", "市农业农村局"]),
        ("2", "加强涉农重点领域执法", ["市农业农村局"]),
    ]


def test_a_plan_cut_before_its_tasks_has_no_task_in_its_section_headings():
    text = """某市创建法治政府建设示范市实施方案
为加快推进法治建设,制定本实施方案。
一、总体要求
坚持以人民为中心,推动法治政府建设提质增效。
二、主要创建任务
主要围绕《指标体系》10项一级指标
"""
    (doc,) = docs(text)
    assert doc["kind"] == "plan"
    assert tasks(doc) == []
    text = """某县提升行政执法质量三年行动实施方案
一、目标要求
(一)总体要求。坚持以习近平法治思想为指导,全面提升行政执法质量。
"""
    (doc,) = docs(text)
    assert tasks(doc) == []


def test_a_count_after_a_conjunction_shares_the_reporting_verb_of_the_count_before():
    from loaders.plans.targets import extract_achievements

    text = "部党组先后召开6次党组会暨12次理论学习中心组集体学习会,学习贯彻党的二十大精神。"
    got = [(a["indicator"], a["value"], a["unit"]) for a in extract_achievements(text, 2022)]
    assert got == [("部党组先后召开党组会", 6, "次"), ("召开理论学习中心组集体学习会", 12, "次")]


def test_a_page_title_naming_another_text_in_quotes_is_kept_whole():
    html = """<table><tr><td><table>
<tr><td><b>索 引 号：</b></td><td>000014349/2018-00222</td><td><b>主题分类：</b></td><td>卫生</td></tr>
<tr><td><b>发文机关：</b></td><td>某省人民政府</td><td><b>成文日期：</b></td><td>2018年12月21日</td></tr>
<tr><td><b>标　　题：</b></td><td colspan="3">某省人民政府关于在某区暂时调整实施《某条例》有关规定的决定</td></tr>
<tr><td><b>发文字号：</b></td><td>某政发〔2018〕43号</td><td><b>发布日期：</b></td><td>2018年12月29日</td></tr>
</table></td></tr></table>
<table><tr><td><p>某省人民政府关于在某区暂时调整实施《某条例》有关规定的决定</p>
<p>各市人民政府：</p><p>省政府决定在某区暂时调整实施《某条例》第三十六条的规定。</p>
<p>某省人民政府</p><p>2018年12月21日</p></td></tr></table>"""
    (doc,) = docs(html, "a.html")
    assert doc["title"] == "某省人民政府关于在某区暂时调整实施《某条例》有关规定的决定"
    assert (doc["doc_number"], doc["issuer"], doc["issued_on"]) == (
        "某政发〔2018〕43号",
        "某省人民政府",
        "2018-12-21",
    )
    assert doc["kind"] == "other"
    text = "某县人民政府办公室关于转发市政府《某某实施方案》的通知\n一、总体要求\n"
    assert docs(text)[0]["title"] == "某某实施方案"


def test_a_count_after_a_bare_da_is_a_floor_but_not_after_xiada():
    from loaders.plans.targets import extract_targets

    got = extract_targets("到2015年,每万人口年发明专利授权量达20件,向企业下达3次整改通知。")
    assert [(t["indicator"], t["comparator"], t["value"], t["unit"]) for t in got] == [
        ("每万人口年发明专利授权量", ">=", 20, "件")
    ]
    got = extract_targets("全年下达3次整改通知。")
    assert [(t["indicator"], t["value"], t["per"]) for t in got] == [("下达整改通知", 3, "year")]


def test_a_clause_opening_on_its_percentage_is_named_by_what_follows():
    from loaders.plans.targets import extract_targets

    text = "建成创新项目10项以上,60%以上的成果由企业转化,90%以上律师进驻社区;覆盖率2023年达到80%,2025年达到90%。"
    got = [(t["indicator"], t["comparator"], t["value"], t["unit"]) for t in extract_targets(text)]
    assert got == [
        ("建成创新项目", ">=", 10, "项"),
        ("成果由企业转化", ">=", 60, "%"),
        ("律师进驻社区", ">=", 90, "%"),
        ("覆盖率", ">=", 80, "%"),
        ("覆盖率", ">=", 90, "%"),
    ]


def test_zai_forming_a_word_with_what_follows_is_kept_in_the_name():
    from loaders.plans.targets import extract_targets

    got = extract_targets("建设孵化器5家以上,在孵企业300家以上,在校学生参训率达到90%。")
    assert [t["indicator"] for t in got] == ["建设孵化器", "在孵企业", "在校学生参训率"]


def test_a_report_count_before_its_verb_after_jiang_is_an_achievement():
    from loaders.plans.targets import extract_achievements

    text = "按照集中审批的原则,将全区12个部门的86项行政许可事项统一划入区行政审批局。"
    got = [(a["indicator"], a["value"], a["unit"]) for a in extract_achievements(text, 2019)]
    assert len(got) == 1 and "行政许可事项" in got[0][0] and got[0][1:] == (86, "项")


def test_a_gazette_without_blank_lines_keeps_each_documents_last_items():
    """Read from a web page or a Word file, a gazette has no blank lines: the heading of the
    next notice is the lines above its 文号 that can be a heading, never the last items (ending
    with 。) of the document before."""
    first = (
        "关于印发《某县2020年政务公开工作要点》的通知\n某政办发〔2020〕30号\n各乡镇:\n"
        "现将要点印发给你们。\n某县2020年政务公开工作要点\n一、加强公开\n"
        "(一)推进决策公开。(县政府办牵头)\n(二)规范考核评估。(县政府办牵头,各乡镇负责落实)\n"
    )
    second = (
        "关于印发《某县2020年法治政府建设工作要点》的通知\n某法办发〔2020〕3号\n各乡镇:\n"
        "现将要点印发给你们。\n某县2020年法治政府建设工作要点\n一、依法履职\n"
        "(一)加强权责清单管理。(县司法局牵头)\n"
    )
    found = docs(first + second)
    assert [d["title"] for d in found] == [
        "某县2020年政务公开工作要点",
        "某县2020年法治政府建设工作要点",
    ]
    assert [[t["number"] for t in tasks(d)] for d in found] == [["(一)", "(二)"], ["(一)"]]


# ---------------------------------------------------------------- tables pasted as paragraphs


def test_a_table_pasted_one_cell_per_paragraph_is_a_task_table():
    """A web page's table pasted as text: a cell per paragraph; 序号 opens each row; 工作任务 holds
    the tasks when no column is named for them; a row without a unit cell shares the one merged
    above it; a class cell (旧区改造) standing between rows is their section, not a unit."""
    cells = [
        "任务类型", "序号", "工作任务", "推进单位",
        "行动一:再造发展新极行动",
        "1", "推进走马塘片区规划研究。", "区规划资源局、区建设管理委",
        "旧区改造",
        "2", "全面完成零星旧里房屋改造。", "区房管局、各相关街镇",
        "3", "完成燃气老化管道改造约36公里。",
        "美丽家园建设",
        "4", "创建20个美丽家园特色小区。", "区房管局",
    ]  # fmt: skip
    text = pasted(["某区城市更新行动方案", "附件:某区城市更新重点任务清单"], cells)
    doc = next(d for d in docs(text) if d["kind"] == "breakdown_table")
    assert [(t["number"], t["title"]) for t in tasks(doc)] == [
        ("1", "推进走马塘片区规划研究"),
        ("2", "全面完成零星旧里房屋改造"),
        ("3", "完成燃气老化管道改造约36公里"),
        ("4", "创建20个美丽家园特色小区"),
    ]
    assert [t["responsible_units"] for t in tasks(doc)] == [
        ["区规划资源局", "区建设管理委"],
        ["区房管局", "各相关街镇"],
        ["区房管局", "各相关街镇"],  # merged with the cell above
        ["区房管局"],
    ]
    assert [(a["title"], len(a["tasks"])) for a in doc["actions"]] == [
        ("行动一:再造发展新极行动", 1),
        ("旧区改造", 2),
        ("美丽家园建设", 1),
    ]


def test_a_text_cited_with_its_number_in_a_table_opens_no_document():
    """ "《本市…实施意见》" over "(沪府办发〔2024〕3号)" in a cell of a flattened table is a
    reference: the plan above it stays one document with all its tasks."""
    text = """某区人民政府办公室关于转发《某区海绵城市建设实施方案》的通知
某府办发〔2024〕12号
各街镇、区政府各委办局:现将《某区海绵城市建设实施方案》转发给你们,请认真贯彻执行。
1.强化规划管控。完成规划修编。(责任单位:区规划资源局)
2.编制系统方案。编制达标区域系统方案。(责任单位:区建设管理委)
表1 参考文件
《本市系统化全域推进海绵
城市建设的实施意见》
(沪府办发〔2024〕3号)
3.加强项目施工管理。落实海绵设施施工要求。(责任单位:区建设管理委、各街镇)
"""
    (doc,) = docs(text)
    assert doc["doc_number"] == "某府办发〔2024〕12号"
    assert [(t["number"], t["responsible_units"]) for t in tasks(doc)] == [
        ("1", ["区规划资源局"]),
        ("2", ["区建设管理委"]),
        ("3", ["区建设管理委", "各街镇"]),
    ]


def test_support_and_implementing_roles_and_a_deadline_inside_the_attribution():
    text = """某市交通领域三年行动方案
一、重点任务
(一)推进岸电设施建设。完成码头岸电改造。(牵头部门:市交通委;实施部门:市港航中心、各区交通主管部门;支撑单位:市电力公司)
(二)开展联调联试。完成系统对接。(责任部门:市交通委、市公安局。时间节点:2025年3月)
"""
    (doc,) = docs(text)
    first, second = tasks(doc)
    assert roles(first) == (["市交通委"], ["市港航中心", "各区交通主管部门"], ["市电力公司"])
    assert roles(second) == ([], ["市交通委", "市公安局"], [])
    assert (second["deadline"], second["deadline_text"]) == ("2025-03-31", "2025年3月")


def test_a_task_table_after_the_plan_with_role_columns_pasted_one_cell_per_paragraph():
    """The plan's text, then its 任务分解表 titled on a line of its own (no 附件 line), pasted one
    cell per paragraph: a year's plan and 备注 are columns of notes; a year cell of several
    numbered paragraphs stays one cell; "—" names no unit; a 内容 cell merged over two rows is
    read for both; 配合部门 names standing one per paragraph are one cell."""
    body = "\n\n".join(
        [
            "某市交通委员会关于印发《某市综合交通体系建设工作方案》的通知",
            "各处室:现将《某市综合交通体系建设工作方案》印发给你们,请认真贯彻执行。",
            "一、科学编制规划",
            "(一)编制体系规划。按照时间节点编制综合交通规划,做好与国土空间规划的衔接,"
            "推动相关区编制综合交通规划。",
            "(二)推进干线建设。加快推进快速路和轨道交通前期工作,深化研究相关项目前期方案。",
        ]
    )
    cells = [
        "全面推进综合交通体系建设任务分解表",
        "序号", "内容", "牵头部门", "配合部门", "2024年工作任务", "2025年工作计划", "备注",
        "一、科学编制规划",
        "1", "科学编制综合交通规划", "综合规划处", "委内各相关处室",
        "1.继续完善编制综合交通发展规划基本思路。", "2.编制都市圈综合交通规划。",
        "启动编制综合交通发展规划。",
        "2", "有序推进快速干线建设", "综合规划处", "—", "推进轨道交通工可调整。", "推进建设规划编制。",
        "3", "交通建设处", "设施养护处", "推进快速路项目建设。", "完成快速路项目主体工程。",
        "二、强化设施管理",
        "4", "开展慢行交通建设", "设施运行处", "综合规划处", "设施养护处",
        "推进慢行交通品质提升。", "完成慢行交通年度计划。",
    ]  # fmt: skip
    plan, table = docs(pasted([body], cells))
    assert (plan["kind"], [t["number"] for t in tasks(plan)]) == ("plan", ["(一)", "(二)"])
    assert (table["kind"], table["title"]) == (
        "breakdown_table",
        "全面推进综合交通体系建设任务分解表",
    )
    assert [a["title"] for a in table["actions"]] == ["科学编制规划", "强化设施管理"]
    assert [(t["number"], t["title"], roles(t)) for t in tasks(table)] == [
        ("1", "科学编制综合交通规划", (["综合规划处"], [], ["委内各相关处室"])),
        ("2", "有序推进快速干线建设", (["综合规划处"], [], [])),
        ("3", "有序推进快速干线建设", (["交通建设处"], [], ["设施养护处"])),
        ("4", "开展慢行交通建设", (["设施运行处"], [], ["综合规划处", "设施养护处"])),
    ]


def test_a_role_named_after_its_units_holds_for_the_tasks_below_when_said_so():
    """ "(牵头指导处室:A,B、C为实施单位,下同)": any 牵头/责任/配合 + 处室/科室 label reads; names
    "为实施单位" take that role; "下同" gives it to every later task that names none of it."""
    text = """某市市场监管局关于深化电动自行车综合治理的实施意见
一、强化源头治理
1.强化产品质量监督。持续开展监督抽查。(牵头指导处室:市局质量监督处,各区市场监管局、机场分局为实施单位,下同)
2.强化标准规范。做好新标准宣贯培训。(牵头指导处室:市局标准创新处、标准技术处)
3.强化认证监管。开展认证活动监管。(牵头科室:市局认证处;实施单位:市局执法总队)
"""
    (doc,) = docs(text)
    assert [roles(t) for t in tasks(doc)] == [
        (["市局质量监督处"], ["各区市场监管局", "机场分局"], []),
        (["市局标准创新处", "标准技术处"], ["各区市场监管局", "机场分局"], []),  # 下同
        (["市局认证处"], ["市局执法总队"], []),  # its own 实施单位
    ]


def test_a_heading_on_its_own_line_is_not_glued_to_its_body():
    text = """某区可再生能源发展行动方案
一、重点任务
(一)全面实施光伏专项工程
结合空间资源,推进屋顶光伏建设,新增装机容量达到20兆瓦。
(责任单位:区发展改革委、区建设管理委)
(二)推进风电示范应用,在沿江区域布局分散式风电项目
(责任单位:区发展改革委)
"""
    (doc,) = docs(text)
    first, second = tasks(doc)
    assert first["title"] == "全面实施光伏专项工程"
    assert first["text"].startswith("全面实施光伏专项工程。结合空间资源")
    assert [(g["indicator"], g["value"]) for g in first["targets"]] == [("新增装机容量", 20)]
    # a first line with punctuation is a sentence wrapped onto the next line: one title
    assert second["title"] == "推进风电示范应用,在沿江区域布局分散式风电项目"


def test_a_stage_numbered_right_before_its_year_is_an_item_with_that_deadline():
    text = """某市白玉兰推广应用三年行动计划
一、实施步骤
1.2024年8月底前,各区完成种植点位排摸。(责任单位:市绿化市容局、各区政府)
2.2025年底前,完成首批推广示范点建设。(责任单位:市绿化市容局)
"""
    (doc,) = docs(text)
    assert [(t["number"], t["deadline"]) for t in tasks(doc)] == [
        ("1", "2024-08-31"),
        ("2", "2025-12-31"),
    ]
    # a decimal is no item number
    (plain,) = docs("某区工作要点\n一、主要任务\n1.5万人次参加培训。\n")
    assert [t["number"] for a in plain["actions"] for t in a["tasks"]] == []


@pytest.mark.parametrize("spaced", [False, True])
def test_a_pasted_table_whose_header_cells_broke_and_whose_rows_open_on_their_measures(spaced):
    """Narrow columns pasted as paragraphs: "牵头" / "部门" is one header cell broken in two;
    no 序号 column, each row opens on its measure "(N)"; "(一)" / "提升…" heads the classes and
    "1、…" the groups; the year columns are notes, not the task. Printed to PDF, a measure may
    read "(1 )" (the digits drawn wider than estimated): its number is still "(1)"."""
    space = " " if spaced else ""
    cells = [
        "任务", "分类", "主要方向", "重点任务(2024-2026)", "2024年工作项目", "2025年计划",
        "牵头", "部门", "配合", "部门",
        "(一)", "提升设施环境品质",
        "1、改善城市道路环境",
        f"(1{space})建设精品道路300条。", "建设精品道路100条。", "建设精品道路200条。",
        "设施养护处", "各区",
        "2、改善农村道路环境",
        f"(2{space})推进农村公路提档升级。", "改造农村公路300公里。", "改造农村公路200公里。",
        "设施养护处", "各相关部门",
    ]  # fmt: skip
    text = pasted(
        [
            "某市交通领域精细化管理三年行动计划",
            "为提升交通精细化管理水平,制定本计划。",
            "附件:某市交通领域精细化管理任务清单",
        ],
        cells,
    )
    table = next(d for d in docs(text) if d["kind"] == "breakdown_table")
    assert [a["title"] for a in table["actions"]] == ["(一)提升设施环境品质"]
    assert [(t["number"], t["title"], t["group"]) for t in tasks(table)] == [
        ("(1)", "建设精品道路300条", "1、改善城市道路环境"),
        ("(2)", "推进农村公路提档升级", "2、改善农村道路环境"),
    ]
    assert [roles(t) for t in tasks(table)] == [
        (["设施养护处"], [], ["各区"]),
        (["设施养护处"], [], ["各相关部门"]),
    ]
    assert [[(g["indicator"], g["value"]) for g in t["targets"]] for t in tasks(table)] == [
        [("建设精品道路", 300)],
        [],
    ]


def test_a_pasted_list_whose_rows_open_on_numbered_items_with_several_tasks_each():
    """类别 | 项目 | 主要任务 | 牵头单位 | 配合单位 pasted one cell per paragraph: each row opens on
    its numbered 项目 ("2.完善规章标准"); a 项目 merged over two 主要任务 rows keeps both texts
    and both rows' units as one task; "年底前" in the text is its deadline."""
    cells = [
        "类别", "项目", "主要任务", "牵头单位", "配合单位",
        "一、做好政策保障",
        "1.做好规划配套",
        "将消防安全综合治理与消防专项规划同步规划、同步实施。",
        "区消防救援支队", "区规划资源局、各街道",
        "2.完善规章标准",
        "细化街道消防安全委员会的职责任务,规范综合治理运行模式。",
        "区消防救援支队", "各街道",
        "贯彻执行本市基层消防综合治理重点检查事项,进一步细化检查要求。",
        "区应急局", "区公安分局",
        "二、推进组织建设",
        "3.实化运行消防安全委员会",
        "年底前,各街道成立由街道行政主要领导为主任的消防安全委员会。",
        "区委编办、各街道", "区消防救援支队",
    ]  # fmt: skip
    text = pasted(
        [
            "某区加强基层消防安全综合治理工作的实施意见",
            "为加强基层消防安全综合治理,提出如下意见。",
            "附件:某区2022年基层消防安全综合治理重点任务清单",
        ],
        cells,
    )
    table = next(d for d in docs(text) if d["kind"] == "breakdown_table")
    assert [a["title"] for a in table["actions"]] == ["做好政策保障", "推进组织建设"]
    found = [(t["number"], t["title"], roles(t), t["deadline"]) for t in tasks(table)]
    assert found == [
        ("1", "做好规划配套", (["区消防救援支队"], [], ["区规划资源局", "各街道"]), None),
        ("2", "完善规章标准", (["区消防救援支队", "区应急局"], [], ["各街道", "区公安分局"]), None),
        (
            "3",
            "实化运行消防安全委员会",
            (["区委编办", "各街道"], [], ["区消防救援支队"]),
            "2022-12-31",
        ),
    ]
    assert "进一步细化检查要求" in tasks(table)[1]["text"]


def test_roles_in_a_clause_inside_the_task_text():
    text = """某区关于进一步加强公共消防安全工作的意见
一、主要任务
7.积极推进消防水源建设。将市政消火栓建设列为区政府实事项目,由区交通委牵头,区发改委、区水务局配合。属地政府要强化取水码头建设。
8.加强宣传。由于宣传需要,由此牵头开展活动。
"""
    (doc,) = docs(text)
    first, second = tasks(doc)
    assert roles(first) == (["区交通委"], [], ["区发改委", "区水务局"])
    assert "由区交通委牵头" in first["text"]  # the clause stays in the text
    assert roles(second) == ([], [], [])  # 由于 / 由此 name no unit


def test_a_gazette_copied_as_one_line_falls_into_its_documents():
    """Each notice's heading and 文号 inside the running text open a document."""
    text = (
        "某区人民政府公报2020年第5期。"
        "关于印发《某区2020年法治政府建设工作要点》的通知某法办发〔2020〕3号各镇街:"
        "现将《某区2020年法治政府建设工作要点》印发给你们,请认真贯彻落实。"
        "某区2020年法治政府建设工作要点为推进法治政府建设,制定本要点。"
        "一、主要任务1.推行行政执法公示制度。(区司法局牵头)"
        "2.开展案卷评查。(区司法局负责)"
        "关于印发《某区领导干部学法用法实施方案》的通知某法办发〔2020〕5号各镇街:"
        "现将《某区领导干部学法用法实施方案》印发给你们,请认真贯彻落实。"
        "某区领导干部学法用法实施方案为提高领导干部法治素养,制定本方案。"
        "一、主要任务1.落实会前学法制度。(区委办牵头,区司法局配合)"
    )
    found = docs(text)
    assert [(d["doc_number"], len(tasks(d))) for d in found if d["doc_number"]] == [
        ("某法办发〔2020〕3号", 2),
        ("某法办发〔2020〕5号", 1),
    ]
    last = found[-1]
    assert roles(tasks(last)[0]) == (["区委办"], [], ["区司法局"])


def test_roles_named_by_what_the_units_do_and_brackets_of_bare_unit_names():
    """Roles by what units do: "X牵头负责,Y组织落实" (Y carries it out: responsible), "Y组织配合"
    (cooperating), also after 按职责 ("Y按职责组织落实"); and a closing bracket of unit names
    with no role word: the units that carry the task out. A unit's
    own part in brackets ("市交通委(计划财务处)") and a place ("(报至行政中心611室)") are none."""
    text = """某市城镇燃气安全专项整治实施方案
一、主要任务
(一)开展隐患排查。全面排查燃气管道隐患。(市住房城乡建设管理委牵头负责,各区政府组织落实)
(二)加强执法。严厉打击违法经营行为。(市公安局、市应急局、各区政府)
(三)规范收费行为。(市发展改革委牵头,市住房城乡建设管理委配合,各区政府组织落实)
(四)强化宣传。(市委宣传部负责,各区政府组织配合)
(五)报送方案。各区制定工作方案。(方案报至市燃气管理处611室)
(六)推进设施改造。(市交通委(计划财务处)牵头)
(七)安装报警装置。(市住房城乡建设管理委、市财政局牵头负责,市民政局按职责组织配合)
(八)修订法规。(市住房城乡建设管理委牵头负责,市司法局、市市场监管局按职责组织落实)
(九)规范市场秩序。由市场监管部门统一监管(以下简称市监局)
"""
    (doc,) = docs(text)
    assert [(t["number"], roles(t)) for t in tasks(doc)] == [
        ("(一)", (["市住房城乡建设管理委"], ["各区政府"], [])),
        ("(二)", ([], ["市公安局", "市应急局", "各区政府"], [])),
        ("(三)", (["市发展改革委"], ["各区政府"], ["市住房城乡建设管理委"])),
        ("(四)", ([], ["市委宣传部"], ["各区政府"])),
        ("(五)", ([], [], [])),
        ("(六)", (["市交通委(计划财务处)"], [], [])),
        ("(七)", (["市住房城乡建设管理委", "市财政局"], [], ["市民政局"])),
        ("(八)", (["市住房城乡建设管理委"], ["市司法局", "市市场监管局"], [])),
        ("(九)", ([], [], [])),  # an abbreviation, not units
    ]


def test_an_action_level_item_with_its_own_units_and_no_tasks_under_it_is_a_task():
    """Sections whose tasks are numbered 1. 2. under them, and a sibling "(二)" written as one
    paragraph with its own attribution: that paragraph is a task too, not an empty action."""
    text = """某局燃气安全专项整治实施方案
一、主要任务
(一)加强气瓶监管
1.加强气瓶制造环节监管。开展制造单位监督检查。(特种设备安全监察处牵头,各区局负责)
2.加强气瓶充装环节监管。开展充装单位专项检查。(特种设备安全监察处牵头,各区局负责)
(二)规范燃气工程安装收费行为。开展收费专项检查,查处违规收费行为。(价格监督检查办公室、各区局负责)
(三)加强燃气器具监管
1.开展燃气器具监督抽查。抽查合格率达到90%以上。(产品质量安全监督管理处负责)
二、工作要求
(一)加强组织领导。各单位要高度重视。
(二)强化督促检查。对工作不力的予以通报。
"""
    (doc,) = docs(text)
    assert [(t["number"], t["title"]) for t in tasks(doc)] == [
        ("1", "加强气瓶制造环节监管"),
        ("2", "加强气瓶充装环节监管"),
        ("(二)", "规范燃气工程安装收费行为"),
        ("1", "开展燃气器具监督抽查"),
    ]
    assert roles(tasks(doc)[2]) == ([], ["价格监督检查办公室", "各区局"], [])


def test_numbered_items_naming_no_units_ahead_of_the_attributed_tasks_are_no_tasks():
    """二、适用范围 1.–3. (definitions) and 三、基本步骤 1.–2. (stages) name no units, while most tasks
    of 四、重点任务 do: those items are no tasks. A 实施步骤 whose stages name units does not make
    the unattributed tasks of 二、重点任务 fall (see the second plan)."""
    text = """某区盘活低效用地行动方案
一、适用范围
1.闲置工业用地。指超过约定动工开发日期满一年未动工开发的用地。
2.开发效率低下的用地。指容积率低于规划要求的用地。
3.淘汰类企业用地。指列入淘汰类目录的企业用地。
二、基本步骤
1.组织排查。各街镇开展排查。
2.集中整治。分类推进整治。
三、重点任务
1.开展收储出让。对低效用地实施收储。(区规划资源局、各街镇)
2.加强资金支持。安排专项资金。(区财政局牵头,区土储中心配合)
3.加强司法保障。依法处置闲置用地。(区司法局、区规划资源局)
4.推动转型升级。鼓励企业改扩建。
"""
    (doc,) = docs(text)
    assert [a["title"] for a in doc["actions"]] == ["重点任务"]
    assert [t["number"] for t in tasks(doc)] == ["1", "2", "3", "4"]
    steps = """某市大件运输并联审批实施方案
一、重点任务
(一)优化业务流程。梳理审批事项。
(二)优化改造系统。完善审批系统功能。
(三)提升许可服务。推行网上办理。
(四)加强证后监管。开展联合检查。
二、实施步骤
(一)部署实施阶段。完成系统部署。(市交通委牵头,各区配合)
(二)联调联试阶段。开展联调联试。(市交通委牵头,各区配合)
(三)正式运行阶段。系统上线运行。(市交通委牵头,各区配合)
"""
    (plan,) = docs(steps)
    assert [(t["number"], t["title"]) for t in tasks(plan)][:2] == [
        ("(一)", "优化业务流程"),
        ("(二)", "优化改造系统"),
    ]


def test_a_note_after_the_attribution_and_a_unit_every_later_task_needs():
    """An attribution, then a note in the same parenthesis ("(X牵头,Y按职责分工负责;Z组织落实。以下
    均需Z落实,…不再单独列出)"): the attribution is read, and Z takes part in every later task
    (added to its own units, not in place of them)."""
    text = """某局燃气安全专项整治实施方案
一、主要任务
1.加强气瓶制造环节监管。开展监督检查。(特种设备安全监察处牵头,执法稽查处按职责分工负责;区市场监管局组织落实。以下均需区市场监管局落实,不再单独列出)
2.加强气瓶充装环节监管。开展专项检查。(特种设备安全监察处牵头,信用监督管理处按职责分工负责)
3.加强燃气器具监督抽查。抽查合格率达到90%以上。(产品质量安全监督管理处负责)
"""
    (doc,) = docs(text)
    assert [roles(t) for t in tasks(doc)] == [
        (["特种设备安全监察处"], ["执法稽查处", "区市场监管局"], []),
        (["特种设备安全监察处"], ["信用监督管理处", "区市场监管局"], []),
        ([], ["产品质量安全监督管理处", "区市场监管局"], []),
    ]


def test_a_task_table_headed_具体工作_and_时间进度_and_goals_under_总体要求():
    """An attached table whose columns read 具体工作 (the tasks) and 时间进度 (their deadlines) is
    a breakdown table; goals stated in 一、总体要求 are the plan's targets."""
    text = """某区2026年节能减排重点工作安排
一、总体要求
坚持稳中求进。全区粮食生产面积稳定在170万亩以上,年产量稳定在90万吨以上。
二、重点任务
(一)全面实施双控制度。严格落实考核。(区发展改革委负责)
(二)推进建筑节能。开展既有建筑改造。(区建设管理委负责)
附件:某区2026年节能减排重点工作任务分解表
序号\t具体工作\t责任单位\t时间进度
1\t全面实施碳排放总量和强度双控制度\t区发展改革委\t年内完成
2\t编制2025年度温室气体排放清单\t区生态环境局\t三季度完成
3\t强化光伏项目事中事后监管\t区发展改革委、各街镇\t持续推进
"""
    plan, table = docs(text)
    assert [(t["indicator"], t["comparator"], t["value"], t["unit"]) for t in plan["targets"]] == [
        ("全区粮食生产面积", ">=", 1_700_000, "亩"),  # 万 read exactly
        ("年产量", ">=", 900_000, "吨"),
    ]
    assert table["kind"] == "breakdown_table"
    assert [
        (t["number"], t["title"], t["responsible_units"], t["deadline"], t["ongoing"])
        for t in tasks(table)
    ] == [
        ("1", "全面实施碳排放总量和强度双控制度", ["区发展改革委"], "2026-12-31", False),
        ("2", "编制2025年度温室气体排放清单", ["区生态环境局"], "2026-09-30", False),
        ("3", "强化光伏项目事中事后监管", ["区发展改革委", "各街镇"], None, True),
    ]


def test_a_title_citing_a_regulation_and_a_table_whose_task_names_are_merged_over_numbered_rows():
    """ "关于印发贯彻《X条例》推进Y实施方案的通知" issues the 实施方案 (the 《条例》 is cited in its
    title): a plan, not the regulation. Its 任务清单 numbers every row (序号 1, 2, 3) under a
    任务名称 cell merged over several of them: the name is the rows' section, each row a task
    titled by its 任务内容; 主要部门 is the responsible units' column."""
    cells = [
        "序号", "任务名称", "任务内容", "主要部门", "配合部门", "时间节点",
        "1", "加强组织领导", "召开全区生活垃圾分类工作动员大会。", "区政府办公室", "各成员单位", "2019年3月",
        "2", "将生活垃圾管理纳入考核体系。", "区委组织部", "区绿化市容局", "2019年6月",
        "3", "推进基层建设", "将绿色账户工作纳入居民区党组织管理。", "各街镇", "区民政局", "2019年9月",
    ]  # fmt: skip
    text = pasted(
        [
            "某区人民政府办公室关于印发贯彻《上海市生活垃圾管理条例》推进全程分类体系建设实施方案的通知",
            "各街镇:现将实施方案印发给你们,请认真贯彻执行。",
            "一、主要任务",
            "(一)完善分类设施。各街镇完成设施改造。(区绿化市容局负责)",
            "(二)加强宣传。开展宣传活动。(区委宣传部负责)",
            "附件:生活垃圾全程分类体系建设任务清单",
        ],
        cells,
    )
    plan, table = docs(text)
    assert (plan["kind"], plan["title"]) == (
        "plan",
        "贯彻《上海市生活垃圾管理条例》推进全程分类体系建设实施方案",
    )
    assert [a["title"] for a in table["actions"]] == ["加强组织领导", "推进基层建设"]
    assert [
        (t["number"], t["title"], t["responsible_units"], t["deadline"]) for t in tasks(table)
    ] == [
        ("1", "召开全区生活垃圾分类工作动员大会", ["区政府办公室"], "2019-03-31"),
        ("2", "将生活垃圾管理纳入考核体系", ["区委组织部"], "2019-06-30"),
        ("3", "将绿色账户工作纳入居民区党组织管理", ["各街镇"], "2019-09-30"),
    ]


def test_a_numbered_heading_over_paragraphs_each_with_its_own_attribution():
    """ "1．重点发展区域" alone on its line, then paragraphs each closing with its own (责任部门:…):
    each paragraph is a task (no number of its own) in the heading's group; a heading over one
    attributed paragraph stays one task."""
    text = """某市关于推进公园城市建设的指导意见
一、主要任务
(一)构建公园体系
1.打造生态网络基底
以生态廊道串联全域生态空间,构建城乡一体的生态网络。(责任部门:市绿化市容局、市规划资源局)
(二)聚焦重点区域
1.重点发展区域
以“一江一河一带”推动主城区生态空间开放融合。中心城区以滨水空间贯通开放为带动。(责任部门:相关区政府、市绿化市容局)
以“绿心”公园引领五个新城环境品质全面提升。五个新城打造高品质“绿心”公园。(责任部门:嘉定区政府、青浦区政府)
"""
    (doc,) = docs(text)
    assert [(t["number"], t["title"], t["group"], t["responsible_units"]) for t in tasks(doc)] == [
        ("1", "打造生态网络基底", None, ["市绿化市容局", "市规划资源局"]),
        (
            "",
            "以“一江一河一带”推动主城区生态空间开放融合",
            "重点发展区域",
            ["相关区政府", "市绿化市容局"],
        ),
        (
            "",
            "以“绿心”公园引领五个新城环境品质全面提升",
            "重点发展区域",
            ["嘉定区政府", "青浦区政府"],
        ),
    ]


def test_in_a_plan_naming_no_units_what_to_check_is_no_task_and_its_dated_steps_are():
    """A plan without units takes its tasks from the outline; sections listing what the campaign
    checks (治理内容/检查内容/排查范围) hold none; its 工作步骤 are work to track by their dates."""
    text = """某区高层建筑消防安全综合治理工作方案
一、治理内容
(一)易燃可燃外保温材料。是否存在违规使用易燃可燃外保温材料的情况。
(二)建筑消防设施。消防设施是否完好有效。
二、工作措施
(一)全面摸清底数。开展高层建筑消防安全排查。
(二)严格管控外保温材料。严禁使用易燃可燃外保温材料。
(三)严格执法整治。依法查处消防违法行为。
三、工作步骤
(一)动员部署阶段(8月31日前)。制定工作方案。
(二)排查整治阶段(9月1日至11月30日)。全面开展排查整治。
"""
    (doc,) = docs(text)
    assert [(a["title"], [t["number"] for t in a["tasks"]]) for a in doc["actions"]] == [
        ("工作措施", ["(一)", "(二)", "(三)"]),
        ("工作步骤", ["(一)", "(二)"]),
    ]
    # (a span of days is read in a known year only: this text names none)
    assert [t["deadline_text"] for t in tasks(doc)] == [None, None, None, "8月31日前", None]


def test_numbered_principles_do_not_decide_where_a_plan_without_units_keeps_its_tasks():
    """No units anywhere: the tasks come from the outline, and the principles numbered 1.–3. under
    总体要求 do not make "1." the task level (which would leave the plan with none)."""
    text = """某市关于保障轨道交通安全运行的实施意见
一、总体要求
(一)指导思想。坚持安全发展理念。
(二)基本原则
1.以人为本,安全第一。把保障乘客安全放在首位。
2.依法管理,综合治理。运用法治方式加强管理。
3.预防为主,源头管控。强化风险防控。
二、主要措施
(一)强化规划建设安全。严格执行安全标准。
(二)加强运营安全管理。完善运营管理制度。
(三)提升应急处置能力。健全应急预案体系。
"""
    (doc,) = docs(text)
    assert [(a["title"], [t["number"] for t in a["tasks"]]) for a in doc["actions"]] == [
        ("主要措施", ["(一)", "(二)", "(三)"])
    ]


def test_actions_and_tasks_numbered_by_name():
    """ "行动1：…" over "——任务1：…": actions and tasks (numbered through the plan); "任务" in a
    sentence without its number and colon opens nothing."""
    text = """2026年某市城市更新规划资源行动方案
一、统筹更新任务
行动1:加强规划引领与任务统筹
——任务1:协同开展城市更新专项规划编制工作。(市规划资源局负责)
——任务2:制定各区年度城市更新规划实施报告。(各区规划资源局负责)
行动2:推动更新规划编制与实施
——任务3:推动重点地区更新提升。任务完成后组织评估。(市规划资源局负责)
"""
    (doc,) = docs(text)
    assert [
        (a["title"], [(t["number"], t["title"]) for t in a["tasks"]]) for a in doc["actions"]
    ] == [
        (
            "加强规划引领与任务统筹",
            [("1", "协同开展城市更新专项规划编制工作"), ("2", "制定各区年度城市更新规划实施报告")],
        ),
        ("推动更新规划编制与实施", [("3", "推动重点地区更新提升")]),
    ]


def test_goals_of_dated_stages_are_the_plans_targets_in_the_stages_year():
    text = """关于推进低空服务能力建设的实施方案
一、重点任务
(一)健全服务体系。建设服务中心。(责任单位:市交通委)
(二)提升管理能力。完善空域管理。(责任单位:市交通委、市公安局)
二、实施步骤
(一)建设筹备阶段(2024年年底前)
推进服务中心建设前期工作。
(二)试运行阶段(2025年年底前)
累计划设低空飞行航线不少于150条,服务中心实现试运行。
(三)优化提升阶段(2026—2027年)
累计划设低空飞行航线不少于400条,2026年起降点覆盖率达到90%。
"""
    (doc,) = docs(text)
    assert [t["number"] for t in tasks(doc)] == ["(一)", "(二)"]  # the stages are no tasks
    goals = [
        (g["indicator"], g["comparator"], g["value"], g["unit"], g["year"]) for g in doc["targets"]
    ]
    assert goals == [
        ("划设低空飞行航线", ">=", 150, "条", 2025),
        ("划设低空飞行航线", ">=", 400, "条", 2027),
        ("起降点覆盖率", ">=", 90, "%", 2026),  # a year of its own wins
    ]


def test_a_plan_naming_no_units_takes_run_in_measures_of_a_part_without_numbered_tasks():
    text = """关于推进垃圾分类的实施方案
一、指导思想
以新发展理念为指引,推进分类工作。
二、工作目标
(一)分类格局基本成型。绿色账户累计达到67.4万户,覆盖面达到100%。
(二)处理体系基本建成。干垃圾日均控制量不高于1610吨。
三、推进全程分类
(一)推进全面覆盖
1.深入开展创建。开展示范街镇创建。
2.夯实工作基础。落实分类投放设施。
(二)加快体系建设
1.推进两网融合。建设服务点。
四、健全长效机制
(一)推动源头减量。一是推进快递包装减量,二是推行无纸化办公。
(二)强化执法监督。开展联合执法检查。
五、组织保障
(一)明确工作责任。各街镇落实属地责任。
(二)加强经费保障。落实分类经费。
"""
    (doc,) = docs(text)
    got = [(a["title"], [t["number"] for t in a["tasks"]]) for a in doc["actions"]]
    assert got == [
        ("推进全面覆盖", ["1", "2"]),
        ("加快体系建设", ["1"]),
        ("推动源头减量", ["(一)"]),  # a part with no numbered tasks: its measures are tasks
        ("强化执法监督", ["(二)"]),
    ]  # 工作目标 and 组织保障 hold no tasks
    goals = [(g["indicator"], g["comparator"], g["value"], g["unit"]) for g in doc["targets"]]
    assert goals == [
        ("绿色账户累计", ">=", 674000, "户"),
        ("覆盖面", ">=", 100, "%"),
        ("干垃圾日均控制量", "<=", 1610, "吨"),
    ]


def test_a_merged_分项任务_column_names_the_sections_of_the_工作任务_rows():
    cells = ["任务编号", "分项任务", "工作任务", "主要部门"]
    cells += ["1", "重点发展区域", "以滨江绿带推动生态空间开放", "相关区政府、市绿化市容局"]
    cells += ["2", "以公园引领新城环境品质提升", "市规划资源局"]
    cells += ["3", "重大建设项目", "推进环城生态公园带建设", "市发展改革委、市水务局"]
    cells += ["4", "实施千座公园计划", "市农业农村委"]
    (table,) = docs(pasted(["某市公园城市建设实施意见", "附表:重点安排表"], cells))
    assert table["kind"] == "breakdown_table"
    got = action_rows(table, "number", "title", "responsible_units")
    assert got == [
        ("重点发展区域", "1", "以滨江绿带推动生态空间开放", ["相关区政府", "市绿化市容局"]),
        ("重点发展区域", "2", "以公园引领新城环境品质提升", ["市规划资源局"]),
        ("重大建设项目", "3", "推进环城生态公园带建设", ["市发展改革委", "市水务局"]),
        ("重大建设项目", "4", "实施千座公园计划", ["市农业农村委"]),
    ]


def test_a_plan_naming_no_units_takes_headings_over_one_paragraph_but_not_duties_under_保障():
    text = """关于推进停车资源共享的实施意见
一、工作目标
逐步形成停车共享格局。
二、实施措施
(一)建立共享协调机制
区政府建立区级停车资源共享协调制度,统筹推进共享工作。
(二)建立供需对接机制
由停车经营服务公司建立共享对接平台,定期公布共享信息。
(三)共享操作方案
1.停车共享协议。由区交通部门制定协议示范文本。
2.停车收费标准。共享停车收费实行市场调节价。
三、加强组织保障
(一)明确职责分工
1.区交通部门负责统筹协调。
2.各街镇负责组织实施。
(二)开展共享示范
由区交通部门会同各街镇选择示范点。
"""
    (doc,) = docs(text)
    got = [(a["title"], [t["number"] for t in a["tasks"]]) for a in doc["actions"]]
    assert got == [
        ("建立共享协调机制", ["(一)"]),
        ("建立供需对接机制", ["(二)"]),
        ("共享操作方案", ["1", "2"]),
    ]


@pytest.mark.parametrize("content_header", ["重点内容", "推进内容", "整改措施"])
def test_a_column_of_content_beside_a_task_type_column_holds_the_tasks(content_header):
    cells = ["序号", "任务类型", content_header, "责任单位", "参考文件"]
    cells += ["1", "系统方案", "聚焦重点区域编制系统方案。", "区建设管理委", "《某规划》"]
    cells += [
        "2",
        "海绵型公园",
        "公园项目落实海绵设计理念。",
        "区绿化市容局、区水务局",
        "《某规范》",
    ]
    (table,) = docs(pasted(["某区海绵城市建设任务表"], cells))
    got = action_rows(table, "number", "title", "responsible_units")
    assert got == [
        ("系统方案", "1", "聚焦重点区域编制系统方案", ["区建设管理委"]),
        ("海绵型公园", "2", "公园项目落实海绵设计理念", ["区绿化市容局", "区水务局"]),
    ]


@pytest.mark.parametrize("part", ["落实具体保障", "全面优化分类体系运作组织保障", "强化工作保障"])
def test_a_closing_保障_part_of_a_plan_naming_no_units_holds_no_tasks(part):
    text = f"""关于保障轨道交通安全运行的实施意见
一、健全管理体制
(一)完善管理机制
交通管理部门负责行业监管,各区政府落实属地责任。
(二)压实企业责任
轨道交通企业落实安全生产主体责任。
二、{part}
(一)加强组织领导
建立联席会议制度,统筹协调重大事项。
(二)加强资金保障
各级财政加大投入。
"""
    (doc,) = docs(text)
    assert [t["number"] for t in tasks(doc)] == ["(一)", "(二)"]
    assert [a["title"] for a in doc["actions"]] == ["健全管理体制"]


def test_a_paragraph_相关部门_closing_a_measure_names_its_units():
    text = """关于内部道路精细化整治的实施方案
一、主要任务
(一)完善道路设施
对破损路面进行修复,完善照明设施。
相关部门:区建设管理委、区绿化市容局、属地街道等。
(二)规范停车秩序
施划停车泊位,加强巡查。
相关单位:区公安分局、区交通委。
"""
    (doc,) = docs(text)
    got = [(t["number"], t["responsible_units"]) for t in tasks(doc)]
    assert got == [
        ("(一)", ["区建设管理委", "区绿化市容局", "属地街道"]),
        ("(二)", ["区公安分局", "区交通委"]),
    ]


def test_a_row_whose_content_cell_is_a_numbered_list_is_titled_by_its_first_item():
    cells = ["序号", "任务内容", "责任单位"]
    cells += ["1", "1. 强化多方参与机制。完善议事规则。\n2. 紧扣示范创建要求。", "区绿化市容局"]
    cells += ["2", "1、推进源头减量。\n2、落实分类投放。", "各街道"]
    (table,) = docs(pasted(["某区垃圾分类任务清单"], cells))
    got = [(t["number"], t["title"], t["responsible_units"]) for t in tasks(table)]
    assert got == [
        ("1", "强化多方参与机制", ["区绿化市容局"]),
        ("2", "推进源头减量", ["各街道"]),
    ]


def test_a_plan_with_a_task_table_in_its_text_then_two_attached_tables():
    body = [
        "某区创建营商环境特色品牌的工作方案",
        "为持续优化营商环境,制定本方案。",
        "一、工作目标",
        "打造一批营商环境特色品牌。",
        "二、责任分工",
        "各部门围绕以下领域开展创建。",
    ]
    cells = ["序号", "创建领域", "责任单位"]
    cells += ["1", "知识产权保护", "区市场监管局"]
    cells += ["2", "融资对接", "区金融办"]
    cells += ["3", "商事纠纷解决", "区法院"]
    after = [
        "三、阶段任务安排",
        "(一)动员部署阶段(1-3月)",
        "召开推进大会,统一思想。",
        "(二)总结宣传阶段(11-12月)",
        "开展总结评估。",
        "附件:某区营商环境建设任务分工表",
        "某区营商环境建设任务分工表(基础任务清单)",
    ]
    basic = ["改革领域", "序号", "改革事项", "落实推进单位"]
    basic += ["市场准入", "1", "推进经营主体使用登记系统。", "区市场监管局"]
    basic += ["市场准入", "2", "推进住所登记改革。", "区市场监管局"]
    basic += ["劳动就业", "3", "依托公共就业招聘平台服务企业。", "区人力资源社会保障局"]
    brand = ["某区营商环境建设任务分工表(品牌创建清单)"]
    brand += ["创建领域", "序号", "品牌名称", "工作举措", "落实推进单位"]
    brand += [
        "企业服务",
        "1",
        "全球服务商共话营商环境",
        "支持服务商与部门互动交流。",
        "区发展改革委",
    ]
    brand += ["企业服务", "2", "外资企业圆桌会议", "按国别分主题召开会议。", "区商务委"]
    brand += ["监管执法", "3", "信用承诺助力依法统计", "开展统计信用承诺。", "区统计局"]
    plan, basic_table, brand_table = docs(pasted(body, cells + after + basic + brand))
    assert (plan["kind"], basic_table["kind"], brand_table["kind"]) == (
        "plan",
        "breakdown_table",
        "breakdown_table",
    )
    assert [(t["title"], t["responsible_units"]) for t in tasks(plan)] == [
        ("知识产权保护", ["区市场监管局"]),
        ("融资对接", ["区金融办"]),
        ("商事纠纷解决", ["区法院"]),
    ]  # the stages after the table are no tasks of the table
    got = action_rows(basic_table, "number", "responsible_units")
    assert got == [
        ("市场准入", "1", ["区市场监管局"]),
        ("市场准入", "2", ["区市场监管局"]),
        ("劳动就业", "3", ["区人力资源社会保障局"]),
    ]
    assert brand_table["title"] == "某区营商环境建设任务分工表(品牌创建清单)"
    got = [(t["number"], t["title"], t["responsible_units"]) for t in tasks(brand_table)]
    assert got == [
        ("1", "全球服务商共话营商环境", ["区发展改革委"]),
        ("2", "外资企业圆桌会议", ["区商务委"]),
        ("3", "信用承诺助力依法统计", ["区统计局"]),
    ]


def test_two_rows_sharing_a_name_once_are_two_tasks_not_a_section():
    cells = ["序号", "创建领域", "品牌名称", "工作举措", "落实推进单位"]
    cells += ["1", "企业合规", "打造联盟升级版", "加强走访调研。", "区公安分局"]
    cells += ["2", "政策服务", "打造联盟升级版", "深化帮办服务。", "区民政局"]
    cells += ["3", "政策服务", "科创政策培训", "开展政策培训。", "区科委"]
    cells += ["4", "企业服务", "外资企业圆桌会议", "按国别召开会议。", "区商务委"]
    (table,) = docs(pasted(["某区品牌创建清单"], cells))
    got = [(t["number"], t["title"]) for t in tasks(table)]
    assert sorted(got) == [
        ("1", "打造联盟升级版"),
        ("2", "打造联盟升级版"),
        ("3", "科创政策培训"),
        ("4", "外资企业圆桌会议"),
    ]


def test_a_short_name_reading_like_a_unit_before_the_rows_units_is_the_name():
    cells = ["创建领域", "序号", "品牌名称", "工作举措", "落实推进单位"]
    cells += ["政策服务", "1", "邻里帮办", "1、深化邻里帮办服务。", "2、推进帮办入驻楼宇。"]
    cells += ["邻里帮办、区民政局"]
    cells += ["企业服务", "2", "政企圆桌会", "聚焦企业诉求召开圆桌会。", "区工商联"]
    cells += ["企业服务", "3", "全球服务商共话营商环境", "支持服务商交流。", "区发展改革委"]
    (table,) = docs(pasted(["某区品牌创建清单"], cells))
    got = [(t["number"], t["title"], t["responsible_units"]) for t in tasks(table)]
    assert sorted(got) == [
        ("1", "邻里帮办", ["邻里帮办", "区民政局"]),
        ("2", "政企圆桌会", ["区工商联"]),
        ("3", "全球服务商共话营商环境", ["区发展改革委"]),
    ]


def test_goals_in_the_opening_paragraph_of_a_plan_are_its_targets():
    text = """某区2025年生活垃圾分类工作实施方案
为深入推进生活垃圾分类,结合本区实际,确保居住区分类达标率稳定在95%以上,市民满意度达到96%,制定本方案。
一、重点任务
(一)强化管理
1.提升基层治理效能。强化多方参与机制。
2.拓展社会宣传内涵。组织主题宣传活动。
"""
    (doc,) = docs(text)
    goals = [(g["indicator"], g["comparator"], g["value"], g["unit"]) for g in doc["targets"]]
    assert goals == [("居住区分类达标率", ">=", 95, "%"), ("市民满意度", ">=", 96, "%")]
    assert [t["number"] for t in tasks(doc)] == ["1", "2"]


def test_headings_over_the_same_labelled_fields_are_the_tasks():
    text = """某平台建设2023年重点工作方案
一、建设目标
建成服务平台。
二、建设任务
(一)一门式查询
1.功能。融合联通各方数据,提供查询服务。
2.任务。继续开展数据对接。(责任单位:市交通委、上港集团)
(二)一站式服务
1.功能。以单证流转为切入点,协同办理。
2.任务。整合各类应用入口。(责任单位:市商务委(市口岸办)、交通银行)
"""
    (doc,) = docs(text)
    got = action_rows(doc, "number", "title", "responsible_units")
    assert got == [
        ("建设任务", "(一)", "一门式查询", ["市交通委", "上港集团"]),
        ("建设任务", "(二)", "一站式服务", ["市商务委(市口岸办)", "交通银行"]),
    ]


def test_a_table_headed_工作事项_and_主要内容_names_each_task_by_its_事项():
    cells = ["序号", "工作事项", "主要内容", "牵头部门", "配合部门", "进度计划"]
    cells += ["1", "一门式查询", "先行实现集装箱动态查询;", "实现船舶动态查询。", "市交通委"]
    cells += ["上港集团", "上海海关", "四季度:完成全流程查询"]
    cells += ["2", "一站式服务", "提供预约服务。", "上港集团", "市交通委", "2023年10月底前"]
    text = pasted(["某平台建设2023年重点工作方案", "推进任务分解表"], cells)
    (table,) = docs(text)
    got = [
        (t["number"], t["title"], t["lead_units"], t["cooperating_units"], t["deadline"])
        for t in tasks(table)
    ]
    assert got == [
        ("1", "一门式查询", ["市交通委"], ["上港集团", "上海海关"], "2023-12-31"),
        ("2", "一站式服务", ["上港集团"], ["市交通委"], "2023-10-31"),
    ]


def test_duties_of_bodies_under_职责分工_are_no_tasks_but_their_figures_are_goals():
    text = """某区生活垃圾全程分类体系建设三年行动计划
一、主要任务
(一)强化源头分类
1.推进居民家庭分类投放。全面推行定时定点投放。(责任单位:区绿化市容局、各街道)
2.规范绿色账户管理。推进绿色账户覆盖。(责任单位:区绿化市容局)
二、职责分工
(一)组织架构。成立区分减联办,由区绿化市容局牵头,各成员单位参加。
(二)各成员单位职责分工。
1.区绿化市容局:负责总体协调推进。
2.区城管执法局:负责分类执法工作,案件结案率达到100%。
3.各街道办事处:负责属地推进。
"""
    (doc,) = docs(text)
    assert [(t["number"], t["title"]) for t in tasks(doc)] == [
        ("1", "推进居民家庭分类投放"),
        ("2", "规范绿色账户管理"),
    ]
    goals = [(g["indicator"], g["comparator"], g["value"]) for g in doc["targets"]]
    assert goals == [("案件结案率", ">=", 100)]


def test_a_plan_made_only_of_duties_keeps_them_as_its_tasks():
    text = """某区垃圾分类工作职责分工方案
一、各单位职责
1.区绿化市容局:负责总体协调推进。
2.区城管执法局:负责分类执法工作。
3.各街道办事处:负责属地推进。
"""
    (doc,) = docs(text)
    assert [t["number"] for t in tasks(doc)] == ["1", "2", "3"]


def test_a_table_deadline_cell_of_stages_ends_with_the_last_stage():
    cells = ["序号", "任务名称", "主要内容", "完成时限", "责任部门"]
    cells += [
        "1",
        "推进体系规范化提升",
        "完善回收网点布局。",
        "一季度10%二季度40%;",
        "三季度70%;11月底完成。",
        "各区政府",
    ]
    cells += [
        "2",
        "加快集散场建设",
        "建成集散场。",
        "三季度:完成选址",
        "四季度:建成运行",
        "市城投集团",
    ]
    (table,) = docs(pasted(["2020年可回收物体系建设任务分解表"], cells))
    got = [(t["number"], t["deadline"], t["responsible_units"]) for t in tasks(table)]
    assert got == [("1", "2020-11-30", ["各区政府"]), ("2", "2020-12-31", ["市城投集团"])]


def test_a_unit_list_broken_after_its_comma_goes_on_in_the_next_paragraph():
    cells = ["序号", "任务名称", "主要内容", "完成时限", "责任部门", "配合部门"]
    cells += [
        "1",
        "加快集散场建设",
        "建成集散场。",
        "2020年11月底",
        "各区政府",
        "市绿化市容局、",
        "市商务委",
    ]
    cells += ["2", "完善回收网点", "布局回收网点。", "2020年12月底", "市商务委", "市绿化市容局"]
    (table,) = docs(pasted(["可回收物体系建设任务分解表"], cells))
    got = [(t["number"], t["responsible_units"], t["cooperating_units"]) for t in tasks(table)]
    assert got == [
        ("1", ["各区政府"], ["市绿化市容局", "市商务委"]),
        ("2", ["市商务委"], ["市绿化市容局"]),
    ]


def test_a_narrow_cell_written_one_character_per_paragraph_is_one_cell():
    cells = ["类别", "序号", "主要任务", "责任单位"]
    cells += ["1.", "分", "类", "投", "放", "1", "推进绿色账户覆盖。", "各街道办事处"]
    cells += ["2", "创建达标分类小区。", "区绿化市容局"]
    (table,) = docs(pasted(["某区生活垃圾分类任务清单"], cells))
    got = action_rows(table, "number", "responsible_units")
    assert got == [("分类投放", "1", ["各街道办事处"]), ("分类投放", "2", ["区绿化市容局"])]


def test_attachments_that_are_plans_of_their_own_are_documents():
    text = """某区农业农村委关于印发耕地土壤工作方案的通知
各镇人民政府:
现将三个工作方案印发给你们,请认真贯彻落实。
附件1
某区优先保护类耕地土壤环境保护工作方案
为加强农用地分类管理,制定本方案。
一、工作目标
优先保护类耕地面积不减少。
二、主要任务
(一)建立保护清单。建立清单。(区农业农村委牵头,各镇配合)
(二)加强宣传培训。开展培训。(区农业农村委负责)
附件2
某区受污染耕地安全利用工作方案
为推进受污染耕地安全利用,制定本方案。
一、工作目标
受污染耕地安全利用率达到95%以上。
二、主要任务
(一)建立安全利用清单。建立清单。(区农业农村委负责)
(二)推进技术措施。落实措施。(各镇负责)
"""
    first, second = docs(text)
    # the notice issues its 附件1: they are one document, titled by the notice
    assert (first["title"], second["title"]) == (
        "耕地土壤工作方案",
        "某区受污染耕地安全利用工作方案",
    )
    assert [t["number"] for t in tasks(first)] == ["(一)", "(二)"]
    assert [t["number"] for t in tasks(second)] == ["(一)", "(二)"]
    assert [(g["indicator"], g["value"]) for g in second["targets"]] == [
        ("受污染耕地安全利用率", 95)
    ]


def test_a_notice_setting_the_years_work_under_工作要求_is_a_plan():
    text = """某市住房和城乡建设管理委员会关于发布2025年本市海绵城市建设工作要求的通知
索取号
3589258689/2025-00030
文件编号
某建综规〔2025〕69号
某市住房和城乡建设管理委员会关于发布2025年本市海绵城市建设工作要求的通知
某建综规〔2025〕69号
各区建设管理委:
为做好2025年本市海绵城市建设工作,现将有关要求通知如下:
一、工作目标
本市新增城市建成区50平方公里达到海绵城市建设要求。
二、工作要求
(一)开展建设评估工作。各区应于3月底前完成评估。
(二)编制海绵系统方案。各区编制系统方案。
(三)加强跟踪指导。强化日常管理。
附件:
1.2025年海绵城市计划建成区汇总表
2.2025年海绵城市重点项目汇总表
2025年1月27日
"""
    (doc,) = docs(text)  # the page's metadata block is no document of its own
    assert (doc["kind"], doc["title"], doc["doc_number"]) == (
        "plan",
        "2025年本市海绵城市建设工作要求",
        "某建综规〔2025〕69号",
    )
    got = [(t["number"], t["title"], t["deadline"]) for t in tasks(doc)]
    assert got == [
        ("(一)", "开展建设评估工作", "2025-03-31"),
        ("(二)", "编制海绵系统方案", None),
        ("(三)", "加强跟踪指导", None),  # the list of attachments after it is not its text
    ]
    assert "汇总表" not in tasks(doc)[2]["text"]


def test_unit_names_one_per_line_in_one_pasted_cell_are_a_list():
    text = """某区生活垃圾分类任务清单

序号

任务内容

责任单位

配合单位

1

创建达标分类小区。

各街道办事处

区文明办
区绿化市容局
区房管局

2

完成分类驳运。

区绿化市容局

各街道办事处
"""
    (table,) = docs(text)
    got = [(t["number"], t["responsible_units"], t["cooperating_units"]) for t in tasks(table)]
    assert got == [
        ("1", ["各街道办事处"], ["区文明办", "区绿化市容局", "区房管局"]),
        ("2", ["区绿化市容局"], ["各街道办事处"]),
    ]


def test_a_link_wrapped_onto_a_line_of_its_own_is_no_numbered_item():
    text = """附件: https://example.gov.cn/cmsres/6c/467e16ee5f2b50ed28e13e61e286c87
3.docx | https://example.gov.cn/cmsres/79/b80791aa8c389e36eb5f8dc5f0058ce6.pdf
73.docx)- [b80791aa8c389e36eb5f8dc5f0058ce6.pdf]
2025年本市海绵城市建设工作要求
一、工作目标
新增建成区50平方公里。
二、工作要求
(一)开展建设评估工作。3月底前报送汇总表。
(二)编制海绵系统方案。编制完成系统方案。
"""
    (doc,) = docs(text)
    assert [t["number"] for t in tasks(doc)] == ["(一)", "(二)"]


def test_a_line_wrapped_before_a_top_level_marker_inside_a_sentence_goes_on():
    text = """某区工程建设营商环境行动计划
一、深化审批改革
二、优化服务
1、推进区域评估和用地清单制。推动各实施主体推进区域评估,持续推进多审合一、多测合
一、多证合一等改革举措,推动项目落地。(责任部门:区规划资源局、区建设管理委)
2、细化完善消防审验改革。实施分级分类管理。(责任部门:区建设管理委)
三、强化保障
3、强化改革绩效督查考评。做好考核迎评工作。(责任部门:区建设管理委)
"""
    (doc,) = docs(text)
    got = [(a["code"], [t["number"] for t in a["tasks"]]) for a in doc["actions"]]
    assert got == [("二", ["1", "2"]), ("三", ["3"])]
    assert "多证合一" in tasks(doc)[0]["text"]
    assert tasks(doc)[0]["responsible_units"] == ["区规划资源局", "区建设管理委"]


def test_a_notice_heading_repeated_above_the_notice_starts_no_document_of_its_own():
    """A page saved with its front matter and run onto one line: the notice's heading and
    文号 stand above the notice repeated; the part above has no body of its own."""
    text = (
        "---标题: 某市住房和城乡建设管理委员会关于印发《某市地下设施建设实施意见》的通知"
        "文号: 某建设施〔2021〕461号发布单位: 某市住房和城乡建设管理委员会发布日期: 2021-08-09---"
        "> 本文正文由脚本自官方公开页面提取,仅供检索查阅。"
        "# 某市住房和城乡建设管理委员会关于印发《某市地下设施建设实施意见》的通知"
        "某市住房和城乡建设管理委员会关于印发《某市地下设施建设实施意见》的通知"
        "某建设施〔2021〕461号各区人民政府:经市政府同意,现将《某市地下设施建设实施意见》"
        "印发给你们,请认真贯彻落实。市住房城乡建设管理委市规划资源局2021年8月9日"
        "某市地下设施建设实施意见一、主要任务(一)开展设施普查。全面普查。(责任单位:区建设管理委)"
        "(二)消除安全隐患。整改隐患。(责任单位:区水务局)"
    )
    (doc,) = docs(text)
    assert (doc["title"], doc["doc_number"]) == (
        "某市地下设施建设实施意见",
        "某建设施〔2021〕461号",
    )
    assert [t["number"] for t in tasks(doc)] == ["(一)", "(二)"]


def test_a_narrow_cell_broken_over_two_paragraphs_and_a_list_of_bare_suffixes():
    cells = ["序号", "任务类型", "重点内容", "牵头单位", "配合单位"]
    cells += [
        "1",
        "海绵城市",
        "建设管理",
        "区建设管理委负责指导推进海绵城市建设工作。",
        "区建设管理委",
    ]
    cells += ["各街道、", "相关委、办、局", "2", "海绵示范", "项目建设", "跟踪重点建设项目进展。"]
    cells += ["区水务局", "各街镇"]
    (table,) = docs("某区海绵城市建设重点任务分解表\n" + "\n".join(cells) + "\n")
    got = action_rows(table, "number", "lead_units", "cooperating_units")
    assert got == [
        ("海绵城市建设管理", "1", ["区建设管理委"], ["各街道", "相关委", "办", "局"]),
        ("海绵示范项目建设", "2", ["区水务局"], ["各街镇"]),
    ]


def test_items_opening_on_latin_letters_are_found_in_a_one_line_copy():
    text = (
        "某区人工智能创新应用三年行动方案为加快人工智能创新应用,结合本区实际,制定本方案。"
        "一、主要任务(一)实施AI+重点产业行动"
        "1.AI+商贸。推动智慧商圈建设,加强人流分析和精准营销。(责任单位:区商务委)"
        "2.AI+金融。推动智能风控,提升金融服务效率。(责任单位:区金融办)"
        "3.数字医疗。推进智能问诊,提升患者就医体验。(责任单位:区卫生健康委)"
    )
    (doc,) = docs(text)
    got = [(t["number"], t["title"], t["responsible_units"]) for t in tasks(doc)]
    assert got == [
        ("1", "AI+商贸", ["区商务委"]),
        ("2", "AI+金融", ["区金融办"]),
        ("3", "数字医疗", ["区卫生健康委"]),
    ]


def test_a_task_table_headed_改革任务_and_工作要求_and_facts_under_基本情况():
    body = [
        "某区排水管理体制改革实施方案",
        "为推进排水管理体制改革,制定本方案。",
        "一、基本情况",
        "1.拟首批移交的排水管道设施目前由区建设管理委负责养护。",
        "2.泵站设施由各街道负责运行。",
        "二、主要任务",
        "(一)推进平稳移交。完成移交。(责任单位:区建设管理委)",
        "(二)建立工作机制。建立机制。(责任单位:区建设管理委)",
        "附件1:某区排水管理体制改革任务表",
    ]
    cells = ["项目序号", "任务", "类型", "改革任务", "工作要求", "完成时间", "责任单位", "配合单位"]
    cells += ["1", "推进平稳有序移交", "实施方案编制", "完成区级实施方案制定。", "2025年6月"]
    cells += ["区建设管理委\n(区水务局)", "各成员单位"]
    cells += ["2", "移交清单建立", "建立移交清单,完成现场盘点。", "2025年9月"]
    cells += ["区建设管理委\n(区水务局)\n某区城投集团", "区财政局"]
    plan, table = docs(pasted(body, cells))
    assert [t["number"] for t in tasks(plan)] == ["(一)", "(二)"]  # facts are no tasks
    got = [(t["number"], t["title"], t["responsible_units"], t["deadline"]) for t in tasks(table)]
    assert got == [
        ("1", "实施方案编制", ["区建设管理委(区水务局)"], "2025-06-30"),
        ("2", "移交清单建立", ["区建设管理委(区水务局)", "某区城投集团"], "2025-09-30"),
    ]


def test_a_note_以下分工均含_adds_its_unit_to_every_later_task_and_names_nobody():
    text = """某市2023年自然灾害防治工作意见
一、主要任务
(一)树牢综合减灾理念。加强学习。(责任单位:市应急局、市委宣传部,各区人民政府,以下分工均含各区人民政府)
(二)压实灾害防治责任。落实责任。(责任单位:市应急局)
(三)推进规划标准建设。编制规划。(责任单位:市规划资源局、市水务局)
"""
    (doc,) = docs(text)
    got = [(t["number"], t["responsible_units"]) for t in tasks(doc)]
    assert got == [
        ("(一)", ["市应急局", "市委宣传部", "各区人民政府"]),
        ("(二)", ["市应急局", "各区人民政府"]),
        ("(三)", ["市规划资源局", "市水务局", "各区人民政府"]),
    ]


def test_an_attached_分工方案_under_附件_alone_is_a_document_and_long_unit_cells_are_units():
    body = [
        "某市推进污水资源化利用实施方案",
        "为推进污水资源化利用,制定本方案。",
        "一、重点任务",
        "(一)推进城镇生活污水资源化利用。建设再生水利用设施。",
        "(二)推进工业废水循环利用。开展示范。",
        "附件",
        "《某市推进污水资源化利用实施方案》市级部门分工方案",
        "一、着力推进重点领域污水资源化利用",
        "(一)加快推动城镇生活污水资源化利用。",
        "牵头单位:市水务局、市发展改革委",
        "(二)积极推动工业废水资源化利用。",
        "牵头单位:市经济信息化委",
    ]
    plan, division = docs("\n".join(body) + "\n")
    assert [t["number"] for t in tasks(plan)] == ["(一)", "(二)"]
    assert division["title"] == "《某市推进污水资源化利用实施方案》市级部门分工方案"
    assert [t["lead_units"] for t in tasks(division)] == [
        ["市水务局", "市发展改革委"],
        ["市经济信息化委"],
    ]
    cells = ["序号", "重点任务", "牵头部门", "配合部门、单位"]
    cells += ["1", "完善集疏运体系建设。", "市交通委"]
    cells += ["市规划资源局、市发展改革委、中国铁路上海局集团、上港集团、久事集团,各有关单位"]
    cells += ["2", "提升港区作业效率。", "上港集团", "区土储中心/新成路街道"]
    (table,) = docs(pasted(["某市海铁联运重点任务表"], cells))
    got = [(t["number"], t["cooperating_units"]) for t in tasks(table)]
    assert got == [
        (
            "1",
            [
                "市规划资源局",
                "市发展改革委",
                "中国铁路上海局集团",
                "上港集团",
                "久事集团",
                "各有关单位",
            ],
        ),
        ("2", ["区土储中心", "新成路街道"]),
    ]


def test_a_pasted_table_ends_where_the_outline_goes_on_under_a_part_heading():
    text = """某区排水管理体制改革实施方案
二、改革目标
到2025年底完成移交,达到如下运营指标:
序号
指标名称
目标
指标类型
责任单位
1
管道养护抽查合格率
95%以上
定量
区水务局
2
防汛抢险处置效率
30分钟内到场
定性
区水务局
三、改革任务
(一)推进平稳有序移交
1.区级方案编制。区建设管理委牵头完成区级实施方案制定。(责任单位:区建设管理委)
2.移交清单建立。完成现场盘点和核实。(责任单位:区建设管理委)
(二)构建系统运营体系
1.防汛体系建设。派驻人员开展防汛保障。(责任单位:区水务局)
"""
    (doc,) = docs(text)  # one plan: its tasks in the text, then its table's rows
    got = action_rows(doc, "number", "title")
    assert got == [
        ("推进平稳有序移交", "1", "区级方案编制"),
        ("推进平稳有序移交", "2", "移交清单建立"),
        ("构建系统运营体系", "1", "防汛体系建设"),
        ("未分类", "1", "管道养护抽查合格率"),
        ("未分类", "2", "防汛抢险处置效率"),
    ]
    assert doc["kind"] == "plan"


def test_task_lines_任务N_take_the_units_a_工作机制_section_gives_their_group():
    text = """某市老化管道更新改造试点方案
一、行动任务
(一)实施老化管道全面体检专项行动
任务1:实施地下管网信息普查工程。研究制定普查方案。
任务2:实施地下管网一张图建设工程。建设信息平台。
(二)实施燃气管道更新改造专项行动
任务3:实施城市燃气管道更新改造计划。完成改造。
二、工作机制
1.老化管道全面体检专项行动。由市住房城乡建设管理委、市规划资源局牵头负责,各区政府配合。
2.燃气管道更新改造专项行动。由市住房城乡建设管理委牵头负责。
"""
    (doc,) = docs(text)
    got = [(t["number"], t["title"], t["lead_units"]) for t in tasks(doc)]
    assert got == [
        ("1", "实施地下管网信息普查工程", ["市住房城乡建设管理委", "市规划资源局"]),
        ("2", "实施地下管网一张图建设工程", ["市住房城乡建设管理委", "市规划资源局"]),
        ("3", "实施城市燃气管道更新改造计划", ["市住房城乡建设管理委"]),
    ]


def test_an_attached_支持政策_under_附件_alone_is_a_document():
    text = """某市物流仓储设施行动方案
为提升物流仓储设施,制定本方案。
一、主要任务
(一)优化设施布局。编制布局规划。(市发展改革委牵头,各区政府按职责分工负责)
(二)提升服务能级。培育龙头企业。(市商务委负责)
附件
某市物流仓储设施及服务支持政策
一、支持用地保障
1.保障用地指标。对物流项目予以用地支持。(市规划资源局负责)
2.盘活存量用地。(各区政府负责)
二、支持资金保障
3.设立专项资金。对项目予以补助。(市财政局负责)
"""
    plan, policy = docs(text)
    assert policy["title"] == "某市物流仓储设施及服务支持政策"
    assert [t["number"] for t in tasks(plan)] == ["(一)", "(二)"]
    assert [t["number"] for t in tasks(policy)] == ["1", "2", "3"]


def test_a_task_titled_保障_is_a_task_and_a_closing_保障_part_only_at_the_top_level():
    text = """某区高端专业服务业集聚区建设工作方案
一、主要任务
13.优化营商环境。完善服务机制。
14.优化人才服务保障。落实人才政策。
15.加强品牌建设。打造服务品牌。
二、强化要素保障
(一)加强组织领导。建立工作专班。
(二)加强资金保障。统筹资金。
"""
    (doc,) = docs(text)
    assert [t["number"] for t in tasks(doc)] == ["13", "14", "15"]


def test_named_task_markers_inside_running_text_open_tasks():
    text = (
        "某市老化管道更新改造试点方案为提升城市安全韧性,制定本方案。一、行动任务"
        "(一)实施老化管道全面体检专项行动任务1:实施地下管网信息普查工程。编制普查计划。"
        "任务2:实施地下管网一张图建设工程。建设地理信息数据库。"
        "(二)实施燃气管道更新改造专项行动任务3:实施城市燃气管道更新改造计划。推进改造。"
    )
    (doc,) = docs(text)
    got = action_rows(doc, "number", "title")
    assert got == [
        ("实施老化管道全面体检专项行动", "1", "实施地下管网信息普查工程"),
        ("实施老化管道全面体检专项行动", "2", "实施地下管网一张图建设工程"),
        ("实施燃气管道更新改造专项行动", "3", "实施城市燃气管道更新改造计划"),
    ]


def test_dated_goals_in_a_section_ahead_of_the_tasks_are_the_plans_targets():
    text = """某市物流仓储设施及服务行动方案
一、全面提升发展质效
聚焦生产制造和商贸发展,全市现有仓储面积3000万平方米。到2027年,社会物流总费用与国内生产总值比率力争降至12%以下。高标仓占比提高至40%以上。
二、优化供给结构
(一)优化设施布局。编制布局规划。(市发展改革委负责)
(二)提升服务能级。培育龙头企业。(市商务委负责)
"""
    (doc,) = docs(text)
    goals = [(g["indicator"], g["comparator"], g["value"], g["unit"]) for g in doc["targets"]]
    assert goals == [
        ("社会物流总费用与国内生产总值比率", "<=", 12, "%"),
        ("高标仓占比", ">=", 40, "%"),
    ]  # the account before the horizon ("现有仓储面积3000万平方米") gives none


def test_a_table_title_with_its_year_range_on_the_next_line_is_a_document():
    body = [
        "某地交通领域一码通行工作方案(2023-2025年)",
        "为推进一码通行,制定本方案。现将有关工作安排如下。",
        "一、任务安排",
        "(一)上海市。在已完成的基础上推进应用。",
        "(二)江苏省。推进试点城市应用。",
        "某地交通领域一码通行工作任务分工表",
        "(2023-2025年)",
    ]
    cells = ["序号", "重点工作", "主要内容", "责任单位"]
    cells += ["1", "编制平台建设方案", "通过公共服务平台实现互认。", "市交通委、市大数据中心"]
    cells += ["2", "部标码应用", "推进公交扫码互通。", "省交通运输厅"]
    cells += ["3", "二维码互认", "推动二维码在地铁应用。", "市交通委"]
    plan, table = docs(pasted(body, cells))
    assert (plan["kind"], table["kind"]) == ("plan", "breakdown_table")
    assert table["title"] == "某地交通领域一码通行工作任务分工表"
    assert [t["responsible_units"] for t in tasks(table)] == [
        ["市交通委", "市大数据中心"],
        ["省交通运输厅"],
        ["市交通委"],
    ]


def test_dated_headings_over_their_details_are_the_tasks_of_a_plan_naming_no_units():
    text = """某区农村房屋安全隐患排查整治工作方案
一、总体要求
全面排查农村房屋安全隐患。
二、工作任务
(一)全面部署(2020年12月9日前)
⒈建立工作小组。各乡镇成立工作小组。
⒉制订工作方案。制订排查方案。
(二)排查工作(2021年6月底前)
1.排查流程。按照先重点后全面的顺序排查。
(三)整治工作(3年内)
1.整治流程。分类整治。
"""
    (doc,) = docs(text)
    got = [(t["number"], t["title"][:4], t["deadline"]) for t in tasks(doc)]
    assert got == [
        ("(一)", "全面部署", "2020-12-09"),
        ("(二)", "排查工作", "2021-06-30"),
        ("(三)", "整治工作", None),
    ]


_RUNNING = """某市海铁联运发展实施意见
一、指导思想
推进海铁联运发展。
二、统筹规划布局
(一)加强顶层规划。研究编制发展规划。
(二)做好规划衔接。衔接国土空间规划。
三、加强能力建设
(三)加快通道建设。推进铁路专用线建设。
(四)提升场站能力。扩建集装箱办理站。
四、强化实施保障
{safeguards}
"""


def test_safeguards_going_on_with_the_count_of_the_tasks_are_tasks():
    text = _RUNNING.format(
        safeguards="(五)组建工作专班。强化协调推进机制。\n(六)强化政策支撑。继续实施扶持政策。"
    )
    (doc,) = docs(text)
    got = [(t["number"], t["title"][:4]) for t in tasks(doc)]
    assert got == [
        ("(一)", "加强顶层"),
        ("(二)", "做好规划"),
        ("(三)", "加快通道"),
        ("(四)", "提升场站"),
        ("(五)", "组建工作"),
        ("(六)", "强化政策"),
    ]


def test_safeguards_numbered_afresh_are_no_tasks():
    text = _RUNNING.format(
        safeguards="(一)组建工作专班。强化协调推进机制。\n(二)强化政策支撑。继续实施扶持政策。"
    )
    (doc,) = docs(text)
    assert [t["number"] for t in tasks(doc)] == ["(一)", "(二)", "(三)", "(四)"]


def test_a_count_restarting_in_each_part_does_not_make_safeguards_tasks():
    text = """某区消防工作方案
一、重点任务
(一)排查隐患。开展全面排查。
(二)整治隐患。分类整治。
二、监管措施
(一)强化执法。依法查处。
(二)联合检查。定期检查。
三、组织保障
(三)加强领导。成立领导小组。
"""
    (doc,) = docs(text)
    assert [t["title"][:4] for t in tasks(doc)] == ["排查隐患", "整治隐患", "强化执法", "联合检查"]


def test_an_output_in_money_to_reach_is_a_target_a_grant_or_a_cost_is_not():
    assert _targets("到2028年,全区服务业营业收入达到2300亿元以上。") == [
        ("全区服务业营业收入", ">=", 230_000_000_000, "元")
    ]
    assert _targets("法律服务业营收达到35亿元。") == [("法律服务业营收", ">=", 3_500_000_000, "元")]
    assert _targets("高新技术产品年产值突破1.5万亿元。") == [
        ("高新技术产品年产值", ">=", 1_500_000_000_000, "元")
    ]
    assert _targets("高新技术企业数量突破500家。") == [("高新技术企业数量", ">=", 500, "家")]
    assert _targets("对营业收入达到1亿元的企业给予最高50万元奖励。") == []
    assert _targets("项目总投资约762亿元,2026年计划完成投资120.9亿元。") == []
    assert _targets("设立5亿元规模的种子基金。") == []


def test_a_division_of_bodies_duties_is_no_tasks_and_a_sentence_opening_on_a_year_dates_a_task():
    text = """某区水务行业安全生产三年行动方案
一、任务分工
(一)局安委会负责制定本行业三年行动方案,统筹做好各单位工作。
(二)局安委会成员单位要在子方案中将督促指导职责细化为具体措施。
二、主要任务
(一)开展责任体系提升行动。
1.强化领导责任,落实安全生产责任制。
2.加强顶层设计,健全制度机制。2024 年,配合全区完成一轮安全风险评估。
"""
    (doc,) = docs(text)
    got = [(t["number"], t["title"][:4], t["deadline"]) for t in tasks(doc)]
    assert got == [("1", "强化领导", None), ("2", "加强顶层", "2024-12-31")]


def test_a_division_section_whose_items_are_work_keeps_them_as_tasks():
    text = """某县法治政府建设工作要点
一、任务分工
(一)深化行政执法体制改革。推进综合执法。(牵头单位:县司法局)
(二)县司法局负责组织开展执法案卷评查。(责任单位:县司法局)
"""
    (doc,) = docs(text)
    assert [t["number"] for t in tasks(doc)] == ["(一)", "(二)"]


def test_lenticular_brackets_closing_a_task_are_its_attribution_and_a_pdf_page_number_goes():
    text = """某县2022年法治政府建设工作计划
- 1 - 为深入推进依法行政,制定本计划。
一、持续推进学习宣传
1.推动学习宣传贯彻走深走实。将有关内容纳入学习内容。
〔牵头单位:县政府办公室、县司法局;责任单位:县政府各部门,各镇人民政府(街道办事处)〕
2.县政府常务会议定期研究法治工作或听取
- 2 - 工作汇报,及时研究解决有关问题。
〔牵头单位:县政府办公室;责任单位:县政府各部
"""
    (doc,) = docs(text)
    got = [(t["number"], t["lead_units"], t["responsible_units"]) for t in tasks(doc)]
    assert got == [
        ("1", ["县政府办公室", "县司法局"], ["县政府各部门", "各镇人民政府(街道办事处)"]),
        ("2", ["县政府办公室"], ["县政府各部"]),
    ]
    assert "- 2 -" not in tasks(doc)[1]["title"] + tasks(doc)[1].get("text", "")
    assert doc["doc_number"] is None  # 〔2022〕 style numbers are untouched elsewhere


def test_a_news_copy_of_a_plan_takes_its_title_from_the_text_and_its_measures_as_tasks():
    text = """近日,市委、市政府印发了《某市法治政府建设实施方案(2021-2025年)》,并发出通知。
《某市法治政府建设实施方案(2021-2025年)》主要内容如下。
一、总体要求
到2025年,政府行为全面纳入法治轨道,法治政府建设率先取得突破、迈上新的台阶。
二、工作任务
(一)健全政府机构职能体系
1.推进政府机构职能优化协同高效
(1)规范行政权力运行。优化政府职能配置、工作流程。
(2)深化权责清单管理。落实权责清单制度。
2.深化"放管服"改革
(1)分级分类推进行政审批制度改革。取消一批审批事项。
"""
    (doc,) = docs(text)
    assert (doc["kind"], doc["title"]) == ("plan", "某市法治政府建设实施方案(2021-2025年)")
    assert [(t["number"], t["title"][:4]) for t in tasks(doc)] == [
        ("(1)", "规范行政"),
        ("(2)", "深化权责"),
        ("(1)", "分级分类"),
    ]


def test_on_one_line_the_first_item_glued_to_a_heading_opens_the_numbering_it_starts():
    text = (
        "2023年依法治镇工作一、认真贯彻落实县依法治县2023年工作要点1、认真贯彻落实依法治县工作。"
        "全镇各单位要开展自查工作,查漏补缺。2、推动争创法治建设工作。发挥党委的领导核心作用,"
        "完善议事决策制度。二、加强法治政府建设,营造良好政务环境1、健全镇行政服务中心建设。"
        "完善运作机制,实现统一、规范服务。2、全面落实行政执法责任制。严格遵循法定程序。"
    )
    (doc,) = docs(text)
    assert [(t["number"], t["title"][:4]) for t in tasks(doc)] == [
        ("1", "认真贯彻"),
        ("2", "推动争创"),
        ("1", "健全镇行"),
        ("2", "全面落实"),
    ]


def _achievements(sentence: str) -> list[tuple]:
    from loaders.plans.targets import extract_achievements

    return [(a["indicator"], a["value"], a["unit"]) for a in extract_achievements(sentence, 2021)]


def test_report_figures_counted_before_their_object_and_grouped_counts():
    assert _achievements("对181件上会议题、拟签订的57份合作协议进行了合法性审查。")[0] == (
        "上会议题",
        181,
        "件",
    )
    assert _achievements("完成对《某办法》等4份政府规范性文件的合法性审核。") == [
        ("完成对《某办法》等政府规范性文件的合法性审核", 4, "份")
    ]
    assert _achievements("制定了7个方面58项具体措施,并进行了责任分工。") == [
        ("制定具体措施", 58, "项")
    ]
    assert _achievements("街党工委中心组理论学习18次,集中研讨26次。") == [
        ("街党工委中心组理论学习", 18, "次"),
        ("集中研讨", 26, "次"),
    ]


def test_a_table_copied_one_row_per_paragraph_and_one_cell_per_line():
    text = """某局2023年营商环境改革工作方案
一、主要任务
(一)深化用地清单制改革。在规划选址阶段提前介入。
(二)提升多测合一改革成效。扩大分期竣工验收范围。

附表:某局2023年营商环境改革任务分工表

任务名称
任务内容
牵头部门
配合部门
时间节点

深化用地清单制改革
在规划选址阶段提前介入,明确告知相关政策。
规划处
林业处、公绿处,许可处
全年

提升多测合一改革成效
将分期竣工验收实施范围扩大至工业项目。
许可处

12月底

优化线上线下帮办服务
线上开通专业人工帮办;线下推进帮办制度。
许可处
行政服务中心、环卫处
线上,9月底

线下,全年

迭代更新移动端
建设10个审批事项申报服务专栏。
科信处
许可处
9月底
"""
    _plan, table = docs(text)
    assert table["kind"] == "breakdown_table"
    got = [
        (t["title"][:6], t["lead_units"], t["cooperating_units"], t["deadline"])
        for t in tasks(table)
    ]
    assert got == [
        ("深化用地清单", ["规划处"], ["林业处", "公绿处", "许可处"], "2023-12-31"),  # 全年
        ("提升多测合一", ["许可处"], [], "2023-12-31"),
        ("优化线上线下", ["许可处"], ["行政服务中心", "环卫处"], "2023-12-31"),  # the later stage
        ("迭代更新移动", ["科信处"], ["许可处"], "2023-09-30"),
    ]


_PASTED_TABLE = """某区关于全面加强建筑垃圾管理的实施意见
一、主要任务
(一)构建处置体系
1、推动源头减量。增加土方消纳平衡内容。
2、提升消纳处置能力。开展消纳场所备案。
(二)构建闭环管理体系
1、加强备案申报监管。严格落实备案制度。
二、附则
本意见自发布之日起施行。

附件:1.某区建筑垃圾管理细则

2.全面加强建筑垃圾管理的实施意见任务职责分工表

附件1

某区建筑垃圾管理细则

一、概念定义
本细则所称建筑垃圾,是指工程渣土。
二、职责分工
(一)区建设管理委:负责统筹建筑垃圾管理。
(二)区城管执法局:负责执法。

附件2

全面加强建筑垃圾管理的实施意见任务职责分工表

序号

工作任务

主要工作内容

牵头单位

配合单位

—

构建处置体系

(一)

推动源头减量

在项目规划、设计文件中增加工程土方消纳平衡内容。

区规划资源局

区水务局、区房管局

(二)

落实转运码头规划

根据市级方案建设建筑垃圾转运码头。

区建设管理委

——

开展转运码头规划、备案工作。

区绿化市容局

——

二

构建闭环管理体系

(一)

加强备案申报监管

严格落实建筑垃圾处理方案备案制度。

区绿化市容局

区建设管理委、属地街镇
"""


def test_a_pasted_table_numbering_rows_afresh_under_each_class_and_attached_rules():
    found = docs(_PASTED_TABLE)
    assert [(d["kind"], d["title"]) for d in found] == [
        ("plan", "某区关于全面加强建筑垃圾管理的实施意见"),
        ("other", "某区建筑垃圾管理细则"),
        ("breakdown_table", "全面加强建筑垃圾管理的实施意见任务职责分工表"),
    ]
    plan, _rules, table = found
    assert [t["title"][:4] for t in tasks(plan)] == ["推动源头", "提升消纳", "加强备案"]
    got = [(t["number"], t["title"], t["lead_units"], t["cooperating_units"]) for t in tasks(table)]
    assert got == [
        ("(一)", "推动源头减量", ["区规划资源局"], ["区水务局", "区房管局"]),
        ("(二)", "落实转运码头规划", ["区建设管理委", "区绿化市容局"], []),
        ("(一)", "加强备案申报监管", ["区绿化市容局"], ["区建设管理委", "属地街镇"]),
    ]


def test_a_project_table_s_builders_carry_the_projects_out():
    from loaders.plans.breakdown import header_role

    assert header_role("建设单位") == "responsible"
    assert header_role("牵头单位") == "lead"


def test_a_note_after_the_roles_in_a_task_s_brackets_and_stages_of_a_schedule():
    text = """某系统燃气安全排查整治实施方案
一、工作任务
(一)落实使用单位主体责任
各单位要吸取事故教训。
1.要压实主体责任。督促使用单位落实责任。
2.要落实属地监管职责。各单位要全面排查。(市局特种设备处牵头,各单位按职责分工负责,以下各项工作均需要各单位负责,不再单独列出)
(二)排查整治液化石油气钢瓶
1.组织开展专项检查。严查违法充装。(市局特种设备处牵头)
(三)加大燃气器具排查力度
要组织开展产品质量监督抽查。(市局产品质量处、计量处按职责分工负责)
二、进度安排
(一)动员部署阶段(2022年1月)
各单位要全面启动排查整治工作。
(二)排查摸底阶段(2022年2月—2022年3月)
各单位要开展全面摸底排查。
"""
    (doc,) = docs(text)
    got = [(t["number"], t["lead_units"], t["responsible_units"]) for t in tasks(doc)]
    assert got == [
        ("(一)", ["市局特种设备处"], ["各单位"]),
        ("(二)", ["市局特种设备处"], ["各单位"]),
        ("(三)", [], ["市局产品质量处", "计量处", "各单位"]),
    ]


def test_a_table_pasted_one_cell_per_paragraph_without_row_numbers():
    body = ["某区生活垃圾分类工作方案", "一、工作任务", "(一)深入开展宣传教育。加大宣传力度。"]
    body += ["附件:某区生活垃圾分类工作方案任务清单"]
    cells = ["序号", "任务名称", "任务内容", "责任单位", "配合单位"]
    cells += [
        "深入开展宣传教育",
        "加大交通枢纽、旅游景点等场所宣传力度。",
        "区文旅局、区商务委",
        "各街镇",
    ]
    cells += ["将垃圾分类知识融入学校课堂教育教学活动。", "区教育局、团区委", "/"]
    cells += [
        "推进可回收物管理纳入平台",
        "推进全区可回收物管理纳入市级回收平台。",
        "城发集团",
        "区绿化市容局",
    ]
    cells += ["强化监管机制", "推进14个街镇垃圾分类场景建设和应用。", "区城运中心", "各街镇"]
    _plan, table = docs(pasted(body, cells))
    got = [(t["title"][:6], t["responsible_units"], t["cooperating_units"]) for t in tasks(table)]
    assert got == [
        ("加大交通枢纽", ["区文旅局", "区商务委"], ["各街镇"]),
        ("将垃圾分类知", ["区教育局", "团区委"], []),
        ("推进全区可回", ["城发集团"], ["区绿化市容局"]),
        ("推进14个街", ["区城运中心"], ["各街镇"]),
    ]


def test_report_counts_whose_verb_follows_or_is_the_sentence_s():
    assert _achievements("3家重点单位开展大会口头述法,12个街道进行公开述法。") == [
        ("重点单位开展大会口头述法", 3, "家"),
        ("街道进行公开述法", 12, "个"),
    ]
    assert _achievements("公开行政事业性收费项目28项,政府性基金项目5项。") == [
        ("公开行政事业性收费项目", 28, "项"),
        ("公开政府性基金项目", 5, "项"),
    ]
    assert _achievements("复盘案件78件次,悬挂横幅27幅,组织112位党政一把手进行书面述法。") == [
        ("复盘案件", 78, "件次"),
        ("悬挂横幅", 27, "幅"),
        ("组织党政一把手进行书面述法", 112, "位"),
    ]
    assert _targets("力争综合排名保持全市前3位。") == []  # 位 counts people in reports only


def test_a_four_lists_table_with_a_two_row_header_as_a_grid_and_as_a_pipe_copy():
    from loaders.plans.breakdown import parse_table_rows

    grid = [
        ["序号", "内容清单", "责任清单", "", "", "措施清单", "", "", "标准清单"],
        ["", "", "责任领导", "责任人", "责任处室", "普法对象", "学习宣传载体", "方式措施", ""],
        [
            "1",
            "重点宣传党章党规。",
            "李某",
            "朱某",
            "党建办公室",
            "全体干部",
            "讲座",
            "落实学法制度。",
            "完成。",
        ],
        [
            "2",
            "重点宣传宪法。",
            "王某",
            "张某",
            "司法所",
            "全体群众",
            "展板",
            "开展宣传活动。",
            "完成。",
        ],
    ]
    got = [
        (t["number"], t["title"], t["responsible_units"])
        for a in parse_table_rows(grid, 2022, aligned=True)
        for t in a["tasks"]
    ]
    assert got == [("1", "重点宣传党章党规", ["党建办公室"]), ("2", "重点宣传宪法", ["司法所"])]
    text = "某乡“谁执法谁普法”四个清单工作分解表\n" + "\n".join(
        " | ".join(c for c in row if c) if k < 2 else " | ".join(row) for k, row in enumerate(grid)
    )  # the copy loses the merged cells' spans: 责任领导 starts the lower row
    (doc,) = docs(text)
    assert [(t["number"], t["title"], t["responsible_units"]) for t in tasks(doc)] == got


def test_a_cell_stream_whose_header_names_the_number_column_and_verbs_in_unit_cells():
    lines = ["序号", "工作任务", "责任单位", "时限", "一、围绕重点领域抓好主动公开"]
    lines += [
        "1",
        "聚焦经济发展,及时公开有关政策措施。",
        "办公室牵头,各科室、局属各单位具体落实",
        "全年",
    ]
    lines += ["2", "紧扣民生领域,深化土地征收信息公开。", "办公室牵头,各科室具体落实", "全年"]
    lines += ["二、围绕政务服务抓好公开"]
    lines += ["3", "助力优化政务服务,集成发布办事指南。", "办公室", "6月底前"]
    text = "某局2024年政务公开工作任务分解表\n" + "\n|\n".join(lines) + "\n|\n"
    (doc,) = docs(text)
    got = [
        (t["number"], t["title"][:6], t["lead_units"], t["responsible_units"]) for t in tasks(doc)
    ]
    assert got == [
        ("1", "聚焦经济发展", ["办公室"], ["各科室", "局属各单位"]),
        ("2", "紧扣民生领域", ["办公室"], ["各科室"]),
        ("3", "助力优化政务", [], ["办公室"]),
    ]


def test_one_cell_lines_without_row_numbers_under_section_rows():
    from loaders.plans.breakdown import header_role

    assert header_role("系统内责任处、局、单位") == "responsible"
    assert header_role("牵头、责任部门") == "responsible"  # its cells name the roles
    assert header_role("委内牵头处室") == "lead"
    # as the page has it: the first headings above the header, then rows under headings
    cells = ["一、提升依法高效履职能力", "1.持续提升政务服务效能"]
    cells += ["工作任务", "委内牵头处室", "系统内责任处、局、单位"]
    cells += ["深化“高效办成一件事”改革,推进基层政务服务。"]
    cells += ["规划信息处、政策法规处", "各市(州)卫生健康局,委直属各单位"]
    cells += ["升级迭代公共资源交易“全省一张网”。", "财务处", "各市(州)卫生健康局"]
    cells += ["一、提升依法高效履职能力", "2.深入推进法治化营商环境建设"]
    cells += ["建立健全公平竞争审查工作机制。", "政策法规处", "委机关各处(局)"]
    text = "某委2025年法治政府建设工作要点\n" + "\n".join(c + " |" for c in cells) + "\n"
    (doc,) = docs(text)
    got = [(t["title"][:6], t["lead_units"], t["responsible_units"]) for t in tasks(doc)]
    assert got == [
        ("深化“高效办", ["规划信息处", "政策法规处"], ["各市(州)卫生健康局", "委直属各单位"]),
        ("升级迭代公共", ["财务处"], ["各市(州)卫生健康局"]),
        ("建立健全公平", ["政策法规处"], ["委机关各处(局)"]),
    ]


def test_an_empty_table_s_section_rows_are_no_tasks():
    text = """2021年政务公开工作主要任务分解表
工作任务 |
工作要求 |
牵头单位 |
责任单位 |
一、紧扣开好局起好步,进一步深化政务公开 |
|||
二、紧扣宏观政策落地见效,进一步深化政务公开 |
|||
三、紧扣强基础抓基层,进一步深化政务公开 |
|||
"""
    assert [tasks(d) for d in docs(text)] == [[]]


def test_compact_dates_indicator_systems_and_a_deadline_closing_the_roles():
    from loaders.plans.deadlines import parse_deadline

    assert parse_deadline("20171231", None).date.isoformat() == "2017-12-31"
    assert parse_deadline("20171331", None) is None
    (doc,) = docs(
        "某区法治政府建设指标体系(试行)\n一、依法全面履行政府职能\n1.制定权责清单。\n2.公开权责清单。\n"
    )
    assert doc["kind"] == "other"
    text = """某州2020年优化营商环境工作计划
一、深化简政放权
1.加大简政放权力度。全面取消不必要的审批。(牵头单位:州司法局;责任单位:州委编办、各县市人民政府,6月底完成)
"""
    (doc,) = docs(text)
    got = [(t["lead_units"], t["responsible_units"], t["deadline"]) for t in tasks(doc)]
    assert got == [(["州司法局"], ["州委编办", "各县市人民政府"], "2020-06-30")]


def test_a_row_opened_by_the_sections_merged_over_the_first_column():
    text = """某区2022年政务公开工作任务分解
主要工作任务 | 任务内容 | 完成时限 | 责任单位 |
一、提升重点领域信息公开质量 | (一)聚焦共同富裕加大公开力度 | 1.做好共同富裕行动计划的公开解读。 | 6月底前 | 区发改局、各街道办事处 |
2.开展项目预算公开试点。 | 年底前 | 区财政局 |
(二)聚焦营商环境加大公开力度 | 3.建立市场主体反映问题的办理机制。 | 9月底前 | 区发改局、区住建局 |
"""
    (doc,) = docs(text)
    got = [
        (a["title"][:4], t["number"], t["responsible_units"])
        for a in doc["actions"]
        for t in a["tasks"]
    ]
    assert got == [
        ("(一)聚", "1", ["区发改局", "各街道办事处"]),
        ("(一)聚", "2", ["区财政局"]),
        ("(二)聚", "3", ["区发改局", "区住建局"]),
    ]


def test_an_assessment_table_pasted_one_cell_per_paragraph_with_scores_and_leads():
    body = ["某区2017年度法治建设专项绩效考评任务目标设置表"]
    cells = ["序号", "三级指标", "拟设分值", "完成时限", "评分细则", "牵头考核单位", "备注"]
    cells += [
        "1",
        "完善规范性文件制定机制。",
        "2",
        "20171231",
        "1.制定配套文件得1分。",
        "区委办公室",
    ]
    cells += [
        "2",
        "实施宪法宣誓制度。",
        "1",
        "20171231",
        "举行宪法宣誓活动得1分。",
        "区人大常委会机关",
    ]
    cells += ["3", "行政执法信息公开。", "1", "20170630", "公开处罚结果得1分。", "区司法局"]
    (doc,) = docs(pasted(body, cells))
    got = [(t["number"], t["title"][:6], t["lead_units"], t["deadline"]) for t in tasks(doc)]
    assert got == [
        ("1", "完善规范性文", ["区委办公室"], "2017-12-31"),
        ("2", "实施宪法宣誓", ["区人大常委会机关"], "2017-12-31"),
        ("3", "行政执法信息", ["区司法局"], "2017-06-30"),
    ]


def test_report_figures_after_a_chinese_numeral_and_with_more_verbs():
    assert _achievements("召开委员会办公室及其四个协调小组会议6次。") == [
        ("召开委员会办公室及其四个协调小组会议", 6, "次")
    ]
    assert _achievements("自建管理标准328个、事项标准1745个,修复失信企业124家。") == [
        ("自建管理标准", 328, "个"),
        ("自建事项标准", 1745, "个"),
        ("修复失信企业", 124, "家"),
    ]
    assert _achievements("针对反馈的18个共性问题,逐项细化整改措施。")[0][1:] == (18, "个")
    assert "共性问题" in _achievements("针对反馈的18个共性问题,逐项细化整改措施。")[0][0]
    assert _achievements("受训人员达到605人。") == [("受训人员", 605, "人")]


def test_each_does_its_part_and_a_body_with_the_ones_around_it_is_split():
    text = """某市全面推进依法行政实施意见
一、加强制度建设
(十九)建立健全规范性文件制定制度。开展规章实施效果评估。(市政府法制办牵头,市政府办公厅、市信息办及相关部门各负其责)
(二十)加快建立权责明确的执法体制。(市编办牵头,市财政局、市监察局及有关部门配合)
"""
    (doc,) = docs(text)
    got = [(t["lead_units"], t["responsible_units"], t["cooperating_units"]) for t in tasks(doc)]
    assert got == [
        # the body is named on its own, so that its own views count the task
        (["市政府法制办"], ["市政府办公厅", "市信息办", "相关部门"], []),
        (["市编办"], [], ["市财政局", "市监察局", "有关部门"]),
    ]


def test_a_notice_s_own_items_before_the_title_of_the_plan_it_issues_are_no_tasks():
    text = """各县(市)区人民政府,市政府各部门:
《2025年市〈政府工作报告〉任务分解和责任分工方案》已经市政府常务会议审议通过,现印发给你们,请抓好落实。
一、各县(市)区、各部门要切实把《政府工作报告》决策部署落到实处。
二、各部门主要负责同志要靠前指挥、亲力亲为。
某市人民政府
2025年1月25日
2025年市《政府工作报告》任务分解
和责任分工方案
为做好今年政府工作,制定分工方案如下。
一、推进先进制造业集群建设。加快建设新材料产业集群。
二、实施招商引资攻坚行动。全年引进亿元以上项目。
"""
    (doc,) = docs(text)
    assert doc["title"] == "2025年市《政府工作报告》任务分解和责任分工方案"
    assert [(t["number"], t["title"]) for t in tasks(doc)] == [
        ("一", "推进先进制造业集群建设"),
        ("二", "实施招商引资攻坚行动"),
    ]
    assert doc["issued_on"] == "2025-01-25"


def test_group_names_with_a_list_in_brackets_and_a_sentence_s_subject():
    from loaders.plans.units import extract_inline_units, looks_like_unit

    assert looks_like_unit("各县(市、区)政府")
    assert looks_like_unit("各县(市、区)")
    assert not looks_like_unit("各县(市、区)政府要建立健全公众")
    text = "各县(市、区)政府要建立健全公众参与、专家咨询相结合的决策制度。"
    assert extract_inline_units(text) == (text, [])


def test_a_target_table_with_a_column_of_leaders_in_charge():
    body = ["《政府工作报告》2018年目标任务责任分解"]
    cells = ["目标任务", "责任领导", "责任单位", "一、主要预期指标"]
    cells += ["1. 生产总值增长7.5%以上。", "张某", "市发改委、市经信委,各县(市、区)政府等"]
    cells += [
        "2. 城乡居民收入增长与经济增长基本同步。",
        "张某",
        "李某",
        "市发改委、市农办,各县(市、区)",
    ]
    cells += ["3. 城镇新增就业6万人。", "王某", "市人力社保局"]
    (doc,) = docs(pasted(body, cells))
    got = [(t["number"], t["responsible_units"]) for t in tasks(doc)]
    assert got == [
        ("1", ["市发改委", "市经信委", "各县(市、区)政府"]),
        ("2", ["市发改委", "市农办", "各县(市、区)"]),
        ("3", ["市人力社保局"]),
    ]


def test_a_dated_sentence_in_a_plan_s_goals_does_not_make_it_a_report():
    plan = """为贯彻落实上级实施方案有关要求,制定本实施方案。一、工作目标
全县各级行政执法机关进一步强化三项制度建设。2020年,行政处罚、行政强制等行为得到有效规范,执法全过程留痕。
二、主要任务
(一)全面推行行政执法公示制度。建立健全事前、事中、事后公开机制。
1.健全公示制度。制定行政执法公示实施办法。(县司法局牵头,各乡镇人民政府落实)
"""
    (doc,) = docs(plan)
    assert doc["kind"] == "plan"
    report = "2022年,全县法治政府建设取得新成效。全年召开常务会议学法12次,办理行政复议案件36件。\n"
    (doc,) = docs(report)
    assert doc["kind"] == "annual_report"


def test_report_changes_over_a_period_keep_what_changed_and_how():
    assert _achievements("刑事立案数(同比下降13.4%)和破获刑事案件数(同比上升4.6%)。") == [
        ("刑事立案数同比下降", 13.4, "%"),
        ("破获刑事案件数同比上升", 4.6, "%"),
    ]
    assert _achievements("刑事案件破案率(同比增加7.6个百分点)。") == [
        ("刑事案件破案率增加", 7.6, "个百分点")
    ]
    assert ("权责共比2023年减少", 105, "项") in _achievements("权责共326项,比2023年减少105项。")


def test_report_figures_stated_with_为_其中_达_or_opening_their_clause():
    assert _achievements("全市窗口办件数量为30751件,其中行政许可16634件。") == [
        ("全市窗口办件数量", 30751, "件"),
        ("行政许可", 16634, "件"),
    ]
    assert _achievements("市场主体总量突破千万户,达1042.8万户。") == [
        ("市场主体总量突破千万户", 10_428_000, "户")
    ]
    assert _achievements("网办率100%,292个电子证照跨部门调用。")[-1] == (
        "电子证照跨部门调用",
        292,
        "个",
    )
    assert _achievements("开展42批次“双随机”抽查,抽查主体2497户次。") == [
        ("开展“双随机”抽查", 42, "批次"),
        ("抽查主体", 2497, "户次"),
    ]


def test_square_brackets_closing_a_task_are_its_attribution():
    text = """某市生态文明建设示范市任务分解
一、目标责任体系
1.生态文明建设工作占党政实绩考核的比例≥20%。纳入考核范围。[牵头单位:市委组织部;配合单位:市生态环境分局,各镇(办、区)]
2.河长制。全面推行河长制。［牵头单位:市水利局;配合单位:各镇(办、区)］
3.环境信息公开率100%。依法公开环境信息。见[附表1]。
"""
    (doc,) = docs(text)
    got = [(t["lead_units"], t["cooperating_units"]) for t in tasks(doc)]
    assert got == [
        (["市委组织部"], ["市生态环境分局", "各镇(办、区)"]),
        (["市水利局"], ["各镇(办、区)"]),
        ([], []),
    ]


def test_report_case_outcomes_and_more_units():
    assert _achievements("有行政复议案件4件,撤销1件,维持3件。") == [
        ("有行政复议案件", 4, "件"),
        ("撤销", 1, "件"),
        ("维持", 3, "件"),
    ]
    assert _achievements("全过程记录执法案件13起,印制并发放手册100000本。") == [
        ("全过程记录执法案件", 13, "起"),
        ("印制并发放手册", 100_000, "本"),
    ]
    assert _achievements("编制包含27部法律法规规章的学法清单。")[0][1:] == (27, "部")
    assert _achievements("压缩比达75.75%,同比审批效率提升11.54%。") == [
        ("压缩比", 75.75, "%"),
        ("审批效率提升", 11.54, "%"),
    ]
    assert _targets("全年制定3部地方性法规。") == [("制定地方性法规", ">=", 3, "部")]
    assert _targets("每年办理3起案件,各部门联合执法。") == [("办理案件", ">=", 3, "起")]


def test_first_listed_leads_said_as_首位_inside_the_first_name_s_brackets():
    text = """县政府工作报告2022年重点工作责任分解
一、主要预期目标
1.全县生产总值增长7.5%左右。责任单位:县发改局(首位单位为牵头单位,下同)、县财政局、县税务局
2.落实党政机关过紧日子要求。责任单位:县财政局
"""
    (doc,) = docs(text)
    got = [(t["lead_units"], t["responsible_units"]) for t in tasks(doc)]
    assert got == [(["县发改局"], ["县财政局", "县税务局"]), (["县财政局"], [])]


def test_a_livelihood_projects_table_with_units_one_per_paragraph():
    body = ["2016年民生实事目标任务分解表"]
    cells = ["序号", "民生实事", "责任单位", "完成时限"]
    cells += ["1", "启动建设城区段综合治理工程。", "县水务局", "县住建局", "县指挥部", "12月底前"]
    cells += ["2", "新建2座人行天桥。", "县住建局", "9月底前"]
    cells += ["3", "改造城区老旧小区10个。", "县住建局", "县房管局", "11月底前"]
    (doc,) = docs(pasted(body, cells))
    got = [(t["number"], t["responsible_units"], t["deadline"]) for t in tasks(doc)]
    assert got == [
        ("1", ["县水务局", "县住建局", "县指挥部"], "2016-12-31"),
        ("2", ["县住建局"], "2016-09-30"),
        ("3", ["县住建局", "县房管局"], "2016-11-30"),
    ]


def test_report_statistics_named_as_a_number_of_something_and_levels_in_symbols():
    assert _achievements("空气质量优良天数309天,PM2.5平均浓度为33μg/m³。") == [
        ("空气质量优良天数", 309, "天"),
        ("PM2.5平均浓度", 33, "μg/m³"),
    ]
    assert _achievements("目前已竣工项目1个,在建项目5个。") == [
        ("目前已竣工项目", 1, "个"),
        ("在建项目", 5, "个"),
    ]
    assert _achievements("筹备召开4次法治绍兴(法治政府)建设工作推进会。") == [
        ("筹备召开法治绍兴建设工作推进会", 4, "次")
    ]


def test_lines_opening_on_running_numbers_without_a_separator_are_items():
    text = """某市全面推进依法行政实施方案
三、完善制度建设
11完善规范性文件定期清理制度。政府及其部门每隔两年清理一次规范性文件。
责任单位:市政府办公厅、市政府法制办
四、严格行政执法
12改革行政执法体制。适当下移行政执法重心。
责任单位:市政府法制办、市编委办
3月底前完成清理工作。
"""
    (doc,) = docs(text)
    got = [(t["number"], t["title"][:6], t["responsible_units"]) for t in tasks(doc)]
    assert got == [
        ("11", "完善规范性文", ["市政府办公厅", "市政府法制办"]),
        ("12", "改革行政执法", ["市政府法制办", "市编委办"]),
    ]


def test_roles_with_会同_and_办理_and_a_label_after_a_comma():
    from loaders.plans.units import extract_inline_units

    assert extract_inline_units("完善决策规则。(市政府法制办会同市有关部门办理)")[1] == [
        ("lead", ["市政府法制办"]),
        ("cooperating", ["市有关部门"]),
    ]
    assert extract_inline_units("规范处罚行为。(市政府法制办、市政府各部门办理)")[1] == [
        ("responsible", ["市政府法制办", "市政府各部门"])
    ]
    text = "1.《中华人民共和国宪法》,责任部门:法规处牵头,各相关处室、局属单位配合。"
    assert extract_inline_units(text)[1] == [
        ("lead", ["法规处"]),
        ("cooperating", ["各相关处室", "局属单位"]),
    ]


def test_report_figures_shared_by_其中_and_paired_changes():
    assert _achievements("我局现有28项行政审批业务,其中20项行政许可、5项行政确认。")[1:] == [
        ("行政许可", 20, "项"),
        ("行政确认", 5, "项"),
    ]
    assert _achievements("事故起数、死亡人数同比分别下降17.7%、12.5%。") == [
        ("事故起数同比下降", 17.7, "%"),
        ("死亡人数同比下降", 12.5, "%"),
    ]
    assert _achievements("立电信网络诈骗案775起,侦破传统侵财案件310起,抓获嫌疑犯251人。") == [
        ("立电信网络诈骗案", 775, "起"),
        ("侦破传统侵财案件", 310, "起"),
        ("抓获嫌疑犯", 251, "人"),
    ]


def test_a_section_whose_roles_and_goals_stand_in_prose_lines_below_its_heading():
    text = """2015年度治理餐桌污染建设食品放心工程工作方案
制定2015年度工作方案如下:
一、治理畜牧业产品污染
由乡三农服务中心承办,乡畜牧站、卫生院、派出所配合。
治理工作目标:
全乡生猪定点屠宰率达100%;猪肉卫生指标市场抽检合格率均达到98%以上。
二、治理水产品污染
由乡水产站承办,市场监管所协办。
"""
    (doc,) = docs(text)
    got = [(t["number"], t["lead_units"], t["cooperating_units"]) for t in tasks(doc)]
    assert got == [
        ("一", ["乡三农服务中心"], ["乡畜牧站", "卫生院", "派出所"]),
        ("二", ["乡水产站"], ["市场监管所"]),
    ]
    goals = [
        (g["indicator"], g["comparator"], g["value"]) for a in doc["actions"] for g in a["targets"]
    ]
    assert ("全乡生猪定点屠宰率", ">=", 100) in goals
    assert ("猪肉卫生指标市场抽检合格率", ">=", 98) in goals


def test_report_figures_of_a_period_opening_and_their_breakdown():
    assert _achievements("全年行政复议20件、行政诉讼33件。") == [
        ("行政复议", 20, "件"),
        ("行政诉讼", 33, "件"),
    ]
    assert _achievements("2024年街道诉讼案件72起,其中民事诉讼50起,行政复议8起。") == [
        ("街道诉讼案件", 72, "起"),
        ("民事诉讼", 50, "起"),
        ("行政复议", 8, "起"),
    ]
    assert _achievements("出动执法车辆1.82万车次,已持证83人。") == [
        ("出动执法车辆", 18_200, "车次"),
        ("持证", 83, "人"),
    ]
    assert _achievements("全市2卷农业行政执法案卷被评为优秀案卷。")[0][1:] == (2, "卷")


def test_a_figure_stated_with_达_takes_its_name_from_the_clause_just_before():
    text = "企业开办平均用时压缩至2.12天,全省市场主体总量突破千万户,达1042.8万户。"
    assert _achievements(text) == [
        ("企业开办平均用时", 2.12, "天"),
        ("全省市场主体总量突破千万户", 10_428_000, "户"),
    ]


def test_page_numbers_a_sharing_site_printed_into_the_text_are_no_items():
    text = (
        "《某市法治社会建设工作措施.docx》由会员分享,可在线阅读。\n"
        "1、某市贯彻落实法治社会建设实施纲要工作措施(征求意见稿)为建设法治社会,结合我市实际,"
        "特制定本措施。一、推动全社会增强法治观念(一)把学习贯彻法治思想作为重要政治任务。"
        "将学习宣传法治思想纳入各级党委中心组学习内容,纳入法治工作队伍教育培训内容,纳入各级各类"
        "学校教育内容,推动法治思想入脑入心、\n"
        "2、进头脑工作。各部门要加大宣传工作力度,不断增强宣传教育实效。(二)实现宪法宣传教育"
        "常态化。切实加强对各级领导干部的宪法教育,组织开展宪法宣传周活动,推动宪法进企业、进农村、"
        "进机关、进校园、进社区、进军营、进网络,营造尊崇宪法、学习宪法、遵守宪法、维护宪法的良好\n"
        "3、氛围。(三)全面落实宪法宣誓制度。认真落实宪法宣誓制度。\n"
    )
    (doc,) = docs(text)
    assert (doc["kind"], doc["title"]) == (
        "plan",
        "某市贯彻落实法治社会建设实施纲要工作措施(征求意见稿)",
    )
    assert [t["number"] for t in tasks(doc)] == ["(一)", "(二)", "(三)"]


def test_a_plan_written_wholly_as_a_table_under_its_own_title_is_a_plan():
    cells = ["工作任务 |", "委内牵头处室 |", "系统内责任处、局、单位 |"]
    cells += ["深化“高效办成一件事”改革,推进基层政务服务。 |", "规划信息处 |", "委直属各单位 |"]
    cells += ["升级迭代公共资源交易平台。 |", "财务处 |", "委直属各单位 |"]
    cells += ["建立健全公平竞争审查工作机制。 |", "政策法规处 |", "委机关各处(局) |"]
    notice = "各市卫生健康局,委直属各单位:\n现将《某委2025年法治政府建设工作要点》印发给你们。\n"
    (doc,) = docs(notice + "某委2025年法治政府建设工作要点\n" + "\n".join(cells) + "\n")
    assert doc["kind"] == "plan"
    assert [t["lead_units"] for t in tasks(doc)] == [["规划信息处"], ["财务处"], ["政策法规处"]]


# ---------------------------------------------------------------- tables copied as text: more forms


def test_a_cell_stream_without_row_numbers_under_a_task_column_reads_its_rows_by_kind():
    """Header 任务 | 责任单位 | 时限, each cell a line and a bare "|" line after it, no 序号."""
    cells = ["任务", "责任单位", "时限"]
    cells += ["切实做好稳经济大盘政策公开工作,强化政策解读。", "市政府各部门,各县(市、区)政府"]
    cells += ["持续推进", "集中公开推动经济发展相关政策举措、工作进展。", "市发改委、市住建局"]
    cells += ["年底前", "持续推进反垄断执法信息公开工作,营造公平竞争的市场环境。", "市市场监管局"]
    cells += ["持续推进"]
    (doc,) = docs("\n|\n".join(cells) + "\n|\n")
    assert doc["kind"] == "breakdown_table" and doc["title"] == "未命名文件"
    assert [(t["title"][:8], t["responsible_units"], t["ongoing"]) for t in tasks(doc)] == [
        ("切实做好稳经济大", ["市政府各部门", "各县(市、区)政府"], True),
        ("集中公开推动经济", ["市发改委", "市住建局"], False),
        ("持续推进反垄断执", ["市市场监管局"], True),
    ]


def test_pipe_rows_keep_spaces_in_cells_drop_heads_names_and_realign_short_rows():
    """大类 merged over rows (rows after the first lack it), 分管市领导 / 落实进展情况 are notes,
    a lead cell gives the unit and its head ("市民政局 伍泽国"), and a row whose empty 细化分工
    cell was left out keeps its units and deadline under their own headers."""
    text = """大类 | 序号 | 工作任务 | 分管 市领导 | 牵头单位及 主要负责人 | 落实进展情况 |
一、提高底线民生保障水平 | 1 | 将城乡低保补差水平提高到每人每月609元。 | 陈宣群 | 市民政局 伍泽国 | 已完成。 从1月1日起执行。 |
2 | 提高特困人员供养标准。 | 陈宣群 | 市民政局 伍泽国 | 已完成。 |
3 | 落实困难残疾人生活补贴。 | 李明 | 市残联 王强 | 推进中。 |
"""
    (doc,) = docs(text)
    assert [(t["number"], t["title"][:6], t["lead_units"]) for t in tasks(doc)] == [
        ("1", "将城乡低保补", ["市民政局"]),
        ("2", "提高特困人员", ["市民政局"]),
        ("3", "落实困难残疾", ["市残联"]),
    ]
    table = """序号 | 工作任务 | 细化分工 | 责任处室 | 完成时限 | 备注 |
1 | 做好疫情防控信息发布 | 重点发布隔离管控、流调溯源等权威信息 | 应急处、疾控处 | 长期推进 |
2 | 扎实做好疫苗接种信息公开 | 疾控处 | 长期推进 |
3 | 积极推进部门预算公开 | 财务处 | 2021年8月底前 |
"""
    (doc,) = docs(table)
    assert [
        (t["number"], t["responsible_units"], t["ongoing"], t["deadline"]) for t in tasks(doc)
    ] == [
        ("1", ["应急处", "疾控处"], True, None),
        ("2", ["疾控处"], True, None),
        ("3", ["财务处"], False, "2021-08-31"),
    ]


def test_pipe_rows_that_lost_their_merged_section_cells_move_right():
    """| 工作目标 | 工作内容 | 工作措施 | 责任单位 | 完成时限 |: rows after a section's first lack the
    cells merged over them, so their numbered measure moves under 工作措施."""
    text = """2025年某县食品安全重点工作任务清单
| 工作目标 | 工作内容 | 工作措施 | 责任单位 | 完成时限 |
| 一、加大突出问题治理力度 | (一)强化源头治理 | 1.加强农用地土壤污染源头防控,建立重点监管单位名单。 | 县生态环境分局 | 2025年11月底前 |
| 2.持续开展农药科学施用增效行动,稳步提高安全利用水平。 | 县农业农村局 | 2025年11月底前 | ||
| 3.推广胶体金速测技术应用,严控常规药物残留超标。 | 县市场监管局 | 2025年10月底前 | ||
"""
    (doc,) = docs(text)
    assert [(t["title"][:6], t["responsible_units"], t["deadline"]) for t in tasks(doc)][1:] == [
        ("持续开展农药", ["县农业农村局"], "2025-11-30"),
        ("推广胶体金速", ["县市场监管局"], "2025-10-31"),
    ]


def test_a_units_rows_picked_out_of_a_larger_table_keep_their_numbers():
    """One cell per paragraph, the rows of one unit kept from the whole table: numbers rise
    without following on (3, 68, 69), sections left empty follow one another, and the units'
    list closes with a full stop."""
    cells = ["序号", "重点工作任务", "主要责任单位", "协同配合单位"]
    cells += ["一、主要预期目标", "3", "固定资产投资增长7.5%左右。", "区发改委"]
    cells += ["区工信局、区住建局、区交通局,各乡镇人民政府。"]
    cells += [
        "二、全力以赴扩投资、优服务,筑牢经济增长根基",
        "三、全力以赴惠民生、增福祉,加快社会事业发展",
    ]
    cells += ["68", "持续推进学前教育普及普惠,加快建设扩建教学楼项目。", "区教育局"]
    cells += [
        "区政府有关部门,各乡镇人民政府。",
        "69",
        "深化与优质教育集团合作,积极引进优质教育资源。",
    ]
    cells += ["区教育局", "区投资促进中心"]
    (doc,) = docs("某局2025年重点工作任务分解表\n\n" + "\n\n".join(cells) + "\n")
    assert [(t["number"], t["responsible_units"], t["cooperating_units"]) for t in tasks(doc)] == [
        ("3", ["区发改委"], ["区工信局", "区住建局", "区交通局", "各乡镇人民政府"]),
        ("68", ["区教育局"], ["区政府有关部门", "各乡镇人民政府"]),
        ("69", ["区教育局"], ["区投资促进中心"]),
    ]


def test_a_task_table_under_a_long_name_column():
    """专项整治行业名称 | 时间安排 | 责任单位: a 名称 column however long its first word."""
    text = """某镇2017年度安全生产专项整治工作计划
专项整治行业名称 | 时间安排 | 责任单位 |
烟花爆竹 | 2017年1月 | 安监站 |
电力设施 | 2017年3月 | 电管所 |
养老机构 | 2017年4月 | 民政所 |
"""
    (doc,) = docs(text)
    assert [(t["title"], t["responsible_units"], t["deadline"]) for t in tasks(doc)] == [
        ("烟花爆竹", ["安监站"], "2017-01-31"),
        ("电力设施", ["电管所"], "2017-03-31"),
        ("养老机构", ["民政所"], "2017-04-30"),
    ]


# ---------------------------------------------------------------- plans: more forms


def test_a_section_named_for_its_lead_gives_it_to_the_tasks_below():
    text = """附件1
2025年县政府工作报告任务清单
一、县示范区管委会牵头工作(3项)
1.投资3000万元建设水产养殖基地。
2.打造食用菌生产基地。
3.建设3个劳动密集型产业园。
二、县发展改革局牵头工作(1项)
1.推进重点项目建设。
"""
    (doc,) = docs(text)
    assert doc["kind"] == "plan" and doc["title"] == "2025年县政府工作报告任务清单"
    assert [(t["number"], t["lead_units"]) for t in tasks(doc)] == [
        ("1", ["县示范区管委会"]),
        ("2", ["县示范区管委会"]),
        ("3", ["县示范区管委会"]),
        ("1", ["县发展改革局"]),
    ]


def test_the_list_of_attachments_is_no_title():
    text = """各乡镇人民政府,县直各有关单位:
现将有关任务分解印发给你们,请认真对照,抓好落实。
一、责任到人,闭环管理。各责任单位需严格对照任务清单。
二、节点管控,动态调度。各单位要紧盯目标任务。
附件:1.2025年县《政府工作报告》任务清单
2.2025年民生实事任务分解
某县人民政府办公室
2025年5月18日
"""
    (doc,) = docs(text)
    assert "附件" not in doc["title"] and not doc["title"].startswith("2.")


def test_a_plan_cut_before_its_tasks_keeps_the_goals_it_states():
    text = """某市社会主义法治文化建设行动方案
为加快推进全市社会主义法治文化建设,制定本行动方案。
一、行动目标
经过3年努力,建立较为完善的法治文化建设体系。各县(市)区每年新创作法治文化作品不少于15部,开展法治主题讲座不少于8场。
"""
    (doc,) = docs(text)
    assert doc["kind"] == "plan" and tasks(doc) == []
    assert [(t["comparator"], t["value"], t["unit"]) for t in doc["targets"]] == [
        (">=", 15, "部"),
        (">=", 8, "场"),
    ]


def test_a_plans_dated_requirements_sentence_does_not_open_a_report():
    text = (
        "今年是实施“十四五”规划的关键之年。2024年,我们工作的总体要求是:坚持稳中求进工作总基调,"
        "持续推动交通运输高质量发展。\n一、主要目标\n保持公路水路建设投资100亿元以上,"
        "乡镇通三级及以上公路比例提升至75%以上。\n"
    )
    (doc,) = docs(text)
    assert doc["kind"] == "plan"
    assert [(t["comparator"], t["value"], t["unit"]) for t in doc["targets"]] == [
        (">=", 10_000_000_000, "元"),  # 100亿元, the scale word read exactly
        (">=", 75, "%"),
    ]


def test_a_title_with_its_document_number_glued_on():
    text = """某县全面推广证明事项告知承诺制实施方案某府法领办〔2020〕4号
各乡、镇人民政府,县直有关单位:
为全面推开“减证便民”工作,在前期工作取得成效的基础上,制定如下实施方案。
一、主要任务
1.全面梳理政务服务事项。(责任单位:县司法局)
"""
    (doc,) = docs(text)
    assert (doc["kind"], doc["title"], doc["doc_number"]) == (
        "plan",
        "某县全面推广证明事项告知承诺制实施方案",
        "某府法领办〔2020〕4号",
    )


def test_group_names_with_levels_listed_and_notes_after_the_roles():
    text = """某市2020年重点工作责任分解
一、主要任务
1.稳定经济增长。全面完成预期目标。
责任单位:市经信局、市财政局、市税务局(列第一位者为工作牵头单位或汇总单位,下同)
2.做好政务公开。(牵头单位:市政府办公室,配合单位:各县、市、区政府,各县〔市、区、特区〕政府。以下均需各乡(镇)政府负责,不再列出。)
3.压实河湖长责任。(牵头单位:市河长办,配合单位:市水利局)
"""
    (doc,) = docs(text)
    assert [(t["number"], *roles(t)) for t in tasks(doc)] == [
        ("1", ["市经信局"], ["市财政局", "市税务局"], []),
        ("2", ["市政府办公室"], ["各乡(镇)政府"], ["各县、市、区政府", "各县〔市、区、特区〕政府"]),
        ("3", ["市河长办"], ["各乡(镇)政府"], ["市水利局"]),
    ]


def test_report_figures_of_bodies_set_up_and_books_ordered():
    from loaders.plans.targets import extract_achievements

    got = extract_achievements(
        "设置258个发热门诊、116家定点医院,储备床位47268张;组建城市医疗集团66个。"
        "积极培育16个经验典型。征订《习近平法治思想学习纲要》1198册。",
        2020,
    )
    assert [(a["indicator"], a["value"], a["unit"]) for a in got] == [
        ("设置发热门诊", 258, "个"),
        ("设置定点医院", 116, "家"),
        ("储备床位", 47268, "张"),
        ("组建城市医疗集团", 66, "个"),
        ("积极培育经验典型", 16, "个"),
        ("征订《习近平法治思想学习纲要》", 1198, "册"),
    ]


def test_investment_to_reach_is_a_target_a_projects_cost_is_not():
    assert _targets("全年完成固定资产投资100亿元以上。") == [
        ("完成固定资产投资", ">=", 10_000_000_000, "元")
    ]
    assert _targets("投资3000万元建设水产养殖基地。") == []


def test_a_role_line_closing_the_last_measure_names_the_units_of_the_task_above():
    text = """某市应急体系建设规划责任分解
(一)一案三制建设
1.完善应急预案体系
(1)加强应急预案管理,规范编制工作。
(2)推进应急预案精编化。
(责任单位:市应急局、各县(市、区)人民政府)
2.健全应急管理体制
(1)推进三级应急管理机构建设。
(2)加强专项预案牵头部门建设。
(责任单位:市委编办、市应急局)
"""
    (doc,) = docs(text)
    assert [(t["number"], t["title"], t["responsible_units"]) for t in tasks(doc)] == [
        ("1", "完善应急预案体系", ["市应急局", "各县(市、区)人民政府"]),
        ("2", "健全应急管理体制", ["市委编办", "市应急局"]),
    ]


def test_a_bracket_of_bare_names_before_a_note_and_rows_of_a_table_fragment():
    text = """某市民营经济若干措施实施方案
一、主要措施
(一)强化财税政策保障。落实研发费用加计扣除政策。(市税务局、市财政局,各县市、区政府,列第一位的为牵头单位,下同。以下均需各县市、区政府落实,不再列出)
(二)加强产业基金支持。发挥产业基金引领作用。(市财政局、市金融办)
"""
    (doc,) = docs(text)
    assert [(t["number"], *roles(t)) for t in tasks(doc)] == [
        ("(一)", ["市税务局"], ["市财政局", "各县市、区政府"], []),
        ("(二)", ["市财政局"], ["市金融办", "各县市、区政府"], []),
    ]
    cells = ["序号", "目标与任务", "分 管 县领导", "牵头责任单位", "责任单位"]
    cells += ["80", "加大普惠性托育供给,新增托位数400个以上。", "俞 悦", "县教育局", "县各有关单位"]
    cells += [
        "81",
        "支持职业学校发展,探索职业教育赋能区域发展路径。",
        "陆 明",
        "县教育局",
        "县各有关单位",
    ]
    (table,) = docs("2024年重点工作目标任务分解表\n" + "".join(f"{c} |\n" for c in cells))
    assert [(t["number"], t["lead_units"], t["responsible_units"]) for t in tasks(table)] == [
        ("80", ["县教育局"], ["县各有关单位"]),
        ("81", ["县教育局"], ["县各有关单位"]),
    ]


def test_a_task_table_whose_first_row_is_a_section_and_a_row_with_three_unit_paragraphs():
    """主要工作任务 | 牵头单位 | 责任单位, cell per paragraph: a section row right under the header,
    tasks numbered inside their cell, a row whose units run over three paragraphs."""
    cells = [
        "主要工作任务",
        "牵头单位",
        "责任单位",
        "一、优结构、谋发展,在加快构建现代化产业体系上冲在前",
    ]
    cells += ["1.主动对接国家战略,完善现代化产业体系。", "区发改局", "区工信局、区商务局"]
    cells += ["2.大力发展新兴数字产业,培育前沿新材料。", "区发改局", "区工信局", "各街道办事处"]
    cells += ["3.积极培育元宇宙、人形机器人等未来产业。", "区科技局", "区工信局、各街道办事处"]
    (doc,) = docs("2024年政府工作报告主要工作任务分解表\n\n" + "\n\n".join(cells) + "\n")
    assert [(t["number"], t["lead_units"]) for t in tasks(doc)] == [
        ("1", ["区发改局"]),
        ("2", ["区发改局"]),
        ("3", ["区科技局"]),
    ]
    assert tasks(doc)[0]["responsible_units"] == ["区工信局", "区商务局"]


def test_role_words_and_subjects_of_other_forms():
    text = """某县卫健委2021年政府工作报告任务分解
一、重点任务
1.落实积极应对人口老龄化国家战略。
牵头责任单位:县卫健委、县民政局
主要协作单位:各乡镇人民政府、县政府有关部门
2.推进完善PPP运行长效机制。(责任单位:县发改委、县财政局,第一责任单位为牵头单位,下同)
3.严格落实统一的招投标政策。(责任单位:县建设局、县财政局)
4.县园林局负责做好植树活动的前期准备工作,沿路种植重阳木550株。
(五)由城关区政府负责,在庆阳路摆放鲜花。
"""
    (doc,) = docs(text)
    got = [(t["number"], t["title"][:8], *roles(t)) for t in tasks(doc)]
    assert got == [
        (
            "1",
            "落实积极应对人口",
            ["县卫健委", "县民政局"],
            [],
            ["各乡镇人民政府", "县政府有关部门"],
        ),
        ("2", "推进完善PPP运", ["县发改委"], ["县财政局"], []),
        ("3", "严格落实统一的招", ["县建设局"], ["县财政局"], []),
        # the body a task's sentence opens on, the first listed (下同 above): it leads
        ("4", "县园林局负责做好", ["县园林局"], [], []),
        ("(五)", "由城关区政府负责", ["城关区政府"], [], []),
    ]
    assert [(g["value"], g["unit"]) for g in tasks(doc)[3]["targets"]] == [(550, "株")]


def test_points_are_a_target_and_a_reports_score_not_a_threshold():
    from loaders.plans.targets import extract_achievements

    assert _targets("市民食品安全基本知识知晓度评分91分以上。") == [
        ("市民食品安全基本知识知晓度评分", ">=", 91, "分")
    ]
    got = extract_achievements(
        "在全省法治政府建设考评中得分102.25分。"
        "学习积分40000分以上的人员有42名,30000-40000分的人员有31名。",
        2021,
    )
    assert [(a["value"], a["unit"]) for a in got] == [(102.25, "分"), (42, "名"), (31, "名")]


def test_a_table_copied_with_spaces_between_its_cells():
    """序号 重点工作任务 牵头责任单位 一季度完成情况: header and rows parted by spaces (a page's
    table pasted where its TABs became spaces), the last column holding spaces of its own, a
    traditional copy with pinyin glosses in its header."""
    text = """2025年县政府重点工作任务一季度完成情况
序號(hào) 重點(diǎn)工作任務(wù) 牽頭責任單位 一季度完成情況
1 地區生產總值增長6%以上。 縣發改委 一季度地區生產總值增長6.8%
2 規模工業增加值增長4.5%。 縣工信局 規模工業增加值增長 11.9%
3 財政一般公共預算收入增長3.7%以上。 縣財政局、縣稅務局 增長4.8%
"""
    (doc,) = docs(text)
    assert doc["kind"] == "breakdown_table"
    assert [(t["number"], t["title"], t["lead_units"]) for t in tasks(doc)] == [
        ("1", "地区生产总值增长6%以上", ["县发改委"]),
        ("2", "规模工业增加值增长4.5%", ["县工信局"]),
        ("3", "财政一般公共预算收入增长3.7%以上", ["县财政局", "县税务局"]),
    ]


def test_bare_names_with_tortoise_shell_brackets_attribute_the_task():
    text = """关于明确政府工作报告提出的2023年重点工作责任单位的通知
一、2023年经济社会发展主要预期目标分解
1.地区生产总值增长7%以上。(市发展改革委,各县〔市、区〕政府)
2.研发投入强度超过2.4%。(市科技局,各县〔市、区〕政府)
3.固定资产投资增长10.5%。(市发展改革委,各县〔市、区〕政府)
"""
    (doc,) = docs(text)
    assert doc["kind"] == "plan"
    assert [t["responsible_units"] for t in tasks(doc)] == [
        ["市发展改革委", "各县〔市、区〕政府"],
        ["市科技局", "各县〔市、区〕政府"],
        ["市发展改革委", "各县〔市、区〕政府"],
    ]


def test_a_bracket_opening_on_a_leader_and_closing_on_a_label_of_no_role():
    text = """2019年《政府工作报告》确定的主要目标任务责任分解方案
一、 经济社会发展主要预期目标
(一) 地区生产总值增长7.5%左右。(牵头领导:谢瑞武,牵头单位:市发改委,数据提供单位:市统计局)
(二) 全社会固定资产投资增长10%。(牵头领导:谢瑞武,牵头单位:市发改委,责任单位:市农业农村局、市经信局,数据提供单位:市统计局)
(三) 社会消费品零售总额增长9%。(牵头领导:刘筱柳,牵头单位:市商务局)
"""
    (doc,) = docs(text)
    assert [(t["number"], *roles(t)) for t in tasks(doc)] == [
        ("(一)", ["市发改委"], [], []),
        ("(二)", ["市发改委"], ["市农业农村局", "市经信局"], []),
        ("(三)", ["市商务局"], [], []),
    ]


def test_a_progress_table_headed_content_and_requirements():
    cells = ["序号", "内容与要求", "进展情况", "责任单位"]
    cells += [
        "1",
        "加强季度、月度数据监测分析,确保地区生产总值增长7%。",
        "1-2月主要指标平稳。",
        "市发改委",
    ]
    cells += [
        "2",
        "持续推进重大项目攻坚,确保有效投资稳定增长。",
        "固定资产投资同比下降12.7%。",
        "市发改委",
    ]
    cells += ["3", "编制培育发展新兴产业行动计划。", "启动前期工作。", "市经信局"]
    (doc,) = docs("市政府2020年重点工作一季度进展情况表\n\n" + "\n\n".join(cells) + "\n")
    assert doc["kind"] == "breakdown_table"
    assert [(t["number"], t["title"][:6], t["responsible_units"]) for t in tasks(doc)] == [
        ("1", "加强季度、月", ["市发改委"]),
        ("2", "持续推进重大", ["市发改委"]),
        ("3", "编制培育发展", ["市经信局"]),
    ]


def test_goals_of_a_text_with_no_numbered_item_are_the_plans_from_the_paragraph_naming_them():
    """A page holding only a plan's 总体要求 and its goals as key-led lines ("一保持:…"), no numbered
    item: the goals from the paragraph naming them on are the plan's; figures of the account
    before it are not."""
    text = (
        "去年全市完成投资80亿元,同比增长12%。\n"
        "2025年,我们工作的总体要求是:坚持稳中求进,推动高质量发展。\n"
        "一保持:保持建设投资50亿元以上。\n"
        "两提高:一是提高服务能力,通三级公路比例提升至70%以上;二是优良路率大于90%,年超限率低于3%。\n"
    )
    (doc,) = docs(text)
    assert doc["kind"] == "plan"
    assert doc["actions"] == []
    goals = [(g["indicator"], g["comparator"], g["value"], g["unit"]) for g in doc["targets"]]
    assert goals == [
        ("建设投资", ">=", 5_000_000_000, "元"),
        ("通三级公路比例", ">=", 70, "%"),
        ("优良路率", ">", 90, "%"),
        ("年超限率", "<", 3, "%"),
    ]


def test_a_measure_whose_number_was_lost_under_a_long_heading_is_task_one():
    """ "一、深入学习…,切实增强…动力" (a heading of two clauses) over a paragraph ending on its
    units, then "2. …": the paragraph is the measure numbered 1 whose number was lost."""
    text = (
        "某区2025年全面依法治区工作要点\n"
        "一、深入学习贯彻习近平法治思想,切实增强做好全面依法治区工作的动力\n"
        "抓好学习培训。推动各级各部门开展系统培训。(责任单位:区委宣传部、区委党校)\n"
        "2. 开展宣传阐释。组织新闻媒体开展系列报道。(责任单位:区融媒体中心)\n"
        "3. 加强理论研究。组织开展课题研究。(责任单位:区法学会)\n"
    )
    (doc,) = docs(text)
    got = [(t["number"], t["title"], t["responsible_units"]) for t in tasks(doc)]
    assert got == [
        ("", "抓好学习培训", ["区委宣传部", "区委党校"]),
        ("2", "开展宣传阐释", ["区融媒体中心"]),
        ("3", "加强理论研究", ["区法学会"]),
    ]


def test_a_long_heading_over_a_paragraph_naming_no_units_keeps_its_paragraph():
    """The same heading over a plain paragraph (no units): the paragraph is the heading's own
    text, not a lost measure."""
    text = (
        "某区2025年全面依法治区工作要点\n"
        "一、深入学习贯彻习近平法治思想,切实增强做好全面依法治区工作的动力\n"
        "今年要把学习作为首要任务。\n"
        "2. 开展宣传阐释。组织新闻媒体开展系列报道。(责任单位:区融媒体中心)\n"
        "3. 加强理论研究。组织开展课题研究。(责任单位:区法学会)\n"
    )
    (doc,) = docs(text)
    assert [t["number"] for t in tasks(doc)] == ["2", "3"]


def test_a_first_part_named_for_leadership_in_two_clauses_is_an_action():
    """ "一、强化组织领导,凝聚法治建设力量" opening a 工作要点 over 1.…2.… (no units): an action whose
    items are tasks; "五、加强组织领导" closing a plan stays its safeguards."""
    opening = (
        "某局2023年法治建设工作要点\n"
        "一、强化组织领导,凝聚法治建设力量\n"
        "1.深入学习贯彻习近平法治思想。把学习作为重要政治任务。\n"
        "2.压实法治建设责任。落实第一责任人职责。\n"
    )
    (doc,) = docs(opening)
    assert [(a["title"], [t["number"] for t in a["tasks"]]) for a in doc["actions"]] == [
        ("强化组织领导,凝聚法治建设力量", ["1", "2"])
    ]
    closing = (
        "某局2023年法治建设工作要点\n"
        "一、推进依法决策\n"
        "1.健全决策机制。严格执行决策程序。(责任单位:办公室)\n"
        "2.加强合法性审查。做到应审必审。(责任单位:法规科)\n"
        "3.推行法律顾问制度。发挥法律顾问作用。(责任单位:法规科)\n"
        "二、加强组织领导,确保任务落实\n"
        "1.成立工作专班。由主要负责同志任组长。\n"
        "2.强化督促检查。定期通报进展。\n"
    )
    (doc,) = docs(closing)
    assert [t["number"] for t in tasks(doc)] == ["1", "2", "3"]


def test_a_count_of_cases_standing_alone_in_its_clause_is_a_reported_figure():
    text = (
        "某县自然资源局2023年法治政府建设工作报告\n"
        "2023年涉及我局行政复议案件4宗;行政、民事诉讼案件16宗,其中民事案件7宗,行政案件9宗。\n"
    )
    (doc,) = docs(text)
    got = [(a["indicator"], a["value"], a["unit"]) for a in doc["achievements"]]
    assert got == [
        ("涉及我局行政复议案件", 4, "宗"),
        ("行政、民事诉讼案件", 16, "宗"),
        ("民事案件", 7, "宗"),
        ("行政案件", 9, "宗"),
    ]


def test_a_first_line_cut_after_its_verb_runs_on_into_its_object():
    """A copy that dropped the title marks 《》 broke the line there ("7. 全面实施" /
    "政府信息公开条例,完善…"): the line is no heading of its own, the task is named by both."""
    text = (
        "某市依法行政工作要点\n"
        "三、转变政府职能\n"
        "7. 全面实施\n"
        "政府信息公开条例,完善政府信息主动公开机制。(市政务公开办牵头,市保密局配合)\n"
        "8. 认真贯彻\n"
        "突发事件应对法,制定和完善各项专业应急预案。(市政府应急办公室牵头)\n"
    )
    (doc,) = docs(text)
    got = [(t["number"], t["title"], t["lead_units"]) for t in tasks(doc)]
    assert got == [
        ("7", "全面实施政府信息公开条例,完善政府信息主动公开机制", ["市政务公开办"]),
        ("8", "认真贯彻突发事件应对法,制定和完善各项专业应急预案", ["市政府应急办公室"]),
    ]


def test_a_table_without_numbers_whose_content_column_heads_sections_of_numbered_measures():
    """工作目标 | 工作内容 | 工作措施 | 责任单位 | 完成时限 copied as `|` rows, no 序号: the 工作内容 cells
    "(一)…" head the measures "1.…" below them (merged over rows, so later rows are short and
    shifted left); the tasks are the measures, numbered as written."""
    text = (
        "某县2025年食品安全重点工作任务清单\n"
        "| 工作目标 | 工作内容 | 工作措施 | 责任单位 | 完成时限 |\n"
        "| 一、加大突出问题治理力度 | (一)强化源头治理 | 1.加强土壤污染源头防控。 | 县生态环境分局牵头 | 2025年11月底前 |\n"
        "| 2.开展农药减量行动。 | 县农业农村局 | 2025年10月底前 | ||\n"
        "| (二)严控农兽药残留超标 | 3.开展药物残留攻坚治理。 | 县农业农村局 | 2025年9月底前 | |\n"
        "| (三)加大校园整治力度 | 4.深化校园餐专项整治。 | 县教育局、县财政局 | 2025年12月底前 | |\n"
    )
    (doc,) = docs(text)
    got = [
        (t["number"], t["title"], t["lead_units"] + t["responsible_units"], t["deadline"])
        for t in tasks(doc)
    ]
    assert got == [
        ("1", "加强土壤污染源头防控", ["县生态环境分局"], "2025-11-30"),
        ("2", "开展农药减量行动", ["县农业农村局"], "2025-10-31"),
        ("3", "开展药物残留攻坚治理", ["县农业农村局"], "2025-09-30"),
        ("4", "深化校园餐专项整治", ["县教育局", "县财政局"], "2025-12-31"),
    ]


def test_attributions_saying_this_work_is_led_by_a_unit():
    """ "(此项工作由X牵头负责,Y配合)" and a closing sentence "此项工作由X牵头,Y、Z等单位参加。"."""
    text = (
        "某市推进依法行政工作要点\n"
        "一、完善矛盾化解机制\n"
        "1.完善信访工作制度。畅通信访渠道。(此项工作由市信访局牵头负责,各部门配合)\n"
        "2.实现政事分开。推进事业单位改革。此项工作由市编办牵头,市人事局、民政局等单位参加。\n"
        "3.完善职能争议协调机制。(市法制办会同市编办,市监察局)\n"
    )
    (doc,) = docs(text)
    got = [(t["number"], t["title"], *roles(t)) for t in tasks(doc)]
    assert got == [
        ("1", "完善信访工作制度", ["市信访局"], [], ["各部门"]),
        ("2", "实现政事分开", ["市编办"], [], ["市人事局", "民政局"]),
        ("3", "完善职能争议协调机制", ["市法制办"], [], ["市编办", "市监察局"]),
    ]


def test_a_lead_clause_run_into_the_next_without_a_separator():
    (doc,) = docs(
        "某县2021年政务公开工作要点\n"
        "一、加强政策公开\n"
        "(一)加强重要政府信息公开。公开决策草案。(县司法局牵头各行政机关负责)\n"
        "(二)做好规划信息公开。集中公开规划。(综合规划司牵头,各有关司局按职责分工负责)\n"
    )
    got = [roles(t) for t in tasks(doc)]
    assert got == [(["县司法局"], ["各行政机关"], []), (["综合规划司"], ["各有关司局"], [])]


def test_a_task_line_cut_after_a_preposition_runs_on():
    """ "(四)监察机关要按照" / "行政监察法等规定,…": one task, named by both lines."""
    (doc,) = docs(
        "某市依法行政实施意见\n"
        "五、强化监督\n"
        "(三)完善层级监督机制。(市府办会同市监察局)\n"
        "(四)监察机关要按照\n"
        "行政监察法等规定,加大监察力度。(市监察局)\n"
    )
    got = [(t["number"], t["title"], t["responsible_units"]) for t in tasks(doc)]
    assert got == [
        ("(三)", "完善层级监督机制", []),
        ("(四)", "监察机关要按照行政监察法等规定,加大监察力度", ["市监察局"]),
    ]


def test_tasks_numbered_on_across_a_new_part_are_tasks_though_cut_before_their_units():
    """A page of a plan cut in its last task: "七、强化领导责任 / 17.建立健全…" after 16 attributed
    tasks numbered straight through the parts is task 17; "八、保障措施" items are not."""
    text = (
        "六、加强学法培训\n"
        "15.建立健全领导干部学法制度。定期学法。(责任单位:市司法局)\n"
        "16.强化执法人员培训。每年培训。(责任单位:市人事局、市司法局)\n"
        "七、强化领导责任,完善推进机制\n"
        "17.建立健全依法行政推进机制。主要负责人切实担负起第一责任人的责任,把依法行政的要求落实到"
    )
    (doc,) = docs(text)
    assert [t["number"] for t in tasks(doc)] == ["15", "16", "17"]
    closing = text.split("七、")[0] + "七、保障措施\n17.加强组织领导。各部门要高度重视。\n"
    (doc,) = docs(closing)
    assert [t["number"] for t in tasks(doc)] == ["15", "16"]


def test_obtaining_a_certificate_is_no_past_result():
    """A plan page with no title requiring that officers 取得 their 执法证件 / 执法资格 is a plan,
    not a report of results."""
    text = (
        "(八)深入推进综合执法改革。按照有关要求,全面推进相对集中行政处罚,加快完善配套制度。\n"
        "(九)完善执法人员资格制度。新增执法人员必须通过考试,取得统一颁发的行政执法证件后,方可执法;"
        "对已取得执法资格的人员每年进行培训,不断提高执法水平。\n"
    )
    (doc,) = docs(text)
    assert doc["kind"] == "plan"
    assert [t["number"] for t in tasks(doc)] == ["(八)", "(九)"]


def test_a_division_of_work_line_and_a_leader_line_under_each_task():
    """ "分管省领导:某某" (a person, not a unit, no part of the task) and "部门分工:X牵头,各地、各部门配合。"
    lines under each task of a 政府工作报告 分工方案."""
    text = (
        "2021年省《政府工作报告》重点任务分工方案\n"
        "一、2021年经济社会发展主要预期目标\n"
        "1.地区生产总值增长6%以上。\n"
        "分管省领导:某某\n"
        "部门分工:省发展改革委牵头,各地、各部门配合。\n"
        "2.地方一般公共预算收入增长4%。\n"
        "分管省领导:某某\n"
        "部门分工:省财政厅牵头,各地、各部门配合。\n"
    )
    (doc,) = docs(text)
    got = [(t["number"], t["title"], *roles(t)) for t in tasks(doc)]
    assert got == [
        ("1", "地区生产总值增长6%以上", ["省发展改革委"], [], ["各地", "各部门"]),
        ("2", "地方一般公共预算收入增长4%", ["省财政厅"], [], ["各地", "各部门"]),
    ]


def test_small_form_stops_and_a_mirrors_toned_pinyin_are_read_as_the_text():
    """A traditional mirror printing "1﹒" (U+FE52) and glosses "責(zé)任" inside a role label."""
    text = (
        "某省人民政府關(guān)於2021年重點(diǎn)工作及責(zé)任分解的通知\n"
        "一、確保完成全年主要預(yù)期目標(biāo)\n"
        "1﹒全省生產(chǎn)總值增長8%。\n"
        "牽頭責(zé)任單位:省發(fā)展改革委\n"
        "2﹒城鎮(zhèn)新增就業(yè)60萬人以上。\n"
        "牽頭責(zé)任單位:省人力資源社會保障廳\n"
    )
    (doc,) = docs(text)
    got = [(t["number"], t["title"], t["lead_units"]) for t in tasks(doc)]
    assert got == [
        ("1", "全省生产总值增长8%", ["省发展改革委"]),
        ("2", "城镇新增就业60万人以上", ["省人力资源社会保障厅"]),
    ]


def test_an_item_opening_on_a_word_like_a_titles_end_is_no_run_on_title():
    """ "(一)以权责清单为依托,…" in a long line: 清单 followed by 为 is no title ending."""
    text = (
        "某省2020年政务公开工作要点\n"
        "一、加强用权公开\n"
        "(一)以权责清单为依托,加强权力配置信息公开。要对照法律法规规章,全面梳理本机关依法行使的"
        "行政权力和依法承担的公共服务职责,更新完善权责清单并按要求公开。(省编办牵头)\n"
        "(二)以标准化规范化为抓手,加强权力运行过程信息公开。(省政务公开办牵头)\n"
    )
    (doc,) = docs(text)
    assert [t["title"] for t in tasks(doc)] == [
        "以权责清单为依托,加强权力配置信息公开",
        "以标准化规范化为抓手,加强权力运行过程信息公开",
    ]


def test_foreign_capital_in_dollars_is_a_target_and_a_reports_sums_are_figures():
    (plan,) = docs("某市2022年重点工作\n1.实际利用外资超过16亿美元。(责任单位:市商务局)\n")
    assert [
        (g["indicator"], g["comparator"], g["value"], g["unit"]) for g in tasks(plan)[0]["targets"]
    ] == [("实际利用外资", ">", 1_600_000_000, "美元")]
    (report,) = docs(
        "某区人社局2023年法治政府建设工作报告\n"
        "2023年,我局发放各类补贴2.22亿元,其中就业创业补贴2.02亿元,惠及企业2.88万家次。\n"
    )
    got = [(a["indicator"], a["value"], a["unit"]) for a in report["achievements"]]
    assert got == [
        ("我局发放各类补贴", 222_000_000, "元"),
        ("就业创业补贴", 202_000_000, "元"),
        ("惠及企业", 28_800, "家次"),
    ]


def test_a_pasted_table_whose_unit_cell_is_merged_over_the_rows_below():
    """一级指标 | 二级指标 | 序号 | 主要任务 | 牵头、责任部门 pasted one cell per paragraph; the unit cell
    merged over rows 1–3 stands in row 1 only, so rows 2 and 3 hold their number and task alone."""
    cells = [
        "一级指标", "二级指标", "序号", "主要任务", "牵头、责任部门",
        "一、依法全面履行政府职能", "1.全面推行行政审批制度改革",
        "1", "主动公开全部行政审批事项清单,行政审批事项在法定期限内完成。",
        "牵头单位:区政务服务办;责任部门:各街道",
        "2", "依据行政许可事项目录,对行政许可事项动态梳理,制定并公布事项目录。",
        "3", "全面清理规范行政审批中介服务,取消无法定依据的中介服务事项及收费。",
        "二、完善依法行政制度体系", "1.加强规范性文件监督管理",
        "4", "严格落实规范性文件合法性审核机制,做到应审必审。", "区司法局",
    ]  # fmt: skip
    (doc,) = docs(pasted(["某区2020年法治政府建设年度计划任务台账"], cells))
    got = [
        (t["number"], t["title"][:10], t["lead_units"] + t["responsible_units"]) for t in tasks(doc)
    ]
    assert got == [
        ("1", "主动公开全部行政审批", ["区政务服务办", "各街道"]),
        ("2", "依据行政许可事项目录", ["区政务服务办", "各街道"]),
        ("3", "全面清理规范行政审批", ["区政务服务办", "各街道"]),
        ("4", "严格落实规范性文件合", ["区司法局"]),
    ]


def test_news_of_a_plan_just_issued_is_no_plan_and_no_report():
    text = (
        "某省2020年全面依法治省“任务书”出炉\n"
        "明确7方面45项重点任务\n"
        "本报讯(记者某某)5月8日,记者从省委依法治省办获悉:省委依法治省委员会发布了2020年工作《要点》,"
        "明确了7个方面45项重点任务。根据《要点》,今年全省将推进科学立法、严格执法、公正司法。\n"
    )
    (doc,) = docs(text)
    assert doc["kind"] == "other"
    report_news = (
        "某市发布2020年法治政府建设年度报告\n"
        "近日,某市公布了2020年度法治政府建设情况。全年共办理行政复议案件120件,"
        "行政机关负责人出庭应诉率达100%,开展会前学法21次。市司法局还印发了《2021年普法责任清单》。\n"
    )
    (doc,) = docs(report_news)
    assert doc["kind"] == "annual_report"


def test_a_plan_saying_so_of_itself_under_a_sites_blurb():
    """No title (a spam line or a model-text site's blurb stands first): "…,制定如下方案。" or a
    short line naming the plan further down makes it a plan, even before its first task."""
    (doc,) = docs(
        "創意有趣的對聯\n"
        "为贯彻落实上级决定精神,加快建设一流法治城市,制定如下方案。\n"
        "一、加快推进一流法治城市建设是贯彻落实全会精神的具体部署\n"
        "依法治国是党领导人民治理国家的基本方略。\n"
    )
    assert (doc["kind"], doc["actions"]) == ("plan", [])
    (doc,) = docs(
        "宪法宣传日活动方案2017今年12月4日是国家宪法日,现作如下通下面是小编为大家整理的范文,供参考。\n"
        "宪法宣传日活动方案2017\n"
        "今年12月4日是国家宪法日。为组织开展好宣传活动,现作如下通知:\n"
        "一、活动主题\n"
        "弘扬宪法精神,建设法治中国。\n"
    )
    assert doc["kind"] == "plan"


def test_a_years_goals_column_standing_alone_holds_the_tasks():
    """序号 | 2022年预期目标 | 责任单位 pasted one cell per paragraph: the year's column is the tasks'
    text (beside a column of tasks it would be a note)."""
    cells = [
        "序号", "2022年预期目标", "责任单位",
        "1", "地区生产总值增长5.5%左右", "区发展改革委",
        "2", "进出口总额增长5%以上", "区商务委",
        "3", "空气质量完成年度目标任务", "区生态环境局",
    ]  # fmt: skip
    (doc,) = docs(pasted(["附件1", "2022年区政府工作报告经济社会发展预期目标任务分解表"], cells))
    got = [(t["number"], t["title"], t["responsible_units"]) for t in tasks(doc)]
    assert got == [
        ("1", "地区生产总值增长5.5%左右", ["区发展改革委"]),
        ("2", "进出口总额增长5%以上", ["区商务委"]),
        ("3", "空气质量完成年度目标任务", ["区生态环境局"]),
    ]


def test_a_report_with_no_title_opening_on_its_figures():
    """A legal-aid centre's yearly figures with no title and no report phrase: counts of 宗 and
    人次 after 共/合计/已 (three such figures) make it a report."""
    text = (
        "2022年度某区法律援助中心共组织办理法律援助案件1428宗(其中民事法律援助案件381宗、"
        "刑事法律援助案件242宗),合计法律援助服务2746人次,另提供来访、来电等咨询3354人次。\n"
        "2022年度某区法律援助中心从已结案案件中抽取100宗法律援助案件进行案件质量评估。\n"
        "2022年度某区法律援助中心业务经费为217.78万元。\n"
        "某区法律援助中心\n"
        "2023年6月20日\n"
    )
    (doc,) = docs(text)
    assert doc["kind"] == "annual_report"
    got = {(a["value"], a["unit"]) for a in doc["achievements"]}
    assert {(1428, "宗"), (381, "宗"), (242, "宗"), (2746, "人次"), (3354, "人次")} <= got


def test_a_five_year_review_opening_on_its_period_is_a_report():
    text = (
        "法治护航北疆 共筑安全屏障\n"
        "——某旗法治政府建设五年综述\n"
        "五年来,某旗锚定法治政府建设总目标,构建起法治建设新格局。\n"
        "一、顶层设计“定航向”\n"
        "(一)党建引领强统筹。配齐12个苏木镇政法委员,实现174个嘎查法律顾问全覆盖,"
        "五年累计召开依法治旗委员会会议14次。\n"
        "(二)制度保障固根本。开展专项清理12次,清理文件46件。\n"
    )
    (doc,) = docs(text)
    assert doc["kind"] == "annual_report"
    assert doc["actions"] == []


def test_news_of_a_meeting_that_adopted_the_years_work_points_is_no_report():
    text = (
        "本报讯(记者 某某)4月12日下午,市委全面依法治市委员会办公室第八次会议召开。会议传达学习了"
        "上级会议精神,讨论审议了全面依法治市年度工作要点等有关文件方案,提出八项工作举措。\n"
        "2022年,我市将持续深入学习贯彻习近平法治思想,加快制定出台法治政府建设五年方案。\n"
    )
    (doc,) = docs(text)
    assert doc["kind"] == "other"


def test_a_bracket_opening_on_its_labelled_deadline_then_its_units():
    """ "(完成时限:持续推进。责任部门:A、B按职责分工负责)": the deadline stays, the units are read."""
    text = (
        "2023年某省高校毕业生就业创业十大行动方案\n"
        "二、主要措施\n"
        "(一)市场岗位拓展行动\n"
        "1.强化民营企业拓岗激励。落实社保补贴。(完成时限:持续推进。责任部门:省工业和信息化厅、"
        "省财政厅按职责分工负责)\n"
        "2.加大访企拓岗力度。每市走访企业不少于100家。(完成时限:2023年6月底前;责任部门:省教育厅)\n"
    )
    (doc,) = docs(text)
    got = [(t["number"], t["responsible_units"], t["ongoing"], t["deadline"]) for t in tasks(doc)]
    assert got == [
        ("1", ["省工业和信息化厅", "省财政厅"], True, None),
        ("2", ["省教育厅"], False, "2023-06-30"),
    ]


def test_the_requirements_of_a_notice_cut_before_the_plan_it_issues_are_no_tasks():
    """A page holding only the notice (its heading quoted in 《》 by a mirror) and its own items
    "一、高度重视,…。各责任单位要…": the plan is not reached, so no task; the same items followed by
    the plan's title and its attributed tasks leave the tasks as they are."""
    notice = (
        "《某市人民政府办公厅关于印发2023年市〈政府工作报告〉目标任务责任分解方案的通知》\n"
        "某政办〔2023〕1号\n"
        "《2023年市〈政府工作报告〉目标任务责任分解方案》已经市人民政府同意,现印发给你们,"
        "并就有关事项通知如下。\n"
        "一、高度重视,精心组织。各责任单位要逐项研究承办的责任事项(无牵头单位的,责任单位即为牵头单位,下同)。\n"
        "二、强化担当,压实责任。各责任单位主要负责人要切实履行第一责任人职责。\n"
        "三、加强督办,狠抓落实。要将目标任务纳入绩效目标管理考核体系。\n"
    )
    (doc,) = docs(notice)
    assert (doc["kind"], doc["title"], doc["actions"]) == (
        "plan",
        "2023年市〈政府工作报告〉目标任务责任分解方案",
        [],
    )
    whole = notice + (
        "2023年市〈政府工作报告〉目标任务责任分解方案\n"
        "一、主要预期目标\n"
        "1.地区生产总值增长6%左右。(责任单位:市发展改革委)\n"
        "2.城镇新增就业20万人。(责任单位:市人社局)\n"
    )
    titles = [t["title"] for d in docs(whole) for t in tasks(d)]
    assert titles == ["地区生产总值增长6%左右", "城镇新增就业20万人"]


def test_a_notice_heading_broken_over_lines_after_a_word_like_a_titles_end():
    """ "…关于印发区政府工作报告" / "确定的2019年主要目标任务责任" / "分解方案的通知": the first half
    ends like a report's title, but the heading runs on to its 通知; the title is the plan it
    issues. Its own requirements, below a page's blank lines, are still no tasks."""
    text = (
        "某区人民政府办公室文件\n\n\n\n\n\n\n\n\n\n某政办〔2019〕1号\n\n\n\n"
        "区人民政府办公室关于印发区政府工作报告\n\n"
        "确定的2019年主要目标任务责任\n\n"
        "分解方案的通知\n\n"
        "各街道办事处,区人民政府各部门:\n\n"
        "现将《2019年区政府工作报告确定的主要目标任务责任分解方案》印发给你们,请认真贯彻落实。\n\n"
        "一、认真制订工作方案,确保工作有序开展。各责任单位要对照分解方案制订具体措施。\n\n"
        "二、加强组织领导,确保工作落到实处。各单位主要负责同志要亲自研究部署。\n"
    )
    (doc,) = docs(text)
    assert (doc["kind"], doc["title"], doc["actions"]) == (
        "plan",
        "区政府工作报告确定的2019年主要目标任务责任分解方案",
        [],
    )
    # a title line ending on 报告 with a sentence below stays the title it is
    (doc,) = docs(
        "某县2019年法治政府建设情况报告\n\n2019年,全县开展会前学法12次,办结复议案件30件。\n"
    )
    assert (doc["kind"], doc["title"]) == ("annual_report", "某县2019年法治政府建设情况报告")


def test_a_plan_without_units_keeps_its_tasks_in_the_part_named_for_them():
    """No unit anywhere: the figures of 一、工作目标 and the conditions numbered under 三、项目实施
    条件 tell nothing of the task level; the (一)… items of 二、重点任务 are the tasks, not the
    parts 一、…四、 with their first item glued on."""
    text = (
        "某市粮仓光伏建设实施方案\n"
        "一、工作目标\n"
        "到2027年,新建粮仓屋顶光伏装机容量达到5万千瓦以上,覆盖率达到60%以上。\n"
        "二、重点任务\n"
        "(一)加大粮仓屋顶光伏开发利用力度\n"
        "加快既有粮仓屋顶资源开发利用,推进新建粮仓同步设计光伏。\n"
        "(二)积极发展粮仓综合能源服务\n"
        "加大新型储能技术应用与推广,适度配建储能系统。\n"
        "(三)健全商业运营模式\n"
        "统筹粮食领域光伏项目的开发、建设、运营。\n"
        "三、项目实施条件\n"
        "1.单个库区可利用屋面总面积不低于5000平方米。\n"
        "2.屋面结构安全经鉴定评估合格。\n"
        "四、保障措施\n"
        "(一)加强组织领导\n"
        "各区要建立工作机制。\n"
    )
    (doc,) = docs(text)
    assert [(t["number"], t["title"]) for t in tasks(doc)] == [
        ("(一)", "加大粮仓屋顶光伏开发利用力度"),
        ("(二)", "积极发展粮仓综合能源服务"),
        ("(三)", "健全商业运营模式"),
    ]
    goals = {(g["comparator"], g["value"], g["unit"]) for g in doc["targets"]}
    assert {(">=", 50000, "千瓦"), (">=", 60, "%")} <= goals


def test_a_principle_naming_bodies_in_prose_makes_no_attributed_task():
    """ "2.部门协同,齐抓共管。市A局、市B委按职责分工负责…" under 基本原则 names bodies, but it is a
    principle: the measures (一)… of the later parts are the tasks."""
    text = (
        "某市耕地保护实施意见\n"
        "一、明确总体要求\n"
        "(一)基本原则\n"
        "1.保护优先,依法依规。坚持最严格的耕地保护制度。\n"
        "2.部门协同,齐抓共管。市规划资源局、市农业农村委按职责分工负责耕地保护。\n"
        "二、严守耕地保护底线\n"
        "(一)划定耕地保护底线。严格落实永久基本农田保护任务。\n"
        "(二)构建分类管理格局。对耕地实行分类管理。\n"
        "三、加强用途管制\n"
        "(一)规范储备地块管理。加强储备地块的保护。\n"
        "(二)明确管制权限。明确各级管制标准。\n"
    )
    (doc,) = docs(text)
    assert [(t["number"], t["title"]) for t in tasks(doc)] == [
        ("(一)", "划定耕地保护底线"),
        ("(二)", "构建分类管理格局"),
        ("(一)", "规范储备地块管理"),
        ("(二)", "明确管制权限"),
    ]


def test_two_items_on_one_short_line_glued_after_an_attribution():
    """ "(一)…。(X负责)(二)…。(Y主办,Z协办)" on one line of a web page: two tasks; 主办 with 协办
    beside it leads. A number after a bracket that does not go on with the line's own (a year in
    brackets, "(2020年)3、") cuts nothing."""
    text = (
        "某省政府工作报告重点工作责任分工\n"
        "一、主要目标\n"
        "(一)地区生产总值增长6%左右。(省发展改革委负责)(二)一般公共预算收入增长5%。"
        "(省财政厅主办,省税务局协办)\n"
        "(三)开展专项整治(2020年)3、加强监管。(省市场监管局负责)\n"
    )
    (doc,) = docs(text)
    assert [(t["number"], *roles(t)) for t in tasks(doc)] == [
        ("(一)", [], ["省发展改革委"], []),
        ("(二)", ["省财政厅"], [], ["省税务局"]),
        ("(三)", [], ["省市场监管局"], []),
    ]


def test_fuze_danwei_label_and_a_role_rule_after_it_that_carries_no_names():
    """ "(负责单位:A、B。未明确牵头单位的,由所列负责单位按职责分工负责,下同)": 负责单位 names the
    responsible units; the "下同" closes the rule, so A and B do not pass to the tasks below. A
    list closing on "等部门单位" drops it, and 科协 is a body."""
    text = (
        "某部门控制温室气体排放工作方案部门分工\n"
        "一、低碳引领能源革命\n"
        "1.实施能源消费总量和强度双控。(负责单位:甲委、乙局。未明确牵头单位的,"
        "由所列负责单位按职责分工负责,下同)\n"
        "2.推进重点领域节能。(牵头单位:乙局;参加单位:丙部、丁委)\n"
        "3.开展节能宣传。(甲委牵头,丙部、省科协等部门单位按职责分工负责)\n"
    )
    (doc,) = docs(text)
    assert [(t["number"], *roles(t)) for t in tasks(doc)] == [
        ("1", [], ["甲委", "乙局"], []),
        ("2", ["乙局"], [], ["丙部", "丁委"]),
        ("3", ["甲委"], ["丙部", "省科协"], []),
    ]


def test_a_pasted_table_whose_leader_header_is_cut_over_two_paragraphs():
    """序号 | 重点工作 | 市政府 / 分管领导 (one header cell cut in two) | 牵头单位 | 配合单位 | 备注, one
    cell per paragraph, leaders' names (people) in their column, class rows between."""
    cells = [
        "序号", "重点工作", "市政府", "分管领导", "牵头单位", "配合单位", "备注",
        "强化科技创新支撑能力。", "(一)", "加强战略科技力量建设。",
        "1", "加快建设科技创新轴。", "张 某", "市科技局", "甲区、乙区政府", "",
        "2", "全力做好国家实验室建设。", "张 某", "市科技局", "市财政局、市卫生健康委", "",
    ]  # fmt: skip
    (doc,) = docs(pasted(["2021年市政府工作报告部署工作责任分工"], cells))
    got = [(t["number"], t["title"], *roles(t)) for t in tasks(doc)]
    assert got == [
        ("1", "加快建设科技创新轴", ["市科技局"], [], ["甲区", "乙区政府"]),
        ("2", "全力做好国家实验室建设", ["市科技局"], [], ["市财政局", "市卫生健康委"]),
    ]


def test_a_breadcrumb_opening_on_dangqian_suozai_is_page_furniture():
    text = (
        "欢迎加入某某法治网!\n"
        "当前所在:首页 > 法纪通报 > 某省教育厅2022年度法治政府建设报告\n"
        "某省教育厅2022年度法治政府建设报告\n"
        "一、深化行政审批改革\n"
        "一是修订完善权力和责任清单。二是办理教师资格证认定2568件。\n"
    )
    (doc,) = docs(text)
    assert (doc["kind"], doc["title"]) == ("annual_report", "某省教育厅2022年度法治政府建设报告")


def test_goals_under_main_targets_stand_when_no_level_holds_tasks():
    """ "二、主要目标 (一)最大限度减少检查频次。…达到50%以上…" and nothing after: the goals are
    the plan's, and the (一) goal items are no tasks."""
    text = (
        "某县严格规范涉企行政检查实施方案\n"
        "一、总体要求\n"
        "坚持管住风险、无事不扰,推动涉企行政检查规范化。\n"
        "二、主要目标\n"
        "(一)最大限度减少检查频次。2025年度部门联合检查实施率达到50%以上,"
        "行政检查次数再下降10%以上。\n"
    )
    (doc,) = docs(text)
    assert doc["actions"] == []
    goals = [(g["indicator"], g["comparator"], g["value"], g["year"]) for g in doc["targets"]]
    assert goals == [("部门联合检查实施率", ">=", 50, 2025), ("行政检查次数再下降", ">=", 10, 2025)]


def test_a_starred_unit_in_a_list_is_its_lead():
    """ "(责任单位:☆经信局、科技局)" — the star marks the lead (a note "标☆的为牵头单位")."""
    text = (
        "某市人工智能+行动计划\n"
        "一、重点任务\n"
        "(一)推进人工智能+工业制造。建设智能工厂。(责任单位:☆经信局、科技局)\n"
        "(二)推进人工智能+医疗。建设智慧医院。(责任单位:★卫健局、医保局、数据局)\n"
    )
    (doc,) = docs(text)
    assert [roles(t) for t in tasks(doc)] == [
        (["经信局"], ["科技局"], []),
        (["卫健局"], ["医保局", "数据局"], []),
    ]


def test_general_public_budget_revenue_keeps_its_name():
    """ "一般" is a filler ("一般不超过…") but not in 一般公共预算收入, a name of its own."""
    (doc,) = docs(
        "某区2023年政府工作报告重点工作任务责任分解方案\n"
        "1.一般公共预算收入增长12%以上。(责任单位:区财政局)\n"
        "2.审批时限一般不超过5个工作日。(责任单位:区行政审批局)\n"
    )
    got = [[(g["indicator"], g["value"]) for g in t["targets"]] for t in tasks(doc)]
    assert got == [[("一般公共预算收入增长", 12)], [("审批时限", 5)]]


def test_officials_opening_an_attribution_and_a_bracket_cut_by_the_copy():
    """ "(分管副省长、协管副秘书长负责,省发改委牵头,…)": the officials are people, the units follow;
    a bracket the copy cut after its first clause keeps what it said ("…牵头督导,市公安局、")."""
    text = (
        "某省2018年政府工作报告重点工作部门分工的意见\n"
        "(一)总的要求和主要预期目标。地区生产总值增长8%左右。(分管副省长、协管副秘书长负责,"
        "省发改委牵头,省经信委、省财政厅等按职责分工负责)\n"
        "(二)打好污染防治攻坚战。排查整治“散乱污”企业。(市生态环境局、发展和改革局牵头督导,市公安局、"
    )
    (doc,) = docs(text)
    assert [roles(t) for t in tasks(doc)] == [
        (["省发改委"], ["省经信委", "省财政厅"], []),
        (["市生态环境局", "发展和改革局"], [], []),
    ]


def test_lead_clauses_run_together_are_read_once_each():
    """ "A局牵头B局牵头…各部门负责": each position is read once (no re-reading of the rest from every
    clause, which grew as 2^n); past an attribution's length the run-on reading is not tried."""
    from loaders.plans.units import extract_inline_units

    short = "做好。(" + "".join(f"第{i}局牵头" for i in range(12)) + "各部门负责)"
    _, found = extract_inline_units(short)
    assert [r for r, _ in found] == ["lead"] * 12 + ["responsible"]
    assert found[-1] == ("responsible", ["各部门"])
    long = "做好。(" + "".join(f"第{i}局牵头" for i in range(60)) + "各部门负责)"
    assert extract_inline_units(long)[1] == []


def test_a_body_saying_it_is_a_plan_outweighs_a_rules_line_above_it():
    """A site's tag line naming rules ("…公示办法、…记录办法") above the plan's own text, which says
    "…制定本方案": the document is the plan."""
    text = (
        "某市行政执法公示办法、行政执法全过程记录办法\n"
        "关于推行行政执法三项制度的实施方案(最新)\n"
        "为促进严格规范公正文明执法,根据上级要求,制定本方案。\n"
        "一、总体要求\n"
        "在全旗各执法单位全面推行三项制度。\n"
        "二、工作任务\n"
        "1.各行政执法机关要编制执法事项清单。\n"
        "2.各行政执法机关要根据双随机要求公示抽查结果。\n"
    )
    (doc,) = docs(text)
    assert doc["kind"] == "plan"
    assert [t["number"] for t in tasks(doc)] == ["1", "2"]


def test_a_rate_named_by_a_word_like_a_filler_keeps_it():
    """即 is a filler ("即时", "即…") but 即办率 is a rate's name."""
    (doc,) = docs("某局2024年法治政府建设工作报告\n2024年,一窗受理率97%,即办率81%。\n")
    got = [(a["indicator"], a["value"]) for a in doc["achievements"]]
    assert got == [("一窗受理率", 97), ("即办率", 81)]


def test_a_notice_splitting_a_report_whose_tables_are_left_out_has_no_tasks():
    """ "关于做好…主要目标任务…的通知" with slogan items over what units must do, its 附件 tables
    not in the text: no task. A notice whose items are the year's work (a task's sentence, no
    slogan) keeps them."""
    notice = (
        "关于做好2018年政府工作报告主要目标任务和为民办实事的通知\n"
        "各乡镇人民政府、街道办事处,政府各部门:\n"
        "根据2018年《政府工作报告》,现将主要目标任务分解如下。\n"
        "一、落实责任,确保质量\n"
        "各责任单位要严格遵循年初公布、年底兑现的原则,抓好落实。\n"
        "二、密切配合,各负其责\n"
        "牵头责任单位要切实担负起第一责任人的责任。\n"
        "三、加强督查,有效监督\n"
        "区政府办公室将严格按照督查制度加强跟踪督办。\n"
        "附件:1.2018年《政府工作报告》主要工作目标任务分解表\n"
        "2.2018年民生实事任务分解表\n"
    )
    (doc,) = docs(notice)
    assert (doc["kind"], doc["actions"]) == ("plan", [])
    work = (
        "关于做好2024年普法依法治理工作的通知\n"
        "各镇人民政府、街道办事处,区直各部门:\n"
        "现就做好2024年普法依法治理工作通知如下。\n"
        "一、深入学习宣传习近平法治思想,推动党的二十大精神入脑入心。各单位要把学习纳入计划。\n"
        "二、扎实开展宪法宣传周系列活动,营造尊法学法守法用法氛围。各镇要组织集中宣传。\n"
    )
    (doc,) = docs(work)
    assert [t["number"] for t in tasks(doc)] == ["一", "二"]


def test_counts_in_sessions_written_with_their_alternative_unit():
    """ "698场(次)" (sessions or times): one unit as written; "一般程序案件" keeps its 一般."""
    (doc,) = docs(
        "某县2023年法治政府建设情况报告\n"
        "2023年,全县各级各部门会前学法698场(次),主要领导讲法176场(次)。"
        "审核一般程序案件43件,简易程序备案5件。\n"
    )
    got = [(a["indicator"], a["value"], a["unit"]) for a in doc["achievements"]]
    assert got == [
        ("全县各级各部门会前学法", 698, "场(次)"),
        ("主要领导讲法", 176, "场(次)"),
        ("审核一般程序案件", 43, "件"),
        ("简易程序备案", 5, "件"),
    ]


def test_a_breakdown_pasted_one_cell_per_paragraph_under_主要工作():
    """序号 | 主要工作 | 责任单位 pasted a cell per paragraph: 主要工作 holds the tasks' text, a "▲"
    marks the lead, and a goal of the 政府工作报告 in a row is its task's target."""
    cells = [
        "序号", "主要工作", "责任单位",
        "1", "生产总值增长7%左右", "▲发改局,各部门",
        "2", "研发投入强度3.1%以上", "▲科技局,各镇",
        "3", "实际利用外资1.5亿美元以上,引进项目12个。", "▲商务局",
    ]  # fmt: skip
    text = pasted(["某市2024年政府重点工作责任清单", "附件"], cells)
    doc = next(d for d in docs(text) if d["actions"])
    assert [(t["number"], t["title"]) for t in tasks(doc)] == [
        ("1", "生产总值增长7%左右"),
        ("2", "研发投入强度3.1%以上"),
        ("3", "实际利用外资1.5亿美元以上,引进项目12个"),
    ]
    assert [roles(t)[:2] for t in tasks(doc)] == [
        (["发改局"], ["各部门"]),
        (["科技局"], ["各镇"]),
        (["商务局"], []),
    ]
    assert [
        (g["indicator"], g["comparator"], g["value"], g["unit"])
        for t in tasks(doc)
        for g in t["targets"]
    ] == [
        ("生产总值增长", ">=", 7, "%"),
        ("研发投入强度", ">=", 3.1, "%"),
        ("实际利用外资", ">=", 150_000_000, "美元"),
        ("引进项目", ">=", 12, "个"),
    ]


def test_an_output_named_right_before_its_floor_and_a_bare_超():
    assert _targets("实际利用外资2.25亿美元以上。") == [("实际利用外资", ">=", 225_000_000, "美元")]
    assert _targets("全省累计建成充电桩超50万个。") == [("全省累计建成充电桩", ">", 500_000, "个")]
    assert _targets("营业收入超100亿元。") == [("营业收入", ">", 10_000_000_000, "元")]
    assert _targets("建设超市10个。") == [("建设超市", ">=", 10, "个")]
    # a sum with no output named before it stays no target, 以上 or not
    assert _targets("对投资1亿元以上的项目给予支持。") == []
    assert _targets("安排资金5000万元以上。") == []


@pytest.mark.parametrize("indent", ["??", "\ufffd\ufffd", "  ??"])
def test_an_indent_lost_to_question_marks_opens_no_paragraph_of_its_own(indent):
    """A page saved in a narrower charset turns each paragraph's two ideographic spaces into
    "??" (or U+FFFD): the numbers behind them still open the tasks."""
    text = (
        "某区优化营商环境行动方案\n"
        f"{indent}一、让企业办事更省心\n"
        f"{indent}1.提升网办能力,区级政务服务事项可网办比例达到95%以上。(责任单位:区政务服务中心)\n"
        f"{indent}2.推出10项高频事项“快办”。(责任单位:区府办、区政务服务中心)\n"
        "问题清单??待定\n"
    )
    (doc,) = docs(text)
    assert [(t["number"], t["responsible_units"]) for t in tasks(doc)] == [
        ("1", ["区政务服务中心"]),
        ("2", ["区府办", "区政务服务中心"]),
    ]
    assert [(g["indicator"], g["value"]) for g in tasks(doc)[0]["targets"]] == [
        ("区级政务服务事项可网办比例", 95)
    ]


def test_a_campaign_listing_only_what_it_rectifies_takes_those_items_as_tasks():
    """一、工作目标 二、整治内容 and nothing more: the campaign's rectifications are its tasks (a
    plan with a 工作措施 part besides keeps 整治内容 out: see the test above on 治理内容)."""
    text = """某市2020年优化营商环境专项整治行动方案
一、工作目标
在巩固去年整治成果的基础上,着力打造稳定、公平、透明的营商环境。
二、整治内容
(一)深入开展政府失信专项整治。确保2020年年底前完成清欠任务。
(二)深入开展办事难专项整治。整治“推阻拖绕”问题。
(三)深入开展招投标不透明专项整治。整治围标串标问题。
"""
    (doc,) = docs(text)
    assert [(a["title"], [t["number"] for t in a["tasks"]]) for a in doc["actions"]] == [
        ("整治内容", ["(一)", "(二)", "(三)"])
    ]
    assert tasks(doc)[0]["deadline"] == "2020-12-31"


def test_counts_a_plan_sets_with_verbs_of_doing_and_of_holding_a_level():
    assert _targets("累计拆除违建点位366处。") == [("拆除违建点位", ">=", 366, "处")]
    assert _targets("推进10个污水资源化利用试点项目。") == [
        ("污水资源化利用试点项目", ">=", 10, "个")
    ]
    assert _targets("在主要路段摆放鲜花120万盆,制作绿色植物雕塑30组。") == [
        ("主要路段摆放鲜花", ">=", 1_200_000, "盆"),
        ("制作绿色植物雕塑", ">=", 30, "组"),
    ]
    assert _targets("取得军工资质8本以上。") == [("取得军工资质", ">=", 8, "本")]
    assert _targets("增加义务教育学位5000个。") == [("增加义务教育学位", ">=", 5000, "个")]
    assert _targets("粮食产量稳定在23万吨。") == [("粮食产量", ">=", 230_000, "吨")]
    assert _targets("平均生存周期达到5年。") == [("平均生存周期", ">=", 5, "年")]
    assert _targets("细颗粒物年均浓度控制在29微克每立方米以下。") == [
        ("细颗粒物年均浓度", "<=", 29, "微克每立方米")
    ]
    # a street number before 项目 is an address, not a count of items
    assert _targets("加快推进安远路899项目。") == []
    assert _targets("完成改革事项12项目标。") == [("完成改革事项目标", ">=", 12, "项")]
    # a ranking, a year, a length of service stay no targets
    assert _targets("进入全省前3位。") == []
    assert _targets("工作满3年的干部。") == []


def test_sums_a_plan_sets_as_outputs_loans_and_a_year_s_investment():
    assert _targets("经营性贷款余额达到3500亿元。") == [
        ("经营性贷款余额", ">=", 350_000_000_000, "元")
    ]
    assert _targets("三年实际利用外资累计超过35亿美元。") == [
        ("三年实际利用外资累计", ">", 3_500_000_000, "美元")
    ]
    assert _targets("法律服务业营收在200亿元以上。") == [
        ("法律服务业营收", ">=", 20_000_000_000, "元")
    ]
    assert [(t[1], t[2]) for t in _targets("完成年度投资1700亿元以上。")] == [
        (">=", 170_000_000_000)
    ]
    assert _targets("对新认定的企业给予贷款贴息最高50万元。") == []


def test_a_plan_cut_above_its_title_takes_its_year_from_the_purpose_it_opens_on():
    text = (
        "为全力做好2018年大气污染防治工作,根据上级要求,制定本计划。\n"
        "一、主要任务\n"
        "1.狠抓企业整治。4月底前,全面完成整治。(牵头单位:区环保局)\n"
        "2.推进清洁能源替代。年底前完成改造。(牵头单位:区发改局)\n"
    )
    (doc,) = docs(text)
    assert doc["years"] == [2018]
    assert [t["deadline"] for t in tasks(doc)] == ["2018-04-30", "2018-12-31"]
    # a purpose naming a span of years (or two years) sets none
    (doc,) = docs(text.replace("2018年大气", "2021—2025年大气"))
    assert doc["years"] == []


def test_a_section_without_units_between_two_attributed_sections_holds_tasks():
    """二、主要任务 (一)…(责任单位) (二) scenarios naming no unit (三)…(责任单位): the middle
    section's items are tasks too; 三、保障措施's are not."""
    text = """某市交通领域光伏推广应用实施方案
一、总体要求
到2025年,新增光伏装机容量达到120MW。
二、主要任务
(一)实施示范工程
1.光伏+地铁工程。推进车辆段屋顶光伏建设。(责任单位:市地铁集团)
2.光伏+机场工程。推进航站楼屋顶光伏建设。(责任单位:市机场集团)
(二)拓展应用场景
1.光伏+声屏障。探索在高架道路声屏障安装光伏。
2.光伏+充电站。推动充电站光储充一体化。
(三)健全推进机制
1.健全商业运营模式。鼓励合同能源管理。(责任单位:市发展改革委)
2.制定建设标准规范。出台技术导则。(责任单位:市交通委、市住房城乡建设管理委)
三、保障措施
(一)加强组织领导。由市交通委牵头建立推进机制。
(二)强化资金支持。统筹用好专项资金。
"""
    (doc,) = docs(text)
    assert [(a["title"], [t["number"] for t in a["tasks"]]) for a in doc["actions"]] == [
        ("实施示范工程", ["1", "2"]),
        ("拓展应用场景", ["1", "2"]),
        ("健全推进机制", ["1", "2"]),
    ]


def test_the_leader_in_charge_then_the_lead_and_the_cooperating_units():
    text = """某市重大项目争取工作任务分工
1、综合配套改革试验区事宜
由某某副市长负责,市发改委牵头,相关部门配合,尽快完成实施方案。
2、城市轨道交通项目
由某某副市长负责,市建设局牵头,市发改委配合,进一步修改完善项目建设方案。
"""
    (doc,) = docs(text)
    assert [roles(t) for t in tasks(doc)] == [
        (["市发改委"], [], ["相关部门"]),
        (["市建设局"], [], ["市发改委"]),
    ]


def test_a_group_heading_naming_its_lead_leads_tasks_that_name_only_their_partners():
    """(一)X牵头的工作 over tasks each closing on a 协同单位 line: X leads every one of them."""
    text = """某省2008年省人民政府工作目标责任分解
一、某省长负责的工作
(一)省编办牵头的工作
1.深化行政管理体制改革,优化政府机构设置。
2.积极稳妥地推进乡镇机构改革。
协同单位:省财政厅、省人事厅。
(二)省政府办公厅牵头的工作
1.加强政府自身建设,切实优化政务环境。
协同单位:省直有关部门。
2.进一步完善民主科学决策的体制机制。(省发展改革委牵头)
"""
    (doc,) = docs(text)
    assert [(t["number"], *roles(t)) for t in tasks(doc)] == [
        ("1", ["省编办"], [], []),
        ("2", ["省编办"], [], ["省财政厅", "省人事厅"]),
        ("1", ["省政府办公厅"], [], ["省直有关部门"]),
        ("2", ["省发展改革委"], [], []),
    ]


def test_a_report_s_figures_listed_after_semicolons_share_the_list_s_frame():
    from loaders.plans.targets import extract_achievements

    text = (
        "全市共办理行政执法案件161.69万宗。其中,行政处罚137.07万宗,罚没金额2.92亿元;"
        "行政许可80.96万宗,同比上升26.11%;行政强制2.82万宗。"
    )
    got = [(a["indicator"], a["value"], a["unit"]) for a in extract_achievements(text, 2022)]
    assert ("行政许可", 809_600, "宗") in got
    assert ("行政强制", 28_200, "宗") in got
    assert all(type(v) is int for _, v, u in got if u == "宗")
    # a plan's list parted by ";" sets no targets without words of a target
    from loaders.plans.targets import extract_targets

    assert extract_targets("加强执法检查;行政许可80宗;行政强制3宗。") == []


def test_a_table_pasted_a_cell_per_line_with_most_cells_merged_into_rows_above():
    """序号/指标/工作任务/完成时限/责任领导/责任股室 + "(单位)" on a line of its own/备注, rows
    holding only their number and task (the rest merged above), or a class cell before the
    task; a task's sentence opening on 全年 is no deadline cell."""
    cells = [
        "序号", "指标", "工作任务", "完成时限", "责任领导", "责任股室", "(单位)", "备注",
        "1", "公共文化服务", "免费开放服务人次较上年增长15%。", "12月底前", "某某", "文化股",
        "2", "全年组织开展文化下乡等惠民演出不少于100场。", "文化馆",
        "3", "开展好“三下乡”活动。",
        "4", "推进总分馆制建设。",
        "5", "文化产业", "培育规模以上文化服务企业1家。",
        "6", "文化市场管理", "开展专项整治行动4次以上。", "执法大队",
    ]  # fmt: skip
    doc = next(d for d in docs("\n".join(cells) + "\n") if d["actions"])
    assert [(t["number"], t["title"][:8]) for t in tasks(doc)] == [
        ("1", "免费开放服务人次"),
        ("2", "全年组织开展文化"),
        ("3", "开展好“三下乡”"),
        ("4", "推进总分馆制建设"),
        ("5", "培育规模以上文化"),
        ("6", "开展专项整治行动"),
    ]
    assert tasks(doc)[1]["responsible_units"] == ["文化馆"]
    assert tasks(doc)[5]["responsible_units"] == ["执法大队"]


def test_a_legislative_plan_s_projects_and_their_drafting_units():
    """立法计划: projects named on lines of their own under a heading that counts them, each with
    起草单位 and 报送审议时间 lines; or numbered, their drafters in brackets with the steps after
    them ("X牵头起草;6月底前提交草案送审稿")."""
    text = """某市人民政府2024年立法工作计划
一、地方性法规草案拟定项目(2件)
某市城市管理条例
起草单位:市城管局
报送议案时间:2024年6月底
某市物业管理条例
起草单位:市住房城乡建设局
报送审议时间:2024年12月底
二、市政府规章制定项目(3件)
1.某市租赁厂房消防安全管理规定(市消防救援支队起草;已通过市政府常务会议审议)
2.某市企业科技创新促进条例(市科技局牵头起草;8月底前提交草案送审稿)
3.某市户外广告管理规定(市行政执法局、某县人民政府牵头起草,9月20日前提交调研报告)
"""
    (doc,) = docs(text)
    got = [(t["number"], t["title"], *roles(t), t["deadline"]) for t in tasks(doc)]
    assert got == [
        ("", "某市城市管理条例", [], ["市城管局"], [], "2024-06-30"),
        ("", "某市物业管理条例", [], ["市住房城乡建设局"], [], "2024-12-31"),
        ("1", "某市租赁厂房消防安全管理规定", [], ["市消防救援支队"], [], None),
        (
            "2",
            "某市企业科技创新促进条例(8月底前提交草案送审稿)",
            ["市科技局"],
            [],
            [],
            "2024-08-31",
        ),
        (
            "3",
            "某市户外广告管理规定(9月20日前提交调研报告)",
            ["市行政执法局", "某县人民政府"],
            [],
            [],
            "2024-09-20",
        ),
    ]


def test_a_decision_catalogue_of_one_row_and_one_whose_row_ends_were_lost():
    """重大行政决策事项目录: a header naming number, item and units is a table even over one row;
    a header and its rows run together on one line fall apart at the numbers 1, 2 …"""
    one = (
        "2024年度某县人民政府重大决策目录清单\n"
        "序号 | 事项名称 | 承办单位 | 备注 |\n"
        "1 | 某风景名胜区总体规划(2026年-2040年) | 某风景名胜区管理局 | |\n"
    )
    (doc,) = docs(one)
    assert doc["kind"] == "breakdown_table"
    assert [(t["number"], t["responsible_units"]) for t in tasks(doc)] == [
        ("1", ["某风景名胜区管理局"])
    ]
    run = (
        "2025年度某镇重大行政决策事项目录清单\n"
        "序号 | 重大行政决策事项名称 | 承办科室 | 法律政策依据 | 计划完成时间 | "
        "1 | 2025年某村杜鹃花节 | 某镇社会事务服务办公室 | 某县实施意见 | 2025年4月 | "
        "2 | 某镇集镇污水管网改造 | 某镇建设管理办公室 | 某县规划 | 2025年10月 |\n"
    )
    (doc,) = docs(run)
    got = [(t["number"], t["title"], t["responsible_units"], t["deadline"]) for t in tasks(doc)]
    assert got == [
        ("1", "2025年某村杜鹃花节", ["某镇社会事务服务办公室"], "2025-04-30"),
        ("2", "某镇集镇污水管网改造", ["某镇建设管理办公室"], "2025-10-31"),
    ]
    # a line of pipes whose numbers do not run on is no such table
    (doc,) = docs("某县工作方案\n序号 | 任务 | 责任单位 | 3 | 推进改革 | 县发改局 |\n")
    assert tasks(doc) == []


def test_a_table_pasted_a_cell_per_line_with_no_bare_bar_between_rows():
    """ "a |" lines with no bare "|" line between the rows: the numbers 1. 2. … open them; a
    section cell (一、…) after the header is a row of its own."""
    text = """某局行政执法三项制度工作措施表
制度名称 |
工作措施 |
具体要求 |
责任单位 |
一、行政执法公示制度
|
1.制定《行政执法信息公示制度》 |
明确公示的范围、内容和程序。 |
综合科 |
2.编制《行政执法事项清单》 |
明确执法类别和依据,在门户网站公示。 |
审批科 |
3.编制《随机抽查事项清单》 |
明确抽查主体和比例,及时公布。 |
执法科 |
"""
    doc = next(d for d in docs(text) if d["actions"])
    assert [(t["number"], t["responsible_units"]) for t in tasks(doc)] == [
        ("1", ["综合科"]),
        ("2", ["审批科"]),
        ("3", ["执法科"]),
    ]
    assert [t["title"][:4] for t in tasks(doc)] == ["明确公示", "明确执法", "明确抽查"]


def test_partner_columns_named_with_their_responsibility():
    from loaders.plans.breakdown import header_role

    assert [
        header_role(c) for c in ("牵头责任单位", "协同责任单位", "配合责任单位", "参加单位")
    ] == [
        "lead",
        "cooperating",
        "cooperating",
        "cooperating",
    ]
    assert header_role("责任单位") == "responsible"


def test_a_notice_s_own_requirements_after_handing_on_a_plan_are_no_tasks():
    text = """某区人民政府办公室关于印发《政府工作报告》重点工作任务分工的通知
各街道办事处,区政府各部门:
2021年《政府工作报告》重点工作责任分工已经区政府同意,现印发给你们,并提出以下意见,请一并抓好贯彻落实。
一、高度重视,提高站位。2021年是“十四五”规划开局之年,是抢抓发展机遇的关键一年。做好政府工作,必须坚定不移将发展作为第一要务,确保“十四五”开好局、起好步。
二、夯实责任,狠抓落实。各级各部门要进一步强化责任意识、落实意识、担当意识。各级各部门主要负责人作为落实重点工作的第一责任人,要带头研究工作,对照工作任务逐项制定实施方案。
"""
    (doc,) = docs(text)
    assert (doc["kind"], tasks(doc)) == ("plan", [])
    said = text.replace("并提出以下意见,请一并抓好贯彻落实", "并就有关事项通知如下")
    (doc,) = docs(said)
    assert (doc["kind"], tasks(doc)) == ("plan", [])


def test_a_task_numbered_on_from_the_one_task_before_it_across_a_heading():
    """1.…[牵头单位:…] under (一), then (二) and 2. cut before its units: the count goes on, so
    2. is a task too (its section names no unit only because the copy stops there)."""
    text = """某州法治建设实施方案
二、全面贯彻实施宪法
(一)坚持把宪法作为根本活动准则
1.各级党组织要带头尊崇和执行宪法。[牵头单位:州委依法治州办;责任单位:州人大常委会办公室]
(二)加强宪法实施和监督
2.制定的地方性法规、政府规章和规范性文件,都应当依照规定提出合宪性审查请求。每年
"""
    (doc,) = docs(text)
    assert [(t["number"], *roles(t)[:2]) for t in tasks(doc)] == [
        ("1", ["州委依法治州办"], ["州人大常委会办公室"]),
        ("2", [], []),
    ]


def test_a_lead_together_with_loosely_written_partners():
    from loaders.plans.units import extract_inline_units, split_unit_names

    text, roles = extract_inline_units(
        "切实增强政府应对突发事件的能力。(市政府应急办公室会同有关部门及各县、市、区政府办理)"
    )
    assert text == "切实增强政府应对突发事件的能力。"
    assert roles == [
        ("lead", ["市政府应急办公室"]),
        ("cooperating", ["有关部门", "各县、市、区政府"]),
    ]
    assert split_unit_names("市司法局和各县、区政府") == ["市司法局", "各县、区政府"]


def test_an_opening_year_with_nothing_done_after_it_is_a_plan_s_year():
    plan = (
        "2023年,我县司法行政工作坚持以习近平法治思想为指导,紧紧围绕全县发展大局,再创新佳绩。\n"
        "一、重点推进依法行政,全面提升依法治县统筹能力\n"
        "1.深入学习宣传贯彻党的二十大精神。把学习宣传作为全民普法的首要政治任务。\n"
        "2.推进法治建设上水平上台阶。牵头统筹依法治县考核工作。\n"
    )
    (doc,) = docs(plan)
    assert (doc["kind"], [t["number"] for t in tasks(doc)]) == ("plan", ["1", "2"])
    report = plan.replace("紧紧围绕全县发展大局,再创新佳绩", "全年办理法律援助案件393件")
    (doc,) = docs(report)
    assert doc["kind"] == "annual_report"


def test_a_news_item_recounting_work_done_with_figures_is_a_report():
    text = (
        "某县司法局整合“微力量”打造普法新模式\n"
        "日期:2024-11-06\n"
        "一是夯实普法力量。以村(居)法律顾问为依托,开展普法活动245场次。\n"
        "二是精准援助群体。强化公共法律服务中心协同运作,累计办结法律援助案件393件。\n"
        "三是延伸调解触角。受理矛盾纠纷8710件,成功化解8693件,调解成功率99.8%\n"
    )
    (doc,) = docs(text)
    assert doc["kind"] == "annual_report"
    got = {(a["value"], a["unit"]) for a in doc["achievements"]}
    assert {(393, "件"), (8710, "件"), (8693, "件"), (99.8, "%")} <= got
    # news of a document just issued, counting what it holds, is none
    news = (
        "某区融媒体中心7月12日讯 近日,区委依法治区办印发《某区法治建设年度绩效考评指标》。\n"
        "《考评指标》设4个一级指标、24个二级指标,具体细化为84个方面。\n"
        "无行政执法权部门设3个一级指标、10个二级指标,具体细化为40个方面。\n"
    )
    (doc,) = docs(news)
    assert doc["kind"] == "other"


def test_decision_catalogues_in_the_forms_pages_paste_them():
    """序号 / 决策事项 / 责任单位 cells with "|" lines between them and doubled between rows, the
    catalogue's title closed by "|" like a cell; one cell per paragraph under 牵头承办单位 /
    配合单位; a catalogue of one row pasted a cell per paragraph."""
    piped = """某区人民政府办公室关于印发《2022年度重大行政决策事项目录》的通知
2022年度重大行政决策事项目录
|
序号
|
决策事项
|
责任单位
|
|
1
|
《某区招商项目入驻配套政策》
|
区商务和经济合作局
|
|
2
|
某区法治建设系列规划
|
区司法局
|
|
"""
    doc = next(d for d in docs(piped) if d["actions"])
    assert [(t["number"], t["title"], t["responsible_units"]) for t in tasks(doc)] == [
        ("1", "《某区招商项目入驻配套政策》", ["区商务和经济合作局"]),
        ("2", "某区法治建设系列规划", ["区司法局"]),
    ]
    cells = [
        "序号", "决策事项名称", "牵头承办单位", "配合单位",
        "1", "共建省乒乓球学校和成立区少儿体校", "区文旅局", "区教育局", "区投资公司",
        "2", "配套小学跨区域合作办学", "区教育局", "区人社局", "区财政局",
    ]  # fmt: skip
    doc = next(d for d in docs(pasted(["2024年度某区重大行政决策事项目录"], cells)) if d["actions"])
    assert [(t["number"], *roles(t)) for t in tasks(doc)] == [
        ("1", ["区文旅局"], [], ["区教育局", "区投资公司"]),
        ("2", ["区教育局"], [], ["区人社局", "区财政局"]),
    ]
    one = [
        "序号",
        "重大行政决策事项",
        "承办单位",
        "1",
        "某区农村生活污水治理专项规划",
        "区农业农村局",
    ]
    doc = next(d for d in docs(pasted(["某区2022年度重大行政决策事项目录"], one)) if d["actions"])
    assert [(t["number"], t["responsible_units"]) for t in tasks(doc)] == [("1", ["区农业农村局"])]


def test_a_task_ending_on_a_body_is_no_body():
    from loaders.plans.units import looks_like_unit

    assert not looks_like_unit("共建省乒乓球学校")
    assert not looks_like_unit("成立区少儿体校")
    assert looks_like_unit("建设局") and looks_like_unit("组织部") and looks_like_unit("区教育局")


def test_projects_whose_drafting_body_is_named_in_their_prose():
    text = """某市人民政府2021年立法工作计划实施方案
一、指导思想
坚持科学立法、民主立法、依法立法。
二、进度安排
(一)2021年一类立法项目2件。
1.《某市危险化学品安全管理条例》。该项目为地方立法项目,由市应急管理局负责起草,市司法局审查后,于2021年7月31日前提请审议。
2.《某市绿化管理条例》。该项目由市建设局牵头起草,草案送审稿于2021年9月30日前报市政府。
"""
    (doc,) = docs(text)
    assert [(t["number"], *roles(t)[:2], t["deadline"]) for t in tasks(doc)] == [
        ("1", [], ["市应急管理局"], "2021-07-31"),
        ("2", ["市建设局"], [], "2021-09-30"),
    ]


def test_a_star_marking_an_item_is_no_word_of_it():
    text = """某区2025年区政府实事项目
(一)养老服务
1.*改建认知障碍照护床位220张。
2.*新增1家社区长者食堂、*3家乡村长者食堂。
"""
    (doc,) = docs(text)
    assert [t["title"] for t in tasks(doc)] == [
        "改建认知障碍照护床位220张",
        "新增1家社区长者食堂、3家乡村长者食堂",
    ]
    assert [(g["indicator"], g["value"]) for g in tasks(doc)[0]["targets"]] == [
        ("改建认知障碍照护床位", 220)
    ]


def test_a_list_of_counts_goes_on_with_the_floor_of_its_first():
    assert _targets("力争完成旅客吞吐量1370万人次、货邮吞吐量15.5万吨。") == [
        ("完成旅客吞吐量", ">=", 13_700_000, "人次"),
        ("货邮吞吐量", ">=", 155_000, "吨"),
    ]
    assert _targets("创建工业企业水效领跑者20家,节水型企业50家。") == [
        ("创建工业企业水效领跑者", ">=", 20, "家"),
        ("节水型企业", ">=", 50, "家"),
    ]
    # not without a floor before it, nor for a 其中 part
    assert _targets("目前有企业20家,节水型企业50家。") == []
    assert _targets("建成基站1万个,其中5G基站3000个。") == [("建成基站", ">=", 10_000, "个")]


def test_limits_said_with_不能():
    assert _targets("全年污染天数不能超过27天。") == [("污染天数", "<=", 27, "天")]
    assert _targets("抽检合格率不能低于98%。") == [("抽检合格率", ">=", 98, "%")]


def test_a_plan_s_line_of_thought_holds_no_task_and_its_goals_are_the_plan_s():
    text = """某市2021年度大气污染防治攻坚实施计划
(一)工作思路。以生态文明思想为指导,坚持精准治污、科学治污、依法治污。
(二)主要目标。到2021年底,市中心城区环境空气质量优良天数比率不低于92.5%(即全年污染天数不能超过27天)。
"""
    (doc,) = docs(text)
    assert tasks(doc) == []
    assert [(g["indicator"], g["comparator"], g["value"]) for g in doc["targets"]] == [
        ("市中心城区环境空气质量优良天数比率", ">=", 92.5),
        ("污染天数", "<=", 27),
    ]


def test_a_notice_that_sets_out_its_own_numbered_tasks_is_a_plan():
    text = """某县人民政府关于做好2023年安全生产工作的通知
各乡(镇)人民政府,县直各单位:
2023年,全县安全生产工作要以习近平新时代中国特色社会主义思想为指导,坚持人民至上、生命至上。结合县情实际,特制定七方面30条工作任务。
一、树牢安全发展理念,严格落实安全责任
(一)强化政治引领。各乡镇各部门要认真贯彻落实安全生产重要论述。
(二)严格党政领导责任。全面落实党政同责、一岗双责,全年开展检查4次。
"""
    (doc,) = docs(text)
    assert (doc["kind"], [t["number"] for t in tasks(doc)]) == ("plan", ["(一)", "(二)"])


def test_what_an_activity_does_is_the_plan_s_goal_when_no_task_holds_it():
    text = """某区2017年群众性义务植树活动实施方案
一、时间:3月12日上午
二、地点:某镇大昌路。
三、活动内容:沿路种植重阳木550株。
四、责任分工
1.区园林局负责做好活动的前期准备工作。
2.某镇负责组织群众参加。
"""
    (doc,) = docs(text)
    assert [t["number"] for t in tasks(doc)] == ["1", "2"]
    assert [(g["indicator"], g["value"], g["unit"]) for g in doc["targets"]] == [
        ("沿路种植重阳木", 550, "株")
    ]


def test_a_plan_told_in_running_prose_states_its_goals():
    text = """某市2024年实施河湖长制工作要点
4月7日,某市发布关于2024年实施河湖长制工作要点的通知。
要持续巩固黑臭水体治理成效,新建和改造城镇污水管网超75公里。
同时,新增完成1967个以上自然村生活污水治理,农村生活污水治理率达到75%以上。
"""
    (doc,) = docs(text)
    assert (doc["kind"], tasks(doc)) == ("plan", [])
    got = [(g["comparator"], g["value"], g["unit"]) for g in doc["targets"]]
    assert got == [(">", 75, "公里"), (">=", 1967, "个"), (">=", 75, "%")]


def test_a_random_inspection_plan_table_reads_its_columns():
    """双随机一公开 抽查计划: 抽查事项 holds the task, 检查主体/股室 the units, 计划开展时间 the
    deadline; objects, ratios and ways are notes."""
    text = """某县市场监管局2023年度双随机抽查工作计划
序号 | 检查主体 | 抽查事项 | 检查对象 | 计划开展时间 | 抽查比例 |
1 | 县市场监督管理局 | 对特种设备作业人员的行政检查 | 特种设备使用单位 | 2023年6月 | 5% |
2 | 县市场监督管理局 | 对经营者价格活动的行政检查 | 经营者 | 2023年9月 | 3% |
3 | 县市场监督管理局 | 对广告发布单位的行政检查 | 广告发布单位 | 2023年11月 | 全年抽查比例不低于5% |
"""
    doc = next(d for d in docs(text) if d["actions"])
    assert [(t["title"], t["responsible_units"], t["deadline"]) for t in tasks(doc)] == [
        ("对特种设备作业人员的行政检查", ["县市场监督管理局"], "2023-06-30"),
        ("对经营者价格活动的行政检查", ["县市场监督管理局"], "2023-09-30"),
        ("对广告发布单位的行政检查", ["县市场监督管理局"], "2023-11-30"),
    ]
    # a ratio cell saying its floor is the row's target; a bare "5%" names nothing
    assert [
        [(g["indicator"], g["comparator"], g["value"]) for g in t["targets"]] for t in tasks(doc)
    ] == [
        [],
        [],
        [("抽查比例", ">=", 5)],
    ]


def test_a_host_beside_its_assistants_leads_them():
    from loaders.plans.units import extract_inline_units

    assert extract_inline_units("加快建设。(主办单位:市农业农村局;协办单位:市财政局等)")[1] == [
        ("lead", ["市农业农村局"]),
        ("cooperating", ["市财政局"]),
    ]
    assert extract_inline_units("推进改革。(省财政厅主办,省国税局、地税局协办)")[1] == [
        ("lead", ["省财政厅"]),
        ("cooperating", ["省国税局", "地税局"]),
    ]
    assert extract_inline_units("推进改革。(省发改委主办)")[1] == [("responsible", ["省发改委"])]


def test_a_field_s_requirement_naming_the_body_in_charge():
    text = """某县双创巡察问题整改要求
1、西大桥西侧河边堤岸垃圾死角较多。整改要求:由县环卫站负责清除上述地段垃圾死角。
2、迎宾大道对面垃圾堆放。整改要求:由包片单位县气象局负责清除。
"""
    (doc,) = docs(text)
    assert [(t["number"], t["responsible_units"]) for t in tasks(doc)] == [
        ("1", ["县环卫站"]),
        ("2", ["县气象局"]),
    ]


def test_a_report_of_where_a_rectification_stands_is_no_annual_report():
    text = (
        "中共某区司法局党组关于落实巡察整改进展情况的报告\n"
        "按照区委巡察工作统一部署,现将整改进展情况报告如下。\n"
        "一、整改工作开展情况\n"
        "共梳理问题12个,制定整改措施36条,已完成整改10个,完成率83.3%。\n"
    )
    (doc,) = docs(text)
    assert doc["kind"] == "other"
    # a year's report of work stays one
    (doc,) = docs(text.replace("落实巡察整改进展情况的报告", "2023年法治政府建设情况的报告"))
    assert doc["kind"] == "annual_report"


def test_a_count_slid_into_a_unit_column_is_no_body():
    text = """某局2023年抽查计划
序号\t抽查事项\t责任单位\t时间安排
1\t农产品质量安全监督检查\t12次\t全年
2\t农药监督检查\t植保站\t全年
3\t兽药监督抽查\t5%以上\t全年
"""
    doc = next(d for d in docs(text) if d["actions"])
    assert [t["responsible_units"] for t in tasks(doc)] == [[], ["植保站"], []]


def test_numbered_rows_under_主要任务_hold_the_tasks_text():
    text = """市某局2025年《政府工作报告》主要任务上半年落实情况
序号 | 主要任务 | 牵头单位 | 落实情况 |
145 | 严格执行城市公共空间规划建设治理导则,提升精细管理水平。 | 市自规局、市城管局 | 扎实开展道路、游园等城市基础设施建设工作。 |
249 | 支持志愿服务、档案、地方志等事业发展。 | 市档案局 | 完成接待任务175批次。 |
"""
    doc = next(d for d in docs(text) if d["actions"])
    assert [(t["number"], t["title"][:8], t["lead_units"]) for t in tasks(doc)] == [
        ("145", "严格执行城市公共", ["市自规局", "市城管局"]),
        ("249", "支持志愿服务、档", ["市档案局"]),
    ]


def test_a_unit_name_broken_by_a_printed_line_s_end():
    text = """某区任务分解方案
一、提高城市基层党建工作水平
1.完善街道党工委对地区治理重大工作的领导体制机制。
牵头单位:区委组织部
协办单位:区委编办、区民政局、园区党工
委、各街道党工委
2.以区域化党建为重点,构建基层党建工作体系。
牵头单位:区委组织部
协办单位:区委编办、区民政局
加强街道社区党组织对地区各类组织的领导。
"""
    (doc,) = docs(text)
    assert [roles(t) for t in tasks(doc)] == [
        (["区委组织部"], [], ["区委编办", "区民政局", "园区党工委", "各街道党工委"]),
        (["区委组织部"], [], ["区委编办", "区民政局"]),
    ]


def test_a_plan_s_goals_count_for_their_own_level_not_their_parts():
    text = """2026年某区违法用地整治实施方案
一、目标任务
全区三年应累计完成5800亩整治,2026年应完成剩余1620亩整治任务量。
二、整治计划安排
(一)方案制定阶段(1-2月)
各街镇结合实际制定本辖区年度实施方案和整治计划。
(二)整治推进阶段(11月中旬前)
3月底前完成20%年度任务量,6月底前完成60%年度任务量。
(三)年度验收阶段(11月底前)
区规划资源局于11月底前开展年度验收考核。
三、保障措施
(一)加强通报督办
区规划资源局视整治情况开展专项督办。
"""
    (doc,) = docs(text)
    # the stages are the tasks; each title stops at its heading line's bracket
    assert [(t["number"], t["title"], t["deadline"]) for t in tasks(doc)] == [
        ("(一)", "方案制定阶段(1-2月)", "2026-02-28"),
        ("(二)", "整治推进阶段(11月中旬前)", "2026-11-20"),
        ("(三)", "年度验收阶段(11月底前)", "2026-11-30"),
    ]


def test_a_stage_s_span_of_months_written_once():
    from loaders.plans.deadlines import find_deadline_in_text

    found = find_deadline_in_text("方案制定阶段(1-2月)。各街镇制定方案。", 2026)
    assert (found.text, str(found.date)) == ("1-2月", "2026-02-28")
    found = find_deadline_in_text("整治阶段(2025年3—11月)。开展整治。", 2026)
    assert (found.text, str(found.date)) == ("2025年3—11月", "2025-11-30")
    found = find_deadline_in_text("集中整治(3月-10月)。开展整治。", 2024)
    assert (found.text, str(found.date)) == ("3月-10月", "2024-10-31")
    # a range of counts is no span of time
    assert find_deadline_in_text("配备专员(1-2名)。", 2026) is None


def test_分工负责_after_the_leads_names_the_responsible():
    text = """某区2023年安全生产工作要点
一、压实安全责任
1.加强学习宣传。纳入理论学习中心组学习重要内容。(区委组织部、区应急管理局牵头,区安委会各成员单位分工负责)
2.强化党政领导责任。健全党政领导责任体系。(区安委办牵头,区各有关部门分工负责)
"""
    (doc,) = docs(text)
    assert [roles(t) for t in tasks(doc)] == [
        (["区委组织部", "区应急管理局"], ["区安委会各成员单位"], []),
        (["区安委办"], ["区各有关部门"], []),
    ]


def test_a_reply_to_a_deputy_s_suggestion_is_no_report():
    text = """某市人民政府办公室对市人大十届三次会议第25号建议的答复
张某某代表:
您提出的关于加强农村饮水安全的建议收悉,现答复如下:
近年来,我市累计投入资金3.2亿元,建成集中供水工程126处,解决了18万人的饮水安全问题。
下一步,市水利局将会同市财政局加大投入力度。
感谢您对政府工作的关心和支持。
"""
    (doc,) = docs(text)
    assert (doc["kind"], doc["achievements"]) == ("other", [])
    # the same figures under a report's title report the year's work
    (doc,) = docs(text.replace("对市人大十届三次会议第25号建议的答复", "2023年水利工作情况报告"))
    assert doc["kind"] == "annual_report"


def test_a_role_line_s_names_parted_by_spaces():
    text = """某县2024年法治政府建设工作要点
一、深入学习贯彻习近平法治思想
1.落实第一责任人职责。主要负责人年底前书面述法。
牵头单位:县委依法治县办 县司法局
配合单位:各乡镇人民政府  县直各部门
2.推进严格执法。开展案卷评查。
牵头单位:县司法局 责任单位:县直各执法部门
3.推进普法。开展送法下乡。
责 任 单 位 : 县 司 法 局
"""
    (doc,) = docs(text)
    assert [roles(t) for t in tasks(doc)] == [
        (["县委依法治县办", "县司法局"], [], ["各乡镇人民政府", "县直各部门"]),
        (["县司法局"], ["县直各执法部门"], []),
        ([], ["县司法局"], []),
    ]


def test_work_going_on_said_inside_the_attribution_s_bracket():
    text = """某县2024年工作要点
一、优化营商环境
1.深化放管服改革。全程网办率达到90%以上。(县行政审批局、县数据局按职责分工负责,持续推进)
2.规范涉企检查。(县司法局牵头,县直各部门配合;长期坚持)
3.清理规范性文件。(县司法局牵头,2024年9月底前)
"""
    (doc,) = docs(text)
    assert [(t["deadline"], t["ongoing"], t["deadline_text"]) for t in tasks(doc)] == [
        (None, True, "持续推进"),
        (None, True, "长期坚持"),
        ("2024-09-30", False, "2024年9月底前"),
    ]
    assert [roles(t) for t in tasks(doc)][:2] == [
        ([], ["县行政审批局", "县数据局"], []),
        (["县司法局"], [], ["县直各部门"]),
    ]


def test_a_bound_in_words_makes_a_target_of_any_count():
    from loaders.plans.targets import extract_targets

    def read(text):
        return [
            (t["indicator"], t["comparator"], t["value"], t["unit"]) for t in extract_targets(text)
        ]

    assert read("开展行政执法案卷评查,评查案卷不少于100卷。") == [("评查案卷", ">=", 100, "卷")]
    assert read("组织旁听庭审不少于2批。") == [("组织旁听庭审", ">=", 2, "批")]
    assert read("至少将50种重点监测药品纳入智能监管。") == [
        ("重点监测药品纳入智能监管", ">=", 50, "种")
    ]
    # a rank and a batch's ordinal are no targets
    assert read("力争排名保持全省前3位。") == []
    assert read("公布第2批示范单位。") == []


def test_及时率_in_a_list_of_rates_keeps_its_first_character():
    from loaders.plans.targets import extract_targets

    found = extract_targets("规范性文件报备率、及时率、规范率均达到100%。")
    assert [t["indicator"] for t in found] == [
        "规范性文件报备率",
        "规范性文件及时率",
        "规范性文件规范率",
    ]


def test_a_report_cut_above_its_title_takes_its_year_from_its_opening_and_no_plan_as_result():
    text = """现将我局2023年法治政府建设工作情况报告如下:
一、主要举措和成效
(一)深入学习贯彻习近平法治思想。局党组召开理论学习中心组学习会议12次。
(二)严格规范公正文明执法。全年开展执法检查215次,评查行政执法案卷80卷。
二、存在的不足
一是法治宣传的针对性有待增强。
三、2024年工作打算
(一)持续深化法治学习。全年组织会前学法不少于4次。
(二)加强执法队伍建设。组织执法人员培训2期。
"""
    (doc,) = docs(text)
    assert doc["kind"] == "annual_report"
    assert [(a["indicator"], a["value"], a["unit"], a["year"]) for a in doc["achievements"]] == [
        ("局党组召开理论学习中心组学习会议", 12, "次", 2023),
        ("开展执法检查", 215, "次", 2023),
        ("评查行政执法案卷", 80, "卷", 2023),
    ]
    # its goals for the year to come are targets
    assert [(t["indicator"], t["comparator"], t["value"], t["unit"]) for t in doc["targets"]] == [
        ("组织会前学法", ">=", 4, "次")
    ]
    # "下一步" heads the part on the work to come as well
    (doc,) = docs(text.replace("三、2024年工作打算", "三、下一步工作"))
    assert len(doc["achievements"]) == 3


def test_a_task_s_own_units_before_sub_items_naming_theirs():
    text = """某省法治政府建设重点任务分工方案
现将重点任务分工如下(排在第一位的部门为牵头部门,其他为责任部门):
一、实施依法决策提升行动
1.严格落实重大行政决策程序。公布年度决策事项目录。(省司法厅,各市县政府)
(1)健全合法性审查机制。合法性审查率达到100%。(省司法厅)
(2)推行决策后评估。(省司法厅、省发展改革委)
2.加强规范性文件管理。建立规范性文件数据库。
(1)集中清理。
(2)备案审查。
(省司法厅、省政府办公厅)
3.深化综合行政执法改革。(省委编办、省司法厅)
4.推行柔性执法。(省司法厅、省市场监管局)
5.加强执法监督。(省司法厅)
"""
    (doc,) = docs(text)
    assert [roles(t) for t in tasks(doc)] == [
        (["省司法厅"], ["各市县政府"], []),
        # a role line closing the sub-items, the task naming none before them: the task's
        (["省司法厅"], ["省政府办公厅"], []),
        (["省委编办"], ["省司法厅"], []),
        (["省司法厅"], ["省市场监管局"], []),
        (["省司法厅"], [], []),
    ]
    assert "(省司法厅、省发展改革委)" not in tasks(doc)[0]["text"]
    assert "(2)推行决策后评估" in tasks(doc)[0]["text"]


def test_a_cell_stream_with_section_rows_and_numbered_tasks_over_their_requirements():
    lines = [
        "某市2021年政务公开工作任务分解方案",
        "工作任务",
        "|",
        "工作要求",
        "|",
        "牵头单位",
        "|",
    ]
    lines += ["责任单位", "|", "一、深化政务公开", "|", "|||", "(一)做好规划公开", "|", "|||"]
    for n, (task, how, lead) in enumerate(
        [
            ("主动公开规划纲要及配套政策措施等", "通过门户网站设立专题集中展示", "市发展改革委"),
            ("归集整理历史规划", "通过信息公开专栏集中发布", "市自然资源局"),
            ("公开重大建设项目批准结果信息", "在政府网站设立专栏", "市住建局"),
        ],
        start=1,
    ):
        lines += [f"{n}.{task}", "|", how, "|", lead, "|", "市直有关单位,各县(市、区)人民政府", "|"]
    (doc,) = [d for d in docs("\n".join(lines) + "\n") if d["actions"]]
    assert doc["kind"] == "breakdown_table"
    assert [(t["number"], t["title"], *roles(t)) for t in tasks(doc)] == [
        (
            "1",
            "主动公开规划纲要及配套政策措施等",
            ["市发展改革委"],
            ["市直有关单位", "各县(市、区)人民政府"],
            [],
        ),
        ("2", "归集整理历史规划", ["市自然资源局"], ["市直有关单位", "各县(市、区)人民政府"], []),
        (
            "3",
            "公开重大建设项目批准结果信息",
            ["市住建局"],
            ["市直有关单位", "各县(市、区)人民政府"],
            [],
        ),
    ]


def test_a_pipe_table_header_broken_over_two_lines():
    text = """工作任务 | 具体要求
| 责任单位 |
一、做好规划公开。 | 1.主动公开规划纲要、政策解读等相关信息。 | 市直有关部门;各镇(街) |
2.做好历史规划的归集整理工作。 | 市政府办公室、市发展和改革局牵头,市直有关部门配合;各镇(街)参照落实 |
二、做好财政信息公开。 | 3.积极推进部门预算、决算公开。 | 市财政局牵头,市直各部门落实 |
"""
    doc = next(d for d in docs(text) if d["actions"])
    assert [(t["number"], *roles(t)) for t in tasks(doc)] == [
        ("1", [], ["市直有关部门", "各镇(街)"], []),
        ("2", ["市政府办公室", "市发展和改革局"], ["各镇(街)"], ["市直有关部门"]),
        ("3", ["市财政局"], ["市直各部门"], []),
    ]


def test_a_labelled_attribution_with_a_note_on_the_tasks_below():
    text = """某州优化营商环境工作方案
一、提升政务服务水平
1.提升政务中心建设。开展一次全面摸排。(责任单位:州政务服务中心,各县市人民政府、州直相关行业部门按职责分工负责,以下各任务均需各县市人民政府、州直相关行业部门落实,不再一一列出)
2.提高窗口人员素质。开展业务培训。(责任单位:州政务服务中心)
"""
    (doc,) = docs(text)
    assert [roles(t) for t in tasks(doc)] == [
        ([], ["州政务服务中心", "各县市人民政府", "州直相关行业部门"], []),
        ([], ["州政务服务中心", "各县市人民政府", "州直相关行业部门"], []),
    ]


def test_a_notice_setting_work_after_a_look_back_is_no_report():
    text = """关于全面推进某项改革扩面提质的通知
各市医疗保障局:
推进改革是贯彻落实有关精神的具体举措。今年以来,各级部门主动作为,取得了显著成效,累计结算资金120亿元,覆盖统筹地区85个。为进一步推进改革,现就有关事项通
知如下。
一、全面推进改革
(一)年底前所有统筹地区均需开展即时结算。各地要加强组织协调。
(二)12月底前实现即时结算资金占月结算资金的80%以上。
二、健全工作机制
(一)规范资金拨付机制。明确拨付流程。
某省医疗保障局办公室
2024年9月5日
"""
    (doc,) = docs(text)
    assert doc["kind"] == "plan"
    assert doc["years"] == [2024]  # the year signing it, for "12月底前"
    assert [(t["number"], t["deadline"]) for t in tasks(doc)] == [
        ("(一)", "2024-12-31"),
        ("(二)", "2024-12-31"),
        ("(一)", None),
    ]


def test_a_code_of_practice_numbered_by_articles_is_no_plan():
    text = """长期处方管理规范(试行)
第一条 为规范长期处方管理,制定本规范。
第二条 地方卫生健康行政部门负责本行政区域内长期处方的监督管理。
第三条 医疗机构药学部门负责长期处方的审核。
第四条 医疗机构医务部门负责长期处方的质量控制。
"""
    (doc,) = docs(text)
    assert (doc["kind"], doc["actions"]) == ("other", [])


def test_items_numbered_with_a_full_stop_instead_of_a_dot():
    text = """某省关于加强首诊和转诊服务的通知
二、主要任务
(一)完善首诊负责制。接诊医师要按照临床诊疗指南提供诊疗服务。
(二)落实双向转诊机制。
1。加强上下联动。医联体内牵头医院负责制定双向转诊标准及流程,建立完善双向转诊疾病诊疗目录。上级医院要为基层预留号源。
2。引导规范合理上转。对于专科诊疗需求突出的患者,医疗机构要按照转诊规则为患者转诊,并与转入医疗机构对接。
3。促进顺畅便捷下转。推进医联体内住院服务一体化管理。
(三)依托信息平台提供转诊服务。要加强卫生健康信息平台建设。
"""
    (doc,) = docs(text)
    assert [(t["number"], t["title"]) for t in tasks(doc)] == [
        ("(一)", "完善首诊负责制"),
        ("1", "加强上下联动"),
        ("2", "引导规范合理上转"),
        ("3", "促进顺畅便捷下转"),
        ("(三)", "依托信息平台提供转诊服务"),
    ]
    # a count closing a sentence is no item: "…完成5。下一步…"
    (doc,) = docs(text.replace("3。促进", "共计5。促进"))
    assert [t["number"] for t in tasks(doc)] == ["(一)", "1", "2", "(三)"]


def test_an_aside_in_brackets_reading_like_a_number_zero_is_no_item():
    text = """某市零碳园区建设工作方案
一、实施路径
(一)加快园区用能结构转型。鼓励园区企业开展绿电直供、绿电绿证集中采购等模式创新。鼓励“光伏+储能+低(零)碳热力”综合供能、“微电网+智慧能碳管理系统”深度融合,推动园区用能结构持续优化,提高可再生能源利用比例,逐步减少化石能源消费,打造零碳能源供应和调度体系。
(二)深入实施园区节能降碳。推进园区节能改造。
"""
    (doc,) = docs(text)
    assert [(t["number"], t["title"]) for t in tasks(doc)] == [
        ("(一)", "加快园区用能结构转型"),
        ("(二)", "深入实施园区节能降碳"),
    ]
    assert "低(零)碳热力" in tasks(doc)[0]["text"]


def test_a_share_opening_a_clause_after_且_or_并():
    from loaders.plans.targets import extract_targets

    found = extract_targets("政务服务事项基本实现“应进必进”,且80%以上实现“一窗”分类受理;")
    assert [(t["indicator"], t["comparator"], t["value"]) for t in found] == [
        ("“一窗”分类受理", ">=", 80)
    ]


def test_an_indicator_table_in_a_plan_naming_no_units_gives_goals_not_tasks():
    text = """某区消防事业发展规划
一、发展目标
到2030年,火灾形势稳中向好。主要指标如下:
序号\t类别\t指标名称\t目标值\t属性
1\t宣传教育\t消防宣传年度覆盖率达到95%以上\t95%\t预期性
2\t能力建设\t新建消防救援站不少于2座\t2\t预期性
3\t基层治理\t重点单位消防安全标准化管理达标率达到98%以上\t98%\t约束性
二、主要任务
(一)健全消防治理体系。完善消防安全责任体系。
(二)推进公共消防站建设。完成消防站建设,力争全区公共消防站数量达到10座。
(三)创新消防宣传教育。深化新媒体宣传平台建设。
"""
    (doc,) = docs(text)
    assert [(t["number"], t["title"]) for t in tasks(doc)] == [
        ("(一)", "健全消防治理体系"),
        ("(二)", "推进公共消防站建设"),
        ("(三)", "创新消防宣传教育"),
    ]
    goals = {(g["comparator"], g["value"], g["unit"]) for g in doc["targets"]}
    assert {(">=", 95, "%"), (">=", 98, "%")} <= goals


def test_a_role_label_cut_by_the_copy_is_no_unit():
    text = """某县2024年政务公开工作方案
一、加强重点领域信息公开
1.加强促消费政策公开。及时公开促消费政策措施。〔牵头单位:县商务局、县农业农村局、县教体局;责任单位:各乡(镇)人民政府〕
2.加强实时发布电子商务政策。及时发布政策信息。〔牵头单位:县商务局、县教体局;责任单"""
    (doc,) = docs(text)
    assert [roles(t) for t in tasks(doc)] == [
        (["县商务局", "县农业农村局", "县教体局"], ["各乡(镇)人民政府"], []),
        (["县商务局", "县教体局"], [], []),
    ]


def test_attributions_naming_bodies_first_and_their_role_after():
    text = """某市全面推进依法行政实施意见
一、健全决策机制
1、建立决策纠错机制。及时发现并纠正决策失误。(市政府办公厅、各县〈市、区〉政府负责)
2、预防和化解社会矛盾。完善纠纷解决机制。(市司法局、市信访办为主要责任单位,按照各自职能组织有关部门实施)
3、注重运用调解手段。建立行政调解制度。(市直责任单位:市政府法制办、市直各相关单位)
4、建立职能争议协调机制。保证政府运转协调(市法制局牵头,市编办配合,2005年完成)。
5、推行行政执法责任制。(市法制局为牵头单位,市监察局为配合单位)
"""
    (doc,) = docs(text)
    assert [(*roles(t), t["deadline"]) for t in tasks(doc)] == [
        ([], ["市政府办公厅", "各县〈市、区〉政府"], [], None),
        ([], ["市司法局", "市信访办"], [], None),
        ([], ["市政府法制办", "市直各相关单位"], [], None),
        (["市法制局"], [], ["市编办"], "2005-12-31"),
        (["市法制局"], [], ["市监察局"], None),
    ]


def test_bullets_under_a_heading_each_closing_on_its_own_attribution_are_tasks():
    text = """某市2010年行政审批制度改革工作方案
一、主要任务
(三)深入开展行政审批专项配套清理
--清理市政府规章和规范性文件。(市审改办牵头,各相关单位参加)
--进一步规范收费行为。2010年开展行政性收费清理。(市物价局牵头)
--进一步规范培训、考核行为。开展清理。(市人力资源和社会保障局牵头)
(四)推动行政事权改革
——推进扩权强镇。(市编办牵头)
——下放审批事项。(市审改办牵头)
"""
    (doc,) = docs(text)
    assert [(t["title"], *roles(t)) for t in tasks(doc)] == [
        ("清理市政府规章和规范性文件", ["市审改办"], [], ["各相关单位"]),
        ("进一步规范收费行为", ["市物价局"], [], []),
        ("进一步规范培训、考核行为", ["市人力资源和社会保障局"], [], []),
        ("推进扩权强镇", ["市编办"], [], []),
        ("下放审批事项", ["市审改办"], [], []),
    ]


def test_a_line_broken_inside_a_title_mark_is_no_heading():
    text = """某市推进依法行政工作要点
一、加强政府立法工作
8.制发市政府规章4至5件。
牵头单位:市政府法制办
9.贯彻落实《
某市行政机关规范性文件制定办法》,将所有规范性文件统一纳入法制机构审查范围。
牵头单位:市政府法制办
"""
    (doc,) = docs(text)
    assert [t["title"] for t in tasks(doc)] == [
        "制发市政府规章4至5件",
        "贯彻落实《某市行政机关规范性文件制定办法》",
    ]


def test_bodies_opening_the_sentence_after_a_task_s_title_lead_it():
    text = """某区推进依法行政工作要点
一、推进依法决策
2.进一步健全行政决策机制。区政府办公室和区政府法制办公室牵头,对现有的行政决策制度进行梳理,提出完善措施。
3.完善行政决策程序。建立专家论证制度,区法制办负责指导。
"""
    (doc,) = docs(text)
    assert [roles(t) for t in tasks(doc)] == [
        (["区政府办公室", "区政府法制办公室"], [], []),
        ([], [], []),  # a body named later in the sentence is no subject
    ]


def test_related_levels_sharing_their_government_are_one_name():
    from loaders.plans.units import split_unit_names

    assert split_unit_names("省发改委、铁路办、相关市、县政府") == [
        "省发改委",
        "铁路办",
        "相关市、县政府",
    ]
    assert split_unit_names("有关市、县政府,省交通厅") == ["有关市、县政府", "省交通厅"]
    assert split_unit_names("有关部门及各县、市、区政府") == ["有关部门", "各县、市、区政府"]


def test_a_label_for_the_body_and_its_official_keeps_the_body():
    text = """某省2006年利民行动任务目标
第一项:促进再就业行动
(一)扩大再就业。
任务目标:实现城镇新增就业60万人,城镇登记失业率控制在4.6%以内。
责任单位和责任人:省劳动和社会保障厅秦某某
(二)落实再就业政策。
任务目标:全面落实各项再就业扶持政策。
责任单位及责任人:省财政厅王某、省地税局李某某
"""
    (doc,) = docs(text)
    assert [(t["number"], *roles(t)) for t in tasks(doc)] == [
        ("(一)", [], ["省劳动和社会保障厅"], []),
        ("(二)", [], ["省财政厅", "省地税局"], []),
    ]
    # the goals labelled 任务目标 under a task are its section's
    goals = {
        (g["indicator"], g["comparator"], g["value"]) for a in doc["actions"] for g in a["targets"]
    }
    assert {("城镇新增就业", ">=", 600000), ("城镇登记失业率", "<=", 4.6)} <= goals


def test_a_line_of_kind_words_only_is_a_site_s_column_not_the_title():
    text = """计划规划

关于2018年度全省法治政府建设工作情况的报告

发布时间: 2019-04-12 15:53:49

2018年,全省切实加强组织领导,较好地完成了2018年度法治政府建设各项工作任务。现将有关情况报告如下。
一、工作成效
全年举办省政府常务会议会前学法11次,制定修改省政府规章8部。
"""
    (doc,) = docs(text)
    assert doc["title"] == "关于2018年度全省法治政府建设工作情况的报告"
    assert doc["kind"] == "annual_report"
    assert {(a["indicator"], a["value"], a["unit"]) for a in doc["achievements"]} >= {
        ("举办省政府常务会议会前学法", 11, "次")
    }


def test_an_opinion_that_puts_forward_its_measures_is_a_plan_whatever_its_upload_title():
    text = """某市推进学前教育发展的主要做法
某市人民政府关于加快学前教育改革与发展的若干意见(试行)各区、县(市)人民政府:为进一步加快我市学前教育改革与发展,现提出如下意见。
一、明确目标任务
1、学前三年教育发展目标。
2007年,全市学前三年幼儿入园率达到96%以上。
2、推进学前教育低龄化发展。
2007年,各区、县(市)至少办1所早教中心。
"""
    (doc,) = docs(text)
    assert doc["kind"] == "plan"
    goals = [(g["indicator"], g["value"]) for t in tasks(doc) for g in t["targets"]]
    goals += [(g["indicator"], g["value"]) for g in doc["targets"]]
    assert ("全市学前三年幼儿入园率", 96) in goals


def test_an_explainer_of_a_plan_is_no_plan():
    text = """一、起草背景
为加快我区生活垃圾分类工作推进步伐,根据上级文件要求,结合我区实际,制定本方案。
二、工作目标
到年底城区生活垃圾分类居民知晓率达到90%以上。
三、主要任务
(一)提升市民生活垃圾分类知晓率参与率。1.引导群众普遍参与。
"""
    (doc,) = docs(text)
    assert doc["kind"] == "other"
    (doc,) = docs("某区垃圾分类工作方案政策解读\n" + text.split("\n", 1)[1])
    assert doc["kind"] == "other"


# ---------------------------------------------------------------- indicator tables


def goal_rows(doc: dict) -> list[tuple]:
    return [(g["indicator"], g["comparator"], g["value"], g["unit"]) for g in doc["targets"]]


def test_an_indicator_table_flattened_a_cell_a_paragraph_gives_the_plan_s_goals():
    cells = [
        "表1 主要指标",
        "序号",
        "类别",
        "指标名称",
        "“十四五”现状值",
        "“十五五”规划目标",
        "属性",
        "1",
        "安全形势",
        "每百万人事故发生率(起/百万人)",
        "500",
        "≤490",
        "约束性",
        "2",  # the category cell merged over rows 1–2: none here
        "万人拥有专职队员(人)",
        "3.74",
        "＞5",
        "预期性",
        "3",
        "基层治理",
        "宣传年度覆盖率",
        "90%",
        "95%",
        "预期性",
    ]
    text = pasted(["某区安全事业发展规划", "一、发展目标", "到2030年,安全形势稳中向好。"], cells)
    text += "\n二、主要任务\n\n(一)健全治理体系。\n\n(二)建强救援力量。\n"
    (doc,) = docs(text)
    assert goal_rows(doc) == [
        ("每百万人事故发生率", "<=", 490, "起/百万人"),
        ("万人拥有专职队员", ">", 5, "人"),
        ("宣传年度覆盖率", ">=", 95, "%"),  # a bare figure: the level to reach
    ]
    # the table's cells are no prose: the tasks after it stand whole
    assert [t["title"] for t in tasks(doc)] == ["健全治理体系", "建强救援力量"]


def test_an_indicator_table_turned_on_its_side_pairs_each_value_with_the_name_above_it():
    text = """某市乡村振兴规划主要指标
主 要 指 标 |
粮食综合生产能力 | 农业科技进步贡献率 | 城乡居民收入比 |
2022 年 目 标 值 |
>6亿吨 | 61.5% | 2.5 |
属 性 | 约束性 | 预期性 | 预期性 |
"""
    (doc,) = docs(text)
    assert doc["kind"] == "plan"
    assert goal_rows(doc) == [
        ("粮食综合生产能力", ">", 600000000, "吨"),
        ("农业科技进步贡献率", ">=", 61.5, "%"),
        # 城乡居民收入比 2.5: a ratio without a unit, nothing to count
    ]
    assert {g["year"] for g in doc["targets"]} == {2022}


def test_an_indicator_table_with_a_unit_column_and_rows_opened_by_their_number():
    from loaders.plans.indicator_tables import indicator_goals

    lines = [
        "序号", "指标", "单位", "2020年", "2025年目标",
        "1", "城镇新增就业", "万人", "5.2", "6以上",
        "2", "行政复议纠错率", "%", "—", "15",
    ]  # fmt: skip
    goals, kept = indicator_goals(["某县规划", *lines, "二、主要任务"])
    assert [(g["indicator"], g["comparator"], g["value"], g["unit"], g["year"]) for g in goals] == [
        ("城镇新增就业", ">=", 6, "万人", 2025),
        ("行政复议纠错率", ">=", 15, "%", 2025),
    ]
    assert kept == ["某县规划", "二、主要任务"]


# ---------------------------------------------------------------- targets


def test_a_standard_raised_to_a_level_is_a_target_at_that_level():
    from loaders.plans.targets import extract_targets

    text = (
        "城乡居民医保补助标准由每人每年670元提高到700元,将集中供养孤儿养育标准提高到每人每月"
        "2200元,城乡低保标准提高到835元/人月。对符合条件的学生给予每人最高5000元补助。"
    )
    assert [
        (t["indicator"], t["comparator"], t["value"], t["unit"]) for t in extract_targets(text)
    ] == [
        ("城乡居民医保补助标准", "=", 700, "元"),
        ("集中供养孤儿养育标准", "=", 2200, "元"),
        ("城乡低保标准", "=", 835, "元/人月"),
        # a grant's ceiling sets no level to reach
    ]


def test_counts_given_respectively_are_levels_of_one_indicator():
    from loaders.plans.targets import extract_targets

    text = "2023—2024年,市场主体分别达到17.6万户、19.5万户以上。新增就业分别达到5000人、6000人。"
    assert [(t["indicator"], t["comparator"], t["value"]) for t in extract_targets(text)] == [
        ("市场主体", ">=", 176000),
        ("市场主体", ">=", 195000),
        ("新增就业", ">=", 5000),
        ("新增就业", ">=", 6000),
    ]


def test_the_first_item_of_a_list_cut_short_is_a_task_with_its_goals():
    text = """某区2024年度工作责任清单
2024年,区政府要全面完成年度重点工作安排的主要任务,主要承担以下工作:
1.完成2024年重点工作指标任务。市民基本知识知晓度评分91分以上,总体满意度评分91分以上。生产企业实施良好操作规范率达到100%、"""
    (doc,) = docs(text)
    (task,) = tasks(doc)
    assert (task["number"], task["title"]) == ("1", "完成2024年重点工作指标任务")
    assert [(g["indicator"], g["value"]) for g in task["targets"]] == [
        ("市民基本知识知晓度评分", 91),
        ("总体满意度评分", 91),
        ("生产企业实施良好操作规范率", 100),
    ]
    # a lone line numbered 1 that runs no measure in is no task, nor a first part cut short
    (doc,) = docs("某区2024年度工作责任清单\n1.附件\n")
    assert tasks(doc) == []
    (doc,) = docs(
        "某区法治政府建设实施方案\n一、深入践行法治思想。坚持把法治思想贯彻落实到全过程。"
    )
    assert tasks(doc) == []


def test_an_indicator_table_whose_category_column_stands_before_the_number():
    from loaders.plans.indicator_tables import indicator_goals

    cells = [
        "类别", "序号", "指标", "单位", "属性", "目标",
        "促发展", "1", "片区更新数量", "个", "预期性", "2",
        "2", "商办楼宇更新数量", "个", "预期性", "25",
        "惠民生", "3", "老旧住房综合修缮面积", "万平方米", "约束性", "90",
        "4", "完整社区建设覆盖率", "%", "预期性", "2027年60%,2028年进一步优化布局",
    ]  # fmt: skip
    goals, kept = indicator_goals(["某区城市更新规划", "主要预期指标一览表", *cells])
    assert [(g["indicator"], g["comparator"], g["value"], g["unit"]) for g in goals] == [
        ("片区更新数量", ">=", 2, "个"),  # its value 2 is no number of the next row
        ("商办楼宇更新数量", ">=", 25, "个"),
        ("老旧住房综合修缮面积", ">=", 90, "万平方米"),  # 惠民生 is the next row's category
        # a cell of prose is no value
    ]
    assert kept == ["某区城市更新规划", "主要预期指标一览表"]


def test_a_numbered_table_inside_a_plan_s_text_is_no_document_of_its_own():
    rows = [
        "序号\t指标名称\t单位\t目标值\t完成值\t完成情况",
        "1\t新建绿地\t万平方米\t75\t90.87\t超额完成",
        "2\t绿化覆盖率\t%\t30.55\t31.46\t超额完成",
        "3\t新建绿道\t公里\t30\t34.62\t超额完成",
    ]
    text = "\n".join(
        [
            "某区绿化建设“十五五”规划",
            "第一章 发展基础",
            "“十四五”时期,各项指标均已完成。全区绿化水平明显提升。",
            "表1 某区绿化建设“十四五”规划指标完成情况一览表",
            *rows,
            "第二章 总体要求",
            "一、主要指标",
            "1、新建绿地35万平方米;绿化覆盖率达到31.5%。",
            "第三章 主要任务",
            "一、优化空间布局",
            "1、推进结构性绿地建设。加快建设公园绿地。",
            "2、激活城市边角空间。建设口袋公园。",
            "二、健全管理机制",
            "1、落实林长制。压实各级责任。",
        ]
    )
    (doc,) = docs(text)
    assert doc["kind"] == "plan"
    assert [t["title"] for t in tasks(doc)] == [
        "推进结构性绿地建设",
        "激活城市边角空间",
        "落实林长制",
    ]
    # the 主要指标 part holds the plan's goals, not a task
    assert {(g["indicator"], g["value"]) for g in doc["targets"]} >= {
        ("新建绿地", 350000),
        ("绿化覆盖率", 31.5),
    }


def goals_of(cells: list[str]) -> list[tuple]:
    """(indicator, comparator, value, unit, year) of the goals an indicator table's cells give."""
    from loaders.plans.indicator_tables import indicator_goals

    goals, _ = indicator_goals(cells)
    return [(g["indicator"], g["comparator"], g["value"], g["unit"], g["year"]) for g in goals]


def test_an_indicator_table_whose_header_cells_were_split_over_two_rows():
    # a period over its kind ("“十五五”" / "目标值"), a spanning 指标值 over 现状 | 近期规划 and their
    # years on the row below, the unit column named 指标单位
    assert goals_of(
        [
            "类别",
            "序号",
            "二级指标",
            "单位",
            "属性",
            "“十四五”",
            "完成值",
            "“十五五”",
            "目标值",
            "宜居城区",
            "1",
            "旧住房成套改造任务",
            "万平方米",
            "预期性",
            "25",
            "1.4",
            "2",
            "老旧小区整治改造面积",
            "万平方米",
            "预期性",
            "240",
            "300",
        ]
    ) == [  # fmt: skip
        ("旧住房成套改造任务", ">=", 1.4, "万平方米", None),
        ("老旧小区整治改造面积", ">=", 300, "万平方米", None),
    ]
    assert goals_of(
        [
            "指标类别",
            "序号",
            "指标项",
            "指标单位",
            "类型",
            "指标值",
            "现状",
            "近期规划",
            "(2025年)",
            "(2030年)",
            "发展规模",
            "1",
            "建设用地总规模",
            "平方千米",
            "约束性",
            "53.75",
            "53.74",
            "2",
            "养老床位数占老年人口比例",
            "%",
            "预期性",
            "3.5",
            "4.5",
        ]
    ) == [  # fmt: skip
        ("建设用地总规模", ">=", 53.74, "平方千米", 2030),
        ("养老床位数占老年人口比例", ">=", 4.5, "%", 2030),
    ]
    # 目标值 (2025年) before 目标值 (2035年): the plan's own term first
    assert goals_of(
        ["序号", "指标名称", "属性", "基准值", "(2020年)", "目标值", "(2025年)", "目标值", "(2035年)",
         "1", "主海塘达标率", "预期性", "46%", "≥73%", "100%"]
    ) == [("主海塘达标率", ">=", 73, "%", 2025)]  # fmt: skip


def test_a_plan_s_look_back_and_ahead_holds_no_tasks():
    text = """某区水务“十五五”规划
一、发展现状及成效
(一)安全为重,水安全能力稳步提升。新建泵闸1座,完成水闸拆除重建工程6座。
(二)水岸统筹,水环境品质持续改善。排水用户达标率达到50%。
二、“十五五”发展要求及趋势挑战
(一)发展要求。支撑全球城市建设。
(二)面临的挑战。水安全保障能力需进一步提升。
三、“十五五”主要任务
(一)强化排水防涝体系建设,提升防汛安全
1.城市防洪除涝建设。强化防汛设施提标改造。
2.雨水排水能力提升。继续推进雨水管网建设。
(二)完善污染治理体系建设
1.持续加强污染治理管控。加强排水管理。
"""
    (doc,) = docs(text)
    assert [(t["number"], t["title"]) for t in tasks(doc)] == [
        ("1", "城市防洪除涝建设"),
        ("2", "雨水排水能力提升"),
        ("1", "持续加强污染治理管控"),
    ]


def test_a_plan_s_look_back_named_as_a_phrase_holds_no_tasks():
    # top-level parts that look back or analyse, in any wording: a noun phrase ending in 情况 /
    # 分析 / 趋势; an action part ending so ("加强情况通报") or a 问题清单 still holds tasks
    text = """某区消防“十五五”规划
一、“十四五”期间本区消防发展情况和未来消防安全趋势
(一)“十四五”期间消防工作成效
1.消防工作机制建设不断完善。新增消火栓253个。
2.消防基础设施建设逐步推进。
(二)面临的难题
1.火灾总量居高不下。
二、“十四五”短板弱项分析
1.公园绿地分布不均。
三、主要任务
(一)加强社会消防安全管理
1.织密社会消防安全管理网络。
2.加强社区消防安全管理。
(二)加强情况通报
3.建立火灾情况月报制度。
四、问题整改清单
4.老旧小区消防通道堵塞问题。由区消防救援支队牵头整治。
"""
    (doc,) = docs(text)
    assert [(t["number"], t["title"]) for t in tasks(doc)] == [
        ("1", "织密社会消防安全管理网络"),
        ("2", "加强社区消防安全管理"),
        ("3", "建立火灾情况月报制度"),
        ("4", "老旧小区消防通道堵塞问题"),
    ]


def test_an_indicator_table_s_bracketed_cumulative_values_are_its_goals():
    # 〔12〕 is the figure summed over the plan's period; a range (〔3000—4000〕) is no level
    assert goals_of(
        [
            "序号",
            "指标",
            "2025年基期值",
            "2030年目标值",
            "属性",
            "1",
            "城中村整体改造项目认定数量(个)",
            "〔70〕",
            "〔12〕",
            "约束性",
            "2",
            "实施老旧小区改造面积(万平方米)",
            "〔6880〕",
            "〔3000—4000〕",
            "预期性",
            "3",
            "口袋公园数量(座)",
            "[150]",
            "[200]",
            "预期性",
            "4",
            "区管及以上美丽幸福河湖建成率(%)",
            "21",
            "70",
            "预期性",
        ]
    ) == [  # fmt: skip
        ("城中村整体改造项目认定数量", ">=", 12, "个", 2030),
        ("口袋公园数量", ">=", 200, "座", 2030),
        ("区管及以上美丽幸福河湖建成率", ">=", 70, "%", 2030),
    ]


def test_an_indicator_table_a_cell_a_paragraph_whose_cells_run_over_two_lines():
    # each cell a paragraph between blank lines: a unit under its figure, an aside under a name,
    # an aside after a figure, and a note under the table that is no cell of the last row
    from loaders.plans.indicator_tables import indicator_goals

    paragraphs = [
        "序号", "指标名称", "属性", "基准值\n（2020年）", "目标值\n（2025年）",
        "1", "河湖水面积", "约束性", "120.14\n平方公里", "128.92\n平方公里",
        "2", "供水水质综合合格率\n（国标GB5749-2006）", "约束性", "≥95％", "≥99％",
        "3", "污水厂污泥资源化利用率", "预期性", "/", "≥98％（除危废外）",
        "4", "河长制标准化街镇建成率", "约束性", "（44.4％）", "100％",
        "注：括号内数据为2019年平均值",
    ]  # fmt: skip
    lines = "\n\n".join(paragraphs).split("\n")
    goals, kept = indicator_goals(lines)
    assert [(g["indicator"], g["comparator"], g["value"], g["unit"], g["year"]) for g in goals] == [
        ("河湖水面积", ">=", 128.92, "平方公里", 2025),
        ("供水水质综合合格率（国标GB5749-2006）", ">=", 99, "%", 2025),
        ("污水厂污泥资源化利用率", ">=", 98, "%", 2025),
        ("河长制标准化街镇建成率", ">=", 100, "%", 2025),
    ]
    assert [line for line in kept if line] == ["注：括号内数据为2019年平均值"]


def test_a_count_of_things_put_in_order_is_a_floor():
    # 整治 / 治理 / 更换 / 清理 … make or mend things as 新建 does; 块 counts signs and screens
    assert _targets("店招店牌整治1500块,户外广告整治230块。") == [
        ("店招店牌整治", ">=", 1500, "块"),
        ("户外广告整治", ">=", 230, "块"),
    ]
    assert _targets("整治河道12条。") == [("整治河道", ">=", 12, "条")]
    assert _targets("治理水土流失面积50平方公里。") == [("治理水土流失面积", ">=", 50, "平方公里")]
    assert _targets("更换智能燃气表5万台。") == [("更换智能燃气表", ">=", 50000, "台")]
    # a 块 in a word is no unit, an activity is no count to reach
    assert _targets("划分网格3块状区域。") == []
    assert _targets("全区整治工作开展3年。") == []


def test_within_the_year_before_what_must_be_done_is_a_deadline():
    from loaders.plans.deadlines import find_deadline_in_text

    def date_of(text: str) -> str | None:
        found = find_deadline_in_text(text, 2009)
        return found.date.isoformat() if found else None

    assert date_of("没有开展的市级城市,2009年内都要创造条件尽快启动。") == "2009-12-31"
    assert date_of("年内必须全部整改到位。") == "2009-12-31"
    assert date_of("2010年内应制定实施办法。") == "2010-12-31"
    # a length of time, or a year's count, is no deadline
    assert date_of("两年内要完成。") is None
    assert date_of("2009年内共办理案件100件。") is None


def test_an_assessment_s_table_naming_no_unit_is_no_task_list():
    scoring = """某区依法行政工作考核标准
项目 | 考核标准 | 扣分标准 |
一、组织领导工作 12分 | 1、制定推进依法行政年度工作计划。3分 | 没有年度工作计划的扣3分。 |
2、健全推进依法行政组织领导机构。1分 | 领导机构不健全的扣1分。 | |
二、依法决策工作 6分 | 1、建立重大决策集体讨论制度。2分 | 未建立的扣2分。 |
"""
    (doc,) = docs(scoring)
    assert (doc["kind"], tasks(doc)) == ("other", [])
    # the same items with a unit column are work handed out: their tasks stand
    handed_out = """某区依法行政工作考核标准
序号 | 考核内容 | 考核标准 | 责任单位 |
1 | 制定推进依法行政年度工作计划。 | 没有年度工作计划的扣3分。 | 区司法局 |
2 | 健全推进依法行政组织领导机构。 | 领导机构不健全的扣1分。 | 区委编办 |
3 | 建立重大决策集体讨论制度。 | 未建立的扣2分。 | 区政府办 |
"""
    (doc,) = docs(handed_out)
    assert [(t["number"], t["responsible_units"]) for t in tasks(doc)] == [
        ("1", ["区司法局"]),
        ("2", ["区委编办"]),
        ("3", ["区政府办"]),
    ]


def test_a_plan_asking_for_a_summary_of_results_is_no_report():
    text = """(二)自查摸底阶段(7月3日至7月15日)。各县政府对辖区内重点污染问题进行深入检查,确定挂牌督办名单。
(三)全面整治阶段(7月16日至8月31日)。各县政府组织有关部门对检查出的重点环境问题进行集中整治。
(四)总结考核阶段(10月1日至11月10日)。各县政府要认真总结专项行动取得的成效与不足,于11月10日前报送。
"""
    (doc,) = docs(text)
    assert doc["kind"] == "plan"
    assert [t["number"] for t in tasks(doc)] == ["(二)", "(三)", "(四)"]
    # a report's own heading still says so
    report = """一、取得的成效
(一)依法行政水平明显提升。全年办理行政复议案件36件。
(二)执法监督不断加强。开展执法检查12次。
"""
    (doc,) = docs(report)
    assert doc["kind"] == "annual_report"


def test_a_task_column_named_by_words_run_together_holds_the_tasks():
    # 任务项目指标 / 项目指标: the words of a task column run together; 进展比例 is progress
    text = """序号 | 任务项目指标 | 责任单位 | 进展比例 |
1 | 为3.078万60岁以上老年人免费接种流感疫苗。 | 区卫生健康局 | 20% |
2 | 培训应急救护人员575人以上。 | 区红十字会 | 50% |
"""
    (doc,) = docs(text)
    assert doc["kind"] == "breakdown_table"
    assert [
        (t["number"], t["responsible_units"], [x["value"] for x in t["targets"]])
        for t in tasks(doc)
    ] == [
        ("1", ["区卫生健康局"], []),
        ("2", ["区红十字会"], [575]),
    ]


def test_a_web_address_is_no_figure():
    # a saved page's address: its percent-escapes (%E6 …) and file numbers are no results
    text = """某县2016年法治政府建设工作报告
一、主要工作
全年办理行政复议案件36件,开展执法检查12次。
http://www.example.com/%E6%95%99%E6%A1%88/article-11674-4.html
来源:www.example.com/a/95%E6.html
"""
    (doc,) = docs(text)
    assert [(a["indicator"], a["value"], a["unit"]) for a in doc["achievements"]] == [
        ("办理行政复议案件", 36, "件"),
        ("开展执法检查", 12, "次"),
    ]
    # an address inside a line (a title with a hostile image) stays as written
    from loaders.files.normalize import clean_document_text

    title = "恶意县2026年![](http://198.51.100.7/x.png)工作方案"
    assert clean_document_text(title + "\n") == title + "\n"


def test_a_table_row_whose_cell_the_copy_broke_over_two_lines():
    # rows closing with "|": one left open goes on in the next line; 协助单位 cooperates
    text = """序号 | 工作内容 | 牵头单位 | 协助单位 | 完成期限 |
1 | 建设防护绿地,维护管理措施落实。 | 市规划局 | 市国土资源局
市农牧林业局 | 2010年9月20日前 |
2 | 改善污水处理设施。 | 市环保局 | 市建设局 | 2010年10月底前 |
"""
    (doc,) = docs(text)
    assert [
        (t["number"], t["lead_units"], t["cooperating_units"], t["deadline"]) for t in tasks(doc)
    ] == [
        ("1", ["市规划局"], ["市国土资源局", "市农牧林业局"], "2010-09-20"),
        ("2", ["市环保局"], ["市建设局"], "2010-10-31"),
    ]


def test_a_report_s_relief_and_spending_are_its_results():
    from loaders.plans.targets import extract_achievements

    text = "2020年,资助建档立卡贫困人口662704人,资助金额8729.9万元;救助困难群众1200人次,基金支出11.3亿元。"
    got = [(a["indicator"], a["value"], a["unit"]) for a in extract_achievements(text, 2020)]
    assert got == [
        ("资助建档立卡贫困人口", 662704, "人"),
        ("资助金额", 87299000, "元"),
        ("救助困难群众", 1200, "人次"),
        ("基金支出", 1130000000, "元"),
    ]
    # what a body has at the year's end is the report's figure too
    text = "我局现有执法机构20个,在岗行政执法持证人员212人。"
    got = [(a["indicator"], a["value"], a["unit"]) for a in extract_achievements(text, 2019)]
    assert got == [("我局现有执法机构", 20, "个"), ("现有在岗行政执法持证人员", 212, "人")]


def test_a_numbered_heading_glued_to_its_first_sub_item():
    # "1. 深入推进…工作(1)加强…": the copy lost the line break after the heading; the first
    # sub-item is no part of the heading's title
    text = """某区2024年度法治建设工作计划
一、重点任务
1. 深入推进法治宣传教育工作(1)加强法治宣传力度,提高全民法治意识。(区司法局负责)
(2)组织开展各类法治主题教育活动。(区司法局负责)
2. 深化依法行政改革(1)推进政务公开工作。(区政府办负责)
(2)加强行政权力运行监督。(区司法局负责)
"""
    (doc,) = docs(text)
    assert [(a["title"], [t["number"] for t in a["tasks"]]) for a in doc["actions"]] == [
        ("深入推进法治宣传教育工作", ["(1)", "(2)"]),
        ("深化依法行政改革", ["(1)", "(2)"]),
    ]


def test_a_space_parted_table_whose_rows_glue_their_number_to_the_task():
    # no 序号 column: "1、task   unit   deadline"; a number given twice goes on; a unit cell's
    # trailing verb ("看守所制定", "交警分头制定并实施") is no part of the names
    text = """具体任务和工作要求   主要责任部门      完成时限

1、跟进细化行政案件裁量标准 法制大队       2010年底

2、健全执法台账、法律文书管理制度     法制大队       2010年10月底

2、完善细化治安案件调解程序 治安、交警分头制定并实施      {blank}

3、健全扣押财物管理制度     拘留所、看守所制定       2010年11月底
""".format(blank="")  # (the row's empty deadline cell: spaces up to the line's end)
    (doc,) = docs(text)
    assert [(t["number"], t["responsible_units"], t["deadline"]) for t in tasks(doc)] == [
        ("1", ["法制大队"], "2010-12-31"),
        ("2", ["法制大队"], "2010-10-31"),
        ("2", ["治安", "交警"], None),
        ("3", ["拘留所", "看守所"], "2010-11-30"),
    ]


def test_a_notice_s_numbered_requirements_with_no_plan_after_them_are_no_tasks():
    text = """某市人民政府办公室关于印发《2021年市〈政府工作报告〉任务分解和责任分工方案》的通知
各县、区人民政府,市政府各部门:
现将《2021年市〈政府工作报告〉任务分解和责任分工方案》印发给你们,并就抓好《方案》确定的146项工作任务落实通知如下:
1.明确任务,压实责任。各牵头单位要建立任务清单和责任清单,于2021年2月3日前报送市政府。
2.统筹协调,合力攻坚。各相关单位要加强配合,统筹协调推进各项工作。
3.加强督考,狠抓落实。市政府督考办要加大督查考核力度。
某市人民政府办公室
2021年1月25日
"""
    (doc,) = docs(text)
    assert (doc["kind"], tasks(doc)) == ("plan", [])


def test_explainers_by_their_tag_or_their_questions_are_no_plans():
    tagged = """【文字解读】某管理区清洁家园行动方案
一、工作背景:为改善人居环境,制定本方案。
二、重点任务
(一)清理农村全域无垃圾。
(二)开展生态环境治理。
"""
    (doc,) = docs(tagged)
    assert doc["kind"] == "other"
    asked = """文件:关于贯彻落实提升行政执法质量三年行动计划实施方案的通知
Q:实施方案是在什么样的背景下出台的?
A:为落实上级部署,我们印发了实施方案。
Q:实施方案有哪些主要任务?
A:一是全面提升行政执法人员能力素质;二是全面推进严格规范公正文明执法。
"""
    (doc,) = docs(asked)
    assert doc["kind"] == "other"
    # a plan for the work of explaining policy is a plan
    work = """某县2024年政策解读工作方案
一、加强政策解读。各部门要做好政策解读。(县政府办负责)
二、做好回应关切。及时回应社会关切。(县政府办负责)
三、强化解读审核。(县司法局负责)
"""
    (doc,) = docs(work)
    assert doc["kind"] == "plan"


def test_a_site_s_column_or_a_contact_line_is_no_title():
    text = """人民政府公报
2020年,全市医疗保障系统资助建档立卡贫困人口662704人,资助金额8729.9万元。
承办部门:市人社局 咨询电话:2126811
"""
    (doc,) = docs(text)
    assert doc["title"] == "未命名文件"
    contact = """市卫计委 2835085
2020年,全市资助建档立卡贫困人口662704人。
"""
    (doc,) = docs(contact)
    assert doc["title"] == "未命名文件"
    page = """<html><head><title>政府信息公开_某市人民政府门户网站</title></head><body>
<p>某区2024年法治政府建设工作要点</p>
<p>一、加强依法决策。(区司法局负责)</p>
<p>二、规范行政执法。(区司法局负责)</p>
</body></html>"""
    (doc,) = docs(page, "page.html")
    assert doc["title"] == "某区2024年法治政府建设工作要点"
    listed = """标题:政府信息公开
发文字号:某府办〔2020〕1号
2020年,全市资助建档立卡贫困人口662704人。
"""
    (doc,) = docs(listed)
    assert (doc["title"], doc["doc_number"]) == ("未命名文件", "某府办〔2020〕1号")


def test_a_report_s_sentence_wrapped_at_a_printed_line_s_end_goes_on():
    from loaders.plans.targets import extract_achievements

    text = (
        "一、主要工作情况\n"
        "2020年,全市医疗保障系统落实贫困人口医疗保障政策,资助建档立卡贫困人口662704人,资助金额\n"
        "8729.9万元;贫困人口住院报销比例提高10%。\n"
        "二、下步打算\n"
    )
    got = [
        (a["indicator"], a["value"], a["unit"], a["year"]) for a in extract_achievements(text, None)
    ]
    assert got == [
        ("资助建档立卡贫困人口", 662704, "人", 2020),
        ("资助金额", 87299000, "元", 2020),
        ("贫困人口住院报销比例提高", 10, "%", 2020),
    ]


def test_names_before_a_shared_duty_lose_its_words():
    from loaders.plans.units import extract_inline_units

    def roles_of(text: str) -> list[tuple]:
        return extract_inline_units(text)[1]

    assert roles_of("持续开展专题宣传教育培训。(市应急局、市教育局会同各有关部门分工负责)") == [
        ("lead", ["市应急局", "市教育局"]),
        ("cooperating", ["各有关部门"]),
    ]
    assert roles_of(
        "强化考核。(责任单位:区安委办牵头,区发改局、区绩效办等区安委会有关成员单位协同)"
    ) == [("lead", ["区安委办"]), ("cooperating", ["区发改局", "区绩效办"])]


def test_plan_counts_of_rules_made_and_a_span_of_years():
    assert _targets("制定出台会议制度、考核办法等6项制度。") == [
        ("制定出台会议制度、考核办法等制度", ">=", 6, "项")
    ]
    assert _targets("出台配套文件3个。") == [("出台配套文件", ">=", 3, "个")]
    assert _targets("推出10个主题服务场景。") == [("推出主题服务场景", ">=", 10, "个")]
    # a body that made a thing ("部委编制的…26个") sets no count; a span of years is no rise
    assert _targets("对照国家部委编制的26个试点领域标准指引梳理目录。") == []
    assert _targets("决定从2022年至2024年开展创建活动,到2024年,无毒村居覆盖率达到60%。") == [
        ("无毒村居覆盖率", ">=", 60, "%")
    ]


def test_a_notice_of_work_set_out_below_is_a_plan():
    text = """进一步推进某县电动自行车治理工作的通知
各乡镇人民政府,县直各部门:
现将进一步推进某县电动自行车治理工作有关事项通知如下:
一、主要任务
1.开展宣传发动。按照统一部署,于2021年5月10日前完成宣传发动。
2.开展集中整治。于2021年6月底前完成集中整治。
"""
    (doc,) = docs(text)
    assert doc["kind"] == "plan"
    assert [(t["number"], t["deadline"]) for t in tasks(doc)] == [
        ("1", "2021-05-10"),
        ("2", "2021-06-30"),
    ]
    # a notice passing something on, with no work of its own, stays other
    passed = """关于转发某市电动自行车管理办法的通知
各乡镇人民政府:
现将《某市电动自行车管理办法》转发给你们,请认真贯彻执行。
"""
    (doc,) = docs(passed)
    assert doc["kind"] == "other"


def test_a_quarter_written_with_a_digit_is_no_item_number_in_running_text():
    line = (
        "1.建立工作协调机制。建立由分管市领导作为召集人的工作协调机制,研究协调平台升级改造中的"
        "重大事项。(2020年2季度完成,市发展改革委牵头,市政府办公厅、市财政局等相关部门配合)"
        "2.择优遴选项目实施载体。在现有交易服务机构中择优遴选项目实施载体。(2020年4季度完成,"
        "市发展改革委牵头,市国资委配合)"
    )
    (doc,) = docs("某市公共资源交易平台升级改造工作方案\n一、主要任务\n" + line + "\n")
    assert [(t["number"], t["lead_units"], t["deadline"]) for t in tasks(doc)] == [
        ("1", ["市发展改革委"], "2020-06-30"),
        ("2", ["市发展改革委"], "2020-12-31"),
    ]


def test_a_time_limit_brought_down_to_a_level_is_a_ceiling():
    assert _targets("办结时限压缩至5个工作日。") == [("办结时限", "<=", 5, "个工作日")]
    assert _targets("事故起数下降到5起。") == [("事故起数", "<=", 5, "起")]
    assert _targets("接入通水环节办理时限不超过6个自然日。") == [
        ("接入通水环节办理时限", "<=", 6, "个自然日")
    ]


def test_goals_of_a_year_by_year_list_stand_beside_the_tasks_read_from_the_outline():
    # an excerpt cut inside its 任务分工 part: the tasks come from the outline alone, and the goals
    # read before stand beside them
    text = """某镇禁毒示范创建三年行动工作方案
一、指导思想
坚持打防并举。
二、工作目标
禁毒示范创建工作逐年推进,年度工作目标如下:
2022年,全面启动并有序开展禁毒示范创建。
2024年,全镇无毒村居覆盖率达到60%,建成现代化毒品治理体系。
三、任务分工
禁毒委各成员单位在做好本系统内部人员的禁
"""
    (doc,) = docs(text)
    assert [(g["indicator"], g["comparator"], g["value"], g["unit"]) for g in doc["targets"]] == [
        ("全镇无毒村居覆盖率", ">=", 60, "%")
    ]


def test_a_plan_s_main_principles_hold_no_tasks():
    text = """某市配电网升级改造三年行动实施方案
一、主要原则
(一)聚焦重点,问题导向。坚持以问题为导向。
(二)规划引领,分步实施。坚持规划先行。
二、重点工作
(一)编制专项规划。市电力公司编制配电网专项规划。
(二)制订年度计划。各区制订年度改造计划。
"""
    (doc,) = docs(text)
    assert [t["title"] for t in tasks(doc)] == ["编制专项规划", "制订年度计划"]


def test_a_measure_named_for_its_measures_is_a_task_not_a_section_heading():
    # "3.强化依法分类监管措施" over its paragraph: a measure, though its name ends in 措施
    text = """某市既有住宅电梯安全管理实施方案
二、主要任务
(一)推动隐患电梯修理改造更新
1.建立隐患清单抄告机制
各区要建立隐患清单抄告机制。
2.强化依法分类监管措施
对接安全评估结论,分类实施隐患治理。
3.完善理顺更新改造流程
优化更新改造流程。
"""
    (doc,) = docs(text)
    assert [t["title"][:10] for t in tasks(doc)] == [
        "建立隐患清单抄告机制",
        "强化依法分类监管措施",
        "完善理顺更新改造流程",
    ]


def test_a_page_of_a_plan_without_its_opening_dates_its_deadlines_by_the_year_it_names():
    text = """(二)自查摸底阶段(7月3日至7月15日)。各县政府对辖区内重点污染问题进行深入检查,于7月15日前将检查情况报省专项行动办公室。
(三)全面整治阶段(7月16日至8月31日)。各县政府组织有关部门对检查出的问题进行集中整治,2003年以来的挂牌督办问题一并整改。
(四)总结考核阶段(10月1日至11月10日)。各县政府于11月10日前将《2005年环保专项行动工作总结》报省专项行动办公室。
"""
    (doc,) = docs(text)
    assert [(t["number"], t["deadline"]) for t in tasks(doc)] == [
        ("(二)", "2005-07-15"),
        ("(三)", "2005-08-31"),  # the stage's last day
        ("(四)", "2005-11-10"),
    ]


def test_one_deadline_the_text_sets_for_every_listed_item():
    text = """某区人民政府办公室关于印发《2022年度重大行政决策事项目录》的通知
各镇人民政府,区级有关部门:
现将《2022年度重大行政决策事项目录》印发给你们。列入清单管理的决策事项须于2022年12月31日前完成。
2022年度重大行政决策事项目录
序号\t决策事项\t责任单位
1\t某区法治建设系列规划\t区司法局
2\t某区妇女发展纲要\t区妇联
"""
    found = docs(text)
    rows = [(t["title"], t["deadline"]) for d in found for t in tasks(d)]
    assert rows == [("某区法治建设系列规划", "2022-12-31"), ("某区妇女发展纲要", "2022-12-31")]
    # a task's own deadline is not overridden, nor are tasks given one the text sets for one
    own = text.replace("区妇联\n", "区妇联\t2022年6月底前\n").replace(
        "序号\t决策事项\t责任单位", "序号\t决策事项\t责任单位\t完成时限"
    )
    rows = [(t["title"], t["deadline"]) for d in docs(own) for t in tasks(d)]
    assert rows == [("某区法治建设系列规划", None), ("某区妇女发展纲要", "2022-06-30")]


def test_a_notice_s_key_lines_are_no_title():
    text = """主题词:公安执法  规范化建设  工作任务  责任分工  通知
具体任务和工作要求   主要责任部门      完成时限

1、跟进细化行政案件裁量标准 法制大队       2010年底

2、健全执法台账、法律文书管理制度     法制大队       2010年10月底
"""
    (doc,) = docs(text)
    assert (doc["title"], doc["kind"]) == ("未命名文件", "breakdown_table")
    assert [t["responsible_units"] for t in tasks(doc)] == [["法制大队"], ["法制大队"]]


def test_roles_set_under_a_line_for_all_the_work_above():
    text = """某地区行署法制办依法行政实施计划
一、法制办牵头实施的工作
(一)建立行政执法案卷评查制度
政府法制部门要开展行政执法案卷评查工作。
(二)建立行政执法主体资格审查制度
实行行政执法主体资格制度。(地区人事局负责)
(三)加强内部层级监督
要加大执法监督力度。
以上工作的领导及办事机构:
法制办主管领导:某某
负责科室:法制办业务科
协助单位:监察局、编办
二、法制办协助实施的工作
(一)建立健全科学民主决策机制
建立重大决策合法性审查制度。(行署办公室牵头)
"""
    (doc,) = docs(text)
    assert [(t["number"], *roles(t)) for t in tasks(doc)] == [
        ("(一)", [], ["法制办业务科"], ["监察局", "编办"]),
        ("(二)", [], ["地区人事局"], []),
        ("(三)", [], ["法制办业务科"], ["监察局", "编办"]),
        ("(一)", ["行署办公室"], [], []),
    ]


def test_a_sentence_giving_the_work_above_to_its_units():
    text = """某区依法行政工作要点
一、推进依法决策
(一)完善重大行政决策程序。健全决策机制。
(二)加强合法性审查。落实审查制度。
以上工作由区司法局牵头,区政府办配合。
二、规范行政执法
(一)推行行政执法三项制度。全面推行。(区司法局负责)
"""
    (doc,) = docs(text)
    assert [(t["number"], *roles(t)) for t in tasks(doc)] == [
        ("(一)", ["区司法局"], [], ["区政府办"]),
        ("(二)", ["区司法局"], [], ["区政府办"]),
        ("(一)", [], ["区司法局"], []),
    ]


def test_what_a_report_paid_out_or_added_is_its_figure():
    from loaders.plans.targets import extract_achievements

    text = "兑现招商引资优惠政策资金3.4亿元,增加了41项效果指标。"
    got = [(a["indicator"], a["value"], a["unit"]) for a in extract_achievements(text, 2021)]
    assert got == [("兑现招商引资优惠政策资金", 340000000, "元"), ("增加了效果指标", 41, "项")]


def test_a_space_inside_a_date_is_no_break():
    from loaders.plans.deadlines import find_deadline_in_text, parse_deadline

    assert parse_deadline("2019年 12月30日前", 2020).date.isoformat() == "2019-12-30"
    assert parse_deadline("2020年3月 10日前", 2020).date.isoformat() == "2020-03-10"
    assert find_deadline_in_text("于2020年 3月10日前完成", 2019).date.isoformat() == "2020-03-10"
    table = """某局行政执法三项制度工作责任分工表
序号\t工作任务\t责任科室\t完成时限
1\t制定行政执法公示制度\t法规科\t2019年 12月30日前
2\t编制行政执法事项清单\t宗教科\t2020年 3月10日前
"""
    assert [t["deadline"] for d in docs(table) for t in tasks(d)] == ["2019-12-30", "2020-03-10"]


def test_a_notice_issuing_a_task_table_it_does_not_hold_sets_a_plan_with_no_tasks():
    text = """某县人民政府办公室
关于印发2023年全县政务公开工作要点任务分解表的通知
各乡镇人民政府,县级有关部门:
为全面贯彻落实上级精神,现将《2023年全县政务公开工作要点任务分解表》印发给你们,请结合以下要求认真抓好贯彻落实。
一、统一思想认识,提高政治站位
2023年,全县政务公开工作坚持以人民为中心。
二、统筹好政务公开与安全保密
各单位每年至少开展1次专项检查。
某县人民政府办公室
2023年5月30日
"""
    (doc,) = docs(text)
    assert (doc["kind"], tasks(doc)) == ("plan", [])
    # a figure its requirements set is the plan's
    assert [(g["indicator"], g["comparator"], g["value"], g["per"]) for g in doc["targets"]] == [
        ("各单位开展专项检查", ">=", 1, "year")
    ]


def test_a_long_general_requirements_heading_and_a_numbered_quoted_title():
    text = """交法发〔2015〕126号《交通运输部关于全面深化交通运输法治政府部门建设的意见》
各省、自治区、直辖市交通运输厅(局):
为深入贯彻落实党中央决策部署,现提出如下意见。
一、全面深化交通运输法治政府部门建设的总体要求
(1)指导思想。
全面深化交通运输法治政府部门建设,必须深入贯彻落实党的精神。
(2)建设目标。
到2020年,基本建成职能科学、权责法定的交通运输法治政府部门。
(3)基本原则。
坚持权责法定。
"""
    (doc,) = docs(text)
    assert (doc["title"], doc["kind"], tasks(doc)) == (
        "交通运输部关于全面深化交通运输法治政府部门建设的意见",
        "plan",
        [],
    )


def test_a_part_named_for_its_tasks_after_a_quoted_period():
    # a plan naming no units: its other parts number their items too; the part named for the
    # tasks (its name led by a quoted period) is where they stand
    text = """某区历史风貌保护“十四五”规划
一、发展基础
1.保护体系不断完善。
2.保护利用成效显著。
二、重点项目
1.老市府大楼。
2.外滩源二期。
三、“十四五”主要任务
(一)坚持高端引领。推动老大楼商业化改造利用。
(二)聚焦服务民生。加快推动旧区改造。
四、保障机制
1.加强组织保障。
2.加强资金保障。
"""
    (doc,) = docs(text)
    assert [(a["title"], [t["number"] for t in a["tasks"]]) for a in doc["actions"]] == [
        ("“十四五”主要任务", ["(一)", "(二)"])
    ]


def test_a_breadcrumb_is_no_title_and_a_column_s_count_after_its_name_no_part_of_it():
    from loaders.plans.breakdown import header_role

    assert header_role("重点工作任务(杭州市2项牵头工作、19项配合工作)") == header_role(
        "重点工作任务"
    )
    assert header_role("公开内容(要素)") is None  # an aside naming no count stays unread
    text = """位置:首页 > 职场 > 工作报告
序号\t重点工作任务(杭州市2项配合工作)\t责任单位
1\t加强粮食和重要农产品保障,稳定粮食生产。\t市农业农村局、市商务局
2\t深入实施消费新政,提升传统消费。\t市商务局、市发改委
"""
    (doc,) = docs(text)
    assert doc["title"] != "位置:首页>职场>工作报告"
    assert [(t["number"], t["responsible_units"]) for t in tasks(doc)] == [
        ("1", ["市农业农村局", "市商务局"]),
        ("2", ["市商务局", "市发改委"]),
    ]


def test_a_year_s_arrangement_of_work_and_a_bulleted_metadata_list():
    arranged = """2025年,是全面落实深化生态文明体制改革目标任务的关键一年。为扎实做好2025年生态环境工作,现提出如下“1+3+15+1”(1个总体要求,3项重大任务,15项重点工作,1个组织保障)方面工作安排。
一、“三个一”重大任务
(一)以迎接中央生态环境保护督察为抓手,全力推进突出生态环境问题整改。
(二)进一步全面深化改革,全力推进生态文明体制改革。
"""
    (doc,) = docs(arranged)
    assert (doc["kind"], [t["number"] for t in tasks(doc)]) == ("plan", ["(一)", "(二)"])
    assert doc["achievements"] == []
    bulleted = """- 首页 > 政务公开 > 政府信息公开
- 索引号:QZ05101-3000-2025-00003
- 发布机构:某市人民政府办公室
- 标题:某市人民政府办公室关于2025年市《政府工作报告》目标任务责任分解的通知
- 备注/文号:某政办〔2025〕1号
- 发布日期:2025-01-26
各镇人民政府、街道办事处,市直各单位:
2025年是“十四五”规划的收官之年。市人代会审议通过了《政府工作报告》,确定了全年目标任务。
"""
    (doc,) = docs(bulleted)
    assert (doc["kind"], doc["title"]) == ("plan", "2025年市《政府工作报告》目标任务责任分解")


def test_a_space_parted_table_with_a_section_row_and_cells_broken_over_lines():
    text = """某区2025年政府工作报告重点工作任务分解表
序号 重点工作任务 主要责任单位 协同配合单位
一、2025年经济社会发展的主要预期目标
1 地区生产总值增长6.5%左右。 区发改委 区政府各部门,各乡镇人民政府。
2 一般公共预算收入增长5%左右。 区财政局
区税务局
区政府有关部门,各乡镇人民政府。
3 社会消费品零售总额增长8.2%左右。 区商务局 区发改委、区市场监管局。
"""
    (doc,) = docs(text)
    assert [(t["number"], t["responsible_units"], t["cooperating_units"]) for t in tasks(doc)] == [
        ("1", ["区发改委"], ["区政府各部门", "各乡镇人民政府"]),
        ("2", ["区财政局", "区税务局"], ["区政府有关部门", "各乡镇人民政府"]),
        ("3", ["区商务局"], ["区发改委", "区市场监管局"]),
    ]


def test_a_metadata_title_wrapped_inside_its_brackets():
    text = """标题: 某区人民政府办公室关于印发《某区国土空间近期规划(2026-2030
年)》的通知
文号: 某府办〔2026〕14号
一、总体要求
(一)优化空间格局。(区规划资源局负责)
"""
    (doc,) = docs(text)
    assert (doc["title"], doc["years"]) == (
        "某区国土空间近期规划(2026-2030年)",
        [2026, 2027, 2028, 2029, 2030],
    )


def test_a_section_heading_closing_on_its_lead():
    text = """某市推动经济高质量发展的若干政策
一、科技创新政策(由市科技局牵头实施)
1.鼓励创新主体发展。健全完善创新主体梯队培育机制。(责任单位:市科技局)
2.支持企业加大研发投入。对企业研发投入给予奖励。
二、数字经济政策(由市经信局牵头实施)
3.支持数字化改造。(责任单位:市经信局、市财政局)
"""
    (doc,) = docs(text)
    assert [(t["number"], *roles(t)) for t in tasks(doc)] == [
        ("1", ["市科技局"], ["市科技局"], []),
        ("2", ["市科技局"], [], []),
        ("3", ["市经信局"], ["市经信局", "市财政局"], []),
    ]


def test_a_plan_s_sums_of_deposits_assets_and_output_to_reach():
    assert _targets("本外币存款规模达5万亿元,基金资产管理规模达2万亿元。") == [
        ("本外币存款规模", ">=", 5000000000000, "元"),
        ("基金资产管理规模", ">=", 2000000000000, "元"),
    ]
    assert _targets("地区生产总值达到1万亿元。") == [("地区生产总值", ">=", 1000000000000, "元")]
    # a sum granted is no level to reach
    assert _targets("对首次认定的企业给予最高20万元奖励。") == []


def test_a_stage_closing_by_a_day_and_a_page_s_continuation_mark():
    text = """[接上页]
(一)动员部署阶段(截止2009年6月5日)
市局召开专项治理工作会议进行动员部署。
(二)自查自纠阶段(截止2009年6月底)
各单位认真开展自查自纠,完成2009年专项治理工作总结报告。
"""
    (doc,) = docs(text)
    assert (doc["kind"], doc["title"]) == ("plan", "未命名文件")
    assert [(t["number"], t["deadline"]) for t in tasks(doc)] == [
        ("(一)", "2009-06-05"),
        ("(二)", "2009-06-30"),
    ]


def test_a_stage_s_span_of_days_and_a_day_something_is_handed_in():
    from loaders.plans.deadlines import find_deadline_in_text

    def date_of(text: str) -> str | None:
        found = find_deadline_in_text(text, 2005)
        return found.date.isoformat() if found else None

    assert date_of("抽查和重点检查阶段(9月1日至9月30日)。省领导小组将组织督查。") == "2005-09-30"
    assert date_of("总结考核阶段(10月1日至11月10日)。各地认真总结。") == "2005-11-10"
    assert date_of("每周五上报每周整治数据,9月30日报送工作小结。") == "2005-09-30"
    assert date_of("3月5日召开动员会,部署整治工作。") is None  # a day something happens
    # a time of the day between the day and 前
    assert date_of("各市(州)于6月20日18:00前报送自查报告。") == "2005-06-20"
    assert date_of("请于6月20日下午5时前报送。") == "2005-06-20"
    # the span's year written: its own, and the last one written when it crosses a year's end
    assert date_of("准备阶段(2014年5月1日—6月30日)。成立领导小组。") == "2014-06-30"
    assert date_of("整治阶段(2014年7月1日至2015年1月31日)。集中整治。") == "2015-01-31"


def test_a_section_s_own_lead_gives_the_section_s_goals():
    text = """某市治理小金库实施方案
三、工作步骤和方法
(三)重点检查(2009年7月初至10月底)
在自查自纠基础上,各级领导机构要组织开展重点检查,重点检查面不得低于单位总数的5%。重点检查对象是:
1.执收、执罚权相对集中的部门和单位。(市财政局负责)
2.有群众举报的部门和单位。(市审计局负责)
"""
    (doc,) = docs(text)
    goals = [
        (g["indicator"], g["comparator"], g["value"], g["unit"])
        for a in doc["actions"]
        for g in a["targets"]
    ]
    assert goals == [("重点检查面", ">=", 5, "%")]
    assert [t["targets"] for t in tasks(doc)] == [[], []]


def test_a_date_describing_what_a_thing_is_is_no_deadline():
    from loaders.plans.deadlines import find_deadline_in_text

    def date_of(text: str) -> str | None:
        found = find_deadline_in_text(text, 2026)
        return found.date.isoformat() if found else None

    # the houses built before 2000 are what is inspected; the work has no deadline
    assert date_of("重点选择网格内2000年底前建成的老旧小区和住房作为体检对象。") is None
    assert date_of("对2015年以前已颁发的许可证进行清理。") is None
    # a date before what is to be done is a deadline, and one after a describing date too
    assert date_of("2027年底前建成5个站点。") == "2027-12-31"
    assert date_of("对2010年底前建成的小区,9月底前完成排查。") == "2026-09-30"


def test_a_task_list_headed_by_one_cell_over_its_classes_numbers_and_text():
    # 任务清单 | 责任单位: the first header cell spans the class, group, number and text cells
    text = """某市贯彻落实《关于进一步推进法治政府建设的若干意见》任务清单
任务清单 | 责任单位 | |||
一、坚持党的领导 | (一)落实党委统一领导 | 1 | 每年3月1日前,报告上一年度法治政府建设情况。 | 市政府各部门,各区政府 |
2 | 将法治政府建设情况纳入年终述职内容,3个月内报送整改落实情况。 | 市司法局 |
二、依法履行职能 | (二)深化放管服改革 | 3 | 全面实行政府权责清单制度。 | 市委编办、市政务服务局 |
"""
    (doc,) = docs(text)
    assert doc["kind"] == "breakdown_table"
    assert action_rows(doc, "number", "title", "responsible_units") == [
        (
            "坚持党的领导",
            "1",
            "每年3月1日前,报告上一年度法治政府建设情况",
            ["市政府各部门", "各区政府"],
        ),
        (
            "坚持党的领导",
            "2",
            "将法治政府建设情况纳入年终述职内容,3个月内报送整改落实情况",
            ["市司法局"],
        ),
        ("依法履行职能", "3", "全面实行政府权责清单制度", ["市委编办", "市政务服务局"]),
    ]


def test_a_report_cut_before_its_title_says_so_in_its_first_part_s_heading():
    text = """一、2025年法治政府建设的主要举措和成效
(一)坚持落实第一责任人责任。严格落实党政主要负责人推进法治建设第一责任人职责,成立法治政府建设工作领导小组。
(二)持续深化学法用法。将习近平法治思想纳入党工委理论学习中心组学习12次,组织干部完成全员年度学法考试,合格率100%。
(三)提升政府服务效能。行政服务大厅审批接件业务有序开展,成效明显。
"""
    (doc,) = docs(text)
    assert doc["kind"] == "annual_report"
    assert doc["actions"] == []
    assert [(a["value"], a["unit"]) for a in doc["achievements"]] == [(12, "次"), (100, "%")]
    # a plan asking for a summary of what was done stays a plan
    plan = """一、工作任务
(一)落实第一责任人责任。各部门要总结法治政府建设的主要举措和成效,12月底前报送。
(二)深化学法用法。组织干部参加年度学法考试。
(三)提升政府服务效能。优化审批流程。
"""
    (doc,) = docs(plan)
    assert doc["kind"] == "plan"


def test_a_report_s_harvest_what_was_planted_and_the_yield():
    from loaders.plans.targets import extract_achievements

    text = "全年种植粮食64.8万亩;种植棉花170.9万亩,皮棉总产30.8万吨。"
    got = [(a["indicator"], a["value"], a["unit"]) for a in extract_achievements(text, 2025)]
    assert got == [
        ("种植粮食", 648000, "亩"),
        ("种植棉花", 1709000, "亩"),
        ("皮棉总产", 308000, "吨"),
    ]


def test_a_tasks_part_whose_lead_sentence_names_goals_and_requirements_holds_the_tasks():
    text = """某市能源领域碳达峰实施方案
一、总体要求
(一)指导思想。以习近平新时代中国特色社会主义思想为指导。
(二)主要目标。到2025年,非化石能源占能源消费比重力争达到20%。
二、主要任务
将碳达峰目标要求贯穿于能源发展的全过程,推进落实2方面3项任务。
(一)大力发展可再生能源
1.全面推广光伏应用。分领域摸排全市光伏可开发资源。
2.加快陆海风电开发。制定新一轮海上风电发展规划。
(二)保障能源供应安全
3.加快天然气产供储销体系建设。构建多源并进的供应体系。
三、保障措施
(一)加强组织领导。市区联动推进碳达峰工作。
"""
    (doc,) = docs(text)
    assert action_rows(doc, "number", "title") == [
        ("大力发展可再生能源", "1", "全面推广光伏应用"),
        ("大力发展可再生能源", "2", "加快陆海风电开发"),
        ("保障能源供应安全", "3", "加快天然气产供储销体系建设"),
    ]
    # copied as one line, the lead runs on after the part's name with no full stop between
    (doc,) = docs(text.replace("\n", ""))
    assert [t["number"] for t in tasks(doc)] == ["1", "2", "3"]


def test_a_part_on_who_leads_the_work_does_not_set_the_level_of_the_tasks():
    text = """某区建筑垃圾运输“清水行动”工作方案
一、工作目标
全面加强建筑垃圾运输车辆车容治理。
二、工作内容
(一)严把“源头清洗关”,规范冲洗设施运行
聚焦扬尘源头治理,重点整治冲洗设施缺失问题。
(二)严把“车辆运输关”,杜绝沿途遗撒扬尘
聚焦车容车况管理,全面整治车身挂泥问题。
三、组织领导与责任分工
成立工作专班,由区绿化市容局牵头,区建管委、区交通委配合,统筹推进行动。
(一)区绿化市容局
开展行业部署和宣传,与运输企业签订承诺书。
(二)区公安分局
对运输车辆高频通行路段实施动态巡查。
四、时间安排
(一)动员部署阶段(4月底前):全面部署任务。
(二)集中整治阶段(5-7月):开展联合执法。
"""
    (doc,) = docs(text)
    assert [(t["number"], t["title"][:9]) for t in tasks(doc)] == [
        ("(一)", "严把“源头清洗关”"),
        ("(二)", "严把“车辆运输关”"),
        ("(一)", "动员部署阶段(4月"),  # the dated stages of a plan naming no units: work too
        ("(二)", "集中整治阶段(5-"),
    ]


def test_the_standards_a_requirements_part_sets_are_the_plan_s_targets():
    text = """某市新建建筑可再生能源应用实施意见
一、主要目标
到2025年,城镇新建建筑可再生能源替代率达到10%。
二、基本要求
采用太阳能光伏系统的,初始发电效率要求为:采用晶硅组件的应不低于18%,采用薄膜组件的应不低于12%。
三、建设要求
(一)新建公共建筑
1.国家机关办公建筑屋顶安装太阳能光伏的面积比例不得低于50%。
2.其他公共建筑屋顶安装太阳能光伏的面积比例不得低于30%。
"""
    (doc,) = docs(text)
    assert [(g["indicator"], g["comparator"], g["value"], g["unit"]) for g in doc["targets"]] == [
        ("城镇新建建筑可再生能源替代率", ">=", 10, "%"),
        ("初始发电效率要求为:采用晶硅组件", ">=", 18, "%"),
        ("采用薄膜组件", ">=", 12, "%"),
    ]


def test_the_dated_stages_of_a_campaign_naming_no_units_are_its_tasks_with_their_deadlines():
    text = """2024年某区校园周边食品安全专项整治工作方案
一、工作目标
校园周边食品经营者持证率达到100%。
二、整治重点
(一)无证经营。严厉打击无证无照经营行为。
(二)超范围经营。依法查处超范围经营行为。
三、实施步骤
(一)排查整治阶段(2024年2月底前)。全面排查校园周边食品经营者。
(二)集中整治阶段(2024年3月至5月)。集中开展联合执法检查。
(三)巩固提升阶段(2024年12月底前)。总结经验,建立长效机制。
"""
    (doc,) = docs(text)
    assert [(t["number"], t["title"][:6], t["deadline"]) for t in tasks(doc)] == [
        ("(一)", "无证经营", None),
        ("(二)", "超范围经营", None),
        ("(一)", "排查整治阶段", "2024-02-29"),
        ("(二)", "集中整治阶段", "2024-05-31"),
        ("(三)", "巩固提升阶段", "2024-12-31"),
    ]


def test_articles_with_captions_are_titled_by_them_and_a_principles_caption_holds_no_task():
    text = """某管委会关于持续推进海绵城市建设的指导意见
第一条(指导思想)以习近平生态文明思想为指导,推进海绵城市建设。
第二条(系统研究)开展海绵城市建设系统研究,编制专项规划。
第三条(指标管控)将年径流总量控制率纳入规划条件。
"""
    (doc,) = docs(text)
    assert [(t["number"], t["title"]) for t in tasks(doc)] == [
        ("第二条", "系统研究"),
        ("第三条", "指标管控"),
    ]


def test_a_first_part_on_leadership_and_one_more_aim_holds_tasks():
    text = """关于加强道路交通安全工作的意见
一、加强组织领导和责任落实
(一)加强地区交通安全组织领导。各区政府要实行道路交通安全责任制。
(二)压实各级交通安全管理责任。市交安委要加强统筹协调。
二、构建道路交通安全基础建设体系
(三)推动道路安全设施改造升级。推进安全设施建设。
三、组织实施
各区、各部门要抓好落实。
"""
    (doc,) = docs(text)
    assert [t["number"] for t in tasks(doc)] == ["(一)", "(二)", "(三)"]


def test_duty_lists_under_a_part_named_division_and_duties_are_no_tasks():
    text = """某区关于加强建筑垃圾处置管理的实施意见
一、处置管理要求
(一)加强源头处置申报管理。建设单位应当办理建筑垃圾处置申报。
(二)提高资源化利用效能。推广建筑垃圾再生产品。
二、分工与职责
(一)区绿化市容局
区绿化市容局是本区建筑垃圾处理的主管部门,负责以下工作:
1.组织制定建筑垃圾处置管理标准;
2.开展相关宣传、培训、检查工作。
(二)区城管执法局
1.对未申报建筑垃圾处置方案的行为进行处罚;
2.对运输车辆沿途遗撒的行为进行处罚。
三、监督管理
(一)严格执法。坚决取缔非法运输。
"""
    (doc,) = docs(text)
    assert [(t["number"], t["title"]) for t in tasks(doc)] == [
        ("(一)", "加强源头处置申报管理"),
        ("(二)", "提高资源化利用效能"),
        ("(一)", "严格执法"),
    ]


def test_a_normative_document_platform_page_hidden_copy_and_thrice_said_title():
    body = (
        "<p>各区人民政府,市政府各部门:</p>"
        "<p>现就进一步加强特困人员救助供养工作通知如下:</p>"
        "<p>一、认定范围</p><p>本市特困人员认定条件按国家、省有关规定实施。</p>"
        "<p>二、认定程序</p><p>区民政部门应当指导镇人民政府开展认定。</p>"
    )
    title = "广州市人民政府办公厅关于进一步加强特困人员救助供养工作的通知"
    page = f"""<html><head><title>{title} - 广州市人民政府门户网站</title></head><body>
<div class="xxgkcontop"><ul>
<li><span>统一编号：</span> GZ0220210007</li>
<li><span>文　　号：</span> 穗府办规〔2021〕7号</li>
<li><span>失效日期：</span> 2023年06月01日</li>
<li><span>发布机关：</span> 广州市人民政府办公厅</li>
<li><span id="file_status">文件状态：</span></li>
</ul></div>
<h1>{title}</h1>
<div id="zoomcon"><p>穗府办规〔2021〕7号</p><p>{title}</p>{body}</div>
<div style="display:none;">{title}穗府办规〔2021〕7号{body}</div>
</body></html>"""
    (doc,) = parse_bytes("page.html", page.encode("utf-8"))["documents"]
    assert doc["title"] == "进一步加强特困人员救助供养工作"
    assert (doc["doc_number"], doc["issuer"]) == ("穗府办规〔2021〕7号", "广州市人民政府办公厅")
    assert [t["title"] for t in tasks(doc)] == ["认定范围", "认定程序"]  # once, not twice


@pytest.mark.parametrize(
    ("title", "questions"),
    [
        (
            "创业担保贷款常见问题",
            ["一、申请对象有哪几类?", "二、最高可以申请多少额度?", "三、利率是多少?"],
        ),
        ("某市积分制入户工作政策说明", ["1.指标有多少个?", "2.资格分是什么?", "3.如何申请?"]),
    ],
)
def test_a_page_of_questions_and_answers_is_no_plan(title, questions):
    lines = [title]
    for q in questions:
        lines += [q, "答:按照有关规定办理,具体以经办机构公布为准。"]
    (doc,) = docs("\n".join(lines) + "\n")
    assert (doc["kind"], doc["actions"]) == ("other", [])


def test_a_project_list_s_facts_are_notes_and_its_project_type_a_class():
    cells = [
        "序号", "项目类型", "项目名称", "建设地点", "预估项目投资(亿元)", "建设时间", "责任单位",
        "1", "房建", "社区卫生服务中心扩建工程", "洞泾镇", "1.7117", "2026年", "洞泾镇人民政府",
        "2", "市政基础设施", "泵站污水压力管工程", "九里亭街道", "0.0446", "2027年", "九里亭街道",
    ]  # fmt: skip
    text = "某区2026年试点项目清单\n" + "\n".join(cells) + "\n"
    (doc,) = docs(text)
    assert doc["kind"] == "breakdown_table"
    assert action_rows(doc, "number", "title", "responsible_units", "deadline") == [
        ("房建", "1", "社区卫生服务中心扩建工程", ["洞泾镇人民政府"], "2026-12-31"),
        ("市政基础设施", "2", "泵站污水压力管工程", ["九里亭街道"], "2027-12-31"),
    ]


def test_a_report_with_the_year_ahead_s_items_and_their_units():
    text = """某区社会事业局关于2022年法治工作情况暨2023年工作要点的报告
根据工作要求,将我局有关工作情况总结如下:
一、工作开展情况
(一)落实行政应诉工作。处理行政诉讼案件21件,行政机关负责人出庭应诉率达100%。
(二)加强普法宣传。组织普法活动12场。
二、2023年工作要点
(一)大力开展干部职工法治教育。组织学法考试。(责任处室:各处室)
(二)巩固完善法治建设的基础性工作。健全制度。(责任处室:政策法规处)
"""
    (doc,) = docs(text)
    assert doc["kind"] == "annual_report"
    assert [(a["value"], a["unit"]) for a in doc["achievements"]] == [
        (21, "件"),
        (100, "%"),
        (12, "场"),
    ]
    assert [(t["title"], t["responsible_units"]) for t in tasks(doc)] == [
        ("大力开展干部职工法治教育", ["各处室"]),
        ("巩固完善法治建设的基础性工作", ["政策法规处"]),
    ]


def test_a_note_that_a_body_cooperates_in_every_task_below():
    text = """某区新污染物治理工作方案
一、主要任务
(一)落实环境信息调查。开展调查。(区资源生态局牵头负责;各片区负责配合落实,以下均需各片区配合落实,不再列出)
(二)实施风险筛查评估。开展筛查。(区经发局牵头,区农业农村局等按职责分工负责)
"""
    (doc,) = docs(text)
    assert [
        (t["lead_units"], t["responsible_units"], t["cooperating_units"]) for t in tasks(doc)
    ] == [
        (["区资源生态局"], [], ["各片区"]),
        (["区经发局"], ["区农业农村局"], ["各片区"]),
    ]


def test_a_part_of_contents_and_division_whose_items_divide_the_work_in_prose():
    text = """某区宜居环境建设行动计划实施方案
一、主要目标
完成14条市政道路建设。
二、主要内容及职责分工
(一)建设美丽乡村
实施内容:加强统筹规划,分片推进美丽乡村建设。
责任分工:区规划局负责开展规划编制工作,所在乡镇人民政府组织实施,区直有关责任部门配合。
(二)打造城市完整社区
实施内容:打造设施完备的完整社区。
责任分工:澳前片区开发管理局组织实施,潭城镇人民政府全力配合,区交通与建设局业务检查指导。
三、成果考核
1.考核范围。对各项目进行考核。
2.考核标准。考核评分70分以上为达标。
"""
    (doc,) = docs(text)
    assert [
        (t["number"], t["title"], t["responsible_units"], t["cooperating_units"])
        for t in tasks(doc)
    ] == [
        ("(一)", "建设美丽乡村", ["区规划局", "所在乡镇人民政府"], ["区直有关责任部门"]),
        ("(二)", "打造城市完整社区", ["澳前片区开发管理局"], ["潭城镇人民政府"]),
    ]


def test_a_document_s_year_from_its_number_when_the_date_signing_it_is_a_slip_or_missing():
    text = """关于印发《某区权力运行网上公开试点工作方案》的通知
岚综管办〔2015〕69号
区直各有关单位:
现将《某区权力运行网上公开试点工作方案》印发你们。
某区管委会办公室
2014年4月16日
某区权力运行网上公开试点工作方案
一、工作任务
1.梳理公开事项目录(5月10日前完成)。
2.编制权力运行流程图(5月底前完成)。
"""
    (doc,) = docs(text)
    assert doc["years"] == [2015]
    assert [t["deadline"] for t in tasks(doc)] == ["2015-05-10", "2015-05-31"]
    unsigned = text.replace("2014年4月16日\n", "").replace("某区管委会办公室\n", "")
    (doc,) = docs(unsigned)
    assert doc["years"] == [2015]


def test_items_titled_by_a_body_then_its_duties_name_that_body():
    text = """某区历史风貌区防灾及风险排查机制实施意见
一、各单位按以下职能分工定期组织开展防灾及风险排查工作
(一)区房管局。负责定期牵头召开防灾及风险排查工作会议。
(二)公安消防支队。负责对优秀历史建筑的消防隐患进行排查。
(三)各街道办事处。负责辖区内风貌区的日常巡查。
"""
    (doc,) = docs(text)
    assert [(t["title"], t["responsible_units"]) for t in tasks(doc)] == [
        ("区房管局", ["区房管局"]),
        ("公安消防支队", ["公安消防支队"]),
        ("各街道办事处", ["各街道办事处"]),
    ]


def test_the_goals_of_an_item_named_for_them_at_the_tasks_level_are_the_plan_s():
    text = """关于建立生活垃圾全程分类体系的实施意见
一、总体要求
(一)指导思想。以新发展理念为指引。
(二)工作目标。全市实现分类全覆盖,70%以上居住区实现垃圾分类实效达标。全市干垃圾日均控制量不高于21000吨。成立10支志愿者队伍。
二、主要任务
(三)完善分类投放体系。推进分类投放设施建设。
(四)完善分类收运体系。推进收运车辆改造。
"""
    (doc,) = docs(text)
    assert [(g["indicator"], g["comparator"], g["value"], g["unit"]) for g in doc["targets"]] == [
        ("居住区实现垃圾分类实效达标", ">=", 70, "%"),
        ("全市干垃圾日均控制量", "<=", 21000, "吨"),
        ("成立志愿者队伍", ">=", 10, "支"),
    ]
    assert [t["number"] for t in tasks(doc)] == ["(三)", "(四)"]


def test_an_action_setting_out_duties_is_no_part_listing_them():
    text = """某县住宅小区综合治理三年行动计划
一、主要内容
(一)理顺管理体制机制
1.细化完善住宅小区综合管理职责清单。明确职责分工。
2.做实住宅小区综合管理联席会议制度。定期召开会议。
(二)整合各方资源,明确部门职责
1.推进老旧住宅小区电力设施改造。2016年底前完成改造。
2.加快住宅小区易积水点改造。消除积水隐患。
"""
    (doc,) = docs(text)
    assert [(t["number"], t["title"]) for t in tasks(doc)] == [
        ("1", "细化完善住宅小区综合管理职责清单"),
        ("2", "做实住宅小区综合管理联席会议制度"),
        ("1", "推进老旧住宅小区电力设施改造"),
        ("2", "加快住宅小区易积水点改造"),
    ]


def test_a_circled_mark_a_print_put_at_a_line_s_start_opens_no_item():
    text = """某镇市容环境常态化管理考核实施意见
一、工作范围
1、农村公共厕所保洁
2、农村道路保洁
二、工作内容
1、驻村保洁员属地化管理。由村委会负责保洁人员的日常管理。
2、制定保洁员额度制。按照三个标准制定各村保洁员额度:①每30户/1名保洁员;
②每个村宅公厕/1名保洁员;③外来人口每超过300人多配置1名保洁员。
"""
    (doc,) = docs(text)
    assert [t["number"] for t in tasks(doc)] == ["1", "2", "1", "2"]
    assert tasks(doc)[-1]["text"].endswith("③外来人口每超过300人多配置1名保洁员。")


def test_rows_of_an_attachment_run_on_under_a_part_of_stages_are_no_stages():
    text = """2026年某区城市体检工作方案
一、体检内容
(一)区级体检。开展区级城市体检。
(二)社区体检。开展社区体检。
二、成果应用和时间安排
(一)成果应用。及时报告发现的问题。
(二)进度安排
5月31日前,完成各级城市体检。
附件1
2026年城市体检基本指标体系
1.千人社区养老服务设施面积
2.社区卫生服务中心覆盖率
3.公共厕所服务半径覆盖率
"""
    (doc,) = docs(text)
    assert [t["title"] for t in tasks(doc)] == ["区级体检", "社区体检"]


def test_paragraphs_closing_on_their_units_under_a_sub_item_are_the_tasks():
    text = """某区促进经济高质量发展的实施意见
一、政策内容
(一)构建更具竞争力的产业生态
1.做大做强高能级主体
对符合产业发展方向的市场主体给予支持。(责任部门:区商务委、区科委)
大力构建多元共生产业生态。(责任部门:区投促办)
2.提升特色产业集群能级
(1)智能互联网产业
促进“互联网+”与各行业深度融合。(责任部门:区商务委、区投促办)
推动人工智能产业加速发展。(责任部门:区科委、区数据局)
(2)航空及运输服务业
促进航空服务业提质升级。(责任部门:区商务委)
打造低空经济新增长引擎。(责任部门:区商务委、区投促办)
"""
    (doc,) = docs(text)
    assert [(t["title"], t["group"], t["responsible_units"]) for t in tasks(doc)] == [
        ("对符合产业发展方向的市场主体给予支持", "做大做强高能级主体", ["区商务委", "区科委"]),
        ("大力构建多元共生产业生态", "做大做强高能级主体", ["区投促办"]),
        ("促进“互联网+”与各行业深度融合", "智能互联网产业", ["区商务委", "区投促办"]),
        ("推动人工智能产业加速发展", "智能互联网产业", ["区科委", "区数据局"]),
        ("促进航空服务业提质升级", "航空及运输服务业", ["区商务委"]),
        ("打造低空经济新增长引擎", "航空及运输服务业", ["区商务委", "区投促办"]),
    ]


def test_rules_following_the_notice_that_issues_them_are_a_document_of_their_own():
    text = """关于进一步做好跨省异地就医直接结算工作的通知
医保发〔2022〕22号
各省、自治区、直辖市医疗保障局:
现就有关工作通知如下:
一、统一异地就医政策
(一)统一住院费用结算政策。执行就医地目录。
(二)明确异地就医备案人员范围。规范备案管理。
二、强化资金管理
(一)跨省异地就医费用医保基金实行预付金管理。
基本医疗保险跨省异地就医直接结算经办规程
第一章 总则
第一条 为加强跨省异地就医直接结算经办业务管理,制定本规程。
第二条 本规程适用于基本医疗保险参保人员跨省异地就医直接结算。
"""
    notice, rules = docs(text)
    assert (notice["kind"], [t["number"] for t in tasks(notice)]) == (
        "plan",
        ["(一)", "(二)", "(一)"],
    )
    assert (rules["title"], rules["kind"], rules["actions"]) == (
        "基本医疗保险跨省异地就医直接结算经办规程",
        "other",
        [],
    )


def test_a_note_that_a_body_cooperates_below_without_a_verb_after_it():
    from loaders.plans.prose import all_below_units

    note = "(责任单位:区经济发展局牵头,相关乡镇配合。以下均需相关乡镇配合,不再列出)"
    assert all_below_units(note) == [("cooperating_units", "相关乡镇")]
    assert all_below_units("以下均需区市场监管局落实") == [("responsible_units", "区市场监管局")]


def test_a_notice_issuing_a_plan_without_about_gives_the_plan_s_title():
    text = """平潭综合实验区管委会印发平潭综合实验区2016年度旅游工作要点的通知
区直各单位:
《平潭综合实验区2016年度旅游工作要点》已经区管委会研究通过,现印发给你们。
平潭综合实验区2016年度旅游工作要点
一、推动建设方案获批
由区经济发展局牵头,加快进度,争取尽早批复。
二、组织发展规划评审
及时修改并召开评审会,争取6月完成。
"""
    (doc,) = docs(text)
    assert (doc["title"], doc["kind"]) == ("平潭综合实验区2016年度旅游工作要点", "plan")
    assert [t["number"] for t in tasks(doc)] == ["一", "二"]


def test_sub_items_naming_their_units_under_a_title_alone_are_the_tasks():
    # "1.X领域:" over "(1)由A牵头组织,…" "(2)由B牵头组织,…", its siblings led in their own text
    text = """某区安全生产重点整治行动方案
一、工作目标
全面排查隐患。
二、突出重点领域
1.危险化学品领域:
(1)由县质监局牵头组织,负责对冷冻厂的存储容器进行排查。
(2)由区安监局牵头组织,负责对工业气体经营企业进行全面排查。
2.非煤矿山领域:由区国土资源局牵头组织,负责对非法开采矿产资源的行为进行专项打击。
3.建筑施工领域:由区建设局牵头组织,负责对该领域进行重点整治,一是深化整治;二是督促落实。以上工作各项目指挥部、所在地乡镇人民政府应积极配合,主动作为。
三、工作要求
1.各单位要高度重视。
"""
    (doc,) = docs(text)
    assert [(t["number"], t["group"], *roles(t)) for t in tasks(doc)] == [
        ("(1)", "危险化学品领域", ["县质监局"], [], []),
        ("(2)", "危险化学品领域", ["区安监局"], [], []),
        ("2", None, ["区国土资源局"], [], []),
        ("3", None, ["区建设局"], [], ["各项目指挥部", "所在地乡镇人民政府"]),
    ]
    # each form of number counts on its own: 2 after (2) is no jump
    assert [t["review_notes"] for t in tasks(doc)] == [[], [], [], []]


def test_a_report_s_count_joined_to_names_before_it_takes_the_verb_after_it():
    text = """某市司法局关于2023年度法治政府建设情况的报告
一、2023年工作情况
(一)统筹推进。甲区、乙街道和2个法治政府建设项目荣获全省法治政府建设示范命名。办理建议88件、提案85件。
"""
    (doc,) = docs(text)
    assert doc["kind"] == "annual_report"
    got = [(a["indicator"], a["value"], a["unit"]) for a in doc["achievements"]]
    assert ("法治政府建设项目荣获全省法治政府建设示范命名", 2, "个") in got
    assert ("办理建议", 88, "件") in got and ("办理提案", 85, "件") in got


def test_a_part_on_the_importance_of_the_work_holds_no_tasks():
    text = """某区关于加强法治政府建设的意见
一、充分认识加强法治政府建设的重要意义
1、提高认识。全面推进依法行政,建设法治政府,具有重要意义。
二、主要任务
1、健全决策机制。完善重大行政决策程序。
2、规范执法行为。推行执法全过程记录。
"""
    (doc,) = docs(text)  # (no units anywhere: the parts' items are the tasks, but not these)
    assert [(t["number"], t["title"]) for t in tasks(doc)] == [
        ("1", "健全决策机制"),
        ("2", "规范执法行为"),
    ]


def test_a_top_level_part_of_one_paragraph_between_parts_of_items_is_a_task():
    # no units anywhere; 三 and 四 are parts of one paragraph between parts holding items; 一 (the
    # notice's aim before them) and 六 (its requirements after them) are not tasks
    text = """关于做好2021年合同签订工作的通知
各有关单位:
现就有关事项通知如下:
一、充分认识签约工作
各单位要高度重视签约工作。
二、保障足量签约
(一)发挥合同作用。鼓励及时签约。
(二)鼓励高比例签约。签约电量不低于前三年平均值的80%。
三、拉大峰谷差价
各地要进一步拉大峰谷差价,引导用户错峰用电。
四、规范签订合同
合同签订要规范有序。
五、建立配套机制
(一)完善调整机制。建立月度调整机制。
(二)建立结算机制。完善偏差结算。
六、责任分工
各地主管部门负责组织签约。
"""
    (doc,) = docs(text)
    assert [(t["number"], t["title"]) for t in tasks(doc)] == [
        ("(一)", "发挥合同作用"),
        ("(二)", "鼓励高比例签约"),
        ("三", "拉大峰谷差价"),
        ("四", "规范签订合同"),
        ("(一)", "完善调整机制"),
        ("(二)", "建立结算机制"),
    ]


def test_a_report_counts_the_projects_it_planned():
    text = """某片区管理局2022年度工作报告
2022年,项目建设多点发力,谋划重点项目8个,13个重点项目顺利开工。
"""
    (doc,) = docs(text)
    got = [(a["indicator"], a["value"], a["unit"]) for a in doc["achievements"]]
    assert ("谋划重点项目", 8, "个") in got and ("重点项目顺利开工", 13, "个") in got


def test_an_aside_on_scope_in_brackets_names_no_unit():
    text = """某市专项整治实施方案
一、整治任务
1.检查机构资质保持情况(不包括非本市安全评价机构)。
2.检查机构执业行为(市应急局负责)。
"""
    (doc,) = docs(text)
    assert [(t["number"], *roles(t)) for t in tasks(doc)] == [
        ("1", [], [], []),
        ("2", [], ["市应急局"], []),
    ]


def test_a_role_label_naming_the_kinds_of_body_in_brackets():
    text = """某片区安全隐患排查整治实施方案
一、排查整治重点
(一)医疗、检测场所。主要包括各类医院。
牵头领导:张某
牵头处室:社会事业处、交通与建设处
责任处室(单位):资源生态处、政法综治处,辖区各执法大队
(二)工业企业。包括各类工业企业。
牵头领导:李某
牵头处室:经济发展处
责任处室（单位）:各村居
"""
    (doc,) = docs(text)
    assert [(t["number"], *roles(t)) for t in tasks(doc)] == [
        (
            "(一)",
            ["社会事业处", "交通与建设处"],
            ["资源生态处", "政法综治处", "辖区各执法大队"],
            [],
        ),
        ("(二)", ["经济发展处"], ["各村居"], []),
    ]


def test_a_working_group_made_of_bodies_staff_names_its_units():
    text = """某乡2017年火灾隐患排查整治工作方案
一、指导思想
坚持安全发展。
二、整治内容及分工安排
(一)火灾隐患排查整治工作
隐患排查整治组下分三个整治小组:
1.人员密集场所排查整治小组。
组 长:人武部长
成员由派出所、消防办、安监站和综治办的工作人员及各村“两委”成员组成,负责对人员密集场所进行排查整治。
2.工厂企业排查整治小组。
组 长:分管安全生产副乡长
成员由安监站、消防办等工作人员组成,负责对工厂企业进行排查整治和登记造册。
3.文化娱乐场所排查整治小组。
由乡文化服务中心、文化站等工作人员组成,负责对棋牌室进行排查整治。
三、整治步骤
(一)组织部署阶段(2017年4月10日至4月30日)。
召开动员大会。
(二)全面整治阶段(2017年7月1日至11月30日)。
全面整治。
"""
    (doc,) = docs(text)  # (the stages stay the schedule: the tasks name their units)
    assert [(t["number"], *roles(t)) for t in tasks(doc)] == [
        ("1", [], ["派出所", "消防办", "安监站", "综治办"], []),
        ("2", [], ["安监站", "消防办"], []),
        ("3", [], ["乡文化服务中心", "文化站"], []),
    ]


def test_a_report_counts_in_square_metres_grains_and_nets_and_what_it_won():
    text = """某局2024年工作总结
一、2024年工作情况
累计完成改造塑胶渔排4.94万㎡、替换泡沫浮球15万粒、建设深水大网箱7口。获评三星级农村幸福院10家,五星级农村幸福院2家。
"""
    (doc,) = docs(text)
    got = [(a["indicator"], a["value"], a["unit"]) for a in doc["achievements"]]
    assert got == [
        ("完成改造塑胶渔排", 49400, "㎡"),
        ("替换泡沫浮球", 150000, "粒"),
        ("建设深水大网箱", 7, "口"),
        ("获评三星级农村幸福院", 10, "家"),
        ("获评五星级农村幸福院", 2, "家"),
    ]


def test_a_stage_s_title_stands_alone_over_its_steps_and_its_span_is_its_deadline():
    # no units anywhere: the dated stages are the tasks; each title ends at its own line and its
    # deadline is the end of the span in its title, not the date of one of its steps
    text = """某市安全评价机构专项整治实施方案
一、总体目标
规范执业行为。
二、实施步骤
从2021年6月至2021年12月。
(一)部署查改阶段(6月)
1.安全评价机构梳理项目清单,6月20日前报送。
2.各监管部门开展自查,6月30日前报送。
(二)集中检查阶段(7–9月)
1.开展集中检查。
(三)督导检查阶段(9月)
开展督导检查。
(四)评估总结阶段(10月初至12月底)。
1.各区于10月30日前报送总结。
三、工作要求
加强领导。
"""
    (doc,) = docs(text)
    assert [(t["number"], t["title"], t["deadline"]) for t in tasks(doc)] == [
        ("(一)", "部署查改阶段(6月)", "2021-06-30"),
        ("(二)", "集中检查阶段(7–9月)", "2021-09-30"),
        ("(三)", "督导检查阶段(9月)", "2021-09-30"),
        ("(四)", "评估总结阶段(10月初至12月底)", "2021-12-31"),
    ]


def test_an_explainer_of_a_report_is_other_and_titled_by_its_heading():
    text = """【文字解读】《中共某市某区委某区人民政府关于2024年度法治政府建设情况的报告》文件解读
浏览次数:信息来源:区司法局
一、背景依据
法治政府建设是全面依法治国的重点任务和主体工程。
二、研判和起草过程
2025年2月6日形成《报告》初稿,2025年2月13日形成讨论稿。
三、目标任务
通过报告及时反映法治政府建设的成果。
"""
    (doc,) = docs(text)
    assert (doc["kind"], doc["title"]) == (
        "other",
        "【文字解读】《中共某市某区委某区人民政府关于2024年度法治政府建设情况的报告》文件解读",
    )


@pytest.mark.parametrize("line", ["首页>政务公开>政策和解读", "组配分类政策和解读"])
def test_a_page_path_or_class_ending_in_explainer_is_no_title(line):
    text = f"""{line}
某县2021年乡村振兴重点任务清单
1.推进高标准农田建设。(县农业农村局牵头)
2.实施农村人居环境整治。(县住建局牵头)
3.开展乡风文明建设。(县文明办牵头)
"""
    (doc,) = docs(text)
    assert doc["title"] == "某县2021年乡村振兴重点任务清单"


def test_targets_for_cases_of_a_measure_named_in_the_clause_before():
    text = """某市优化用电营商环境实施方案
一、主要任务
(一)压减办电时间。低压用户全过程办电时间,无电力外线工程的不超过5个工作日,有电力外线工程的不超过15个工作日。(市发展改革委牵头)
"""
    (doc,) = docs(text)
    got = [
        (g["indicator"], g["comparator"], g["value"], g["unit"]) for g in tasks(doc)[0]["targets"]
    ]
    assert got == [
        ("低压用户全过程办电时间无电力外线工程", "<=", 5, "个工作日"),
        ("低压用户全过程办电时间有电力外线工程", "<=", 15, "个工作日"),
    ]


def test_a_unit_that_leads_carrying_out_the_work():
    text = """某局2016年政务公开工作实施方案
一、主要任务
(一)加大空气质量信息公开力度。细化公开空气质量预报。(区环境监测站牵头落实)
(二)推进重点排污单位信息公开。推动重点排污单位依法公开。(驻局纪检组、办公室牵头落实)
"""
    (doc,) = docs(text)
    assert [(t["number"], *roles(t)) for t in tasks(doc)] == [
        ("(一)", ["区环境监测站"], [], []),
        ("(二)", ["驻局纪检组", "办公室"], [], []),
    ]


def test_a_year_s_summary_and_the_next_year_s_plan_is_a_report():
    text = """某片区管理局2022年工作总结及2023年工作计划
一、2022年工作总结
(一)党建工作。开展中心组学习5场,党课7场。
(二)项目建设。推进重点项目77个。
二、2023年工作计划
(一)抓好党建工作。深化党史学习教育。
(二)推进项目建设。加快重点项目建设。
(三)提升治理水平。完善基层治理机制。
"""
    (doc,) = docs(text)
    assert (doc["kind"], tasks(doc)) == ("annual_report", [])
    got = [(a["indicator"], a["value"], a["unit"]) for a in doc["achievements"]]
    assert ("开展中心组学习", 5, "场") in got and ("重点项目", 77, "个") in got


def test_stages_opening_on_their_quarter_end_with_it():
    text = """某区2026年电动自行车集中充电场所建设实施方案
一、工作目标
建成集中充电场所。
二、工作安排
(一)第一季度:做好项目立项工作,制定项目实施方案。
(二)第二季度:完成项目审批,5月10日前报送清单。
(三)上半年:完成选址。
(四)10-11月:完成施工。
三、工作要求
加强领导。
"""
    (doc,) = docs(text)
    assert [(t["number"], t["deadline"]) for t in tasks(doc)] == [
        ("(一)", "2026-03-31"),
        ("(二)", "2026-06-30"),
        ("(三)", "2026-06-30"),
        ("(四)", "2026-11-30"),
    ]


def test_a_report_counts_ships_and_items_of_equipment_it_checked_started_and_fitted():
    text = """某局2024年工作总结
一、2024年工作情况
发出特种设备安全监察指令书66份,消除安全隐患252台件。抽检相关工业产品215批次。开工项目11个。乡镇船舶已安装北斗设备1423艘。
"""
    (doc,) = docs(text)
    got = [(a["indicator"], a["value"], a["unit"]) for a in doc["achievements"]]
    assert got == [
        ("发出特种设备安全监察指令书", 66, "份"),
        ("消除安全隐患", 252, "台件"),
        ("抽检相关工业产品", 215, "批次"),
        ("开工项目", 11, "个"),
        ("乡镇船舶已安装北斗设备", 1423, "艘"),
    ]


def test_ordinal_clauses_each_naming_their_units_are_the_tasks():
    text = """某县2023年法治政府建设工作要点
一、主要任务
(一)健全依法决策机制。一是严格落实重大行政决策程序规定(县司法局牵头);二是推行合法性审查全覆盖(县司法局负责);三是完善法律顾问制度(县政府办负责)。
(二)严格规范执法。一是推行行政执法三项制度(县司法局牵头,各执法部门配合);二是开展案卷评查。
二、保障措施
加强组织领导。
"""
    (doc,) = docs(text)  # (in (二) one clause names no units: the measure stays one task)
    assert [(t["number"], t["title"], t["group"], *roles(t)) for t in tasks(doc)] == [
        ("一是", "严格落实重大行政决策程序规定", "健全依法决策机制", ["县司法局"], [], []),
        ("二是", "推行合法性审查全覆盖", "健全依法决策机制", [], ["县司法局"], []),
        ("三是", "完善法律顾问制度", "健全依法决策机制", [], ["县政府办"], []),
        ("(二)", "严格规范执法", None, ["县司法局"], [], ["各执法部门"]),
    ]


def test_an_item_number_broken_over_lines_by_a_page_is_one_marker():
    text = """某省深化改革实施方案
一、主要任务
(十)强化与代理购电制度衔接。完善代理购电机制。
(
十一
)加强地方电网相关政策衔接。明确余电上网价格。
(
十二)强化与绿证交易政策协同。做好政策衔接。
"""
    (doc,) = docs(text)
    assert [(t["number"], t["title"]) for t in tasks(doc)] == [
        ("(十)", "强化与代理购电制度衔接"),
        ("(十一)", "加强地方电网相关政策衔接"),
        ("(十二)", "强化与绿证交易政策协同"),
    ]


def test_a_report_titled_summary_and_plan_report_counts_patrols_and_seals():
    text = """某局关于2024年度工作总结和2025年工作计划的报告
一、2024年工作总结
组织开展岸线码头巡查377个次、海上执法巡查96航次。为新办企业免费发放印章11780枚。
二、2025年工作计划
(一)抓好招商引资。加快项目落地。
(二)优化营商环境。提升服务水平。
"""
    (doc,) = docs(text)
    got = [(a["indicator"], a["value"], a["unit"]) for a in doc["achievements"]]
    assert doc["kind"] == "annual_report" and got == [
        ("组织开展岸线码头巡查", 377, "个次"),
        ("海上执法巡查", 96, "航次"),
        ("为新办企业免费发放印章", 11780, "枚"),
    ]


def test_a_crawled_page_s_metadata_value_is_no_half_of_the_title():
    text = """文 号 ：
(某发改价格〔2025〕480号)
有 效 性 ：
有效
关于印发《某省深化新能源上网电价市场化改革实施方案》的通知(某发改价格〔2025〕480号)
各市发展改革委:
现将《某省深化新能源上网电价市场化改革实施方案》印发给你们,请认真贯彻执行。
一、主要任务
(一)推动新能源上网电量参与市场交易。完善交易机制。
(二)建立健全价格机制。完善价格形成机制。
"""
    (doc,) = docs(text)
    assert doc["title"] == "某省深化新能源上网电价市场化改革实施方案"


def test_a_report_s_figure_of_ten_thousands_and_more_and_what_it_fitted_and_supervised():
    text = """某区2022年法治政府建设情况报告
一、2022年工作情况
全区累计组织各类学习、培训、宣讲1.2万余次。配套村居微型消防站10个。监管工程项目招标126项。
"""
    (doc,) = docs(text)
    got = [(a["indicator"], a["value"], a["unit"]) for a in doc["achievements"]]
    assert got == [
        ("全区累计组织各类学习、培训、宣讲", 12000, "次"),
        ("配套村居微型消防站", 10, "个"),
        ("监管工程项目招标", 126, "项"),
    ]


def test_a_notice_of_work_on_one_line_with_a_long_subject_before_notifies():
    text = (
        "关于进一步加强医疗保障定点医疗机构管理的通知 （医保发〔2025〕14 号） 各省医疗保障局： "
        "为进一步落实条例，现就进一步加强医保定点医疗机构（以下简称“定点医疗机构”）管理有关事项"
        "通知如下： 一、深刻认识加强管理的意义 各地要坚持依法依规。 二、严把入口关 "
        "（一）合理确定资源配置。各地要科学规划。 （二）规范评估流程。各地要严格评估。\n"
    )
    (doc,) = docs(text)
    assert doc["kind"] == "plan"
    assert [t["number"] for t in tasks(doc)] == ["(一)", "(二)"]
