// AuditFilter: each filter becomes a clause with "?" placeholders and the values to bind, in order;
// nothing the operator typed reaches the SQL text; LIKE wildcards are escaped; NUL is removed and
// reported; an unknown event type matches nothing. Pure: no database.

#include "audit/AuditFilter.h"

#include <QtCore/QTimeZone>
#include <QtTest>

using ops::AuditFilter;
using ops::SqlFragment;

namespace {

const QString kFrom = QStringLiteral(
    "\"timestamp\" >= TIMESTAMPTZ 'epoch' + CAST(? AS bigint) * INTERVAL '1 microsecond'");
const QString kTo = QStringLiteral(
    "\"timestamp\" < TIMESTAMPTZ 'epoch' + CAST(? AS bigint) * INTERVAL '1 microsecond'");
const QString kText = QStringLiteral("(reason ILIKE ? ESCAPE '\\' OR CAST(details AS text) ILIKE ? ESCAPE '\\')");
const QString kNasty = QStringLiteral("50%_off' \\ -- ;");

int placeholders(const QString &clause)
{
    return int(clause.count(QLatin1Char('?')));
}

} // namespace

class TstAuditFilter : public QObject
{
    Q_OBJECT

private slots:
    void emptyFilterMatchesEverything()
    {
        const AuditFilter f;
        QVERIFY(f.isEmpty());
        QString problem;
        const SqlFragment w = f.where(&problem);
        QCOMPARE(w.clause, QStringLiteral("TRUE"));
        QVERIFY(w.values.isEmpty());
        QVERIFY(problem.isEmpty());
        QCOMPARE(f.dateRange().clause, QStringLiteral("TRUE"));
    }

