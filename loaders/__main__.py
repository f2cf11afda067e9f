"""Command line: python -m loaders parse|load … (see README and CONTRACTS)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from loaders.errors import LoadError, ReadError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m loaders",
        description="法治进度：读取规划文件、任务分解表和年度报告，写入 DuckDB。",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser(
        "parse",
        help="解析文件并输出 JSON（不写入数据库）",
        description="读取 .txt/.md/.html/.docx/.pdf/.xlsx/.xls/.csv，输出 CONTRACTS §1 的 JSON。",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="要解析的文件")
    p.add_argument("--json", action="store_true", help="输出 JSON（默认即为 JSON）")
    p.add_argument("--indent", type=int, default=None, help="JSON 缩进（便于阅读）")
    load = sub.add_parser(
        "load",
        help="解析并写入 DuckDB 数据库",
        description="解析文件并写入数据库；同一文件（sha256 相同）重复载入不作改动。",
    )
    load.add_argument("files", nargs="+", metavar="FILE", help="要载入的文件")
    load.add_argument(
        "--db", required=True, metavar="PATH", help="DuckDB 数据库文件（不存在则新建）"
    )
    load.add_argument("--user", default=None, help="记录的载入人（默认为当前系统用户）")
    return parser


def cmd_parse(args: argparse.Namespace) -> int:
    from loaders.parse import parse_path

    files, status = [], 0
    for f in args.files:
        try:
            files.append(parse_path(f))
        except (ReadError, OSError) as e:
            print(f"错误：{f}: {e}", file=sys.stderr)
            status = 1
    json.dump({"files": files}, sys.stdout, ensure_ascii=False, indent=args.indent)
    sys.stdout.write("\n")
    return status


def cmd_load(args: argparse.Namespace) -> int:
    from loaders.store import connect, load_file

    con = connect(args.db)
    status = 0
    for f in args.files:
        try:
            result = load_file(con, Path(f).name, Path(f).read_bytes(), args.user)
            print(result.summary())
        except (LoadError, OSError) as e:
            print(f"错误：{e}", file=sys.stderr)
            status = 1
    con.close()
    return status


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return {"parse": cmd_parse, "load": cmd_load}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
