"""Tables under Chinese column names, and charts drawn as they will be exported."""

from __future__ import annotations

import altair as alt
import polars as pl
import streamlit as st

from ui import draw, meeting


def chinese(frame: pl.DataFrame, columns: dict[str, str]) -> pl.DataFrame:
    """The chosen columns under their Chinese names, for export, rounded as the screen shows
    them: rates stay fractions to 0.1 % (Excel shows them as %), the change since last quarter
    to 0.1 percentage point, other measured values to 2 decimals."""

    def rounded(name: str) -> pl.Expr:
        dtype = frame.schema[name]
        if not dtype.is_float():
            return pl.col(name)
        if name == "change":
            return pl.col(name).round(1)
        return pl.col(name).round(3 if name.endswith("_rate") else 2)

    return frame.select([rounded(c) for c in columns]).rename(columns)


def table(
    frame: pl.DataFrame,
    columns: dict[str, str],
    rates: tuple[str, ...] = (),
    key: str | None = None,
) -> pl.DataFrame:
    """Show the chosen columns under Chinese names, rate columns (0–1) as percentages; returns
    the same columns for export (`chinese`)."""
    shown = frame.select(
        [(pl.col(c) * 100).round(1).alias(c) if c in rates else pl.col(c) for c in columns]
    ).rename(columns)
    config = {columns[c]: st.column_config.NumberColumn(format="%.1f%%") for c in rates}
    for c in columns:
        if c == "change":  # 较上季度, in percentage points
            config[columns[c]] = st.column_config.NumberColumn(format="%+.1f")
        elif frame.schema[c] == pl.Date:
            config[columns[c]] = st.column_config.DateColumn(format="YYYY-MM-DD")
        elif isinstance(frame.schema[c], pl.Datetime):
            config[columns[c]] = st.column_config.DatetimeColumn(format="YYYY-MM-DD HH:mm")
    if meeting.meeting_mode():  # large type for a projector: an HTML table, not the canvas grid
        changes = tuple(columns[c] for c in columns if c == "change")
        meeting.big_table(shown, tuple(columns[c] for c in rates), changes)
    else:
        show(shown, config, key=key)
    return chinese(frame, columns)


def blanks_as_nulls(frame: pl.DataFrame) -> pl.DataFrame:
    """Empty texts ("") and empty lists as nulls, so that they are drawn as "—" too."""
    blank = []
    for name, dtype in frame.schema.items():
        if dtype == pl.Utf8:
            blank.append(pl.when(pl.col(name).str.strip_chars() != "").then(pl.col(name)))
        elif isinstance(dtype, pl.List):
            blank.append(pl.when(pl.col(name).list.len() > 0).then(pl.col(name)))
    return frame.with_columns(blank) if blank else frame


def show(frame: pl.DataFrame, column_config: dict | None = None, key: str | None = None) -> None:
    """st.dataframe without index, empty cells (null, "", []) as "—" (Streamlit's own
    placeholder is "None"); numbers stay numbers, so columns still sort."""
    st.dataframe(
        blanks_as_nulls(frame),
        hide_index=True,
        column_config=column_config,
        key=key,
        placeholder="—",
    )


def chart(spec: alt.TopLevelMixin) -> None:
    """Draw a chart as it will be exported (its own font and colours, not the app theme)."""
    draw.draw(spec)  # the same element, without Altair's cost on every run (ui.draw)
