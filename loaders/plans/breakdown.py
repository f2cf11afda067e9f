"""Task-breakdown tables (任务分解表) -> actions and tasks.

Rows come from Excel/CSV (cells aligned under a header) or from text (TAB-separated rows
of a table converted from PDF, where merged cells leave gaps and cells can shift). Each row
is read by its header where the header places cells reliably, and by content otherwise: a
measure opens with "(N)", a main task with "N.", a category with "一、", a unit cell speaks of
牵头/负责/配合, a deadline cell parses as one. Several measures can share one cell.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import dropwhile, takewhile

from loaders.files.normalize import normalize_prose
from loaders.numbering import CN_SMALL, cn_to_int
from loaders.plans.deadlines import (
    DATE_SPACES_RE,
    deadline_prefix,
    find_deadline_in_text,
    latest_deadline,
    parse_deadline,
)
from loaders.plans.indicator_tables import indicator_header
from loaders.plans.outline import first_clause
from loaders.plans.targets import extract_targets
from loaders.plans.units import (
    LEADER_NAME,
    extract_inline_units,
    looks_like_unit,
    parse_role_line,
    split_unit_names,
    starred_leads,
)

HEADERS: dict[str, tuple[str, ...]] = {
    "number": ("序号", "编号", "任务编号", "项目序号"),
    "category": (
        "任务分类",
        "大类",
        "分项任务",
        "类别",
        "重点任务",
        "工作任务",
        "任务类别",
        "任务类型",
        "项目类型",  # 项目类型 | 项目名称: 泵闸新改建工程 merged over its projects' rows
        "项目类别",
        "分类",
        "重点工作",
        "一级指标",
        "改革领域",
        "重点领域",
        "工作领域",
    ),
    "group": ("主要任务", "工作要点", "任务事项", "二级指标", "事项", "重点事项", "主要方向"),
    "measure": (
        "具体措施",
        "工作措施",
        "目标任务",
        "主要工作",
        "主要工作举措",  # 序号 | 主要工作举措 | 牵头单位: the tasks' text, not a short name
        "目标与任务",
        "任务目标",
        "民生实事",
        "实事项目",
        "项目内容",
        "任务内容",
        "具体任务",
        "具体项目",  # 项目 | 具体项目 | 牵头单位: the measures under their 项目
        "具体举措",
        "工作内容",
        "措施",
        "主要内容",
        "重点内容",
        "建设内容",
        "实施内容",
        "工作任务内容",
        "具体要求",
        "具体工作要求",
        "工作事项",
        "改革事项",
        "工作要求",
        "具体工作",
        "工作安排",
        "三级指标",
        "抽查事项",  # 双随机一公开 抽查计划: 抽查任务名称 | 抽查事项 | 抽查对象 | 实施主体 | 时间
        "检查事项",
        "抽查内容",
        "评价指标",
        "任务清单",  # 任务清单 | 责任单位: one header cell over the class, number and text cells
    ),
    "name": (
        "决策事项",  # 重大行政决策事项目录: 序号 | 决策事项 | 承办单位 | 完成时限
        "重大行政决策事项",
        "改革举措",
        "工作举措",
        "主要举措",
        "重点举措",
        "任务名称",
        "内容清单",  # 普法责任制 "四清单": 内容 | 责任 (领导/责任人/处室) | 措施 | 标准
        "事项名称",
        "项目名称",
        "举措",
        "项目",
    ),
    "lead": (
        "牵头单位",
        "牵头部门",
        "牵头责任单位",
        "牵头领导单位",
        "牵头处室",
        "牵头科室",
        "牵头考核单位",
        "牵头考评单位",
        "牵头承办单位",  # 牵头承办单位 | 配合单位
        "发起部门",  # a joint 抽查: the body that starts it, the others taking part
        "发起单位",
    ),
    "responsible": (
        "责任单位",
        "责任部门",
        "主要部门",
        "主要责任部门",
        "责任主体",
        "承办单位",
        "承办科室",
        "承办部门",
        "主办单位",
        "指导部门",
        "负责单位",
        "负责部门",
        "责任处室",
        "责任科室",
        "负责科室",
        "责任股室",
        "实施主体",
        "公开主体",  # 政务公开标准目录: the body that publishes each item
        "实施单位",
        "落实单位",
        "推进单位",
        "推进主体",
        "推进部门",
        "建设单位",  # a project's builder carries it out (重大工程计划: 牵头单位 | 建设单位)
        "业主单位",
        "检查主体",  # who carries out a 抽查
        "抽查主体",
        "检查股室",
        "检查股站",
        "股室",
    ),
    "cooperating": (
        "配合单位",
        "协办单位",
        "协助单位",
        "协助部门",
        "配合部门",
        "参与单位",
        "支撑单位",
        "协同部门",
        "协同单位",
        "协同责任单位",  # 牵头责任单位 | 协同责任单位
        "配合责任单位",
        "参加单位",
        "参与部门",
        "参与股室",
        "配合股室",
    ),
    "deadline": (
        "完成时限",
        "时间节点",
        "完成时间",
        "时限要求",
        "时限",
        "完成期限",
        "时间进度",
        "进度安排",
        "时间安排",
        "推进时间",
        "进度计划",
        "建设时间",  # a project list's: "2024", "2024年1-12月"
        "实施时间",
        "建设期限",
        "建设年限",
        "节点",
        "完成节点",
        "计划开展时间",  # a 抽查计划's
        "检查时间",
        "抽查时间",
        "开展时间",
        "实施时间",
        "决策时间",  # a 决策目录's: 计划决策时间, 拟决策时间
        "计划决策时间",
        "拟决策时间",
        "计划完成时限",
    ),
    "target": (
        "目标值",
        "指标",
        "目标",
        "工作目标",
        "预期目标",
        "指标数",
        "目标数",
        "抽查比例",  # a 抽查计划's ratio: "全年抽查比例不低于1%"
        "拟抽查比例",
        "抽查比例及频次",
    ),
}
MEASURE_RE = re.compile(r"^\(\s*(\d{1,3})\s*\)")
BARE_MEASURE_RE = re.compile(r"^(\d{1,3})\s+(?=[^\d\s.、])")
GROUP_RE = re.compile(r"^(\d{1,3})\s*[.、．]\s*(.*)$")
CATEGORY_RE = re.compile(rf"^({CN_SMALL}+)\s*[、.]\s*(.*)$")
UNIT_WORDS = ("牵头", "负责", "配合", "无关", "协助", "参与")
NOT_OURS_RE = re.compile(
    r"(?:和|与|跟)?(?:我|本)?(?:区|县|市|镇|乡|街道|单位|部门)?(?:无关|不涉及)"
)
ENTRY_END_RE = re.compile(
    r"([。;；)）]|无关|负责|牵头|配合|坚持|推进|月底前|日前|年底前|季度)\s+(?=\S)"
)
TAG_RE = re.compile(r"</?p[^>]*>|<br\s*/?>", re.I)


_PIPE_CELL_RE = re.compile(r"^(.*?)\s*\|\s*$")


def pipe_table_lines(lines: list[str]) -> list[str]:
    """Tables copied from web pages as text with "|" between cells, turned into TAB rows: a row
    per line ("a | b | c |"), a cell per line ("a |") with a bare "|" line between rows, or a
    stream of cells with a bare "|" line between every two (rows then start at a number cell)."""
    lines = _broken_rows_rejoined(_header_rejoined(lines))
    lines = _paragraph_cells(_numbered_cell_lines(_cell_streams(_cells_apart(lines))))
    lines = _block_rows(lines)
    out: list[str] = []
    cells: list[str] | None = None  # a row being gathered from one-cell lines
    next_row = 1  # the number that opens the next row of one-cell lines ("1.…", "2.…")
    header: list[str] | None = None  # the header of the "a | b | c" rows read last
    for line in lines:
        pieces = [p.strip() for p in line.split("|")]
        one_cell = _PIPE_CELL_RE.match(line) and line.count("|") == 1
        if one_cell:
            cells = cells if cells is not None else []
            number = GROUP_RE.match(pieces[0])
            if number and int(number.group(1)) == next_row and cells:
                # "1.制定…制度 |" / "明确…。 |" / "综合科 |" / "2.编制…清单 |": with no bare "|"
                # line between rows, the next number opens the next row
                out.append("\t".join(cells))
                cells = []
            if number and int(number.group(1)) == next_row:
                next_row += 1
            if pieces[0]:
                if CATEGORY_RE.match(pieces[0]) and cells and is_header_row(cells):
                    out.append("\t".join(cells))  # the header, then a section row
                    cells = []
                cells.append(pieces[0])
            elif cells:
                out.append("\t".join(cells))
                cells = []
            continue
        next_row = 1
        if cells:
            out.append("\t".join(cells))
        cells = None
        # a table row, unless prose runs on after its last cell (a page copied as one line:
        # outline.split_running_text cuts it into its lines later)
        if line.count("|") >= 2 and "\t" not in line and len(line.rsplit("|", 1)[1]) < 200:
            while pieces and not pieces[-1]:
                pieces.pop()
            if rows := _header_and_rows(pieces):  # "序号 | 事项 | 承办科室 | 1 | … | 2 | …"
                header = rows[0]
                out.extend("\t".join(r) for r in rows)
                continue
            if is_header_row(pieces):
                header = pieces
            elif header is not None:
                pieces = _short_row_aligned(pieces, header)
            out.append("\t".join(pieces) if len(pieces) > 1 else pieces[0] if pieces else "")
        else:
            out.append(line)
    if cells:
        out.append("\t".join(cells))
    return out


def _broken_rows_rejoined(lines: list[str]) -> list[str]:
    """Rows of "a | b |" a cell of which the copy broke over two lines ("… | 市规划局 | 市国土资源局"
    / "市农牧林业局 | 2010年9月20日前 |"): where the rows close with "|", a row left open goes on
    in the next line, which closes it."""
    out: list[str] = []
    closed = False  # the last row of cells closed with "|"
    for line in lines:
        text = line.strip()
        if (
            out
            and closed
            and _open_row(out[-1])
            and "|" in text
            and text.endswith("|")
            and not is_header_row([p.strip() for p in out[-1].split("|")])
        ):
            out[-1] = out[-1].rstrip() + " " + text
            continue
        if text.count("|") >= 2:
            closed = text.endswith("|") or (closed and _open_row(text))
        out.append(line)
    return out


def _open_row(line: str) -> bool:
    text = line.strip()
    return text.count("|") >= 2 and not text.endswith("|") and "\t" not in text


def _header_rejoined(lines: list[str]) -> list[str]:
    """A header row broken over two lines by the copy ("工作任务 | 具体要求" / "| 责任单位 |"),
    every piece of both a header cell: one line again."""
    out: list[str] = []
    for line in lines:
        if (
            out
            and line.lstrip().startswith("|")
            and len(_pipe_pieces(out[-1])) >= 2
            and _pipe_pieces(line)
            and "\t" not in out[-1] + line
            and all(header_role(c) for c in _pipe_pieces(out[-1] + "|" + line))
        ):
            out[-1] = out[-1].rstrip(" |") + " | " + line.strip().lstrip("|").strip()
            continue
        out.append(line)
    return out


def _pipe_pieces(line: str) -> list[str]:
    return [p.strip() for p in line.split("|") if p.strip()]


def _header_and_rows(pieces: list[str]) -> list[list[str]] | None:
    """The cells of a header and its rows run together on one line (a table whose row ends
    were lost): the header's k cells, then rows of k cells each opening on 1, 2, 3 …"""
    k = pieces.index("1") if "1" in pieces else 0
    roles = [header_role(c) for c in pieces[:k]]
    if k < 3 or roles[0] != "number" or sum(r is not None for r in roles) < 3:
        return None
    rows = [pieces[:k]]
    for n, at in enumerate(range(k, len(pieces), k), start=1):
        row = pieces[at : at + k]
        if row[0] != str(n):
            return None
        rows.append(row)
    return rows


