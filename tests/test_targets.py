"""Targets of plans (extract_targets) and achieved figures of reports (extract_achievements)."""

import pytest

from loaders.files.normalize import normalize_text
from loaders.plans.targets import extract_achievements, extract_targets


def T(indicator, cmp, value, unit, text, per=None, year=None):  # noqa: N802 - reads like a row
    return {
        "indicator": indicator,
        "comparator": cmp,
        "value": value,
        "unit": unit,
        "per": per,
        "year": year,
        "text": text,
    }


def A(indicator, value, unit, text, year=None):  # noqa: N802
    return {"indicator": indicator, "value": value, "unit": unit, "year": year, "text": text}


def _single(indicator, cmp, value, unit, per=None, year=None):
    """A case whose text is the whole input clause."""
    return (indicator, cmp, value, unit, per, year)


# ---------------------------------------------------------------- rates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("投诉举报办结率达到90%以上", _single("投诉举报办结率", ">=", 90, "%")),
        ("市场主体满意度高于95%", _single("市场主体满意度", ">", 95, "%")),
        ("被撤销、确认违法的发生率在5%以下", _single("被撤销、确认违法的发生率", "<=", 5, "%")),
        ("公平竞争审查率达到100%", _single("公平竞争审查率", ">=", 100, "%")),
        ("清单公布率达100%", _single("清单公布率", ">=", 100, "%")),
        ("政务服务“好差评”好评率力争保持100%", _single("政务服务“好差评”好评率", ">=", 100, "%")),
        ("保持行政机关负责人出庭应诉率100%", _single("行政机关负责人出庭应诉率", ">=", 100, "%")),
        ("服务满意率不低于98%", _single("服务满意率", ">=", 98, "%")),
        ("行政复议纠错率低于3%", _single("行政复议纠错率", "<", 3, "%")),
        ("调解协议反悔率控制在5%以内", _single("调解协议反悔率", "<=", 5, "%")),
        ("确保行政复议纠错率达到100%", _single("行政复议纠错率", ">=", 100, "%")),
        ("行政机关败诉率为3%", _single("行政机关败诉率", "<=", 3, "%")),
        ("调解成功率达99.5%", _single("调解成功率", ">=", 99.5, "%")),
        (
            "实现重大行政决策合法性审核100%覆盖",
            _single("重大行政决策合法性审核覆盖", ">=", 100, "%"),
        ),
        ("分值权重不低于总分的10%", _single("分值权重", ">=", 10, "%")),
        ("努力实现地区生产总值增长6.2%左右", _single("地区生产总值增长", ">=", 6.2, "%")),
        ("规模上工业增加值增长5%左右", _single("规模上工业增加值增长", ">=", 5, "%")),
        ("政策兑现资金拨付时间压缩20%以上", _single("政策兑现资金拨付时间压缩", ">=", 20, "%")),
        ("行政复议案件败诉率下降到5%", _single("行政复议案件败诉率", "<=", 5, "%")),
        ("(3)行政执法责任追究率达到100%。", _single("行政执法责任追究率", ">=", 100, "%")),
    ],
)
def test_single_rates(text, expected):
    indicator, cmp, value, unit, per, year = expected
    clause = text.strip("。").removeprefix("(3)")
    assert extract_targets(text) == [T(indicator, cmp, value, unit, clause, per, year)]


def test_rate_items_sharing_one_value_take_the_subject_prefix():
    text = "行政规范性文件报备率、报备及时率、规范率达到100%"
    assert extract_targets(text) == [
        T("行政规范性文件报备率", ">=", 100, "%", text),
        T("行政规范性文件报备及时率", ">=", 100, "%", text),
        T("行政规范性文件规范率", ">=", 100, "%", text),
    ]


def test_rate_items_joined_by_he_keep_the_de_of_the_subject():
    text = "规范性文件的报备率和报备及时率达100%"
    assert extract_targets(text) == [
        T("规范性文件的报备率", ">=", 100, "%", text),
        T("规范性文件的报备及时率", ">=", 100, "%", text),
    ]


