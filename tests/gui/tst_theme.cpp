// Themes: every text colour readable (WCAG 2 contrast of at least 4.5:1) in the light and the dark
// palette — the palettes' own text roles, every status colour (as text on the window, on the base
// and on its tile), and every colour a page puts in a style sheet (found by scanning ui/ sources,
// so a new one is checked too) — and the run-time adaptation of widgets' style sheets.

#include "common/StatusStyle.h"
#include "shell/Theme.h"

#include <QApplication>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QRegularExpression>
#include <QSet>
#include <QStyle>
#include <QtTest>

using namespace ops;

namespace {

const QList<HealthStatus> AllStatuses = {HealthStatus::Healthy,    HealthStatus::Degraded, HealthStatus::Unhealthy,
                                         HealthStatus::Initialising, HealthStatus::Stale,  HealthStatus::Unreachable,
                                         HealthStatus::Disabled,   HealthStatus::Unknown};

QString describe(const QColor &a, const QColor &b) { return a.name() + QStringLiteral(" on ") + b.name(); }

#define VERIFY_CONTRAST(text, background, minimum)                                                                    \
    QVERIFY2(Theme::contrast((text), (background)) >= (minimum),                                                      \
             qPrintable(describe((text), (background)) + QStringLiteral(": ")                                         \
                        + QString::number(Theme::contrast((text), (background)), 'f', 2)))

// Colours that ui/ sources put in style sheets that set no background of their own.
QSet<QString> styleSheetTextColours()
{
    static const QRegularExpression literal(QStringLiteral("QStringLiteral\\(\"([^\"]*)\"\\)"));
    static const QRegularExpression color(QStringLiteral("(?<![-\\w])color\\s*:\\s*(#[0-9a-fA-F]{6}\\b|#[0-9a-fA-F]{3}\\b|[a-zA-Z]+)"));
    QSet<QString> out;
    QDirIterator it(qEnvironmentVariable("OPS_SOURCE_DIR") + QStringLiteral("/ui"), {QStringLiteral("*.cpp")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QString source = QString::fromUtf8(f.readAll());
        QRegularExpressionMatchIterator lit = literal.globalMatch(source);
        while (lit.hasNext()) {
            const QString sheet = lit.next().captured(1);
            if (sheet.contains(QStringLiteral("background"), Qt::CaseInsensitive))
                continue;
            QRegularExpressionMatchIterator c = color.globalMatch(sheet);
            while (c.hasNext())
                out.insert(c.next().captured(1).toLower());
        }
    }
    return out;
}

QColor sheetColour(const QString &sheet)
{
    static const QRegularExpression color(QStringLiteral("color\\s*:\\s*(#[0-9a-fA-F]{6})"));
    const QRegularExpressionMatch m = color.match(sheet);
    return m.hasMatch() ? QColor::fromString(m.capturedView(1)) : QColor();
}

// The largest contrast of any pixel of the rendered widget against `background`: the text's core.
double renderedTextContrast(QWidget *w, const QColor &background)
{
    const QImage image = w->grab().toImage();
    double best = 1.0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            best = std::max(best, Theme::contrast(image.pixelColor(x, y), background));
    return best;
}

} // namespace

class TestTheme final : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { Theme::apply(Preferences::Theme::System); }

    void contrastFormula()
    {
        QCOMPARE(Theme::contrast(Qt::black, Qt::white), 21.0);
        QCOMPARE(Theme::contrast(Qt::white, Qt::white), 1.0);
        QVERIFY(qAbs(Theme::contrast(QColor(0x77, 0x77, 0x77), Qt::white) - 4.48) < 0.01);
    }

    void paletteTextRoles_data()
    {
        QTest::addColumn<Preferences::Theme>("mode");
        QTest::newRow("light") << Preferences::Theme::Light;
        QTest::newRow("dark") << Preferences::Theme::Dark;
    }

