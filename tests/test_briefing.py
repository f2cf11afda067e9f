"""Briefing material (CONTRACTS §7): `python -m analytics briefing` run as a real subprocess on
the demo database, the files read back with python-pptx, python-docx and openpyxl, every takeaway
checked against figures queried from the views here; the takeaway wording on small hand-made
frames; and the deck and report drawn by LibreOffice to check that Chinese is really drawn."""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import polars as pl
import pytest
from docx import Document
from docx.oxml.ns import qn as wqn
from docx.shared import Mm, Pt
from openpyxl import load_workbook
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn
from pptx.util import Inches

from analytics.briefing import build_briefing, file_name, open_database, render
from analytics.briefing import takeaways as say
from analytics.briefing.figures import DECK, NOTE, label_sizes, spec
from analytics.briefing.model import Briefing, Section, cell_text
from analytics.export import png_size
from loaders.periods import period_index, shown_label
from tests.conftest import ROOT

YEAR, QUARTER = 2026, 3
PERIOD = period_index(YEAR, QUARTER)
TODAY = datetime.date.today()
LABEL = shown_label(YEAR, QUARTER, TODAY)
UNIT, ACTION = "司法局", "二"
PLAN_SLIDES = [
    "",  # the title slide
    "总体情况",
    "逐季度任务完成率与指标达标率",
    "各行动任务完成率",
    "各单位任务完成率",
    "未达标指标",
    "逾期任务",
    "未报送单位",
]
CHART_SLIDES = ("逐季度任务完成率与指标达标率", "各行动任务完成率", "各单位任务完成率")
CONTENT_WIDTH = Inches(13.333) - 2 * Inches(0.5)
BAD_TEXT = re.compile(r"\bNone\b|\bnan\b|\bNaN\b|null", re.IGNORECASE)


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "analytics", "briefing", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=180,
    )


@pytest.fixture(scope="module")
def db(built_demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("briefing") / "demo.duckdb"
    shutil.copyfile(built_demo, path)
    return path


@pytest.fixture(scope="module")
def files(db: Path) -> dict[str, Path]:
    """Every file the tests read, made by the command line (side by side: the whole set at once)."""
    out = db.parent
    wanted = {  # by the command line, as people run it
        "pptx": [],
        "docx": [],
        "xlsx": [],
        "unit.pptx": ["--unit", UNIT],
        "action.pptx": ["--action", ACTION],
    }
    procs = {}
    for name, extra in wanted.items():
        target = out / f"briefing_{name.replace('.', '_')}.{name.split('.')[-1]}"
        args = ["--db", str(db), "--year", str(YEAR), "--quarter", str(QUARTER), *extra]
        procs[name] = (
            target,
            subprocess.Popen(
                [sys.executable, "-m", "analytics", "briefing", *args, "-o", str(target)],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            ),
        )
    made = {}
    for name, (target, proc) in procs.items():
        stdout, stderr = proc.communicate(timeout=300)
        assert proc.returncode == 0, stderr
        assert stderr == "", stderr  # no Streamlit warnings, no traceback
        assert "已生成" in stdout
        made[name] = target
    con = open_database(db)  # the unit's report and workbook through the Python API
    try:
        unit = build_briefing(con, None, YEAR, QUARTER, unit=UNIT)
        for suffix in (".docx", ".xlsx"):
            made[f"unit{suffix}"] = out / f"unit{suffix}"
            made[f"unit{suffix}"].write_bytes(render(unit, suffix))
    finally:
        con.close()
    return made


@pytest.fixture(scope="module")
def views(db: Path):
    con = duckdb.connect(str(db), read_only=True)
    yield con
    con.close()


def one(con, sql: str, params: list) -> dict:
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description]
    row = cur.fetchone()
    return dict(zip(names, row, strict=True)) if row else {}


def expected_completion(now: dict, before: dict | None, who: str = "") -> str:
    """The summary sentence written out by hand from the view's counts."""
    total, done = now["tasks_total"], now["tasks_completed"]
    sentence = (
        f"截至{LABEL}，{who}已到期任务{total}项，已完成{done}项，完成率{done / total * 100:.1f}%"
    )
    if before and before["tasks_total"]:
        change = round((done / total - before["tasks_completed"] / before["tasks_total"]) * 100, 1)
        if change == 0:
            sentence += "，较上季度持平"
        else:
            sentence += f"，较上季度{'提高' if change > 0 else '下降'}{abs(change):.1f}个百分点"
    return sentence + "。"


