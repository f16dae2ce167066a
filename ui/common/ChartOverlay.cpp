#include "common/ChartOverlay.h"

#include <QLabel>

#include <algorithm>

namespace ops::chartoverlay {

void setUp(QLabel *label)
{
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
}

void show(QLabel *label, Look look, const QString &text, int paddingPx)
{
    const QString padding = QStringLiteral(" padding: %1px;").arg(paddingPx);
    switch (look) {
    case Look::Neutral:
        label->setStyleSheet(QStringLiteral("QLabel { color: #424242; background: rgba(255,255,255,210);") + padding
                             + QStringLiteral(" }"));
        break;
    case Look::NoData:
        label->setStyleSheet(QStringLiteral("QLabel { color: #424242; background: rgba(245,245,245,235);"
                                            " border: 2px dashed #9e9e9e;")
                             + padding + QStringLiteral(" font-style: italic; }"));
        break;
    case Look::Failed:
        label->setStyleSheet(QStringLiteral("QLabel { color: #8e0000; background: rgba(255,235,238,240);"
                                            " border: 2px solid #c62828;")
                             + padding + QStringLiteral(" font-weight: bold; }"));
        break;
    }
    label->setText(text);
    label->show();
    label->raise();
}

void hide(QLabel *label)
{
    label->clear();
    label->hide();
}

void place(QLabel *label, const QRect &area, double fraction, int minWidth, int margin)
{
    if (label->isHidden())
        return;
    const int width = std::min(area.width() - 2 * margin, std::max(minWidth, int(area.width() * fraction)));
    const int height = std::min(area.height() - margin, label->heightForWidth(width));
    label->resize(std::max(100, width), std::max(30, height));
    label->move(area.center() - label->rect().center());
}

} // namespace ops::chartoverlay
