"""File readers (文件读取): the raw text of a plan document, or the rows of a table file.

Text formats: .txt .md .html/.htm .docx .pdf (Word in loaders.files.word, with its automatic
list numbering). Table formats: .xlsx .xls .csv. Every reader works on bytes (the Streamlit
uploader gives bytes); the path functions read the file and delegate. Text is returned as read,
not yet normalised (see loaders.files.normalize). Table rows in text are TAB-separated cells, one row
per line.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import posixpath
import re
import unicodedata
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from loaders.errors import ReadError
from loaders.files import limits
from loaders.files.normalize import SECTION_NAME_RE
from loaders.files.pdf_layout import DRAWN_WIDE
from loaders.files.word import docx_text

# Python's csv module refuses fields over 131,072 characters with an exception of its own; cells
# are limited here instead (limits.MAX_CELL_CHARS, checked with the row and column named).
csv.field_size_limit(limits.MAX_FILE_BYTES)

_FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".xhtml": "html",
    ".mht": "html",  # a page saved "as one file": MIME parts, the page among them
    ".mhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
    ".xlsx": "xlsx",
    ".xls": "xls",
    ".csv": "csv",
}
TEXT_FORMATS = ("txt", "md", "html", "docx", "pdf")
TABLE_FORMATS = ("xlsx", "xls", "csv")
_SUPPORTED = "文本 TXT、Markdown、网页 HTML(含 .mht 单文件网页)、Word(.docx)、PDF;表格 Excel(.xlsx/.xls)、CSV"
_MIN_PDF_CHARS = 20


def file_format(path: str | Path) -> str:
    """The format from the file extension: txt md html docx pdf xlsx xls csv."""
    suffix = Path(str(path)).suffix.lower()
    if suffix in _FORMATS:
        return _FORMATS[suffix]
    name = Path(str(path)).name
    if suffix in (".doc", ".wps"):
        raise ReadError(f"不支持旧版 Word 格式:{name}。请在 Word/WPS 中另存为 .docx 后再上传。")
    raise ReadError(f"不支持的文件格式:{name}。支持的格式:{_SUPPORTED}。")


def _read_bytes(path: str | Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise ReadError(f"无法打开文件:{path}({exc.strerror or exc})") from exc


def read_text(path: str | Path) -> str:
    """Raw text of a plan document (not normalised); lines separated by "\\n"."""
    return read_text_bytes(Path(path).name, _read_bytes(path))


def read_text_bytes(name: str, data: bytes) -> str:
    """Raw text of a plan document given as bytes; `name` gives the format by its extension.

    Table files (.xlsx/.xls/.csv) are accepted too: their first sheet, one TAB row per line.
    """
    fmt = file_format(name)
    limits.check_file_size(name, data)
    if fmt in ("txt", "md"):
        return decode_text(data, name)
    if fmt == "html":
        return html_text(decode_html(web_archive_page(data, name), name))
    if fmt == "docx":
        limits.open_zip(name, data, "Word")  # declared sizes checked before python-docx inflates
        return docx_text(data, name)
    if fmt == "pdf":
        return pdf_text(data, name)
    return "\n".join("\t".join(row) for row in read_table_bytes(name, data))


# --- encodings -------------------------------------------------------------------------------


def decode_text(data: bytes, name: str = "文件") -> str:
    """Decode text bytes: UTF-8 (BOM or not), UTF-16 with BOM, else GB18030 (GBK/GB2312)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReadError(
        f"无法识别 {name} 的文字编码(不是 UTF-8、UTF-16 或 GBK/GB18030)。请另存为 UTF-8 编码后重新上传。"
    )


_META_CHARSET_RE = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]+)", re.I)
_GB_ALIASES = {"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "gb18030", "euc-cn", "x-euc-cn"}


def decode_html(data: bytes, name: str = "网页") -> str:
    """Decode a web page with the charset it declares, else UTF-8, else GB18030. A page that is
    valid UTF-8 and holds non-ASCII text is UTF-8 whatever it declares: a page saved or copied
    by a tool that re-encoded it keeps its old `charset=gb2312`, and GB text is never valid
    UTF-8 beyond a few characters (while UTF-8 often decodes as GB18030, into nonsense)."""
    if not data.isascii():
        try:
            return data.decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError:
            pass
    m = _META_CHARSET_RE.search(data[:8192])
    if m and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        declared = m.group(1).decode("ascii").lower()
        declared = "gb18030" if declared in _GB_ALIASES else declared
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data, name)


# --- HTML ------------------------------------------------------------------------------------

_MIME_HEAD_RE = re.compile(
    rb"^(?:[\x21-\x39\x3b-\x7e]+:[^\n]*\r?\n(?:[ \t][^\n]*\r?\n)*){0,40}?"
    rb"content-type:\s*multipart/related",
    re.I,
)


