"""End to end: one fictional plan in every input format, parsed by parse_path and the CLI.

Each file is built here (python-docx, reportlab, openpyxl, xlwt, csv); the expected actions and
tasks are worked out by hand from the source lines below (docs/parse-output.md).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import docx
import jsonschema
import pytest
import xlwt
from openpyxl import Workbook
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from loaders.files.readers import read_text_bytes
from loaders.plans.parse import parse_path
from tests.conftest import ROOT, SHARED
from tests.seed_variants import libreoffice_pdfs

TITLE = "青禾县2024年法治政府建设工作方案"
PLAN = [
    TITLE,
    "各乡镇人民政府,县政府各部门:现将本方案印发给你们,请结合实际认真贯彻落实。",
    "一、总体要求",
    "坚持依法行政,统筹推进法治政府建设各项工作,确保年度任务按期完成。",
    "二、主要任务",
    "(一)规范行政执法行为",
    "1.推行行政执法全过程记录。重大执法决定法制审核率达到100%。",
    "牵头单位:县司法局",
    "责任单位:县市场监管局、县交通运输局",
    "完成时限:2024年6月底前",
    "2.加强执法人员培训。每年组织执法人员培训不少于40学时(县司法局牵头,各乡镇配合)。",
    "(二)提升复议应诉水平",
    "3.落实负责人出庭应诉制度。行政机关负责人出庭应诉率达到90%以上。",
    "牵头单位:县司法局",
    "责任单位:县政府各部门",
    "完成时限:长期坚持",
    "4.畅通行政复议申请渠道。在县政务服务中心设立复议受理窗口,方便群众就近申请。",
    "牵头单位:县司法局",
    "配合单位:县政务服务中心、各乡镇",
    "完成时限:9月底前",
]
TASK4_TEXT = "畅通行政复议申请渠道。在县政务服务中心设立复议受理窗口,方便群众就近申请。"
REVIEW = ("重大执法决定法制审核率", ">=", 100, "%", None)
TRAINING = ("组织执法人员培训", ">=", 40, "学时", "year")
COURT = ("行政机关负责人出庭应诉率", ">=", 90, "%", None)
# (number, title, group, lead, responsible, cooperating, deadline, ongoing, targets)
PLAN_EXPECTED = [
    (
        "(一)",
        "规范行政执法行为",
        [
            (
                "1",
                "推行行政执法全过程记录",
                None,
                ["县司法局"],
                ["县市场监管局", "县交通运输局"],
                [],
                "2024-06-30",
                False,
                [REVIEW],
            ),
            ("2", "加强执法人员培训", None, ["县司法局"], [], ["各乡镇"], None, False, [TRAINING]),
        ],
    ),
    (
        "(二)",
        "提升复议应诉水平",
        [
            (
                "3",
                "落实负责人出庭应诉制度",
                None,
                ["县司法局"],
                ["县政府各部门"],
                [],
                None,
                True,
                [COURT],
            ),
            (
                "4",
                "畅通行政复议申请渠道",
                None,
                ["县司法局"],
                [],
                ["县政务服务中心", "各乡镇"],
                "2024-09-30",
                False,
                [],
            ),
        ],
    ),
]

M1 = "推行行政执法全过程记录。重大执法决定法制审核率达到100%。"
M2 = "加强执法人员培训。每年组织执法人员培训不少于40学时。"
M3 = "规范执法文书格式。统一制发行政执法文书样式。"
M4 = "落实负责人出庭应诉制度。行政机关负责人出庭应诉率达到90%以上。"
M5 = "畅通行政复议申请渠道。设立复议受理窗口,方便群众就近申请。"
TABLE_TITLE = "某某县2024年法治政府建设任务分解表"
CAT1, CAT2 = "一、规范行政执法行为", "二、提升复议应诉水平"


def summary(doc: dict) -> list[tuple]:
    """Actions as (code, title, [task tuples]) in the order of PLAN_EXPECTED."""
    return [(a["code"], a["title"], [task_tuple(t) for t in a["tasks"]]) for a in doc["actions"]]


def task_tuple(t: dict) -> tuple:
    targets = [
        (g["indicator"], g["comparator"], g["value"], g["unit"], g["per"]) for g in t["targets"]
    ]
    return (
        t["number"],
        t["title"],
        t["group"],
        t["lead_units"],
        t["responsible_units"],
        t["cooperating_units"],
        t["deadline"],
        t["ongoing"],
        targets,
    )


def only_doc(path: Path) -> dict:
    result = parse_path(path)
    assert result["path"] == str(path)
    assert len(result["documents"]) == 1
    return result["documents"][0]


def assert_plan(doc: dict, title: str = TITLE) -> None:
    assert (doc["title"], doc["kind"], doc["years"]) == (title, "plan", [2024])
    assert summary(doc) == PLAN_EXPECTED
    assert doc["actions"][1]["tasks"][1]["text"] == TASK4_TEXT


# --- builders -------------------------------------------------------------------------------


def build_docx(path: Path, auto_numbers: bool = False) -> Path:
    """The plan, one paragraph a line; task numbers typed, or Word's own (List Number style)."""
    document = docx.Document()
    for line in PLAN:
        number, dot, rest = line.partition(".")
        if auto_numbers and dot and number.isdigit():
            document.add_paragraph(rest, style="List Number")
        else:
            document.add_paragraph(line)
    document.save(path)
    return path


