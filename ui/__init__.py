"""Streamlit building blocks shared by the pages: the filters, tiles, tables and exports."""
