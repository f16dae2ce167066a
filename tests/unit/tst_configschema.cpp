// ConfigSchema: the three typed documents, every range boundary in and out, the types, market
// open before close, the field-by-field diff, the rebase behind "Re-apply my changes on top", and
// the diff's item model under QAbstractItemModelTester (Fatal).
#include "config/ConfigDiffModel.h"
#include "config/ConfigSchema.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QtTest>

using namespace ops;

namespace {

const QString TH = QStringLiteral("trading_hours");
const QString PL = QStringLiteral("position_limits");
const QString SD = QStringLiteral("system_defaults");

QJsonObject tradingHours()
{
    return {{QStringLiteral("market_open"), QStringLiteral("09:30")},
            {QStringLiteral("market_close"), QStringLiteral("16:00")},
            {QStringLiteral("pre_market_enabled"), false},
            {QStringLiteral("after_hours_enabled"), true}};
}

QJsonObject positionLimits()
{
    return {{QStringLiteral("max_position_per_symbol"), 5000},
            {QStringLiteral("max_notional_total"), 2500000},
            {QStringLiteral("max_open_orders"), 200}};
}

QJsonObject systemDefaults()
{
    return {{QStringLiteral("dry_run"), true},
            {QStringLiteral("circuit_breaker_enabled"), true},
            {QStringLiteral("drawdown_threshold"), 0.05}};
}

QJsonObject valid(const QString &key)
{
    if (key == TH)
        return tradingHours();
    if (key == PL)
        return positionLimits();
    return systemDefaults();
}

const QJsonValue Missing = QJsonValue(QJsonValue::Undefined);

} // namespace