DOCX_TABLE = [
    ["序号", "主要任务", "具体措施", "牵头单位", "责任单位", "完成时限"],
    ["1", "规范行政执法", M1, "县司法局", "县市场监管局、县交通运输局", "2024年6月底前"],
    ["2", "", M2, "县司法局", "各乡镇", "2024年12月底前"],
    ["3", "提升复议应诉水平", M4, "县司法局", "县政府各部门", "长期坚持"],
]


def build_docx_table(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("青禾县2024年法治政府建设任务分解表")
    table = document.add_table(rows=len(DOCX_TABLE), cols=len(DOCX_TABLE[0]))
    for r, row in enumerate(DOCX_TABLE):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(1, 1).merge(table.cell(2, 1))  # 主要任务 spans tasks 1 and 2
    document.save(path)
    return path


PDF_HEADER = "青禾县人民政府公报"
TASK4_LINES = ["4.畅通行政复议申请渠道。在县政务服务中心设立复议受理窗口,方便", "群众就近申请。"]


def cut(line: str, at: str) -> list[str]:
    """A line broken before `at`, as PDF text layers break lines mid-sentence."""
    k = line.index(at)
    return [line[:k], line[k:]]


def pdf_layout(p1: list[str], p2: list[str], p3: list[str]) -> list[list[str]]:
    """Three pages, each under the running header; page 2 ends with its page number."""
    return [[PDF_HEADER, *p1], [PDF_HEADER, *p2, "- 2 -"], [PDF_HEADER, *p3]]


def bug(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(reason=reason, strict=True)


PDF_PAGES = pdf_layout(PLAN[:10], PLAN[10:16], TASK4_LINES + PLAN[17:])
PDF_VARIANTS = [
    pytest.param(PDF_PAGES, id="task-broken-mid-sentence"),
    pytest.param(
        pdf_layout(PLAN[:10], PLAN[10:16] + TASK4_LINES[:1], TASK4_LINES[1:] + PLAN[17:]),
        id="task-broken-across-pages",
    ),
    pytest.param(
        pdf_layout(PLAN[:10], cut(PLAN[10], "头,各乡镇") + PLAN[11:16], PLAN[16:]),
        id="inline-attribution-broken",
    ),
    pytest.param(
        pdf_layout(PLAN[:8] + cut(PLAN[8], "县交通") + PLAN[9:10], PLAN[10:16], PLAN[16:]),
        id="unit-list-broken-after-dunhao",
    ),
    pytest.param(
        pdf_layout(cut(TITLE, "工作方案") + PLAN[1:10], PLAN[10:16], PLAN[16:]),
        id="title-wrapped-over-two-lines",
    ),
]


pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))  # reportlab's built-in CID font


def build_pdf(path: Path, pages: list[list[str]]) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for lines in pages:
        pdf.setFont("STSong-Light", 11)
        if not lines:
            pdf.rect(100, 400, 300, 200, fill=1)  # an image-like page: no text layer
        for k, line in enumerate(lines):
            pdf.drawString(50, 790 - 22 * k, line)
        pdf.showPage()
    pdf.save()
    return path


CHROME = ("首页", "政务公开", "互动交流", "版权所有", "网站地图", "document", "虚假", "县委办")


def build_html(path: Path) -> Path:
    body = "".join(f"<p>{line}</p>" for line in PLAN[1:])
    html = (
        '<html><head><meta charset="utf-8"><title>青禾县人民政府</title></head><body>'
        '<nav class="menu"><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a>互动交流</a></nav>'
        '<div class="breadcrumb">当前位置:首页 &gt; 政务公开 &gt; 规划计划</div>'
        '<script>var tip = "1.虚假任务条目。牵头单位:县委办";</script>'
        f'<div class="content"><h1>{TITLE}</h1>{body}</div>'
        '<div class="footer">版权所有:青禾县人民政府 | 网站地图 | 主办:青禾县人民政府办公室</div>'
        '<script>document.write("2.虚假任务条目(县委办牵头)");</script>'
        "</body></html>"
    )
    path.write_text(html, encoding="utf-8")
    return path


FULL_WIDTH_PLAN = """青禾县 2024 年法治政府建设工作方案
各乡镇人民政府，县政府各部门：现将本方案印发给你们，请结合实际认真贯彻落实。
一、总体要求
坚持依法行政，统筹推进法治政府建设各项工作，确保年度任务按期完成。
二、主要任务
（一）规范行政执法行为
１．推行行政执法全过程记录。重大执法决定法制审核率达到１００％\
（牵头单位：县司法局；责任单位：县市场监管局、县交通运输局）。
完成时限：2024 年 6 月底前
２．加强执法人员培训。每年组织执法人员培训不少于４０学时（县司法局牵头，各乡镇配合）。
（二）提升复议应诉水平
３．落实负责人出庭应诉制度。行政机关负责人出庭应诉率达到９０％以上。
牵头单位：县司法局
责任单位：县政府各部门
完成时限：长期坚持
４．畅通行政复议申请渠道。在县政务服务中心设立复议受理窗口，方便群众就近申请。
牵头单位：县司法局
配合单位：县政务服务中心、各乡镇
完成时限：９月底前
"""

