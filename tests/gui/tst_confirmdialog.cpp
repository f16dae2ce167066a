// Offscreen GUI test of the confirmation that guards every dangerous action (trip, reset, engage,
// disengage), driven like an operator: typing into the reason key by key, ticking boxes with the
// mouse, choosing the category with the keyboard, Tab, Enter, Escape, double clicks and a clock
// that only moves when the test says so.

#include "MockClock.h"
#include "breaker/BreakerState.h"
#include "breaker/ConfirmActionDialog.h"

#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleOptionButton>
#include <QWindow>
#include <QtTest>

using namespace ops;
using ops::test::MockClock;

namespace {

constexpr int TimerWaitMs = 2000; // the countdown timer runs every 250 ms

const QString ConfirmLabel = QStringLiteral("Trip breaker — halt trading");
const QString ResetLabel = QStringLiteral("Reset breaker — enable trading");
const QString Effect = QStringLiteral("All new trading orders will be blocked immediately");
// 40 visible characters (spaces do not count).
const QString GoodReason = QStringLiteral("Quote feed stale since 09:41 UTC, fills delayed");
const QString Production = QStringLiteral("production");

ConfirmActionSpec tripSpec(const QString &environment = {})
{
    ConfirmActionSpec s;
    s.title = QStringLiteral("Trip circuit breaker — staging");
    s.headline = QStringLiteral("Halt trading on staging: the breaker goes to TRIPPED.");
    s.effect = Effect;
    s.confirmLabel = ConfirmLabel;
    s.reasonLabel = QStringLiteral("Reason");
    s.categories = {QStringLiteral("MANUAL"), QStringLiteral("DATA_STALE"), QStringLiteral("BROKER_ERRORS"),
                    QStringLiteral("OTHER")};
    s.environmentName = environment;
    return s;
}

ConfirmActionSpec resetSpec(const QList<BreakerCondition> &conditions)
{
    ConfirmActionSpec s;
    s.title = QStringLiteral("Reset circuit breaker — staging");
    s.headline = QStringLiteral("Enable trading on staging again: the breaker goes to OPEN.");
    s.effect = QStringLiteral("New trading orders will be accepted again immediately.");
    s.confirmLabel = ResetLabel;
    s.reasonLabel = QStringLiteral("Reason");
    s.showConditions = true;
    s.conditions = conditions;
    return s;
}

// Everything at once: categories, a failing condition, production.
ConfirmActionSpec fullSpec()
{
    ConfirmActionSpec s = resetSpec({{QStringLiteral("drawdown"), true, QStringLiteral("-1.2 % (limit -5 %)")},
                                     {QStringLiteral("broker_errors"), false, QStringLiteral("14 errors in the last 5 minutes")}});
    s.categories = tripSpec().categories;
    s.environmentName = Production;
    return s;
}

QList<BreakerCondition> oneFailing()
{
    return {{QStringLiteral("drawdown"), true, QStringLiteral("-1.2 % (limit -5 %)")},
            {QStringLiteral("broker_errors"), false, QStringLiteral("14 errors in the last 5 minutes")},
            {QStringLiteral("redis"), true, QStringLiteral("PONG in 2 ms")}};
}

QList<BreakerCondition> allOk()
{
    return {{QStringLiteral("drawdown"), true, QStringLiteral("-1.2 % (limit -5 %)")},
            {QStringLiteral("position_limits"), true, QStringLiteral("all within limits")},
            {QStringLiteral("broker_errors"), true, QStringLiteral("0 errors in the last 5 minutes")},
            {QStringLiteral("redis"), true, QStringLiteral("PONG in 2 ms")},
            {QStringLiteral("postgres"), true, QStringLiteral("SELECT 1 in 3 ms")}};
}

bool showActive(QDialog &d)
{
    d.show();
    if (!QTest::qWaitForWindowExposed(&d))
        return false;
    d.activateWindow();
    return QTest::qWaitForWindowActive(&d);
}

// Types key by key. ASCII goes through QTest::keyClick; anything else (zero-width space, bidi
// controls, combining marks, emoji) arrives as one key event per code point, surrogate pairs kept
// together, the way an input method delivers it.
void type(QWidget *w, const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        QString unit(text.at(i));
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            unit += text.at(++i);
        const char16_t c = unit.at(0).unicode();
        if (unit.size() == 1 && c >= 0x20 && c < 0x7f)
            QTest::keyClick(w, char(c));
        else
            QTest::sendKeyEvent(QTest::Click, w, Qt::Key_unknown, unit, Qt::NoModifier);
    }
}

// A real double click, through the window system: press, release, press, release at one spot
// within the double-click interval (Qt turns the second press into press + double click).
void doubleClick(QWidget *w)
{
    QWindow *window = w->window()->windowHandle();
    QTest::mouseDClick(window, Qt::LeftButton, Qt::NoModifier,
                       window->mapFromGlobal(w->mapToGlobal(w->rect().center())));
}

// The same sequence as widget events: press, release, press, double click, release.
void doubleClickWidget(QWidget *w)
{
    QTest::mouseClick(w, Qt::LeftButton);
    QTest::mousePress(w, Qt::LeftButton);
    QTest::mouseDClick(w, Qt::LeftButton);
    QTest::mouseRelease(w, Qt::LeftButton);
}

// Clicks on the box itself (the widget can be much wider than its label).
void clickCheckBox(QCheckBox *box)
{
    QStyleOptionButton opt;
    opt.initFrom(box);
    opt.text = box->text();
    const QRect indicator = box->style()->subElementRect(QStyle::SE_CheckBoxIndicator, &opt, box);
    QTest::mouseClick(box, Qt::LeftButton, Qt::NoModifier, indicator.center());
}

void typeReason(ConfirmActionDialog &d, const QString &text)
{
    d.reasonEdit()->setFocus(Qt::TabFocusReason);
    type(d.reasonEdit(), text);
}

