"""Tables in a text copied as one line (a web page or a database field with its line breaks
gone): the TABs between a table's cells survive, its row ends do not.

Such a line reads as: prose, then the header's names TAB-parted (the first one glued to the prose
before it: "…附件任务分类"), then every row's cells, each row's last cell glued to the next row's
first ("6月底前二、依法行政…"), the table's last cell glued to the prose after it. A table copied
out of a browser, Word or WPS gives every row of one table the same number of TABs as its header
(empty cells keep theirs), so the rows are found again by counting: between one header and the
next (a header repeated on each page starts a new count, as does the next table) or the end of the
line there are (rows + 1) × that number of TABs. A header with a trailing TAB (an empty last
column) gives rows with a trailing TAB too; then no cell is glued and the count is one more.

A glued cell is cut where the next row's first cell begins: after a whole deadline when the last
column holds deadlines ("长期坚持" | "二、…"), before the next row's number when the first column
numbers the rows, before an outline number ("…牵头" | "(12) …"). What cannot be cut stays with
the row above. A line whose TABs do not count out as rows is left as it is (the caller then
reads its cells one by one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.plans.breakdown import HEADERS, NOTE_HEADERS, header_role, resolve_roles
from loaders.plans.deadlines import deadline_prefix, parse_deadline

_MIN_TABS = 8
_TASK_ROLES = {"measure", "group", "name"}
_NAMES = sorted(
    {n for names in HEADERS.values() for n in names} | set(NOTE_HEADERS), key=len, reverse=True
)
_BY_LAST: dict[str, list[str]] = {}
_BY_FIRST: dict[str, list[str]] = {}
for _name in _NAMES:  # longest first
    _BY_LAST.setdefault(_name[-1], []).append(_name)
    _BY_FIRST.setdefault(_name[0], []).append(_name)
_MAX_COLUMNS = 30  # more names in a row are no header (and would make every count slow)
# where a new row's first cell can begin inside a glued piece
_OPENER_RE = re.compile(r"(?=[一二三四五六七八九十]{1,3}、|\(\d{1,3}\)|\d{1,3}\s*[.、．]\s*\D)")


@dataclass
class _Header:
    start: int  # index of the piece holding the first name
    end: int  # index of the piece holding the last name
    names: list[str]
    before: str  # text glued before the first name
    after: str  # text glued after the last name (the first row's first cell)


def restore_rows(lines: list[str]) -> list[str]:
    """Lines with a one-line copy's tables given back their rows (TAB rows, one a line)."""
    out: list[str] = []
    for line in lines:
        restored = _restored(line) if line.count("\t") >= _MIN_TABS else None
        out.extend(restored if restored is not None else [line])
    return out


def _exact_name(text: str) -> str | None:
    text = text.strip()
    return text if text in _NAMES else None


def _name_at_end(text: str) -> tuple[str, str] | None:
    stripped = text.rstrip()
    for name in _BY_LAST.get(stripped[-1:], ()):
        if stripped.endswith(name):
            return stripped[: -len(name)], name
    return None


def _name_at_start(text: str) -> tuple[str, str] | None:
    stripped = text.lstrip()
    for name in _BY_FIRST.get(stripped[:1], ()):
        if stripped.startswith(name):
            return name, stripped[len(name) :]
    return None


def _headers(pieces: list[str]) -> list[_Header]:
    """The header rows in a run of TAB-parted pieces: at least three names in a row, naming a
    column of tasks and one other role."""
    found: list[_Header] = []
    i = 0
    while i < len(pieces) - 2:
        first = _name_at_end(pieces[i])
        if first is None:
            i += 1
            continue
        names, j = [first[1]], i + 1
        while j < len(pieces) and j - i < _MAX_COLUMNS and (name := _exact_name(pieces[j])):
            names.append(name)
            j += 1
        after, end = "", j - 1
        if j < len(pieces) and (glued := _name_at_start(pieces[j])) and glued[1]:
            names.append(glued[0])
            after, end = glued[1].strip(), j
        roles = set(
            resolve_roles({k: r for k, n in enumerate(names) if (r := header_role(n))}).values()
        )
        if len(names) >= 3 and len(roles) >= 2 and roles & _TASK_ROLES:
            found.append(_Header(i, end, names, first[0], after))
            i = end + 1
        else:
            i += 1
    return found


def _restored(line: str) -> list[str] | None:
    pieces = line.split("\t")
    headers = _headers(pieces)
    if not headers:
        return None
    out: list[str] = []
    before = "\t".join([*pieces[: headers[0].start], headers[0].before]).strip()
    out.extend(_title_apart(before))
    for n, header in enumerate(headers):
        nxt = headers[n + 1] if n + 1 < len(headers) else None
        stop = nxt.start if nxt else len(pieces) - 1
        # the pieces of the rows, the first row's first cell given back when glued to the header
        body = pieces[header.end + 1 : stop + 1]
        if nxt is not None:
            body[-1] = nxt.before  # the last row's last cell, with any prose after the table
        tabs = stop - header.start
        rows = _rows(header, body, tabs)
        if rows is None:
            return None
        table, trailing = rows
        out.append("\t".join(header.names))
        out.extend("\t".join(row) for row in table)
        if trailing.strip():
            out.append(trailing.strip())
    return out


