// The reason rule of every dangerous action (trip, reset, engage, disengage): at least 20 visible
// characters after normalising. Strings are written with explicit \u / \U escapes so that the
// invisible characters under test can be read in the source.
#include "breaker/ReasonText.h"

#include <QtTest>

using namespace ops;

namespace {

// 19 and 20 visible ASCII characters (spaces do not count):
// "Broker"6 + "feed"4 + "is"2 + "stale!!"7 = 19.
const QString Ascii19 = QStringLiteral("Broker feed is stale!!");
const QString Ascii20 = QStringLiteral("Broker feed is stale!!!");
// 19 letters, no spaces, for the "19 + one more thing" rows.
const QString Letters19 = QStringLiteral("ABCDEFGHIJKLMNOPQRS");

QString repeated(QStringView unit, int times)
{
    QString out;
    for (int i = 0; i < times; ++i)
        out += unit;
    return out;
}

// Letters19 with `pad` spread around and between its letters until the string holds `units`
// UTF-16 code units.
QString padded(const QString &text, const QList<QStringView> &pad, qsizetype units)
{
    QString out;
    qsizetype p = 0;
    qsizetype i = 0;
    // One pad before the first letter, then alternate letter / pad, the rest at the end.
    while (out.size() + (text.size() - i) < units || i < text.size()) {
        if (out.size() + (text.size() - i) < units)
            out += pad.at(p++ % pad.size());
        if (i < text.size())
            out += text.at(i++);
    }
    return out;
}

QString withChar(QStringView text, char16_t c, qsizetype at)
{
    QString out = text.toString();
    out.insert(at, QChar(c));
    return out;
}

} // namespace

class TestReasonText final : public QObject
{
    Q_OBJECT

private slots:
    void visibleLength_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("codeUnits"); // -1: not checked
        QTest::addColumn<int>("visible");

        QTest::newRow("empty") << QString() << 0 << 0;
        QTest::newRow("19 visible ASCII (with spaces)") << Ascii19 << 22 << 19;
        QTest::newRow("20 visible ASCII (with spaces)") << Ascii20 << 23 << 20;
        QTest::newRow("19 letters") << Letters19 << 19 << 19;
        QTest::newRow("20 letters") << QStringLiteral("ABCDEFGHIJKLMNOPQRST") << 20 << 20;
        QTest::newRow("digits and punctuation count") << QStringLiteral("INC-1234: feed #7 (5 min)!") << 26 << 22;

        // Whitespace alone is nothing.
        QTest::newRow("20 spaces") << repeated(u" ", 20) << 20 << 0;
        QTest::newRow("20 tabs and newlines") << repeated(u"\t\n", 10) << 20 << 0;
        QTest::newRow("20 CR LF") << repeated(u"\r\n", 10) << 20 << 0;
        QTest::newRow("no-break, em and ideographic spaces")
            << repeated(u"\u00A0\u2003\u3000\u2009", 5) << 20 << 0;
        QTest::newRow("leading and trailing whitespace trimmed")
            << (QStringLiteral(" \t\n\u00A0") + Letters19 + QStringLiteral("\u3000 \r\n")) << 27 << 19;
        QTest::newRow("inner spaces never count") << QStringLiteral("A B C D E F G H I J K L M N O P Q R S T")
                                                   << 39 << 20;

        // Zero-width padding of a 19-character reason to 40 code units stays 19.
        QTest::newRow("19 + ZERO WIDTH SPACE to 40") << padded(Letters19, {u"\u200B"}, 40) << 40 << 19;
        QTest::newRow("19 + ZERO WIDTH JOINER to 40") << padded(Letters19, {u"\u200D"}, 40) << 40 << 19;
        QTest::newRow("19 + BOM / ZWNBSP to 40") << padded(Letters19, {u"\uFEFF"}, 40) << 40 << 19;
        QTest::newRow("19 + ZWSP/ZWJ/BOM/ZWNJ/WJ mix to 40")
            << padded(Letters19, {u"\u200B", u"\u200D", u"\uFEFF", u"\u200C", u"\u2060"}, 40) << 40 << 19;
        QTest::newRow("Ascii19 + zero width to 40") << padded(Ascii19, {u"\u200B", u"\uFEFF"}, 40) << 40 << 19;
        QTest::newRow("only zero-width characters") << repeated(u"\u200B\u200D\uFEFF\u2060", 10) << 40 << 0;

