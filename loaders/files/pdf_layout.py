"""Tables drawn in a PDF's text layer, read back as TAB rows (表格版面还原).

A PDF keeps no tables: a breakdown table (任务分解表) printed from Word or WPS is text drawn at
positions, each cell wrapped inside its column, so the plain text layer reads it one wrapped
piece of a cell per line ("一、政府 / 1. 行政审批 / (1) 向社会公布本级政府全部行政审 …").
Here every piece of text is taken with its position (pypdf's text visitor), pieces are grouped
into lines by height, and a run of lines that stand in columns is a table:

- columns are found from the page's empty vertical strips (rivers): the x positions no piece of
  the table's lines covers, so left-aligned, centred and wrapped cells all fall into place;
- a row opens where a cell opens an item ((N), N., 一、, a bare 序号) or after a gap taller than
  the table's line spacing; wrapped lines join the cell above (no space between Chinese);
- page numbers and running headers between the rows of a table split over pages are skipped.

The result is text in the convention of tables converted from PDF (one TAB row per table row),
read by the breakdown-table reader like any other; the rest of the page stays as pypdf wrote it.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from loaders.files.normalize import is_page_number
from loaders.numbering import cn_to_int

# what opens a new row when it begins a cell: (N) always; N. / N、, 一、, a bare 序号 and 第N条
# when they continue their column's numbering (a cell wrapped as "…权责统" + "一、权威高效" does not)
_MEASURE_OPENER_RE = re.compile(r"^[(（]\s*\d{1,3}\s*[)）]")
_NUMBERED_OPENER_RE = re.compile(
    r"^(?:(\d{1,3})\s*[.、．]|([一二三四五六七八九十百]{1,3})\s*[、.．]|(\d{1,3})$"
    r"|第([一二三四五六七八九十百]+|\d+)[条项])"
)
_JOIN_WITH_SPACE = tuple("。;；!?！？")
_MIN_TABLE_LINES = 3  # lines standing in ≥ 2 columns, for a run of lines to be a table
_GAP_EM = 1.0  # a gap between pieces of a line this wide (in em) parts two cells


@dataclass
class Piece:
    x0: float
    x1: float
    y: float
    size: float
    text: str


def _width_em(text: str) -> float:
    """A lower estimate of the drawn width of a text in em (fonts' widths are not read):
    Chinese characters 1 em, Latin letters and digits 0.45 em, spaces and ASCII punctuation
    0.3 em (0.25–0.6 em in the fonts of Word and WPS). Low on purpose: an overestimate would
    cover the gap between two columns."""
    return sum(
        1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.45 if ch.isalnum() else 0.3
        for ch in text
    )


def _multiply(m: list[float], n: list[float]) -> list[float]:
    """The product of two PDF matrices [a b c d e f]."""
    return [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]


def page_text_and_pieces(page) -> tuple[str, list[Piece]]:
    """pypdf's text of one page, and its pieces of text with their positions (points, y up)."""
    pieces: list[Piece] = []

    def visit(text, cm, tm, _font, font_size) -> None:
        text = text.replace("\n", "").replace("\r", "")
        if not text.strip():
            return
        m = _multiply(list(tm), list(cm))
        size = abs(font_size or 0) * (math.hypot(m[0], m[1]) or 1.0)
        if not size or not all(math.isfinite(v) for v in (m[4], m[5], size)):
            return
        lead = len(text) - len(text.lstrip())
        x0 = m[4] + _width_em(text[:lead]) * size
        body = text.strip()
        pieces.append(Piece(x0, x0 + _width_em(body) * size, m[5], size, body))

    text = page.extract_text(visitor_text=visit) or ""
    return text, pieces


def lines_of(pieces: list[Piece]) -> list[list[Piece]]:
    """Pieces grouped into lines (same height, within half a line), top to bottom, left to right."""
    lines: list[list[Piece]] = []
    for p in sorted(pieces, key=lambda p: (-p.y, p.x0)):
        if lines and abs(lines[-1][0].y - p.y) <= 0.4 * max(p.size, lines[-1][0].size):
            lines[-1].append(p)
        else:
            lines.append([p])
    return [sorted(line, key=lambda p: p.x0) for line in lines]


def _segments(line: list[Piece]) -> int:
    """How many cells a line stands in: its pieces parted by gaps of at least an em."""
    count = 1
    for a, b in zip(line, line[1:], strict=False):
        if b.x0 - a.x1 >= _GAP_EM * max(a.size, b.size):
            count += 1
    return count


def _line_text(line: list[Piece]) -> str:
    out = ""
    for k, p in enumerate(line):
        if k and p.x0 - line[k - 1].x1 >= 0.25 * p.size:
            out += " "
        out += p.text
    return out


def _rivers(lines: list[list[Piece]]) -> list[float]:
    """Column boundaries of a table's lines: the middles of the vertical strips no piece
    covers, between covered ones (widths are estimated low, so a strip of a point is a gap)."""
    pieces = [p for line in lines for p in line]
    left = min(p.x0 for p in pieces)
    right = max(p.x1 for p in pieces)
    bins = max(1, int(right - left) + 1)
    covered = [0] * bins
    for p in pieces:
        for b in range(int(p.x0 - left), min(bins, int(p.x1 - left) + 1)):
            covered[b] += 1
    out: list[float] = []
    b = 0
    while b < bins:
        if covered[b]:
            b += 1
            continue
        start = b
        while b < bins and not covered[b]:
            b += 1
        if b < bins:
            out.append(left + (start + b) / 2)
    return out


def _cells(line: list[Piece], bounds: list[float]) -> list[str]:
    """A line's text by column: each piece goes to the column its start falls in."""
    cells: list[list[Piece]] = [[] for _ in range(len(bounds) + 1)]
    for p in line:
        cells[sum(p.x0 + 0.1 > b for b in bounds)].append(p)
    return [_line_text(c) for c in cells]


def _join(cell: str, more: str) -> str:
    """A cell and the next line of it: wrapped at the column's width, so joined without a space,
    except after a sentence's end (entries of a cell stay apart) and between Latin words."""
    if not cell:
        return more
    if not more:
        return cell
    word = cell[-1].isascii() and cell[-1].isalpha() and more[0].isascii() and more[0].isalpha()
    glue = " " if cell.endswith(_JOIN_WITH_SPACE) or word else ""
    return cell + glue + more


def _opens_row(cells: list[str], numbering: dict[int, int]) -> bool:
    """Whether a line of a table opens a new row: a cell opens on "(N)", or on a number that
    continues its column's numbering (the next one; 1 again under a section opened to its left
    on this line, or in a column not numbered yet). Updates the columns' numbering."""
    opens = False
    restart = False
    for k, cell in enumerate(cells):
        if not cell:
            continue
        if _MEASURE_OPENER_RE.match(cell):
            opens = True
            continue
        m = _NUMBERED_OPENER_RE.match(cell)
        if not m:
            continue
        written = next(g for g in m.groups() if g)
        value = int(written) if written.isdigit() else cn_to_int(written)
        last = numbering.get(k)
        if last is None or value == last + 1 or (restart and value == 1):
            numbering[k] = value
            for j in [j for j in numbering if j > k]:
                del numbering[j]  # numbers to the right start again under a new section
            opens = restart = True
    return opens


def table_rows(lines: list[list[Piece]]) -> list[str]:
    """A table's lines as TAB rows: cells by column, wrapped lines joined to their row."""
    bounds = _rivers([line for line in lines if _segments(line) >= 2])
    steps = [a[0].y - b[0].y for a, b in zip(lines, lines[1:], strict=False)]
    step = sorted(steps)[len(steps) // 2] if steps else 0.0
    rows: list[list[str]] = []
    previous_y = None
    numbering: dict[int, int] = {}  # column -> the last number that opened a row in it
    for line in lines:
        cells = _cells(line, bounds)
        gap = previous_y is not None and previous_y - line[0].y > 1.5 * step
        opens = _opens_row(cells, numbering)
        if not rows or opens or gap:
            rows.append(cells)
        else:
            rows[-1] = [_join(a, b) for a, b in zip(rows[-1], cells, strict=True)]
        previous_y = line[0].y
    return ["\t".join(row) for row in rows]


def _is_prose(line: list[Piece], left: float, width: float) -> bool:
    """A line of running text: one cell, from the text block's left edge, most of its width."""
    return (
        _segments(line) == 1
        and abs(line[0].x0 - left) <= line[0].size
        and line[-1].x1 - line[0].x0 >= 0.6 * width
    )


def _fits(line: list[Piece], bounds: list[float]) -> bool:
    """Every piece of the line stays inside the column it starts in (half an em of slack)."""
    for p in line:
        k = sum(p.x0 + 0.1 > b for b in bounds)
        if k < len(bounds) and p.x1 > bounds[k] + 0.5 * p.size:
            return False
    return True


_SECTION_ROW_RE = re.compile(r"^[一二三四五六七八九十百]{1,3}\s*[、.．]")


def _region(flat: list[list[Piece]], i: int, left: float, width: float) -> tuple[list, int]:
    """The lines of the table starting at line i (a line in columns) and the index after it:
    lines are taken while they stand in the table's columns; a line of prose, or one crossing
    a column once the columns are known (a title, a signature), ends it. Page furniture is
    skipped (None in the lines)."""
    region: list[list[Piece]] = []
    bounds: list[float] = []
    columned = 0
    j = i
    while j < len(flat):
        line = flat[j]
        if line is None:
            j += 1
            continue
        if _is_prose(line, left, width):
            break
        multi = _segments(line) >= 2
        if columned >= _MIN_TABLE_LINES and bounds and not _fits(line, bounds):
            text = _line_text(line)
            if multi or not (_SECTION_ROW_RE.match(text) and len(text) <= 30):
                break
        region.append(line)
        if multi:
            columned += 1
            bounds = _rivers([r for r in region if _segments(r) >= 2])
        j += 1
    return region, j


def _at_edge(k: int, count: int) -> bool:
    """Line k of a page of `count` lines is among its first or last two, where running headers
    and page numbers stand. A running header stands there on many pages (a wrapped cell's
    "按职责分工" repeated down a table, or at the top of a few pages, is none)."""
    return k < 2 or k >= count - 2


def layout_text(pages: list[list[list[Piece]]], is_furniture: Callable[[str], bool]) -> str | None:
    """The text of the pages with every table drawn in columns as TAB rows; None when no page
    holds one (the caller keeps pypdf's own text)."""
    edges = Counter(
        _line_text(line).strip()
        for page in pages
        for k, line in enumerate(page)
        if _at_edge(k, len(page))
    )
    repeated = max(3, len(pages) * 0.3)

    def furniture(k: int, page: list, text: str) -> bool:
        return (
            _at_edge(k, len(page))
            and is_furniture(text)
            and (is_page_number(text) or edges[text] >= repeated)
        )

    flat: list = [
        None if furniture(k, page, _line_text(line).strip()) else line
        for page in pages
        for k, line in enumerate(page)
    ]
    texts = [_line_text(line) for page in pages for line in page]
    kept = [line for line in flat if line is not None]
    if not kept:
        return None
    xs0 = sorted(line[0].x0 for line in kept)
    left = xs0[len(xs0) // 10]
    width = max(line[-1].x1 for line in kept) - left
    out: list[str] = []
    found = False
    i = 0
    while i < len(flat):
        line = flat[i]
        if line is None or _segments(line) < 2:
            out.append(texts[i])
            i += 1
            continue
        region, j = _region(flat, i, left, width)
        if sum(_segments(r) >= 2 for r in region) >= _MIN_TABLE_LINES and _rivers(region):
            out.extend(table_rows(region))
            found = True
            i = j
        else:
            out.append(texts[i])
            i += 1
    return "\n".join(out) if found else None
