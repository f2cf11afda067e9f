"""Limits on what is read (读取上限), checked before the expensive work, for plan files (load,
parse) and quarterly uploads alike. Each refusal is a ReadError with a Chinese message naming the
file, the limit and what was found.

- File size: MAX_FILE_BYTES, before anything is decoded or unpacked.
- Zip containers (.xlsx, .docx): the central directory is read first. The declared
  (uncompressed) sizes of the entries may add up to MAX_UNZIPPED_BYTES; an entry over
  RATIO_FLOOR bytes may inflate at most MAX_ZIP_RATIO times its compressed size; an entry
  declaring fewer bytes than it stores compressed lies about its size. Python's zipfile never
  reads past an entry's declared size (it fails on the CRC), so the declared sizes bound what is
  inflated here; read_entry reads one entry within them.
- Worksheets (.xlsx): python-calamine allocates a sheet's full rectangle (rows × columns from the
  first to the last cell) before returning anything, and aborts the process when it cannot: a
  1.6 KB file with cells at A1 and XFD1048576 asks for 512 GB. So each worksheet's XML is read
  first and its extent measured (sheet_extent): a quick scan proves the common case (every cell
  reference within column Z and row 99999), anything else is measured cell by cell, as calamine
  places cells. At most MAX_SHEET_ROWS rows, MAX_SHEET_COLUMNS columns and MAX_SHEET_CELLS cells
  (rows × columns). The <dimension> a sheet declares is read too, but calamine ignores it, so a
  false one is harmless; it is named in the message when the real extent is too large.
- Cells: MAX_CELL_CHARS characters (Excel's own limit).
- Time: a Deadline of MAX_SECONDS for reading and checking one file.
- Text that is stored has its control characters removed (strip_controls): NUL, ESC and the
  other C0 characters but tab and newline, DEL, the C1 range and the bidirectional overrides that
  reorder what is displayed.
"""

from __future__ import annotations

import copy
import html
import io
import re
import time
import zipfile
import zlib

from loaders.errors import ReadError

MB = 1024 * 1024
MAX_FILE_BYTES = 50 * MB
MAX_UNZIPPED_BYTES = 256 * MB
MAX_ZIP_ENTRIES = 10_000
MAX_ZIP_RATIO = 200
RATIO_FLOOR = 8 * MB
MAX_SHEET_ROWS = 100_000
MAX_SHEET_COLUMNS = 1_000
MAX_SHEET_CELLS = 3_000_000
MAX_CELL_CHARS = 32_767
MAX_SHARED_STRINGS = 3_000_000
MAX_SECONDS = 60.0


def size_text(size: int) -> str:
    """1536 -> "1.5 KB", 52428800 -> "50 MB"."""
    for unit, scale in (("GB", MB * 1024), ("MB", MB), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} 字节"


def check_file_size(name: str, data: bytes, limit: int = MAX_FILE_BYTES) -> None:
    if len(data) > limit:
        raise ReadError(
            f"{name} 文件过大（{size_text(len(data))}），超过上限 {size_text(limit)}，未读取。"
        )


# ---------------------------------------------------------------- zip containers


