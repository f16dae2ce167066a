// The CSV rules of the audit export in C++ (CsvExporter's static helpers) and the masking rule
// (masking::masked). The SQL forms are checked against these in tests/e2e/tst_csv_export.cpp.
#include "audit/CsvExporter.h"
#include "audit/Masking.h"

#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

using namespace Qt::StringLiterals;

class TestCsvRules final : public QObject
{
    Q_OBJECT

private slots:
    void plainNumbers_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<bool>("number");
        QTest::newRow("-5") << u"-5"_s << true;
        QTest::newRow("+3.25") << u"+3.25"_s << true;
        QTest::newRow("+1") << u"+1"_s << true;
        QTest::newRow("42") << u"42"_s << true;
        QTest::newRow("-.5") << u"-.5"_s << true;
        QTest::newRow("-7.") << u"-7."_s << true;
        QTest::newRow("-1e5") << u"-1e5"_s << true;
        QTest::newRow("+2E-3") << u"+2E-3"_s << true;
        QTest::newRow("-2+3") << u"-2+3"_s << false;
        QTest::newRow("=1+2") << u"=1+2"_s << false;
        QTest::newRow("-") << u"-"_s << false;
        QTest::newRow("+.") << u"+."_s << false;
        QTest::newRow("-1e") << u"-1e"_s << false;
        QTest::newRow("-5 ") << u"-5 "_s << false;
        QTest::newRow("-5\\n") << u"-5\n"_s << false;
        QTest::newRow("--5") << u"--5"_s << false;
        QTest::newRow("-0x10") << u"-0x10"_s << false;
        QTest::newRow("-inf") << u"-inf"_s << false;
        QTest::newRow("fullwidth -5") << u"\uFF0D5"_s << false;
        QTest::newRow("arabic digits") << u"-\u0665"_s << false;
        QTest::newRow("empty") << QString() << false;
    }
    void plainNumbers()
    {
        QFETCH(QString, cell);
        QFETCH(bool, number);
        QCOMPARE(ops::CsvExporter::isPlainNumber(cell), number);
    }

    void guard_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QString>("written");
        // OWASP's CSV-injection examples.
        QTest::newRow("=1+2\";=1+2") << u"=1+2\";=1+2"_s << u"'=1+2\";=1+2"_s;
        QTest::newRow("@SUM") << u"@SUM(1+1)*cmd|' /C calc'!A0"_s << u"'@SUM(1+1)*cmd|' /C calc'!A0"_s;
        QTest::newRow("+1 is a number") << u"+1"_s << u"+1"_s;
        QTest::newRow("-2+3") << u"-2+3"_s << u"'-2+3"_s;
        QTest::newRow("tab") << u"\t=1"_s << u"'\t=1"_s;
        QTest::newRow("cr") << u"\r=1"_s << u"'\r=1"_s;
        QTest::newRow("lf") << u"\n=1"_s << u"'\n=1"_s;
        QTest::newRow("fullwidth =") << u"\uFF1D1+2"_s << u"'\uFF1D1+2"_s;
        QTest::newRow("fullwidth +") << u"\uFF0B1"_s << u"'\uFF0B1"_s;
        QTest::newRow("fullwidth -") << u"\uFF0D5"_s << u"'\uFF0D5"_s;
        QTest::newRow("fullwidth @") << u"\uFF20x"_s << u"'\uFF20x"_s;
        QTest::newRow("-5 stays") << u"-5"_s << u"-5"_s;
        QTest::newRow("+3.25 stays") << u"+3.25"_s << u"+3.25"_s;
        QTest::newRow("plain") << u"LOGIN"_s << u"LOGIN"_s;
        QTest::newRow("inner =") << u"a=b"_s << u"a=b"_s;
        QTest::newRow("quote first") << u"'x"_s << u"'x"_s;
        QTest::newRow("space first") << u" =1"_s << u" =1"_s;
        QTest::newRow("empty") << u""_s << u""_s;
    }
    void guard()
    {
        QFETCH(QString, cell);
        QFETCH(QString, written);
        QCOMPARE(ops::CsvExporter::guardCell(cell), written);
    }

    void fields_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QByteArray>("field");
        QTest::newRow("plain") << u"abc"_s << QByteArray("abc");
        QTest::newRow("null") << QString() << QByteArray("");
        QTest::newRow("empty") << u""_s << QByteArray("\"\"");
        QTest::newRow("comma") << u"a,b"_s << QByteArray("\"a,b\"");
        QTest::newRow("quote") << u"say \"hi\""_s << QByteArray("\"say \"\"hi\"\"\"");
        QTest::newRow("lf") << u"a\nb"_s << QByteArray("\"a\nb\"");
        QTest::newRow("cr") << u"a\rb"_s << QByteArray("\"a\rb\"");
        QTest::newRow("tab unquoted") << u"a\tb"_s << QByteArray("a\tb");
        QTest::newRow("utf8") << u"Gr\u00fc\u00dfe \U0001F600"_s << QByteArray("Gr\xC3\xBC\xC3\x9F" "e \xF0\x9F\x98\x80");
    }
    void fields()
    {
        QFETCH(QString, cell);
        QFETCH(QByteArray, field);
        QCOMPARE(ops::CsvExporter::csvField(cell), field);
    }

    void timestamps_data()
    {
        QTest::addColumn<qint64>("micros");
        QTest::addColumn<QString>("iso");
        QTest::newRow("example") << qint64(1795435445123456) << u"2026-11-23T12:04:05.123456+00:00"_s;
        QTest::newRow("epoch") << qint64(0) << u"1970-01-01T00:00:00.000000+00:00"_s;
        QTest::newRow("before epoch") << qint64(-1) << u"1969-12-31T23:59:59.999999+00:00"_s;
        QTest::newRow("whole second") << qint64(1767323045000000) << u"2026-01-02T03:04:05.000000+00:00"_s;
    }
    void timestamps()
    {
        QFETCH(qint64, micros);
        QFETCH(QString, iso);
        QCOMPARE(ops::CsvExporter::isoUtc(micros), iso);
    }

    void compactJson_data()
    {
        QTest::addColumn<QString>("jsonb");
        QTest::addColumn<QString>("compact");
        QTest::newRow("object") << u"{\"a\": 1, \"b\": [1, 2, {\"c\": null}]}"_s << u"{\"a\":1,\"b\":[1,2,{\"c\":null}]}"_s;
        QTest::newRow("blanks in strings") << u"{\"a b\": \"x, y: z\"}"_s << u"{\"a b\":\"x, y: z\"}"_s;
        QTest::newRow("escaped quote") << u"{\"k\": \"say \\\"hi, there\\\" \", \"n\": 1}"_s
                                       << u"{\"k\":\"say \\\"hi, there\\\" \",\"n\":1}"_s;
        QTest::newRow("escaped backslash at end") << u"{\"k\": \"a\\\\\", \"n\": \" \"}"_s
                                                  << u"{\"k\":\"a\\\\\",\"n\":\" \"}"_s;
        QTest::newRow("scalar") << u"-5"_s << u"-5"_s;
        QTest::newRow("string") << u"\"a b\""_s << u"\"a b\""_s;
    }
    void compactJson()
    {
        QFETCH(QString, jsonb);
        QFETCH(QString, compact);
        QCOMPARE(ops::CsvExporter::compactJson(jsonb), compact);
    }

    void columns()
    {
        QCOMPARE(ops::CsvExporter::columns().join(u','),
                 u"timestamp,user_id,action,event_type,resource_type,resource_id,outcome,details"_s);
    }

    void rowsText()
    {
        const QLocale saved;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(ops::CsvExporter::rowsText(10000, true), u"10,000+ rows (limited)"_s);
        QVERIFY(ops::CsvExporter::rowsText(1234, false).contains(u"1,234"_s));
        QLocale::setDefault(saved);
    }

    void sensitiveKeys_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("sensitive");
        for (const char *k : {"token", "access_token", "TOKEN", "client_secret", "Password", "api_key", "X-API_KEY",
                              "Authorization", "key_hash", "recipient", "recipients", "email", "notify_email", "phone"})
            QTest::newRow(k) << QString::fromLatin1(k) << true;
        for (const char *k : {"user", "apikey", "keyboard", "note", "pass", "mail", "tok_en"})
            QTest::newRow(k) << QString::fromLatin1(k) << false;
        QTest::newRow("kelvin sign") << u"to\u212Aen"_s << false; // ASCII-only comparison, as in SQL
        QTest::newRow("long s") << u"\u017Fecret"_s << false;
    }
    void sensitiveKeys()
    {
        QFETCH(QString, key);
        QFETCH(bool, sensitive);
        QCOMPARE(ops::masking::isSensitiveKey(key), sensitive);
    }

    void masking()
    {
        const QJsonObject in = QJsonDocument::fromJson("{ "
                                                          "\"user\": \"alice\", \"token\": \"t\", \"n\": -5, "
                                                          "\"nested\": {\"password\": \"p\", \"list\": [{\"api_key\": \"k\", \"ok\": 1}, \"token\"]}, "
                                                          "\"recipients\": [\"a@example.com\"], \"Authorization\": {\"scheme\": \"Bearer\", \"value\": \"x\"}, "
                                                          "\"before\": {\"email\": \"old@example.com\"}, \"after\": {\"email\": \"new@example.com\"}, "
                                                          "\"phone\": null}").object();
        QVERIFY(!in.isEmpty());
        const QJsonObject out = ops::masking::masked(in).toObject();
        const QJsonObject expected = QJsonDocument::fromJson("{ "
                                                          "\"user\": \"alice\", \"token\": \"***\", \"n\": -5, "
                                                          "\"nested\": {\"password\": \"***\", \"list\": [{\"api_key\": \"***\", \"ok\": 1}, \"token\"]}, "
                                                          "\"recipients\": \"***\", \"Authorization\": \"***\", "
                                                          "\"before\": {\"email\": \"***\"}, \"after\": {\"email\": \"***\"}, "
                                                          "\"phone\": \"***\"}").object();
        QCOMPARE(out, expected);
        QCOMPARE(ops::masking::masked(QJsonValue(u"token"_s)), QJsonValue(u"token"_s));
        QCOMPARE(ops::masking::masked(QJsonArray{QJsonObject{{u"secret"_s, 1}}}),
                 QJsonValue(QJsonArray{QJsonObject{{u"secret"_s, u"***"_s}}}));
    }
};

QTEST_GUILESS_MAIN(TestCsvRules)
#include "tst_csvrules.moc"
