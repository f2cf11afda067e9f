"""The seed documents as reviewers re-save them: pure, deterministic functions from a seed's text
to the bytes of one variant and its file suffix (used by tests/test_seed_variants.py).

Variants of every text:
- ``crlf``: Windows line ends.
- ``gb18030``: the text encoded in GB18030.
- ``fullwidth``: digits, ASCII punctuation and ``%`` in their full-width forms, spaces as
  ideographic spaces (U+3000).
- ``parens``: half-width parentheses swapped for full-width ones and full-width ones for half-width.
- ``oneline``: no line breaks at all (a text copied out of a database field).
- ``spaced``: one line whose paragraphs are parted by a space (a web page copied as one line).
- ``docx``: one Word paragraph a line; items ``1.`` ``2.`` … as Word's automatic numbering (the
  number is no longer in the text); TAB rows as a real Word table, its blank cells under a filled
  one in the first two columns merged vertically, page-repeated header rows dropped.
- ``pdf``: a text-layer PDF (reportlab, A4): lines broken at the page width, a running header on
  every page and a page number ``- N -`` at its foot; TAB rows drawn cell by cell in columns.
- ``html``: a saved government web page in GBK without a charset declaration: navigation bar,
  breadcrumb, the body inside layout tables, a metadata table (索引号/发文机关/标题/发文字号/成文日期)
  above it, a share bar and a footer; TAB rows as an HTML table (rowspan for merged cells).
- ``html_trs``: a TRS WCM page as a browser saved it (UTF-8 under a stale gb2312 meta, CRLF):
  Word-pasted MsoNormal paragraphs split into <font>/<span> fragments, entities, template
  comments, an attachment list of .doc/.pdf links, previous/next links, a share bar.
- ``html_gov``: a gov.cn-style page (UTF-8 with BOM): 政府信息公开 metadata as <li> items with
  spaced-out keys (索 引 号：), <h1> title, &emsp; indents, <strong> headings, <th> headers, a
  相关稿件 list of notice titles, 【我要纠错】.
- ``html_table``: an older county site (gb2312, CRLF, no classes): nested layout tables, a menu
  column of links, a row of short fields (发布时间 | 来源 | 点击数) above the article cell, the
  article as <br> lines pasted from the printed PDF (broken mid-sentence at 36 em, paragraphs
  indented with &nbsp;), 上一条/下一条 links.
- ``html_word``: a Word "save as web page" document (gb2312): Office namespaces, conditional
  comments, list paragraphs with the number in a mso-list:Ignore span, source wrapped at 76
  columns (a line break between two Chinese characters), MsoTableGrid tables.
  In all four, TAB rows are real <table> markup with rowspan for merged cells.

Variants of a document holding a breakdown table (a block of TAB rows under a header naming
具体措施 and 责任单位), the table alone with its title row and a two-row header:
``xlsx`` (merged cells), ``xls`` (merged cells) and ``csv`` (GBK, blank cells).
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

TEXT_VARIANTS = (
    "crlf",
    "gb18030",
    "fullwidth",
    "parens",
    "oneline",
    "spaced",
    "docx",
    "pdf",
    "html",
    "html_trs",
    "html_gov",
    "html_table",
    "html_word",
)
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


def spaced(text: str) -> bytes:
    lines = (line.strip(" ") for line in text.replace("\r", "").split("\n"))
    return " ".join(line for line in lines if line).encode("utf-8")


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
    # a line of the text's own metadata ("标题: 关于…的意见") shows its value only
    lines = [
        re.sub(r"^[\u4e00-\u9fff]{2,4}\s*[:：]\s*(?=关于|.{0,30}关于)", "", ln) for ln in lines
    ]
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
    return _table_markup(
        rows,
        '<table border="1" cellspacing="0" class="MsoNormalTable">',
        lambda text: f"<p>{html.escape(text)}</p>",
    )


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


# --- more saved pages ------------------------------------------------------------------------
# Real government pages differ from the one above in how they mark paragraphs (<p>, <br> in a
# layout cell, Word's MsoNormal), how they split a sentence (<span>/<font> fragments), what they
# wrap around the article (related articles, previous/next links, attachment lists) and how they
# are encoded. Each function below models one family of pages.

_ENTITIES = {
    "“": "&ldquo;",
    "”": "&rdquo;",
    "‘": "&lsquo;",
    "’": "&rsquo;",
    "—": "&mdash;",
    "…": "&hellip;",
    "\u3000": "&#12288;",
    "·": "&middot;",
}
_WIDE_RE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_ASCII_RUN_RE = re.compile(r"[0-9A-Za-z%.]+")


_KIND_END_RE = re.compile(r"(?:方案|要点|报告|计划|意见|通知|清单|分解表|决定|办法)$")


def _title(text: str) -> str:
    """The page's title: the notice's title, else the first short line naming a kind of
    document (…方案, …要点, …报告), else "政府信息公开"."""
    lines = [ln.strip() for ln in text.split("\n")[:60]]
    named = (
        ln
        for ln in lines
        if len(ln) <= 60 and _KIND_END_RE.search(ln) and not re.search(r"[|:：,，。]", ln)
    )
    return metadata(text)["标题"] or next(named, "政府信息公开")


def _entities(text: str) -> str:
    """Escaped text with typographic marks as named or numeric entities (as CMS editors save)."""
    return "".join(_ENTITIES.get(ch, ch) for ch in html.escape(text, quote=False))


def _fragments(text: str, wide: str, narrow: str) -> str:
    """The text cut into runs the way Word and CMS editors leave it: each run of Latin letters
    and digits in its own element (`narrow` around it), the Chinese runs in `wide`; a long
    Chinese run is cut again at its first comma, so a sentence is split mid-way."""
    out, last = [], 0
    for m in _ASCII_RUN_RE.finditer(text):
        if m.start() > last:
            out.append(wide.format(_entities(text[last : m.start()])))
        out.append(narrow.format(_entities(m.group(0))))
        last = m.end()
    if last < len(text):
        out.append(wide.format(_entities(text[last:])))
    if len(out) == 1 and "，" in text:  # one Chinese run: split it after its first comma
        k = text.index("，") + 1
        out = [wide.format(_entities(text[:k])), wide.format(_entities(text[k:]))]
    return "".join(out)


def _table_markup(
    rows: list[list[str]],
    open_tag: str,
    cell: Callable[[str], str],
    header_tag: str = "td",
    cell_attrs: str = "",
) -> str:
    """A TAB table as <table> markup: the blank cells under a filled one in the first two
    columns merged into it (rowspan), every cell's text through `cell`, the first row's cells
    as `header_tag`."""
    spans = merged_spans(rows)
    covered = {(r + k, c) for (r, c), n in spans.items() for k in range(1, n)}
    out = [open_tag]
    for r, row in enumerate(rows):
        tag = header_tag if r == 0 else "td"
        cells = []
        for c, text in enumerate(row):
            if (r, c) in covered:
                continue
            span = f' rowspan="{spans[(r, c)]}"' if (r, c) in spans else ""
            cells.append(f"<{tag}{cell_attrs}{span}>{cell(text)}</{tag}>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def html_trs(text: str) -> bytes:
    """A page of a TRS WCM site (many provincial and city portals) as a browser saved it: a
    "saved from url" comment, the text re-encoded as UTF-8 while its http-equiv meta still
    declares GB2312, Windows line ends, the article in `div.TRS_Editor` with its own <style>,
    paragraphs pasted from Word (MsoNormal, <font> and <span lang=EN-US> fragments splitting each
    sentence, <o:p>), quotes and dashes as entities, HTML comments of the template, an attachment
    list of .doc/.pdf links, previous/next links and a jiathis share bar."""
    meta = metadata(text)
    title = _title(text)
    body = []
    for block in blocks(text):
        if isinstance(block, list):
            body.append(
                _table_markup(
                    block,
                    '<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0"'
                    ' style="border-collapse:collapse;border:none">',
                    lambda t: (
                        '<p class="MsoNormal" align="center" style="text-align:center">'
                        + (
                            _fragments(
                                t,
                                '<span style="font-family:仿宋_GB2312">{}</span>',
                                '<span lang="EN-US">{}</span>',
                            )
                            if t
                            else "<o:p>&nbsp;</o:p>"
                        )
                        + "</p>"
                    ),
                    cell_attrs=' valign="center" style="border:solid windowtext 1.0pt"',
                )
            )
        else:
            body.append(
                '<p class="MsoNormal" style="text-indent:32.0pt;line-height:28.0pt">'
                '<font face="仿宋_GB2312" size="4">'
                + _fragments(
                    block,
                    '<span style="font-size:16.0pt">{}</span>',
                    '<span lang="EN-US" style="font-family:\'Times New Roman\'">{}</span>',
                )
                + '<span lang="EN-US"><o:p></o:p></span></font></p>'
            )
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<!-- saved from url=(0061)http://www.example.gov.cn/zwgk/tzgg/202305/t20230512_123.html -->
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<meta name="ArticleTitle" content="{html.escape(title)}">
<meta name="ContentSource" content="司法局">
<title>{html.escape(title)}</title>
<link href="../../images/style.css" rel="stylesheet" type="text/css" />
<style type="text/css">.list_top{{height:30px}} .fj a{{color:#00c}}</style>
<script language="javascript" src="../../js/jquery.js"></script>
</head>
<body>
<!--头部开始-->
<div class="top"><div class="logo"><img src="../../images/logo.png" alt="人民政府" /></div>
<ul class="menu"><li><a href="../../">首页</a></li><li><a href="../../zwgk/">政务公开</a></li><li><a href="../../zmhd/">政民互动</a></li></ul></div>
<!--头部结束-->
<div class="location">您当前的位置：<a href="../../">首页</a>&nbsp;&gt;&nbsp;<a href="../">通知公告</a></div>
<div class="main">
<div class="con_title">{_entities(title)}</div>
<div class="con_time">发布时间：{meta["成文日期"]}&nbsp;&nbsp;来源：司法局&nbsp;&nbsp;浏览次数：<script>document.write(_count)</script></div>
<!--<$[信息内容]>begin-->
<div class="TRS_Editor"><style type="text/css">
.TRS_Editor P{{margin-top:5px;margin-bottom:5px;line-height:2;font-family:宋体;font-size:12pt;}}
.TRS_Editor TD{{font-family:宋体;font-size:12pt;}}
</style>
<div class="Custom_UnionStyle">
{chr(10).join(body)}
</div></div>
<!--<$[信息内容]>end-->
<div class="fj">附件：<a href="./P020230512397541234567.doc" oldsrc="W020230512397541234567.doc">1.任务分工方案.doc</a><br />
<a href="./P020230512397541234568.pdf">2.工作要点.pdf</a></div>
<div class="con_page">
<p>上一篇：<a href="./t20230511_123.html">关于印发《2022年法治政府建设工作要点》的通知</a></p>
<p>下一篇：<a href="./t20230513_124.html">1.关于做好2023年普法依法治理工作的通知</a></p>
</div>
<div class="jiathis_style"><span class="jiathis_txt">分享到：</span><a class="jiathis_button_weixin">微信</a><a class="jiathis_button_tsina">微博</a></div>
<div class="dayin"><a href="javascript:window.print()">【打印】</a> <a href="javascript:window.close()">【关闭】</a></div>
</div>
<!--底部开始-->
<div class="bottom">主办：人民政府办公室&nbsp;&nbsp;承办：大数据中心<br />备案号：ICP备05000001号-1&nbsp;&nbsp;<script type="text/javascript">document.write(unescape("%3Cspan id='_ideConac' %3E%3C/span%3E"));</script></div>
</body>
</html>
"""
    return page.replace("\n", "\r\n").encode("utf-8")


