"""Deadlines (完成时限): a deadline cell or line, or the first deadline clause inside task prose.

Grammar (input follows the shared text conventions: half-width digits, no spaces next to CJK):

- a month, with an optional year, day or part: "2020年6月底前", "6月底前", "10月底", "3月1日前",
  "十二月底前", "四月份", "7月中旬"; the date is the day given, else the 10th (上旬), the 20th
  (中旬) or the last day of the month (底/末/下旬/前/none). "6月前" is read as "by June": 06-30.
- a quarter or half year: "第一季度", "一季度", "二季度", "2023年上半年", "下半年" -> its last day.
- the year end: "年底前", "年内", "年末", "全年", "2023年年底前", "2023年底", "2025年以前" -> 12-31.
- a year on its own ("2023年") -> 12-31, in a cell only.
- "每年…" (每年第一季度, 每年3月1日前) sets `recurring="year"`; the date is the first occurrence,
  in `default_year`. A cell reading "每季度" is `recurring="quarter"`, ongoing, without a date.
- ongoing wording (长期坚持, 持续推进, 长期, 持续开展, 常态化 …) -> `ongoing=True`, no date; after
  a date in a cell ("2025年11月底前,并长期坚持") both: the date, and `ongoing=True`.

The year comes from the text (2020年, 今年/本年/当年, 明年) or else from `default_year`; when neither
is known the Deadline is still returned, with `date=None`.

`parse_deadline` reads a whole cell or 完成时限 line (short text, at most 40 characters: longer text
is prose, see `find_deadline_in_text`). `find_deadline_in_text` is conservative: a time phrase in
prose is a deadline only with 前/以前/之前 or 底/末 wording ("3月底前", "7月底", "2023年年底前",
"第一季度前", "2025年以前"), with 年内 followed by a verb ("年内完成"), or as an explicit period
("2023年上半年", "每年第一季度"). A length of time ("施行后一年内完成", "两年内") is no deadline. So past events ("2019年5月27日，某区被…命名"), year ranges
("(2021—2025年)") and horizons without 前/底 ("到2035年基本建成") are not deadlines.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass, replace

from loaders.numbering import cn_to_int

_BEFORE = r"(?P<before>以前|之前|前(?![一二三四1-4](?:季度|个)|后))?"
_DATE_RE = re.compile(
    r"(?<![\d.])(?=[每今本当明年全上下第一二三四五六七八九十\d])"
    r"(?P<every>每年度?)?"
    r"(?:(?P<year>(?:19|20)\d{2})\s*年度?|(?P<rel>[今本当明])年度?)?"
    r"(?:(?P<month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月份?"
    r"(?:(?P<day>3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日号]"
    # a time of the day after it: "6月20日18:00前", "6月20日下午5时前"
    r"(?:\s*(?:上午|下午|中午)?\s*(?:[01]?\d|2[0-4])\s*(?:[:：]\s*[0-5]\d|[时点](?:\s*[0-5]?\d\s*分)?))?)?"
    r"(?P<mpart>底|末|上旬|中旬|下旬)?"
    r"|第?(?P<quarter>[一二三四1-4])季度(?P<qend>末|底)?"
    r"|(?P<half>[上下])半年(?P<hend>末|底)?"
    r"|(?P<yend>年底|年末|年内|全年|底|末|内))?" + _BEFORE
)
# words of work that goes on, and the verbs they take (长期坚持, 持续推进, 常态化开展)
_ONGOING_WORDS = r"(?:长期|持续|常态化?|经常性|常年)"
_ONGOING_VERBS = r"(?:坚持|推进|开展|实施|进行|落实|抓好)"
ONGOING_CLAUSE = _ONGOING_WORDS + _ONGOING_VERBS + "?"  # "持续推进", "长期坚持", "常态化"
_ONGOING_RE = re.compile(_ONGOING_WORDS + r"|每季度|每月|每年度?$")
_PROSE_YEAR_IN_VERB = "完实建出制基全启达推形落"
# a cell going on after its date: "2025年11月底前,并长期坚持", "6月底前完成,持续推进"
_KEPT_ON_RE = re.compile(ONGOING_CLAUSE + r"(?:$|[,，;；。])")
MAX_CELL_CHARS = 40
# what must be done by then: "2009年内都要创造条件尽快启动", "年内必须全部整改到位"
_MUST_RE = re.compile(r"(?:都|均|全部|各地)?(?:要|须|必须|务必|应当?|力争|争取)")


@dataclass(frozen=True)
class Deadline:
    text: str
    date: datetime.date | None
    ongoing: bool
    recurring: str | None  # 'year' | 'quarter' | None


def _cn_int(token: str) -> int:
    """1–31 written in Arabic or Chinese digits (十, 十二, 二十一)."""
    value = cn_to_int(token)
    if value is None:
        raise ValueError(token)
    return value


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _year_of(m: re.Match, default_year: int | None) -> int | None:
    if m["year"]:
        return int(m["year"])
    if m["rel"]:
        return default_year + 1 if m["rel"] == "明" and default_year else default_year
    return default_year


def _date_of(m: re.Match, year: int | None) -> datetime.date | None:
    if year is None:
        return None
    if m["month"]:
        month = _cn_int(m["month"])
        if m["day"]:
            day = _cn_int(m["day"])
            return datetime.date(year, month, min(day, calendar.monthrange(year, month)[1]))
        if m["mpart"] in ("上旬", "中旬"):
            return datetime.date(year, month, 10 if m["mpart"] == "上旬" else 20)
        return _month_end(year, month)
    if m["quarter"]:
        return _month_end(year, 3 * _cn_int(m["quarter"]))
    if m["half"]:
        return _month_end(year, 6 if m["half"] == "上" else 12)
    return datetime.date(year, 12, 31)


# "一年内", "两年内", "3年内", "半年内", "几年内": a length of time counted from some event, not a date
_DURATION_BEFORE = set("0123456789一二两三四五六七八九十百个几多半")


def _is_duration(m: re.Match, text: str) -> bool:
    return m.group(0).startswith("年") and m.start() > 0 and text[m.start() - 1] in _DURATION_BEFORE


# a date describing a thing by when it was made ("2000年底前建成的老旧小区", "2015年以前出生的"):
# what the task is about, not when it is due
_ATTRIBUTIVE_RE = re.compile(
    r"(?:已|新|所)?(?:建成|建设|竣工|建造|交付|投用|投入使用|出生|成立|注册|取得|发放|颁发|出让|登记|购置|"
    r"签订|批准|审批|开工|开业|出厂|生产|制定|出台|发布|印发|认定|划定|安装)(?:并[\u4e00-\u9fff]{1,4})?的"
)


def _is_prose_deadline(m: re.Match, text: str) -> bool:
    """Whether a time phrase in prose is a deadline (see the module docstring)."""
    if _is_duration(m, text) or _ATTRIBUTIVE_RE.match(text, m.end()):
        return False
    if m["before"]:
        return bool(m["month"] or m["quarter"] or m["half"] or m["yend"] or m["year"] or m["rel"])
    if m["month"]:
        if m["day"] and _HAND_IN_RE.match(text, m.end()):
            return True  # "9月30日报送工作小结": the day the work is handed in
        return m["mpart"] in ("底", "末", "下旬")
    if m["quarter"] or m["half"]:
        return bool(m["year"] or m["rel"] or m["every"] or m["qend"] or m["hend"])
    yend = m["yend"]
    if yend in ("年内", "内"):
        follows = text[m.end() : m.end() + 1]
        if not (yend == "年内" or m["year"]):
            return False
        return (
            follows in _PROSE_YEAR_IN_VERB and bool(follows) or bool(_MUST_RE.match(text, m.end()))
        )
    if yend in ("年底", "年末", "底", "末"):
        return bool(m["year"] or m["rel"] or m["every"])
    if m["year"] and not (yend or m["every"]):  # a bare year: "2025年完成…", "到2020年,…"
        after, before = text[m.end() : m.end() + 6], text[max(0, m.start() - 2) : m.start()]
        if "为" in before:  # "为到2035年基本建成…奠定基础": a purpose, not an end
            return False
        if _BARE_YEAR_VERB_RE.match(after):
            return True
        opens = text[max(0, m.start() - 2) : max(0, m.start() - 1)] in (
            "",
            ",",
            "，",
            "。",
            ";",
            "；",
        )
        if after[:1] in ",，" and text[max(0, m.start() - 1) : m.start()] in ("", "。", ";", "；"):
            return True  # "2024年,配合全区完成…": a task, or a sentence of it, opening on its year
        return before.endswith(("到", "至")) and (after[:1] in ",，" or opens)
    return False


# a bare year right before the verb of an end ("2025年完成配置", "力争2026年建成") is a deadline
_BARE_YEAR_VERB_RE = re.compile(
    r"(?:前|内)?(?:基本|全面|初步|全部)?(?:完成|建成|实现|形成|投入使用|投产|竣工)"
)


def _is_cell_deadline(m: re.Match) -> bool:
    if m["month"] or m["quarter"] or m["half"]:
        return True
    if m["yend"] in ("底", "末", "内"):
        return bool(m["year"] or m["rel"])
    return bool(m["yend"] or m["year"] or m["rel"] and m["before"])


def _make(text: str, m: re.Match, default_year: int | None) -> Deadline:
    year = _year_of(m, default_year)
    return Deadline(text, _date_of(m, year), False, "year" if m["every"] else None)


_NUMERIC_DATE_RE = re.compile(
    r"^((?:19|20)\d{2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:[ T]00:00(?::00)?)?(?:前|之前|以前)?$"
    r"|^((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:前|之前|以前)?$"  # 20171231
)


def _numeric_date(cell: str) -> datetime.date | None:
    """A date typed as numbers, as Excel date cells arrive: "2024-06-30", "2024/6/30", "2024.6.30"."""
    m = _NUMERIC_DATE_RE.match(cell)
    if not m:
        return None
    year, month, day = (g for g in m.groups() if g is not None)
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None


# a space a cell or a copy left inside a date ("2019年 12月30日前", "2020年3月 10日"): no break
DATE_SPACES_RE = re.compile(
    r"(?<=\d年)[ \u00a0\u3000]+(?=\d{1,2}\s*月)|(?<=\d月)[ \u00a0\u3000]+(?=\d{1,2}\s*日)"
)
# a month that lost its 月 after the year: "2016年6底前" (2016-06-30)
_LOST_MONTH_RE = re.compile(r"((?:19|20)\d{2}\s*年\s*)(1[0-2]|0?[1-9])\s*(?=底|末|上旬|中旬|下旬)")


def _date_cell(cell: str) -> str:
    """A cell's dates written whole: no space inside, no month without its 月."""
    return _month_restored(DATE_SPACES_RE.sub("", cell))