def _blocks_from(lines: list[str], i: int) -> Iterator[tuple[int, list[str]]]:
    """The blank-line parted blocks of lines from line i on, (first line, its lines), until a
    TAB row; lazily, so that a reader stopping early reads no further."""
    current: list[str] = []
    start = i
    for j in range(i, len(lines)):
        text = lines[j].strip()
        if "\t" in lines[j]:
            break
        if text:
            if not current:
                start = j
            current.append(text)
        elif current:
            yield start, current
            current = []
    if current:
        yield start, current


def _block_rows(lines: list[str]) -> list[str]:
    """Tables copied one ROW per paragraph and one CELL per line (a header block of k cells 任务名称
    / 任务内容 / 牵头部门 …, then blocks of k lines), without a 序号 column to open the rows: each
    block is a row. A row with an empty cell comes as two blocks whose lines make k-1 (the blank
    line is the empty cell); a short block after a full row goes on with its last cell."""

    def read(i: int) -> tuple[list[list[str]] | None, int]:
        text = lines[i].strip()
        if not text or "\t" in lines[i] or not _header_cell(text):
            return None, i
        if i > 0 and lines[i - 1].strip():
            return None, i
        head_end = i
        while head_end < len(lines) and lines[head_end].strip():
            head_end += 1
        head = [ln.strip() for ln in lines[i:head_end]]
        k = len(head)
        if not 3 <= k <= 12 or not all(_header_cell(c) for c in head):
            return None, i
        rows: list[list[str]] = [head]
        end = head_end
        blocks = _blocks_from(lines, head_end)
        block = next(blocks, None)
        while block is not None:
            start, cells = block
            after = next(blocks, None)
            nxt = after[1] if after else []
            if len(cells) == k and not _header_cell(cells[0]):
                rows.append(cells)
            elif len(cells) < k and nxt and len(cells) + len(nxt) == k - 1:
                rows.append([*cells, "", *nxt])  # "许可处" / (blank: no 配合 unit) / "9月底"
                start, cells = after
                after = next(blocks, None)
            elif (
                len(rows) > 1
                and len(cells) == 1
                and len(cells[0]) <= 20
                and (not nxt or len(nxt) == k)
            ):
                rows[-1][-1] += " " + cells[0]  # "线上,9月底" / "线下,全年": one cell
            else:
                break
            end = start + len(cells)
            block = after
        return (rows, end) if len(rows) >= 3 else (None, i)

    return _tables_read(lines, read)


def _cells_apart(lines: list[str]) -> list[str]:
    """A text copied as one line keeps its tables' TABs but not their row ends: such a line is
    no table row but a run of cells and prose, so each TAB ends a line there (the cells then
    read as a table pasted one cell per line, the prose as running text)."""
    out: list[str] = []
    for line in lines:
        if len(line) >= 5000 and line.count("\t") >= 20:
            for cell in line.split("\t"):
                out.extend(_cell_apart(cell))
        else:
            out.append(line)
    return out


# where one row's last cell runs into the next row's first: "6月底前一、政府职能…", "…负责。(2) …"
_ROW_JOIN_RE = re.compile(
    r"(?<=[前持进底内度。)])(?=[一二三四五六七八九十]{1,3}、|\(\d{1,3}\)|\d{1,3}\.\s)"
)


def _header_name(text: str) -> bool:
    """A header cell exactly as the headers name it (no containment, unlike header_role)."""
    return any(text in names for names in HEADERS.values())


def _cell_apart(cell: str) -> list[str]:
    """One TAB-parted piece of a one-line text split where a header cell or a new row begins:
    "…分解表附件任务分类" -> "…分解表附件" / "任务分类"; "完成时限一、政府…" -> "完成时限" / "一、政府…"."""
    out: list[str] = []
    text = cell
    for size in range(min(8, len(text) - 1), 1, -1):  # a header cell the prose runs into
        if _header_name(text[-size:]) and not header_role(text):
            out.append(text[:-size])
            text = text[-size:]
            break
    for size in range(min(8, len(text) - 1), 1, -1):  # a header cell running into a row
        if _header_name(text[:size]) and not header_role(text):
            out.append(text[:size])
            text = text[size:]
            break
    cut = [m.start() for m in _ROW_JOIN_RE.finditer(text) if 0 < m.start() <= 12]
    if cut:
        out += [text[: cut[0]], text[cut[0] :]]
    else:
        out.append(text)
    return out


_NUMBER_CELL_RE = re.compile(r"^\d{1,3}$")
# what ends a table copied one cell per paragraph: prose under an outline number, a caption of
# the next table or figure, the next attachment
_AFTER_TABLE_RE = re.compile(
    r"^(?:(?:\d{1,3}\s*[.、．]|[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]).{20,}"
    r"|[表图]\s*\d|附件)"
)


def _header_cell(text: str) -> bool:
    return bool(header_role(text)) and not re.search(r"[:：]", text)


def _paragraph_cells(lines: list[str]) -> list[str]:
    """Tables copied one cell per paragraph (a web page's table pasted as text): a header of at
    least three cells (序号 / 工作任务 / 推进单位 …), then cells with rows opening on the numbers
    1, 2, 3 …, as TAB rows (`_numbered_rows`). Paragraphs are parted by blank lines when the
    header's are, else each line is one; the table ends at prose under an outline number, a
    caption (表2 / 图1) or 附件."""

    def read(i: int) -> tuple[list[list[str]] | None, int]:
        if "\t" in lines[i] or "|" in lines[i] or not _header_start(lines, i):
            return None, i
        # the header first: a header cell alone (a heading named like one) opens no table
        first = _cell_blocks(lines, i, 2 * _MAX_HEADER_CELLS)[0]
        head = _joined_header(first)
        if sum(1 for _ in takewhile(_header_cell, head)) < 3:
            return None, i
        if indicator_header(
            first
        ):  # 指标名称 | 现状值 | 目标值 | 属性: goals, read with the plan's
            return None, i
        blocks, j = _cell_blocks(lines, i)
        cells = _joined_header(_vertical_joined(blocks))
        return _numbered_rows(cells) or _unnumbered_rows(cells), j

    return _tables_read(lines, read)


def _unnumbered_rows(cells: list[str]) -> list[list[str]] | None:
    """Header cells, then rows with no number cell to open them (a 序号 column left empty): a
    row is [its name] + its text + one cell per unit column (names, or "/" for none) [+ a
    deadline]; the name, merged over the rows of one task, stands only on the first. None
    unless nearly every cell reads so."""

    def role_of(cell: str) -> str | None:  # 任务 | 责任单位 | 时限: a bare 任务 holds the text
        return header_role(cell) or ("measure" if cell == "任务" else None)

    head = 0
    while head < len(cells) and role_of(cells[head]):
        head += 1
    header = [c for c in cells[:head] if role_of(c) != "number"]
    resolved = resolve_roles({k: r for k, c in enumerate(header) if (r := role_of(c))})
    roles = [resolved.get(k) for k in range(len(header))]
    if "measure" not in roles:
        return None
    at = roles.index("measure")
    before, after = roles[:at], roles[at + 1 :]
    if len(before) > 1 or not after or any(r not in (*_UNIT_ROLES, "deadline") for r in after):
        return None
    if not any(r in _UNIT_ROLES for r in after):
        return None
    # the header as its rows are read: a bare 任务 is the column of the tasks' text
    rows: list[list[str]] = [
        ["序号", "任务分类", *("具体任务" if c == "任务" else c for c in header)]
    ]

    def fits(role: str | None, c: str) -> bool:
        if _PLACEHOLDER_RE.match(c):
            return True
        return parse_deadline(c, None) is not None if role == "deadline" else _unit_cell(c)

    def numbered_name(k: int) -> bool:
        """ "1.主动公开…规划纲要" / its requirement / its units: a numbered name over its text."""
        text, units = k + 1, cells[k + 2 : k + 2 + len(after)]
        return (
            bool(GROUP_RE.match(cells[k]))
            and text < len(cells)
            and not _unit_cell(cells[text])
            and not _section_style(cells[text])
            and len(units) == len(after)
            and all(fits(r, c) for r, c in zip(after, units, strict=True))
        )

    name = section = ""
    k, numbered = head, 0
    while k < len(cells):
        cell = cells[k]
        named = bool(before) and numbered_name(k)
        if named:
            name, k = cell, k + 1
        elif _section_style(cell) and _short_cell(cell.rstrip("。")) and len(cell) <= 40:
            section, k = cell, k + 1  # "一、提升依法高效履职能力" / "1.持续提升政务服务效能"
            continue
        elif before and k + 1 < len(cells) and _short_cell(cell) and _long_cell(cells[k + 1]):
            name, k = cell, k + 1  # (a name may end like a unit: 推进可回收物管理纳入平台)
        if k + len(after) >= len(cells) or not (named or _long_cell(cells[k])):
            break
        row, m = [cells[k]], k + 1
        for role in after:
            c = cells[m]
            if not fits(role, c):
                break
            row.append("" if _PLACEHOLDER_RE.match(c) else c)
            m += 1
        if len(row) != 1 + len(after):
            break
        number = GROUP_RE.match(name) if named else None
        if number:  # "1.主动公开…": the row's number and the task's name
            rows.append([number.group(1), section, number.group(2), *row])
            numbered += 1
        else:
            rows.append(["", section, *([name] if before else []), *row])
        k = m
    if len(rows) < 4 or k < len(cells) - 2:
        return None
    names = [r[2] for r in rows[1:]] if before else []
    if numbered * 2 > len(rows) - 1:  # rows named by numbered items: the tasks' names
        rows[0][2] = "任务名称"
    elif len(set(names)) < len(names):  # a name merged over several rows: their group
        rows[0][2] = "主要任务"
    if not any(r[1] for r in rows[1:]):
        rows = [[r[0], *r[2:]] for r in rows]  # no section between the rows
    return rows


