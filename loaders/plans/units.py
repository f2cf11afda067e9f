"""Unit names (单位名称): lists, attribution lines, inline attributions, aliases and levels.

Roles are "lead" (牵头), "responsible" (责任/负责/承办/主办) and "cooperating" (配合/协办/参与).
Input text follows the project's conventions (half-width "(" ")" ":" "," ";"); table cells may
keep single spaces between entries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from loaders.plans.deadlines import ONGOING_CLAUSE

Roles = list[tuple[str, list[str]]]

OPENERS = "<(（〈〔"
CLOSERS = ">)）〉〕"
LIST_SEPARATORS = "、,，;；"
CLAUSE_SEPARATORS = "、,，;；。 \t"
PROSE_CHARS = set("。:：!?！？“”《》\"'")

ROLE_LABELS: dict[str, str] = {
    "牵头考核单位": "lead",
    "牵头起草单位": "lead",
    "牵头责任单位": "lead",
    "牵头责任部门": "lead",
    "牵头单位": "lead",
    "牵头部门": "lead",
    "责任单位": "responsible",
    "责任部门": "responsible",
    "责任主体": "responsible",
    "负责单位": "responsible",
    "负责部门": "responsible",
    "负责科室": "responsible",
    "负责处室": "responsible",
    "主责单位": "responsible",
    "主办单位": "responsible",
    "承办单位": "responsible",
    "起草单位": "responsible",  # a 立法计划's project: the body drafting it (起草单位:市城管局)
    "主要责任单位": "responsible",
    "实施单位": "responsible",
    "实施部门": "responsible",
    "实施主体": "responsible",
    "落实单位": "responsible",
    "相关部门": "responsible",  # "相关部门：A、B等。" closing a measure: the units doing it
    "相关单位": "responsible",
    "配合单位": "cooperating",
    "协同单位": "cooperating",
    "参加单位": "cooperating",
    "配合部门": "cooperating",
    "协办单位": "cooperating",
    "参与单位": "cooperating",
    "支撑单位": "cooperating",
    "支撑部门": "cooperating",
    "协同部门": "cooperating",
}
# any label made of a role word and a kind of body: 牵头指导处室, 责任科室, 配合股室, 实施主体 …
_ROLE_WORDS = {
    "牵头": "lead",
    "责任": "responsible",
    "实施": "responsible",
    "主办": "responsible",
    "承办": "responsible",
    "组织办理": "responsible",
    "办理": "responsible",
    "配合": "cooperating",
    "协助": "cooperating",
    "协办": "cooperating",
    "协同": "cooperating",
    "协作": "cooperating",
    "支撑": "cooperating",
    "参与": "cooperating",
    "参加": "cooperating",  # "此项工作由X牵头,Y、Z等单位参加"
}
_GENERIC_LABEL = (
    "(?:"
    + "|".join(_ROLE_WORDS)
    + r")(?:指导|负责|推进|落实|责任)?(?:处室|科室|股室|单位|部门|主体)"
    + r"|主要(?:"  # 主要协作单位 / 主要配合单位: the role word after 主要
    + "|".join(w for w in _ROLE_WORDS if w != "责任")
    + r")(?:单位|部门)"
)
LABEL_RE = re.compile(
    "(?:[省市州区县]直)?("  # "(市直责任单位:…)": the level the bodies are at, before the label
    + "|".join(sorted(ROLE_LABELS, key=len, reverse=True))
    + "|"
    + _GENERIC_LABEL
    + r")(?:[(（](?:单位|部门|处室|科室|机构)[)）])?"  # "责任处室(单位):": the kinds it may name
    + r"(?P<person>(?:和|及|与)(?:主要)?(?:责任人|负责人|责任领导))?\s*[:：]\s*"
)  # "责任单位和责任人:省劳动和社会保障厅秦玉德": the body, then the official named after it


def label_role(label: str) -> str:
    """The role a label gives ("牵头指导处室" -> lead)."""
    label = label.removeprefix("主要") if label[2:4] in _ROLE_WORDS else label
    return ROLE_LABELS.get(label) or _ROLE_WORDS[label[:2]]


# "X、Y为实施单位" inside a labelled list: the names before 为 take that role
_NAMED_ROLE_RE = re.compile(
    "^(.+?)为(?:主要)?(" + "|".join(_ROLE_WORDS) + r")(?:单位|部门|处室|科室|主体)$"
)
_SAME_BELOW_RE = re.compile(r"[,，;；]?\s*下同\s*$")
# labels that end a names list without being a role (完成时限:… on the same line)
STOP_LABEL_RE = re.compile(
    r"(完成时限|完成时间|时间节点|时限要求|办结时限|牵头领导|责任领导|责任人)\s*[:：]"
)

# "牵头领导:李某," opening a bracket before its units' labels: a person, no unit
_LEADING_PERSON_RE = re.compile(
    r"^(?:牵头|责任|分管|联系)?(?:领导|责任人|负责人)\s*[:：]\s*[^,，;；:：]{1,12}[,，;；]\s*"
)
# any label ("数据提供单位:"): where the names of a role's label end when it is no role's
_ANY_LABEL_RE = re.compile(
    r"(?<=[,，;；。\s])[\u4e00-\u9fff]{0,8}(?:单位|部门|领导|责任人|负责人|联系人|时限|时间|节点)\s*[:：]"
)

VERB_ROLES: dict[str, str] = {
    "分别牵头": "lead",
    "牵头负责": "lead",
    "牵头抓总": "lead",
    "牵头督导": "lead",
    "牵头推进": "lead",
    "牵头实施": "lead",  # "(由市科技局牵头实施)"
    "牵头落实": "lead",  # "(区环境监测站牵头落实)"
    "牵头办理": "lead",
    "牵头协调": "lead",
    "牵头起草": "lead",  # a 立法计划: "(市科技局牵头起草;8月底前提交草案送审稿)"
    "牵头": "lead",
    "共同负责": "responsible",
    "负责起草": "responsible",
    "组织起草": "responsible",
    "起草": "responsible",  # "(市消防救援支队起草;已通过市政府常务会议审议)"
    "具体实施": "responsible",
    "具体落实": "responsible",
    "各负其责": "responsible",
    "具体承办": "responsible",
    "组织实施": "responsible",
    "负责实施": "responsible",
    "抓好落实": "responsible",
    "组织落实": "responsible",
    "推进落实": "responsible",
    "督促落实": "responsible",
    "落实": "responsible",
    "按职责分工分别负责": "responsible",
    "按职责分工负责": "responsible",
    "按职责分别负责": "responsible",
    "分别负责": "responsible",
    "分工负责": "responsible",  # "X牵头,Y分工负责"
    "参照落实": "responsible",  # "X牵头,Y落实;各镇(街)参照落实": they carry it out too
    "参照执行": "responsible",
    "负责落实": "responsible",
    "具体负责": "responsible",
    "负责": "responsible",
    "承办": "responsible",
    "组织办理": "responsible",
    "办理": "responsible",
    "主办": "responsible",
    "配合实施": "cooperating",
    "配合落实": "cooperating",
    "参与实施": "cooperating",
    "组织配合": "cooperating",
    "协同配合": "cooperating",
    "配合": "cooperating",
    "协助": "cooperating",
    "协同": "cooperating",
    "协办": "cooperating",
    "参与": "cooperating",
    "参加": "cooperating",  # "此项工作由X牵头,Y、Z等单位参加"
}
# "按职责组织落实", "按职责牵头负责": a verb after 按(照)职责(分工) keeps its role
VERB_RE = re.compile(
    r"(?:按(?:照)?职责(?:分工)?|结合(?:实际|职责|职能))?(?P<verb>"
    + "|".join(sorted(VERB_ROLES, key=len, reverse=True))
    + ")"
)

# wrapping words at the end of a name: "乡镇人民政府按职责分工分别负责", "司法局等部门"
TRAILING_PHRASE_RE = re.compile(
    r"(按职责分工分别负责|按职责分工负责|按职责分别负责|分别负责|分工负责|负责落实|负责)$"
    r"|(?<=[\u4e00-\u9fff]{2})(?:按职责)?(?:分工|分别)$"  # "各有关部门分工(负责)": 负责 read apart
    # what a unit cell's body does after its name: "看守所制定", "交警分头制定并实施",
    # "交警大队根据各自执法实际制定"
    r"|(?<=[\u4e00-\u9fff]{2})(?:根据[^、,，;；]{1,16}?)?(?:分头|共同|具体|组织)?"
    r"(?:制定|实施|执行)(?:并(?:实施|落实|执行))?$"
)
TRAILING_ETC_RE = re.compile(
    r"等(?:有关|相关|其他)?(?:部门|单位|机构){0,2}$"  # "等部门单位"
    # "区绩效办等区安委会有关成员单位": the body whose members they are
    r"|(?<=[\u4e00-\u9fff]{2})等[\u4e00-\u9fff]{1,8}?(?:有关|相关|其他)?成员单位$"
)
HTML_TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9]*\s*/?>")
# both sides of 及/和 must look like units: "各有关部门及各县区政府" but not "人力资源和社会保障局"
CONJUNCTION_RE = re.compile(r"及(?!其)|和|/")
UNIT_SUFFIX_RE = re.compile(
    r"(局|办|委|部|院|府|门|单位|室|中心|会|所|组|厅|署|处|司|科|股|队|站|镇|街|乡|街道|联|团|校|区|班|"
    r"公司|庭|馆|台|社|机关|机构|人大|政协|科协|海关|银行|分行|支行|大学|集团|实验室|研究所|医院)$"
)

GROUP_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"^各."),
    re.compile(r"各(?:有关|相关|直属|级|类)?(?:部门|单位|委办局|机关|机构|镇|乡|街|县|区|市)"),
    re.compile(r"(?:相关|有关)(?:部门|单位)(?:\(单位\)|\(部门\))?$"),
    re.compile(r"成员单位$"),
    re.compile(r"^(?:乡镇|镇街|街镇|镇\(街(?:道)?\))"),
)

# level prefix: 市司法局, 区委编办, 县(区)司法局; not 市场监管局, 乡村振兴局, 市政公用局
LEVEL_RE = re.compile(
    r"^(自治区|省|市(?!场|政(?!府|办)|民)|区(?!域)|县(?!域)|街道|镇|乡(?!村))(\([^()]*\))?(委(?!员))?"
)


def _alias_table() -> dict[str, str]:
    groups: dict[str, tuple[str, ...]] = {
        "政府办公室": ("政办", "政府办", "人民政府办公室"),
        "人民政府": ("政府",),
        "编办": ("委编办", "编委办", "机构编制委员会办公室"),
        "党委办公室": ("党办", "党委办"),
        "发展和改革局": ("发改局", "发展改革局"),
        "发展和改革委员会": ("发改委", "发展改革委", "发展改革委员会"),
        "人力资源和社会保障局": ("人社局", "人力资源社会保障局"),
        "住房和城乡建设局": ("住建局", "住房城乡建设局"),
        "市场监督管理局": ("市场监管局",),
        "卫生健康局": ("卫健局",),
        "应急管理局": ("应急局",),
        "医疗保障局": ("医保局",),
        "政法委员会": ("政法委",),
        "网络安全和信息化委员会办公室": ("网信办",),
    }
    for lv in "省市区县":
        full = f"全面依法治{lv}委员会办公室"
        groups[full] = (
            f"依法治{lv}办",
            f"全面依法治{lv}办",
            f"依法治{lv}办公室",
            f"全面依法治{lv}办公室",
            f"依法治{lv}委员会办公室",
        )
    table = {}
    for canonical, aliases in groups.items():
        table[canonical] = canonical
        table.update(dict.fromkeys(aliases, canonical))
    return table


BUILTIN_ALIASES: dict[str, str] = _alias_table()
# only after a party-committee prefix (区委办 = 区委办公室; 街道办 is not 街道办公室)
PARTY_PREFIX_ALIASES: dict[str, str] = {"办": "办公室"}


# ---------------------------------------------------------------- splitting names


def _depths(s: str) -> list[int]:
    """Bracket depth before each character (<…>, (…), （…）, 〈…〉 all count)."""
    depths, depth = [], 0
    for ch in s:
        depths.append(depth)
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS and depth > 0:
            depth -= 1
    return depths


def _split_top(s: str) -> list[str]:
    """Split on list separators and whitespace runs outside brackets."""
    parts, buf = [], []
    for ch, depth in zip(s, _depths(s), strict=True):
        if depth == 0 and (ch in LIST_SEPARATORS or ch.isspace()):
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    parts.append("".join(buf))
    return parts


def _balanced(s: str) -> bool:
    depth = 0
    for ch in s:
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _clean_name(name: str) -> str:
    """Trim punctuation, wrapping phrases (按职责分工分别负责) and 等/等部门; drop stray brackets."""
    prev = None
    while prev != name:
        prev = name
        name = name.strip().strip("。.,，;；:：、")
        name = TRAILING_PHRASE_RE.sub("", name)
        name = TRAILING_ETC_RE.sub("", name)
        if name and name[-1] in CLOSERS and not _balanced(name):
            name = name[:-1]
        if name and name[0] in OPENERS and not _balanced(name):
            name = name[1:]
    return name


_BARE_WORDS = {"单位", "部门", "机构", "企业", "组织", "机关", "处室", "科室"}


def _split_conjunction(name: str) -> list[str]:
    """Split "A及B" / "A和B" into [A, B] only when every side looks like a unit name."""
    parts = [_clean_name(p) for p in CONJUNCTION_RE.split(name)]
    # "各相关部门和单位": a bare 单位/部门 names nobody, the whole is one group
    if len(parts) > 1 and all(looks_like_unit(p) and p not in _BARE_WORDS for p in parts):
        return parts
    return [name]


# "各区、县级市政府" / "各乡、镇人民政府": a bare "each <level>" shares the government word of the
# level named after it, so the pair is one group name (each district and each county-level city)
BARE_EACH_LEVEL_RE = re.compile(
    r"^(?:各(?:有关|相关)?|有关|相关)(?:区|县|市|镇|乡|县区|区县|县市|市县)(?:、(?:区|县|市|镇|乡|县级市|特区))*$"
)  # "各区" / "各县、市": each of the levels, the name's end to come ("、区政府")
LEVEL_GOVERNMENT_RE = re.compile(
    r"^(?:县级市|县区|区县|县|区|市|镇|乡|街道|街)(?:(?:人民)?(?:政府|党委|党委政府|管委会))?$"
)  # a bare level too: "各区、县级市" is each district and each county-level city


def _join_shared_suffix(names: list[str], separators: list[str]) -> list[str]:
    out: list[str] = []
    for i, name in enumerate(names):
        if (
            out
            # (the last of a conjunction too: "有关部门及各县" / "市" / "区政府")
            and BARE_EACH_LEVEL_RE.match(re.split(r"及|和", out[-1])[-1])
            and LEVEL_GOVERNMENT_RE.match(name)
            and separators[i - 1] == "、"
        ):
            *before, each = re.split(r"(?:及|和)(?=各|有关|相关)", out[-1])
            out[-1:] = [*([x for x in before if x]), each + "、" + name]
        else:
            out.append(name)
    return out


def _cut_label(name: str) -> bool:
    """The start of a role label ("责任单", "配合单位") left where a copy was cut."""
    return len(name) >= 2 and any(label.startswith(name) and label != name for label in ROLE_LABELS)


def split_unit_names(s: str) -> list[str]:
    """Split a list of unit names ("A、B,各乡镇<街道办>") into clean names, in order, deduped."""
    s = HTML_TAG_RE.sub(" ", s)
    raws = _split_top(s)
    # the separator after each raw part (to join "各区、县级市政府" only across "、")
    seps, pos = [], 0
    for raw in raws:
        pos += len(raw)
        seps.append(s[pos] if pos < len(s) else "")
        pos += 1
    cleaned = [_clean_name(raw) for raw in raws]
    for k in range(1, len(cleaned)):  # "市民政局 王某某": a unit and the person heading it
        if seps[k - 1].isspace() and _person_name(cleaned[k]) and looks_like_unit(cleaned[k - 1]):
            cleaned[k] = ""
    kept = [(c, sep) for c, sep in zip(cleaned, seps, strict=True) if c]
    joined = _join_shared_suffix([c for c, _ in kept], [sep for _, sep in kept])
    names: list[str] = []
    for raw in joined:
        if raw.startswith("以下"):
            continue  # "以下分工均含各区人民政府": a note on the tasks below, no name
        if _cut_label(raw):
            continue  # "…;责任单" where a copy was cut: the next label's start, no name
        for name in _split_conjunction(raw) if "、" not in raw else [raw]:
            if name and name not in names:
                names.append(name)
    return names


# the commonest surnames: a two- or three-character word opening on one, no unit word in it, is
# a person's name (a table's 牵头单位及主要负责人 cell: "市民政局 王某某")
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤伍"
)


def _person_name(name: str) -> bool:
    return (
        2 <= len(name) <= 3
        and name[0] in _SURNAMES
        and bool(re.fullmatch(r"[\u4e00-\u9fff]+", name))
        and not looks_like_unit(name)
    )


def _bare(name: str) -> str:
    """The name without bracketed parts: "各乡镇<街道办>" -> "各乡镇"."""
    return re.sub(r"[<(（〈〔][^<>()（）〈〉〔〕]*[>)）〉〕]", "", canonical_key(name))


_SUBJECT_OF_SENTENCE_RE = re.compile(r"(?<=[府局委办门位院厅所队站心])(?:要|应当|须|必须|需要)")


def looks_like_unit(name: str) -> bool:
    """A short name ending with a unit word (局, 办, 委, 部门…) or a group name (各镇街)."""
    if not name or not _balanced(name) or any(ch in PROSE_CHARS for ch in name):
        return False
    parts = name.split("、")
    if len(parts) >= 2 and _join_shared_suffix(parts, ["、"] * (len(parts) - 1) + [""]) == [name]:
        return True  # "各区、县级市政府", "各县、市、区政府"
    outer = re.sub(
        r"[(（〔〈<][^()（）〔〕〈〉<>]*[)）〕〉>]", "", name
    )  # "各县(市、区)政府", "各县〈市、区〉政府": the 、 is inside
    if any(ch in LIST_SEPARATORS or ch.isspace() for ch in outer):
        return False
    if _SUBJECT_OF_SENTENCE_RE.search(outer):
        return False  # "各县(市、区)政府要建立健全公众…": a sentence's subject and its verb
    bare = _bare(name)
    if not 2 <= len(bare) <= 30:
        return False
    if _OPENS_ON_VERB_RE.match(bare):
        return False  # "共建湖北省乒乓球学校": a task that ends on a body, no body
    return is_group(bare) or bool(UNIT_SUFFIX_RE.search(bare))


def unit_names(text: str) -> list[str]:
    """The names of a list when every one reads as a body ("A、B和C"), else []."""
    names = split_unit_names(text)
    return names if names and all(looks_like_unit(n) for n in names) else []


# verbs a task opens on and no body's name does (建设局, 组织部 and 发展改革委 do open so)
_OPENS_ON_VERB_RE = re.compile(
    r"(?:共建|成立|新建|推进|开展|实施|制定|编制|完成|加强|加快|提升|推动|落实|举办|修订|出台|打造|创建"
    r"|不包括|包括|不含|除)"  # "(不包括非本市安全评价机构)": a scope's aside, no body
)


# ---------------------------------------------------------------- attribution lines


def _top_level(matches: Iterable[re.Match[str]], s: str) -> list[re.Match[str]]:
    depths = _depths(s)
    return [m for m in matches if depths[m.start()] == 0]


def _labelled_roles(s: str) -> Roles | None:
    """Roles of a text that starts with a label: "牵头单位:A;责任单位:B,配合单位:C"; a leading
    person ("牵头领导:李某,牵头单位:…") is passed over, and a label of no role
    ("…,数据提供单位:市统计局") ends the list before it."""
    lead_in = _LEADING_PERSON_RE.match(s)
    if lead_in and LABEL_RE.match(s, lead_in.end()):
        s = s[lead_in.end() :]
    if not LABEL_RE.match(s):
        return None
    labels = _top_level(LABEL_RE.finditer(s), s)
    stops = [m.start() for m in _top_level(STOP_LABEL_RE.finditer(s), s)]
    role_starts = {m.start() for m in labels}
    stops += [
        m.start()
        for m in _top_level(_ANY_LABEL_RE.finditer(s), s)
        if m.start() not in role_starts and not any(r.start() < m.start() < r.end() for r in labels)
    ]
    roles: Roles = []
    for i, m in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(s)
        end = min([end, *(p for p in stops if p >= m.end())])
        segment = s[m.end() : end]
        if m["person"]:  # each name without the official after it
            segment = re.sub(r"[^、,，;；]+", lambda x: _without_official(x.group(0)), segment)
        roles.extend(_segment_roles(label_role(m.group(1)), segment))
    return roles


def _without_official(name: str) -> str:
    """A body without the official named right after it ("省劳动和社会保障厅秦玉德")."""
    name = name.strip()
    for k in (3, 2):
        body, person = name[:-k], name[-k:]
        if _person_name(person) and looks_like_unit(body):
            return body
    return name


def _segment_roles(role: str, segment: str) -> Roles:
    """The names after one label; verb clauses inside take their own role ("责任单位:A牵头,B、C"
    -> A leads, B and C are responsible; "责任单位:A、B分别牵头" -> both lead)."""
    segment = _SAME_BELOW_RE.sub("", segment.strip())
    named: Roles = []
    pieces = re.split(r"[,，;；]", segment)
    while len(pieces) > 1 and (m := _NAMED_ROLE_RE.match(pieces[-1].strip())):
        names = split_unit_names(m.group(1))
        if not any(looks_like_unit(n) for n in names):
            break  # "其中列第一位为牵头单位": a rule about the list, not names
        named.insert(0, (_ROLE_WORDS[m.group(2)], names))
        pieces.pop()
    if named:
        return _segment_roles(role, "，".join(pieces)) + named
    found, end = _verb_clauses(segment.strip())
    if not found:
        return [(role, split_unit_names(segment))]
    rest = split_unit_names(segment.strip()[end:])
    return found + ([(role, rest)] if rest else [])


def parse_role_line(line: str) -> Roles | None:
    """A line that is only an attribution ("牵头单位:政府办、司法局", "由乡三农服务中心承办,乡畜牧站、
    卫生院配合。"); None for other lines."""
    text = line.strip()
    labelled = _labelled_roles(text)
    if labelled is None and (division := _DIVISION_LABEL_RE.match(text)):
        text = text[division.end() :]  # "部门分工:省发展改革委牵头,各地、各部门配合。"
        labelled = _labelled_roles(text)
    elif labelled is None and not text.startswith("由"):
        return None
    if labelled is not None:
        return starred_leads(labelled)
    roles, end = _verb_clauses(text.rstrip("。;； "))
    if roles and end >= len(text.rstrip("。;； ")):
        return roles
    return _division_subjects(text) if division else None


# a clause of a division line opening on its body and the body's part ("区规划局负责开展规划编制
# 工作", "所在乡镇人民政府组织实施", "区直有关责任部门配合"): the body, whatever work follows
_SUBJECT_PART_RE = re.compile(
    r"^由?(?P<unit>[^,，。;；:：()（）]{2,24}?)"
    r"(?P<verb>牵头|具体负责|负责|组织实施|具体实施|实施|全力配合|协同配合|配合|协助)"
)


def _division_subjects(text: str) -> Roles | None:
    """The bodies a labelled division of work in prose opens its clauses on (责任分工:X负责开展…,
    Y组织实施,Z配合): X and Y responsible (a lead only by 牵头), Z cooperating."""
    roles: Roles = []
    for clause in re.split(r"[,，;；。]", text):
        m = _SUBJECT_PART_RE.match(clause.strip())
        if not m or not looks_like_unit(m["unit"]):
            continue
        role = (
            "lead"
            if m["verb"] == "牵头"
            else "cooperating"
            if m["verb"].endswith(("配合", "协助"))
            else "responsible"
        )
        if roles and roles[-1][0] == role:
            roles[-1][1].append(m["unit"])
        else:
            roles.append((role, [m["unit"]]))
    return roles or None


# a line dividing the work among units by verbs: "部门分工:X牵头,Y配合。", "责任分工:…"
_DIVISION_LABEL_RE = re.compile(r"^(?:部门|责任|任务|职责|工作|单位)?分工\s*[:：]\s*")
# the leader in charge of a task however named (a person, not a unit): 分管省领导, 市政府分管领导,
# 牵头省领导同志 — a table's column of notes, or a line under a task
LEADER_NAME = (
    r"(?:(?:省|市|区|县|州|盟|旗)(?:政府|委)?)?(?:分管|牵头|联系|责任|包抓)"
    r"(?:省|市|区|县|州|盟|旗|镇|乡)?(?:政府)?领导(?:同志)?"
)
LEADER_LINE_RE = re.compile(rf"^{LEADER_NAME}\s*[:：]\s*[^,，。;；]{{0,30}}$")


# ---------------------------------------------------------------- inline attributions


_WORK_BY_RE = re.compile(r"^(?:(?:此项|该项|本项|这项|上述|以上)(?:各项)?(?:工作|任务|措施)?)?由")


def _verb_names(text: str) -> list[str] | None:
    """The names before a verb (牵头/负责/配合) when every one of them looks like a unit."""
    t = text.strip(CLAUSE_SEPARATORS)
    t = _WORK_BY_RE.sub("", t)  # "由X牵头", "此项工作由X牵头负责": the names after 由
    if "由" in t:
        return None  # "…分类推进由区机管局落实": a sentence's subject, not a list of names
    if not t or any(ch in PROSE_CHARS for ch in t) or not _balanced(t):
        return None
    names = split_unit_names(t)
    if names and not all(looks_like_unit(n) for n in names):
        names = _fields_of_kind(t) or names
    if not names or not all(looks_like_unit(n) for n in names):
        return None
    return names


_FIELDS_RE = re.compile(r"(?P<fields>[\u4e00-\u9fff、]{2,60}?)等(?P<kind>部门|单位|机构)")


def _fields_of_kind(text: str) -> list[str] | None:
    """ "工信、发展改革等部门": fields of work sharing the kind of body named after 等 ->
    工信部门, 发展改革部门."""
    m = _FIELDS_RE.fullmatch(text)
    if not m:
        return None
    fields = [f for f in m["fields"].split("、") if f]
    if not fields or any(len(f) > 8 for f in fields):
        return None
    return [f if looks_like_unit(f) else f + m["kind"] for f in fields]


def _verb_clauses(s: str, pos: int = 0) -> tuple[Roles, int]:
    """Clauses "X牵头, Y配合" from pos; returns the roles and where the last good clause ends."""
    roles: Roles = []
    verbs: list[str] = []
    while pos < len(s):
        m = VERB_RE.search(s, pos)
        if not m:
            break
        if m.end() < len(s) and s[m.end()] not in CLAUSE_SEPARATORS:
            # "县司法局牵头各行政机关负责": a lead clause run into the next one, no separator
            if not (
                VERB_ROLES[m.group("verb")] == "lead"
                and len(s) - m.end() <= _RUN_ON_ROLES_MAX  # (an attribution's length, no more)
                and _clauses_to_end(s, m.end())
            ):
                break
        names = _verb_names(s[pos : m.start()])
        if names is None:
            break
        roles.append((VERB_ROLES[m.group("verb")], names))
        verbs.append(m.group("verb"))
        pos = m.end()
        while pos < len(s) and s[pos] in CLAUSE_SEPARATORS:
            pos += 1
    if any(r == "cooperating" for r, _ in roles):  # "由A承办,B、C协办": A is the one in the lead
        roles = [
            ("lead" if v in _MAIN_VERBS else r, names)
            for (r, names), v in zip(roles, verbs, strict=True)
        ]
    return roles, pos


_MAIN_VERBS = ("承办", "主办")


_RUN_ON_ROLES_MAX = 200


@lru_cache(maxsize=4096)
def _clauses_to_end(s: str, pos: int) -> bool:
    """Whether s from pos is verb clauses to its end (each position read once: a run of clauses
    with no separators would otherwise be read again from every one of them)."""
    return _verb_clauses(s, pos)[1] >= len(s)


def _paren_groups(s: str) -> list[tuple[int, int]]:
    """Spans of top-level (…) groups; a group still open at the end runs to the end."""
    spans, start, depth = [], -1, 0
    for i, ch in enumerate(s):
        if ch in "(（":
            if depth == 0:
                start = i
            depth += 1
        elif ch in ")）" and depth > 0:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    if depth > 0:
        spans.append((start, len(s)))
    return spans


# what may come before an attribution in the same parenthesis: a deadline ("5月底完成,牵头…")
LEADING_DEADLINE_RE = re.compile(
    r"^[^,;:()]{0,16}(?:完成|底前|月前|日前|年内|年底|长期|持续|每年|每季度)[^,;:()]{0,6}[,;]\s*"
    # "(完成时限:持续推进。责任部门:…)": a labelled deadline first
    r"|^(?:完成时限|完成时间|时间节点|时限要求|时限)\s*:\s*[^,;:。()]{1,24}[,;。]\s*"
)


TRAILING_DEADLINE_RE = re.compile(
    r"[,;，；]\s*((?:(?:19|20)\d{2}年)?[^,;:()，；：]{0,8}(?:底前|月前|日前|底|年内)(?:完成|前完成)?"
    + r"|"
    + ONGOING_CLAUSE  # "(X负责,持续推进)": work going on
    + r"|(?:19|20)\d{2}年(?:[上下]半年|年底|底|内|第?[一二三四]季度)?前?完成)\s*$"  # "2005年完成"
)


def _group_roles(content: str, cut: bool = False) -> tuple[Roles, str] | None:
    """Roles of a parenthesis holding an attribution, labelled or with verbs, and the deadline
    written before it in the same parenthesis ("5月底完成,牵头考核单位:X"), which stays."""
    c = _LEADING_OFFICIALS_RE.sub("", content.strip())  # "分管副省长、协管副秘书长负责,": people
    kept = ""
    lead_in = LEADING_DEADLINE_RE.match(c)
    if lead_in and (LABEL_RE.match(c, lead_in.end()) or VERB_RE.search(c, lead_in.end())):
        kept, c = c[: lead_in.end()].rstrip(",;。 "), c[lead_in.end() :]
    elif (tail := TRAILING_DEADLINE_RE.search(c)) and (
        LABEL_RE.match(c) or VERB_RE.search(c, 0, tail.start())
    ):  # "(牵头单位:X;责任单位:Y,6月底完成)": the deadline after the roles stays too
        kept, c = tail.group(1), c[: tail.start()]
    together = _TOGETHER_RE.fullmatch(c)  # "(X会同Y办理)": X leads, Y takes part
    if together:
        leads, others = split_unit_names(together["lead"]), split_unit_names(together["with"])
        if leads and others and all(looks_like_unit(n) for n in leads):
            # (partners written loosely, "有关部门及各县、市、区政府": those that read as units)
            partners = [n for n in others if looks_like_unit(n)]
            return [("lead", leads), *([("cooperating", partners)] if partners else [])], kept
    # the whole, else the part before a note: "(X牵头,Y负责。以下均需Y落实,…)",
    # "(X牵头,Y按职责分工负责,以下各项工作均需要Y负责,不再单独列出)"
    note = _TRAILING_NOTE_RE.search(c)
    heads = [c, c.partition("。")[0], c[: note.start()] if note else ""]
    # the roles, then the steps of the work: "(市科技局牵头起草;8月底前提交草案送审稿)",
    # "(市文广旅游局牵头起草,9月20日前调研报告…提交市司法局)"
    heads += [c.partition(";")[0], c.partition(",")[0]]
    if _NOTE_AFTER_STOP_RE.search(c.partition("。")[2]):
        heads = [heads[1], *heads]  # "(…,配合单位:Y。以下均需Y负责,不再列出。)": the note apart
    elif below := _BELOW_NOTE_RE.search(c):  # "(责任单位:X,Y负责,以下各任务均需Y落实,不再列出)"
        heads = [c[: below.start()], *heads]
    for k, head in enumerate(heads):
        if not head or (k and head == c):
            continue
        # (the steps after the roles stay in the text, their dates the task's deadline)
        rest = c[len(head) + 1 :].strip() if c[len(head) : len(head) + 1] in (";", ",") else ""
        rest = rest if re.search(r"\d{1,2}\s*月|季度|年底|年内|半年", rest) else ""
        stays = ",".join(x for x in (kept, rest) if x)
        roles = _labelled_roles(head)
        if roles is not None:
            return _hosted(roles, head), stays
        named = _named_roles(head)  # "(A、B为主要责任单位,按照各自职能组织…实施)"
        if named:
            return named, stays
        found, end = _verb_clauses(head)
        if found and (end == len(head) or cut):  # a bracket the copy cut: the clauses read
            return _hosted(found, head), stays
    return None


def _named_roles(text: str) -> Roles:
    """Clauses naming bodies and then their role ("A、B为主要责任单位", "X为牵头单位,Y为配合单位"),
    read until a clause that is no such naming; [] when the first is none."""
    roles: Roles = []
    for clause in re.split(r"[,，;；]", text):
        m = _NAMED_ROLE_RE.match(clause.strip())
        names = split_unit_names(m.group(1)) if m else []
        if not names or not all(looks_like_unit(n) and "为" not in n for n in names):
            break
        roles.append((_ROLE_WORDS[m.group(2)], names))
    return roles


def _hosted(roles: Roles, text: str) -> Roles:
    """主办 beside 协办/会办 ("主办单位:A;协办单位:B", "A主办,B协办"): the host leads the
    others; a 主办 alone carries the work out (responsible)."""
    if "主办" not in text or not re.search(r"协办|会办", text):
        return roles
    if any(role == "lead" for role, _ in roles):
        return roles
    out: Roles = []
    done = False
    for role, names in roles:
        if role == "responsible" and not done:
            out.append(("lead", names))
            done = True
        else:
            out.append((role, names))
    return out


# officials in charge opening an attribution, before its units: "(分管副省长、协管副秘书长负责,
# 省发改委牵头,…)" — people named by their posts, no unit
_OFFICIAL = r"[^,;，；()（）、]{0,12}(?:省长|市长|县长|区长|州长|旗长|秘书长|书记|主任)"
_LEADING_OFFICIALS_RE = re.compile(
    rf"^{_OFFICIAL}(?:[、和]{_OFFICIAL})*(?:负责|牵头|分管|领衔|督办)?[,;，；]\s*(?=\S)"
)
_TOGETHER_RE = re.compile(
    r"(?P<lead>[^,，;；()（）]{2,60}?)会同(?P<with>[^;；()（）]{2,60}?)"
    r"(?:(?:共同)?(?:办理|负责|落实|实施|组织实施|承办|推进))?"  # "(X会同Y、Z)": no verb needed
)
_NOTE_AFTER_STOP_RE = re.compile(r"以下|不再|下同|其余|属地")
_TRAILING_NOTE_RE = re.compile(r"[,，;；]\s*(?:以下|不再|下同|其余|其中)")
_BELOW_NOTE_RE = re.compile(r"[,，;；]\s*(?:以下|不再)")  # a note on the tasks below, no role


_NOT_A_NAME_RE = re.compile(r"[\d至向于的将把对从]|简称|以下|含")


def _bare_names(content: str) -> tuple[Roles, str] | None:
    """A parenthesis closing a task that holds only unit names, no role word ("(市公安局、市应急局、
    各区政府)"): the units that carry it out, responsible. Not a single group name ("(各区)"
    may be a scope) nor a name standing for an abbreviation."""
    names = _verb_names(content)
    if not names:  # "(X、Y,各县市、区政府。以下均需…落实,不再列出)": the names before the note
        note = _TRAILING_NOTE_RE.search(content)
        stop = content.find("。")
        if stop > 0 and _NOTE_AFTER_STOP_RE.search(content[stop:]):
            names = _verb_names(content[:stop])
        elif note:
            names = _verb_names(content[: note.start()])
    if not names or (len(names) == 1 and is_group(names[0])):
        return None
    if any(len(n) > 20 or _NOT_A_NAME_RE.search(n) for n in names):
        return None  # "(方案报至某区行政中心611室)": a place, not units
    return [("responsible", names)], ""


def _trailing_label(s: str, after: int) -> tuple[int, Roles] | None:
    """An unparenthesised "责任单位:X,配合单位:Y" that runs to the end of the text."""
    depths = _depths(s)
    for m in LABEL_RE.finditer(s, after):
        i = m.start()
        if depths[i] or (i > 0 and s[i - 1] not in "。;!? \t,，"):
            continue  # ("《宪法》,责任部门:法规处牵头,…配合。": after a comma too)
        if "。" in s[i:].rstrip("。 \t"):
            continue
        roles = _labelled_roles(s[i:])
        if roles:
            return i, roles
    return None


def _join(left: str, right: str) -> str:
    """Join text around a removed span without doubled punctuation ("…。(X负责);…" -> "…。…")."""
    strong, weak = "。!?", ",;、:"
    lt, rt = left.rstrip(), right.lstrip()
    if not lt:
        return rt.lstrip(strong + weak + " \t")
    if rt and rt[0] in strong + weak and lt[-1] in strong + weak:
        if lt[-1] in weak and rt[0] in strong:
            return lt[:-1] + rt
        return lt + rt[1:].lstrip()
    space = " " if (lt != left or rt != right) and rt and rt[0] not in strong + weak else ""
    return lt + space + rt


def _trailing_verbs(text: str, after: int) -> tuple[int, Roles] | None:
    """A last sentence made only of verb clauses: "…。县司法局牵头,各部门配合。" / "…。由X负责。"."""
    body = text.rstrip("。;；. ")
    start = max(body.rfind("。"), body.rfind("；"), body.rfind(";")) + 1
    if start <= max(after, 0) or start >= len(body):
        return None
    roles, end = _verb_clauses(body, start)
    return (start, roles) if roles and end >= len(body) else None


def extract_inline_units(text: str) -> tuple[str, Roles]:
    """Attributions inside task prose, removed from the text: (text without them, roles in order).

    Forms: "(责任单位:X,配合单位:Y)", "(X牵头,Y配合)", "(X负责)", a trailing "…。责任单位:X",
    and leading verb clauses of table cells ("X牵头, Y按职责分工分别负责。").
    """
    spans: list[tuple[int, int, Roles]] = []
    kept: dict[int, str] = {}  # span start -> text that stays in its place (a deadline)
    roles, start_end = _verb_clauses(text)
    if roles:
        spans.append((0, start_end, roles))
    for a, b in _paren_groups(text):
        if a < start_end:
            continue
        closed = text[b - 1] in ")）"
        inner = text[a + 1 : b - 1] if closed else text[a + 1 : b]
        found = _group_roles(inner, cut=not closed and b == len(text))
        before = text[:a].rstrip()
        if (
            found is None
            and not text[b:].strip(" 。;；.\t")
            and before
            and (before[-1] in "。;；,，" or not UNIT_SUFFIX_RE.search(before))
        ):  # closing the task, not naming a part of the unit before it ("市交通委(计划财务处)")
            found = _bare_names(inner)
        if found is not None:
            spans.append((a, b, found[0]))
            if found[1]:
                kept[a] = f"({found[1]})"
    tail = _trailing_label(text, spans[-1][1] if spans else start_end)
    if tail is None:
        tail = _trailing_verbs(text, spans[-1][1] if spans else start_end)
    if tail is not None:
        spans.append((tail[0], len(text), tail[1]))
    pieces, pos = [], 0
    for a, b, _ in spans:
        pieces.append(text[pos:a] + kept.get(a, ""))
        pos = b
    pieces.append(text[pos:])
    out = pieces[0]
    for piece in pieces[1:]:
        out = _join(out, piece)
    if spans and spans[-1][1] == len(text):
        out = out.rstrip(" \t,;、:")
    roles = [r for _, _, found in spans for r in found]
    if not roles:  # "…,由区交通委牵头,区发改委、区水务局配合。…" inside the text: read, kept
        roles = _led_by(text)
    return out.strip(), starred_leads(roles)


STAR_MARKS = "☆★※▲"


def starred_leads(roles: Roles) -> Roles:
    """A list marking its lead with a star ("责任单位:☆经信局、科技局", a note "标☆的为牵头单位"),
    or with the triangle breakdowns of a 政府工作报告 put before it ("▲发改局,各部门"): the
    marked names lead, the others keep their role."""
    stars = [n.lstrip(STAR_MARKS) for _, names in roles for n in names if n[:1] in STAR_MARKS]
    if not stars:
        return roles
    out: Roles = [("lead", stars)]
    for role, names in roles:
        rest = [n for n in names if n[:1] not in STAR_MARKS]
        if rest:
            out.append((role, rest))
    return out


# "由X牵头(,Y配合)" as a clause inside a task's text
_LED_BY_RE = re.compile(
    r"(?:^|(?<=[。;,:]))\s*由(?P<lead>[^,。;:()]{2,60}?)(?:牵头负责|牵头组织实施|牵头组织|牵头)"
    r"(?:\s*,\s*(?P<others>[^,。;:()]{2,120}?)(?P<verb>按职责分工负责|配合|参与|协助|协同|负责))?"
    r"(?=[,。;]|$)"
)


# "由杨某副市长负责,市发改委牵头,相关部门配合,…": the leader in charge, then the units
_LEADER_THEN_LEAD_RE = re.compile(
    r"(?:^|(?<=[。;]))\s*由[^,。;:()]{2,16}?(?:副?(?:省|市|区|县|州|旗)长|秘书长|主任|书记|领导)负责"
    r"\s*,\s*(?P<lead>[^,。;:()]{2,60}?)(?:牵头负责|牵头)"
    r"(?:\s*,\s*(?P<others>[^,。;:()]{2,120}?)(?P<verb>按职责分工负责|配合|参与|协助|协同|负责))?"
    r"(?=[,。;]|$)"
)


# "由市应急管理局负责起草,市司法局审查…": the body drafting a 立法计划's project
_DRAFTED_BY_RE = re.compile(
    r"(?:^|(?<=[。;,:]))\s*(?:该项目)?由(?P<lead>[^,。;:()]{2,40}?)(?P<verb>牵头起草|负责起草|起草)"
    r"(?=[,。;]|$)"
)


# "…。以上工作各组团指挥部、所在地乡镇人民政府应积极配合,…": the bodies helping with the work
_ABOVE_HELP_RE = re.compile(
    r"(?:^|(?<=[。;]))\s*(?:以上|上述)(?:各项)?(?:工作|任务|措施)\s*,?"
    r"(?P<co>[^,。;:()]{2,60}?)(?:应当|应|要|须|需)?(?:积极|全力|主动|密切|大力)?(?:配合|协助|协同)"
)


def _led_by(text: str) -> Roles:
    """Roles stated by a clause "由X牵头,Y配合" inside a task's sentences (not at its end, where
    _trailing_verbs reads them), or after the leader in charge ("由某副市长负责,X牵头,Y配合");
    only names that read as units count."""
    for m in [*_LED_BY_RE.finditer(text), *_LEADER_THEN_LEAD_RE.finditer(text)]:
        lead = unit_names(m.group("lead"))
        if not lead:
            continue
        roles: Roles = [("lead", lead)]
        if m.group("others") and (others := unit_names(m.group("others"))):
            roles.append((VERB_ROLES[m.group("verb")], others))
        elif (help_ := _ABOVE_HELP_RE.search(text, m.end())) and (co := unit_names(help_["co"])):
            roles.append(("cooperating", co))
        return roles
    for m in _DRAFTED_BY_RE.finditer(text):
        if names := unit_names(m.group("lead")):
            return [(VERB_ROLES[m.group("verb")], names)]
    for m in _CHARGED_RE.finditer(text):  # "整改要求:由县环卫站负责清理…"
        if names := unit_names(m.group("unit")):
            return [("responsible", names)]
    for m in _MADE_OF_RE.finditer(text):  # "成员由A、B和C的工作人员组成,负责…"
        if names := unit_names(m.group("units")):
            return [("responsible", names)]
    return []


# a working group made of the staff of bodies, which carries the work out: "成员由派出所、消防办和
# 综治办的工作人员及各村成员组成,负责对…进行排查整治"
_MADE_OF_RE = re.compile(
    r"(?:(?:^|(?<=[。;,:]))\s*(?:小组|工作组|专班)?(?:成员)?|成员)由(?P<units>[^,。;:()由]{2,80}?)(?:的|等)?"
    r"(?:有关|相关)?(?:工作)?人员(?:及[^,。;:]{0,30})?组成\s*,\s*(?:具体)?负责"
)


# "整改要求:由X负责…" after a field's label: X carries the work out (in running prose a
# "由X负责" tells too little: a plan naming no units keeps its level)
_CHARGED_RE = re.compile(
    r"(?<=要求[:：])\s*由(?:包片单位)?(?P<unit>[^,。;:()由]{2,60}?)(?:具体)?负责(?![人的])"
)


# ---------------------------------------------------------------- registry


def canonical_key(name: str) -> str:
    """Matching key: no spaces, brackets unified to (), trailing 等 dropped."""
    key = re.sub(r"\s+", "", name)
    key = key.translate(str.maketrans("<〈（>〉）", "((()))"))
    return re.sub(r"等+$", "", key)


def is_group(name: str) -> bool:
    """A name standing for many units: 各镇街, 政府各部门, 市直相关部门, 各县区人民政府…"""
    key = canonical_key(name)
    return any(p.search(key) for p in GROUP_PATTERNS)


def _split_level(key: str) -> tuple[str, str]:
    """("区委", "编办") for "区委编办", ("县(区)", "司法局"), ("", "司法局")."""
    m = LEVEL_RE.match(key)
    if not m:
        return "", key
    return m.group(0), key[m.end() :]


def unit_level(name: str) -> str | None:
    """Level prefix of a name: 省/自治区/市/区/县/镇/乡/街道, or None ("司法局")."""
    m = LEVEL_RE.match(canonical_key(name))
    return m.group(1) if m else None


def _builtin_form(key: str) -> tuple[str, bool]:
    """The level prefix kept, the rest through BUILTIN_ALIASES; whether an alias applied."""
    prefix, rest = _split_level(key)
    if prefix.endswith("委") and rest in PARTY_PREFIX_ALIASES:
        return prefix + PARTY_PREFIX_ALIASES[rest], True
    if rest in BUILTIN_ALIASES:
        return prefix + BUILTIN_ALIASES[rest], True
    return key, False


def levels_conflict(a: str | None, b: str | None) -> bool:
    """Two names carry different level prefixes (市司法局 vs 区司法局)."""
    return a is not None and b is not None and a != b


def _registry_hit(registry: dict[str, str], key: str, level: str | None) -> str | None:
    hit = registry.get(key)
    if hit is None and key in registry.values():
        hit = key
    if hit is not None and level is not None and unit_level(hit) != level:
        return None  # 市司法局 never becomes 区司法局
    return hit


def resolve(name: str, registry: dict[str, str]) -> tuple[str, bool]:
    """(canonical name, known) through the registry (alias key -> name) and BUILTIN_ALIASES.

    The level prefix is kept and must match. Unknown names come back trimmed, with False.
    """
    trimmed = name.strip()
    key = canonical_key(trimmed)
    if not key:
        return trimmed, False
    level = unit_level(key)
    for k in (trimmed, key):
        target = registry.get(k)
        # an explicit alias (e.g. from a merge) is trusted, unless it crosses levels (市 -> 区)
        if target is not None and not levels_conflict(level, unit_level(target)):
            return target, True
    form, aliased = _builtin_form(key)
    for k in dict.fromkeys((key, form)):
        hit = _registry_hit(registry, k, level)
        if hit is not None:
            return hit, True
    return (form, True) if aliased else (trimmed, False)


def build_registry(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """A registry from (alias as written, canonical name) pairs, keyed by canonical_key."""
    registry: dict[str, str] = {}
    for alias, canonical in pairs:
        registry[canonical_key(alias)] = canonical
        registry.setdefault(canonical_key(canonical), canonical)
    return registry
