"""Word (.docx) reader: paragraphs and tables in document order, with Word's automatic list
numbering (自动编号) written into the text as a reader of the document sees it.

python-docx gives a paragraph's text without the number Word draws in front of it, so a plan
whose tasks are numbered by a list style ("1." "（一）" "一、") would lose its task numbers.
The numbering is resolved here from the OOXML parts (ECMA-376 §17.9):

- a paragraph's w:pPr/w:numPr (w:numId, w:ilvl), else the w:numPr of its paragraph style,
  following w:basedOn; numId 0 means "not numbered"; a missing ilvl is the level whose w:pStyle
  names the paragraph's style, else 0;
- w:num → w:abstractNumId (a w:numStyleLink is followed to the numbering style's list), with
  w:lvlOverride holding a w:startOverride and/or a replacement w:lvl;
- w:lvl gives w:start, w:numFmt, w:lvlText ("%1." "（%1）" "%1.%2"), w:isLgl, w:lvlRestart.

Counters: as in Word, one running count per abstract numbering definition, shared by every
w:num that points at it; a w:num's w:startOverride for a level restarts that count the first
time the w:num is used at that level. Using a level restarts the deeper levels (w:lvlRestart
may limit or forbid this). Bullets and numFmt "none" render no number.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from loaders.errors import ReadError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PLACEHOLDER_RE = re.compile(r"%([1-9])")


def _w(tag: str) -> str:
    return _W + tag


def _val(element, child: str) -> str | None:
    """The w:val of `element`'s child w:`child`, or None."""
    if element is None:
        return None
    found = element.find(_w(child))
    return None if found is None else found.get(_w("val"))


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


# --- reading the document --------------------------------------------------------------------


def docx_text(data: bytes, name: str = "Word 文件") -> str:
    """Paragraphs and tables of a .docx in document order; each table row one TAB line."""
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds on a broken package
        raise ReadError(f"无法读取 Word 文件 {name}:文件已损坏或不是 .docx 格式。") from exc
    lines: list[str] = []
    _blocks(document.element.body, document, _Numbering.of(document), lines)
    return "\n".join(lines)


def _blocks(element, parent, numbering: _Numbering, lines: list[str]) -> None:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in element.iterchildren():
        if child.tag == _w("p"):
            lines.append(_paragraph_text(Paragraph(child, parent), numbering))
        elif child.tag == _w("tbl"):
            lines.extend(_table_lines(Table(child, parent), numbering))
        elif child.tag == _w("sdt"):  # content control: its blocks sit in w:sdtContent
            for content in child.iterchildren(_w("sdtContent")):
                _blocks(content, parent, numbering, lines)


def _paragraph_text(paragraph, numbering: _Numbering) -> str:
    """The paragraph's text behind its automatic number, tabs as spaces."""
    return numbering.render(paragraph._p, paragraph.text).replace("\t", " ")


def _table_lines(table, numbering: _Numbering) -> list[str]:
    """Horizontally merged cells once; vertically merged cells repeat the value above."""
    seen: dict[object, str] = {}  # by w:tc element: a merged cell's paragraphs numbered once
    lines: list[str] = []
    for row in table.rows:
        cells: list[str] = [""] * row.grid_cols_before
        previous = None
        for cell in row.cells:
            if previous is not None and cell._tc is previous:
                continue
            previous = cell._tc
            if cell._tc not in seen:
                texts = (_paragraph_text(p, numbering).replace("\n", " ") for p in cell.paragraphs)
                seen[cell._tc] = " ".join(t.strip() for t in texts if t.strip())
            cells.append(seen[cell._tc])
        lines.append("\t".join(cells))
    return lines


# --- number formats (w:numFmt) ---------------------------------------------------------------

_CN_DIGITS = "零一二三四五六七八九"
_CN_UNITS = ("", "十", "百", "千")
_CN_FORMAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_CN_FORMAL_UNITS = ("", "拾", "佰", "仟")
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
_CN_COUNTING = frozenset(
    "chineseCounting chineseCountingThousand japaneseCounting taiwaneseCounting"
    " taiwaneseCountingThousand koreanCounting".split()
)
_CIRCLED = frozenset("decimalEnclosedCircle decimalEnclosedCircleChinese".split())


def cn_count(n: int, formal: bool = False) -> str:
    """1..9999 in Chinese counting (中文计数): 10 十, 11 十一, 101 一百零一; formal 壹拾."""
    if not 0 < n < 10000:
        return str(n)
    digits, units = (_CN_FORMAL_DIGITS, _CN_FORMAL_UNITS) if formal else (_CN_DIGITS, _CN_UNITS)
    out, zero = "", False
    figures = str(n)
    for i, figure in enumerate(figures):
        d = int(figure)
        if d == 0:
            zero = True
            continue
        out += ("零" if zero else "") + digits[d] + units[len(figures) - 1 - i]
        zero = False
    return out[1:] if not formal and out.startswith("一十") else out


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out += letters * count
    return out


