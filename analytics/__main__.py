"""Command line: python -m analytics briefing (汇报材料, CONTRACTS §7; docs/briefing.md)."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from loaders.__main__ import _Parser, _quarter, _year


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m analytics", description="法治进度：生成汇报材料。")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser(
        "briefing",
        help="生成汇报材料（幻灯片、Word 文稿或 Excel 数据）",
        description=(
            "按季度生成汇报材料，格式由输出文件后缀决定：.pptx（16:9 幻灯片）、"
            ".docx（公文格式文稿）或 .xlsx（数据表与原生图表）。每页、每节、每张表都附一句"
            "由数据算出的要点。可只汇报一个单位（--unit）或一个行动（--action）。"
        ),
    )
    b.add_argument("--db", required=True, metavar="PATH", help="DuckDB 数据库文件（只读打开）")
    b.add_argument(
        "--plan",
        type=int,
        metavar="PLAN_ID",
        help="计划编号（默认：当前计划，即置顶或最近有填报的计划）",
    )
    b.add_argument("--year", required=True, type=_year, metavar="Y", help="年度，如 2026")
    b.add_argument("--quarter", required=True, type=_quarter, metavar="Q", help="季度，1至4")
    b.add_argument("--unit", metavar="UNIT_NAME", help="只汇报该单位（单位名称，如 司法局）")
    b.add_argument("--action", metavar="ACTION_CODE", help="只汇报该行动（编号，如 (二) 或 二）")
    b.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="输出文件：.pptx、.docx 或 .xlsx"
    )
    b.add_argument("--timing", action="store_true", help="在标准错误输出上报告耗时")
    return parser


def cmd_briefing(args: argparse.Namespace) -> int:
    from analytics.briefing import FORMATS, BriefingError, open_database, write_briefing

    started = time.perf_counter()
    out = Path(args.output)
    if out.suffix.lower() not in FORMATS:
        raise BriefingError(
            f"不支持的文件类型「{out.suffix or '（无后缀）'}」：输出文件须以 .pptx、.docx 或 .xlsx 结尾"
        )
    if not out.parent.is_dir():
        raise BriefingError(f"输出目录不存在：{out.parent}")
    con = open_database(args.db)
    try:
        write_briefing(
            con, out, args.plan, args.year, args.quarter, unit=args.unit, action=args.action
        )
    finally:
        con.close()
    print(f"已生成：{out}")
    if args.timing:
        print(f"耗时 {time.perf_counter() - started:.2f} 秒", file=sys.stderr)
    return 0


def _quiet_streamlit() -> None:
    """The queries are cached through Streamlit, which warns outside a running app: its loggers
    (those made so far and those made later) keep to errors."""
    os.environ.setdefault("STREAMLIT_LOGGER_LEVEL", "error")  # read when its config is parsed
    import streamlit.logger

    streamlit.logger.set_log_level("error")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _quiet_streamlit()  # before analytics.db is imported: its caches warn when they are made
    from analytics.briefing import BriefingError
    from loaders.errors import LoadError

    try:
        return cmd_briefing(args)
    except (BriefingError, LoadError) as e:
        print(f"错误：{e}", file=sys.stderr)
    except Exception as e:  # the last guard: a Chinese message, never a traceback
        import duckdb

        if isinstance(e, duckdb.Error):
            from loaders.db import database_problem

            print(f"错误：{database_problem(args.db, e)}", file=sys.stderr)
        else:
            print(
                f"错误：生成汇报材料时发生意外问题（{type(e).__name__}），未写出文件",
                file=sys.stderr,
            )
    return 1


if __name__ == "__main__":
    sys.exit(main())
