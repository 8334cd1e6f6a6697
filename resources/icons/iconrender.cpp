// SPDX-License-Identifier: GPL-3.0-or-later
// Build-time tool: renders the scalable icon into the fixed-size PNGs the hicolor theme
// wants (menus and docks that do not draw SVG pick these), so the PNGs never drift from
// the SVG and no generated image is committed.
//   perfwb_iconrender ICON.svg OUT_DIR SIZE...
// writes OUT_DIR/SIZExSIZE/apps/perfwb.png for each size.
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char **argv)
{
    if (argc < 4) {
        std::fprintf(stderr, "usage: perfwb_iconrender ICON.svg OUT_DIR SIZE...\n");
        return 2;
    }
    qputenv("QT_QPA_PLATFORM", "offscreen"); // runs in builds without a display
    const QGuiApplication app(argc, argv);
    QSvgRenderer svg(QString::fromLocal8Bit(argv[1]));
    if (!svg.isValid()) {
        std::fprintf(stderr, "perfwb_iconrender: %s is not a valid SVG file\n", argv[1]);
        return 1;
    }
    const QString outDir = QString::fromLocal8Bit(argv[2]);
    for (int i = 3; i < argc; ++i) {
        bool ok = false;
        const int size = QByteArray(argv[i]).toInt(&ok);
        if (!ok || size < 8 || size > 1024) {
            std::fprintf(stderr, "perfwb_iconrender: bad size '%s' (8 to 1024)\n", argv[i]);
            return 2;
        }
        const QString dir = QStringLiteral("%1/%2x%2/apps").arg(outDir).arg(size);
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        svg.render(&painter);
        painter.end();
        if (!QDir().mkpath(dir) || !image.save(dir + QStringLiteral("/perfwb.png"), "PNG")) {
            std::fprintf(stderr, "perfwb_iconrender: cannot write %s/perfwb.png\n", qPrintable(dir));
            return 1;
        }
    }
    return 0;
}
