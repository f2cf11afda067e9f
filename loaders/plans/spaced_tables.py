"""Tables copied as text with spaces between their cells (a web page's table pasted where TABs
became spaces): a header line of names parted by spaces (序号 重点工作任务 牵头责任单位 完成情况),
then one line per row opening on its number ("1 地区生产总值增长6%以上。 县发改委 一季度增长6.8%").

Read before the text conventions drop the spaces next to Chinese characters (which would glue the
cells together): the header and its rows become TAB rows. A row's words are laid into the
header's columns by what each reads as (breakdown.align_row: a cell may hold spaces of its own, a
merged cell left out gets none); a line that does not open on a higher row number ends the table.
Raw text: the header's names are looked up as the conventions write them (plain_name).
"""

from __future__ import annotations

import re

from loaders.files.normalize import LINE_ENDS_RE, plain_name
from loaders.plans.breakdown import align_row, header_role, resolve_roles

_SPACES_RE = re.compile(r"[ \u00a0\u3000]+")
_ROW_RE = re.compile(r"^\s*(\d{1,3})[ \u00a0\u3000]+\S")
# a row whose number is glued to its first cell, under a header with no 序号 ("1、明确…职责任务")
_GLUED_ROW_RE = re.compile(r"^\s*(\d{1,3})[、.．](?=[^\s\d])")
_TASK_ROLES = {"measure", "name", "category", "group"}
_UNIT_ROLES = {"lead", "responsible", "cooperating", "deadline"}
_MAX_COLUMNS = 10


def _header(line: str) -> int:
    """The number of columns when the line is a header of space-parted names, else 0."""
    if "\t" in line or "|" in line:
        return 0
    tokens = _SPACES_RE.split(line.strip())
    if not 3 <= len(tokens) <= _MAX_COLUMNS:
        return 0
    names = [plain_name(t) for t in tokens]
    if any(len(n) > 12 for n in names):
        return 0
    roles = [header_role(n) for n in names]
    named = [r for r in roles if r]
    if len(named) < max(3, len(tokens) - 1):
        return 0
    if not (_TASK_ROLES & set(named)) or not (_UNIT_ROLES & set(named)):
        return 0
    return len(tokens)


# a section's heading row inside a table ("一、2025年经济社会发展的主要预期目标")
_SECTION_ROW_RE = re.compile(r"^\s*[一二三四五六七八九十]{1,3}、\S")
_MAX_BROKEN_LINES = 4
# the rest of a cell broken onto a line of its own: short, not opening on an item's number
_BROKEN_CELL_RE = re.compile(r"(?![(（]?\d{1,2}[.、．)）])[^\t]{1,80}")


def _next_row(parts: list[str], j: int, row_re: re.Pattern, expect: int | None) -> int | None:
    """Where the next row opens, numbered as expected, within a few lines after `j`."""
    for c in range(j, min(len(parts), j + 2 * (_MAX_BROKEN_LINES + 1)), 2):
        m = row_re.match(parts[c])
        if m and (expect is None or int(m.group(1)) == expect):
            return c
        if _SECTION_ROW_RE.match(parts[c]) or not _BROKEN_CELL_RE.fullmatch(parts[c].strip()):
            return None  # (a list inside a cell, "2.协同做好…", or a paragraph: no cell's end)
    return None


def space_parted_rows(text: str) -> str:
    """Raw text with its space-parted tables written as TAB rows (see the module's note)."""
    if " " not in text and "\u3000" not in text:
        return text
    parts = LINE_ENDS_RE.split(text)
    k = 0
    while k < len(parts):
        columns = _header(parts[k]) if len(parts[k]) <= 200 else 0
        if not columns:
            k += 2
            continue
        header = _SPACES_RE.split(parts[k].strip())
        numbered = header_role(plain_name(header[0])) == "number"
        row_re = _ROW_RE if numbered else _GLUED_ROW_RE
        rows, j, expect = [], k + 2, None
        while j < len(parts):
            line = parts[j]
            if not line.strip() or _SECTION_ROW_RE.match(line):
                j += 2  # (a section's row, "一、2025年…主要预期目标", stays a line of its own)
                continue
            m = row_re.match(line)
            if not m and rows and (after := _next_row(parts, j, row_re, expect)) is not None:
                # a row's cells broken over lines ("区财政局" / "区税务局" / "区政府有关部门,…")
                # before the next row: the row goes on
                for c in range(j, after, 2):
                    parts[rows[-1]] += " " + parts[c].strip()
                    parts[c] = ""
                j = after
                continue
            # (a number given twice, "6、" over "6、", goes on; a lower one starts anew)
            if not m or (expect is not None and int(m.group(1)) < expect - 1):
                break
            rows.append(j)
            expect = int(m.group(1)) + 1
            j += 2
        if len(rows) >= 2:
            if not numbered:
                header = ["序号", *header]
            named = resolve_roles(
                {c: r for c, name in enumerate(header) if (r := header_role(plain_name(name)))}
            )
            roles = [named.get(c) or "note" for c in range(1, len(header))]
            parts[k] = "\t".join(header)
            for r in rows:
                line = parts[r].strip()
                if not numbered:
                    glued = _GLUED_ROW_RE.match(line)
                    line = f"{glued.group(1)} {line[glued.end() :]}"
                number, *tokens = _SPACES_RE.split(line)
                cells, rest = (
                    align_row(tokens, roles)
                    if len(tokens) > len(roles) - 1
                    else (
                        tokens,
                        [],
                    )
                )
                parts[r] = "\t".join([number, *cells, *rest])
        k = j if rows else k + 2
    return "".join(parts)
