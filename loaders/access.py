"""Who may do what (权限), checked in the data layer, and the audit log (审计日志).

Roles: viewer (查看: reads), reporter (填报: uploads for its own units), admin (管理: plans,
corrections, units, accounts, restores). A database without accounts has no password at all: the
command line then acts as admin for the machine's user (the one who made the database), and the
web app only reads. Every write and every refusal is a row of audit_log; a refused action writes
nothing else. Passwords are argon2 hashes (argon2-cffi)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import duckdb
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from loaders.db import default_user, run, single_writer
from loaders.errors import LoadError

ROLES = {"viewer": "查看", "reporter": "填报", "admin": "管理"}
# what each action needs: admin, or a reporter for the unit it reports for
ADMIN_ACTIONS = {
    "load": "载入计划",
    "plan": "管理计划",
    "correct": "校对计划",
    "units": "管理单位",
    "catalogue": "管理指标目录",
    "restore": "恢复上传",
    "account": "管理账户",
}
_hasher = PasswordHasher()


@dataclass(frozen=True)
class Actor:
    """The person acting, as the database knows them."""

    name: str
    role: str
    units: tuple[str, ...] = field(default_factory=tuple)

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def has_accounts(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(run(con.cursor(), "select 1 from accounts limit 1"))


def actor_named(con: duckdb.DuckDBPyConnection, name: str | None) -> Actor:
    """The account acting under `name`; without accounts in the database, the machine's user as
    admin (the command line's bootstrap). LoadError for an unknown or disabled account."""
    if isinstance(name, Actor):
        return name
    if not has_accounts(con):
        return Actor(name or default_user(), "admin")
    found = run(
        con.cursor(),
        "select role, units, disabled from accounts where name = ?",
        [name or default_user()],
    )
    if not found:
        raise LoadError(
            f"账户「{name or default_user()}」不存在：请用 --as 指定账户，或请管理员创建"
        )
    role, units, disabled = found[0]
    if disabled:
        raise LoadError(f"账户「{name}」已停用")
    return Actor(name or default_user(), role, tuple(units or ()))


def audit(
    con, actor: str, action: str, target: str | None, detail: object = None, outcome: str = "done"
) -> None:
    """One audit row; inside the caller's transaction when there is one."""
    text = (
        detail
        if isinstance(detail, str) or detail is None
        else json.dumps(detail, ensure_ascii=False, default=str)
    )
    run(
        con,
        "insert into audit_log (actor, action, target, detail, outcome) values (?, ?, ?, ?, ?)",
        [actor, action, target, text, outcome],
    )


def require(
    con: duckdb.DuckDBPyConnection,
    who: str | Actor | None,
    action: str,
    target: str | None = None,
    unit: str | None = None,
) -> Actor:
    """The actor when allowed to do `action` (for `unit`, an upload); else an audit record of the
    refusal and LoadError in Chinese."""
    try:
        actor = actor_named(con, who)
    except LoadError as e:
        audit(con.cursor(), str(who or default_user()), action, target, str(e), "refused")
        raise
    if actor.is_admin:
        return actor
    allowed = (
        action == "upload" and actor.role == "reporter" and (unit is None or unit in actor.units)
    )
    if not allowed:
        what = ADMIN_ACTIONS.get(action, "报送" if action == "upload" else action)
        reason = (
            f"账户「{actor.name}」（{ROLES.get(actor.role, actor.role)}）只能报送"
            f"{'、'.join(actor.units) or '（未指定单位）'}的数据"
            if action == "upload" and actor.role == "reporter"
            else f"账户「{actor.name}」（{ROLES.get(actor.role, actor.role)}）没有“{what}”的权限"
        )
        audit(con.cursor(), actor.name, action, target, reason, "refused")
        raise LoadError(reason)
    return actor


# ---------------------------------------------------------------- accounts


def _check_password(password: str) -> None:
    if len(password) < 8:
        raise LoadError("密码至少 8 位")
    if len(password) > 200:
        raise LoadError("密码过长")


@single_writer
def add_account(
    con, who, name: str, role: str, password: str | None, units: list[str] = ()
) -> None:
    """A new account (password None: single sign-on only). The first account must be an admin."""
    name = name.strip()
    if not name or len(name) > 60:
        raise LoadError("账户名不能为空，也不能超过 60 个字")
    if role not in ROLES:
        raise LoadError(f"角色应为 viewer（查看）、reporter（填报）或 admin（管理）：{role}")
    if role == "reporter" and not units:
        raise LoadError("填报账户须用 --unit 指定本单位")
    first = not has_accounts(con)
    if first and role != "admin":
        raise LoadError("第一个账户须是管理员（admin）")
    actor = require(con, who, "account", name)
    if password is not None:
        _check_password(password)
    cur = con.cursor()
    if run(cur, "select 1 from accounts where name = ?", [name]):
        raise LoadError(f"账户「{name}」已存在")
    digest = _hasher.hash(password) if password is not None else None
    run(cur, "begin transaction")
    run(
        cur,
        "insert into accounts (name, role, units, password_hash, created_by) values (?, ?, ?, ?, ?)",
        [name, role, list(units), digest, actor.name],
    )
    audit(cur, actor.name, "account", name, {"add": role, "units": list(units)})
    run(cur, "commit")


@single_writer
def set_password(con, who, name: str, password: str) -> None:
    actor = require(con, who, "account", name)
    _check_password(password)
    cur = con.cursor()
    if not run(cur, "select 1 from accounts where name = ?", [name]):
        raise LoadError(f"账户「{name}」不存在")
    run(cur, "begin transaction")
    run(cur, "update accounts set password_hash = ? where name = ?", [_hasher.hash(password), name])
    audit(cur, actor.name, "account", name, {"password": "changed"})
    run(cur, "commit")


@single_writer
def disable_account(con, who, name: str) -> None:
    actor = require(con, who, "account", name)
    cur = con.cursor()
    if not run(cur, "select 1 from accounts where name = ?", [name]):
        raise LoadError(f"账户「{name}」不存在")
    run(cur, "begin transaction")
    run(cur, "update accounts set disabled = true where name = ?", [name])
    audit(cur, actor.name, "account", name, {"disabled": True})
    run(cur, "commit")


def list_accounts(con) -> list[dict]:
    rows = run(
        con.cursor(),
        "select name, role, units, disabled, created_by, created_at from accounts order by name",
    )
    cols = ("name", "role", "units", "disabled", "created_by", "created_at")
    return [dict(zip(cols, r, strict=True)) for r in rows]


def sign_in(con, name: str, password: str) -> Actor:
    """The account when the password is right; every attempt is audited (never the password)."""
    cur = con.cursor()
    found = run(cur, "select password_hash, disabled from accounts where name = ?", [name])
    ok = False
    if found and found[0][0] and not found[0][1]:
        try:
            ok = _hasher.verify(found[0][0], password)
        except (VerificationError, InvalidHashError):
            ok = False
    audit(cur, name or "（空）", "sign_in", name, None, "done" if ok else "refused")
    if not ok:
        raise LoadError("账户或密码不正确，或账户已停用")
    return actor_named(con, name)


def audit_rows(con, since: str | None = None, limit: int = 10000) -> list[dict]:
    rows = run(
        con.cursor(),
        "select audit_id, happened_at, actor, action, target, detail, outcome "
        "from audit_log where ? is null or happened_at >= cast(? as date) "
        "order by audit_id desc limit ?",
        [since, since, limit],
    )
    cols = ("audit_id", "happened_at", "actor", "action", "target", "detail", "outcome")
    return [dict(zip(cols, r, strict=True)) for r in rows]
