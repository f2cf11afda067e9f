"""Hostile and malformed inputs for the command line, generated at test time (nothing binary is
committed). Used by tests/test_hostile_inputs.py, which runs every case as a subprocess.

A case is an id, a builder that writes its input files into the case's own directory and returns
the CLI arguments (after ``python -m loaders``), the exit codes allowed, and whether the database
must stay unchanged whatever the exit code. A rejection (exit 1) must always leave the data
tables unchanged; the test checks that on its own.

The cases that fail today are listed in XFAIL below (one place): fixing the code flips them to
XPASS, which fails the suite (strict) until the entry is removed.

`python -m tests.hostile_cases` lists the cases (id, allowed exit codes, xfail).

The progress cases run against a small database built once per session from PLAN (written here,
not taken from ../shared): the plan loaded with the CLI, templates made with the CLI, two stored
uploads for 县司法局 2025 Q1 (the first superseded by the second) and one rejected upload.
"""

from __future__ import annotations

import csv
import io
import shutil
import struct
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

OK = frozenset({0})
REJECT = frozenset({1})
EITHER = frozenset({0, 1})

# The address space a CLI run may use. A zip bomb must be refused from its declared sizes or
# read in bounded memory; without a cap a run could take the machine down with it.
MEMORY_LIMIT = 2 * 1024**3
TIMEOUT = 120

# ---------------------------------------------------------------------------------------------
# Cases that fail today. id -> what goes wrong (command, last line of stderr). Keep in one place.

# Grouped by cause; each cause reads: what goes wrong (command, the last line of stderr).
XFAIL_CAUSES: dict[str, list[str]] = {}
XFAIL: dict[str, str] = {case: why for why, cases in XFAIL_CAUSES.items() for case in cases}

# ---------------------------------------------------------------------------------------------
# The small plan every progress case runs against.

PLAN = """青禾县2025年法治政府建设工作要点
一、依法全面履行政府职能
(一)规范行政规范性文件备案。行政规范性文件报备率达到100%。(县司法局牵头,县政府办公室负责,各乡镇配合)
(二)开展行政执法检查。每年至少开展2次行政执法监督检查。(县司法局负责)
二、严格规范公正文明执法
(三)推进政务公开。政府信息公开申请按时答复率达到95%以上。(县政府办公室负责)
(四)加强执法人员培训。每年度学法不少于60学时。(县司法局、县市场监管局负责)
"""

UNIT = "县司法局"
TASK_HEADER = ["单位", "编号", "任务", "进展状态", "进展说明", "年度", "季度"]
TASK_ROW = [UNIT, "(二)", "开展行政执法检查", "推进中", "已开展一次检查", "2025", "1"]
IND_HEADER = ["单位", "编号", "指标", "分子", "分母", "实际值", "年度", "季度"]
RATE_ROW = [UNIT, "(一)", "行政规范性文件报备率", "39", "40", "", "2025", "1"]
COUNT_ROW = [UNIT, "(二)", "开展行政执法监督检查", "", "", "1", "2025", "1"]


def child_limits() -> None:  # runs in the child before exec
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # an abort must not drop a core in the repo


def run_cli(args: list[str], timeout: float = TIMEOUT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "loaders", *args],
        capture_output=True,
        cwd=ROOT,
        timeout=timeout,
        preexec_fn=child_limits,
        stdin=subprocess.DEVNULL,
    )


def decoded(out: bytes) -> str:
    return out.decode("utf-8", errors="replace")


# ---------------------------------------------------------------------------------------------
# Session environment and per-case context


@dataclass
class Env:
    """Built once per session (see build_env): the base database and its templates."""

    dir: Path
    db: Path  # plan + 2 stored uploads + 1 rejected upload
    template: bytes  # 县司法局 2025 Q1
    template_all: bytes  # all units 2025 Q1
    uploads: dict[str, int]  # superseded / active / rejected -> upload_id
    _cache: dict[str, Path] = field(default_factory=dict)

    def cached(self, name: str, make: Callable[[Path], None]) -> Path:
        """A big generated file, made once per session (zip bombs)."""
        if name not in self._cache:
            path = self.dir / "cache" / name
            path.parent.mkdir(exist_ok=True)
            make(path)
            self._cache[name] = path
        return self._cache[name]


def setup_cli(*args: str) -> subprocess.CompletedProcess:
    out = run_cli([str(a) for a in args])
    if out.returncode != 0:
        raise RuntimeError(f"setup step failed: {args}\n{decoded(out.stderr)}")
    return out


def build_env(base: Path) -> Env:
    plan = base / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    db = base / "base.duckdb"
    setup_cli("load", plan, "--db", db)
    tpl, tpl_all = base / "tpl.xlsx", base / "tpl_all.xlsx"
    common = ["--year", "2025", "--quarter", "1"]
    setup_cli("template", "--db", db, "--unit", UNIT, *common, "-o", tpl)
    setup_cli("template", "--db", db, "--unit", "all", *common, "-o", tpl_all)
    env = Env(base, db, tpl.read_bytes(), tpl_all.read_bytes(), {})
    first = base / "first.xlsx"
    first.write_bytes(fill(env, tasks={"(二)": ("推进中", "第一次")}))
    setup_cli("progress", first, "--db", db, "--unit", UNIT)
    second = base / "second.csv"
    second.write_bytes(
        csv_bytes(
            [
                TASK_HEADER,
                [UNIT, "(二)", "开展行政执法检查", "已完成", "第二次", "2025", "1"],
                ["县政府办公室", "(三)", "推进政务公开", "推进中", "已公开", "2025", "1"],
            ]
        )
    )
    setup_cli("progress", second, "--db", db)
    bad = base / "bad.xlsx"
    bad.write_bytes(fill(env, tasks={"(二)": ("不知道", "")}))
    if run_cli(["progress", str(bad), "--db", str(db), "--unit", UNIT]).returncode != 1:
        raise RuntimeError("setup: the bad upload was not rejected")
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        ids = con.execute("select upload_id, outcome from uploads order by upload_id").fetchall()
    finally:
        con.close()
    stored = [i for i, o in ids if o == "stored"]
    rejected = [i for i, o in ids if o != "stored"]
    env.uploads = {"superseded": stored[0], "active": stored[-1], "rejected": rejected[0]}
    return env


class Ctx:
    """One case's directory and database (a private copy of the base, made when asked for)."""

    def __init__(self, env: Env, dir: Path) -> None:
        self.env = env
        self.dir = dir
        self._db: str | None = None
        self.cleanups: list[Callable[[], None]] = []

    @property
    def db(self) -> str:
        if self._db is None:
            path = self.dir / "case.duckdb"
            shutil.copyfile(self.env.db, path)
            self._db = str(path)
        return self._db

    def use_db(self, path: str | Path) -> str:
        """Point the case at another database path (a bad one); it is the one watched."""
        self._db = str(path)
        return self._db

    @property
    def watched_db(self) -> str | None:
        return self._db

    def write(self, name: str, data: bytes | str | Path, encoding: str = "utf-8") -> str:
        if isinstance(data, Path):
            return str(data)  # a cached big file, used read-only
        path = self.dir / name
        path.write_bytes(data.encode(encoding) if isinstance(data, str) else data)
        return str(path)


@dataclass(frozen=True)
class Case:
    id: str
    build: Callable[[Ctx], list[str]]
    expect: frozenset[int] = REJECT
    db_unchanged: bool = True  # must be unchanged even on exit 0 (a rejection always must)
    check: Callable[[Ctx, subprocess.CompletedProcess], None] | None = None
    timeout: float = TIMEOUT


# ---------------------------------------------------------------------------------------------
# Small file builders


