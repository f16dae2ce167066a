// BreakerHistoryModel: the history table of the Circuit Breaker page. Every test runs under a
// QAbstractItemModelTester in Fatal mode, and the 5 s refresh with unchanged data must not emit
// anything (a selection survives it).
#include "breaker/BreakerHistoryModel.h"
#include "core/TimeText.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTimeZone>
#include <QtTest>

using namespace ops;

namespace {

// Noon UTC: the same calendar day in every time zone the tests might run in.
QDateTime utc(int h, int m, int s)
{
    return QDateTime(QDate(2026, 3, 29), QTime(h, m, s), QTimeZone::utc());
}

BreakerHistoryEntry entry(qint64 id, const QDateTime &trippedAt, const QDateTime &resetAt = {})
{
    BreakerHistoryEntry e;
    e.id = id;
    e.trippedAt = trippedAt;
    e.trippedBy = QStringLiteral("operator-%1").arg(id);
    e.reason = QStringLiteral("Broker API errors above threshold (trip %1)").arg(id);
    e.details = QJsonObject{{QStringLiteral("category"), QStringLiteral("BROKER_ERRORS")}};
    e.resetAt = resetAt;
    if (resetAt.isValid()) {
        e.resetBy = QStringLiteral("admin");
        e.resetReason = QStringLiteral("Broker recovered, conditions all green again");
    }
    return e;
}

// Newest first, as BreakerJson::history delivers them.
QList<BreakerHistoryEntry> threeEntries()
{
    return {entry(3, utc(12, 30, 0)),                    // still tripped
            entry(2, utc(11, 0, 0), utc(11, 3, 5)),     // 3 min 5 s
            entry(1, utc(9, 0, 0), utc(10, 10, 42))};   // 1 h 10 min 42 s
}

struct Spies
{
    explicit Spies(QAbstractItemModel *model)
        : reset(model, &QAbstractItemModel::modelReset)
        , aboutToReset(model, &QAbstractItemModel::modelAboutToBeReset)
        , changed(model, &QAbstractItemModel::dataChanged)
        , inserted(model, &QAbstractItemModel::rowsInserted)
        , removed(model, &QAbstractItemModel::rowsRemoved)
        , moved(model, &QAbstractItemModel::rowsMoved)
        , layout(model, &QAbstractItemModel::layoutChanged)
        , header(model, &QAbstractItemModel::headerDataChanged)
    {
    }
    int total() const
    {
        return int(reset.count() + aboutToReset.count() + changed.count() + inserted.count() + removed.count()
                   + moved.count() + layout.count() + header.count());
    }
    QSignalSpy reset, aboutToReset, changed, inserted, removed, moved, layout, header;
};

} // namespace

