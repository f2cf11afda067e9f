"""The seed documents as reviewers re-save them: pure, deterministic functions from a seed's text
to the bytes of one variant and its file suffix (used by tests/test_seed_variants.py).

Variants of every text:
- ``crlf``: Windows line ends.
- ``gb18030``: the text encoded in GB18030.
- ``fullwidth``: digits, ASCII punctuation and ``%`` in their full-width forms, spaces as
  ideographic spaces (U+3000).
- ``parens``: half-width parentheses swapped for full-width ones and full-width ones for half-width.
- ``oneline``: no line breaks at all (a text copied out of a database field).
- ``docx``: one Word paragraph a line; items ``1.`` ``2.`` … as Word's automatic numbering (the
  number is no longer in the text); TAB rows as a real Word table, its blank cells under a filled
  one in the first two columns merged vertically, page-repeated header rows dropped.
- ``pdf``: a text-layer PDF (reportlab, A4): lines broken at the page width, a running header on
  every page and a page number ``- N -`` at its foot; TAB rows drawn cell by cell in columns.
- ``html``: a saved government web page in GBK without a charset declaration: navigation bar,
  breadcrumb, the body inside layout tables, a metadata table (索引号/发文机关/标题/发文字号/成文日期)
  above it, a share bar and a footer; TAB rows as an HTML table (rowspan for merged cells).

Variants of a document holding a breakdown table (a block of TAB rows under a header naming
具体措施 and 责任单位), the table alone with its title row and a two-row header:
``xlsx`` (merged cells), ``xls`` (merged cells) and ``csv`` (GBK, blank cells).
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import re
from collections.abc import Callable
from dataclasses import dataclass

TEXT_VARIANTS = ("crlf", "gb18030", "fullwidth", "parens", "oneline", "docx", "pdf", "html")
TABLE_VARIANTS = ("xlsx", "xls", "csv")


@dataclass(frozen=True)
class Variant:
    name: str
    suffix: str
    data: bytes


# --- plain text ------------------------------------------------------------------------------

_FULL_WIDTH = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F) if not chr(c).isalpha()}
_FULL_WIDTH[" "] = "\u3000"
_PAREN_SWAP = str.maketrans({"(": "（", ")": "）", "（": "(", "）": ")"})


def crlf(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode("utf-8")


def gb18030(text: str) -> bytes:
    return text.encode("gb18030")


def fullwidth(text: str) -> bytes:
    """Digits and punctuation full-width (TAB and line breaks kept)."""
    return "".join(_FULL_WIDTH.get(ch, ch) for ch in text).encode("utf-8")


def parens(text: str) -> bytes:
    return text.translate(_PAREN_SWAP).encode("utf-8")


def oneline(text: str) -> bytes:
    return text.replace("\r", "").replace("\n", "").encode("utf-8")


# --- blocks: paragraphs and TAB tables -------------------------------------------------------


def blocks(text: str) -> list[str | list[list[str]]]:
    """The text as paragraphs (str) and tables (rows of cells): consecutive TAB lines, with only
    blank lines between them, make one table; a row equal to the table's first row (a header
    repeated on each page) is dropped; rows are padded to the widest."""
    out: list[str | list[list[str]]] = []
    table: list[list[str]] | None = None
    for line in text.split("\n"):
        if "\t" in line:
            cells = [c.strip() for c in line.split("\t")]
            while cells and not cells[-1]:
                cells.pop()
            if table is None:
                table = [cells]
                out.append(table)
            elif cells != table[0]:
                table.append(cells)
        elif line.strip():
            table = None
            out.append(line.strip())
    for block in out:
        if isinstance(block, list):
            width = max(len(r) for r in block)
            for row in block:
                row.extend([""] * (width - len(row)))
    return out


def merged_spans(rows: list[list[str]], columns: int = 2) -> dict[tuple[int, int], int]:
    """(row, col) -> rows spanned, for the blank cells of the first `columns` columns that sit
    under a filled one (the merged 任务分类 / 主要任务 cells of a breakdown table). The header
    row (row 0) never spans."""
    spans: dict[tuple[int, int], int] = {}
    for c in range(min(columns, len(rows[0]))):
        r = 1
        while r < len(rows):
            if rows[r][c]:
                end = r + 1
                while end < len(rows) and not rows[end][c] and any(rows[end]):
                    end += 1
                if end - r > 1:
                    spans[(r, c)] = end - r
                r = end
            else:
                r += 1
    return spans


# --- metadata of a page ----------------------------------------------------------------------

_DOC_NUMBER_RE = re.compile(r"[\u4e00-\u9fff]{1,12}〔\d{4}〕\d{1,4}号")
_SIGNED_RE = re.compile(r"^\s*(\d{4})年(\d{1,2})月(\d{1,2})日\s*$", re.M)
_NOTICE_RE = re.compile(r"关于.{4,}(?:通知|报告|决定|意见)$")


def metadata(text: str) -> dict[str, str]:
    """标题, 发文机关, 发文字号, 成文日期 as a web page's metadata table shows them: the first
    notice or report title (with an issuer line just above it), the first 文号, the first
    signing date on a line of its own."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    title, issuer = "", ""
    for k, line in enumerate(lines):
        if len(line) <= 120 and _NOTICE_RE.search(line):
            title = line
            before = lines[k - 1] if k else ""
            if (
                line.startswith("关于")
                and len(before) <= 20
                and before.endswith(("政府", "办公室"))
            ):
                title = before + line
            issuer = title.split("关于")[0]
            break
    number = _DOC_NUMBER_RE.search(text)
    signed = _SIGNED_RE.search(text)
    date = "{}年{:02d}月{:02d}日".format(*map(int, signed.groups())) if signed else ""
    index = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8].upper()
    return {
        "索引号": f"11640000{index}/2020-00001",
        "发文机关": issuer,
        "标题": title,
        "发文字号": number.group(0) if number else "",
        "成文日期": date,
    }