def test_non_rate_subjects_join_the_first_rate_item():
    text = "政府规章、行政规范性文件报备率、报备及时率、规范率达100%"
    subject = "政府规章、行政规范性文件"
    assert [t["indicator"] for t in extract_targets(text)] == [
        subject + "报备率",
        subject + "报备及时率",
        subject + "规范率",
    ]
    text = "人大代表议案和建议、政协委员提案办结率均达100%"
    assert extract_targets(text) == [
        T("人大代表议案和建议、政协委员提案办结率", ">=", 100, "%", text)
    ]


def test_full_rate_names_are_not_prefixed():
    text = "调解组织覆盖率、调解室建成率、调解人员到位率均为100%"
    assert [t["indicator"] for t in extract_targets(text)] == [
        "调解组织覆盖率",
        "调解室建成率",
        "调解人员到位率",
    ]


def test_repeated_values_in_one_clause_share_the_prefix():
    text = "规范性文件报备率达到100%、审查率达到100%、纠错率达到100%"
    assert extract_targets(text) == [
        T("规范性文件报备率", ">=", 100, "%", text),
        T("规范性文件审查率", ">=", 100, "%", text),
        T("规范性文件纠错率", ">=", 100, "%", text),
    ]


@pytest.mark.parametrize("sep", ["、", ""])
def test_respective_values_with_levels(sep):
    text = f"具有行政执法权的市、县(区)级行政机关公职律师工作覆盖率分别达到70%{sep}50%"
    assert extract_targets(text) == [
        T("市级行政机关公职律师工作覆盖率", ">=", 70, "%", text),
        T("县(区)级行政机关公职律师工作覆盖率", ">=", 50, "%", text),
    ]


def test_respective_values_without_levels_are_numbered():
    text = "公职律师工作覆盖率分别达到70%、50%"
    assert extract_targets(text) == [
        T("公职律师工作覆盖率(1)", ">=", 70, "%", text),
        T("公职律师工作覆盖率(2)", ">=", 50, "%", text),
    ]


def test_respective_values_pair_with_items():
    text = "公开率、答复率分别达到90%、80%"
    assert extract_targets(text) == [
        T("公开率", ">=", 90, "%", text),
        T("答复率", ">=", 80, "%", text),
    ]


def test_a_lost_sentence_break_keeps_the_hotline_number_in_the_name():
    text = "实体平台建成率100%12348公共法律服务热线平台服务满意率保持在98%以上"
    assert extract_targets(text) == [
        T("实体平台建成率", ">=", 100, "%", text),
        T("12348公共法律服务热线平台服务满意率", ">=", 98, "%", text),
    ]


def test_relative_target_in_points():
    text = "行政诉讼案件败诉率较2022年再下降5个百分点"
    assert extract_targets(text) == [T("行政诉讼案件败诉率", "<=", -5, "个百分点", text)]
    text = "败诉率较2022年再下降5个百分点"
    assert extract_targets(text) == [T("败诉率", "<=", -5, "个百分点", text)]
    text = "群众满意率较上年提高2个百分点"
    assert extract_targets(text) == [T("群众满意率", ">=", 2, "个百分点", text)]


