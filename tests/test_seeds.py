"""Golden tests on the five real documents in ../shared/seeds.

Expected values were read off the source documents by hand (the line each comes from is quoted).
"""

from __future__ import annotations

import pytest

from loaders.plans.parse import parse_path
from tests.conftest import seed_path

CN = "一二三四五六七八九十"


def cn_numbers(n: int) -> list[str]:
    """(一)…(n) as written in the documents."""
    out = []
    for k in range(1, n + 1):
        tens, ones = divmod(k, 10)
        text = ("" if tens == 0 else ("十" if tens == 1 else CN[tens - 1] + "十")) + (
            CN[ones - 1] if ones else ""
        )
        out.append(f"({text})")
    return out


def tasks_of(doc: dict) -> list[dict]:
    return [t for a in doc["actions"] for t in a["tasks"]]


def by_number(doc: dict) -> dict[str, dict]:
    return {t["number"]: t for t in tasks_of(doc)}


def targets(task: dict) -> list[tuple]:
    return [(t["indicator"], t["comparator"], t["value"], t["unit"]) for t in task["targets"]]


@pytest.fixture(scope="module")
def s000():
    (doc,) = parse_path(seed_path("000"))["documents"]
    return doc


@pytest.fixture(scope="module")
def s002():
    (doc,) = parse_path(seed_path("002"))["documents"]
    return doc


@pytest.fixture(scope="module")
def s003():
    (doc,) = parse_path(seed_path("003"))["documents"]
    return doc


@pytest.fixture(scope="module")
def s004():
    return parse_path(seed_path("004"))["documents"]


def doc_titled(docs: list[dict], words: str) -> dict:
    (doc,) = [d for d in docs if words in d["title"]]
    return doc


def test_000_actions_and_tasks(s000):
    assert s000["kind"] == "plan"
    assert s000["doc_number"] == "银西政办发〔2023〕48号"
    assert s000["issued_on"] == "2023-09-18"
    assert s000["years"] == [2023]
    assert [a["code"] for a in s000["actions"]] == cn_numbers(8)
    assert s000["actions"][0]["title"] == "实施法治政府建设示范创建提升行动"
    assert s000["actions"][7]["title"] == "实施行政机关工作人员法治素养提升行动"
    assert [t["number"] for t in tasks_of(s000)] == [str(k) for k in range(1, 45)]
    assert [len(a["tasks"]) for a in s000["actions"]] == [
        5,
        3,
        6,
        4,
        7,
        8,
        5,
        6,
    ]  # counted in the source


def test_000_units_by_role(s000):
    t = by_number(s000)
    # "责任单位:政府各部门,各镇街,区委依法治区办"
    assert (t["1"]["lead_units"], t["1"]["responsible_units"]) == (
        [],
        ["政府各部门", "各镇街", "区委依法治区办"],
    )
    # "牵头部门:司法局" / "责任单位:政府各部门,各镇街"
    assert (t["2"]["lead_units"], t["2"]["responsible_units"]) == (
        ["司法局"],
        ["政府各部门", "各镇街"],
    )
    # "牵头部门:区委办,区委依法治区办"
    assert t["3"]["lead_units"] == ["区委办", "区委依法治区办"]
    # "牵头部门:人大法工委,政府办、司法局"
    assert t["6"]["lead_units"] == ["人大法工委", "政府办", "司法局"]
    # "牵头单位:审批局、发改局" / "责任单位:市场监管局西夏分局,政府各部门,各镇街"
    assert t["10"]["lead_units"] == ["审批局", "发改局"]
    assert t["10"]["responsible_units"] == ["市场监管局西夏分局", "政府各部门", "各镇街"]
    # "牵头单位:编办" / "责任单位:各镇街"
    assert (t["37"]["lead_units"], t["37"]["responsible_units"]) == (["编办"], ["各镇街"])
    # "责任单位:各行政执法部门(单位),各镇街"
    assert t["36"]["responsible_units"] == ["各行政执法部门(单位)", "各镇街"]
    assert all(not x["cooperating_units"] for x in tasks_of(s000))


