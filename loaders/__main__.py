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
    units = sub.add_parser(
        "units",
        help="单位名录：列出待确认单位、确认或合并单位",
        description="不带选项时列出待确认的单位（来自文件、尚未核对）。",
    )
    units.add_argument("--db", required=True, metavar="PATH", help="DuckDB 数据库文件")
    units.add_argument("--confirm", nargs="+", metavar="NAME", help="确认这些单位名称无误")
    units.add_argument(
        "--merge",
        nargs=2,
        metavar=("ALIAS", "INTO"),
        help="把单位 ALIAS 合并到 INTO（ALIAS 成为 INTO 的别名）",
    )
    return parser


def cmd_units(args: argparse.Namespace) -> int:
    from loaders.registry import confirm_units, merge_unit, units_for_review
    from loaders.store import connect

    con = connect(args.db)
    try:
        if args.merge:
            merge_unit(con, *args.merge)
            print(f"已将「{args.merge[0]}」合并到「{args.merge[1]}」")
        if args.confirm:
            print(f"已确认 {confirm_units(con, args.confirm)} 个单位")
        if not (args.merge or args.confirm):
            rows = units_for_review(con)
            print(f"待确认单位 {len(rows)} 个：")
            for name, kind, n in rows:
                print(f"  {name}\t{'单位组' if kind == 'group' else '单位'}\t{n} 项任务")
    except LoadError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 1
    finally:
        con.close()
    return 0


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
    return {"parse": cmd_parse, "load": cmd_load, "units": cmd_units}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
