"""File -> the contract's parse output (docs/parse-output.md): documents with actions, tasks, targets."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from loaders.files.normalize import clean_document_text, normalize_cell, normalize_text
from loaders.files.readers import file_format, read_table_bytes, read_text_bytes
from loaders.plans.breakdown import (
    MEASURE_RE,
    find_header,
    full_header,
    parse_table_rows,
    pipe_table_lines,
)
from loaders.plans.deadlines import find_deadline_in_text
from loaders.plans.documents import RawDocument, guess_title, split_documents, years_of
from loaders.plans.indicator_tables import indicator_goals
from loaders.plans.oneline_tables import restore_rows
from loaders.plans.outline import (
    match_marker,
    spaced_pieces,
    split_running_text,
    strip_page_marks,
)
from loaders.plans.prose import ParsedPlan, parse_plan_lines
from loaders.plans.review import annotate
from loaders.plans.spaced_tables import space_parted_rows
from loaders.plans.targets import coming_part, extract_achievements, extract_targets

TABLE_FORMATS = ("xlsx", "xls", "csv")
ALIGNED_FORMATS = ("xlsx", "xls", "csv", "docx", "html")
REPORT_RE = re.compile(r"(报告|总结|通报|情况的|工作情况|完成情况|进展情况|进度)")
PLAN_TITLE_RE = re.compile(r"(方案|要点|计划|规划|安排|意见|任务|清单|分工|分解|措施|纲要|举措)")
# what a report says of itself near its opening: "现将…情况报告如下", "一、2021年主要工作情况"
REPORT_BODY_RE = re.compile(
    r"报告如下|现将.{0,40}报告|(?:主要|重点)?工作(?:开展)?情况(?:及|和)?(?:成效)?$|"
    r"(?:取得|主要)(?:的)?(?:成效|成绩|做法)|工作总结|年度.{0,12}情况报告|"
    r"(?:举措|措施|做法|工作)(?:和|及|与)(?:成效|成果|成绩)$"  # "一、2025年…的主要举措和成效"
)
# a news item: its by-line and the words of a reporter
_NEWS_RE = re.compile(r"本报讯|本台讯|记者|通讯员|日前|近日|据悉|获悉|据了解|讯\(")
# …a plan of which it reports as just issued: "制定并下发了《…方案》", "发布了2020年工作《要点》"
_ISSUED_PLAN_RE = re.compile(
    r"(?:印发|下发|发布|出台|制定|审议)(?:了|通过了|并下发了|并印发了)?"
    r"(?:[^。《]{0,12}《[^》]{0,60}(?:方案|要点|计划|规划|意见|清单|任务书)》"
    r"|[^。《》]{0,20}?(?:方案|要点|计划|规划|任务书))"
)
# a report opens on the year it reports on: "2022年,全县…", "2019年以来,在市委…领导下", or on
# its period: "五年来,", "今年以来,"
REPORT_OPENING_RE = re.compile(
    r"(?:^|[。\n])(?:(?:19|20)\d{2}年(?:度|以来)?|[一二三四五两]年(?:来|以来)|今年以来),"
)
_PLAN_PART_RE = re.compile(
    r"工作目标|总体目标|总体要求|指导思想|主要任务|重点任务|工作任务|实施方案"
)
# words of things done (了, 取得, 累计 …): a report uses them several times per thousand characters
PAST_RE = re.compile(
    r"了|取得(?![^。,，;；]{0,12}(?:证|资格|执照|许可|授权|委托|同意))|累计|"  # not "取得…证件"
    r"先后|全年共|共计|有效提升|不断(?:完善|健全|提高|增强)|持续(?:提升|增强)|迈上"
)
# a past result with a figure: "全年召开36次", "办理…案件120件", "出庭应诉率达100%"
PAST_FIGURE_RE = re.compile(
    r"(?:共|累计|合计|全年|先后|已)[^。;!?]{0,24}?\d+(?:\.\d+)?(?:次|件|宗|起|场|人次|个|项|家|名|期|篇|条|万|%)"
)
TABLE_TITLE_RE = re.compile(r"(分解|任务表|清单|台账|责任表)")
# assessment schemes (考核方案, 评分标准) score the plan's tasks; they are not plans themselves
ASSESS_TITLE_RE = re.compile(
    r"(考核|考评|评分|评价|测评|评估)[^,。]{0,6}(?:方案|办法|细则|标准|体系|表)|指标体系(?:\(试行\))?$"
)
# rules, procedures and forms are not plans even when some articles name a responsible unit
RULE_TITLE_RE = re.compile(
    r"(办法|规定|细则|条例|规则|规程|准则|守则|规范|指引|指南|流程|测评表|章程|制度|职责清单|(?<!工作)责任清单|职责分工)"
    r"(\((?:试行|暂行)\))?$"  # (a 工作责任清单 lists the year's work: a plan)
)


def parse_bytes(name: str, data: bytes) -> dict:
    """The parse result of one file given as bytes: {"path", "sha256", "documents"}."""
    fmt = file_format(name)
    sha = hashlib.sha256(data).hexdigest()
    if fmt in TABLE_FORMATS:
        documents = [parse_table_file(name, read_table_bytes(name, data))]
    else:
        # tables are looked for in normalised text: "１" and "｜" are 1 and |
        raw = read_text_bytes(name, data)
        # a page or a field copied as one line, its line breaks left as spaces (not a PDF: its
        # lines are the page's, their spaces gaps in the print)
        raw, pieces = spaced_pieces(space_parted_rows(raw)) if fmt != "pdf" else (raw, set())
        lines = normalize_text(raw).split("\n")
        raw = "\n".join(pipe_table_lines(restore_rows(lines)))
        # indicator tables flattened a cell a line, read before cleaning takes their bare
        # numbers for page numbers and their repeated 约束性/预期性 cells for page furniture
        goals, kept = indicator_goals(raw.split("\n"))
        text = clean_document_text("\n".join(kept))
        lines = [
            p
            for line in strip_page_marks(text.split("\n"))
            for p in split_running_text(_strip(line), running=_strip(line) in pieces)
        ]
        split = split_documents(lines)
        documents = [
            parse_document(doc, aligned=fmt in ALIGNED_FORMATS, goals=mine)
            for doc, mine in zip(split, _goals_by_document(split, goals), strict=True)
        ]
    return {"path": name, "sha256": sha, "documents": documents}


def parse_path(path: str | Path) -> dict:
    p = Path(path)
    result = parse_bytes(p.name, p.read_bytes())
    result["path"] = str(path)
    return result


def _document(doc: RawDocument, kind: str, actions: list[dict], achievements: list[dict]) -> dict:
    _shared_deadline(doc, actions)
    annotate(actions)
    return {
        "title": doc.title,
        "doc_number": doc.doc_number,
        "issuer": doc.issuer,
        "issued_on": doc.issued_on,
        "kind": kind,
        "years": doc.years,
        "actions": actions,
        "achievements": achievements,
    }


# one deadline the text sets for every item it lists ("列入清单管理的决策事项须于2022年12月31日
# 前完成", "以上任务务必于6月底前完成")
_ALL_BY_RE = re.compile(
    r"(?:列入|所列|以上|上述|各项|全部|所有)[^。;；]{0,16}?(?:事项|任务|工作|项目|措施)"
    r"[^。;；]{0,6}?(?:须|要|应|务必|必须|均|全部)?[^。;；]{0,4}?(?:在|于)[^。;；]{2,16}?前(?:全部)?(?:完成|办结)"
)


def _shared_deadline(doc: RawDocument, actions: list[dict]) -> None:
    """Every task without a deadline of its own takes the one the text sets for all of them,
    when none has one and the text sets exactly one."""
    tasks = [t for a in actions for t in a["tasks"]]
    if not tasks or any(t["deadline"] or t["deadline_text"] or t["ongoing"] for t in tasks):
        return
    found = {m.group(0) for line in doc.lines for m in _ALL_BY_RE.finditer(line)}
    if len(found) != 1:
        return
    year = doc.years[0] if doc.years else None
    deadline = find_deadline_in_text(found.pop(), year)
    if deadline is None or deadline.date is None:
        return
    for t in tasks:
        t["deadline_text"], t["deadline"] = deadline.text, deadline.date.isoformat()


def _goals_of(actions: list[dict]) -> list[dict]:
    """The targets of a table's rows, in order."""
    return [
        *(g for a in actions for g in a["targets"]),
        *(g for a in actions for t in a["tasks"] for g in t["targets"]),
    ]


