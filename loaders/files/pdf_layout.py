"""Tables drawn in a PDF's text layer, read back as TAB rows (表格版面还原).

A PDF keeps no tables: a breakdown table (任务分解表) printed from Word or WPS is text drawn at
positions, each cell wrapped inside its column, so the plain text layer reads it one wrapped
piece of a cell per line ("一、政府 / 1. 行政审批 / (1) 向社会公布本级政府全部行政审 …").
Here every piece of text is taken with its position (pypdf's text visitor), pieces are grouped
into lines by height, and a run of lines that stand in columns is a table:

- columns are found from the page's empty vertical strips (rivers): the x positions no piece of
  the table's lines covers, so left-aligned, centred and wrapped cells all fall into place;
- a row opens after a gap taller than the table's line spacing (rows drawn with padding), or,
  in a table drawn without such gaps, where a cell opens an item ((N), or N. / 一、 / a bare 序号
  continuing its column's numbering); wrapped lines join the cell above (no space between
  Chinese);
- page numbers and running headers between the rows of a table split over pages are skipped.

The result is text in the convention of tables converted from PDF (one TAB row per table row),
read by the breakdown-table reader like any other. Every other line is rebuilt from its pieces
in the order of their positions too, so that quotation marks drawn apart in another font (as
LibreOffice writes them: "聚力 六稳 六保" + "“ ”“ ”") go back to their places.
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
_FAR = 20_000.0  # points: text or lines farther from the origin are on no page
_MAX_RULES = 2_000  # drawn lines kept per page


@dataclass
class Piece:
    x0: float
    x1: float
    y: float
    size: float
    text: str
    page: int = 0


@dataclass
class Rules:
    """The straight lines drawn on a page (table borders): horizontal ones as (y, x0, x1),
    vertical ones as (x, y0, y1), in points, y upwards."""

    horizontal: list[tuple[float, float, float]]
    vertical: list[tuple[float, float, float]]


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


def page_text_and_pieces(page, number: int = 0) -> tuple[str, list[Piece], Rules]:
    """pypdf's text of one page, its pieces of text with their positions (points, y up) and the
    straight lines drawn on it (a table's borders)."""
    pieces: list[Piece] = []
    rules = Rules([], [])
    point: list[float] = []

    def visit(text, cm, tm, _font, font_size) -> None:
        text = text.replace("\n", "").replace("\r", "")
        if not text.strip():
            return
        m = _multiply(list(tm), list(cm))
        size = abs(font_size or 0) * (math.hypot(m[0], m[1]) or 1.0)
        if not size or not all(math.isfinite(v) for v in (m[4], m[5], size)):
            return
        if abs(m[4]) > _FAR or abs(m[5]) > _FAR or size > _FAR:
            return  # off any page (the largest page PDF allows is 14,400 points)
        lead = len(text) - len(text.lstrip())
        x0 = m[4] + _width_em(text[:lead]) * size
        body = text.strip()
        pieces.append(Piece(x0, x0 + _width_em(body) * size, m[5], size, body, number))

    def draw(operator, args, cm, _tm) -> None:
        try:
            values = [float(a) for a in args]
        except (TypeError, ValueError):
            return
        if operator == b"m" and len(values) == 2:
            point[:] = _apply(cm, values[0], values[1])
        elif operator == b"l" and len(values) == 2 and point:
            end = _apply(cm, values[0], values[1])
            _add_rule(rules, point[0], point[1], end[0], end[1])
            point[:] = end
        elif operator == b"re" and len(values) == 4:
            x, y, w, h = values
            (x0, y0), (x1, y1) = _apply(cm, x, y), _apply(cm, x + w, y + h)
            if abs(y1 - y0) <= 2:  # a border drawn as a thin filled box
                _add_rule(rules, x0, (y0 + y1) / 2, x1, (y0 + y1) / 2)
            elif abs(x1 - x0) <= 2:
                _add_rule(rules, (x0 + x1) / 2, y0, (x0 + x1) / 2, y1)

    text = page.extract_text(visitor_text=visit, visitor_operand_before=draw) or ""
    return text, pieces, rules


def _apply(cm, x: float, y: float) -> list[float]:
    return [cm[0] * x + cm[2] * y + cm[4], cm[1] * x + cm[3] * y + cm[5]]


def _add_rule(rules: Rules, x0: float, y0: float, x1: float, y1: float) -> None:
    if not all(math.isfinite(v) and abs(v) <= _FAR for v in (x0, y0, x1, y1)):
        return
    if len(rules.horizontal) + len(rules.vertical) >= _MAX_RULES:
        return  # a page drawn with more lines than any table has: none read past these
    if abs(y1 - y0) <= 0.5 and abs(x1 - x0) >= 10:
        rules.horizontal.append((y0, min(x0, x1), max(x0, x1)))
    elif abs(x1 - x0) <= 0.5 and abs(y1 - y0) >= 10:
        rules.vertical.append((x0, min(y0, y1), max(y0, y1)))


def lines_of(pieces: list[Piece]) -> list[list[Piece]]:
    """Pieces grouped into lines (same height, within half a line), top to bottom, left to right."""
    lines: list[list[Piece]] = []
    for p in sorted(pieces, key=lambda p: (-p.y, p.x0)):
        if lines and abs(lines[-1][0].y - p.y) <= 0.4 * max(p.size, lines[-1][0].size):
            lines[-1].append(p)
        else:
            lines.append([p])
    return [_place_quotes(sorted(line, key=lambda p: p.x0)) for line in lines]


_QUOTES = "“”‘’"


def _place_quotes(line: list[Piece]) -> list[Piece]:
    """Quotation marks (and the dashes and ellipses of Chinese text: "——", "……") drawn after the
    rest of their line in another font come as one run at
    the first mark's place ("“ ”“ ”": a space where the next mark stands apart), while the line
    keeps a hole where each group of marks belongs: a space between two Chinese characters of a
    piece, a gap between two pieces, or the line's end. The groups go into those holes in
    order ("聚力“六稳”“六保”工作"); a closing and an opening mark share one when there are fewer
    holes than groups."""
    if len(line) > 2000:
        return line  # a line no document draws (kept as it came)
    marks = [p for p in line if p.text.strip() and set(p.text) <= set(_QUOTES + "—… ")]
    # a run of quotation marks, or marks drawn over a piece that kept a hole for them ("河 地" +
    # "”", "行动 人" + "——"); a dash standing on its own (a line opening "——任务1：") is in place
    runs = [
        p
        for p in marks
        if (len(p.text) > 1 and set(p.text) <= set(_QUOTES + " "))
        or any(q.x0 < p.x0 < q.x1 for q in line)
    ]
    if not runs or len(runs) > 50:
        return line  # none, or more than a line holds (kept as it came)
    ids = {id(p) for p in runs}
    rest = sorted((p for p in line if id(p) not in ids), key=lambda p: p.x0)
    if not rest:
        return line
    for run in sorted(runs, key=lambda p: p.x0):
        holes = [h for h in _quote_holes(rest) if h[0] + 0.5 * run.size >= run.x0]
        groups = run.text.split()  # marks drawn side by side ("”“") share a hole
        k = 0
        while len(groups) > len(holes) and k < len(groups) - 1:
            if groups[k][-1] in "”’" and groups[k + 1][0] in "“‘":
                groups[k : k + 2] = [groups[k] + groups[k + 1]]
            else:
                k += 1
        if len(groups) > len(holes):  # marks without their places: kept as they came
            rest.append(Piece(run.x0, run.x1, run.y, run.size, run.text.replace(" ", "")))
            continue
        # from the right: a space replaced by two marks moves the piece's later spaces
        for (x, piece, i), group in reversed(list(zip(holes, groups, strict=False))):
            if i is None:
                rest.append(Piece(x, x + 0.5 * run.size, run.y, run.size, group))
            else:
                piece.text = piece.text[:i] + group + piece.text[i + 1 :]
        rest.sort(key=lambda p: p.x0)
    return rest


def _quote_holes(pieces: list[Piece]) -> list[tuple[float, Piece, int | None]]:
    """Where a line's quotation marks can go, left to right: (x, piece, index of a space in it),
    or (x, piece before the gap, None) for a gap between two pieces or the line's end."""
    holes: list[tuple[float, Piece, int | None]] = []
    for n, piece in enumerate(pieces):
        text = piece.text
        for i in range(1, len(text) - 1):
            if text[i] == " " and _wide(text[i - 1]) and _wide(text[i + 1]):
                holes.append((piece.x0 + _width_em(text[:i]) * piece.size, piece, i))
        after = pieces[n + 1] if n + 1 < len(pieces) else None
        if after is None or (
            after.x0 - piece.x1 >= 0.35 * piece.size
            and bool(text and after.text)
            and (_wide(text[-1]) or _wide(after.text[0]))
        ):
            holes.append((piece.x1, piece, None))  # a gap, or the line's end (a closing mark)
    return sorted(holes, key=lambda h: h[0])


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


_HALF_WIDTH_RUN_RE = re.compile(r"[\x21-\x7e]+$")


def _segments(line: list[Piece]) -> int:
    """How many cells a line stands in: its pieces parted by gaps of at least an em. Digits and
    Latin letters are estimated low (0.45 em; 0.5–0.65 em drawn), so the gap after a run of them
    is counted as if they were drawn 0.6 em wide: "(2024-2026" | ")" is one cell."""
    count = 1
    for a, b in zip(line, line[1:], strict=False):
        run = _HALF_WIDTH_RUN_RE.search(a.text)
        unsure = 0.15 * a.size * len(run.group(0)) if run else 0.0
        if b.x0 - a.x1 - unsure >= _GAP_EM * max(a.size, b.size):
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
    if right - left > 2 * _FAR:
        return []
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


def _cells_with_ends(line: list[Piece], bounds: list[float]) -> list[tuple[str, float]]:
    """A line's text by column with where it ends in each (0 where it has none)."""
    cells: list[list[Piece]] = [[] for _ in range(len(bounds) + 1)]
    for p in line:
        cells[sum(p.x0 + 0.1 > b for b in bounds)].append(p)
    return [(_line_text(c), max((p.x1 for p in c), default=0.0)) for c in cells]


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
    # rows drawn with padding (a Word table): a row opens only after such a gap, so a cell of
    # several measures "(7) … (8) …" stays one cell; without gaps, numbers open rows
    gapped = sum(s > 1.4 * step for s in steps) >= 2
    for line in lines:
        cells = _cells(line, bounds)
        gap = previous_y is not None and previous_y - line[0].y > 1.4 * step
        opens = not gapped and _opens_row(cells, numbering)
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


def _region(
    flat: list[list[Piece]], i: int, left: float, width: float, stop: Callable[[int], bool]
) -> tuple[list, int]:
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
        if stop(j):
            break  # a table drawn with borders begins: read by them
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


# ambiguous-width marks a Chinese font draws a full em wide (also readers._width)
DRAWN_WIDE = frozenset("“”‘’…—·")


def _right_end(line: list[Piece]) -> float:
    """Where a line's text ends, counting its quotation marks and dashes a full em (as Chinese
    fonts draw them): for telling lines the page broke from lines that end a paragraph."""
    last = line[-1]
    wide = sum(0.7 for ch in last.text if ch in DRAWN_WIDE)  # 0.3 em counted, 1 em drawn
    return last.x1 + wide * last.size


# what a line cannot be broken inside: a number, a Latin word, a span of years ("2024-2026"),
# with the marks no line may open on after it ("100%。")
_UNBROKEN_RE = re.compile(r"^([0-9A-Za-z][0-9A-Za-z.\-/%]*)\s*([。，、；：）」』”’！？,.;:)]*)")


def _reaches(line: list[Piece], edge: float, following: str) -> bool:
    """Whether the page broke this line: it reaches the text block's right edge (within two
    characters), or the room left there is too narrow for the number or Latin word the next line
    opens with, so it went down whole ("…(2024-" / "2026年)", "…均为" / "100%。")."""
    size = line[-1].size
    unbroken = _UNBROKEN_RE.match(following.strip())
    room = 0.0
    if unbroken:  # half-width glyphs, then full-width marks
        room = (0.55 * len(unbroken.group(1)) + _width_em(unbroken.group(2))) * size
    return _right_end(line) + room >= edge - 2 * size


def _at_edge(k: int, count: int) -> bool:
    """Line k of a page of `count` lines is among its first or last two, where running headers
    and page numbers stand. A running header stands there on many pages (a wrapped cell's
    "按职责分工" repeated down a table, or at the top of a few pages, is none)."""
    return k < 2 or k >= count - 2


@dataclass
class RuledTable:
    """A table drawn with borders: its box, the x of its inner vertical borders, the y of its
    horizontal ones (top to bottom)."""

    left: float
    right: float
    top: float
    bottom: float
    columns: list[float]
    rows: list[float]

    def holds(self, line: list[Piece]) -> bool:
        return self.bottom < line[0].y < self.top and all(
            self.left - 2 <= p.x0 <= self.right + 2 for p in line
        )


def _merge(values: list[float], within: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > within:
            out.append(v)
    return out


def _joined(segments: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Horizontal segments at one height that touch, joined into one line (Word draws a row's
    border cell by cell), top to bottom."""
    out: list[tuple[float, float, float]] = []
    for y, x0, x1 in sorted(segments, key=lambda h: (-round(h[0] * 2), h[1])):
        if out and abs(out[-1][0] - y) <= 0.5 and x0 <= out[-1][2] + 3:
            out[-1] = (out[-1][0], out[-1][1], max(out[-1][2], x1))
        else:
            out.append((y, x0, x1))
    return out


def ruled_tables(rules: Rules) -> list[RuledTable]:
    """The tables a page's borders draw: groups of at least three horizontal borders sharing
    their extent, crossed by vertical ones (an underline or a single frame is none)."""
    tables: list[RuledTable] = []
    horizontal = _joined(rules.horizontal)
    if len(horizontal) > 400:
        return []  # not a table's borders: hatching, a chart
    used: set[int] = set()
    for k, (_, x0, x1) in enumerate(horizontal):
        if k in used:
            continue
        group = [
            n
            for n, (_, a, b) in enumerate(horizontal)
            if n not in used and min(b, x1) - max(a, x0) >= 0.5 * (x1 - x0)
        ]
        ys = _merge([horizontal[n][0] for n in group])
        if len(ys) < 3:
            continue
        left = min(horizontal[n][1] for n in group)
        right = max(horizontal[n][2] for n in group)
        top, bottom = ys[-1], ys[0]
        inner = _merge(
            [
                x
                for x, y0, y1 in rules.vertical
                if left + 3 < x < right - 3 and y1 > bottom + 1 and y0 < top - 1
            ]
        )
        if not inner:
            continue
        used.update(group)
        tables.append(RuledTable(left, right, top, bottom, inner, sorted(ys, reverse=True)))
    return tables


def ruled_rows(table: RuledTable, lines: list[list[Piece]]) -> list[str]:
    """A ruled table's TAB rows: each band between two horizontal borders is a row, each
    column between two vertical ones a cell. A line that fills its cell's width goes on in the
    next (joined without a space); one that stops short ends a paragraph (a space: the cell's
    entries "6月底前" / "长期坚持" stay apart)."""
    out: list[str] = []
    for upper, lower in zip(table.rows, table.rows[1:], strict=False):
        band = [line for line in lines if lower < line[0].y < upper]
        if not band:
            continue
        cells = [""] * (len(table.columns) + 1)
        ends = [0.0] * len(cells)  # where each cell's last line ended
        rights = [*table.columns, table.right]
        for line in band:
            parts = _cells_with_ends(line, table.columns)
            for k, (text, end) in enumerate(parts):
                if not text:
                    continue
                short = cells[k] and ends[k] < rights[k] - 3.5 * line[0].size
                cells[k] = f"{cells[k]} {text}" if short else _join(cells[k], text)
                ends[k] = end
        if any(cells):
            out.append("\t".join(cells))
    return out


def layout_text(
    pages: list[list[list[Piece]]],
    is_furniture: Callable[[str], bool],
    rules: list[Rules] | None = None,
    full: list[bool] | None = None,
) -> str | None:
    """The text of the pages, each line rebuilt from its pieces' positions (quotation marks put
    back in place), every table as TAB rows: by its borders when it has them, by its columns
    of text otherwise; None when there is no text. `full`, when given, receives for each line
    of the text whether it reaches the right edge of the text block (a line the page broke)."""
    edges = Counter(
        _line_text(line).strip()
        for page in pages
        for k, line in enumerate(page)
        if _at_edge(k, len(page))
    )
    repeated = max(3, len(pages) * 0.3)
    # a bare number at a page's edge is its page number only when it follows the pages' count
    # as the others do ("3" on page 3, "5" on page 4 …) on at least half of the pages; a table's
    # row "1" is not one, nor rows that happen to stand at the edge of two pages in step
    offsets = Counter(
        int(text) - n
        for n, page in enumerate(pages)
        for k, line in enumerate(page)
        if _at_edge(k, len(page)) and (text := _line_text(line).strip()).isdigit() and len(text) < 5
    )
    usual = offsets.most_common(1)[0][0] if offsets else None

    def furniture(n: int, k: int, page: list, text: str) -> bool:
        if not _at_edge(k, len(page)) or not is_furniture(text):
            return False
        if text.isdigit():
            return (
                usual is not None
                and int(text) - n == usual
                and offsets[usual] >= max(2, len(pages) // 2)
            )
        return is_page_number(text) or edges[text] >= repeated

    flat: list = [
        None if furniture(n, k, page, _line_text(line).strip()) else line
        for n, page in enumerate(pages)
        for k, line in enumerate(page)
    ]
    texts = [_line_text(line) for page in pages for line in page]
    kept = [line for line in flat if line is not None]
    if not kept:
        return None
    xs0 = sorted(line[0].x0 for line in kept)
    left = xs0[len(xs0) // 10]
    width = max(line[-1].x1 for line in kept) - left
    tables = [ruled_tables(r) for r in rules or []]
    inside: dict[int, RuledTable] = {}  # line index -> the ruled table holding it
    for n, line in enumerate(flat):
        if line is not None and line[0].page < len(tables):
            for table in tables[line[0].page]:
                if table.holds(line):
                    inside[n] = table
    ends = sorted(_right_end(line) for line in kept if len(_line_text(line)) >= 12)
    edge = ends[len(ends) * 9 // 10] if ends else 0.0  # the text block's right edge
    out: list[str] = []
    reach: list[bool] = []  # each line of `out` reaches the edge
    i = 0
    while i < len(flat):
        line = flat[i]
        if i in inside:
            table = inside[i]
            j = i
            while j < len(flat) and (flat[j] is None or inside.get(j) is table):
                j += 1
            out.extend(ruled_rows(table, [x for x in flat[i:j] if x is not None]))
            reach.extend([False] * (len(out) - len(reach)))
            i = j
            continue
        if line is None:  # a page number or running header at a page's edge: not text
            i += 1
            continue
        if _segments(line) < 2:
            out.append(texts[i])
            reach.append(_reaches(line, edge, texts[i + 1] if i + 1 < len(texts) else ""))
            i += 1
            continue
        region, j = _region(flat, i, left, width, inside.__contains__)
        if sum(_segments(r) >= 2 for r in region) >= _MIN_TABLE_LINES and _rivers(region):
            out.extend(table_rows(region))
            reach.extend([False] * (len(out) - len(reach)))
            i = j
        else:
            out.append(texts[i])
            reach.append(_reaches(line, edge, texts[i + 1] if i + 1 < len(texts) else ""))
            i += 1
    if full is not None:
        full[:] = reach
    return "\n".join(out)
