"""analytics.export: real rendering through vl-convert, real files read back with openpyxl and
python-pptx. Nothing is mocked."""

from __future__ import annotations

import io
import struct
import xml.etree.ElementTree as ET
from datetime import date

import altair as alt
import polars as pl
import pytest
import vl_convert as vlc
from openpyxl import load_workbook
from PIL import Image, ImageChops

from analytics.export import (
    CJK_FONT,
    FontMissingError,
    chart_png,
    chart_svg,
    display_width,
    find_cjk_font_dir,
    frames_xlsx,
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
LONG_NOTE = "按期推进行政执法三项制度全面落实情况良好"

UNITS = pl.DataFrame(
    {
        "单位": ["区司法局", "区公安分局", "区教育局"],
        "完成率": [0.8, 0.625, 1.0],
        "增长率": [12.5, -3.0, 40.0],  # named …率 but not a fraction: stays a plain number
        "任务数": [12, 8, 5],
        "备注": [LONG_NOTE, None, ""],
    }
)


def bar_chart(title: str = "各单位任务完成率", width: int = 300, height: int = 200) -> alt.Chart:
    return (
        alt.Chart(UNITS)
        .mark_bar()
        .encode(x="单位:N", y=alt.Y("完成率:Q", axis=alt.Axis(format="%")))
        .properties(title=title, width=width, height=height)
    )


def title_only_chart(title: str) -> alt.Chart:
    """Light grey bars, no axes, no frame: the only dark pixels are the title's."""
    data = pl.DataFrame({"x": ["a", "b"], "y": [1, 2]})
    return (
        alt.Chart(data)
        .mark_bar(color="#dddddd")
        .encode(x=alt.X("x:N", axis=None), y=alt.Y("y:Q", axis=None))
        .properties(title=title, width=200, height=100)
        .configure_view(stroke=None)
    )


def ihdr_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == PNG_SIGNATURE
    assert png[12:16] == b"IHDR"
    return struct.unpack(">II", png[16:24])


def dark_pixels(png: bytes) -> int:
    histogram = Image.open(io.BytesIO(png)).convert("L").histogram()
    return sum(histogram[:128])


# ---------------------------------------------------------------------------------------- charts


def test_cjk_font_is_found_and_a_missing_one_is_explained(tmp_path):
    assert any(find_cjk_font_dir().glob("NotoSansCJK*"))
    with pytest.raises(FontMissingError, match="fonts-noto-cjk"):
        find_cjk_font_dir([tmp_path])


def test_png_has_the_signature_and_scale_times_the_chart_size():
    # No axes and no title: the image is the 400 × 300 plot plus Vega's 5 px padding per side.
    data = pl.DataFrame({"x": ["a"], "y": [1]})
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(x=alt.X("x:N", axis=None), y=alt.Y("y:Q", axis=None))
        .properties(width=400, height=300)
    )
    for scale in (1.0, 2.0, 3.0):
        png = chart_png(chart, scale=scale)
        width, height = ihdr_size(png)
        assert width == pytest.approx(400 * scale, rel=0.2)
        assert height == pytest.approx(300 * scale, rel=0.2)
        # dots per inch recorded so Office inserts it at its own size, just sharper
        assert Image.open(io.BytesIO(png)).info["dpi"][0] == pytest.approx(96 * scale, rel=0.01)
    one, three = ihdr_size(chart_png(chart, scale=1)), ihdr_size(chart_png(chart, scale=3))
    assert three[0] == pytest.approx(3 * one[0], abs=2)


def test_png_of_a_full_chart_keeps_its_proportions():
    width, height = ihdr_size(chart_png(bar_chart(width=400, height=300), scale=2))
    # axes, labels and title add a margin around the 800 × 600 plot
    assert 800 <= width <= 800 * 1.4
    assert 600 <= height <= 600 * 1.6


def test_chinese_titles_render_as_real_glyphs():
    # Two failure modes look alike: a family vl-convert lacks draws no text at all, and a font
    # without CJK draws the same .notdef box (tofu) for every character. Either way "完成率" and
    # "达标率" (same length) give identical images, so they must differ, and only in the title.
    done, target = chart_png(title_only_chart("完成率")), chart_png(title_only_chart("达标率"))
    assert done != target
    a = Image.open(io.BytesIO(done)).convert("RGB")
    b = Image.open(io.BytesIO(target)).convert("RGB")
    diff = ImageChops.difference(a, b).getbbox()
    assert diff is not None and diff[3] < a.height * 0.25  # the title band at the top
    # Real ideographs carry far more ink than boxes: the same chart titled with three hollow
    # squares (what tofu looks like) has well under two thirds of the dark pixels (here 926 and
    # 888 against 354). A fallback to a regular-weight CJK font (seen with "DejaVu Sans": 393)
    # fails this too, as the title is then not in the bold Noto Sans CJK the export promises.
    boxes = dark_pixels(chart_png(title_only_chart("□□□")))
    assert dark_pixels(done) > 1.5 * boxes
    assert dark_pixels(target) > 1.5 * boxes