def open_zip(name: str, data: bytes, kind: str) -> zipfile.ZipFile:
    """The zip container of an .xlsx/.docx after checking its declared sizes (see the module).

    kind names the format in messages ("Excel", "Word")."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        infos = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise ReadError(f"无法读取 {kind} 文件 {name}：文件已损坏或不是 {kind} 格式。") from exc
    if len(infos) > MAX_ZIP_ENTRIES:
        raise ReadError(
            f"{name} 含有 {len(infos)} 个压缩部件，超过上限 {MAX_ZIP_ENTRIES} 个，未读取。"
        )
    total = sum(info.file_size for info in infos)
    if total > MAX_UNZIPPED_BYTES:
        raise ReadError(
            f"{name} 解压后共 {size_text(total)}，超过上限 {size_text(MAX_UNZIPPED_BYTES)}"
            "（疑似压缩炸弹），未读取。"
        )
    for info in infos:
        stored = info.compress_size
        if info.file_size > RATIO_FLOOR and info.file_size > stored * MAX_ZIP_RATIO:
            raise ReadError(
                f"{name} 中的部件 {info.filename} 压缩比异常（{size_text(stored)} 解压为 "
                f"{size_text(info.file_size)}，超过 {MAX_ZIP_RATIO} 倍，疑似压缩炸弹），未读取。"
            )
        if info.compress_type != zipfile.ZIP_STORED and info.file_size < stored // 2 - 64:
            raise ReadError(
                f"{name} 中的部件 {info.filename} 声明的大小（{size_text(info.file_size)}）"
                f"小于其压缩后的大小（{size_text(stored)}），文件已损坏或被篡改，未读取。"
            )
    return package


def read_entry(package: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    """One entry's bytes, never more than its declared size (checked by open_zip): a deflated
    entry is inflated here in one call, bounded by that size; anything else through zipfile."""
    data = _inflate(package, info)
    if data is None:
        try:
            with package.open(_bounded(info)) as part:
                data = part.read(info.file_size + 1)
        except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError) as exc:
            raise ReadError(f"{name} 中的部件 {info.filename} 已损坏，无法读取。") from exc
    if len(data) > info.file_size:
        raise ReadError(
            f"{name} 中的部件 {info.filename} 解压后超过其声明的大小，文件已损坏或被篡改，未读取。"
        )
    return data


def _inflate(
    package: zipfile.ZipFile, info: zipfile.ZipInfo, size: int | None = None
) -> bytes | None:
    """A deflated entry of an in-memory package, inflated up to one byte past its declared size
    (or to `size` bytes); None when it is not one (zipfile reads it then)."""
    source = package.fp
    if info.compress_type != zipfile.ZIP_DEFLATED or info.flag_bits & 0x1:  # encrypted
        return None
    if not isinstance(source, io.BytesIO):
        return None
    buffer = source.getbuffer()
    start = info.header_offset
    header = bytes(buffer[start : start + 30])
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        return None
    name_length, extra_length = (
        int.from_bytes(header[26:28], "little"),
        int.from_bytes(header[28:30], "little"),
    )
    begin = start + 30 + name_length + extra_length
    raw = buffer[begin : begin + info.compress_size]
    try:
        return zlib.decompressobj(-15).decompress(raw, size or info.file_size + 1)
    except zlib.error:
        return None  # zipfile says what is wrong
    finally:
        raw.release()
        buffer.release()


def read_entry_start(
    package: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, size: int = 65536
) -> bytes:
    """The first bytes of an entry (at most `size`), without inflating the rest."""
    if info.compress_type == zipfile.ZIP_DEFLATED and not info.flag_bits & 0x1:
        data = _inflate(package, info, size)
        if data is not None:
            return data
    try:
        with package.open(info) as part:
            return part.read(size)
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError) as exc:
        raise ReadError(f"{name} 中的部件 {info.filename} 已损坏，无法读取。") from exc


def _bounded(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    """A copy of the entry that lets one byte past its declared size be read (to see a lie)."""
    bounded = copy.copy(info)
    bounded.file_size = info.file_size + 1
    return bounded


# ---------------------------------------------------------------- worksheets (.xlsx)

# A cell the quick scan cannot vouch for: a reference other than one letter and a row up to
# 99999 right after the tag name (Excel, WPS, LibreOffice and openpyxl all write r first), a
# cell without a reference, or one with a namespace prefix. Rows do not count: calamine places
# cells by their own references, and empty rows or cells do not widen its rectangle.
_UNUSUAL_CELL = re.compile(rb'<c[\s>/](?!r="[A-Z]?[1-9][0-9]{0,4}")')
_PREFIXED_CELL = re.compile(rb":c[\s>/]")
_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(c|row)(?=[\s>/])([^>]*)>")
_REF = re.compile(rb"""(?:^|\s)r\s*=\s*(["'])(.*?)\1""", re.DOTALL)
_REF_VALUE = re.compile(rb"\$?([A-Za-z]*)\$?([0-9]*)")
_DIMENSION = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?dimension\s+ref\s*=\s*["\']([^"\']*)["\']')
_DOCTYPE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_ROOT = re.compile(rb"<[A-Za-z_]")


def column_number(letters: bytes | str) -> int:
    """ "A" -> 1, "Z" -> 26, "AA" -> 27, "XFD" -> 16384."""
    number = 0
    for ch in letters.upper() if isinstance(letters, str) else letters.upper().decode():
        number = number * 26 + ord(ch) - 64
    return number


def column_letters(number: int) -> str:
    """1 -> "A", 16384 -> "XFD"."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters or "A"


def refuse_dtd(name: str, part: str, xml: bytes) -> None:
    """OOXML parts never declare a DTD or entities (XXE, "billion laughs"): refuse any in the
    prolog, before the root element."""
    root = _ROOT.search(xml)
    if _DOCTYPE.search(xml, 0, root.start() if root else len(xml)):
        raise ReadError(
            f"{name} 中的部件 {part} 含有 DTD 或实体声明（Office 文件不应有此内容），未读取。"
        )


def check_sheet_xml(name: str, sheet: str, xml: bytes) -> None:
    """Refuse a worksheet whose extent is over the limits, from its XML, before calamine reads
    it. The quick scan proves the common case: with every row and cell reference within column
    Z and row 99999, the extent is within every limit (99999 rows × 26 columns); anything else
    is measured."""
    xml = _utf8(name, sheet, xml)
    refuse_dtd(name, sheet, xml)
    if _UNUSUAL_CELL.search(xml) or _PREFIXED_CELL.search(xml):
        rows, columns, cells = sheet_extent(xml)
        check_extent(name, sheet, rows, columns, declared_dimension(xml), cells)


def _utf8(name: str, part: str, xml: bytes) -> bytes:
    """The XML as UTF-8 bytes (a part may be written in UTF-16), for the byte scans."""
    if not (xml[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in xml[:64]):
        return xml
    try:
        return xml.decode("utf-16").encode("utf-8")
    except UnicodeError as exc:
        raise ReadError(f"{name} 中的部件 {part} 编码无法识别，文件已损坏，未读取。") from exc


def sheet_extent(xml: bytes) -> tuple[int, int, int]:
    """(rows, columns, cells written) of a worksheet's XML; rows × columns is the rectangle
    calamine allocates: from A1 to the last row and column holding a cell with a value (a cell
    or row without a reference follows the one before it, as calamine places it; an empty cell,
    such as a formatted one, takes its place but widens nothing). Stops once past a limit."""
    rows = columns = row = column = cells = 0
    for match in _TAG.finditer(xml):
        letters, digits = _reference(match.group(2))
        if match.group(1) == b"row":
            row = int(digits) if digits else row + 1
            column = 0
            continue
        cells += 1
        column = column_number(letters) if letters else column + 1
        empty = match.group(2).endswith(b"/") or xml.startswith(b"</", match.end())
        if not empty:
            rows, columns = max(rows, int(digits) if digits else row), max(columns, column)
        if _over(rows, columns, cells):
            break
    return rows, columns, cells


def _over(rows: int, columns: int, cells: int) -> bool:
    return (
        rows > MAX_SHEET_ROWS
        or columns > MAX_SHEET_COLUMNS
        or max(rows * columns, cells) > MAX_SHEET_CELLS
    )


def _reference(attrs: bytes) -> tuple[bytes, bytes]:
    """(column letters, row digits) of a tag's r attribute (character references decoded);
    empty when it has none or one calamine would not read as a reference."""
    found = _REF.search(attrs)
    if found is None:
        return b"", b""
    value = found.group(2)
    if b"&" in value:
        value = html.unescape(value.decode("utf-8", "replace")).encode("utf-8", "replace")
    parts = _REF_VALUE.fullmatch(value.strip())
    return (parts.group(1), parts.group(2)) if parts else (b"", b"")


def declared_dimension(xml: bytes) -> str | None:
    """The range a worksheet declares (<dimension ref="A1:J20">), as written."""
    found = _DIMENSION.search(xml, 0, 8192)
    return found.group(1).decode("ascii", "replace") if found else None


def check_extent(
    name: str, sheet: str, rows: int, columns: int, declared: str | None = None, cells: int = 0
) -> None:
    """Refuse a sheet whose rectangle is over the limits (rows, columns, cells), or that writes
    more cells than the limit (the same cell over and over)."""
    said = f"（表内声明的范围为 {declared}）" if declared else ""
    where = f"{name} 的工作表「{sheet}」"
    if rows > MAX_SHEET_ROWS:
        raise ReadError(
            f"{where}有数据的范围到第 {rows} 行{said}，超过上限 {MAX_SHEET_ROWS} 行，未读取。"
            "请删除多余的行（或把最后一个有内容的单元格清除）后重新上传。"
        )
    if columns > MAX_SHEET_COLUMNS:
        raise ReadError(
            f"{where}有数据的范围到第 {columns} 列（{column_letters(columns)} 列）{said}，"
            f"超过上限 {MAX_SHEET_COLUMNS} 列，未读取。请删除多余的列后重新上传。"
        )
    if rows * columns > MAX_SHEET_CELLS:
        raise ReadError(
            f"{where}有数据的范围为 {rows} 行 × {columns} 列{said}，超过上限 {MAX_SHEET_CELLS} "
            "个单元格，未读取。请删除多余的行和列后重新上传。"
        )
    if cells > MAX_SHEET_CELLS:
        raise ReadError(
            f"{where}写有超过 {MAX_SHEET_CELLS} 个单元格，超过上限，文件已损坏或被篡改，未读取。"
        )


_SST = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?sst\b([^>]*)>")
_COUNT = re.compile(rb"""\b(?:count|uniqueCount)\s*=\s*["']\s*([0-9]+)""")


def check_shared_strings(name: str, package: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Refuse a shared strings part declaring (count, uniqueCount) or holding more strings than
    MAX_SHARED_STRINGS: calamine reserves room for as many as it declares before reading them
    (a 1 KB file declaring 4294967295 asks for 100 GB and aborts the process)."""
    start = read_entry_start(package, info, name)
    refuse_dtd(name, info.filename, start)
    found = _SST.search(start)
    counts = [int(n) for n in _COUNT.findall(found.group(1))] if found else []
    if info.file_size > MAX_SHARED_STRINGS * 10:  # long enough to hold too many: count them
        xml = read_entry(package, info, name)
        counts.append(sum(map(xml.count, (b"<si>", b"<si ", b":si>", b":si "))))  # an upper bound
    if max(counts, default=0) > MAX_SHARED_STRINGS:
        raise ReadError(
            f"{name} 的共享字符串表声明或含有 {max(counts)} 个字符串，超过上限 "
            f"{MAX_SHARED_STRINGS} 个，文件已损坏或被篡改，未读取。"
        )


# ---------------------------------------------------------------- text

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def strip_controls(text: str) -> str:
    """Text without control characters (tab and newline kept; CR LF and lone CR become LF)."""
    if not _CONTROLS.search(text):
        return text
    return _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def has_controls(text: str) -> bool:
    return _CONTROLS.search(text) is not None


# ---------------------------------------------------------------- time


class Deadline:
    """A time budget for reading and checking one file; check() raises once it is spent."""

    def __init__(self, name: str, seconds: float = MAX_SECONDS) -> None:
        self.name, self.seconds = name, seconds
        self.end = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise ReadError(
                f"{self.name} 处理超过 {self.seconds:g} 秒仍未完成，已停止，未保存任何数据。"
                "请拆分为较小的文件后重新上传。"
            )