def csv_bytes(rows: list[list[str]], encoding: str = "utf-8") -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return buf.getvalue().encode(encoding)


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()


def zip_replace(data: bytes, edit: Callable[[str, bytes], bytes]) -> bytes:
    """Rewrite every entry of a zip through edit(name, bytes)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    return zip_bytes({i.filename: edit(i.filename, src.read(i.filename)) for i in src.infolist()})


def replace_token(data: bytes, token: str, raw: bytes) -> bytes:
    """Put raw bytes (possibly ill-formed XML) where a placeholder cell text or value was."""
    tok = token.encode()
    return zip_replace(data, lambda n, b: b.replace(tok, raw) if n.endswith(".xml") else b)


NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def xlsx_parts(shared_strings: bool = False) -> dict[str, bytes]:
    """Everything of a one-sheet .xlsx but the sheet (and shared strings) itself."""
    ss_ct = (
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{CT_SHEET}.sharedStrings+xml"/>'
        if shared_strings
        else ""
    )
    ss_rel = (
        f'<Relationship Id="rId2" Type="{NS_REL}/sharedStrings" Target="sharedStrings.xml"/>'
        if shared_strings
        else ""
    )
    return {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{CT_SHEET}.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            f'ContentType="{CT_SHEET}.worksheet+xml"/>{ss_ct}</Types>'
        ).encode(),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{NS_PKG}">'
            f'<Relationship Id="rId1" Type="{NS_REL}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ).encode(),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS_MAIN}" '
            f'xmlns:r="{NS_REL}"><sheets><sheet name="任务分解表" sheetId="1" r:id="rId1"/>'
            "</sheets></workbook>"
        ).encode(),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{NS_PKG}">'
            f'<Relationship Id="rId1" Type="{NS_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f"{ss_rel}</Relationships>"
        ).encode(),
    }


def sheet_xml(body: str, dimension: str | None = None, doctype: str = "") -> bytes:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<worksheet xmlns="{NS_MAIN}">{dim}'
        f"<sheetData>{body}</sheetData></worksheet>"
    ).encode()


def istr(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def raw_xlsx(body: str, dimension: str | None = None, doctype: str = "") -> bytes:
    parts = xlsx_parts()
    parts["xl/worksheets/sheet1.xml"] = sheet_xml(body, dimension, doctype)
    return zip_bytes(parts)


BREAKDOWN_ROWS = (
    '<row r="1">'
    + istr("A1", "序号")
    + istr("B1", "具体措施")
    + istr("C1", "牵头单位")
    + istr("D1", "完成时限")
    + '</row><row r="2">'
    + istr("A2", "1")
    + istr("B2", "规范行政规范性文件备案，报备率达到100%")
    + istr("C2", "县司法局")
    + istr("D2", "2025年6月底前")
    + "</row>"
)

DOCX_CT = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
DOCX_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{NS_PKG}">'
    f'<Relationship Id="rId1" Type="{NS_REL}/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
).encode()
NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_document(paragraphs: list[str], doctype: str = "") -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
        f'<w:document xmlns:w="{NS_W}"><w:body>{body}</w:body></w:document>'
    ).encode()


def docx(paragraphs: list[str], doctype: str = "") -> bytes:
    return zip_bytes(
        {
            "[Content_Types].xml": DOCX_CT,
            "_rels/.rels": DOCX_RELS,
            "word/document.xml": docx_document(paragraphs, doctype),
        }
    )


def plan_docx() -> bytes:
    return docx([line for line in PLAN.splitlines() if line])


def pdf(contents: list[bytes | None], resources: bytes = b"", extra: list[bytes] = ()) -> bytes:
    """A minimal PDF, one page per content stream (None: a page without any)."""
    objs: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    objs.append(font)  # 3
    objs.extend(extra)  # 4..
    kids = []
    for content in contents:
        page_no = len(objs) + 1
        kids.append(page_no)
        res = b"<< /Font << /F1 3 0 R >> " + resources + b" >>"
        if content is None:
            objs.append(
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources " + res + b" >>"
            )
        else:
            objs.append(
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
                + res
                + b" /Contents %d 0 R >>" % (page_no + 1)
            )
            objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def pdf_text() -> bytes:
    lines = b" ".join(
        b"(Task %d: report the filing rate every quarter.) Tj T*" % i for i in range(1, 40)
    )
    return pdf([b"BT /F1 12 Tf 14 TL 72 800 Td " + lines + b" ET"])


def pdf_image_only() -> bytes:
    image = b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
    image += b"/BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream"
    return pdf(
        [b"q 400 0 0 400 100 300 cm /Im1 Do Q"],
        resources=b"/XObject << /Im1 4 0 R >>",
        extra=[image],
    )


def pdf_encrypted() -> bytes:
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("secret", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def random_bytes(n: int, seed: int) -> bytes:
    import random

    return random.Random(seed).randbytes(n)


# ---------------------------------------------------------------------------------------------
# Zip bombs: written by hand, the same deflate block repeated (each block ends with a full
# flush, so it decodes on its own), a few MB on disk, GBs inflated. CRCs are correct.

BOMB_BYTES = 2 * 1024**3  # inflated size of the big entry


def _deflate_blocks(data: bytes) -> bytes:
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    return co.compress(data) + co.flush(zlib.Z_FULL_FLUSH)


def write_bomb_zip(
    path: Path,
    small: dict[str, bytes],
    big_name: str,
    prefix: bytes,
    chunk: bytes,
    suffix: bytes,
    total: int = BOMB_BYTES,
    declared: int | None = None,
) -> None:
    """A zip of the small entries plus big_name = prefix + chunk * n + suffix (≈ total bytes)."""
    count = max(1, (total - len(prefix) - len(suffix)) // len(chunk))
    head, block = _deflate_blocks(prefix), _deflate_blocks(chunk)
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    tail = co.compress(suffix) + co.flush()
    crc = zlib.crc32(prefix)
    for _ in range(count):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(suffix, crc)
    size = len(prefix) + len(chunk) * count + len(suffix)
    entries = []  # (name, crc, csize, usize, writer)
    for name, data in small.items():
        comp = zlib.compressobj(9, zlib.DEFLATED, -15)
        packed = comp.compress(data) + comp.flush()
        entries.append((name, zlib.crc32(data), len(packed), len(data), [packed]))
    csize = len(head) + len(block) * count + len(tail)
    usize = size if declared is None else declared
    entries.append((big_name, crc, csize, usize, None))
    central = bytearray()
    with open(path, "wb") as f:
        for name, crc_, csz, usz, parts in entries:
            offset = f.tell()
            raw = name.encode()
            f.write(
                struct.pack(
                    "<IHHHHHIIIHH", 0x04034B50, 20, 0x800, 8, 0, 0x21, crc_, csz, usz, len(raw), 0
                )
            )
            f.write(raw)
            if parts is not None:
                f.write(b"".join(parts))
            else:
                f.write(head)
                for _ in range(count):
                    f.write(block)
                f.write(tail)
            central += struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50, 20, 20, 0x800, 8, 0, 0x21, crc_, csz, usz, len(raw), 0, 0, 0, 0, 0, offset,
            )  # fmt: skip
            central += raw
        cd_offset = f.tell()
        f.write(central)
        f.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), cd_offset, 0))  # fmt: skip


SHEET_HEAD = (
    f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS_MAIN}"><sheetData>'.encode()
)
SHEET_TAIL = b"</sheetData></worksheet>"


def bomb(kind: str) -> Callable[[Ctx], Path]:
    def make(ctx: Ctx) -> Path:
        ext = "docx" if kind == "docx" else "xlsx"
        return ctx.env.cached(f"bomb-{kind}.{ext}", lambda p: _make_bomb(kind, p))

    return make


def _make_bomb(kind: str, path: Path) -> None:
    if kind == "one-cell":  # one inline string of 2 GiB
        prefix = SHEET_HEAD + b'<row r="1"><c r="A1" t="inlineStr"><is><t>'
        write_bomb_zip(path, xlsx_parts(), "xl/worksheets/sheet1.xml", prefix,
                       "法" .encode() * 349525, b"</t></is></c></row>" + SHEET_TAIL)  # fmt: skip
    elif kind == "rows":  # ~40 million small rows (no r attributes)
        row = b'<row><c t="inlineStr"><is><t>1</t></is></c><c t="inlineStr"><is><t>2</t></is></c></row>'
        write_bomb_zip(path, xlsx_parts(), "xl/worksheets/sheet1.xml", SHEET_HEAD,
                       row * (1048576 // len(row)), SHEET_TAIL)  # fmt: skip
    elif kind == "shared-strings":  # ~120 million shared strings, the sheet refers to one
        parts = xlsx_parts(shared_strings=True)
        parts["xl/worksheets/sheet1.xml"] = sheet_xml(
            '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
        )
        si = b"<si><t>x</t></si>"
        write_bomb_zip(path, parts, "xl/sharedStrings.xml",
                       f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS_MAIN}">'.encode(),
                       si * (1048576 // len(si)), b"</sst>")  # fmt: skip
    elif kind == "lying-size":  # the directory says 1 kB; the entry inflates to 2 GiB
        prefix = SHEET_HEAD + b'<row r="1"><c r="A1" t="inlineStr"><is><t>'
        write_bomb_zip(path, xlsx_parts(), "xl/worksheets/sheet1.xml", prefix,
                       b"A" * 1048576, b"</t></is></c></row>" + SHEET_TAIL, declared=1024)  # fmt: skip
    elif kind == "whitespace":  # 2 GiB of blanks between two rows
        prefix = SHEET_HEAD + BREAKDOWN_ROWS.encode()
        write_bomb_zip(path, xlsx_parts(), "xl/worksheets/sheet1.xml", prefix,
                       b" " * 1048576, SHEET_TAIL)  # fmt: skip
    elif kind == "docx":  # 2 GiB of paragraphs
        head = (
            f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{NS_W}"><w:body>'
        ).encode()
        para = "<w:p><w:r><w:t>法治政府建设</w:t></w:r></w:p>".encode()
        write_bomb_zip(path, {"[Content_Types].xml": DOCX_CT, "_rels/.rels": DOCX_RELS},
                       "word/document.xml", head, para * (1048576 // len(para)),
                       b"</w:body></w:document>")  # fmt: skip
    else:
        raise ValueError(kind)


# ---------------------------------------------------------------------------------------------
# Template mutations (openpyxl)

SENTINEL = 987654.125  # a number openpyxl writes exactly; replaced in the XML afterwards


def fill(
    env: Env,
    tasks: dict[str, tuple] | None = None,
    numbers: dict[str, tuple] | None = None,
    mutate: Callable | None = None,
    all_units: bool = False,
) -> bytes:
    """The 县司法局 (or all-units) template filled by 编号, then mutate(wb) for the hostile part."""
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(env.template_all if all_units else env.template))
    if tasks is None and numbers is None:
        tasks = {"(二)": ("已完成", "开展检查2次")}
        numbers = {"(一)": (39, 40, None)}
    for name, answers, cols in (
        ("任务进展", tasks or {}, ("进展状态", "进展说明")),
        ("指标数据", numbers or {}, ("分子", "分母", "实际值")),
    ):
        ws = wb[name]
        head = {c.value: c.column for c in ws[2] if c.value}
        for r in range(3, ws.max_row + 1):
            key = ws.cell(r, head["编号"]).value
            if key in answers and (not all_units or ws.cell(r, head["单位"]).value == UNIT):
                for col, value in zip(cols, answers[key], strict=False):
                    ws.cell(r, head[col]).value = value
    if mutate is not None:
        mutate(wb)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def cell_of(wb, sheet: str, code: str, column: str):
    ws = wb[sheet]
    head = {c.value: c.column for c in ws[2] if c.value}
    for r in range(3, ws.max_row + 1):
        if ws.cell(r, head["编号"]).value == code:
            return ws.cell(r, head[column])
    raise KeyError(code)


def note_raw(raw: bytes) -> Callable[[Ctx], bytes]:
    """The template with task (二)'s 进展说明 replaced by raw bytes in the sheet XML."""

    def make(ctx: Ctx) -> bytes:
        data = fill(ctx.env, tasks={"(二)": ("推进中", "@@NOTE@@")})
        return replace_token(data, "@@NOTE@@", raw)

    return make


