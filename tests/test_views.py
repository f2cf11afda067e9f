"""The completion views of sql/: given a handful of rows, the exact rows expected, worked out by
hand in the comments (docs/views.md, "How completion is counted").

The main case is a 2023 plan with two actions, three units and five tasks:

    action 1 (一): T1 deadline 2023-03-31, lead U1 司法局, responsible U2 财政局
                   T2 deadline 2023-06-30, lead U1, cooperating U3 公安局
    action 2 (二): T3 ongoing (长期坚持), lead U2
                   T4 no deadline (due at the plan's end, 2023-12-31), lead U3
                   T5 deadline 2023-09-30, no unit named

Uploads (one unit-period each; u5 is superseded by u6, u9 was rejected):

    u1 U1 Q1 (04-05): T1 推进中, T2 推进中      G1 8/10, G5 实际值 100
    u2 U2 Q1 (04-15): T1 已完成, T3 长期推进     G1 5/5,  G2 1次
    u3 U1 Q2 (07-10): T1 已完成, T2 已完成       G1 9/10, G5 实际值 95
    u4 U3 Q2 (07-11): T4 推进中                 G3 2个工作日
    u5 U2 Q2 (07-01): T3 推进中 (superseded)     G1 0/5,  G2 5次 (superseded)
    u6 U2 Q2 (07-20): T3 滞后                   G1 4/5,  G2 0次
    u8 U3 Q3 (10-09): T4 已完成                 G3 4个工作日
    u9 U1 Q3 (10-01): T1 未启动 (rejected: never counted)

Targets: G1 办结率 ≥ 90% on T1 (reported by U1, U2); G2 检查 ≥ 2次/年 on T3 (U2);
G3 办理时限 ≤ 3个工作日 on T4 (U3); G4 on T1 for 2024 only (no 2023 rows); G5 公开率 ≥ 100% on T2
(U1 only: U3 cooperates).
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from loaders.db import connect, sql_files

Q_END = {1: "03-31", 2: "06-30", 3: "09-30", 4: "12-31"}


class Given:
    """Writes the few rows a view test needs straight into the tables."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con
        self.upload_no = 0

    def sql(self, query: str, params: list | None = None) -> None:
        self.con.execute(query, params or []).fetchall()

    def plan(self, plan_id: int, years: tuple[int, int], actions: list[tuple[int, str]]) -> None:
        self.sql(
            "insert into documents (doc_id, file_id, seq, title, kind, years, year_from, year_to) "
            "values (?, 1, ?, ?, 'plan', ?, ?, ?)",
            [plan_id, plan_id, f"方案{plan_id}", list(range(years[0], years[1] + 1)), *years],
        )
        for action_id, code in actions:
            self.sql(
                "insert into actions values (?, ?, ?, ?, ?)",
                [action_id, plan_id, action_id, code, f"行动{code}"],
            )

    def units(self, *names: str) -> None:
        for unit_id, name in enumerate(names, 1):
            self.sql("insert into units (unit_id, name) values (?, ?)", [unit_id, name])

    def task(
        self, task_id, plan_id, action_id, deadline=None, ongoing=False, recurring=None, **roles
    ) -> None:
        self.sql(
            "insert into tasks (task_id, plan_id, action_id, seq, number, title, text, deadline, "
            "ongoing, recurring) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                task_id,
                plan_id,
                action_id,
                task_id,
                str(task_id),
                f"任务{task_id}",
                f"任务{task_id}",
                deadline,
                ongoing,
                recurring,
            ],
        )
        for seq, (role, unit_ids) in enumerate(roles.items()):
            for unit_id in unit_ids:
                self.sql(
                    "insert into task_units values (?, ?, ?, ?, ?)",
                    [task_id, unit_id, role, seq, f"单位{unit_id}"],
                )

    def target(
        self, target_id, plan_id, task_id, indicator, comparator, value, unit, per=None, year=None
    ) -> None:
        self.sql(
            "insert into targets (target_id, plan_id, task_id, seq, indicator, comparator, value, "
            "unit, per, year, text) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                target_id,
                plan_id,
                task_id,
                target_id,
                indicator,
                comparator,
                value,
                unit,
                per,
                year,
                indicator,
            ],
        )

    def upload(
        self,
        upload_id,
        unit_id,
        year,
        quarter,
        at,
        tasks=(),
        figures=(),
        outcome="stored",
        superseded_by=None,
    ) -> None:
        """tasks: (task_id, status); figures: (target_id, numerator, denominator, actual)."""
        self.sql(
            "insert into uploads (upload_id, sha256, file_name, content, uploaded_by, uploaded_at, "
            "year, quarter, outcome) values (?, ?, ?, '', '测试', ?, ?, ?, ?)",
            [upload_id, f"sha{upload_id}", f"u{upload_id}.xlsx", at, year, quarter, outcome],
        )
        if outcome == "stored":
            self.sql(
                "insert into upload_periods (upload_id, unit_id, year, quarter, superseded_by) "
                "values (?, ?, ?, ?, ?)",
                [upload_id, unit_id, year, quarter, superseded_by],
            )
        for task_id, status in tasks:
            self.sql(
                "insert into task_progress (upload_id, task_id, unit_id, year, quarter, status) "
                "values (?, ?, ?, ?, ?, ?)",
                [upload_id, task_id, unit_id, year, quarter, status],
            )
        for target_id, num, den, actual in figures:
            self.sql(
                "insert into indicator_values (upload_id, target_id, unit_id, year, quarter, "
                "numerator, denominator, actual) values (?, ?, ?, ?, ?, ?, ?, ?)",
                [upload_id, target_id, unit_id, year, quarter, num, den, actual],
            )


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@pytest.fixture
def con():
    c = connect(":memory:")
    yield c
    c.close()