def plan_rows(views) -> tuple[dict, dict]:
    sql = "select * from v_plan_trend where plan_id = 3 and period_index = ?"
    return one(views, sql, [PERIOD]), one(views, sql, [PERIOD - 1])


def slide_texts(slide) -> list[str]:
    texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
    for shape in slide.shapes:
        if shape.has_table:
            texts += [c.text_frame.text for c in shape.table.iter_cells()]
    return texts


def slide_title(slide) -> str:
    boxes = [s for s in slide.shapes if s.has_text_frame and s.top < Inches(1.0)]
    return boxes[0].text_frame.text if boxes else ""


def takeaway_of(slide):
    found = [s for s in slide.shapes if s.name == "要点"]
    return found[0] if found else None


# ------------------------------------------------------------------------------------- the deck


def test_default_plan_is_the_current_plan(files, views):
    from loaders.storage.plan_admin import current_plan_id

    current = current_plan_id(views)
    title = one(views, "select title from v_plans where plan_id = ?", [current])["title"]
    prs = Presentation(files["pptx"])
    assert title in slide_texts(prs.slides[0])
    assert f"{LABEL}推进情况汇报" in slide_texts(prs.slides[0])
    made = f"制作日期：{TODAY.year}年{TODAY.month}月{TODAY.day}日"
    assert made in slide_texts(prs.slides[0])


def test_deck_is_16_9_with_the_slides_in_order(files):
    prs = Presentation(files["pptx"])
    assert prs.slide_width * 9 == prs.slide_height * 16
    titles = [slide_title(s) for s in prs.slides]
    assert titles == PLAN_SLIDES


def test_every_content_slide_has_a_large_takeaway(files):
    prs = Presentation(files["pptx"])
    for slide in list(prs.slides)[1:]:
        box = takeaway_of(slide)
        assert box is not None, slide_title(slide)
        runs = [r for p in box.text_frame.paragraphs for r in p.runs]
        assert runs and all(r.font.size >= Pt(18) for r in runs)
        assert box.text_frame.text.endswith("。")


def test_summary_takeaway_and_tiles_equal_the_views(files, views):
    now, before = plan_rows(views)
    slide = Presentation(files["pptx"]).slides[1]
    assert takeaway_of(slide).text_frame.text == expected_completion(now, before)
    texts = slide_texts(slide)
    rate = now["tasks_completed"] / now["tasks_total"]
    assert f"{rate * 100:.1f}%" in "".join(texts)
    assert f"{now['overdue_tasks']}项" in "".join(texts)
    missing = now["units_expected"] - now["units_reported"]
    assert f"{missing}个" in "".join(texts)
    change = now["overdue_tasks"] - before["overdue_tasks"]
    word = "持平" if change == 0 else f"{'增加' if change > 0 else '减少'}{abs(change)}项"
    assert any(t.endswith(f"较上季度{word}") for t in texts[-4:] + texts)


def test_action_and_unit_takeaways_equal_the_views(files, views):
    actions = views.execute(
        "select action_code || action_title as name, completion_rate from v_action_scorecard "
        "where plan_id = 3 and period_index = ? and completion_rate is not null",
        [PERIOD],
    ).fetchall()
    low = min(r for _, r in actions)
    high = max(r for _, r in actions)
    lowest = "、".join(n for n, r in actions if r == low)
    prs = Presentation(files["pptx"])
    text = takeaway_of(prs.slides[3]).text_frame.text
    assert text.startswith(f"各行动中，任务完成率最低的是{lowest}（{low * 100:.1f}%）")
    assert text.endswith(f"（{high * 100:.1f}%）。")

    units = views.execute(
        "select s.unit, s.completion_rate from v_unit_plan_scorecard s "
        "join units u on u.unit_id = s.unit_id and u.kind <> 'group' "
        "where s.plan_id = 3 and s.period_index = ? and s.tasks_assigned > 0",
        [PERIOD],
    ).fetchall()
    full = sum(1 for _, r in units if r is not None and r >= 1)
    text = takeaway_of(prs.slides[4]).text_frame.text
    assert text.startswith(f"{len(units)}个单位中，{full}个单位已到期任务全部完成")