def html_gov(text: str) -> bytes:
    """A page in the gov.cn family (the State Council's site and the provincial portals built
    like it): UTF-8 with a BOM, the 政府信息公开 metadata as a list of <li> (索引号, 发布机构,
    文号, 成文日期 …), the title in <h1>, the article in `#UCAP-CONTENT` with paragraphs indented
    by &emsp; and headings in <strong>, the document's tables with a <th> header row, a 相关稿件
    list of notice titles, a QR code, 【我要纠错】 and 责任编辑."""
    meta = metadata(text)
    title = _title(text)
    body = []
    heading = re.compile(r"^[一二三四五六七八九十]+、|^[(（][一二三四五六七八九十]+[)）]")
    for block in blocks(text):
        if isinstance(block, list):
            body.append(
                _table_markup(
                    block,
                    '<table border="1" cellspacing="0" cellpadding="0" width="100%"'
                    ' style="border-collapse:collapse;"><tbody>',
                    lambda t: _entities(t) if t else "&nbsp;",
                    header_tag="th",
                ).replace("</table>", "</tbody></table>")
            )
        elif heading.match(block) and len(block) <= 40:
            body.append(f'<p style="text-indent: 2em;"><strong>{_entities(block)}</strong></p>')
        else:
            body.append(f'<p style="text-indent: 2em;">&emsp;{_entities(block)}</p>')
    meta_items = "".join(
        f'<li><span class="xxgk_label">{key}：</span><span>{html.escape(value)}</span></li>'
        for key, value in (
            ("索&ensp;引&ensp;号", meta["索引号"]),
            ("主题分类", "司法"),
            ("发布机构", meta["发文机关"]),
            ("成文日期", meta["成文日期"]),
            ("标　　题", title),
            ("文　　号", meta["发文字号"]),
            ("发布日期", meta["成文日期"]),
        )
    )
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{html.escape(title)}_政府信息公开_人民政府门户网站</title>
<link rel="stylesheet" href="/images/common.css">
<script src="/js/jquery.min.js"></script>
</head>
<body>
<div class="header"><div class="header-top"><a href="/">首页</a><a href="/wza/">无障碍</a><a href="/old/">长者版</a></div></div>
<div class="crumbs"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/xxgk/">政府信息公开</a></div>
<div class="article">
<div class="xxgk-info"><ul>{meta_items}</ul></div>
<h1 id="ti">{_entities(title)}</h1>
<div class="pages-date">{meta["成文日期"]}&nbsp;&nbsp;来源：<span class="source">政府办公室</span>
<span class="font">字号：<a>默认</a> <a>大</a> <a>超大</a></span> | <a class="dy">打印</a></div>
<div class="pages_content" id="UCAP-CONTENT">
{chr(10).join(body)}
</div>
<div class="editor">【我要纠错】 责任编辑：李四</div>
<div class="share"><span>扫一扫在手机打开当前页</span><img src="qr.png"></div>
<div class="related"><h3>相关稿件</h3><ul>
<li><a href="/zhengce/content/1.htm">国务院办公厅关于印发2023年政务公开工作要点的通知</a></li>
<li><a href="/zhengce/content/2.htm">（一）关于全面推进法治政府建设的实施意见</a></li>
</ul></div>
</div>
<div class="footer"><p>主办单位：人民政府办公室 网站标识码：1100000088</p></div>
<script>var _hmt = _hmt || []; (function() {{ var hm = document.createElement("script"); }})();</script>
</body>
</html>
"""
    return b"\xef\xbb\xbf" + page.encode("utf-8")


def _printed_lines(paragraph: str, width: float = 36.0) -> list[str]:
    """A paragraph as the lines of its printed page (text pasted from the PDF keeps them): broken
    where the line reaches `width` em, a Chinese character 1 em, a Latin one ½."""
    out, start, used = [], 0, 0.0
    for k, ch in enumerate(paragraph):
        w = 1.0 if _WIDE_RE.match(ch) else 0.5
        if used + w > width:
            out.append(paragraph[start:k])
            start, used = k, 0.0
        used += w
    out.append(paragraph[start:])
    return [p for p in out if p]


def html_table(text: str) -> bytes:
    """An older county site (ASP/JSP era): no classes, the page laid out in nested <table>s,
    the article a single <td> of <font> text whose paragraphs are <br> breaks indented with
    &nbsp;&nbsp;&nbsp;&nbsp;, pasted from the printed PDF (a <br> ends every printed line, 36 em
    wide, mid-sentence), a left menu column of links, a row of short fields (发布时间 | 来源 |
    点击数) above the article, 【打印本页】【关闭窗口】 links, GB2312 declared
    in a http-equiv meta and Windows line ends; the document's own tables nested in that cell
    with <br> between lines of a long cell."""
    meta = metadata(text)
    title = _title(text)
    body = []
    for block in blocks(text):
        if isinstance(block, list):
            body.append(
                _table_markup(
                    block,
                    '<table width="95%" border="1" align="center" cellpadding="2" cellspacing="0"'
                    ' bordercolor="#000000">',
                    lambda t: (
                        '<font size="2">'
                        + "<br>".join(_entities(p) for p in re.split(r"(?<=；)", t) if p)
                        + "</font>"
                        if t
                        else "&nbsp;"
                    ),
                )
            )
        else:
            lines = "<br>\n".join(_entities(part) for part in _printed_lines(block))
            body.append(f"&nbsp;&nbsp;&nbsp;&nbsp;{lines}<br>")
    page = f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{html.escape(title)}</title>
<link href="../css/css.css" rel="stylesheet" type="text/css">
</head>
<body leftmargin="0" topmargin="0">
<!-- #include file="top.asp" -->
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr><td height="120" background="../images/top.jpg">&nbsp;</td></tr>
  <tr><td height="30"><a href="../index.asp">首页</a> | <a href="../list.asp?id=1">政务动态</a> | <a href="../list.asp?id=2">信息公开</a> | <a href="../list.asp?id=3">办事指南</a></td></tr>
</table>
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td width="200" valign="top">
      <table width="100%" border="0"><tr><td><a href="../list.asp?id=11">机构概况</a></td></tr><tr><td><a href="../list.asp?id=12">政策法规</a></td></tr><tr><td><a href="../list.asp?id=13">规划计划</a></td></tr><tr><td><a href="../list.asp?id=14">通知公告</a></td></tr></table>
    </td>
    <td valign="top">
      <table width="100%" border="0" cellpadding="0" cellspacing="0">
        <tr><td height="30" colspan="3">当前位置：<a href="../index.asp">首页</a> &gt;&gt; <a href="../list.asp?id=2">信息公开</a> &gt;&gt; <a href="../list.asp?id=14">通知公告</a></td></tr>
        <tr><td height="50" align="center" colspan="3"><font size="4" color="#FF0000"><b>{_entities(title)}</b></font></td></tr>
        <tr><td align="center">发布时间：{meta["成文日期"]}</td><td>来源：司法局</td><td>点击数：<script src="../count.asp?id=1234"></script></td></tr>
        <tr><td style="line-height:200%" colspan="3"><font size="3">
<!-- 正文开始 -->
{chr(10).join(body)}
<!-- 正文结束 -->
        </font></td></tr>
        <tr><td align="right" colspan="3"><a href="javascript:window.print()">【打印本页】</a>&nbsp;<a href="javascript:window.close()">【关闭窗口】</a></td></tr>
        <tr><td colspan="3">上一条：<a href="show.asp?id=1233">关于印发《2022年依法行政工作要点》的通知</a><br>下一条：<a href="show.asp?id=1235">没有了</a></td></tr>
      </table>
    </td>
  </tr>
</table>
<table width="980" border="0" align="center"><tr><td align="center">版权所有：县人民政府&nbsp;&nbsp;技术支持：信息中心<br>建议使用1024×768分辨率浏览</td></tr></table>
</body>
</html>
"""
    return page.replace("\n", "\r\n").encode("gbk", errors="replace")