@pytest.fixture
def plan2023(con):
    g = Given(con)
    g.plan(1, (2023, 2023), [(1, "(一)"), (2, "(二)")])
    g.units("司法局", "财政局", "公安局")
    g.task(1, 1, 1, d("2023-03-31"), lead=[1], responsible=[2])
    g.task(2, 1, 1, d("2023-06-30"), lead=[1], cooperating=[3])
    g.task(3, 1, 2, ongoing=True, lead=[2])
    g.task(4, 1, 2, lead=[3])
    g.task(5, 1, 2, d("2023-09-30"))
    g.target(1, 1, 1, "投诉办结率", ">=", 90, "%")
    g.target(2, 1, 3, "检查", ">=", 2, "次", per="year")
    g.target(3, 1, 4, "办理时限", "<=", 3, "个工作日")
    g.target(4, 1, 1, "办结率", ">=", 95, "%", year=2024)
    g.target(5, 1, 2, "公开率", ">=", 100, "%")
    g.upload(
        1,
        1,
        2023,
        1,
        "2023-04-05",
        [(1, "推进中"), (2, "推进中")],
        [(1, 8, 10, None), (5, None, None, 100)],
    )
    g.upload(
        2,
        2,
        2023,
        1,
        "2023-04-15",
        [(1, "已完成"), (3, "长期推进")],
        [(1, 5, 5, None), (2, None, None, 1)],
    )
    g.upload(
        3,
        1,
        2023,
        2,
        "2023-07-10",
        [(1, "已完成"), (2, "已完成")],
        [(1, 9, 10, None), (5, None, None, 95)],
    )
    g.upload(4, 3, 2023, 2, "2023-07-11", [(4, "推进中")], [(3, None, None, 2)])
    g.upload(
        5,
        2,
        2023,
        2,
        "2023-07-01",
        [(3, "推进中")],
        [(1, 0, 5, None), (2, None, None, 5)],
        superseded_by=6,
    )
    g.upload(6, 2, 2023, 2, "2023-07-20", [(3, "滞后")], [(1, 4, 5, None), (2, None, None, 0)])
    g.upload(8, 3, 2023, 3, "2023-10-09", [(4, "已完成")], [(3, None, None, 4)])
    g.upload(9, 1, 2023, 3, "2023-10-01", [(1, "未启动")], outcome="rejected")
    return con


def rows(con, sql: str, params: list | None = None) -> list[tuple]:
    return con.execute(sql, params or []).fetchall()


def test_every_view_file_builds_on_an_empty_database_and_is_named_after_its_view():
    c = duckdb.connect(":memory:")
    views = []
    for f in sql_files():
        c.execute(f.read_text(encoding="utf-8")).fetchall()
        assert f.read_text(encoding="utf-8").startswith("-- "), f"{f.name}: no description line"
        stem = f.stem.split("_", 1)[1]
        if stem.startswith("v_"):
            views.append(stem)
            assert f"create or replace view {stem} as" in f.read_text(encoding="utf-8")
    found = {
        r[0]
        for r in c.execute("select view_name from duckdb_views() where not internal").fetchall()
    }
    assert set(views) == found
    for view in views:  # empty tables: every view answers, with no rows
        assert c.execute(f"select count(*) from {view}").fetchone() == (0,)


