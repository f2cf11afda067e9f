"""Unit names: list splitting, attribution lines, inline attributions, levels and aliases."""

import pytest

from loaders.plans.units import (
    BUILTIN_ALIASES,
    build_registry,
    canonical_key,
    extract_inline_units,
    is_group,
    looks_like_unit,
    parse_role_line,
    resolve,
    split_unit_names,
    unit_level,
)
from tests.conftest import seed_path

# ---------------------------------------------------------------- split_unit_names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("政府办、司法局", ["政府办", "司法局"]),
        ("甲局,乙局，丙局;丁局；戊局", ["甲局", "乙局", "丙局", "丁局", "戊局"]),
        ("各乡镇<街道办>,各相关部门<单位>", ["各乡镇<街道办>", "各相关部门<单位>"]),
        ("各行政执法部门(单位),各镇街", ["各行政执法部门(单位)", "各镇街"]),
        ("县(区)司法局、县（区）财政局", ["县(区)司法局", "县（区）财政局"]),
        ("各镇〈街、办〉、甲局", ["各镇〈街、办〉", "甲局"]),
        ("司法局等部门", ["司法局"]),
        ("甲局、乙局等有关部门", ["甲局", "乙局"]),
        ("市公安局等", ["市公安局"]),
        ("人大法工委 司法局  发改局", ["人大法工委", "司法局", "发改局"]),
        ("甲局、、 乙局 ,", ["甲局", "乙局"]),
        ("甲局、乙局、甲局", ["甲局", "乙局"]),
        ("乡镇人民政府按职责分工分别负责。", ["乡镇人民政府"]),
        ("甲局按职责分工负责", ["甲局"]),
        ("甲局分别负责", ["甲局"]),
        ("甲局负责落实", ["甲局"]),
        ("甲局负责", ["甲局"]),
        ("普法成员单位)", ["普法成员单位"]),
        ("<p>甲局</p> <p>乙局</p>", ["甲局", "乙局"]),
    ],
)
def test_split_unit_names(text: str, expected: list[str]) -> None:
    assert split_unit_names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("市级各有关部门及各县市区政府", ["市级各有关部门", "各县市区政府"]),
        ("法院和检察院", ["法院", "检察院"]),
        ("人力资源和社会保障局", ["人力资源和社会保障局"]),
        ("农业农村和水务局", ["农业农村和水务局"]),
        ("各级政府及其部门", ["各级政府及其部门"]),
        ("各相关部门和单位", ["各相关部门和单位"]),  # a bare 单位 names nobody
        ("区交通委和有关单位", ["区交通委", "有关单位"]),
    ],
)
def test_split_on_conjunction_only_between_units(text: str, expected: list[str]) -> None:
    assert split_unit_names(text) == expected


def test_looks_like_unit() -> None:
    assert looks_like_unit("司法局")
    assert looks_like_unit("各镇<街>")
    assert looks_like_unit("人大")
    assert not looks_like_unit("谁执法谁")
    assert not looks_like_unit("政办制定目录。各镇街")
    assert not looks_like_unit("甲局、乙局")
    assert not looks_like_unit("(司法局")


# ---------------------------------------------------------------- parse_role_line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("牵头单位:政府办、司法局", [("lead", ["政府办", "司法局"])]),
        ("牵头部门:司法局", [("lead", ["司法局"])]),
        ("责任单位:政府各部门,各镇街", [("responsible", ["政府各部门", "各镇街"])]),
        ("配合单位:各镇(街)、各有关部门", [("cooperating", ["各镇(街)", "各有关部门"])]),
        ("协办单位:甲局", [("cooperating", ["甲局"])]),
        ("责任部门:甲局", [("responsible", ["甲局"])]),
        ("责任主体:各镇街", [("responsible", ["各镇街"])]),
        ("主办单位:", [("responsible", [])]),
        ("牵头责任单位:甲局、乙局", [("lead", ["甲局", "乙局"])]),
        (
            "责任单位:A局、B局,乡镇人民政府按职责分工分别负责。",
            [("responsible", ["A局", "B局", "乡镇人民政府"])],
        ),
        ("牵头单位:A;责任单位:B", [("lead", ["A"]), ("responsible", ["B"])]),
        (
            "责任单位:市政府办公室,配合单位:市政府相关部门,各县区人民政府",
            [
                ("responsible", ["市政府办公室"]),
                ("cooperating", ["市政府相关部门", "各县区人民政府"]),
            ],
        ),
        ("牵头单位:司法局 完成时限:6月底前", [("lead", ["司法局"])]),
        ("  牵头单位: 甲局 ", [("lead", ["甲局"])]),
    ],
)
def test_parse_role_line(line: str, expected: list) -> None:
    assert parse_role_line(line) == expected


