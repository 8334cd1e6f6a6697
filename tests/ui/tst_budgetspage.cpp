// SPDX-License-Identifier: GPL-3.0-or-later
// The Budgets page against the real service on loopback: the limits editor, gauges, job
// and asset tables and the dashboard follow what programs post over HTTP, and what the
// page changes is what the API returns. Also the Settings dialog and a GUI recording that
// receives a program's marks and job.
#include "assettablemodel.h"
#include "budgetspage.h"
#include "dashboardview.h"
#include "gaugewidget.h"
#include "jobtablemodel.h"
#include "limitseditor.h"
#include "mainwindow.h"
#include "offendertablemodel.h"
#include "recorddialog.h"
#include "recordingindicator.h"
#include "reportdocument.h"
#include "reportview.h"
#include "servicepanels.h"
#include "settingsdialog.h"
#include "summaryview.h"
#include "workbenchservice.h"

#include "budgets/perfservice.h"
#include "record/recordsession.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPieSeries>
#include <QProcess>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace perfwb;
using namespace Qt::StringLiterals;

namespace {

struct Reply {
    int status = 0;
    QJsonObject body;
};

Reply http(const QString &method, const QString &url, const QJsonObject &body = {})
{
    QNetworkAccessManager net;
    QNetworkRequest request{QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    QNetworkReply *reply =
        method == u"GET"_s ? net.get(request) : net.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !done.wait(10000))
        return {};
    Reply r{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
            QJsonDocument::fromJson(reply->readAll()).object()};
    reply->deleteLater();
    return r;
}

void writeConfig(const QString &path, bool enabled)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    const QJsonObject features{{u"enable_perf"_s, enabled},
                               {u"enable_perf_budgets"_s, enabled},
                               {u"enable_perf_profiler_dashboard"_s, enabled}};
    f.write(QJsonDocument(QJsonObject{{u"features"_s, features},
                                      {u"server"_s, QJsonObject{{u"port"_s, 0}, {u"bind"_s, u"127.0.0.1"_s}}}})
                .toJson());
}

QJsonObject readConfig(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

int rowOf(const QAbstractItemModel &model, const QString &key)
{
    for (int r = 0; r < model.rowCount(); ++r) {
        if (model.index(r, 0).data(ui::SnapshotTableModel::KeyRole).toString() == key)
            return r;
    }
    return -1;
}

} // namespace