def test_periods_are_the_plan_quarters_with_report_deadlines(plan2023):
    assert rows(
        plan2023,
        "select year, quarter, period_end, report_due, period_label "
        "from v_periods order by period_index",
    ) == [
        (2023, 1, d("2023-03-31"), d("2023-04-10"), "2023年第1季度"),
        (2023, 2, d("2023-06-30"), d("2023-07-10"), "2023年第2季度"),
        (2023, 3, d("2023-09-30"), d("2023-10-10"), "2023年第3季度"),
        (2023, 4, d("2023-12-31"), d("2024-01-10"), "2023年第4季度"),
    ]


def test_task_status_carries_the_latest_status_forward(plan2023):
    got = rows(
        plan2023,
        "select task_id, unit, role, owner, quarter, status, reported, upload_id, due, completed, "
        "behind, overdue from v_task_status order by task_id, unit_id, quarter",
    )
    expected = [
        # T1, U1 lead: 推进中 at its Q1 deadline (overdue), 已完成 from Q2 on, carried forward
        (1, "司法局", "lead", True, 1, "推进中", True, 1, True, False, True, True),
        (1, "司法局", "lead", True, 2, "已完成", True, 3, True, True, False, False),
        (1, "司法局", "lead", True, 3, "已完成", False, 3, True, True, False, False),  # u9 rejected
        (1, "司法局", "lead", True, 4, "已完成", False, 3, True, True, False, False),
        # T1, U2 responsible: 已完成 in Q1, carried through Q4
        (1, "财政局", "responsible", True, 1, "已完成", True, 2, True, True, False, False),
        (1, "财政局", "responsible", True, 2, "已完成", False, 2, True, True, False, False),
        (1, "财政局", "responsible", True, 3, "已完成", False, 2, True, True, False, False),
        (1, "财政局", "responsible", True, 4, "已完成", False, 2, True, True, False, False),
        # T2, U1 lead: not due in Q1 (deadline 06-30), 已完成 in Q2
        (2, "司法局", "lead", True, 1, "推进中", True, 1, False, False, False, False),
        (2, "司法局", "lead", True, 2, "已完成", True, 3, True, True, False, False),
        (2, "司法局", "lead", True, 3, "已完成", False, 3, True, True, False, False),
        (2, "司法局", "lead", True, 4, "已完成", False, 3, True, True, False, False),
        # T2, U3 cooperating (not an owner): never reported
        (2, "公安局", "cooperating", False, 1, None, False, None, False, False, False, False),
        (2, "公安局", "cooperating", False, 2, None, False, None, True, False, True, True),
        (2, "公安局", "cooperating", False, 3, None, False, None, True, False, True, True),
        (2, "公安局", "cooperating", False, 4, None, False, None, True, False, True, True),
        # T3 ongoing, U2: on track in Q1 (长期推进 reported); Q2 the active upload u6 says 滞后
        # (u5's 推进中 is superseded); Q3, Q4 nothing reported: behind, never overdue
        (3, "财政局", "lead", True, 1, "长期推进", True, 2, True, True, False, False),
        (3, "财政局", "lead", True, 2, "滞后", True, 6, True, False, True, False),
        (3, "财政局", "lead", True, 3, "滞后", False, 6, True, False, True, False),
        (3, "财政局", "lead", True, 4, "滞后", False, 6, True, False, True, False),
        # T4, U3: due only at the plan's end; completed early in Q3
        (4, "公安局", "lead", True, 1, None, False, None, False, False, False, False),
        (4, "公安局", "lead", True, 2, "推进中", True, 4, False, False, False, False),
        (4, "公安局", "lead", True, 3, "已完成", True, 8, False, True, False, False),
        (4, "公安局", "lead", True, 4, "已完成", False, 8, True, True, False, False),
    ]  # T5 names no unit: no rows here
    assert got == expected


