#include "notify/AttentionRollup.h"

#include "breaker/BreakerController.h"
#include "breaker/BreakerState.h"
#include "health/HealthModel.h"
#include "sla/SlaMonitor.h"
#include "health/HealthMonitor.h"

#include <algorithm>
#include <map>

namespace ops {

namespace {

constexpr int MaxNamesPerGroup = 3;
constexpr int MaxReasonChars = 120;

QString oneLine(QString text, int maxChars)
{
    text = text.simplified();
    if (text.size() > maxChars)
        text = text.left(maxChars - 1) + QChar(0x2026); // …
    return text;
}

QString nameList(const QStringList &names)
{
    if (names.size() <= MaxNamesPerGroup)
        return names.join(QStringLiteral(", "));
    return AttentionRollup::tr("%1 and %n more", "service names, then how many more", int(names.size() - MaxNamesPerGroup))
        .arg(names.mid(0, MaxNamesPerGroup).join(QStringLiteral(", ")));
}

} // namespace

int attentionRank(AttentionLevel level)
{
    switch (level) {
    case AttentionLevel::Ok: return 0;
    case AttentionLevel::Info: return 1;
    case AttentionLevel::Warning: return 2;
    case AttentionLevel::Unknown: return 3;
    case AttentionLevel::Critical: return 4;
    }
    return 3;
}

AttentionLevel worseOf(AttentionLevel a, AttentionLevel b)
{
    return attentionRank(b) > attentionRank(a) ? b : a;
}

bool isBad(AttentionLevel level)
{
    return attentionRank(level) >= attentionRank(AttentionLevel::Warning);
}

QString attentionLevelKey(AttentionLevel level)
{
    switch (level) {
    case AttentionLevel::Ok: return QStringLiteral("ok");
    case AttentionLevel::Info: return QStringLiteral("info");
    case AttentionLevel::Warning: return QStringLiteral("warning");
    case AttentionLevel::Critical: return QStringLiteral("critical");
    case AttentionLevel::Unknown: break;
    }
    return QStringLiteral("unknown");
}

QString attentionLevelLabel(AttentionLevel level)
{
    switch (level) {
    case AttentionLevel::Ok: return AttentionRollup::tr("OK");
    case AttentionLevel::Info: return AttentionRollup::tr("Info");
    case AttentionLevel::Warning: return AttentionRollup::tr("Warning");
    case AttentionLevel::Critical: return AttentionRollup::tr("Critical");
    case AttentionLevel::Unknown: break;
    }
    return AttentionRollup::tr("Unknown");
}

AttentionRollup::AttentionRollup(QObject *parent)
    : QObject(parent)
{
}

AttentionRollup::~AttentionRollup() = default;

void AttentionRollup::setSource(const AttentionItem &item)
{
    const AttentionLevel before = worstLevel();
    auto it = std::find_if(m_items.begin(), m_items.end(), [&](const AttentionItem &i) { return i.key == item.key; });
    if (it == m_items.end()) {
        m_items.append(item);
    } else {
        if (*it == item)
            return;
        *it = item;
    }
    emitIfChanged(before);
}

void AttentionRollup::removeSource(const QString &key)
{
    const AttentionLevel before = worstLevel();
    const auto removed = m_items.removeIf([&](const AttentionItem &i) { return i.key == key; });
    if (removed > 0)
        emitIfChanged(before);
}

void AttentionRollup::clear()
{
    if (m_items.isEmpty())
        return;
    const AttentionLevel before = worstLevel();
    m_items.clear();
    emitIfChanged(before);
}

void AttentionRollup::emitIfChanged(AttentionLevel before)
{
    const AttentionLevel after = worstLevel();
    if (after != before)
        emit worstLevelChanged(after);
    emit changed();
}

std::optional<AttentionItem> AttentionRollup::source(const QString &key) const
{
    for (const AttentionItem &item : m_items) {
        if (item.key == key)
            return item;
    }
    return std::nullopt;
}

AttentionLevel AttentionRollup::worstLevel() const
{
    if (m_items.isEmpty())
        return AttentionLevel::Unknown;
    AttentionLevel worst = AttentionLevel::Ok;
    for (const AttentionItem &item : m_items)
        worst = worseOf(worst, item.level);
    return worst;
}

QStringList AttentionRollup::worstSources() const
{
    const AttentionLevel worst = worstLevel();
    QStringList keys;
    if (!isBad(worst))
        return keys;
    for (const AttentionItem &item : m_items) {
        if (item.level == worst)
            keys << item.key;
    }
    return keys;
}

QStringList AttentionRollup::summaryLines() const
{
    QList<AttentionItem> items = m_items;
    std::stable_sort(items.begin(), items.end(), [](const AttentionItem &a, const AttentionItem &b) {
        return attentionRank(a.level) > attentionRank(b.level);
    });
    QStringList lines;
    for (const AttentionItem &item : items)
        lines << tr("%1: %2", "source title: its one-line summary").arg(item.title, item.summary);
    return lines;
}

// --- Mapping ---------------------------------------------------------------------------------

AttentionLevel AttentionRollup::levelOf(HealthStatus status)
{
    switch (status) {
    case HealthStatus::Healthy:
    case HealthStatus::Disabled:
        return AttentionLevel::Ok;
    case HealthStatus::Initialising:
        return AttentionLevel::Info;
    case HealthStatus::Degraded:
    case HealthStatus::Stale:
        return AttentionLevel::Warning;
    case HealthStatus::Unhealthy:
    case HealthStatus::Unreachable:
        return AttentionLevel::Critical;
    case HealthStatus::Unknown:
        break;
    }
    return AttentionLevel::Unknown;
}

AttentionItem AttentionRollup::fromHealth(const QList<std::pair<QString, HealthStatus>> &tiles)
{
    AttentionItem item;
    item.key = HealthKey;
    item.title = tr("System health");
    item.recoveryTitle = tr("All services healthy");
    if (tiles.isEmpty()) {
        item.level = AttentionLevel::Unknown;
        item.summary = tr("No services checked yet");
        return item;
    }
    // Names grouped by status, the most severe status first.
    std::map<int, std::pair<HealthStatus, QStringList>, std::greater<>> groups;
    AttentionLevel worst = AttentionLevel::Ok;
    for (const auto &[name, status] : tiles) {
        const AttentionLevel level = levelOf(status);
        worst = worseOf(worst, level);
        if (level == AttentionLevel::Ok)
            continue;
        auto &group = groups[healthSeverity(status)];
        group.first = status;
        group.second << name;
    }
    item.level = worst;
    if (groups.empty()) {
        item.summary = tr("All %n services healthy", "", int(tiles.size()));
        return item;
    }
    QStringList parts;
    for (const auto &[severity, group] : groups) {
        Q_UNUSED(severity)
        parts << tr("%1: %2", "health status: service names").arg(healthStatusLabel(group.first), nameList(group.second));
    }
    item.summary = parts.join(QStringLiteral("; "));
    return item;
}

AttentionItem AttentionRollup::fromHealth(const HealthModel &model)
{
    QList<std::pair<QString, HealthStatus>> tiles;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        tiles.append({index.data(HealthModel::NameRole).toString(),
                      HealthStatus(index.data(HealthModel::StatusRole).toInt())});
    }
    return fromHealth(tiles);
}