def note(text: str) -> Callable[[Ctx], bytes]:
    return lambda ctx: fill(ctx.env, tasks={"(二)": ("推进中", text)})


def number_raw(code: str, column: str, raw: str, cell_type: str = "n") -> Callable[[Ctx], bytes]:
    """A cell of the 指标数据 sheet whose XML value is raw (NaN, INF, 1e309 …), of type cell_type."""
    import re

    def make(ctx: Ctx) -> bytes:
        def mutate(wb):
            cell_of(wb, "指标数据", code, column).value = SENTINEL

        data = fill(ctx.env, tasks={}, numbers={}, mutate=mutate)
        pattern = re.compile(
            rb'(<c [^>]*?)(?: t="n")?([^>]*>)<v>' + re.escape(str(SENTINEL).encode()) + rb"</v>"
        )
        value = f' t="{cell_type}"'.encode()

        def edit(name: str, xml: bytes) -> bytes:
            if not name.startswith("xl/worksheets/"):
                return xml
            return pattern.sub(
                lambda m: m.group(1) + value + m.group(2) + b"<v>" + raw.encode() + b"</v>", xml
            )

        out = zip_replace(data, edit)
        assert raw.encode() in b"".join(
            zipfile.ZipFile(io.BytesIO(out)).read(n)
            for n in zipfile.ZipFile(io.BytesIO(out)).namelist()
        )
        return out

    return make


def numbers(values: dict[str, tuple]) -> Callable[[Ctx], bytes]:
    return lambda ctx: fill(ctx.env, tasks={}, numbers=values)


def meta(key: str, value) -> Callable[[Ctx], bytes]:
    def mutate(wb):
        ws = wb["_meta"]
        for row in ws.iter_rows(min_row=2):
            if row[0].value == key:
                row[1].value = value

    return lambda ctx: fill(ctx.env, mutate=mutate)


# ---------------------------------------------------------------------------------------------
# Command builders


def parse_cmd(name: str, make: Callable[[Ctx], bytes | str | Path]) -> Callable[[Ctx], list[str]]:
    return lambda ctx: ["parse", ctx.write(name, make(ctx)), "--json"]


def load_cmd(name: str, make: Callable[[Ctx], bytes | str | Path]) -> Callable[[Ctx], list[str]]:
    return lambda ctx: ["load", ctx.write(name, make(ctx)), "--db", ctx.db]


def progress_cmd(
    name: str, make: Callable[[Ctx], bytes | str | Path], *extra: str, unit: str | None = UNIT
) -> Callable[[Ctx], list[str]]:
    def build(ctx: Ctx) -> list[str]:
        args = ["progress", ctx.write(name, make(ctx)), "--db", ctx.db]
        if unit is not None:
            args += ["--unit", unit]
        return args + list(extra)

    return build


def restore_cmd(upload: str | Callable[[Ctx], str]) -> Callable[[Ctx], list[str]]:
    def build(ctx: Ctx) -> list[str]:
        value = upload(ctx) if callable(upload) else upload
        return ["progress", "-", "--db", ctx.db, "--restore", value]

    return build