class TestConfigSchema final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c());
    }

    void theThreeDocumentsAndTheirFields()
    {
        QCOMPARE(ConfigSchema::documentKeys(), (QStringList{TH, PL, SD}));
        const QList<ConfigDocumentSpec> docs = ConfigSchema::documents();
        QCOMPARE(docs.size(), 3);
        QCOMPARE(docs[0].title, QStringLiteral("Trading hours"));

        using T = ConfigField::Type;
        struct Expected { QString key; QString field; T type; double min; double max; };
        const QList<Expected> expected{
            {TH, QStringLiteral("market_open"), T::Time, 0, 0},
            {TH, QStringLiteral("market_close"), T::Time, 0, 0},
            {TH, QStringLiteral("pre_market_enabled"), T::Bool, 0, 0},
            {TH, QStringLiteral("after_hours_enabled"), T::Bool, 0, 0},
            {PL, QStringLiteral("max_position_per_symbol"), T::Int, 1, 100000},
            {PL, QStringLiteral("max_notional_total"), T::Int, 1000, 10000000},
            {PL, QStringLiteral("max_open_orders"), T::Int, 1, 1000},
            {SD, QStringLiteral("dry_run"), T::Bool, 0, 0},
            {SD, QStringLiteral("circuit_breaker_enabled"), T::Bool, 0, 0},
            {SD, QStringLiteral("drawdown_threshold"), T::Number, 0.01, 0.50},
        };
        int total = 0;
        for (const ConfigDocumentSpec &d : docs)
            total += int(d.fields.size());
        QCOMPARE(total, int(expected.size()));
        for (const Expected &e : expected) {
            const ConfigDocumentSpec spec = ConfigSchema::document(e.key);
            const ConfigField *f = spec.field(e.field);
            QVERIFY2(f, qPrintable(e.field));
            QCOMPARE(f->type, e.type);
            QVERIFY2(!f->label.isEmpty() && f->label != e.field, qPrintable(f->label));
            if (e.type == T::Int || e.type == T::Number) {
                QCOMPARE(f->minimum, e.min);
                QCOMPARE(f->maximum, e.max);
            }
        }
        QVERIFY(!ConfigSchema::document(QStringLiteral("nope")).isValid());
        QVERIFY(ConfigSchema::document(QStringLiteral("nope")).fields.isEmpty());
    }

    void theDefaultsAreValid()
    {
        for (const QString &key : ConfigSchema::documentKeys())
            QVERIFY2(ConfigSchema::validate(key, valid(key)).isEmpty(), qPrintable(key));
    }

    void boundaries_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<bool>("accepted");

        auto row = [](const char *name, const QString &key, const char *field, const QJsonValue &v, bool ok) {
            QTest::newRow(name) << key << QString::fromLatin1(field) << v << ok;
        };
        // max_position_per_symbol: int 1–100000
        row("pos 0", PL, "max_position_per_symbol", 0, false);
        row("pos 1", PL, "max_position_per_symbol", 1, true);
        row("pos 100000", PL, "max_position_per_symbol", 100000, true);
        row("pos 100001", PL, "max_position_per_symbol", 100001, false);
        row("pos -1", PL, "max_position_per_symbol", -1, false);
        row("pos 1.5", PL, "max_position_per_symbol", 1.5, false);
        row("pos 7.0 is whole", PL, "max_position_per_symbol", 7.0, true);
        row("pos string", PL, "max_position_per_symbol", QStringLiteral("5"), false);
        row("pos bool", PL, "max_position_per_symbol", true, false);
        row("pos null", PL, "max_position_per_symbol", QJsonValue(), false);
        row("pos missing", PL, "max_position_per_symbol", Missing, false);
        // max_notional_total: whole number 1000–10000000 (the platform refuses fractions)
        row("notional 999.99", PL, "max_notional_total", 999.99, false);
        row("notional 1000", PL, "max_notional_total", 1000, true);
        row("notional 1000.5", PL, "max_notional_total", 1000.5, false);
        row("notional 10000000", PL, "max_notional_total", 10000000, true);
        row("notional 10000000.01", PL, "max_notional_total", 10000000.01, false);
        row("notional array", PL, "max_notional_total", QJsonArray{1000}, false);
        // max_open_orders: int 1–1000
        row("orders 0", PL, "max_open_orders", 0, false);
        row("orders 1", PL, "max_open_orders", 1, true);
        row("orders 1000", PL, "max_open_orders", 1000, true);
        row("orders 1001", PL, "max_open_orders", 1001, false);
        // drawdown_threshold: number 0.01–0.50
        row("drawdown 0.0099", SD, "drawdown_threshold", 0.0099, false);
        row("drawdown 0.01", SD, "drawdown_threshold", 0.01, true);
        row("drawdown 0.5", SD, "drawdown_threshold", 0.5, true);
        row("drawdown 0.5001", SD, "drawdown_threshold", 0.5001, false);
        row("drawdown 0", SD, "drawdown_threshold", 0, false);
        row("drawdown string", SD, "drawdown_threshold", QStringLiteral("0.1"), false);
        // times: "HH:MM", 00:00–23:59
        row("open 00:00", TH, "market_open", QStringLiteral("00:00"), true);
        row("close 23:59", TH, "market_close", QStringLiteral("23:59"), true);
        row("close 24:00", TH, "market_close", QStringLiteral("24:00"), false);
        row("open 9:30", TH, "market_open", QStringLiteral("9:30"), false);
        row("open 09:60", TH, "market_open", QStringLiteral("09:60"), false);
        row("open seconds", TH, "market_open", QStringLiteral("09:30:00"), false);
        row("open number", TH, "market_open", 930, false);
        row("open empty", TH, "market_open", QString(), false);
        row("open trailing space", TH, "market_open", QStringLiteral("09:30 "), false);
        // booleans
        row("dry_run false", SD, "dry_run", false, true);
        row("dry_run 1", SD, "dry_run", 1, false);
        row("dry_run string", SD, "dry_run", QStringLiteral("true"), false);
        row("pre_market missing", TH, "pre_market_enabled", Missing, false);
        row("breaker null", SD, "circuit_breaker_enabled", QJsonValue(), false);
    }

    void boundaries()
    {
        QFETCH(QString, key);
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(bool, accepted);
        QJsonObject doc = valid(key);
        if (value.isUndefined())
            doc.remove(field);
        else
            doc.insert(field, value);
        const ConfigFieldErrors errors = ConfigSchema::validate(key, doc);
        QCOMPARE(errors.contains(field), !accepted);
        // Nothing else is blamed.
        for (const QString &other : errors.keys())
            QVERIFY2(other == field, qPrintable(other + QStringLiteral(": ") + errors.value(other)));
        const ConfigField *f = ConfigSchema::document(key).field(field);
        QVERIFY(f);
        QCOMPARE(ConfigSchema::validateField(*f, value).isEmpty(), accepted);
    }

    void messagesSayWhatIsAllowed()
    {
        QJsonObject limits = positionLimits();
        limits.insert(QStringLiteral("max_position_per_symbol"), 0);
        limits.insert(QStringLiteral("max_open_orders"), 2.5);
        ConfigFieldErrors e = ConfigSchema::validate(PL, limits);
        QCOMPARE(e.value(QStringLiteral("max_position_per_symbol")), QStringLiteral("Must be between 1 and 100000."));
        QCOMPARE(e.value(QStringLiteral("max_open_orders")), QStringLiteral("Must be a whole number."));

        QJsonObject defaults = systemDefaults();
        defaults.insert(QStringLiteral("drawdown_threshold"), 0.51);
        defaults.remove(QStringLiteral("dry_run"));
        e = ConfigSchema::validate(SD, defaults);
        QCOMPARE(e.value(QStringLiteral("drawdown_threshold")), QStringLiteral("Must be between 0.01 and 0.5."));
        QCOMPARE(e.value(QStringLiteral("dry_run")), QStringLiteral("A value is required."));

        QJsonObject hours = tradingHours();
        hours.insert(QStringLiteral("market_open"), QStringLiteral("25:00"));
        e = ConfigSchema::validate(TH, hours);
        QCOMPARE(e.value(QStringLiteral("market_open")), QStringLiteral("Must be a time from 00:00 to 23:59 (HH:MM)."));
    }

    void marketOpenMustBeBeforeClose_data()
    {
        QTest::addColumn<QString>("open");
        QTest::addColumn<QString>("close");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("one minute before") << QStringLiteral("09:29") << QStringLiteral("09:30") << true;
        QTest::newRow("equal") << QStringLiteral("09:30") << QStringLiteral("09:30") << false;
        QTest::newRow("one minute after") << QStringLiteral("09:31") << QStringLiteral("09:30") << false;
        QTest::newRow("hours compare as times") << QStringLiteral("10:00") << QStringLiteral("09:59") << false;
        QTest::newRow("whole day") << QStringLiteral("00:00") << QStringLiteral("23:59") << true;
        QTest::newRow("midnight close") << QStringLiteral("16:00") << QStringLiteral("00:00") << false;
    }

    void marketOpenMustBeBeforeClose()
    {
        QFETCH(QString, open);
        QFETCH(QString, close);
        QFETCH(bool, accepted);
        QJsonObject doc = tradingHours();
        doc.insert(QStringLiteral("market_open"), open);
        doc.insert(QStringLiteral("market_close"), close);
        const ConfigFieldErrors e = ConfigSchema::validate(TH, doc);
        QCOMPARE(e.isEmpty(), accepted);
        if (!accepted) {
            QCOMPARE(e.size(), 2);
            QCOMPARE(e.value(QStringLiteral("market_open")), QStringLiteral("Must be before market close (%1).").arg(close));
            QCOMPARE(e.value(QStringLiteral("market_close")), QStringLiteral("Must be after market open (%1).").arg(open));
        }
    }

    void anInvalidTimeIsNotAlsoBlamedForTheOrder()
    {
        QJsonObject doc = tradingHours();
        doc.insert(QStringLiteral("market_open"), QStringLiteral("99:99"));
        const ConfigFieldErrors e = ConfigSchema::validate(TH, doc);
        QCOMPARE(e.keys(), QStringList{QStringLiteral("market_open")});
    }

    void unknownFieldsAreNotJudged()
    {
        QJsonObject doc = positionLimits();
        doc.insert(QStringLiteral("future_field"), QStringLiteral("anything"));
        QVERIFY(ConfigSchema::validate(PL, doc).isEmpty());
        QVERIFY(ConfigSchema::validate(QStringLiteral("nope"), doc).isEmpty());
    }

    void diffOfEqualDocumentsIsEmpty()
    {
        for (const QString &key : ConfigSchema::documentKeys())
            QVERIFY(ConfigSchema::diff(key, valid(key), valid(key)).isEmpty());
        // 5 and 5.0 are the same number.
        QJsonObject a = positionLimits();
        QJsonObject b = positionLimits();
        a.insert(QStringLiteral("max_open_orders"), 200);
        b.insert(QStringLiteral("max_open_orders"), 200.0);
        QVERIFY(ConfigSchema::diff(PL, a, b).isEmpty());
        QVERIFY(ConfigSchema::changedFields(a, b).isEmpty());
    }

    void diffListsEachChangedFieldInSchemaOrder()
    {
        QJsonObject after = tradingHours();
        after.insert(QStringLiteral("after_hours_enabled"), false);
        after.insert(QStringLiteral("market_open"), QStringLiteral("10:00"));
        after.insert(QStringLiteral("zz_extra"), 1);
        const QList<ConfigChange> changes = ConfigSchema::diff(TH, tradingHours(), after);
        QCOMPARE(changes.size(), 3);
        QCOMPARE(changes[0].field, QStringLiteral("market_open"));
        QCOMPARE(changes[0].label, QStringLiteral("Market open"));
        QCOMPARE(changes[0].beforeText, QStringLiteral("09:30"));
        QCOMPARE(changes[0].afterText, QStringLiteral("10:00"));
        QCOMPARE(changes[0].text(), QStringLiteral("Market open: 09:30 → 10:00"));
        QCOMPARE(changes[1].field, QStringLiteral("after_hours_enabled"));
        QCOMPARE(changes[1].text(), QStringLiteral("After-hours trading enabled: Yes → No"));
        QCOMPARE(changes[2].field, QStringLiteral("zz_extra"));
        QCOMPARE(changes[2].label, QStringLiteral("zz_extra"));
        QCOMPARE(changes[2].text(), QStringLiteral("zz_extra: (not set) → 1"));
        QCOMPARE(changes[2].before, Missing);
    }

    void diffShowsNumbersAsOperatorsReadThem()
    {
        QJsonObject after = positionLimits();
        after.insert(QStringLiteral("max_notional_total"), 3000001);
        after.insert(QStringLiteral("max_position_per_symbol"), 100000);
        QJsonObject defaultsAfter = systemDefaults();
        defaultsAfter.insert(QStringLiteral("drawdown_threshold"), 0.1);
        const QList<ConfigChange> limits = ConfigSchema::diff(PL, positionLimits(), after);
        QCOMPARE(limits.size(), 2);
        QCOMPARE(limits[0].text(), QStringLiteral("Maximum position per symbol: 5000 → 100000"));
        QCOMPARE(limits[1].text(), QStringLiteral("Maximum total notional: 2500000 → 3000001"));
        const QList<ConfigChange> defaults = ConfigSchema::diff(SD, systemDefaults(), defaultsAfter);
        QCOMPARE(defaults.size(), 1);
        QCOMPARE(defaults[0].text(), QStringLiteral("Drawdown threshold: 0.05 → 0.1"));
        // A removed field.
        QJsonObject removed = systemDefaults();
        removed.remove(QStringLiteral("dry_run"));
        const QList<ConfigChange> gone = ConfigSchema::diff(SD, systemDefaults(), removed);
        QCOMPARE(gone.size(), 1);
        QCOMPARE(gone[0].text(), QStringLiteral("Dry run (no real orders): Yes → (not set)"));
    }

    void rebasePutsMyChangedFieldsOverTheCurrentVersion()
    {
        const QJsonObject base = tradingHours();            // 09:30–16:00, pre off, after on
        QJsonObject mine = base;
        mine.insert(QStringLiteral("market_open"), QStringLiteral("09:00")); // I changed open
        mine.insert(QStringLiteral("pre_market_enabled"), true);            // and pre-market
        QJsonObject current = base;
        current.insert(QStringLiteral("market_close"), QStringLiteral("17:00"));   // they changed close
        current.insert(QStringLiteral("pre_market_enabled"), false);             // unchanged (same as base)
        current.insert(QStringLiteral("market_open"), QStringLiteral("08:00"));    // and open too (both)

        const QJsonObject rebased = ConfigSchema::rebase(base, mine, current);
        QCOMPARE(rebased.value(QStringLiteral("market_open")).toString(), QStringLiteral("09:00")); // mine wins
        QCOMPARE(rebased.value(QStringLiteral("market_close")).toString(), QStringLiteral("17:00")); // theirs kept
        QCOMPARE(rebased.value(QStringLiteral("pre_market_enabled")).toBool(), true);
        QCOMPARE(rebased.value(QStringLiteral("after_hours_enabled")).toBool(), true);
        QCOMPARE(rebased.size(), 4);
        QCOMPARE(ConfigSchema::changedFields(current, rebased),
                 (QStringList{QStringLiteral("market_open"), QStringLiteral("pre_market_enabled")}));

        // Nothing of mine: the current version as it is.
        QCOMPARE(ConfigSchema::rebase(base, base, current), current);
        // A field I removed stays removed.
        QJsonObject withExtra = base;
        withExtra.insert(QStringLiteral("x"), 1);
        QJsonObject mineWithout = withExtra;
        mineWithout.remove(QStringLiteral("x"));
        QVERIFY(!ConfigSchema::rebase(withExtra, mineWithout, withExtra).contains(QStringLiteral("x")));
    }

    void diffModelUnderTheTester()
    {
        ConfigDiffModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(ConfigDiffModel::ColumnCount));
        QCOMPARE(model.headerData(ConfigDiffModel::Field, Qt::Horizontal).toString(), QStringLiteral("Field"));
        QCOMPARE(model.headerData(ConfigDiffModel::Before, Qt::Horizontal).toString(), QStringLiteral("Old value"));
        QCOMPARE(model.headerData(ConfigDiffModel::After, Qt::Horizontal).toString(), QStringLiteral("New value"));

        QJsonObject after = tradingHours();
        after.insert(QStringLiteral("market_open"), QStringLiteral("10:00"));
        after.insert(QStringLiteral("pre_market_enabled"), true);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy header(&model, &QAbstractItemModel::headerDataChanged);
        model.setChanges(ConfigSchema::diff(TH, tradingHours(), after));
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, ConfigDiffModel::Field).data().toString(), QStringLiteral("Market open"));
        QCOMPARE(model.index(0, ConfigDiffModel::Before).data().toString(), QStringLiteral("09:30"));
        QCOMPARE(model.index(0, ConfigDiffModel::After).data().toString(), QStringLiteral("10:00"));
        QCOMPARE(model.index(0, ConfigDiffModel::After).data(ConfigDiffModel::FieldNameRole).toString(),
                 QStringLiteral("market_open"));
        QCOMPARE(model.index(0, ConfigDiffModel::Field).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Market open: 09:30 → 10:00"));
        QCOMPARE(model.index(1, ConfigDiffModel::Before).data().toString(), QStringLiteral("No"));
        QCOMPARE(model.index(1, ConfigDiffModel::After).data().toString(), QStringLiteral("Yes"));
        QVERIFY(!model.index(1, 0).data(Qt::DecorationRole).isValid());

        // The same diff again emits nothing.
        model.setChanges(ConfigSchema::diff(TH, tradingHours(), after));
        QCOMPARE(reset.size(), 1);
        QCOMPARE(changed.size(), 0);

        model.setHeaderLabels(QStringLiteral("Version 3"), QStringLiteral("Server now"));
        QCOMPARE(header.size(), 1);
        QCOMPARE(model.headerData(ConfigDiffModel::Before, Qt::Horizontal).toString(), QStringLiteral("Version 3"));
        model.setHeaderLabels(QStringLiteral("Version 3"), QStringLiteral("Server now"));
        QCOMPARE(header.size(), 1);

        model.setChanges({});
        QCOMPARE(reset.size(), 2);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestConfigSchema)
#include "tst_configschema.moc"
