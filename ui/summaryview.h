#pragma once
#include <QWidget>

#include <memory>
#include <vector>

class QTextBrowser;

namespace perfwb::ui {

struct ReportAnalysis;

// The first page of a report: what ran, for how long, how many samples (and how
// many were lost), threads, the heaviest functions and the peak of every timeline
// (RSS, CPU, and heap once allocation tracking fills one).
class SummaryView : public QWidget {
    Q_OBJECT
public:
    explicit SummaryView(QWidget *parent = nullptr);
    void setAnalysis(std::shared_ptr<const ReportAnalysis> analysis);

    // The text of one field by its label ("Samples", "Peak RSS", ...), empty if absent.
    QString field(const QString &label) const;
    // "name|self %" of the top functions, heaviest first (for tests and copy).
    QStringList topFunctions() const;

Q_SIGNALS:
    void functionActivated(quint32 function);

private:
    void render();

    QTextBrowser *text_;
    std::shared_ptr<const ReportAnalysis> analysis_;
    std::vector<std::pair<QString, QString>> fields_;
    QStringList top_;
};

} // namespace perfwb::ui