def const(data: bytes | str) -> Callable[[Ctx], bytes | str]:
    return lambda ctx: data


# ---------------------------------------------------------------------------------------------
# The corpus

CASES: list[Case] = []


def add(id: str, build, expect=REJECT, db_unchanged=True, check=None, timeout=TIMEOUT) -> None:
    CASES.append(Case(id, build, expect, db_unchanged, check, timeout))


def file_case(stem: str, name: str, make, parse=REJECT, load=None) -> None:
    """A file through `parse` (writes nothing), and through `load` too when load is given."""
    add(f"parse-{stem}", parse_cmd(name, make), parse)
    if load is not None:
        add(f"load-{stem}", load_cmd(name, make), load, db_unchanged=load == REJECT)


def plan_with(old: str, new: str) -> str:
    assert old in PLAN
    return PLAN.replace(old, new).replace("青禾县2025年", "青禾县2025年（修订）")


def csv_row(base: list[str], **changes: str) -> list[str]:
    header = IND_HEADER if len(base) == len(IND_HEADER) else TASK_HEADER
    row = list(base)
    for key, value in changes.items():
        row[header.index({"unit": "单位", "code": "编号", "title": "任务", "status": "进展状态",
                          "note": "进展说明", "year": "年度", "quarter": "季度", "num": "分子",
                          "den": "分母", "actual": "实际值"}[key])] = value  # fmt: skip
    return row


def flat(*rows: list[str], encoding: str = "utf-8") -> Callable[[Ctx], bytes]:
    header = IND_HEADER if len(rows[0]) == len(IND_HEADER) else TASK_HEADER
    return const(csv_bytes([header, *rows], encoding))


TEXT_TASK = "规范行政规范性文件备案"
FILLED = lambda ctx: fill(ctx.env)  # noqa: E731  the template, validly filled

# 1. Zero-byte and whitespace-only files -------------------------------------------------------
for ext in ("txt", "md", "html", "csv"):
    file_case(
        f"zero-byte-{ext}", f"empty.{ext}", const(b""), EITHER, REJECT if ext == "txt" else None
    )
for ext in ("docx", "pdf", "xlsx", "xls"):
    file_case(
        f"zero-byte-{ext}", f"empty.{ext}", const(b""), REJECT, REJECT if ext == "xlsx" else None
    )
file_case("whitespace-txt", "blank.txt", const(" \t\r\n\u3000\u3000\n\n  \n"), EITHER, REJECT)
file_case("bom-only-md", "bom.md", const(b"\xef\xbb\xbf"), EITHER)
file_case("commas-only-csv", "commas.csv", const(",,,,\r\n,,,\r\n\r\n"), EITHER, REJECT)
file_case("empty-body-html", "empty.html", const("<html><body>  \n </body></html>"), EITHER)
file_case("empty-sheet-xlsx", "empty-sheet.xlsx", const(raw_xlsx("")), EITHER, REJECT)
file_case("empty-body-docx", "empty-body.docx", const(docx([])), EITHER, REJECT)
add("progress-zero-byte-xlsx", progress_cmd("empty.xlsx", const(b"")))
add("progress-zero-byte-csv", progress_cmd("empty.csv", const(b"")))
add("progress-empty-sheet-xlsx", progress_cmd("empty-sheet.xlsx", const(raw_xlsx(""))))

# 2. Wrong extension, random bytes -------------------------------------------------------------
file_case("pdf-named-xlsx", "plan.xlsx", lambda ctx: pdf_text(), REJECT, REJECT)
file_case("junk-zip-named-docx", "plan.docx",
          const(zip_bytes({"junk.bin": random_bytes(4000, 1), "word/nothing.txt": b"hi"})),
          REJECT, REJECT)  # fmt: skip
file_case("junk-zip-named-xlsx", "table.xlsx", const(zip_bytes({"a/b/c.xml": b"<x/>" * 100})))
file_case("docx-named-xlsx", "plan.xlsx", lambda ctx: plan_docx())
file_case("xlsx-named-docx", "plan.docx", lambda ctx: ctx.env.template, REJECT, REJECT)
file_case("xlsx-named-pdf", "plan.pdf", lambda ctx: ctx.env.template)
for i, ext in enumerate(("xls", "xlsx", "docx", "pdf")):
    file_case(f"random-bytes-{ext}", f"random.{ext}", const(random_bytes(20000, 10 + i)))
for i, ext in enumerate(("csv", "html", "txt")):
    file_case(f"random-bytes-{ext}", f"random.{ext}", const(random_bytes(20000, 20 + i)), EITHER,
              REJECT if ext == "csv" else None)  # fmt: skip
file_case("ole-header-garbage-xls", "table.xls",
          const(bytes.fromhex("d0cf11e0a1b11ae1") + random_bytes(8192, 3)))  # fmt: skip
file_case("pdf-header-garbage", "plan.pdf", const(b"%PDF-1.7\n" + random_bytes(5000, 4)))
file_case("elf-named-txt", "plan.txt",
          lambda ctx: Path(sys.executable).resolve().read_bytes()[:65536], EITHER)  # fmt: skip
add("progress-pdf-named-xlsx", progress_cmd("filled.xlsx", lambda ctx: pdf_text()))
add("progress-random-bytes-xls", progress_cmd("filled.xls", const(random_bytes(9000, 5))))
add("progress-random-bytes-csv", progress_cmd("filled.csv", const(random_bytes(9000, 6))))
add("progress-docx-file", progress_cmd("filled.docx", lambda ctx: plan_docx()))