def web_archive_page(data: bytes, name: str = "网页") -> bytes:
    """The page of a web archive saved as one file (.mht/.mhtml: MIME parts, the first text/html
    part the page), in its declared charset written back as a <meta> the decoder reads; any
    other bytes as they are."""
    if not _MIME_HEAD_RE.match(data[:4096].lstrip()):
        return data
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        page = part.get_payload(decode=True) or b""
        limits.check_file_size(name, page)
        charset = part.get_content_charset()
        if charset and re.fullmatch(r"[A-Za-z0-9_\-]{1,40}", charset):
            page = f'<meta charset="{charset}">'.encode("ascii") + page
        return page
    raise ReadError(
        f"{name} 是网页存档(.mht),但其中没有网页正文。请在浏览器中另存为 .html 后上传。"
    )


_DROP_TAGS = frozenset(
    "script style noscript template iframe svg form nav header footer aside button select".split()
)
_ALWAYS_DROP = frozenset("script style noscript template iframe svg".split())
_BLOCK_TAGS = frozenset(
    "p div li h1 h2 h3 h4 h5 h6 tr ul ol dl dt dd section article main blockquote pre center"
    " caption figure figcaption address hr".split()
)
_CHROME_WORDS = frozenset(
    "nav navbar navigation menu menubar submenu breadcrumb breadcrumbs crumb crumbs bread footer"
    " foot share sharebar bshare jiathis print toolbar tools position location header head topbar"
    " sidebar dqwz fenxiang dayin copyright gotop backtop fontsize".split()
)
_CHROME_AFFIXES = tuple("nav menu crumb footer sidebar toolbar share header bdshare".split())
_WEAK_CHROME = frozenset({"header", "head", "foot", "print"})  # e.g. <div id="printContent">
_CONTENT_WORDS = frozenset("article content title detail main doc text body zw news info".split())
_CHROME_ROLES = {"navigation", "banner", "contentinfo", "search"}
_WS_RE = re.compile(r"\s+")
_SPACES_RE = re.compile(r"[^\S\t\n]+")


def _attr_words(tag) -> set[str]:
    values = list(tag.get("class") or []) + [tag.get("id") or ""]
    words: set[str] = set()
    for value in values:
        value = re.sub(r"(?<=[a-z])(?=[A-Z])", "-", str(value)).lower()
        words.update(w for w in re.split(r"[^a-z]+", value) if w)
        words.add(re.sub(r"[^a-z]+", "", value))
    return words


def _chrome_word(word: str) -> str:
    """The chrome word a class/id word is or starts/ends with ("topnav" → "nav"), else ""."""
    if word in _CHROME_WORDS:
        return word
    return next((a for a in _CHROME_AFFIXES if word.startswith(a) or word.endswith(a)), "")


# what a list of links is made of besides its links: separators, labels of a previous/next pager
_LINK_LIST_FILLER_RE = re.compile(
    r"[\s|｜>＞»›/·•、,，:：\-–—【】\[\]()（）]|上一篇|下一篇|上一条|下一条|当前位置|您的位置|"
    r"您当前的位置|相关稿件|相关链接|相关文章|相关阅读|相关新闻|相关文件|相关附件|附件|没有了|首页|无"
)
_LINK_LIST_TAGS = frozenset("div ul ol dl table tbody td p section center span font".split())


class _Page:
    """What the HTML renderer knows of the whole page: its visible characters, and for every
    element (by id) [characters, characters in links, links, own characters (separators and
    labels aside), whether its own text holds a full stop]."""

    def __init__(self, root) -> None:
        from bs4 import NavigableString, Tag

        self.stats: dict[int, list] = {}
        self.chars = 0
        self.root_id = id(root)
        for node in reversed(list(root.descendants)):  # every element after its descendants
            if isinstance(node, Tag):
                entry = self.stats.setdefault(id(node), [0, 0, 0, 0, False])
                if node.name == "a":
                    entry[1], entry[2], entry[3], entry[4] = entry[0], entry[2] + 1, 0, False
            elif type(node) is NavigableString and node.parent.name not in _ALWAYS_DROP:
                self.chars += len(node)
                text = _WS_RE.sub("", str(node))
                own = _LINK_LIST_FILLER_RE.sub("", text)
                entry = [len(text), 0, 0, len(own), "。" in own]
            else:
                continue
            if node.parent is not None and node is not root:
                total = self.stats.setdefault(id(node.parent), [0, 0, 0, 0, False])
                for k in range(4):
                    total[k] += entry[k]
                total[4] = total[4] or entry[4]

    def is_link_list(self, tag) -> bool:
        """A block of two or more links with hardly any text of its own: a menu, a breadcrumb,
        a list of related articles, a previous/next pager, a list of attachments to download.
        Its own text (separators and labels aside) is at most a fifth of its links' text and
        holds no sentence."""
        if tag.name not in _LINK_LIST_TAGS:
            return False
        _, link_chars, links, own, period = self.stats.get(id(tag), (0, 0, 0, 0, False))
        return links >= 2 and link_chars > 0 and own * 5 <= link_chars and not period


_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _hidden(tag) -> bool:
    return tag.has_attr("hidden") or bool(_HIDDEN_STYLE_RE.search(str(tag.get("style") or "")))


