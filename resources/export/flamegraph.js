// perfwb's interactive SVG flamegraph: click to zoom, reset, regex search, details on hover.
// Inlined into every exported SVG (no network, works from file://). The SVG carries each
// frame's position in weight units (data-s = start, data-w = width), so zooming and the
// "Matched" share are exact rather than rounded to pixels.
// URL fragment: #search=REGEX runs a search, #zoom=FUNCTION zooms to the first frame of
// that function; both can be combined with '&' and are updated as the user clicks.
(function () {
    "use strict";
    var doc = document;
    var box = doc.getElementById("frames");
    if (!box)
        return;
    var total = Number(box.getAttribute("data-total"));
    var chartX = Number(box.getAttribute("data-x"));
    var chartW = Number(box.getAttribute("data-width"));
    var charW = Number(box.getAttribute("data-charw"));
    var details = doc.getElementById("details");
    var matched = doc.getElementById("matched");
    var resetCtl = doc.getElementById("reset");
    var searchCtl = doc.getElementById("search");
    var frames = [];
    var zoomed = null;
    var searchText = "";

    var groups = box.getElementsByTagName("g");
    for (var i = 0; i < groups.length; ++i) {
        var g = groups[i];
        var rect = g.getElementsByTagName("rect")[0];
        var title = g.getElementsByTagName("title")[0];
        frames.push({
            g: g,
            rect: rect,
            text: g.getElementsByTagName("text")[0],
            fn: g.getAttribute("data-f"),
            s: Number(g.getAttribute("data-s")),
            w: Number(g.getAttribute("data-w")),
            y: Number(rect.getAttribute("y")),
            root: g.classList.contains("root"),
            title: title ? title.textContent : ""
        });
    }

    // Same rule as the exporter: what fits at ~charW per character, ".." when cut.
    function fitText(name, widthPx) {
        var maxChars = Math.floor((widthPx - 6) / charW);
        if (maxChars < 3)
            return "";
        if (name.length <= maxChars)
            return name;
        return name.substring(0, maxChars - 2) + "..";
    }

    function place(f, x, w) {
        f.g.classList.remove("hide");
        f.rect.setAttribute("x", x.toFixed(1));
        f.rect.setAttribute("width", w.toFixed(1));
        f.text.setAttribute("x", (x + 3).toFixed(1));
        f.text.textContent = fitText(f.fn, w);
    }

    function hide(f) {
        f.g.classList.add("hide");
    }

    function zoom(f) {
        if (f.root) {
            unzoom();
            return;
        }
        zoomed = f;
        var end = f.s + f.w;
        for (var i = 0; i < frames.length; ++i) {
            var o = frames[i];
            o.g.classList.remove("parent");
            if (o.y > f.y) {
                // Below the zoomed frame (the root is at the bottom): its callers keep the full width.
                if (o.s <= f.s && o.s + o.w >= end) {
                    o.g.classList.add("parent");
                    place(o, chartX, chartW);
                } else {
                    hide(o);
                }
            } else if (o.s >= f.s && o.s + o.w <= end) {
                place(o, chartX + ((o.s - f.s) / f.w) * chartW, (o.w / f.w) * chartW);
            } else {
                hide(o);
            }
        }
        resetCtl.classList.remove("hide");
        updateHash();
    }

    function unzoom() {
        zoomed = null;
        for (var i = 0; i < frames.length; ++i) {
            var o = frames[i];
            o.g.classList.remove("parent");
            place(o, chartX + (o.s / total) * chartW, (o.w / total) * chartW);
        }
        resetCtl.classList.add("hide");
        updateHash();
    }

    // Share of the total covered by matching frames. Frames nest or are disjoint, so the
    // union of their ranges counts a match inside another match once.
    function search(text) {
        var re;
        try {
            re = new RegExp(text);
        } catch (e) {
            matched.textContent = "Bad regular expression: " + text;
            matched.classList.remove("hide");
            return;
        }
        searchText = text;
        var ranges = [];
        for (var i = 0; i < frames.length; ++i) {
            var o = frames[i];
            if (!o.root && re.test(o.fn)) {
                o.g.classList.add("match");
                ranges.push([o.s, o.s + o.w]);
            } else {
                o.g.classList.remove("match");
            }
        }
        ranges.sort(function (a, b) {
            return a[0] - b[0];
        });
        var covered = 0;
        var end = -1;
        for (var k = 0; k < ranges.length; ++k) {
            var r = ranges[k];
            if (r[0] >= end) {
                covered += r[1] - r[0];
                end = r[1];
            } else if (r[1] > end) {
                covered += r[1] - end;
                end = r[1];
            }
        }
        var pct = total > 0 ? (100 * covered) / total : 0;
        matched.textContent = "Matched: " + pct.toFixed(1) + "%";
        matched.classList.remove("hide");
        searchCtl.textContent = "Clear search";
        updateHash();
    }

    function clearSearch() {
        searchText = "";
        for (var i = 0; i < frames.length; ++i)
            frames[i].g.classList.remove("match");
        matched.classList.add("hide");
        searchCtl.textContent = "Search";
        updateHash();
    }

    function promptSearch() {
        var text = window.prompt("Search functions (regular expression):", searchText);
        if (text)
            search(text);
    }

    function updateHash() {
        var parts = [];
        if (zoomed)
            parts.push("zoom=" + encodeURIComponent(zoomed.fn));
        if (searchText)
            parts.push("search=" + encodeURIComponent(searchText));
        try {
            history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname);
        } catch (e) {
            // Some viewers forbid history changes; the page works without a shareable link.
        }
    }

    function applyHash() {
        var zoomTo = null;
        var searchFor = null;
        var parts = location.hash.replace(/^#/, "").split("&");
        for (var i = 0; i < parts.length; ++i) {
            var eq = parts[i].indexOf("=");
            if (eq < 0)
                continue;
            var key = parts[i].substring(0, eq);
            var value;
            try {
                value = decodeURIComponent(parts[i].substring(eq + 1));
            } catch (e) {
                continue;
            }
            if (key === "zoom")
                zoomTo = value;
            else if (key === "search")
                searchFor = value;
        }
        var target = null;
        for (var k = 0; zoomTo !== null && k < frames.length; ++k) {
            if (!frames[k].root && frames[k].fn === zoomTo) {
                target = frames[k];
                break;
            }
        }
        if (target)
            zoom(target);
        else if (zoomed)
            unzoom();
        if (searchFor)
            search(searchFor);
        else if (searchText)
            clearSearch();
    }

    box.addEventListener("click", function (e) {
        var g = e.target.closest ? e.target.closest("g.f") : null;
        for (var i = 0; g && i < frames.length; ++i) {
            if (frames[i].g === g) {
                zoom(frames[i]);
                return;
            }
        }
    });
    box.addEventListener("mouseover", function (e) {
        var g = e.target.closest ? e.target.closest("g.f") : null;
        var t = g ? g.getElementsByTagName("title")[0] : null;
        details.textContent = t ? t.textContent : " ";
    });
    box.addEventListener("mouseout", function () {
        details.textContent = " ";
    });
    resetCtl.addEventListener("click", unzoom);
    searchCtl.addEventListener("click", function () {
        if (searchText)
            clearSearch();
        else
            promptSearch();
    });
    window.addEventListener("keydown", function (e) {
        if ((e.ctrlKey || e.metaKey) && (e.key === "f" || e.key === "F")) {
            e.preventDefault();
            promptSearch();
        } else if (e.key === "Escape") {
            if (searchText)
                clearSearch();
            if (zoomed)
                unzoom();
        }
    });
    window.addEventListener("hashchange", applyHash);

    // The exporter already laid out the unzoomed view, so only the fragment needs applying.
    applyHash();
})();
