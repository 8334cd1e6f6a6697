#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks the desktop integration files with the real validators and the bash completion
# in a real bash: desktop-file-validate, appstreamcli validate --no-net --pedantic,
# xmllint on the MIME type and icon, and completions of commands and options.
#   checkintegration.sh PERFWB
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
perfwb=$1
fail=0
say() { echo "checkintegration: $*"; fail=1; }

out=$(desktop-file-validate resources/perfwb.desktop 2>&1) || say "desktop-file-validate: $out"
[[ -z $out ]] || say "desktop-file-validate: $out"
out=$(appstreamcli validate --no-net --pedantic resources/perfwb.metainfo.xml 2>&1) || say "appstreamcli: $out"
if grep -qE '^[EWIP]:' <<<"$out"; then say "appstreamcli: $out"; fi
out=$(xmllint --noout resources/perfwb-mime.xml resources/icons/perfwb.svg 2>&1) || say "xmllint: $out"
# Each screenshot the metainfo names is one of docs/screenshots (the URL is that file on
# the project's main branch), a PNG the size AppStream asks for (at least 620 px wide).
while read -r url; do
    shot=docs/screenshots/${url##*/docs/screenshots/}
    [[ -f $shot ]] || { say "metainfo screenshot $url: no $shot"; continue; }
    width=$(file -b "$shot" | sed -n 's/^PNG image data, \([0-9]*\) x.*/\1/p')
    [[ -n $width && $width -ge 620 ]] || say "metainfo screenshot $shot: $(file -b "$shot")"
done < <(sed -n 's|.*<image>\(.*\)</image>.*|\1|p' resources/perfwb.metainfo.xml)
grep -q '<screenshot type="default">' resources/perfwb.metainfo.xml || say "metainfo has no default screenshot"
# The desktop file's MIME type is the one the MIME file defines.
mime=$(sed -n 's/^MimeType=\(.*\);$/\1/p' resources/perfwb.desktop)
grep -q "type=\"$mime\"" resources/perfwb-mime.xml || say "MIME type $mime is not defined in perfwb-mime.xml"

# Completion: what a user gets after "perfwb re<TAB>", "perfwb record --ca<TAB>".
complete_words() { # words...; prints COMPREPLY, one per line
    bash -c '
        source /usr/share/bash-completion/bash_completion
        source packaging/completion/perfwb
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
        COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
        _perfwb "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf "%s\n" "${COMPREPLY[@]}"' _ "$@" 2>/dev/null
}
# The command word is the binary's path: _perfwb runs "$1 --help".
got=$(complete_words "$perfwb" re | sort -u | tr '\n' ' ')
[[ $got == *"record"* ]] || say "completion of 'perfwb re' gave: $got"
got=$(complete_words "$perfwb" record --ca | tr '\n' ' ')
[[ $got == "--call-graph " ]] || say "completion of 'perfwb record --ca' gave: $got"
got=$(complete_words "$perfwb" diff --fail | tr '\n' ' ')
[[ $got == "--fail-above " ]] || say "completion of 'perfwb diff --fail' gave: $got"
got=$(complete_words "$perfwb" record -- ech | tr '\n' ' ')
[[ $got == *"echo"* ]] || say "completion of 'perfwb record -- ech' gave: $got"
[[ $fail -eq 0 ]] && echo "checkintegration: desktop file, metainfo and its screenshots, MIME type, icon and completion checked"
exit $fail