def _is_chrome(tag, page: _Page) -> bool:
    """Navigation, breadcrumbs, headers/footers, share bars, print/font-size widgets (网页栏目)."""
    if tag.name in _ALWAYS_DROP:
        return True
    if _hidden(tag):
        # a block the page never shows (a copy of the whole text run onto one line for a search
        # index, a login box): dropped, unless it holds most of the page (shown by a script)
        own = page.stats.get(id(tag), [0])[0]
        return own * 2 < page.stats.get(page.root_id, [0])[0]
    if page.is_link_list(tag):
        return page.stats[id(tag)][0] * 2 < page.chars
    words = _attr_words(tag)
    hits = {_chrome_word(w) for w in words} - {""}
    if hits and hits <= _WEAK_CHROME and words & _CONTENT_WORDS:
        hits = set()
    role = str(tag.get("role") or "").lower()
    if not (tag.name in _DROP_TAGS or hits or role in _CHROME_ROLES):
        return False
    # Safety net: a wrapper holding paragraphs and most of the page is the content, whatever its
    # name says.
    return len(tag.get_text()) * 2 < page.chars or tag.find(["p", "table"]) is None


# A run of white space holding a line break of the source (not a <br>): a browser shows it as a
# space, but in Chinese it is only where the editor (Word's "save as web page", a CMS) wrapped the
# source line, so beside a Chinese character it is nothing ("落\r\n实" is 落实).
_SOURCE_BREAK = "\ue000"
_SOURCE_BREAK_RE = re.compile("[ \ue000]*\ue000[ \ue000]*")
_WIDE_CHAR_RE = re.compile(r"[\u2e80-\u303f\u3400-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")
_SOURCE_WS_RE = re.compile(r"[ \t\r\n\f]+")  # HTML's white space: not &nbsp;, not U+3000


def _collapse(text: str) -> str:
    """A text node's white space as a browser collapses it, a run holding a source line break
    kept as a mark for `_resolve_breaks`."""
    return _SOURCE_WS_RE.sub(
        lambda m: _SOURCE_BREAK if "\n" in m.group(0) or "\r" in m.group(0) else " ", text
    )


def _resolve_breaks(text: str) -> str:
    """Source line breaks: nothing beside a Chinese character or full-width mark, else a space."""

    def one(m: re.Match) -> str:
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        wide = _WIDE_CHAR_RE.match(before) or _WIDE_CHAR_RE.match(after)
        return "" if wide else " "

    return _SOURCE_BREAK_RE.sub(one, text)


def html_text(html: str) -> str:
    """Visible text of a web page without its chrome; tables as TAB rows, one line per <tr>."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    root = soup.body or soup
    page = _Page(root)
    pieces: list[str] = []
    try:
        _render(root, pieces, page)
    except RecursionError:
        raise ReadError(
            "网页的标签嵌套过深（数千层），无法读取；请另存为文本或 Word 后上传。"
        ) from None
    text = _resolve_breaks("".join(pieces))
    body, indented = [], set()
    for raw in text.split("\n"):
        line = _meta_key(_SPACES_RE.sub(" ", raw).strip(" "))
        if not line.strip() or _PAGER_RE.match(line):
            continue
        if _INDENT_RE.match(raw):
            indented.add(len(body))
        body.append(line)
    # text pasted from a printed page keeps a <br> at the end of every printed line: joined
    # back as a PDF's lines are (only when most long lines share one width), a line indented
    # with &nbsp; or full-width spaces opening a paragraph
    body = unwrap_lines(body, opens_at=indented)
    title = page_title(soup)
    if title and not any(title in ln for ln in body[:8]):
        body.insert(0, title)  # the body starts without its title (saved article text)
    return "\n".join(body)


# a metadata key spaced out to the width of the others: "索 引 号：", "标　　题："
_SPACED_KEY_RE = re.compile(r"^([\u4e00-\u9fff](?: [\u4e00-\u9fff]){1,4}) ?([:：])")


def _meta_key(line: str) -> str:
    """A line opening on a spaced-out metadata key with the key's spaces taken out."""
    m = _SPACED_KEY_RE.match(line)
    if m and m.group(1).replace(" ", "") in _META_KEYS:
        return m.group(1).replace(" ", "") + line[m.end(1) :].lstrip(" ")
    return line


# a line indented the way editors indent a paragraph: two or more &nbsp; / full-width spaces
_INDENT_RE = re.compile(r"^[ \t\ue000]*[\u00a0\u3000](?:[ \ue000]*[\u00a0\u3000])+")

# a previous/next pager's line: "上一篇：关于…的通知"
_PAGER_RE = re.compile(r"^\s*(?:上一篇|下一篇|上一条|下一条|上一页|下一页|上篇|下篇)\s*[:：]")

# separators between a page's title and the site's name in <title>
_TITLE_SEPARATORS = re.compile(r"\s*(?:[_|｜]|\s[-–—]\s|——)\s*")


