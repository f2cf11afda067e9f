#!/usr/bin/env bash
# Installs everything, then starts the dashboard on the embedded demo database
# (built on first start in data/demo-<version>.duckdb). Open http://localhost:8501
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m streamlit run app.py --server.headless true "$@"