def test_000_deadlines_and_targets(s000):
    t = by_number(s000)
    # "每年3月1日前,区政府向同级党委…报告"
    assert t["5"]["deadline"] == "2023-03-01"
    # "行政规范性文件报备率、报备及时率、规范率达到100%,行政规范性文件备案审查率达到100%"
    assert targets(t["7"]) == [
        ("行政规范性文件报备率", ">=", 100, "%"),
        ("行政规范性文件报备及时率", ">=", 100, "%"),
        ("行政规范性文件规范率", ">=", 100, "%"),
        ("行政规范性文件备案审查率", ">=", 100, "%"),
    ]
    # "清单公布率达100%" / "公平竞争审查率达到100%"
    assert targets(t["11"]) == [("清单公布率", ">=", 100, "%")]
    assert targets(t["12"]) == [("公平竞争审查率", ">=", 100, "%")]
    # "会前学法每年不少于4次,专题法治讲座不少于2期…每年讲法不少于1次…每年至少组织1次现场旁听庭审"
    assert [(x["comparator"], x["value"], x["unit"]) for x in t["40"]["targets"]] == [
        (">=", 4, "次"),
        (">=", 2, "期"),
        (">=", 1, "次"),
        (">=", 1, "次"),
    ]
    # "确保每年度学法不少于60学时"
    assert (">=", 60, "学时", "year") in [
        (x["comparator"], x["value"], x["unit"], x["per"]) for x in t["43"]["targets"]
    ]
    # "每年至少组织开展2次专题法治讲座"
    assert [(x["comparator"], x["value"], x["unit"], x["per"]) for x in t["44"]["targets"]] == [
        (">=", 2, "次", "year")
    ]


def test_002_inline_units_and_glued_numbers(s002):
    assert s002["years"] == [2023, 2024]
    assert [a["code"] for a in s002["actions"]] == cn_numbers(5)
    assert [t["number"] for t in tasks_of(s002)] == [str(k) for k in range(1, 34)]
    t = by_number(s002)
    # "责任单位:市政府办公室,配合单位:市政府相关部门,各县区人民政府" (no parentheses)
    assert t["1"]["responsible_units"] == ["市政府办公室"]
    assert t["1"]["cooperating_units"] == ["市政府相关部门", "各县区人民政府"]
    # "(责任单位:市发改委,配合单位:市中级法院、市司法局,各县区人民政府)"
    assert t["7"]["responsible_units"] == ["市发改委"]
    assert t["7"]["cooperating_units"] == ["市中级法院", "市司法局", "各县区人民政府"]
    # "(责任单位:市委依法治市办,市委督查考核办,…)"
    assert t["33"]["responsible_units"] == ["市委依法治市办", "市委督查考核办"]
    assert "(责任单位" not in t["7"]["text"]


def test_002_targets(s002):
    t = by_number(s002)
    # "公职律师工作覆盖率分别达到70%50%"
    assert [(x["comparator"], x["value"], x["unit"]) for x in t["11"]["targets"]][-2:] == [
        (">=", 70, "%"),
        (">=", 50, "%"),
    ]
    # "报备率、报备及时率、规范率达100%"
    assert [x["value"] for x in t["18"]["targets"]] == [100, 100, 100]
    # "2023年年底前实施统一的基层政务公开标准体系"
    assert t["8"]["deadline"] == "2023-12-31"
    # "无被生效司法裁判、复议决定撤销…等情形"
    assert [(x["comparator"], x["value"]) for x in t["10"]["targets"]] == [("=", 0)]
    goals = {(x["indicator"], x["year"]): (x["comparator"], x["value"]) for x in s002["targets"]}
    # "——2024年…第三方调查市场主体满意度高于95%"
    assert goals[("第三方调查市场主体满意度", 2024)] == (">", 95)
    assert goals[("法院生效判决执行率", 2023)] == (">=", 100)


def test_003_sections_and_inline_units(s003):
    assert s003["doc_number"] == "海政办发〔2023〕8号"
    assert s003["title"] == "海原县法治政府建设2023年工作要点"
    assert [a["code"] for a in s003["actions"]] == list("二三四五六七八九十")
    assert [t["number"] for t in tasks_of(s003)] == cn_numbers(31)
    t = by_number(s003)
    # "(牵头单位:市场监管局、审批服务局、税务局;责任单位:各乡镇<街道办>,各相关部门<单位>)"
    assert t["(一)"]["lead_units"] == ["市场监管局", "审批服务局", "税务局"]
    assert t["(一)"]["responsible_units"] == ["各乡镇<街道办>", "各相关部门<单位>"]
    assert ("实际办理时限", "<=", 3, "个工作日") in targets(t["(一)"])
    # "第一季度前制定年度重大行政决策事项目录"
    assert t["(七)"]["deadline"] == "2023-03-31"
    # "事件发生后5小时内发布权威信息"
    assert [(x["comparator"], x["value"], x["unit"]) for x in t["(二十七)"]["targets"]] == [
        ("<=", 5, "小时")
    ]