AttentionItem AttentionRollup::fromBreaker(const BreakerSnapshot &breaker, const QString &problem,
                                           const KillSwitchSnapshot *killSwitch)
{
    AttentionItem item;
    item.key = BreakerKey;
    item.title = tr("Circuit breaker");
    item.recoveryTitle = tr("Trading enabled again");
    const QString headline = BreakerJson::headline(breaker);
    switch (breaker.trading) {
    case TradingState::Halted: {
        item.level = AttentionLevel::Critical;
        const QString reason = oneLine(breaker.tripReason, MaxReasonChars);
        if (!reason.isEmpty() && !breaker.trippedBy.isEmpty())
            item.summary = tr("%1 — %2 (by %3)", "headline — reason (by user)").arg(headline, reason, breaker.trippedBy);
        else if (!reason.isEmpty())
            item.summary = tr("%1 — %2", "headline — reason").arg(headline, reason);
        else
            item.summary = headline;
        break;
    }
    case TradingState::Enabled:
        item.level = AttentionLevel::Ok;
        item.summary = headline;
        break;
    case TradingState::Unknown:
        item.level = AttentionLevel::Unknown;
        item.summary = problem.isEmpty() ? headline
                                         : tr("%1: %2", "headline: why").arg(headline, oneLine(problem, MaxReasonChars));
        break;
    }
    if (killSwitch && killSwitch->state == KillSwitchState::Engaged) {
        item.level = worseOf(item.level, AttentionLevel::Critical);
        item.summary = tr("%1; kill switch %2", "breaker summary; kill switch headline")
                           .arg(item.summary, BreakerJson::killSwitchHeadline(*killSwitch));
    }
    return item;
}