def _goals_by_document(docs: list[RawDocument], goals: list[dict]) -> list[list[dict]]:
    """The goals of a file's indicator tables given to its documents: each to the documents
    naming its indicator, all to a file's only document (whose table left its text)."""
    if len(docs) == 1:
        return [goals]
    texts = ["".join(doc.lines) for doc in docs]
    return [[g for g in goals if g["indicator"] in text] for text in texts]


def _with_goals(have: list[dict], goals: list[dict]) -> list[dict]:
    """A plan's goals and those read elsewhere (the indicator tables its text held, 主要指标 |
    目标值 | 属性; a first reading of its outline), each indicator's value once."""
    seen = {(g["indicator"], g["value"]) for g in have}
    return have + [g for g in goals if (g["indicator"], g["value"]) not in seen]


# a year the text speaks of ("2005年", not "2003年以来")
_TEXT_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年(?!\s*(?:以来|来|以前|之前))")


def _text_year(doc: RawDocument) -> list[int]:
    """The year a document names most often (the latest of equals) when neither its title nor
    its metadata gave one: a page of a plan cut from its opening ("(二)自查摸底阶段(7月3日至7月
    15日)…《2005年环保专项行动工作总结》")."""
    found = Counter(int(y) for y in _TEXT_YEAR_RE.findall("\n".join(doc.lines[:200])))
    if not found:
        return []
    return [max(found, key=lambda y: (found[y], y))]