def test_charts_fill_the_width_with_labels_of_14_pt_and_no_repeated_title(files, db):
    prs = Presentation(files["pptx"])
    con = open_database(db)
    briefing = build_briefing(con, 3, YEAR, QUARTER)
    con.close()
    figures = {s.title: s.figure for s in briefing.sections if s.figure is not None}
    for slide in prs.slides:
        title = slide_title(slide)
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        if title not in CHART_SLIDES:
            assert not pictures, title
            continue
        (picture,) = pictures
        assert picture.width >= 0.9 * CONTENT_WIDTH
        assert picture.top + picture.height <= prs.slide_height
        px_width, _ = png_size(picture.image.blob)
        css_width = px_width / 2  # export.chart_png renders 2 pixels per chart pixel
        assert css_width == pytest.approx(DECK.width, rel=0.02)
        chart = spec(figures[title], DECK)
        placed_pt = picture.width / 12700
        smallest = min(label_sizes(chart)) * placed_pt / css_width
        assert smallest >= 14, (title, smallest)
        assert chart["title"]["text"] == NOTE and title not in chart["title"]["text"]


def test_tables_are_real_tables_with_the_views_rows(files, views):
    prs = Presentation(files["pptx"])
    tables = {slide_title(s): [x.table for x in s.shapes if x.has_table] for s in prs.slides}
    below = views.execute(
        "select count(*) from v_indicator_region where plan_id = 3 and period_index = ? "
        "and met = false",
        [PERIOD],
    ).fetchone()[0]
    overdue = plan_rows(views)[0]["overdue_tasks"]
    missing = views.execute(
        "select unit from v_plan_reporting where plan_id = 3 and period_index = ? "
        "and not reported order by unit",
        [PERIOD],
    ).fetchall()
    for title, rows in (("未达标指标", below), ("逾期任务", overdue), ("未报送单位", len(missing))):
        assert rows <= 12
        (table,) = tables[title]
        assert len(table.rows) == rows + 1, title
    slide = prs.slides[PLAN_SLIDES.index("未报送单位")]
    names = "、".join(u for (u,) in missing)
    assert takeaway_of(slide).text_frame.text.endswith(f"未报送{LABEL}进展：{names}。")
    slide = prs.slides[PLAN_SLIDES.index("未达标指标")]
    assert f"中{below}个未达标" in takeaway_of(slide).text_frame.text


def test_deck_text_has_east_asian_fonts_and_never_none_or_nan(files):
    for name in ("pptx", "unit.pptx", "action.pptx"):
        for slide in Presentation(files[name]).slides:
            for text in slide_texts(slide):
                assert not BAD_TEXT.search(text), text
            runs = slide._element.findall(".//" + qn("a:r"))
            assert runs
            for run in runs:
                ea = run.find(qn("a:rPr")).find(qn("a:ea"))
                assert ea is not None and ea.get("typeface")


def test_unit_deck(files, views):
    prs = Presentation(files["unit.pptx"])
    titles = [slide_title(s) for s in prs.slides]
    assert titles[:3] == ["", "总体情况", "逐季度任务完成率与指标达标率"]
    assert titles[3:] == [t for t in titles[3:] if t.startswith(("任务清单", "指标", "逾期任务"))]
    assert {"任务清单", "指标", "逾期任务"} <= set(titles)
    sql = "select * from v_unit_plan_scorecard where plan_id = 3 and unit = ? and period_index = ?"
    now, before = one(views, sql, [UNIT, PERIOD]), one(views, sql, [UNIT, PERIOD - 1])
    assert takeaway_of(prs.slides[1]).text_frame.text == expected_completion(now, before, UNIT)
    assert UNIT in slide_texts(prs.slides[0])[1]
    tasks = views.execute(
        "select count(*) from v_task_status where plan_id = 3 and unit = ? and period_index = ?",
        [UNIT, PERIOD],
    ).fetchone()[0]
    rows = sum(
        len(x.table.rows) - 1
        for s in prs.slides
        if slide_title(s).startswith("任务清单")
        for x in s.shapes
        if x.has_table
    )
    assert rows == tasks
    first = next(s for s in prs.slides if slide_title(s) == "任务清单")
    assert takeaway_of(first).text_frame.text.startswith(f"{UNIT}共{tasks}项任务")


def test_action_deck(files, views):
    prs = Presentation(files["action.pptx"])
    titles = [slide_title(s) for s in prs.slides]
    assert titles == ["", "总体情况", "逐季度任务完成率与指标达标率", "任务清单", "滞后单位"]
    sql = (
        "select *, action_code || action_title as name from v_action_scorecard "
        "where plan_id = 3 and action_code = '(二)' and period_index = ?"
    )
    now, before = one(views, sql, [PERIOD]), one(views, sql, [PERIOD - 1])
    assert takeaway_of(prs.slides[1]).text_frame.text == expected_completion(
        now, before, now["name"]
    )
    (table,) = [x.table for x in prs.slides[3].shapes if x.has_table]
    assert len(table.rows) - 1 == now["tasks_all"]