        // Bidi controls display text differently from what it is: they never count.
        QTest::newRow("RIGHT-TO-LEFT OVERRIDE in 19") << withChar(Letters19, u'\u202E', 5) << 20 << 19;
        QTest::newRow("RLO at the start of 20") << (QStringLiteral("\u202E") + Ascii20) << 24 << 20;
        QTest::newRow("20 bidi controls") << repeated(u"\u202A\u202B\u202C\u202D\u202E", 4) << 20 << 0;
        QTest::newRow("isolates U+2066..U+2069 around 19")
            << (QStringLiteral("\u2066\u2067\u2068") + Letters19 + QStringLiteral("\u2069")) << 23 << 19;
        QTest::newRow("LRM / RLM / ALM marks") << (Letters19 + QStringLiteral("\u200E\u200F\u061C")) << 22 << 19;

        // Control characters are removed and never count.
        QTest::newRow("C0 and C1 controls in 19")
            << (QStringLiteral("\u0007AB\u001BCD\u007F") + Letters19.mid(4) + QStringLiteral("\u0085\u009B\u0001"))
            << 25 << 19;
        QTest::newRow("NUL characters") << (QString(3, QChar(u'\0')) + Letters19 + QString(3, QChar(u'\0'))) << 25
                                        << 19;

        // An emoji is one visible character, however many code points it is made of.
        QTest::newRow("19 + thumbs up") << (Letters19 + QStringLiteral("\U0001F44D")) << 21 << 20;
        QTest::newRow("19 + thumbs up, medium skin tone")
            << (Letters19 + QStringLiteral("\U0001F44D\U0001F3FD")) << 23 << 20;
        QTest::newRow("19 + family man ZWJ woman ZWJ girl")
            << (Letters19 + QStringLiteral("\U0001F468\u200D\U0001F469\u200D\U0001F467")) << 27 << 20;
        QTest::newRow("19 + flag of Germany") << (Letters19 + QStringLiteral("\U0001F1E9\U0001F1EA")) << 23 << 20;
        QTest::newRow("18 + flags of Germany and France")
            << (Letters19.left(18) + QStringLiteral("\U0001F1E9\U0001F1EA\U0001F1EB\U0001F1F7")) << 26 << 20;
        QTest::newRow("19 + red heart with VS16") << (Letters19 + QStringLiteral("\u2764\uFE0F")) << 21 << 20;
        QTest::newRow("emoji between words") << (QStringLiteral("Feed \U0001F44D\U0001F3FD stale")) << 15 << 10;
        QTest::newRow("20 thumbs up") << repeated(u"\U0001F44D", 20) << 40 << 20;
        QTest::newRow("10 ZWJ families (80 code units)")
            << repeated(u"\U0001F468\u200D\U0001F469\u200D\U0001F467", 10) << 80 << 10;

        // Combining marks: "é" as e + U+0301 is one; marks on their own are nothing.
        QTest::newRow("e + COMBINING ACUTE counts once")
            << QStringLiteral("Cafe\u0301 feed down, halting") << 24 << 20;
        QTest::newRow("19 with a decomposed e") << (QStringLiteral("e\u0301") + Letters19.mid(1)) << 20 << 19;
        QTest::newRow("25 lone combining marks") << repeated(u"\u0301", 25) << 25 << 0;
        QTest::newRow("25 mixed lone combining marks") << repeated(u"\u0301\u0308\u0323\u0336\u20DD", 5) << 25 << 0;
        QTest::newRow("combining marks after a space")
            << (Letters19 + QStringLiteral(" ") + repeated(u"\u0301", 25)) << 45 << 19;
        QTest::newRow("a letter with many marks is one") << (QStringLiteral("a") + repeated(u"\u0301\u0308", 10)) << 21
                                                        << 1;