def _month_restored(cell: str) -> str:
    return _LOST_MONTH_RE.sub(r"\1\2月", cell)


def parse_deadline(text: str, default_year: int | None) -> Deadline | None:
    """A deadline cell or 完成时限 line ("2020年6月底前", "长期坚持", "每年第一季度"), or None."""
    cell = _date_cell(text.strip().strip("。;,"))
    if not cell or len(cell) > MAX_CELL_CHARS:
        return None
    numeric = _numeric_date(cell)
    if numeric is not None:
        return Deadline(cell, numeric, False, None)
    found = [
        m
        for m in _DATE_RE.finditer(cell)
        if m.group(0) and not _is_duration(m, cell) and _is_cell_deadline(m)
    ]
    if found:
        made = _range_end(cell, found, default_year) or _make(cell, found[0], default_year)
        if _KEPT_ON_RE.search(cell, found[-1].end()):  # "2025年11月底前,并长期坚持": both
            made = replace(made, ongoing=True)
        return made
    ongoing = _ONGOING_RE.search(cell)
    if ongoing is None:
        return None
    word = ongoing.group(0)
    recurring = "quarter" if word == "每季度" else "year" if word.startswith("每年") else None
    return Deadline(cell, None, True, recurring)


def latest_deadline(cells: list[str], default_year: int | None) -> Deadline | None:
    """The latest date of a 完成时限 cell that names several ("一季度10%二季度40%;三季度70%;
    11月底完成", "三季度:实现查询 四季度:完成对接"): the task ends with its last stage."""
    best: Deadline | None = None
    for cell in map(_date_cell, cells):
        for m in _DATE_RE.finditer(cell):
            if m.group(0) and not _is_duration(m, cell) and _is_cell_deadline(m):
                found = _make(m.group(0), m, default_year)
                if found.date and (best is None or (best.date and found.date > best.date)):
                    best = found
    return best


