"""Command line: python -m loaders parse|load|plans|units|template|progress (docs/cli.md)."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from loaders.errors import LoadError, ReadError


class _Parser(argparse.ArgumentParser):
    """argparse that reports a wrong command line in Chinese, with exit code 1 like every other
    refusal (argparse itself prints an English usage line and exits 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(1, f"错误：{_argparse_message(message)}（用法见 {self.prog} --help）\n")


def _argparse_message(message: str) -> str:
    """argparse's English messages in Chinese (the values themselves are checked by the type
    functions below, whose messages are Chinese already)."""
    patterns = [
        (r"the following arguments are required: (.*)", "缺少参数 {0}"),
        (r"unrecognized arguments: (.*)", "无法识别的参数 {0}"),
        (r"argument (\S+): expected one argument", "参数 {0} 缺少取值"),
        (r"argument (\S+): invalid choice: '?([^']*)'?.*", "参数 {0} 的取值「{1}」无效"),
        (r"argument (\S+): invalid \S+ value: '?([^']*)'?", "参数 {0} 的取值「{1}」无效"),
        (r"argument (\S+): (.*)", "参数 {0}：{1}"),
    ]
    for pattern, chinese in patterns:
        found = re.fullmatch(pattern, message)
        if found:
            return chinese.format(*found.groups())
    return "命令行参数有误"


def _year(text: str) -> int:
    """--year: a four-digit year (the plans' range is checked when the database is open)."""
    if not re.fullmatch(r"\d{4}", text.strip()):
        raise argparse.ArgumentTypeError(f"年度应为四位年份（如2025），实际为「{text[:40]}」")
    return int(text)


def _quarter(text: str) -> int:
    if text.strip() not in ("1", "2", "3", "4"):
        raise argparse.ArgumentTypeError(f"季度应为1至4，实际为「{text[:40]}」")
    return int(text)


def _upload_id(text: str) -> int:
    if not re.fullmatch(r"\d{1,9}", text.strip()) or int(text) == 0:
        raise argparse.ArgumentTypeError(f"上传编号应为正整数，实际为「{text[:40]}」")
    return int(text)


def _db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", required=True, metavar="PATH", help="DuckDB 数据库文件")


def _actor(parser: argparse.ArgumentParser, doing: str) -> None:
    """--by / --as: the account a write is made as (the system user by default)."""
    parser.add_argument(
        "--by", "--as", default=None, help=f"以哪个账户{doing}（默认为当前系统用户）"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m loaders",
        description="法治进度：读取规划文件、任务分解表和年度报告，写入 DuckDB。",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser(
        "parse",
        help="解析文件并输出 JSON（不写入数据库）",
        description="读取 .txt/.md/.html/.docx/.pdf/.xlsx/.xls/.csv，输出 JSON（格式见 docs/parse-output.md）。",
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
    load.add_argument("--user", "--as", default=None, help="以哪个账户载入（默认为当前系统用户）")
    tpl = sub.add_parser(
        "template",
        help="生成季度填报表（.xlsx）",
        description="为一个单位（或 all：全部单位，一张表带「单位」列）生成预填的季度填报表。",
    )
    _db(tpl)
    tpl.add_argument("--unit", required=True, help="单位名称，或 all")
    tpl.add_argument("--year", required=True, type=_year, help="年度，如 2025")
    tpl.add_argument("--quarter", required=True, type=_quarter, help="季度 1-4")
    tpl.add_argument(
        "--plan",
        type=int,
        action="append",
        metavar="ID",
        help="只包含这些计划（可重复；默认为覆盖该年度的全部计划）",
    )
    tpl.add_argument("-o", "--output", required=True, metavar="OUT.xlsx", help="输出文件")
    prog = sub.add_parser(
        "progress",
        help="校验并保存填好的季度填报表",
        description="校验填报表（本系统模板，或带「单位」列的汇总表；.xlsx/.xls/.csv），"
        "全部通过才保存；表中各行替换同一单位、同一任务或指标、同一季度的现有数据，表中没有的"
        "保持不变（被替换的仍保留、可恢复）。",
    )
    prog.add_argument("file", metavar="FILE", help="填好的工作簿（与 --restore 同用时写 -）")
    _db(prog)
    prog.add_argument(
        "--unit", default=None, help="以哪个单位的名义报送（默认：协调员，可报送全部单位）"
    )
    prog.add_argument("--year", type=_year, default=None, help="年度（表中注明的年度须与之相同）")
    prog.add_argument(
        "--quarter", type=_quarter, default=None, help="季度（表中注明的季度须与之相同）"
    )
    prog.add_argument("--user", "--as", default=None, help="以哪个账户上传（默认为当前系统用户）")
    prog.add_argument(
        "--restore",
        type=_upload_id,
        metavar="UPLOAD_ID",
        default=None,
        help="恢复第 UPLOAD_ID 号上传：它所含的各行重新生效，替换现有的对应行",
    )
    prog.add_argument(
        "--dry-run",
        action="store_true",
        help="只校验并列出与现有数据相比的变化，不保存",
    )
    units = sub.add_parser(
        "units",
        help="单位名录：列出待确认单位、确认或合并单位",
        description="不带选项时列出待确认的单位（来自文件、尚未核对）。",
    )
    _db(units)
    units.add_argument("--confirm", nargs="+", metavar="NAME", help="确认这些单位名称无误")
    units.add_argument(
        "--merge",
        nargs=2,
        metavar=("ALIAS", "INTO"),
        help="把单位 ALIAS 合并到 INTO（ALIAS 成为 INTO 的别名；可用 --undo-merge 撤销）",
    )
    units.add_argument(
        "--force", action="store_true", help="确认合并层级不同的单位（如市级与县级）"
    )
    units.add_argument("--undo-merge", type=int, metavar="EVENT_ID", help="撤销一次合并")
    units.add_argument("--group", metavar="NAME", help="单位组名称（如 各镇街），与 --members 同用")
    units.add_argument("--members", metavar="A、B、C", help="单位组的成员：组的任务由每个成员承担")
    units.add_argument("--plan", type=int, metavar="PLAN_ID", help="只列出该计划中待确认的单位")
    units.add_argument("--history", action="store_true", help="列出合并和成员设定记录")
    _actor(units, "操作")
    plans = sub.add_parser(
        "plans",
        help="计划管理：列出计划，设定当前计划，改名、归档",
        description="列出载入的全部文件（计划、分解表、年度报告、其他），按年度和填报活跃度排序；"
        "可设定仪表板默认打开的当前计划、改名、归档（可恢复，不删除任何内容）。",
    )
    _db(plans)
    plans.add_argument("--json", action="store_true", help="输出 JSON")
    plans.add_argument("--current", type=int, metavar="PLAN_ID", help="设为当前计划")
    plans.add_argument("--rename", nargs=2, metavar=("PLAN_ID", "TITLE"), help="改名")
    plans.add_argument("--archive", type=int, metavar="PLAN_ID", help="归档（隐藏，可恢复）")
    plans.add_argument("--unarchive", type=int, metavar="PLAN_ID", help="恢复已归档的计划")
    plans.add_argument("--track", type=int, metavar="PLAN_ID", help="在仪表板上跟踪该文件")
    plans.add_argument("--untrack", type=int, metavar="PLAN_ID", help="不再跟踪该文件")
    _actor(plans, "操作")
    tasks = sub.add_parser(
        "tasks",
        help="列出计划的任务（校对后的结果，注明每项内容来自文件还是校对）",
        description="列出一个计划的全部任务：行动、编号、标题、原文、牵头/责任/配合单位、完成时限、"
        "指标，以及每项内容来自文件还是校对（谁、何时）。",
    )
    _db(tasks)
    tasks.add_argument("--plan", required=True, type=int, metavar="PLAN_ID", help="计划编号")
    tasks.add_argument("--json", action="store_true", help="输出 JSON")
    corr = sub.add_parser(
        "correct",
        help="校对任务：改单位、完成时限、标题、指标，增删任务；撤销校对",
        description="校对单独保存（谁、何时），叠加在解析结果上，重新载入同一文件或新版本后仍然有效；"
        "--undo 撤销某条校对。单位用「、」分隔。",
    )
    _db(corr)
    corr.add_argument("--task", type=int, metavar="TASK_ID", help="要校对的任务编号")
    corr.add_argument("--lead", metavar="A、B", help="牵头单位（写空字符串表示没有）")
    corr.add_argument("--responsible", metavar="A、B", help="责任单位")
    corr.add_argument("--cooperating", metavar="A、B", help="配合单位")
    when = corr.add_mutually_exclusive_group()
    when.add_argument("--deadline", metavar="YYYY-MM-DD", help="完成时限")
    when.add_argument("--ongoing", action="store_true", help="长期坚持（没有截止日期）")
    corr.add_argument("--title", help="任务标题")
    corr.add_argument(
        "--add-target",
        metavar="'指标 >= 90 %'",
        help="新增指标：名称 比较符 数值 单位 [每年|每季度]",
    )
    corr.add_argument(
        "--remove-target", type=int, metavar="TARGET_ID", help="删除指标（编号见 tasks）"
    )
    corr.add_argument("--remove-task", action="store_true", help="删除该任务（可撤销）")
    corr.add_argument("--add-task", metavar="TITLE", help="在 --plan 的 --action 下新增任务")
    corr.add_argument("--plan", type=int, metavar="PLAN_ID", help="新增任务所在计划")
    corr.add_argument("--action", metavar="CODE", help="新增任务所在行动的编号，如 一 或 (一)")
    corr.add_argument("--number", default="", help="新增任务的编号")
    corr.add_argument("--undo", type=int, metavar="CORRECTION_ID", help="撤销一条校对")
    _actor(corr, "校对")
    users = sub.add_parser(
        "users",
        help="账户：新建、列出、停用、改密码（密码从标准输入读取）",
        description="角色：viewer（查看）、reporter（填报，只能报送 --unit 指定的单位）、admin（管理）。"
        "第一个账户须是管理员；之后只有管理员能管理账户。密码以 argon2 散列保存。",
    )
    _db(users)
    users.add_argument("op", choices=["add", "list", "disable", "passwd"], help="操作")
    users.add_argument("name", nargs="?", help="账户名")
    users.add_argument("--role", choices=["viewer", "reporter", "admin"], help="角色（add 时必填）")
    users.add_argument("--unit", action="append", default=[], help="填报账户的本单位（可重复）")
    users.add_argument(
        "--as", dest="acting", default=None, help="以哪个账户操作（默认为当前系统用户）"
    )
    audit = sub.add_parser(
        "audit",
        help="审计日志：每一次写入和被拒绝的操作（谁、何时、做了什么）",
        description="列出审计日志，新的在前。",
    )
    _db(audit)
    audit.add_argument("--json", action="store_true", help="输出 JSON")
    audit.add_argument("--since", metavar="YYYY-MM-DD", help="只列出该日期以后的记录")
    return parser


def cmd_users(args: argparse.Namespace) -> int:
    from loaders import access
    from loaders.db import connect

    con = connect(args.db)
    try:
        if args.op == "list":
            for a in access.list_accounts(con):
                units = "、".join(a["units"] or []) or "—"
                state = "（已停用）" if a["disabled"] else ""
                print(f"{a['name']}\t{access.ROLES[a['role']]}\t{units}{state}")
            return 0
        if not args.name:
            raise LoadError("请写出账户名")
        if args.op == "disable":
            access.disable_account(con, args.acting, args.name)
            print(f"已停用账户「{args.name}」")
            return 0
        password = sys.stdin.readline().rstrip("\n")
        if args.op == "add":
            if not args.role:
                raise LoadError("新建账户须用 --role 指定角色")
            access.add_account(con, args.acting, args.name, args.role, password, args.unit)
            print(f"已新建账户「{args.name}」（{access.ROLES[args.role]}）")
        else:
            access.set_password(con, args.acting, args.name, password)
            print(f"已修改账户「{args.name}」的密码")
    finally:
        con.close()
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from loaders import access
    from loaders.db import connect

    con = connect(args.db)
    rows = access.audit_rows(con, args.since)
    con.close()
    if args.json:
        json.dump({"audit": rows}, sys.stdout, ensure_ascii=False, default=str, indent=1)
        sys.stdout.write("\n")
        return 0
    for r in rows:
        mark = "" if r["outcome"] == "done" else "【拒绝】"
        print(
            f"{r['audit_id']:>5}  {r['happened_at']:%Y-%m-%d %H:%M:%S}  {r['actor']}  "
            f"{mark}{r['action']}  {r['target'] or ''}  {r['detail'] or ''}"
        )
    return 0


def cmd_tasks(args: argparse.Namespace) -> int:
    from loaders.db import connect
    from loaders.storage.corrections import task_records

    con = connect(args.db)
    records = task_records(con, args.plan)
    if args.json:
        json.dump(
            {"plan_id": args.plan, "tasks": records},
            sys.stdout,
            ensure_ascii=False,
            default=str,
            indent=1,
        )
        sys.stdout.write("\n")
        return 0
    for t in records:
        marks = [f"{FIELD}已校对" for FIELD, src in t["source"].items() if src != "document"]
        units = "；".join(
            f"{k}：{'、'.join(v)}"
            for k, v in (
                ("牵头", t["lead_units"]),
                ("责任", t["responsible_units"]),
                ("配合", t["cooperating_units"]),
            )
            if v
        )
        print(
            f"{t['task_id']:>5}  {t['action_code']} {t['number']} {t['title']}（{units or '无单位'}）"
            + (f"  [{'，'.join(marks)}]" if marks else "")
        )
    return 0


def cmd_correct(args: argparse.Namespace) -> int:
    from loaders.db import connect, default_user
    from loaders.storage import corrections

    con = connect(args.db)
    actor = args.by or default_user()
    changes: dict = {}
    for field in ("lead", "responsible", "cooperating", "title", "deadline"):
        if getattr(args, field) is not None:
            changes[field] = getattr(args, field)
    if args.ongoing:
        changes["ongoing"] = True
    if args.add_target:
        changes["add_target"] = args.add_target
    if args.remove_target is not None:
        changes["remove_target"] = args.remove_target
    if args.remove_task:
        changes["remove_task"] = True
    if args.undo is not None:
        plan_id = corrections.undo(con, args.undo, actor)
        print(f"已撤销第 {args.undo} 号校对（计划 {plan_id} 已按其余校对重建）")
    elif args.add_task:
        if args.plan is None or args.action is None:
            raise LoadError("新增任务需要 --plan 和 --action")
        units = {k: changes.pop(k) for k in ("lead", "responsible", "cooperating") if k in changes}
        task_id = corrections.add_task(
            con, args.plan, args.action, args.number, args.add_task, actor, units
        )
        print(f"已新增任务 {task_id}：{args.add_task}")
    elif args.task is not None:
        ids = corrections.correct(con, args.task, changes, actor)
        print(f"已保存校对 {'、'.join(map(str, ids))}（任务 {args.task}）")
    else:
        raise LoadError("请用 --task 指定要校对的任务，或 --add-task 新增任务，或 --undo 撤销")
    return 0


def cmd_plans(args: argparse.Namespace) -> int:
    from loaders.db import connect, default_user
    from loaders.storage import plan_admin

    con = connect(args.db)
    actor = args.by or default_user()
    if args.current is not None:
        plan_admin.pin_current(con, args.current, actor)
    if args.rename:
        plan_id = _plan_id(args.rename[0])
        plan_admin.rename_plan(con, plan_id, args.rename[1], actor)
    if args.archive is not None:
        plan_admin.archive_plan(con, args.archive, actor)
    if args.unarchive is not None:
        plan_admin.archive_plan(con, args.unarchive, actor, archived=False)
    if args.track is not None:
        plan_admin.set_tracked(con, args.track, True, actor)
    if args.untrack is not None:
        plan_admin.set_tracked(con, args.untrack, False, actor)
    current = plan_admin.current_plan_id(con)
    rows = plan_admin.list_plans(con, include_all=True)
    if args.json:
        out = [_plan_json(r, current) for r in rows]
        json.dump(
            {"current_plan_id": current, "plans": out},
            sys.stdout,
            ensure_ascii=False,
            default=str,
            indent=1,
        )
        sys.stdout.write("\n")
        return 0
    for r in rows:
        print(_plan_line(r, current))
    return 0


def _plan_id(text: str) -> int:
    if not text.strip().isdigit():
        raise LoadError(f"计划编号应为数字：{text}")
    return int(text)


def _plan_json(r: dict, current: int | None) -> dict:
    return {
        "plan_id": r["plan_id"],
        "title": r["title"],
        "parsed_title": r["parsed_title"],
        "doc_number": r["doc_number"],
        "issuer": r["issuer"],
        "years": [y for y in (r["year_from"], r["year_to"]) if y is not None],
        "kind": r["kind"],
        "file_id": r["file_id"],
        "tracked": r["tracked"],
        "archived": r["archived"],
        "current": r["plan_id"] == current,
        "version_of": r["version_of"],
        "uploads": r["uploads"],
    }


def _plan_line(r: dict, current: int | None) -> str:
    from loaders.storage.plan_admin import KIND_NAMES

    years = (
        "—".join(str(y) for y in dict.fromkeys((r["year_from"], r["year_to"])) if y) or "未注明年度"
    )
    flags = [KIND_NAMES.get(r["kind"], r["kind"]), years]
    flags += ["当前计划"] if r["plan_id"] == current else []
    flags += ["已归档"] if r["archived"] else []
    flags += ["不跟踪"] if not r["tracked"] and not r["archived"] else []
    flags += [f"替代第 {r['version_of']} 号"] if r["version_of"] else []
    return f"{r['plan_id']:>4}  {r['title']}（{'，'.join(flags)}）"


def cmd_units(args: argparse.Namespace) -> int:
    from loaders.db import connect, default_user
    from loaders.storage import registry
    from loaders.storage.unit_groups import set_members

    con = connect(args.db)
    actor = args.by or default_user()
    acted = False
    try:
        if args.merge:
            event = registry.merge_unit(con, *args.merge, actor, allow_cross_level=args.force)
            print(f"已将「{args.merge[0]}」合并到「{args.merge[1]}」（合并记录 {event}，可撤销）")
            acted = True
        if args.undo_merge is not None:
            print(f"已撤销合并，恢复「{registry.undo_merge(con, args.undo_merge, actor)}」")
            acted = True
        if args.group or args.members:
            if not (args.group and args.members):
                raise LoadError("--group 与 --members 须同时使用")
            names = set_members(con, args.group, args.members, actor)
            print(f"「{args.group}」的成员：{'、'.join(names)}")
            acted = True
        if args.confirm:
            print(f"已确认 {registry.confirm_units(con, args.confirm, actor)} 个单位")
            acted = True
        if args.history:
            for e in registry.unit_history(con):
                state = "（已撤销）" if e["undone"] else ""
                print(
                    f"{e['event_id']:>4}  {e['at']:%Y-%m-%d %H:%M}  {e['actor']}  {e['what']}{state}"
                )
            acted = True
        if not acted:
            rows = registry.units_for_review(con, args.plan)
            print(f"待确认单位 {len(rows)} 个：")
            for r in rows:
                kind = "单位组" if r["kind"] == "group" else "单位"
                print(f"  {r['name']}\t{kind}\t{r['count']} 项任务\t{r['documents']}\t{r['tasks']}")
    finally:
        con.close()
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from loaders.db import open_existing
    from loaders.periods import period_label
    from loaders.progress.catalog import load_catalog
    from loaders.progress.store import template_answers
    from loaders.progress.template import build_template

    try:
        con = open_existing(args.db)
        try:
            catalog = load_catalog(con, args.year, args.plan)
            unknown = sorted(set(args.plan or []) - {t.plan_id for t in catalog.tasks})
            if unknown:
                raise LoadError(
                    f"计划 {'、'.join(map(str, unknown))} 不存在或在{args.year}年没有任务"
                )
            unit = (
                args.unit if args.unit == "all" else (catalog.resolve_unit(args.unit) or args.unit)
            )
            answers = template_answers(con, args.year, args.quarter)
            data = build_template(catalog, unit, args.year, args.quarter, answers)
        finally:
            con.close()
        _write_output(Path(args.output), data)
    except LoadError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 1
    print(f"已生成 {args.output}（{unit}，{period_label(args.year, args.quarter)}）")
    return 0


def _write_output(path: Path, data: bytes) -> None:
    """Write the file whole or not at all (a part left by a full disk is removed)."""
    if path.is_dir():
        raise LoadError(f"无法写入 {path}：这是一个目录，请给出文件名（如 司法局.xlsx）")
    if not path.parent.is_dir():
        raise LoadError(f"无法写入 {path}：目录 {path.parent} 不存在")
    try:
        path.write_bytes(data)
    except OSError as exc:
        if path.is_file() and path.stat().st_size != len(data):
            path.unlink(missing_ok=True)
        raise LoadError(f"无法写入 {path}：{_os_reason(exc)}") from exc


def _os_reason(exc: OSError) -> str:
    """Why a file could not be read or written, in Chinese."""
    import errno

    reasons = {
        errno.ENOENT: "文件或目录不存在",
        errno.EACCES: "没有权限",
        errno.EPERM: "没有权限",
        errno.EISDIR: "这是一个目录",
        errno.ENOSPC: "磁盘空间不足",
        errno.EROFS: "文件系统只读",
    }
    return reasons.get(exc.errno, "读写失败")  # type: ignore[arg-type]


def cmd_progress(args: argparse.Namespace) -> int:
    from loaders.db import default_user, open_existing

    actor = args.user or default_user()
    try:
        if args.restore is None:
            name, data = _upload_file(args.file)
        con = open_existing(args.db)
    except LoadError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 1
    try:
        if args.restore is not None:
            return _restore(con, args.restore, actor)
        return _upload(con, name, data, actor, args)
    except LoadError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 1
    finally:
        con.close()


def _upload_file(file: str) -> tuple[str, bytes]:
    """The name and bytes of the file to upload; LoadError in Chinese when it cannot be read."""
    from loaders.files.limits import MAX_FILE_BYTES, size_text

    if file == "-":
        raise LoadError("请给出要上传的填报表文件（「-」只用于 --restore）")
    path = Path(file)
    if path.is_dir():
        raise LoadError(f"{file} 是一个目录，请给出填报表文件")
    if path.exists() and not path.is_file():  # a device or a pipe (/dev/zero never ends)
        raise LoadError(f"{file} 不是普通文件，请给出填报表文件")
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise LoadError(
                f"{path.name} 文件过大（{size_text(path.stat().st_size)}），超过上限 "
                f"{size_text(MAX_FILE_BYTES)}，未读取。"
            )
        return path.name, path.read_bytes()
    except OSError as exc:
        raise LoadError(f"无法读取 {file}：{_os_reason(exc)}") from exc


def _restore(con, upload_id: int, actor: str) -> int:
    from loaders.progress.store import restore_upload, rows_out_of_force

    if 0 < upload_id < 2**31 and not rows_out_of_force(con, upload_id):
        found = con.execute(
            "select count(*) from uploads where upload_id = ? and outcome = 'stored'", [upload_id]
        ).fetchall()
        if found[0][0]:
            print(f"第 {upload_id} 号上传的各行都在用，无需恢复")
            return 0
    replaced = restore_upload(con, upload_id, actor)
    extra = f"，替换了第 {'、'.join(map(str, replaced))} 号上传中的对应行" if replaced else ""
    print(f"已恢复第 {upload_id} 号上传{extra}")
    return 0


def _upload(con, name: str, data: bytes, actor: str, args: argparse.Namespace) -> int:
    """Check, show what changes against the rows in force, store (unless --dry-run). Warnings
    and errors go to stderr, the rest to stdout; exit 0 when stored (or checked, dry run)."""
    from loaders.progress.store import changes_against_in_force, store_upload, validate_upload

    unit = None if args.unit is None or args.unit == "all" else args.unit
    parsed = validate_upload(con, name, data, unit, args.year, args.quarter)
    for warning in parsed.warnings:
        print(f"提示：{warning}", file=sys.stderr)
    if not parsed.errors:
        _print_changes(con, changes_against_in_force(con, parsed))
        if args.dry_run:
            print(f"{name}: 校验通过（试运行，未保存）")
            return 0
    elif args.dry_run:
        print(f"{name}: 未通过校验（{len(parsed.errors)} 个问题）", file=sys.stderr)
        for message in parsed.errors:
            print(f"  {message}", file=sys.stderr)
        return 1
    result = store_upload(con, name, data, actor, unit, args.year, args.quarter, parsed)
    stream = sys.stderr if result.status == "rejected" else sys.stdout
    print(result.summary(), file=stream)
    for message in result.errors:
        print(f"  {message}", file=sys.stderr)
    return 1 if result.status == "rejected" else 0


def _print_changes(con, changes, limit: int = 50) -> None:
    """Each row that replaces a different row in force (修改), then the summary (new and
    unchanged rows counted)."""
    from loaders.periods import period_label
    from loaders.progress.store import answer_text

    names = _item_names(con)
    changed = [c for c in changes.rows if c.state == "修改"]
    for change in changed[:limit]:
        item = names.get((change.kind, change.item_id), str(change.item_id))
        print(
            f"  修改：{change.unit} {period_label(change.year, change.quarter)} {item}："
            f"{answer_text(change.kind, change.before)} → {answer_text(change.kind, change.after)}"
            f"（原为第 {change.upload_id} 号上传）"
        )
    if len(changed) > limit:
        print(f"  …另有 {len(changed) - limit} 条修改")
    print(changes.summary())


def _item_names(con) -> dict[tuple[str, int], str]:
    from loaders.db import run

    tasks = run(con.cursor(), "select task_id, number from tasks")
    targets = run(con.cursor(), "select target_id, indicator from targets")
    return {("task", i): f"任务{n}" for i, n in tasks} | {("indicator", i): n for i, n in targets}


def cmd_parse(args: argparse.Namespace) -> int:
    from loaders.plans.parse import parse_path

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
    from loaders.db import connect
    from loaders.storage.plans import load_file

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
    commands = {
        "parse": cmd_parse,
        "load": cmd_load,
        "units": cmd_units,
        "plans": cmd_plans,
        "tasks": cmd_tasks,
        "users": cmd_users,
        "audit": cmd_audit,
        "correct": cmd_correct,
        "template": cmd_template,
        "progress": cmd_progress,
    }
    try:
        return commands[args.command](args)
    except (LoadError, ReadError) as e:
        print(f"错误：{e}", file=sys.stderr)
    except MemoryError:
        print("错误：内存不足，文件过大或过于复杂，未保存任何数据", file=sys.stderr)
    except RecursionError:
        print("错误：文件结构嵌套过深，无法读取，未保存任何数据", file=sys.stderr)
    except Exception as e:  # the last guard: a Chinese message, never a traceback
        import duckdb

        if isinstance(e, duckdb.Error):
            from loaders.db import database_problem

            print(f"错误：{database_problem(getattr(args, 'db', ''), e)}", file=sys.stderr)
        else:
            print("错误：处理时发生意外问题，未保存任何数据", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