# ---------------------------------------------------------------- counts and limits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("每年至少开展1次执法监督检查", _single("开展执法监督检查", ">=", 1, "次", "year")),
        ("确保每年度学法不少于60学时", _single("学法", ">=", 60, "学时", "year")),
        ("政府常务会会前学法每年不少于4次", _single("政府常务会会前学法", ">=", 4, "次", "year")),
        ("专题法治讲座不少于2期", _single("专题法治讲座", ">=", 2, "期")),
        ("每年至少组织1次现场旁听庭审", _single("组织现场旁听庭审", ">=", 1, "次", "year")),
        ("每季度至少开展1次宣讲活动", _single("开展宣讲活动", ">=", 1, "次", "quarter")),
        ("每2年至少开展1次规范性文件后评估", _single("每2年开展规范性文件后评估", ">=", 1, "次")),
        (
            "政府领导班子每年举办2期以上法治专题讲座",
            _single("政府领导班子举办法治专题讲座", ">=", 2, "期", "year"),
        ),
        ("主要负责人年度讲法治课1次以上", _single("主要负责人讲法治课", ">=", 1, "次", "year")),
        ("每月报送信息数量不得少于1篇", _single("每月报送信息数量", ">=", 1, "篇")),
        ("每年至少组织两次", _single("组织", ">=", 2, "次", "year")),
        (
            "承担执法职能的部门负责人任期内至少接受一次法治培训",
            _single("承担执法职能的部门负责人任期内接受法治培训", ">=", 1, "次"),
        ),
        (
            "行政机关每年至少安排两次工作人员集中学法知识培训",
            _single("行政机关安排工作人员集中学法知识培训", ">=", 2, "次", "year"),
        ),
        ("实际办理时限不超过3个工作日", _single("实际办理时限", "<=", 3, "个工作日")),
        ("最迟在事件发生后5小时内发布权威信息", _single("事件发生后发布权威信息", "<=", 5, "小时")),
        ("征求意见期限一般不少于30日", _single("征求意见期限", ">=", 30, "日")),
        (
            "执法机关在执法决定作出之日起20个工作日内向社会公布",
            _single("执法机关在执法决定作出之日起向社会公布", "<=", 20, "个工作日"),
        ),
        ("审查期限不少于7个工作日", _single("审查期限", ">=", 7, "个工作日")),
        (
            "人民调解委员会有3名以上专职人民调解员",
            _single("人民调解委员会有专职人民调解员", ">=", 3, "名"),
        ),
        ("乡镇调委会专职调解员配备不少于2名", _single("乡镇调委会专职调解员配备", ">=", 2, "名")),
        ("每个贫困村至少有1个法治文化阵地", _single("每个贫困村有法治文化阵地", ">=", 1, "个")),
        (
            "全年至少对1件行政规范性文件开展后评估",
            _single("行政规范性文件开展后评估", ">=", 1, "件", "year"),
        ),
        (
            "行政执法人员每人每年接受不少于60学时的法律培训",
            _single("行政执法人员接受法律培训", ">=", 60, "学时", "year"),
        ),
    ],
)
def test_single_counts(text, expected):
    indicator, cmp, value, unit, per, year = expected
    assert extract_targets(text) == [T(indicator, cmp, value, unit, text, per, year)]


def test_a_period_frame_carries_on_within_the_sentence():
    text = "政府常务会、政府各部门会前学法每年不少于4次,专题法治讲座不少于2期。专题讲座不少于3期。"
    assert extract_targets(text) == [
        T(
            "政府常务会、政府各部门会前学法",
            ">=",
            4,
            "次",
            "政府常务会、政府各部门会前学法每年不少于4次",
            "year",
        ),
        T("专题法治讲座", ">=", 2, "期", "专题法治讲座不少于2期", "year"),
        T("专题讲座", ">=", 3, "期", "专题讲座不少于3期"),
    ]


def test_counts_without_comparator_need_a_period_frame():
    text = "全年组织开展行政执法培训2期,组织网络考试2次。组织网络考试2次。"
    assert extract_targets(text) == [
        T("组织开展行政执法培训", ">=", 2, "期", "全年组织开展行政执法培训2期", "year"),
        T("组织网络考试", ">=", 2, "次", "组织网络考试2次", "year"),
    ]


def test_an_empty_name_is_the_previous_targets():
    text = "合法性审核时间一般不少于5个工作日,最长不超过15个工作日"
    assert extract_targets(text) == [
        T("合法性审核时间", ">=", 5, "个工作日", "合法性审核时间一般不少于5个工作日"),
        T("合法性审核时间", "<=", 15, "个工作日", "最长不超过15个工作日"),
    ]


def test_a_generic_name_gets_the_previous_clause():
    text = "在社会公开征求意见时,期限一般不少于7个工作日"
    assert extract_targets(text) == [
        T("社会公开征求意见时期限", ">=", 7, "个工作日", "期限一般不少于7个工作日")
    ]


