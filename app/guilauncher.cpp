#include "cli.h"
#include "commands.h"

#ifdef PERFWB_WITH_GUI
#include "mainwindow.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#endif

#include <cstdlib>

namespace perfwb::app {

int runGui(int argc, char **argv)
{
#ifdef PERFWB_WITH_GUI
    // Qt aborts without a display; say what to do instead.
    const bool platformChosen = std::getenv("QT_QPA_PLATFORM") != nullptr;
    const bool display = std::getenv("DISPLAY") != nullptr || std::getenv("WAYLAND_DISPLAY") != nullptr;
    if (!platformChosen && !display) {
        printError(std::string("no display to open the workbench on (DISPLAY and WAYLAND_DISPLAY are unset); "
                               "use a command instead, see perfwb --help"));
        return ExitUsage;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("perfwb"));
    QApplication::setOrganizationName(QStringLiteral("perfwb"));
    QApplication::setApplicationVersion(QStringLiteral(PERFWB_VERSION));
    // Ours from the compiled-in .qm files, Qt's own dialogs from the system's.
    QTranslator ours;
    QTranslator qt;
    if (ours.load(QLocale(), QStringLiteral("perfwb"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&ours);
    if (qt.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qt);
    ui::MainWindow window;
    window.show();
    // `perfwb a.perfwb b.data`: every argument is a file to open in its own tab;
    // `perfwb --compare BASE NEW` opens a comparison of two runs.
    const auto args = QApplication::arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--compare") && i + 2 < args.size()) {
            window.compareFiles(args[i + 1], args[i + 2]);
            i += 2;
        } else if (!args[i].startsWith(QLatin1Char('-'))) {
            window.openFile(args[i]);
        }
    }
    return QApplication::exec();
#else
    (void)argc;
    (void)argv;
    printError(
        std::string("this perfwb was built without the GUI (PERFWB_BUILD_GUI=OFF); use a command, see perfwb --help"));
    return ExitUsage;
#endif
}

} // namespace perfwb::app