# 序号, 任务分类 (None: merged with the cell above), 具体措施, 牵头单位, 配合单位, 完成时限
XLSX_ROWS = [
    [1, CAT1, M1, "县司法局", "县市场监管局、县交通运输局", "2024年6月底前"],
    [2, None, M2, "县司法局", "各乡镇", "2024年12月底前"],
    [3, None, M3, "县市场监管局", None, "2024年9月底前"],
    [None] * 6,  # spacer row
    [4, CAT2, M4, "县司法局", "县政府各部门", "长期坚持"],
    [5, None, M5, "县司法局", "县政务服务中心、各乡镇", "9月底前"],
]
XLSX_EXPECTED = [
    (
        "一",
        "规范行政执法行为",
        [
            (
                "1",
                "推行行政执法全过程记录",
                None,
                ["县司法局"],
                [],
                ["县市场监管局", "县交通运输局"],
                "2024-06-30",
                False,
                [REVIEW],
            ),
            (
                "2",
                "加强执法人员培训",
                None,
                ["县司法局"],
                [],
                ["各乡镇"],
                "2024-12-31",
                False,
                [TRAINING],
            ),
            ("3", "规范执法文书格式", None, ["县市场监管局"], [], [], "2024-09-30", False, []),
        ],
    ),
    (
        "二",
        "提升复议应诉水平",
        [
            (
                "4",
                "落实负责人出庭应诉制度",
                None,
                ["县司法局"],
                [],
                ["县政府各部门"],
                None,
                True,
                [COURT],
            ),
            (
                "5",
                "畅通行政复议申请渠道",
                None,
                ["县司法局"],
                [],
                ["县政务服务中心", "各乡镇"],
                "2024-09-30",
                False,
                [],
            ),
        ],
    ),
]


DATE_CELLS = {
    "2024年6月底前": dt.datetime(2024, 6, 30),
    "2024年12月底前": dt.datetime(2024, 12, 31),
    "2024年9月底前": dt.datetime(2024, 9, 30),
}


def build_xlsx(path: Path, typed_dates: bool = False) -> Path:
    """The breakdown table; with typed_dates, "2024年M月底前" deadlines are Excel date cells."""
    wb = Workbook()
    ws = wb.active
    ws.append([TABLE_TITLE])
    ws.append(["序号", "任务分类", "具体措施", "责任单位", None, "完成时限"])
    ws.append([None, None, None, "牵头单位", "配合单位", None])
    for row in XLSX_ROWS:
        ws.append(row[:5] + [DATE_CELLS.get(row[5], row[5]) if typed_dates else row[5]])
    for cells in ("A1:F1", "D2:E2", "A2:A3", "B2:B3", "C2:C3", "F2:F3", "B4:B6", "B8:B9"):
        ws.merge_cells(cells)
    wb.save(path)
    return path


# 序号, 任务分类 ("" below a category: merged in .xls, empty in .csv), 具体措施, 责任单位, 完成时限
SIMPLE_ROWS = [
    ["1", CAT1, M1, "县司法局、县市场监管局", "2024年6月底前"],
    ["2", "", M2, "县司法局", "2024年12月底前"],
    ["3", CAT2, M4, "县司法局", "长期坚持"],
]
SIMPLE_HEADER = ["序号", "任务分类", "具体措施", "责任单位", "完成时限"]
SIMPLE_EXPECTED = [
    (
        "一",
        "规范行政执法行为",
        [
            (
                "1",
                "推行行政执法全过程记录",
                None,
                [],
                ["县司法局", "县市场监管局"],
                [],
                "2024-06-30",
                False,
                [REVIEW],
            ),
            ("2", "加强执法人员培训", None, [], ["县司法局"], [], "2024-12-31", False, [TRAINING]),
        ],
    ),
    (
        "二",
        "提升复议应诉水平",
        [
            ("3", "落实负责人出庭应诉制度", None, [], ["县司法局"], [], None, True, [COURT]),
        ],
    ),
]


def build_xls(path: Path) -> Path:
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("分解表")
    ws.write_merge(0, 0, 0, 4, TABLE_TITLE)
    for c, text in enumerate(SIMPLE_HEADER):
        ws.write(1, c, text)
    for r, (number, _category, *cells) in enumerate(SIMPLE_ROWS, start=2):
        ws.write(r, 0, int(number))
        for c, text in enumerate(cells, start=2):
            ws.write(r, c, text)
    ws.write_merge(2, 3, 1, 1, CAT1)
    ws.write(4, 1, CAT2)
    wb.save(str(path))
    return path