# --- HTML ------------------------------------------------------------------------------------


def _html_table(rows: list[list[str]]) -> str:
    spans = merged_spans(rows)
    covered = {(r + k, c) for (r, c), n in spans.items() for k in range(1, n)}
    out = ['<table border="1" cellspacing="0" class="MsoNormalTable">']
    for r, row in enumerate(rows):
        cells = []
        for c, text in enumerate(row):
            if (r, c) in covered:
                continue
            span = f' rowspan="{spans[(r, c)]}"' if (r, c) in spans else ""
            cells.append(f"<td{span}><p>{html.escape(text)}</p></td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def html_page(text: str) -> bytes:
    """A saved page of a government site, GBK-encoded with no charset declared."""
    meta = metadata(text)
    body = []
    for block in blocks(text):
        if isinstance(block, list):
            body.append(_html_table(block))
        else:
            body.append(f'<p style="text-indent:2em">{html.escape(block)}</p>')
    meta_rows = (
        f"<tr><td>索 引 号：</td><td>{meta['索引号']}</td>"
        f"<td>发文机关：</td><td>{html.escape(meta['发文机关'])}</td></tr>"
        f'<tr><td>标　　题：</td><td colspan="3">{html.escape(meta["标题"])}</td></tr>'
        f"<tr><td>发文字号：</td><td>{meta['发文字号']}</td>"
        f"<td>成文日期：</td><td>{meta['成文日期']}</td></tr>"
    )
    page = f"""<html><head><title>{html.escape(meta["标题"] or "政府信息公开")}_人民政府门户网站</title>
<script type="text/javascript">var _hmt = _hmt || [];</script></head>
<body>
<div class="topnav"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/hdjl/">互动交流</a> | <a href="/bsfw/">办事服务</a></div>
<table width="1000" align="center" class="main-table"><tr><td>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府文件</div>
<table width="100%" class="xxgk-table">{meta_rows}</table>
<table width="100%" class="content-layout"><tr><td class="article-content">
<div id="zoom">
{chr(10).join(body)}
</div>
</td></tr></table>
<div class="fontsize">【字体：<a>大</a> <a>中</a> <a>小</a>】 <a>打印本页</a> <a>关闭窗口</a></div>
<div class="bdsharebuttonbox">分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a></div>
</td></tr></table>
<div class="footer">版权所有：人民政府办公室　网站标识码：6401000001　ICP备案号：宁ICP备05000001号</div>
<script>document.write("1.虚假条目(办公室牵头)");</script>
</body></html>"""
    return page.encode("gbk", errors="replace")


# --- Word ------------------------------------------------------------------------------------

_ITEM_RE = re.compile(r"^(\d{1,3})[.．]\s*(?=\S)")


def _numbering_ids(document) -> tuple[Callable[[int], int], int]:
    """A function making a new w:num (restarting at `start`) on List Number's abstract list."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    style = document.styles["List Number"]
    num_id = int(style.element.pPr.numPr.numId.val)
    numbering = document.part.numbering_part.element
    abstract_id = next(n.abstractNumId.val for n in numbering.num_lst if int(n.numId) == num_id)
    counter = [max(int(n.numId) for n in numbering.num_lst)]

    def new_num(start: int) -> int:
        counter[0] += 1
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(counter[0]))
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), str(abstract_id))
        num.append(ref)
        override = OxmlElement("w:lvlOverride")
        override.set(qn("w:ilvl"), "0")
        so = OxmlElement("w:startOverride")
        so.set(qn("w:val"), str(start))
        override.append(so)
        num.append(override)
        numbering.append(num)
        return counter[0]

    return new_num, num_id


def _set_num(paragraph, num_id: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", 0), ("w:numId", num_id)):
        el = OxmlElement(tag)
        el.set(qn("w:val"), str(value))
        num_pr.append(el)
    ppr.append(num_pr)


def docx_file(text: str) -> bytes:
    """Paragraphs, Word-numbered items and real tables (merged cells)."""
    import docx

    document = docx.Document()
    new_num, _ = _numbering_ids(document)
    current, last = 0, 0
    for block in blocks(text):
        if isinstance(block, list):
            _docx_table(document, block)
            last = 0
            continue
        m = _ITEM_RE.match(block)
        if not m:
            document.add_paragraph(block)
            continue
        n = int(m.group(1))
        if n == 1 or n != last + 1 or not current:  # a list that starts at 1 is a new list
            current = new_num(n)
        last = n
        paragraph = document.add_paragraph(block[m.end() :], style="List Number")
        _set_num(paragraph, current)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _docx_table(document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value:
                table.cell(r, c).text = value
    for (r, c), n in merged_spans(rows).items():
        table.cell(r, c).merge(table.cell(r + n - 1, c))


# --- PDF -------------------------------------------------------------------------------------

_FONT = "STSong-Light"
_SIZE = 11
_LEADING = 18
_TOP, _BOTTOM, _LEFT, _WIDTH = 800, 60, 56, 483


def _wrap(line: str, width: float, size: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    out, start, used = [], 0, 0.0
    for k, ch in enumerate(line):
        w = stringWidth(ch, _FONT, size)
        if used + w > width and k > start:
            out.append(line[start:k])
            start, used = k, 0.0
        used += w
    out.append(line[start:])
    return out


def pdf_file(text: str, header: str = "人民政府公报") -> bytes:
    """A4 pages of the text, broken at the page width, under a running header, numbered."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(_FONT))
    drawn: list[tuple[str, list[tuple[float, str]]]] = []  # (kind, [(x, text)])
    grid = max((len(r) for b in blocks(text) if isinstance(b, list) for r in b), default=0)
    for block in blocks(text):
        if isinstance(block, list):
            columns = grid  # one grid for all tables: a table continued over pages keeps it
            for row in block:
                drawn.extend(("row", cells) for cells in _row_lines(row, columns))
        else:
            drawn.extend(("line", [(_LEFT, part)]) for part in _wrap(block, _WIDTH, _SIZE))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, invariant=1)
    page, y = 1, None
    for _kind, pieces in drawn:
        if y is None or y < _BOTTOM:
            if y is not None:
                pdf.setFont(_FONT, 9)
                pdf.drawCentredString(297, 30, f"- {page} -")
                pdf.showPage()
                page += 1
            pdf.setFont(_FONT, 9)
            pdf.drawCentredString(297, 815, header)
            y = _TOP - 10
        pdf.setFont(_FONT, _SIZE)
        for x, part in pieces:
            pdf.drawString(x, y, part)
        y -= _LEADING
    pdf.setFont(_FONT, 9)
    pdf.drawCentredString(297, 30, f"- {page} -")
    pdf.showPage()
    pdf.save()
    return out.getvalue()