def page_title(soup) -> str:
    """The document title in the page's <title>, without the site's name after a separator
    ("关于…的通知_XX市人民政府门户网站" → "关于…的通知"); "" when there is none or it is not a
    sentence of Chinese (a site name alone, a file name)."""
    tag = soup.find("title")
    text = _WS_RE.sub(" ", tag.get_text()).strip() if tag else ""
    parts = [p for p in _TITLE_SEPARATORS.split(text) if p]
    title = parts[0] if parts else ""
    chinese = sum("\u4e00" <= ch <= "\u9fff" for ch in title)
    if chinese < 6 or title.endswith(("网", "网站", "门户", "平台", "首页")):
        return ""
    if SECTION_NAME_RE.fullmatch(title):  # "政府信息公开_某市人民政府": the site's column
        return ""
    return title[:200]


def _render(node, out: list[str], page: _Page) -> None:
    from bs4 import NavigableString, Tag

    for child in node.children:
        if isinstance(child, Tag):
            if _is_chrome(child, page):
                continue
            if child.name == "br":
                out.append("\n")
            elif child.name == "table":
                out.append("\n" + "\n".join(_table_as_lines(child, page)) + "\n")
            elif child.name in _BLOCK_TAGS:
                out.append("\n")
                _render(child, out, page)
                out.append("\n")
            else:
                _render(child, out, page)
        elif type(child) is NavigableString:
            out.append(_collapse(str(child)))


def _cell_text(cell, page: _Page) -> str:
    pieces: list[str] = []
    _render(cell, pieces, page)
    return _WS_RE.sub(" ", _resolve_breaks("".join(pieces))).strip()


# the keys of a page's metadata table (索引号 | … | 发文字号 | … | 成文日期 | …)
_META_KEYS = frozenset(
    "索引号 主题分类 发文机关 发布机构 制发机构 发文单位 发布单位 标题 名称 文件名称 发文字号 文号 "
    "成文日期 发文日期 发布日期 生成日期 有效性 时效 主题词 公文种类 体裁分类 组配分类 信息来源".split()
)


def _own_rows(table) -> list[list]:
    return [
        tr.find_all(["td", "th"], recursive=False)
        for tr in table.find_all("tr")
        if tr.find_parent("table") is table
    ]


def _table_as_lines(table, page: _Page) -> list[str]:
    """A data table as TAB rows; a metadata table as "key:value" lines; a layout table (a page's
    body set in table cells) as the text of its cells, block by block."""
    rows = _own_rows(table)
    cells = [c for row in rows for c in row]
    texts = [_WS_RE.sub("", c.get_text()) for c in cells]
    if sum(t.rstrip(":：") in _META_KEYS for t in texts) >= 2:
        return _metadata_lines(rows, page)
    if _is_layout(table, rows, texts):
        out: list[str] = []
        for cell in cells:
            _render(cell, out, page)
            out.append("\n")
        return ["".join(out)]
    return _table_lines(table, page)


def _is_layout(table, rows: list[list], texts: list[str]) -> bool:
    """A table used for layout, not data: it holds another table or blocks of prose, one cell
    holds most of its text, or no row has two cells with text."""
    total = sum(len(t) for t in texts)
    if table.find("table") is not None:
        return True
    filled = [[c for c in row if c.get_text(strip=True)] for row in rows]
    if not total or max(map(len, filled), default=0) < 2:
        return True
    if any(
        len(row) == 1 and len(_WS_RE.sub("", row[0].get_text())) >= max(200, 0.6 * total)
        for row in filled
    ):
        return True  # the article alone in its row, under a row of short fields (来源 | 点击数)
    header = any(len(r) >= 3 and all(len(c.get_text(strip=True)) <= 12 for c in r) for r in filled)
    if header and len(rows) >= 2:
        return False  # a header row of short labels: a data table (序号 | 改革举措 | 牵头单位 …)
    if max(len(t) for t in texts) >= max(200, 0.6 * total):
        return True
    return any(
        len(c.find_all(["p", "br", "div"])) >= 3 and len(c.get_text()) * 2.5 >= total
        for row in rows
        for c in row
    )


def _metadata_lines(rows: list[list], page: _Page) -> list[str]:
    """key | value | key | value … rows as "key:value" lines (the reader of document metadata
    takes 标题, 发文字号, 发文机关 and 成文日期 from them)."""
    lines = []
    for row in rows:
        texts = [_cell_text(c, page) for c in row]
        k = 0
        while k < len(texts):
            key = _WS_RE.sub("", texts[k]).rstrip(":：")
            if key in _META_KEYS and k + 1 < len(texts):
                lines.append(f"{key}:{texts[k + 1]}")
                k += 2
            else:
                if texts[k]:
                    lines.append(texts[k])
                k += 1
    return lines


def _span(cell, attr: str) -> int:
    try:
        return max(1, min(int(str(cell.get(attr) or "1").strip()), 1000))
    except ValueError:
        return 1


def _table_lines(table, page: _Page) -> list[str]:
    """One TAB line per row; a colspan cell appears once, a rowspan cell repeats down (fill down)."""
    pending: dict[int, list] = {}  # start column -> [text, rows left, colspan]
    lines: list[str] = []
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue
        cells: list[str] = []
        col = 0
        for td in tr.find_all(["td", "th"], recursive=False):
            col = _take_pending(pending, col, cells)
            text, rowspan = _cell_text(td, page), _span(td, "rowspan")
            colspan = _span(td, "colspan")
            cells.append(text)
            if rowspan > 1:
                pending[col] = [text, rowspan - 1, colspan]
            col += colspan
        while any(start >= col for start in pending):  # fill-down cells after the last <td>
            if col in pending:
                col = _take_pending(pending, col, cells)
            else:
                cells.append("")
                col += 1
        if len(cells) == 1 and col > 1:  # a section row spanning the table: its text in each
            cells *= col  # column, as a merged cell reads, so the row stays one of the table's
        lines.append("\t".join(cells))
    return lines