    void exactColumns_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("clause");
        QTest::newRow("user") << "user" << "alice" << "user_id = ?";
        QTest::newRow("action") << "action" << "CONFIG_UPDATE" << "action = ?";
        QTest::newRow("outcome") << "outcome" << "denied" << "outcome = ?";
        QTest::newRow("resource type") << "resourceType" << "api_key" << "resource_type = ?";
        QTest::newRow("resource id") << "resourceId" << "42" << "resource_id = ?";
        QTest::newRow("event type admin") << "eventType" << "admin" << "event_type = ?";
        QTest::newRow("event type auth") << "eventType" << "auth" << "event_type = ?";
        QTest::newRow("event type action") << "eventType" << "action" << "event_type = ?";
        // Quotes, backslashes, comments and semicolons are bound as they are (exact match, no LIKE).
        QTest::newRow("user nasty") << "user" << kNasty << "user_id = ?";
        QTest::newRow("action injection") << "action" << "x' OR '1'='1" << "action = ?";
        QTest::newRow("resource id percent") << "resourceId" << "%" << "resource_id = ?";
    }

    void exactColumns()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, clause);
        AuditFilter f;
        if (field == QLatin1String("user"))
            f.user = value;
        else if (field == QLatin1String("action"))
            f.action = value;
        else if (field == QLatin1String("outcome"))
            f.outcome = value;
        else if (field == QLatin1String("resourceType"))
            f.resourceType = value;
        else if (field == QLatin1String("resourceId"))
            f.resourceId = value;
        else if (field == QLatin1String("eventType"))
            f.eventType = value;
        QVERIFY(!f.isEmpty());
        QString problem;
        const SqlFragment w = f.where(&problem);
        QCOMPARE(w.clause, clause);
        QCOMPARE(w.values, QVariantList{value});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // Exact columns are not date ranges.
        QCOMPARE(f.dateRange().clause, QStringLiteral("TRUE"));
    }

    void dateRangeIsBoundAsUtcMicroseconds()
    {
        AuditFilter f;
        // Entered in the operator's zone (Berlin, +01:00 in January): 12:00 there is 11:00 UTC.
        f.fromUtc = QDateTime(QDate(2026, 1, 15), QTime(12, 0), QTimeZone("Europe/Berlin"));
        f.toUtc = QDateTime(QDate(2026, 7, 1), QTime(0, 0, 0, 123), QTimeZone::utc());
        SqlFragment w = f.where();
        QCOMPARE(w.clause, kFrom + QStringLiteral(" AND ") + kTo);
        QCOMPARE(w.values, (QVariantList{qint64(1768474800000000LL), qint64(1782864000123000LL)}));
        QCOMPARE(f.dateRange().clause, w.clause);
        QCOMPARE(f.dateRange().values, w.values);

        AuditFilter onlyFrom;
        onlyFrom.fromUtc = f.fromUtc;
        QCOMPARE(onlyFrom.where().clause, kFrom);
        QCOMPARE(onlyFrom.where().values, QVariantList{qint64(1768474800000000LL)});
        AuditFilter onlyTo;
        onlyTo.toUtc = f.toUtc;
        QCOMPARE(onlyTo.where().clause, kTo);
        QCOMPARE(onlyTo.where().values, QVariantList{qint64(1782864000123000LL)});
    }

    void allFiltersInOrder()
    {
        AuditFilter f;
        f.fromUtc = QDateTime(QDate(2026, 1, 15), QTime(11, 0), QTimeZone::utc());
        f.toUtc = QDateTime(QDate(2026, 7, 1), QTime(0, 0, 0, 123), QTimeZone::utc());
        f.user = QStringLiteral("alice");
        f.action = QStringLiteral("BREAKER_TRIP");
        f.eventType = QStringLiteral("action");
        f.outcome = QStringLiteral("success");
        f.resourceType = QStringLiteral("circuit_breaker");
        f.resourceId = QStringLiteral("global");
        f.text = QStringLiteral("  drawdown  ");
        const SqlFragment w = f.where();
        QCOMPARE(w.clause, QStringList({kFrom, kTo, QStringLiteral("user_id = ?"), QStringLiteral("action = ?"),
                                        QStringLiteral("outcome = ?"), QStringLiteral("resource_type = ?"),
                                        QStringLiteral("resource_id = ?"), QStringLiteral("event_type = ?"), kText})
                               .join(QStringLiteral(" AND ")));
        const QVariantList expected{qint64(1768474800000000LL),
                                    qint64(1782864000123000LL),
                                    QStringLiteral("alice"),
                                    QStringLiteral("BREAKER_TRIP"),
                                    QStringLiteral("success"),
                                    QStringLiteral("circuit_breaker"),
                                    QStringLiteral("global"),
                                    QStringLiteral("action"),
                                    QStringLiteral("%drawdown%"),
                                    QStringLiteral("%drawdown%")};
        QCOMPARE(w.values, expected);
        QCOMPARE(placeholders(w.clause), int(w.values.size()));
        // The date range alone, for chain verification.
        QCOMPARE(f.dateRange().clause, kFrom + QStringLiteral(" AND ") + kTo);
        QCOMPARE(f.dateRange().values.size(), 2);
    }

    void textIsEscapedAndBound_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("pattern");
        QTest::newRow("plain") << "drawdown" << "%drawdown%";
        QTest::newRow("percent") << "%" << "%\\%%";
        QTest::newRow("underscore") << "_" << "%\\_%";
        QTest::newRow("backslash") << "\\" << "%\\\\%";
        QTest::newRow("quote") << "'" << "%'%";
        QTest::newRow("comment") << "--" << "%--%";
        QTest::newRow("semicolon") << ";" << "%;%";
        QTest::newRow("nasty") << kNasty << "%50\\%\\_off' \\\\ -- ;%";
        QTest::newRow("injection") << "x' OR 1=1; DROP TABLE audit_log; --" << "%x' OR 1=1; DROP TABLE audit\\_log; --%";
        QTest::newRow("trimmed") << "  a b  " << "%a b%";
    }

    void textIsEscapedAndBound()
    {
        QFETCH(QString, text);
        QFETCH(QString, pattern);
        AuditFilter f;
        f.text = text;
        QString problem;
        const SqlFragment w = f.where(&problem);
        QCOMPARE(w.clause, kText);
        QCOMPARE(w.values, (QVariantList{pattern, pattern}));
        QVERIFY(problem.isEmpty());
        QCOMPARE(placeholders(w.clause), 2);
    }

    void whitespaceOnlyTextIsNoFilter()
    {
        AuditFilter f;
        f.text = QStringLiteral(" \t ");
        QCOMPARE(f.where().clause, QStringLiteral("TRUE"));
        QVERIFY(f.where().values.isEmpty());
    }

    void escapeLike()
    {
        QCOMPARE(AuditFilter::escapeLike(QStringLiteral("a%b_c\\d")), QStringLiteral("a\\%b\\_c\\\\d"));
        QCOMPARE(AuditFilter::escapeLike(QStringLiteral("%%")), QStringLiteral("\\%\\%"));
        QCOMPARE(AuditFilter::escapeLike(QStringLiteral("plain ' -- ;")), QStringLiteral("plain ' -- ;"));
        QCOMPARE(AuditFilter::escapeLike(QString()), QString());
    }

    void nulIsRemovedAndReported()
    {
        AuditFilter f;
        f.text = QStringLiteral("50%") + QChar(0) + QStringLiteral("_off");
        QString problem;
        SqlFragment w = f.where(&problem);
        QCOMPARE(w.clause, kText);
        QCOMPARE(w.values, (QVariantList{QStringLiteral("%50\\%\\_off%"), QStringLiteral("%50\\%\\_off%")}));
        QVERIFY(!problem.isEmpty());
        QVERIFY(problem.contains(QLatin1String("NUL")));
        for (const QVariant &v : std::as_const(w.values))
            QVERIFY(!v.toString().contains(QChar(0)));

        AuditFilter u;
        u.user = QStringLiteral("ali") + QChar(0) + QStringLiteral("ce");
        problem.clear();
        w = u.where(&problem);
        QCOMPARE(w.clause, QStringLiteral("user_id = ?"));
        QCOMPARE(w.values, QVariantList{QStringLiteral("alice")});
        QVERIFY(!problem.isEmpty());

        // Nothing but NUL: no filter at all, and said so.
        AuditFilter only;
        only.text = QString(QChar(0));
        problem.clear();
        w = only.where(&problem);
        QCOMPARE(w.clause, QStringLiteral("TRUE"));
        QVERIFY(!problem.isEmpty());
        // Works without a problem pointer too.
        QCOMPARE(only.where().clause, QStringLiteral("TRUE"));
    }

    void unknownEventTypeMatchesNothing_data()
    {
        QTest::addColumn<QString>("eventType");
        QTest::newRow("upper case") << "ADMIN";
        QTest::newRow("unknown") << "system";
        QTest::newRow("injection") << "admin' OR '1'='1";
        QTest::newRow("percent") << "%";
    }

    void unknownEventTypeMatchesNothing()
    {
        QFETCH(QString, eventType);
        AuditFilter f;
        f.eventType = eventType;
        f.user = QStringLiteral("bob");
        QString problem;
        const SqlFragment w = f.where(&problem);
        QCOMPARE(w.clause, QStringLiteral("user_id = ? AND FALSE"));
        QCOMPARE(w.values, QVariantList{QStringLiteral("bob")}); // the refused value is not bound
        QVERIFY(!w.clause.contains(eventType));
        QVERIFY(problem.contains(QLatin1String("Unknown event type")));
    }

    void eventTypesAllowList()
    {
        QCOMPARE(AuditFilter::eventTypes(),
                 (QStringList{QStringLiteral("admin"), QStringLiteral("auth"), QStringLiteral("action")}));
    }

    void valuesNeverReachTheClause()
    {
        AuditFilter f;
        f.user = QStringLiteral("u' --");
        f.action = QStringLiteral("a;DROP");
        f.outcome = QStringLiteral("o\\");
        f.resourceType = QStringLiteral("rt%");
        f.resourceId = QStringLiteral("ri_");
        f.text = QStringLiteral("needle'--;");
        const SqlFragment w = f.where();
        for (const QString &v : {f.user, f.action, f.outcome, f.resourceType, f.resourceId, f.text})
            QVERIFY2(!w.clause.contains(v), qPrintable(v));
        QCOMPARE(placeholders(w.clause), int(w.values.size()));
        QCOMPARE(w.values.size(), 7);
    }

    void toMap()
    {
        AuditFilter f;
        QVERIFY(f.toMap().isEmpty());
        f.fromUtc = QDateTime(QDate(2026, 1, 15), QTime(12, 0), QTimeZone("Europe/Berlin"));
        f.user = QStringLiteral("alice");
        f.text = kNasty;
        const QVariantMap m = f.toMap();
        QCOMPARE(m.size(), 3);
        QCOMPARE(m.value(QStringLiteral("from")).toString(), QStringLiteral("2026-01-15T11:00:00.000Z"));
        QCOMPARE(m.value(QStringLiteral("user")).toString(), QStringLiteral("alice"));
        QCOMPARE(m.value(QStringLiteral("text")).toString(), kNasty);
    }
};

QTEST_GUILESS_MAIN(TstAuditFilter)
#include "tst_auditfilter.moc"
