"""File readers: each test builds its own .txt/.html/.docx/.pdf/.xlsx/.xls/.csv in tmp_path."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from loaders.errors import ReadError
from loaders.files.readers import (
    file_format,
    read_table,
    read_table_bytes,
    read_table_sheets,
    read_text,
    read_text_bytes,
)
from loaders.files.word import format_number

# --- file_format ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.txt", "txt"),
        ("a.md", "md"),
        ("a.html", "html"),
        ("a.HTM", "html"),
        ("计划.DOCX", "docx"),
        ("a.pdf", "pdf"),
        ("a.xlsx", "xlsx"),
        ("a.xls", "xls"),
        ("a.csv", "csv"),
    ],
)
def test_file_format(name: str, fmt: str) -> None:
    assert file_format(name) == fmt


def test_unknown_format_names_the_supported_ones() -> None:
    with pytest.raises(ReadError, match="不支持的文件格式") as info:
        file_format("计划.exe")
    assert (
        "PDF" in str(info.value) and "Word(.docx)" in str(info.value) and "CSV" in str(info.value)
    )
    with pytest.raises(ReadError, match="另存为 .docx"):
        read_text_bytes("旧计划.doc", b"\xd0\xcf\x11\xe0")


def test_missing_file_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="无法打开文件"):
        read_text(tmp_path / "没有.txt")


# --- plain text -------------------------------------------------------------------------------

TEXT = "一、总体要求\n牵头单位：司法局\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("gb18030"),
        TEXT.encode("gbk"),
        TEXT.encode("utf-16"),  # with BOM
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "utf16"],
)
def test_text_encodings(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(data)
    assert read_text(path) == TEXT


def test_markdown_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_bytes("# 工作要点\n\n- 推进简政放权".encode("gb18030"))
    assert read_text(str(path)) == "# 工作要点\n\n- 推进简政放权"


def test_undecodable_text_is_a_read_error() -> None:
    with pytest.raises(ReadError, match="无法识别 坏.txt 的文字编码"):
        read_text_bytes("坏.txt", b"abc\x81 \xff\xff")


# --- HTML -------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>通知</title><style>p {color: red}</style>
<script>var nav = "首页";</script></head>
<body>
<div class="header"><img src="logo.png">某区人民政府</div>
<ul id="mainNav"><li>首页</li><li>政务公开</li></ul>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; 通知公告</div>
<div class="article">
  <div class="article-header"><h1>关于印发《工作要点》的通知</h1></div>
  <div class="share-bar">分享到：微信</div>
  <span class="print-btn">【打印本页】</span>
  <p>各镇人民政府，
     各部门：</p>
  <p>现将《工作要点》印发给你们。<br>请认真贯彻落实。</p>
  <ul><li>一、总体要求</li><li>二、主要任务</li></ul>
  <table>
    <tr><th>序号</th><th>任务</th><th>牵头单位</th></tr>
    <tr><td rowspan="2">1</td><td>推进简政放权</td><td>司法局</td></tr>
    <tr><td>优化营商环境</td><td>发改局</td></tr>
    <tr><td colspan="2">合计</td><td>2项</td></tr>
  </table>
  <p>&nbsp;</p>
  <!-- 注释不显示 -->
</div>
<aside>相关链接</aside>
<div id="footer">版权所有 网站标识码</div>
<div class="subnav">相关栏目</div><div class="siteHeader2">网站头部</div>
<form><input value="搜索"></form>
</body></html>"""

PAGE_LINES = [
    "关于印发《工作要点》的通知",
    "各镇人民政府，各部门：",  # a source line break beside Chinese is no space
    "现将《工作要点》印发给你们。",
    "请认真贯彻落实。",
    "一、总体要求",
    "二、主要任务",
    "序号\t任务\t牵头单位",
    "1\t推进简政放权\t司法局",
    "1\t优化营商环境\t发改局",
    "合计\t2项",
]