def table_rows(lines: list[str]) -> list[list[str]]:
    return [line.split("\t") for line in lines if "\t" in line]


def parse_document(doc: RawDocument, aligned: bool = False, goals: Sequence[dict] = ()) -> dict:
    """One document: a breakdown table, a plan, an annual report, or other."""
    default_year = doc.years[0] if doc.years else None
    dated = doc.years or _text_year(doc)  # the year a deadline without one ("7月15日前") is of
    rows = table_rows(doc.lines)
    if len(rows) >= 3 or (len(rows) == 2 and full_header(rows[0])):
        header = find_header(rows)
        numbered = header is not None and "number" in header[1].values()  # a 序号 column
        text_table = (
            not aligned
            and not numbered
            and any(MEASURE_RE.match(c.strip()) for r in rows for c in r)
        )
        actions = parse_table_rows(rows, default_year, aligned=not text_table)
        if (
            actions
            and ASSESS_TITLE_RE.search(doc.title)
            and not _attributed(ParsedPlan(actions, []))[0]
        ):
            # an assessment's table naming no unit (项目 | 考核标准 | 扣分标准): items to score, no tasks
            return _document(doc, "other", [], [])
        if actions:
            kind = _table_kind(doc)
            if kind == "plan":  # a plan's own tasks in its text, beside a table inside it
                prose = parse_plan_lines(doc.lines, doc.title, dated)
                named, total = _attributed(prose)
                if named >= 2 and named * 2 >= total:
                    result = _document(doc, kind, [*prose.actions, *actions], [])
                    result["targets"] = prose.plan_targets
                    return result
                if not _attributed(ParsedPlan(actions, []))[0]:
                    # a table naming no unit in a plan (指标 | 目标值 | 属性): its rows are the
                    # plan's goals, its tasks stand in its text
                    if not prose.actions:
                        prose = parse_plan_lines(doc.lines, doc.title, dated, structural=True)
                    if prose.actions:
                        result = _document(doc, kind, prose.actions, [])
                        result["targets"] = prose.plan_targets + _goals_of(actions)
                        return result
            return _document(doc, kind, actions, [])
    parsed = parse_plan_lines(doc.lines, doc.title, dated)
    kind = document_kind(doc, parsed)
    if kind == "annual_report":
        body = "\n".join(doc.lines)
        named, total = _attributed(parsed)
        # the year ahead's work, each item with its units ("三、下一步工作计划 (一)…(责任处室:各处室)"):
        # tasks to follow as a plan's are; items naming no unit are the report's intentions
        ahead = parsed.actions if named >= 2 and named * 2 > total else []
        result = _document(doc, kind, ahead, extract_achievements(body, default_year))
        result["targets"] = extract_targets(coming_part(body))  # the goals of the year to come
        return result
    if kind == "plan" and _requirements_only(doc) and not _attributed(parsed)[0]:
        # the notice's own requirements ("1.明确任务,压实责任。…"), the plan it hands on not here;
        # a figure they set ("每年至少开展1次专项检查") is the plan's
        parsed = ParsedPlan([], _with_goals(parsed.plan_targets, _goals_of(parsed.actions)))
    if kind == "plan" and not parsed.actions and _transmits_only(doc):
        # a notice's own numbered requirements are no tasks; a figure they set is the plan's
        structural = parse_plan_lines(doc.lines, doc.title, dated, structural=True)
        found = [*structural.plan_targets, *_goals_of(structural.actions)]
        parsed = ParsedPlan([], _with_goals(parsed.plan_targets, found))
    elif kind == "plan" and not parsed.actions:
        structural = parse_plan_lines(doc.lines, doc.title, dated, structural=True)
        # (no task either way: the goals read so far stand, "二、主要目标 (一)…达到50%以上")
        if structural.actions:  # (the goals read without it stand beside its tasks)
            read = _with_goals(structural.plan_targets, parsed.plan_targets)
            parsed = ParsedPlan(structural.actions, read)
        elif not parsed.plan_targets:
            parsed = structural
    if (
        kind == "plan"
        and not parsed.actions
        and not parsed.plan_targets
        and (PLAN_TITLE_RE.search(doc.title) or _says_plan(doc))
        and _unnumbered(doc)
    ):
        # a plan told in running prose, no item numbered ("《通知》指出,要确保完成90%流域入河
        # 排污口排查…"): the goals it states are the plan's
        found = extract_targets("\n".join(doc.lines), default_year)
        parsed = ParsedPlan([], found)
    if kind == "plan":  # the goals of indicator tables the text held flattened
        parsed = ParsedPlan(parsed.actions, _with_goals(parsed.plan_targets, list(goals)))
    if kind == "plan" and (
        parsed.actions or parsed.plan_targets or PLAN_TITLE_RE.search(doc.title) or _says_plan(doc)
    ):
        if (
            TABLE_TITLE_RE.search(doc.title)
            and doc.title.endswith("表")
            and (
                parsed.actions
                or rows
                or any("|" in line for line in doc.lines)
                or not any(_HANDED_ON_RE.search(line) for line in doc.lines[:40])
            )
        ):
            kind = "breakdown_table"  # (a notice issuing the table, not holding it, sets a plan)
        result = _document(doc, kind, parsed.actions, [])
        result["targets"] = parsed.plan_targets
        return result
    body = "\n".join(doc.lines)
    if kind == "plan" and not re.search(r"印发《", body[:300]) and not _notifies(doc):
        # no task, no goal, nothing names a plan: figures of work done report it (not the news
        # of a document just issued, "…印发《考评指标》…设4个一级指标、24个二级指标")
        found = extract_achievements(body, default_year)
        if len(found) >= 3:  # ("一是夯实普法力量。…开展普法活动245余场次。二是…办结…393件")
            return _document(doc, "annual_report", [], found)
    return _document(doc, "other", [], [])


