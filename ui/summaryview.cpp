// SPDX-License-Identifier: GPL-3.0-or-later
#include "summaryview.h"
#include "qstrings.h"

#include "reportdocument.h"

#include <QDateTime>
#include <QLocale>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

namespace perfwb::ui {

namespace {
QString formatDuration(std::int64_t ns)
{
    if (ns <= 0)
        return QObject::tr("unknown");
    const double s = static_cast<double>(ns) / 1e9;
    if (s < 1)
        return QObject::tr("%1 ms").arg(static_cast<double>(ns) / 1e6, 0, 'f', 1);
    if (s < 120)
        return QObject::tr("%1 s").arg(s, 0, 'f', 2);
    return QObject::tr("%1 min %2 s").arg(static_cast<qint64>(s) / 60).arg(static_cast<qint64>(s) % 60);
}

QString formatValue(double value, const std::string &unit)
{
    if (unit == "bytes")
        return QLocale().formattedDataSize(static_cast<qint64>(value), 1, QLocale::DataSizeIecFormat);
    if (unit == "count" || unit.empty())
        return QLocale().toString(value);
    if (unit == model::timelines::kPercent)
        return QStringLiteral("%1 %").arg(value, 0, 'f', 1);
    return QString::number(value) + (unit.empty() ? QString() : QLatin1Char(' ') + QString::fromStdString(unit));
}

// One line for a report recorded with allocation tracking; empty without it.
QString allocationTotals(const model::AllocationTable &table)
{
    if (table.size() == 0)
        return {};
    model::AllocationStats total;
    for (const auto &s : table.stats)
        total.add(s);
    const QLocale locale;
    const auto bytes = [](std::uint64_t b) { return formatValue(static_cast<double>(b), "bytes"); };
    return SummaryView::tr("%1 calls, %2; leaked %3 in %4 blocks; %5 temporary")
        .arg(locale.toString(static_cast<qulonglong>(total.calls)), bytes(total.bytes), bytes(total.leakedBytes),
             locale.toString(static_cast<qulonglong>(total.leakedBlocks)),
             locale.toString(static_cast<qulonglong>(total.temporary)));
}
} // namespace

SummaryView::SummaryView(QWidget *parent)
    : QWidget(parent)
    , text_(new QTextBrowser(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(text_);
    text_->setOpenLinks(false);
    connect(text_, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("function"))
            Q_EMIT functionActivated(url.path().toUInt());
    });
}

void SummaryView::setAnalysis(std::shared_ptr<const ReportAnalysis> analysis)
{
    analysis_ = std::move(analysis);
    render();
}

QString SummaryView::field(const QString &label) const
{
    for (const auto &[key, value] : fields_)
        if (key == label)
            return value;
    return {};
}

QStringList SummaryView::topFunctions() const
{
    return top_;
}