def test_html_drops_chrome_and_keeps_blocks_and_table_rows(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.encode("gb18030"))
    assert read_text(path).split("\n") == PAGE_LINES


def test_html_without_declaration_falls_back_to_utf8_then_gb18030() -> None:
    page = "<html><body><p>牵头单位：司法局</p></body></html>"
    assert read_text_bytes("a.htm", page.encode("utf-8")) == "牵头单位：司法局"
    assert read_text_bytes("a.htm", page.encode("gb18030")) == "牵头单位：司法局"
    wrong = '<meta charset="utf-8"><p>责任单位</p>'.encode("gb18030")  # declared wrongly
    assert read_text_bytes("a.html", wrong) == "责任单位"


def test_html_rowspan_at_row_end_is_filled_down() -> None:
    page = (
        "<table><tr><td>甲</td><td rowspan='2'>司法局</td></tr>"
        "<tr><td>乙</td></tr><tr><td>丙</td><td>财政局</td></tr></table>"
    )
    assert read_text_bytes("t.html", page.encode()) == "甲\t司法局\n乙\t司法局\n丙\t财政局"


def test_html_print_area_wrapping_the_article_is_kept() -> None:
    page = (
        "<body><div class='nav'>首页 政务公开 政策文件 互动交流 办事服务</div>"
        "<div id='printContent'><p>一、总体要求</p></div><script>var a = 1;</script></body>"
    )
    assert read_text_bytes("p.html", page.encode()) == "一、总体要求"


def test_html_wrapper_named_like_chrome_but_holding_the_page_is_kept() -> None:
    page = (
        "<body><div id='top-nav'>首页</div><div class='sidebar-layout'>"
        "<p>一、总体要求</p><p>正文很长的一段内容</p></div></body>"
    )
    assert read_text_bytes("p.html", page.encode()) == "一、总体要求\n正文很长的一段内容"


# --- Word -------------------------------------------------------------------------------------