@pytest.mark.parametrize(
    "line",
    ["完成时限:2020年6月底前", "各部门要明确责任单位、完成时限。", "牵头领导:张三", ""],
)
def test_parse_role_line_rejects_other_lines(line: str) -> None:
    assert parse_role_line(line) is None


def test_seed_000_lead_line() -> None:
    assert parse_role_line("牵头单位:人大法工委,政府办、司法局") == [
        ("lead", ["人大法工委", "政府办", "司法局"])
    ]
    assert parse_role_line("责任单位:市场监管局西夏分局,政府各部门,各镇街") == [
        ("responsible", ["市场监管局西夏分局", "政府各部门", "各镇街"])
    ]


def test_seed_000_every_attribution_line_parses() -> None:
    path = seed_path("000")
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
    role_lines = [ln for ln in lines if ln.startswith(("牵头单位:", "牵头部门:", "责任单位:"))]
    assert len(role_lines) >= 80
    for ln in role_lines:
        roles = parse_role_line(ln)
        assert roles and all(names for _, names in roles), ln
        assert all(looks_like_unit(n) for _, names in roles for n in names), ln
    assert ("lead", ["人大法工委", "政府办", "司法局"]) in [
        r for ln in role_lines for r in parse_role_line(ln) or []
    ]


# ---------------------------------------------------------------- extract_inline_units


@pytest.mark.parametrize(
    ("text", "rest", "roles"),
    [
        (
            "做好甲工作。(责任单位:甲局,配合单位:乙局,各县区人民政府)",
            "做好甲工作。",
            [("responsible", ["甲局"]), ("cooperating", ["乙局", "各县区人民政府"])],
        ),
        (
            "做好甲工作。(牵头单位:A局、B局;责任单位:各乡镇<街道办>,各相关部门<单位>)",
            "做好甲工作。",
            [("lead", ["A局", "B局"]), ("responsible", ["各乡镇<街道办>", "各相关部门<单位>"])],
        ),
        (
            "建立清单制度。责任单位:甲办公室,配合单位:乙部门,各县区人民政府",
            "建立清单制度。",
            [("responsible", ["甲办公室"]), ("cooperating", ["乙部门", "各县区人民政府"])],
        ),
        (
            "推进改革(甲局牵头,各镇<街>、各有关部门配合)。",
            "推进改革。",
            [("lead", ["甲局"]), ("cooperating", ["各镇<街>", "各有关部门"])],
        ),
        ("公开信息。(甲局负责)", "公开信息。", [("responsible", ["甲局"])]),
        ("公开信息(甲局负责落实)", "公开信息", [("responsible", ["甲局"])]),
        ("依法行政。(由区司法局牵头)", "依法行政。", [("lead", ["区司法局"])]),
        (
            "清理文件。(甲局、乙局等部门负责);健全规则。",
            "清理文件。健全规则。",
            [("responsible", ["甲局", "乙局"])],
        ),
        ("甲局牵头负责。", "", [("lead", ["甲局"])]),
        (
            "甲局、乙办牵头, 各镇街、丙局按职责分工分别负责。",
            "",
            [("lead", ["甲局", "乙办"]), ("responsible", ["各镇街", "丙局"])],
        ),
        ("乙办牵头,乙办制定决策目录。", "乙办制定决策目录。", [("lead", ["乙办"])]),
        (
            "清单一(甲局牵头)、清单二(乙局牵头),明确依据。",
            "清单一、清单二,明确依据。",
            [("lead", ["甲局"]), ("lead", ["乙局"])],
        ),
        (  # fields of work sharing the kind of body after 等: each field's 部门
            "推动资源共享(各地科技部门牵头,工信、发展改革等部门按职责分工负责)",
            "推动资源共享",
            [("lead", ["各地科技部门"]), ("responsible", ["工信部门", "发展改革部门"])],
        ),
        (  # a verb with 实施 after it, or an adverb (结合实际) before it
            "加强管理(区农业农村委牵头,各街镇、开发区配合实施)",
            "加强管理",
            [("lead", ["区农业农村委"]), ("cooperating", ["各街镇", "开发区"])],
        ),
        (  # a sentence's subject before 由 is no unit's name
            "公共机构分类推进由区机管局落实,其余单位分类推进由街镇牵头,区绿化市容局配合落实。",
            "公共机构分类推进由区机管局落实,其余单位分类推进由街镇牵头,区绿化市容局配合落实。",
            [],
        ),
        (
            "开展调查(市规划资源局牵头,各区有关部门结合实际落实)",
            "开展调查",
            [("lead", ["市规划资源局"]), ("responsible", ["各区有关部门"])],
        ),
        (
            "加强信用监管(各地市场监管部门牵头,信用中心等单位按职责分工负责)",
            "加强信用监管",
            [("lead", ["各地市场监管部门"]), ("responsible", ["信用中心"])],
        ),
    ],
)
def test_extract_inline_units(text: str, rest: str, roles: list) -> None:
    assert extract_inline_units(text) == (rest, roles)


