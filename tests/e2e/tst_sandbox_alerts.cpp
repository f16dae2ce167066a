// The sandbox's alerts, delivery worker and Prometheus metrics (issue 7, docs/alerts-and-sla.md)
// against a real PostgreSQL: the worker poisons a delivery after three failed attempts on a failing
// channel, retry and acknowledge with their audit rows (success, denied, rejected) in the same
// database, the control API, GET /metrics parsed as Prometheus text (every family, cumulative
// buckets, +Inf == _count, the poison gauge equal to SQL, the staleness override, a slow fault
// moving that service's histogram) and the console's read-only role on the three alert tables.
// No models/ classes: this checks the platform itself. The slots run in order and share state.

#include "Sandbox.h"
#include "SandboxHttp.h"
#include "TestPostgres.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QMap>
#include <QtCore/QRegularExpression>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>
#include <QtTest>

#include <cmath>
#include <memory>

using ops::test::Answer;
using ops::test::apiHeaders;
using ops::test::body;
using ops::test::dropDatabase;
using ops::test::expectError;
using ops::test::openDatabase;
using ops::test::sandboxConfig;
using ops::test::signInToken;
using ops::test::TestPostgres;

namespace {

const QString kDb = QStringLiteral("ops_e2e_sandbox_alerts");
const QString kSqlConn = QStringLiteral("tst_sandbox_alerts");
const QString kRoConn = QStringLiteral("tst_sandbox_alerts_ro");

// One sample line of the text format: name{labels} value.
struct Sample
{
    QString name;
    QMap<QString, QString> labels;
    double value = 0.0;
};

struct Exposition
{
    QMap<QString, QString> types; // family -> TYPE
    QStringList helps;            // families with a HELP line
    QList<Sample> samples;
    QString error;                // the first malformed line, empty when all parse

    // The value of the sample `name` whose labels are exactly `labels`; NaN when absent.
    double value(const QString &name, const QMap<QString, QString> &labels = {}) const
    {
        for (const Sample &s : samples)
            if (s.name == name && s.labels == labels)
                return s.value;
        return std::nan("");
    }
};

double parseNumber(const QString &text, bool *ok)
{
    if (text == QLatin1String("+Inf")) {
        *ok = true;
        return INFINITY;
    }
    if (text == QLatin1String("-Inf")) {
        *ok = true;
        return -INFINITY;
    }
    if (text == QLatin1String("NaN")) {
        *ok = true;
        return std::nan("");
    }
    return text.toDouble(ok);
}

// A strict enough parser of the Prometheus text format 0.0.4 for these checks.
Exposition parseExposition(const QByteArray &text)
{
    Exposition e;
    static const QRegularExpression nameRe(QStringLiteral("^[a-zA-Z_:][a-zA-Z0-9_:]*"));
    const QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.isEmpty())
            continue;
        if (line.startsWith(QLatin1String("# HELP "))) {
            e.helps.append(line.mid(7).section(QLatin1Char(' '), 0, 0));
            continue;
        }
        if (line.startsWith(QLatin1String("# TYPE "))) {
            e.types.insert(line.mid(7).section(QLatin1Char(' '), 0, 0), line.mid(7).section(QLatin1Char(' '), 1));
            continue;
        }
        if (line.startsWith(QLatin1Char('#')))
            continue;
        const auto m = nameRe.match(line);
        if (!m.hasMatch()) {
            e.error = line;
            return e;
        }
        Sample s;
        s.name = m.captured(0);
        qsizetype i = s.name.size();
        if (i < line.size() && line.at(i) == QLatin1Char('{')) {
            ++i;
            while (i < line.size() && line.at(i) != QLatin1Char('}')) {
                const qsizetype eq = line.indexOf(QLatin1Char('='), i);
                if (eq < 0 || eq + 1 >= line.size() || line.at(eq + 1) != QLatin1Char('"')) {
                    e.error = line;
                    return e;
                }
                const QString key = line.mid(i, eq - i);
                QString value;
                qsizetype j = eq + 2;
                for (; j < line.size() && line.at(j) != QLatin1Char('"'); ++j) {
                    if (line.at(j) == QLatin1Char('\\') && j + 1 < line.size()) {
                        ++j;
                        value.append(line.at(j) == QLatin1Char('n') ? QLatin1Char('\n') : line.at(j));
                    } else {
                        value.append(line.at(j));
                    }
                }
                if (j >= line.size()) {
                    e.error = line;
                    return e;
                }
                s.labels.insert(key, value);
                i = j + 1;
                if (i < line.size() && line.at(i) == QLatin1Char(','))
                    ++i;
            }
            ++i; // '}'
        }
        if (i >= line.size() || line.at(i) != QLatin1Char(' ')) {
            e.error = line;
            return e;
        }
        bool ok = false;
        s.value = parseNumber(line.mid(i + 1).trimmed(), &ok);
        if (!ok) {
            e.error = line;
            return e;
        }
        e.samples.append(s);
    }
    return e;
}

QString leText(double bound)
{
    return QString::number(bound, 'g', 16);
}

} // namespace

class TstSandboxAlerts : public QObject
{
    Q_OBJECT