AttentionItem AttentionRollup::fromBreaker(const BreakerController &controller)
{
    const KillSwitchSnapshot killSwitch = controller.killSwitch();
    return fromBreaker(controller.snapshot(), controller.problem(), &killSwitch);
}

AttentionItem AttentionRollup::fromSla(const QList<std::pair<QString, AttentionLevel>> &slas)
{
    AttentionItem item;
    item.key = SlaKey;
    item.title = tr("SLA");
    item.recoveryTitle = tr("All SLAs met");
    item.level = AttentionLevel::Ok;
    if (slas.isEmpty()) {
        item.summary = tr("No SLAs defined");
        return item;
    }
    std::map<int, std::pair<AttentionLevel, QStringList>, std::greater<>> groups;
    for (const auto &[name, level] : slas) {
        item.level = worseOf(item.level, level);
        if (level == AttentionLevel::Ok)
            continue;
        auto &group = groups[attentionRank(level)];
        group.first = level;
        group.second << name;
    }
    if (groups.empty()) {
        item.summary = tr("All SLAs met (%n)", "", int(slas.size()));
        return item;
    }
    QStringList parts;
    for (const auto &[rank, group] : groups) {
        Q_UNUSED(rank)
        parts << tr("%1: %2", "level: SLA names").arg(attentionLevelLabel(group.first), nameList(group.second));
    }
    item.summary = parts.join(QStringLiteral("; "));
    return item;
}

// --- Live sources -----------------------------------------------------------------------------

void AttentionRollup::watchHealth(HealthModel *model, HealthMonitor *monitor)
{
    Q_ASSERT(model);
    const QPointer<HealthModel> guard(model);
    const QPointer<HealthMonitor> monitorGuard(monitor);
    auto update = [this, guard] {
        if (guard)
            setSource(fromHealth(*guard));
    };
    if (monitor) {
        connect(monitor, &HealthMonitor::refreshFinished, this, update);
        // Between refreshes, ages turn stale tiles unreachable: take those as they happen.
        connect(monitor, &HealthMonitor::entryChanged, this, [update, monitorGuard] {
            if (monitorGuard && !monitorGuard->isRefreshing())
                update();
        });
    } else {
        connect(model, &QAbstractItemModel::dataChanged, this, update);
    }
    connect(model, &QAbstractItemModel::modelReset, this, update);
    connect(model, &QAbstractItemModel::rowsInserted, this, update);
    connect(model, &QAbstractItemModel::rowsRemoved, this, update);
    update();
}

void AttentionRollup::watchBreaker(BreakerController *controller)
{
    Q_ASSERT(controller);
    const QPointer<BreakerController> guard(controller);
    auto update = [this, guard] {
        if (guard)
            setSource(fromBreaker(*guard));
    };
    connect(controller, &BreakerController::changed, this, update);
    update();
}

AttentionLevel AttentionRollup::slaLevel(SlaStatus status)
{
    switch (status) {
    case SlaStatus::Met:
    case SlaStatus::NotConfigured:
        return AttentionLevel::Ok;
    case SlaStatus::NoData:
        return AttentionLevel::Info;
    case SlaStatus::Breached:
        return AttentionLevel::Warning;
    case SlaStatus::Page:
        return AttentionLevel::Critical;
    case SlaStatus::QueryFailed:
    case SlaStatus::Unknown:
        return AttentionLevel::Unknown;
    }
    return AttentionLevel::Unknown;
}

void AttentionRollup::watchSla(SlaMonitor *monitor)
{
    Q_ASSERT(monitor);
    const QPointer<SlaMonitor> guard(monitor);
    auto update = [this, guard] {
        if (!guard)
            return;
        if (!guard->isConfigured()) {
            removeSource(SlaKey);
            return;
        }
        QList<std::pair<QString, AttentionLevel>> slas;
        for (int i = 0; i < guard->count(); ++i) {
            // Before the first answer a target is not news: leave it out rather than show Unknown.
            if (guard->reading(i).status == SlaStatus::Unknown)
                continue;
            slas.append({guard->targets().at(i).title(), slaLevel(guard->reading(i).status)});
        }
        if (slas.isEmpty())
            removeSource(SlaKey);
        else
            setSource(fromSla(slas));
    };
    connect(monitor, &SlaMonitor::refreshFinished, this, update);
    connect(monitor, &SlaMonitor::configurationChanged, this, update);
    update();
}

} // namespace ops