@pytest.mark.parametrize(
    "text",
    [
        "实施方案(2021—2025年)全面落实。",
        "印发《甲办法(试行)》(宁政办发〔2017〕168号)。",
        "公开征求意见。(适用于有立法权的市)",
        "政府各部门、各镇街主要负责人切实履行职责。",
        "甲局牵头成立调解组织。",
        "按照“谁主管、谁负责”的原则(谁执法谁负责)管理。",
        "县委依法治县办(县司法局)督促各乡镇上报。",
    ],
)
def test_extract_inline_units_leaves_other_text(text: str) -> None:
    assert extract_inline_units(text) == (text, [])


def test_extract_inline_units_unclosed_parenthesis_at_end() -> None:
    assert extract_inline_units("每年不少于1次。(牵头单位:甲局、乙局") == (
        "每年不少于1次。",
        [("lead", ["甲局", "乙局"])],
    )


def test_seed_003_task_one_parenthesis() -> None:
    text = (
        "实现工程建设项目全流程在线审批。(牵头单位:市场监管局、审批服务局、税务局;"
        "责任单位:各乡镇<街道办>,各相关部门<单位>)"
    )
    assert extract_inline_units(text) == (
        "实现工程建设项目全流程在线审批。",
        [
            ("lead", ["市场监管局", "审批服务局", "税务局"]),
            ("responsible", ["各乡镇<街道办>", "各相关部门<单位>"]),
        ],
    )


def test_seed_002_task_one_tail_and_task_seven() -> None:
    tail = (
        "确保清单时效性、准确性、权威性。责任单位:市政府办公室,"
        "配合单位:市政府相关部门,各县区人民政府"
    )
    assert extract_inline_units(tail) == (
        "确保清单时效性、准确性、权威性。",
        [("responsible", ["市政府办公室"]), ("cooperating", ["市政府相关部门", "各县区人民政府"])],
    )
    task7 = "依法依规实施失信惩戒。(责任单位:市发改委,配合单位:市中级法院、市司法局,各县区人民政府)"
    assert extract_inline_units(task7) == (
        "依法依规实施失信惩戒。",
        [
            ("responsible", ["市发改委"]),
            ("cooperating", ["市中级法院", "市司法局", "各县区人民政府"]),
        ],
    )
    task27 = (
        "不断提升合同执行效率、效果。(责任单位:市司法局,配合单位:市中级法院、市检察院、市公安局等)"
    )
    assert extract_inline_units(task27)[1] == [
        ("responsible", ["市司法局"]),
        ("cooperating", ["市中级法院", "市检察院", "市公安局"]),
    ]
    goal = "好评率力争保持100%(责任单位:市数管局,配合单位:市政府相关部门,各县区人民政府)"
    assert extract_inline_units(goal)[0] == "好评率力争保持100%"