# ------------------------------------------------------------------------------ the Word report


def test_report_page_and_styles_are_gongwen(files):
    doc = Document(files["docx"])
    section = doc.sections[0]

    def mm(length) -> float:  # Word keeps lengths in twips: 1/1440 inch
        return round(length / Mm(1), 1)

    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
    assert (mm(section.top_margin), mm(section.bottom_margin)) == (37, 35)
    assert (mm(section.left_margin), mm(section.right_margin)) == (28, 26)
    fonts = {
        "Title": ("方正小标宋简体", 22),
        "Heading 1": ("黑体", 16),
        "Heading 2": ("楷体_GB2312", 16),
        "Normal": ("仿宋_GB2312", 16),
    }
    for name, (font, size) in fonts.items():
        style = doc.styles[name]
        rfonts = style.element.rPr.find(wqn("w:rFonts"))
        assert rfonts.get(wqn("w:eastAsia")) == font, name
        assert (
            rfonts.get(wqn("w:asciiTheme")) is None and rfonts.get(wqn("w:eastAsiaTheme")) is None
        )
        assert style.font.size == Pt(size), name
    normal = doc.styles["Normal"].paragraph_format
    assert 28 <= normal.line_spacing.pt <= 29
    assert doc.paragraphs[0].style.name == "Title"
    assert (
        doc.paragraphs[0].alignment in (None, 1)
        and doc.styles["Title"].paragraph_format.alignment == 1
    )


def test_report_sections_open_with_their_takeaways(files, views, db):
    doc = Document(files["docx"])
    paragraphs = doc.paragraphs
    headings = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    assert headings == ["一、总体情况", "二、分项进展", "三、存在问题"]
    subs = [i for i, p in enumerate(paragraphs) if p.style.name == "Heading 2"]
    assert [paragraphs[i].text for i in subs] == [
        "（一）主要指标",
        "（二）逐季度任务完成率与指标达标率",
        "（一）各行动任务完成率",
        "（二）各单位任务完成率",
        "（三）未达标指标",
        "（一）逾期任务",
        "（二）未报送单位",
    ]
    con = open_database(db)
    briefing = build_briefing(con, None, YEAR, QUARTER)
    con.close()
    for i, section in zip(subs, briefing.sections, strict=True):
        assert paragraphs[i + 1].text == section.takeaway
    assert paragraphs[subs[0] + 1].text == expected_completion(*plan_rows(views))


def test_report_pictures_at_text_width_and_real_tables(files, views):
    doc = Document(files["docx"])
    text_width = Mm(210 - 28 - 26)
    shapes = doc.inline_shapes
    assert len(shapes) == 3  # trend, actions, units (10 units: one picture)
    assert all(s.width >= 0.9 * text_width for s in shapes)
    now, _ = plan_rows(views)
    sizes = [len(t.rows) - 1 for t in doc.tables]
    # tiles, trend, actions, units, indicators below, overdue, unreported
    assert len(sizes) == 7
    assert sizes[0] == 4 and sizes[5] == now["overdue_tasks"]
    units = views.execute(
        "select count(*) from v_unit_plan_scorecard s join units u on u.unit_id = s.unit_id "
        "and u.kind <> 'group' where s.plan_id = 3 and s.period_index = ? and s.tasks_assigned > 0",
        [PERIOD],
    ).fetchone()[0]
    assert sizes[3] == units


def test_report_runs_carry_east_asian_fonts_and_no_none(files):
    for name in ("docx", "unit.docx"):
        doc = Document(files[name])
        body = doc.element.body
        runs = body.findall(".//" + wqn("w:r"))
        assert runs
        for run in runs:
            if run.find(wqn("w:t")) is None:
                continue
            fonts = run.find(wqn("w:rPr")).find(wqn("w:rFonts"))
            assert fonts is not None and fonts.get(wqn("w:eastAsia")), run.xml[:200]
        text = "\n".join(t.text or "" for t in body.iter(wqn("w:t")))
        assert not BAD_TEXT.search(text)


# ------------------------------------------------------------------------------ the workbook


