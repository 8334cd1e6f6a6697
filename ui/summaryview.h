// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QWidget>

#include <memory>
#include <string>
#include <vector>

class QTextBrowser;

namespace perfwb::ui {

struct ReportAnalysis;

// The first page of a report: what ran and where (an imported perf.data's host,
// kernel, CPU and perf version), the importer's warnings, for how long, how many
// samples (and how many were lost), threads, the heaviest functions (an inlined one
// once per caller it was inlined into) and the peak of every timeline.
class SummaryView : public QWidget {
    Q_OBJECT
public:
    explicit SummaryView(QWidget *parent = nullptr);
    void setAnalysis(std::shared_ptr<const ReportAnalysis> analysis);

    // The text of one field by its label ("Samples", "Peak RSS", ...), empty if absent.
    QString field(const QString &label) const;
    // "name|self %" of the top functions, heaviest first (for tests and copy); an
    // inlined function once per caller: "spin_for (inlined in hot_70)|66.12".
    QStringList topFunctions() const;

Q_SIGNALS:
    void functionActivated(quint32 function);

private:
    void render();
    void addRunFields();
    void addRecordingFields();
    void addMissedSamples(); // per thread, by its CPU time
    QString topFunctionsHtml();
    void add(const QString &label, const QString &value);
    static QString peakLabel(const std::string &timeline);

    QTextBrowser *text_;
    std::shared_ptr<const ReportAnalysis> analysis_;
    std::vector<std::pair<QString, QString>> fields_;
    QStringList top_;
};

} // namespace perfwb::ui
