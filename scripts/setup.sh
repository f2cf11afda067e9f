#!/usr/bin/env bash
# Installs everything the project needs on a bare Debian machine with Python 3.11:
# Debian packages (only when missing; needs root), then a virtual environment in .venv
# with the pinned Python packages of requirements.txt. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}

apt_needed=()
"$PY" -c 'import venv, ensurepip' 2>/dev/null || apt_needed+=(python3-venv)
# headless Chromium for the browser tests, and a CJK font so Chinese renders in screenshots
# and exported charts (never downloaded at run time: both come from Debian packages)
[ -x /usr/bin/chromium ] || apt_needed+=(chromium)
fc-list 2>/dev/null | grep -q "Noto Sans CJK" || apt_needed+=(fonts-noto-cjk)
# LibreOffice and poppler draw the briefing decks and reports (汇报材料) to PDF and PNG in the tests,
# so that Chinese is checked as Office and WPS would show it
# (without their recommended extras: Java, help files, desktop integration)
apt_lean=()
command -v soffice >/dev/null 2>&1 || apt_lean+=(libreoffice-impress-nogui libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || apt_lean+=(poppler-utils)
if [ $((${#apt_needed[@]} + ${#apt_lean[@]})) -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    export DEBIAN_FRONTEND=noninteractive
    if [ ${#apt_needed[@]} -gt 0 ]; then
      apt-get install -y -qq "${apt_needed[@]}" >/dev/null
    fi
    if [ ${#apt_lean[@]} -gt 0 ]; then
      apt-get install -y -qq --no-install-recommends "${apt_lean[@]}" >/dev/null
    fi
  else
    all=("${apt_needed[@]}" "${apt_lean[@]}")
    echo "缺少系统软件包：${all[*]}（请以 root 运行 apt-get install ${all[*]}）" >&2
    exit 1
  fi
fi

if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt
