#include "shell/Theme.h"

#include <QApplication>
#include <QEvent>
#include <QRegularExpression>
#include <QStyle>
#include <QStyleFactory>
#include <QToolTip>
#include <QWidget>

#include <cmath>
#include <memory>
#include <optional>

namespace ops {
namespace {

const char *const OriginalProperty = "_ops_theme_original_sheet";
const char *const AppliedProperty = "_ops_theme_applied_sheet";

struct Startup
{
    QString styleName;
    QPalette palette;
    QPalette toolTipPalette;
};

std::optional<Startup> &startup()
{
    static std::optional<Startup> s;
    return s;
}

Preferences::Theme &currentMode()
{
    static Preferences::Theme mode = Preferences::Theme::System;
    return mode;
}

bool &installed()
{
    static bool value = false;
    return value;
}

double channel(double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }

// The palette a widget's text is drawn on: that of the nearest ancestor with a palette of its own
// (the lock screen's), else the application's. Not the widget's own (it carries the style sheet's
// text colour) nor its parent's (a new application palette reaches widgets only through posted
// events, after apply() has adapted them).
QPalette backgroundPalette(const QWidget *w)
{
    for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
        if (p->testAttribute(Qt::WA_SetPalette) && !p->styleSheet().contains(QLatin1String("color")))
            return p->palette();
        if (p->isWindow())
            break;
    }
    return QApplication::palette(w);
}

} // namespace

Theme::Theme(QObject *parent)
    : QObject(parent)
{
}

Theme *Theme::instance()
{
    static Theme *theme = [] {
        auto *t = new Theme(qApp);
        return t;
    }();
    return theme;
}

Preferences::Theme Theme::current() { return currentMode(); }

QPalette Theme::darkPalette()
{
    QPalette p;
    const QColor window(0x2d, 0x2d, 0x30);
    const QColor base(0x1e, 0x1e, 0x1e);
    const QColor alternate(0x26, 0x26, 0x28);
    const QColor button(0x3a, 0x3a, 0x3d);
    const QColor text(0xe8, 0xe8, 0xe8);
    const QColor disabledText(0x8c, 0x8c, 0x8c);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, alternate);
    p.setColor(QPalette::ToolTipBase, button);
    p.setColor(QPalette::ToolTipText, QColor(0xf0, 0xf0, 0xf0));
    p.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x8a, 0x80));
    p.setColor(QPalette::Light, QColor(0x50, 0x50, 0x54));
    p.setColor(QPalette::Midlight, QColor(0x44, 0x44, 0x47));
    p.setColor(QPalette::Mid, QColor(0x26, 0x26, 0x28));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1a, 0x1a));
    p.setColor(QPalette::Shadow, QColor(0x0a, 0x0a, 0x0a));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7a, 0xb7, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xc3, 0x9b, 0xff));
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x45, 0x45, 0x48));
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, QColor(0xb0, 0xb0, 0xb0));
    p.setColor(QPalette::Disabled, QPalette::Base, QColor(0x26, 0x26, 0x28));
    p.setColor(QPalette::Disabled, QPalette::Button, QColor(0x33, 0x33, 0x36));
    return p;
}

QPalette Theme::lightPalette()
{
    std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p = fusion ? fusion->standardPalette() : QPalette();
    // Fusion's selection blue has 3.7:1 with its white text; this one has 5.2:1.
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive})
        p.setColor(group, QPalette::Highlight, QColor(0x2b, 0x6f, 0xb4));
    return p;
}

bool Theme::isDark(const QPalette &palette) { return palette.color(QPalette::Window).lightnessF() < 0.5; }