def format_number(n: int, fmt: str) -> str:
    """The counter value `n` written in the numbering format `fmt` (decimal when unknown)."""
    if fmt in ("bullet", "none"):
        return ""
    if fmt in _CN_COUNTING:
        return cn_count(n)
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional"):
        return cn_count(n, formal=True)
    if fmt in ("upperLetter", "lowerLetter") and n > 0:
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman") and 0 < n < 4000:
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    if fmt == "ideographDigital":
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    if fmt == "ideographTraditional" and 0 < n <= len(_STEMS):
        return _STEMS[n - 1]
    if fmt == "ideographZodiac" and 0 < n <= len(_BRANCHES):
        return _BRANCHES[n - 1]
    if fmt in _CIRCLED and 0 < n <= 20:
        return chr(ord("①") + n - 1)
    if fmt == "ideographEnclosedCircle":  # Word draws ㈠ as (一)
        return f"({cn_count(n)})"
    if fmt == "decimalEnclosedParen":
        return f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return f"{n}."
    if fmt == "decimalZero" and 0 <= n < 10:
        return f"0{n}"
    return str(n)


# --- numbering definitions -------------------------------------------------------------------


@dataclass
class _Level:
    start: int | None = 1  # w:start; taken as 1 when absent (the spec says 0)
    fmt: str = "decimal"
    text: str | None = None  # w:lvlText; None: no number drawn
    legal: bool = False  # w:isLgl: every %n as decimal
    restart: int | None = None  # w:lvlRestart (1-based level; 0: never)
    style: str | None = None  # w:pStyle: the paragraph style bound to this level
    suffix: str = "tab"  # w:suff


def _level(lvl) -> _Level:
    text = lvl.find(_w("lvlText"))
    return _Level(
        start=_int(_val(lvl, "start")) if lvl.find(_w("start")) is not None else 1,
        fmt=_val(lvl, "numFmt") or "decimal",
        text=None if text is None else (text.get(_w("val")) or ""),
        legal=lvl.find(_w("isLgl")) is not None and _val(lvl, "isLgl") not in ("0", "false"),
        restart=_int(_val(lvl, "lvlRestart")),
        style=_val(lvl, "pStyle"),
        suffix=_val(lvl, "suff") or "tab",
    )


def _levels(container) -> dict[int, _Level]:
    return {
        _int(lvl.get(_w("ilvl"))) or 0: _level(lvl) for lvl in container.iterchildren(_w("lvl"))
    }


@dataclass
class _Num:
    abstract: str  # key of the shared counter
    levels: dict[int, _Level]
    start_overrides: dict[int, int]


def _style_num_pr(styles: dict, style_id: str | None) -> tuple[int | None, int | None, str | None]:
    """(numId, ilvl, id of the style holding them) from a style and its w:basedOn chain."""
    seen: set[str] = set()
    while style_id and style_id in styles and style_id not in seen:
        seen.add(style_id)
        style = styles[style_id]
        num_pr = style.find(f"{_w('pPr')}/{_w('numPr')}")
        num_id = _int(_val(num_pr, "numId"))
        if num_id is not None:
            return num_id, _int(_val(num_pr, "ilvl")), style_id
        style_id = _val(style, "basedOn")
    return None, None, None


def _restarts(level: _Level | None, used: int, deeper: int) -> bool:
    """Whether using level `used` restarts the count of level `deeper` (w:lvlRestart)."""
    if level is None or level.restart is None or level.restart > deeper:
        return True
    return used < level.restart  # 0: never; r: when one of the levels 1..r (1-based) is used


