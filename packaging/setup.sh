#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what perfwb needs to build, test and benchmark on Debian 12, then
# configures and builds the given CMake preset (default: dev).
# Idempotent: installs only missing packages and rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  # toolchain
  g++ cmake ninja-build ccache pkg-config clang libclang-rt-14-dev clang-format clang-tidy
  # libraries (Qt 6 with the modules CMake asks for, QCustomPlot, spdlog, SQLite, elfutils, protobuf)
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-svg-dev qt6-httpserver-dev qt6-websockets-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libxkbcommon-dev libvulkan-dev libgl-dev
  libqcustomplot-dev libqcustomplot2.1-qt6 libspdlog-dev libsqlite3-dev sqlite3 libdw-dev libelf-dev
  libprotobuf-dev protobuf-compiler zlib1g-dev libzstd-dev
  # the real tools tests and benchmarks run against
  linux-perf hotspot heaptrack zstd valgrind chromium xvfb xauth time python3 python3-scalene austin
  # CPython 3.11's headers: tst_pythonstacks checks the layout perfwb reads Python stacks with
  python3.11-dev
  # the /api/perf tests and benchmark: HTTP clients, a real Prometheus (and promtool), wrk
  curl jq prometheus wrk
  # the man pages (made from --help) and the validators of the desktop integration files
  help2man desktop-file-utils appstream libxml2-utils bash-completion
  # CPack's .deb: dpkg-shlibdeps finds the library dependencies, file tells ELF files apart
  dpkg-dev file
  # the clean Debian 12 root the .deb is installed into (checkinstall.sh)
  debootstrap
)

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The export tests validate speedscope files with ajv and drive the SVG in Chromium
# from node. This machine image ships node 20; elsewhere take Debian's.
if ! command -v node >/dev/null 2>&1; then
  echo "setup: installing nodejs npm"
  DEBIAN_FRONTEND=noninteractive ${SUDO:-} apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

preset="${1:-dev}"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j"$(nproc)"
