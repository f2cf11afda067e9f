"""The goals of a plan's indicator table (主要指标: 指标名称 | 现状值 | 目标值 | 属性) when the text
holds it flattened: one cell per line (a page or a converted file that put every cell on its own
paragraph), or transposed blocks of '|' rows (a row of names over a row of values, each value in
its name's column).  Tables kept as rows of cells are read by the breakdown table readers."""

from __future__ import annotations

import re
from itertools import takewhile

from loaders.plans.targets import SCALE

_SPACES_RE = re.compile(r"[\s\u3000]+")
# the cell heading the column of names
_NAME_HEAD_RE = re.compile(r"(?:主要|核心|重点|二级|三级)?指标(?:名称|项目|内容|项)?")
# a header cell split in two: a period over its column's kind ("“十五五”" / "目标值"), or a kind
# over its year ("目标值" / "(2025年)")
_PERIOD_HEAD_RE = re.compile(r"“?十[一二三四五六七八九]五”?(?:时期|期间|末)?")
_YEAR_HEAD_RE = re.compile(r"\((?:19|20)\d{2}\s*年?(?:底|末)?\)")
# the other cells of such a header; a year or 现状/目标 names a column of values
_HEAD_CELL_RE = re.compile(
    r"(?:序号|编号|类别|指标类别|类型|指标类型|领域|分类|维度|单位|计量单位|指标单位|属性|指标属性|性质"
    r"|指标性质|备注|完成情况)"
    rf"|{_PERIOD_HEAD_RE.pattern}|{_YEAR_HEAD_RE.pattern}"
    r"|[^\d。,;]{0,10}?(?:(?:19|20)\d{2}年?(?:底|末)?)?[^\d。,;]{0,8}?"
    r"(?:现状值?|基期值?|基数|基准值?|目标值?|预期值|预期目标|规划目标|规划值|完成值?|实际值?"
    r"|(?:近期|中期|远期)规划|指标值)"
    r"(?:\([^()]{0,12}\))?"
    r"|(?:19|20)\d{2}\s*年?(?:底|末)?(?:\([^()]{0,12}\))?"
)
_LEFT_HEAD_RE = re.compile(r"序号|编号|类别|指标类别|类型|领域|分类|维度|一级指标|二级指标")
_NOT_VALUE_HEAD_RE = re.compile(r"序号|编号|类别|类型|领域|分类|维度|单位|属性|性质|备注|情况")
_TARGET_HEAD_RE = re.compile(r"目标|预期|规划")
_UNIT_HEAD_RE = re.compile(r"^(?:计量|指标)?单位$")
# the last cell of a row of a 规划's indicator table: the indicator's nature
_NATURE_RE = re.compile(r"(?:约束|预期|引导)性?")
_CMP_PREFIX = (
    ("≤", "<="),
    ("≦", "<="),
    ("<=", "<="),
    ("不超过", "<="),
    ("不高于", "<="),
    ("控制在", "<="),
    ("≥", ">="),
    ("≧", ">="),
    (">=", ">="),
    ("不低于", ">="),
    ("不少于", ">="),
    ("<", "<"),
    ("＜", "<"),
    ("低于", "<"),
    (">", ">"),
    ("＞", ">"),
    ("高于", ">"),
    ("超过", ">"),
    ("增加", ">="),  # "增加20": twenty more at least
    ("新增", ">="),
    ("达到", ">="),
)
_CMP_SUFFIX = {"以上": ">=", "及以上": ">=", "以下": "<=", "及以下": "<=", "以内": "<="}
_VALUE_RE = re.compile(
    r"(?P<num>\d+(?:\.\d+)?)(?P<wan>万亿|万|亿)?"
    r"(?P<unit>[%％‰]|[^\d\s()（）%％‰]{0,8}?)"
    r"(?P<post>及以上|以上|及以下|以下|以内)?"
)
_PLACEHOLDER_RE = re.compile(r"[—\-－/／~～]+|无|暂无|—")
_UNIT_PAREN_RE = re.compile(r"[(（]([^()（）]{1,10})[)）]$")
_YEAR_RE = re.compile(r"((?:19|20)\d{2})")
_ROW_END_RE = re.compile(
    r"^(?:第[一二三四五六七八九十]+[章节部分]|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])"
)


_HALF_WIDTH_BRACKETS = str.maketrans("（）", "()")


def _compact(cell: str) -> str:
    return _SPACES_RE.sub("", cell).strip("|").translate(_HALF_WIDTH_BRACKETS)


# a unit on a line of its own ("平方公里", "万平方米", "％")
_UNIT_LINE_RE = re.compile(r"[\u4e00-\u9fff/]{1,5}|[%％‰]")
# an aside in brackets on a line of its own ("（国标GB5749-2006）", "（2025年）")
_ASIDE_LINE_RE = re.compile(r"[（(][^（()）]{1,28}[）)]")
# a note under a table ("注：括号内数据为2019年平均值", "备注:", "资料来源：")
_TABLE_NOTE_RE = re.compile(r"(?:注|备注|说明|资料来源|数据来源)\d?[:：]")
# an aside after a cell's figure ("≥98％（除危废外）")
_VALUE_ASIDE_RE = re.compile(r"(?<=[\d%％\u4e00-\u9fff])[（(][^（()）]{1,20}[）)]$")
# a value cell in square brackets ("〔12〕", "[120]"): the plan's figure summed over its period
_CUMULATIVE_RE = re.compile(r"[〔\[［【](.+)[〕\]］】]")


def parse_value(cell: str) -> tuple[str, float, str | None] | None:
    """(comparator, value, unit) of a table's value cell ('≤490', '＞5', '98%', '>6亿吨',
    '90%以上'); a bare figure is the level to reach (">=", as a plain count or rate in prose)."""
    text = _compact(cell)
    if bracketed := _CUMULATIVE_RE.fullmatch(text):  # 〔12〕: a total over the plan's period
        text = bracketed.group(1)
    text = _VALUE_ASIDE_RE.sub("", text)  # "≥98％（除危废外）"
    comparator = ""
    for word, cmp in _CMP_PREFIX:
        if text.startswith(word):
            comparator, text = cmp, text[len(word) :]
            break
    m = _VALUE_RE.fullmatch(text)
    if not m or (m["unit"] and re.search(r"[,，。;；、]", m["unit"])):
        return None
    if m["post"]:
        comparator = comparator or _CMP_SUFFIX[m["post"]]
    comparator = comparator or ">="
    value = float(m["num"]) * SCALE.get(m["wan"] or "", 1)
    value = round(value, 6)
    unit = "%" if m["unit"] == "％" else m["unit"]
    return comparator, int(value) if value.is_integer() else value, unit or None


def _is_value(cell: str) -> bool:
    return parse_value(cell) is not None or bool(_PLACEHOLDER_RE.fullmatch(_compact(cell)))


def paren_unit(name: str) -> str | None:
    """The unit a name gives in its closing bracket ("新建消防救援站(座)", "(起/百万人)"), not an
    aside ("(含小型站)", "(2020年)")."""
    paren = _UNIT_PAREN_RE.search(name)
    if not paren or re.search(r"\d|^(?:含|不含|其中|包括)", paren.group(1)):
        return None
    return paren.group(1) if len(paren.group(1)) <= 6 else None


def _goal(name: str, value_cell: str, unit_cell: str | None, year: int | None) -> dict | None:
    parsed = parse_value(value_cell)
    name = name.strip()
    if parsed is None or not re.search(r"[\u4e00-\u9fff]", name):
        return None
    comparator, value, unit = parsed
    if not unit:
        unit = paren_unit(name)
        if not unit and unit_cell and not _PLACEHOLDER_RE.fullmatch(unit_cell):
            unit = unit_cell
    if not unit:
        return None  # a ratio without a unit ("城乡居民收入比 2.67") is no goal to count
    name = _UNIT_PAREN_RE.sub("", name).strip() if paren_unit(name) == unit else name
    return {
        "indicator": name,
        "comparator": comparator,
        "value": value,
        "unit": unit,
        "per": None,
        "year": year,
        "text": f"{name} {_compact(value_cell)}",
    }


def _years_joined(head: list[str]) -> list[str]:
    """A header's second row of years joined to the kinds above them: "目标值 | (2025年) | 目标值 |
    (2035年)" each to the cell before it, "现状 | 近期规划 | (2025年) | (2030年)" in order."""
    out: list[str] = []
    k = 0
    while k < len(head):
        run = k
        while run < len(head) and _YEAR_HEAD_RE.fullmatch(head[run]):
            run += 1
        years = head[k:run]
        if years and out and len(years) <= len(out):
            kinds = out[len(out) - len(years) :]
            if all(not _YEAR_HEAD_RE.search(c) and not _NOT_VALUE_HEAD_RE.search(c) for c in kinds):
                out[len(out) - len(years) :] = [a + b for a, b in zip(kinds, years, strict=True)]
                k = run
                continue
        out.append(head[k])
        k += 1
    return out