def test_task_rollup_needs_every_owner_and_keeps_unassigned_tasks(plan2023):
    got = rows(
        plan2023,
        "select task_id, quarter, owner_units, owner_units_completed, due, completed, overdue "
        "from v_task_rollup order by task_id, quarter",
    )
    assert got == [
        (1, 1, 2, 1, True, False, True),  # U2 done, U1 not
        (1, 2, 2, 2, True, True, False),
        (1, 3, 2, 2, True, True, False),
        (1, 4, 2, 2, True, True, False),
        (2, 1, 1, 0, False, False, False),  # U3 cooperates: not an owner
        (2, 2, 1, 1, True, True, False),
        (2, 3, 1, 1, True, True, False),
        (2, 4, 1, 1, True, True, False),
        (3, 1, 1, 1, True, True, False),
        (3, 2, 1, 0, True, False, False),  # ongoing: behind, not overdue
        (3, 3, 1, 0, True, False, False),
        (3, 4, 1, 0, True, False, False),
        (4, 1, 1, 0, False, False, False),
        (4, 2, 1, 0, False, False, False),
        (4, 3, 1, 1, False, True, False),
        (4, 4, 1, 1, True, True, False),
        (5, 1, 0, 0, False, False, False),
        (5, 2, 0, 0, False, False, False),
        (5, 3, 0, 0, True, False, True),  # no unit named: never completed
        (5, 4, 0, 0, True, False, True),
    ]


def test_indicator_attainment_is_year_to_date(plan2023):
    got = rows(
        plan2023,
        "select target_id, unit, quarter, actual, met, numerator, denominator, reported, "
        "upload_ids from v_indicator_attainment order by target_id, unit_id, quarter",
    )
    assert got == [
        # G1 rate, U1: 8/10 = 80; Q2 (8+9)/(10+10) = 85; carried year-to-date
        (1, "司法局", 1, 80.0, False, 8.0, 10.0, True, [1]),
        (1, "司法局", 2, 85.0, False, 17.0, 20.0, True, [1, 3]),
        (1, "司法局", 3, 85.0, False, 17.0, 20.0, False, [1, 3]),
        (1, "司法局", 4, 85.0, False, 17.0, 20.0, False, [1, 3]),
        # G1, U2: 5/5 = 100; Q2 (5+4)/(5+5) = 90 meets ≥ 90 (u5's 0/5 superseded)
        (1, "财政局", 1, 100.0, True, 5.0, 5.0, True, [2]),
        (1, "财政局", 2, 90.0, True, 9.0, 10.0, True, [2, 6]),
        (1, "财政局", 3, 90.0, True, 9.0, 10.0, False, [2, 6]),
        (1, "财政局", 4, 90.0, True, 9.0, 10.0, False, [2, 6]),
        # G2 count ≥ 2/年, U2: 1, then 1 + 0 = 1 (u5's 5 superseded): never met
        (2, "财政局", 1, 1.0, False, None, None, True, [2]),
        (2, "财政局", 2, 1.0, False, None, None, True, [2, 6]),
        (2, "财政局", 3, 1.0, False, None, None, False, [2, 6]),
        (2, "财政局", 4, 1.0, False, None, None, False, [2, 6]),
        # G3 limit ≤ 3 days, U3: nothing in Q1; 2 in Q2; the worst so far (4) from Q3
        (3, "公安局", 1, None, None, None, None, False, []),
        (3, "公安局", 2, 2.0, True, None, None, True, [4]),
        (3, "公安局", 3, 4.0, False, None, None, True, [4, 8]),
        (3, "公安局", 4, 4.0, False, None, None, False, [4, 8]),
        # G4 is a 2024 target: no 2023 rows. G5 rate given as 实际值 only: the latest one
        # (upload_ids: every upload read for the year to date)
        (5, "司法局", 1, 100.0, True, None, None, True, [1]),
        (5, "司法局", 2, 95.0, False, None, None, True, [1, 3]),
        (5, "司法局", 3, 95.0, False, None, None, False, [1, 3]),
        (5, "司法局", 4, 95.0, False, None, None, False, [1, 3]),
    ]