def _take_pending(pending: dict[int, list], col: int, cells: list[str]) -> int:
    while col in pending:
        entry = pending[col]
        cells.append(entry[0])
        entry[1] -= 1
        if entry[1] == 0:
            del pending[col]
        col += entry[2]
    return col


# --- PDF -------------------------------------------------------------------------------------


def pdf_text(data: bytes, name: str = "PDF 文件") -> str:
    """The text layer of a PDF (pypdf), pages joined by "\\n", tables drawn in columns as TAB
    rows (pdf_layout)."""
    from pypdf import PdfReader

    from loaders.files.normalize import page_furniture
    from loaders.files.pdf_layout import layout_text, lines_of, page_text_and_pieces

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")
        read = [page_text_and_pieces(page, k) for k, page in enumerate(reader.pages)]
    except Exception as exc:  # pypdf raises many kinds on broken or protected files
        raise ReadError(f"无法读取 PDF 文件 {name}:文件已损坏或受密码保护。") from exc
    text = "\n".join(t.rstrip("\n") for t, _, _ in read)
    full: list[bool] = []
    tables = layout_text(
        [lines_of(pieces) for _, pieces, _ in read],
        page_furniture(text.split("\n")),
        [rules for _, _, rules in read],
        full,
    )
    if tables is not None:
        text = tables  # lines rebuilt from positions, tables drawn in columns as TAB rows
    if len(re.sub(r"\s", "", text)) < _MIN_PDF_CHARS:
        raise ReadError(
            f"{name} 没有可提取的文字层(可能是扫描件),请提供文字版 PDF、Word 或 TXT 文件。"
        )
    lines = text.split("\n")
    return "\n".join(unwrap_lines(lines, reach=full if len(full) == len(lines) else None))


# a line that opens a new item or a labelled line: never the rest of the line above
_OPENS_LINE_RE = re.compile(
    r"^\s*(?:[一二三四五六七八九十百]+[、.．]|[(（]\s*[一二三四五六七八九十百\d]+\s*[)）]|\d+\s*[.、．)]"
    r"|第[一二三四五六七八九十百千\d]+[条章节部分]|[①-⑳]|附件"
    r"|(?:牵头|责任|配合|协办|主办)(?:单位|部门)\s*[:：]|完成时[限间]\s*[:：]"
    r"|[\u4e00-\u9fff]{1,12}\s*[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,4}\s*号\s*$)"
)
# a number glued to the text it opens ("13县级以上…"): an item when it continues the numbering
_GLUED_NUMBER_RE = re.compile(r"^(\d{1,3})\s*(?=[.、．)\u4e00-\u9fff])")
_SENTENCE_END = tuple("。!?;:！？；：")
_DANGLING = tuple("“‘《〈「『(（〔【[")  # a line ending on one of these goes on in the next
_MIN_FULL_LINES = 3


def _width(line: str) -> float:
    """A line's drawn width in em: wide (CJK) characters and the quotation marks and dashes of
    Chinese text count 1, others ½."""
    return sum(
        1.0 if ch in DRAWN_WIDE or unicodedata.east_asian_width(ch) in "WF" else 0.5
        for ch in line.strip()
    )


_BARE_NUMBER_RE = re.compile(r"^\d{1,3}$")


