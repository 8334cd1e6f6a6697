#pragma once
#include <QMainWindow>

namespace perfwb::ui {

// The workbench window. The GUI issue fills in the views; until then it opens
// empty and says so, with no made-up data.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace perfwb::ui