class _Numbering:
    """The numbering definitions of one document, and the running counts while it is read."""

    def __init__(self, numbering, styles) -> None:
        self._styles = {} if styles is None else {
            s.get(_w("styleId")): s for s in styles.iterchildren(_w("style"))
        }  # fmt: skip
        self._default_style = next(
            (
                style_id
                for style_id, s in self._styles.items()
                if s.get(_w("type")) == "paragraph" and s.get(_w("default")) in ("1", "true", "on")
            ),
            None,
        )
        children = [] if numbering is None else list(numbering.iterchildren())
        self._abstracts = {
            c.get(_w("abstractNumId")): c for c in children if c.tag == _w("abstractNum")
        }
        self._num_elements = {_int(c.get(_w("numId"))): c for c in children if c.tag == _w("num")}
        self._nums: dict[int, _Num | None] = {}
        self._counts: dict[str, dict[int, int]] = {}  # abstract key -> level -> current value
        self._overridden: set[tuple[int, int]] = set()  # (numId, ilvl) whose start was applied

    @classmethod
    def of(cls, document) -> _Numbering:
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError):  # no numbering part in the package
            numbering = None
        return cls(numbering, document.styles.element)

    def render(self, p, text: str) -> str:
        """`text` of paragraph element `p` behind its automatic number, if it has one."""
        label, suffix = self._label(p)
        if not label:
            return text
        # the tab or space Word draws after the number; needed in text after a label ending in a
        # letter or digit, and before text opening on a digit ("8." + "2023年…" is no "8.2023")
        apart = label[-1].isalnum() or text[:1].isdigit()
        separator = " " if apart and suffix != "nothing" and text else ""
        return label + separator + text

    def _label(self, p) -> tuple[str, str]:
        """(the number as drawn, w:suff) for paragraph element `p`; advances the counts."""
        ref = self._reference(p)
        num = self._num(ref[0]) if ref else None
        if ref is None or num is None:
            return "", ""
        num_id, ilvl, style_id = ref
        if ilvl is None:  # a style bound to a level by the level's w:pStyle
            bound = (
                i for i, lvl in sorted(num.levels.items()) if style_id and lvl.style == style_id
            )
            ilvl = next(bound, 0)
        level = num.levels.get(ilvl)
        if level is None:
            return "", ""
        counts = self._advance(num_id, num, ilvl)
        if level.text is None or level.fmt == "bullet":
            return "", level.suffix
        return _expand(level, num.levels, counts), level.suffix

    def _reference(self, p) -> tuple[int, int | None, str | None] | None:
        """(numId, ilvl or None, paragraph style id) of a numbered paragraph, else None."""
        ppr = p.find(_w("pPr"))
        style_id = _val(ppr, "pStyle") or self._default_style
        num_pr = None if ppr is None else ppr.find(_w("numPr"))
        num_id, ilvl = _int(_val(num_pr, "numId")), _int(_val(num_pr, "ilvl"))
        if num_id is None:
            num_id, style_ilvl, _holder = _style_num_pr(self._styles, style_id)
            ilvl = style_ilvl if ilvl is None else ilvl
        return (num_id, ilvl, style_id) if num_id else None  # numId 0: numbering removed

    def _num(self, num_id: int, depth: int = 0) -> _Num | None:
        if num_id not in self._nums:
            self._nums[num_id] = self._resolve(num_id, depth)
        return self._nums[num_id]

    def _resolve(self, num_id: int, depth: int) -> _Num | None:
        """A w:num with its abstract definition (through w:numStyleLink) and overrides."""
        num = self._num_elements.get(num_id)
        abstract = None if num is None else self._abstracts.get(_val(num, "abstractNumId"))
        if abstract is None:
            return None
        key, levels = abstract.get(_w("abstractNumId")), _levels(abstract)
        link = _val(abstract, "numStyleLink")
        linked_id = _style_num_pr(self._styles, link)[0] if link else None
        if linked_id and linked_id != num_id and depth < 3:
            target = self._num(linked_id, depth + 1)
            if target is not None:
                key, levels = target.abstract, dict(target.levels)
        starts: dict[int, int] = {}
        for override in num.iterchildren(_w("lvlOverride")):
            ilvl = _int(override.get(_w("ilvl"))) or 0
            start = _int(_val(override, "startOverride"))
            if start is not None:
                starts[ilvl] = start
            if (lvl := override.find(_w("lvl"))) is not None:
                levels[ilvl] = _level(lvl)
        return _Num(str(key), levels, starts)

    def _advance(self, num_id: int, num: _Num, ilvl: int) -> dict[int, int]:
        """Count one more paragraph at `ilvl`; restart the deeper levels. The counts."""
        counts = self._counts.setdefault(num.abstract, {})
        start = num.start_overrides.get(ilvl)
        if start is not None and (num_id, ilvl) not in self._overridden:
            self._overridden.add((num_id, ilvl))
            counts[ilvl] = start
        elif ilvl in counts:
            counts[ilvl] += 1
        else:
            counts[ilvl] = _start(num.levels.get(ilvl))
        for deeper in [d for d in counts if d > ilvl]:
            if _restarts(num.levels.get(deeper), ilvl, deeper):
                del counts[deeper]
        return counts


def _start(level: _Level | None) -> int:
    return 1 if level is None or level.start is None else level.start


def _expand(level: _Level, levels: dict[int, _Level], counts: dict[int, int]) -> str:
    """w:lvlText with each %n replaced by level n's count in its format (decimal if w:isLgl)."""

    def number(match: re.Match[str]) -> str:
        k = int(match.group(1)) - 1
        other = levels.get(k)
        fmt = "decimal" if other is None else other.fmt
        if level.legal and fmt not in ("bullet", "none"):
            fmt = "decimal"
        return format_number(counts.get(k, _start(other)), fmt)

    return _PLACEHOLDER_RE.sub(number, level.text or "")