def _short_cell(cell: str) -> bool:
    """A short task name (强化志愿者宣传服务), not a sentence."""
    return (
        len(cell) <= 25
        and not re.search(r"[。;；,，:：]", cell)
        and not _PLACEHOLDER_RE.match(cell)
    )


def _long_cell(cell: str) -> bool:
    """A task's text: a sentence, or longer than a name (not a list of units)."""
    return (len(cell) > 25 or bool(re.search(r"[。;；,，]", cell))) and not _unit_cell(cell)


_ONE_CHAR_RE = re.compile(r"^[\u4e00-\u9fff]$")
_SECTION_NUMBER_RE = re.compile(rf"^(?:\d{{1,2}}\s*[.、．]|{CN_SMALL}+、)$")


def _vertical_joined(blocks: list[str]) -> list[str]:
    """A narrow cell written one character per paragraph ("分" / "类" / "投" / "放", after its
    number "1.") is one cell: "1.分类投放"."""
    out: list[str] = []
    k = 0
    while k < len(blocks):
        run = k
        while run < len(blocks) and _ONE_CHAR_RE.match(blocks[run]):
            run += 1
        numbered = bool(out) and bool(_SECTION_NUMBER_RE.match(out[-1]))
        if run - k >= 3 or (run - k >= 2 and numbered):
            word = "".join(blocks[k:run])
            if numbered:
                out[-1] += word
            else:
                out.append(word)
            k = run
        else:
            out.append(blocks[k])
            k += 1
    return out


def _header_start(lines: list[str], i: int) -> bool:
    """Line i opens a header: a header cell, or the first half of one broken over two
    paragraphs in a narrow column ("任务" / "分类", "牵头" / "部门")."""
    text = lines[i].strip()
    if _header_cell(text):
        return True
    if not text or len(text) > 6:
        return False
    following = next((ln.strip() for ln in lines[i + 1 : i + 3] if ln.strip()), "")
    return len(following) <= 6 and _header_cell(text + following)


def _joined_header(blocks: list[str]) -> list[str]:
    """The header's cells with the halves of a cell broken over two paragraphs joined."""
    out: list[str] = []
    k = 0
    while k < len(blocks):
        if _header_cell(blocks[k]):
            out.append(blocks[k])
            k += 1
        elif out and re.fullmatch(
            r"[(（][\u4e00-\u9fff、/]{0,4}(?:单位|部门|处室|科室|股室)[)）]", blocks[k]
        ):
            out[-1] += blocks[k]  # "责任股室" / "(单位)": the second line of one header cell
            k += 1
        elif (
            k + 1 < len(blocks) and len(blocks[k]) <= 6 and _header_cell(blocks[k] + blocks[k + 1])
        ):
            out.append(blocks[k] + blocks[k + 1])
            k += 2
        else:
            break
    return out + blocks[k:]


def _ends_table(text: str, before: list[str]) -> bool:
    """A paragraph after which the table is over: a caption, 附件, or prose under an outline
    number, unless that number opens or continues a list inside a cell (1.… 2.… in a cell; the
    list's last item may have wrapped onto a paragraph of its own)."""
    if not _AFTER_TABLE_RE.match(text):
        return False
    m = re.match(r"(\d{1,3})\s*[.、．]", text)
    if m:
        last = int(m.group(1)) - 1
        if last == 0 or any(b.startswith((f"{last}.", f"{last}、")) for b in before[-8:]):
            return False
    m = _CN_SECTION_RE.match(text)
    if m and all(_header_cell(b) for b in before):
        return False  # the section row right under the header: the first of the table's rows
    if m and (value := cn_to_int(m.group(1))):  # 二、 after the table's own section row 一、
        for b in before:
            prior = _CN_SECTION_RE.match(b)
            if prior and cn_to_int(prior.group(1)) == value - 1:
                return False
    return True


_CN_SECTION_RE = re.compile(r"^([一二三四五六七八九十]{1,3})、")


_MAX_HEADER_CELLS = 30


def _cell_blocks(lines: list[str], i: int, most: int | None = None) -> tuple[list[str], int]:
    """The paragraphs from line i on (blank-line parted when a blank line follows line i, else
    one per line) until the table ends (or `most` of them); and the index of the line after
    them."""
    parted = i + 1 < len(lines) and not lines[i + 1].strip()
    blocks: list[str] = []
    starts: list[int] = []  # the line each block starts on
    current: list[str] = []
    own: list[str] | None = None  # the table's header, once its first row has begun
    j = i
    while j < len(lines) and (most is None or len(blocks) < most):
        text = lines[j].strip()
        if "\t" in lines[j] or (text and not current and blocks and _ends_table(text, blocks)):
            break
        if own is None and blocks and _row_begun(blocks[-1]):
            own = list(takewhile(_header_cell, _joined_header(blocks)))  # once: linear time
        if text and not current and own and len(own) >= 3 and _new_part(lines, j, text, own):
            if _TABLE_TITLE_RE.search(blocks[-1]):  # the next table's caption: not this table's
                j = starts.pop()
                blocks.pop()
            break
        if not text or not parted:
            if current:
                blocks.append(_lines_joined(current))
                current = []
            if text:
                starts.append(j)
                blocks.append(text)
        else:
            if not current:
                starts.append(j)
            current.append(text)
        j += 1
    if current:
        blocks.append(_lines_joined(current))
    return blocks, j


_ALIAS_RE = re.compile(r"[(（][^()（）]{1,30}[)）]")


def _lines_joined(lines: list[str]) -> str:
    """The lines of one paragraph as one text; unit names written one per line are a list
    ("区文明办" / "区绿化市容局" -> "区文明办、区绿化市容局"), other lines a wrapped sentence."""
    out, last = lines[0], re.split(r"[、,，;；]", lines[0])[-1]  # the name the text ends on
    for line in lines[1:]:
        alias = _ALIAS_RE.fullmatch(line)  # "区建设管理委" / "(区水务局)"
        names = _unit_cell(last) and _unit_cell(line) and not out.endswith(tuple(LIST_SEPS))
        out += ("、" if names and not alias else "") + line
        tail = re.split(r"[、,，;；]", line)[-1]
        last = last + line if alias or (not names and tail == line) else tail
    return out


LIST_SEPS = "、,，;；"


def _row_begun(block: str) -> bool:
    """A block past the header: a row number, or text longer than a header cell's half."""
    return bool(_ROW_NUMBER_RE.match(block)) or (len(block) > 6 and not _header_cell(block))


_TABLE_TITLE_RE = re.compile(r"(?:表|清单|一览)[)）]?$")
_PART_HEADING_RE = re.compile(r"^[一二三四五六七八九十]{1,3}、")


def _new_part(lines: list[str], j: int, text: str, own: list[str]) -> bool:
    """Line j ends the table: the header of another table (not this table's header repeated
    after a page break), or a heading of the text's outline ("三、阶段任务安排") that no
    numbered row follows (a section row spanning the table is followed by its rows' numbers)."""
    ahead = [ln.strip() for ln in lines[j : j + 2 * _MAX_HEADER_CELLS] if ln.strip()]
    if _header_cell(text):
        head = list(takewhile(_header_cell, _joined_header(ahead)))
        return len(head) >= 3 and bool(set(head) - set(own))  # columns this table has not
    if not _PART_HEADING_RE.match(text):
        return False
    if (  # "三、改革任务" / "(一)推进平稳有序移交" / "1.区级方案编制。区建设管理委…": the text's outline
        len(ahead) > 2
        and re.match(r"^[(（][一二三四五六七八九十]{1,3}[)）]", ahead[1])
        and re.match(r"^\d{1,2}\s*[.、．].{15,}", ahead[2])
    ):
        return True
    # sections left empty (a unit's rows picked out of a larger table) follow one another
    rest = list(dropwhile(lambda c: _PART_HEADING_RE.match(c), ahead[1:]))
    return not any(_ROW_NUMBER_RE.match(c) for c in rest[:3])


_ROW_NUMBER_RE = re.compile(r"^(?:\d{1,3}$|[(（]\d{1,3}[)）]|\d{1,3}\s*[.、．])")


_BARS_RE = re.compile(r"^\s*\|[\s|]*$")