# 3. Truncated files ---------------------------------------------------------------------------
file_case("truncated-xlsx", "table.xlsx", lambda ctx: raw_xlsx(BREAKDOWN_ROWS)[:-300])
file_case("truncated-docx-half", "plan.docx", lambda ctx: plan_docx()[: len(plan_docx()) // 2],
          REJECT, REJECT)  # fmt: skip
file_case("truncated-pdf-half", "plan.pdf", lambda ctx: pdf_text()[: len(pdf_text()) // 2],
          REJECT, REJECT)  # fmt: skip
file_case("truncated-pdf-no-trailer", "plan.pdf", lambda ctx: pdf_text()[:-40])
add("progress-truncated-template-half",
    progress_cmd("filled.xlsx", lambda ctx: fill(ctx.env)[: len(fill(ctx.env)) // 2]))  # fmt: skip

# 4. Zip bombs: a few MB on disk, 2 GiB inflated ----------------------------------------------
add("parse-zip-bomb-one-cell", parse_cmd("bomb.xlsx", bomb("one-cell")))
add("progress-zip-bomb-one-cell", progress_cmd("bomb.xlsx", bomb("one-cell")))
add("parse-zip-bomb-rows", parse_cmd("bomb.xlsx", bomb("rows")))
add("parse-zip-bomb-lying-size", parse_cmd("bomb.xlsx", bomb("lying-size")))
add("progress-zip-bomb-lying-size", progress_cmd("bomb.xlsx", bomb("lying-size")))
add("parse-zip-bomb-docx", parse_cmd("bomb.docx", bomb("docx")))

# 5. Huge declared sheets ----------------------------------------------------------------------


def corner_xlsx(ctx: Ctx) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"], ws["B1"], ws["A2"], ws["B2"] = "序号", "具体措施", "1", "规范行政规范性文件备案"
    ws["XFD1048576"] = "尾"  # openpyxl declares <dimension ref="A1:XFD1048576"/>
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def tpl_cell(ref: str, value: str) -> Callable[[Ctx], bytes]:
    def mutate(wb):
        wb["任务进展"][ref] = value

    return lambda ctx: fill(ctx.env, mutate=mutate)


def tpl_dimension(ref: str) -> Callable[[Ctx], bytes]:
    import re

    def edit(name: str, xml: bytes) -> bytes:
        if not name.startswith("xl/worksheets/"):
            return xml
        return re.sub(rb'<dimension ref="[^"]*"/>', f'<dimension ref="{ref}"/>'.encode(), xml)

    return lambda ctx: zip_replace(fill(ctx.env), edit)


LAST_ROW = BREAKDOWN_ROWS + '<row r="1048576">' + istr("A1048576", "尾") + "</row>"
file_case("xfd1048576-corner", "table.xlsx", corner_xlsx, REJECT, REJECT)
file_case("declared-dimension-A1-XFD1048576", "table.xlsx",
          const(raw_xlsx(BREAKDOWN_ROWS, dimension="A1:XFD1048576")), EITHER)  # fmt: skip
file_case("column-XFD-wide", "table.xlsx",
          const(raw_xlsx(BREAKDOWN_ROWS.replace("</row>", istr("XFD2", "尾") + "</row>", 2))),
          EITHER)  # fmt: skip
add("progress-template-cell-XFD1048576", progress_cmd("filled.xlsx", tpl_cell("XFD1048576", "尾")))
add("progress-template-cell-A1048576", progress_cmd("filled.xlsx", tpl_cell("A1048576", UNIT)),
    EITHER, False)  # fmt: skip
add("progress-template-dimension-XFD1048576",
    progress_cmd("filled.xlsx", tpl_dimension("A1:XFD1048576")), EITHER, False)  # fmt: skip
add("progress-standalone-xfd-corner", progress_cmd("filled.xlsx", corner_xlsx))

# 6. Long CSV cells and encodings --------------------------------------------------------------
LONG = "长" * 131_073
file_case("csv-cell-131073-chars", "table.csv",
          const(csv_bytes([["序号", "具体措施", "牵头单位"], ["1", LONG, UNIT]])), EITHER, EITHER)  # fmt: skip
file_case("csv-unterminated-quote", "table.csv",
          const('序号,具体措施,牵头单位\r\n1,"' + "未闭合" * 70_000 + "\r\n2,x,y\r\n"), EITHER)  # fmt: skip
add("progress-csv-note-131073-chars", progress_cmd("filled.csv", flat(csv_row(TASK_ROW, note=LONG))),
    EITHER, False)  # fmt: skip
add("progress-csv-note-3MB", progress_cmd("filled.csv", flat(csv_row(TASK_ROW, note="进" * 1_000_000))),
    EITHER, False)  # fmt: skip
add("progress-csv-unterminated-quote", progress_cmd("filled.csv",
    const(csv_bytes([TASK_HEADER]) + f'{UNIT},(二),任务,推进中,"{"说明" * 70_000}\r\n'.encode())))  # fmt: skip
add("progress-csv-gbk", progress_cmd("filled.csv", flat(TASK_ROW, encoding="gbk")), OK, False)
add("progress-csv-utf8-bom", progress_cmd("filled.csv", flat(TASK_ROW, encoding="utf-8-sig")),
    OK, False)  # fmt: skip
for enc in ("utf-16", "utf-32"):
    add(
        f"progress-csv-{enc}",
        progress_cmd("filled.csv", flat(TASK_ROW, encoding=enc)),
        EITHER,
        False,
    )
add("progress-csv-mixed-utf8-gbk", progress_cmd("filled.csv", lambda ctx: csv_bytes([TASK_HEADER])
    + csv_bytes([csv_row(TASK_ROW, note="混合编码说明")], "gbk")), EITHER, False)  # fmt: skip
file_case("plan-utf16", "plan.txt", const(PLAN.encode("utf-16")), EITHER)
file_case("plan-mixed-utf8-gbk", "plan.txt",
          const(PLAN.encode()[:150] + PLAN[50:].encode("gbk")), EITHER)  # fmt: skip

# 7. Control characters ------------------------------------------------------------------------
for stem, ch in (("nul", "\x00"), ("esc", "\x1b[31m"),
                 ("c0-del-bidi", "\x01\x07\x08\x0b\x0c\x7f\u202e\u2028\ufeff")):  # fmt: skip
    add(f"load-plan-{stem}", load_cmd("plan.txt", const(plan_with(TEXT_TASK, f"规范{ch}{TEXT_TASK[2:]}"))),
        EITHER, False)  # fmt: skip
add("parse-plan-nul-everywhere", parse_cmd("plan.txt", const("\x00".join(PLAN))), EITHER)
add("progress-csv-note-nul", progress_cmd("filled.csv", flat(csv_row(TASK_ROW, note="说明\x00尾"))),
    EITHER, False)  # fmt: skip
add("progress-csv-unit-nul", progress_cmd("filled.csv", flat(csv_row(TASK_ROW, unit=UNIT + "\x00")),
    unit=None), EITHER, False)  # fmt: skip
add("progress-xlsx-note-raw-nul", progress_cmd("filled.xlsx", note_raw(b"a\x00b")), EITHER, False)
add("progress-xlsx-note-char-ref-esc", progress_cmd("filled.xlsx", note_raw(b"a&#27;b")),
    EITHER, False)  # fmt: skip
add("progress-xlsx-note-ooxml-escaped-nul", progress_cmd("filled.xlsx", note_raw(b"a_x0000_b_x001B_c")),
    EITHER, False)  # fmt: skip

# 8. Formulas ----------------------------------------------------------------------------------
FORMULAS = {
    "hyperlink": '=HYPERLINK("http://evil.example/x","点击查看")',
    "dde-cmd": "=cmd|' /C calc'!A0",
    "plus-minus": "-2+3+cmd|' /C calc'!A0",
    "at": "@SUM(1+1)*cmd|' /C calc'!A0",
}
for stem, text in FORMULAS.items():
    add(f"progress-note-formula-{stem}", progress_cmd("filled.xlsx", note(text)), EITHER, False)


def formula_cells(ctx: Ctx) -> bytes:
    def mutate(wb):
        cell_of(wb, "任务进展", "(二)", "进展状态").value = '="已完成"'
        cell_of(wb, "指标数据", "(一)", "分子").value = "=39"
        cell_of(wb, "指标数据", "(一)", "分母").value = "=40"

    return fill(ctx.env, tasks={}, numbers={}, mutate=mutate)


add("progress-formula-cells-no-cached-value", progress_cmd("filled.xlsx", formula_cells))


def no_formulas_in(out_name: str) -> Callable[[Ctx, subprocess.CompletedProcess], None]:
    def check(ctx: Ctx, proc: subprocess.CompletedProcess) -> None:
        if proc.returncode != 0:
            return
        z = zipfile.ZipFile(ctx.dir / out_name)
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                xml = z.read(name)
                assert b"<f>" not in xml and b"<f " not in xml, (
                    f"{out_name}: {name} holds a formula: text from the database was written "
                    "as a formula (formula injection on export)"
                )

    return check


def template_after(setup: Callable[[Ctx], None], quarter: str = "1") -> Callable[[Ctx], list[str]]:
    """Store something hostile first (it may be accepted or refused), then make a template."""

    def build(ctx: Ctx) -> list[str]:
        setup(ctx)
        return ["template", "--db", ctx.db, "--unit", UNIT, "--year", "2025", "--quarter", quarter,
                "-o", str(ctx.dir / "out.xlsx")]  # fmt: skip

    return build


def loaded_plan(text: str) -> Callable[[Ctx], None]:
    def setup(ctx: Ctx) -> None:
        run_cli(["load", ctx.write("setup-plan.txt", text), "--db", ctx.db])

    return setup


def uploaded(name: str, make: Callable[[Ctx], bytes]) -> Callable[[Ctx], None]:
    def setup(ctx: Ctx) -> None:
        run_cli(["progress", ctx.write(name, make(ctx)), "--db", ctx.db, "--unit", UNIT])

    return setup


HYPERLINK_PLAN = plan_with(TEXT_TASK, FORMULAS["hyperlink"].replace(",", "，"))
add("template-task-text-formula", template_after(loaded_plan(HYPERLINK_PLAN)), OK, False,
    no_formulas_in("out.xlsx"))  # fmt: skip
add("template-carried-note-formula",
    template_after(uploaded("setup.xlsx", note(FORMULAS["dde-cmd"])), quarter="2"), OK, False,
    no_formulas_in("out.xlsx"))  # fmt: skip
for stem, ch in (("esc", "\x1b[31m"), ("nul", "\x00"), ("bidi-del", "\x7f\u202e")):
    add(f"template-after-plan-with-{stem}",
        template_after(loaded_plan(plan_with(TEXT_TASK, f"规范{ch}{TEXT_TASK[2:]}"))), OK, False)  # fmt: skip
add("template-carried-note-with-esc", template_after(uploaded("setup.csv",
    flat(csv_row(TASK_ROW, note="\x1b[2J\x1b]0;x\x07说明"))), quarter="2"), OK, False)  # fmt: skip


# 9. Markdown / HTML in cells and plan text ----------------------------------------------------
MARKUP = {
    "md-image": "![](http://host/x.png)[点我](javascript:alert(1))进展",
    "script": '<script>alert(document.cookie)</script><img src=x onerror="alert(1)">进展',
}
for stem, text in MARKUP.items():
    add(f"progress-note-{stem}", progress_cmd("filled.xlsx", note(text)), EITHER, False)
add("load-plan-md-image-and-script", load_cmd("plan.md", const(plan_with(
    TEXT_TASK, "规范![](http://host/x.png)<script>alert(1)</script>行政规范性文件备案"))),
    EITHER, False)  # fmt: skip
add("load-html-script-holds-tasks", load_cmd("plan.html", const(
    "<html><body><script>var s='(一)伪造任务。(县司法局负责)';</script>"
    + "".join(f"<p>{line}</p>" for line in plan_with("青禾县", "青禾县").splitlines())
    + "</body></html>")), EITHER, False)  # fmt: skip

# 10. Numbers ----------------------------------------------------------------------------------
for stem, code, col, raw in (("numerator-NaN", "(一)", "分子", "NaN"),
                             ("actual-inf", "(二)", "实际值", "INF"),
                             ("actual-minus-inf", "(二)", "实际值", "-inf"),
                             ("actual-1e309", "(二)", "实际值", "1e309")):  # fmt: skip
    add(f"progress-{stem}", progress_cmd("filled.xlsx", number_raw(code, col, raw)))
add("progress-actual-1e308", progress_cmd("filled.xlsx", number_raw("(二)", "实际值", "1e308")),
    EITHER, False)  # fmt: skip
for stem, values in (
    ("actual-nan-text", {"(二)": (None, None, "NaN")}),
    ("negative-count", {"(二)": (None, None, -2)}),
    ("negative-numerator", {"(一)": (-1, 40, None)}),
    ("numerator-over-denominator", {"(一)": (41, 40, None)}),
    ("zero-denominator", {"(一)": (5, 0, None)}),
    ("fractional-numerator", {"(一)": (39.5, 40, None)}),
    ("percent-over-100", {"(一)": (None, None, "150%")}),
    ("numerator-text", {"(一)": ("三十九", 40, None)}),
    ("numerator-error-cell", {"(一)": ("#DIV/0!", 40, None)}),
):
    add(f"progress-{stem}", progress_cmd("filled.xlsx", numbers(values)))
for stem, value in (("NaN", "NaN"), ("negative", "-3"), ("1e400", "1e400")):
    add(
        f"progress-csv-actual-{stem}",
        progress_cmd("filled.csv", flat(csv_row(COUNT_ROW, actual=value))),
    )
add("progress-csv-numerator-over-denominator",
    progress_cmd("filled.csv", flat(csv_row(RATE_ROW, num="50", den="40"))))  # fmt: skip

# 11. Years, quarters and the sheet's own period -----------------------------------------------
for year in ("1900", "9999", "0", "99999999999"):
    add(
        f"progress-year-{year}",
        progress_cmd("filled.xlsx", FILLED, "--year", year, "--quarter", "1"),
    )
for q in ("0", "5", "Q3"):
    add(
        f"progress-quarter-{q}",
        progress_cmd("filled.xlsx", FILLED, "--year", "2025", "--quarter", q),
    )
for key, value in (("year", 1900), ("year", "abc"),
                   ("quarter", 0), ("quarter", 5), ("quarter", "Q3"), ("template_version", 999)):  # fmt: skip
    lenient = value == "Q3" or key == "template_version"
    add(f"progress-meta-{key}-{value}", progress_cmd("filled.xlsx", meta(key, value)),
        EITHER if lenient else REJECT, not lenient)  # fmt: skip
for year in ("1900", "9999"):
    add(
        f"progress-csv-year-{year}",
        progress_cmd("filled.csv", flat(csv_row(TASK_ROW, year=year)), unit=None),
    )
for q in ("0", "5"):
    add(
        f"progress-csv-quarter-{q}",
        progress_cmd("filled.csv", flat(csv_row(TASK_ROW, quarter=q)), unit=None),
    )
add("progress-csv-quarter-Q3-matches", progress_cmd("filled.csv", flat(csv_row(TASK_ROW, quarter="Q3")),
    "--year", "2025", "--quarter", "3", unit=None), EITHER, False)  # fmt: skip
add(
    "progress-template-q1-as-q2",
    progress_cmd("filled.xlsx", FILLED, "--year", "2025", "--quarter", "2"),
)
add(
    "progress-csv-q1-as-q2",
    progress_cmd("filled.csv", flat(TASK_ROW), "--year", "2025", "--quarter", "2"),
)


def title_only_period(ctx: Ctx) -> bytes:
    def mutate(wb):
        del wb["_meta"]

    return fill(ctx.env, mutate=mutate)


add("progress-title-period-differs",
    progress_cmd("filled.xlsx", title_only_period, "--year", "2025", "--quarter", "3"))  # fmt: skip
add("progress-csv-two-periods", progress_cmd("filled.csv", flat(
    TASK_ROW, csv_row(TASK_ROW, status="已完成", quarter="2")), "--year", "2025", "--quarter", "1"))  # fmt: skip

# 12. Units and task numbers -------------------------------------------------------------------
add("progress-unknown-unit-flag", progress_cmd("filled.xlsx", FILLED, unit="不存在的局"))
add("progress-empty-unit-flag", progress_cmd("filled.xlsx", FILLED, unit=""))
add("progress-sql-injection-unit", progress_cmd("filled.xlsx", FILLED, unit="县司法局' OR '1'='1"))
add("progress-csv-unknown-unit",
    progress_cmd("filled.csv", flat(csv_row(TASK_ROW, unit="不存在的局")), unit=None))  # fmt: skip
add("progress-csv-other-units-row", progress_cmd("filled.csv", flat(
    ["县政府办公室", "(三)", "推进政务公开", "已完成", "x", "2025", "1"])))  # fmt: skip
add("progress-csv-unknown-task", progress_cmd("filled.csv", flat(
    csv_row(TASK_ROW, code="(九十九)", title="并不存在的任务"))))  # fmt: skip
add("progress-csv-unknown-number-known-title",
    progress_cmd("filled.csv", flat(csv_row(TASK_ROW, code="(九十九)"))), EITHER, False)  # fmt: skip
add("progress-csv-task-not-owned", progress_cmd("filled.csv", flat(
    csv_row(TASK_ROW, code="(三)", title="推进政务公开"))))  # fmt: skip


def set_cell(sheet: str, code: str, column: str, value) -> Callable[[Ctx], bytes]:
    def mutate(wb):
        cell_of(wb, sheet, code, column).value = value

    return lambda ctx: fill(ctx.env, mutate=mutate)


for stem, value in (("999999", 999999), ("other-task", 3)):
    add(f"progress-task-id-{stem}",
        progress_cmd("filled.xlsx", set_cell("任务进展", "(二)", "任务ID", value)), EITHER, False)  # fmt: skip
add("progress-indicator-id-999999",
    progress_cmd("filled.xlsx", set_cell("指标数据", "(一)", "指标ID", 999999)), EITHER, False)  # fmt: skip
add("progress-template-unit-cell-changed",
    progress_cmd("filled.xlsx", set_cell("任务进展", "(二)", "单位", "县政府办公室")))  # fmt: skip

# 13. Duplicate rows ---------------------------------------------------------------------------


def duplicate_row(sheet: str, code: str, changes: dict[str, object]) -> Callable[[Ctx], bytes]:
    def mutate(wb):
        ws = wb[sheet]
        head = {c.value: c.column for c in ws[2] if c.value}
        src, new = cell_of(wb, sheet, code, "编号").row, ws.max_row + 1
        for col in range(1, ws.max_column + 1):
            ws.cell(new, col).value = ws.cell(src, col).value
        for name, value in changes.items():
            ws.cell(new, head[name]).value = value

    return lambda ctx: fill(ctx.env, mutate=mutate)


add("progress-duplicate-task-conflicting",
    progress_cmd("filled.xlsx", duplicate_row("任务进展", "(二)", {"进展状态": "滞后"})))  # fmt: skip
add("progress-duplicate-task-identical",
    progress_cmd("filled.xlsx", duplicate_row("任务进展", "(二)", {})), EITHER, False)  # fmt: skip
add("progress-duplicate-indicator-conflicting",
    progress_cmd("filled.xlsx", duplicate_row("指标数据", "(一)", {"分子": 10})))  # fmt: skip

# 14. Deeply nested HTML -----------------------------------------------------------------------
BODY = PLAN.replace("\n", "<br>")
file_case("html-div-100k-deep", "plan.html",
          const("<div>" * 100_000 + BODY + "</div>" * 100_000), EITHER, EITHER)  # fmt: skip
file_case("html-table-500-deep", "plan.html",
          const("<table><tr><td>" * 500 + BODY + "</td></tr></table>" * 500), EITHER)  # fmt: skip
file_case("html-unclosed-200k", "plan.html", const("<p><b><i><span>" * 50_000 + PLAN), EITHER)

# 15. Huge single-line text --------------------------------------------------------------------
file_case("single-line-5MB", "plan.txt", const("法" * 1_800_000), EITHER, REJECT)
file_case("single-line-tasks-600kB", "plan.txt", const(
    "青禾县2025年法治政府建设工作要点一、依法行政" + "(一)规范行政规范性文件备案。(县司法局负责)" * 8_000),
    EITHER)  # fmt: skip
add("progress-xlsx-note-3MB", progress_cmd("filled.xlsx", note("说" * 1_000_000)), EITHER, False)

# 16. PDFs without a text layer ----------------------------------------------------------------
file_case("pdf-blank-page", "plan.pdf", lambda ctx: pdf([None]), REJECT, REJECT)
file_case("pdf-vector-only", "plan.pdf", lambda ctx: pdf([b"0 0 m 500 700 l S 50 50 200 200 re f"]))
file_case("pdf-image-only", "plan.pdf", lambda ctx: pdf_image_only(), REJECT, REJECT)
file_case("pdf-encrypted", "plan.pdf", lambda ctx: pdf_encrypted())


# 16b. PDFs whose layout is hostile (pdf_layout reads positions and drawn lines) ------------------
def pdf_columns(x_far: bytes) -> bytes:
    """Text in three columns on 40 lines, the last column at x = x_far (1e12: bins over the
    page's width must not be allocated for it)."""
    rows = b" ".join(
        b"BT /F1 10 Tf 72 %d Td (Task %d) Tj ET BT /F1 10 Tf 200 %d Td (unit) Tj ET "
        b"BT /F1 10 Tf %s %d Td (June) Tj ET" % (800 - 14 * i, i, 800 - 14 * i, x_far, 800 - 14 * i)
        for i in range(40)
    )
    return pdf([rows])


def pdf_many_rules(count: int) -> bytes:
    """A page of text crossed by `count` horizontal and vertical lines (a table's borders gone
    wild): the table finder must stay bounded."""
    rules = b" ".join(b"72 %d m 500 %d l S %d 100 m %d 800 l S" % (i % 700 + 100, i % 700 + 100,
                      i % 400 + 80, i % 400 + 80) for i in range(count))  # fmt: skip
    text = b" ".join(b"BT /F1 10 Tf %d %d Td (cell %d) Tj ET" % (80 + 120 * (i % 3), 780 - 12 * (i // 3), i)
                     for i in range(150))  # fmt: skip
    return pdf([rules + b" " + text])


file_case("pdf-column-at-1e12", "plan.pdf", lambda ctx: pdf_columns(b"1e12"), EITHER)
file_case(
    "pdf-column-at-minus-1e12", "plan.pdf", lambda ctx: pdf_columns(b"-1000000000000"), EITHER
)
file_case("pdf-50k-rules", "plan.pdf", lambda ctx: pdf_many_rules(25_000), EITHER)
# texts of nothing but table headers: each line opens a table that never comes; a table read
# from every line to the end took time growing with the square of the length (a 20 KB file ran
# for minutes)
file_case("header-cells-txt", "cells.txt", const("任务分类\n具体措施\n" * 100_000), EITHER)
file_case(
    "header-runs-txt", "runs.txt", const("任务分类\n具体措施\n责任单位\n1\n" * 50_000), EITHER
)
file_case("header-pipes-txt", "pipes.txt", const("任务分类 |\n具体措施 |\n" * 50_000), EITHER)
file_case("header-tabs-one-line", "line.txt", const("任务分类\t具体措施\t" * 200_000), EITHER)
# texts of nothing but an indicator table's header words (指标 | 属性): each cell opens a header
# (indicator_tables.py reads at most 16 cells of one)
file_case("indicator-heads-txt", "heads.txt", const("指标\n属性\n" * 100_000), EITHER)
file_case(
    "indicator-rows-txt", "rows.txt", const("序号\n指标名称\n属性\n1\n约束性\n" * 40_000), EITHER
)

# a table pasted one cell per paragraph whose second row runs on for 20,000 paragraphs, and one of
# 3,000 rows: the row layout (a small dynamic programme per row) must stay bounded
_HUGE_ROW = [
    "序号",
    "工作任务",
    "责任单位",
    "完成时限",
    "1",
    "推进工作。",
    "县司法局",
    "6月底前",
    "2",
]
file_case("pasted-table-20k-paragraph-row", "plan.txt", const("\n\n".join(
    _HUGE_ROW + [f"段落{i}。" for i in range(20_000)]).encode()), EITHER)  # fmt: skip
file_case("pasted-table-3000-rows", "plan.txt", const("\n\n".join(
    ["序号", "工作任务", "责任单位", "完成时限"]
    + [x for i in range(1, 3001) for x in (str(i), f"推进第{i}项工作。", "县司法局", "6月底前")]
).encode()), EITHER)  # fmt: skip

# 17. Restore ----------------------------------------------------------------------------------
for stem, value in (("nonexistent", "999999"), ("negative", "-1"), ("zero", "0"), ("text", "abc"),
                    ("float", "1.5"), ("empty", ""), ("huge", "9" * 25)):  # fmt: skip
    add(f"restore-{stem}", restore_cmd(value))
add("restore-rejected-upload", restore_cmd(lambda ctx: str(ctx.env.uploads["rejected"])))
add("restore-active-upload", restore_cmd(lambda ctx: str(ctx.env.uploads["active"])), EITHER, False)
add(
    "restore-superseded-upload",
    restore_cmd(lambda ctx: str(ctx.env.uploads["superseded"])),
    OK,
    False,
)

# 18. Template ---------------------------------------------------------------------------------


def tpl_args(unit: str = UNIT, year: str = "2025", quarter: str = "1", out=None, extra=()):
    def build(ctx: Ctx) -> list[str]:
        target = out(ctx) if callable(out) else str(ctx.dir / "out.xlsx")
        return ["template", "--db", ctx.db, "--unit", unit, "--year", year, "--quarter", quarter,
                "-o", target, *extra]  # fmt: skip

    return build


add("template-unknown-unit", tpl_args(unit="不存在的局"))
add("template-empty-unit", tpl_args(unit=""))
for year in ("1900", "0", "-5", "99999999999"):
    add(f"template-year-{year}", tpl_args(year=year))
for q in ("9", "0"):
    add(f"template-quarter-{q}", tpl_args(quarter=q))
add("template-unknown-plan", tpl_args(extra=("--plan", "999")))
add("template-output-is-directory", tpl_args(out=lambda ctx: str(ctx.dir)))
add(
    "template-output-missing-dir", tpl_args(out=lambda ctx: str(ctx.dir / "no" / "such" / "o.xlsx"))
)
add("template-output-dev-full", tpl_args(out=lambda ctx: "/dev/full"))

# 19. --db that is not a database, or is busy --------------------------------------------------
# (No SQLite file here: DuckDB would try to download its sqlite extension to open one; today
# that fails offline with the same uncaught IOException.)


def bad_db(ctx: Ctx, kind: str) -> str:
    path = ctx.dir / f"bad-{kind}.duckdb"
    if kind == "text":
        path.write_text("这不是数据库\n", encoding="utf-8")
    elif kind == "pdf":
        path.write_bytes(pdf_text())
    elif kind == "directory":
        path.mkdir()
        (path / "keep.txt").write_text("x")
    elif kind == "truncated":
        path.write_bytes(Path(ctx.env.db).read_bytes()[:20_000])
    elif kind == "garbage-header":
        data = bytearray(Path(ctx.env.db).read_bytes())
        data[0:4096] = random_bytes(4096, 7)
        path.write_bytes(bytes(data))
    elif kind == "missing-parent":
        path = ctx.dir / "no" / "such" / "dir" / "x.duckdb"
    return ctx.use_db(path)


def command_on(db: Callable[[Ctx], str], command: str) -> Callable[[Ctx], list[str]]:
    def build(ctx: Ctx) -> list[str]:
        path = db(ctx)
        if command == "load":
            return ["load", ctx.write("plan.txt", plan_with(TEXT_TASK, "规范备案")), "--db", path]
        if command == "progress":
            return [
                "progress",
                ctx.write("filled.xlsx", fill(ctx.env)),
                "--db",
                path,
                "--unit",
                UNIT,
            ]
        if command == "template":
            return ["template", "--db", path, "--unit", UNIT, "--year", "2025", "--quarter", "1",
                    "-o", str(ctx.dir / "out.xlsx")]  # fmt: skip
        return ["progress", "-", "--db", path, "--restore", str(ctx.env.uploads["superseded"])]

    return build


def with_bad_db(kind: str, command: str) -> Callable[[Ctx], list[str]]:
    return command_on(lambda ctx: bad_db(ctx, kind), command)


def locked(ctx: Ctx) -> str:
    import duckdb

    holder = duckdb.connect(ctx.db)  # another process holds the file (the app, say)
    ctx.cleanups.append(holder.close)
    return ctx.db


for command in ("load", "progress", "template", "restore"):
    add(f"{command}-db-is-text-file", with_bad_db("text", command))
add("load-db-is-directory", with_bad_db("directory", "load"))
add("progress-db-is-directory", with_bad_db("directory", "progress"))
add("load-db-is-pdf", with_bad_db("pdf", "load"))
add("load-db-truncated", with_bad_db("truncated", "load"))
add("progress-db-truncated", with_bad_db("truncated", "progress"))
add("progress-db-garbage-header", with_bad_db("garbage-header", "progress"))
add("template-db-missing-parent", with_bad_db("missing-parent", "template"))
add("restore-db-missing-parent", with_bad_db("missing-parent", "restore"))
add("load-db-missing-parent", with_bad_db("missing-parent", "load"), EITHER, False)
add("load-db-locked", command_on(locked, "load"))
add("progress-db-locked", command_on(locked, "progress"))

# 20. Input paths that are not files -----------------------------------------------------------
add("progress-file-is-directory", lambda ctx: ["progress", str(ctx.dir), "--db", ctx.db])
add("progress-file-missing", lambda ctx: ["progress", str(ctx.dir / "nope.xlsx"), "--db", ctx.db])
add("progress-dash-without-restore", lambda ctx: ["progress", "-", "--db", ctx.db])
add("load-file-missing", lambda ctx: ["load", str(ctx.dir / "nope.txt"), "--db", ctx.db])
add("parse-file-is-directory", lambda ctx: ["parse", str(ctx.dir), "--json"])

# 21. XML entities inside the OOXML parts ------------------------------------------------------
XXE = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
LOL = "<!DOCTYPE lolz [" + '<!ENTITY lol "lol">' + "".join(
    f'<!ENTITY lol{i} "{("&lol;" if i == 1 else f"&lol{i - 1};") * 10}">' for i in range(1, 10)
) + "]>"  # fmt: skip


def no_passwd(ctx: Ctx, proc: subprocess.CompletedProcess) -> None:
    assert b"root:" not in proc.stdout, "an external entity was resolved: /etc/passwd leaked"


def docx_with(paragraphs: list[str], doctype: str) -> Callable[[Ctx], bytes]:
    return const(zip_bytes({"[Content_Types].xml": DOCX_CT, "_rels/.rels": DOCX_RELS,
                            "word/document.xml": docx_document(paragraphs, doctype)}))  # fmt: skip


add("parse-docx-xxe", parse_cmd("plan.docx", docx_with(["(一)读取&xxe;。(县司法局负责)"], XXE)),
    EITHER, check=no_passwd)  # fmt: skip
add("parse-docx-billion-laughs", parse_cmd("plan.docx", docx_with(["&lol9;"], LOL)), EITHER)
add("parse-xlsx-billion-laughs", parse_cmd("table.xlsx",
    const(raw_xlsx('<row r="1">' + istr("A1", "&lol9;") + "</row>", doctype=LOL))), EITHER)  # fmt: skip


def ids() -> list[str]:
    return [c.id for c in CASES]


_dups = {i for i in ids() if ids().count(i) > 1}
assert not _dups, f"duplicate case ids: {_dups}"
assert set(XFAIL) <= set(ids()), f"XFAIL names unknown cases: {set(XFAIL) - set(ids())}"


if __name__ == "__main__":  # list the corpus
    for c in CASES:
        print(c.id, sorted(c.expect), "xfail" if c.id in XFAIL else "")
    print(len(CASES), "cases", file=sys.stderr)