_ONGOING_CELL_RE = re.compile(ONGOING_CLAUSE + r"|每季度|每月|每年度?")
_JOINER_RE = re.compile(r"\s*(?:[、,，;；/]|及|和|至|到|[—–\-~～])?\s*")


def deadline_prefix(text: str) -> int:
    """How many leading characters of `text` are a deadline cell ("长期坚持二、…" -> 4,
    "2020年6月底前 长期坚持(12)…" -> 14), 0 when it does not open with one: where a deadline cell
    ends when a copy has glued the next text to it."""
    pos = end = 0
    while pos < len(text):
        m = _DATE_RE.match(text, pos)
        if m and m.group(0) and not _is_duration(m, text) and _is_cell_deadline(m):
            pos = end = m.end()
        elif ongoing := _ONGOING_CELL_RE.match(text, pos):
            pos = end = ongoing.end()
        else:
            break
        pos = _JOINER_RE.match(text, pos).end()
    return end


def find_deadline_in_text(text: str, default_year: int | None) -> Deadline | None:
    """The first deadline clause in task prose ("…3月底前完成…" -> "3月底前"), or None; a
    task opening on a span of time ("2025年7月至2025年12月,…") ends with it."""
    text = DATE_SPACES_RE.sub("", text)
    # "…。(2025年5月—2025年12月)" closing the task, or "区级动员部署(2025年1月-4月):…" in its
    # title: the task's time node
    closing = _CLOSING_SPAN_RE.search(text) or _TITLE_SPAN_RE.search(text[:60])
    if closing:
        found = [m for m in _DATE_RE.finditer(text, closing.start(), closing.end()) if m.group(0)]
        span = _range_end(text, found[:2], default_year)
        if span is not None:
            return span
    going = _CLOSING_ONGOING_RE.search(text)
    if going:  # "…。(持续推进)": what stayed of an attribution's bracket, the work going on
        return Deadline(going.group(1), None, True, None)
    months = _TITLE_MONTHS_RE.search(text[:60])
    if months and default_year is not None:  # "方案制定阶段(1-2月)": the stage ends with month 2
        year = int(months["year"]) if months["year"] else default_year
        span = text[months.start("year" if months["year"] else "start") : months.end()]
        span = span.rstrip(")）").strip()
        return Deadline(span, _month_end(year, int(months["end"])), False, None)
    days = _TITLE_DAYS_RE.search(text[:60])
    year = int(days["y2"] or days["y1"]) if days and (days["y1"] or days["y2"]) else default_year
    if days and year is not None:  # "抽查阶段(9月1日至9月30日)": the stage's last day
        month = int(days["m2"] or days["m1"])
        try:
            end = datetime.date(year, month, int(days["d2"]))
        except ValueError:
            end = None
        if end is not None:
            return Deadline(days.group("span"), end, False, None)
    opening = [m for m in _DATE_RE.finditer(text, 0, 40) if m.group(0)][:2]
    if opening and opening[0].start() == 0:
        span = _range_end(text, opening, default_year)
        if span is not None:
            return span
    first = None
    for m in _DATE_RE.finditer(text):
        # "(截止2009年6月5日)": the day a stage closes by
        by = bool(m.group(0)) and _BY_DATE_RE.search(text[max(0, m.start() - 4) : m.start()])
        if m.group(0) and (_is_prose_deadline(m, text) or (by and m["month"])):
            later = [x for x in _DATE_RE.finditer(text, m.end(), m.end() + 16) if x.group(0)]
            span = _range_end(text, [m, *later[:1]], default_year)
            first = span or _make(m.group(0), m, default_year)
            break
    if first is None or not first.date:
        return first
    # stages, each opening its own clause after ";" ("2024年底前,建成…;2026年底前,基本实现…"):
    # the task ends with the last of them
    last = first
    for m in _STAGE_RE.finditer(text):
        d = _DATE_RE.match(text, m.end())
        if d and d.group(0) and _is_prose_deadline(d, text):
            found = _make(d.group(0), d, default_year)
            bare = not (d["month"] or d["quarter"] or d["half"] or d["yend"] or d["before"])
            if bare and found.date and last.date and found.date.year == last.date.year:
                continue  # "4月底,全面完成…。2018年,全区完成…": the year the work falls in
            if found.date and last.date and found.date > last.date:
                last = found
    return last


