#include "health/ServiceDetailDialog.h"

#include "health/HealthMonitor.h"
#include "health/LatencyChart.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ops {
namespace {

QTableWidget *makeTable(const QStringList &headers, const QString &accessibleName, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->setVisible(false);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAccessibleName(accessibleName);
    return table;
}

QString localTime(const QDateTime &t)
{
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QStringLiteral("—");
}

} // namespace

ServiceDetailDialog::ServiceDetailDialog(HealthMonitor *monitor, int row, QWidget *parent)
    : QDialog(parent)
    , m_monitor(monitor)
    , m_row(row)
    , m_header(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_components(makeTable({tr("Component"), tr("Status"), tr("Latency"), tr("Message")}, tr("Components"), this))
    , m_raw(new QPlainTextEdit(this))
    , m_history(makeTable({tr("Time"), tr("From"), tr("To"), tr("Note")}, tr("Status history"), this))
    , m_chart(new LatencyChart(this))
{
    setWindowTitle(tr("Service details — %1").arg(monitor->entryName(row)));
    resize(760, 560);
    m_header->setTextFormat(Qt::PlainText);
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_raw->setReadOnly(true);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_raw->setAccessibleName(tr("Raw response"));
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);

    m_tabs->addTab(m_components, tr("&Components"));
    m_tabs->addTab(m_raw, tr("&Raw response"));
    m_tabs->addTab(m_history, tr("Status &history"));
    m_tabs->addTab(m_chart, tr("&Latency"));
    m_tabs->setAccessibleName(tr("Detail sections"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);

    connect(monitor, &HealthMonitor::entryChanged, this, [this](int changed) {
        if (changed == m_row)
            refresh();
    });
    refresh();
}

void ServiceDetailDialog::refresh()
{
    if (!m_monitor)
        return;
    const HealthView v = m_monitor->view(m_row);
    QStringList header;
    header << tr("%1 — %2").arg(m_monitor->entryName(m_row), healthStatusLabel(v.status)) << v.summary;
    if (!v.error.isEmpty())
        header << tr("Last error: %1").arg(v.error);
    header << tr("Version: %1    Last operation: %2 (%3)")
                  .arg(v.reading.version.isEmpty() ? QStringLiteral("—") : v.reading.version,
                       localTime(v.reading.lastOperationAt),
                       v.reading.lastOperationField.isEmpty() ? QStringLiteral("—") : v.reading.lastOperationField);
    header << tr("Last good answer: %1    Last attempt: %2").arg(localTime(v.lastGoodAt), localTime(v.lastAttemptAt));
    m_header->setText(header.join(QLatin1Char('\n')));

    m_components->setRowCount(int(v.reading.components.size()));
    for (int i = 0; i < v.reading.components.size(); ++i) {
        const HealthComponent &c = v.reading.components[i];
        m_components->setItem(i, 0, new QTableWidgetItem(c.name));
        m_components->setItem(i, 1, new QTableWidgetItem(healthStatusLabel(c.status)));
        m_components->setItem(i, 2, new QTableWidgetItem(c.latencyMs ? tr("%1 ms").arg(*c.latencyMs, 0, 'f', 1) : QString()));
        QString message = c.message;
        if (!c.details.isEmpty())
            message += (message.isEmpty() ? QString() : QStringLiteral("  ")) +
                       QString::fromUtf8(QJsonDocument(c.details).toJson(QJsonDocument::Compact));
        m_components->setItem(i, 3, new QTableWidgetItem(message));
    }

    const QString raw = v.hasData ? QString::fromUtf8(v.reading.prettyBody) : tr("No answer received yet.");
    if (m_raw->toPlainText() != raw)
        m_raw->setPlainText(raw);

    const QList<StatusChange> &changes = m_monitor->statusChanges(m_row);
    m_history->setRowCount(int(changes.size()));
    for (int i = 0; i < changes.size(); ++i) {
        const StatusChange &c = changes[changes.size() - 1 - i]; // newest first
        m_history->setItem(i, 0, new QTableWidgetItem(localTime(c.at)));
        m_history->setItem(i, 1, new QTableWidgetItem(healthStatusLabel(c.from)));
        m_history->setItem(i, 2, new QTableWidgetItem(healthStatusLabel(c.to)));
        m_history->setItem(i, 3, new QTableWidgetItem(c.note));
    }
    m_chart->setHistory(m_monitor->entryName(m_row), m_monitor->latencyHistory(m_row));
}

QString ServiceDetailDialog::rawText() const { return m_raw->toPlainText(); }
int ServiceDetailDialog::historyRowCount() const { return m_history->rowCount(); }
int ServiceDetailDialog::componentRowCount() const { return m_components->rowCount(); }

} // namespace ops