def _header(cells: list[str], at: int) -> tuple[list[str], int, int] | None:
    """The header cells around the names' heading cell at `at` (a cell split in two joined),
    the index after them and the index of the first."""
    start = at
    while start > 0 and at - start < 3 and _LEFT_HEAD_RE.fullmatch(_compact(cells[start - 1])):
        start -= 1
    end = at + 1
    last = min(len(cells), at + _MOST_HEAD_CELLS)  # (a text of nothing but header words: linear)
    while end < last and (
        _HEAD_CELL_RE.fullmatch(_compact(cells[end]))
        or _NAME_HEAD_RE.fullmatch(_compact(cells[end]))
    ):
        end += 1
    head: list[str] = []
    for cell in (_compact(c) for c in cells[start:end]):
        if cell == "指标值":
            continue  # a cell spanning the columns of values (现状 | 近期规划) over them
        if head and _PERIOD_HEAD_RE.fullmatch(head[-1]) and not _PERIOD_HEAD_RE.fullmatch(cell):
            head[-1] += cell  # "“十五五”" over "目标值"
        else:
            head.append(cell)
    head = _years_joined(head)
    name_at = max(k for k, h in enumerate(head) if _NAME_HEAD_RE.fullmatch(h))
    values = [h for h in head[name_at + 1 :] if not _NOT_VALUE_HEAD_RE.search(h)]
    if not values or not any(_TARGET_HEAD_RE.search(h) or _YEAR_RE.search(h) for h in values):
        return None
    return head, end, start


_MOST_HEAD_CELLS = 16
_UNIT_ROLE_RE = re.compile(r"牵头|责任|配合|协办|主办|负责|单位(?:名称)?$|部门")


def indicator_header(cells: list[str]) -> bool:
    """Whether a table's first cells are an indicator table's header (序号 | 指标名称 | 现状值 |
    规划目标 | 属性), naming no unit column."""
    head = [_compact(c) for c in cells[:12]]
    names = [k for k, c in enumerate(head) if _NAME_HEAD_RE.fullmatch(c)]
    found = _header(head, names[0]) if names else None
    if found is None or found[1] - names[0] < 2:
        return False
    # the header's cells up to the first row's number: none names a unit's role
    zone = list(takewhile(lambda c: not c.isdigit(), head))
    return not any(_UNIT_ROLE_RE.search(c) and not _UNIT_HEAD_RE.match(c) for c in zone)


def _columns(head: list[str]) -> tuple[list[str], int, int | None, int, int | None]:
    """(the header without its number column, the names' column, the unit column, the target
    column, the target's year)."""
    cols = [h for h in head if h not in ("序号", "编号")]
    name_at = max(i for i, h in enumerate(cols) if _NAME_HEAD_RE.fullmatch(h))
    unit_at = next((i for i, h in enumerate(cols) if _UNIT_HEAD_RE.match(h)), None)
    values = [i for i, h in enumerate(cols) if i > name_at and not _NOT_VALUE_HEAD_RE.search(h)]
    marked = [i for i in values if _TARGET_HEAD_RE.search(cols[i])]
    target_at = marked[0] if marked else values[-1]  # (目标值 2025年 before 目标值 2035年)
    year = _YEAR_RE.search(cols[target_at])
    return cols, name_at, unit_at, target_at, int(year.group(1)) if year else None


def _cell_rows(cells: list[str], head: list[str]) -> tuple[list[list[str]], int]:
    """The rows of a table flattened one cell per line (without their number cell), and the
    count of cells they took: each row closes on its nature cell (约束性, 预期性) when the 属性
    column is the last, else opens on the next 序号."""
    rows: list[list[str]] = []
    current: list[str] = []
    numbered = head[0] in ("序号", "编号")
    taken = 0
    if "属性" in head[-1] or "性质" in head[-1]:
        for k, cell in enumerate(cells):
            current.append(cell)
            if _NATURE_RE.fullmatch(_compact(cell)):
                if numbered and _compact(current[0]).isdigit():
                    current = current[1:]
                rows.append(current)
                current, taken = [], k + 1
        return rows, taken
    num_at = next((k for k, h in enumerate(head) if h in ("序号", "编号")), None)
    if num_at is not None:
        # a row has its cells from the names' column on (those left of it may be merged): a
        # figure equal to the next number before then is a value ("2 | 万平方米 | 约束性 | 2");
        # cells past a full row are the next row's, left of its number ("促发展 | 1 | …")
        name_at = max(k for k, h in enumerate(head) if _NAME_HEAD_RE.fullmatch(h))
        least, after = len(head) - name_at, len(head) - num_at - 1
        prefix: list[str] = []
        expected = 1
        for k, cell in enumerate(cells):
            if _compact(cell) == str(expected) and (expected == 1 or len(current) >= least):
                extra = len(current) - after if expected > 1 else len(current)
                carried = current[len(current) - extra :] if extra > 0 else []
                if expected > 1:
                    rows.append(prefix + current[: len(current) - len(carried)])
                prefix, current, expected = carried, [], expected + 1
            else:
                current.append(cell)
            taken = k + 1
        if current:
            rows.append(prefix + current)
    return rows, taken