def test_workbook_sheets_takeaways_and_native_charts(files, views):
    wb = load_workbook(files["xlsx"])
    assert wb.sheetnames == [
        "汇总",
        "逐季度任务完成率与指标达标率",
        "各行动任务完成率",
        "各单位任务完成率",
        "未达标指标",
        "逾期任务",
        "未报送单位",
    ]
    now, before = plan_rows(views)
    summary = wb["汇总"]
    assert summary["A2"].value == expected_completion(now, before)
    assert summary["B5"].value == pytest.approx(now["completion_rate"])
    assert summary["B5"].number_format == "0.0%"
    assert summary["B7"].value == now["overdue_tasks"] and isinstance(summary["B7"].value, int)
    for ws in wb.worksheets[1:]:
        assert ws["A2"].value and ws["A2"].value.endswith("。"), ws.title
    takeaways = [c.value for (c,) in summary.iter_rows(min_col=2, max_col=2) if c.value]
    for ws in wb.worksheets[1:]:
        assert ws["A2"].value in takeaways

    def refs(chart):
        return [
            (s.val.numRef.f, (s.cat.strRef or s.cat.numRef).f, s.tx.strRef.f) for s in chart.series
        ]

    actions = wb["各行动任务完成率"]
    (chart,) = actions._charts
    n = views.execute(
        "select count(*) from v_action_scorecard where plan_id = 3 and period_index = ?", [PERIOD]
    ).fetchone()[0]
    sheet = "'各行动任务完成率'"
    assert refs(chart) == [(f"{sheet}!$B$5:$B${4 + n}", f"{sheet}!$A$5:$A${4 + n}", f"{sheet}!B4")]
    assert actions["B4"].value == "任务完成率" and actions["B5"].number_format == "0.0%"
    assert actions["C5"].number_format == "0" and isinstance(actions["C5"].value, int)
    assert actions["E4"].value == "较上季度（百分点）" and actions["E5"].number_format == "0.0"
    for (cell,) in actions.iter_rows(min_row=5, min_col=5, max_col=5):
        assert cell.value is None or round(cell.value, 1) == cell.value
    units = wb["各单位任务完成率"]
    (chart,) = units._charts
    assert refs(chart)[0][0] == f"'各单位任务完成率'!$B$5:$B${units.max_row}"
    trend = wb["逐季度任务完成率与指标达标率"]
    (chart,) = trend._charts
    sheet = "'逐季度任务完成率与指标达标率'"
    last = 4 + QUARTER  # the plan's quarters of 2026 up to the chosen one
    assert [r[0] for r in refs(chart)] == [f"{sheet}!$B$5:$B${last}", f"{sheet}!$C$5:$C${last}"]
    for name in ("未达标指标", "逾期任务", "未报送单位"):
        assert not wb[name]._charts


def test_workbook_never_none_or_nan(files):
    for name in ("xlsx", "unit.xlsx"):
        for ws in load_workbook(files[name]).worksheets:
            for row in ws.iter_rows(values_only=True):
                for value in row:
                    assert not (isinstance(value, str) and BAD_TEXT.search(value)), value
                    assert not (isinstance(value, float) and value != value)


def test_workbook_text_never_runs_as_a_formula():
    section = Section(
        "overdue",
        "逾期任务",
        "逾期任务1项。",
        table=pl.DataFrame({"编号": ["1"], "任务": ['=HYPERLINK("x")']}),
    )
    briefing = Briefing("=1+1", "全县", LABEL, TODAY, [section], whole=True)
    from io import BytesIO

    wb = load_workbook(BytesIO(render(briefing, ".xlsx")))
    cell = wb["逾期任务"]["B5"]
    assert cell.value == '=HYPERLINK("x")' and cell.data_type == "s" and cell.quotePrefix
    assert wb["汇总"]["A1"].data_type == "s"


def test_control_characters_in_names_do_not_stop_any_file():
    """A unit or task name with a control character (typed or pasted in a correction): Word and
    Excel writers refuse the whole file for one; every file is made, without the character."""
    from io import BytesIO

    from docx import Document

    section = Section(
        "overdue",
        "逾期任务\x0b",
        "逾期任务1项：发展和改革局\x07。",
        table=pl.DataFrame({"编号": ["1"], "任务\x01": ["编制\x00目录"]}),
    )
    briefing = Briefing("某计划\x1f", "全县", LABEL, TODAY, [section], whole=True)
    wb = load_workbook(BytesIO(render(briefing, ".xlsx")))
    assert wb["逾期任务"]["B5"].value == "编制目录"
    text = "\n".join(p.text for p in Document(BytesIO(render(briefing, ".docx"))).paragraphs)
    assert "逾期任务1项：发展和改革局。" in text and "\x07" not in text
    deck = Presentation(BytesIO(render(briefing, ".pptx")))
    shown = [sh.text_frame.text for sl in deck.slides for sh in sl.shapes if sh.has_text_frame]
    assert "某计划" in shown[0] and not any("\x1f" in t for t in shown)