double Theme::luminance(const QColor &colour)
{
    const QColor c = colour.toRgb();
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double Theme::contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

double Theme::contrastOn(const QColor &text, const QPalette &palette)
{
    double worst = 21.0;
    for (const QPalette::ColorRole role : {QPalette::Window, QPalette::Base, QPalette::AlternateBase})
        worst = std::min(worst, contrast(text, palette.color(QPalette::Active, role)));
    return worst;
}

QColor Theme::readableOn(const QColor &text, const QPalette &palette)
{
    if (!text.isValid() || contrastOn(text, palette) >= MinimumContrast)
        return text;
    const bool dark = isDark(palette);
    if (!dark && luminance(text) > 0.4)
        return text; // light text on a light palette is drawn on something the widget paints itself
    const QColor hsl = text.toHsl();
    const float hue = hsl.hslHueF();
    const float saturation = hsl.hslSaturationF();
    float lightness = hsl.lightnessF();
    const float step = dark ? 0.01f : -0.01f;
    for (int i = 0; i < 100; ++i) {
        lightness = std::clamp(lightness + step, 0.0f, 1.0f);
        QColor candidate = QColor::fromHslF(hue, saturation, lightness).toRgb();
        candidate = QColor(candidate.red(), candidate.green(), candidate.blue()); // 8 bits, as a style sheet has it
        if (contrastOn(candidate, palette) >= MinimumContrast)
            return candidate;
    }
    return dark ? QColor(Qt::white) : QColor(Qt::black);
}

QString Theme::adaptStyleSheet(const QString &styleSheet, const QPalette &palette)
{
    static const QRegularExpression background(QStringLiteral("background"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression color(QStringLiteral("(?<![-\\w])(color\\s*:\\s*)(#[0-9a-fA-F]{6}\\b|#[0-9a-fA-F]{3}\\b|[a-zA-Z]+)"),
                                          QRegularExpression::CaseInsensitiveOption);
    if (styleSheet.isEmpty() || background.match(styleSheet).hasMatch())
        return styleSheet;
    QString out;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = color.globalMatch(styleSheet);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QColor original = QColor::fromString(m.capturedView(2));
        if (!original.isValid())
            continue;
        const QColor readable = readableOn(original, palette);
        if (readable == original)
            continue;
        out += QStringView(styleSheet).mid(last, m.capturedStart(2) - last);
        out += readable.name();
        last = m.capturedEnd(2);
    }
    if (last == 0)
        return styleSheet;
    out += QStringView(styleSheet).mid(last);
    return out;
}

void Theme::apply(Preferences::Theme mode)
{
    auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
    if (!app)
        return;
    if (!startup())
        startup() = Startup{QApplication::style()->name(), QApplication::palette(), QToolTip::palette()};
    Theme *theme = instance();
    if (!installed()) {
        app->installEventFilter(theme);
        installed() = true;
    }
    currentMode() = mode;
    switch (mode) {
    case Preferences::Theme::System:
        if (QApplication::style()->name().compare(startup()->styleName, Qt::CaseInsensitive) != 0)
            QApplication::setStyle(startup()->styleName);
        QApplication::setPalette(startup()->palette);
        QToolTip::setPalette(startup()->toolTipPalette);
        break;
    case Preferences::Theme::Light:
        if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
            QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(lightPalette());
        QToolTip::setPalette(lightPalette());
        break;
    case Preferences::Theme::Dark:
        if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
            QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(darkPalette());
        QToolTip::setPalette(darkPalette());
        break;
    }
    theme->adaptAll();
    emit theme->applied(mode);
}

void Theme::adapt(QWidget *w)
{
    const QString sheet = w->styleSheet();
    const QString applied = w->property(AppliedProperty).toString();
    QString original = sheet;
    if (!applied.isEmpty() && sheet == applied)
        original = w->property(OriginalProperty).toString();
    const QString adapted = adaptStyleSheet(original, backgroundPalette(w));
    if (adapted == original) {
        if (!applied.isEmpty()) {
            w->setProperty(AppliedProperty, QVariant());
            w->setProperty(OriginalProperty, QVariant());
        }
        if (sheet != original)
            w->setStyleSheet(original);
        return;
    }
    w->setProperty(OriginalProperty, original);
    w->setProperty(AppliedProperty, adapted);
    if (sheet != adapted)
        w->setStyleSheet(adapted); // its StyleChange comes back here and finds nothing to do
}

void Theme::adaptAll()
{
    const QWidgetList widgets = QApplication::allWidgets();
    for (QWidget *w : widgets)
        if (!w->styleSheet().isEmpty())
            adapt(w);
}

bool Theme::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    if ((type == QEvent::StyleChange || type == QEvent::Polish) && watched->isWidgetType()) {
        auto *w = static_cast<QWidget *>(watched);
        if (!w->styleSheet().isEmpty() || !w->property(AppliedProperty).isNull())
            adapt(w);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace ops