# what is handed in or finished on a day named right before it
_HAND_IN_RE = re.compile(r"\s*(?:报送|上报|报|提交|报至|报到|完成|办结)")
# a span of days in brackets right after a stage's title, no year written
_TITLE_DAYS_RE = re.compile(
    r"^[^。;；(（]{2,30}[(（]\s*(?P<span>(?:(?P<y1>(?:19|20)\d{2})\s*年\s*)?"
    r"(?P<m1>1[0-2]|0?[1-9])\s*月\s*\d{1,2}\s*日\s*(?:至|到|[—–\-~～])"
    r"\s*(?:(?P<y2>(?:19|20)\d{2})\s*年\s*)?"
    r"(?:(?P<m2>1[0-2]|0?[1-9])\s*月\s*)?(?P<d2>3[01]|[12]\d|0?[1-9])\s*日)\s*[)）]"
)
_BY_DATE_RE = re.compile(r"[(（]\s*(?:截止|截至)$")


_STAGE_RE = re.compile(
    r"[;；。]\s*(?:到|至|于|在)?(?=\d{4}\s*年|[一二三四五六七八九十\d]{1,2}\s*月)"
)


_RANGE_RE = re.compile(r"^\s*(?:至|到|[—–\-~～])\s*$")
# a span of months in brackets right after a task's title, its year written once
_TITLE_SPAN_RE = re.compile(
    r"^[^。;；(（]{2,30}[(（]\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*(?:至|到|[—–\-~～])\s*"
    r"(?:(?:19|20)\d{2}\s*年)?\s*\d{1,2}\s*月(?:底)?\s*[)）]"
)
# a span of months without a month word on its start, in brackets after a stage's title:
# "(一)方案制定阶段(1-2月)", "(2025年3—5月)"
_TITLE_MONTHS_RE = re.compile(
    r"^[^。;；(（]{2,30}[(（]\s*(?:(?P<year>(?:19|20)\d{2})\s*年\s*)?(?P<start>\d{1,2})\s*月?\s*"
    r"(?:至|到|[—–\-~～])\s*(?P<end>1[0-2]|0?[1-9])\s*月(?:底|份)?\s*[)）]"
)
# a parenthesis closing a task that holds only words of work going on
_CLOSING_ONGOING_RE = re.compile(r"[(（]\s*(" + ONGOING_CLAUSE + r")\s*[)）][\s。;；]*$")
# a parenthesis closing a task that holds only a span of months
_CLOSING_SPAN_RE = re.compile(
    r"[(（]\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*(?:至|到|[—–\-~～])\s*"
    r"(?:(?:19|20)\d{2}\s*年)?\s*\d{1,2}\s*月(?:底)?\s*[)）][\s。;；]*$"
)


def _range_end(text: str, found: list[re.Match], default_year: int | None) -> Deadline | None:
    """A span of time ends when its last date does: "2025年7月至2025年12月" / "5月1日至5月15日"
    -> the end (its year, when not written, the start's)."""
    if len(found) < 2 or not _RANGE_RE.match(text[found[0].end() : found[1].start()]):
        return None
    start, end = found[0], found[1]
    year = _year_of(end, _year_of(start, default_year))
    date = _date_of(end, year)
    if date is None:
        return None
    return Deadline(text[start.start() : end.end()], date, False, None)


def deadline_from_cells(texts: list[str], default_year: int | None) -> Deadline | None:
    """The first cell of `texts` that reads as a deadline (a row's 完成时限 cells), or None."""
    for cell in texts:
        found = parse_deadline(cell, default_year)
        if found is not None:
            return found
    return None
