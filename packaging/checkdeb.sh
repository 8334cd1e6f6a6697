#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the .deb from a build tree with CPack and checks what is in it: the binary, the
# allocation tracker where the binary looks for it, the man pages, completion, desktop
# integration and copyright, and library dependencies found by dpkg-shlibdeps.
#   checkdeb.sh BUILD_DIR [OUT_DIR]
# Then runs the unpacked binary: --version, record, info, and record --alloc, which must
# find the packaged tracker. packaging/checkinstall.sh installs it into a clean Debian root.
set -euo pipefail
# shellcheck source=packaging/makedeb.sh
source "$(dirname "${BASH_SOURCE[0]}")/makedeb.sh"
build=$(realpath "$1")
out=${2:-$build/package}
deb=$(make_deb "$build" "$out")
fail=0
contents=$(dpkg-deb -c "$deb" | awk '{ print $NF }')
for f in ./usr/bin/perfwb ./usr/lib/libperfwb_alloctrack.so ./usr/lib/perfwb/perfwb-gui.so ./usr/share/man/man1/perfwb.1 \
    ./usr/share/man/man1/perfwb-record.1 ./usr/share/bash-completion/completions/perfwb \
    ./usr/share/applications/perfwb.desktop ./usr/share/icons/hicolor/scalable/apps/perfwb.svg \
    ./usr/share/metainfo/io.github.perfwb.perfwb.metainfo.xml ./usr/share/mime/packages/perfwb.xml \
    ./usr/share/doc/perfwb/copyright ./usr/share/icons/hicolor/48x48/apps/perfwb.png \
    ./usr/share/icons/hicolor/256x256/apps/perfwb.png; do
    grep -qxF "$f" <<<"$contents" || { echo "checkdeb: $deb lacks $f"; fail=1; }
done
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libqt6core6 libqt6widgets6 libsqlite3-0 libdw1; do
    grep -q "$lib" <<<"$depends" || { echo "checkdeb: Depends lacks $lib: $depends"; fail=1; }
done
# The PNG icons are the sizes their folders say.
root="$out/root"
dpkg-deb -x "$deb" "$root"
for png in "$root"/usr/share/icons/hicolor/*x*/apps/perfwb.png; do
    size=$(basename "$(dirname "$(dirname "$png")")")
    file -b "$png" | grep -q "PNG image data, ${size/x/ x }," || { echo "checkdeb: $png is $(file -b "$png")"; fail=1; }
done
# The unpacked package runs: the binary, and the tracker found beside it (../lib).
bin="$root/usr/bin/perfwb"
version=$("$bin" --version || true)
[[ $version == "perfwb "* ]] || { echo "checkdeb: --version gave: $version"; fail=1; }
"$bin" record -o "$out/true.perfwb" -- /bin/true >"$out/record.log" 2>&1 ||
    { echo "checkdeb: record failed: $(cat "$out/record.log")"; fail=1; }
"$bin" info "$out/true.perfwb" >"$out/info.log" 2>&1 || { echo "checkdeb: info failed: $(cat "$out/info.log")"; fail=1; }
"$bin" record --alloc --no-cpu -o "$out/alloc.perfwb" -- /bin/ls / >"$out/alloc.log" 2>&1 ||
    { echo "checkdeb: record --alloc failed: $(cat "$out/alloc.log")"; fail=1; }
# The window's module is found beside the binary (../lib/perfwb): a bad --page is its error.
gui=$(QT_QPA_PLATFORM=offscreen "$bin" "$out/true.perfwb" --page nope 2>&1 || true)
[[ $gui == "perfwb: unknown page 'nope'"* ]] || { echo "checkdeb: the packaged GUI module did not load: $gui"; fail=1; }
grep -q "allocations tracked" "$out/alloc.log" || { echo "checkdeb: the packaged tracker was not used: $(cat "$out/alloc.log")"; fail=1; }
[[ $fail -eq 0 ]] && echo "checkdeb: $(basename "$deb"), $(du -h "$deb" | cut -f1), $(wc -l <<<"$contents") entries; Depends: $depends"
exit $fail