_SENTENCE_END_RE = re.compile(r"[。！？;；]")
_ATTACHMENT_RE = re.compile(r"附件\s*\d{0,2}\s*[:：]?")


def _title_apart(prose: str) -> list[str]:
    """The prose before a table, its caption on lines of its own: what follows the last sentence
    ("…效果。附件:2020年X表2020年X表附件") is the attachment line, the table's title and its
    label, as the page showed them ("附件:2020年X表" / "2020年X表" / "附件")."""
    if not prose:
        return []
    ends = list(_SENTENCE_END_RE.finditer(prose))
    cut = ends[-1].end() if ends else 0
    tail = prose[cut:]
    if not tail.strip() or len(tail) > 120:
        return [prose]
    lines = [prose[:cut]] if cut else []
    starts = [m.start() for m in _ATTACHMENT_RE.finditer(tail)]
    for a, b in zip([0, *starts], [*starts, len(tail)], strict=True):
        part = tail[a:b].strip()
        label = _ATTACHMENT_RE.match(part)
        head = part[: label.end()] if label else ""
        rest = part[len(head) :]
        half = len(rest) // 2
        if half >= 4 and rest[:half] == rest[half:]:  # the attachment's name, then its title
            lines += [head + rest[:half], rest[half:]]
        elif part:
            lines.append(part)
    return lines


def _rows(header: _Header, body: list[str], tabs: int) -> tuple[list[list[str]], str] | None:
    """The rows of one header's table, and the prose after its last cell, or None when its TABs
    do not count out as rows of one width."""
    k = len(header.names)
    roles = resolve_roles({c: r for c, n in enumerate(header.names) if (r := header_role(n))})
    choices = []
    for extra in (0, 1, 2) if not header.after else (0,):
        width = k - 1 + extra  # TABs a row
        if width <= 0 or tabs % width or tabs // width < 2:
            continue
        built = _build(header, body, width, extra, roles)
        choices.append((_plausible(built[0], roles, k), -extra, built))
    if not choices:
        return None
    return max(choices, key=lambda c: c[:2])[2]


def _build(
    header: _Header, body: list[str], width: int, extra: int, roles: dict[int, str]
) -> tuple[list[list[str]], str]:
    """Rows of `width` TABs each from the pieces after the header (see the module docstring)."""
    k = len(header.names)
    rows: list[list[str]] = []
    if extra:  # trailing TABs: nothing glued, the last piece is the prose after the table
        pieces = body[extra - 1 :]
        for at in range(0, len(pieces) - 1, width):
            rows.append([c.strip() for c in pieces[at : at + width]])
        return rows, pieces[-1] if pieces else ""
    last_role, first_role = roles.get(k - 1), roles.get(0)
    cells, trailing = [header.after], ""
    for index, piece in enumerate(body):
        if len(cells) < width:
            cells.append(piece)
            continue
        is_last = index == len(body) - 1
        expected = str(len(rows) + 2) if first_role == "number" else None
        last, rest = _cut(piece, last_role, first_role, expected, is_last)
        rows.append([c.strip() for c in [*cells, last]])
        cells = [rest]
        if is_last:
            trailing, cells = rest, []
    return rows, trailing


def _cut(
    text: str, last_role: str | None, first_role: str | None, expected: str | None, is_last: bool
) -> tuple[str, str]:
    """A row's last cell glued to what follows: (the cell, the rest)."""
    stripped = text.strip()
    if not stripped:
        return "", ""
    if last_role == "deadline":
        size = deadline_prefix(stripped)
        if size:
            return stripped[:size], stripped[size:]
    if first_role == "number" and not is_last:
        m = re.search(r"\d{1,3}$", stripped)
        if m and (expected is None or m.group(0) == expected):
            return stripped[: m.start()], m.group(0)
    for m in _OPENER_RE.finditer(stripped):
        if m.start() > 0:
            return stripped[: m.start()], stripped[m.start() :]
    if is_last and (len(stripped) > 40 or _SENTENCE_END_RE.search(stripped)):
        return "", stripped  # prose after the table
    return stripped, ""


def _plausible(rows: list[list[str]], roles: dict[int, str], k: int) -> int:
    """How many cells read as their column: deadlines as deadlines, numbers as numbers, units
    short, the tasks' text longer than the units'."""
    score = 0
    for row in rows:
        for c, cell in enumerate(row):
            role = roles.get(c)
            if role == "deadline":
                score += not cell or parse_deadline(cell, None) is not None
            elif role == "number":
                score += not cell or cell.isdigit()
            elif role in ("lead", "responsible", "cooperating"):
                score += len(cell) <= 80
        score -= 2 * sum(1 for cell in row[k:] if cell)  # text past the last column
    return score