def test_the_glyph_check_fails_when_the_font_is_missing():
    # The control for the test above, rendered by vl-convert directly (chart_png would put the
    # CJK font back): with a family that does not exist no text is drawn, the two titles give
    # byte-identical images without ink, and both assertions above would fail.
    def raw(title: str) -> bytes:
        spec = title_only_chart(title).configure(font="NoSuchFont").to_dict()
        return vlc.vegalite_to_png(spec, scale=2)

    assert raw("完成率") == raw("达标率")
    assert dark_pixels(raw("完成率")) == 0
    # chart_png overrides the unknown family with the CJK font, so the text is there again
    fixed = chart_png(title_only_chart("完成率").configure(font="NoSuchFont"))
    assert dark_pixels(fixed) > 1.5 * dark_pixels(chart_png(title_only_chart("□□□")))


def test_svg_is_xml_with_the_chinese_title_in_the_cjk_font():
    svg = chart_svg(bar_chart(title="各单位任务完成率"), outlines=False)
    root = ET.fromstring(svg)
    texts = [el for el in root.iter("{http://www.w3.org/2000/svg}text")]
    title = [el for el in texts if el.text == "各单位任务完成率"]
    assert title and title[0].get("font-family") == CJK_FONT
    assert {el.get("font-family") for el in texts} == {CJK_FONT}
    assert "区公安分局" in svg.decode("utf-8")


def test_svg_draws_its_text_as_outlines_that_need_no_font():
    """The default SVG has no <text> left: each label is glyph outlines (so it shows on a PC
    without the font), drawn where the text version draws its letters, named for software."""
    chart = bar_chart(title="各单位任务完成率")
    outlined, as_text = chart_svg(chart), chart_svg(chart, outlines=False)
    root = ET.fromstring(outlined)
    ns = "{http://www.w3.org/2000/svg}"
    assert not list(root.iter(f"{ns}text"))
    labels = [g.get("aria-label") for g in root.iter(f"{ns}g") if g.get("aria-label")]
    assert "各单位任务完成率" in labels and "区公安分局" in labels
    glyphs = {p.get("id") for p in root.iter(f"{ns}path") if p.get("id")}
    uses = [u.get("{http://www.w3.org/1999/xlink}href") for u in root.iter(f"{ns}use")]
    assert len(uses) > len(glyphs) > 20  # each glyph defined once, used wherever it repeats
    assert {u[1:] for u in uses} <= glyphs
    drawn = Image.open(io.BytesIO(vlc.svg_to_png(outlined.decode()))).convert("L")
    reference = Image.open(io.BytesIO(vlc.svg_to_png(as_text.decode()))).convert("L")
    assert drawn.size == reference.size
    diff = ImageChops.difference(drawn, reference)
    assert sum(diff.histogram()[64:]) < 0.01 * drawn.size[0] * drawn.size[1]
    blank = Image.new("L", drawn.size, 255)
    assert sum(ImageChops.difference(drawn, blank).histogram()[64:]) > 0.01 * drawn.size[0]


def test_the_chart_config_is_kept_and_every_font_overridden():
    chart = (
        bar_chart()
        .configure_axis(labelFontSize=17, labelFont="Arial")
        .configure_title(font="Times New Roman", fontSize=21)
    )
    root = ET.fromstring(chart_svg(chart, outlines=False))
    texts = list(root.iter("{http://www.w3.org/2000/svg}text"))
    assert {el.get("font-family") for el in texts} == {CJK_FONT}
    sizes = {el.text: el.get("font-size") for el in texts}
    assert sizes["区司法局"] == "17px"
    assert sizes["各单位任务完成率"] == "21px"


# ------------------------------------------------------------------------------------------ xlsx


def test_xlsx_has_title_header_values_percent_and_widths():
    sheets = {"单位完成情况": UNITS, "日期": pl.DataFrame({"日期": [date(2025, 3, 31)]})}
    wb = load_workbook(io.BytesIO(frames_xlsx(sheets, title="2025年第一季度任务进度")))
    assert wb.sheetnames == ["单位完成情况", "日期"]
    ws = wb["单位完成情况"]
    assert ws["A1"].value == "2025年第一季度任务进度"
    assert ws["A1"].font.bold
    assert "A1:E1" in {str(r) for r in ws.merged_cells.ranges}
    assert [c.value for c in ws[2]] == UNITS.columns
    assert all(c.font.bold for c in ws[2])
    assert ws.freeze_panes == "A3"
    assert [c.value for c in ws[3]] == ["区司法局", 0.8, 12.5, 12, LONG_NOTE]
    assert [c.value for c in ws[4]][-1] is None
    assert ws.max_row == 2 + UNITS.height
    # 完成率 holds fractions: shown as percentages; 增长率 holds 12.5 etc.: left alone
    assert {ws.cell(row, 2).number_format for row in (3, 4, 5)} == {"0.0%"}
    assert ws.cell(3, 3).number_format == "General"
    # widths: the long Chinese note counts double, wider than the 8.43 default and than 单位
    note_width = ws.column_dimensions["E"].width
    assert note_width >= display_width(LONG_NOTE) == 2 * len(LONG_NOTE)
    assert ws.column_dimensions["A"].width > 8.43
    assert note_width > ws.column_dimensions["A"].width
    assert wb["日期"]["A2"].value == "日期"
    assert wb["日期"]["A3"].value.date() == date(2025, 3, 31)  # openpyxl reads dates as datetime
    assert wb["日期"]["A3"].number_format == "yyyy-mm-dd"