# ----------------------------------------------------------------------------- other quarters


def test_first_quarter_has_no_comparison_and_quarter_under_way_is_marked(db):
    con = open_database(db)
    try:
        first = build_briefing(con, 3, 2026, 1)
        text = first.sections[0].takeaway
        assert "较上季度" not in text and text.startswith("截至2026年第1季度，")
        assert all(t.change == "上季度无可比数据" for t in first.sections[0].tiles)
        running = build_briefing(con, 3, 2026, 4, today=datetime.date(2026, 11, 29))
        assert running.period_label == "2026年第4季度（进行中）"
        assert running.sections[0].takeaway.startswith("截至2026年第4季度（进行中），")
        assert file_name(running, ".pptx") == (
            "青禾县2026年法治政府建设实施方案_2026年第4季度（进行中）_汇报.pptx"
        )
    finally:
        con.close()


def test_deck_builds_in_under_five_seconds(db):
    started = time.perf_counter()
    con = open_database(db)
    try:
        data = render(build_briefing(con, None, YEAR, QUARTER, today=TODAY), ".pptx")
    finally:
        con.close()
    elapsed = time.perf_counter() - started
    assert data[:2] == b"PK"
    assert elapsed < 5, f"{elapsed:.2f} s"


# ----------------------------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--plan", "99"], "没有编号为 99 的计划"),
        (["--year", "2030"], "没有2030年第3季度的数据"),
        (["--unit", "不存在的局"], "没有名为「不存在的局」的单位"),
        (["--action", "九"], "没有编号为「九」的行动"),
        (["--unit", "司法局", "--action", "二"], "只能选择其一"),
    ],
)
def test_refusals_are_chinese_with_exit_code_1(db, tmp_path, capsys, monkeypatch, args, message):
    from analytics.__main__ import main

    monkeypatch.setenv("STREAMLIT_LOGGER_LEVEL", "error")
    out = tmp_path / "out.pptx"
    base = ["briefing", "--db", str(db), "--quarter", str(QUARTER), "-o", str(out)]
    year = [] if "--year" in args else ["--year", str(YEAR)]
    assert main([*base, *year, *args]) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误：") and message in err, err
    assert not out.exists()


@pytest.mark.parametrize(
    ("db_name", "out_name", "message"),
    [
        ("none.duckdb", "out.pptx", "数据库文件不存在"),
        (None, "out.pdf", "不支持的文件类型「.pdf」"),
    ],
)
def test_refusals_of_the_command_as_a_process(db, tmp_path, db_name, out_name, message):
    path = tmp_path / db_name if db_name else db
    out = tmp_path / out_name
    done = run_cli("--db", str(path), "--year", str(YEAR), "--quarter", "3", "-o", str(out))
    assert done.returncode == 1
    assert done.stderr.startswith("错误：") and message in done.stderr
    assert "Traceback" not in done.stderr and not out.exists()


def test_read_only_database_file_is_enough(db, tmp_path):
    copy = tmp_path / "readonly.duckdb"
    shutil.copyfile(db, copy)
    copy.chmod(0o444)
    out = run_cli(
        "--db", str(copy), "--year", "2026", "--quarter", "2", "-o", str(tmp_path / "a.xlsx")
    )
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "a.xlsx").stat().st_size > 0


# ------------------------------------------------------------------------------ the takeaways


def test_completion_rise_fall_flat_and_no_previous_quarter():
    label = "2024年第2季度"
    assert say.completion(label, 31, 44, 31 / 44, 0.6227) == (
        "截至2024年第2季度，已到期任务44项，已完成31项，完成率70.5%，较上季度提高8.2个百分点。"
    )
    assert say.completion(label, 31, 44, 31 / 44, 0.80).endswith("较上季度下降9.5个百分点。")
    assert say.completion(label, 31, 44, 31 / 44, 31 / 44).endswith("完成率70.5%，较上季度持平。")
    assert say.completion(label, 31, 44, 31 / 44, None) == (
        "截至2024年第2季度，已到期任务44项，已完成31项，完成率70.5%。"
    )
    assert say.completion(label, 0, 0, None, 0.5) == "截至2024年第2季度，尚无到期任务。"
    assert say.change_in_points(0.70004, 0.70001) == "持平"
    assert say.change_in_count(3, 1, "项") == "增加2项"
    assert say.change_in_count(1, 3, "个") == "减少2个"