# a notice handing on a plan with requirements of its own: "现印发给你们,并提出以下意见",
# "印发给你们,并就抓好《方案》确定的146项工作任务落实通知如下", "印发给你们,请结合以下要求…"
_HANDED_ON = r"(?:印发|转发)给你们"
_TRANSMITS_RE = re.compile(
    _HANDED_ON + r".{0,12}(?:提出|就|强调|结合)[^。]{0,40}?(?:(?:以下|如下)(?:意见|要求)|通知如下)"
)


def _transmits_only(doc: RawDocument) -> bool:
    """A notice that hands on an attached plan and numbers its own requirements after saying so
    ("一、高度重视,提高站位。…"): those are no tasks of the plan."""
    return any(_TRANSMITS_RE.search(line) for line in doc.lines[:40])


_HANDED_ON_RE = re.compile(_HANDED_ON)


def _requirements_only(doc: RawDocument) -> bool:
    """A notice handing on a plan, then its few requirements and its end: the plan's text is not
    in this document (a copy of the notice alone, the plan a separate file)."""
    at = next((k for k, line in enumerate(doc.lines[:40]) if _TRANSMITS_RE.search(line)), None)
    return at is not None and len(doc.lines) - at <= 25


_NOTIFIES_RE = re.compile(r"(?:现|特)(?:就|将)[^。]{0,60}通知如下")


