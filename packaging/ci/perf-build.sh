#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# perf-build.sh: the "Build perfwb" step of packaging/ci/perf.yml, in the perf-tools
# container (Debian 12, root). Installs the build dependencies the image lacks (the
# toolchain and library part of packaging/setup.sh's list; checkworkflow.sh checks they
# stay a part of it), configures the dev preset and builds only what the scenarios run:
# perfwb, the workloads and the allocation tracker, not the test suites. Then puts
# build/dev/app first on the job's PATH ($GITHUB_PATH) for the next steps.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

PACKAGES=(
  g++ cmake ninja-build pkg-config
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-svg-dev qt6-httpserver-dev qt6-websockets-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libxkbcommon-dev libvulkan-dev libgl-dev
  libqcustomplot-dev libspdlog-dev libsqlite3-dev libdw-dev libelf-dev
  libprotobuf-dev protobuf-compiler zlib1g-dev libzstd-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "perf-build: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake --preset dev >/dev/null
cmake --build --preset dev -j"$(nproc)" --target perfwb perfwb_workloads perfwb_alloctrack
if [ -n "${GITHUB_PATH:-}" ]; then
  echo "$PWD/build/dev/app" >>"$GITHUB_PATH"
fi
build/dev/app/perfwb --version