def test_region_combines_units_from_summed_numerators(plan2023):
    got = rows(
        plan2023,
        "select quarter, round(actual, 4), met, numerator, denominator, units_total, "
        "units_reported, units_met from v_indicator_region where target_id = 1 order by quarter",
    )
    assert got == [
        (1, round(100 * 13 / 15, 4), False, 13.0, 15.0, 2, 2, 1),  # (8+5)/(10+5)
        (2, round(100 * 26 / 30, 4), False, 26.0, 30.0, 2, 2, 1),  # (17+9)/(20+10)
        (3, round(100 * 26 / 30, 4), False, 26.0, 30.0, 2, 2, 1),
        (4, round(100 * 26 / 30, 4), False, 26.0, 30.0, 2, 2, 1),
    ]


def test_unit_scorecard(plan2023):
    got = rows(
        plan2023,
        "select unit, quarter, tasks_total, tasks_completed, completion_rate, indicators_total, "
        "indicators_met, attainment_rate, overdue_tasks, cooperating_total, reported, on_time "
        "from v_unit_scorecard order by unit_id, quarter",
    )
    assert got == [
        # U1: T1 due Q1 (not done, overdue); T1+T2 done from Q2. G1 80 ✗ + G5 100 ✓, then both ✗
        ("司法局", 1, 1, 0, 0.0, 2, 1, 0.5, 1, 0, True, True),  # u1 on 04-05
        ("司法局", 2, 2, 2, 1.0, 2, 0, 0.0, 0, 0, True, True),  # u3 on 07-10, the due day
        ("司法局", 3, 2, 2, 1.0, 2, 0, 0.0, 0, 0, False, False),  # only u9, rejected
        ("司法局", 4, 2, 2, 1.0, 2, 0, 0.0, 0, 0, False, False),
        # U2: T1 (responsible) + T3 (ongoing): 2/2, then T3 behind: 1/2. G1 ✓, G2 ✗
        ("财政局", 1, 2, 2, 1.0, 2, 1, 0.5, 0, 0, True, False),  # u2 on 04-15, late
        ("财政局", 2, 2, 1, 0.5, 2, 1, 0.5, 0, 0, True, True),  # u5 first, on 07-01
        ("财政局", 3, 2, 1, 0.5, 2, 1, 0.5, 0, 0, False, False),
        ("财政局", 4, 2, 1, 0.5, 2, 1, 0.5, 0, 0, False, False),
        # U3: T4 due only in Q4 (NULL rates before); T2 cooperating counted apart. G3 not
        # reported in Q1 (assessed: not met), then ✓, then ✗
        ("公安局", 1, 0, 0, None, 1, 0, 0.0, 0, 0, False, False),
        ("公安局", 2, 0, 0, None, 1, 1, 1.0, 0, 1, True, False),  # u4 on 07-11, late
        ("公安局", 3, 0, 0, None, 1, 0, 0.0, 0, 1, True, True),
        ("公安局", 4, 1, 1, 1.0, 1, 0, 0.0, 0, 1, False, False),
    ]
    # G3: applicable all year; assessed from Q1 (not reported yet); with a figure from Q2
    assert rows(
        plan2023,
        "select quarter, indicators_expected, indicators_total, "
        "indicators_reported from v_unit_scorecard where unit = '公安局' "
        "order by quarter",
    ) == [(1, 1, 1, 0), (2, 1, 1, 1), (3, 1, 1, 1), (4, 1, 1, 1)]


def test_action_scorecard(plan2023):
    got = rows(
        plan2023,
        "select action_code, quarter, tasks_total, tasks_completed, completion_rate, "
        "indicators_total, indicators_met, attainment_rate, overdue_tasks "
        "from v_action_scorecard order by action_id, quarter",
    )
    assert got == [
        # (一): T1 (+T2 from Q2); indicators G1×U1, G1×U2, G5×U1
        ("(一)", 1, 1, 0, 0.0, 3, 2, 2 / 3, 1),
        ("(一)", 2, 2, 2, 1.0, 3, 1, 1 / 3, 0),
        ("(一)", 3, 2, 2, 1.0, 3, 1, 1 / 3, 0),
        ("(一)", 4, 2, 2, 1.0, 3, 1, 1 / 3, 0),
        # (二): T3 always due; T5 from Q3 (overdue); T4 in Q4. Indicators G2×U2, G3×U3
        ("(二)", 1, 1, 1, 1.0, 2, 0, 0.0, 0),  # G3 not reported yet: assessed, not met
        ("(二)", 2, 1, 0, 0.0, 2, 1, 0.5, 0),
        ("(二)", 3, 2, 0, 0.0, 2, 0, 0.0, 1),
        ("(二)", 4, 3, 1, 1 / 3, 2, 0, 0.0, 1),
    ]


