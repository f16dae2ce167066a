// German is complete, current and actually used: every message in the .ts file is finished; lupdate
// run over today's sources into a temporary copy finds nothing new (untranslated) and nothing gone
// (obsolete); and the compiled catalogue turns the health page's words into German.
#include "MockClock.h"
#include "health/HealthStatus.h"
#include "health/ServiceHealthTracker.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

struct TsCounts
{
    int messages = 0;
    QStringList unfinished; // new in the sources, or finished but emptied
    QStringList obsolete;   // in the file but no longer in the sources
    QString error;
};

TsCounts readTs(const QString &path)
{
    TsCounts counts;
    QFile ts(path);
    if (!ts.open(QIODevice::ReadOnly)) {
        counts.error = path + QStringLiteral(": ") + ts.errorString();
        return counts;
    }
    QXmlStreamReader xml(&ts);
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            ++counts.messages;
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (type == QLatin1String("obsolete") || type == QLatin1String("vanished"))
                counts.obsolete << source;
            else if (type == QLatin1String("unfinished") || text.trimmed().isEmpty())
                counts.unfinished << source;
        }
    }
    if (xml.hasError())
        counts.error = xml.errorString();
    return counts;
}

} // namespace

class TestTranslations final : public QObject
{
    Q_OBJECT

private slots:
    // lupdate over the sources of today, into a copy (the committed file is never touched): a string
    // added without its German shows up as unfinished, a string removed from the code as vanished.
    void catalogueMatchesTheSources()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(QStringLiteral("copy_de.ts"));
        QVERIFY(QFile::copy(QStringLiteral(OPS_TS_FILE), copy));
        const QString src = QStringLiteral(OPS_SOURCE_ROOT);
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(OPS_LUPDATE),
                      {QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-extensions"),
                       QStringLiteral("cpp,h"), src + QStringLiteral("/models"), src + QStringLiteral("/ui"),
                       src + QStringLiteral("/app"), QStringLiteral("-ts"), copy});
        QVERIFY2(lupdate.waitForFinished(120000), OPS_LUPDATE);
        const QByteArray output = lupdate.readAll();
        QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, output.constData());

        const TsCounts counts = readTs(copy);
        QVERIFY2(counts.error.isEmpty(), qPrintable(counts.error));
        QVERIFY(counts.messages > 50);
        QVERIFY2(counts.unfinished.isEmpty(),
                 qPrintable(QStringLiteral("%1 string(s) without German (run the update_translations target and "
                                           "translate): %2")
                                .arg(counts.unfinished.size())
                                .arg(counts.unfinished.join(QStringLiteral(" | ")))));
        QVERIFY2(counts.obsolete.isEmpty(),
                 qPrintable(QStringLiteral("%1 obsolete string(s) still in the catalogue: %2")
                                .arg(counts.obsolete.size())
                                .arg(counts.obsolete.join(QStringLiteral(" | ")))));
    }

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
