#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Licence headers: every own source file starts with
#   SPDX-License-Identifier: GPL-3.0-or-later
# (after a shebang line, as a comment of its language). GPL-3.0 because the GUI links
# QCustomPlot (GPL-3.0). Left out: test data and fuzz corpora, the vendored pprof
# profile.proto (Apache-2.0), the scripts inlined into every export (resources/export),
# whose bytes are part of the exported files, and the workloads (tests/workloads), whose
# line numbers tests check against the profiles made from them.
#   packaging/spdx.sh          list the files without the header; exit 1 if there are any
#   packaging/spdx.sh --add    add it where it is missing
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ID="SPDX-License-Identifier: GPL-3.0-or-later"

files() {
    git ls-files -- '*.c' '*.cpp' '*.h' '*.py' '*.sh' '*.cmake' '*.mjs' '*.cjs' '*.js' '*.yml' '*.yaml' 'CMakeLists.txt' '*/CMakeLists.txt' \
        .ci/run 'packaging/perf-tools/perf-*' |
        grep -vE '^(tests/data/|tests/fuzz/corpus/|tests/workloads/|resources/export/)' | sort -u
}

comment_for() {
    case $1 in
    *.c | *.cpp | *.h | *.mjs | *.cjs | *.js) echo "// $ID" ;;
    *) echo "# $ID" ;;
    esac
}

missing=()
while IFS= read -r f; do
    head -3 "$f" | grep -q "$ID" || missing+=("$f")
done < <(files)

if [[ ${1:-} == --add ]]; then
    for f in "${missing[@]}"; do
        line=$(comment_for "$f")
        if head -1 "$f" | grep -q '^#!'; then
            sed -i "1a $line" "$f"
        else
            sed -i "1i $line" "$f"
        fi
    done
    echo "spdx: added the header to ${#missing[@]} files"
    exit 0
fi
if ((${#missing[@]} > 0)); then
    echo "spdx: these files lack '$ID' in their first lines (packaging/spdx.sh --add):"
    printf '  %s\n' "${missing[@]}"
    exit 1
fi