    void paletteTextRoles()
    {
        QFETCH(Preferences::Theme, mode);
        Theme::apply(mode);
        const QPalette p = QApplication::palette();
        QCOMPARE(Theme::isDark(p), mode == Preferences::Theme::Dark);
        QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
        VERIFY_CONTRAST(p.color(QPalette::WindowText), p.color(QPalette::Window), 4.5);
        VERIFY_CONTRAST(p.color(QPalette::Text), p.color(QPalette::Base), 4.5);
        VERIFY_CONTRAST(p.color(QPalette::Text), p.color(QPalette::AlternateBase), 4.5);
        VERIFY_CONTRAST(p.color(QPalette::ButtonText), p.color(QPalette::Button), 4.5);
        VERIFY_CONTRAST(p.color(QPalette::HighlightedText), p.color(QPalette::Highlight), 4.5);
        VERIFY_CONTRAST(p.color(QPalette::ToolTipText), p.color(QPalette::ToolTipBase), 4.5);
        VERIFY_CONTRAST(p.color(QPalette::Link), p.color(QPalette::Base), 4.5);
        VERIFY_CONTRAST(p.color(QPalette::Link), p.color(QPalette::Window), 4.5);
        if (mode == Preferences::Theme::Dark) {
            VERIFY_CONTRAST(p.color(QPalette::PlaceholderText), p.color(QPalette::Base), 4.5);
            VERIFY_CONTRAST(p.color(QPalette::LinkVisited), p.color(QPalette::Base), 4.5);
            VERIFY_CONTRAST(p.color(QPalette::Disabled, QPalette::Text), p.color(QPalette::Disabled, QPalette::Base), 3.0);
        }
    }

    void statusColours_data() { paletteTextRoles_data(); }

    void statusColours()
    {
        QFETCH(Preferences::Theme, mode);
        Theme::apply(mode);
        const QPalette p = QApplication::palette();
        QCOMPARE(StatusStyle::darkPalette(), mode == Preferences::Theme::Dark);
        for (const HealthStatus status : AllStatuses) {
            const StatusStyle s = StatusStyle::of(status);
            // The status word: on the window, on a list's base, on its own tile.
            VERIFY_CONTRAST(s.colour, p.color(QPalette::Window), 4.5);
            VERIFY_CONTRAST(s.colour, p.color(QPalette::Base), 4.5);
            VERIFY_CONTRAST(s.colour, s.background, 4.5);
            // The tile's other labels use the palette's text colour on the tile's tint.
            VERIFY_CONTRAST(p.color(QPalette::WindowText), s.background, 4.5);
            // The glyph inside the icon (a graphical object: 3:1).
            if (status != HealthStatus::Unreachable)
                VERIFY_CONTRAST(StatusStyle::glyphColour(s.colour), s.colour, 3.0);
            // Nothing to adapt.
            QCOMPARE(Theme::readableOn(s.colour, p), s.colour);
        }
        // The icon is drawn in the colours of the palette in use.
        const QImage icon = StatusStyle::icon(HealthStatus::Healthy, 32, 1.0).toImage();
        QCOMPARE(icon.pixelColor(16, 4), StatusStyle::of(HealthStatus::Healthy).colour);
    }

    void styleSheetColoursOfEveryPage()
    {
        const QSet<QString> colours = styleSheetTextColours();
        QVERIFY2(colours.size() >= 5, "the scan of ui/ found (almost) no style-sheet colours");
        QVERIFY(colours.contains(QStringLiteral("#b71c1c")));
        for (const QPalette &palette : {Theme::lightPalette(), Theme::darkPalette()}) {
            const bool dark = Theme::isDark(palette);
            for (const QString &name : colours) {
                const QColor original = QColor::fromString(name);
                QVERIFY2(original.isValid(), qPrintable(name));
                if (!dark && Theme::luminance(original) > 0.4)
                    continue; // light text on a light palette sits on a background the widget paints
                const QColor readable = Theme::readableOn(original, palette);
                QVERIFY2(Theme::contrastOn(readable, palette) >= Theme::MinimumContrast,
                         qPrintable(name + QStringLiteral(" → ") + readable.name() + (dark ? QStringLiteral(" (dark)") : QStringLiteral(" (light)"))));
                if (original.hslSaturationF() > 0.3f) // same hue: red stays red
                    QVERIFY2(qAbs(readable.hslHueF() - original.hslHueF()) < 0.05f,
                             qPrintable(name + QStringLiteral(" → ") + readable.name()));
            }
        }
    }

