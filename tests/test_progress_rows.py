"""What a unit reported is never lost, reverted or faked (loaders.progress.store and the views).

- An upload replaces the rows it carries (unit × task × quarter, unit × indicator × quarter) and
  leaves the others in force; the preview compares with the rows in force; restoring re-instates
  the rows an upload carries; every change is logged.
- The sheet for a quarter already reported starts from what is stored.
- A file's own period against the chosen one; counts typed in 完成数; numbers and years that are
  not figures; rejected uploads recorded with their bytes kept once and only when small.

Real DuckDB, real files; every expected value is worked out by hand from PLAN.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import openpyxl
import pytest

from loaders.db import connect
from loaders.progress.catalog import load_catalog
from loaders.progress.store import (
    KEEP_REJECTED_BYTES,
    changes_against_in_force,
    restore_upload,
    store_upload,
    template_answers,
    upload_history,
    validate_upload,
)
from loaders.progress.template import build_template
from loaders.storage.plans import load_file
from tests.conftest import ROOT
from tests.test_progress import PLAN, rows

RATE, COUNT = "行政规范性文件报备率", "开展行政执法检查"


@pytest.fixture
def con():
    with connect(":memory:") as c:
        load_file(c, "plan.txt", PLAN.encode())
        yield c


def csv_bytes(table: list[list], encoding: str = "utf-8") -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(table)
    return out.getvalue().encode(encoding)


def template(con, unit: str = "县司法局", year: int = 2025, quarter: int = 1) -> bytes:
    catalog = load_catalog(con, year)
    return build_template(catalog, unit, year, quarter, template_answers(con, year, quarter))


def fill(data: bytes, tasks: dict | None = None, figures: dict | None = None) -> bytes:
    """A template filled as an analyst would: tasks by 编号, figures by 指标."""
    wb = openpyxl.load_workbook(io.BytesIO(data))
    for sheet, key, answers, columns in (
        ("任务进展", "编号", tasks or {}, ("进展状态", "进展说明", "佐证材料")),
        ("指标数据", "指标", figures or {}, ("分子", "分母", "实际值")),
    ):
        ws = wb[sheet]
        head = {c.value: c.column for c in ws[2] if c.value}
        for r in range(3, ws.max_row + 1):
            values = answers.get(ws.cell(r, head[key]).value)
            for column, value in zip(columns, values or (), strict=False):
                ws.cell(r, head[column]).value = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def statuses(con, year=2025, quarter=1):
    """(unit, task number, status in force, upload) from the views, for the quarter."""
    return rows(
        con,
        "select unit, task_number, status, upload_id from v_task_status "
        "where year = ? and quarter = ? and status is not null order by unit, task_seq",
        [year, quarter],
    )


def attainment(con, indicator, unit="县司法局", year=2025):
    """(quarter, actual, met) of one indicator and unit from v_indicator_attainment."""
    return rows(
        con,
        "select quarter, actual, met from v_indicator_attainment "
        "where indicator = ? and unit = ? and year = ? order by quarter",
        [indicator, unit, year],
    )


# ---------------------------------------------------------------- supersede by rows


def test_tasks_and_indicators_in_separate_files_are_both_in_force(con):
    blank = template(con)  # downloaded once; one person fills the tasks, another the figures
    tasks = fill(blank, {"(一)": ("推进中", "备案审查"), "(二)": ("已完成", "检查2次")})
    first = store_upload(con, "任务.xlsx", tasks, "张三", "县司法局", 2025, 1)
    assert (first.status, first.task_rows, first.indicator_rows) == ("stored", 2, 0)
    figures = fill(blank, figures={RATE: (39, 40, None), COUNT: (None, None, 2)})
    second = store_upload(con, "指标.xlsx", figures, "张三", "县司法局", 2025, 1)
    assert (second.status, second.task_rows, second.indicator_rows) == ("stored", 0, 2)
    assert second.superseded == [] and second.replaced_rows == 0
    # the task statuses of the first upload stay in force beside the second's figures
    assert statuses(con) == [("县司法局", "(一)", "推进中", 1), ("县司法局", "(二)", "已完成", 1)]
    assert attainment(con, RATE)[0] == (1, 97.5, False)
    assert attainment(con, COUNT)[0] == (1, 2.0, True)
    history = {h["upload_id"]: h["state"] for h in upload_history(con)}
    assert history == {1: "全部在用", 2: "全部在用"}


def test_a_later_upload_replaces_only_the_rows_it_carries_and_the_preview_says_so(con):
    first = fill(
        template(con),
        {"(一)": ("推进中", "第一次"), "(二)": ("推进中", "第一次")},
        {RATE: (39, 40, None)},
    )
    store_upload(con, "v1.xlsx", first, "张三", "县司法局", 2025, 1)
    second = fill(template(con), {"(一)": ("已完成", "第二次")}, {RATE: (39, 40, None)})
    parsed = validate_upload(con, "v2.xlsx", second, "县司法局", 2025, 1)
    # the template of a reported quarter starts from what is stored: (二) is pre-filled too
    changes = changes_against_in_force(con, parsed)
    assert [(c.kind, c.state, c.before, c.after, c.upload_id) for c in changes.rows] == [
        ("task", "修改", ("推进中", "第一次", None), ("已完成", "第二次", None), 1),
        ("task", "不变", ("推进中", "第一次", None), ("推进中", "第一次", None), 1),
        ("indicator", "不变", (39.0, 40.0, None), (39.0, 40.0, None), 1),
    ]
    assert changes.summary() == "与现有数据相比：新增 0 条，修改 1 条，不变 2 条"
    result = store_upload(con, "v2.xlsx", second, "张三", "县司法局", 2025, 1, parsed)
    assert (result.superseded, result.replaced_rows) == ([1], 3)
    assert statuses(con) == [("县司法局", "(一)", "已完成", 2), ("县司法局", "(二)", "推进中", 2)]


def test_an_indicator_only_sheet_does_not_touch_statuses_and_keeps_them_in_the_preview(con):
    tasks = fill(template(con), {"(一)": ("已完成", ""), "(二)": ("推进中", "")})
    store_upload(con, "任务.xlsx", tasks, "张三", "县司法局", 2025, 1)
    sheet = csv_bytes(
        [
            ["单位", "任务编号", "指标名称", "完成数", "应完成数", "年份", "季度"],
            ["县司法局", "(一)", RATE, "20", "20", "2025", "1"],
        ]
    )
    parsed = validate_upload(con, "指标.csv", sheet, "县司法局", 2025, 1)
    assert parsed.errors == []
    changes = changes_against_in_force(con, parsed)
    assert [c.state for c in changes.rows] == ["新增"]
    assert (changes.kept_tasks, changes.kept_indicators) == (2, 0)
    assert changes.summary() == (
        "与现有数据相比：新增 1 条，修改 0 条，不变 0 条；本次未包含的任务进展 2 条保持不变"
    )
    store_upload(con, "指标.csv", sheet, "张三", "县司法局", 2025, 1, parsed)
    assert [s[2] for s in statuses(con)] == ["已完成", "推进中"]
    assert attainment(con, RATE)[0] == (1, 100.0, True)


def test_restore_reinstates_the_rows_an_upload_carries_and_leaves_the_others(con):
    first = fill(template(con), {"(一)": ("推进中", "一"), "(二)": ("推进中", "一")})
    store_upload(con, "v1.xlsx", first, "张三", "县司法局", 2025, 1)
    only_one = csv_bytes([["单位", "编号", "进展状态"], ["县司法局", "(一)", "已完成"]])
    store_upload(con, "v2.csv", only_one, "李四", "县司法局", 2025, 1)
    figures = csv_bytes([["单位", "指标", "实际值"], ["县司法局", COUNT, "1"]])
    store_upload(con, "v3.csv", figures, "李四", "县司法局", 2025, 1)
    assert statuses(con) == [("县司法局", "(一)", "已完成", 2), ("县司法局", "(二)", "推进中", 1)]
    states = {h["upload_id"]: (h["state"], h["restorable"]) for h in upload_history(con)}
    assert states == {
        1: ("部分在用（1/2 条，其余已被第 2 号替换）", True),
        2: ("全部在用", False),
        3: ("全部在用", False),
    }
    assert restore_upload(con, 1, "王五") == [2]
    assert statuses(con) == [("县司法局", "(一)", "推进中", 1), ("县司法局", "(二)", "推进中", 1)]
    assert attainment(con, COUNT)[0] == (1, 1.0, False)  # upload 3's figure stays in force
    states = {h["upload_id"]: h["state"] for h in upload_history(con)}
    assert states == {1: "全部在用", 2: "已被第 1 号替换", 3: "全部在用"}
    assert restore_upload(con, 2, "王五") == [1]
    assert statuses(con) == [("县司法局", "(一)", "已完成", 2), ("县司法局", "(二)", "推进中", 1)]
    assert rows(
        con,
        "select action, actor, kind, upload_id, replaced_upload_id from in_force_log "
        "order by happened_at, upload_id",
    ) == [
        ("stored", "李四", "task", 2, 1),
        ("restored", "王五", "task", 1, 2),
        ("restored", "王五", "task", 2, 1),
    ]
    assert rows(con, "select count(*) from task_progress") == [(3,)]  # nothing deleted
    assert rows(
        con, "select upload_id, action, actor, detail from upload_events order by happened_at"
    ) == [
        (1, "stored", "张三", None),
        (2, "stored", "李四", "1"),
        (3, "stored", "李四", None),
        (1, "restored", "王五", "2"),
        (2, "restored", "王五", "1"),
    ]


# ---------------------------------------------------------------- the sheet of a reported quarter


def test_a_reported_quarter_starts_from_what_is_stored_and_a_new_one_from_its_statuses(con):
    q1 = fill(
        template(con),
        {"(一)": ("已完成", "全部备案", "台账"), "(二)": ("推进中", "已检查1次")},
        {RATE: (39, 40, None), COUNT: (None, None, 1)},
    )
    store_upload(con, "q1.xlsx", q1, "张三", "县司法局", 2025, 1)
    q2 = fill(template(con, quarter=2), {"(二)": ("已完成", "已检查2次")}, {COUNT: (None, None, 1)})
    store_upload(con, "q2.xlsx", q2, "张三", "县司法局", 2025, 2)

    def sheet_values(data: bytes, name: str, columns: slice) -> list[tuple]:
        ws = openpyxl.load_workbook(io.BytesIO(data))[name]
        return [r[columns] for r in ws.iter_rows(min_row=3, values_only=True)]

    # Q1 again: its stored answers and figures, not last year's or blanks
    again = template(con, quarter=1)
    assert sheet_values(again, "任务进展", slice(5, 8)) == [
        ("已完成", "全部备案", "台账"),
        ("推进中", "已检查1次", None),
    ]
    assert sheet_values(again, "指标数据", slice(2, 9)) == [
        (RATE, "≥ 100%", "已报备件数", 39, "应报备件数", 40, None),
        (COUNT, "≥ 2次/年", "—", "—", "—", "—", 1),
    ]
    # re-uploaded unchanged as a correction: nothing changes, nothing is reverted
    parsed = validate_upload(con, "q1-again.xlsx", again, "县司法局", 2025, 1)
    assert [c.state for c in changes_against_in_force(con, parsed).rows] == ["不变"] * 4
    # Q3, not reported yet: the statuses in force as of Q2 ((一) from Q1, (二) from Q2), no figures
    fresh = template(con, quarter=3)
    assert sheet_values(fresh, "任务进展", slice(5, 8)) == [
        ("已完成", "全部备案", "台账"),
        ("已完成", "已检查2次", None),
    ]
    assert [r[3:7] for r in sheet_values(fresh, "指标数据", slice(2, 9))] == [
        (None, "应报备件数", None, None),
        ("—", "—", "—", None),
    ]


# ---------------------------------------------------------------- counts where people type them

FLAT = ["单位", "任务编号", "指标名称", "完成数", "应完成数", "年份", "季度"]


def test_a_count_in_the_done_column_is_the_count_and_adds_up_over_the_year(con):
    for quarter in (1, 2):
        sheet = csv_bytes([FLAT, ["县司法局", "(二)", COUNT, "1", "", "2025", str(quarter)]], "gbk")
        result = store_upload(con, f"q{quarter}.csv", sheet, "张三", "县司法局", 2025, quarter)
        assert result.status == "stored", result.errors
    assert rows(con, "select numerator, denominator, actual from indicator_values") == [
        (None, None, 1.0),
        (None, None, 1.0),
    ]
    assert attainment(con, COUNT)[:2] == [(1, 1.0, False), (2, 2.0, True)]


def test_an_indicator_named_by_the_clause_of_the_plan(con):
    sheet = csv_bytes(
        [FLAT, ["县司法局", "(二)", "每年至少开展2次行政执法检查", "1", "", "2025", "1"]]
    )
    parsed = validate_upload(con, "汇总.csv", sheet, "县司法局", 2025, 1)
    assert parsed.errors == []
    assert [(r.target_id, r.actual) for r in parsed.indicators] == [(2, 1.0)]


def test_messages_name_the_columns_as_the_sheet_does(con):
    sheet = csv_bytes(
        [
            FLAT,
            ["县司法局", "(二)", COUNT, "1", "1", "2025", "1"],
            ["县司法局", "(一)", RATE, "39", "", "2025", "1"],
        ]
    )
    parsed = validate_upload(con, "汇总.csv", sheet, "县司法局", 2025, 1)
    assert parsed.errors == [
        "「汇总」第2行「应完成数」不适用于以「次」计的指标「开展行政执法检查」：请只在「完成数」"
        "填写完成的数量，「应完成数」留空",
        "「汇总」第3行已填写「完成数」但未填写「应完成数」：比率类指标请同时填写「完成数」和"
        "「应完成数」",
    ]
    assert not any("actual" in m or "numerator" in m for m in parsed.errors)


# ---------------------------------------------------------------- a file's own period


def test_a_q3_sheet_uploaded_as_q4_is_refused_naming_both_periods(con):
    q3 = fill(template(con, quarter=3), {"(一)": ("推进中", "")})
    parsed = validate_upload(con, "q3.xlsx", q3, "县司法局", 2025, 4)
    assert parsed.errors == [
        "文件注明的期间为2025年第3季度（系统生成的填报表），与所选的2025年第4季度不一致："
        "请选择2025年第3季度，或下载2025年第4季度的填报表填写"
    ]
    columns = csv_bytes(
        [["单位", "编号", "进展状态", "年份", "季度"]]
        + [["县司法局", n, "推进中", "2025", "三季度"] for n in ("(一)", "(二)")]
    )
    parsed = validate_upload(con, "q3.csv", columns, "县司法局", 2025, 4)
    assert parsed.errors == [
        "「q3」第2、3行的「年份」「季度」为2025年第3季度，与所选的2025年第4季度不一致："
        "请选择2025年第3季度后重新上传，或改正表中的期间"
    ]
    titled = csv_bytes(
        [
            ["某某县2025年第三季度任务进展"],
            ["单位", "编号", "进展状态"],
            ["县司法局", "(一)", "推进中"],
        ]
    )
    parsed = validate_upload(con, "汇总.csv", titled, "县司法局", 2025, 4)
    assert parsed.errors == [
        "「汇总」的标题注明的期间为2025年第3季度，与所选的2025年第4季度不一致："
        "请选择2025年第3季度，或改正标题中的期间"
    ]
    # chosen as stated: accepted, dated as stated
    assert validate_upload(con, "q3.csv", columns, "县司法局", 2025, 3).periods == {
        ("县司法局", 2025, 3)
    }


def test_cli_prints_warnings_to_stderr_and_changes_to_stdout(tmp_path):
    db = tmp_path / "t.duckdb"
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")

    def cli(*args):
        return subprocess.run(
            [sys.executable, "-m", "loaders", *map(str, args)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=120,
        )

    assert cli("load", plan, "--db", db).returncode == 0
    sheet = tmp_path / "指标.csv"
    sheet.write_bytes(csv_bytes([["单位", "指标", "实际值"], ["县司法局", RATE, "0.985"]]))
    done = cli("progress", sheet, "--db", db, "--year", 2025, "--quarter", 1)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "提示：「指标」第2行「实际值」0.985按98.5%读取\n"
    assert "与现有数据相比：新增 1 条，修改 0 条，不变 0 条" in done.stdout
    sheet.write_bytes(csv_bytes([["单位", "指标", "实际值"], ["县司法局", RATE, "99"]]))
    dry = cli("progress", sheet, "--db", db, "--year", 2025, "--quarter", 1, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert f"  修改：县司法局 2025年第1季度 {RATE}：98.5 → 99（原为第 1 号上传）" in dry.stdout
    wrong = cli("progress", sheet, "--db", db, "--year", 2025, "--quarter", "Q3")
    assert wrong.returncode == 1
    assert wrong.stderr.startswith("错误：参数 --quarter：季度应为1至4，实际为「Q3」")


# ---------------------------------------------------------------- numbers and years


def test_nan_inf_and_absurd_figures_and_years_are_refused(con):
    sheet = csv_bytes(
        [
            ["单位", "编号", "指标", "分子", "分母", "实际值", "年度", "季度"],
            ["县司法局", "(二)", COUNT, "", "", "NaN", "2025", "1"],
            ["县司法局", "(二)", COUNT, "", "", "inf", "2025", "2"],
            ["县司法局", "(二)", COUNT, "", "", "-3", "2025", "3"],
            ["县司法局", "(一)", RATE, "50", "40", "", "2025", "1"],
            ["县司法局", "(一)", RATE, "2000000000", "3000000000", "", "2025", "2"],
            ["县司法局", "(一)", RATE, "1", "2", "", "1900", "3"],
        ]
    )
    parsed = validate_upload(con, "数.csv", sheet, "县司法局")
    assert parsed.errors == [
        '「数」第2行「实际值」应为非负整数，实际为"NaN"',
        '「数」第3行「实际值」应为非负整数，实际为"inf"',
        '「数」第4行「实际值」应为非负整数，实际为"-3"',
        '「数」第5行「分母」应为不小于「分子」的非负整数，实际为"40"（「分子」为50）',
        '「数」第6行「分子」应为不大于「分母」的非负整数，实际为"2000000000"（数值过大，请核对）',
        '「数」第6行「分母」应为不小于「分子」的非负整数，实际为"3000000000"（数值过大，请核对）',
        "「数」第7行「年度」为1900，超出已载入计划的年度范围（2022至2028年）",
    ]
    assert validate_upload(con, "x.csv", sheet, "县司法局", 1900, 1).errors == [
        "所选年度1900超出已载入计划的年度范围（2022至2028年）"
    ]


def test_a_nan_cell_in_an_xlsx_is_refused_and_the_views_never_count_nan_as_met(con):
    data = fill(template(con), figures={COUNT: (None, None, 987654.125)})
    data = _replace_in_sheets(data, b"<v>987654.125</v>", b"<v>NaN</v>")
    parsed = validate_upload(con, "nan.xlsx", data, "县司法局", 2025, 1)
    assert parsed.errors == ['「指标数据」第4行「实际值」应为非负整数，实际为"nan"']
    # a NaN stored behind the checks' back (an older database) is still not a figure
    store_upload(con, "ok.xlsx", fill(template(con), figures={COUNT: (None, None, 5)}), "张三")
    con.execute("update indicator_values set actual = 'nan'::double").fetchall()
    (row,) = attainment(con, COUNT)[:1]
    assert row == (1, None, None)
    assert rows(con, "select count(*) from v_indicator_attainment where met") == [(0,)]


def _replace_in_sheets(data: bytes, old: bytes, new: bytes) -> bytes:
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            part = src.read(info.filename)
            z.writestr(
                info.filename, part.replace(old, new) if "worksheets" in info.filename else part
            )
    return out.getvalue()


def test_template_refuses_a_year_outside_the_plans(con):
    from loaders.errors import LoadError

    with pytest.raises(LoadError, match=r"年度1900超出已载入计划的年度范围（2022至2028年）"):
        build_template(load_catalog(con, 1900), "县司法局", 1900, 1)


# ---------------------------------------------------------------- hostile files, in process


def test_a_sheet_reaching_xfd1048576_is_refused_before_it_is_read(con):
    wb = openpyxl.Workbook()
    wb.active["A1"], wb.active["XFD1048576"] = "单位", "尾"
    out = io.BytesIO()
    wb.save(out)
    parsed = validate_upload(con, "corner.xlsx", out.getvalue(), "县司法局", 2025, 1)
    assert parsed.errors == [
        "corner.xlsx 的工作表「Sheet」有数据的范围到第 1048576 行（表内声明的范围为 "
        "A1:XFD1048576），超过上限 100000 行，未读取。请删除多余的行（或把最后一个有内容的单元格"
        "清除）后重新上传。"
    ]


def test_long_cells_and_control_characters(con):
    long = csv_bytes(
        [["单位", "编号", "进展状态", "进展说明"], ["县司法局", "(一)", "推进中", "长" * 131_073]]
    )
    parsed = validate_upload(con, "long.csv", long, "县司法局", 2025, 1)
    assert parsed.errors == [
        "long.csv 第 2 行第 4 列（D 列）的内容有 131073 个字符，超过单元格上限 32767 个字符，未读取。"
    ]
    dirty = csv_bytes(
        [
            ["单位", "编号", "进展状态", "进展说明"],
            ["县司法局", "(一)", "推进中", "说明\x00\x1b[31m尾\r\n下一行"],
        ]
    )
    result = store_upload(con, "dirty.csv", dirty, "张三\x07", "县司法局", 2025, 1)
    assert result.status == "stored"
    assert rows(con, "select note from task_progress") == [("说明[31m尾\n下一行",)]
    assert rows(con, "select uploaded_by from uploads") == [("张三",)]


# ---------------------------------------------------------------- rejected uploads


def test_rejected_uploads_are_recorded_with_their_bytes_once_and_only_when_small(con):
    bad = csv_bytes([["单位", "编号", "进展状态"], ["县司法局", "(一)", "不知道"]])
    for _ in range(3):
        assert store_upload(con, "bad.csv", bad, "张三", "县司法局", 2025, 1).status == "rejected"
    big = bad + (" " * 60 + "\r\n").encode() * 90_000  # blank rows: over 5 MB, under the limits
    assert len(big) > KEEP_REJECTED_BYTES
    assert store_upload(con, "big.csv", big, "李四", "县司法局", 2025, 1).status == "rejected"
    got = rows(
        con,
        "select file_name, uploaded_by, octet_length(content), size_bytes, outcome, messages[1] "
        "from uploads order by upload_id",
    )
    message = (
        '「bad」第2行「进展状态」应为未启动、推进中、已完成、长期推进、滞后之一，实际为"不知道"'
    )
    assert got == [
        ("bad.csv", "张三", len(bad), len(bad), "rejected", message),
        ("bad.csv", "张三", None, len(bad), "rejected", message),
        ("bad.csv", "张三", None, len(bad), "rejected", message),
        ("big.csv", "李四", None, len(big), "rejected", message.replace("bad", "big")),
    ]
    assert rows(con, "select count(*) from task_progress") == [(0,)]


def test_the_same_file_for_another_quarter_is_another_report(con):
    sheet = csv_bytes([["单位", "编号", "进展状态"], ["县司法局", "(一)", "推进中"]])
    assert store_upload(con, "a.csv", sheet, "张三", "县司法局", 2025, 1).status == "stored"
    again = store_upload(con, "a.csv", sheet, "张三", "县司法局", 2025, 1)
    assert (again.status, again.upload_id) == ("duplicate", 1)
    later = store_upload(con, "a.csv", sheet, "张三", "县司法局", 2025, 2)
    assert (later.status, later.upload_id, later.periods) == ("stored", 2, [("县司法局", 2025, 2)])
    assert rows(con, "select upload_id, octet_length(content) from uploads order by 1") == [
        (1, len(sheet)),
        (2, None),  # the bytes are kept once
    ]


def test_a_shared_strings_table_declaring_billions_is_refused_before_calamine_reads_it(con):
    from tests import hostile_cases as hc

    parts = hc.xlsx_parts(shared_strings=True)
    parts["xl/worksheets/sheet1.xml"] = hc.sheet_xml(
        '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    )
    parts["xl/sharedStrings.xml"] = (
        f'<sst xmlns="{hc.NS_MAIN}" count="4294967295" uniqueCount="4294967295">'
        "<si><t>单位</t></si></sst>"
    ).encode()
    parsed = validate_upload(con, "sst.xlsx", hc.zip_bytes(parts), "县司法局", 2025, 1)
    assert parsed.errors == [
        "sst.xlsx 的共享字符串表声明或含有 4294967295 个字符串，超过上限 3000000 个，"
        "文件已损坏或被篡改，未读取。"
    ]


def test_a_damaged_xls_is_read_in_a_child_process_and_refused(con):
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("s")
    for r in range(50):
        for c in range(6):
            sheet.write(r, c, f"文本{r}-{c}" if c % 2 else r * c)
    out = io.BytesIO()
    book.save(out)
    data = bytearray(out.getvalue())
    assert len(data) == 13824  # xlwt writes the same bytes for the same cells
    # three bytes changed (found by flipping bytes at random): python-calamine then asks for
    # 1,030,789,951,200 bytes and aborts the process that reads it
    for at, value in ((3731, 36), (4652, 115), (13647, 101)):
        data[at] = value
    parsed = validate_upload(con, "bad.xls", bytes(data), "县司法局", 2025, 1)
    assert parsed.errors == [
        "无法读取 Excel 文件 bad.xls:文件已损坏、受密码保护或不是 Excel 格式。"
    ]
