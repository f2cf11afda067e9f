"""Signing in on the web (登录): local accounts (argon2 passwords), or the intranet's single
sign-on when one is configured (a trusted reverse proxy's user header, Streamlit's
`server.trustedUserHeaders`, or `st.login` through the intranet's OpenID Connect provider, both
surfacing in `st.user`). The signed-in name is what every write passes to the data layer, which
checks the role itself; reading needs no account. A session ends on sign-out."""

from __future__ import annotations

import duckdb
import streamlit as st

from loaders import access
from loaders.errors import LoadError
from ui.safe import md

KEY = "signed_in"


def _single_sign_on() -> str | None:
    """The user name a trusted proxy or OIDC provider vouches for, if any."""
    try:
        info = st.user.to_dict()
    except Exception:  # no st.user outside a server run (bare mode)
        return None
    return info.get("name") or info.get("email") or info.get("preferred_username")


def _oidc_configured() -> bool:
    """Whether an OpenID Connect provider is configured for st.login."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file: nothing configured
        return False


def actor(con: duckdb.DuckDBPyConnection) -> str | None:
    """The signed-in account's name, or None (not signed in, or no accounts yet)."""
    if not access.has_accounts(con):
        return None
    name = st.session_state.get(KEY)
    if name is None and (sso := _single_sign_on()):
        try:
            access.actor_named(con, sso)
        except LoadError:
            return None
        st.session_state[KEY] = name = sso
        access.audit(con.cursor(), sso, "sign_in", sso, "统一身份认证")
    return name


def account_box(con: duckdb.DuckDBPyConnection) -> None:
    """The sidebar's account line: who is signed in and 退出登录, or the sign-in form."""
    if not access.has_accounts(con):
        st.caption(
            "尚未创建账户：网页只能查看。管理员请在服务器上用命令行创建账户（命令见使用说明）。"
        )
        return
    name = actor(con)
    if name:
        role = access.actor_named(con, name).role
        st.caption(f"当前账户：{md(name)}（{access.ROLES.get(role, role)}）")
        if st.button("退出登录", key="sign_out"):
            st.session_state.pop(KEY, None)
            if _oidc_configured() and _single_sign_on():
                st.logout()  # ends the provider's session too
            st.rerun()
        return
    if _oidc_configured() and st.button("使用统一身份认证登录", key="sign_in_oidc"):
        st.login()  # the intranet's OpenID Connect provider ([auth] in .streamlit/secrets.toml)
    with st.form("sign_in"):
        st.caption("登录后才能载入、校对和填报；查看不需要登录。")
        user = st.text_input("账户", key="sign_in_name")
        password = st.text_input("密码", type="password", key="sign_in_password")
        if st.form_submit_button("登录"):
            try:
                access.sign_in(con, user.strip(), password)
            except LoadError as e:
                st.error(md(str(e)))
            else:
                st.session_state[KEY] = user.strip()
                st.rerun()