def _notifies(doc: RawDocument) -> bool:
    """A notice saying what follows is its notice ("现就有关事项通知如下"), not a report."""
    return bool(_NOTIFIES_RE.search("".join(doc.lines[:40])))  # (lines broken mid-word too)


def _unnumbered(doc: RawDocument) -> bool:
    """No line of the text opens on an outline number."""
    return not any(match_marker(line.strip(), None) for line in doc.lines)


def _table_kind(doc: RawDocument) -> str:
    """A plan whose tasks stand in a table inside its text (序号 | 创建领域 | 责任单位 under
    "二、工作任务") is a plan; a document that is its table (…任务分解表, …清单) is the table."""
    prose = sum(1 for line in doc.lines if "\t" not in line and "。" in line)
    named_plan = PLAN_TITLE_RE.search(doc.title) and not TABLE_TITLE_RE.search(doc.title)
    if named_plan and not doc.title.endswith("表") and prose >= 3:
        return "plan"
    attachment = doc.attached or any(
        line.lstrip().startswith(("附件", "附表", "附录")) for line in doc.lines
    )
    if named_plan and not doc.title_is_guess and not attachment and not doc.title.endswith("表"):
        return "plan"  # "某委2025年法治政府建设工作要点" written wholly as a table under its title
    return "breakdown_table"


def _attributed(parsed: ParsedPlan) -> tuple[int, int]:
    """(tasks naming a unit, tasks) of a parse."""
    tasks = [t for a in parsed.actions for t in a["tasks"]]
    named = sum(
        bool(t["lead_units"] or t["responsible_units"] or t["cooperating_units"]) for t in tasks
    )
    return named, len(tasks)