class TestBudgetsPage : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString config_;
    std::unique_ptr<ui::WorkbenchService> service_;
    std::unique_ptr<ui::BudgetsPage> page_;

    QString api(const QString &path) const { return service_->url() + u"/api/perf"_s + path; }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
        // The MainWindow test below reads perfwb's config from here, not the user's.
        qputenv("XDG_CONFIG_HOME", dir_.filePath(u"xdg"_s).toUtf8());
        config_ = dir_.filePath(u"config.json"_s);
        writeConfig(config_, true);
        service_ = std::make_unique<ui::WorkbenchService>(ui::WorkbenchService::Options{config_.toStdString()});
        QVERIFY2(service_->isListening(), qPrintable(service_->listenError()));
        page_ = std::make_unique<ui::BudgetsPage>(*service_);
        page_->resize(1000, 640);
        page_->show();
    }

    void gaugeLevels_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("limit");
        QTest::addColumn<int>("level");
        QTest::newRow("green below 80 %") << 79.0 << 100.0 << int(ui::GaugeWidget::Level::Ok);
        QTest::newRow("amber at 80 %") << 80.0 << 100.0 << int(ui::GaugeWidget::Level::Warning);
        QTest::newRow("amber at the limit") << 100.0 << 100.0 << int(ui::GaugeWidget::Level::Warning);
        QTest::newRow("red above") << 100.5 << 100.0 << int(ui::GaugeWidget::Level::Over);
        QTest::newRow("no limit") << 5.0 << 0.0 << int(ui::GaugeWidget::Level::None);
    }
    void gaugeLevels()
    {
        QFETCH(double, value);
        QFETCH(double, limit);
        QFETCH(int, level);
        ui::GaugeWidget gauge(u"Memory"_s, u"MB"_s, 0);
        gauge.setValue(value, limit, 0);
        QCOMPARE(int(gauge.level()), level);
        QVERIFY(gauge.valueText().contains(u"MB"_s));
        if (limit > 0)
            QVERIFY2(gauge.valueText().contains(QString::number(limit, 'f', 0)), qPrintable(gauge.valueText()));
    }

    void modelsPassTheTester()
    {
        auto &b = service_->service().budgets();
        auto &p = service_->service().profiler();
        QVERIFY(b.registerJob(QJsonObject{{u"job_id"_s, u"tester-a"_s}}).ok());
        QVERIFY(b.registerAsset("tester-asset", 3).ok());
        p.recordSpan("tester-span", "tests", 12.5, 1.5);
        ui::JobTableModel jobs;
        ui::AssetTableModel assets;
        ui::OffenderTableModel offenders;
        QAbstractItemModelTester t1(&jobs, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&assets, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(&offenders, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int round = 0; round < 2; ++round) {
            jobs.setJobs(b.jobs(), QDateTime::currentMSecsSinceEpoch());
            assets.setAssets(b.assets(), QDateTime::currentMSecsSinceEpoch());
            offenders.setAggregates(p.aggregates());
        }
        QVERIFY(rowOf(jobs, u"tester-a"_s) >= 0);
        QVERIFY(rowOf(assets, u"tester-asset"_s) >= 0);
        QVERIFY(rowOf(offenders, u"tests/tester-span"_s) >= 0);
        QSortFilterProxyModel sorted;
        sorted.setSourceModel(&offenders);
        sorted.setSortRole(ui::SnapshotTableModel::SortRole);
        QAbstractItemModelTester t4(&sorted, QAbstractItemModelTester::FailureReportingMode::QtTest);
        sorted.sort(ui::OffenderTableModel::TotalMs, Qt::DescendingOrder);
        QVERIFY(b.finishJob("tester-a").ok());
        QVERIFY(b.evictAssets("tester-asset").ok());
        QVERIFY(p.reset().ok());
    }

    void limitAppliedInEditorIsWhatApiReturns()
    {
        ui::LimitsEditor *editor = page_->limitsEditor();
        editor->field(u"max_running_jobs"_s)->setValue(5);
        editor->field(u"max_cpu_percent"_s)->setValue(75);
        QVERIFY(editor->isEdited());
        QVERIFY2(editor->apply(), qPrintable(editor->errorText()));
        const Reply r = http(u"GET"_s, api(u"/budgets"_s));
        QCOMPARE(r.status, 200);
        const QJsonObject limits = r.body[u"limits"_s].toObject();
        QCOMPARE(limits[u"max_running_jobs"_s].toInt(), 5);
        QCOMPARE(limits[u"max_cpu_percent"_s].toDouble(), 75.0);
        // The gauges follow at once, without waiting for the next evaluation.
        QCOMPARE(page_->gauge(ui::BudgetsPage::Gauge::RunningJobs)->limit(), 5.0);
        QCOMPARE(page_->gauge(ui::BudgetsPage::Gauge::Cpu)->limit(), 75.0);

        // Applied elsewhere (the API): the editor shows it within the coalescing delay.
        QCOMPARE(http(u"POST"_s, api(u"/budgets/apply"_s), {{u"max_queue_depth"_s, 17}}).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(editor->field(u"max_queue_depth"_s)->value(), 17.0, 5000);

        // Revert drops an unapplied edit; Reset to defaults restores the defaults.
        editor->field(u"max_running_jobs"_s)->setValue(9);
        editor->revert();
        QCOMPARE(editor->field(u"max_running_jobs"_s)->value(), 5.0);
        QVERIFY(editor->resetToDefaults());
        QCOMPARE(http(u"GET"_s, api(u"/budgets"_s)).body[u"limits"_s].toObject()[u"max_running_jobs"_s].toInt(),
                 service_->service().budgets().defaultLimits().maxRunningJobs);
    }

    void jobOverMemoryLimitIsRedAndDelayed()
    {
        // The host uses far more than 1 MB: the memory gauge is red and a job that asks
        // for memory waits, with the reason in the table. The CPU limit at its top, so a
        // host busy with other suites (CI runs them in parallel) is not the reason instead.
        QCOMPARE(http(u"POST"_s, api(u"/budgets/apply"_s), {{u"max_mem_mb"_s, 1}, {u"max_cpu_percent"_s, 100}}).status,
                 200);
        const QJsonObject job{{u"job_id"_s, u"render-42"_s},
                              {u"job_type"_s, u"render"_s},
                              {u"payload"_s, QJsonObject{{u"perf"_s, QJsonObject{{u"ram_mb"_s, 512}}}}}};
        QCOMPARE(http(u"POST"_s, api(u"/budgets/jobs/register"_s), job).status, 200);
        QCOMPARE(http(u"POST"_s, api(u"/budgets/jobs/start"_s), {{u"job_id"_s, u"render-42"_s}}).status, 200);
        ui::GaugeWidget *memory = page_->gauge(ui::BudgetsPage::Gauge::Memory);
        QTRY_COMPARE_WITH_TIMEOUT(int(memory->level()), int(ui::GaugeWidget::Level::Over), 5000);
        QCOMPARE(memory->limit(), 1.0);
        ui::JobTableModel *jobs = page_->jobs();
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(*jobs, u"render-42"_s) >= 0, 5000);
        const int row = rowOf(*jobs, u"render-42"_s);
        QCOMPARE(jobs->index(row, ui::JobTableModel::State).data().toString(), u"delayed"_s);
        const QString reason = jobs->index(row, ui::JobTableModel::Reason).data().toString();
        QVERIFY2(reason.contains(u"max_mem_mb"_s), qPrintable(reason));
        QCOMPARE(jobs->index(row, ui::JobTableModel::RamHint).data(ui::SnapshotTableModel::SortRole).toDouble(), 512.0);
        QVERIFY(service_->service().budgets().finishJob("render-42").ok());
        QVERIFY(service_->service().budgets().resetLimits().ok());
    }

    void assetEvictedFromTableIsGoneFromApi()
    {
        for (const auto &[id, mb] : {std::pair{u"tex/rock"_s, 120}, std::pair{u"mesh/tree"_s, 40}}) {
            QCOMPARE(
                http(u"POST"_s, api(u"/budgets/assets/register"_s), {{u"asset_id"_s, id}, {u"size_mb"_s, mb}}).status,
                200);
        }
        QTRY_COMPARE_WITH_TIMEOUT(page_->assets()->rowCount(), 2, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(page_->gauge(ui::BudgetsPage::Gauge::LazyAssets)->value(), 160.0, 5000);
        page_->tabs()->setCurrentIndex(2);
        auto *view = page_->findChild<QTableView *>(u"assets"_s);
        QVERIFY(view);
        const QModelIndex source = page_->assets()->index(rowOf(*page_->assets(), u"tex/rock"_s), 0);
        const auto *sorted = qobject_cast<const QSortFilterProxyModel *>(view->model());
        view->selectionModel()->select(sorted->mapFromSource(source),
                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        page_->evictSelected();
        const QJsonArray left = http(u"GET"_s, api(u"/budgets"_s)).body[u"assets"_s].toObject()[u"items"_s].toArray();
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.first()[u"asset_id"_s].toString(), u"mesh/tree"_s);
        QCOMPARE(page_->assets()->rowCount(), 1);
        QCOMPARE(page_->gauge(ui::BudgetsPage::Gauge::LazyAssets)->value(), 40.0);
    }

    void dashboardFollowsPostedSpans()
    {
        QVERIFY(service_->service().profiler().reset().ok());
        for (int i = 0; i < 5; ++i)
            QCOMPARE(http(u"POST"_s, api(u"/profiler/span"_s),
                          {{u"name"_s, u"render"_s}, {u"category"_s, u"render"_s}, {u"duration_ms"_s, 40}})
                         .status,
                     200);
        QCOMPARE(
            http(u"POST"_s, api(u"/profiler/span"_s),
                 {{u"name"_s, u"load"_s}, {u"category"_s, u"io"_s}, {u"duration_ms"_s, 10}, {u"mem_delta_mb"_s, 8}})
                .status,
            200);
        QCOMPARE(http(u"POST"_s, api(u"/profiler/mark"_s), {{u"name"_s, u"ready"_s}, {u"category"_s, u"app"_s}}).status,
                 200);
        ui::DashboardView *d = page_->dashboard();
        QTRY_COMPARE_WITH_TIMEOUT(d->totalsText(), u"1 marks, 6 spans"_s, 5000);
        const int render = rowOf(*d->model(), u"render/render"_s);
        QVERIFY(render >= 0);
        QCOMPARE(d->model()->index(render, ui::OffenderTableModel::Count).data().toString(), u"5"_s);
        QCOMPARE(d->model()
                     ->index(render, ui::OffenderTableModel::TotalMs)
                     .data(ui::SnapshotTableModel::SortRole)
                     .toDouble(),
                 200.0);
        // Top by time: render first; top by memory: load first.
        QCOMPARE(d->sortedModel()->index(0, 0).data().toString(), u"render"_s);
        d->findChild<QComboBox *>(u"offender-order"_s)->setCurrentIndex(1);
        QCOMPARE(d->sortedModel()->index(0, 0).data().toString(), u"load"_s);
        // The pie: render 200 ms of 210.
        QCOMPARE(d->categorySeries()->count(), 2);
        QCOMPARE(d->categorySeries()->sum(), 0.21);
        d->reset();
        QCOMPARE(d->model()->rowCount(), 0);
        QCOMPARE(http(u"GET"_s, api(u"/profiler/dashboard"_s)).body[u"top_time"_s].toArray().size(), 0);
    }

    void vramHiddenWithReasonWithoutNvml()
    {
        if (service_->service().budgets().metrics().vramUsedMb)
            QSKIP("this machine has NVML: the VRAM gauge is shown");
        QVERIFY(page_->gauge(ui::BudgetsPage::Gauge::Vram)->isHidden());
        QVERIFY2(page_->vramReason().startsWith(u"VRAM not measured: "_s) && page_->vramReason().size() > 20,
                 qPrintable(page_->vramReason()));
    }

    void turnOnWritesTheSwitchAndLegacyKeys()
    {
        const QString path = dir_.filePath(u"off/config.json"_s);
        writeConfig(path, false);
        ui::WorkbenchService off(ui::WorkbenchService::Options{path.toStdString(), {}, false});
        ui::BudgetsPage page(off);
        auto *banner = page.findChild<QLabel *>(u"budgets-banner"_s);
        QVERIFY(!banner->isHidden());
        QVERIFY2(banner->text().contains(u"features.enable_perf"_s), qPrintable(banner->text()));
        page.findChild<QPushButton *>(u"budgets-turn-on"_s)->click();
        const QJsonObject features = readConfig(path)[u"features"_s].toObject();
        QCOMPARE(features[u"enable_perf"_s].toBool(), true);
        QCOMPARE(features[u"enable_perf_budgets"_s].toBool(), true);
        QCOMPARE(features[u"enable_perf_profiler_dashboard"_s].toBool(), true);
        QVERIFY(banner->isHidden());
        QVERIFY(off.service().flags().budgetsEnabled());
    }

    void settingsDialogMovesTheApi()
    {
        // A free port: bound and released.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        ui::SettingsDialog dialog(*service_);
        dialog.port()->setValue(port);
        dialog.runLabel()->setText(u"nightly"_s);
        QVERIFY2(dialog.apply(), qPrintable(dialog.errorText()));
        QCOMPARE(service_->url(), u"http://127.0.0.1:%1"_s.arg(port));
        QCOMPARE(http(u"GET"_s, api(u"/health"_s)).status, 200);
        const QJsonObject saved = readConfig(config_);
        QCOMPARE(saved[u"server"_s].toObject()[u"port"_s].toInt(), int(port));
        QCOMPARE(saved[u"gui"_s].toObject()[u"run_label"_s].toString(), u"nightly"_s);

        // A port in use is refused before anything is saved; the service stays where it was.
        QTcpServer busy;
        QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
        dialog.port()->setValue(busy.serverPort());
        QVERIFY(!dialog.apply());
        QVERIFY2(dialog.errorText().contains(u"cannot listen"_s), qPrintable(dialog.errorText()));
        QCOMPARE(readConfig(config_)[u"server"_s].toObject()[u"port"_s].toInt(), int(port));
        QCOMPARE(service_->url(), u"http://127.0.0.1:%1"_s.arg(port));
        // A label with '/' is refused.
        dialog.port()->setValue(port);
        dialog.runLabel()->setText(u"a/b"_s);
        QVERIFY(!dialog.apply());
        QVERIFY(dialog.errorText().contains(u"'/'"_s));
    }

    void settingsDefaultsReachTheRecordDialog()
    {
        // Settings… writes gui.output_dir and gui.run_label to perfwb's config file; the
        // Record dialog takes them as its defaults (FIL_PERF_OUTPUT_DIR is unset here).
        writeConfig(dir_.filePath(u"xdg/perfwb/config.json"_s), true);
        qunsetenv("FIL_PERF_OUTPUT_DIR");
        ui::MainWindow window;
        ui::SettingsDialog dialog(window.servicePanels()->service());
        const QString out = dir_.filePath(u"gui-out"_s);
        dialog.outputDir()->setText(out);
        dialog.runLabel()->setText(u"nightly"_s);
        QVERIFY2(dialog.apply(), qPrintable(dialog.errorText()));
        ui::RecordDialog record;
        record.setCommand(u"/bin/true"_s);
        const record::RecordOptions options = record.options();
        QCOMPARE(QString::fromStdString(options.label), u"nightly"_s);
        QVERIFY2(QString::fromStdString(options.outputPath).startsWith(out + u"/nightly-profile"_s),
                 options.outputPath.c_str());
        // A typed label still wins.
        record.setLabel(u"mine"_s);
        QCOMPARE(QString::fromStdString(record.options().label), u"mine"_s);
    }

    void renderScreenshots()
    {
        auto &b = service_->service().budgets();
        QVERIFY(b.applyLimits({{u"max_running_jobs"_s, 2}}).ok());
        for (const char *id : {"shot-1", "shot-2", "shot-3"}) {
            QVERIFY(
                b.registerJob(QJsonObject{{u"job_id"_s, QLatin1String(id)},
                                          {u"job_type"_s, u"render"_s},
                                          {u"payload"_s, QJsonObject{{u"perf"_s, QJsonObject{{u"ram_mb"_s, 256}}}}}})
                    .ok());
            QVERIFY(b.startJob(id).ok());
        }
        auto &p = service_->service().profiler();
        for (int i = 0; i < 12; ++i)
            p.recordSpan("render_frame", "render", 30 + i, std::nullopt);
        p.recordSpan("load_textures", "io", 120, 64.0);
        p.recordSpan("upload", "gpu", 45, 12.0);
        page_->refreshBudgets();
        page_->dashboard()->refresh();
        const QString outDir = QCoreApplication::applicationDirPath() + u"/screenshots"_s;
        QVERIFY(QDir().mkpath(outDir));
        for (const auto &[tab, name] : {std::pair{1, u"budgets-gauges.png"_s}, std::pair{0, u"limits-editor.png"_s},
                                        std::pair{3, u"profiler-dashboard.png"_s}}) {
            page_->tabs()->setCurrentIndex(tab);
            QTest::qWait(50);
            const QImage image = page_->grab().toImage();
            QSet<QRgb> colours;
            for (int y = 0; y < image.height(); y += 4)
                for (int x = 0; x < image.width(); x += 4)
                    colours.insert(image.pixel(x, y));
            QVERIFY2(colours.size() > 20, qPrintable(name));
            QVERIFY(image.save(outDir + u"/"_s + name));
        }
    }

    void guiRecordingReceivesTheProgramsMarks()
    {
        // The main window runs the service (config from XDG_CONFIG_HOME, set above) and
        // hands PERFWB_API_URL to the program it records: the demo's spans and mark land in
        // the recording and on the dashboard, its job in the budget manager.
        writeConfig(dir_.filePath(u"xdg/perfwb/config.json"_s), true);
        ui::MainWindow window;
        ui::ServicePanels *panels = window.servicePanels();
        QVERIFY2(panels->service().isListening(), qPrintable(panels->service().listenError()));
        QAction *toggle = window.action(u"view-budgets"_s);
        QVERIFY(toggle);
        window.show();
        toggle->trigger();
        QVERIFY(panels->budgetsDock()->isVisible());
        record::RecordOptions options;
        options.command = {PERFWB_WORKLOAD_DIR "/apiclient_demo"};
        options.label = "gui-api";
        options.outputPath = dir_.filePath(u"gui-api.perfwb"_s).toStdString();
        QSignalSpy finished(&window, &ui::MainWindow::recordingFinished);
        QSignalSpy failed(&window, &ui::MainWindow::errorShown);
        window.startRecording(options);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 60000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.first().first().toString()));
        const auto profile = window.currentView()->document()->profile();
        int render = 0;
        int ready = 0;
        for (const auto &m : profile->marks) {
            render += m.name == "render" ? 1 : 0;
            ready += m.name == "ready" ? 1 : 0;
        }
        QCOMPARE(render, 5);
        QCOMPARE(ready, 1);
        ui::DashboardView *d = panels->budgetsPage()->dashboard();
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(*d->model(), u"render/render"_s) >= 0, 5000);
        QCOMPARE(panels->service().service().budgets().queueCounts().finished, 1u);
        window.currentView()->document()->setDirty(false);
    }

    void guiRecordingMarksABudgetCrossing()
    {
        // Any process uses more than 1 MB: the recording's RSS gauge goes red and the
        // crossing is a mark of the report, once, on the samples' clock.
        ui::MainWindow window;
        ui::ServicePanels *panels = window.servicePanels();
        QVERIFY(panels->service().service().budgets().applyLimits({{u"max_mem_mb"_s, 1}}).ok());
        record::RecordOptions options;
        options.command = {PERFWB_WORKLOAD_DIR "/cpusplit", "600"};
        options.label = "gui-budget";
        options.outputPath = dir_.filePath(u"gui-budget.perfwb"_s).toStdString();
        QSignalSpy finished(&window, &ui::MainWindow::recordingFinished);
        QSignalSpy failed(&window, &ui::MainWindow::errorShown);
        window.startRecording(options);
        ui::ReportView *view = window.currentView();
        QVERIFY(view->headerWidget() != nullptr);
        // The strip says that it records, for how long and how many samples came.
        auto *indicator = view->headerWidget()->findChild<ui::RecordingIndicator *>();
        QVERIFY(indicator);
        QTRY_VERIFY_WITH_TIMEOUT(indicator->text().contains(u"Recording 0:0"_s), 5000);
        QVERIFY(view->document()->isLive());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 60000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.first().first().toString()));
        QTRY_VERIFY_WITH_TIMEOUT(view->headerWidget() == nullptr, 5000);
        QVERIFY(!view->document()->isLive());
        const auto profile = view->document()->profile();
        QStringList crossings;
        for (const auto &m : profile->marks) {
            if (m.category == "budget")
                crossings << QString::fromStdString(m.name);
        }
        QCOMPARE(crossings.size(), 1);
        QVERIFY2(crossings.first().startsWith(u"over max_mem_mb: "_s) && crossings.first().endsWith(u" > 1 MB"_s),
                 qPrintable(crossings.first()));
        const auto mark = std::find_if(profile->marks.begin(), profile->marks.end(),
                                       [](const model::Mark &m) { return m.category == "budget"; });
        // On the samples' clock: within a second of the recorded samples.
        QVERIFY(!profile->samples.empty());
        const std::int64_t first = profile->samples.time(0);
        const std::int64_t last = profile->samples.time(profile->samples.size() - 1);
        QVERIFY2(mark->startNs > first - 1'000'000'000 && mark->startNs < last + 1'000'000'000,
                 qPrintable(u"%1 not in %2..%3"_s.arg(mark->startNs).arg(first).arg(last)));
        // Listed in the Summary, in perfwb info and in the HTML export.
        QTRY_VERIFY_WITH_TIMEOUT(view->document()->analysis() && !view->document()->isAnalysing(), 30000);
        QVERIFY2(view->summary()->field(u"Budget crossings"_s).startsWith(crossings.first()),
                 qPrintable(view->summary()->field(u"Budget crossings"_s)));
        const QString report = QString::fromStdString(options.outputPath);
        QProcess info;
        info.start(QStringLiteral(PERFWB_BINARY), {u"info"_s, u"--json"_s, report});
        QVERIFY(info.waitForFinished(60000));
        const QJsonArray listed =
            QJsonDocument::fromJson(info.readAllStandardOutput()).object()[u"budget_crossings"_s].toArray();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first()[u"name"_s].toString(), crossings.first());
        info.start(QStringLiteral(PERFWB_BINARY), {u"info"_s, report});
        QVERIFY(info.waitForFinished(60000));
        const QString text = QString::fromUtf8(info.readAllStandardOutput());
        QVERIFY2(text.contains(u"budget crossings: 1"_s) && text.contains(crossings.first()), qPrintable(text));
        const QString html = dir_.filePath(u"gui-budget.html"_s);
        info.start(QStringLiteral(PERFWB_BINARY), {u"export"_s, u"--to"_s, u"html"_s, u"-o"_s, html, report});
        QVERIFY(info.waitForFinished(60000));
        QCOMPARE(info.exitCode(), 0);
        QFile page(html);
        QVERIFY(page.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(page.readAll()).contains(crossings.first()));
        view->document()->setDirty(false);
    }

    void cleanupTestCase()
    {
        page_.reset();
        service_.reset();
    }
};

QTEST_MAIN(TestBudgetsPage)
#include "tst_budgetspage.moc"