def test_plan_trend(plan2023):
    got = rows(
        plan2023,
        "select quarter, tasks_total, tasks_completed, completion_rate, indicators_total, "
        "indicators_met, attainment_rate, overdue_tasks, units_expected, units_reported "
        "from v_plan_trend order by quarter",
    )
    assert got == [
        (1, 2, 1, 0.5, 5, 2, 0.4, 1, 3, 2),  # T1 ✗ T3 ✓; G1U1 ✗ G1U2 ✓ G5 ✓ G2 ✗ G3 unreported
        (2, 3, 2, 2 / 3, 5, 2, 0.4, 0, 3, 3),  # T1 T2 ✓ T3 ✗; + G3 ✓, G5 ✗
        (3, 4, 2, 0.5, 5, 1, 0.2, 1, 3, 1),  # + T5 overdue; G3 ✗
        (4, 5, 3, 0.6, 5, 1, 0.2, 1, 3, 0),  # + T4 ✓
    ]


def test_recurring_tasks_start_again_each_year_and_empty_rates_are_null(con):
    g = Given(con)
    g.plan(1, (2023, 2024), [(1, "一、")])
    g.units("司法局")
    g.task(1, 1, 1, d("2023-03-31"), recurring="year", lead=[1])  # 每年第一季度
    g.target(1, 1, 1, "备案率", ">=", 100, "%")
    g.upload(1, 1, 2023, 1, "2023-04-01", [(1, "已完成")], [(1, 0, 0, None)])
    g.upload(2, 1, 2024, 2, "2024-07-01", [(1, "推进中")])
    got = rows(
        con,
        "select year, quarter, status, due, completed, overdue from v_task_status "
        "where quarter <= 2 order by period_index",
    )
    assert got == [
        (2023, 1, "已完成", True, True, False),
        (2023, 2, "已完成", True, True, False),
        (2024, 1, None, True, False, True),  # last year's 已完成 does not count in 2024
        (2024, 2, "推进中", True, False, True),
    ]
    # 0 of 0 cases: no rate (NULL), neither met nor failed, left out of the attainment rate
    assert rows(
        con, "select actual, met from v_indicator_attainment where period_index = ?", [2023 * 4]
    ) == [(None, None)]
    assert rows(
        con, "select attainment_rate from v_unit_scorecard where period_index = ?", [2023 * 4]
    ) == [(None,)]


def test_yearly_lines_up_annual_reports_with_plan_indicators(plan2023):
    plan2023.execute(
        "insert into achievements values (1, 9, 1, '行政执法投诉办结率', 97.5, '%', 2022, '办结率97.5%')"
    ).fetchall()
    got = rows(
        plan2023,
        "select indicator, year, quarter, source, round(actual, 4), met from v_indicator_yearly "
        "where target_id = 1 or achievement_id = 1 order by year",
    )
    assert got == [
        ("投诉办结率", 2022, None, "年度报告", 97.5, None),  # named after the plan's indicator
        ("投诉办结率", 2023, 4, "季度填报", round(100 * 26 / 30, 4), False),
    ]


def test_per_quarter_counts_limits_and_zero_targets(con):
    g = Given(con)
    g.plan(1, (2023, 2023), [(1, "一、")])
    g.units("司法局")
    g.task(1, 1, 1, ongoing=True, lead=[1])
    g.target(1, 1, 1, "督查", ">=", 1, "次", per="quarter")  # 每季度至少1次
    g.target(2, 1, 1, "公示时限", ">=", 5, "个工作日")  # a floor: the smallest quarter so far
    g.target(3, 1, 1, "被撤销案件", "=", 0, "件")  # 无…情形: the year's count stays 0
    g.target(4, 1, 1, "满意度", ">", 95, "%")
    g.upload(
        1,
        1,
        2023,
        1,
        "2023-04-01",
        [(1, "长期推进")],
        [(1, None, None, 2), (2, None, None, 6), (3, None, None, 0), (4, 96, 100, None)],
    )
    g.upload(
        2,
        1,
        2023,
        2,
        "2023-07-01",
        [(1, "长期推进")],
        [(1, None, None, 0), (2, None, None, 4), (3, None, None, 1), (4, 94, 100, None)],
    )
    got = rows(
        con,
        "select target_id, quarter, actual, met from v_indicator_attainment "
        "where quarter <= 3 order by target_id, quarter",
    )
    assert got == [
        (1, 1, 2.0, True),  # this quarter only: 2 ≥ 1
        (1, 2, 0.0, False),  # Q2 alone: 0, not Q1's 2 carried
        (1, 3, None, None),  # nothing reported in Q3
        (2, 1, 6.0, True),
        (2, 2, 4.0, False),  # the smallest so far: 4 < 5
        (2, 3, 4.0, False),
        (3, 1, 0.0, True),
        (3, 2, 1.0, False),  # 0 + 1 = 1 ≠ 0
        (3, 3, 1.0, False),
        (4, 1, 96.0, True),
        (4, 2, 95.0, False),  # (96 + 94) / 200 = 95, not > 95
        (4, 3, 95.0, False),
    ]
    # the unit's attainment in Q3: 督查 not reported this quarter counts as not met
    assert rows(
        con,
        "select indicators_total, indicators_met, attainment_rate "
        "from v_unit_scorecard where quarter = 3",
    ) == [(4, 0, 0.0)]