def document_kind(doc: RawDocument, parsed: ParsedPlan) -> str:
    """plan / annual_report / other, decided by what the text holds; the title is a hint.

    Tasks with attributions make a plan whatever the title says (a 考评办法 whose attachment
    lists tasks with 牵头考核单位, a 政府工作报告 split into tasks). A report says so of itself
    near its opening or recounts past results with figures. Numbered items without units make
    a plan when the title names one (方案、要点、计划 …), or when nothing says report."""
    named, total = _attributed(parsed)
    if _REPORT_OF_WORK_TITLE_RE.search(doc.title) and not doc.title_is_guess:
        # "…关于2022年法治工作情况暨2023年工作要点的报告": a report, its next year's items with
        # their units a part of it
        return "annual_report"
    if named >= 3 or (named and named * 2 >= total):
        return "plan"
    if _explains(doc):  # a plan's 解读 (起草背景, 制定依据) quotes its goals: no plan itself
        return "other"
    if _says_plan(doc):  # "…,制定本方案。": the text says what it is, whatever line heads it
        return "plan"
    # a title guessed from a first sentence ("2022年,全县…") is no hint
    title = doc.title if len(doc.title) <= 60 and not re.search(r"[。,;:]", doc.title) else ""
    if (
        RULE_TITLE_RE.search(title)
        or ASSESS_TITLE_RE.search(title)
        # a reply reports nothing; a notice sets no tasks unless it says what follows is its
        # notice of work ("现将…有关事项通知如下:一、…")
        or (title.endswith(("通知", "通报", "函", "决定", "答复", "批复")) and not _notifies(doc))
        or _RECTIFIED_RE.search(title)
    ):
        return "other"  # rules, assessments and notices: not plans, though an article names a unit
    title = "" if doc.title_is_guess else title  # a first short line: no hint of plan or report
    plan_title = bool(PLAN_TITLE_RE.search(title))
    if REPORT_RE.search(title) and not plan_title:
        return "annual_report"
    if plan_title or _notifies(doc):  # "现就有关事项通知如下": a notice setting work, no report
        return "plan"
    body = "\n".join(doc.lines)
    news = _NEWS_RE.search(body[:400])
    if news and _ISSUED_PLAN_RE.search(body, news.start(), news.end() + 120):
        return "other"  # news of a plan just issued ("本报讯…发布了2020年工作《要点》"): no plan
    opening = REPORT_OPENING_RE.search(body[:400])
    # "2022年,全县…" opening a report, not "一、工作目标 …。2020年,…得到规范" of a plan's goals
    opening = opening if opening and not _PLAN_PART_RE.search(body[: opening.start()]) else None
    # "2024年,我们工作的总体要求是:…": the year of a plan's goals, not of a report's results
    opening = opening if opening and not _PLAN_PART_RE.search(body[opening.end() :][:30]) else None
    hits = len(PAST_RE.findall(body))
    # an opening year with nothing done after it, no figure nor past tense ("2023年,我县司法行政
    # 工作坚持以…为指导" over "1.深入学习…" "2.推进…"): a plan's year, not a report's
    if opening and not (hits or PAST_FIGURE_RE.search(body)):
        opening = opening if extract_achievements(body[:20000], None) else None
    said = any(_says_report(line) for line in doc.lines[:40] if len(line) < 300) or bool(opening)
    past = hits * 1000 / max(len(body), 1) if hits >= 2 else 0.0  # one "了" makes no report
    if said or past >= 2.5 or len(PAST_FIGURE_RE.findall(body)) >= 3:
        return "annual_report"
    return "plan"


# a title naming a report on work done ("…工作情况的报告", "…情况暨…工作要点的报告", "…年度报告")
_REPORT_OF_WORK_TITLE_RE = re.compile(
    r"(?:工作|建设|推进|开展|落实|实施|执行)(?:情况|进展)[^。]{0,30}的?报告$|年度报告$"
    # "…2022年工作总结及2023年工作计划": the year's results first, the next year's plan after
    r"|(?:19|20)\d{2}\s*年度?工作总结(?:及|和|暨|与|以及)[^。]{0,16}(?:计划|思路|打算|安排|要点)(?:的报告)?$"
)


def _says_report(line: str) -> bool:
    """A line saying it reports ("现将…报告如下", "一、取得的成效"); not a plan asking for a
    summary of results ("要认真总结环保行动取得的成效与不足")."""
    for m in REPORT_BODY_RE.finditer(line):
        clause = re.split(r"[。;；,，]", line[: m.start()])[-1]
        if not _ASKS_SUMMARY_RE.search(clause):
            return True
    return False


_ASKS_SUMMARY_RE = re.compile(
    r"(?<![主重需纪概摘])要|将|应|总结|巩固|梳理|宣传|展示|完成|报送|上报|形成|撰写|提交"
)


# a plan saying so of itself: "…,制定如下方案。", "特制定本实施方案", "决定在我县深入开展…活动"
_PLAN_PREAMBLE_RE = re.compile(
    r"(?:特|现)?制定(?:如下|本)(?:实施|工作|行动)?(?:方案|计划|要点|意见|措施)"
    r"|特制定[^。;,]{0,12}(?:工作任务|重点任务|任务|措施)。"  # "特制定七方面30条工作任务。"
    r"|决定(?:在|于|从|自)[^。;]{0,30}(?:开展|实施|推进)[^。;]{0,30}(?:活动|行动|工作)"
    r"|(?:现|特)提出(?:如下|以下)(?:实施|工作|指导)?(?:意见|措施)"  # an 意见 setting work
    # "现提出如下“1+3+15+1”(…)方面工作安排": the year's arrangement of work
    r"|(?:现|特)提出(?:如下|以下)[^。;]{0,60}?(?:工作安排|工作要点|重点任务|工作任务)"
)
# a short line near the opening that names a plan, under a guessed title ("宪法宣传日活动方案2017"
# below a site's blurb): the document's own title line
_EARLY_PLAN_TITLE_RE = re.compile(
    r"^[^。,;:!?]{2,40}(?:方案|要点|计划|规划)(?:\(?(?:19|20)\d{2}[^。]{0,8})?$"
)