def _row_goal(row: list[str], head: list[str]) -> dict | None:
    """The goal of one row, its cells set under the header's columns from the right (a merged
    category cell is missing at its left)."""
    cols, name_at, unit_at, target_at, year = _columns(head)
    offset = len(cols) - len(row)
    if offset < 0 or offset > name_at:
        return None
    cell = {j: row[j - offset] for j in range(offset, len(cols))}
    name, target = cell[name_at], cell[target_at]
    if _is_value(name) or not _is_value(target):
        return None
    unit = cell.get(unit_at) if unit_at is not None else None
    return _goal(name, target, unit.strip() if unit else None, year)


def _line_cells(lines: list[str]) -> tuple[list[int], list[str]]:
    """The cells of tables flattened a cell a line, with the index of each one's line. Where
    a cell is a paragraph between blank lines, its second line is no cell of its own when it is
    a unit under a figure ("120.14" / "平方公里") or an aside ("供水水质综合合格率" / "（国标…）")."""
    at_line: list[int] = []
    cells: list[str] = []
    for k, line in enumerate(lines):
        text = line.strip()
        if not text:
            continue
        if (
            cells
            and at_line[-1] == k - 1
            and (k < 2 or not lines[k - 2].strip())
            and (k + 1 >= len(lines) or not lines[k + 1].strip())
            and (_ASIDE_LINE_RE.fullmatch(text) or _unit_under_figure(cells[-1], text))
        ):
            cells[-1] += text
            continue
        at_line.append(k)
        cells.append(text)
    return at_line, cells


def _unit_under_figure(figure: str, text: str) -> bool:
    if not _UNIT_LINE_RE.fullmatch(text) or _ROW_END_RE.match(text):
        return False
    value = parse_value(figure)
    return value is not None and value[2] is None and parse_value(figure + text) is not None


def _per_line_goals(lines: list[str], used: set[int]) -> list[dict]:
    """Goals of tables flattened a cell a line; the indices of their lines go into `used`."""
    at_line, cells = _line_cells(lines)
    goals: list[dict] = []
    i = 0
    while i < len(cells):
        if not _NAME_HEAD_RE.fullmatch(_compact(cells[i])):
            i += 1
            continue
        found = _header(cells, i)
        if found is None:
            i += 1
            continue
        head, body_at, head_at = found
        end = body_at
        while (
            end < len(cells)
            and len(cells[end]) <= 60
            and not _ROW_END_RE.match(cells[end])
            and not _TABLE_NOTE_RE.match(cells[end])
            and "|" not in cells[end]
            and "\t" not in cells[end]
        ):
            end += 1
        rows, taken = _cell_rows(cells[body_at:end], head)
        if rows:
            first, last = head_at, body_at + taken - 1
            used.update(range(at_line[first], at_line[last] + 1))
        goals += [g for row in rows if (g := _row_goal(row, head))]
        i = max(end, i + 1)
    return goals


def _row_cells(line: str) -> list[str]:
    return [c.strip() for c in re.split(r"\t|\|", line.strip().strip("|"))]


def _transposed_goals(lines: list[str]) -> list[dict]:
    """A table turned on its side: under a '主要指标' label, a row of names, then (under a label
    naming the target, '2022年目标值', when the page kept it) a row of as many values, each in
    its name's column."""
    rows = [_row_cells(line) for line in lines if line.strip()]
    goals: list[dict] = []
    for k, cells in enumerate(rows):
        if not _NAME_HEAD_RE.fullmatch(_compact(cells[0])):
            continue
        names = cells[1:] if len(cells) > 1 else (rows[k + 1] if k + 1 < len(rows) else [])
        at = k + (1 if len(cells) > 1 else 2)
        year = None
        if at < len(rows) and _TARGET_HEAD_RE.search(_compact(rows[at][0])):
            found = _YEAR_RE.search(_compact(rows[at][0]))
            year = int(found.group(1)) if found else None
            values = (
                rows[at][1:] if len(rows[at]) > 1 else (rows[at + 1] if at + 1 < len(rows) else [])
            )
        else:
            values = rows[at] if at < len(rows) else []
        if len(names) < 2 or len(values) != len(names):
            continue
        if not all(_is_value(v) for v in values) or any(_is_value(n) for n in names):
            continue
        for name, value in zip(names, values, strict=True):
            goal = _goal(name, value, None, year)
            if goal:
                goals.append(goal)
    return goals


def indicator_goals(lines: list[str]) -> tuple[list[dict], list[str]]:
    """The goals of the indicator tables a text holds flattened, in order; and its lines without
    the tables flattened a cell a line (their cells are no prose to read)."""
    used: set[int] = set()
    goals = _per_line_goals(lines, used) + _transposed_goals(lines)
    return goals, [line for k, line in enumerate(lines) if k not in used]
