"""Plan prose -> actions and tasks (行动、任务) with units, deadlines and targets.

The task level is chosen by what carries attributions (牵头/责任/配合单位), not by a fixed numbering
style: in one plan tasks are "1." under "(一)" actions, in another "(一)" under "一、" sections.
Items deeper than the task level are part of the task's text, except the numbered lines after a
"效果指标:" label, which are the section's targets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

from loaders.numbering import ORDINAL_CLAUSE
from loaders.plans.deadlines import find_deadline_in_text, parse_deadline
from loaders.plans.outline import (
    BULLET_RE,
    LABEL_RE,
    MEASURE_WORDS,
    Marker,
    first_clause,
    is_complete,
    match_marker,
    starts_paragraph,
)
from loaders.plans.targets import extract_targets
from loaders.plans.units import (
    LEADER_LINE_RE,
    extract_inline_units,
    looks_like_unit,
    parse_role_line,
    split_unit_names,
    unit_names,
)

# GB/T 9704 order of numbering levels in official documents: 一、 > (一) > 1. > (1) > ①
STYLE_RANK = {"cn_comma": 0, "cn_paren": 1, "article": 2, "arabic": 3, "ar_paren": 4, "circled": 5}
DEADLINE_LINE_RE = re.compile(
    r"^(?:完成时限|时间节点|完成时间|时限要求|办结时限|时限"
    r"|(?:报送|提交|提请)(?:审议|议案|审查)?时间)\s*[:：]\s*(.+)$"  # a 立法计划: 报送审议时间
)
# a heading counting the items below it: "一、地方性法规草案拟定项目(1件)", "(二)预备项目(3件)"
_COUNTED_HEADING_RE = re.compile(r"[(（]\s*\d{1,3}\s*(?:件|项|个)\s*[)）]\s*。?$")
# a labelled deadline inside a task's text, often in its attribution's parentheses
INLINE_DEADLINE_RE = re.compile(
    r"(?:完成时限|时间节点|完成时间|时限要求|办结时限)\s*[:：]\s*([^)）;；。,，]{2,30})"
)
# a plan's principles (基本原则, 主要原则 …)
_PRINCIPLES = r"(?:基本|工作|主要|总体|实施|规划)原则"
NON_TASK_SECTION_RE = re.compile(
    r"(总体要求|工作要求|保障措施|组织实施|组织领导|^附则$|(?:重大|重要|深远)意义$|^工作机制(?:$|。)|(?:组织|工作)保障(?![\u4e00-\u9fff])|指导思想|(?:工作|总体)思路|"
    + _PRINCIPLES
    + r"|"
    r"(?:治理|整治|检查|排查)(?:内容|范围|对象)|"
    r"(?:总体|工作|主要|预期|发展|规划|建设|创建|奋斗|行动)目标|目标要求|目标任务$|^(?:主要|核心|规划)指标$)"
)
# a 规划's look back and ahead ("一、发展现状及成效", "二、“十五五”发展要求及趋势挑战", "第一章 规划
# 背景"): its figures are results and its items no tasks
_BACKGROUND_PART_RE = re.compile(
    r"(?:“[^”]{2,6}”)?(?:发展|工作|规划)?(?:现状|基础|回顾|成效)(?:及|和|与)?(?:成效|问题|形势|挑战)?"
    r"|(?:“[^”]{2,6}”)?(?:面临的?)?(?:发展|规划)?(?:形势|要求|趋势|环境|背景)(?:及|和|与|、)?"
    r"(?:趋势|挑战|机遇|问题)?(?:及|和|与|、)?(?:趋势|挑战|机遇)?"
)
# a top-level part named for a look back or an analysis ("一、“十四五”规划执行情况", "二、“十四五”短板弱项
# 分析", "一、“十二五”期间消防发展情况和未来消防安全趋势"): a noun phrase ending so, not an action
_LOOK_BACK_PART_RE = re.compile(
    r"(?!(?:加强|加快|推进|推动|深化|强化|完善|健全|提升|提高|实施|开展|落实|建立|构建|打造|优化|坚持|全面|着力|"
    r"持续|大力|积极|扎实|切实|严格|规范|创新|做好|抓好|把握|研判|分析|关于))"
    r"(?![^，,。；;]*(?:任务|措施|举措|清单|目标|要求|思路|原则|行动|重点|工程|项目|安排|整改))"
    r"[^，,。；;]{2,30}(?:情况|回顾|分析|趋势|形势|预判)"
)
# a closing part of a plan named for its safeguards ("八、落实具体保障", "五、强化要素保障"): only at
# the top level; a task may well be titled so ("14.优化人才服务保障")
_SAFEGUARD_PART_RE = re.compile(r"^[\u4e00-\u9fff]{0,6}保障$")


def _non_task_head(head: Item) -> bool:
    """A heading whose section holds no tasks (总体要求, 保障措施, a top-level X保障 …)."""
    named = NON_TASK_SECTION_RE.search(head.text[:30])
    # (in its own name: "二、主要任务。将…目标要求贯穿于…", or its lead run on after its name
    # with no full stop, is named for its tasks)
    tasks_named = _TASKS_NAME_RE.match(head.text)
    if (
        named
        and not re.search(r"[。;；]", head.text[: named.start()])
        and not (tasks_named and named.start() >= tasks_named.end())
    ):
        return not _leading_action(head)
    if head.style == "cn_comma" and (
        _BACKGROUND_PART_RE.fullmatch(first_clause(head.text))
        or _LOOK_BACK_PART_RE.fullmatch(first_clause(head.text))
    ):
        return True
    return head.style == "cn_comma" and bool(_SAFEGUARD_PART_RE.match(first_clause(head.text)))


# a line heading what follows as true of all the work above it: "以上工作的领导及办事机构:",
# "以上任务责任单位:"
_ABOVE_WORK_RE = re.compile(r"^以上(?:各项)?(?:工作|任务|事项|措施)[^。,，;；]{0,16}[:：]$")
# a sentence giving the work above to its units: "以上工作由X牵头,Y配合。", "上述任务均由X负责。"
_ABOVE_BY_RE = re.compile(r"^(?:以上|上述)(?:各项|几项|\d+项)?(?:工作|任务|事项|措施)(?:均|都)?由")
# a short key line in such a block ("法制办主管领导:某某")
_KEY_LINE_RE = re.compile(r"^[\u4e00-\u9fff]{2,12}[:：][^。;；]{1,30}$")
# a section of dated stages ("实施步骤", "建设步骤", "时间安排"): its goals are the plan's
STAGES_RE = re.compile(r"步骤|阶段安排|时间安排|进度安排|时间节点")
STAGE_YEAR_RE = re.compile(r"(?:19|20)\d{2}(?=\s*年)")
# a part's name that opens on its tasks ("主要任务", "重点任务和措施")
_TASKS_NAME_RE = re.compile(r"(?:主要|重点|工作|具体|核心)(?:任务|措施|举措)")
# a heading line that announces the tasks below it ("二、主要创建任务", "二、推进措施")
TASKS_HEADING_RE = re.compile(r"^(?:“[^”]{1,6}”)?.{0,6}(?:任务|措施|举措)$")  # (“十四五”主要任务)
# a note that the first unit listed leads ("其中列第一位为牵头单位", "排在第一位的部门为牵头部门",
# "(除标注…外,列第一位为牵头或汇总单位,下同)"): it holds for every later attribution
FIRST_LEADS_RE = re.compile(
    r"(?:列|排|位|居)(?:在|于)?第一(?:位|个)?的?(?:部门|单位|者)?(?:为|是)(?:工作|主要)?牵头"
    r"|首位(?:的)?(?:部门|单位)?(?:为|是)牵头"  # "(首位单位为牵头单位,下同)"
    r"|第一(?:责任)?(?:单位|部门)(?:为|是)牵头"  # "(第一责任单位为牵头单位,下同)"
)
FIRST_LEADS_NOTE_RE = re.compile(
    r"\((?:(?:其中|除|注|说明)[^()]*(?:第一|首位)|首位|[列排]?第一)[^()]*牵头[^()]*\)"
    r"|[,;](?:其中)?[^,;()。]{0,12}(?:第一|首位)[^,;()。]*牵头[^,;()。]*(?:[,;]下同)?"
    r"|^(?:其中)?[^,;()。]{0,12}(?:第一|首位)[^,;()。]*牵头[^,;()。]*(?:[,;]下同)?[。;,]?"
)
LIST_OPEN = "、,，;；"  # a role line ending in one of these continues on the next line
ROLE_KEYS = {
    "lead": "lead_units",
    "responsible": "responsible_units",
    "cooperating": "cooperating_units",
}


# a paragraph ending on its attribution ("…工作。(责任单位:区委宣传部、区委党校)")
_ATTRIBUTED_END_RE = re.compile(r"[(（][^()（）]*(?:单位|部门|牵头|负责)[^()（）]*[)）][。.]?$")


@dataclass
class Item:
    """A numbered line of the outline with everything that belongs to it."""

    style: str
    number: str
    value: int
    parts: list[str]
    roles: list[tuple[str, list[str]]] = field(default_factory=list)
    deadline_text: str | None = None
    label: str | None = None  # the label (效果指标/目标/具体措施) in force when the item appeared
    closed: bool = False  # role or deadline lines seen: later prose is not task text
    first_leads: bool = False  # a note said the first unit listed leads (其中列第一位为牵头单位)
    carried: list[tuple[str, list[str]]] = field(default_factory=list)  # roles said "下同" above
    # "以下均需X落实" above: X is responsible too (cooperating: "以下均需X配合落实")
    also: list[tuple[str, str]] = field(default_factory=list)
    heading_alone: bool = False  # its first line is a heading standing alone above its body
    group: str | None = None  # an intermediate heading between action and task levels
    own_units: bool | None = None  # a task naming units before its sub-items (None: not asked)

    @property
    def text(self) -> str:
        if (
            self.heading_alone and len(self.parts) > 1
        ):  # "(一)全面实施…工程" / "结合…": two sentences
            return (self.parts[0].rstrip() + "。" + "".join(self.parts[1:])).strip()
        return "".join(self.parts).strip()


@dataclass
class Outline:
    items: list[Item]
    paragraphs: list[tuple[Item | None, str, str | None]]  # (enclosing item, text, label)
    target_places: tuple[list[Item], dict[int, list[str]]] | None = None  # _target_places


_LINK_RE = re.compile(
    r"https?://|www\.|^\s*\d{1,3}\s*\.\s*(?:docx?|pdf|xlsx?|wps|ofd|html?|jpe?g|png|zip|rar)\b",
    re.IGNORECASE,
)  # a link, or the end of a file name a wrapped link left at a line's start ("73.docx)")
_ATTACHMENT_LIST_RE = re.compile(
    r"^附件\s*[:：]\s*(?:1\s*[.、．]\s*[^。;；]{2,60})?$"
)  # "附件:1.X" too
_ATTACHMENT_ENTRY_RE = re.compile(r"^\d{1,2}\s*[.、．]\s*[^。;；]{2,60}$")


class _OutlineBuilder:
    """Feeds lines one by one into numbered items, labels and free paragraphs."""

    def __init__(self) -> None:
        self.items: list[Item] = []
        self.paragraphs: list[tuple[Item | None, str, str | None]] = []
        self.label: str | None = None
        self.label_floor: int | None = -1  # an item above this rank ends the label's list
        self.last_arabic: int | None = None
        self.open_names: list[str] | None = None  # a role list whose line ended with "、" or ","
        self.cut_name: bool | None = None  # …or on a name the line's end cut ("园区党工")
        self.first_leads = False  # a note "列第一位为牵头单位" was seen: holds from there on
        self.carried: list[tuple[str, list[str]]] = []  # an attribution "…,下同": holds on
        self.also: list[tuple[str, str]] = []  # "以下均需X落实": X in every later task
        # "以上工作的领导及办事机构:" over role lines: the items of the part above take them
        self.above: list[Item] | None = None
        self.attachments = False  # in a list of attachments' names after "附件:"

    @property
    def current(self) -> Item | None:
        return self.items[-1] if self.items else None

    def _is_structural(self, line: str) -> bool:
        return bool(
            match_marker(line, self.last_arabic)
            or parse_role_line(line)
            or starts_paragraph(line)
            or LABEL_RE.match(line)
            or DEADLINE_LINE_RE.match(line)
        )

    def feed(self, line: str) -> None:
        if not line or "\t" in line:
            return
        if _ATTACHMENT_LIST_RE.match(line) or (
            self.attachments and _ATTACHMENT_ENTRY_RE.match(line)
        ):
            # "附件:" then "1.某汇总表" "2.…": the names of attachments, not items nor task text
            self.attachments = True
            if self.current is not None:
                self.current.closed = True
            self.paragraphs.append((self.current, line, self.label))
            return
        self.attachments = False
        if "下同" in line:
            self.carried = same_below_roles(line) or self.carried
        if "以下" in line:
            self.also = all_below_units(line) or self.also
        if FIRST_LEADS_RE.search(line):
            self.first_leads = True
            line = FIRST_LEADS_NOTE_RE.sub("", line).strip()
            if self.current is not None:
                self.current.first_leads = True
            if not line:
                return
        current = self.current
        if self.open_names is not None and not self._is_structural(line):
            names = split_unit_names(line)
            if self.cut_name:  # "…、园区党工" / "委、各街道党工委": a name broken by the line's end
                whole = self.open_names[-1] + names[0] if names else ""
                if not looks_like_unit(whole):
                    self.open_names = self.cut_name = None
                    self.feed(line)
                    return
                self.open_names[-1], names = whole, names[1:]
                self.cut_name = None
            self.open_names.extend(names)  # a unit list wrapped onto this line
            self.open_names = self.open_names if line[-1] in LIST_OPEN else None
            return
        self.open_names = self.cut_name = None
        if current and not current.closed and current.parts and not is_complete(current.parts[-1]):
            if not self._is_structural(line):
                if len(current.parts) == 1 and _heading_line(current.parts[0], line):
                    current.heading_alone = True  # a heading on its own line, then its body
                current.parts.append(line)
                return
        # "3.docx | https://…": a link wrapped onto its own line is no numbered item
        marker = match_marker(line, self.last_arabic) if not _LINK_RE.search(line[:40]) else None
        if marker and current and self._wrapped_before(current, marker):
            current.parts.append(line)  # "…多测合" / "一、多证合一…": a line wrapped before "一、"
            return
        if marker:
            self.above = None
            self._add_item(marker)
        elif (
            _ABOVE_BY_RE.match(line)
            and current is not None
            and (roles := extract_inline_units(line)[1])
        ):
            # "以上工作由区司法局牵头,区政府办配合。": each item above naming no unit takes them
            for item in self._siblings(current):
                if not _carries_units(item):
                    item.roles.extend(roles)
        elif _ABOVE_WORK_RE.match(line) and current is not None:
            self.above = [it for it in self._siblings(current) if not _carries_units(it)]
        elif self.above is not None and (roles := parse_role_line(line)):
            for item in self.above:  # (each item naming no unit of its own)
                item.roles.extend(roles)
        elif self.above is not None and _KEY_LINE_RE.match(line):
            pass  # "法制办主管领导:某某": the official over the work above, a person
        elif not self._attach(current, line) and not self._set_label(current, line):
            self.above = None
            self._add_prose(current, line)

    def _siblings(self, item: Item) -> list[Item]:
        """The item and those of its level before it, back to the heading they stand under."""
        rank, out = STYLE_RANK[item.style], []
        for it in reversed(self.items):
            if STYLE_RANK[it.style] < rank:
                break
            if STYLE_RANK[it.style] == rank:
                out.append(it)
        return out[::-1]

    def _wrapped_before(self, current: Item, marker: Marker) -> bool:
        """A top-level marker that only a line wrapped mid-sentence put at a line's start
        ("…多测合" / "一、多证合一…"): the line before is a long one cut without its sentence's
        end, and the number goes back (一、 where 三、 came before)."""
        if marker.style == "circled":
            # "…①每30户/1名保洁员;" / "②每个村宅公厕…": a list run in a paragraph, broken by a
            # print before its second mark; an item only after its list's previous one
            return marker.value > 1 and not (
                current.style == "circled" and current.value == marker.value - 1
            )
        last = current.parts[-1] if current.parts else ""
        if current.closed or len(last) < 30 or is_complete(last) or last[-1] in "。;；:：!?！？)）":
            return False
        if marker.style != "cn_comma":  # lower levels restart under each heading
            return False
        top = next((it for it in reversed(self.items) if it.style == "cn_comma"), None)
        return top is not None and marker.value <= top.value

    def _add_item(self, marker: Marker) -> None:
        if marker.style == "arabic" and marker.value == 2:
            self._split_unnumbered_first(self.current)
        self.last_arabic = marker.value if marker.style == "arabic" else self.last_arabic
        rank = STYLE_RANK[marker.style]
        if (
            self.label_floor is None
        ):  # first item after a label: a list starting at 1 is the label's
            self.label, self.label_floor = (self.label, rank) if marker.value == 1 else (None, -1)
        elif rank < self.label_floor:
            self.label = None
        self.items.append(
            Item(
                marker.style,
                marker.number,
                marker.value,
                [marker.rest],
                label=self.label,
                first_leads=self.first_leads,
                carried=self.carried,
                also=self.also,
            )
        )

    def _split_unnumbered_first(self, heading: Item | None) -> None:
        """A list that starts at 2 right under a heading line: the paragraph between them is the
        measure whose number was lost ("二、推进措施 / 积极推进…(责任单位:…) / 2. 加强…")."""
        if (
            heading is None
            or STYLE_RANK[heading.style] >= STYLE_RANK["arabic"]
            or len(heading.parts) < 2
            or len(heading.parts[0]) > 60
            or is_complete(heading.parts[0])
        ):
            return
        # a long heading ("一、深入学习贯彻…,切实增强…动力") only over a measure that names its units
        if len(heading.parts[0]) > 20 and not (
            heading.roles or _ATTRIBUTED_END_RE.search("".join(heading.parts[1:])[-120:])
        ):
            return
        first = Item("arabic", "", 1, heading.parts[1:], label=heading.label)
        first.roles, heading.roles = heading.roles, []
        first.deadline_text, heading.deadline_text = heading.deadline_text, None
        first.closed, heading.closed = heading.closed, False
        first.first_leads = heading.first_leads
        heading.parts = heading.parts[:1]
        self.items.append(first)

    def _attach(self, item: Item | None, line: str) -> bool:
        """Role and deadline lines (牵头单位:… / 完成时限:…) belong to the item above them."""
        if item is None:
            return False
        if LEADER_LINE_RE.match(line) and len(item.parts) >= 1:
            return True  # "分管省领导:某某": the leader in charge, a person, no part of the task
        m = DEADLINE_LINE_RE.match(line)
        if m:
            item.deadline_text = m.group(1).strip()
            item.closed = True
            return True
        roles = parse_role_line(line)
        if not roles:
            return False
        item = self._project_item(item)
        item.roles.extend(roles)
        item.closed = True
        if line[-1] in LIST_OPEN:
            self.open_names = roles[-1][1]
        elif roles[-1][1] and not looks_like_unit(roles[-1][1][-1]) and len(roles[-1][1]) >= 2:
            self.open_names, self.cut_name = roles[-1][1], True
        return True

    def _project_item(self, item: Item) -> Item:
        """A project named on a line of its own under a heading that counts them ("一、地方性
        法规草案拟定项目(2件)" / "某市城市管理条例" / "起草单位:市城管局" / "报送审议时间:…"): the
        name and the lines after it are an unnumbered task, not the heading's. Else `item`."""
        heading, name = None, None
        if STYLE_RANK[item.style] < STYLE_RANK["arabic"] and len(item.parts) >= 2:
            heading, name = item, item.parts[-1]
        elif item.number == "" and item.closed and self.paragraphs:
            owner, text, _ = self.paragraphs[-1]
            if owner is item:
                heading = next((it for it in reversed(self.items[:-1]) if it.number), None)
                name = text
        if (
            heading is None
            or name is None
            or not _COUNTED_HEADING_RE.search(heading.parts[0])
            or len(name) > 40
            or re.search(r"[。;；:：,，]", name)
        ):
            return item
        if heading is item:
            item.parts.pop()
        else:
            self.paragraphs.pop()
        project = Item("arabic", "", 0, [name], label=item.label)
        self.items.append(project)
        return project

    def _set_label(self, current: Item | None, line: str) -> bool:
        m = LABEL_RE.match(line)
        if not m or len(line) >= 120:
            return False
        self.label, self.label_floor = m.group(1), None
        if m.group(2):
            self.paragraphs.append((current, m.group(2), self.label))
        return True

    def _add_prose(self, current: Item | None, line: str) -> None:
        if current and not current.closed and current.label != "效果指标":
            if len(current.parts) == 1 and starts_paragraph(line):
                # "(三)深入开展…清理" / "——清理…(X牵头)" / "——…": a heading over its bullets
                current.heading_alone = _heading_line(current.parts[0], line)
            if current.parts and (
                not is_complete(current.parts[-1]) or _bracketed_heading(current.parts)
            ):
                current.parts[-1] += "。"  # a new paragraph ends the sentence before it
            current.parts.append(line)
        else:
            self.paragraphs.append((current, line, self.label))


def _bracketed_heading(parts: list[str]) -> bool:
    """A heading line closing on a bracket ("(一)方案制定阶段(1-2月)") with its body below: the
    bracket ends the heading, not a sentence the body runs on from."""
    return (
        len(parts) == 1 and parts[0][-1] in ")）" and "。" not in parts[0] and len(parts[0]) <= 40
    )


def build_outline(lines: list[str]) -> Outline:
    """Group lines into numbered items; attach role, deadline and continuation lines."""
    builder = _OutlineBuilder()
    for line in _dotted_bare_numbers(lines):
        builder.feed(line)
    return Outline(builder.items, builder.paragraphs)


# a number opening a line with no separator before its words ("11完善规范性文件…", "12改革…"),
# not a quantity ("3月底前", "5个街道")
_BARE_LINE_NUMBER_RE = re.compile(rf"^(\d{{1,3}})(?=(?![{MEASURE_WORDS}])[\u4e00-\u9fff]{{2}})")


def _dotted_bare_numbers(lines: list[str]) -> list[str]:
    """Lines opening on numbers without a separator that run on one from the other (11, 12 …)
    read as numbered items "11." "12."; a lone such number stays text."""
    found = [
        (i, int(m.group(1)))
        for i, line in enumerate(lines)
        if "\t" not in line and (m := _BARE_LINE_NUMBER_RE.match(line.strip()))
    ]
    keep = set()
    for (i, a), (j, b) in zip(found, found[1:], strict=False):
        if b == a + 1:
            keep |= {i, j}
    if not keep:
        return lines
    return [
        _BARE_LINE_NUMBER_RE.sub(r"\1.", line.strip(), count=1) if i in keep else line
        for i, line in enumerate(lines)
    ]


def _carries_units(item: Item) -> bool:
    if item.roles:
        return True
    return bool(_inline_roles(item.text))


@lru_cache(maxsize=65536)
def _inline_roles(text: str) -> bool:
    return bool(extract_inline_units(text)[1])


def _subtree_carries(items: list[Item], test) -> list[bool]:
    """For each item: whether it or a deeper item under it (before its next sibling) passes."""
    out = [False] * len(items)
    for i, it in enumerate(items):
        rank = STYLE_RANK[it.style]
        for j in range(i, len(items)):  # no slice: a copy of the rest per item is quadratic
            other = items[j]
            if other is not it and STYLE_RANK[other.style] <= rank:
                break
            if other.label != "效果指标" and test(other):
                out[i] = True
                break
    return out


def choose_task_style(items: list[Item], structural: bool = False) -> str | None:
    """The deepest numbering style whose items (with their sub-items) most often carry units.

    Role lines after a task's sub-items "(1)…(2)…" still count for the task; falls back to
    targets and deadlines when the document names no units at all, and (structural) to the
    outline itself: the level just below the top one, or the only level.
    """
    candidates = [it for it in items if it.label != "效果指标"]
    chosen = _style_carrying(candidates)
    if chosen is None and structural:
        outside = _outside_non_task_sections(candidates)
        if all(_non_task_heading(it) for it in outside):  # 一、工作目标 二、工作要求 and no more:
            outside = _outside_non_task_sections(candidates, requirements=True)  # its items
        if outside and len({it.style for it in outside}) == 1:
            # 一、工作目标 二、整治内容 "(一)深入开展政府失信专项整治。…": when what a campaign
            # rectifies is all the plan lists below its parts, those are its tasks
            outside = _outside_non_task_sections(candidates, requirements=True, contents=True)
        chosen = _structural_style(_tasks_part(outside) or outside)
    return chosen


def _tasks_part(items: list[Item]) -> list[Item]:
    """The top-level parts named for the tasks ("二、重点任务", "六、主要任务") with their items, when
    a plan without units has one: its other parts (组织机构, 工作制度, 实施条件 …) number their
    items too, but they tell nothing of where the tasks are."""
    if not items:
        return []
    top = min(STYLE_RANK[it.style] for it in items)
    out: list[Item] = []
    inside = False
    for it in items:
        if STYLE_RANK[it.style] == top:
            inside = bool(TASKS_HEADING_RE.match(first_clause(it.text)))
        if inside:
            out.append(it)
    return out if any(STYLE_RANK[it.style] > top for it in out) else []


def _outside_non_task_sections(
    items: list[Item], requirements: bool = False, contents: bool = False
) -> list[Item]:
    """The items not under a 总体要求/基本原则/保障措施-like heading: numbered principles (1.以人为本…)
    tell nothing of where a plan without units keeps its tasks. `requirements`: items under a
    bare 工作要求 heading count (a notice whose work items stand there and nowhere else);
    `contents`: items under 整治内容/检查内容 count too."""
    out: list[Item] = []
    chain: list[Item] = []  # the headings above the item, outermost first
    for it in items:
        rank = STYLE_RANK[it.style]
        chain = [h for h in chain if STYLE_RANK[h.style] < rank]
        if not any(_non_task_heading(h, requirements, contents) for h in chain):
            out.append(it)
        chain.append(it)
    return out


# the principles of a plan (指导思想, 基本原则): no attributed task, though one names bodies in prose
# (a 分解's 主要目标 and a plan's 保障措施 may well carry units of their own)
_OPENING_SECTION_RE = re.compile(r"指导思想|" + _PRINCIPLES)


def _outside_opening_sections(items: list[Item]) -> list[Item]:
    """The items neither under nor heading an opening part (_OPENING_SECTION_RE)."""
    out: list[Item] = []
    chain: list[Item] = []
    for it in items:
        rank = STYLE_RANK[it.style]
        chain = [h for h in chain if STYLE_RANK[h.style] < rank]
        chain.append(it)
        if not any(_OPENING_SECTION_RE.search(first_clause(h.text)[:12]) for h in chain):
            out.append(it)
    return out


# a bare "二、工作要求" (not 总体要求): where a notice setting a year's work lists its items
REQUIREMENTS_RE = re.compile(r"^(?:工作|具体|有关|相关)?要求$")


CONTENTS_RE = re.compile(r"^(?:治理|整治|检查|排查)(?:内容|范围|对象)$")


def _non_task_heading(head: Item, requirements: bool = False, contents: bool = False) -> bool:
    if requirements and REQUIREMENTS_RE.match(first_clause(head.text)):
        return False
    if contents and CONTENTS_RE.match(first_clause(head.text)):
        return False
    return _non_task_head(head)


# a heading line closing on its own deadline in brackets: "(二)排查工作(2021年6月底前)"
_DATED_HEADING_RE = re.compile(r"^[^。;；]{2,24}[(（][^()（）]{0,12}(?:前|底|内|年|月|日)[)）]\s*$")


def _structural_style(items: list[Item]) -> str | None:
    """For a plan that names no units: tasks are the third level of three or more (二、→(一)→1.),
    the second of two (一、→(一)), or the items of the only level (two at least)."""
    counts: dict[str, int] = {}
    for it in items:
        counts[it.style] = counts.get(it.style, 0) + 1
    styles = sorted(counts, key=STYLE_RANK.__getitem__)
    dated = {
        style: sum(1 for it in items if it.style == style and _DATED_HEADING_RE.search(it.parts[0]))
        for style in styles[1:2]
    }
    if len(styles) > 2 and all(n >= 2 and n * 2 >= counts[s] for s, n in dated.items()):
        # "(一)全面部署(2020年12月9日前)" over "1.建立工作小组": headings dated as tasks are, over
        # their details — the tasks are the second level
        return styles[1]
    if len(styles) > 3 and _bare_headings(items, styles[2]) and _run_in(items, styles[3]):
        # 二、→(一)→"1.推进职能优化" (a heading line)→"(1)规范权力运行。…": the measures are the tasks
        return styles[3]
    if len(styles) > 2:
        return styles[2]  # 二、→(一)→1.: parts, actions, tasks (deeper levels are task text)
    if len(styles) > 1:
        return styles[1]  # under a top level, one item is enough (a plan cut short)
    if styles and _bare_headings(items, styles[0]) and not any(_run_in(items, s) for s in styles):
        return None  # headings with nothing under them (an empty table's section rows)
    if styles and counts[styles[0]] == 1:
        # one item numbered 1, a measure run into its title ("1.完成…指标任务。…达到100%"): the
        # first of a list the copy cut short
        (only,) = (it for it in items if it.style == styles[0])
        first = only.value == 1 and STYLE_RANK[styles[0]] >= STYLE_RANK["arabic"]
        return styles[0] if first and _run_in(items, styles[0]) else None  # ("一、…": a part)
    return styles[0] if styles and counts[styles[0]] >= 2 else None


def _bare_headings(items: list[Item], style: str) -> bool:
    """Every item of `style` is a short heading line with nothing of its own below it."""
    level = [it for it in items if it.style == style]
    return all(
        len(it.parts) == 1 and "。" not in it.parts[0] and len(it.parts[0]) <= 40 for it in level
    )


def _run_in(items: list[Item], style: str) -> bool:
    """Most items of `style` are run-in measures ("(1)规范行政权力运行。优化…")."""
    level = [it for it in items if it.style == style]
    return sum("。" in it.text.rstrip("。") for it in level) * 2 >= len(level)


def _style_carrying(candidates: list[Item]) -> str | None:
    for test in (_carries_units, _carries_targets):
        if test is _carries_units:  # a principle naming bodies in prose ("部门协同,…各级…") is
            candidates = _outside_opening_sections(candidates)  # no attributed task
        else:  # the goals under 工作目标, or run into its heading, tell nothing of the task level
            candidates = [
                it for it in _outside_non_task_sections(candidates) if not _non_task_head(it)
            ]
        carried = (
            _subtree_carries(candidates, test)
            if test is _carries_units
            else [test(it) for it in candidates]  # a goal is its own item's, not its parent's
        )
        if test is _carries_units:
            # nor is a part on how the work is led ("三、组织领导与责任分工。…由X牵头,Y配合"): its
            # items may be tasks, its own words tell nothing of the tasks' level
            carried = [
                c and not (_LEADING_PART_RE.search(first_clause(it.text)) and _non_task_head(it))
                for it, c in zip(candidates, carried, strict=True)
            ]
        scores: dict[str, int] = {}
        for it, c in zip(candidates, carried, strict=True):
            scores[it.style] = scores.get(it.style, 0) + int(c)
        best = max(scores.values(), default=0)
        if best >= (1 if test is _carries_units else 2):
            tied = [s for s, v in scores.items() if v == best]
            return max(tied, key=lambda s: STYLE_RANK[s])
    return None


# a part on who leads and who does what ("组织领导与责任分工", "组织机构及职责分工")
_LEADING_PART_RE = re.compile(r"组织领导|组织机构|领导小组|工作专班|(?:责任|职责)分工")


def _carries_targets(item: Item) -> bool:
    return bool(extract_targets(item.text)) or bool(item.deadline_text)


@dataclass
class ParsedPlan:
    actions: list[dict]
    plan_targets: list[dict]


def parse_plan_lines(
    lines: list[str], title: str, years: list[int], structural: bool = False
) -> ParsedPlan:
    """Actions with their tasks and section targets; plan-level goals from 目标 sections.
    `structural`: when no level carries units or targets, take the tasks from the outline."""
    outline = build_outline(lines)
    _hoist_closing_roles(outline.items)
    task_style = choose_task_style(outline.items, structural)
    default_year = years[0] if years else None
    if task_style is None:  # no tasks (an excerpt cut before them): the goals stated so far
        return ParsedPlan([], _plan_targets(outline, max(STYLE_RANK.values()) + 1, [], set()))
    task_rank = STYLE_RANK[task_style]
    unitless = not any(_carries_units(it) for it in outline.items)
    sections = _fields_as_tasks(_sections(outline.items, task_style, unitless), outline.items)
    duties = _duties(sections, outline.items)
    duty_ids = {id(d) for d in duties}
    carrying = [sum(_carries_units(t) for t in ts) for _, ts in sections]
    with_units = sum(carrying)
    total = sum(len(ts) for _, ts in sections)
    # the first section where most tasks name their units (not a 实施步骤 whose stages name
    # them): sections ahead of it naming none are no tasks' sections, unless named for tasks
    first_attributed = next(
        (
            k
            for k, (c, (h, ts)) in enumerate(zip(carrying, sections, strict=True))
            if c >= 3 and c * 2 >= len(ts) and not (h and _non_task_head(h))
        ),
        -1,
    )
    if structural:  # headings of sections cut before their items are no tasks
        sections = [(h, [t for t in ts if not _section_heading(t)]) for h, ts in sections]
    actions, emitted = [], set()
    parents = _parents(outline.items)
    counted: list[Item] = []  # the tasks taken so far, in order
    parts: set[int] = set()  # the sections they came from
    for k, (head, tasks) in enumerate(sections):
        ahead = k < first_attributed
        if not tasks:
            continue
        # "九、强化实施保障 (十九)组建工作专班" after (十八): the count goes on
        if _runs_on(counted, len(parts), tasks, head):
            emitted.add(id(head))
            actions.append(_action_record(head, tasks, outline, default_year, title))
            counted.extend(tasks)
            parts.add(k)
            continue
        if (
            _is_non_task_section(head, tasks, with_units, total, ahead)
            and not _count_goes_on(counted, tasks, head)
            and not _between_attributed(k, sections, carrying, parents)
        ) or _not_stages(head, tasks, parents):
            continue
        tasks = [t for t in tasks if id(t) not in duty_ids]  # noqa: PLW2901 - duties are no tasks
        # "第一条(指导思想)…": an article whose caption names a part holding no tasks
        tasks = [t for t in tasks if not _non_task_article(t)]  # noqa: PLW2901
        if not tasks:
            continue
        above = parents.get(id(head)) if head is not None else None
        if (  # "(一)明确责任主体" under "六、加强组织保障": duties, not tasks
            above is not None
            and _non_task_head(above)
            and not any(_carries_units(t) for t in tasks)
        ):
            continue
        emitted.add(id(head))
        actions.append(_action_record(head, tasks, outline, default_year, title))
        counted.extend(tasks)
        parts.add(k)
    if structural and not actions:  # a notice whose work items stand under a bare 工作要求,
        for head, tasks in sections:  # a campaign's under its 整治内容 alone
            clause = first_clause(head.text) if head is not None else ""
            if tasks and (REQUIREMENTS_RE.match(clause) or CONTENTS_RE.match(clause)):
                emitted.add(id(head))
                actions.append(_action_record(head, tasks, outline, default_year, title))
    _group_roles_to_tasks(actions, outline.items)
    _heading_roles_to_tasks(actions)
    plan_targets = _plan_targets(outline, task_rank, sections, emitted)
    plan_targets += [g for d in duties for g in extract_targets(d.text)]  # "结案率达到100%"
    return ParsedPlan(actions, plan_targets)


def _sections(
    items: list[Item], task_style: str, unitless: bool = False
) -> list[tuple[Item | None, list[Item]]]:
    """Split items into (action heading, task items); the action is the nearest level above."""
    task_rank = STYLE_RANK[task_style]
    above = sorted({STYLE_RANK[it.style] for it in items if STYLE_RANK[it.style] < task_rank})
    # four levels or more (二、→(一)→1.→(1)): the action is the level below the top one, the
    # levels between it and the tasks are groups; otherwise the level just above the tasks
    action_rank = (above[1] if len(above) >= 3 else above[-1]) if above else None
    sections: list[tuple[Item | None, list[Item]]] = []
    current: tuple[Item | None, list[Item]] | None = None
    group: str | None = None
    split: set[int] = set()  # tasks made of a sub-item's attributed paragraphs
    promoted: set[int] = set()  # sub-items standing for the title above them
    spans = _holding_spans(items) if unitless else {}
    for n, it in enumerate(items):
        rank = STYLE_RANK[it.style]
        if (
            action_rank is not None
            and rank == action_rank
            and (
                _attributed_leaf(items, n) or (unitless and _bare_leaf(items, n, task_rank, spans))
            )
        ):
            # "(二)规范收费行为。…(X负责)" among actions whose tasks are numbered below them:
            # an item of the action level with its own units and nothing under it is a task
            current, group = (it, [it]), None
            sections.append(current)
        elif action_rank is not None and rank <= action_rank:
            current, group = (it, []), None
            sections.append(current)
        elif it.style == task_style and it.label != "效果指标":
            if current is None:
                current = (None, [])
                sections.append(current)
            it.group = group
            paragraphs = _paragraph_tasks(it) or _ordinal_tasks(it)
            for task in paragraphs:
                task.group = first_clause(it.parts[0])
            current[1].extend(paragraphs or [it])
        elif action_rank is not None and action_rank < rank < task_rank:
            group = first_clause(it.text)
            paragraphs = _paragraph_tasks(it) if current is not None else []
            for paragraph in paragraphs:  # "1.做大做强高能级主体" over its attributed paragraphs,
                paragraph.group = group  # its siblings over sub-items: the paragraphs are tasks
            if current is not None:
                current[1].extend(paragraphs)
        elif rank > task_rank and current and current[1] and it.label != "效果指标":
            task = current[1][-1]
            paragraphs = _paragraph_tasks(it)
            bare = len(task.parts) == 1 and "。" not in task.parts[0] and not task.roles
            if paragraphs and (bare or id(task) in split):
                # "2.提升特色产业集群能级" / "(1)智能互联网产业" / paragraphs each closing on
                # their units: the paragraphs are the tasks, the sub-item their group
                if bare:
                    current[1].pop()
                for paragraph in paragraphs:
                    paragraph.group = first_clause(it.parts[0])
                    split.add(id(paragraph))
                current[1].extend(paragraphs)
                continue
            if (
                id(task) in promoted
                and it.style == task.style
                or (_bare_title(task) and _attributed_run(items, n))
            ):
                # "1.危险化学品领域:" over "(1)由X牵头组织,负责…" "(2)由Y牵头…": a title alone
                # over sub-items naming their own units: the sub-items are the tasks
                if id(task) not in promoted:
                    current[1].pop()
                    it.group = first_clause(task.parts[0])
                else:
                    it.group = task.group
                promoted.add(id(it))
                current[1].append(it)
                continue
            if len(task.parts) == 1 and not re.search(r"[。;；!！?？:：]\s*$", task.parts[0]):
                task.heading_alone = True  # "(一)部署查改阶段(6月)" over "1.…": its title alone
            if _own_units(task):  # "1.…。(X,Y)(1)…(X)(2)…(X、Z)": a sub-item's units are its own
                task.parts.append(extract_inline_units(_sub_item_text(it))[0])
            else:
                task.parts.append(_sub_item_text(it))
                task.roles.extend(it.roles)
            task.deadline_text = task.deadline_text or it.deadline_text
    return sections


def _attributed_run(items: list[Item], n: int) -> bool:
    """Item n opens a run of two or more sibling items that each name their units."""
    rank = STYLE_RANK[items[n].style]
    run = []
    for it in items[n:]:
        if STYLE_RANK[it.style] < rank:
            break
        if it.style == items[n].style:
            run.append(it)
    return len(run) >= 2 and all(_carries_units(it) for it in run)


def _bare_title(task: Item) -> bool:
    """A task item that is a title alone: one line, no sentence, no units."""
    return (
        len(task.parts) == 1
        and "。" not in task.parts[0]
        and not task.roles
        and not _carries_units(task)
    )


def _own_units(task: Item) -> bool:
    """Whether a task names units of its own before its sub-items: role lines, or an attribution
    closing its text (then taken out of the text into its roles, before the sub-items follow)."""
    if task.own_units is None:
        text, roles = extract_inline_units(task.parts[-1]) if task.parts else ("", [])
        if roles and not task.roles:
            task.parts[-1] = text
            task.roles.extend(roles)
        task.own_units = bool(task.roles)
    return task.own_units


def _paragraph_tasks(it: Item) -> list[Item]:
    """A numbered heading alone on its line ("1．重点发展区域") over paragraphs that each close with
    their own attribution: each paragraph is a task (without a number of its own), the heading
    their group. [] when the item is one task (one paragraph, or paragraphs sharing units)."""
    if not it.heading_alone or len(it.parts) < 3 or it.roles:
        return []
    chunks: list[list[str]] = [[]]
    for part in it.parts[1:]:  # a paragraph may come as several lines, its attribution last
        chunks[-1].append(part)
        if extract_inline_units(part)[1]:
            chunks.append([])
    if chunks[-1] or len(chunks) < 3:  # text after the last attribution, or one paragraph
        return []
    return [
        Item(
            it.style,
            "",
            it.value,
            [BULLET_RE.sub("", chunk[0], count=1), *chunk[1:]],  # ("——清理…": no dash in its title)
            label=it.label,
            first_leads=it.first_leads,
            carried=it.carried,
            also=it.also,
            deadline_text=it.deadline_text,
        )
        for chunk in chunks[:-1]
    ]


# "一是…(X牵头);二是…(Y负责)": the ordinal clauses of a measure
_ORDINAL_CLAUSE_RE = re.compile(rf"(?:^|(?<=[。;；]))\s*{ORDINAL_CLAUSE}")


def _ordinal_tasks(it: Item) -> list[Item]:
    """A measure whose ordinal clauses (一是…二是…) each close on their own units: each clause is a
    task numbered by its ordinal, the measure its group. [] unless every clause names its units."""
    if it.roles:
        return []
    text = it.text
    marks = list(_ORDINAL_CLAUSE_RE.finditer(text))
    if len(marks) < 2 or marks[0].start() == 0:
        return []
    chunks = [
        text[m.end() : marks[k + 1].start() if k + 1 < len(marks) else len(text)]
        for k, m in enumerate(marks)
    ]
    if not all(extract_inline_units(c.strip().rstrip("。;；"))[1] for c in chunks):
        return []
    return [
        Item(
            it.style,
            m.group(1) + "是",
            k + 1,
            [chunk.strip().rstrip(";；")],
            label=it.label,
            first_leads=it.first_leads,
            carried=it.carried,
            also=it.also,
            deadline_text=it.deadline_text,
        )
        for k, (m, chunk) in enumerate(zip(marks, chunks, strict=True))
    ]


def _attributed_leaf(items: list[Item], n: int) -> bool:
    """Item n carries units of its own and has no item under it."""
    it = items[n]
    below = n + 1 < len(items) and STYLE_RANK[items[n + 1].style] > STYLE_RANK[it.style]
    return not below and it.label != "效果指标" and _carries_units(it)


# "1.区绿化市容局(区分减联办):负责总体协调…": a body's duties under 职责分工, not a task
_DUTY_RE = re.compile(r"^(?P<unit>[^,，。;；:：]{2,30})[:：]\s*(?:负责|承担|主要负责)")


def _duty(item: Item) -> bool:
    m = _DUTY_RE.match(item.text)
    return bool(m) and looks_like_unit(re.sub(r"[(（][^()（）]*[)）]$", "", m["unit"]))


# a section of bodies' duties: "四、职责分工" → "(一)组织架构。成立领导小组…"
DUTY_SECTION_RE = re.compile(
    r"职责分工|(?:分工|职责)(?:与|和|及)(?:职责|分工)|组织架构|部门职责|成员单位职责|工作职责|^(?:基本情况|现状|工作现状|现状分析|存在问题|主要问题)"
    r"|^工作机制(?:$|。)"
)  # and the facts of 基本情况/现状 ("1.拟移交的排水管道…目前由…负责养护")


def _duties(sections: list, items: list[Item]) -> list[Item]:
    """The items that are bodies' duties ("X:负责…" one by one, or anything under a 职责分工
    heading), when other items hold the plan's tasks (a plan made only of such lists keeps
    them as tasks). Their figures are still the plan's targets."""
    parents = _parents(items)

    def duty_section(head: Item | None) -> bool:
        chain = [head, parents.get(id(head))] if head is not None else []
        return any(
            h is not None
            and DUTY_SECTION_RE.search(h.text[:20])
            and not _TASKS_AND_DUTIES_RE.search(h.text[:20])
            and not _DUTIES_TO_SET_RE.search(h.text[:20])
            for h in chain
        )

    divisions = _divisions_of_bodies(items, parents)
    duties = [
        t
        for h, ts in sections
        for t in ts
        if duty_section(h) or _duty(t) or id(parents.get(id(t))) in divisions
    ]
    return duties if len(duties) < sum(len(ts) for _, ts in sections) else []


# a part of the tasks with their division ("三、主要内容及职责分工", "二、重点任务和责任分工"): tasks
_TASKS_AND_DUTIES_RE = re.compile(r"(?:任务|内容|措施|项目)(?:及其|及|和|与|、)(?:职责|责任)?分工")


# an action on the duties ("(四)整合各方资源,明确部门职责"), not a part listing them: tasks
_DUTIES_TO_SET_RE = re.compile(r"(?:明确|落实|压实|强化|厘清|理顺|履行|夯实)[^,，。]{0,4}职责")


# an item whose subject is a body: "(一)局安委会负责制定…", "(二)各成员单位要细化…"
_SUBJECT_DUTY_RE = re.compile(
    r"^(?P<unit>[^,，。;；:：()（）]{2,24}?)(?:具体负责|主要负责|负责|要|应当|应|牵头)"
)


def _divisions_of_bodies(items: list[Item], parents: dict[int, Item]) -> set[int]:
    """任务分工 / 工作分工 headings whose every item opens on a body and its duty ("(一)局安委会
    负责制定…方案", "(二)局安委会成员单位要…"): who does what, not tasks of their own."""
    children: dict[int, list[Item]] = {}
    for it in items:
        parent = parents.get(id(it))
        if parent is not None and "分工" in first_clause(parent.text)[:12]:
            children.setdefault(id(parent), []).append(it)
    return {
        key
        for key, kids in children.items()
        if all(
            (m := _SUBJECT_DUTY_RE.match(k.text)) is not None and looks_like_unit(m["unit"])
            for k in kids
        )
    }


_FIELD_RE = re.compile(r"^([\u4e00-\u9fff]{1,4})[。:：]")


def _field_label(item: Item) -> str | None:
    m = _FIELD_RE.match(item.parts[0].strip()) if item.parts else None
    return m.group(1) if m else None


def _fields_as_tasks(sections: list, items: list[Item]) -> list:
    """Headings whose numbered items are the same labelled fields under each of them ("(一)一门式
    查询" over "1.功能。…" / "2.任务。…(责任单位:…)", and so under every heading): each heading is
    the task, its fields its text and units; the level above is the action."""
    titled = [(h, ts) for h, ts in sections if h is not None and ts]
    labels = [[_field_label(t) for t in ts] for _, ts in titled]
    if (
        len(titled) < 2
        or len(labels[0]) < 2
        or None in labels[0]
        or any(ls != labels[0] for ls in labels)
    ):
        return sections
    parents = _parents(items)
    out: list = []
    by_parent: dict[int, list[Item]] = {}
    for head, tasks in sections:
        if head is None or not tasks:
            out.append((head, tasks))
            continue
        task = replace(
            head,
            parts=[head.text.rstrip("。") + "。", *(t.text for t in tasks)],
            roles=[*head.roles, *(r for t in tasks for r in t.roles)],
            deadline_text=head.deadline_text
            or next((t.deadline_text for t in tasks if t.deadline_text), None),
            heading_alone=False,
        )
        parent = parents.get(id(head))
        key = id(parent) if parent is not None else 0
        if key not in by_parent:
            by_parent[key] = []
            out.append((parent, by_parent[key]))
        by_parent[key].append(task)
    return out


# a section that gives each group of tasks its units: "四、工作机制" / "1.老化管道全面体检专项行动。由
# 市住房城乡建设管理委牵头负责" for the tasks under "(一)实施老化管道全面体检专项行动"
GROUP_ROLES_RE = re.compile(r"^(?:工作机制|职责分工|责任分工|任务分工|分工安排)$")


def _group_roles_to_tasks(actions: list[dict], items: list[Item]) -> None:
    """Units a 工作机制 section names for a group of tasks go to that group's tasks that name none."""
    parents = _parents(items)
    given: list[tuple[str, list]] = []
    for it in items:
        parent = parents.get(id(it))
        if parent is None or not GROUP_ROLES_RE.match(first_clause(parent.text)):
            continue
        roles = extract_inline_units(it.text)[1]
        name = first_clause(it.text)
        if roles and len(name) >= 4:
            given.append((name, roles))
    for action in actions:
        for name, roles in given:
            if name not in action["title"]:
                continue
            for task in action["tasks"]:
                if any(task[k] for k in ROLE_KEYS.values()):
                    continue
                for role, names in roles:
                    task[ROLE_KEYS[role]] = [n for n in names]


# a section named for the body that leads or carries out its tasks: "一、县示范区管委会牵头工作(8项)"
_HEADING_ROLE_RE = re.compile(
    r"^(?P<unit>[^,，。;；:：]{2,30}?)(?P<verb>牵头|负责|承担|承办)的?(?:工作|任务|事项)"
    r"(?:[(（]\d{1,3}项[)）])?$"
)


def _heading_roles_to_tasks(actions: list[dict]) -> None:
    """The body a section's heading names as leading (or carrying out) its tasks, for each task
    under it that names no unit of its own."""
    for action in actions:
        m = _HEADING_ROLE_RE.match(action["title"])
        if not m and action["title"].endswith((")", "）")):
            _bracketed_heading_roles(action)  # "一、科技创新政策(由市科技局牵头实施)"
            continue
        if not m or not looks_like_unit(m.group("unit")):
            continue
        key = "lead_units" if m.group("verb") == "牵头" else "responsible_units"
        unit = m.group("unit")
        for task in action["tasks"]:
            named = [n for k in ROLE_KEYS.values() for n in task[k]]
            if not task["lead_units"] and not task[key] and unit not in named:
                # (a task naming only its 协同单位 still has the heading's body leading it)
                task[key] = [unit]


def _bracketed_heading_roles(action: dict) -> None:
    """A section whose heading closes on its units ("科技创新政策(由市科技局牵头实施)"): the body
    leading it leads each task under it naming no lead of its own; a body carrying it out is
    each task's naming no unit at all."""
    _, roles = extract_inline_units(action["title"])
    for role, names in roles:
        key = ROLE_KEYS[role]
        for task in action["tasks"]:
            bare = not any(task[k] for k in ROLE_KEYS.values())
            if (role == "lead" and not task[key]) or bare:
                task[key] = list(names)


def _hoist_closing_roles(items: list[Item]) -> None:
    """A role line closing the last of an item's sub-items, none of the others naming a unit
    ("1.完善应急预案体系" / "(1)…" "(2)…" / "(责任单位:X、Y)" on a line of its own), names the
    units of the item above: the sub-items are its measures. So when every such group of two
    sub-items or more reads so, in two groups at least."""
    parents = _parents(items)
    children: dict[int, list[Item]] = {}
    for it in items:
        parent = parents.get(id(it))
        if parent is not None:
            children.setdefault(id(parent), []).append(it)
    by_id = {id(it): it for it in items}
    groups = []
    for pid, kids in children.items():
        parent = by_id[pid]
        if (
            parent.roles
            or _inline_roles(parent.text)
            or any(k.style != kids[0].style for k in kids)
        ):
            continue
        closing = [_closing_roles(k) for k in kids]
        if any(_inline_roles(k.text) for k in kids[:-1]) or any(k.roles for k in kids[:-1]):
            return  # sub-items naming their own units: they are the tasks
        if closing[-1] is None:
            if kids[-1].roles or _inline_roles(kids[-1].text):
                return
            continue
        if len(kids) < 2:
            return
        groups.append((parent, kids[-1], closing[-1]))
    if len(groups) < 2:
        return
    for parent, last, part in groups:
        parent.heading_alone = True  # "完善应急预案体系": a heading above its measures
        if part == "roles":
            parent.roles, last.roles = last.roles, []
        else:
            last.parts.remove(part)
            parent.parts.append(part)


_ROLE_BRACKET_LINE_RE = re.compile(
    r"^[(（][^()（）]{0,8}(?:单位|部门)\s*[:：](?:[^()（）]|[(（][^()（）]*[)）])+[)）]$"
)


def _closing_roles(item: Item) -> str | None:
    """How an item's units stand on a line of their own after its text: "roles" (a role line
    read as such), the bracketed line itself, or None."""
    if item.roles and not _inline_roles(item.text):
        return "roles"
    if len(item.parts) >= 2 and _ROLE_BRACKET_LINE_RE.match(item.parts[-1].strip()):
        return item.parts[-1]
    return None


def _parents(items: list[Item]) -> dict[int, Item]:
    """Each item's nearest item of a higher level before it."""
    parents: dict[int, Item] = {}
    chain: list[Item] = []
    for it in items:
        rank = STYLE_RANK[it.style]
        chain = [h for h in chain if STYLE_RANK[h.style] < rank]
        if chain:
            parents[id(it)] = chain[-1]
        chain.append(it)
    return parents


def _bare_leaf(
    items: list[Item], n: int, task_rank: int, spans: dict[int, tuple[int, int]]
) -> bool:
    """In a plan naming no units: item n of the action level (the tasks' level lies below it),
    a run-in measure ("(一)推动源头减量。一是…") or a heading over its paragraph, with no item
    under it: it is a task of its own (not under 组织保障 …)."""
    it, rank = items[n], STYLE_RANK[items[n].style]
    if "。" not in it.text.rstrip("。") or it.label == "效果指标":
        return False
    start = n
    while start > 0 and STYLE_RANK[items[start - 1].style] >= rank:
        start -= 1
    parent = items[start - 1] if start > 0 else None
    if parent is None and not _between_parts(spans, rank, n) or _non_task_head(parent or it):
        return False
    if DUTY_SECTION_RE.search(name := first_clause(it.text)) or name.endswith(_FACT_PART_ENDS):
        return False  # "四、责任分工 市、区民政局…": the bodies' duties; "二、参加人员": a fact
    below = n + 1 < len(items) and STYLE_RANK[items[n + 1].style] > rank
    return not below and task_rank > rank


_FACT_PART_ENDS = ("分工", "人员", "对象", "范围", "时间", "地点")


def _holding_spans(items: list[Item]) -> dict[int, tuple[int, int]]:
    """For each level, the positions of its first and last item holding items under them."""
    spans: dict[int, tuple[int, int]] = {}
    for k, it in enumerate(items[:-1]):
        rank = STYLE_RANK[it.style]
        if STYLE_RANK[items[k + 1].style] > rank:
            spans[rank] = (spans.get(rank, (k, k))[0], k)
    return spans


def _between_parts(spans: dict[int, tuple[int, int]], rank: int, n: int) -> bool:
    """Top-level item n (of level `rank`) stands between two parts of its level that hold items
    under them ("三、推动分时段签约 (一)…(四)…" · "四、拉大峰谷差价。…" · "九、建立…机制 (一)…"): one
    of the parts, not a notice's preamble before them or its requirements after."""
    first, last = spans.get(rank, (n, n))
    return first < n < last


def _section_heading(it: Item) -> bool:
    """An item whose heading line names a section, not a measure: 总体要求, 主要创建任务 …"""
    heading = it.parts[0].split("。", 1)[0] if it.parts else ""
    return bool(NON_TASK_SECTION_RE.match(heading) or TASKS_HEADING_RE.match(heading))


def _sub_item_text(it: Item) -> str:
    return it.number + (" " if it.style != "ar_paren" else "") + it.text


# a closing part on the plan's safeguards, not an opening one (总体要求, 目标)
_CLOSING_PART_RE = re.compile(r"保障|组织实施|组织领导|工作机制|工作要求|督|考核|宣传")


def _runs_on(counted: list[Item], parts: int, tasks: list[Item], head: Item | None) -> bool:
    """A closing safeguards part whose items go on with the count the tasks ran across the
    parts ((一)…(十八) under 三、…八、, then 九、强化实施保障 (十九)…(二十二)): the plan numbers them
    as tasks, so they are (not when the count restarted in each part)."""
    if head is None or parts < 2 or not _non_task_head(head):
        return False
    if not _CLOSING_PART_RE.search(first_clause(head.text)):
        return False
    style = counted[-1].style
    values = [t.value for t in counted if t.style == style]
    run = values + [t.value for t in tasks]
    return all(t.style == style for t in tasks) and run == list(range(run[0], run[0] + len(run)))


def _leading_action(head: Item) -> bool:
    """The plan's first part named for its leadership in two clauses ("一、强化组织领导,凝聚法治建设
    力量" over 1.…2.…): an action of a 工作要点, not the closing safeguards ("五、组织领导")."""
    heading = re.split(r"[。;；]", head.text, maxsplit=1)[0]
    # "一、加强组织领导和责任落实" too: two aims joined by 和/及/与
    lead, rest = (re.split(r"[,，]|(?<=组织领导)(?:和|及|与)", heading, maxsplit=1) + [""])[:2]
    return (
        head.style == "cn_comma"
        and head.value == 1
        and len(rest) >= 4
        and "组织领导" in lead
        and not NON_TASK_SECTION_RE.search(lead.replace("组织领导", ""))
    )


def _count_goes_on(counted: list[Item], tasks: list[Item], head: Item | None) -> bool:
    """Tasks numbered on from the tasks before them across a new part ("13.…(责任单位:…)" /
    "七、强化领导责任" / "17.建立健全…", cut before its units): tasks like them, attributed or not;
    not in a part of the plan's safeguards or requirements."""
    if not counted or head is None or _non_task_head(head):
        return False
    style = counted[-1].style
    last: list[int] = []  # the last two values of that style, looked for from the end only
    for t in reversed(counted):
        if t.style == style:
            last.insert(0, t.value)
            if len(last) == 2:
                break
    run = last + [t.value for t in tasks]
    return (
        STYLE_RANK[style] > STYLE_RANK[head.style]
        and all(t.style == style for t in tasks)
        and run == list(range(run[0], run[0] + len(run)))
    )


def _between_attributed(
    k: int, sections: list[tuple[Item | None, list[Item]]], carrying: list[int], parents: dict
) -> bool:
    """Section k names no units but stands between two sibling sections whose tasks do, under one
    heading (二、主要任务 (一)…(责任单位:…) (二)典型应用场景 1.…8. (三)…(责任单位:…)): its items
    are tasks of the same part, their units given elsewhere or not at all."""
    head = sections[k][0]
    if head is None or _non_task_head(head):
        return False
    parent = parents.get(id(head))
    if parent is None or _non_task_head(parent):
        return False

    def attributed_sibling(j: int) -> bool:
        h = sections[j][0]
        return (
            h is not None
            and h.style == head.style
            and parents.get(id(h)) is parent
            and carrying[j] * 2 >= len(sections[j][1]) > 0
        )

    return any(attributed_sibling(j) for j in range(k)) and any(
        attributed_sibling(j) for j in range(k + 1, len(sections))
    )


def _not_stages(head: Item | None, tasks: list[Item], parents: dict[int, Item]) -> bool:
    """Items under a part of stages that are no stages: neither named a stage nor dated (the
    rows of an attached table run on under "(二)进度安排")."""
    chain = [head, parents.get(id(head))] if head is not None else []
    if not any(h is not None and STAGES_RE.search(h.text[:16]) for h in chain):
        return False
    if head is not None and _a_stage(head, named_only=True):
        return False  # "(一)第一阶段(2024年第三季度前完成)" over "1、建章立制": the stage's work
    return sum(_a_stage(t) for t in tasks) * 2 < len(tasks)


# the periods a stage is named by: "第一季度", "下半年", "3-4月", "5月至6月"
_QUARTER_OR_HALF = r"第?[一二三四1-4]季度|[上下]半年"
_MONTH_SPAN = r"\d{1,2}\s*月?\s*(?:-|—|–|~|～|至|到)\s*\d{1,2}\s*月"

# a stage by its name or its time: "动员部署阶段", "第一季度:做好项目立项", "2024年5月至6月"
_PERIOD_OPENING_RE = re.compile(
    rf"^(?:{_QUARTER_OR_HALF}|\d{{1,2}}\s*月|(?:19|20)\d{{2}}\s*年|[一二三四五六七八九十]{{1,2}}月)"
)


_MONTH_SPAN_RE = re.compile(_MONTH_SPAN)


def _a_stage(item: Item, named_only: bool = False) -> bool:
    """A stage by its name or its time; `named_only`: by its title alone (not the lead below a
    "(二)进度安排" heading)."""
    title = first_clause(item.text)
    text = title if named_only else item.text[:60]
    return bool(
        "阶段" in title
        or _PERIOD_OPENING_RE.match(text)
        or _MONTH_SPAN_RE.search(text)  # "…,学习时间3-4月。"
        or (item.deadline_text and not named_only)
        or find_deadline_in_text(text, None)
    )


def _is_non_task_section(
    head: Item | None, tasks: list[Item], with_units: int, total: int, ahead: bool = False
) -> bool:
    """总体要求/工作要求-like sections: no task in them carries units while most others do, or
    while they stand ahead of a section whose tasks mostly do (二、适用范围 1.…5. before 四、重点任务's
    18 tasks)."""
    if any(_carries_units(t) for t in tasks):
        return False
    if head is not None and _non_task_head(head):
        return True
    if head is not None and with_units and STAGES_RE.search(head.text[:12]):
        # a plan whose tasks name their units: its dated stages naming none are its schedule (in
        # a plan naming no units at all, its stages are work to track like any other)
        return True
    named_for_tasks = head is not None and TASKS_HEADING_RE.match(first_clause(head.text))
    return (ahead and not named_for_tasks) or (total > 0 and with_units / total >= 0.5)


def _action_record(
    head: Item | None, tasks: list[Item], outline: Outline, default_year: int | None, title: str
) -> dict:
    code = head.number if head else ""
    action_title = first_clause(head.text) if head else title
    return {
        "code": code,
        "title": action_title,
        "tasks": [task_record(t, default_year) for t in tasks],
        "targets": _section_targets(head, tasks, outline),
    }


def _section_targets(head: Item | None, tasks: list[Item], outline: Outline) -> list[dict]:
    """Targets of 效果指标 items and 目标: paragraphs inside this section."""
    effects, labelled = _target_places(outline)
    found: list[dict] = []
    for it in effects:
        if _belongs(it, head, outline.items):
            found.extend(extract_targets(it.text))
    for owner in (head, *tasks):
        for text in labelled.get(id(owner), []) if owner is not None else []:
            found.extend(extract_targets(text))
    if head is not None and head not in tasks:
        # the section's own lead ("(三)重点检查 … 重点检查面不得低于…的5%"): its goals are the
        # section's, not a task's
        found.extend(extract_targets(head.text))
    return found


def _target_places(outline: Outline) -> tuple[list[Item], dict[int, list[str]]]:
    """The outline's 效果指标 items, and its 效果指标 / 目标: paragraphs by the item they stand
    under; worked out once per outline (a plan of thousands of sections reads them once)."""
    if outline.target_places is None:
        labelled: dict[int, list[str]] = {}
        for owner, text, label in outline.paragraphs:
            if owner is not None and label in ("效果指标", "目标"):
                labelled.setdefault(id(owner), []).append(text)
        effects = [it for it in outline.items if it.label == "效果指标"]
        outline.target_places = (effects, labelled)
    return outline.target_places


def _belongs(it: Item, head: Item | None, items: list[Item]) -> bool:
    """Whether item `it` comes after `head` and before the next item of head's level or above."""
    if head is None:
        return False
    start = items.index(head)
    rank = STYLE_RANK[head.style]
    for other in items[start + 1 :]:
        if other is it:
            return True
        if STYLE_RANK[other.style] <= rank:
            return False
    return False


# a paragraph that names the plan's goals or its 总体要求 ("主要目标是:…", "2024年,我们工作的
# 总体要求是:…", "工作目标:…")
_GOALS_NAMED_RE = re.compile(
    r"^.{0,16}(?:(?:总体|主要|工作|发展|预期)?目标(?:任务|要求)?|总体要求)(?:是|为)?\s*[:：]"
)
_HORIZON_RE = re.compile(r"(?:^|[。,，])(?:力争)?(?:到|至)\s*(?:19|20)\d{2}\s*年")


_GOALS_ITEM_RE = re.compile(r"(?:工作|总体|主要|发展|规划|预期|年度|阶段性)?目标")


def _plan_targets(outline: Outline, task_rank: int, sections: list, emitted: set) -> list[dict]:
    """Goals stated in sections without tasks whose heading speaks of 目标 (总体目标, 发展目标…)
    or that hold the plan's 总体要求 (its goals, often, after its guiding ideas),
    with the numbered items of such a section that are not tasks ("1.目标。…人才贡献率达到40%")
    and the paragraphs under them."""
    found: list[dict] = []
    taken = emitted | {id(t) for h, ts in sections if id(h) in emitted for t in ts}
    items = outline.items
    paragraphs: dict[int, list[str]] = {}  # each item's paragraphs, read once
    for owner, text, _ in outline.paragraphs:
        paragraphs.setdefault(id(owner), []).append(text)
    goal_heads = [
        n
        for n, it in enumerate(items)
        # (an item named for the goals at the tasks' level: "一、总体要求 (二)工作目标。…达标")
        if (STYLE_RANK[it.style] < task_rank or _GOALS_ITEM_RE.fullmatch(first_clause(it.text)))
        and id(it) not in taken
        and (
            "目标" in it.text[:12]
            or re.match(r"(?:主要|核心|规划)指标(?:$|[。:：])", it.text)  # "二、主要指标"
            or it.text.startswith("总体要求")  # goals stated in 总体要求
            # standards a part sets ("三、基本要求 …采用晶硅组件的应不低于18%")
            or bool(re.match(r"(?:基本|技术|建设|设计)要求(?:$|[。:：])", it.text))
            # what an activity does, when no task holds it ("三、活动内容:沿路种植重阳木550株")
            or bool(re.match(r"[\u4e00-\u9fff]{2}内容(?:[:：]|$)", it.text[:8]))
            or STAGES_RE.search(it.text[:12])  # goals of dated stages
        )
    ]
    seen: set[int] = set()
    for n in goal_heads:
        head, rank = items[n], STYLE_RANK[items[n].style]
        end = n + 1
        while end < len(items) and STYLE_RANK[items[end].style] > rank:
            end += 1
        # the items under the heading outside actions and tasks, each once (a 目标 in a 目标)
        owners, skip_below = [], None
        for o in items[n:end]:
            if skip_below is not None and STYLE_RANK[o.style] > skip_below:
                continue
            skip_below = STYLE_RANK[o.style] if id(o) in taken else None
            if skip_below is None and id(o) not in seen:
                owners.append(o)
        seen.update(id(o) for o in owners)
        for owner in owners:
            # a dated stage ("(二)试运行阶段(2025年年底前)") is the year of its goals
            years = (
                STAGE_YEAR_RE.findall(owner.text[:40]) if STAGES_RE.search(head.text[:12]) else []
            )
            head_text = [owner.text]
            first = owner.parts[0].strip() if years and owner.parts else ""
            if (
                first
                and len(owner.parts) > 1
                and len(first) <= 30
                and not re.search("[,，。;；]", first)
            ):
                head_text = [first, "".join(owner.parts[1:])]  # the stage's name, then its goals
            for text in (*head_text, *paragraphs.get(id(owner), [])):
                for target in extract_targets(text):
                    if years and target["year"] is None:
                        target["year"] = int(years[-1])  # the stage's end
                    found.append(target)
    # a dated goal paragraph ("到2027年,…比率力争降至12%以下") in a section ahead of the first
    # section of tasks, whatever its heading ("一、全面提升发展质效"): the plan's
    first_taken = next((n for n, it in enumerate(items) if id(it) in taken), len(items))
    for it in items[:first_taken]:
        if STYLE_RANK[it.style] >= task_rank or id(it) in seen:
            continue
        for text in (it.text, *paragraphs.get(id(it), [])):
            horizon = _HORIZON_RE.search(text)
            if horizon:  # the goals from the horizon on, not the figures of the account before
                found.extend(extract_targets(text[horizon.start() :].lstrip("。,，")))
    # goals stated in the opening paragraph, before any numbered item ("…确保达标率稳定在95%
    # 以上,满意度达到96%…"): the plan's too
    opening = paragraphs.get(id(None), [])
    if not outline.items:  # no numbered item at all: the paragraphs from one naming the goals on
        start = next((k for k, t in enumerate(opening) if _GOALS_NAMED_RE.search(t)), len(opening))
        opening = opening[start:]
    for text in opening:
        found.extend(extract_targets(text))
    # a sub-item's text is also inside its item's text: each goal once
    return list({tuple(map(str, t.values())): t for t in found}.values())


def _heading_line(first: str, following: str) -> bool:
    """An item's first line that is a heading on its own ("(一)全面实施光伏专项工程") rather than
    the start of a paragraph wrapped onto the next line: short, no punctuation inside, and the
    line after it longer."""
    text = first.strip()
    return (
        0 < len(text) <= 24
        and not re.search(r"[,，。;；:：、!?！？]", text)
        and text.count("《") == text.count("》")  # "9.贯彻落实《" / "某某办法》,…": a title broken
        and text.count("“") == text.count("”")
        and len(following.strip()) > len(text)
        and not _OPEN_VERB_END_RE.search(text)
    )


# a first line cut after its verb or preposition, the object on the next line ("7. 全面实施" /
# "政府信息公开条例,…", a copy that dropped the title marks 《》 and broke the line there): no heading
_OPEN_VERB_END_RE = re.compile(
    r"^.{0,6}(?:实施|贯彻|落实|执行|推行|宣传|学习|制定|修订|修改|施行|贯彻执行|贯彻落实|认真执行)$"
    r"|(?:按照|依照|根据|依据|遵照|对照)$"  # "(四)监察机关要按照" / "行政监察法等规定,…"
)


def same_below_roles(line: str) -> list[tuple[str, list[str]]]:
    """The roles of an attribution in parentheses that ends "下同" (the same for the tasks
    below): "(牵头指导处室:A,B、C为实施单位,下同)" -> A leads, B and C are responsible."""
    roles: list[tuple[str, list[str]]] = []
    for m in re.finditer(r"[(（]([^()（）]*下同)[)）]", line):
        if FIRST_LEADS_RE.search(m.group(1)):
            continue  # "其中列第一位为牵头单位,下同": the rule holds below, not these names
        note = m.group(1).rsplit("。", 1)[1] if "。" in m.group(1) else ""
        if note and not re.search(r"[:：]", note):
            continue  # "(负责单位:X。未明确牵头单位的,由所列负责单位负责,下同)": a rule, no names
        _, found = extract_inline_units(f"({m.group(1)})")
        roles.extend((r, n) for r, n in found if n)
    return roles


# "以下均需区市场监管局落实", "以下各项任务均由各区政府组织实施": a unit in every task below
_ALL_BELOW_RE = re.compile(
    r"以下(?:各项|各类|各)?(?:任务|工作)?均(?:需要|需|由|要|须)?"
    r"(?P<names>(?:[^,，。;；()（）]|[(（][^()（）,，。]{1,8}[)）]){2,30}?)"  # 各乡(镇)政府
    r"(?:(?P<co>配合|协助|协同)(?:组织|负责)?(?:落实|负责|实施)?|(?:组织|负责)?(?:落实|负责|实施))"
    r"|以下(?:分工|各项分工|任务|各项任务)?均(?:含|包括|包含)(?P<within>[^,，。;；()（）]{2,30})"
)  # "以下均需X落实", "以下分工均含X", "以下均需X配合落实"


def all_below_units(line: str) -> list[tuple[str, str]]:
    """(role key, unit) of the units a note says take part in every task below it: responsible,
    or cooperating when they 配合; [] when the line says none."""
    m = _ALL_BELOW_RE.search(line)
    if not m:
        return []
    key = "cooperating_units" if m["co"] else "responsible_units"
    return [(key, name) for name in unit_names(m["names"] or m["within"])]


_SUBJECT_IN_CHARGE_RE = re.compile(
    r"由?(?P<unit>[^,，。;；:：()（）、由]{2,20}?)(?P<verb>具体负责|负责|牵头)(?![人的])"  # (matched at a place)
)
_LED_CLAUSE_RE = re.compile(r"^由[^,，。;；]{2,30}?(?:负责|牵头)[,，]")


def _subjects_in_charge(text: str) -> Iterator[tuple[list[str], str]]:
    """(names, verb) of the bodies a task's first sentence opens on, then those of the sentence
    after a short title sentence; only names that all read as bodies."""
    starts = [0]
    title_end = text.find("。")
    if 0 < title_end <= 30:
        starts.append(title_end + 1)
    for at in starts:
        m = _SUBJECT_IN_CHARGE_RE.match(text, at)
        if not m:
            continue
        names = unit_names(m["unit"])  # "区政府办公室和区法制办": two bodies
        if not names:
            names = [m["unit"]] if looks_like_unit(m["unit"]) else []
        if names:
            yield names, m["verb"]


# an article's caption in brackets ("第四条(系统研究)…", the form of a 条款 text): its title
_CAPTION_RE = re.compile(r"^[(（]([\u4e00-\u9fff、和与及]{2,12})[)）]")


def _non_task_article(item: Item) -> bool:
    caption = _CAPTION_RE.match(item.text) if item.style == "article" else None
    return bool(caption and NON_TASK_SECTION_RE.search(caption.group(1)))


# a duty's sentence after a body named as the item's title: "负责…", "牵头…", "主要职责:…"
_DUTY_OPENING_RE = re.compile(r"^(?:主要|具体)?(?:负责|牵头|承担|组织|配合|协助|职责)")


def _body_titled(text: str) -> list[str]:
    """The body an item is titled by when its text goes on with that body's duties."""
    title, _, rest = text.partition("。")
    names = split_unit_names(title) if rest and len(title) <= 40 else []
    if names and all(looks_like_unit(n) for n in names) and _DUTY_OPENING_RE.match(rest):
        return names
    return []


_STAGE_SPAN_RE = re.compile(r"阶段\s*[(（]([^()（）]{2,30})[)）]")
# a stage's lead naming its period: "2024年第二季度:", "3-4月份:", "6月底前:"
_PERIOD_LEAD_RE = re.compile(
    rf"^((?:(?:19|20)\d{{2}}\s*年)?(?:{_QUARTER_OR_HALF}|\d{{1,2}}\s*月份?|{_MONTH_SPAN}份?)"
    r"(?:底|末)?前?)\s*[:：]"
)


def task_record(item: Item, default_year: int | None) -> dict:
    """The contract's Task object from an outline item."""
    text, inline_roles = extract_inline_units(item.text)
    units: dict[str, list[str]] = {v: [] for v in ROLE_KEYS.values()}
    for role, names in [*inline_roles, *item.roles]:
        key = ROLE_KEYS[role]
        units[key].extend(n for n in names if n not in units[key])
    for role, names in item.carried:  # "(…X为实施单位,下同)" above: for the roles not named here
        if not units[ROLE_KEYS[role]]:
            units[ROLE_KEYS[role]] = list(names)
    for key, name in item.also:  # "以下均需X落实" above
        if not any(name in names for names in units.values()):
            units[key].append(name)
    if not any(units.values()):
        # "1.区园林局负责做好活动的前期准备工作", "健全决策机制。区政府办公室和区法制办牵头,…":
        # the bodies the task's first sentence, or the one after its title, opens on
        for subject in _subjects_in_charge(text):
            key = "lead_units" if subject[1] == "牵头" else "responsible_units"
            units[key] = subject[0]
            break
    if not any(units.values()) and (body := _body_titled(text)):
        units["responsible_units"] = body  # "(一)区房管局。负责定期…": the body, then its duties
    if item.first_leads and not units["lead_units"] and units["responsible_units"]:
        units["lead_units"] = units["responsible_units"][:1]
        units["responsible_units"] = units["responsible_units"][1:]
    deadline = None
    labelled = INLINE_DEADLINE_RE.search(item.text)  # "(责任部门:X。时间节点:2025年3月)"
    if not item.deadline_text and labelled:
        item.deadline_text = labelled.group(1).strip()
    if item.deadline_text:
        deadline = parse_deadline(item.deadline_text, default_year)
    # "(一)部署查改阶段(6月)", "(二)第二季度:完成项目审批": a stage's time in its title, or the
    # period it opens on, is its deadline (not its steps' dates)
    span = _STAGE_SPAN_RE.search(first_clause(item.text)) or _PERIOD_LEAD_RE.match(item.text)
    if span and not item.deadline_text:
        staged = find_deadline_in_text(span.group(1), default_year) or parse_deadline(
            span.group(1), default_year
        )
        deadline = staged if staged is not None and staged.date else None
    if deadline is None:
        deadline = find_deadline_in_text(text, default_year)
    deadline_text = item.deadline_text or (deadline.text if deadline else None)
    # "(一)由某区政府负责,在某路…摆放鲜花": the title as written, its leading role clause in it
    led = _LED_CLAUSE_RE.match(item.text)
    title_text = item.text if led and item.text.endswith(text[-8:]) else text
    caption = _CAPTION_RE.match(text) if item.style == "article" else None
    return {
        "number": item.number,
        "title": caption.group(1) if caption else first_clause(title_text),
        "text": text,
        "group": item.group,
        **units,
        "deadline_text": deadline_text,
        "deadline": deadline.date.isoformat() if deadline and deadline.date else None,
        "ongoing": bool(deadline and deadline.ongoing),
        "recurring": deadline.recurring if deadline else None,  # 每年… / 每季度
        "targets": extract_targets(text),
    }