def _cell_streams(lines: list[str]) -> list[str]:
    """Runs of "cell / | / cell / | …" lines (at least four cells) as TAB rows; other lines as
    they are."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        j, cells = i, []
        while (
            j + 1 < len(lines)
            and lines[j].strip()
            and "|" not in lines[j]
            and "\t" not in lines[j]
            and _BARS_RE.match(lines[j + 1])
        ):
            cells.append(lines[j].strip())
            j += 2
            while j < len(lines) and _BARS_RE.match(lines[j]):
                j += 1  # "|" / "|": a row's end marked twice ("|||": a section row's empty cells)
        # the table's title above its header, "|"-closed like a cell: a line of its own
        lead = next((k for k, c in enumerate(cells[:3]) if header_role(c) or len(c) <= 6), 0)
        if len(cells) - lead >= 4:
            out.extend(cells[:lead])
            out.extend("\t".join(row) for row in _stream_rows(cells[lead:]))
            i = j
        else:
            out.append(lines[i])
            i += 1
    return out


_CELL_LINE_RE = re.compile(r"^([^|\t]*?)\s*\|[\s|]*$")


def _numbered_cell_lines(lines: list[str]) -> list[str]:
    """Runs of one-cell lines ("a |", "b | |", bare "|") whose cells open with a header row and
    hold rows numbered 1, 2, 3 …, as TAB rows (`_numbered_rows`). Row ends are not marked
    reliably in such copies (a trailing "| |" on some rows only), so rows start at the number
    cells; the table's header need not name the number column."""

    def read(i: int) -> tuple[list[list[str]] | None, int]:
        j, cells, header_at = i, [], None
        while j < len(lines) and (m := _CELL_LINE_RE.match(lines[j])):
            if m.group(1).strip():
                if header_at is None and header_role(m.group(1).strip()):
                    header_at = j
                cells.append(m.group(1).strip())
            j += 1
        if header_at is None or j - i < 6:
            return None, j  # no header in this run of cells: none of it opens a table
        if header_at > i:
            return None, header_at  # a table opens at its header
        if cells[-1].isdigit() and j < len(lines) and lines[j].strip():
            cells.append(lines[j].strip())  # the last row's text, its "|" lost (a cut copy)
            j += 1
        return _numbered_rows(cells) or _unnumbered_rows(cells), j

    return _tables_read(lines, read)


def _tables_read(
    lines: list[str], read: Callable[[int], tuple[list[list[str]] | None, int]]
) -> list[str]:
    """The lines with every table that `read(i)` finds from line i written as TAB rows; other
    lines as they are. `read(i)` gives the table's rows and the index after it, or None and the
    line to look from next (a table read that failed is not read again from each of its lines:
    a text of nothing but header cells would take time growing with the square of its length)."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        rows, j = read(i)
        if rows:
            out.extend("\t".join(row) for row in rows)
            i = j
        else:
            j = max(j, i + 1)
            out.extend(lines[i:j])
            i = j
    return out


def _numbered_rows(cells: list[str]) -> list[list[str]] | None:
    """Header cells, then section cells (一、… / (一)…) and rows opened by a number cell 1, 2, 3 …
    -> rows under a "序号" column, each section cell written in its column (一级指标 / 二级指标 …);
    None when the cells do not read so."""
    head = 0
    while head < len(cells) and header_role(cells[head]):
        head += 1
    header = [c for c in cells[:head] if header_role(c) != "number"]  # rows open on the numbers
    # (the rows open on numbers: resolved as under a 序号 column, key -1)
    read = {k: r for k, c in enumerate(header) if (r := header_role(c))}
    resolved = resolve_roles({-1: "number", **read})
    roles = [resolved[k] for k in range(len(header))]
    if len(set(roles)) < 2 or not {"measure", "name", "group"} & set(roles):
        return None
    starts, expect = [], 1
    fewest = max(1, len(header) // 2)  # a row holds half its columns at least: a score "2" of
    # row 1 (拟设分值) is not row 2's number; in a table of tasks and their units only, a row whose
    # unit cells are merged into the row above holds its task alone: its number opens the next
    merged_ok = all(r in (*_UNIT_ROLES, "category", "group", "measure", "name") for r in roles)
    for k in range(head, len(cells)):
        if cells[k] != str(expect):
            continue
        own = k - starts[-1] - 1 if starts else fewest
        alone = (
            own >= 1
            and (_long_cell(cells[k - 1]) or (not merged_ok and _unit_cell(cells[k - 1])))
            and k + 1 < len(cells)
            and (
                _long_cell(cells[k + 1])
                or (  # "5" / "文化产业" (its class) / "培育规模以上文化服务企业1家。"
                    not merged_ok
                    and k + 2 < len(cells)
                    and _short_cell(cells[k + 1])
                    and re.fullmatch(r"[\u4e00-\u9fff“”、]{2,12}", cells[k + 1])
                    and not _unit_cell(cells[k + 1])
                    and parse_deadline(cells[k + 1], None) is None
                    and _long_cell(cells[k + 2])
                )
            )
        )
        if own >= fewest or alone:
            starts.append(k)
            expect += 1
    numbered = starts
    opener: re.Pattern[str] | None = None  # rows open on a numbered cell: "(1) …" / "1.做好…"
    for pattern in (MEASURE_RE, _NAMED_ROW_RE):
        if len(starts) >= 2:
            break
        starts, expect, opener = [], 1, pattern
        for k in range(head, len(cells)):
            m = pattern.match(cells[k])
            if m and int(m.group(1)) == expect:
                starts.append(k)
                expect += 1
    if len(starts) < 2:  # "(一)" cells restarting under each class ("—" / "二" + its title)
        starts, opener = _restarting_starts(cells, head), None
    if len(starts) < 2:  # the rows of one unit picked out of a larger table: 3, 68, 69, 73
        starts = _rising_starts(cells, head, fewest)
    one_row = (
        len(starts) < 2
        and len(numbered) == 1
        and full_header(cells[:head])
        and len(cells) - numbered[0] - 1 <= len(header) + 1
    )  # one row under a header naming number, item and units (a 决策目录 of one item)
    if one_row:
        starts, opener = numbered, None
    elif len(starts) < 2:
        return None
    if not any(r in ("category", "group") for r in roles) and any(
        CATEGORY_RE.match(c) for c in cells[head:]
    ):  # section rows (一、…) between the numbered rows of a table without a column for them
        header, roles = ["任务分类", *header], ["category", *roles]
    sections = [r for r in roles if r in ("category", "group")]
    current: dict[str, str] = {}

    styles: list[str] = []  # numbering styles of section cells, the first seen the highest

    def take(extra: list[str]) -> None:
        for cell in extra:
            style = _section_style(cell)
            if style and style not in styles:
                styles.append(style)
            top = style is not None and style == styles[0]
            role = "category" if top or "group" not in sections else "group"
            if role not in sections:
                role = sections[0] if sections else role
            current[role] = cell
            if role == "category":
                current.pop("group", None)

    take(_numbering_joined(cells[head : starts[0]]) if sections else [])
    rows = [["序号", *header]]
    bounds = [*starts, len(cells)]
    for a, b in zip(bounds, bounds[1:], strict=False):
        own = cells[a + 1 : b]
        label = cells[a]
        first = None
        if opener is not None:  # the row's own cell opens it: its number is the row's
            m = opener.match(cells[a])
            label = m.group(0).strip() if opener is MEASURE_RE else m.group(1)
            own = [cells[a][m.end() :].strip(), *own]
            first = "measure" if opener is MEASURE_RE else "name"
        parts = _sub_rows(own) if roles[-1] in (*_UNIT_ROLES, "deadline") else [own]
        values, extra = align_row(parts[0], roles, start=first)
        for part in parts[1:]:  # more of the row's task, each with its own units: one task
            more, extra = align_row(part, roles, start="measure")
            values = [
                ("、" if r in _UNIT_ROLES else " ").join(x for x in (v, w) if x)
                if w and w != v
                else v
                for r, v, w in zip(roles, values, more, strict=True)
            ]
        extra = _numbering_joined(extra)
        for role, value in zip(roles, values, strict=True):
            if role in sections and value:  # a section cell inside the row (事项 over its rows)
                current[role] = value
                if role == "category":
                    current.pop("group", None)
        row = [
            current.get(r, "") if r in sections else v for r, v in zip(roles, values, strict=True)
        ]
        merged = len(rows) > 1 and b < len(cells)  # not the last row: a cut copy ends there
        for k, role in enumerate(roles):  # a cell merged over rows: read in its first row
            if role in (*_UNIT_ROLES, "measure", "name") and not row[k] and merged:
                row[k] = rows[-1][k + 1]
        rows.append([label, *row])
        take(extra if sections else [])
    for k, role in enumerate(roles):  # a class column whose every row says its own: names
        values = [r[k + 1] for r in rows[1:]]
        named_task = rows[0][k + 1].endswith("任务")  # 工作任务 / 重点任务, not 任务类型 / 类别
        if (
            role in sections
            and named_task
            and len(values) >= 3
            and all(values)
            and len(set(values)) == len(values)
        ):
            rows[0][k + 1] = "任务名称"  # 序号 | 工作任务 | 主要工作内容, classes in rows between
    return rows


def _rising_starts(cells: list[str], head: int, fewest: int) -> list[int]:
    """Number cells that rise without following on (3, 68, 69, 73: a unit's rows kept from the
    whole table), each followed by a task's text."""
    starts: list[int] = []
    last = 0
    for k in range(head, len(cells) - 1):
        if not re.fullmatch(r"\d{1,3}", cells[k]) or int(cells[k]) <= last:
            continue
        if starts and k - starts[-1] - 1 < fewest or not _long_cell(cells[k + 1]):
            continue
        starts.append(k)
        last = int(cells[k])
    return starts


_NAMED_ROW_RE = re.compile(r"^(\d{1,3})\s*[.、．]\s*(?=\S)")
_PAREN_NUMBER_CELL_RE = re.compile(rf"^[(（]({CN_SMALL}{{1,3}})[)）]$")
_CLASS_NUMBER_CELL_RE = re.compile(rf"^(?:{CN_SMALL}{{1,3}}|[—－-]{{1,2}})$")