    void styleSheetsFollowTheTheme()
    {
        QWidget host;
        host.resize(300, 200);
        auto *error = new QLabel(QStringLiteral("Request failed"), &host);
        const QString original = QStringLiteral("color: #b71c1c; font-weight: bold;");
        error->setStyleSheet(original);
        auto *banner = new QLabel(QStringLiteral("PRODUCTION"), &host);
        const QString bannerSheet = QStringLiteral("color: white; background: #b71c1c; padding: 4px;");
        banner->setStyleSheet(bannerSheet);
        banner->move(0, 40);
        host.show();
        QVERIFY(QTest::qWaitForWindowExposed(&host));

        Theme::apply(Preferences::Theme::Dark);
        const QPalette dark = QApplication::palette();
        QVERIFY(error->styleSheet() != original);
        QVERIFY(error->styleSheet().endsWith(QStringLiteral("; font-weight: bold;")));
        const QColor adapted = sheetColour(error->styleSheet());
        QVERIFY(adapted.isValid());
        VERIFY_CONTRAST(adapted, dark.color(QPalette::Window), 4.5);
        QVERIFY(adapted.red() > adapted.green()); // still red
        QCOMPARE(banner->styleSheet(), bannerSheet); // sets its own background: left alone
        QVERIFY2(renderedTextContrast(error, dark.color(QPalette::Window)) >= 4.5, "the label is not drawn readably");

        // A page changing its message while the theme is dark.
        error->setStyleSheet(QStringLiteral("color: #1b5e20;"));
        const QColor green = sheetColour(error->styleSheet());
        VERIFY_CONTRAST(green, dark.color(QPalette::Window), 4.5);
        // A widget created while dark.
        auto *late = new QLabel(QStringLiteral("Read-only role"), &host);
        late->setStyleSheet(QStringLiteral("color: #8a5a00;"));
        late->move(0, 80);
        late->show();
        QTRY_VERIFY(late->styleSheet() != QStringLiteral("color: #8a5a00;"));
        VERIFY_CONTRAST(sheetColour(late->styleSheet()), dark.color(QPalette::Window), 4.5);

        // Back to light: the pages' own style sheets, exactly.
        Theme::apply(Preferences::Theme::Light);
        QCOMPARE(error->styleSheet(), QStringLiteral("color: #1b5e20;"));
        QCOMPARE(late->styleSheet(), QStringLiteral("color: #8a5a00;"));
        QCOMPARE(banner->styleSheet(), bannerSheet);
        QVERIFY(renderedTextContrast(error, QApplication::palette().color(QPalette::Window)) >= 4.5);
    }

    void systemRestoresTheStartingLook()
    {
        const QString styleBefore = QApplication::style()->name();
        const QColor windowBefore = QApplication::palette().color(QPalette::Window);
        Theme::apply(Preferences::Theme::Dark);
        QVERIFY(QApplication::palette().color(QPalette::Window) != windowBefore);
        QCOMPARE(Theme::current(), Preferences::Theme::Dark);
        Theme::apply(Preferences::Theme::System);
        QCOMPARE(QApplication::style()->name(), styleBefore);
        QCOMPARE(QApplication::palette().color(QPalette::Window), windowBefore);
        QCOMPARE(Theme::current(), Preferences::Theme::System);
    }
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
