#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reference data for tst_pstatsimporter, from Python's own pstats and marshal.

pstats_reference.py dump STATS_FILE
    prints pstats.Stats(STATS_FILE).stats as JSON: a list of functions, each
    {file, line, name, cc, nc, tt, ct, callers: [{file, line, name, nc, ct}]}
    (ct is null where the profile module gave a plain call count).
pstats_reference.py write OUT VERSION [counts]
    writes a small known stats dict with marshal version VERSION (callers as plain
    call counts, like the profile module, with "counts").
"""
import json
import marshal
import pstats
import sys


def name_of(name):
    # The profile module keys the code it runs by the code object itself.
    return name if isinstance(name, str) else "<code object %s>" % name.co_name


def dump(path):
    out = []
    for (file, line, name), (cc, nc, tt, ct, callers) in pstats.Stats(path).stats.items():
        name = name_of(name)
        edges = []
        for (cfile, cline, cname), value in callers.items():
            cname = name_of(cname)
            if isinstance(value, tuple):
                edges.append({"file": cfile, "line": cline, "name": cname, "nc": value[0], "ct": value[3]})
            else:
                edges.append({"file": cfile, "line": cline, "name": cname, "nc": value, "ct": None})
        out.append({"file": file, "line": line, "name": name, "cc": cc, "nc": nc, "tt": tt, "ct": ct,
                    "callers": edges})
    json.dump(out, sys.stdout)


def write(path, version, counts):
    main = ("/srv/app.py", 10, "main")
    work = ("/srv/app.py", 20, "work")
    length = ("~", 0, "<built-in method builtins.len>")
    big = 2 ** 40  # beyond 32 bits: a marshal long

    def edge(nc, tt, ct):
        return nc if counts else (nc, nc, tt, ct)

    stats = {
        main: (1, 1, 0.25, 1.0, {}),
        work: (2, 2, 0.5, 0.75, {main: edge(2, 0.5, 0.75)}),
        length: (big, big, 0.25, 0.25, {work: edge(big, 0.25, 0.25)}),
    }
    with open(path, "wb") as f:
        marshal.dump(stats, f, version)


if __name__ == "__main__":
    if sys.argv[1] == "dump":
        dump(sys.argv[2])
    else:
        write(sys.argv[2], int(sys.argv[3]), len(sys.argv) > 4 and sys.argv[4] == "counts")