def test_rate_and_count_in_one_sentence():
    text = "重大执法决定法制审核执行率达100%,每年至少组织1次行政执法案卷评查。"
    assert extract_targets(text) == [
        T("重大执法决定法制审核执行率", ">=", 100, "%", "重大执法决定法制审核执行率达100%"),
        T("组织行政执法案卷评查", ">=", 1, "次", "每年至少组织1次行政执法案卷评查", "year"),
    ]


# ---------------------------------------------------------------- absolute zero


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        (
            "无被生效司法裁判、复议决定撤销、变更、确认违法或无效、责令履职等情形。",
            "被生效司法裁判、复议决定撤销、变更、确认违法或无效、责令履职等情形",
        ),
        ("没有发生严重破坏生态环境的行为", "严重破坏生态环境的行为"),
        ("创建周期内没有发生因违法执法造成恶劣社会影响的情形", "因违法执法造成恶劣社会影响的情形"),
        ("不存在法律顾问“聘而不用”的情形", "法律顾问“聘而不用”的情形"),
        ("不存在有案不移、以罚代刑现象", "有案不移、以罚代刑现象"),
        ("确保无逾期未查未决案件", "逾期未查未决案件"),
    ],
)
def test_absolute_zero(text, indicator):
    assert extract_targets(text) == [T(indicator, "=", 0, "件", text.rstrip("。"))]


@pytest.mark.parametrize(
    "text",
    [
        "无法定依据的行政审批中介服务项目以及收费一律取消",
        "不存在未经公平竞争审查的文件",
        "没有因严重违法犯罪受到追究",
        "杜绝类似情况再发生",
    ],
)
def test_not_a_zero_statement(text):
    assert extract_targets(text) == []


# ---------------------------------------------------------------- years


def test_year_specific_goals():
    text = (
        "——2023年为法治政府建设重点突破年。预防和纠正长效机制建立健全,"
        "法院生效判决执行率、行政复议决定履行率100%;主要负责人年终述法率100%\n"
        "——2024年为法治政府建设争创一流年。第三方调查市场主体满意度高于95%\n"
        "复议决定履行率100%"
    )
    clause = "法院生效判决执行率、行政复议决定履行率100%"
    assert extract_targets(text) == [
        T("法院生效判决执行率", ">=", 100, "%", clause, year=2023),
        T("行政复议决定履行率", ">=", 100, "%", clause, year=2023),
        T("主要负责人年终述法率", ">=", 100, "%", "主要负责人年终述法率100%", year=2023),
        T("第三方调查市场主体满意度", ">", 95, "%", "第三方调查市场主体满意度高于95%", year=2024),
        T("复议决定履行率", ">=", 100, "%", "复议决定履行率100%"),
    ]


def test_years_named_in_the_clause():
    assert extract_targets("到2025年,群众满意度达到90%") == [
        T("群众满意度", ">=", 90, "%", "群众满意度达到90%", year=2025)
    ]
    assert extract_targets("2020年政策解读要达到100%,其中图解达到80%以上") == [
        T("政策解读", ">=", 100, "%", "2020年政策解读要达到100%", year=2020),
        T("图解", ">=", 80, "%", "其中图解达到80%以上", year=2020),
    ]


def test_ranges_titles_and_baselines_are_not_target_years():
    text = "落实《纲要(2021—2025年)》,公开率达到100%,败诉率较2022年再下降5个百分点"
    assert [t["year"] for t in extract_targets(text)] == [None, None]


def test_default_year_is_not_a_target_year():
    assert extract_targets("审查率达到100%", 2023)[0]["year"] is None


# ---------------------------------------------------------------- not targets


