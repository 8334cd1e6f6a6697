#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the engine's layers against engine/CMakeLists.txt, the one place they are declared.

The build already refuses a wrong-way "#include" (each layer's include path shows only its
own folder and the layers it links); this check names what the compiler cannot: a cycle in
the declared links, a "../" include that walks around the include path, and an engine
folder that is no layer at all. One line per finding; exit 1 when there is one.
"""
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
engine = os.path.join(root, "engine")
cmake = open(os.path.join(engine, "CMakeLists.txt"), encoding="utf-8").read()

layers = {}
for m in re.finditer(r"perfwb_engine_layer\((\w+)([^)]*)\)", cmake):
    words = m.group(2).split()
    deps, in_deps = [], False
    for w in words:
        if w in ("DEPS", "PRIVATE_DEPS"):
            in_deps = w == "DEPS"
        elif in_deps and "::" not in w and not w.startswith("$"):
            deps.append(w)
    layers[m.group(1)] = deps

findings = []
for name, deps in layers.items():
    for d in deps:
        if d not in layers:
            findings.append(f"engine/CMakeLists.txt: layer {name} links {d}, which is no layer")

# Depth-first search for a cycle, then the transitive set each layer may include.
state = {}


def visit(name, path):
    if state.get(name) == "done":
        return
    if state.get(name) == "open":
        findings.append("engine/CMakeLists.txt: a cycle of layers: " + " -> ".join(path + [name]))
        return
    state[name] = "open"
    for d in layers.get(name, []):
        visit(d, path + [name])
    state[name] = "done"


for name in layers:
    visit(name, [])


def reach(name, seen=None):
    seen = set() if seen is None else seen
    for d in layers.get(name, []):
        if d not in seen:
            seen.add(d)
            reach(d, seen)
    return seen


include = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
folders = sorted(d for d in os.listdir(engine) if os.path.isdir(os.path.join(engine, d)))
for folder in folders:
    sources = []
    for base, _, files in os.walk(os.path.join(engine, folder)):
        sources += [os.path.join(base, f) for f in files if f.endswith((".h", ".cpp", ".c"))]
    if folder not in layers:
        if any(s.endswith(".cpp") for s in sources):
            findings.append(f"engine/{folder}: C++ sources in a folder that is no layer")
        continue
    allowed = reach(folder) | {folder}
    for path in sorted(sources):
        rel = os.path.relpath(path, root)
        text = open(path, encoding="utf-8").read()
        for m in include.finditer(text):
            target = m.group(1)
            line = text.count("\n", 0, m.start()) + 1
            if ".." in target.split("/"):
                findings.append(f'{rel}:{line}: "{target}" walks out of its folder; include by layer name')
                continue
            top = target.split("/")[0]
            if "/" in target and top in folders and top not in allowed:
                findings.append(f'{rel}:{line}: {folder} may not include "{target}" '
                                f'({folder} uses {", ".join(sorted(reach(folder))) or "nothing"})')

for f in findings:
    print(f)
print(f"layers: {len(layers)}, findings: {len(findings)}")
sys.exit(1 if findings else 0)