def build_csv(path: Path) -> Path:
    out = io.StringIO()
    csv.writer(out).writerows([[TABLE_TITLE, "", "", "", ""], SIMPLE_HEADER, *SIMPLE_ROWS])
    path.write_bytes(out.getvalue().encode("gbk"))
    return path


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("formats")
    txt = d / "方案.txt"
    txt.write_bytes(FULL_WIDTH_PLAN.encode("gb18030"))
    return {
        "docx": build_docx(d / "方案.docx"),
        "docx_table": build_docx_table(d / "分解表.docx"),
        "pdf": build_pdf(d / "方案.pdf", PDF_PAGES),
        "html": build_html(d / "方案.html"),
        "txt": txt,
        "xlsx": build_xlsx(d / "分解表.xlsx"),
        "xls": build_xls(d / "分解表.xls"),
        "csv": build_csv(d / "分解表.csv"),
    }


# --- plans in prose ---------------------------------------------------------------------------


def test_docx_plan(files: dict[str, Path]) -> None:
    assert_plan(only_doc(files["docx"]))


def test_docx_auto_numbered_tasks(tmp_path: Path) -> None:
    assert_plan(only_doc(build_docx(tmp_path / "自动编号.docx", auto_numbers=True)))


def test_docx_breakdown_table_with_vertically_merged_cell(files: dict[str, Path]) -> None:
    doc = only_doc(files["docx_table"])
    heading = (doc["title"], doc["kind"], doc["years"])
    assert heading == ("青禾县2024年法治政府建设任务分解表", "breakdown_table", [2024])
    assert summary(doc) == [
        (
            "",
            "未分类",
            [
                (
                    "1",
                    "推行行政执法全过程记录",
                    "规范行政执法",
                    ["县司法局"],
                    ["县市场监管局", "县交通运输局"],
                    [],
                    "2024-06-30",
                    False,
                    [REVIEW],
                ),
                (
                    "2",
                    "加强执法人员培训",
                    "规范行政执法",
                    ["县司法局"],
                    ["各乡镇"],
                    [],
                    "2024-12-31",
                    False,
                    [TRAINING],
                ),
                (
                    "3",
                    "落实负责人出庭应诉制度",
                    "提升复议应诉水平",
                    ["县司法局"],
                    ["县政府各部门"],
                    [],
                    None,
                    True,
                    [COURT],
                ),
            ],
        ),
    ]


@pytest.mark.parametrize("pages", PDF_VARIANTS)
def test_pdf_plan_joins_broken_lines_and_drops_page_furniture(
    tmp_path: Path, pages: list[list[str]]
) -> None:
    doc = only_doc(build_pdf(tmp_path / "方案.pdf", pages))
    assert_plan(doc)
    texts = [t["text"] for a in doc["actions"] for t in a["tasks"]]
    assert not any(PDF_HEADER in t or "- 2 -" in t for t in texts)


def test_html_plan_without_page_chrome(files: dict[str, Path]) -> None:
    doc = only_doc(files["html"])
    assert_plan(doc)
    seen = [doc["title"]] + [a["title"] for a in doc["actions"]]
    for task in (t for a in doc["actions"] for t in a["tasks"]):
        seen += [task["title"], task["text"], *task["lead_units"], *task["responsible_units"]]
        seen += task["cooperating_units"]
    assert [w for w in CHROME if any(w in s for s in seen)] == []


def test_gb18030_text_with_full_width_forms_and_stray_spaces(files: dict[str, Path]) -> None:
    assert_plan(only_doc(files["txt"]))


# --- breakdown tables -------------------------------------------------------------------------


def test_xlsx_with_merged_title_two_row_header_and_spacer(files: dict[str, Path]) -> None:
    doc = only_doc(files["xlsx"])
    assert (doc["title"], doc["kind"], doc["years"]) == (TABLE_TITLE, "breakdown_table", [2024])
    assert summary(doc) == XLSX_EXPECTED


@pytest.mark.parametrize("fmt", ["xls", "csv"])
def test_xls_merged_and_gbk_csv_tables(files: dict[str, Path], fmt: str) -> None:
    doc = only_doc(files[fmt])
    assert (doc["title"], doc["kind"], doc["years"]) == (TABLE_TITLE, "breakdown_table", [2024])
    assert summary(doc) == SIMPLE_EXPECTED


def test_xlsx_deadline_cells_typed_as_dates(tmp_path: Path) -> None:
    assert summary(only_doc(build_xlsx(tmp_path / "日期.xlsx", typed_dates=True))) == XLSX_EXPECTED


# --- the command line -------------------------------------------------------------------------


