// Offscreen GUI test of the dialog that shows a new API key once: read-only monospace field, no
// way out (Close, Escape, close(), reject(), accept(), the window's close button) until "I have
// copied this key" is ticked, Copy to the clipboard and the clipboard cleared again after the
// interval if it still holds the key (also when the dialog was closed or destroyed before), but
// not when the operator copied something else meanwhile; on closing the key is wiped.
//
// The offscreen platform's clipboard is Qt's in-process QPlatformClipboard: setText/text/clear
// work within the process (checked in clipboardWorksOffscreen), which is all the dialog uses.

#include "apikeys/SecretDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFontDatabase>
#include <QFontInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleOptionButton>
#include <QWindow>
#include <QtTest>

#include <memory>

using namespace ops;

namespace {

const QString KeyName = QStringLiteral("reconciliation-batch");
const QString Secret = QStringLiteral("tp_test_k3y0pref.q2VZ3b4nO1c9wXyT7uYhLkJm0pQrStUvWxYz0123456");
constexpr int ClearMs = 300;

bool showActive(QDialog &d)
{
    d.show();
    if (!QTest::qWaitForWindowExposed(&d))
        return false;
    d.activateWindow();
    return QTest::qWaitForWindowActive(&d);
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

QString clipboardText()
{
    return QGuiApplication::clipboard()->text();
}

// Every text the dialog's widgets still hold.
QStringList visibleTexts(const QDialog &d)
{
    QStringList out{d.windowTitle()};
    for (const QLineEdit *e : d.findChildren<QLineEdit *>())
        out << e->text() << e->displayText() << e->placeholderText();
    for (const QLabel *l : d.findChildren<QLabel *>())
        out << l->text();
    for (const QAbstractButton *b : d.findChildren<QAbstractButton *>())
        out << b->text();
    return out;
}

} // namespace

class TestSecretDialog final : public QObject
{
    Q_OBJECT

    std::unique_ptr<SecretDialog> make(const QString &note = {})
    {
        auto d = std::make_unique<SecretDialog>(KeyName, Secret, note);
        d->setClipboardClearMs(ClearMs);
        return d;
    }

private slots:
    void init()
    {
        QGuiApplication::clipboard()->setText(QStringLiteral("before the test"));
    }

    void cleanup()
    {
        QGuiApplication::clipboard()->clear();
        QTest::qWait(0);
    }

    void clipboardWorksOffscreen()
    {
        QCOMPARE(QGuiApplication::platformName(), QStringLiteral("offscreen"));
        QClipboard *clipboard = QGuiApplication::clipboard();
        clipboard->setText(QStringLiteral("probe"));
        QCOMPARE(clipboard->text(), QStringLiteral("probe"));
        clipboard->clear();
        QCOMPARE(clipboard->text(), QString());
    }

    void showsTheKeyInAReadOnlyMonospaceField()
    {
        auto d = make(QStringLiteral("The old key tp_test_aaaa1111 keeps working until tomorrow."));
        QVERIFY(showActive(*d));
        QLineEdit *field = d->secretField();
        QCOMPARE(field->text(), Secret);
        QCOMPARE(field->displayText(), Secret);
        QVERIFY(field->isReadOnly());
        QCOMPARE(field->echoMode(), QLineEdit::Normal);
        QVERIFY(field->isVisible());
        QCOMPARE(field->font().family(), QFontDatabase::systemFont(QFontDatabase::FixedFont).family());
        QVERIFY2(QFontInfo(field->font()).fixedPitch(), qPrintable(QFontInfo(field->font()).family()));
        QCOMPARE(field->contextMenuPolicy(), Qt::NoContextMenu);
        // Typing into it changes nothing.
        field->setFocus();
        QTest::keyClicks(field, QStringLiteral("xyz"));
        QTest::keyClick(field, Qt::Key_Backspace);
        QCOMPARE(field->text(), Secret);

        QVERIFY(d->windowTitle().contains(KeyName));
        QVERIFY(d->isModal());
        auto *note = d->findChild<QLabel *>(QStringLiteral("note"));
        QVERIFY(note);
        QCOMPARE(note->text(), QStringLiteral("The old key tp_test_aaaa1111 keeps working until tomorrow."));
        QVERIFY(!d->copiedBox()->isChecked());
        QVERIFY(!d->closeButton()->isEnabled());
        QVERIFY(d->copyButton()->isEnabled());
        QVERIFY(!d->isWiped());
        QCOMPARE(SecretDialog::ClipboardClearMs, 30000);
    }