@pytest.mark.parametrize(
    "text",
    [
        "开通12348公共法律服务热线",
        "完善“1+3+X”的领导干部应知应会法律法规清单体系",
        "依据《关于实施行政规范性文件“三统一”的通知》(宁政办发〔2017〕168号)",
        "切实履行推进法治建设第一责任人职责",
        "充分利用报刊、网站、“两微一端”等网络媒体平台",
        "全面落实《法治政府建设实施纲要(2021—2025年)》",
        "学习《宪法》等法律法规28次",
        "每年3月1日前,区政府报告上一年度法治政府建设情况",
        "相关单位主要负责同志讲3-5分钟的法治课",
        "力争2020年年底前实现200人以上的企业人民调解组织全覆盖",
        "按照不超过参加考核领导班子总数30%的比例确定",
        "民主测评、分管县级领导评价各占40%、20%",
        "推行“一次告知”制度",
        "宁夏干部网络教育培训结业率达不到100%的减0.5分",
        "",
    ],
)
def test_not_targets(text):
    assert extract_targets(text) == []


def test_each_target_once_in_source_order():
    text = "备案审查率达到100%。\n备案审查率达到100%。\t出庭应诉率达到100%"
    assert [t["indicator"] for t in extract_targets(text)] == ["备案审查率", "出庭应诉率"]


def test_seed_plan_targets(seed):
    text = normalize_text(seed("000").read_text(encoding="utf-8"))
    targets = extract_targets(text)
    assert T("开展执法监督检查", ">=", 1, "次", "每年至少开展1次执法监督检查", "year") in targets
    assert T("投诉举报办结率", ">=", 90, "%", "投诉举报办结率达到90%以上") in targets
    assert T("学法", ">=", 60, "学时", "确保每年度学法不少于60学时", "year") in targets
    assert not [t for t in targets if t["unit"] == "日"]  # "每年3月1日前" is a deadline
    text = normalize_text(seed("002").read_text(encoding="utf-8"))
    names = [t["indicator"] for t in extract_targets(text)]
    assert "市级行政机关公职律师工作覆盖率" in names
    assert "政府规章、行政规范性文件规范率" in names


# ---------------------------------------------------------------- achievements


def test_achieved_rates():
    assert extract_achievements("2019年,西区行政机关负责人出庭应诉率为100%。", None) == [
        A("西区行政机关负责人出庭应诉率", 100, "%", "西区行政机关负责人出庭应诉率为100%", 2019)
    ]
    assert extract_achievements("办复率100%、满意率100%", 2019) == [
        A("办复率", 100, "%", "办复率100%、满意率100%", 2019),
        A("满意率", 100, "%", "办复率100%、满意率100%", 2019),
    ]


def test_achieved_shares_take_the_previous_clause():
    text = "其中,不见面审批事项2369项,占比95.87%。"
    assert extract_achievements(text, 2024) == [
        A("不见面审批事项", 2369, "项", "不见面审批事项2369项", 2024),
        A("不见面审批事项占比", 95.87, "%", "占比95.87%", 2024),
    ]


def test_comparisons_with_an_earlier_period_are_changes_named_as_such():
    text = "2025年1—7月,全区行政机关主要负责人出庭26次,行政机关主要负责人出庭率达65%,比上年同期提升43.8%。"
    assert extract_achievements(text, None) == [
        A("全区行政机关主要负责人出庭", 26, "次", "全区行政机关主要负责人出庭26次", 2025),
        A("行政机关主要负责人出庭率", 65, "%", "行政机关主要负责人出庭率达65%", 2025),
        # a change, not the rate: named with its subject, the period and the verb
        A("行政机关主要负责人出庭率比上年同期提升", 43.8, "%", "比上年同期提升43.8%", 2025),
    ]


def test_achieved_counts_need_a_reporting_verb():
    text = "全年共主动公开政府信息17992条。其中,概况信息298条,发布政策解读54篇。"
    assert extract_achievements(text, 2019) == [
        A("主动公开政府信息", 17992, "条", "全年共主动公开政府信息17992条", 2019),
        A("发布政策解读", 54, "篇", "发布政策解读54篇", 2019),
    ]
    text = "2019年办理区人大代表建议88件、区政协提案85件"
    assert [(a["indicator"], a["value"]) for a in extract_achievements(text, None)] == [
        ("办理区人大代表建议", 88),
        ("办理区政协提案", 85),
    ]