def test_seed_004_forms() -> None:
    assert extract_inline_units(
        "优质化、便民化(审批服务管理局、政府办公室牵头,各镇<街>、各有关部门配合)。"
    ) == (
        "优质化、便民化。",
        [("lead", ["审批服务管理局", "政府办公室"]), ("cooperating", ["各镇<街>", "各有关部门"])],
    )
    assert extract_inline_units("完善审批服务运行机制(区委编办牵头,各有关部门配合)。") == (
        "完善审批服务运行机制。",
        [("lead", ["区委编办"]), ("cooperating", ["各有关部门"])],
    )
    assert extract_inline_units(
        "审批服务管理局、区委编办牵头, 西夏区各有关部门按职责分工分别负责。"
    ) == ("", [("lead", ["审批服务管理局", "区委编办"]), ("responsible", ["西夏区各有关部门"])])
    assert extract_inline_units("政办牵头,政办制定政府重大行政决策目录。") == (
        "政办制定政府重大行政决策目录。",
        [("lead", ["政办"])],
    )
    cell = (
        "清理有违公平的行政规范性文件。(人大法工委、司法局、发改局等部门负责);"
        "依法慎重决定是否采取相关强制措施。(西夏区人民政府、西夏区各有关部门按职责分工分别负责)"
    )
    assert extract_inline_units(cell) == (
        "清理有违公平的行政规范性文件。依法慎重决定是否采取相关强制措施。",
        [
            ("responsible", ["人大法工委", "司法局", "发改局"]),
            ("responsible", ["西夏区人民政府", "西夏区各有关部门"]),
        ],
    )
    assert extract_inline_units("司法局牵头负责。") == ("", [("lead", ["司法局"])])
    assert parse_role_line("牵头单位:区委编办、司法局") == [("lead", ["区委编办", "司法局"])]


def test_examples_01_07_08() -> None:
    assert parse_role_line(
        "责任单位:县政府办公室、县司法局、各有关部门,乡镇人民政府按职责分工分别负责。"
    ) == [("responsible", ["县政府办公室", "县司法局", "各有关部门", "乡镇人民政府"])]
    # 07, traditional characters simplified by hand
    text = (
        "工程建设项目审批事项清单的衔接。(市政府办公室、市行政审批制度改革工作领导小组办公室牵头,"
        "市级各有关部门及各县市区政府按职责分工负责)"
    )
    assert extract_inline_units(text) == (
        "工程建设项目审批事项清单的衔接。",
        [
            ("lead", ["市政府办公室", "市行政审批制度改革工作领导小组办公室"]),
            ("responsible", ["市级各有关部门", "各县市区政府"]),
        ],
    )
    text08 = "接受广泛监督。(市法制局牵头,市监察局、人力资源社会保障局、市政府行政服务中心配合)"
    assert extract_inline_units(text08)[1] == [
        ("lead", ["市法制局"]),
        ("cooperating", ["市监察局", "人力资源社会保障局", "市政府行政服务中心"]),
    ]


# ---------------------------------------------------------------- registry


def test_canonical_key() -> None:
    assert canonical_key(" 各乡镇<街道办> ") == "各乡镇(街道办)"
    assert canonical_key("县（区）司法局") == "县(区)司法局"
    assert canonical_key("各镇〈街〉") == "各镇(街)"
    assert canonical_key("市公安局等") == "市公安局"
    assert canonical_key("人大 法工委") == "人大法工委"


@pytest.mark.parametrize(
    "name",
    [
        "各镇街",
        "各乡镇<街道办>",
        "各有关部门",
        "各行政执法部门(单位)",
        "各县区人民政府",
        "政府各部门",
        "区直各部门",
        "市直相关部门",
        "市政府相关部门",
        "西夏区各有关部门",
        "政府有关单位",
        "普法成员单位",
        "乡镇人民政府",
    ],
)
def test_is_group(name: str) -> None:
    assert is_group(name)