    TestPostgres m_pg;
    std::unique_ptr<opssandbox::Sandbox> m_sandbox;
    QNetworkAccessManager m_nam;
    QByteArray m_viewer;
    QByteArray m_operator;
    qint64 m_poisonId = 0;
    qint64 m_deliveredId = 0;

    Answer call(const QByteArray &verb, const QString &path, const QByteArray &token, const QByteArray &payload = {})
    {
        return ops::test::send(m_nam, m_sandbox->apiBaseUrl().resolved(QUrl(path)), verb, payload, apiHeaders(token));
    }

    Answer control(const QByteArray &verb, const QString &path, const QJsonObject &payload = {})
    {
        QUrl url;
        url.setScheme(QStringLiteral("http"));
        url.setHost(QStringLiteral("127.0.0.1"));
        url.setPort(m_sandbox->controlPort());
        url.setPath(path);
        return ops::test::send(m_nam, url, verb, verb == "POST" ? body(payload) : QByteArray(), {});
    }

    QSqlQuery sql(const QString &text, const QVariantList &values = {}) { return ops::test::sql(kSqlConn, text, values); }
    qint64 scalar(const QString &text, const QVariantList &values = {}) { return ops::test::scalar(kSqlConn, text, values); }
    QString text(const QString &query, const QVariantList &values = {})
    {
        QSqlQuery q = sql(query, values);
        return q.next() ? (q.value(0).isNull() ? QStringLiteral("<null>") : q.value(0).toString())
                        : QStringLiteral("<no row>");
    }

    QString statusOf(qint64 deliveryId)
    {
        return text(QStringLiteral("SELECT status FROM alert_deliveries WHERE id = ?"), {deliveryId});
    }

    // POST /control/alerts/generate: the delivery ids (and the event ids in *events).
    QList<qint64> generate(int count, const QString &channel, QList<qint64> *events = nullptr)
    {
        QJsonObject request{{QStringLiteral("count"), count}};
        if (!channel.isEmpty())
            request.insert(QStringLiteral("channel"), channel);
        const Answer a = control("POST", QStringLiteral("/control/alerts/generate"), request);
        if (a.status != 200)
            qWarning("generate: %d %s", a.status, a.body.constData());
        QList<qint64> ids;
        for (const QJsonValue v : a.json.value(QStringLiteral("delivery_ids")).toArray())
            ids.append(v.toInteger());
        if (events) {
            events->clear();
            for (const QJsonValue v : a.json.value(QStringLiteral("event_ids")).toArray())
                events->append(v.toInteger());
        }
        return ids;
    }

    void process(int passes)
    {
        const Answer a = control("POST", QStringLiteral("/control/alerts/process"),
                                 QJsonObject{{QStringLiteral("passes"), passes}});
        QVERIFY2(a.status == 200, a.body.constData());
    }

    Exposition scrape(QByteArray *contentType = nullptr)
    {
        QNetworkRequest request(m_sandbox->apiBaseUrl().resolved(QUrl(QStringLiteral("metrics"))));
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        request.setTransferTimeout(10000);
        QNetworkReply *reply = m_nam.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (contentType)
            *contentType = reply->rawHeader(QByteArrayLiteral("Content-Type"));
        const QByteArray text = reply->readAll();
        reply->deleteLater();
        Exposition e = parseExposition(text);
        if (status != 200)
            e.error = QStringLiteral("HTTP %1").arg(status);
        return e;
    }

    // Checks one histogram series: the contract's buckets in order, cumulative, +Inf == _count.
    static QString checkSeries(const Exposition &e, const QString &family, const QList<double> &bounds,
                               const QMap<QString, QString> &labels)
    {
        double previous = 0.0;
        for (const double bound : bounds) {
            QMap<QString, QString> withLe = labels;
            withLe.insert(QStringLiteral("le"), leText(bound));
            const double v = e.value(family + QStringLiteral("_bucket"), withLe);
            if (std::isnan(v))
                return QStringLiteral("%1: no bucket le=%2").arg(family, leText(bound));
            if (v < previous)
                return QStringLiteral("%1: bucket le=%2 (%3) below the previous (%4)").arg(family, leText(bound)).arg(v).arg(previous);
            previous = v;
        }
        QMap<QString, QString> inf = labels;
        inf.insert(QStringLiteral("le"), QStringLiteral("+Inf"));
        const double infValue = e.value(family + QStringLiteral("_bucket"), inf);
        const double count = e.value(family + QStringLiteral("_count"), labels);
        const double sum = e.value(family + QStringLiteral("_sum"), labels);
        if (std::isnan(infValue) || std::isnan(count) || std::isnan(sum))
            return QStringLiteral("%1: +Inf, _count or _sum missing").arg(family);
        if (infValue < previous || infValue != count)
            return QStringLiteral("%1: +Inf %2, last bucket %3, _count %4").arg(family).arg(infValue).arg(previous).arg(count);
        // No bucket beyond the contract's (plus +Inf) for this series.
        int buckets = 0;
        for (const Sample &s : e.samples) {
            QMap<QString, QString> rest = s.labels;
            rest.remove(QStringLiteral("le"));
            if (s.name == family + QStringLiteral("_bucket") && rest == labels)
                ++buckets;
        }
        if (buckets != bounds.size() + 1)
            return QStringLiteral("%1: %2 buckets, expected %3").arg(family).arg(buckets).arg(bounds.size() + 1);
        return {};
    }