def test_actions_lowest_and_highest_and_ties():
    rows = pl.DataFrame(
        {"name": ["(一)甲", "(二)乙", "(三)丙", "(四)丁"], "rate": [0.5, 0.25, None, 1.0]}
    )
    assert say.extremes(rows, "name", "rate", "行动") == (
        "各行动中，任务完成率最低的是(二)乙（25.0%），最高的是(四)丁（100.0%）。"
    )
    same = pl.DataFrame({"name": ["甲", "乙"], "rate": [0.5, 0.5]})
    assert say.extremes(same, "name", "rate", "行动") == "2个行动的任务完成率均为50.0%。"
    none = pl.DataFrame(
        {"name": ["甲"], "rate": [None]}, schema={"name": pl.Utf8, "rate": pl.Float64}
    )
    assert say.extremes(none, "name", "rate", "行动") == "各行动尚无到期任务。"
    assert say.extremes(none.clear(), "name", "rate", "行动") == "本期没有行动数据。"


def test_units_at_full_completion_and_the_lowest():
    rows = pl.DataFrame(
        {"unit": ["甲局", "乙局", "丙局", "丁局"], "completion_rate": [0.0, 0.0, 1.0, 0.5]}
    )
    assert (
        say.units(rows)
        == "4个单位中，1个单位已到期任务全部完成；完成率最低的是甲局、乙局（均为0.0%）。"
    )
    done = pl.DataFrame({"unit": ["甲局"], "completion_rate": [1.0]})
    assert say.units(done) == "1个单位中，1个单位已到期任务全部完成。"
    empty = pl.DataFrame(schema={"unit": pl.Utf8, "completion_rate": pl.Float64})
    assert say.units(empty) == "本期没有承担任务的单位。"


def test_indicators_overdue_and_unreported_including_empty_sections():
    rows = pl.DataFrame({"x": [1, 2, 3, 4, 5]})
    below = pl.DataFrame({"指标": ["甲率", "乙率", "丙率", "丁率"]})
    assert say.indicators(rows, below, 1) == (
        "按全县本年累计，5个指标中4个未达标，其中：甲率、乙率、丙率等4个；另有1个尚无数据。"
    )
    assert say.indicators(rows, below.clear(), 0) == "按全县本年累计，有数据的5个指标均已达标。"
    assert say.indicators(rows.clear(), below.clear(), 0) == "本期没有需要考核的指标。"
    overdue = pl.DataFrame(
        {
            "编号": ["11", "9"],
            "任务": ["编制决策事项目录", "建设平台"],
            "完成时限": [datetime.date(2026, 3, 31), datetime.date(2026, 8, 31)],
            "未完成单位": ["发展和改革局", "政府办公室"],
        }
    )
    assert say.overdue(overdue) == (
        "逾期任务2项，逾期最久的是第11项“编制决策事项目录”（完成时限2026-03-31，未完成单位：发展和改革局）。"
    )
    assert say.overdue(overdue.clear()) == "没有逾期任务。"
    assert say.unreported("2026年第3季度", ["甲局", "乙局"], 10, 8) == (
        "应报送的10个单位中，2个单位未报送2026年第3季度进展：甲局、乙局。"
    )
    assert say.unreported("2026年第3季度", [], 10, 10) == "各单位均已按时报送。"
    assert (
        say.unreported("2026年第3季度", [], 10, 7)
        == "各单位均已报送2026年第3季度进展，其中3个单位逾期报送。"
    )


def test_trend_sentence():
    rows = pl.DataFrame(
        {
            "period_label": ["2026年第1季度", "2026年第2季度"],
            "completion_rate": [0.5, 0.75],
            "attainment_rate": [None, 0.6],
        }
    )
    assert say.trend(rows) == (
        "2026年第1季度至2026年第2季度，任务完成率由50.0%变为75.0%，指标达标率由无数据变为60.0%。"
    )
    assert say.trend(rows.head(1)).startswith("2026年第1季度是本计划的第一个季度")
    assert say.trend(rows.clear()) == "本计划尚无季度数据。"


def test_cells_never_show_none_or_nan():
    assert cell_text(None) == "—" and cell_text(float("nan")) == "—"
    assert cell_text(0.705, percent=True) == "70.5%"
    assert cell_text(-8.25, points=True) == "-8.2" or cell_text(-8.25, points=True) == "-8.3"
    assert cell_text(0.0, points=True) == "持平"
    assert cell_text(3.0) == "3" and cell_text(True) == "是"
    assert cell_text(datetime.date(2026, 3, 31)) == "2026-03-31"


def test_empty_sections_say_so_on_their_slide_and_in_the_report():
    empty = pl.DataFrame(schema={"行动": pl.Utf8, "编号": pl.Utf8})
    sections = [
        Section("overdue", "逾期任务", "没有逾期任务。", table=empty, empty="没有逾期任务。"),
        Section(
            "lagging", "滞后单位", "本行动没有滞后单位。", table=empty, empty="本行动没有滞后单位。"
        ),
    ]
    briefing = Briefing("某计划", "全县", LABEL, TODAY, sections, whole=True)
    from io import BytesIO

    prs = Presentation(BytesIO(render(briefing, ".pptx")))
    assert len(prs.slides) == 3
    for slide, section in zip(list(prs.slides)[1:], sections, strict=True):
        assert takeaway_of(slide).text_frame.text == section.takeaway
        assert section.empty in slide_texts(slide)[-1]
        assert not [s for s in slide.shapes if s.has_table]
    doc = Document(BytesIO(render(briefing, ".docx")))
    texts = [p.text for p in doc.paragraphs]
    assert "没有逾期任务。" in texts and "本行动没有滞后单位。" in texts
    wb = load_workbook(BytesIO(render(briefing, ".xlsx")))
    assert wb["逾期任务"]["A5"].value == "没有逾期任务。"


def test_long_tables_continue_on_further_slides():
    table = pl.DataFrame({"编号": [str(i) for i in range(1, 30)], "任务": ["任务"] * 29})
    section = Section("tasks", "任务清单", "共29项任务。", table=table)
    from io import BytesIO

    prs = Presentation(
        BytesIO(render(Briefing("某计划", "甲局", LABEL, TODAY, [section]), ".pptx"))
    )
    titles = [slide_title(s) for s in prs.slides]
    assert titles == ["", "任务清单", "任务清单（续）", "任务清单（续）"]
    rows = [len(x.table.rows) - 1 for s in prs.slides for x in s.shapes if x.has_table]
    assert rows == [12, 12, 5]
    assert "第13—24项，共29项" in slide_texts(prs.slides[2])


# ------------------------------------------------------------------------- drawn by LibreOffice


def test_libreoffice_draws_the_chinese_text(files, tmp_path):
    soffice = shutil.which("soffice")
    tools = [shutil.which(t) for t in ("pdftoppm", "pdffonts", "pdftotext")]
    if soffice is None or None in tools:
        if os.environ.get("FAZHI_LO_OPTIONAL") == "1":
            pytest.skip("LibreOffice or poppler-utils not installed (FAZHI_LO_OPTIONAL=1)")
        pytest.fail(
            "soffice / pdftoppm not found: run scripts/setup.sh (libreoffice, poppler-utils)"
        )
    deck, report = tmp_path / "deck.pptx", tmp_path / "report.docx"
    shutil.copyfile(files["pptx"], deck)
    shutil.copyfile(files["docx"], report)
    profile = tmp_path / "lo-profile"
    done = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(deck),
            str(report),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr
    summary = Presentation(files["pptx"]).slides[1]
    takeaway = takeaway_of(summary).text_frame.text
    for pdf, pages in ((tmp_path / "deck.pdf", len(PLAN_SLIDES)), (tmp_path / "report.pdf", None)):
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
        cjk = [
            line
            for line in fonts.splitlines()
            if re.search(r"CJK|Hei|Song|Kai|Fang|WenQuanYi", line)
        ]
        assert cjk and all(" yes " in line for line in cjk), fonts
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        flat = re.sub(r"\s+", "", text)
        assert re.sub(r"\s+", "", takeaway) in flat, pdf.name
        subprocess.run(
            ["pdftoppm", "-png", "-r", "50", str(pdf), str(tmp_path / pdf.stem)], check=True
        )
        images = sorted(tmp_path.glob(f"{pdf.stem}-*.png"))
        if pages:
            assert len(images) == pages
        assert images


# ---------------------------------------------------------------------------- the dashboard


def test_dashboard_buttons_make_the_files_on_click(db):
    from streamlit.testing.v1 import AppTest

    def page(path: str) -> None:
        import duckdb

        from ui.briefing import briefing_buttons

        con = duckdb.connect(path, read_only=True)
        briefing_buttons(con, 3, 2026 * 4 + 2, key="t")

    at = AppTest.from_function(page, args=(str(db),), default_timeout=60).run()
    assert not at.exception
    buttons = at.get("download_button")
    labels = [b.proto.label for b in buttons]
    assert labels == ["导出汇报幻灯片（PPT）", "导出汇报文稿（Word）", "导出汇报数据（Excel）"]
