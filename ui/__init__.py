"""Shared pieces of the Streamlit pages: filters, tiles, tables, download buttons, meeting mode,
number formats and the deep-link router."""
