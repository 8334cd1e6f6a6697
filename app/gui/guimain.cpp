// SPDX-License-Identifier: GPL-3.0-or-later
// The workbench's window, built as a module (perfwb-gui.so) that the perfwb binary loads
// only when no command is given: a command-line run then never loads Qt Widgets, Charts,
// QCustomPlot and their libraries, whose symbol binding was most of its start-up time.
#include "core/result.h"
#include "mainwindow.h"
#include "reportview.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <spdlog/spdlog.h>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

namespace perfwb::app {

namespace {
constexpr int kExitUsage = 2; // as app/cli.h's ExitUsage: bad usage or input

// One line on stderr, as the binary's printError writes them.
void printError(const std::string &message)
{
    std::string line = message;
    for (char &c : line)
        c = (c == '\n' || c == '\r') ? ' ' : c;
    spdlog::default_logger()->info("error: {}", line);
    std::fprintf(stderr, "perfwb: %s\n", line.c_str());
}

// `perfwb [FILE…] [--compare BASE NEW] [--page PAGE]`: every other argument not starting
// with '-' is a file to open in its own tab.
struct GuiArguments {
    QStringList files;
    QStringList compare; // BASE, NEW
    std::optional<ui::ReportView::Page> page;
};

// Read before QApplication exists, so a bad --page fails at once, display or not.
Result<GuiArguments> parseGuiArguments(int argc, char **argv)
{
    GuiArguments parsed;
    const QString pages = ui::ReportView::pageNames().join(QStringLiteral(", "));
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg == QLatin1String("--compare") && i + 2 < argc) {
            parsed.compare = {QString::fromLocal8Bit(argv[i + 1]), QString::fromLocal8Bit(argv[i + 2])};
            i += 2;
        } else if (arg == QLatin1String("--page")) {
            if (i + 1 >= argc)
                return makeError(QStringLiteral("--page needs a page name: %1").arg(pages).toStdString());
            const QString name = QString::fromLocal8Bit(argv[++i]);
            parsed.page = ui::ReportView::pageNamed(name);
            if (!parsed.page)
                return makeError(
                    QStringLiteral("unknown page '%1' for --page; the pages are %2").arg(name, pages).toStdString());
        } else if (!arg.startsWith(QLatin1Char('-'))) {
            parsed.files << arg;
        }
    }
    if (parsed.page && parsed.files.isEmpty())
        return makeError(std::string("--page opens FILE arguments on a page, and no FILE was given"));
    return parsed;
}
} // namespace

} // namespace perfwb::app

// The module's one entry point, looked up by the command-line binary (app/guilauncher.cpp).
extern "C" __attribute__((visibility("default"))) int perfwb_gui_main(int argc, char **argv)
{
    using namespace perfwb;
    using namespace perfwb::app;
    auto arguments = parseGuiArguments(argc, argv);
    if (!arguments) {
        printError(arguments.message());
        return kExitUsage;
    }
    // Qt aborts without a display; say what to do instead.
    const bool platformChosen = std::getenv("QT_QPA_PLATFORM") != nullptr;
    const bool display = std::getenv("DISPLAY") != nullptr || std::getenv("WAYLAND_DISPLAY") != nullptr;
    if (!platformChosen && !display) {
        printError(std::string("no display to open the workbench on (DISPLAY and WAYLAND_DISPLAY are unset); "
                               "use a command instead, see perfwb --help"));
        return kExitUsage;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("perfwb"));
    QApplication::setOrganizationName(QStringLiteral("perfwb"));
    QApplication::setApplicationVersion(QStringLiteral(PERFWB_VERSION));
    // Ours from the compiled-in .qm files, Qt's own dialogs from the system's.
    QTranslator ours;
    QTranslator qt;
    // Without a translation for the locale (C, POSIX, English) English plural forms
    // still come from perfwb_en ("1 thread", not "1 thread(s)").
    if (ours.load(QLocale(), QStringLiteral("perfwb"), QStringLiteral("_"), QStringLiteral(":/i18n")) ||
        ours.load(QStringLiteral(":/i18n/perfwb_en.qm")))
        QApplication::installTranslator(&ours);
    if (qt.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qt);
    ui::MainWindow window;
    window.show();
    if (!arguments->compare.isEmpty())
        window.compareFiles(arguments->compare[0], arguments->compare[1]);
    for (const auto &file : arguments->files)
        window.openFile(file, arguments->page);
    return QApplication::exec();
}