def _restarting_starts(cells: list[str], head: int) -> list[int]:
    """Rows opened by number cells "(一)" "(二)" … that start again from (一) after a class
    row ("二" / "构建全链条…": a number cell of its own, or "—" where a copy lost the 一)."""
    starts, expect = [], 1
    for k in range(head, len(cells)):
        m = _PAREN_NUMBER_CELL_RE.match(cells[k])
        if m is None:
            continue
        value = cn_to_int(m.group(1))
        restart = value == 1 and k >= 2 and _CLASS_NUMBER_CELL_RE.match(cells[k - 2])
        if value == expect or restart:
            starts.append(k)
            expect = (value or 0) + 1
    return starts


def _sub_rows(own: list[str]) -> list[list[str]]:
    """A numbered row's paragraphs parted where its task goes on with another measure and its
    own units (the merged 项目 cell of several 主要任务 rows): a long paragraph right after a
    paragraph of unit names opens such a part (in a table whose last columns are the units')."""
    parts: list[list[str]] = [[]]
    said = False  # the part has had its measure: units after it close it
    for k, cell in enumerate(own):
        long = (len(cell) > 30 or bool(re.search(r"[。;；]", cell))) and not _unit_cell(cell)
        closed = _unit_cell(own[k - 1]) or bool(_PLACEHOLDER_RE.match(own[k - 1])) if k else False
        if said and long and closed and not CATEGORY_RE.match(cell):
            parts.append([])
            said = False
        parts[-1].append(cell)
        said = said or long
    return parts


def _numbering_joined(cells: list[str]) -> list[str]:
    """A section's number standing in a paragraph of its own ("(一)" / "提升…品质") joined to
    its title."""
    out: list[str] = []
    for cell in cells:
        if out and re.fullmatch(r"[(（]?[一二三四五六七八九十\d]{1,3}[)）]?[、.．]?", out[-1]):
            out[-1] += cell
        else:
            out.append(cell)
    return out


_UNIT_ROLES = ("lead", "responsible", "cooperating")
_MAX_ROW_PARAGRAPHS = 60  # paragraphs laid out one by one in a row; the rest go with the last


def _section_style(cell: str) -> str | None:
    """The numbering style a section cell opens with: 一、 / (一) / 1、 (None: unnumbered). The
    first style a table's sections show is its classes' (category), the others its groups'."""
    if CATEGORY_RE.match(cell):
        return "一、"
    if re.match(rf"^[(（]{CN_SMALL}+[)）]", cell):
        return "(一)"
    if GROUP_RE.match(cell):
        return "1."
    return None


def _short_row_aligned(row: list[str], header: list[str]) -> list[str]:
    """A numbered "a | b | c" row with fewer cells than its header (an empty cell left out, so
    the cells after it sit under the wrong headers: "2 | 扎实做好… | 疾控处 | 长期推进" under
    序号 | 工作任务 | 细化分工 | 责任处室 | 完成时限 | 备注): its trailing deadline and unit
    cells moved right under their columns, its text cells left where they open."""
    roles = [header_role(c) for c in header]
    if len(row) >= len(header) or len(row) < 3:
        return row
    numbered = roles[0] == "number"
    if numbered and not re.fullmatch(r"\d{1,3}", row[0]):
        return row
    cells = row[1:]
    placed: dict[int, str] = {}
    column = len(roles) - 1
    while cells:
        cell = cells[-1]
        if parse_deadline(cell, None) or _ONGOING_CELL_RE.match(cell):
            wanted: tuple[str, ...] = ("deadline",)
        elif _unit_cell(cell):
            wanted = _UNIT_ROLES
        else:
            break
        while column > len(cells) and roles[column] not in wanted:
            column -= 1
        if column <= len(cells) - 1 or roles[column] not in wanted:
            break
        placed[column] = cells.pop()
        column -= 1
    if not placed:
        return row
    if numbered:  # the text after the number: where it opens (a cell left empty after it)
        out = [row[0], *cells] + [""] * (len(header) - 1 - len(cells))
    else:  # "| 2.持续开展… | 县农业农村局 | …": the section cells merged over rows above are lost
        texts = [c for c in [row[0], *cells] if c]
        if not texts or not (GROUP_RE.match(texts[0]) or MEASURE_RE.match(texts[0])):
            return row
        out = [""] * len(header)
        end = min(placed)
        out[end - len(texts) : end] = texts
    for k, cell in placed.items():
        out[k] = cell
    return out


_ONGOING_CELL_RE = re.compile(r"^(?:长期|持续|常态化|长期推进|持续推进|长期坚持|持续开展)")


def _fit(paragraph: str, role: str, more: bool) -> float:
    """How well a paragraph reads as the cell of a column of this role (`more`: as one more
    paragraph of a cell already begun)."""
    long = len(paragraph) > 30 or bool(re.search(r"[。;；]", paragraph))
    units = _unit_cell(paragraph) or bool(_PLACEHOLDER_RE.match(paragraph))
    if CATEGORY_RE.match(paragraph):
        return -6.0  # 二、…: a section between rows, never a cell
    if role in _UNIT_ROLES:
        if units:  # names one per paragraph: more of them in a lead column than elsewhere is rare
            return (0.5 if role == "lead" else 1.0) if more else 3.0
        return -4.0 if more or long or not _names_units(paragraph) else 1.5
    if role == "deadline":
        # "三季度:完成…" opens on its date; "全年组织开展…不少于100场。" is a task's sentence
        pre = deadline_prefix(paragraph)
        dated = (parse_deadline(paragraph, None) and not long) or (
            pre and paragraph[pre : pre + 1] in ("", ":", "：", ",", "，", " ", ";", "；")
        )
        return (0.5 if dated else -3.0) if more else 3.0 if dated else -4.0
    if role in ("measure", "name") and units:
        return -3.0  # only unit names: the units' cell, the task's being merged above
    if role == "measure":  # one more paragraph of it: a sentence; a short name heads the next rows
        return (0.3 if long else 0.05) if more else 2.0 if long else 1.0
    if role in ("category", "group", "name"):  # sections stand mostly between the rows
        if more and len(paragraph) <= 6 and not long and not units:
            return 0.2  # "海绵城市" / "建设管理": a narrow cell's name broken over two lines
        return -3.0 if more or long else {"category": 0.3, "group": 0.8, "name": 2.0}[role]
    return 0.3 if more else 0.4  # notes, targets, other columns take anything


def align_row(
    own: list[str], roles: list[str], start: str | None = None
) -> tuple[list[str], list[str]]:
    """The paragraphs of one numbered row laid into its columns in order, by how well each reads
    as each column's cell (`_fit`): a column whose cell is merged into the row above gets none,
    a cell may run over several paragraphs, and paragraphs left at the end that head the next
    rows (一、…, a short class name) are returned apart. -> (cell per column, those)."""
    if len(own) > _MAX_ROW_PARAGRAPHS:  # a row of thousands of paragraphs (a hostile paste)
        cut = _MAX_ROW_PARAGRAPHS - 1
        own = [*own[:cut], " ".join(own[cut:])]
    n, m = len(own), len(roles)

    first = roles.index(start) if start in roles else 0  # a row opened by that column's cell
    # a short name that reads like a unit ("静心帮办", "圆桌会") with the row's units still to
    # come is the name column's cell: the units' column is the one further on
    unit_after = [False] * n  # a unit cell comes later in the row (one pass, from the end)
    for i in range(n - 2, -1, -1):
        unit_after[i] = unit_after[i + 1] or _unit_cell(own[i + 1])

    def fit(i: int, role: str, begun: bool) -> float:
        if begun and role in _UNIT_ROLES and _ALIAS_RE.fullmatch(own[i]):
            return 1.0  # "区建设管理委" / "(区水务局)": the other name of the unit above
        if not begun and i and own[i - 1].endswith(("、", ",", "，")):
            return -6.0  # "市绿化市容局、" / "市商务委": a list broken over paragraphs goes on
        if role == "name" and not begun and unit_after[i] and len(own[i]) <= 12:
            if _unit_cell(own[i]):
                return 1.0
        return _fit(own[i], role, begun)

    @cache
    def best(i: int, j: int, begun: bool) -> tuple[float, tuple[int, ...]]:
        """(score, column of each paragraph from i on; m for "the next rows'") placing
        paragraph i into column j or a later one."""
        if i == n:
            return 0.0, ()
        options = []
        if j < m:
            score, rest = best(i + 1, j, True)
            options.append((score + fit(i, roles[j], begun), (j, *rest)))
            if not (i == 0 and start in roles):  # the cell that opened the row is its column's
                options.append(best(i, j + 1, False))
        else:
            score, rest = best(i + 1, m, True)
            ahead = 1.0 if CATEGORY_RE.match(own[i]) else 0.1 if _section_cell(own[i]) else -5.0
            options.append((score + ahead, (m, *rest)))
        return max(options, key=lambda o: o[0])

    _, columns = best(0, first, False)
    cells: list[list[str]] = [[] for _ in range(m + 1)]
    for paragraph, column in zip(own, columns, strict=True):
        cells[column].append(paragraph)
    # a name broken over lines is one word again; sentences of a cell keep a space between
    glue = [
        "、" if r in _UNIT_ROLES else "" if r in ("category", "group", "name") else " "
        for r in roles
    ]
    joined = [
        "".join(
            (glue[k] if j and not _ALIAS_RE.fullmatch(part) else "") + part
            for j, part in enumerate(cells[k])
        )
        for k in range(m)
    ]
    return joined, cells[m]


