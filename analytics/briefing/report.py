"""A briefing as a Word report in 公文 style: A4, margins 37/35/28/26 mm (top/bottom/left/right),
the title in 方正小标宋简体 二号 (22 pt) centred, headings 一、 in 黑体 and （一） in 楷体_GB2312 三号,
body text in 仿宋_GB2312 三号 (16 pt) at a fixed 28 pt line; charts as pictures at text width,
tables as real Word tables. Each （一） section opens with its takeaway.

python-docx names only the Latin font; the East Asian one is the w:eastAsia attribute of
w:rFonts, set here on every style and run (theme fonts removed, or Word would prefer them)."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor
from docx.table import _Cell

from analytics.briefing.figures import REPORT, Pictures, chunks
from analytics.briefing.model import Briefing, Section, Tile, cell_text
from analytics.export import display_width

TITLE_FONT, HEADING_FONT, SUBHEADING_FONT, BODY_FONT = (
    "方正小标宋简体",
    "黑体",
    "楷体_GB2312",
    "仿宋_GB2312",
)
LATIN_FONT = "Times New Roman"
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
TEXT_WIDTH_MM = 210 - MARGINS_MM["left"] - MARGINS_MM["right"]  # 156 mm
BODY_PT, TITLE_PT, TABLE_PT, LINE_PT = 16, 22, 12, 28
BARS_PER_PICTURE = 25
NUMERALS = "一二三四五六七八九十"
# the parts of a report and the sections each holds, in order
PARTS = {
    "summary": "总体情况",
    "trend": "总体情况",
    "actions": "分项进展",
    "units": "分项进展",
    "tasks": "分项进展",
    "indicators": "分项进展",
    "overdue": "存在问题",
    "unreported": "存在问题",
    "lagging": "存在问题",
}
SUBTITLES = {"summary": "主要指标"}  # not 总体情况 again under 一、总体情况
TABLE_STYLE, TABLE_TEXT = "Table Grid", "表格文字"


def briefing_docx(briefing: Briefing, pictures: Pictures | None = None) -> bytes:
    pictures = pictures or Pictures()
    doc = Document()
    pictures.prepare(
        [
            (figure, REPORT)
            for section in briefing.sections
            if section.figure is not None and not section.tiles
            for figure in chunks(section.figure, BARS_PER_PICTURE)
            if figure.data.height
        ]
    )
    _page(doc)
    _styles(doc)
    _title(doc, briefing)
    part, part_no, sub_no = None, 0, 0
    for section in briefing.sections:
        if PARTS.get(section.key, "其他") != part:
            part, part_no, sub_no = PARTS.get(section.key, "其他"), part_no + 1, 0
            doc.add_paragraph(f"{NUMERALS[part_no - 1]}、{part}", style="Heading 1")
        sub_no += 1
        heading = SUBTITLES.get(section.key, section.title)
        doc.add_paragraph(f"（{NUMERALS[sub_no - 1]}）{heading}", style="Heading 2")
        _section(doc, section, pictures)
    for paragraph in doc.paragraphs:
        for run in paragraph.runs:
            _east_asian(run._element.get_or_add_rPr(), _font_of(paragraph.style))
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# ------------------------------------------------------------------------------ page and styles


def _page(doc) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])


def _east_asian(rpr, font: str) -> None:
    """w:rFonts with the Latin and East Asian names only (theme attributes dropped)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for name in list(fonts.attrib):
        del fonts.attrib[name]
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), font)


def _style(doc, name: str, font: str, size: float, *, centred=False, indent=True, exact=True):
    styles = doc.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, 1)
    style.font.size, style.font.bold, style.font.italic = Pt(size), False, False
    style.font.color.rgb = RGBColor(0, 0, 0)
    _east_asian(style.element.get_or_add_rPr(), font)
    fmt = style.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    if exact:
        fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(LINE_PT)
    else:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.first_line_indent = Pt(size * 2) if indent else Pt(0)
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.JUSTIFY
    return style


