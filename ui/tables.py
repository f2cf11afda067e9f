"""Tables under Chinese column names, and charts drawn as they will be exported."""

from __future__ import annotations

import altair as alt
import polars as pl
import streamlit as st


def chinese(frame: pl.DataFrame, columns: dict[str, str]) -> pl.DataFrame:
    """The chosen columns under their Chinese names (rates stay fractions: Excel shows them as %)."""
    return frame.select(list(columns)).rename(columns)


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
    st.dataframe(shown, hide_index=True, column_config=config, key=key)
    return chinese(frame, columns)


def chart(spec: alt.TopLevelMixin) -> None:
    """Draw a chart as it will be exported (its own font and colours, not the app theme)."""
    st.altair_chart(spec, width="stretch", theme=None)