def test_achieved_changes_keep_their_verb():
    assert extract_achievements("审批服务效率平均提高70%以上", 2019) == [
        A("审批服务效率平均提高", 70, "%", "审批服务效率平均提高70%以上", 2019)
    ]
    assert extract_achievements("提出专业意见30余条", 2019) == [
        A("提出专业意见", 30, "条", "提出专业意见30余条", 2019)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“一网通办”率达100%,2474项政务服务事项全部纳入平台,录入率100%",
            # the count opens its clause, its verb after it: 2474 items brought onto the platform
            [("“一网通办”率", 100), ("政务服务事项全部纳入平台", 2474), ("录入率", 100)],
        ),
        ("政府常务会学法12次", [("政府常务会学法", 12)]),
        (
            "在已审结的案件中,胜诉24宗,撤诉3宗,胜诉率100%",
            [("胜诉", 24), ("撤诉", 3), ("胜诉率", 100)],
        ),
        (
            "审查和备案规范性文件54件,其中审查市级规范性文件27件",
            [("审查和备案规范性文件", 54), ("审查市级规范性文件", 27)],
        ),
        ("在确保全区行政机关负责人出庭应诉率100%的同时", [("全区行政机关负责人出庭应诉率", 100)]),
    ],
)
def test_example_report_lines(text, expected):
    assert [(a["indicator"], a["value"]) for a in extract_achievements(text, 2022)] == expected


def test_seed_annual_report_achievements(seed):
    text = normalize_text(seed("001").read_text(encoding="utf-8"))
    found = {
        (a["indicator"], a["value"], a["unit"], a["year"]) for a in extract_achievements(text, 2019)
    }
    for item in [
        ("西区行政机关负责人出庭应诉率", 100, "%", 2019),
        ("调解成功率", 99.8, "%", 2019),
        ("办复率", 100, "%", 2019),
        ("满意率", 100, "%", 2019),
        ("规范性文件的报备率", 100, "%", 2019),
        ("规范性文件的报备及时率", 100, "%", 2019),
        ("调解人员到位率", 100, "%", 2019),
        ("排查矛盾纠纷", 2867, "件", 2019),
    ]:
        assert item in found
    assert not [a for a in found if a[0].endswith("概况信息")]


# ---------------------------------------------------------------- from one value to another


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # only the value reached is a target; the word after it, or the verb, gives the direction
        ("全市公园数量从406座增加到1000座以上", ("全市公园数量", ">=", 1000, "座")),
        ("公共充电桩从2万个增加到5万个", ("公共充电桩", ">=", 50000, "个")),
        ("网上可办率由80%提高到95%", ("网上可办率", ">=", 95, "%")),
        ("审批时限从20个工作日缩减至5个工作日", ("审批时限", "<=", 5, "个工作日")),
        ("办理时限由15日压缩到7日", ("办理时限", "<=", 7, "日")),
        ("人均公园绿地面积从8.5平方米增至9平方米", ("人均公园绿地面积", ">=", 9, "平方米")),
        ("审批事项由120项减至60项以内", ("审批事项", "<=", 60, "项")),
        ("开办时间从5天压缩至2天以内", ("开办时间", "<=", 2, "天")),
    ],
)
def test_a_move_from_one_value_to_another_targets_the_value_reached(text, expected):
    got = [(t["indicator"], t["comparator"], t["value"], t["unit"]) for t in extract_targets(text)]
    assert got == [expected]


def test_moves_in_one_sentence_each_keep_their_own_name_and_year():
    text = "到2025年,公园数量从438座增加到1000座以上,森林覆盖率从18.49%提升到19.5%"
    assert extract_targets(text) == [
        T("公园数量", ">=", 1000, "座", "公园数量从438座增加到1000座以上", year=2025),
        T("森林覆盖率", ">=", 19.5, "%", "森林覆盖率从18.49%提升到19.5%", year=2025),
    ]


def test_from_without_a_move_is_no_target():
    assert extract_targets("从5个方面提出20条措施") == []


