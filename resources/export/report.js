// perfwb's HTML report: draws everything from the JSON in #perfwb-data, offline.
// Data shapes (written by HtmlExporter / DiffHtmlWriter):
//   profile: {kind:"profile", title, total, meta, tree:{f,p,v}, table:[[fn,self,total]],
//             functions:[[name,module,kind,inlined]], timelines:[{name,unit,t,v}], marks, t0}
//   diff:    {kind:"diff", title, verdict, thresholds, mode, quantity, legend, modeLine, valueUnit, neutral:{fill,stroke},
//             base:{label,meta}, next:{label,meta}, metrics:[...], functions,
//             table:[[fn,sb,sa,tb,ta,verdict,svb,sva,tvb,tva]],
//             trees:{forward:{f,p,b,a,vb,va,c}, reverse:{...}}}  (b/a: node share before/after,
//             vb/va: the mode's values, c: colour; "share" mode values are fractions)
// Tree arrays list parents before children; p = -1 for the outermost frames.
// URL fragment: #search=REGEX searches, #zoom=FUNCTION zooms, #view=reverse (diff).
(function () {
    "use strict";
    var doc = document;
    var D = JSON.parse(doc.getElementById("perfwb-data").textContent);
    var isDiff = D.kind === "diff";
    var SVGNS = "http://www.w3.org/2000/svg";
    var CHART_X = 10, CHART_W = 1180, FRAME_H = 16, CHAR_W = 7.2;
    var flame = doc.getElementById("flame");
    var details = doc.getElementById("details");
    var tooltip = doc.getElementById("tooltip");
    var matchedEl = doc.getElementById("matched");
    var searchBox = doc.getElementById("search");
    var resetBtn = doc.getElementById("reset");
    var state = { view: "forward", zoom: -1, search: "" };
    var T = null; // the current tree, laid out

    function el(tag, attrs, text) {
        var e = doc.createElement(tag);
        for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
        if (text !== undefined) e.textContent = text;
        return e;
    }
    function sel(tag, attrs) {
        var e = doc.createElementNS(SVGNS, tag);
        for (var k in attrs) e.setAttribute(k, attrs[k]);
        return e;
    }
    function pct(x) { return (100 * x).toFixed(2) + " %"; }
    function fmtInt(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }
    function fnName(i) { return D.functions[i][0]; }
    function fnLabel(i) { var f = D.functions[i]; return f[0] + (f[1] ? " [" + f[1] + "]" : ""); }
    function unitWord() {
        var u = isDiff ? D.unit : D.meta.unit;
        return u === "nanoseconds" ? "ns" : u === "bytes" ? "bytes" : "samples";
    }
    function relText(b, a) {
        if (b === 0) return a === 0 ? "±0.0 %" : "new";
        var r = 100 * (a - b) / b;
        return Math.abs(r) < 0.05 ? "±0.0 %" : (r > 0 ? "+" : "") + r.toFixed(1) + " %";
    }
    function ptsText(b, a) { var d = 100 * (a - b); return (d >= 0 ? "+" : "") + d.toFixed(2) + " pp"; }
    function fmtValue(v, unit) {
        if (v === null || v === undefined) return "–";
        if (unit === "ns") return v >= 1e9 ? (v / 1e9).toFixed(3) + " s" : (v / 1e6).toFixed(1) + " ms";
        if (unit === "bytes") return v >= 1048576 ? (v / 1048576).toFixed(1) + " MiB" : v < 1024 ? Math.round(v) + " B" : (v / 1024).toFixed(1) + " KiB";
        if (unit === "kB" || unit === "KiB") return (v / 1024).toFixed(1) + " MiB";
        return fmtInt(Math.round(v)) + (unit && unit !== "count" ? " " + unit : "");
    }

    // ---- flamegraph -------------------------------------------------------------------
    function layout(tree) {
        var n = tree.f.length, x = new Float64Array(n), next = new Float64Array(n), depth = new Int32Array(n);
        var rootNext = 0, maxDepth = 0, total = 0;
        for (var i = 0; i < n; ++i) {
            var p = tree.p[i];
            if (p < 0) { x[i] = rootNext; rootNext += tree.v[i]; depth[i] = 0; }
            else { x[i] = next[p]; depth[i] = depth[p] + 1; }
            next[i] = x[i];
            if (p >= 0) next[p] += tree.v[i];
            if (depth[i] > maxDepth) maxDepth = depth[i];
        }
        total = isDiff ? (rootNext > 0 ? Math.max(rootNext, 1) : 0) : Math.max(rootNext, D.total);
        return { tree: tree, x: x, depth: depth, n: n, total: total, maxDepth: n ? maxDepth : -1 };
    }
    function warmColour(name) {
        var h = 2166136261;
        for (var i = 0; i < name.length; ++i) { h ^= name.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; }
        var v1 = (h & 255) / 255, v2 = ((h >>> 8) & 255) / 255, v3 = ((h >>> 16) & 255) / 255;
        return "rgb(" + Math.round(205 + 50 * v3) + "," + Math.round(230 * v1) + "," + Math.round(55 * v2) + ")";
    }
    // A value and a change in the comparison's mode (share of total, or CPU time etc.).
    function modeValue(v) { return D.mode === "share" ? pct(v) : fmtValue(v, D.valueUnit); }
    function modeDelta(b, a) { return D.mode === "share" ? ptsText(b, a) : (a >= b ? "+" : "-") + fmtValue(Math.abs(a - b), D.valueUnit); }
    function fitText(name, w) {
        var max = Math.floor((w - 6) / CHAR_W);
        if (max < 3) return "";
        return name.length <= max ? name : name.substring(0, max - 2) + "..";
    }
    function nodeTitle(i) {
        var t = T.tree, name = fnLabel(t.f[i]);
        if (isDiff) {
            return name + "\nbefore: " + modeValue(t.vb[i]) + "   after: " + modeValue(t.va[i]) + "\ndelta: " +
                modeDelta(t.vb[i], t.va[i]) + "  (" + relText(t.vb[i], t.va[i]) + ")";
        }
        return name + ": " + fmtInt(t.v[i]) + " " + unitWord() + " (" + pct(t.v[i] / T.total) + ")";
    }
    function isAncestor(a, i) { // a is i or an ancestor of i
        var p = T.tree.p;
        for (; i >= 0; i = p[i]) if (i === a) return true;
        return false;
    }
    function searchRegex() {
        if (!state.search) return null;
        try { return new RegExp(state.search); } catch (e) { return null; }
    }
    function drawFlame() {
        var t = T.tree, rows = T.maxDepth + 2, height = rows * FRAME_H + 4;
        var z = state.zoom, zx = 0, zw = T.total;
        if (z >= 0) { zx = T.x[z]; zw = t.v[z]; }
        var scale = zw > 0 ? CHART_W / zw : 0, re = searchRegex(), matchedW = 0, matchedUnder = -1;
        flame.setAttribute("height", height);
        flame.setAttribute("viewBox", "0 0 1200 " + height);
        while (flame.firstChild) flame.removeChild(flame.firstChild);
        var frag = doc.createDocumentFragment();
        function frame(i, x, w, y, name, fill, cls) {
            var g = sel("g", { "class": cls, "data-i": i, "data-f": name });
            var r = sel("rect", { x: x.toFixed(1), y: y, width: w.toFixed(1), height: FRAME_H - 1, rx: 2, fill: fill });
            // Unchanged frames: neutral grey with a border, visible on the light background.
            if (isDiff && fill === D.neutral.fill) r.setAttribute("style", "stroke:" + D.neutral.stroke + ";stroke-width:0.6");
            g.appendChild(r);
            var tx = sel("text", { x: (x + 3).toFixed(1), y: y + 11.5 });
            tx.textContent = fitText(name, w);
            g.appendChild(tx);
            frag.appendChild(g);
        }
        if (T.total > 0) frame(-1, CHART_X, CHART_W, height - 4 - FRAME_H, "all", "rgb(208,208,208)", "f root");
        for (var i = 0; i < T.n; ++i) {
            var y = height - 4 - (T.depth[i] + 2) * FRAME_H, name = fnName(t.f[i]), cls = "f";
            var match = re !== null && re.test(name);
            if (match && (matchedUnder < 0 || !isAncestor(matchedUnder, i))) {
                // Whole-tree share, counted once per matched subtree.
                matchedW += t.v[i];
                matchedUnder = i;
            }
            var x, w;
            if (z >= 0 && T.depth[i] < T.depth[z]) {
                if (!isAncestor(i, z)) continue;
                x = CHART_X; w = CHART_W; cls += " parent";
            } else {
                if (T.x[i] + t.v[i] <= zx || T.x[i] >= zx + zw) continue;
                x = CHART_X + (T.x[i] - zx) * scale; w = t.v[i] * scale;
            }
            if (w < 0.5) continue;
            if (match) cls += " match";
            frame(i, x, w, y, name, isDiff ? t.c[i] : warmColour(name), cls);
        }
        if (T.total === 0) {
            var empty = sel("text", { x: 600, y: 20, "text-anchor": "middle" });
            empty.textContent = "No samples";
            frag.appendChild(empty);
        }
        flame.appendChild(frag);
        resetBtn.hidden = z < 0;
        matchedEl.textContent = re !== null ? "Matched: " + pct(T.total ? matchedW / T.total : 0) : "";
        writeHash();
    }
    function writeHash() {
        var parts = [];
        if (state.search) parts.push("search=" + encodeURIComponent(state.search));
        if (state.zoom >= 0) parts.push("zoom=" + encodeURIComponent(fnName(T.tree.f[state.zoom])));
        if (isDiff && state.view !== "forward") parts.push("view=" + state.view);
        var h = parts.length ? "#" + parts.join("&") : "";
        if (location.hash !== h && (h || location.hash)) history.replaceState(null, "", h || location.pathname);
    }
    function readHash() {
        var h = location.hash.replace(/^#/, ""), zoomName = null;
        h.split("&").forEach(function (kv) {
            var at = kv.indexOf("=");
            if (at < 0) return;
            var k = kv.substring(0, at), v = decodeURIComponent(kv.substring(at + 1));
            if (k === "search") state.search = v;
            else if (k === "zoom") zoomName = v;
            else if (k === "view" && isDiff && (v === "reverse" || v === "forward")) state.view = v;
        });
        return zoomName;
    }
    function zoomTo(name) {
        state.zoom = -1;
        for (var i = 0; i < T.n; ++i) if (fnName(T.tree.f[i]) === name) { state.zoom = i; break; }
    }
    function useTree() {
        var tree = isDiff ? D.trees[state.view] : D.tree;
        if (isDiff) // the view's own run sets the widths
            tree.v = state.view === "forward" ? tree.a : tree.b;
        T = layout(tree);
    }
    flame.addEventListener("click", function (ev) {
        var g = ev.target.closest ? ev.target.closest("g.f") : null;
        if (!g) return;
        var i = Number(g.getAttribute("data-i"));
        state.zoom = i < 0 || i === state.zoom ? -1 : i;
        drawFlame();
    });
    flame.addEventListener("mousemove", function (ev) {
        var g = ev.target.closest ? ev.target.closest("g.f") : null;
        if (!g) { tooltip.hidden = true; return; }
        var i = Number(g.getAttribute("data-i"));
        var text = i < 0 ? (isDiff ? "all: 100 %" : "all: " + fmtInt(T.total) + " " + unitWord()) : nodeTitle(i);
        details.textContent = text.replace(/\n/g, "   ");
        tooltip.textContent = text;
        tooltip.hidden = false;
        tooltip.style.left = Math.min(ev.clientX + 12, window.innerWidth - tooltip.offsetWidth - 4) + "px";
        tooltip.style.top = (ev.clientY + 14) + "px";
    });
    flame.addEventListener("mouseleave", function () { tooltip.hidden = true; });
    resetBtn.addEventListener("click", function () { state.zoom = -1; drawFlame(); });
    searchBox.addEventListener("input", function () { state.search = searchBox.value; drawFlame(); });
    doc.addEventListener("keydown", function (ev) {
        if (ev.key === "Escape") { state.zoom = -1; drawFlame(); }
        if ((ev.ctrlKey || ev.metaKey) && ev.key === "f") { ev.preventDefault(); searchBox.focus(); }
    });

    // ---- tables -------------------------------------------------------------------------
    function sortableTable(table, columns, rows, sortCol, desc) {
        var thead = table.tHead, tbody = table.tBodies[0];
        thead.textContent = "";
        var hr = el("tr");
        columns.forEach(function (c, k) {
            var th = el("th", { "class": c.cls || "" }, c.title);
            th.addEventListener("click", function () {
                desc = sortCol === k ? !desc : c.cls !== "name";
                sortCol = k;
                render();
            });
            hr.appendChild(th);
        });
        thead.appendChild(hr);
        function render() {
            var key = columns[sortCol].key;
            rows.sort(function (a, b) {
                var x = key(a), y = key(b), r = x < y ? -1 : x > y ? 1 : 0;
                return desc ? -r : r;
            });
            Array.prototype.forEach.call(hr.children, function (th, k) {
                th.className = (columns[k].cls || "") + (k === sortCol ? (desc ? " sorted-desc" : " sorted-asc") : "");
            });
            tbody.textContent = "";
            var frag = doc.createDocumentFragment();
            rows.forEach(function (r) {
                var tr = el("tr", r.rowClass ? { "class": r.rowClass } : {});
                columns.forEach(function (c) {
                    var td = el("td", { "class": c.cls || "" }, c.text(r));
                    if (c.tint) td.className += " " + c.tint(r);
                    tr.appendChild(td);
                });
                frag.appendChild(tr);
            });
            tbody.appendChild(frag);
        }
        render();
    }
    function profileTable() {
        var total = D.total || 1;
        var rows = D.table.map(function (r) { return { f: r[0], self: r[1], total: r[2] }; });
        sortableTable(doc.getElementById("table"), [
            { title: "Function", cls: "name", key: function (r) { return fnName(r.f); }, text: function (r) { return fnName(r.f); } },
            { title: "Module", cls: "name", key: function (r) { return D.functions[r.f][1]; }, text: function (r) { return D.functions[r.f][1]; } },
            { title: "Self", key: function (r) { return r.self; }, text: function (r) { return fmtInt(r.self); } },
            { title: "Self %", key: function (r) { return r.self; }, text: function (r) { return pct(r.self / total); } },
            { title: "Total", key: function (r) { return r.total; }, text: function (r) { return fmtInt(r.total); } },
            { title: "Total %", key: function (r) { return r.total; }, text: function (r) { return pct(r.total / total); } }
        ], rows, 2, true);
        if (D.tableRows > rows.length)
            doc.getElementById("table-note").textContent = "Showing the " + rows.length + " heaviest of " + D.tableRows + " functions.";
    }
    function diffTable() {
        doc.getElementById("table-title").textContent = D.mode === "share" ?
            "Delta table (self and total share of each run's total)" : "Delta table (self and total " + D.quantity + ")";
        // The mode's values: shares, or absolute values (CPU time, samples...).
        var rows = D.table.map(function (r) {
            return { f: r[0], sb: r[6], sa: r[7], tb: r[8], ta: r[9], verdict: r[5], rowClass: r[5] === "pass" ? "" : r[5] };
        });
        function rel(b, a) { return b === 0 ? (a === 0 ? 0 : Infinity) : (a - b) / b; }
        // Within the neutral band (3 % of its own value, as the graph): no tint.
        function tint(b, a) { return b > 0 && Math.abs(a - b) < 0.03 * b ? "" : a > b ? "up" : a < b ? "down" : ""; }
        sortableTable(doc.getElementById("table"), [
            { title: "Function", cls: "name", key: function (r) { return fnLabel(r.f); }, text: function (r) { return fnLabel(r.f); } },
            { title: "Self before", key: function (r) { return r.sb; }, text: function (r) { return modeValue(r.sb); } },
            { title: "Self after", key: function (r) { return r.sa; }, text: function (r) { return modeValue(r.sa); } },
            { title: "Δ self", key: function (r) { return r.sa - r.sb; }, text: function (r) { return modeDelta(r.sb, r.sa); }, tint: function (r) { return tint(r.sb, r.sa); } },
            { title: "Δ rel", key: function (r) { return rel(r.sb, r.sa); }, text: function (r) { return relText(r.sb, r.sa); }, tint: function (r) { return tint(r.sb, r.sa); } },
            { title: "Total before", key: function (r) { return r.tb; }, text: function (r) { return modeValue(r.tb); } },
            { title: "Total after", key: function (r) { return r.ta; }, text: function (r) { return modeValue(r.ta); } },
            { title: "Δ total", key: function (r) { return r.ta - r.tb; }, text: function (r) { return modeDelta(r.tb, r.ta); }, tint: function (r) { return tint(r.tb, r.ta); } },
            { title: "Verdict", key: function (r) { return r.verdict === "fail" ? 2 : r.verdict === "warn" ? 1 : 0; }, text: function (r) { return r.verdict === "pass" ? "" : r.verdict; } }
        ], rows, 3, true);
    }

    // ---- timelines, marks, metadata -----------------------------------------------------
    function drawTimelines() {
        var box = doc.getElementById("timelines"), tls = D.timelines || [];
        if (!tls.length) { doc.getElementById("timeline-section").hidden = true; return; }
        var t0 = Infinity, t1 = -Infinity;
        tls.forEach(function (tl) { t0 = Math.min(t0, tl.t[0]); t1 = Math.max(t1, tl.t[tl.t.length - 1]); });
        (D.marks || []).forEach(function (m) { t0 = Math.min(t0, m.s); t1 = Math.max(t1, m.e); });
        var span = Math.max(1, t1 - t0), W = 1180, H = 110, L = 70;
        tls.forEach(function (tl) {
            var max = 0;
            tl.v.forEach(function (v) { if (v > max) max = v; });
            var svg = sel("svg", { "class": "chart", width: W + 20, height: H + 30, viewBox: "0 0 " + (W + 20) + " " + (H + 30) });
            var label = sel("text", { x: 6, y: 14 });
            label.textContent = tl.name + " (peak " + fmtValue(max, tl.unit) + ")";
            svg.appendChild(label);
            (D.marks || []).forEach(function (m) {
                var mx = L + (m.s - t0) / span * (W - L);
                if (m.e > m.s) svg.appendChild(sel("rect", { "class": "span", x: mx, y: 20, width: Math.max(1, (m.e - m.s) / span * (W - L)), height: H - 10 }));
                else svg.appendChild(sel("line", { "class": "mark", x1: mx, x2: mx, y1: 20, y2: H + 10 }));
            });
            var pts = [];
            for (var k = 0; k < tl.t.length; ++k)
                pts.push((L + (tl.t[k] - t0) / span * (W - L)).toFixed(1) + "," + (H + 10 - (max ? tl.v[k] / max : 0) * (H - 10)).toFixed(1));
            svg.appendChild(sel("polyline", { "class": "line", points: pts.join(" ") }));
            var axis = sel("text", { x: L, y: H + 26 });
            axis.textContent = "0 s … " + (span / 1e9).toFixed(2) + " s";
            svg.appendChild(axis);
            box.appendChild(svg);
        });
    }
    function drawMarks() {
        var marks = D.marks || [];
        if (!marks.length) { doc.getElementById("marks-section").hidden = true; return; }
        var t0 = D.t0 || 0;
        var rows = marks.map(function (m) { return m; });
        sortableTable(doc.getElementById("marks"), [
            { title: "Name", cls: "name", key: function (m) { return m.name; }, text: function (m) { return m.name; } },
            { title: "Category", cls: "name", key: function (m) { return m.cat; }, text: function (m) { return m.cat; } },
            { title: "Start", key: function (m) { return m.s; }, text: function (m) { return fmtValue(m.s - t0, "ns"); } },
            { title: "Duration", key: function (m) { return m.e - m.s; }, text: function (m) { return m.e > m.s ? fmtValue(m.e - m.s, "ns") : "instant"; } },
            { title: "Thread", key: function (m) { return m.tid; }, text: function (m) { return m.tid ? String(m.tid) : ""; } }
        ], rows, 2, false);
    }
    function metaList(meta, heading) {
        var wrap = el("div");
        if (heading) wrap.appendChild(el("h3", {}, heading));
        var dl = el("dl", { "class": "meta" });
        function row(k, v) { if (v === "" || v === undefined || v === null) return; dl.appendChild(el("dt", {}, k)); dl.appendChild(el("dd", {}, String(v))); }
        row("Label", meta.label);
        row("Command", meta.command.join(" "));
        row("Working directory", meta.workingDir);
        row("Host", meta.host);
        if (meta.startUnixNs > 0) row("Started", new Date(meta.startUnixNs / 1e6).toISOString());
        if (meta.durationNs > 0) row("Duration", fmtValue(meta.durationNs, "ns"));
        if (meta.exited) row("Exit", meta.exitSignal ? "signal " + meta.exitSignal : "code " + meta.exitCode);
        row("Sampler", [meta.event, meta.frequencyHz ? meta.frequencyHz + " Hz" : "", meta.callGraph].filter(Boolean).join(", "));
        row("Samples", fmtInt(meta.samples) + (meta.lostSamples ? " (" + fmtInt(meta.lostSamples) + " lost)" : ""));
        row("Threads", meta.threads);
        row("Source", meta.source);
        meta.settings.forEach(function (kv) { row(kv[0], kv[1]); });
        wrap.appendChild(dl);
        if (meta.environment.length) {
            var det = el("details");
            det.appendChild(el("summary", {}, "Environment (" + meta.environment.length + " variables, secrets redacted)"));
            var pre = el("pre", {}, meta.environment.map(function (kv) { return kv[0] + "=" + kv[1]; }).join("\n"));
            det.appendChild(pre);
            wrap.appendChild(det);
        }
        return wrap;
    }

    // ---- page -----------------------------------------------------------------------------
    var summary = doc.getElementById("summary"), metaBox = doc.getElementById("meta");
    if (isDiff) {
        var v = el("span", { "class": "verdict " + D.verdict }, D.verdict.toUpperCase());
        summary.appendChild(v);
        summary.appendChild(doc.createTextNode("  base: " + D.base.label + "  →  new: " + D.next.label +
            "  (warn above +" + D.thresholds.warn + " %, fail above +" + D.thresholds.fail + " %, functions above " +
            D.thresholds.minShare + " % self)"));
        var sw = doc.getElementById("view-switch");
        [["forward", "New run's shape"], ["reverse", "Base run's shape (vanished frames)"]].forEach(function (b) {
            var btn = el("button", { type: "button", "data-view": b[0] }, b[1]);
            btn.addEventListener("click", function () { state.view = b[0]; state.zoom = -1; useTree(); markView(); drawFlame(); });
            sw.appendChild(btn);
        });
        // The mode shown, in words: "colour: change in CPU time" or "... in share of total".
        doc.getElementById("legend").textContent = D.legend + " (full colour at 10 % of the total). " + D.modeLine;
        var mt = el("table"), head = el("tr");
        ["Metric", "Before", "After", "Change"].forEach(function (h) { head.appendChild(el("th", {}, h)); });
        mt.appendChild(head);
        D.metrics.forEach(function (m) {
            if (m.before === null && m.after === null) return;
            var tr = el("tr");
            tr.appendChild(el("td", { "class": "name" }, m.name + (m.total ? " (total time: " + D.totalVerdict + ")" : "")));
            // A run that does not carry a metric (e.g. no allocation tracking) shows n/a, never 0.
            tr.appendChild(el("td", {}, m.before === null ? "n/a" : fmtValue(m.before, m.unit)));
            tr.appendChild(el("td", {}, m.after === null ? "n/a" : fmtValue(m.after, m.unit)));
            tr.appendChild(el("td", {}, m.before !== null && m.after !== null ? relText(m.before, m.after) : "n/a"));
            mt.appendChild(tr);
        });
        doc.getElementById("metrics").appendChild(mt);
        metaBox.appendChild(metaList(D.base.meta, "Base"));
        metaBox.appendChild(metaList(D.next.meta, "New"));
        doc.getElementById("timeline-section").hidden = true;
        doc.getElementById("marks-section").hidden = true;
        diffTable();
    } else {
        summary.textContent = fmtInt(D.total) + " " + unitWord() + (D.filtered ? " (filtered)" : "") +
            (D.meta.durationNs > 0 ? " · " + fmtValue(D.meta.durationNs, "ns") : "") +
            (D.meta.command.length ? " · " + D.meta.command.join(" ") : "");
        doc.getElementById("metrics-section").hidden = true;
        metaBox.appendChild(metaList(D.meta));
        profileTable();
        drawTimelines();
        drawMarks();
    }
    function markView() {
        Array.prototype.forEach.call(doc.querySelectorAll("#view-switch button"), function (b) {
            b.className = b.getAttribute("data-view") === state.view ? "active" : "";
        });
    }
    var zoomName = readHash();
    useTree();
    if (isDiff) markView();
    if (zoomName) zoomTo(zoomName);
    searchBox.value = state.search;
    drawFlame();
    window.addEventListener("hashchange", function () {
        state.search = ""; state.zoom = -1;
        var name = readHash();
        useTree();
        if (name) zoomTo(name);
        searchBox.value = state.search;
        drawFlame();
    });
    doc.body.setAttribute("data-ready", "1");
    // Milliseconds from navigation start to a fully drawn page (the open-time benchmark reads it).
    doc.body.setAttribute("data-ready-ms", String(Math.round(performance.now())));
})();
