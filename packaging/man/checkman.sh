#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks the generated man pages (makeman.cmake): a page for perfwb and for every command
# `perfwb --help` lists, each rendering without a groff warning and naming every long
# option its command's --help lists.
#   checkman.sh PERFWB MANDIR
set -euo pipefail
perfwb=$1 dir=$2
fail=0
check() { # page, help text
    local page=$1 help=$2 warnings opt
    if [[ ! -s $page ]]; then
        echo "checkman: missing $page"; fail=1; return
    fi
    warnings=$(groff -man -ww -z -Tutf8 "$page" 2>&1 || true)
    if [[ -n $warnings ]]; then
        echo "checkman: $page: $warnings"; fail=1
    fi
    for opt in $(grep -oE -- '--[a-z][a-z-]+' <<<"$help" | sort -u); do
        grep -qF -- "${opt//-/\\-}" "$page" || grep -qF -- "$opt" "$page" || {
            echo "checkman: $page does not mention $opt"; fail=1
        }
    done
}
main_help=$("$perfwb" --help)
check "$dir/perfwb.1" "$main_help"
commands=$(sed -n '/^Commands:/,/^$/p' <<<"$main_help" | awk 'NR > 1 && NF { print $1 }')
[[ -n $commands ]] || { echo "checkman: no commands in perfwb --help"; exit 1; }
for c in $commands; do
    check "$dir/perfwb-$c.1" "$("$perfwb" "$c" --help)"
    grep -qF "perfwb-$c" "$dir/perfwb.1" || { echo "checkman: perfwb.1 does not refer to perfwb-$c(1)"; fail=1; }
done
echo "checkman: $(wc -w <<<"$commands") command pages and perfwb.1 checked"
exit $fail