def test_the_quarter_under_way_counts_deadlines_up_to_today(con):
    today = dt.date.today()
    quarter = (today.month - 1) // 3 + 1
    start = dt.date(today.year, quarter * 3 - 2, 1)
    end = dt.date(today.year + (quarter == 4), quarter * 3 % 12 + 1, 1) - dt.timedelta(days=1)
    g = Given(con)
    g.plan(1, (today.year, today.year), [(1, "一、")])
    g.units("司法局")
    g.task(1, 1, 1, start, lead=[1])  # the quarter's first day: passed (or today)
    g.task(2, 1, 1, end, lead=[1])  # the quarter's last day: not yet, unless it is today
    got = rows(
        con,
        "select task_id, due, overdue from v_task_status where period_index = ? order by task_id",
        [today.year * 4 + quarter - 1],
    )
    assert got == [(1, True, True), (2, end <= today, end <= today)]


def test_period_macros_agree_with_the_python_formulas():
    """The period index, label and report due date exist once in SQL (sql/05_macros.sql) and once
    in Python (loaders/periods.py); both give the same values, written out here by hand."""
    from loaders.periods import period_index, period_label, report_due

    con = connect(":memory:")
    expected = [
        (2024, 1, 8096, "2024年第1季度", dt.date(2024, 4, 10)),
        (2024, 3, 8098, "2024年第3季度", dt.date(2024, 10, 10)),
        (2024, 4, 8099, "2024年第4季度", dt.date(2025, 1, 10)),
        (2025, 1, 8100, "2025年第1季度", dt.date(2025, 4, 10)),
    ]
    for year, quarter, index, label, due in expected:
        got = con.execute(
            "select period_index(?, ?), period_label(?, ?), report_due(?, ?)",
            [year, quarter] * 3,
        ).fetchall()
        assert got == [(index, label, due)]
        assert (period_index(year, quarter), period_label(year, quarter)) == (index, label)
        assert report_due(year, quarter) == due


@pytest.mark.parametrize("unit", ["‰", "毫米/年", "微克/立方米"])
def test_a_per_mille_level_is_a_limit_not_a_sum(con, unit):
    g = Given(con)
    g.plan(1, (2023, 2023), [(1, "一、")])
    g.units("绿化市容局")
    g.task(1, 1, 1, ongoing=True, lead=[1])
    g.target(1, 1, 1, "垃圾盖度", "<=", 5, unit)  # 垃圾盖度≤5‰: a level, every quarter
    g.upload(1, 1, 2023, 1, "2023-04-01", [(1, "长期推进")], [(1, None, None, 3)])
    g.upload(2, 1, 2023, 2, "2023-07-01", [(1, "长期推进")], [(1, None, None, 4)])
    g.upload(3, 1, 2023, 3, "2023-10-01", [(1, "长期推进")], [(1, None, None, 6)])
    got = rows(
        con,
        "select quarter, measure, actual, met from v_indicator_attainment "
        "where quarter <= 3 order by quarter",
    )
    assert got == [
        (1, "limit", 3.0, True),
        (2, "limit", 4.0, True),  # the largest so far, 4 ≤ 5 (a sum would be 7)
        (3, "limit", 6.0, False),
    ]