// Reason, acknowledgement and (when asked for) the failing conditions and the environment name.
bool completeForm(ConfirmActionDialog &d, const QString &reasonText = GoodReason)
{
    typeReason(d, reasonText);
    if (!d.acknowledgement()->isChecked())
        clickCheckBox(d.acknowledgement());
    if (d.conditionsOverride() && !d.conditionsOverride()->isChecked())
        clickCheckBox(d.conditionsOverride());
    if (QLineEdit *env = d.environmentEdit()) {
        env->setFocus(Qt::TabFocusReason);
        QTest::keyClicks(env, Production);
    }
    return d.acknowledgement()->isChecked() && (!d.conditionsOverride() || d.conditionsOverride()->isChecked())
           && d.confirmButton()->isEnabled();
}

QLabel *conditionLabelWith(ConfirmActionDialog &d, const QString &detail)
{
    for (QLabel *l : d.findChildren<QLabel *>(QStringLiteral("condition")))
        if (l->text().contains(detail))
            return l;
    return nullptr;
}

// The widgets an operator works with, children of the dialog itself.
QList<QWidget *> interactiveChildren(ConfirmActionDialog &d)
{
    QList<QWidget *> out;
    for (QWidget *w : d.findChildren<QWidget *>(Qt::FindDirectChildrenOnly))
        if (qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w) || qobject_cast<QPlainTextEdit *>(w)
            || qobject_cast<QLineEdit *>(w))
            out << w;
    return out;
}

QWidget *focusOr(QWidget *fallback)
{
    QWidget *f = QApplication::focusWidget();
    return f ? f : fallback;
}

} // namespace

class TestConfirmDialog final : public QObject
{
    Q_OBJECT

private slots:
    void tabFollowsTheScreenFromTopToBottom()
    {
        ConfirmActionDialog d(fullSpec());
        d.show();
        QVERIFY(QTest::qWaitForWindowActive(&d));
        QList<QWidget *> expected{d.conditionsOverride(), d.categoryBox(), d.reasonEdit(), d.environmentEdit(),
                                  d.acknowledgement(), d.cancelButton(), d.confirmButton()};
        for (QWidget *w : expected)
            QVERIFY(w);
        d.conditionsOverride()->setFocus(Qt::TabFocusReason);
        for (qsizetype i = 1; i < expected.size(); ++i) {
            QWidget *from = QApplication::focusWidget();
            QWidget *next = from->nextInFocusChain();
            while (next && !(next->focusPolicy() & Qt::TabFocus))
                next = next->nextInFocusChain();
            QCOMPARE(next, expected[i]);
            next->setFocus(Qt::TabFocusReason);
        }
    }

    void unreportedConditionsAreRecordedWhenAccepted()
    {
        ConfirmActionDialog d(resetSpec({}));
        QVERIFY(d.conditionsOverride());
        QVERIFY(d.acceptedFailingConditions().isEmpty());
        d.conditionsOverride()->setChecked(true);
        QCOMPARE(d.acceptedFailingConditions(), QStringList{QStringLiteral("conditions_not_reported")});
    }

