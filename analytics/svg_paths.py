"""SVG whose text is drawn as outlines, so a chart shows its Chinese labels on a machine without
the font (an office PC, PowerPoint or WPS importing the SVG, a print shop).

Every `<text>` of a Vega SVG (its position in `transform`, `text-anchor`, `font-size`,
`font-weight`, fill and opacity; lines as `<tspan>`s) becomes a group of `<use>` references to
glyph outlines defined once in `<defs>`, taken with fontTools from the installed Noto Sans CJK
SC (Regular or Bold). Glyphs are placed by their advance widths (no kerning: labels of a chart);
a character the font lacks draws the font's .notdef box. The words stay readable to software as
each group's `aria-label`.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.ttLib import TTCollection, TTFont

SVG_NS = "http://www.w3.org/2000/svg"
FAMILY = "Noto Sans CJK SC"
FILES = {False: "NotoSansCJK-Regular.ttc", True: "NotoSansCJK-Bold.ttc"}
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
ANCHOR = {"start": 0.0, "middle": 0.5, "end": 1.0}
_SIZE = re.compile(r"([\d.]+)\s*(px|pt|em)?")

ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")


@functools.cache
def _face(folder: str, bold: bool) -> TTFont:
    """The Simplified Chinese face of the Noto Sans CJK collection in `folder`."""
    collection = TTCollection(str(Path(folder) / FILES[bold]), lazy=True)
    for font in collection.fonts:
        if font["name"].getDebugName(1) == FAMILY:
            return font
    return collection.fonts[0]


class _Glyphs:
    """Glyph outlines of one or two faces, each defined once as a <path> in <defs>."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.defined: dict[tuple[bool, str], str] = {}
        self.paths: list[ET.Element] = []

    def place(self, text: str, bold: bool) -> tuple[list[tuple[str, float]], float, int]:
        """The glyph ids of `text` with their x offsets in font units, the total advance and
        the face's units per em."""
        font = _face(self.folder, bold)
        cmap = font.getBestCmap()
        glyph_set = font.getGlyphSet()
        metrics = font["hmtx"].metrics
        placed, x = [], 0.0
        for ch in text:
            name = cmap.get(ord(ch), ".notdef")
            placed.append((self._define(glyph_set, name, bold), x))
            x += metrics[name][0]
        return placed, x, font["head"].unitsPerEm

    def _define(self, glyph_set, name: str, bold: bool) -> str:
        key = (bold, name)
        if key not in self.defined:
            pen = SVGPathPen(glyph_set)
            glyph_set[name].draw(pen)
            ident = f"fz-glyph-{len(self.defined)}"
            self.defined[key] = ident
            self.paths.append(
                ET.Element(f"{{{SVG_NS}}}path", {"id": ident, "d": pen.getCommands()})
            )
        return self.defined[key]


def _font_size(value: str | None) -> float:
    match = _SIZE.match(value or "")
    if not match:
        return 11.0  # Vega's default
    size = float(match.group(1))
    return size * {"pt": 4 / 3, "em": 16}.get(match.group(2) or "px", 1)


def _lines(text_el: ET.Element) -> list[tuple[str, float, float]]:
    """The text's lines as (text, x, y) in the text's own coordinates."""
    spans = text_el.findall(f"{{{SVG_NS}}}tspan")
    size = _font_size(text_el.get("font-size"))
    if not spans:
        return [(text_el.text or "", _num(text_el.get("x")), _num(text_el.get("y")))]
    lines, y = [], _num(text_el.get("y"))
    if text_el.text and text_el.text.strip():
        lines.append((text_el.text, _num(text_el.get("x")), y))
    for span in spans:
        dy = span.get("dy") or "0"
        y += float(dy[:-2]) * size if dy.endswith("em") else _num(dy)
        lines.append((span.text or "", _num(span.get("x")), y))
    return lines


def _num(value: str | None) -> float:
    try:
        return float(value) if value else 0.0
    except ValueError:
        return 0.0


def text_to_paths(svg: str | bytes, font_folder: str | Path) -> bytes:
    """The SVG with every <text> replaced by glyph outlines of Noto Sans CJK SC."""
    root = ET.fromstring(svg)
    glyphs = _Glyphs(str(font_folder))
    parents = {child: parent for parent in root.iter() for child in parent}
    for text_el in list(root.iter(f"{{{SVG_NS}}}text")):
        parent = parents[text_el]
        size = _font_size(text_el.get("font-size"))
        weight = text_el.get("font-weight") or ""
        bold = weight == "bold" or (weight.isdigit() and int(weight) >= 600)
        anchor = ANCHOR.get(text_el.get("text-anchor") or "start", 0.0)
        words = "".join(text_el.itertext())
        group = ET.Element(f"{{{SVG_NS}}}g")
        for attr in ("transform", "fill", "opacity", "fill-opacity", "role"):
            if text_el.get(attr) is not None:
                group.set(attr, text_el.get(attr))
        group.set("fill", text_el.get("fill") or "#000")
        group.set("aria-label", text_el.get("aria-label") or words)
        for line, x, y in _lines(text_el):
            placed, advance, upm = glyphs.place(line, bold)
            scale = size / upm
            start = x - anchor * advance * scale
            for ident, offset in placed:
                ET.SubElement(
                    group,
                    f"{{{SVG_NS}}}use",
                    {
                        XLINK_HREF: f"#{ident}",  # SVG 1.1 form: older viewers and Office
                        "transform": f"translate({start + offset * scale:.2f},{y:.2f}) "
                        f"scale({scale:.5f},{-scale:.5f})",
                    },
                )
        index = list(parent).index(text_el)
        parent.remove(text_el)
        parent.insert(index, group)
    if glyphs.paths:
        defs = ET.Element(f"{{{SVG_NS}}}defs")
        defs.extend(glyphs.paths)
        root.insert(0, defs)
    return ET.tostring(root, encoding="utf-8", xml_declaration=False)