    void cannotBeClosedUnticked()
    {
        auto d = make();
        QSignalSpy finished(d.get(), &QDialog::finished);
        QVERIFY(showActive(*d));

        QTest::mouseClick(d->closeButton(), Qt::LeftButton); // disabled
        QVERIFY(d->isVisible());
        QTest::keyClick(d.get(), Qt::Key_Escape);
        QVERIFY(d->isVisible());
        QTest::keyClick(d->copyButton(), Qt::Key_Escape);
        QVERIFY(d->isVisible());
        QTest::keyClick(d.get(), Qt::Key_Return);
        QVERIFY(d->isVisible());
        QVERIFY(!d->close());
        QVERIFY(d->isVisible());
        d->reject();
        QVERIFY(d->isVisible());
        d->accept();
        QVERIFY(d->isVisible());
        d->done(QDialog::Accepted);
        QVERIFY(d->isVisible());
        // The window manager's close button.
        QVERIFY(d->windowHandle());
        d->windowHandle()->close();
        QTest::qWait(50);
        QVERIFY(d->isVisible());

        QCOMPARE(finished.count(), 0);
        QCOMPARE(d->secretField()->text(), Secret);
        QVERIFY(!d->isWiped());
    }

    void afterTickingCloseClosesAndWipes()
    {
        auto d = make();
        QSignalSpy finished(d.get(), &QDialog::finished);
        QVERIFY(showActive(*d));
        clickCheckBox(d->copiedBox());
        QVERIFY(d->copiedBox()->isChecked());
        QVERIFY(d->closeButton()->isEnabled());
        // Unticking disables Close again.
        clickCheckBox(d->copiedBox());
        QVERIFY(!d->closeButton()->isEnabled());
        QVERIFY(!d->close());
        QVERIFY(d->isVisible());
        clickCheckBox(d->copiedBox());

        QTest::mouseClick(d->closeButton(), Qt::LeftButton);
        QTRY_VERIFY(!d->isVisible());
        QCOMPARE(finished.count(), 1);
        QCOMPARE(d->result(), int(QDialog::Accepted));
        QCOMPARE(d->secretField()->text(), QString());
        QVERIFY(d->isWiped());
        for (const QString &text : visibleTexts(*d))
            QVERIFY2(!text.contains(Secret) && !text.contains(Secret.mid(17)), qPrintable(text));
    }

    void escapeClosesOnceTicked()
    {
        auto d = make();
        QVERIFY(showActive(*d));
        d->copiedBox()->setFocus();
        QTest::keyClick(d->copiedBox(), Qt::Key_Space); // ticks it from the keyboard
        QVERIFY(d->copiedBox()->isChecked());
        QTest::keyClick(d.get(), Qt::Key_Escape);
        QTRY_VERIFY(!d->isVisible());
        QCOMPARE(d->result(), int(QDialog::Rejected));
        QVERIFY(d->isWiped());
        QCOMPARE(d->secretField()->text(), QString());
    }

    void windowCloseButtonClosesOnceTicked()
    {
        auto d = make();
        QVERIFY(showActive(*d));
        clickCheckBox(d->copiedBox());
        d->windowHandle()->close();
        QTRY_VERIFY(!d->isVisible());
        QVERIFY(d->isWiped());
        QCOMPARE(d->secretField()->text(), QString());
    }