_COLUMN_SHARES = (0.14, 0.16, 0.42, 0.16, 0.12)


def _row_lines(row: list[str], columns: int) -> list[list[tuple[float, str]]]:
    """A table row drawn in the table's columns, each cell wrapped in its column: the lines of
    the row, each a list of (x, text) pieces."""
    shares = list(_COLUMN_SHARES[:columns])
    shares += [shares[-1]] * (columns - len(shares))
    total = sum(shares)
    widths = [_WIDTH * s / total for s in shares]
    xs = [_LEFT + sum(widths[:k]) for k in range(columns)]
    wrapped = [
        _wrap(cell, w - 6, _SIZE) if cell else [] for cell, w in zip(row, widths, strict=False)
    ]
    depth = max((len(w) for w in wrapped), default=0)
    return [[(xs[c], w[k]) for c, w in enumerate(wrapped) if k < len(w)] for k in range(depth)]


# --- tables ----------------------------------------------------------------------------------

_TABLE_HEADER_WORDS = ("具体措施", "责任单位")


def breakdown_table(text: str) -> tuple[str, list[list[str]]] | None:
    """(title, data rows) of the text's breakdown table: the TAB table whose header names
    具体措施 and 责任单位, titled by the nearest line above naming a 表; None without one."""
    items = blocks(text)
    for k, block in enumerate(items):
        if isinstance(block, list) and all(
            any(w in c for c in block[0]) for w in _TABLE_HEADER_WORDS
        ):
            title = next(
                (b for b in reversed(items[:k]) if isinstance(b, str) and b.endswith("表")), ""
            )
            return title.removeprefix("附件:").removeprefix("附件："), block
    return None


