"""Deep links (…/units) as a session's first request.

Because the screens live in a folder named pages/, Streamlit may run a page file on its own for
a session's first request when that request names the page, before app.py has declared the
navigation (it takes the folder for an old-style multipage app). Such a run has no navigation, no
page settings and no shared filters. Every page calls `through_router(__file__)` first: a run that
did not come through app.py goes there, and app.py then opens the page that was asked for.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

ROUTED, WANTED = "_routed", "_wanted_page"


def through_router(page_file: str) -> None:
    """Send a run that did not pass through app.py to it, remembering the page asked for."""
    if not st.session_state.get(ROUTED):
        st.session_state[WANTED] = f"pages/{Path(page_file).name}"
        st.switch_page("app.py")


def routed() -> str | None:
    """Called by app.py after st.navigation: mark the session, return a page still asked for."""
    st.session_state[ROUTED] = True
    return st.session_state.pop(WANTED, None)