# ---------------------------------------------------------------- bundles and daily averages


def test_a_bundle_of_rates_gives_each_rate_named_before_it_the_value():
    text = normalize_text(
        "力争实现设施排查率、“户籍化”管理纳入率和“楼长”责任履行率“三个100%”,坚决预防"
    )
    got = [(t["indicator"], t["comparator"], t["value"]) for t in extract_targets(text)]
    assert got == [
        ("设施排查率", ">=", 100),
        ("“户籍化”管理纳入率", ">=", 100),
        ("“楼长”责任履行率", ">=", 100),
    ]


def test_a_bundle_with_nothing_named_before_it_is_no_target():
    assert extract_targets("做到“两个100%”") == []
    got = extract_targets("实现“三个100%”,即排查率、整改率均达到100%")
    assert [t["indicator"] for t in got] == ["排查率", "整改率"]


def test_a_daily_or_per_head_average_keeps_its_average():
    got = extract_targets("全区干垃圾日均控制量不高于1610吨,人均学法时间不少于40学时")
    assert [(t["indicator"], t["comparator"], t["value"]) for t in got] == [
        ("全区干垃圾日均控制量", "<=", 1610),
        ("人均学法时间", ">=", 40),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("人均有效避难场所面积应大于等于1.5平方米", ("人均有效避难场所面积", ">=", 1.5, "平方米")),
        ("响应时间小于或等于30分钟", ("响应时间", "<=", 30, "分钟")),
        ("办结率≥95%", ("办结率", ">=", 95, "%")),
        ("整体达到基本清洁(垃圾盖度≤5‰)", ("垃圾盖度", "<=", 5, "‰")),
        ("人口自然增长率控制在5‰以内", ("人口自然增长率", "<=", 5, "‰")),
    ],
)
def test_compound_comparators_signs_and_per_mille(text, expected):
    got = [(t["indicator"], t["comparator"], t["value"], t["unit"]) for t in extract_targets(text)]
    assert got == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "细颗粒物年均浓度力争不高于28微克/立方米",
            ("细颗粒物年均浓度", "<=", 28, "微克/立方米", None),
        ),
        ("每年至少完成2轮全覆盖隐患排查", ("完成全覆盖隐患排查", ">=", 2, "轮", "year")),
        ("每季度至少召开1次会议", ("召开会议", ">=", 1, "次", "quarter")),
        (
            "煤炭消费占一次能源消费比重保持在30%以下",
            ("煤炭消费占一次能源消费比重", "<=", 30, "%", None),
        ),
    ],
)
def test_levels_rounds_meetings_and_primary_energy(text, expected):
    got = [
        (t["indicator"], t["comparator"], t["value"], t["unit"], t["per"])
        for t in extract_targets(text)
    ]
    assert got == [expected]


def test_a_numbered_meeting_is_no_target():
    assert extract_targets("召开第5次会议,部署工作") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("监测设施密度不低于60点/百平方公里", ("监测设施密度", ">=", 60, "点/百平方公里")),
        ("平均地面沉降量控制在6毫米/年以内", ("平均地面沉降量", "<=", 6, "毫米/年")),
        ("湿垃圾处理能力达到1000吨/日", ("湿垃圾处理能力", ">=", 1000, "吨/日")),
    ],
)
def test_rate_units_per_area_or_time(text, expected):
    got = [(t["indicator"], t["comparator"], t["value"], t["unit"]) for t in extract_targets(text)]
    assert got == [expected]


def test_a_time_of_day_is_no_target():
    assert extract_targets("上午8点召开会议") == []


def test_亿_scales_a_count_and_an_output_in_money():
    got = extract_targets("全市商业建筑总面积控制在1亿平方米以内,营业收入达到2300亿元以上")
    assert [(t["indicator"], t["comparator"], t["value"], t["unit"]) for t in got] == [
        ("全市商业建筑总面积", "<=", 100_000_000, "平方米"),
        ("营业收入", ">=", 230_000_000_000, "元"),
    ]