def _two_row_header(header: list[str]) -> tuple[list[str], list[str]]:
    """A group row above the header: 工作任务 over the columns before 责任单位, 责任落实 over the
    rest."""
    split = next((k for k, c in enumerate(header) if "责任" in c), len(header))
    top = ["工作任务"] + [""] * (split - 1) + ["责任落实"] + [""] * (len(header) - split - 1)
    return top[: len(header)], header


def xlsx_file(text: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    title, rows = breakdown_table(text)  # type: ignore[misc]
    width = len(rows[0])
    top, header = _two_row_header(rows[0])
    wb = Workbook()
    ws = wb.active
    ws.title = "任务分解表"
    ws.append([title] + [None] * (width - 1))
    ws.append([c or None for c in top])
    ws.append(header)
    for row in rows[1:]:
        ws.append([c or None for c in row])
    last = get_column_letter(width)
    ws.merge_cells(f"A1:{last}1")
    split = top.index("责任落实") if "责任落实" in top else width
    ws.merge_cells(f"A2:{get_column_letter(split)}2")
    if split < width:
        ws.merge_cells(f"{get_column_letter(split + 1)}2:{last}2")
    for (r, c), n in merged_spans(rows).items():
        col = get_column_letter(c + 1)
        ws.merge_cells(f"{col}{r + 3}:{col}{r + 2 + n}")
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def xls_file(text: str) -> bytes:
    import xlwt

    title, rows = breakdown_table(text)  # type: ignore[misc]
    width = len(rows[0])
    top, header = _two_row_header(rows[0])
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("任务分解表")
    ws.write_merge(0, 0, 0, width - 1, title)
    split = top.index("责任落实") if "责任落实" in top else width
    ws.write_merge(1, 1, 0, split - 1, top[0])
    if split < width:
        ws.write_merge(1, 1, split, width - 1, top[split])
    for c, value in enumerate(header):
        ws.write(2, c, value)
    spans = merged_spans(rows)
    covered = {(r + k, c) for (r, c), n in spans.items() for k in range(1, n)}
    for r, row in enumerate(rows[1:], start=1):
        for c, value in enumerate(row):
            if (r, c) in spans:
                ws.write_merge(r + 2, r + 1 + spans[(r, c)], c, c, value)
            elif (r, c) not in covered and value:
                ws.write(r + 2, c, value)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def csv_file(text: str) -> bytes:
    title, rows = breakdown_table(text)  # type: ignore[misc]
    top, header = _two_row_header(rows[0])
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([title] + [""] * (len(header) - 1))
    writer.writerows([top, header, *rows[1:]])
    return out.getvalue().encode("gbk", errors="replace")


# --- all of them -----------------------------------------------------------------------------

BUILDERS: dict[str, tuple[str, Callable[[str], bytes]]] = {
    "crlf": (".txt", crlf),
    "gb18030": (".txt", gb18030),
    "fullwidth": (".txt", fullwidth),
    "parens": (".txt", parens),
    "oneline": (".txt", oneline),
    "docx": (".docx", docx_file),
    "pdf": (".pdf", pdf_file),
    "html": (".html", html_page),
    "xlsx": (".xlsx", xlsx_file),
    "xls": (".xls", xls_file),
    "csv": (".csv", csv_file),
}


def variants(text: str) -> list[Variant]:
    """Every variant that applies to a seed's text: the text variants always, the table variants
    when the text holds a breakdown table."""
    names = list(TEXT_VARIANTS) + (list(TABLE_VARIANTS) if breakdown_table(text) else [])
    return [Variant(n, BUILDERS[n][0], BUILDERS[n][1](text)) for n in names]


def variant(text: str, name: str) -> Variant:
    suffix, build = BUILDERS[name]
    return Variant(name, suffix, build(text))
