"""Download buttons for a page's chart (PNG, SVG) and table (Excel, CSV). The files are made only
when a button is clicked, and the rendering libraries load on first use. Whole briefings (deck,
report, workbook) are ui.briefing's."""

from __future__ import annotations

import datetime

import altair as alt
import polars as pl
import streamlit as st


def downloads(
    name: str, chart: alt.TopLevelMixin | None, frame: pl.DataFrame | None, key: str
) -> None:
    """Buttons to take a chart (PNG, SVG) and its figures (Excel, CSV in UTF-8 with BOM) into
    briefing material; the files are made only when a button is clicked."""
    from analytics import export  # rendering libraries load on first use

    stamp = datetime.date.today().strftime("%Y%m%d")
    cols = st.columns(4)
    if chart is not None:
        fixed = chart.properties(width=900)
        cols[0].download_button(
            "下载图片（PNG）",
            lambda: export.chart_png(fixed),
            f"{name}_{stamp}.png",
            "image/png",
            key=f"{key}_png",
            on_click="ignore",
        )
        cols[1].download_button(
            "下载矢量图（SVG）",
            lambda: export.chart_svg(fixed),
            f"{name}_{stamp}.svg",
            "image/svg+xml",
            key=f"{key}_svg",
            on_click="ignore",
        )
    if frame is not None:
        cols[3].download_button(
            "下载数据（CSV）",
            lambda: export.frame_csv(frame),
            f"{name}_{stamp}.csv",
            "text/csv",
            key=f"{key}_csv",
            on_click="ignore",
        )
        xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        cols[2].download_button(
            "下载数据（Excel）",
            lambda: export.frames_xlsx({name: frame}, name),
            f"{name}_{stamp}.xlsx",
            xlsx,
            key=f"{key}_xlsx",
            on_click="ignore",
        )


def workbook_button(title: str, sheets: dict[str, pl.DataFrame], key: str) -> None:
    """A button for one Excel workbook with a sheet per table."""
    from analytics import export

    stamp = datetime.date.today().strftime("%Y%m%d")
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    st.download_button(
        f"下载{title}（Excel）",
        lambda: export.frames_xlsx(sheets, title),
        f"{title}_{stamp}.xlsx",
        xlsx,
        key=key,
        on_click="ignore",
    )