    void copyPutsTheKeyOnTheClipboardAndClearsItLater()
    {
        auto d = make();
        QVERIFY(showActive(*d));
        QElapsedTimer elapsed;
        QTest::mouseClick(d->copyButton(), Qt::LeftButton);
        elapsed.start();
        QCOMPARE(clipboardText(), Secret);
        auto *note = d->findChild<QLabel *>(QStringLiteral("copyNote"));
        QVERIFY(note && note->isVisible());
        QVERIFY2(note->text().startsWith(QStringLiteral("Copied.")), qPrintable(note->text()));

        QTest::qWait(ClearMs / 3);
        QCOMPARE(clipboardText(), Secret); // not before its time
        QTRY_COMPARE_WITH_TIMEOUT(clipboardText(), QString(), 3000);
        QVERIFY2(elapsed.elapsed() >= ClearMs - 50, qPrintable(QString::number(elapsed.elapsed())));
        QCOMPARE(note->text(), QStringLiteral("The clipboard was cleared."));
        // The dialog itself still shows the key: only the clipboard was cleared.
        QCOMPARE(d->secretField()->text(), Secret);
        QVERIFY(d->isVisible());
    }

    void copyNoteStatesTheDefaultInterval()
    {
        SecretDialog d(KeyName, Secret, {});
        QVERIFY(showActive(d));
        QTest::mouseClick(d.copyButton(), Qt::LeftButton);
        QCOMPARE(clipboardText(), Secret);
        auto *note = d.findChild<QLabel *>(QStringLiteral("copyNote"));
        QCOMPARE(note->text(), QStringLiteral("Copied. The clipboard is cleared in 30 s if it still holds the key."));
        QTest::qWait(400);
        QCOMPARE(clipboardText(), Secret); // 30 s, not 300 ms
        clickCheckBox(d.copiedBox());
        QTest::mouseClick(d.closeButton(), Qt::LeftButton);
        QTRY_VERIFY(!d.isVisible());
    }

    void clearedOnTimeEvenWhenTheDialogClosedBefore()
    {
        auto d = make();
        QVERIFY(showActive(*d));
        QTest::mouseClick(d->copyButton(), Qt::LeftButton);
        QElapsedTimer elapsed;
        elapsed.start();
        QCOMPARE(clipboardText(), Secret);
        clickCheckBox(d->copiedBox());
        QTest::mouseClick(d->closeButton(), Qt::LeftButton);
        QTRY_VERIFY(!d->isVisible());
        QVERIFY(d->isWiped());
        // Closing does not clear early: the operator may still be pasting it somewhere.
        QCOMPARE(clipboardText(), Secret);
        QTRY_COMPARE_WITH_TIMEOUT(clipboardText(), QString(), 3000);
        QVERIFY2(elapsed.elapsed() >= ClearMs - 50, qPrintable(QString::number(elapsed.elapsed())));
    }

    void clearedOnTimeWhenTheClosedDialogIsDeleted()
    {
        auto d = make();
        QVERIFY(showActive(*d));
        QTest::mouseClick(d->copyButton(), Qt::LeftButton);
        clickCheckBox(d->copiedBox());
        QTest::mouseClick(d->closeButton(), Qt::LeftButton);
        QTRY_VERIFY(!d->isVisible());
        d.reset(); // WA_DeleteOnClose in the page
        QCOMPARE(clipboardText(), Secret);
        QTRY_COMPARE_WITH_TIMEOUT(clipboardText(), QString(), 3000);
    }

    void destroyedWhileOpenClearsAtOnce()
    {
        // The parent goes away (sign-out, quit) with the dialog still open and the key copied.
        auto d = make();
        QVERIFY(showActive(*d));
        QTest::mouseClick(d->copyButton(), Qt::LeftButton);
        QCOMPARE(clipboardText(), Secret);
        d.reset();
        QCOMPARE(clipboardText(), QString());
    }

