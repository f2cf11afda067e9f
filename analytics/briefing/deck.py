"""A briefing as a 16:9 PowerPoint deck: a title slide, then per section a slide with its title,
its takeaway (≥ 18 pt) and a full-width chart, the headline tiles, or a real table of at most 12
rows (continued on further slides). Chinese text carries its East Asian typeface (a:ea), as in
analytics.export, so Office and WPS both show it."""

from __future__ import annotations

import io

import polars as pl
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from analytics.briefing.figures import BARS_PER_CHART, DECK, Pictures, chunks
from analytics.briefing.model import Briefing, Section, Tile, cell_text
from analytics.export import (
    MAX_SLIDE_ROWS,
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    _apply_fonts,
    display_width,
    png_size,
)

MARGIN = Inches(0.5)
CONTENT_WIDTH = SLIDE_WIDTH - 2 * MARGIN  # 12.33 in
TITLE_TOP, TITLE_HEIGHT = Inches(0.3), Inches(0.75)
TAKEAWAY_TOP, TAKEAWAY_HEIGHT = Inches(1.05), Inches(0.85)
BODY_TOP = Inches(2.0)
BODY_HEIGHT = SLIDE_HEIGHT - BODY_TOP - Inches(0.3)
TITLE_PT, TAKEAWAY_PT, TABLE_PT, NOTE_PT = 28, 20, 14, 14
CELL_WIDTH_MAX = 40  # display cells (a CJK character counts 2) before a text is cut with …
DARK, GREY, BLUE = RGBColor(0x22, 0x22, 0x22), RGBColor(0x55, 0x55, 0x55), RGBColor(0, 0x72, 0xB2)
HEADER_FILL = RGBColor(0xDD, 0xEB, 0xF7)


def briefing_pptx(briefing: Briefing, pictures: Pictures | None = None) -> bytes:
    """The deck as bytes."""
    pictures = pictures or Pictures()
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    pictures.prepare(
        [
            (figure, DECK)
            for section in briefing.sections
            if section.figure is not None and not section.tiles
            for figure in chunks(section.figure, BARS_PER_CHART)
            if figure.data.height
        ]
    )
    _title_slide(prs, briefing)
    for section in briefing.sections:
        _section_slides(prs, section, pictures)
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def _text(frame, text: str, size: float, bold: bool = False, colour=DARK, align=None) -> None:
    frame.word_wrap = True
    frame.text = text
    for paragraph in frame.paragraphs:
        if align is not None:
            paragraph.alignment = align
        for run in paragraph.runs:
            run.font.size = Pt(size)
            run.font.bold = bold or None
            run.font.color.rgb = colour


def _box(slide: Slide, left, top, width, height, text: str, size: float, **style):
    box = slide.shapes.add_textbox(left, top, width, height)
    _text(box.text_frame, text, size, **style)
    return box


def _title_slide(prs: PresentationType, briefing: Briefing) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])  # blank
    _box(
        slide,
        MARGIN,
        Inches(2.0),
        CONTENT_WIDTH,
        Inches(1.4),
        briefing.title,
        36,
        bold=True,
        align=PP_ALIGN.CENTER,
    )
    _box(
        slide,
        MARGIN,
        Inches(3.6),
        CONTENT_WIDTH,
        Inches(0.8),
        briefing.heading,
        28,
        colour=BLUE,
        align=PP_ALIGN.CENTER,
    )
    _box(
        slide,
        MARGIN,
        Inches(4.8),
        CONTENT_WIDTH,
        Inches(0.6),
        f"制作日期：{briefing.made_on_text}",
        20,
        colour=GREY,
        align=PP_ALIGN.CENTER,
    )
    _apply_fonts(slide)


def _slide(prs: PresentationType, title: str, takeaway: str) -> Slide:
    """A blank slide with its title and the takeaway sentence below it."""
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    _box(slide, MARGIN, TITLE_TOP, CONTENT_WIDTH, TITLE_HEIGHT, title, TITLE_PT, bold=True)
    box = _box(
        slide,
        MARGIN,
        TAKEAWAY_TOP,
        CONTENT_WIDTH,
        TAKEAWAY_HEIGHT,
        takeaway,
        TAKEAWAY_PT,
        colour=BLUE,
    )
    box.name = "要点"
    return slide


def _section_slides(prs: PresentationType, section: Section, pictures: Pictures) -> None:
    if section.tiles:
        slide = _slide(prs, section.title, section.takeaway)
        _tiles(slide, section.tiles)
        _apply_fonts(slide)
    elif section.figure is not None and section.figure.data.height:
        _chart_slides(prs, section, pictures)
    elif section.has_rows:
        table = section.table
        for n, start in enumerate(range(0, table.height, MAX_SLIDE_ROWS)):
            slide = _slide(prs, _continued(section.title, n), section.takeaway)
            part = table.slice(start, MAX_SLIDE_ROWS)
            _table(slide, part, section)
            if table.height > MAX_SLIDE_ROWS:
                _page_note(slide, n, MAX_SLIDE_ROWS, part.height, table.height)
            _apply_fonts(slide)
    else:
        slide = _slide(prs, section.title, section.takeaway)
        _empty(slide, section.empty or "暂无数据。")
        _apply_fonts(slide)


