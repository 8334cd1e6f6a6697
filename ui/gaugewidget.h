// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QString>
#include <QWidget>

#include <deque>

namespace perfwb::ui {

// One budget gauge: a value against its limit, readable at a glance. The bar is green
// below 80 % of the limit, amber from 80 to 100 %, red above; the text says value,
// limit and unit; a sparkline shows the last kHistorySeconds. Without a limit (0) the
// bar is grey and says "no limit".
class GaugeWidget : public QWidget {
    Q_OBJECT
public:
    enum class Level { None, Ok, Warning, Over };
    static constexpr double kWarningRatio = 0.8;
    static constexpr int kHistorySeconds = 300;

    GaugeWidget(QString title, QString unit, int decimals, QWidget *parent = nullptr);

    // Adds a point to the sparkline at `atMs` (milliseconds, any steady clock).
    void setValue(double value, double limit, qint64 atMs);
    double value() const { return value_; }
    double limit() const { return limit_; }
    Level level() const { return levelOf(value_, limit_); }
    QString valueText() const; // "812 / 800 MB", for the tooltip and tests
    static Level levelOf(double value, double limit);
    static QColor colorOf(Level level);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void paintSparkline(QPainter &p, const QRectF &area) const;

    QString title_;
    QString unit_;
    int decimals_;
    double value_ = 0;
    double limit_ = 0;
    struct Point {
        qint64 atMs;
        double value;
    };
    std::deque<Point> history_;
};

} // namespace perfwb::ui
