// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include "analysis/calltree.h"

#include <QObject>

#include <string>

namespace perfwb::ui {

class FlameGraphView;

// Keeps two flame graphs of different runs in step: zooming one zooms the other to the
// same call path, a search typed in one is run in both, and a selected function is
// outlined in both. Frames are matched by function name + module along the path from
// the root (never by address or id: the runs have their own tables); where the other
// run lacks the full path, it zooms to the longest prefix it has.
class FlameGraphSync : public QObject {
    Q_OBJECT
public:
    FlameGraphSync(FlameGraphView *left, FlameGraphView *right, QObject *parent = nullptr);

    // Outlines the function in both graphs (a side without it outlines nothing); with
    // `zoom`, each graph also zooms to that function's widest frame.
    void selectFunction(const std::string &name, const std::string &module, bool zoom);

Q_SIGNALS:
    // A frame was double-clicked in either graph.
    void functionActivated(const QString &name, const QString &module);

private:
    void followZoom(FlameGraphView *from, FlameGraphView *to);
    void followSearch(FlameGraphView *from, FlameGraphView *to);
    void watch(FlameGraphView *from, FlameGraphView *to);

    FlameGraphView *left_;
    FlameGraphView *right_;
    bool syncing_ = false; // the other side's echo must not bounce back
};

} // namespace perfwb::ui