def run_cli(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "loaders", "parse", *map(str, paths), "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def test_cli_output_of_every_format_matches_schema(files: dict[str, Path]) -> None:
    out = run_cli(*files.values())
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    schema = json.loads((SHARED / "parse-output.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert [f["path"] for f in data["files"]] == [str(p) for p in files.values()]
    by_format = dict(zip(files, data["files"], strict=True))
    assert summary(by_format["pdf"]["documents"][0]) == PLAN_EXPECTED
    assert summary(by_format["xlsx"]["documents"][0]) == XLSX_EXPECTED
    kinds = [d["kind"] for f in data["files"] for d in f["documents"]]
    assert kinds == ["plan", "breakdown_table", "plan", "plan", "plan"] + ["breakdown_table"] * 3


def test_cli_pdf_without_text_layer_exits_1_naming_the_file(tmp_path: Path) -> None:
    scan = build_pdf(tmp_path / "扫描件.pdf", [[], []])
    out = run_cli(scan)
    assert out.returncode == 1
    assert "扫描件.pdf" in out.stderr and "文字层" in out.stderr
    assert json.loads(out.stdout) == {"files": []}


# --- lines as PDF and Word give them ----------------------------------------------------------


def test_docx_auto_number_before_a_year_stays_apart_from_it(tmp_path: Path) -> None:
    """Word draws a tab after "8."; "8." + "2023年年底前…" must not read as the number 8.2023."""
    document = docx.Document()
    document.add_paragraph("某县2023年法治政府建设工作方案")
    for text in (
        "推行权责清单制度(牵头单位:县司法局)",
        "2023年年底前实施基层政务公开标准(牵头单位:县政府办)",
    ):
        document.add_paragraph(text, style="List Number")
    path = tmp_path / "编号.docx"
    document.save(path)
    doc = only_doc(path)
    got = [
        (t["number"], t["lead_units"], t["deadline"]) for a in doc["actions"] for t in a["tasks"]
    ]
    assert got == [("1", ["县司法局"], None), ("2", ["县政府办"], "2023-12-31")]


def wrap_at(paragraph: str, ems: float = 38) -> list[str]:
    """A paragraph broken as a PDF page breaks it: a new line when the next character would
    pass `ems` (a CJK character 1 em, a digit or ASCII sign ½)."""
    lines, width = [""], 0.0
    for ch in paragraph:
        w = 0.5 if ch.isascii() else 1.0
        if width + w > ems:
            lines.append("")
            width = 0.0
        lines[-1] += ch
        width += w
    return lines


REPORT = (
    "2023年,全县法治政府建设工作取得明显成效,依法行政水平不断提高。全年共办理行政复议案件56件,"
    "行政机关负责人出庭应诉率为100%。全县调解组织覆盖率、调解室建成率均为100%,"
    "共调解矛盾纠纷2864件,调解成功率达99.8%。"
)


@pytest.mark.parametrize("ems", [26, 30])  # lines break in "负责|人出庭…", "…纠纷28|64件"
def test_pdf_lines_broken_at_the_page_width_are_joined(tmp_path: Path, ems: int) -> None:
    """A text-layer PDF breaks paragraphs at the page width: a full line goes on in the next."""
    lines = ["某县人民政府关于2023年度法治政府建设工作情况的报告", *wrap_at(REPORT, ems)]
    doc = only_doc(build_pdf(tmp_path / "报告.pdf", [lines]))
    got = {(a["indicator"], a["value"]) for a in doc["achievements"]}
    assert {("行政机关负责人出庭应诉率", 100), ("调解矛盾纠纷", 2864), ("调解成功率", 99.8)} <= got


def test_pdf_line_joining_keeps_items_apart(tmp_path: Path) -> None:
    """A glued number continuing the numbering ("3县级…") opens a new item, even after a full line."""
    full = "全面实行行政许可事项清单制度,将依法设定的行政许可事项全部纳入清单管理,严"
    lines = [
        TITLE,
        "一、主要任务",
        f"1{full}",
        "要求(责任单位:县司法局)",
        f"2{full}",
        "3县级以上人民政府按年度制定重大行政决策事项目录(责任单位:县政府办)",
    ]
    doc = only_doc(build_pdf(tmp_path / "方案.pdf", [lines + [full] * 3]))
    assert [t["number"] for a in doc["actions"] for t in a["tasks"]] == ["1", "2", "3"]


def test_pdf_line_left_on_an_open_quote_goes_on_in_the_next(tmp_path: Path) -> None:
    """A line broken after an opening quote ("…按“") goes on in the next, even when that one opens
    like a heading ("一、三、四”模式…"): no new action."""
    full = "完善应急救援架构建设。立足高起点,打造中心消防站成为城区消防基地。按“"
    lines = [
        TITLE,
        "一、主要任务",
        f"1.{full}",
        "一、三、四”模式构建重大灾情应急救援框架。(责任单位:县应急局)",
        "2.推进消防站点建设。(责任单位:县消防救援大队)",
    ]
    doc = only_doc(build_pdf(tmp_path / "方案.pdf", [lines + [full] * 3]))
    assert [a["title"] for a in doc["actions"]] == ["主要任务"]
    first = doc["actions"][0]["tasks"][0]
    assert "按“一、三、四”模式构建" in first["text"]
    assert first["responsible_units"] == ["县应急局"]


def test_pdf_line_broken_before_a_percentage_and_its_full_stop_goes_on(tmp_path: Path) -> None:
    """A line before "100%。" (which goes down whole: no line opens on "。") ends short by its width."""
    full = "全面实行行政许可事项清单制度,将依法设定的行政许可事项全部纳入清单管理,严"
    lines = [
        TITLE,
        "截至去年底,各镇调解组织覆盖率、调解室建成率、调解人员到位率均为",
        "100%。全年共调解矛盾纠纷2864件。",
    ]
    path = build_pdf(tmp_path / "报告.pdf", [lines + [f"1.{full}"] * 3])
    text = read_text_bytes(path.name, path.read_bytes()).split("\n")
    assert text[1] == (
        "截至去年底,各镇调解组织覆盖率、调解室建成率、调解人员到位率均为"
        "100%。全年共调解矛盾纠纷2864件。"
    )


def test_pdf_heading_broken_before_a_span_of_years_is_one_line(tmp_path: Path) -> None:
    """A line the page broke before a number it could not split ("…清单(2024-" / "2026年)》…")
    ends short of the right edge by that number's width: it still goes on in the next line."""
    full = "全面实行行政许可事项清单制度,将依法设定的行政许可事项全部纳入清单管理,严"
    lines = [
        TITLE,
        "一、全面落实县政府印发的《青禾县法治政府建设实施方案和任务清单(2024-",
        "2026年)》",
        f"1.{full}",
        "格执行。(责任单位:县司法局)",
    ]
    path = build_pdf(tmp_path / "方案.pdf", [lines + [full] * 3])
    text = read_text_bytes(path.name, path.read_bytes()).split("\n")
    assert text[:3] == [
        TITLE,
        "一、全面落实县政府印发的《青禾县法治政府建设实施方案和任务清单(2024-2026年)》",
        f"1.{full}格执行。(责任单位:县司法局)",
    ]


# --- cells that hold several measures, rows that slipped under the wrong header ------------------


def test_xlsx_cell_with_several_measures_shares_its_unit_and_deadline_cells(tmp_path: Path) -> None:
    """A measure cell "(1) …\\n(2) …" beside a unit cell and a deadline cell holding one entry per
    measure, line by line (as WPS users type them with Alt+Enter): each measure takes its own."""
    wb = Workbook()
    ws = wb.active
    ws.append(["青禾县2024年法治政府建设任务分解表"])
    ws.append(["任务分类", "主要任务", "具体措施", "责任单位", "完成时限"])
    ws.append(
        [
            "一、政府职能依法全面履行",
            "1. 优化营商环境。",
            "(1) 清理涉企收费目录。\n(2) 征求意见期限一般不少于 30 日。",
            "县发改局牵头, 各乡镇配合。\n县司法局牵头, 县政府各部门按职责分工负责。",
            "6月底前\n长期坚持",
        ]
    )
    path = tmp_path / "分解表.xlsx"
    wb.save(path)
    doc = only_doc(path)
    (first, second) = doc["actions"][0]["tasks"]
    assert (first["number"], first["title"]) == ("(1)", "清理涉企收费目录")
    assert (first["lead_units"], first["cooperating_units"]) == (["县发改局"], ["各乡镇"])
    assert (first["deadline"], first["ongoing"]) == ("2024-06-30", False)
    # spaces beside Chinese go from the title, as in running text
    assert (second["number"], second["title"]) == ("(2)", "征求意见期限一般不少于30日")
    assert (second["lead_units"], second["responsible_units"]) == (["县司法局"], ["县政府各部门"])
    assert (second["deadline"], second["ongoing"]) == (None, True)


def test_xlsx_row_shifted_left_is_read_by_its_content(tmp_path: Path) -> None:
    """A row whose cells slipped one column left (the main task "2." under 任务分类, the measure
    under 主要任务) keeps its measure, units and deadline, under the action above."""
    wb = Workbook()
    ws = wb.active
    ws.append(["任务分类", "主要任务", "具体措施", "责任单位", "完成时限"])
    ws.append(
        [
            "一、依法行政制度体系完善",
            "1. 加强备案审查。",
            "(1) 规范性文件全部报送备案。",
            "县司法局牵头。",
            "6月底前",
        ]
    )
    ws.append(
        ["2. 集体讨论决定。", "(2) 重大决策经常务会议讨论。", "县政府办牵头。", "长期坚持", None]
    )
    path = tmp_path / "错位.xlsx"
    wb.save(path)
    doc = only_doc(path)
    assert [(a["code"], len(a["tasks"])) for a in doc["actions"]] == [("一", 2)]
    shifted = doc["actions"][0]["tasks"][1]
    assert (shifted["number"], shifted["title"]) == ("(2)", "重大决策经常务会议讨论")
    assert shifted["group"].startswith("2. 集体讨论决定")
    assert (shifted["lead_units"], shifted["ongoing"]) == (["县政府办"], True)


# --- a breakdown table drawn in columns in a PDF -------------------------------------------------


def test_pdf_table_drawn_in_columns_is_read_row_by_row(tmp_path: Path) -> None:
    """A table printed to PDF: headers centred over their columns, cells wrapped inside them
    (a main task broken after "权责统" so that its next line opens on "一、"), a row running over
    a page break past the running header and the page number, prose before and after."""
    path = tmp_path / "分解表.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    xs = (50, 130, 220, 400, 490)  # column starts; the columns are 80, 90, 180, 90, 60 wide
    state = {"y": 790, "page": 1}

    def new_page() -> None:
        pdf.setFont("STSong-Light", 9)
        pdf.drawCentredString(297, 30, f"- {state['page']} -")
        pdf.showPage()
        state["page"] += 1
        pdf.setFont("STSong-Light", 9)
        pdf.drawCentredString(297, 815, "青禾县人民政府公报")
        state["y"] = 790

    def line(pieces: list[tuple[float, str]], centred: bool = False) -> None:
        if state["y"] < 60:
            new_page()
        pdf.setFont("STSong-Light", 11)
        for x, text in pieces:
            if centred:
                pdf.drawCentredString(x, state["y"], text)
            else:
                pdf.drawString(x, state["y"], text)
        state["y"] -= 18

    pdf.setFont("STSong-Light", 9)
    pdf.drawCentredString(297, 815, "青禾县人民政府公报")
    line([(50, "附件:青禾县2024年法治政府建设任务分解表")])
    line(
        [
            (90, "任务分类"),
            (175, "主要任务"),
            (310, "具体措施"),
            (445, "责任单位"),
            (520, "完成时限"),
        ],
        True,
    )
    rows = [
        [
            [
                "一、政府职能",
                "1. 行政执法体",
                "(1) 推行行政执法公示制度,执法",
                "县司法局牵头,",
                "6月底前",
            ],
            ["依法全面履行", "制权责统", "信息公开率达到100%。", "各乡镇配合。", ""],
            ["", "一、权威高效。", "", "", ""],
        ],
        [
            ["", "", "(2) 落实重大执法决定法制审核制", "县司法局牵头,", "长期坚持"],
            ["", "", "度。", "县政府各部门负", ""],
            ["", "", "", "责。", ""],
        ],
    ]
    for row in rows:
        for cells in row:
            line([(x, c) for x, c in zip(xs, cells, strict=True) if c])
    state["y"] = 40  # the page is full: the next row begins on the next page
    line(
        [
            (50, "二、依法行政"),
            (130, "1. 备案审查。"),
            (220, "(3) 规范性文件备案审查率达到"),
            (400, "县司法局牵头,"),
        ]
    )
    line([(220, "100%。"), (400, "各乡镇按职责分"), (490, "9月底前")])
    line([(400, "工负责。")])
    line(
        [
            (
                50,
                "各乡镇、各部门要按照任务分解表的要求,认真抓好落实,确保各项任务按期完成,并于每季度末报送进展。",
            )
        ]
    )
    pdf.showPage()
    pdf.save()

    doc = only_doc(path)
    assert doc["kind"] == "breakdown_table"
    assert [(a["code"], a["title"]) for a in doc["actions"]] == [
        ("一", "政府职能依法全面履行"),
        ("二", "依法行政"),
    ]
    tasks = [t for a in doc["actions"] for t in a["tasks"]]
    assert [(t["number"], t["title"]) for t in tasks] == [
        ("(1)", "推行行政执法公示制度,执法信息公开率达到100%"),
        ("(2)", "落实重大执法决定法制审核制度"),
        ("(3)", "规范性文件备案审查率达到100%"),
    ]
    assert tasks[0]["group"] == "1. 行政执法体制权责统一、权威高效"
    assert [(t["lead_units"], t["responsible_units"], t["cooperating_units"]) for t in tasks] == [
        (["县司法局"], [], ["各乡镇"]),
        (["县司法局"], ["县政府各部门"], []),
        (["县司法局"], ["各乡镇"], []),
    ]
    assert [(t["deadline"], t["ongoing"]) for t in tasks] == [
        ("2024-06-30", False),
        (None, True),
        ("2024-09-30", False),
    ]
    assert [(g["indicator"], g["value"]) for g in tasks[2]["targets"]] == [
        ("规范性文件备案审查率", 100)
    ]


def assert_two_measures_in_one_row(tasks: list[dict]) -> None:
    """The units and deadlines of the three measures of the two PDF tables below, whose first
    row holds (1) and (2) with a unit line and a deadline line each."""
    assert [(t["lead_units"], t["cooperating_units"]) for t in tasks] == [
        (["县司法局"], []),
        (["县司法局"], ["各执法部门"]),
        (["县司法局"], []),
    ]
    assert [(t["deadline"], t["ongoing"]) for t in tasks] == [
        ("2024-06-30", False),
        (None, True),
        ("2024-12-31", False),
    ]


def test_word_document_printed_to_pdf_by_libreoffice(tmp_path: Path) -> None:
    """A .docx printed to PDF by LibreOffice, as offices do: quotation marks are drawn apart in
    another font (they must go back into "深化“放管服”改革"), and the breakdown table's rows are
    drawn with padding, one cell holding two measures with their units on two lines."""
    document = docx.Document()
    for text in (
        "青禾县2024年法治政府建设工作要点",
        "一、深化“放管服”改革",
        "1.推行“一网通办”“一次办好”,政务服务事项网上可办率达到95%以上。(县政务服务中心牵头,县政府各部门配合)",
        "附件:青禾县2024年法治政府建设任务分解表",
    ):
        document.add_paragraph(text)
    rows = [
        ("任务分类", "具体措施", "责任单位", "完成时限"),
        (
            "一、规范执法",
            "(1) 落实行政执法“三项制度”。\n(2) 开展行政执法案卷评查,评查率达到100%。",
            "县司法局牵头。\n县司法局牵头,各执法部门配合。",
            "6月底前\n长期坚持",
        ),
        ("二、化解纠纷", "(3) 推进“枫桥式”司法所创建。", "县司法局牵头,各乡镇负责。", "12月底前"),
    ]
    table = document.add_table(rows=len(rows), cols=4)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            cell.text = ""
            for k, part in enumerate(text.split("\n")):
                paragraph = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
                paragraph.add_run(part)
    plan, grid = parse_path(printed_by_libreoffice(tmp_path, document))["documents"]
    assert plan["actions"][0]["title"] == "深化“放管服”改革"
    (task,) = plan["actions"][0]["tasks"]
    assert task["title"] == "推行“一网通办”“一次办好”,政务服务事项网上可办率达到95%以上"
    assert (grid["kind"], grid["title"]) == (
        "breakdown_table",
        "青禾县2024年法治政府建设任务分解表",
    )
    tasks = [t for a in grid["actions"] for t in a["tasks"]]
    assert [(t["number"], t["title"]) for t in tasks] == [
        ("(1)", "落实行政执法“三项制度”"),
        ("(2)", "开展行政执法案卷评查,评查率达到100%"),
        ("(3)", "推进“枫桥式”司法所创建"),
    ]
    assert_two_measures_in_one_row(tasks)


def test_libreoffice_print_keeps_dashes_quotes_and_short_lines_with_numbers_in_place(
    tmp_path: Path,
) -> None:
    """LibreOffice draws "——" and some quotation marks apart, in another font, over a hole left
    in the line; and digits wider than estimated, so that short lines holding numbers
    ("（2024-2026）") could read as cells of a table. None of that may show."""
    paragraphs = [
        "青禾县城市更新三年行动方案（2024-2026年）",
        "一、重塑美丽新居行动——人居环境品质提升",
        "“一江一河”地区：重点推进滨江区域整体更新，打造成为城区新地标。",
        "（一）建设精品道路（2024-2026）",
        "城区道路（2024-2026）",
        "农村公路（2024-2026）",
        "慢行交通（2024-2026）",
        "（二）推进“四好农村路”建设。（县交通局牵头）",
    ]
    path = word_printed_to_pdf(tmp_path, paragraphs)
    lines = read_text_bytes(path.name, path.read_bytes()).split("\n")
    assert [re.sub(r" (?=[年）])", "", line) for line in lines] == paragraphs  # LO's own spaces
    (doc,) = parse_path(path)["documents"]
    assert [a["title"] for a in doc["actions"]] == ["重塑美丽新居行动——人居环境品质提升"]


def printed_by_libreoffice(tmp_path: Path, document) -> Path:
    """A Word document saved and printed to PDF by LibreOffice; the PDF's path."""
    data = io.BytesIO()
    document.save(data)
    if not libreoffice_pdfs({"文档": data.getvalue()}, tmp_path):
        pytest.skip("LibreOffice not installed (FAZHI_LO_OPTIONAL=1)")
    return tmp_path / "文档.pdf"


def word_printed_to_pdf(tmp_path: Path, paragraphs: list[str]) -> Path:
    """Paragraphs saved as .docx and printed to PDF by LibreOffice; the PDF's path."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    return printed_by_libreoffice(tmp_path, document)


def test_pdf_table_with_borders_drawn_cell_by_cell_is_read_by_its_borders(tmp_path: Path) -> None:
    """Borders drawn one cell edge at a time (as Word's PDF export does) and rows without any
    padding: the borders alone tell that "(1)" and "(2)" share a row, and their two unit lines
    and two deadline lines with them."""
    path = tmp_path / "表.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("STSong-Light", 11)
    pdf.drawString(50, 800, "青禾县2024年法治政府建设任务分解表")
    xs = [50, 140, 330, 460, 545]  # column edges
    rows = [
        [["任务分类"], ["具体措施"], ["责任单位"], ["完成时限"]],
        [
            ["一、规范执法"],
            ["(1) 落实行政执法公示制度。", "(2) 开展案卷评查,评查率达到", "100%。"],
            ["县司法局牵头。", "县司法局牵头,各执法部门", "配合。"],
            ["6月底前", "长期坚持"],
        ],
        [["二、化解纠纷"], ["(3) 推进司法所规范化建设。"], ["县司法局牵头。"], ["12月底前"]],
    ]
    top = 780
    for row in rows:
        height = 14 * max(len(cell) for cell in row) + 4
        for c, cell in enumerate(row):
            for k, text in enumerate(cell):
                pdf.drawString(xs[c] + 3, top - 12 - 14 * k, text)
            for x0, x1 in ((xs[c], xs[c + 1]),):
                pdf.line(x0, top, x1, top)  # the cell's top edge, alone
                pdf.line(x0, top - height, x1, top - height)
            pdf.line(xs[c], top, xs[c], top - height)
            pdf.line(xs[c + 1], top, xs[c + 1], top - height)
        top -= height
    pdf.showPage()
    pdf.save()

    doc = only_doc(path)
    tasks = [t for a in doc["actions"] for t in a["tasks"]]
    assert [(t["number"], t["title"]) for t in tasks] == [
        ("(1)", "落实行政执法公示制度"),
        ("(2)", "开展案卷评查,评查率达到100%"),
        ("(3)", "推进司法所规范化建设"),
    ]
    assert_two_measures_in_one_row(tasks)