@pytest.mark.parametrize("name", ["司法局", "区委编办", "市政府办公室", "各", "工会"])
def test_is_not_group(name: str) -> None:
    assert not is_group(name)


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("市司法局", "市"),
        ("区委编办", "区"),
        ("县(区)司法局", "县"),
        ("县委依法治县办", "县"),
        ("省司法厅", "省"),
        ("自治区司法厅", "自治区"),
        ("镇政府", "镇"),
        ("乡人民政府", "乡"),
        ("街道办事处", "街道"),
        ("市政府办公室", "市"),
        ("司法局", None),
        ("市场监管局", None),
        ("市政公用局", None),
        ("乡村振兴局", None),
        ("区域协调办", None),
        ("各镇街", None),
    ],
)
def test_unit_level(name: str, level: str | None) -> None:
    assert unit_level(name) == level


def test_builtin_aliases_are_generic_and_canonical() -> None:
    assert BUILTIN_ALIASES["政办"] == "政府办公室"
    assert BUILTIN_ALIASES["政府办"] == "政府办公室"
    assert BUILTIN_ALIASES["委编办"] == "编办"
    assert all(BUILTIN_ALIASES[v] == v for v in BUILTIN_ALIASES.values())
    assert not any(unit_level(k) for k in BUILTIN_ALIASES)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("政办", ("政府办公室", True)),
        ("政府办", ("政府办公室", True)),
        ("区政府办", ("区政府办公室", True)),
        ("区政府办公室", ("区政府办公室", True)),
        ("区政办", ("区政府办公室", True)),
        ("编办", ("编办", True)),
        ("委编办", ("编办", True)),
        ("区委编办", ("区委编办", True)),
        ("市委编办", ("市委编办", True)),
        ("区委办", ("区委办公室", True)),
        ("街道办", ("街道办", False)),
        ("区委依法治区办", ("区委全面依法治区委员会办公室", True)),
        ("区市场监管局", ("区市场监督管理局", True)),
        ("  甲乙丙局 ", ("甲乙丙局", False)),
    ],
)
def test_resolve_builtin(name: str, expected: tuple[str, bool]) -> None:
    assert resolve(name, {}) == expected


def test_resolve_keeps_levels_apart() -> None:
    registry = build_registry([("司法局", "区司法局"), ("区司法局", "区司法局")])
    assert resolve("司法局", registry) == ("区司法局", True)
    assert resolve("区司法局", registry) == ("区司法局", True)
    assert resolve("市司法局", registry) == ("市司法局", False)
    assert resolve("市司法局", {"市司法局": "区司法局"}) == ("市司法局", False)
    assert resolve("区委编办", {}) != resolve("市委编办", {})


def test_resolve_through_registry() -> None:
    registry = build_registry([("政府办公室", "区政府办公室"), ("审批局", "审批服务管理局")])
    assert resolve("政办", registry) == ("区政府办公室", True)
    assert resolve("审批局", registry) == ("审批服务管理局", True)
    assert resolve("审批服务管理局", registry) == ("审批服务管理局", True)
    assert resolve("各乡镇〈街道办〉", {"各乡镇(街道办)": "各乡镇<街道办>"}) == (
        "各乡镇<街道办>",
        True,
    )
    assert resolve("人大法工委", registry) == ("人大法工委", False)


def test_a_last_sentence_of_verb_clauses_is_an_attribution() -> None:
    text, roles = extract_inline_units("建立学法制度。县司法局牵头,各部门配合。")
    assert (text, roles) == (
        "建立学法制度。",
        [("lead", ["县司法局"]), ("cooperating", ["各部门"])],
    )
    text, roles = extract_inline_units("落实述法制度。由县委组织部负责。")
    assert (text, roles) == ("落实述法制度。", [("responsible", ["县委组织部"])])
    # a sentence where 负责 is not the attribution verb stays prose
    assert extract_inline_units("做好解释工作。有关情况由县政府负责解释。")[1] == []