void SummaryView::render()
{
    fields_.clear();
    top_.clear();
    if (!analysis_) {
        text_->setHtml(tr("<p>Analysing…</p>"));
        return;
    }
    addRunFields();
    addRecordingFields();
    QString html =
        QStringLiteral("<h2>%1</h2><table cellspacing='2' cellpadding='4'>").arg(tr("Summary").toHtmlEscaped());
    for (const auto &[k, v] : fields_)
        html += QStringLiteral("<tr><td valign='top'><b>%1</b></td><td>%2</td></tr>")
                    .arg(k.toHtmlEscaped(), v.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    html += QStringLiteral("</table>");
    html += topFunctionsHtml();
    text_->setHtml(html);
}

// What ran, where, and what the importer had to say about it.
void SummaryView::addRunFields()
{
    const auto &p = *analysis_->profile;
    const auto &meta = p.meta;
    QStringList command;
    for (const auto &arg : meta.commandLine)
        command << QString::fromStdString(arg);
    const QLocale locale;
    add(tr("Command"), command.isEmpty() ? tr("unknown") : command.join(QLatin1Char(' ')));
    if (!meta.runLabel.empty())
        add(tr("Run label"), QString::fromStdString(meta.runLabel));
    if (!meta.host.empty())
        add(tr("Host"), QString::fromStdString(meta.host));
    // The facts perf keeps in a perf.data header (docs/formats.md).
    const auto extra = [&](const char *key) {
        const auto it = meta.extra.find(key);
        return it == meta.extra.end() ? QString() : QString::fromStdString(it->second);
    };
    if (const QString kernel = extra("perf.os_release"); !kernel.isEmpty())
        add(tr("Kernel"), extra("perf.arch").isEmpty() ? kernel : tr("%1 (%2)").arg(kernel, extra("perf.arch")));
    if (const QString cpu = extra("perf.cpu"); !cpu.isEmpty())
        add(tr("CPU"), cpu);
    const QString online = extra("perf.cpus_online");
    const QString available = extra("perf.cpus_available");
    if (!online.isEmpty())
        add(tr("CPUs"),
            online == available || available.isEmpty() ? online : tr("%1 online, %2 available").arg(online, available));
    if (const QString version = extra("perf.version"); !version.isEmpty())
        add(tr("perf version"), version);
    if (!meta.sourceFormat.empty())
        add(tr("Source"), QString::fromStdString(meta.sourceFormat));
    QStringList warnings;
    for (const auto &w : meta.importWarnings())
        warnings << QString::fromStdString(w);
    if (!warnings.isEmpty())
        add(tr("Import warnings"), warnings.join(QLatin1Char('\n')));
}

// How long it ran, how it was sampled, what the timelines peaked at.
void SummaryView::addRecordingFields()
{
    const auto &p = *analysis_->profile;
    const auto &meta = p.meta;
    const QLocale locale;
    if (meta.startTimeUnixNs > 0)
        add(tr("Started"),
            locale.toString(QDateTime::fromMSecsSinceEpoch(meta.startTimeUnixNs / 1000000), QLocale::ShortFormat));
    const auto duration = p.durationOrSampleSpanNs();
    add(tr("Duration"), formatDuration(duration));
    if (meta.exited)
        add(tr("Exit status"),
            meta.exitSignal ? tr("killed by signal %1").arg(meta.exitSignal) : tr("exit code %1").arg(meta.exitCode));
    add(tr("Samples"), locale.toString(static_cast<qulonglong>(p.sampleCount())));
    add(tr("Lost samples"), locale.toString(static_cast<qulonglong>(meta.lostSamples)));
    addMissedSamples();
    if (meta.sampler.frequencyHz > 0)
        add(tr("Sampling"),
            tr("%1, %2 Hz, call graph: %3")
                .arg(QString::fromStdString(meta.sampler.event))
                .arg(meta.sampler.frequencyHz)
                .arg(meta.sampler.callGraph.empty() ? tr("none") : QString::fromStdString(meta.sampler.callGraph)));
    // A profile of several events shows one (ReportDocument): say which, and of what.
    if (const auto it = meta.extra.find("events"); it != meta.extra.end())
        add(tr("Events"), tr("%1; this page shows %2 (each event is its own cost)")
                              .arg(QString::fromStdString(it->second), QString::fromStdString(meta.sampler.event)));
    add(tr("Threads"), locale.toString(static_cast<qulonglong>(p.threads().size())));
    if (!analysis_->filter.isEmpty())
        add(tr("In selection"), tr("%1 samples (weight %2)")
                                    .arg(locale.toString(static_cast<qulonglong>(analysis_->weights.sampleCount)))
                                    .arg(locale.toString(static_cast<qulonglong>(analysis_->weights.total))));
    // Every timeline shows its peak: RSS and CPU from recording, heap in use once
    // allocation tracking fills one, so the page lights up without changes here.
    for (const auto &tl : p.timelines) {
        if (tl.points.empty())
            continue;
        const auto peak = std::max_element(tl.points.begin(), tl.points.end(),
                                           [](const auto &a, const auto &b) { return a.value < b.value; });
        add(peakLabel(tl.name), formatValue(peak->value, tl.unit));
    }
    if (const QString allocations = allocationTotals(p.allocations); !allocations.isEmpty())
        add(tr("Allocations"), allocations);
    QStringList crossings;
    for (const model::Mark &m : p.marks) {
        if (m.category == model::kBudgetMarkCategory)
            crossings
                << tr("%1 at %2").arg(QString::fromStdString(m.name), formatDuration(m.startNs - p.firstSampleTime()));
    }
    if (!crossings.isEmpty())
        add(tr("Budget crossings"), crossings.join(QStringLiteral("; ")));
    if (meta.weightUnit != model::WeightKind::Samples)
        add(tr("Weight unit"), qs(meta.weightUnit.name()));
}

QString SummaryView::peakLabel(const std::string &timeline)
{
    if (timeline == model::timelines::kRss)
        return tr("Peak RSS");
    if (timeline == model::timelines::kCpu)
        return tr("Peak CPU");
    if (timeline == model::timelines::kHeap)
        return tr("Peak heap");
    if (timeline == model::timelines::kPss)
        return tr("Peak PSS");
    if (timeline == model::timelines::kThreads)
        return tr("Peak threads");
    return tr("Peak %1").arg(QString::fromStdString(timeline));
}

// The heaviest functions by self weight, a function inlined into several callers once
// per caller (analysis::TopFunctions).
QString SummaryView::topFunctionsHtml()
{
    QString html = QStringLiteral("<h3>%1</h3>").arg(tr("Top functions (self)").toHtmlEscaped());
    html += QStringLiteral("<table cellspacing='2' cellpadding='4'><tr><th align='right'>%1</th><th "
                           "align='right'>%2</th><th align='left'>%3</th><th align='left'>%4</th></tr>")
                .arg(tr("Self %"), tr("Total %"), tr("Function"), tr("Module"));
    const auto &top = analysis_->top;
    const auto &functions = *analysis_->functions;
    const auto pct = [&](std::uint64_t w) {
        return top.grandTotal ? 100.0 * static_cast<double>(w) / static_cast<double>(top.grandTotal) : 0.0;
    };
    const std::size_t shown = std::min<std::size_t>(top.entries.size(), 15);
    for (std::size_t i = 0; i < shown; ++i) {
        const auto &e = top.entries[i];
        QString name = qs(functions.name(e.function));
        if (e.inlined)
            name = e.inlinedInto == analysis::TopFunctions::kNoFunction
                       ? tr("%1 (inlined)").arg(name)
                       : tr("%1 (inlined in %2)").arg(name, qs(functions.name(e.inlinedInto)));
        top_ << QStringLiteral("%1|%2").arg(name).arg(pct(e.self), 0, 'f', 2);
        html += QStringLiteral("<tr><td align='right'>%1</td><td align='right'>%2</td><td><a "
                               "href='function:%3'>%4</a></td><td>%5</td></tr>")
                    .arg(pct(e.self), 0, 'f', 2)
                    .arg(pct(e.total), 0, 'f', 2)
                    .arg(e.function)
                    .arg(name.toHtmlEscaped(), qs(functions.module(e.function)).toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    if (top.entries.empty())
        html += tr("<p>No samples in the current selection.</p>");
    return html;
}

void SummaryView::addMissedSamples()
{
    // The kernel loses samples per CPU ring; each thread's CPU time says whose they were.
    const auto &p = *analysis_->profile;
    const auto missed = model::missedSamples(p.threads(), p.meta.sampler.frequencyHz);
    if (missed.counted == 0)
        return;
    const QLocale locale;
    QString text = tr("%1 in %2 of %3 threads with a CPU time")
                       .arg(locale.toString(static_cast<qulonglong>(missed.total)))
                       .arg(locale.toString(static_cast<qulonglong>(missed.threadsMissing)))
                       .arg(locale.toString(static_cast<qulonglong>(missed.counted)));
    std::vector<std::size_t> order;
    for (std::size_t t = 0; t < missed.perThread.size(); ++t) {
        if (missed.perThread[t].value_or(0) > 0)
            order.push_back(t);
    }
    const std::size_t shown = std::min<std::size_t>(order.size(), 3);
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(shown), order.end(),
                      [&](std::size_t a, std::size_t b) { return *missed.perThread[a] > *missed.perThread[b]; });
    QStringList most;
    for (std::size_t i = 0; i < shown; ++i) {
        const auto &t = p.threads()[order[i]];
        most << tr("%1 (TID %2): %3")
                    .arg(qs(p.strings.view(t.name)))
                    .arg(t.tid)
                    .arg(locale.toString(static_cast<qulonglong>(*missed.perThread[order[i]])));
    }
    if (!most.isEmpty())
        text += QStringLiteral("; ") + tr("most: %1").arg(most.join(QStringLiteral(", ")));
    add(tr("Missed samples"), text);
}

void SummaryView::add(const QString &label, const QString &value)
{
    fields_.emplace_back(label, value);
}

} // namespace perfwb::ui
