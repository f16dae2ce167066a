// German is complete and actually used: every message in the .ts file is finished, and the
// compiled catalogue turns the health page's words into German.
#include "MockClock.h"
#include "health/HealthStatus.h"
#include "health/ServiceHealthTracker.h"

#include <QFile>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

class TestTranslations final : public QObject
{
    Q_OBJECT

private slots:
    void everyMessageIsTranslated()
    {
        QFile ts(QStringLiteral(OPS_TS_FILE));
        QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
        QXmlStreamReader xml(&ts);
        int messages = 0;
        QStringList missing;
        QString source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                ++messages;
                const QStringView type = xml.attributes().value(QLatin1String("type"));
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (type == QLatin1String("unfinished") || type == QLatin1String("obsolete")
                    || type == QLatin1String("vanished") || text.trimmed().isEmpty())
                    missing << source;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(messages > 50);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("untranslated: ") + missing.join(QStringLiteral(" | "))));
    }

    void healthWordsAreGerman()
    {
        QTranslator translator;
        QVERIFY2(translator.load(QStringLiteral(OPS_QM_FILE)), OPS_QM_FILE);
        QVERIFY(QCoreApplication::installTranslator(&translator));
        QCOMPARE(ops::healthStatusLabel(ops::HealthStatus::Stale), QStringLiteral("Veraltet"));
        QCOMPARE(ops::healthStatusLabel(ops::HealthStatus::Unreachable), QStringLiteral("Nicht erreichbar"));

        ops::test::MockClock clock;
        ops::ServiceHealthTracker tracker(clock, 10);
        tracker.recordSuccess({}, 1);
        clock.advanceSeconds(5);
        tracker.recordFailure(QStringLiteral("x"));
        const QString summary = tracker.view().summary;
        QVERIFY2(summary.contains(QStringLiteral("5 s")) && !summary.contains(QStringLiteral("last good data")),
                 qPrintable(summary));
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(ops::healthStatusLabel(ops::HealthStatus::Stale), QStringLiteral("Stale"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
