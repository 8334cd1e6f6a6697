// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "core/result.h"

#include <string>
#include <vector>

namespace perfwb::store {

// The files one run left in the output directory, as <run_label>-run.json next to
// them: perfwb's own report and each profiler's output. What `perfwb info` lists and
// what the GUI opens as one tab per tool.
//   {"format": "perfwb-run", "version": 1, "label": "demo", "command": [...],
//    "files": [{"tool": "perfwb", "path": "demo-profile.perfwb"},
//              {"tool": "cprofile", "path": "demo-cprofile.pstats", "open": true}, ...]}
// Paths are relative to the manifest's directory, so the directory can be moved or
// attached to a ticket whole.
struct RunManifest {
    struct File {
        std::string tool; // "perfwb", "pyspy", "scalene", "memray", "cprofile"
        std::string path; // absolute once read
        bool open = true; // the GUI opens it (false: a capture or the tool's own HTML)
    };
    static constexpr int kVersion = 1;
    std::string label;
    std::vector<std::string> command;
    std::vector<File> files;

    static std::string pathFor(const std::string &outputDir, const std::string &label);
    // The manifest of the run a file belongs to: a *-run.json beside it that lists it,
    // or empty.
    static std::string findFor(const std::string &filePath);
    static Result<RunManifest> read(const std::string &path);
    static bool looksLikeManifest(const std::string &path); // by content
    Status write(const std::string &path) const;
    std::vector<std::string> openablePaths() const;
};

} // namespace perfwb::store