def unwrap_lines(
    lines: list[str],
    opens_at: set[int] | frozenset[int] = frozenset(),
    reach: list[bool] | None = None,
) -> list[str]:
    """A PDF's text layer breaks every paragraph at the page width: a line as wide as the page's
    text block (the width most long lines share), not ending a sentence, is continued by the
    next line unless that one opens an item or a label (牵头单位:) or is page furniture, or its
    index is in `opens_at` (known to open a paragraph). `reach`, when the positions are known,
    says which lines reach the text block's right edge, in place of their counted width. TAB rows
    and blank lines are left alone."""
    from loaders.files.normalize import page_furniture

    # with positions known the page furniture is gone already (pdf_layout drops it by where it
    # stands): a bare "3" left between two lines is a table row's number, not a page's
    is_furniture = page_furniture(lines) if reach is None else (lambda text: False)
    widths = [_width(ln) if "\t" not in ln else 0.0 for ln in lines]
    long_lines = sorted((w for w in widths if w >= 12), reverse=True)
    if len(long_lines) < _MIN_FULL_LINES:
        return lines
    full = long_lines[len(long_lines) // 10]  # the 90th percentile: the text block's width
    if reach is None and sum(full - 2.5 <= w <= full + 1 for w in long_lines) < max(
        _MIN_FULL_LINES, len(long_lines) // 5
    ):
        return lines  # no width most lines reach: lines are not wrapped at the page width
    out: list[str] = []
    joining = False
    item = 0  # the last item number seen opening a line ("12各级政府…": 12)
    for index, (line, width) in enumerate(zip(lines, widths, strict=True)):
        stripped = line.strip()
        if joining and stripped and is_furniture(stripped):
            out.append(line)  # a page number between a line and its rest: kept, still joining
            continue
        number = _GLUED_NUMBER_RE.match(stripped)
        opens = bool(_OPENS_LINE_RE.match(line)) or bool(number and int(number[1]) == item + 1)
        opens = opens or bool(_BARE_NUMBER_RE.match(stripped))  # a row's 序号 on its own line
        opens = opens or index in opens_at
        if opens and joining and out and out[-1].rstrip().endswith(_DANGLING):
            opens = False  # "…按“" / "一、三、四”模式…": the line above left a quote open
        if number and (opens or not joining):
            item = int(number[1])
        if joining and stripped and "\t" not in line and not opens:
            k = next(
                i
                for i in range(len(out) - 1, -1, -1)
                if out[i].strip() and not is_furniture(out[i].strip())
            )
            out[k] = out[k].rstrip() + stripped
        else:
            out.append(line)
        wide = reach[index] if reach is not None else full - 2.5 <= width <= full + 1
        joining = (wide and not stripped.endswith(_SENTENCE_END)) or (joining and not stripped)
    return out


# --- tables ----------------------------------------------------------------------------------


def read_table(path: str | Path) -> list[list[str]]:
    """All rows of the first non-empty sheet of an .xlsx/.xls/.csv file, cells as strings."""
    return read_table_bytes(Path(path).name, _read_bytes(path))


def read_table_sheets(path: str | Path) -> list[tuple[str, list[list[str]]]]:
    """Every sheet of a table file as (sheet name, rows); a CSV is one sheet named after the file."""
    return read_table_sheets_bytes(Path(path).name, _read_bytes(path))


def read_table_bytes(name: str, data: bytes) -> list[list[str]]:
    """read_table from bytes; `name` gives the format by its extension."""
    for _sheet, rows in read_table_sheets_bytes(name, data):
        if any(any(cell for cell in row) for row in rows):
            return rows
    raise ReadError(f"表格文件 {name} 中没有数据。")


def read_table_sheets_bytes(name: str, data: bytes) -> list[tuple[str, list[list[str]]]]:
    """read_table_sheets from bytes."""
    fmt = file_format(name)
    limits.check_file_size(name, data)
    if fmt == "csv":
        return [(Path(name).stem, _rectangular(csv_rows(decode_text(data, name), name)))]
    if fmt in ("xlsx", "xls"):
        return _excel_sheets(data, name)
    raise ReadError(f"{name} 不是表格文件。表格请上传 Excel(.xlsx/.xls)或 CSV 文件。")


def csv_rows(text: str, name: str = "CSV 文件", strip: bool = True) -> list[list[str]]:
    """The rows of a CSV text (delimiter sniffed among , TAB ;), cells trimmed unless `strip` is
    False; ReadError past the limits on rows, columns and cell length (limits.py)."""
    delimiter = _sniff_delimiter(text[:65536].splitlines()[:50])
    rows = []
    try:
        for row in csv.reader(io.StringIO(text), delimiter=delimiter):
            if len(rows) == limits.MAX_SHEET_ROWS:
                raise ReadError(
                    f"{name} 超过 {limits.MAX_SHEET_ROWS} 行，超过上限，未读取。请拆分后重新上传。"
                )
            rows.append([cell.strip() for cell in row] if strip else row)
    except csv.Error as exc:
        raise ReadError(f"无法读取 CSV 文件 {name}：第 {len(rows) + 1} 行格式有误。") from exc
    _check_cells(rows, name, long_cells=len(text) > limits.MAX_CELL_CHARS)
    return rows


def _check_cells(rows: list[list], name: str, long_cells: bool = True) -> None:
    """Columns per row and characters per text cell within the limits (cells are looked at
    only when `long_cells` says one may be too long)."""
    width = max(map(len, rows), default=0)
    if width > limits.MAX_SHEET_COLUMNS:
        row = next(i for i, r in enumerate(rows, 1) if len(r) == width)
        raise ReadError(
            f"{name} 第 {row} 行有 {width} 列，超过上限 {limits.MAX_SHEET_COLUMNS} 列，未读取。"
        )
    if not long_cells:
        return
    for r, row in enumerate(rows, 1):
        longest = max((len(v) for v in row if isinstance(v, str)), default=0)
        if longest > limits.MAX_CELL_CHARS:
            c = next(i for i, v in enumerate(row, 1) if isinstance(v, str) and len(v) == longest)
            raise ReadError(
                f"{name} 第 {r} 行第 {c} 列（{limits.column_letters(c)} 列）的内容有 {longest} "
                f"个字符，超过单元格上限 {limits.MAX_CELL_CHARS} 个字符，未读取。"
            )


def _sniff_delimiter(lines: list[str]) -> str:
    """Among , TAB ; the delimiter that splits the most lines into the same number of cells."""
    best, best_score = ",", 0
    for delimiter in (",", "\t", ";"):
        counts = [ln.count(delimiter) for ln in lines if ln.count(delimiter)]
        if not counts:
            continue
        score = Counter(counts).most_common(1)[0][1]
        if score > best_score:
            best, best_score = delimiter, score
    return best


@dataclass
class ExcelBook:
    """The worksheets of an Excel file, as read by python-calamine after the checks of
    limits.py; for .xlsx also the checked package and each worksheet's XML (by sheet name), for
    whoever needs more of the file (cell formats, loaders.progress.workbook)."""

    sheets: list[tuple[str, list[list[object]]]]
    package: zipfile.ZipFile | None = None
    parts: dict[str, bytes] = field(default_factory=dict)


def raw_excel_sheets(name: str, data: bytes) -> list[tuple[str, list[list[object]]]]:
    """Every worksheet as (name, rows of raw cell values), merged ranges filled, row 0 = Excel row 1."""
    return read_excel(name, data).sheets


def check_excel(name: str, data: bytes) -> ExcelBook:
    """What read_excel checks before python-calamine reads anything: the file's size and, for
    .xlsx, the package's declared sizes, every worksheet's extent, measured from its XML
    (calamine allocates the whole rectangle and aborts the process when it cannot), and the
    shared strings' declared count (calamine reserves room for as many as it says). Returns the
    book without sheets."""
    limits.check_file_size(name, data)
    book = ExcelBook([])
    if data[:2] == b"PK":
        book.package = limits.open_zip(name, data, "Excel")
        sheets, shared = _workbook_parts(name, book.package)
        for sheet_name, info in sheets.items():
            book.parts[sheet_name] = limits.read_entry(book.package, info, name)
            limits.check_sheet_xml(name, sheet_name, book.parts[sheet_name])
        for info in shared:
            limits.check_shared_strings(name, book.package, info)
    return book


def read_excel(name: str, data: bytes, checked: ExcelBook | None = None) -> ExcelBook:
    """raw_excel_sheets with the .xlsx package and worksheet XML, after check_excel (or the book
    it gave: `checked`). An .xlsx is read here; any other workbook (.xls) in a child process,
    since its extent cannot be measured before calamine reads it and calamine aborts the process
    on a damaged one (a byte changed in a valid .xls can ask for a terabyte)."""
    book = checked if checked is not None else check_excel(name, data)
    read = _calamine_sheets if book.package is not None else _calamine_in_child
    for sheet, (rows, columns), values, merged in read(name, data):
        limits.check_extent(name, sheet, rows, columns)
        fill_merged(values, merged, f"{name} 的工作表「{sheet}」")
        book.sheets.append((sheet, values))
    return book


def calamine_sheets(data: bytes, max_rows: int, max_columns: int, max_cells: int) -> list[tuple]:
    """python-calamine reading every worksheet: [(name, (rows, columns), cell values, merged
    ranges)], the values None for a sheet past the limits (its extent says by how much)."""
    from python_calamine import CalamineWorkbook, SheetTypeEnum

    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    sheets = []
    for index, meta in enumerate(workbook.sheets_metadata):
        if meta.typ != SheetTypeEnum.WorkSheet:
            continue
        sheet = workbook.get_sheet_by_index(index)
        end = sheet.end or (-1, -1)  # the last cell, (row, column) from 0
        rows, columns = end[0] + 1, end[1] + 1
        if rows > max_rows or columns > max_columns or rows * columns > max_cells:
            sheets.append((meta.name, (rows, columns), None, []))
            break
        values = sheet.to_python(skip_empty_area=False)
        sheets.append((meta.name, (rows, columns), values, sheet.merged_cell_ranges or []))
    return sheets


def _limits() -> list[int]:
    return [limits.MAX_SHEET_ROWS, limits.MAX_SHEET_COLUMNS, limits.MAX_SHEET_CELLS]


def _calamine_sheets(name: str, data: bytes) -> list[tuple]:
    try:
        return calamine_sheets(data, *_limits())
    except Exception as exc:  # calamine raises its own errors and ValueError/OSError variants
        raise ReadError(
            f"无法读取 Excel 文件 {name}:文件已损坏、受密码保护或不是 Excel 格式。"
        ) from exc


_CHILD_MEMORY = 1024**3  # address space of the child process reading an .xls
_ROOT = str(Path(__file__).resolve().parent.parent.parent)


def child_main() -> None:
    """The child process of _calamine_in_child: the file on stdin, the sheets pickled on stdout."""
    import pickle
    import resource
    import sys

    memory, *bounds = map(int, sys.argv[1:])
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    sheets = calamine_sheets(sys.stdin.buffer.read(), *bounds)
    pickle.dump(sheets, sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)


def _calamine_in_child(name: str, data: bytes) -> list[tuple]:
    """calamine_sheets in a child process with its own memory limit, so that an abort (or an
    allocation past the limit) ends the child, not this process."""
    import pickle
    import subprocess
    import sys

    damaged = f"无法读取 Excel 文件 {name}:文件已损坏、受密码保护或不是 Excel 格式。"
    code = (
        f"import sys; sys.path.insert(0, {_ROOT!r}); "
        "from loaders.files.readers import child_main; child_main()"
    )
    args = [str(_CHILD_MEMORY), *map(str, _limits())]
    try:
        done = subprocess.run(
            [sys.executable, "-c", code, *args],
            input=data,
            capture_output=True,
            timeout=limits.MAX_SECONDS,
        )
    except subprocess.TimeoutExpired as exc:
        raise ReadError(f"{name} 读取超过 {limits.MAX_SECONDS:g} 秒仍未完成，已停止。") from exc
    if done.returncode != 0:
        raise ReadError(damaged)
    return pickle.loads(done.stdout)  # noqa: S301 (written by the child above)


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def _workbook_parts(
    name: str, package: zipfile.ZipFile
) -> tuple[dict[str, zipfile.ZipInfo], list[zipfile.ZipInfo]]:
    """The worksheet part of each sheet the workbook lists (by sheet name), and its shared
    strings parts (the one the workbook's relationships name, and xl/sharedStrings.xml)."""
    try:
        workbook = _xml_part(name, package, "xl/workbook.xml")
        rels = _xml_part(name, package, "xl/_rels/workbook.xml.rels")
    except KeyError:
        return {}, []  # not a workbook: calamine says so
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(_PKG_REL)}
    sheets = {}
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        info = _part(package, targets.get(sheet.get(_REL_ID), ""))
        if info is not None:  # else a missing part: calamine says so
            sheets[sheet.get("name", "")] = info
    shared = [r.get("Target", "") for r in rels.iter(_PKG_REL) if _is_shared(r.get("Type", ""))]
    found = [_part(package, target) for target in {*shared, "sharedStrings.xml"}]
    return sheets, list({info.filename: info for info in found if info is not None}.values())


