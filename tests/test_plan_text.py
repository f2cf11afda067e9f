"""Grammar rules of plan prose, each on a small case of our own (parse_plan_lines)."""

from __future__ import annotations

from loaders.plans.prose import parse_plan_lines


def parse(text: str, years: list[int] | None = None) -> list[dict]:
    lines = [line.strip() for line in text.strip().split("\n")]
    return parse_plan_lines(lines, "测试方案", years or [2024]).actions


def numbers(actions: list[dict]) -> list[str]:
    return [t["number"] for a in actions for t in a["tasks"]]


def test_task_level_is_the_one_carrying_units_not_a_fixed_style():
    text = """一、总体要求
坚持依法行政。
二、重点任务
(一)完善权责清单。动态调整清单。(县司法局牵头,各乡镇配合)
(二)深化政务公开。(县政府办负责)
三、工作要求
(一)加强组织领导。各单位要高度重视。
(二)严格督查考核。"""
    actions = parse(text)
    assert [(a["code"], a["title"]) for a in actions] == [("二", "重点任务")]
    assert numbers(actions) == ["(一)", "(二)"]
    first, second = actions[0]["tasks"]
    assert (first["lead_units"], first["cooperating_units"]) == (["县司法局"], ["各乡镇"])
    assert second["responsible_units"] == ["县政府办"]
    assert first["text"] == "完善权责清单。动态调整清单。"


def test_arabic_tasks_under_paren_actions_with_role_lines():
    text = """(一)提升执法能力
1、规范执法程序。全面落实三项制度。
牵头单位:县司法局
责任单位:各执法部门
配合单位:各乡镇
完成时限:2024年9月底前
2、加强执法监督。每年至少开展2次执法检查。
责任单位:县司法局
完成时限:长期坚持
(二)化解行政争议
3．推进复议体制改革。
牵头部门:县司法局"""
    actions = parse(text)
    assert [a["code"] for a in actions] == ["(一)", "(二)"]
    t1, t2, t3 = (t for a in actions for t in a["tasks"])
    assert (t1["number"], t1["title"]) == ("1", "规范执法程序")
    assert (t1["lead_units"], t1["responsible_units"], t1["cooperating_units"]) == (
        ["县司法局"],
        ["各执法部门"],
        ["各乡镇"],
    )
    assert (t1["deadline_text"], t1["deadline"], t1["ongoing"]) == (
        "2024年9月底前",
        "2024-09-30",
        False,
    )
    assert (t2["deadline"], t2["ongoing"]) == (None, True)
    assert [(x["comparator"], x["value"], x["unit"], x["per"]) for x in t2["targets"]] == [
        (">=", 2, "次", "year")
    ]
    assert (t3["number"], t3["lead_units"]) == ("3", ["县司法局"])


def test_numbering_that_restarts_in_each_section_keeps_numbers_as_written():
    text = """一、职能履行
1.清理证明事项。(县司法局负责)
2.推行告知承诺。(县审批局负责)
二、决策机制
1.制定决策目录。(县政府办负责)"""
    actions = parse(text)
    assert [[t["number"] for t in a["tasks"]] for a in actions] == [["1", "2"], ["1"]]


def test_digit_glued_to_text_continues_the_sequence():
    text = """(一)优化服务
1. 推行清单管理。(责任单位:县政府办)
2全面实行权责清单。(责任单位:县编办)
3贯彻落实动态调整制度,好评率保持100%(责任单位:县数据局)"""
    actions = parse(text)
    assert numbers(actions) == ["1", "2", "3"]
    assert actions[0]["tasks"][2]["responsible_units"] == ["县数据局"]


def test_sub_items_belong_to_the_task_and_effect_indicators_to_the_section():
    text = """(一)完善制度体系
目标:制度体系更加完备。
具体措施:
1. 加强规范性文件管理。
(1)完善制定程序。
(2)落实备案审查。
牵头单位:县司法局
完成时限:2024年12月底前
效果指标:
(1)规范性文件合法性审查率达到100%。
(2)规范性文件报备率达到100%。
(二)提升执法水平
具体措施:
2. 严格规范执法。
牵头单位:县司法局"""
    actions = parse(text)
    assert [a["code"] for a in actions] == ["(一)", "(二)"]
    assert actions[0]["title"] == "完善制度体系"
    task = actions[0]["tasks"][0]
    assert task["text"] == "加强规范性文件管理。(1)完善制定程序。(2)落实备案审查。"
    assert task["deadline"] == "2024-12-31"
    assert [(t["indicator"], t["value"]) for t in actions[0]["targets"]] == [
        ("规范性文件合法性审查率", 100),
        ("规范性文件报备率", 100),
    ]
    assert actions[1]["targets"] == []
    assert numbers(actions) == ["1", "2"]


def test_lines_broken_mid_sentence_are_joined():
    text = """一、依法履职
(一)做好规范性文件清理工作。及时对本地区规范性文件进
行清理,并向社会公布(县司法局牵头,
各乡镇配合)。"""
    (action,) = parse(text)
    (task,) = action["tasks"]
    assert task["text"] == "做好规范性文件清理工作。及时对本地区规范性文件进行清理,并向社会公布。"
    assert (task["lead_units"], task["cooperating_units"]) == (["县司法局"], ["各乡镇"])


def test_articles_as_tasks():
    text = """第一条 建立学法制度,每年学法不少于4次。(县政府办负责)
第二条 建立述法制度。(县司法局负责)"""
    actions = parse(text)
    assert numbers(actions) == ["第一条", "第二条"]
    assert actions[0]["code"] == "" and actions[0]["title"] == "测试方案"


def test_deadline_inside_the_text_with_year_from_the_document():
    text = """一、依法决策
(一)制定决策事项目录。3月底前向社会公开。(县政府办负责)"""
    (action,) = parse(text, [2025])
    assert action["tasks"][0]["deadline"] == "2025-03-31"


def test_a_document_without_attributions_or_targets_has_no_tasks():
    text = """一、工作要求
(一)加强组织领导。各单位要高度重视。
(二)强化宣传引导。营造良好氛围。"""
    assert parse(text) == []


def test_without_units_the_level_carrying_targets_is_the_task_level():
    # (a part named 主要指标 holds goals, not tasks: test_genre)
    text = """一、重点工作
(一)行政复议案件办结率达到95%以上。
(二)行政机关负责人出庭应诉率达到100%。
(三)加强宣传。"""
    actions = parse(text)
    assert numbers(actions) == ["(一)", "(二)", "(三)"]
    assert [t["targets"][0]["value"] for t in actions[0]["tasks"][:2]] == [95, 100]