# where a rectification stands ("…巡察整改进展情况的报告", "…问题整改情况的公示"): no year's
# report of work and no plan
_RECTIFIED_RE = re.compile(r"整改(?:工作)?(?:进展|落实)?情况(?:的)?(?:报告|通报|公示|公告)$")


# the parts an explainer of a plan opens on (政策解读: 起草背景 / 制定依据 / 出台目的)
_EXPLAINER_PART_RE = re.compile(
    r"^(?:[一二三]、|\(?[一二三]\)|\d[.、])?\s*(?:(?:[\u4e00-\u9fff]{2}(?:和|及|与))?(?:起草|制定|出台)(?:的)?"
    r"(?:背景|依据|过程|目的)|背景(?:和|及|与)?依据$)"
)  # (also "一、背景依据", "二、研判和起草过程")


# a title naming an explainer: "…的解读", "【文字解读】X方案", "解读:《X》" (not "政策解读工作方案")
_EXPLAINER_TITLE_RE = re.compile(
    r"解读$|^[【\[][^】\]]{0,6}解读[】\]]|^(?:政策)?解读\s*[:：《]"
    r"|问答$|常见问题|答疑$|热点\s*\d{0,3}\s*问$|\d{1,3}\s*问$"  # a page of questions and answers
)
# a numbered question ("一、创业担保贷款申请对象有哪几类?", "1.2025年度…指标有多少个?答:…")
_NUMBERED_QUESTION_RE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.]|\d{1,2}\s*[.、．]|[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）])"
    r"[^。;；]{4,80}?[?？]"
)
# an explainer's questions and answers ("Q:…是在什么样的背景下出台的?" / "A:…", "问:" / "答:")
_QUESTION_RE = re.compile(r"^\s*(?:Q|问)\s*\d{0,2}\s*[:：]")


def _explains(doc: RawDocument) -> bool:
    return (
        bool(_EXPLAINER_TITLE_RE.search(doc.title))
        or any(_EXPLAINER_PART_RE.match(line.strip()) for line in doc.lines[:12] if len(line) < 40)
        or sum(bool(_QUESTION_RE.match(line)) for line in doc.lines[:40]) >= 2
        or sum(bool(_NUMBERED_QUESTION_RE.match(line)) for line in doc.lines[:400]) >= 3
    )


def _says_plan(doc: RawDocument) -> bool:
    body = "\n".join(doc.lines[:40])[:1500]
    if _PLAN_PREAMBLE_RE.search(body):
        return True
    return doc.title_is_guess and any(
        _EARLY_PLAN_TITLE_RE.match(ln.strip()) for ln in doc.lines[:6]
    )


def parse_table_file(name: str, rows: list[list[str]]) -> dict:
    """A breakdown table from Excel/CSV: title from the rows above the header, or the file name."""
    cells = [[normalize_cell(c) for c in row] for row in rows]
    title_lines = [
        next(c for c in row if c) for row in cells[:5] if len({c for c in row if c}) == 1
    ]
    title = guess_title(title_lines) if title_lines else Path(name).stem
    doc = RawDocument(lines=[], title=title, years=years_of(title))
    default_year = doc.years[0] if doc.years else None
    actions = parse_table_rows(cells, default_year, aligned=True)
    return _document(doc, "breakdown_table", actions, [])


def _strip(line: str) -> str:
    """A line without its outer spaces; a table row keeps its TABs (a row whose only cell is
    its third, "\\t\\t(9) …", is still a row of the table)."""
    return line.strip(" ") if "\t" in line else line.strip()