_LIST_ITEM_RE = re.compile(r"^(\d{1,3})[.．、]\s*(?=\S)")


def _wrap_source(markup: str, width: int = 76) -> str:
    """HTML source broken into lines of about `width` columns (Windows line ends) the way Word's
    "Save as Web Page" writes it: a break goes where a space is or beside a Chinese character,
    never inside a tag, an entity or a run of Latin letters and digits."""
    out, column = [], 0
    for token in re.findall(r"<[^>]*>|&[#\w]+;|[^<&]", markup):
        breakable = token == " " or (len(token) == 1 and _WIDE_RE.match(token))
        if column >= width and breakable and out and not out[-1].startswith("<"):
            out.append("\r\n")
            column = 0
            if token == " ":
                continue
        out.append(token)
        column += len(token)
    return "".join(out)


def html_word(text: str) -> bytes:
    """A document saved from Word as a web page (.htm) and published as it is: Office
    namespaces, conditional comments (<!--[if gte mso 9]>, <![if !supportLists]>), items 1. 2. …
    as Word list paragraphs whose number sits in a `mso-list:Ignore` span padded with &nbsp;,
    runs split into <span lang=EN-US> for digits, empty <o:p> paragraphs, tables as
    MsoTableGrid with vertically merged cells, the source wrapped at 76 columns (a line break
    falls between two Chinese characters), GBK declared as gb2312."""
    body = []
    wide = "<span style='font-size:16.0pt;font-family:仿宋_GB2312'>{}</span>"
    narrow = "<span lang=EN-US style='font-size:16.0pt'>{}</span>"
    for block in blocks(text):
        if isinstance(block, list):
            body.append(
                _table_markup(
                    block,
                    "<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0"
                    " style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt'>",
                    lambda t: (
                        "<p class=MsoNormal align=center style='text-align:center'>"
                        + (
                            _fragments(t, wide, narrow)
                            if t
                            else "<span lang=EN-US><o:p>&nbsp;</o:p></span>"
                        )
                        + "</p>"
                    ),
                    cell_attrs=" width=113 valign=top style='width:3.0cm;border:solid windowtext 1.0pt'",
                )
            )
            continue
        m = _LIST_ITEM_RE.match(block)
        if m:
            body.append(
                "<p class=MsoListParagraph style='margin-left:0cm;text-indent:32.0pt;"
                "mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US"
                f" style='font-size:16.0pt'><span style='mso-list:Ignore'>{m.group(1)}."
                "<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span></span>"
                "</span><![endif]>" + _fragments(block[m.end() :], wide, narrow) + "</p>"
            )
        else:
            body.append(
                "<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt;"
                "mso-line-height-rule:exactly'>"
                + _fragments(block, wide, narrow)
                + "<span lang=EN-US style='font-size:16.0pt'><o:p></o:p></span></p>"
            )
        if len(body) % 6 == 0:  # Word keeps the empty paragraphs typed between some
            body.append("<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>")
    title = _title(text)
    page = f"""<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<title>{html.escape(title)}</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>Administrator</o:Author>
  <o:Pages>12</o:Pages>
 </o:DocumentProperties>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face
	{{font-family:仿宋_GB2312;
	mso-font-charset:134;}}
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{{margin:0cm;
	text-align:justify;
	font-size:10.5pt;}}
-->
</style>
</head>

<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>

<div class=WordSection1 style='layout-grid:15.6pt'>

{chr(10).join(_wrap_source(b) for b in body)}

</div>

</body>

</html>
"""
    return page.replace("\r\n", "\n").replace("\n", "\r\n").encode("gbk", errors="replace")


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
    "spaced": (".txt", spaced),
    "docx": (".docx", docx_file),
    "pdf": (".pdf", pdf_file),
    "html": (".html", html_page),
    "html_trs": (".html", html_trs),
    "html_gov": (".html", html_gov),
    "html_table": (".htm", html_table),
    "html_word": (".htm", html_word),
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


def libreoffice_pdfs(docx_files: dict[str, bytes], folder: Path) -> dict[str, bytes]:
    """The .docx files printed to PDF by LibreOffice in one run (real fonts; quotation marks
    and dashes drawn apart in a fallback font): name -> PDF bytes; {} when LibreOffice is
    missing and FAZHI_LO_OPTIONAL=1."""
    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("FAZHI_LO_OPTIONAL") == "1":
            return {}
        pytest.fail("soffice not found: run scripts/setup.sh (libreoffice)")
    for name, data in docx_files.items():
        (folder / f"{name}.docx").write_bytes(data)
    done = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{folder / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *sorted(str(folder / f"{name}.docx") for name in docx_files),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return {name: (folder / f"{name}.pdf").read_bytes() for name in docx_files}