def test_001_annual_report_achievements():
    (doc,) = parse_path(seed_path("001"))["documents"]
    assert doc["kind"] == "annual_report"
    assert doc["doc_number"] == "攀西府〔2020〕9号"
    assert doc["years"] == [2019]
    found = {(a["indicator"], a["value"]) for a in doc["achievements"]}
    # "出庭应诉率为100%" "调解成功率达99.8%" "办复率100%、满意率100%"
    for pair in [
        ("行政机关负责人出庭应诉率", 100),
        ("调解成功率", 99.8),
        ("办复率", 100),
        ("满意率", 100),
    ]:
        assert any(i.endswith(pair[0]) and v == pair[1] for i, v in found), pair
    assert {a["year"] for a in doc["achievements"]} == {2019}


def test_004_gazette_documents(s004):
    numbers = [d["doc_number"] for d in s004]
    for n in [
        "银西党办〔2020〕73号",
        "银西法办发〔2020〕3号",
        "银西法办发〔2020〕10号",
        "银西法办发〔2020〕17号",
    ]:
        assert n in numbers
    assert doc_titled(s004, "领导干部年度考核实施办法")["kind"] == "other"


def test_004_work_points(s004):
    doc = doc_titled(s004, "2020年银川市西夏区法治政府建设工作要点")
    assert doc["kind"] == "plan"
    assert len(doc["actions"]) == 7
    assert [t["number"] for t in tasks_of(doc)] == cn_numbers(24)
    t = by_number(doc)
    # "(区委编办牵头,各有关部门配合)"
    assert (t["(二)"]["lead_units"], t["(二)"]["cooperating_units"]) == (
        ["区委编办"],
        ["各有关部门"],
    )
    # "(司法局牵头,各镇<街>、各有关部门配合)" after a page break inside the task
    assert t["(十)"]["cooperating_units"] == ["各镇<街>", "各有关部门"]
    assert "进一步落实普遍建立法律顾问制度" in t["(十)"]["text"]


def test_004_implementation_plan_with_effect_indicators(s004):
    doc = doc_titled(s004, "银川市西夏区2020年法治政府建设实施方案")
    assert [t["number"] for t in tasks_of(doc)] == [str(k) for k in range(1, 30)]
    assert [a["code"] for a in doc["actions"]] == cn_numbers(8)
    assert doc["actions"][0]["title"] == "依法全面履行政府职能"
    t = by_number(doc)
    # "牵头单位：区委编办、司法局 / 责任单位：各有关部门 / 完成时限：2020年6月底前"
    assert t["1"]["lead_units"] == ["区委编办", "司法局"]
    assert t["1"]["responsible_units"] == ["各有关部门"]
    assert t["1"]["deadline"] == "2020-06-30"
    # "牵头单位：审批服务管理局，编办 / 配合单位：各有关部门"
    assert (t["3"]["lead_units"], t["3"]["cooperating_units"]) == (
        ["审批服务管理局", "编办"],
        ["各有关部门"],
    )
    # task 6 has sub-items (1)…(4) before its 完成时限 line
    assert t["6"]["deadline"] == "2020-12-31"
    assert "(4)落实规范性文件备案审查制度" in t["6"]["text"]
    # 效果指标 of (二): "(1) 规范性文件合法性审查率达到 100%。"
    assert ("规范性文件合法性审查率", ">=", 100, "%") in targets(doc["actions"][1])
    assert all(not x["targets"] for x in doc["actions"][0]["tasks"])  # (1)…(4) are the section's


def test_004_breakdown_table(s004):
    doc = doc_titled(s004, "任务分解表")
    assert doc["kind"] == "breakdown_table"
    assert [t["number"] for t in tasks_of(doc)] == [f"({k})" for k in range(1, 101)]
    assert [a["code"] for a in doc["actions"]] == list("一二三四五六七八")
    t = by_number(doc)
    # "审批服务管理局、区委编办牵头, 西夏区各有关部门按职责分工分别负责。" "6月底前"
    assert t["(1)"]["lead_units"] == ["审批服务管理局", "区委编办"]
    assert t["(1)"]["responsible_units"] == ["西夏区各有关部门"]
    assert t["(1)"]["deadline"] == "2020-06-30"
    assert t["(1)"]["group"].startswith("1. 行政审批制度改革全面推行")
    # "(7)…(8)…(9)…" share one cell: "编制并对外公布…(区委编办、司法局牵头)…"
    assert t["(8)"]["lead_units"][:2] == ["区委编办", "司法局"]
    # "和我区无关" names no unit
    assert t["(23)"]["lead_units"] == t["(23)"]["responsible_units"] == []
    # "7 月底前", "长期坚持"
    assert t["(50)"]["deadline"] == "2020-07-31"
    assert t["(16)"]["ongoing"] is True and t["(16)"]["deadline"] is None
    # "100 法治建设成效作为衡量…" (a bare number opens the last measure)
    assert t["(100)"]["text"].startswith("法治建设成效")