    void focusStartsOnCancel_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("trip") << 0;
        QTest::newRow("trip in production") << 1;
        QTest::newRow("reset with a failing condition") << 2;
    }

    void focusStartsOnCancel()
    {
        QFETCH(int, kind);
        const ConfirmActionSpec spec = kind == 0 ? tripSpec() : kind == 1 ? tripSpec(Production) : resetSpec(oneFailing());
        ConfirmActionDialog d(spec);
        QVERIFY(showActive(d));
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(d.cancelButton()));
        QCOMPARE(d.cancelButton()->text(), QStringLiteral("Cancel"));
        QCOMPARE(d.windowTitle(), spec.title);
        QVERIFY(!d.confirmButton()->isEnabled());
    }

    // Return on the focused Cancel button (the initial focus), pressed again and again: nothing is
    // confirmed or accepted. Neither button is a default button, so Enter is inert here; the dialog
    // stays open with nothing lost (Space or Escape cancel, see below).
    void enterOnCancelNeverConfirms()
    {
        ConfirmActionDialog d(tripSpec());
        QVERIFY(showActive(d));
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(d.cancelButton()));
        QSignalSpy confirmed(&d, &ConfirmActionDialog::confirmed);
        QSignalSpy accepted(&d, &QDialog::accepted);
        QSignalSpy finished(&d, &QDialog::finished);
        typeReason(d, GoodReason);
        clickCheckBox(d.acknowledgement());
        QVERIFY(d.confirmButton()->isEnabled());
        d.cancelButton()->setFocus(Qt::TabFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(d.cancelButton()));
        for (int i = 0; i < 10; ++i)
            QTest::keyClick(QApplication::focusWidget(), i % 2 ? Qt::Key_Enter : Qt::Key_Return,
                            i % 2 ? Qt::KeypadModifier : Qt::NoModifier);
        QCOMPARE(confirmed.count(), 0);
        QCOMPARE(accepted.count(), 0);
        QCOMPARE(finished.count(), 0);
        QVERIFY(d.isVisible());
        QVERIFY(!d.isBusy());
        QCOMPARE(d.reasonEdit()->toPlainText(), GoodReason);
        QVERIFY(d.acknowledgement()->isChecked());
    }

    // Space on the focused Cancel button cancels; so does Escape.
    void spaceAndEscapeCancel()
    {
        {
            ConfirmActionDialog d(tripSpec());
            QVERIFY(showActive(d));
            QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(d.cancelButton()));
            QSignalSpy rejected(&d, &QDialog::rejected);
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
            QCOMPARE(rejected.count(), 1);
            QVERIFY(!d.isVisible());
        }
        {
            ConfirmActionDialog d(tripSpec());
            QVERIFY(showActive(d));
            QVERIFY(completeForm(d));
            QSignalSpy confirmed(&d, &ConfirmActionDialog::confirmed);
            QSignalSpy rejected(&d, &QDialog::rejected);
            QTest::keyClick(focusOr(&d), Qt::Key_Escape);
            QCOMPARE(rejected.count(), 1);
            QCOMPARE(confirmed.count(), 0);
            QVERIFY(!d.isVisible());
        }
    }

    // With the form complete (confirm enabled), Enter anywhere never confirms.
    void enterNeverConfirms()
    {
        ConfirmActionDialog d(fullSpec());
        QVERIFY(showActive(d));
        QSignalSpy confirmed(&d, &ConfirmActionDialog::confirmed);
        QSignalSpy rejected(&d, &QDialog::rejected);
        QSignalSpy accepted(&d, &QDialog::accepted);

        // On Cancel with an empty form.
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(d.cancelButton()));
        for (int i = 0; i < 5; ++i)
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCOMPARE(confirmed.count(), 0);
        QVERIFY(d.isVisible());

        // In the reason box while typing, and after the reason is long enough.
        typeReason(d, QStringLiteral("Quote feed stale"));
        for (int i = 0; i < 5; ++i)
            QTest::keyClick(d.reasonEdit(), Qt::Key_Return);
        type(d.reasonEdit(), QStringLiteral(" since 09:41 UTC"));
        QVERIFY(completeForm(d, QString()));
        QVERIFY(d.confirmButton()->isEnabled());

        const QList<QWidget *> targets = {d.reasonEdit(), d.environmentEdit(), d.acknowledgement(), d.conditionsOverride(),
                                          d.categoryBox(), d.confirmButton()};
        for (QWidget *target : targets) {
            QVERIFY(target);
            target->setFocus(Qt::TabFocusReason);
            QTRY_COMPARE(QApplication::focusWidget(), target);
            for (int i = 0; i < 5; ++i)
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Enter, Qt::KeypadModifier);
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
            QVERIFY2(confirmed.isEmpty(), qPrintable(target->objectName()));
            QVERIFY2(d.isVisible(), qPrintable(target->objectName()));
            QVERIFY(!d.isBusy());
            QVERIFY2(d.confirmButton()->isEnabled(), qPrintable(target->objectName())); // Enter had its chance
        }
        QCOMPARE(accepted.count(), 0);
        QCOMPARE(rejected.count(), 0);
        QCOMPARE(d.result(), 0);
        QVERIFY(d.reasonEdit()->toPlainText().contains(QStringLiteral("stale\n\n\n\n\n since")));
    }

    void confirmNeedsReasonAndAcknowledgement()
    {
        ConfirmActionDialog d(tripSpec());
        QVERIFY(showActive(d));
        QSignalSpy confirmed(&d, &ConfirmActionDialog::confirmed);
        QPushButton *confirm = d.confirmButton();
        QCOMPARE(confirm->text(), ConfirmLabel);
        QVERIFY(!confirm->isEnabled());
        QVERIFY(!d.canConfirm());
        QVERIFY2(d.acknowledgement()->text().contains(Effect), qPrintable(d.acknowledgement()->text()));
        QTest::mouseClick(confirm, Qt::LeftButton);
        QCOMPARE(confirmed.count(), 0);

        // Acknowledgement alone.
        clickCheckBox(d.acknowledgement());
        QVERIFY(d.acknowledgement()->isChecked());
        QVERIFY(!confirm->isEnabled());
        QTest::mouseClick(confirm, Qt::LeftButton);
        QCOMPARE(confirmed.count(), 0);

        // Reason alone.
        clickCheckBox(d.acknowledgement());
        QVERIFY(!d.acknowledgement()->isChecked());
        typeReason(d, GoodReason);
        QVERIFY2(d.counterText().startsWith(QStringLiteral("40/20 ✓")), qPrintable(d.counterText()));
        QVERIFY(!confirm->isEnabled());
        QVERIFY(!d.canConfirm());
        QTest::mouseClick(confirm, Qt::LeftButton);
        QCOMPARE(confirmed.count(), 0);

        // Both.
        clickCheckBox(d.acknowledgement());
        QVERIFY(d.acknowledgement()->isChecked());
        QVERIFY(confirm->isEnabled());
        QVERIFY(d.canConfirm());
        QCOMPARE(confirm->text(), ConfirmLabel);

        // Unticking or shortening takes it back.
        clickCheckBox(d.acknowledgement());
        QVERIFY(!confirm->isEnabled());
        clickCheckBox(d.acknowledgement());
        QVERIFY(confirm->isEnabled());
        d.reasonEdit()->selectAll();
        QTest::keyClick(d.reasonEdit(), Qt::Key_Backspace);
        type(d.reasonEdit(), QStringLiteral("Quote feed stale"));
        QVERIFY(!confirm->isEnabled());
        QCOMPARE(confirmed.count(), 0);

        type(d.reasonEdit(), QStringLiteral(" since 09:41"));
        QVERIFY(confirm->isEnabled());
        QTest::mouseClick(confirm, Qt::LeftButton);
        QCOMPARE(confirmed.count(), 1);
        QCOMPARE(d.reason(), QStringLiteral("Quote feed stale since 09:41"));
    }

    void counterUpdatesLive()
    {
        ConfirmActionDialog d(tripSpec());
        QVERIFY(showActive(d));
        clickCheckBox(d.acknowledgement());
        QVERIFY2(d.counterText().startsWith(QStringLiteral("0/20")), qPrintable(d.counterText()));

        const QString letters = QStringLiteral("QuoteFeedStaleSince0941UTC"); // 26 letters and digits
        d.reasonEdit()->setFocus(Qt::TabFocusReason);
        for (int i = 0; i < 19; ++i) {
            QTest::keyClick(d.reasonEdit(), char(letters.at(i).unicode()));
            const QString prefix = QStringLiteral("%1/20").arg(i + 1);
            QVERIFY2(d.counterText().startsWith(prefix), qPrintable(d.counterText() + QStringLiteral(" / ") + prefix));
            QVERIFY(!d.counterText().contains(u'✓'));
            QVERIFY(!d.confirmButton()->isEnabled());
        }
        QVERIFY2(d.counterText().startsWith(QStringLiteral("19/20 ")), qPrintable(d.counterText()));
        QTest::keyClick(d.reasonEdit(), char(letters.at(19).unicode()));
        QCOMPARE(d.counterText(), QStringLiteral("20/20 ✓"));
        QVERIFY(d.confirmButton()->isEnabled());
        QTest::keyClick(d.reasonEdit(), Qt::Key_Backspace);
        QVERIFY2(d.counterText().startsWith(QStringLiteral("19/20 ")), qPrintable(d.counterText()));
        QVERIFY(!d.confirmButton()->isEnabled());

        // Spaces between words do not count.
        d.reasonEdit()->selectAll();
        QTest::keyClick(d.reasonEdit(), Qt::Key_Backspace);
        QVERIFY2(d.counterText().startsWith(QStringLiteral("0/20")), qPrintable(d.counterText()));
        QTest::keyClicks(d.reasonEdit(), QStringLiteral("Feed stale at 09:41"));
        QVERIFY2(d.counterText().startsWith(QStringLiteral("16/20 ")), qPrintable(d.counterText()));

        // Neither do line breaks.
        d.reasonEdit()->selectAll();
        QTest::keyClick(d.reasonEdit(), Qt::Key_Backspace);
        for (int i = 0; i < 25; ++i)
            QTest::keyClick(d.reasonEdit(), Qt::Key_Return);
        QCOMPARE(d.reasonEdit()->toPlainText(), QString(25, u'\n'));
        QVERIFY2(d.counterText().startsWith(QStringLiteral("0/20")), qPrintable(d.counterText()));
        QVERIFY(!d.confirmButton()->isEnabled());
    }

    void visibleCharacters_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<int>("visible");
        const QString nineteen = QStringLiteral("QuoteFeedStaleSince"); // 19
        QString zwspBetween;
        for (const QChar c : nineteen)
            zwspBetween += c + QStringLiteral("\u200B");
        QTest::newRow("19 visible") << nineteen << 19;
        QTest::newRow("20 visible") << nineteen + u'0' << 20;
        QTest::newRow("20 spaces") << QString(20, u' ') << 0;
        QTest::newRow("19 visible and spaces") << QStringLiteral("  ") + nineteen + QString(10, u' ') << 19;
        QTest::newRow("zero-width padding after") << nineteen + QString(10, QChar(0x200B)) << 19;
        QTest::newRow("zero-width between every letter") << zwspBetween << 19;
        QTest::newRow("zero-width only") << QString(25, QChar(0x200B)) << 0;
        QTest::newRow("zero-width joiners and non-joiners") << nineteen + QStringLiteral("\u200D\u200C\u2060\uFEFF") << 19;
        QTest::newRow("right-to-left override") << QStringLiteral("\u202E") + nineteen + QStringLiteral("\u202C") << 19;
        QTest::newRow("right-to-left overrides only") << QString(25, QChar(0x202E)) << 0;
        QTest::newRow("right-to-left isolate") << QStringLiteral("\u2067") + nineteen + QStringLiteral("\u2069") << 19;
        QTest::newRow("emoji counts once") << nineteen.left(18) + QStringLiteral("\U0001F6A8") << 19;
        QTest::newRow("emoji reaches 20") << nineteen + QStringLiteral("\U0001F6A8") << 20;
        QTest::newRow("emoji with skin tone counts once") << nineteen + QStringLiteral("\U0001F44D\U0001F3FD") << 20;
        QTest::newRow("ZWJ family counts once")
            << nineteen + QStringLiteral("\U0001F469\u200D\U0001F469\u200D\U0001F467") << 20;
        QTest::newRow("flag counts once") << nineteen + QStringLiteral("\U0001F1E9\U0001F1EA") << 20;
        QTest::newRow("20 emoji") << QString(QStringLiteral("\U0001F525")).repeated(20) << 20;
        QTest::newRow("combining marks count with their letter") << QStringLiteral("e\u0301").repeated(20) << 20;
        QTest::newRow("lone combining marks do not count") << nineteen + QStringLiteral(" \u0301\u0301") << 19;
    }

    void visibleCharacters()
    {
        QFETCH(QString, typed);
        QFETCH(int, visible);
        ConfirmActionDialog d(tripSpec());
        QVERIFY(showActive(d));
        clickCheckBox(d.acknowledgement());
        QVERIFY(d.acknowledgement()->isChecked());
        typeReason(d, typed);
        QCOMPARE(d.reasonEdit()->toPlainText(), typed); // every key arrived
        const QString counter = d.counterText();
        QVERIFY2(counter.startsWith(QStringLiteral("%1/20").arg(visible)), qPrintable(counter));
        QCOMPARE(counter == QStringLiteral("%1/20 ✓").arg(visible), visible >= 20);
        QCOMPARE(d.confirmButton()->isEnabled(), visible >= 20);
        QCOMPARE(d.canConfirm(), visible >= 20);
        for (const char32_t ucs : d.reason().toUcs4())
            QVERIFY2(!(ucs >= 0x202A && ucs <= 0x202E) && !(ucs >= 0x2066 && ucs <= 0x2069),
                     "bidi controls are removed from the reason that is sent");
        QCOMPARE(d.reason(), d.reason().trimmed());
    }

    void categoryByKeyboard()
    {
        ConfirmActionDialog d(tripSpec());
        QVERIFY(showActive(d));
        QComboBox *box = d.categoryBox();
        QVERIFY(box);
        QCOMPARE(box->count(), 4);
        const QStringList codes = {QStringLiteral("MANUAL"), QStringLiteral("DATA_STALE"), QStringLiteral("BROKER_ERRORS"),
                                   QStringLiteral("OTHER")};
        for (int i = 0; i < codes.size(); ++i)
            QVERIFY2(box->itemText(i).contains(codes.at(i)), qPrintable(box->itemText(i)));
        QCOMPARE(d.category(), QStringLiteral("MANUAL"));

        box->setFocus(Qt::TabFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(box));
        QTest::keyClick(box, Qt::Key_Down);
        QCOMPARE(d.category(), QStringLiteral("DATA_STALE"));
        QTest::keyClick(box, Qt::Key_Down);
        QCOMPARE(d.category(), QStringLiteral("BROKER_ERRORS"));
        QTest::keyClick(box, Qt::Key_Down);
        QCOMPARE(d.category(), QStringLiteral("OTHER"));
        QTest::keyClick(box, Qt::Key_Down);
        QCOMPARE(d.category(), QStringLiteral("OTHER"));
        QTest::keyClick(box, Qt::Key_Up);
        QCOMPARE(d.category(), QStringLiteral("BROKER_ERRORS"));
        QTest::keyClick(box, Qt::Key_Home);
        QCOMPARE(d.category(), QStringLiteral("MANUAL"));
        QTest::keyClick(box, Qt::Key_End);
        QCOMPARE(d.category(), QStringLiteral("OTHER"));
        QTest::keyClick(box, 'b'); // "Broker errors (BROKER_ERRORS)"
        QCOMPARE(d.category(), QStringLiteral("BROKER_ERRORS"));

        // The choice is what the confirmation carries.
        QVERIFY(completeForm(d));
        QSignalSpy confirmed(&d, &ConfirmActionDialog::confirmed);
        QTest::mouseClick(d.confirmButton(), Qt::LeftButton);
        QCOMPARE(confirmed.count(), 1);
        QCOMPARE(d.category(), QStringLiteral("BROKER_ERRORS"));

        // No categories asked for: no selector.
        ConfirmActionDialog reset(resetSpec(allOk()));
        QVERIFY(!reset.categoryBox());
        QVERIFY(reset.category().isEmpty());
        QVERIFY(reset.findChildren<QComboBox *>().isEmpty());
    }

    void productionNameMustBeTyped_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("enabled");
        QTest::newRow("exact") << Production << true;
        QTest::newRow("capitalised") << QStringLiteral("Production") << false;
        QTest::newRow("upper case") << QStringLiteral("PRODUCTION") << false;
        QTest::newRow("one letter short") << QStringLiteral("productio") << false;
        QTest::newRow("trailing space") << QStringLiteral("production ") << false;
        QTest::newRow("leading space") << QStringLiteral(" production") << false;
        QTest::newRow("other environment") << QStringLiteral("staging") << false;
        QTest::newRow("nothing") << QString() << false;
    }

    void productionNameMustBeTyped()
    {
        QFETCH(QString, typed);
        QFETCH(bool, enabled);
        ConfirmActionDialog d(tripSpec(Production));
        QVERIFY(showActive(d));
        QLineEdit *env = d.environmentEdit();
        QVERIFY(env);
        bool prompted = false;
        for (QLabel *l : d.findChildren<QLabel *>())
            prompted = prompted || l->text().contains(QStringLiteral("\"production\""));
        QVERIFY(prompted);

        typeReason(d, GoodReason);
        clickCheckBox(d.acknowledgement());
        QVERIFY(d.acknowledgement()->isChecked());
        QVERIFY(!d.confirmButton()->isEnabled()); // not yet typed

        env->setFocus(Qt::TabFocusReason);
        QTest::keyClicks(env, typed);
        QCOMPARE(env->text(), typed);
        QCOMPARE(d.confirmButton()->isEnabled(), enabled);
        QCOMPARE(d.canConfirm(), enabled);

        QSignalSpy confirmed(&d, &ConfirmActionDialog::confirmed);
        QTest::mouseClick(d.confirmButton(), Qt::LeftButton);
        QCOMPARE(confirmed.count(), enabled ? 1 : 0);
    }

    void productionNameLiveAndAbsentElsewhere()
    {
        ConfirmActionDialog d(tripSpec(Production));
        QVERIFY(showActive(d));
        typeReason(d, GoodReason);
        clickCheckBox(d.acknowledgement());
        d.environmentEdit()->setFocus(Qt::TabFocusReason);
        QTest::keyClicks(d.environmentEdit(), QStringLiteral("productio"));
        QVERIFY(!d.confirmButton()->isEnabled());
        QTest::keyClick(d.environmentEdit(), 'n');
        QVERIFY(d.confirmButton()->isEnabled());
        QTest::keyClick(d.environmentEdit(), Qt::Key_Backspace);
        QVERIFY(!d.confirmButton()->isEnabled());

        ConfirmActionDialog staging(tripSpec());
        QVERIFY(!staging.environmentEdit());
        QVERIFY(staging.findChildren<QLineEdit *>().isEmpty());
    }

    void failingConditionNeedsOverride_data()
    {
        QTest::addColumn<QList<BreakerCondition>>("conditions");
        QTest::addColumn<QStringList>("failing");
        QTest::newRow("one failing") << oneFailing() << QStringList{QStringLiteral("broker_errors")};
        QList<BreakerCondition> two = oneFailing();
        two[2].ok = false;
        two[2].detail = QStringLiteral("connection refused");
        QTest::newRow("two failing") << two << QStringList{QStringLiteral("broker_errors"), QStringLiteral("redis")};
    }

    void failingConditionNeedsOverride()
    {
        QFETCH(QList<BreakerCondition>, conditions);
        QFETCH(QStringList, failing);
        ConfirmActionDialog d(resetSpec(conditions));
        QVERIFY(showActive(d));

        // The checklist: ✗ for failing, ✓ for met, with the server's details.
        const QList<QLabel *> labels = d.findChildren<QLabel *>(QStringLiteral("condition"));
        QCOMPARE(labels.size(), conditions.size());
        for (const BreakerCondition &c : conditions) {
            QLabel *l = conditionLabelWith(d, c.detail);
            QVERIFY2(l, qPrintable(c.name));
            QVERIFY2(l->isVisible(), qPrintable(c.name));
            QVERIFY2(l->text().startsWith(c.ok ? u'✓' : u'✗'), qPrintable(l->text()));
            QVERIFY2(!l->text().contains(c.ok ? u'✗' : u'✓'), qPrintable(l->text()));
            QVERIFY2(l->text().contains(BreakerJson::conditionTitle(c.name)), qPrintable(l->text()));
            QVERIFY2(!l->accessibleName().isEmpty(), qPrintable(c.name));
        }

        QCheckBox *override = d.conditionsOverride();
        QVERIFY(override);
        QVERIFY(override->isVisible());
        QVERIFY(!override->isChecked());
        QVERIFY(d.acceptedFailingConditions().isEmpty());

        typeReason(d, GoodReason);
        clickCheckBox(d.acknowledgement());
        QVERIFY(d.acknowledgement()->isChecked());
        QVERIFY(!d.confirmButton()->isEnabled()); // reason and acknowledgement are not enough
        QVERIFY(d.acceptedFailingConditions().isEmpty());
        QSignalSpy confirmed(&d, &ConfirmActionDialog::confirmed);
        QTest::mouseClick(d.confirmButton(), Qt::LeftButton);
        QCOMPARE(confirmed.count(), 0);

        clickCheckBox(override);
        QVERIFY(override->isChecked());
        QCOMPARE(d.acceptedFailingConditions(), failing);
        QVERIFY(d.confirmButton()->isEnabled());
        QCOMPARE(d.confirmButton()->text(), ResetLabel);

        clickCheckBox(override);
        QVERIFY(d.acceptedFailingConditions().isEmpty());
        QVERIFY(!d.confirmButton()->isEnabled());

        // The override alone is not enough either.
        clickCheckBox(d.acknowledgement());
        clickCheckBox(override);
        QVERIFY(override->isChecked() && !d.acknowledgement()->isChecked());
        QVERIFY(!d.confirmButton()->isEnabled());
        clickCheckBox(d.acknowledgement());

        QVERIFY(d.confirmButton()->isEnabled());
        QTest::mouseClick(d.confirmButton(), Qt::LeftButton);
        QCOMPARE(confirmed.count(), 1);
        QCOMPARE(d.acceptedFailingConditions(), failing);
    }

    void allConditionsOkNeedNoOverride()
    {
        ConfirmActionDialog d(resetSpec(allOk()));
        QVERIFY(showActive(d));
        QCOMPARE(d.conditionsOverride(), nullptr);
        QCOMPARE(d.findChildren<QCheckBox *>().size(), 1); // the acknowledgement only
        const QList<QLabel *> labels = d.findChildren<QLabel *>(QStringLiteral("condition"));
        QCOMPARE(labels.size(), allOk().size());
        for (QLabel *l : labels) {
            QVERIFY2(l->text().startsWith(u'✓'), qPrintable(l->text()));
            QVERIFY2(!l->text().contains(u'✗'), qPrintable(l->text()));
        }

        typeReason(d, GoodReason);
        QVERIFY(!d.confirmButton()->isEnabled());
        clickCheckBox(d.acknowledgement());
        QVERIFY(d.confirmButton()->isEnabled());
        QSignalSpy confirmed(&d, &ConfirmActionDialog::confirmed);
        QTest::mouseClick(d.confirmButton(), Qt::LeftButton);
        QCOMPARE(confirmed.count(), 1);
        QVERIFY(d.acceptedFailingConditions().isEmpty());
    }

    void oneClickOneRequest_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("double click") << QStringLiteral("double");
        QTest::newRow("double click as widget events") << QStringLiteral("double-widget");
        QTest::newRow("two double clicks") << QStringLiteral("double-double");
        QTest::newRow("three rapid clicks") << QStringLiteral("triple");
        QTest::newRow("space repeated") << QStringLiteral("space");
        QTest::newRow("click then Enter spam") << QStringLiteral("enter");
    }

    void oneClickOneRequest()
    {
        QFETCH(QString, how);
        ConfirmActionDialog d(tripSpec());
        QVERIFY(showActive(d));
        QVERIFY(completeForm(d));
        const QString typedReason = d.reasonEdit()->toPlainText();
        QSignalSpy confirmed(&d, &ConfirmActionDialog::confirmed);
        QSignalSpy rejected(&d, &QDialog::rejected);
        bool busyWhenEmitted = false;
        connect(&d, &ConfirmActionDialog::confirmed, &d,
                [&d, &busyWhenEmitted] { busyWhenEmitted = d.isBusy() && !d.confirmButton()->isEnabled(); });

        QPushButton *confirm = d.confirmButton();
        if (how == QLatin1String("double")) {
            doubleClick(confirm);
        } else if (how == QLatin1String("double-widget")) {
            doubleClickWidget(confirm);
        } else if (how == QLatin1String("double-double")) {
            doubleClick(confirm);
            doubleClick(confirm);
        } else if (how == QLatin1String("triple")) {
            for (int i = 0; i < 3; ++i)
                QTest::mouseClick(confirm, Qt::LeftButton);
        } else if (how == QLatin1String("space")) {
            confirm->setFocus(Qt::TabFocusReason);
            QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(confirm));
            for (int i = 0; i < 4; ++i)
                QTest::keyClick(confirm, Qt::Key_Space);
        } else {
            QTest::mouseClick(confirm, Qt::LeftButton);
            for (int i = 0; i < 5; ++i)
                QTest::keyClick(focusOr(&d), Qt::Key_Return);
        }
        QCOMPARE(confirmed.count(), 1);
        QVERIFY(busyWhenEmitted);
        QTest::qWait(50);
        QCOMPARE(confirmed.count(), 1);

        // Busy: nothing can be changed, nothing can be sent again.
        QVERIFY(d.isBusy());
        QVERIFY(!confirm->isEnabled());
        QCOMPARE(confirm->text(), QStringLiteral("Sending…"));
        QCOMPARE(confirm->accessibleName(), QStringLiteral("Sending…")); // a screen reader hears it too
        QVERIFY(d.reasonEdit()->isReadOnly());
        type(d.reasonEdit(), QStringLiteral("more"));
        QCOMPARE(d.reasonEdit()->toPlainText(), typedReason);
        QVERIFY(!d.acknowledgement()->isEnabled());
        QVERIFY(!d.cancelButton()->isEnabled());
        QVERIFY(!d.categoryBox()->isEnabled());
        QTest::mouseClick(confirm, Qt::LeftButton);
        QTest::keyClick(confirm, Qt::Key_Space);
        QCOMPARE(confirmed.count(), 1);

        // The answer must reach the operator: the dialog does not close while busy.
        QTest::keyClick(focusOr(&d), Qt::Key_Escape);
        QVERIFY(d.isVisible());
        QTest::keyClick(&d, Qt::Key_Escape);
        QVERIFY(d.isVisible());
        d.reject();
        QVERIFY(d.isVisible());
        QVERIFY(!d.close());
        QVERIFY(d.isVisible());
        QCOMPARE(rejected.count(), 0);
        QCOMPARE(d.result(), 0);
        QVERIFY(d.isBusy());
        QCOMPARE(confirmed.count(), 1);
    }

    void failureKeepsEverything()
    {
        ConfirmActionDialog d(fullSpec());
        QVERIFY(showActive(d));
        d.categoryBox()->setFocus(Qt::TabFocusReason);
        QTest::keyClick(d.categoryBox(), Qt::Key_Down);
        QTest::keyClick(d.categoryBox(), Qt::Key_Down);
        QCOMPARE(d.category(), QStringLiteral("BROKER_ERRORS"));
        QVERIFY(completeForm(d));
        const QString typed = d.reasonEdit()->toPlainText();
        QCOMPARE(typed, GoodReason);
        const QString key = d.idempotencyKey();
        QVERIFY(d.messageText().isEmpty());

        QSignalSpy confirmed(&d, &ConfirmActionDialog::confirmed);
        QTest::mouseClick(d.confirmButton(), Qt::LeftButton);
        QCOMPARE(confirmed.count(), 1);
        QVERIFY(d.isBusy());

        const QString failure = QStringLiteral("The server did not answer within 10 s. It now says: TRIPPED.");
        d.showFailure(failure);
        QVERIFY(!d.isBusy());
        QCOMPARE(d.messageText(), failure);
        auto *message = d.findChild<QLabel *>(QStringLiteral("message"));
        QVERIFY(message);
        QVERIFY(message->isVisible());
        QCOMPARE(d.reasonEdit()->toPlainText(), typed);
        QCOMPARE(d.reason(), GoodReason);
        QVERIFY(!d.reasonEdit()->isReadOnly());
        QVERIFY(d.acknowledgement()->isChecked());
        QVERIFY(d.acknowledgement()->isEnabled());
        QVERIFY(d.conditionsOverride()->isChecked());
        QCOMPARE(d.acceptedFailingConditions(), QStringList{QStringLiteral("broker_errors")});
        QCOMPARE(d.category(), QStringLiteral("BROKER_ERRORS"));
        QCOMPARE(d.environmentEdit()->text(), Production);
        QVERIFY(!d.environmentEdit()->isReadOnly());
        QCOMPARE(d.idempotencyKey(), key);
        QCOMPARE(d.confirmButton()->text(), ResetLabel);
        QVERIFY(d.confirmButton()->isEnabled());
        QVERIFY(d.cancelButton()->isEnabled());

        // Exactly one more request on the next click, however it is clicked.
        doubleClick(d.confirmButton());
        QTest::mouseClick(d.confirmButton(), Qt::LeftButton);
        QCOMPARE(confirmed.count(), 2);
        QVERIFY(d.isBusy());
        QCOMPARE(d.idempotencyKey(), key);

        // A failure again, then cancelling is possible.
        d.showFailure(failure);
        QVERIFY(d.isVisible());
        QSignalSpy rejected(&d, &QDialog::rejected);
        QTest::mouseClick(d.cancelButton(), Qt::LeftButton);
        QCOMPARE(rejected.count(), 1);
        QVERIFY(!d.isVisible());
        QCOMPARE(confirmed.count(), 2);
    }

    void rateLimitCountsDown()
    {
        MockClock clock;
        ConfirmActionDialog d(tripSpec(), clock);
        QVERIFY(showActive(d));
        QVERIFY(completeForm(d));
        QSignalSpy confirmed(&d, &ConfirmActionDialog::confirmed);
        QTest::mouseClick(d.confirmButton(), Qt::LeftButton);
        QCOMPARE(confirmed.count(), 1);

        const QString message = QStringLiteral("Too many resets: the server allows the next one in 37 s.");
        d.showRateLimit(37, message);
        QPushButton *confirm = d.confirmButton();
        QVERIFY(!d.isBusy());
        QCOMPARE(d.messageText(), message);
        QCOMPARE(d.rateLimitSecondsLeft(), 37);
        QVERIFY(!confirm->isEnabled());
        QVERIFY2(confirm->text().contains(QStringLiteral("37")), qPrintable(confirm->text()));
        QVERIFY2(confirm->text().contains(ConfirmLabel), qPrintable(confirm->text()));
        QCOMPARE(d.reasonEdit()->toPlainText(), GoodReason);
        QVERIFY(d.acknowledgement()->isChecked());
        QTest::mouseClick(confirm, Qt::LeftButton);
        doubleClick(confirm);
        QCOMPARE(confirmed.count(), 1);

        // Real time alone does not move it: the mock clock does.
        QTest::qWait(600);
        QVERIFY2(confirm->text().contains(QStringLiteral("37")), qPrintable(confirm->text()));

        clock.advanceSeconds(30);
        static const QRegularExpression seven(QStringLiteral("\\b7\\b"));
        QTRY_VERIFY2_WITH_TIMEOUT(seven.match(confirm->text()).hasMatch() && !confirm->text().contains(QStringLiteral("37")),
                                  qPrintable(confirm->text()), TimerWaitMs);
        QCOMPARE(d.rateLimitSecondsLeft(), 7);
        QVERIFY(!confirm->isEnabled());
        QTest::mouseClick(confirm, Qt::LeftButton);
        QCOMPARE(confirmed.count(), 1);

        clock.advanceSeconds(8);
        QTRY_COMPARE_WITH_TIMEOUT(confirm->text(), ConfirmLabel, TimerWaitMs);
        QVERIFY(confirm->isEnabled());
        QCOMPARE(d.rateLimitSecondsLeft(), 0);
        QTest::mouseClick(confirm, Qt::LeftButton);
        QCOMPARE(confirmed.count(), 2);
    }

    void idempotencyKeyLivesWithTheDialog()
    {
        MockClock clock;
        ConfirmActionDialog a(tripSpec(), clock);
        ConfirmActionDialog b(tripSpec(), clock);
        const QString key = a.idempotencyKey();
        QVERIFY(!key.isEmpty());
        QVERIFY2(key.size() >= 16, qPrintable(key));
        QVERIFY(!b.idempotencyKey().isEmpty());
        QVERIFY(key != b.idempotencyKey());

        QVERIFY(showActive(a));
        QVERIFY(completeForm(a));
        QCOMPARE(a.idempotencyKey(), key);
        QSignalSpy confirmed(&a, &ConfirmActionDialog::confirmed);
        QTest::mouseClick(a.confirmButton(), Qt::LeftButton);
        QCOMPARE(confirmed.count(), 1);
        QCOMPARE(a.idempotencyKey(), key);
        a.showFailure(QStringLiteral("timeout"));
        QCOMPARE(a.idempotencyKey(), key);
        QTest::mouseClick(a.confirmButton(), Qt::LeftButton);
        QCOMPARE(confirmed.count(), 2);
        a.showRateLimit(5, QStringLiteral("429"));
        QCOMPARE(a.idempotencyKey(), key);

        ConfirmActionDialog c(tripSpec(), clock);
        QVERIFY(c.idempotencyKey() != key);
        QVERIFY(c.idempotencyKey() != b.idempotencyKey());
    }

    void accessibleNames()
    {
        ConfirmActionDialog d(fullSpec());
        QVERIFY(showActive(d));
        const QList<QWidget *> controls = interactiveChildren(d);
        const QList<QWidget *> expected = {d.categoryBox(), d.reasonEdit(), d.acknowledgement(), d.conditionsOverride(),
                                           d.environmentEdit(), d.confirmButton(), d.cancelButton()};
        for (QWidget *w : expected) {
            QVERIFY(w);
            QVERIFY2(controls.contains(w), qPrintable(w->objectName()));
        }
        QCOMPARE(controls.size(), expected.size());
        for (QWidget *w : controls) {
            QVERIFY2(!w->accessibleName().trimmed().isEmpty(), qPrintable(w->objectName()));
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
            QVERIFY2(iface, qPrintable(w->objectName()));
            if (qobject_cast<QComboBox *>(w)) {
                // On Linux Qt reports a combo box's current text as its name and announces what
                // it is through its label: there must be one.
                bool labelled = false;
                for (const auto &relation : iface->relations(QAccessible::Label))
                    labelled = labelled || relation.first->text(QAccessible::Name).contains(QStringLiteral("Category"));
                QVERIFY2(labelled, "the category box has a label");
            } else {
                QCOMPARE(iface->text(QAccessible::Name), w->accessibleName());
            }
        }
        QCOMPARE(d.confirmButton()->accessibleName(), ResetLabel);
        QCOMPARE(d.cancelButton()->accessibleName(), QStringLiteral("Cancel"));
        QCOMPARE(d.reasonEdit()->accessibleName(), QStringLiteral("Reason"));
        QVERIFY(!d.accessibleName().isEmpty());

        // The counter is announced too.
        auto *counter = d.findChild<QLabel *>(QStringLiteral("reasonCounter"));
        QVERIFY(counter);
        QVERIFY(!counter->accessibleName().isEmpty());
    }

    void tabReachesEveryControl_data()
    {
        QTest::addColumn<bool>("full");
        QTest::newRow("trip") << false;
        QTest::newRow("reset in production with a failing condition") << true;
    }

    void tabReachesEveryControl()
    {
        QFETCH(bool, full);
        ConfirmActionDialog d(full ? fullSpec() : tripSpec());
        QVERIFY(showActive(d));
        QVERIFY(completeForm(d)); // a disabled confirm button is rightly skipped

        QList<QWidget *> expected = {d.categoryBox(), d.reasonEdit(), d.acknowledgement(), d.confirmButton(),
                                     d.cancelButton()};
        if (full)
            expected << d.conditionsOverride() << d.environmentEdit();
        for (QWidget *w : expected)
            QVERIFY(w);

        for (const bool forward : {true, false}) {
            d.cancelButton()->setFocus(Qt::OtherFocusReason);
            QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(d.cancelButton()));
            QList<QWidget *> visited;
            for (int i = 0; i < 30; ++i) {
                if (forward)
                    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
                else
                    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab, Qt::ShiftModifier);
                QWidget *now = QApplication::focusWidget();
                QVERIFY(now);
                QVERIFY2(now == &d || d.isAncestorOf(now), qPrintable(now->objectName()));
                if (now == d.cancelButton())
                    break;
                QVERIFY2(!visited.contains(now), qPrintable(now->objectName()));
                visited << now;
            }
            QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(d.cancelButton()));
            for (QWidget *w : expected)
                if (w != d.cancelButton())
                    QVERIFY2(visited.contains(w), qPrintable(w->objectName() + (forward ? QStringLiteral(" (Tab)") : QStringLiteral(" (Shift+Tab)"))));
            QCOMPARE(visited.size(), expected.size() - 1);
        }
        QVERIFY(d.isVisible());
        QVERIFY(!d.isBusy());
    }
};

QTEST_MAIN(TestConfirmDialog)
#include "tst_confirmdialog.moc"