def _styles(doc) -> None:
    _style(doc, "Normal", BODY_FONT, BODY_PT)
    title = _style(doc, "Title", TITLE_FONT, TITLE_PT, centred=True, indent=False)
    title.paragraph_format.line_spacing = Pt(36)  # 二号 needs more than the body's 28 pt line
    border = title.element.pPr.find(qn("w:pBdr"))
    if border is not None:  # the default template underlines the title
        title.element.pPr.remove(border)
    for name, font in (("Heading 1", HEADING_FONT), ("Heading 2", SUBHEADING_FONT)):
        style = _style(doc, name, font, BODY_PT)
        style.paragraph_format.keep_with_next = True
    _style(
        doc, TABLE_TEXT, BODY_FONT, TABLE_PT, indent=False, exact=False
    ).paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    _style(doc, "图片", BODY_FONT, BODY_PT, centred=True, indent=False, exact=False)


def _font_of(style) -> str:
    fonts = style.element.rPr.find(qn("w:rFonts")) if style.element.rPr is not None else None
    return fonts.get(qn("w:eastAsia")) if fonts is not None else BODY_FONT


# ------------------------------------------------------------------------------------ content


def _title(doc, briefing: Briefing) -> None:
    paragraph = doc.add_paragraph(style="Title")
    paragraph.add_run(briefing.title)
    paragraph.add_run().add_break()
    paragraph.add_run(briefing.heading)
    doc.add_paragraph(briefing.made_on_text, style="图片")
    doc.add_paragraph("", style="Normal")


def _section(doc, section: Section, pictures: Pictures) -> None:
    doc.add_paragraph(section.takeaway, style="Normal")
    if section.tiles:
        _tile_table(doc, section.tiles)
        return
    if section.figure is not None and section.figure.data.height:
        for figure in chunks(section.figure, BARS_PER_PICTURE):
            picture = doc.add_paragraph(style="图片")
            picture.add_run().add_picture(
                io.BytesIO(pictures.png(figure, REPORT)), width=Mm(TEXT_WIDTH_MM)
            )
    if section.has_rows:
        rows = [
            [
                cell_text(v, name in section.percent, name in section.points)
                for v in section.table[name]
            ]
            for name in section.table.columns
        ]
        _table(doc, section.table.columns, [list(r) for r in zip(*rows, strict=True)])
    elif section.empty and section.empty != section.takeaway:
        doc.add_paragraph(section.empty, style="Normal")


def _tile_table(doc, tiles: list[Tile]) -> None:
    rows = [[t.label, t.shown(t.value), t.shown(t.previous), t.change] for t in tiles]
    _table(doc, ["指标", "本季度", "上季度", "较上季度"], rows)


def _table(doc, header: list[str], rows: list[list[str]]) -> None:
    table = doc.add_table(rows=len(rows) + 1, cols=len(header))
    table.style = doc.styles[TABLE_STYLE]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid = _grid(table)
    style = doc.styles[TABLE_TEXT].style_id  # looked up once: by name it costs 1 ms a cell
    for col, name in enumerate(header):
        _cell(grid[0][col], name, style, bold=True)
    for r, values in enumerate(rows, start=1):
        for col, value in enumerate(values):
            _cell(grid[r][col], value, style)
    _widths(table, grid, header, rows)
    header_row = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")  # the header again on every page
    repeat.set(qn("w:val"), "true")
    header_row.append(repeat)
    doc.add_paragraph("", style="Normal")


def _grid(table) -> list[list[_Cell]]:
    """The table's cells by row and column, read once: python-docx's table.cell() and
    column.cells walk the whole table on every call (a 300-row table took seconds)."""
    return [[_Cell(tc, table) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]


def _widths(table, grid, header: list[str], rows: list[list[str]]) -> None:
    """Columns as wide as their content asks (a long name column gets the room), text width in
    all; Word reads the widths of the cells, LibreOffice those of the grid."""
    table.autofit = False
    weights = [
        min(max(display_width(t) for t in [name, *(r[col] for r in rows)]) + 2, 30)
        for col, name in enumerate(header)
    ]
    total = Mm(TEXT_WIDTH_MM)
    for col, weight in enumerate(weights):
        width = Emu(int(total * weight / sum(weights)))
        table.columns[col].width = width
        for row in grid:
            row[col].width = width


def _cell(cell, text: str, style_id: str, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph._p.style = style_id  # = paragraph.style = TABLE_TEXT, without the name lookup
    run = paragraph.add_run(text)
    run.bold = bold or None
    _east_asian(run._element.get_or_add_rPr(), HEADING_FONT if bold else BODY_FONT)
