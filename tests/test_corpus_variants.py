"""The full real documents of the corpus (tests/corpus, `"complete": true`) re-saved the way the
seeds are (tests/seed_variants.py: CRLF, GB18030, full-width, swapped parentheses, one line,
one line parted by spaces,
.docx with Word numbering, .pdf with page furniture, a saved government page, and the .docx
printed to PDF by LibreOffice with real fonts: "lo_pdf"), each variant's
parse compared check by check with the parse of the document's own text (the checks of
tests/test_seed_variants.py). Real documents carry forms the seeds do not (tables pasted one cell
per paragraph, headings without a full stop, front matter), so they are the harder test of the
readers: every variant must reach 95 %.

Variants still under the threshold are listed with the reason; the strict check below fails as
soon as one of them reaches it, so that it leaves the list.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_seed_variants import short_of_threshold, variant_scores

CORPUS = Path(__file__).resolve().parent / "corpus"
THRESHOLD = 0.95
_CELLS = "a table pasted one cell per paragraph: on one line its cells run together"
_HEADINGS = "headings without a full stop: on one line they run into their text"
_PRINTED_CELLS = (
    "85 %: a table pasted one cell per paragraph (a form of web copies, not of Word), printed one "
    "short line per cell: after a class cell merged over rows, some rows go under the next class"
)
_SUB_ROWS = (
    "89 %: its task list gives several year sub-rows (2019年 / 26.5万户) under one number and "
    "restarts its numbers under vertical class cells; as a real table the sub-rows' units "
    "fall to other rows"
)
_CRAWLED = (
    "0–33 %: a crawler's text of a whole page, its menu and metadata one word per line "
    "(公文种类: / 通知 / 有 效 性: / 有效); put in a government page's template or on one line, "
    "those lines read as the page's own title and fields"
)
_FORMATTED = ("docx", "html", "html_gov", "html_table", "html_trs", "html_word", "pdf", "lo_pdf")
_COMPANY_UNITS = (
    "60 %: its 任务表 writes units one per paragraph, among them short company names "
    "(杨浦城投集团, 申浦公司) that read as no unit; as a real table's paragraphs the rows' unit "
    "cells are cut apart"
)
_CLASS_ROWS = (
    "88 %: its project table's class rows (正式项目（67个）/ 一 / 市政设施类（5个）) and its 预备项目 "
    "list read differently once the paragraphs are a real table's"
)
_LINE_CELLS = (
    "93 %: its project table writes some cells over two lines (区交通委 / 区绿容局, a name and its "
    "bracket); re-saved one paragraph per line, each line reads as a cell of its own"
)
_ROW_BLOCKS = (
    "64 %: its 任务分工表 is pasted one row per paragraph, one cell per line, with no 序号 and one "
    "empty cell; re-saved one paragraph per line the rows' ends are lost"
)
_UNNUMBERED = (
    "50 %: its 任务清单 is pasted one cell per paragraph with no row numbers and unit cells written "
    "over several lines; re-saved one paragraph per line, a cell's lines read as cells of their own"
)


def _formatted(number: str, reason: str) -> dict[tuple[str, str], str]:
    """A document short in every formatted variant (Word, web pages, PDF), for the same reason."""
    return {(number, name): reason for name in _FORMATTED}


KNOWN_SHORT = {
    ("037", "oneline"): "'11.121人才梯队项目': on one line the number glued to a name of digits",
    ("041", "oneline"): _HEADINGS,
    ("045", "oneline"): _CELLS,
    ("046", "oneline"): _CELLS + "; its plan's numbering restarts after it",
    ("048", "oneline"): _CELLS,
    ("052", "oneline"): _CELLS,
    ("053", "oneline"): _CELLS,
    ("055", "oneline"): _HEADINGS,
    ("057", "oneline"): "its attachments' list and dated stages run together on one line",
    ("045", "lo_pdf"): _PRINTED_CELLS,
    ("060", "oneline"): _HEADINGS,
    ("066", "oneline"): _HEADINGS,
    ("067", "oneline"): _CELLS,
    ("069", "oneline"): _HEADINGS,
    ("070", "oneline"): _CELLS,
    ("072", "oneline"): _HEADINGS,
    ("073", "oneline"): _HEADINGS,
    ("074", "oneline"): _HEADINGS,
    ("075", "oneline"): _CELLS,
    ("079", "oneline"): _HEADINGS,
    ("080", "oneline"): "on one line its title runs on into its text and its headings into theirs",
    ("069", "lo_pdf"): "94 %: in the print its 附件1 indicator table is read as a table's rows, "
    "not as the goals the text gives (森林覆盖率 18.49% → 19.5% → 23%)",
    ("081", "oneline"): _HEADINGS,
    ("086", "oneline"): _CELLS,
    ("088", "oneline"): _CELLS,
    ("090", "oneline"): _HEADINGS,
    ("091", "oneline"): _CELLS,
    ("092", "oneline"): _CELLS,
    ("094", "oneline"): _CELLS,
    **_formatted("094", _SUB_ROWS),
    ("096", "oneline"): _HEADINGS,
    ("097", "oneline"): _HEADINGS,
    ("104", "oneline"): "its three attached plans run together on one line: 附件2 and 附件3 no "
    "longer stand on lines of their own above their titles, so they are not split off",
    ("108", "oneline"): _HEADINGS,
    ("111", "oneline"): _CELLS,
    **_formatted("111", _COMPANY_UNITS),
    ("112", "oneline"): _CELLS,
    **_formatted("112", _UNNUMBERED),
    ("113", "oneline"): _CELLS,
    **_formatted("113", _CLASS_ROWS),
    ("114", "oneline"): _HEADINGS,
    ("115", "oneline"): _HEADINGS,
    ("116", "oneline"): _CELLS,
    ("117", "oneline"): "its attached 分工方案 runs together with the plan on one line: 附件 no "
    "longer stands alone above the title, so it is not split off",
    ("119", "oneline"): _HEADINGS,
    ("121", "oneline"): _HEADINGS + ": 四、工作机制 runs into its text, its group leads are lost",
    ("122", "oneline"): _CELLS,
    ("124", "oneline"): "its attached 支持政策 runs together with the plan on one line: 附件 no "
    "longer stands alone above the title, so it is not split off",
    ("125", "oneline"): _CELLS,
    ("129", "oneline"): _HEADINGS,
    ("130", "oneline"): _HEADINGS,
    ("144", "oneline"): _CELLS,
    **_formatted("144", _LINE_CELLS),
    ("145", "oneline"): _CELLS,
    **_formatted("145", _ROW_BLOCKS),
    ("045", "spaced"): _CELLS,
    ("046", "spaced"): _CELLS,
    ("048", "spaced"): _CELLS,
    ("053", "spaced"): _CELLS,
    ("067", "spaced"): _CELLS,
    ("070", "spaced"): _CELLS,
    ("075", "spaced"): _CELLS,
    ("086", "spaced"): _CELLS,
    ("088", "spaced"): _CELLS,
    ("091", "spaced"): _CELLS,
    ("092", "spaced"): _CELLS,
    ("094", "spaced"): _CELLS,
    ("111", "spaced"): _CELLS,
    ("112", "spaced"): _CELLS,
    ("113", "spaced"): _CELLS,
    ("116", "spaced"): _CELLS,
    ("122", "spaced"): _CELLS,
    ("125", "spaced"): _CELLS,
    ("141", "spaced"): _CELLS,
    ("144", "spaced"): _CELLS,
    ("145", "spaced"): _CELLS,
    ("069", "spaced"): "its attachments' list and the attached tables' titles run together on one "
    "line parted by spaces: the attached 指标体系指引表 is not split off",
    ("141", "oneline"): _CELLS + "; its attached 细则 and 职责清单 no longer stand under 附件N "
    "lines of their own, so they are not split off",
    # the sixteen full plans without units of 2026-11-30 (787–802), measured on arrival
    ("791", "oneline"): "60 %: its attached 技术指南 is not split off once on one line",
    ("791", "spaced"): "57 %: its front matter's 标题 line runs into the title, and its attached "
    "技术指南 is not split off",
    ("792", "oneline"): _HEADINGS,
    (
        "793",
        "oneline",
    ): "10 %: on one line its parts (一、…五、 over (一)… heading lines with no full "
    "stop and 1. items) are not found again; not yet understood",
    ("794", "oneline"): _HEADINGS,
    ("795", "oneline"): _HEADINGS,
    ("797", "oneline"): _HEADINGS,
    **_formatted(
        "798",
        "3 %: the notice names its attached 评分细则表 on the line above the plan's title; "
        "re-saved, the two lines run together into a task and the plan is lost",
    ),
    ("798", "oneline"): "4 %: the attached 评分细则表 and the plan run together on one line",
    ("798", "spaced"): "3 %: the attached 评分细则表 and the plan run together on one line",
    ("102", "oneline"): "88 %: " + _HEADINGS + " (工作任务及分工 over (三) heading lines)",
    ("051", "oneline"): "94 %: " + _HEADINGS + " (实施步骤 runs into its first stage)",
    # the full documents of the eighth session (995–1006), measured on arrival
    ("995", "oneline"): "85 %: " + _HEADINGS,
    ("996", "oneline"): "6 %: " + _HEADINGS + " (its parts 一、–四、 are lost), and the duties "
    "under 三、组织保障, bodies as the subjects of prose, are read as tasks",
    ("1005", "oneline"): "89 %: its two attached codes (第一条…) run together with the notice on "
    "one line: they are not split off",
    ("1005", "spaced"): "87 %: its two attached codes run together with the notice: not split off",
    ("1006", "oneline"): "90 %: a report's figures on one line read in other clauses (分别增长…)",
    ("1002", "lo_pdf"): "71 %: a pilot call whose criteria (1)…(14) the text's parse reads as "
    "tasks; in the LibreOffice print of its Word copy they are not found again",
    # the full 规划 of the ninth session (1081–1129), measured on arrival: their indicator tables
    # are pasted one cell per paragraph, read by indicator_tables.py from the text's lines; on
    # one line the cells run together and the outline after them is lost with them
    ("1081", "oneline"): _CELLS + "; its 指标 table stands before the tasks, lost with it",
    ("1081", "spaced"): _CELLS + "; its 指标 table stands before the tasks, lost with it",
    ("1082", "oneline"): "86 %: " + _CELLS,
    ("1085", "oneline"): "20 %: " + _HEADINGS + " (heading lines over numbered items 1.–27.)",
    ("1089", "oneline"): "82 %: " + _HEADINGS + " (十四、 parts over prose)",
    ("1122", "oneline"): _CELLS + "; two tables (完成情况, 目标) before the tasks",
    ("1122", "spaced"): _CELLS + "; two tables (完成情况, 目标) before the tasks",
    ("1123", "oneline"): _CELLS + "; its 指标 table stands before the tasks, lost with it",
    ("1123", "spaced"): _CELLS + "; its 指标 table stands before the tasks, lost with it",
    ("1124", "oneline"): _CELLS + "; its 指标 table stands before the tasks, lost with it",
    ("1124", "spaced"): _CELLS + "; its 指标 table stands before the tasks, lost with it",
    ("1126", "oneline"): "88 %: " + _CELLS,
    ("1127", "oneline"): "60 %: " + _CELLS + " (a header over two rows)",
    ("1127", "spaced"): "71 %: " + _CELLS + " (a header over two rows)",
    ("1129", "oneline"): "15 %: " + _HEADINGS + " (1.–27. under heading lines without a stop)",
    # the whole Shanghai 方案 of the tenth session (1205–1216), measured on arrival
    ("1216", "oneline"): "82 %: " + _HEADINGS + " (sub-task titles on lines of their own)",
    # the whole Shanghai plans of the eleventh session (1289–1420), measured on arrival
    ("1339", "oneline"): "72 %: " + _HEADINGS,
    ("1340", "oneline"): "53 %: " + _HEADINGS,
    ("1341", "oneline"): "85 %: " + _HEADINGS,
    ("1345", "oneline"): "90 %: " + _HEADINGS,
    ("1365", "oneline"): "84 %: " + _HEADINGS,
    ("1366", "oneline"): "86 %: " + _HEADINGS,
    ("1367", "oneline"): "93 %: " + _HEADINGS,
    ("1370", "oneline"): "84 %: " + _HEADINGS,
    ("1372", "oneline"): "82 %: " + _HEADINGS,
    ("1375", "oneline"): "83 %: " + _HEADINGS,
    ("1379", "oneline"): "86 %: " + _HEADINGS,
    ("1380", "oneline"): "89 %: " + _HEADINGS,
    ("1382", "oneline"): "83 %: " + _HEADINGS,
    ("1384", "oneline"): "89 %: " + _HEADINGS,
    ("1409", "oneline"): "28 %: " + _HEADINGS,
    ("1411", "oneline"): "64 %: " + _HEADINGS,
    ("1412", "oneline"): "86 %: " + _HEADINGS,
    ("1413", "oneline"): "88 %: " + _HEADINGS,
    ("1414", "oneline"): "88 %: " + _HEADINGS,
    ("1416", "oneline"): "92 %: " + _HEADINGS,
    ("1418", "oneline"): "95 % less one check: " + _HEADINGS,
    ("1420", "oneline"): "83 %: " + _HEADINGS,
    ("074", "spaced"): "35 %: "
    + _CELLS
    + " (its 郊野公园建设项目表, read since a project's facts are note "
    "columns)",
    ("787", "oneline"): "94 %: "
    + _HEADINGS
    + " (each stage's heading runs into its 主要任务: line)",
    ("1368", "oneline"): "16 %: " + _CELLS + " (a project list of eight columns)",
    ("1368", "spaced"): "16 %: " + _CELLS + " (a project list of eight columns)",
    (
        "1399",
        "oneline",
    ): "22 %: the rules following the notice (…经办规程 / 第一章 / 第一条) run on in "
    "one line with it: they are not split off",
    **{
        ("1400", name): "33 % of 3 checks: a 公告 without a title line; its copies give other "
        "lines for the missing title"
        for name in ("html_gov", "oneline", "spaced")
    },
    **{
        ("1401", name): "39 %: three documents in one file; saved as one page the page's title "
        "is taken for the first and the documents part differently"
        for name in ("html_gov", "html_trs", "html_word")
    },
    ("1401", "oneline"): "62 %: three documents in one file run together on one line",
    ("1401", "spaced"): "62 %: three documents in one file run together on one line",
    ("1402", "oneline"): "95 % less one check: " + _CELLS + " (its attached forms)",
    ("1402", "spaced"): "95 % less one check: " + _CELLS + " (its attached forms)",
    **{
        ("1409", name): "70–78 %: paragraphs each closing on their units under group headings; "
        "printed one short line at a time, the first group's paragraphs run into its heading"
        for name in ("html_table", "lo_pdf")
    },
    ("1420", "spaced"): "93 %: " + _HEADINGS + " (five parts of unnumbered paragraphs)",
    ("1298", "oneline"): "72 %: " + _HEADINGS + " (part and stage names on lines of their own)",
    ("1299", "oneline"): "85 %: "
    + _HEADINGS
    + " (区级方案编制 / 由区建管委…编制: the heading reads as the body's subject)",
    ("1422", "oneline"): "83 %: " + _HEADINGS,
    ("1423", "oneline"): "86 %: " + _HEADINGS,
    ("1443", "oneline"): "3 %: " + _HEADINGS + " (its sub-items' lead runs into (二)'s heading)",
    ("1446", "oneline"): "39 %: " + _HEADINGS + " (第N条 articles captioned without a full stop)",
    ("1448", "oneline"): "77 %: " + _HEADINGS,
    ("1451", "oneline"): "4 %: " + _HEADINGS + " (近期目标 / 远期目标 run into their lists)",
    ("1452", "oneline"): "92 %: " + _HEADINGS,
    ("1479", "oneline"): "95 % less one check: " + _HEADINGS,
    **{
        (number, name): _CRAWLED
        for number, names in (
            ("1423", ("html_gov",)),
            ("1476", ("html_gov", "oneline", "spaced")),
            ("1477", ("html_gov",)),
        )
        for name in names
    },
    **{
        ("1481", name): "33–67 %: a notice asking for comments on a plan the file does not hold "
        "(only its name, in the list of attachments): the text's own parse takes that name for a "
        "plan, its copies read the notice"
        for name in ("oneline", "spaced", "html_gov", "html_table", "html_trs", "html_word")
    },
    **{
        ("1126", name): "90 %: its (四) heading line runs into the paragraph under it in the "
        "text's own parse (a heading without a full stop over unnumbered prose); the Word copy "
        "and its prints read them apart"
        for name in ("docx", "html_word", "lo_pdf")
    },
}


def full_documents() -> list[tuple[str, str]]:
    """(number, text) of every full document saved as text (not the saved .html pages)."""
    labels = json.loads((CORPUS / "labels.json").read_text(encoding="utf-8"))
    return [
        (entry["file"].split("_")[0], (CORPUS / "docs" / entry["file"]).read_text(encoding="utf-8"))
        for entry in labels
        if entry.get("complete") and not entry["file"].endswith(".html")
    ]


@pytest.fixture(scope="module")
def scores(tmp_path_factory) -> dict[tuple[str, str], tuple[float, list[str]]]:
    return variant_scores(full_documents(), tmp_path_factory.mktemp("lo"), with_tables=False)


def test_there_are_at_least_twenty_full_documents() -> None:
    assert len(full_documents()) >= 20


def test_every_variant_of_every_full_document_scores_at_least_95_percent(scores) -> None:
    failing = short_of_threshold(scores, KNOWN_SHORT)
    assert not failing, failing


def test_the_list_of_short_variants_is_current(scores) -> None:
    reached = {
        key: f"{scores[key][0]:.1%}"
        for key in KNOWN_SHORT
        if key in scores and scores[key][0] >= THRESHOLD  # no lo_pdf without LibreOffice
    }
    assert not reached, reached