def _is_shared(kind: str) -> bool:
    return kind.rsplit("/", 1)[-1] == "sharedStrings"


def _part(package: zipfile.ZipFile, target: str) -> zipfile.ZipInfo | None:
    """The entry a relationship of the workbook targets (relative to xl/, or absolute)."""
    path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
    try:
        return package.getinfo(posixpath.normpath(path))
    except KeyError:
        return None


def _xml_part(name: str, package: zipfile.ZipFile, path: str) -> ElementTree.Element:
    """A small XML part of the package, parsed (no DTD); KeyError when it is missing."""
    xml = limits.read_entry(package, package.getinfo(path), name)
    limits.refuse_dtd(name, path, xml)
    try:
        return ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise ReadError(f"无法读取 Excel 文件 {name}：部件 {path} 已损坏。") from exc


def _excel_sheets(data: bytes, name: str) -> list[tuple[str, list[list[str]]]]:
    sheets = []
    for sheet, rows in raw_excel_sheets(name, data):
        cells = [[_cell_str(v) for v in row] for row in rows]
        _check_cells(cells, f"{name} 的工作表「{sheet}」")
        sheets.append((sheet, _rectangular(cells)))
    return sheets


def fill_merged(rows: list[list[object]], ranges, where: str = "表格") -> None:
    """Every cell of a merged range (合并单元格) gets the range's top-left value (rows padded);
    ReadError when the ranges reach past the sheet limits (limits.py)."""
    if not ranges:
        return
    width = max([c1 + 1 for _, (_, c1) in ranges] + [len(row) for row in rows])
    last = max(r1 for _, (r1, _) in ranges)
    height = max(last + 1, len(rows))
    if height > limits.MAX_SHEET_ROWS or width * height > limits.MAX_SHEET_CELLS:
        raise ReadError(
            f"{where}的合并单元格范围达 {height} 行 × {width} 列，超过上限 "
            f"{limits.MAX_SHEET_CELLS} 个单元格，未读取。请取消多余的合并单元格后重新上传。"
        )
    while len(rows) <= last:
        rows.append([])
    for (r0, c0), (r1, c1) in ranges:
        for r in range(r0, r1 + 1):
            if len(rows[r]) < width:
                rows[r].extend([""] * (width - len(rows[r])))
        value = rows[r0][c0]
        for r in range(r0, r1 + 1):
            rows[r][c0 : c1 + 1] = [value] * (c1 - c0 + 1)


def _rectangular(rows: list[list[str]]) -> list[list[str]]:
    """Rows padded to one width; empty rows at both ends and empty columns at both sides cut."""
    rows = list(rows)
    while rows and not any(rows[-1]):
        rows.pop()
    while rows and not any(rows[0]):
        rows.pop(0)
    width = max((len(row) for row in rows), default=0)
    rows = [row + [""] * (width - len(row)) for row in rows]
    used = [c for c in range(width) if any(row[c] for row in rows)]
    if not used:
        return []
    return [row[used[0] : used[-1] + 1] for row in rows]


def _cell_str(value: object) -> str:
    """A cell as text: whole numbers without ".0", dates as YYYY-MM-DD, None as ""."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.15g}"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes" if value.second == 0 else "seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.isoformat(timespec="minutes" if value.second == 0 else "seconds")
    return str(value).strip()