    static QMap<QString, QString> label(const QString &key, const QString &value)
    {
        return QMap<QString, QString>{{key, value}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_pg = TestPostgres::fromEnvironment(&error);
        QVERIFY2(m_pg.isValid(), qPrintable(error));
        QVERIFY2(dropDatabase(m_pg, kDb, QStringLiteral("tst_sandbox_alerts_admin"), &error), qPrintable(error));
        opssandbox::SandboxConfig config = sandboxConfig(m_pg, kDb);
        config.alertIntervalMs = 0; // passes are driven by the tests
        m_sandbox = std::make_unique<opssandbox::Sandbox>();
        QVERIFY2(m_sandbox->start(config, &error), qPrintable(error));
        QCOMPARE(m_sandbox->alertSettings().workerIntervalMs, 0);
        // Deterministic: no spontaneous events, no random sms failures.
        opssandbox::AlertSettings settings = m_sandbox->alertSettings();
        settings.eventProbability = 0;
        settings.smsFailureRate = 0;
        m_sandbox->setAlertSettings(settings);

        QSqlDatabase db = openDatabase(kSqlConn, m_pg, kDb);
        QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
        m_viewer = signInToken(m_nam, m_sandbox->apiBaseUrl(), QStringLiteral("viewer"));
        m_operator = signInToken(m_nam, m_sandbox->apiBaseUrl(), QStringLiteral("operator"));
        QVERIFY(!m_viewer.isEmpty());
        QVERIFY(!m_operator.isEmpty());
    }

    void cleanupTestCase()
    {
        for (const QString &name : {kSqlConn, kRoConn}) {
            if (QSqlDatabase::contains(name)) {
                QSqlDatabase::database(name, false).close();
                QSqlDatabase::removeDatabase(name);
            }
        }
        m_sandbox.reset();
    }

    void schemaAndSeed()
    {
        QVERIFY(scalar(QStringLiteral("SELECT count(*) FROM alert_rules WHERE enabled")) >= 4);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM alert_rules WHERE NOT (channels <@ ARRAY['email','slack','sms']::text[])")), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM pg_indexes WHERE tablename = 'alert_deliveries' AND indexdef LIKE '%(status, poison_at DESC, id DESC)%'")), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM pg_indexes WHERE tablename = 'alert_deliveries' AND indexdef LIKE '%(created_at DESC, id DESC)%'")), 1);
        // The migration is idempotent: running it again changes nothing.
        const qint64 rules = scalar(QStringLiteral("SELECT count(*) FROM alert_rules"));
        QFile migration(QStringLiteral(":/opssandbox/migrations/0007_alerts.sql"));
        QVERIFY(migration.open(QIODevice::ReadOnly));
        QSqlQuery again(QSqlDatabase::database(kSqlConn));
        QVERIFY2(again.exec(QString::fromUtf8(migration.readAll())), qPrintable(again.lastError().text()));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM alert_rules")), rules);
    }

    void controlSettings()
    {
        Answer a = control("GET", QStringLiteral("/control/alerts"));
        QCOMPARE(a.status, 200);
        QCOMPARE(a.json.value(QStringLiteral("worker_interval_ms")).toInt(), 0);
        QVERIFY(a.json.value(QStringLiteral("cb_staleness_seconds")).isNull());
        QCOMPARE(a.json.value(QStringLiteral("failing_channels")).toArray(), QJsonArray());

        a = control("POST", QStringLiteral("/control/alerts"), QJsonObject{{QStringLiteral("failing_channels"), QJsonArray{QStringLiteral("pager")}}});
        QCOMPARE(a.status, 400);
        a = control("POST", QStringLiteral("/control/alerts"), QJsonObject{{QStringLiteral("worker_interval_ms"), -5}});
        QCOMPARE(a.status, 400);
        a = control("POST", QStringLiteral("/control/alerts/generate"), QJsonObject{{QStringLiteral("channel"), QStringLiteral("pager")}});
        QCOMPARE(a.status, 400);

        // DELETE /control/faults restores the defaults (interval from the config: 0 here).
        a = control("POST", QStringLiteral("/control/alerts"),
                    QJsonObject{{QStringLiteral("failing_channels"), QJsonArray{QStringLiteral("slack")}},
                                {QStringLiteral("cb_staleness_seconds"), 3.5}});
        QCOMPARE(a.status, 200);
        QCOMPARE(a.json.value(QStringLiteral("cb_staleness_seconds")).toDouble(), 3.5);
        QCOMPARE(m_sandbox->alertSettings().failingChannels, QStringList{QStringLiteral("slack")});
        QCOMPARE(control("DELETE", QStringLiteral("/control/faults")).status, 200);
        QVERIFY(m_sandbox->alertSettings().failingChannels.isEmpty());
        QVERIFY(!m_sandbox->alertSettings().cbStalenessSeconds.has_value());
        QCOMPARE(m_sandbox->alertSettings().workerIntervalMs, 0);

        // Back to the deterministic settings of this test.
        a = control("POST", QStringLiteral("/control/alerts"),
                    QJsonObject{{QStringLiteral("event_probability"), 0}, {QStringLiteral("sms_failure_rate"), 0}});
        QCOMPARE(a.status, 200);
    }

    void workerPoisonsAfterThreeFailures()
    {
        const Answer set = control("POST", QStringLiteral("/control/alerts"),
                                   QJsonObject{{QStringLiteral("failing_channels"), QJsonArray{QStringLiteral("sms")}}});
        QCOMPARE(set.status, 200);
        const QList<qint64> sms = generate(2, QStringLiteral("sms"));
        QCOMPARE(sms.size(), 2);
        const QList<qint64> email = generate(1, QStringLiteral("email"));
        QCOMPARE(email.size(), 1);
        for (const qint64 id : sms) {
            QCOMPARE(statusOf(id), QStringLiteral("pending"));
            static const QRegularExpression masked(QStringLiteral("^\\+[0-9]+ \\*\\*\\* \\*\\*\\* [0-9]{3}$"));
            const QString recipient = text(QStringLiteral("SELECT recipient FROM alert_deliveries WHERE id = ?"), {id});
            QVERIFY2(masked.match(recipient).hasMatch(), qPrintable(recipient));
        }
        QVERIFY(text(QStringLiteral("SELECT recipient FROM alert_deliveries WHERE id = ?"), {email[0]}).contains(QLatin1String("***@")));

        process(1);
        QCOMPARE(statusOf(sms[0]), QStringLiteral("failed"));
        QCOMPARE(scalar(QStringLiteral("SELECT attempts FROM alert_deliveries WHERE id = ?"), {sms[0]}), 1);
        QVERIFY(text(QStringLiteral("SELECT error_message FROM alert_deliveries WHERE id = ?"), {sms[0]}).contains(QLatin1String("sms")));
        QCOMPARE(statusOf(email[0]), QStringLiteral("delivered")); // email is not failing
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM alert_deliveries WHERE id = ? AND delivered_at > created_at "
                                       "AND last_attempt_at IS NOT NULL AND attempts = 1"), {email[0]}), 1);
        process(1);
        QCOMPARE(statusOf(sms[0]), QStringLiteral("failed"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM alert_deliveries WHERE id = ? AND poison_at IS NULL"), {sms[0]}), 1);
        process(1);
        for (const qint64 id : sms) {
            QCOMPARE(statusOf(id), QStringLiteral("poison"));
            QCOMPARE(scalar(QStringLiteral("SELECT attempts FROM alert_deliveries WHERE id = ?"), {id}), 3);
            QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM alert_deliveries WHERE id = ? AND poison_at IS NOT NULL "
                                           "AND delivered_at IS NULL AND error_message IS NOT NULL"), {id}), 1);
        }
        process(1); // poison stays poison
        QCOMPARE(statusOf(sms[0]), QStringLiteral("poison"));
        QCOMPARE(scalar(QStringLiteral("SELECT attempts FROM alert_deliveries WHERE id = ?"), {sms[0]}), 3);
        m_poisonId = sms[0];
        m_deliveredId = email[0];
    }

    void timerDrivesPasses()
    {
        const QList<qint64> slack = generate(1, QStringLiteral("slack"));
        QCOMPARE(slack.size(), 1);
        QTest::qWait(300);
        QCOMPARE(statusOf(slack[0]), QStringLiteral("pending")); // stopped: nothing happens
        opssandbox::AlertSettings settings = m_sandbox->alertSettings();
        settings.workerIntervalMs = 50;
        m_sandbox->setAlertSettings(settings);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(slack[0]), QStringLiteral("delivered"), 5000);
        settings.workerIntervalMs = 0;
        m_sandbox->setAlertSettings(settings);
    }

    void retryPoison()
    {
        QVERIFY(m_poisonId > 0);
        const Answer a = call("POST", QStringLiteral("api/v1/alerts/deliveries/%1/retry").arg(m_poisonId), m_operator);
        QVERIFY2(a.status == 200, a.body.constData());
        const QJsonObject d = a.json.value(QStringLiteral("delivery")).toObject();
        QCOMPARE(d.value(QStringLiteral("id")).toInteger(), m_poisonId);
        QCOMPARE(d.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(d.value(QStringLiteral("attempts")).toInt(), 0);
        QVERIFY(d.value(QStringLiteral("poison_at")).isNull());
        QCOMPARE(d.value(QStringLiteral("channel")).toString(), QStringLiteral("sms"));
        QCOMPARE(statusOf(m_poisonId), QStringLiteral("pending"));
        QCOMPARE(scalar(QStringLiteral("SELECT attempts FROM alert_deliveries WHERE id = ? AND poison_at IS NULL"), {m_poisonId}), 0);

        const qint64 auditId = a.json.value(QStringLiteral("audit_id")).toInteger();
        QVERIFY(auditId > 0);
        QSqlQuery row = sql(QStringLiteral("SELECT user_id, action, outcome, resource_type, resource_id, event_type, "
                                           "details->>'previous_status', (details->>'previous_attempts')::int, "
                                           "details->>'channel', details->>'error_message' FROM audit_log WHERE id = ?"),
                            {auditId});
        QVERIFY(row.next());
        QCOMPARE(row.value(0).toString(), QStringLiteral("operator"));
        QCOMPARE(row.value(1).toString(), QStringLiteral("ALERT_DELIVERY_RETRY"));
        QCOMPARE(row.value(2).toString(), QStringLiteral("success"));
        QCOMPARE(row.value(3).toString(), QStringLiteral("alert_delivery"));
        QCOMPARE(row.value(4).toString(), QString::number(m_poisonId));
        QCOMPARE(row.value(5).toString(), QStringLiteral("action"));
        QCOMPARE(row.value(6).toString(), QStringLiteral("poison"));
        QCOMPARE(row.value(7).toInt(), 3);
        QCOMPARE(row.value(8).toString(), QStringLiteral("sms"));
        QVERIFY(!row.value(9).toString().isEmpty());

        // Requeued, it is attempted again (the channel recovered).
        QCOMPARE(control("POST", QStringLiteral("/control/alerts"), QJsonObject{{QStringLiteral("failing_channels"), QJsonArray()}}).status, 200);
        process(1);
        QCOMPARE(statusOf(m_poisonId), QStringLiteral("delivered"));
    }

    void retryRejected()
    {
        const qint64 before = scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'ALERT_DELIVERY_RETRY' AND outcome = 'rejected'"));
        Answer a = call("POST", QStringLiteral("api/v1/alerts/deliveries/%1/retry").arg(m_deliveredId), m_operator);
        expectError(a, 409, QStringLiteral("not_retryable"));
        QCOMPARE(statusOf(m_deliveredId), QStringLiteral("delivered"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'ALERT_DELIVERY_RETRY' AND outcome = 'rejected'")), before + 1);
        QCOMPARE(text(QStringLiteral("SELECT details->>'previous_status' FROM audit_log WHERE action = 'ALERT_DELIVERY_RETRY' "
                                     "AND outcome = 'rejected' ORDER BY id DESC LIMIT 1")),
                 QStringLiteral("delivered"));
        a = call("POST", QStringLiteral("api/v1/alerts/deliveries/987654/retry"), m_operator);
        expectError(a, 404, QStringLiteral("not_found"));
        a = call("GET", QStringLiteral("api/v1/alerts/deliveries/%1/retry").arg(m_deliveredId), m_operator);
        QCOMPARE(a.status, 405);
        a = call("POST", QStringLiteral("api/v1/alerts/deliveries/%1/retry").arg(m_deliveredId), {});
        QCOMPARE(a.status, 401);
    }

    void viewerDenied()
    {
        const QList<qint64> sms = generate(1, QStringLiteral("sms"));
        QCOMPARE(sms.size(), 1);
        QCOMPARE(control("POST", QStringLiteral("/control/alerts"), QJsonObject{{QStringLiteral("failing_channels"), QJsonArray{QStringLiteral("sms")}}}).status, 200);
        process(3);
        QCOMPARE(statusOf(sms[0]), QStringLiteral("poison"));

        const qint64 before = scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE outcome = 'denied'"));
        Answer a = call("POST", QStringLiteral("api/v1/alerts/deliveries/%1/retry").arg(sms[0]), m_viewer);
        expectError(a, 403, QStringLiteral("permission_denied"));
        QCOMPARE(a.json.value(QStringLiteral("permission")).toString(), QStringLiteral("alerts:retry"));
        QCOMPARE(statusOf(sms[0]), QStringLiteral("poison"));
        QSqlQuery row = sql(QStringLiteral("SELECT user_id, action, outcome, resource_id FROM audit_log "
                                           "WHERE outcome = 'denied' ORDER BY id DESC LIMIT 1"));
        QVERIFY(row.next());
        QCOMPARE(row.value(0).toString(), QStringLiteral("viewer"));
        QCOMPARE(row.value(1).toString(), QStringLiteral("ALERT_DELIVERY_RETRY"));
        QCOMPARE(row.value(2).toString(), QStringLiteral("denied"));
        QCOMPARE(row.value(3).toString(), QString::number(sms[0]));

        QList<qint64> events;
        generate(1, QStringLiteral("email"), &events);
        QCOMPARE(events.size(), 1);
        a = call("POST", QStringLiteral("api/v1/alerts/events/%1/acknowledge").arg(events[0]), m_viewer,
                 body(QJsonObject{{QStringLiteral("note"), QStringLiteral("Viewer trying to acknowledge this")}}));
        expectError(a, 403, QStringLiteral("permission_denied"));
        QCOMPARE(text(QStringLiteral("SELECT status FROM alert_events WHERE id = ?"), {events[0]}), QStringLiteral("open"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE outcome = 'denied'")), before + 2);
        QCOMPARE(text(QStringLiteral("SELECT action FROM audit_log WHERE outcome = 'denied' ORDER BY id DESC LIMIT 1")),
                 QStringLiteral("ALERT_ACKNOWLEDGE"));

        // Viewers read.
        a = call("GET", QStringLiteral("api/v1/alerts/events?status=all&limit=5"), m_viewer);
        QCOMPARE(a.status, 200);
        QVERIFY(!a.json.value(QStringLiteral("events")).toArray().isEmpty());
        a = call("GET", QStringLiteral("api/v1/alerts/deliveries?status=poison"), m_viewer);
        QCOMPARE(a.status, 200);
        const QJsonArray poison = a.json.value(QStringLiteral("deliveries")).toArray();
        QCOMPARE(poison.size(), scalar(QStringLiteral("SELECT count(*) FROM alert_deliveries WHERE status = 'poison'")));
        for (const QJsonValue v : poison)
            QCOMPARE(v.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("poison"));
        expectError(call("GET", QStringLiteral("api/v1/alerts/deliveries?limit=0"), m_viewer), 422, QStringLiteral("invalid_limit"));
        expectError(call("GET", QStringLiteral("api/v1/alerts/events?status=bogus"), m_viewer), 422, QStringLiteral("invalid_status"));
    }

    void acknowledge()
    {
        QList<qint64> events;
        generate(1, {}, &events);
        QCOMPARE(events.size(), 1);
        const qint64 id = events[0];
        const QString path = QStringLiteral("api/v1/alerts/events/%1/acknowledge").arg(id);
        const qint64 rejectedBefore = scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'ALERT_ACKNOWLEDGE' AND outcome = 'rejected'"));

        // 14 visible characters padded with whitespace, control and bidi characters: too short.
        const QString fourteen = QStringLiteral("  abcdefghij") + QChar(0x202E) + QStringLiteral("klmn\t\x01  ");
        Answer a = call("POST", path, m_operator, body(QJsonObject{{QStringLiteral("note"), fourteen}}));
        expectError(a, 422, QStringLiteral("note_too_short"));
        QCOMPARE(a.json.value(QStringLiteral("visible_length")).toInt(), 14);
        a = call("POST", path, m_operator, body(QJsonObject{{QStringLiteral("note"), QStringLiteral("short")}}));
        expectError(a, 422, QStringLiteral("note_too_short"));
        QCOMPARE(text(QStringLiteral("SELECT status FROM alert_events WHERE id = ?"), {id}), QStringLiteral("open"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'ALERT_ACKNOWLEDGE' AND outcome = 'rejected'")),
                 rejectedBefore + 2);

        const QString note = QStringLiteral("Vendor paged, ok."); // 15 visible characters (spaces do not count)
        a = call("POST", path, m_operator, body(QJsonObject{{QStringLiteral("note"), note}}));
        QVERIFY2(a.status == 200, a.body.constData());
        const QJsonObject event = a.json.value(QStringLiteral("event")).toObject();
        QCOMPARE(event.value(QStringLiteral("status")).toString(), QStringLiteral("acknowledged"));
        QCOMPARE(event.value(QStringLiteral("acknowledged_by")).toString(), QStringLiteral("operator"));
        QCOMPARE(event.value(QStringLiteral("note")).toString(), note);
        QVERIFY(!event.value(QStringLiteral("acknowledged_at")).isNull());
        QVERIFY(!event.value(QStringLiteral("rule")).toString().isEmpty());
        QCOMPARE(text(QStringLiteral("SELECT status || '/' || acknowledged_by || '/' || ack_note FROM alert_events WHERE id = ?"), {id}),
                 QStringLiteral("acknowledged/operator/") + note);
        QSqlQuery row = sql(QStringLiteral("SELECT user_id, action, outcome, resource_type, resource_id, details->>'note', "
                                           "details->>'rule', details->>'severity' FROM audit_log WHERE id = ?"),
                            {a.json.value(QStringLiteral("audit_id")).toInteger()});
        QVERIFY(row.next());
        QCOMPARE(row.value(0).toString(), QStringLiteral("operator"));
        QCOMPARE(row.value(1).toString(), QStringLiteral("ALERT_ACKNOWLEDGE"));
        QCOMPARE(row.value(2).toString(), QStringLiteral("success"));
        QCOMPARE(row.value(3).toString(), QStringLiteral("alert_event"));
        QCOMPARE(row.value(4).toString(), QString::number(id));
        QCOMPARE(row.value(5).toString(), note);
        QCOMPARE(row.value(6).toString(), event.value(QStringLiteral("rule")).toString());
        QCOMPARE(row.value(7).toString(), event.value(QStringLiteral("severity")).toString());

        a = call("POST", path, m_operator, body(QJsonObject{{QStringLiteral("note"), note}}));
        expectError(a, 409, QStringLiteral("not_open"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'ALERT_ACKNOWLEDGE' AND outcome = 'rejected'")),
                 rejectedBefore + 3);
        expectError(call("POST", QStringLiteral("api/v1/alerts/events/987654/acknowledge"), m_operator,
                         body(QJsonObject{{QStringLiteral("note"), note}})),
                    404, QStringLiteral("not_found"));

        // Open events by default, newest first; the acknowledged one is listed under its status.
        a = call("GET", QStringLiteral("api/v1/alerts/events"), m_viewer);
        QCOMPARE(a.status, 200);
        for (const QJsonValue v : a.json.value(QStringLiteral("events")).toArray())
            QCOMPARE(v.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("open"));
        a = call("GET", QStringLiteral("api/v1/alerts/events?status=acknowledged"), m_viewer);
        QCOMPARE(a.json.value(QStringLiteral("events")).toArray().first().toObject().value(QStringLiteral("id")).toInteger(), id);
    }

    void metricsExposition()
    {
        QByteArray contentType;
        const Exposition e = scrape(&contentType); // no token: /metrics needs no sign-in
        QVERIFY2(e.error.isEmpty(), qPrintable(e.error));
        QCOMPARE(contentType, QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"));
        const QMap<QString, QString> families{
            {QStringLiteral("http_request_duration_seconds"), QStringLiteral("histogram")},
            {QStringLiteral("alert_delivery_latency_seconds"), QStringLiteral("histogram")},
            {QStringLiteral("audit_write_duration_seconds"), QStringLiteral("histogram")},
            {QStringLiteral("cb_staleness_seconds"), QStringLiteral("gauge")},
            {QStringLiteral("alert_poison_queue_size"), QStringLiteral("gauge")},
        };
        for (auto it = families.cbegin(); it != families.cend(); ++it) {
            QCOMPARE(e.types.value(it.key()), it.value());
            QVERIFY2(e.helps.contains(it.key()), qPrintable(it.key()));
        }
        const QList<double> requestBuckets{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
        const QList<double> deliveryBuckets{1, 5, 10, 30, 60, 120, 300, 600};
        const QList<double> auditBuckets{0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};
        for (const QString &service : m_sandbox->serviceNames()) {
            const QString problem = checkSeries(e, QStringLiteral("http_request_duration_seconds"), requestBuckets,
                                                label(QStringLiteral("service"), service));
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        for (const QString &channel : {QStringLiteral("email"), QStringLiteral("slack"), QStringLiteral("sms")}) {
            const QString problem = checkSeries(e, QStringLiteral("alert_delivery_latency_seconds"), deliveryBuckets,
                                                label(QStringLiteral("channel"), channel));
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        const QString problem = checkSeries(e, QStringLiteral("audit_write_duration_seconds"), auditBuckets, {});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // Every sample belongs to a declared family.
        for (const Sample &s : e.samples) {
            QString family = s.name;
            for (const char *suffix : {"_bucket", "_sum", "_count"})
                if (family.endsWith(QLatin1String(suffix)) && !families.contains(family))
                    family.chop(int(qstrlen(suffix)));
            QVERIFY2(families.contains(family), qPrintable(s.name));
        }

        // Observations so far: audit rows written, deliveries delivered, traffic of every pass.
        const double audits = e.value(QStringLiteral("audit_write_duration_seconds_count"));
        QVERIFY2(audits >= 8, qPrintable(QString::number(audits)));
        QVERIFY(e.value(QStringLiteral("alert_delivery_latency_seconds_count"), label(QStringLiteral("channel"), QStringLiteral("email"))) >= 1);
        QVERIFY(e.value(QStringLiteral("http_request_duration_seconds_count"), label(QStringLiteral("service"), QStringLiteral("orchestrator"))) > 0);

        // One more audit row is one more observation.
        call("POST", QStringLiteral("api/v1/alerts/deliveries/%1/retry").arg(m_deliveredId), m_operator);
        QCOMPARE(scrape().value(QStringLiteral("audit_write_duration_seconds_count")), audits + 1);
    }

    void poisonGaugeMatchesSql()
    {
        const qint64 poison = scalar(QStringLiteral("SELECT count(*) FROM alert_deliveries WHERE status = 'poison'"));
        QVERIFY(poison >= 1);
        QCOMPARE(scrape().value(QStringLiteral("alert_poison_queue_size")), double(poison));
        // Read at scrape time: a change in the table shows at once, without a worker pass.
        QVERIFY(sql(QStringLiteral("UPDATE alert_deliveries SET status = 'poison', attempts = 3, poison_at = now() "
                                   "WHERE id = (SELECT min(id) FROM alert_deliveries WHERE status = 'delivered')"))
                    .numRowsAffected() == 1);
        QCOMPARE(scrape().value(QStringLiteral("alert_poison_queue_size")), double(poison + 1));
    }

    void stalenessOverride()
    {
        const double normal = scrape().value(QStringLiteral("cb_staleness_seconds"));
        QVERIFY2(normal >= 0 && normal <= 2, qPrintable(QString::number(normal)));
        QCOMPARE(control("POST", QStringLiteral("/control/alerts"), QJsonObject{{QStringLiteral("cb_staleness_seconds"), 12.5}}).status, 200);
        QCOMPARE(scrape().value(QStringLiteral("cb_staleness_seconds")), 12.5);
        QCOMPARE(control("POST", QStringLiteral("/control/alerts"), QJsonObject{{QStringLiteral("cb_staleness_seconds"), QJsonValue()}}).status, 200);
        const double again = scrape().value(QStringLiteral("cb_staleness_seconds"));
        QVERIFY2(again >= 0 && again <= 2, qPrintable(QString::number(again)));
    }

    void deliveryLatencyOverride()
    {
        const auto slack = [](const QString &le) {
            return QMap<QString, QString>{{QStringLiteral("channel"), QStringLiteral("slack")}, {QStringLiteral("le"), le}};
        };
        const Exposition before = scrape();
        QCOMPARE(control("POST", QStringLiteral("/control/alerts"), QJsonObject{{QStringLiteral("delivery_latency_seconds"), 90}}).status, 200);
        const QList<qint64> ids = generate(1, QStringLiteral("slack"));
        process(1);
        QCOMPARE(statusOf(ids.value(0)), QStringLiteral("delivered"));
        const Exposition after = scrape();
        const QString bucket = QStringLiteral("alert_delivery_latency_seconds_bucket");
        const QMap<QString, QString> channel{{QStringLiteral("channel"), QStringLiteral("slack")}};
        const double added = after.value(QStringLiteral("alert_delivery_latency_seconds_count"), channel)
                             - before.value(QStringLiteral("alert_delivery_latency_seconds_count"), channel);
        QVERIFY(added >= 1); // this one and any slack delivery still pending from earlier slots
        // Every observation is the override (90 s): none at or below 60, all at or below 120.
        QCOMPARE(after.value(bucket, slack(QStringLiteral("60"))), before.value(bucket, slack(QStringLiteral("60"))));
        QCOMPARE(after.value(bucket, slack(QStringLiteral("120"))), before.value(bucket, slack(QStringLiteral("120"))) + added);
        QCOMPARE(control("POST", QStringLiteral("/control/alerts"), QJsonObject{{QStringLiteral("delivery_latency_seconds"), QJsonValue()}}).status, 200);
    }

    void slowFaultMovesHistogram()
    {
        const QString slow = QStringLiteral("execution_gateway");
        const QString down = QStringLiteral("model_registry");
        const QString normal = QStringLiteral("orchestrator");
        const QString bucket = QStringLiteral("http_request_duration_seconds_bucket");
        const QString count = QStringLiteral("http_request_duration_seconds_count");
        auto le = [](const QString &service, const QString &bound) {
            return QMap<QString, QString>{{QStringLiteral("service"), service}, {QStringLiteral("le"), bound}};
        };
        const auto svc = [](const QString &service) { return QMap<QString, QString>{{QStringLiteral("service"), service}}; };

        QVERIFY(m_sandbox->setFault(slow, opssandbox::Fault::Slow, 3000));
        QVERIFY(m_sandbox->setFault(down, opssandbox::Fault::Down));
        const Exposition before = scrape();
        m_sandbox->processAlertPasses(1);
        const Exposition after = scrape();
        m_sandbox->clearFaults();

        const double added = after.value(count, svc(slow)) - before.value(count, svc(slow));
        QVERIFY2(added > 0, qPrintable(QString::number(added)));
        // Every new request of the slow service took about 3 s: above 2.5, within 5.
        QCOMPARE(after.value(bucket, le(slow, QStringLiteral("2.5"))), before.value(bucket, le(slow, QStringLiteral("2.5"))));
        QCOMPARE(after.value(bucket, le(slow, QStringLiteral("5"))), before.value(bucket, le(slow, QStringLiteral("5"))) + added);
        QVERIFY(after.value(QStringLiteral("http_request_duration_seconds_sum"), svc(slow))
                >= before.value(QStringLiteral("http_request_duration_seconds_sum"), svc(slow)) + 2.5 * added);
        // A service that is down answers nothing; a healthy one stays fast.
        QCOMPARE(after.value(count, svc(down)), before.value(count, svc(down)));
        const double normalAdded = after.value(count, svc(normal)) - before.value(count, svc(normal));
        QVERIFY(normalAdded > 0);
        QCOMPARE(after.value(bucket, le(normal, QStringLiteral("0.25"))) - before.value(bucket, le(normal, QStringLiteral("0.25"))),
                 normalAdded);
    }

    void readOnlyRole()
    {
        QSqlDatabase ro = openDatabase(kRoConn, m_pg, kDb, QStringLiteral("ops_console_ro"));
        QVERIFY2(ro.isOpen(), qPrintable(ro.lastError().text()));
        QSqlQuery q(ro);
        for (const QString &table : {QStringLiteral("alert_deliveries"), QStringLiteral("alert_events"), QStringLiteral("alert_rules")}) {
            QVERIFY2(q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)), qPrintable(q.lastError().text()));
            QVERIFY(q.next());
            QVERIFY(q.value(0).toLongLong() > 0);
            QVERIFY2(!q.exec(QStringLiteral("UPDATE %1 SET id = id").arg(table)), qPrintable(table));
            QVERIFY2(q.lastError().text().contains(QLatin1String("permission denied")), qPrintable(q.lastError().text()));
        }
        QVERIFY(!q.exec(QStringLiteral("DELETE FROM alert_events")));
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO alert_rules (name, metric, comparison, threshold, severity, channels) "
                                       "VALUES ('x', 'm', '>', 1, 'info', ARRAY['email'])")));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM information_schema.table_privileges WHERE grantee = 'ops_console_ro' "
                                       "AND table_name IN ('alert_deliveries', 'alert_events', 'alert_rules') "
                                       "AND privilege_type <> 'SELECT'")),
                 0);
        // The application role may change them (the worker and the REST API write as it).
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM (VALUES ('alert_events'), ('alert_rules')) t(n) "
                                       "WHERE has_table_privilege('ops_sandbox_app', n, 'UPDATE') "
                                       "AND has_table_privilege('ops_sandbox_app', n, 'INSERT')")),
                 2);
    }
};

QTEST_GUILESS_MAIN(TstSandboxAlerts)
#include "tst_sandbox_alerts.moc"