    void somethingElseCopiedMeanwhileIsLeftAlone()
    {
        auto d = make();
        QVERIFY(showActive(*d));
        QTest::mouseClick(d->copyButton(), Qt::LeftButton);
        QCOMPARE(clipboardText(), Secret);
        QGuiApplication::clipboard()->setText(QStringLiteral("SELECT * FROM positions"));
        QTest::qWait(ClearMs * 2);
        QCOMPARE(clipboardText(), QStringLiteral("SELECT * FROM positions"));
        QVERIFY(d->isVisible());
    }

    void somethingElseCopiedAfterClosingIsLeftAlone()
    {
        auto d = make();
        QVERIFY(showActive(*d));
        QTest::mouseClick(d->copyButton(), Qt::LeftButton);
        clickCheckBox(d->copiedBox());
        QTest::mouseClick(d->closeButton(), Qt::LeftButton);
        QTRY_VERIFY(!d->isVisible());
        QGuiApplication::clipboard()->setText(QStringLiteral("https://wiki.example/runbooks/api-keys"));
        QTest::qWait(ClearMs * 2);
        QCOMPARE(clipboardText(), QStringLiteral("https://wiki.example/runbooks/api-keys"));
        d.reset();
        QCOMPARE(clipboardText(), QStringLiteral("https://wiki.example/runbooks/api-keys"));
    }

    void somethingElseCopiedBeforeDestructionIsLeftAlone()
    {
        auto d = make();
        QVERIFY(showActive(*d));
        QTest::mouseClick(d->copyButton(), Qt::LeftButton);
        QGuiApplication::clipboard()->setText(QStringLiteral("operator notes"));
        d.reset();
        QCOMPARE(clipboardText(), QStringLiteral("operator notes"));
    }

    // The field has no context menu so that Copy is "the one way out", but the keyboard's copy
    // works in a read-only line edit too: a key copied that way must be cleared all the same.
    void copiedWithTheKeyboardFromTheFieldIsClearedToo()
    {
        auto d = make();
        QVERIFY(showActive(*d));
        d->secretField()->setFocus(Qt::MouseFocusReason);
        QTest::keyClick(d->secretField(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(d->secretField(), Qt::Key_C, Qt::ControlModifier);
        // Ctrl+C in the field goes through Copy (and its clearing timer).
        QCOMPARE(clipboardText(), Secret);
        QVERIFY2(QTest::qWaitFor([] { return clipboardText().isEmpty(); }, ClearMs * 4),
                 "the key copied with Ctrl+C from the field stays on the clipboard");
    }

    void copiedWithTheKeyboardIsClearedWhenTheDialogGoes()
    {
        auto d = make();
        QVERIFY(showActive(*d));
        d->secretField()->setFocus(Qt::MouseFocusReason);
        QTest::keyClick(d->secretField(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(d->secretField(), Qt::Key_C, Qt::ControlModifier);
        // Ctrl+C in the field goes through Copy (and its clearing timer).
        QCOMPARE(clipboardText(), Secret);
        clickCheckBox(d->copiedBox());
        QTest::mouseClick(d->closeButton(), Qt::LeftButton);
        QTRY_VERIFY(!d->isVisible());
        d.reset();
        QVERIFY2(QTest::qWaitFor([] { return clipboardText().isEmpty(); }, ClearMs * 4),
                 "the key copied with Ctrl+C stays on the clipboard after the dialog is gone");
    }

    void neverCopiedNeverTouchesTheClipboard()
    {
        auto d = make();
        QVERIFY(showActive(*d));
        QCOMPARE(clipboardText(), QStringLiteral("before the test"));
        clickCheckBox(d->copiedBox());
        QTest::mouseClick(d->closeButton(), Qt::LeftButton);
        QTRY_VERIFY(!d->isVisible());
        QTest::qWait(ClearMs * 2);
        d.reset();
        QCOMPARE(clipboardText(), QStringLiteral("before the test"));
    }
};

QTEST_MAIN(TestSecretDialog)
#include "tst_secretdialog.moc"