def test_xlsx_without_title_starts_with_the_header():
    ws = load_workbook(io.BytesIO(frames_xlsx({"表": UNITS})))["表"]
    assert [c.value for c in ws[1]] == UNITS.columns
    assert ws.freeze_panes == "A2"
    assert not ws.merged_cells.ranges


def test_xlsx_sheet_names_are_made_excel_safe_and_unique():
    long_name = "法治政府建设实施方案任务分解表：牵头单位/配合单位*完成情况统计汇总"
    frame = pl.DataFrame({"a": [1]})
    wb = load_workbook(io.BytesIO(frames_xlsx({long_name: frame, long_name + "二": frame})))
    first, second = wb.sheetnames
    assert len(first) <= 31 and len(second) <= 31
    assert first != second
    assert not any(ch in name for name in (first, second) for ch in "[]:*?/\\")


def test_xlsx_stores_lists_and_odd_values():
    frame = pl.DataFrame(
        {"牵头单位": [["区司法局", "区公安分局"]], "说明": ["含\x07控制符"], "值": [float("nan")]}
    )
    ws = load_workbook(io.BytesIO(frames_xlsx({"表": frame})))["表"]
    assert [c.value for c in ws[2]] == ["区司法局、区公安分局", "含控制符", None]


# ------------------------------------------------------------------------------------------ pptx


def test_text_that_looks_like_a_formula_is_written_as_text():
    """=HYPERLINK(…), =cmd|' /C calc'!A0, +1, -1, @SUM, a leading tab: all stay text."""
    import io

    import openpyxl

    hostile = [
        '=HYPERLINK("http://198.51.100.7","点我")',
        "=cmd|' /C calc'!A0",
        "+1+1",
        "-1+1",
        "@SUM(A1)",
        "\t=1+1",
        "正常文字",
    ]
    data = frames_xlsx({"表": pl.DataFrame({"任务": hostile})})
    ws = openpyxl.load_workbook(io.BytesIO(data))["表"]
    cells = [ws.cell(row=r, column=1) for r in range(2, 2 + len(hostile))]
    assert [c.value for c in cells] == hostile
    assert all(c.data_type == "s" for c in cells)
    assert [c.quotePrefix for c in cells] == [True] * 6 + [False]
    raw = zipfile_text(data, "xl/worksheets/sheet1.xml")
    assert "<f>" not in raw


def zipfile_text(data: bytes, member: str) -> str:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(member).decode("utf-8")


def test_csv_is_utf8_with_bom_rounded_as_shown_and_never_a_formula():
    from analytics.export import frame_csv

    frame = pl.DataFrame(
        {
            "单位": ['=HYPERLINK("http://x")', "司法局", None],
            "任务完成率": [2 / 3, 1.0, None],
            "逾期任务": [-1, 0, None],
            "本年累计": [100 / 7, None, 2.0],
        }
    )
    data = frame_csv(frame)
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads the Chinese as UTF-8, not GBK
    text = data[3:].decode("utf-8")
    assert text.split("\r\n") == [
        "单位,任务完成率,逾期任务,本年累计",
        '"\'=HYPERLINK(""http://x"")",66.7%,-1,14.29',  # quoted: it holds quotes
        "司法局,100.0%,0,",
        ",,,2",
        "",
    ]


def test_control_characters_in_labels_do_not_abort_the_export():
    """vl-convert's SVG parser panics on a non-XML character and aborts the whole process (the
    dashboard server with it): labels are cleaned before rendering. Run in a child process, so a
    regression fails this test instead of killing the test run."""
    import subprocess
    import sys

    code = (
        "import polars as pl\n"
        "from analytics import charts, export\n"
        "df = pl.DataFrame({'n': ['司法\\x07局\\x00', '\\ufffe财政局'], 'r': [0.5, 1.0]})\n"
        "c = charts.rate_bars(df, 'n', 'r', '标题\\x01')\n"
        "svg = export.chart_svg(c)\n"
        "png = export.chart_png(c)\n"
        "assert b'\\xe5\\x8f\\xb8\\xe6\\xb3\\x95\\xe5\\xb1\\x80' in svg  # 司法局, cleaned\n"
        "print(len(png) > 1000)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "True"