def _docx_with_merged_table(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("一、总体要求")
    document.add_paragraph("牵头单位：司法局\t(配合)")
    table = document.add_table(rows=4, cols=3)
    rows = [["任务", "措施", "单位"], ["依法行政", "推进A", "司法局"], ["", "推进B", "财政局"]]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    table.cell(1, 0).merge(table.cell(2, 0))  # vertical merge: fills down
    table.cell(3, 0).merge(table.cell(3, 1)).text = "合计"  # horizontal merge: once
    cell = table.cell(3, 2)
    cell.text = "2项"
    cell.add_paragraph("(含配套)")
    document.add_paragraph("二、主要任务")
    document.save(str(path))


def test_docx_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    _docx_with_merged_table(path)
    assert read_text(path).split("\n") == [
        "一、总体要求",
        "牵头单位：司法局 (配合)",
        "任务\t措施\t单位",
        "依法行政\t推进A\t司法局",
        "依法行政\t推进B\t财政局",
        "合计\t2项 (含配套)",
        "二、主要任务",
    ]


# Word automatic numbering (自动编号): python-docx has no API for numbering definitions, so the
# tests write w:abstractNum / w:num into the template's numbering part themselves.

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def _add_list(document, abstract_id: int, levels: str, nums: dict[int, str]) -> None:
    """An abstract numbering with `levels`, and w:num instances {numId: lvlOverride xml}."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    numbering = document.part.numbering_part.element
    abstract = f'<w:abstractNum {W_NS} w:abstractNumId="{abstract_id}">{levels}</w:abstractNum>'
    numbering.find(qn("w:num")).addprevious(parse_xml(abstract))  # abstractNums come first
    for num_id, overrides in nums.items():
        numbering.append(
            parse_xml(
                f'<w:num {W_NS} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
                f"{overrides}</w:num>"
            )
        )


def _start_override(ilvl: int, value: int) -> str:
    return f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{value}"/></w:lvlOverride>'


def _numbered(target, text: str, num_id: int, ilvl: int | None = 0, style: str | None = None):
    """A paragraph of `target` (document or cell) with its own w:numPr."""
    paragraph = target.add_paragraph(text, style=style)
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    if ilvl is not None:
        num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = num_id
    return paragraph


def _lines(document, path: Path) -> list[str]:
    document.save(str(path))
    return read_text(path).split("\n")


def test_docx_list_number_style_counts_on_across_plain_paragraphs(tmp_path: Path) -> None:
    import docx

    document = docx.Document()  # the template's "List Number" style: numId 5, decimal "%1."
    document.add_paragraph("(一)规范行政执法")
    document.add_paragraph("推行执法全过程记录", style="List Number")
    document.add_paragraph("加强执法人员培训", style="List Number")
    document.add_paragraph("牵头单位:县司法局")
    _numbered(document, "不编号的段落", num_id=0, style="List Number")  # numId 0: no number
    document.add_paragraph("落实出庭应诉制度", style="List Number")
    document.add_paragraph("要点一", style="List Bullet")  # a bullet is not a number
    assert _lines(document, tmp_path / "list.docx") == [
        "(一)规范行政执法",
        "1.推行执法全过程记录",
        "2.加强执法人员培训",
        "牵头单位:县司法局",
        "不编号的段落",
        "3.落实出庭应诉制度",
        "要点一",
    ]


def test_docx_two_level_list_restarts_the_inner_level(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    levels = (
        _lvl(0, "chineseCounting", "（%1）")
        + _lvl(1, "decimal", "%2.")
        + _lvl(2, "decimal", "%2.%3", extra='<w:suff w:val="space"/>')
    )
    _add_list(document, 20, levels, {21: ""})
    _numbered(document, "规范行政执法", 21, 0)
    _numbered(document, "推行执法记录", 21, 1)
    _numbered(document, "落实审核制度", 21, 2)
    _numbered(document, "细化审核目录", 21, 2)
    _numbered(document, "加强执法培训", 21, 1)
    _numbered(document, "提升复议应诉水平", 21, 0)
    _numbered(document, "落实出庭应诉", 21, 1)
    _numbered(document, "", 21, 2)  # an empty numbered paragraph still shows its number
    assert _lines(document, tmp_path / "levels.docx") == [
        "（一）规范行政执法",
        "1.推行执法记录",
        "1.1 落实审核制度",
        "1.2 细化审核目录",
        "2.加强执法培训",
        "（二）提升复议应诉水平",
        "1.落实出庭应诉",
        "1.1",
    ]


def test_docx_numbering_from_a_paragraph_style_and_its_base(tmp_path: Path) -> None:
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    _add_list(document, 40, _lvl(0, "chineseCounting", "%1、"), {41: ""})
    base = document.styles.add_style("PartHeading", WD_STYLE_TYPE.PARAGRAPH)
    base.element.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = 41
    derived = document.styles.add_style("PartHeadingBold", WD_STYLE_TYPE.PARAGRAPH)
    derived.base_style = base
    document.add_paragraph("总体要求", style="PartHeading")
    document.add_paragraph("正文段落")
    document.add_paragraph("主要任务", style="PartHeadingBold")
    _numbered(document, "附则", num_id=0, style="PartHeading")
    document.add_paragraph("保障措施", style="PartHeading")
    assert _lines(document, tmp_path / "styles.docx") == [
        "一、总体要求",
        "正文段落",
        "二、主要任务",
        "附则",
        "三、保障措施",
    ]


def test_docx_start_override_restarts_a_shared_abstract_count(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    nums = {31: "", 32: _start_override(0, 1), 33: _start_override(0, 5), 34: ""}
    _add_list(document, 30, _lvl(0, "decimal", "%1."), nums)
    uses = [("甲", 31), ("乙", 31), ("丙", 32), ("丁", 32), ("戊", 31), ("己", 33), ("庚", 34)]
    for text, num_id in uses:
        _numbered(document, text, num_id)
    # numIds over one abstract share its count (as Word does); an override restarts it once
    assert _lines(document, tmp_path / "override.docx") == [
        "1.甲",
        "2.乙",
        "1.丙",
        "2.丁",
        "3.戊",
        "5.己",
        "6.庚",
    ]


def test_docx_article_numbers_and_numbering_in_table_cells(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    article = _lvl(0, "chineseCounting", "第%1条")
    _add_list(document, 50, article, {51: ""})
    _add_list(document, 60, _lvl(0, "decimalEnclosedCircle", "%1"), {61: ""})
    _numbered(document, "为规范行政执法,制定本办法。", 51)
    table = document.add_table(rows=2, cols=2)
    _numbered(table.cell(0, 0), "推进A", 61)
    table.cell(0, 0).merge(table.cell(1, 0))  # vertical merge: numbered once, repeated
    table.cell(0, 1).text = "司法局"
    table.cell(1, 1).text = "财政局"
    _numbered(document, "本办法自印发之日起施行。", 51)
    _numbered(document, "推进B", 61)
    lines = _lines(document, tmp_path / "table.docx")
    assert lines == [
        "第一条 为规范行政执法,制定本办法。",
        "① 推进A\t司法局",
        "① 推进A\t财政局",
        "第二条 本办法自印发之日起施行。",
        "② 推进B",
    ]


def test_docx_without_numbering_part_reads_plain_text(tmp_path: Path) -> None:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    document = docx.Document()
    document.add_paragraph("推行执法记录", style="List Number")
    rel_id = next(k for k, r in document.part.rels.items() if r.reltype == RT.NUMBERING)
    document.part.drop_rel(rel_id)
    assert _lines(document, tmp_path / "plain.docx") == ["推行执法记录"]


@pytest.mark.parametrize(
    ("n", "fmt", "expected"),
    [
        (10, "chineseCounting", "十"),
        (11, "chineseCounting", "十一"),
        (20, "chineseCountingThousand", "二十"),
        (21, "japaneseCounting", "二十一"),
        (101, "chineseCountingThousand", "一百零一"),
        (110, "chineseCounting", "一百一十"),
        (1010, "chineseCountingThousand", "一千零一十"),
        (12, "chineseLegalSimplified", "壹拾贰"),
        (3, "ideographTraditional", "丙"),
        (2, "decimalEnclosedCircle", "②"),
        (21, "decimalEnclosedCircle", "21"),
        (3, "decimalEnclosedParen", "(3)"),
        (2, "ideographEnclosedCircle", "(二)"),
        (27, "upperLetter", "AA"),
        (2, "lowerLetter", "b"),
        (14, "upperRoman", "XIV"),
        (4, "lowerRoman", "iv"),
        (7, "decimalZero", "07"),
        (12, "decimalZero", "12"),
        (102, "ideographDigital", "一〇二"),
        (3, "bullet", ""),
        (3, "none", ""),
        (3, "someFutureFormat", "3"),
    ],
)
def test_number_formats(n: int, fmt: str, expected: str) -> None:
    assert format_number(n, fmt) == expected


def test_broken_docx_is_a_read_error() -> None:
    with pytest.raises(ReadError, match="无法读取 Word 文件"):
        read_text_bytes("x.docx", b"not a zip")


# --- PDF --------------------------------------------------------------------------------------


def _pdf(path: Path, pages: list[list[str]]) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    for lines in pages:
        c.setFont("STSong-Light", 12)
        for i, line in enumerate(lines):
            c.drawString(72, 750 - 20 * i, line)
        c.rect(100, 100, 200, 200)
        c.showPage()
    c.save()


def test_pdf_chinese_text_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    _pdf(
        path,
        [
            ["一、总体要求（牵头单位：司法局）", "完成时限：2023年12月底前，达到100%。"],
            ["第二页 行政执法"],
        ],
    )
    assert read_text(path) == (
        "一、总体要求（牵头单位：司法局）\n完成时限：2023年12月底前，达到100%。\n第二页 行政执法"
    )


@pytest.mark.parametrize(
    "pages", [[[]], [["12"], ["13"]]], ids=["drawing-only", "page-numbers-only"]
)
def test_pdf_without_text_layer_is_a_read_error(tmp_path: Path, pages: list[list[str]]) -> None:
    path = tmp_path / "scan.pdf"
    _pdf(path, pages)
    with pytest.raises(ReadError) as info:
        read_text(path)
    assert str(info.value) == (
        "scan.pdf 没有可提取的文字层(可能是扫描件),请提供文字版 PDF、Word 或 TXT 文件。"
    )


def test_broken_pdf_is_a_read_error() -> None:
    with pytest.raises(ReadError, match="无法读取 PDF 文件"):
        read_text_bytes("x.pdf", b"%PDF-1.4 garbage")


# --- Excel and CSV ----------------------------------------------------------------------------


def _xlsx(path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    empty = workbook.active
    empty.title = "说明"
    sheet = workbook.create_sheet("分解表")
    sheet["B2"] = "2023年任务分解表"
    sheet.merge_cells("B2:E2")  # across
    sheet.append([None, "任务分类", "具体措施", "完成时限", "目标值"])
    sheet.append([None, "依法行政", "推进简政放权", dt.date(2023, 12, 31), 12.0])
    sheet.append([None, None, "优化营商环境", dt.datetime(2023, 6, 30, 0, 0), 0.85])
    sheet.merge_cells("B4:B5")  # down
    sheet.append([None, "合计", None, "  长期坚持 ", 3])
    sheet.merge_cells("B6:C7")  # down and across, beyond the last written row
    workbook.save(str(path))


XLSX_ROWS = [
    ["2023年任务分解表", "2023年任务分解表", "2023年任务分解表", "2023年任务分解表"],
    ["任务分类", "具体措施", "完成时限", "目标值"],
    ["依法行政", "推进简政放权", "2023-12-31", "12"],
    ["依法行政", "优化营商环境", "2023-06-30", "0.85"],
    ["合计", "合计", "长期坚持", "3"],
    ["合计", "合计", "", ""],
]


def test_xlsx_merged_ranges_filled_down_and_across(tmp_path: Path) -> None:
    path = tmp_path / "table.xlsx"
    _xlsx(path)
    assert read_table(path) == XLSX_ROWS
    assert read_table_bytes("table.xlsx", path.read_bytes()) == XLSX_ROWS


def test_xlsx_all_sheets_with_names(tmp_path: Path) -> None:
    path = tmp_path / "table.xlsx"
    _xlsx(path)
    assert read_table_sheets(path) == [("说明", []), ("分解表", XLSX_ROWS)]


def test_xls_merged_cells(tmp_path: Path) -> None:
    import xlwt

    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("进度")
    sheet.write_merge(0, 0, 0, 2, "季度进度")
    sheet.write(1, 0, "任务")
    sheet.write(1, 1, "完成率")
    sheet.write(1, 2, "日期")
    sheet.write_merge(2, 3, 0, 0, "行政执法")
    sheet.write(2, 1, 100.0)
    sheet.write(3, 1, 95.5)
    sheet.write(2, 2, dt.date(2024, 3, 31), xlwt.easyxf(num_format_str="YYYY-MM-DD"))
    path = tmp_path / "progress.xls"
    workbook.save(str(path))
    assert read_table(path) == [
        ["季度进度", "季度进度", "季度进度"],
        ["任务", "完成率", "日期"],
        ["行政执法", "100", "2024-03-31"],
        ["行政执法", "95.5", ""],
    ]


def test_csv_gbk_with_title_row(tmp_path: Path) -> None:
    text = '2023年法治政府建设任务分解表\r\n序号,任务,牵头单位\r\n1,"推进简政放权, 优化服务",司法局\r\n2, 行政执法 ,各镇街\r\n'
    path = tmp_path / "tasks.csv"
    path.write_bytes(text.encode("gbk"))
    assert read_table(path) == [
        ["2023年法治政府建设任务分解表", "", ""],
        ["序号", "任务", "牵头单位"],
        ["1", "推进简政放权, 优化服务", "司法局"],
        ["2", "行政执法", "各镇街"],
    ]
    assert read_table_sheets(path)[0][0] == "tasks"


@pytest.mark.parametrize("delimiter", ["\t", ";"])
def test_csv_delimiter_is_sniffed(delimiter: str) -> None:
    data = (
        delimiter.join(["任务", "单位, 配合单位"])
        + "\n"
        + delimiter.join(["执法", "司法局"])
        + "\n"
    )
    assert read_table_bytes("t.csv", data.encode("utf-8")) == [
        ["任务", "单位, 配合单位"],
        ["执法", "司法局"],
    ]


def test_table_file_read_as_text_gives_tab_rows(tmp_path: Path) -> None:
    data = "任务,单位\n执法,司法局\n".encode()
    assert read_text_bytes("t.csv", data) == "任务\t单位\n执法\t司法局"


def test_table_errors() -> None:
    with pytest.raises(ReadError, match="不是表格文件"):
        read_table_bytes("plan.txt", b"abc")
    with pytest.raises(ReadError, match="没有数据"):
        read_table_bytes("empty.csv", b"\n,,\n")
    with pytest.raises(ReadError, match="无法读取 Excel 文件"):
        read_table_bytes("x.xlsx", b"not a workbook")


def test_html_nested_thousands_deep_is_refused_in_chinese() -> None:
    with pytest.raises(ReadError, match="嵌套过深"):
        read_text_bytes("deep.html", ("<div>" * 100_000 + "一、总体要求").encode())


def test_a_saved_article_without_its_title_line_takes_the_pages_title():
    from loaders.files.readers import html_text

    page = (
        "<html><head><title>关于推进依法行政工作的实施意见_某市人民政府门户网站</title></head>"
        "<body><p>为深入推进依法行政，提出以下意见。</p><p>一、总体要求</p></body></html>"
    )
    assert html_text(page).split("\n") == [
        "关于推进依法行政工作的实施意见",
        "为深入推进依法行政，提出以下意见。",
        "一、总体要求",
    ]
    # the title already heads the body: not repeated; a site name alone is no title
    shown = page.replace("<body>", "<body><h1>关于推进依法行政工作的实施意见</h1>")
    assert html_text(shown).split("\n")[:2] == [
        "关于推进依法行政工作的实施意见",
        "为深入推进依法行政，提出以下意见。",
    ]
    site = page.replace("关于推进依法行政工作的实施意见_", "")
    assert html_text(site).split("\n")[0] == "为深入推进依法行政，提出以下意见。"
    english = page.replace("关于推进依法行政工作的实施意见_某市人民政府门户网站", "index.html")
    assert html_text(english).split("\n")[0] == "为深入推进依法行政，提出以下意见。"


# --- saved government pages (tests/seed_variants.py html_trs / html_gov / html_table / html_word)


def _page_lines(body: str) -> list[str]:
    from loaders.files.readers import html_text

    return html_text(f"<html><body>{body}</body></html>").split("\n")


def test_html_source_line_break_beside_chinese_is_no_space() -> None:
    # Word's "save as web page" wraps the source at 76 columns, mid-word in Chinese
    body = "<p><span>各级政府要落\r\n实责任</span><span lang=EN-US>1</span>\r\n<span>次</span></p>"
    assert _page_lines(body) == ["各级政府要落实责任1次"]
    # between Latin words, and for a plain space, a space stays
    assert _page_lines("<p>ICP\r\nbeian 各级 政府</p>") == ["ICP beian 各级 政府"]


def test_html_list_of_links_is_dropped_but_a_link_in_prose_is_kept() -> None:
    body = (
        "<table><tr><td><a href='1'>机构概况</a></td></tr><tr><td><a href='2'>规划计划</a>"
        "</td></tr></table>"
        "<p>一、工作任务</p><p>按照<a href='3'>《实施方案》</a>要求推进。</p>"
        "<div><h3>相关稿件</h3><ul><li><a href='4'>关于印发2022年工作要点的通知</a></li>"
        "<li><a href='5'>关于开展督察的通知</a></li></ul></div>"
        "<p>附件：<a href='a.doc'>1.任务分工方案.doc</a><br><a href='b.pdf'>2.工作要点.pdf</a></p>"
    )
    assert _page_lines(body) == ["一、工作任务", "按照《实施方案》要求推进。"]


def test_html_previous_and_next_links_are_dropped() -> None:
    body = (
        "<p>1.推进严格执法。</p>"
        "<p>上一篇：<a href='1'>关于印发《2022年法治政府建设工作要点》的通知</a></p>"
        "<p>下一条：没有了</p>"
    )
    assert _page_lines(body) == ["1.推进严格执法。"]


def test_html_layout_table_with_a_row_of_short_fields_keeps_the_article_as_lines() -> None:
    article = "<br>".join(f"{k}.推进第{k}项工作，按期完成各项任务。" * 3 for k in range(1, 5))
    body = (
        "<table><tr><td colspan=3>某县2023年法治政府建设工作要点</td></tr>"
        "<tr><td>2023-05-12</td><td>来源：司法局</td><td>点击数：12</td></tr>"
        f"<tr><td colspan=3>{article}</td></tr></table>"
    )
    assert _page_lines(body) == [
        "某县2023年法治政府建设工作要点",
        "2023-05-12",
        "来源：司法局",
        "点击数：12",
        *(f"{k}.推进第{k}项工作，按期完成各项任务。" * 3 for k in range(1, 5)),
    ]


def test_html_spaced_out_metadata_key_is_closed_up() -> None:
    body = (
        "<ul><li><span>索&ensp;引&ensp;号：</span><span>0001/2023-01</span></li>"
        "<li><span>标　　题：</span><span>关于印发工作要点的通知</span></li>"
        "<li>主 要 内 容：不是键</li></ul>"
    )
    assert _page_lines(body) == [
        "索引号：0001/2023-01",
        "标题：关于印发工作要点的通知",
        "主 要 内 容：不是键",
    ]


def test_html_lines_broken_at_the_printed_width_are_joined_and_indents_open_paragraphs() -> None:
    lines = [
        "为深入推进依法行政加快建设法治政府结合本县实际制定",  # 24 em: the printed width
        "本要点。各部门要认真贯彻落实，确保各项任务按期完成",
        "到位。",
        "区规划资源局、区建设管理委、区发展改革委、区国资委",  # a cell: full width by chance
        "二、重点任务",
        "区规划资源局、区建设管理委、区发展改革委、区国资委",
        "行动二：重塑美丽新居行动",  # indented: a paragraph of its own
    ]
    nbsp = "&nbsp;&nbsp;&nbsp;&nbsp;"
    body = (
        "<div>"
        + "".join(
            (nbsp if k in (0, 3, 5, 6) else "") + line + "<br>\r\n" for k, line in enumerate(lines)
        )
        + "</div>"
    )
    assert _page_lines(body) == [
        "为深入推进依法行政加快建设法治政府结合本县实际制定本要点。各部门要认真贯彻落实，"
        "确保各项任务按期完成到位。",
        "区规划资源局、区建设管理委、区发展改革委、区国资委",
        "二、重点任务",
        "区规划资源局、区建设管理委、区发展改革委、区国资委",
        "行动二：重塑美丽新居行动",
    ]


def test_html_valid_utf8_wins_over_a_stale_gb2312_declaration() -> None:
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    page += "</head><body><p>牵头单位：司法局</p></body></html>"
    assert read_text_bytes("saved.html", page.encode("utf-8")) == "牵头单位：司法局"
    assert read_text_bytes("gbk.html", page.encode("gbk")) == "牵头单位：司法局"


# --- PDF line ends and page numbers read by position --------------------------------------------


def test_a_bare_row_number_after_a_full_line_stands_on_its_own() -> None:
    """A table pasted one cell per paragraph and printed: a cell ending at the right edge, then the
    next row's 序号 "7" on its own line. The number is no page number (positions told that) and
    opens its own line; the cell after it is not glued to the one before."""
    from loaders.files.readers import unwrap_lines

    full = "新建新线新站,在规划设计阶段预留大型客站站房屋顶安装光伏发电所需的基础条件"
    lines = [full, "7", "鼓励推广光伏发电为站场提供综合能源解决方案", "8", full, "9"]
    reach = [True, False, False, False, True, False]
    assert unwrap_lines(lines * 2, reach=reach * 2) == lines * 2


def _page(texts: list[str], page: int) -> list[list]:
    from loaders.files.pdf_layout import Piece

    # one piece a line, 11 pt, left-aligned, top to bottom
    return [
        [Piece(90.0, 90.0 + 11.0 * len(text), 800.0 - 20.0 * k, 11.0, text, page)]
        for k, text in enumerate(texts)
    ]


def test_row_numbers_at_the_foot_of_two_pages_in_step_are_no_page_numbers() -> None:
    """A bare number at a page's edge is a page number only when, like the pages' count, it stands
    so on at least half of the pages: a table's row numbers that happen to fall at the foot of two
    of eight pages, one apart as the pages are, stay text."""
    from loaders.files.pdf_layout import layout_text

    body = ["推进走马塘片区规划研究", "区规划资源局、区建设管理委"]
    pages = [_page([*body, *(["5"] if n == 2 else ["7"] if n == 4 else [])], n) for n in range(8)]
    lines = layout_text(pages, lambda text: text.isdigit()).split("\n")
    assert lines.count("5") == 1 and lines.count("7") == 1
    # numbered in step on every page, they are the pages' numbers and go
    numbered = [_page([*body, str(n + 1)], n) for n in range(8)]
    assert layout_text(numbered, lambda text: text.isdigit()).split("\n") == body * 8


def test_a_page_saved_as_one_file_mht_is_read_in_its_declared_charset() -> None:
    import email.charset
    import email.mime.multipart
    import email.mime.text

    page = (
        "<html><body><p>某县2024年依法行政工作要点</p><p>一、加强制度建设</p>"
        "<p>1.健全备案审查制度。（牵头单位：县司法局）</p></body></html>"
    )
    archive = email.mime.multipart.MIMEMultipart("related")
    archive["From"] = "<Saved by Blink>"
    gbk = email.charset.Charset("gbk")
    gbk.body_encoding = email.charset.QP
    archive.attach(email.mime.text.MIMEText("body{color:red}", "css"))
    archive.attach(email.mime.text.MIMEText(page.encode("gbk"), "html", gbk))
    text = read_text_bytes("保存的网页.mht", archive.as_bytes())
    assert text.split("\n") == [
        "某县2024年依法行政工作要点",
        "一、加强制度建设",
        "1.健全备案审查制度。（牵头单位：县司法局）",
    ]
    # an archive without a page says so in Chinese
    empty = email.mime.multipart.MIMEMultipart("related")
    empty.attach(email.mime.text.MIMEText("body{}", "css"))
    with pytest.raises(ReadError, match="没有网页正文"):
        read_text_bytes("空.mhtml", empty.as_bytes())
    # a .shtml page is a web page
    assert read_text_bytes("a.shtml", "<p>一、总则</p>".encode()) == "一、总则"
