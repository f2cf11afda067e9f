"""Data shown as text, never as Markdown or HTML: Streamlit renders Markdown in titles, captions,
messages and labels, so text that comes from files (plan titles, unit and file names, messages
naming them) is escaped before it goes there. A title holding `![](http://host/x.png)` then shows
those characters instead of making every viewer's browser fetch the address."""

from __future__ import annotations

import re

# CommonMark's escapable ASCII punctuation, plus Streamlit's own directives (:red[…], :material/…:,
# $…$ LaTeX); a backslash before each makes it a literal character
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$&])")


def md(text: object) -> str:
    """`text` for a Markdown-rendering element, shown exactly as written."""
    return _SPECIAL.sub(r"\\\1", "" if text is None else str(text))
