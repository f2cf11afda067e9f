"""Loaders: plan documents, breakdown tables and progress sheets -> plain records -> DuckDB."""
