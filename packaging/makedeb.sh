# SPDX-License-Identifier: GPL-3.0-or-later
# shellcheck shell=bash
# Sourced by checkdeb.sh and checkinstall.sh: the one way the tests make the .deb.
#   make_deb BUILD_DIR OUT_DIR
# Empties OUT_DIR, packages BUILD_DIR with CPack into it (CPack installs what is built into
# a staging folder; it compiles nothing) and prints the .deb's path. On failure prints
# CPack's log (stderr) and returns 1. BUILD_DIR's install_manifest.txt is rewritten, so
# two runs on one build tree must not overlap (ctest: RESOURCE_LOCK perfwb_cpack).
make_deb() {
    local build=$1 out=$2
    rm -rf "$out"
    mkdir -p "$out"
    cpack -G DEB --config "$build/CPackConfig.cmake" -B "$out" >"$out/cpack.log" 2>&1 || {
        cat "$out/cpack.log" >&2
        return 1
    }
    ls "$out"/*.deb
}