def _chart_slides(prs: PresentationType, section: Section, pictures: Pictures) -> None:
    """The chart full width, 12 bars a slide (the table is in the report and the workbook)."""
    parts = chunks(section.figure, BARS_PER_CHART)
    total = section.figure.data.height
    for n, figure in enumerate(parts):
        slide = _slide(prs, _continued(section.title, n), section.takeaway)
        _picture(slide, pictures.png(figure, DECK))
        if len(parts) > 1:
            _page_note(slide, n, BARS_PER_CHART, figure.data.height, total)
        _apply_fonts(slide)


def _continued(title: str, n: int) -> str:
    return title if n == 0 else f"{title}（续）"


def _page_note(slide: Slide, n: int, per: int, shown: int, total: int) -> None:
    first = n * per + 1
    text = f"第{first}—{first + shown - 1}项，共{total}项"
    _box(
        slide,
        MARGIN,
        BODY_TOP - Inches(0.4),
        CONTENT_WIDTH,
        Inches(0.4),
        text,
        NOTE_PT,
        colour=GREY,
        align=PP_ALIGN.RIGHT,
    )


def _empty(slide: Slide, text: str) -> None:
    _box(
        slide,
        MARGIN,
        BODY_TOP + Inches(1.2),
        CONTENT_WIDTH,
        Inches(1.0),
        text,
        24,
        colour=GREY,
        align=PP_ALIGN.CENTER,
    )


def _picture(slide: Slide, png: bytes) -> None:
    """The chart across the content width (its height fits the body: sized in figures.DECK)."""
    px_width, px_height = png_size(png)
    width = CONTENT_WIDTH
    height = int(width * px_height / px_width)
    if height > BODY_HEIGHT:  # never expected at DECK sizes; kept inside the slide all the same
        height = BODY_HEIGHT
        width = int(height * px_width / px_height)
    left = MARGIN + (CONTENT_WIDTH - width) // 2
    slide.shapes.add_picture(io.BytesIO(png), left, BODY_TOP, width, height)


def _tiles(slide: Slide, tiles: list[Tile]) -> None:
    """Four boxes side by side: the label, the figure in large type, the change."""
    gap = Inches(0.3)
    width = (CONTENT_WIDTH - gap * (len(tiles) - 1)) // len(tiles)
    for i, tile in enumerate(tiles):
        left = MARGIN + i * (width + gap)
        shape = slide.shapes.add_shape(
            MSO_SHAPE.ROUNDED_RECTANGLE, left, BODY_TOP + Inches(0.3), width, Inches(2.6)
        )
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor(0xF2, 0xF6, 0xFA)
        shape.line.color.rgb = RGBColor(0xBB, 0xCC, 0xDD)
        frame = shape.text_frame
        frame.word_wrap = True
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        lines = [
            (tile.label, 20, False, GREY),
            (tile.shown(tile.value), 44, True, DARK),
            (tile.change, 18, False, GREY),
        ]
        frame.text = ""
        for n, (text, size, bold, colour) in enumerate(lines):
            paragraph = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
            paragraph.alignment = PP_ALIGN.CENTER
            run = paragraph.add_run()
            run.text = text
            run.font.size, run.font.bold, run.font.color.rgb = Pt(size), bold or None, colour


def _cut(text: str) -> str:
    if display_width(text) <= CELL_WIDTH_MAX:
        return text
    out = ""
    for ch in text:
        if display_width(out + ch) > CELL_WIDTH_MAX - 2:
            return out + "…"
        out += ch
    return out


def _table(slide: Slide, part: pl.DataFrame, section: Section) -> None:
    """A real table: bold shaded header, 14 pt cells, widths following the content."""
    texts = {
        name: [
            _cut(cell_text(v, name in section.percent, name in section.points)) for v in part[name]
        ]
        for name in part.columns
    }
    weights = [
        min(max([display_width(name), *map(display_width, texts[name])]) + 2, CELL_WIDTH_MAX)
        for name in part.columns
    ]
    row_height = Inches(0.36)
    shape = slide.shapes.add_table(
        part.height + 1, part.width, MARGIN, BODY_TOP, CONTENT_WIDTH, row_height * (part.height + 1)
    )
    table = shape.table
    for col, name in enumerate(part.columns):
        table.columns[col].width = Emu(int(CONTENT_WIDTH * weights[col] / sum(weights)))
        header = table.cell(0, col)
        _text(header.text_frame, name, TABLE_PT, bold=True)
        header.fill.solid()
        header.fill.fore_color.rgb = HEADER_FILL
        for row, text in enumerate(texts[name], start=1):
            _text(table.cell(row, col).text_frame, text, TABLE_PT)
    for row in table.rows:
        row.height = row_height
    for cell in table.iter_cells():
        cell.margin_left = cell.margin_right = Inches(0.06)
        cell.margin_top = cell.margin_bottom = Inches(0.03)