def _unit_cell(cell: str) -> bool:
    """A paragraph of unit names only (综合规划处 / 区房管局、各街镇), however many."""
    # "…,某经开区管委会,某国控集团。": a list closed by a full stop
    closed = cell.endswith("。")
    if len(cell) <= 300 and parse_role_line(cell):  # "牵头单位:区政务服务办;责任部门:各街道"
        return True
    cell = cell.rstrip("。")
    if len(cell) > 300 or "。" in cell:
        return False
    names = split_unit_names(cell)
    if closed and (len(names) < 2 or max(map(len, names)) > 12):
        return False  # "建成县残疾人综合服务中心。" / "…建设政府专职消防队、…": a task's sentence
    # "相关委、办、局": bare suffixes after a first name stand for bodies of the same kind
    return bool(names) and all(
        looks_like_unit(n) or (k and n in _BARE_SUFFIXES) for k, n in enumerate(names)
    )


_BARE_SUFFIXES = {"委", "办", "局", "厅", "院", "所", "队", "部", "中心"}


_PLACEHOLDER_RE = re.compile(r"^[—\-－/／无空\s]*$")  # "—": no unit in this cell


def _section_cell(cell: str) -> bool:
    """A cell between numbered rows that heads the rows below (一、… / (一)… / a short class name
    such as 旧区改造), not one more paragraph of the row above."""
    return bool(CATEGORY_RE.match(cell)) or (len(cell) <= 30 and not re.search(r"[。;；]", cell))


def _names_units(cell: str) -> bool:
    """A cell naming units: at least one of its names reads as a unit (区“两旧”专班 need not)."""
    return len(cell) <= 2000 and any(looks_like_unit(n) for n in split_unit_names(cell))


def _stream_rows(cells: list[str]) -> list[list[str]]:
    """Rows of a cell stream: the header until the first number cell, then a row from each
    number cell. When the header's first column is a section (工作任务 / 任务分类), a cell left
    over between a complete row and the next number is the next rows' section, written in that
    column of each row."""
    starts = [k for k, c in enumerate(cells) if _NUMBER_CELL_RE.match(c)]
    if not starts:  # rows with no number cell: read by the kinds of their cells, or one row
        return _unnumbered_rows(cells) or [cells]
    header = cells[: starts[0]]
    if header and header_role(header[0]) == "number":
        header = header[1:]  # "序号" heads the number cells the rows open on
    section = ""
    if header and not header_role(header[-1]):
        header, section = header[:-1], header[-1]
    fewest = min((b - a - 1 for a, b in zip(starts, starts[1:], strict=False)), default=0)
    # 序号 | 工作任务 | 责任单位 | 时限 whose rows all hold as many cells: 工作任务 is their text,
    # not a section written between the rows
    has_section = (
        bool(header)
        and header_role(header[0]) in ("category", "group")
        and (fewest < len(header) or len(starts) < 2)
    )
    body = len(header) - 1 if has_section else len(header)  # cells after the number
    rows: list[list[str]] = [["序号", *header]]
    bounds = [*starts, len(cells)]
    for a, b in zip(bounds, bounds[1:], strict=False):
        row = cells[a + 1 : b]
        extra = row[body:] if has_section and b < len(cells) else []
        row = row[:body] if extra else row
        rows.append([cells[a], *([section] if has_section else []), *row])
        if extra:
            section = "".join(extra)
    return rows


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


NOTE_HEADERS = (
    "备注",
    "说明",
    "参考文件",
    "政策依据",
    "文件依据",
    "依据文件",
    "工作依据",
    # the leaders in charge (people, not bodies): 责任人 here, their posts by LEADER_NAME
    "责任人",
    # how far the work has got (a progress report's column), not the plan's
    "落实进展情况",
    "进展情况",
    "落实情况",
    "完成情况",
    "工作进展",
    "推进情况",
    # an assessment's columns: its scores and how they are given
    "分值",
    "拟设分值",
    "标准分值",
    "权重",
    "评分细则",
    "评分标准",
    "考核标准",
    "计分方法",
    "考核方式",
    # a 抽查计划's objects, ratios and ways
    "检查对象",
    "抽查对象",
    "抽查对象范围",
    "事项类别",
    "抽查频次",
    "抽查数量",
    "拟抽查户数",
    "预估抽查对象数",
    "抽查方式",
    "检查方式",
    "组织实施层级",
    # a 决策目录's procedures and the law behind each decision
    "决策程序",
    "决策事项程序",
    "履行程序",
    "履行程序要求",
    "法律政策依据",
    "决策依据",
    "是否需听证",
    "决策中是否需听证",
)
_LEADER_HEADER_RE = re.compile(LEADER_NAME)  # 市政府分管领导, 牵头省领导同志: people, a note
# a project list's facts of each project (序号 | 项目名称 | 属地 | 设计单位 | 预估项目投资
# (亿元) | 面积(或长度)): notes, not roles
_BRACKETED = r"(?:[(（][^()（）]{1,8}[)）])?"
_PROJECT_NOTE_RE = re.compile(
    r"(?:(?:预估|计划|估算|概算|年度|本年度?)?(?:项目)?总?投资(?:金额|额|规模)?|(?:建设|用地|占地)?面积|长度|(?:建设)?规模"
    r"|(?:建设)?地点|(?:所在)?位置|所在地|(?:设计|施工|监理|勘察)单位|属地[^()（）]{0,6})"
    + _BRACKETED
)
_YEAR_HEADER_RE = re.compile(r"^(?:19|20)\d{2}年.{0,8}(?:任务|计划|目标|安排|进度|项目)$")


@lru_cache(maxsize=8192)
def header_role(cell: str) -> str | None:
    """The column role of a header cell ("牵头单位" -> lead), tolerant of letter-spacing. 备注 and
    a year's plan (2024年工作任务) are columns of notes, read by no role of the task's."""
    if len(cell) > 200:  # even letter-spaced, no header cell is that long
        return None
    text = _squash(cell)
    text = re.sub(r"[(（][\d\-—–~～至年]{4,12}[)）]$", "", text)  # 重点任务(2024-2026)
    # 重点工作任务(杭州市2项配合工作): a count of the column's rows after its name
    text = re.sub(
        r"(?<=[\u4e00-\u9fff]{2})[(（][^()（）]{0,12}\d+项[^()（）]{0,12}[)）]$", "", text
    )
    if not text or len(text) > 12:
        return None
    if (
        text in NOTE_HEADERS
        or _LEADER_HEADER_RE.fullmatch(text)
        or _PROJECT_NOTE_RE.fullmatch(text)
    ):
        return "note"
    if _YEAR_HEADER_RE.match(text):
        return "year_note"  # a year's plan beside the tasks; the tasks themselves when alone
    if len(text) > 6 and text.endswith(("表", "清单", "方案", "计划")):
        return None  # "某市海铁联运重点任务表": the table's title above its header, no header cell
    if text == "内容" or re.fullmatch(
        r"(?:工作|主要)?(?:内容|目标|任务|措施)[与和及、](?:要求|措施|任务|目标|举措)", text
    ):
        return "measure"  # 内容与要求, 目标及措施: the tasks' text
    for role, names in HEADERS.items():
        if text in names:
            return role
    for role, names in HEADERS.items():  # (not a note: "打*的为具体项目")
        if "为" not in text and any(n in text for n in names if len(n) >= 3):
            return role
    if re.fullmatch(r"[\u4e00-\u9fff]{1,4}(?:内容|措施)", text):
        return "measure"  # 推进内容, 整改措施: the tasks' text whatever the word before
    if re.fullmatch(r"(?:任务|项目|指标|事项|目标)(?:任务|项目|指标|事项|目标|内容){1,2}", text):
        return "measure"  # 任务项目指标, 项目指标: the words of a task column run together
    if re.fullmatch(r"[\u4e00-\u9fff]{1,8}名称", text) or re.fullmatch(
        r"(?:改革|建设|专项)任务", text
    ):
        return "name"  # 品牌名称, 活动名称; 改革任务 over 工作要求
    if re.fullmatch(r"[\u4e00-\u9fff]{1,4}领域", text):
        return "category"  # 创建领域, 改革领域
    # 牵头、责任部门 / 牵头及配合单位: one column for several roles, its cells say which
    if re.fullmatch(
        r"(?:牵头|责任|主责)[、和及/](?:牵头|责任|配合|协办)(?:单位|部门|处室|科室)", text
    ):
        return "responsible"
    # 系统内责任处、局、单位 / 配合处、室: a role word over a list of kinds of body
    if m := re.fullmatch(
        r"[\u4e00-\u9fff]{0,4}(牵头|责任|配合|协办)(?:[处室局科股委办单位部门、]{1,8})", text
    ):
        return {"牵头": "lead", "责任": "responsible"}.get(m.group(1), "cooperating")
    return None


def resolve_roles(roles: dict[int, str]) -> dict[int, str]:
    """Column roles read together: a header with no column for the measures reads its last
    task-class column as that column (序号 | 工作任务 | 责任单位, 任务类型 | 工作任务 | 推进单位,
    任务分类 | 主要方向 | 重点任务, 类别 | 项目 | 主要任务: there the last holds the tasks' text,
    not their class)."""
    if (
        "year_note" in roles.values()
    ):  # 序号 | 2022年预期目标 | 责任单位: the only text is the tasks'
        texts = {"measure", "name", "group"} & set(roles.values())
        roles = {
            j: ("note" if texts else "measure") if r == "year_note" else r for j, r in roles.items()
        }
    names = sorted(j for j, r in roles.items() if r == "name")
    if len(names) >= 2 and "measure" not in roles.values():
        roles = {**roles, names[-1]: "measure"}  # 品牌名称 | 工作举措: the later one holds the text
    measures = sorted(j for j, r in roles.items() if r == "measure")
    if len(measures) >= 2 and "name" not in roles.values():
        roles = {**roles, measures[0]: "name"}  # 工作事项 | 主要内容: the first names the task
    values = set(roles.values())
    if "measure" in values or not {"category", "group"} & values:
        return roles
    if not values & {"lead", "responsible", "cooperating", "deadline"}:
        return roles
    last = max(j for j, r in roles.items() if r in ("category", "group"))
    names = [j for j, r in roles.items() if r == "name"]
    if names and last < max(names):
        return roles  # 主要任务 | 改革举措: the tasks are named; the class stays a class
    if roles[last] == "group" and "category" not in values and "number" not in values:
        return roles  # 主要任务 | 责任单位: the groups are the tasks' headings, read as they are
    # (序号 | 主要任务 | 牵头单位: each numbered row's 主要任务 is its text)
    return {**roles, last: "measure"}