class TestBreakerHistoryModel final : public QObject
{
    Q_OBJECT

private slots:
    void emptyModel()
    {
        BreakerHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(BreakerHistoryModel::ColumnCount));
        QCOMPARE(model.columnCount(), 7);
        QVERIFY(!model.index(0, 0).isValid());
        QVERIFY(model.entries().isEmpty());
    }

    void headers()
    {
        BreakerHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        const QStringList expected{QStringLiteral("Tripped at"), QStringLiteral("Tripped by"), QStringLiteral("Reason"),
                                   QStringLiteral("Reset at"),   QStringLiteral("Reset by"),   QStringLiteral("Reset reason"),
                                   QStringLiteral("Halted for")};
        QStringList actual;
        for (int c = 0; c < model.columnCount(); ++c)
            actual << model.headerData(c, Qt::Horizontal).toString();
        QCOMPARE(actual, expected);
        QCOMPARE(model.headerData(BreakerHistoryModel::Duration, Qt::Horizontal).toString(), QStringLiteral("Halted for"));
        QVERIFY(!model.headerData(BreakerHistoryModel::ColumnCount, Qt::Horizontal).isValid());
        QVERIFY(!model.headerData(0, Qt::Vertical).isValid());
        QVERIFY(!model.headerData(0, Qt::Horizontal, Qt::DecorationRole).isValid());
    }

    void firstEntriesResetTheModel()
    {
        BreakerHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        Spies spies(&model);
        model.setEntries(threeEntries());
        QCOMPARE(spies.reset.count(), 1);
        QCOMPARE(spies.aboutToReset.count(), 1);
        QCOMPARE(spies.changed.count(), 0);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowCount(model.index(0, 0)), 0); // a table: no children
        QCOMPARE(model.columnCount(model.index(0, 0)), 0);
        QCOMPARE(model.entries().size(), 3);
    }

    void displayTexts()
    {
        BreakerHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setEntries(threeEntries());
        auto text = [&](int row, int column, int role = Qt::DisplayRole) {
            return model.index(row, column).data(role).toString();
        };

        // Row 0: still tripped.
        QCOMPARE(text(0, BreakerHistoryModel::TrippedAt), timetext::local(utc(12, 30, 0)));
        QVERIFY2(text(0, BreakerHistoryModel::TrippedAt).startsWith(QStringLiteral("2026-03-29 ")),
                 qPrintable(text(0, BreakerHistoryModel::TrippedAt)));
        QCOMPARE(text(0, BreakerHistoryModel::TrippedBy), QStringLiteral("operator-3"));
        QCOMPARE(text(0, BreakerHistoryModel::Reason), QStringLiteral("Broker API errors above threshold (trip 3)"));
        QCOMPARE(text(0, BreakerHistoryModel::ResetAt), QStringLiteral("Still tripped"));
        QCOMPARE(text(0, BreakerHistoryModel::ResetBy), QString());
        QCOMPARE(text(0, BreakerHistoryModel::ResetReason), QString());
        QCOMPARE(text(0, BreakerHistoryModel::Duration), QStringLiteral("\u2014"));

        // Row 1: reset after 3 min 5 s.
        QCOMPARE(text(1, BreakerHistoryModel::ResetAt), timetext::local(utc(11, 3, 5)));
        QVERIFY(text(1, BreakerHistoryModel::ResetAt).startsWith(QStringLiteral("2026-03-29 ")));
        QCOMPARE(text(1, BreakerHistoryModel::ResetBy), QStringLiteral("admin"));
        QCOMPARE(text(1, BreakerHistoryModel::ResetReason), QStringLiteral("Broker recovered, conditions all green again"));
        QCOMPARE(text(1, BreakerHistoryModel::Duration), QStringLiteral("3 min 5 s"));

        // Row 2: 1 h 10 min 42 s.
        QCOMPARE(text(2, BreakerHistoryModel::Duration), QStringLiteral("1 h 10 min"));
        QCOMPARE(text(2, BreakerHistoryModel::TrippedBy), QStringLiteral("operator-1"));

        // Tooltips and accessible text carry the same words.
        QCOMPARE(text(0, BreakerHistoryModel::ResetAt, Qt::ToolTipRole), QStringLiteral("Still tripped"));
        QCOMPARE(text(0, BreakerHistoryModel::ResetAt, Qt::AccessibleTextRole), QStringLiteral("Still tripped"));
        QCOMPARE(text(1, BreakerHistoryModel::Duration, Qt::AccessibleTextRole), QStringLiteral("3 min 5 s"));

        // Other roles carry nothing.
        QVERIFY(!model.index(0, 0).data(Qt::DecorationRole).isValid());
        QVERIFY(!model.index(0, 0).data(Qt::EditRole).isValid());
        QVERIFY(!model.index(0, 0).data(Qt::UserRole).isValid());
    }

    void durationWithoutATripTimeIsADash()
    {
        BreakerHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        BreakerHistoryEntry e = entry(9, QDateTime(), utc(12, 0, 0));
        model.setEntries({e});
        QCOMPARE(model.index(0, BreakerHistoryModel::TrippedAt).data().toString(), QStringLiteral("\u2014"));
        QCOMPARE(model.index(0, BreakerHistoryModel::Duration).data().toString(), QStringLiteral("\u2014"));
        QCOMPARE(model.index(0, BreakerHistoryModel::ResetAt).data().toString(), timetext::local(utc(12, 0, 0)));
    }

    void multiLineReasonsAreOneLineInTheTableAndWholeInTheTooltip()
    {
        BreakerHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        BreakerHistoryEntry e = entry(5, utc(12, 0, 0), utc(12, 1, 0));
        e.reason = QStringLiteral("Broker API errors.\nSee INC-1234\tfor details");
        e.resetReason = QStringLiteral("  Recovered.\n\nVerified by desk  ");
        model.setEntries({e});
        QCOMPARE(model.index(0, BreakerHistoryModel::Reason).data().toString(),
                 QStringLiteral("Broker API errors. See INC-1234 for details"));
        QCOMPARE(model.index(0, BreakerHistoryModel::Reason).data(Qt::ToolTipRole).toString(), e.reason);
        QCOMPARE(model.index(0, BreakerHistoryModel::ResetReason).data().toString(),
                 QStringLiteral("Recovered. Verified by desk"));
        QCOMPARE(model.index(0, BreakerHistoryModel::ResetReason).data(Qt::ToolTipRole).toString(), e.resetReason);
    }

    void roles()
    {
        BreakerHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setEntries(threeEntries());
        for (int column = 0; column < model.columnCount(); ++column) {
            const QModelIndex i = model.index(1, column);
            QCOMPARE(i.data(BreakerHistoryModel::EntryIdRole).toLongLong(), 2);
            QCOMPARE(i.data(BreakerHistoryModel::TrippedAtUtcRole).toDateTime(), utc(11, 0, 0));
            QCOMPARE(i.data(BreakerHistoryModel::ResetAtUtcRole).toDateTime(), utc(11, 3, 5));
        }
        QCOMPARE(model.index(0, 0).data(BreakerHistoryModel::EntryIdRole).toLongLong(), 3);
        QCOMPARE(model.index(2, 0).data(BreakerHistoryModel::EntryIdRole).toLongLong(), 1);
        QCOMPARE(model.index(0, 0).data(BreakerHistoryModel::TrippedAtUtcRole).toDateTime(), utc(12, 30, 0));
        // Still tripped: an invalid reset time, not a missing value of another type.
        const QVariant reset = model.index(0, 0).data(BreakerHistoryModel::ResetAtUtcRole);
        QCOMPARE(reset.typeId(), QMetaType::QDateTime);
        QVERIFY(!reset.toDateTime().isValid());
        // Large ids survive.
        model.setEntries({entry(Q_INT64_C(9007199254740), utc(12, 0, 0))});
        QCOMPARE(model.index(0, 0).data(BreakerHistoryModel::EntryIdRole).toLongLong(), Q_INT64_C(9007199254740));
    }

    void sameEntriesEmitNothing()
    {
        BreakerHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setEntries(threeEntries());
        Spies spies(&model);
        model.setEntries(threeEntries());
        model.setEntries(threeEntries());
        QCOMPARE(spies.reset.count(), 0);
        QCOMPARE(spies.changed.count(), 0);
        QCOMPARE(spies.inserted.count(), 0);
        QCOMPARE(spies.total(), 0);
        QCOMPARE(model.rowCount(), 3);

        // An empty refresh of an empty model is also silent.
        BreakerHistoryModel empty;
        QAbstractItemModelTester emptyTester(&empty, QAbstractItemModelTester::FailureReportingMode::Fatal);
        Spies emptySpies(&empty);
        empty.setEntries({});
        QCOMPARE(emptySpies.total(), 0);
    }

    void sameIdsWithAResetEmitOneDataChangedForThatRow()
    {
        BreakerHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setEntries(threeEntries());
        const QPersistentModelIndex kept = model.index(1, BreakerHistoryModel::Reason);

        QList<BreakerHistoryEntry> next = threeEntries();
        next[0].resetAt = utc(12, 34, 56);
        next[0].resetBy = QStringLiteral("admin");
        next[0].resetReason = QStringLiteral("All five conditions green, broker confirmed");
        Spies spies(&model);
        model.setEntries(next);

        QCOMPARE(spies.reset.count(), 0);
        QCOMPARE(spies.inserted.count(), 0);
        QCOMPARE(spies.removed.count(), 0);
        QCOMPARE(spies.changed.count(), 1);
        const QModelIndex topLeft = spies.changed.first().at(0).value<QModelIndex>();
        const QModelIndex bottomRight = spies.changed.first().at(1).value<QModelIndex>();
        QCOMPARE(topLeft, model.index(0, 0));
        QCOMPARE(bottomRight, model.index(0, BreakerHistoryModel::ColumnCount - 1));
        QCOMPARE(spies.total(), 1);

        QCOMPARE(model.index(0, BreakerHistoryModel::ResetAt).data().toString(), timetext::local(utc(12, 34, 56)));
        QCOMPARE(model.index(0, BreakerHistoryModel::ResetBy).data().toString(), QStringLiteral("admin"));
        QCOMPARE(model.index(0, BreakerHistoryModel::ResetReason).data().toString(),
                 QStringLiteral("All five conditions green, broker confirmed"));
        QCOMPARE(model.index(0, BreakerHistoryModel::Duration).data().toString(), QStringLiteral("4 min 56 s"));
        QCOMPARE(model.index(0, 0).data(BreakerHistoryModel::ResetAtUtcRole).toDateTime(), utc(12, 34, 56));
        QCOMPARE(model.entries().at(0).resetBy, QStringLiteral("admin"));
        QVERIFY(kept.isValid()); // a selection elsewhere survives
        QCOMPARE(kept.row(), 1);

        // The same again: silent.
        model.setEntries(next);
        QCOMPARE(spies.total(), 1);
    }

    void twoChangedRowsEmitTwoDataChanged()
    {
        BreakerHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setEntries(threeEntries());
        QList<BreakerHistoryEntry> next = threeEntries();
        next[0].reason = QStringLiteral("Corrected reason for the current trip");
        next[2].details = QJsonObject{{QStringLiteral("category"), QStringLiteral("MANUAL")}};
        Spies spies(&model);
        model.setEntries(next);
        QCOMPARE(spies.reset.count(), 0);
        QCOMPARE(spies.changed.count(), 2);
        QCOMPARE(spies.changed.at(0).at(0).value<QModelIndex>().row(), 0);
        QCOMPARE(spies.changed.at(1).at(0).value<QModelIndex>().row(), 2);
        QCOMPARE(model.entries().at(2).details.value(QStringLiteral("category")).toString(), QStringLiteral("MANUAL"));
    }

    void differentIdsResetTheModel_data()
    {
        QTest::addColumn<QList<qint64>>("newIds");
        QTest::newRow("a new trip on top") << QList<qint64>{4, 3, 2, 1};
        QTest::newRow("one fewer") << QList<qint64>{3, 2};
        QTest::newRow("same count, one replaced") << QList<qint64>{4, 3, 2};
        QTest::newRow("same ids, other order") << QList<qint64>{1, 2, 3};
        QTest::newRow("empty") << QList<qint64>{};
    }

    void differentIdsResetTheModel()
    {
        QFETCH(QList<qint64>, newIds);
        BreakerHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setEntries(threeEntries());
        QList<BreakerHistoryEntry> next;
        for (const qint64 id : newIds)
            next.append(entry(id, utc(8, 0, 0).addSecs(id * 600)));
        Spies spies(&model);
        model.setEntries(next);
        QCOMPARE(spies.reset.count(), 1);
        QCOMPARE(spies.aboutToReset.count(), 1);
        QCOMPARE(spies.changed.count(), 0);
        QCOMPARE(spies.inserted.count(), 0);
        QCOMPARE(model.rowCount(), int(newIds.size()));
        for (int row = 0; row < newIds.size(); ++row)
            QCOMPARE(model.index(row, 0).data(BreakerHistoryModel::EntryIdRole).toLongLong(), newIds.at(row));
    }

    void fiftyRows()
    {
        BreakerHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QList<BreakerHistoryEntry> many;
        for (int i = 50; i >= 1; --i)
            many.append(entry(i, utc(0, 0, 0).addSecs(i * 60), utc(0, 0, 0).addSecs(i * 60 + 30)));
        model.setEntries(many);
        QCOMPARE(model.rowCount(), 50);
        QCOMPARE(model.index(49, BreakerHistoryModel::Duration).data().toString(), QStringLiteral("30 s"));
        QCOMPARE(model.index(0, 0).data(BreakerHistoryModel::EntryIdRole).toLongLong(), 50);
        QVERIFY(!model.index(50, 0).isValid());
        QVERIFY(!model.index(0, BreakerHistoryModel::ColumnCount).isValid());
    }
};

QTEST_GUILESS_MAIN(TestBreakerHistoryModel)
#include "tst_breakerhistorymodel.moc"