        // CJK: one visible character each.
        QTest::newRow("20 CJK characters") << QStringLiteral("行情数据延迟超过五分钟暂停交易以防损失") + QStringLiteral("扩")
                                           << 20 << 20;
        QTest::newRow("19 CJK characters") << QStringLiteral("行情数据延迟超过五分钟暂停交易以防损失") << 19 << 19;
        QTest::newRow("CJK with ideographic comma") << QStringLiteral("行情数据延迟，暂停交易。") << 12 << 12;
        QTest::newRow("Hangul jamo sequence is one") << QStringLiteral("\u1100\u1161\u11A8") << 3 << 1;
    }

    void visibleLength()
    {
        QFETCH(QString, text);
        QFETCH(int, codeUnits);
        QFETCH(int, visible);
        if (codeUnits >= 0)
            QCOMPARE(text.size(), qsizetype(codeUnits)); // the row is what it claims to be
        QCOMPARE(reason::visibleLength(text), visible);
        QCOMPARE(reason::isSufficient(text), visible >= 20);
        // Counting the normalised text gives the same answer (the sandbox counts what was sent).
        QCOMPARE(reason::visibleLength(reason::normalised(text)), visible);
    }

    void isSufficient_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("sufficient");

        QTest::newRow("19 ASCII") << Ascii19 << false;
        QTest::newRow("20 ASCII") << Ascii20 << true;
        QTest::newRow("20 spaces") << repeated(u" ", 20) << false;
        QTest::newRow("20 tabs/newlines") << repeated(u"\t\n", 10) << false;
        QTest::newRow("19 padded with zero width to 40") << padded(Letters19, {u"\u200B", u"\u200D", u"\uFEFF"}, 40)
                                                         << false;
        QTest::newRow("19 + RLO") << (QStringLiteral("\u202E") + Letters19) << false;
        QTest::newRow("19 + emoji") << (Letters19 + QStringLiteral("\U0001F44D")) << true;
        QTest::newRow("19 + skin-tone emoji") << (Letters19 + QStringLiteral("\U0001F44D\U0001F3FD")) << true;
        QTest::newRow("19 + ZWJ family") << (Letters19 + QStringLiteral("\U0001F468\u200D\U0001F469\u200D\U0001F467"))
                                         << true;
        QTest::newRow("19 + flag") << (Letters19 + QStringLiteral("\U0001F1E9\U0001F1EA")) << true;
        // Multi-code-point emoji still count once: 18 + one emoji is 19.
        QTest::newRow("18 + flag") << (Letters19.left(18) + QStringLiteral("\U0001F1E9\U0001F1EA")) << false;
        QTest::newRow("18 + skin-tone emoji") << (Letters19.left(18) + QStringLiteral("\U0001F44D\U0001F3FD")) << false;
        QTest::newRow("18 + ZWJ family (5 code points)")
            << (Letters19.left(18) + QStringLiteral("\U0001F468\u200D\U0001F469\u200D\U0001F467")) << false;
        QTest::newRow("19 + 25 lone combining marks") << (Letters19 + QStringLiteral(" ") + repeated(u"\u0301", 25))
                                                      << false;
        QTest::newRow("19 + control characters") << (Letters19 + QStringLiteral("\u0007\u001B")) << false;
        QTest::newRow("20 CJK") << QStringLiteral("行情数据延迟超过五分钟暂停交易以防损失扩") << true;
        QTest::newRow("19 CJK") << QStringLiteral("行情数据延迟超过五分钟暂停交易以防损失") << false;
    }

    void isSufficient()
    {
        QFETCH(QString, text);
        QFETCH(bool, sufficient);
        QCOMPARE(reason::MinimumVisibleLength, 20);
        QCOMPARE(reason::isSufficient(text), sufficient);
    }

    void normalised_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");

        QTest::newRow("plain text unchanged") << Ascii20 << Ascii20;
        QTest::newRow("surrounding whitespace trimmed")
            << QStringLiteral("  \t\n Broker feed is stale \r\n\u00A0\u3000") << QStringLiteral("Broker feed is stale");
        QTest::newRow("inner spaces kept") << QStringLiteral("a  b   c") << QStringLiteral("a  b   c");
        QTest::newRow("only whitespace") << repeated(u" \t\n", 7) << QString();
        QTest::newRow("RLO removed") << QStringLiteral("abc\u202Edef") << QStringLiteral("abcdef");
        QTest::newRow("embeddings and overrides U+202A..U+202E removed")
            << QStringLiteral("\u202Aa\u202Bb\u202Cc\u202Dd\u202Ee") << QStringLiteral("abcde");
        QTest::newRow("isolates U+2066..U+2069 removed")
            << QStringLiteral("\u2066a\u2067b\u2068c\u2069d") << QStringLiteral("abcd");
        QTest::newRow("RLO spoofing a file name") << QStringLiteral("invoice\u202Egpj.exe") << QStringLiteral("invoicegpj.exe");
        QTest::newRow("controls removed") << QStringLiteral("a\u0001b\u0007c\u001Bd\u007Fe\u009Bf")
                                          << QStringLiteral("abcdef");
        QTest::newRow("NUL removed") << (QStringLiteral("ab") + QChar(u'\0') + QStringLiteral("cd"))
                                     << QStringLiteral("abcd");
        QTest::newRow("control then whitespace at the ends")
            << QStringLiteral("\u0007  Broker feed\u202E  \u0001") << QStringLiteral("Broker feed");
        QTest::newRow("emoji kept intact")
            << QStringLiteral("ok \U0001F44D\U0001F3FD \U0001F468\u200D\U0001F469\u200D\U0001F467 \U0001F1E9\U0001F1EA")
            << QStringLiteral("ok \U0001F44D\U0001F3FD \U0001F468\u200D\U0001F469\u200D\U0001F467 \U0001F1E9\U0001F1EA");
        QTest::newRow("combining marks kept") << QStringLiteral("Cafe\u0301") << QStringLiteral("Cafe\u0301");
        QTest::newRow("CJK kept") << QStringLiteral(" 暂停交易 ") << QStringLiteral("暂停交易");
        QTest::newRow("zero-width joiner inside an emoji kept")
            << QStringLiteral("\U0001F468\u200D\U0001F469") << QStringLiteral("\U0001F468\u200D\U0001F469");
    }

    void normalised()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const QString result = reason::normalised(text);
        QCOMPARE(result, expected);
        // Idempotent: normalising what was sent changes nothing.
        QCOMPARE(reason::normalised(result), result);
        for (const char32_t ucs : result.toUcs4()) {
            QVERIFY2(QChar::category(ucs) != QChar::Other_Control, qPrintable(QString::number(ucs, 16)));
            QVERIFY2(!((ucs >= 0x202A && ucs <= 0x202E) || (ucs >= 0x2066 && ucs <= 0x2069)),
                     qPrintable(QString::number(ucs, 16)));
        }
    }

    // The trip dialog's reason is a multi-line text field. A line break (or tab) between two words
    // must not glue them together in what is sent and audited.
    void normalisedKeepsWordsApartAcrossLineBreaks_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("simplified");

        QTest::newRow("newline") << QStringLiteral("Broker API errors.\nSee INC-1234")
                                 << QStringLiteral("Broker API errors. See INC-1234");
        QTest::newRow("CR LF") << QStringLiteral("Broker API errors.\r\nSee INC-1234")
                               << QStringLiteral("Broker API errors. See INC-1234");
        QTest::newRow("tab") << QStringLiteral("drawdown\t4.2%") << QStringLiteral("drawdown 4.2%");
    }

    void normalisedKeepsWordsApartAcrossLineBreaks()
    {
        QFETCH(QString, text);
        QFETCH(QString, simplified);
        QCOMPARE(reason::normalised(text).simplified(), simplified);
    }
};

QTEST_APPLESS_MAIN(TestReasonText)
#include "tst_reasontext.moc"