def find_header(rows: list[list[str]]) -> tuple[int, dict[int, str]] | None:
    """(row index, column -> role) of the first header row, joining a two-row header."""
    for i, row in enumerate(rows[:40]):
        roles = resolve_roles({j: r for j, c in enumerate(row) if (r := header_role(c))})
        if len(set(roles.values())) >= 2 and ({"measure", "group", "name"} & set(roles.values())):
            if i + 1 < len(rows):
                below = {j: r for j, c in enumerate(rows[i + 1]) if (r := header_role(c))}
                if (
                    below
                    and len(set(below.values())) >= 1
                    and not any(MEASURE_RE.match(c) for c in rows[i + 1])
                ):
                    roles.update(_under_spans(row, rows[i + 1], below))
            return i, roles
    return None


def _under_spans(upper: list[str], lower: list[str], below: dict[int, str]) -> dict[int, str]:
    """The lower row of a two-row header, in the table's columns. A copy that lost the merged
    cells' spans ("序号 | 内容清单 | 责任清单 | 措施清单" over "责任领导 | 责任人 | 责任处室 | …") starts
    the lower row at the first column; its cells belong under the spanning upper cells, after
    the upper row's leading full-height columns (those with a role of their own)."""
    if not lower or not lower[0].strip() or not upper or not header_role(upper[0]):
        return below  # a grid keeps the lower row's blanks under the full-height columns
    if lower[0].strip() == upper[0].strip():
        return below  # …or repeats their merged cells' text there
    lead = sum(1 for _ in takewhile(lambda c: bool(header_role(c)), upper))
    return {j + lead: r for j, r in below.items()}


def full_header(row: list[str]) -> bool:
    """A header naming the number, the task and its units (序号 | 事项名称 | 承办单位): a table
    even with one row under it (a catalogue of one 决策事项, a copy cut after its first row)."""
    roles = {header_role(c) for c in row}
    return (
        "number" in roles
        and bool({"measure", "name"} & roles)
        and bool({"lead", "responsible"} & roles)
    )


def is_header_row(row: list[str]) -> bool:
    return sum(1 for c in row if header_role(c)) >= 2


@dataclass
class Measure:
    number: str
    value: int
    text: str
    category: str | None
    group: str | None
    units: list[str] = field(default_factory=list)  # attribution entries, for this measure
    roles: dict[str, list[str]] = field(default_factory=dict)
    deadlines: list[str] = field(default_factory=list)
    targets_text: str = ""


def split_paragraphs(cell: str) -> list[str]:
    """Cell text split at <p> paragraphs (HTML pasted into PDF tables)."""
    if "<p" in cell.lower():
        parts = [TAG_RE.sub("", p).strip() for p in re.split(r"</p>", cell, flags=re.I)]
        return [p for p in parts if p]
    return [cell.strip()] if cell.strip() else []


def _measure_start(text: str, next_value: int) -> re.Match[str] | None:
    """ "(N)" opens a measure; so does a bare "N " when N is the next number expected."""
    m = MEASURE_RE.match(text)
    if m:
        return m
    m = BARE_MEASURE_RE.match(text)
    return m if m and int(m.group(1)) == next_value else None


def split_measures(cell: str, next_value: int) -> list[tuple[int, str]]:
    """ "(7) … (8) … (9) …" -> [(7, "…"), (8, "…"), (9, "…")], following the numbering."""
    text = TAG_RE.sub(" ", cell).strip()
    m = _measure_start(text, next_value)
    if not m:
        return []
    value = int(m.group(1))
    out: list[tuple[int, str]] = []
    pos = m.end()
    while True:
        nxt = re.search(rf"\(\s*{value + 1}\s*\)", text[pos:])
        if not nxt:
            out.append((value, text[pos:].strip()))
            return out
        out.append((value, text[pos : pos + nxt.start()].strip()))
        pos += nxt.end()
        value += 1


def split_entries(cell: str) -> list[str]:
    """Attribution or deadline entries of one cell: <p> paragraphs, or spaces after an entry's end."""
    parts = split_paragraphs(cell)
    if len(parts) > 1:
        return parts
    text = parts[0] if parts else ""
    text = DATE_SPACES_RE.sub("", re.sub(r"(\d)\s+(?=[年月日])", r"\1", text))
    pieces = ENTRY_END_RE.sub(lambda m: m.group(1) + "\x00", text).split("\x00")
    return [p.strip() for p in pieces if p.strip()]


def classify_cell(cell: str, next_value: int = 0) -> str | None:
    """Content type of a cell of a text table."""
    text = TAG_RE.sub(" ", cell).strip()
    if not text:
        return None
    if _measure_start(text, next_value):
        return "measure"
    if CATEGORY_RE.match(text) and len(text) < 40:
        return "category"
    if GROUP_RE.match(text):
        return "group"
    entries = split_entries(cell)
    if entries and all(parse_deadline(e, None) for e in entries) and len(text) < 15 * len(entries):
        return "deadline"
    if any(w in text for w in UNIT_WORDS) and len(text) < 400:
        return "units"
    return "other"


@dataclass
class TableState:
    category: str | None = None
    group: str | None = None
    next_value: int = 1
    measures: list[Measure] = field(default_factory=list)
    pending: list[Measure] = field(
        default_factory=list
    )  # measures still waiting for units/deadlines


def read_text_row(row: list[str], state: TableState) -> None:
    """One TAB row of a text table, read by the content of its cells."""
    kinds = [classify_cell(c, state.next_value) for c in row]
    new: list[Measure] = []
    for cell, kind in zip(row, kinds, strict=True):
        if kind == "category":
            state.category = cell.strip()
        elif kind == "group" and not new:
            state.group = cell.strip()
        elif kind == "measure":
            for value, text in split_measures(cell, state.next_value):
                new.append(Measure(f"({value})", value, text, state.category, state.group))
                state.next_value = value + 1
    units = [e for c, k in zip(row, kinds, strict=True) if k == "units" for e in split_entries(c)]
    deadlines = [
        e for c, k in zip(row, kinds, strict=True) if k == "deadline" for e in split_entries(c)
    ]
    if new:
        state.measures.extend(new)
        state.pending = list(new)
    _distribute(state.pending, units, "units")
    _distribute(state.pending, deadlines, "deadlines")


def _distribute(measures: list[Measure], entries: list[str], attr: str) -> None:
    """Give entries to measures still lacking them, in order; the last entry covers the rest."""
    if not entries:
        return
    waiting = [m for m in measures if not getattr(m, attr)]
    if not waiting:
        return
    if len(entries) == 1:
        for m in waiting:
            getattr(m, attr).append(entries[0])
        return
    for k, m in enumerate(waiting):
        getattr(m, attr).append(entries[min(k, len(entries) - 1)])


def _misplaced(row: list[str], columns: dict[int, str], next_value: int) -> bool:
    """True when a row's cells sit under the wrong headers (a merged cell above shifted them, as
    in tables converted from PDF): a measure "(N)" opens outside the measure column, or a main
    task "N." stands in the category column of a table that has a column for main tasks."""
    roles = set(columns.values())
    for j, cell in enumerate(row):
        text = TAG_RE.sub(" ", cell).strip()
        if not text:
            continue
        role = columns.get(j)
        if role not in ("measure", "name", "number") and MEASURE_RE.match(text):
            if int(MEASURE_RE.match(text).group(1)) == next_value:
                return True
        if role == "category" and "group" in roles and GROUP_RE.match(text):
            return True
    return False


def _share(cell: str, count: int) -> list[str]:
    """A role or deadline cell of a row holding several measures, one part per measure: its
    paragraphs or entries in order, the last covering the rest; the whole cell for one measure."""
    entries = split_entries(cell) if count > 1 else []
    if len(entries) < 2:
        return [cell] * count
    return [entries[min(k, len(entries) - 1)] for k in range(count)]


