#pragma once

#include "core/Preferences.h"

#include <QColor>
#include <QObject>
#include <QPalette>
#include <QString>

namespace ops {

// System / light / dark, switched at run time.
//
//  - System: the style and palette the application started with.
//  - Light:  Fusion with Fusion's own palette.
//  - Dark:   Fusion with darkPalette(), whose every text role has at least 4.5:1 on its background.
//
// Pages colour some words with style sheets ("color: #b71c1c" for an error). Those colours are
// chosen for a light window, so while a theme is applied every widget style sheet that sets a text
// colour but no background is adapted: a colour with less than 4.5:1 against the palette's Window,
// Base and AlternateBase is replaced by the nearest colour of the same hue that has it (lighter on
// a dark palette, darker on a light one; colours lighter than mid-grey are left alone on a light
// palette, as they sit on backgrounds the widget paints itself). The page's own style sheet is
// kept and restored when the theme changes back; pages need not know about themes.
class Theme final : public QObject
{
    Q_OBJECT

public:
    static constexpr double MinimumContrast = 4.5; // WCAG 2 AA for normal text

    // Applies `mode` to the running application (a QApplication must exist).
    static void apply(Preferences::Theme mode);
    [[nodiscard]] static Preferences::Theme current();
    // Emits applied() after every apply().
    [[nodiscard]] static Theme *instance();

    [[nodiscard]] static QPalette darkPalette();
    [[nodiscard]] static QPalette lightPalette();
    [[nodiscard]] static bool isDark(const QPalette &palette);

    // WCAG 2 relative luminance and contrast ratio (1 … 21).
    [[nodiscard]] static double luminance(const QColor &colour);
    [[nodiscard]] static double contrast(const QColor &a, const QColor &b);
    // The smallest contrast of `text` against the palette's Window, Base and AlternateBase.
    [[nodiscard]] static double contrastOn(const QColor &text, const QPalette &palette);
    // `text`, or the nearest colour of its hue with MinimumContrast on `palette` (see above).
    [[nodiscard]] static QColor readableOn(const QColor &text, const QPalette &palette);
    // A widget style sheet with its text colours made readable on `palette` (see above).
    [[nodiscard]] static QString adaptStyleSheet(const QString &styleSheet, const QPalette &palette);

signals:
    void applied(ops::Preferences::Theme mode);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit Theme(QObject *parent = nullptr);
    void adapt(QWidget *widget);
    void adaptAll();
};

} // namespace ops