def read_grid_row(row: list[str], columns: dict[int, str], state: TableState) -> None:
    """One row of an aligned table (Excel/CSV): cells by their header's role, or by their
    content when they are misplaced."""
    width = max(columns) + 1
    row = list(row)
    while row and not row[-1].strip() and len(row) > width:
        row.pop()
    while len(row) > width and _section_style(row[0].strip()) in ("一、", "(一)"):
        # "一、围绕…中心工作 | (一)聚焦…加大公开力度 | 1.紧紧围绕… | …": the sections merged
        # over the first column's rows open the row that starts them
        section = row.pop(0).strip()
        if _section_style(section) == "一、":
            state.category, state.group = section, None
        else:
            state.group = section
    own_number = ""  # "1 | 每年3月1日前,… | 市政府各部门" under 任务清单 | 责任单位: no 序号 column
    if (
        "number" not in columns.values()
        and len(row) >= 2
        and re.fullmatch(r"\d{1,3}", row[0].strip())
        and (
            len(row) > width  # (else only where the number would stand under the text's column)
            or (columns.get(0) in ("measure", "name") and int(row[0]) == state.next_value)
        )
    ):
        own_number = row.pop(0).strip()
    first_role = columns.get(min(columns))
    if len(row) < width and first_role in ("category", "group") and GROUP_RE.match(row[0].strip()):
        row = [""] * (width - len(row)) + row  # its section cell spans rows above: shifted right
    measure_col = next((j for j, r in columns.items() if r == "measure"), None)
    if len(row) < width and measure_col is not None:
        # "| (二)严控… | 3.深入… | 县农业农村局 | …": the cells of a row under a merged first
        # column, shifted left; the next task's "N." goes back under the measure column
        at = next(
            (
                j
                for j, c in enumerate(row[:measure_col])
                if (m := GROUP_RE.match(c.strip())) and int(m.group(1)) == state.next_value
            ),
            None,
        )
        if at is not None and len(row) + measure_col - at <= width:
            first = next(j for j, c in enumerate(row) if c.strip())
            row = row[:first] + [""] * (measure_col - at) + row[first:]
    number_col = next((j for j, r in columns.items() if r == "number"), 0)
    if number_col and row[0].strip().isdigit() and not row[number_col].strip().isdigit():
        row = [""] * number_col + row  # the cells before 序号 merged over rows above: lost
    if _misplaced(row, columns, state.next_value):
        read_text_row(row, state)
        return
    cell = {role: row[j].strip() for j, role in columns.items() if j < len(row)}
    filled = {c.strip() for c in row if c.strip()}
    only = [j for j, c in enumerate(row) if c.strip()]
    if len(filled) == 1 and len(columns) >= 3 and not (cell.get("number") or "").isdigit():
        measure_col = {j for j, r in columns.items() if r in ("measure", "name")}
        if (
            state.measures
            and len(only) == 1
            and only[0] in measure_col
            and "number" in columns.values()
        ):
            state.measures[-1].text += (
                " " + filled.pop()
            )  # a sub-item (5.集体讨论决定。) of the task above
            return
        state.category, state.group = filled.pop(), None  # a section row spanning the table
        return
    if cell.get("category"):
        state.category = cell["category"]
    if cell.get("group"):
        state.group = cell["group"]
    name, text = cell.get("name") or "", cell.get("measure") or ""
    if name and text and not text.startswith(name):
        text = f"{name.rstrip('。')}。{text}"
    text = text or name
    if not text:
        return
    number = re.sub(r"\s+", "", cell.get("number") or own_number)  # "(10 )" as a PDF spaced it
    written = GROUP_RE.match(text) if not number else None
    if written and written.group(2):  # "1.积极推进…" in a table without a 序号 column
        number, text = written.group(1), written.group(2)
    split = split_measures(text, state.next_value) if not number else []
    if not split:
        value = _number_value(number, state.next_value)
        split = [(value, MEASURE_RE.sub("", text, count=1).strip() if not number else text)]
        label = number or str(value)
    else:
        label = None
    shared = {
        key: _share(cell[key], len(split))
        for key in ("lead", "responsible", "cooperating", "deadline")
        if cell.get(key)
    }
    new = []
    for k, (value, mtext) in enumerate(split):
        m = Measure(label or f"({value})", value, mtext, state.category, state.group)
        for role in ("lead", "responsible", "cooperating"):
            if role in shared:
                m.roles[role] = shared[role][k]
        if "deadline" in shared:
            m.deadlines.append(shared["deadline"][k])
        m.targets_text = cell.get("target", "")
        new.append(m)
        state.next_value = value + 1
    state.measures.extend(new)
    state.pending = new


def _number_value(number: str, default: int) -> int:
    digits = re.sub(r"\D", "", number)
    if digits:
        return int(digits)
    return cn_to_int(re.sub(r"[^一二三四五六七八九十百]", "", number)) or default


def parse_table_rows(rows: list[list[str]], default_year: int | None, aligned: bool) -> list[dict]:
    """Actions (by category) with tasks (one per measure) from the rows of a breakdown table."""
    header = find_header(rows)
    if header is None:
        return []
    start, columns = header
    columns = _merged_names_as_sections(rows[start + 1 :], columns)
    state = TableState()
    for k, row in enumerate(rows[start + 1 :], start + 1):
        if not any(c.strip() for c in row):
            continue
        if is_header_row(row):  # a repeated header, or the next table's: read by its columns
            if k == start + 1:
                continue  # the lower row of a two-row header, joined by find_header
            again = find_header([row])
            below = again is not None and again[1].items() <= columns.items()
            if again is not None and not below:  # (the lower row of a two-row header: read)
                columns = _merged_names_as_sections(rows[k + 1 :], again[1])
                state.category = state.group = None
            continue
        if aligned:
            read_grid_row(row, columns, state)
        else:
            read_text_row(row, state)
    return _actions(state.measures, default_year)


def _merged_names_as_sections(rows: list[list[str]], columns: dict[int, str]) -> dict[int, str]:
    """A 任务名称 column whose cell is merged over rows numbered one by one (序号 1, 2, 3 under
    one 加强组织领导) names their section, not each task: the tasks are the rows, their titles
    the measures' cells. The column becomes the class (or, beside one, the group) column."""
    number = next((k for k, r in columns.items() if r == "number"), None)
    name = next((k for k, r in columns.items() if r == "name"), None)
    if name is None or "measure" not in columns.values():
        return columns
    section = "group" if "category" in columns.values() else "category"
    if number is None:  # no 序号: names numbered "(一)…" over measures numbered "1.…" head sections
        measure = next(k for k, r in columns.items() if r == "measure")
        pairs = [
            (row[name].strip(), row[measure].strip() if measure < len(row) else "")
            for row in rows
            if name < len(row) and row[name].strip()
        ]
        sectioned = [m for n, m in pairs if _SECTION_NAME_RE.match(n)]
        outlined = sum(1 for m in sectioned if GROUP_RE.match(m) or MEASURE_RE.match(m))
        plain = sum(1 for n, _ in pairs if not _SECTION_NAME_RE.match(n) and not GROUP_RE.match(n))
        if outlined and outlined * 2 >= len(sectioned) and len(sectioned) >= plain:
            return {**columns, name: section}  # (a shifted row's "3.…" may stand in the column)
        return columns
    previous, merged, numbered = None, 0, 0
    for row in rows:
        if number >= len(row) or not row[number].strip().isdigit():
            continue
        numbered += 1
        cell = row[name].strip() if name < len(row) else ""
        if previous and cell in ("", previous):
            merged += 1  # the cell merged over this row (filled in from the row above)
        previous = cell or previous
    if not merged or merged * 3 < numbered:  # two rows sharing a name once are two tasks
        return columns
    return {**columns, name: section}


_SECTION_NAME_RE = re.compile(r"^[(（][一二三四五六七八九十]+[)）]")


def _actions(measures: list[Measure], default_year: int | None) -> list[dict]:
    actions: list[dict] = []
    by_title: dict[str, dict] = {}
    for m in measures:
        code, title = _split_category(m.category or "")
        key = code or title
        if key not in by_title:
            by_title[key] = {"code": code, "title": title, "tasks": [], "targets": []}
            actions.append(by_title[key])
        by_title[key]["tasks"].append(measure_task(m, default_year))
    return actions


def _split_category(text: str) -> tuple[str, str]:
    m = CATEGORY_RE.match(text) or re.match(r"^(\d{1,2})\s*[.、．]\s*(\D.*)$", text)
    if m:  # "一、政府职能…", "1.分类投放"
        return m.group(1), m.group(2).strip().rstrip("。")
    return "", text.strip() or "未分类"


def _group_title(group: str | None) -> str | None:
    if not group:
        return None
    return group.strip().rstrip("。")


_INNER_NUMBER_RE = re.compile(r"^(?:\d{1,2}\s*[.、．](?!\d)|[(（]\d{1,2}[)）])\s*")


def measure_task(m: Measure, default_year: int | None) -> dict:
    """The contract's Task object for a measure of a breakdown table."""
    units: dict[str, list[str]] = {
        "lead_units": [],
        "responsible_units": [],
        "cooperating_units": [],
    }
    keys = {
        "lead": "lead_units",
        "responsible": "responsible_units",
        "cooperating": "cooperating_units",
    }
    for role, cell in m.roles.items():
        _add_units(units, cell, keys[role])
    for entry in m.units:
        _add_units(units, entry, "responsible_units")
    deadline_text = re.sub(r"(\d)\s+(?=[年月日])", r"\1", " ".join(m.deadlines)) or None
    deadline = parse_deadline(m.deadlines[0], default_year) if m.deadlines else None
    staged = latest_deadline(m.deadlines, default_year) if m.deadlines else None
    if staged is not None and (deadline is None or (deadline.date and staged.date > deadline.date)):
        deadline = staged  # a cell of stages ends with its last
    if deadline is None and not m.deadlines:  # no 完成时限 column: "年底前,各街道成立…"
        deadline = find_deadline_in_text(m.text, default_year)
    text = normalize_prose(re.sub(r"\s+", " ", m.text).strip())
    # a cell holding a numbered list ("1. 强化…\n2. 紧扣…") in a row with its own 序号: the
    # title is the list's first item, without the list's number
    title = first_clause(_INNER_NUMBER_RE.sub("", text, count=1) if m.number else text)
    return {
        "number": m.number,
        "title": title,
        "text": text,
        "group": _group_title(m.group),
        **units,
        "deadline_text": deadline_text,
        "deadline": deadline.date.isoformat() if deadline and deadline.date else None,
        "ongoing": bool(deadline and deadline.ongoing),
        "recurring": deadline.recurring if deadline else None,  # 每年… / 每季度
        "targets": extract_targets(text + ("。" + m.targets_text if m.targets_text else "")),
    }


_QUANTITY_RE = re.compile(r"^[\d.]+\s*(?:%|‰|次|个|家|户|人|件|项|批次|场)?(?:以上|以下|左右)?$")


def _add_units(units: dict[str, list[str]], cell: str, default_key: str) -> None:
    """Names of one attribution cell: verb forms (X牵头,Y负责) or a plain list for the column."""
    # "和我区无关" (not this district's task) before or instead of the names: never a unit name
    cell = NOT_OURS_RE.sub(" ", cell).strip(" ,;、")
    if not cell or _PLACEHOLDER_RE.match(cell):  # "—" / "无": no unit
        return
    _, found = extract_inline_units(cell)
    keys = {
        "lead": "lead_units",
        "responsible": "responsible_units",
        "cooperating": "cooperating_units",
    }
    if found:
        pairs = [(keys[r], names) for r, names in found]
    else:  # a plain list for the column, its starred names leading ("▲发改局,各部门")
        role = next(r for r, k in keys.items() if k == default_key)
        pairs = [(keys[r], names) for r, names in starred_leads([(role, split_unit_names(cell))])]
    for key, names in pairs:
        # a count or a share slid into the column ("12次", "5%以上") is no body
        units[key].extend(n for n in names if n not in units[key] and not _QUANTITY_RE.match(n))
