#include "audit/AuditLogPage.h"

#include "audit/AuditLogModel.h"
#include "audit/AuditReader.h"
#include "auth/Session.h"
#include "core/TimeText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace ops {

namespace {

const QString kPermission = QStringLiteral("audit:view");

QComboBox *picker(QWidget *parent, const QString &objectName, const QString &accessibleName, bool editable)
{
    auto *box = new QComboBox(parent);
    box->setObjectName(objectName);
    box->setAccessibleName(accessibleName);
    box->setEditable(editable);
    box->setInsertPolicy(QComboBox::NoInsert);
    box->setMinimumContentsLength(14);
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    return box;
}

// "Any" is the empty choice; for editable pickers the typed text is the value.
QString pickerValue(const QComboBox *box)
{
    if (box->isEditable())
        return box->currentText().trimmed();
    return box->currentData().toString();
}

void fillPicker(QComboBox *box, const QStringList &values)
{
    const QString keep = pickerValue(box);
    box->blockSignals(true);
    box->clear();
    box->addItem(QString(), QString());
    for (const QString &v : values)
        box->addItem(v, v);
    if (box->isEditable())
        box->setEditText(keep);
    else
        box->setCurrentIndex(std::max(0, box->findData(keep)));
    box->blockSignals(false);
}

QLabel *line(QWidget *parent, const QString &objectName, const QString &accessibleName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

// The edits show minutes only: query exactly what the operator sees, without the seconds and
// milliseconds a QDateTimeEdit keeps from its initial value (or any value it was given) when the
// operator types over the visible sections.
QDateTime shownMinute(const QDateTimeEdit *edit)
{
    QDateTime t = edit->dateTime();
    t.setTime(QTime(t.time().hour(), t.time().minute()));
    return t;
}

// Export errors from the exporter already say "No file was written." when it applies.
QString exportFailedText(const QString &error)
{
    if (error.contains(AuditLogPage::tr("No file was written.")))
        return AuditLogPage::tr("Export failed: %1").arg(error);
    return AuditLogPage::tr("Export failed: %1 No file was written.").arg(error);
}

} // namespace

AuditLogPage::AuditLogPage(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_useFrom(new QCheckBox(tr("&From"), this))
    , m_from(new QDateTimeEdit(this))
    , m_useTo(new QCheckBox(tr("&To"), this))
    , m_to(new QDateTimeEdit(this))
    , m_user(picker(this, QStringLiteral("user"), tr("User"), true))
    , m_action(picker(this, QStringLiteral("action"), tr("Action"), true))
    , m_eventType(picker(this, QStringLiteral("eventType"), tr("Event type"), false))
    , m_outcome(picker(this, QStringLiteral("outcome"), tr("Outcome"), true))
    , m_resourceType(picker(this, QStringLiteral("resourceType"), tr("Resource type"), true))
    , m_text(new QLineEdit(this))
    , m_apply(new QPushButton(tr("&Apply filters"), this))
    , m_clear(new QPushButton(tr("C&lear"), this))
    , m_retry(new QPushButton(tr("Re&try"), this))
    , m_verify(new QPushButton(tr("&Verify integrity…"), this))
    , m_export(new QPushButton(tr("E&xport CSV…"), this))
    , m_bom(new QCheckBox(tr("&BOM for spreadsheets"), this))
    , m_permission(line(this, QStringLiteral("permissionNote"), tr("Permission")))
    , m_status(line(this, QStringLiteral("status"), tr("Audit log status")))
    , m_integrity(line(this, QStringLiteral("integrity"), tr("Integrity result")))
    , m_exportResult(line(this, QStringLiteral("exportResult"), tr("Export result")))
    , m_table(new QTableView(this))
    , m_detail(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("auditLogPage"));
    setAccessibleName(tr("Audit log"));

    QDateTime nowLocal = QDateTime::currentDateTime();
    nowLocal.setTime(QTime(nowLocal.time().hour(), nowLocal.time().minute()));
    for (auto [box, edit, value, name] : {std::tuple{m_useFrom, m_from, nowLocal.addDays(-7), tr("From (your time zone)")},
                                          std::tuple{m_useTo, m_to, nowLocal.addSecs(3600), tr("To (your time zone)")}}) {
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setCalendarPopup(true);
        edit->setTimeSpec(Qt::LocalTime);
        edit->setDateTime(value);
        edit->setEnabled(false);
        edit->setAccessibleName(name);
        box->setAccessibleName(name);
        connect(box, &QCheckBox::toggled, edit, &QWidget::setEnabled);
    }
    m_from->setObjectName(QStringLiteral("from"));
    m_to->setObjectName(QStringLiteral("to"));
    m_eventType->addItem(tr("Any"), QString());
    for (const QString &t : AuditFilter::eventTypes())
        m_eventType->addItem(t, t);
    m_text->setObjectName(QStringLiteral("text"));
    m_text->setAccessibleName(tr("Search reason and details"));
    m_text->setPlaceholderText(tr("Text in reason or details"));
    m_text->setClearButtonEnabled(true);
    for (QComboBox *box : {m_user, m_action, m_outcome, m_resourceType})
        box->lineEdit()->setPlaceholderText(tr("Any"));

    auto *filters = new QGridLayout;
    filters->addWidget(m_useFrom, 0, 0);
    filters->addWidget(m_from, 0, 1);
    filters->addWidget(m_useTo, 0, 2);
    filters->addWidget(m_to, 0, 3);
    auto addLabelled = [&](const QString &text, QWidget *w, int row, int column) {
        auto *label = new QLabel(text, this);
        label->setBuddy(w);
        filters->addWidget(label, row, column);
        filters->addWidget(w, row, column + 1);
    };
    addLabelled(tr("&Event type:"), m_eventType, 0, 4);
    addLabelled(tr("&User:"), m_user, 1, 0);
    addLabelled(tr("Act&ion:"), m_action, 1, 2);
    addLabelled(tr("&Outcome:"), m_outcome, 1, 4);
    addLabelled(tr("&Resource:"), m_resourceType, 2, 0);
    addLabelled(tr("&Search:"), m_text, 2, 2);

    for (auto [button, name] : {std::pair{m_apply, tr("Apply filters")}, std::pair{m_clear, tr("Clear filters")},
                                std::pair{m_retry, tr("Retry")}, std::pair{m_verify, tr("Verify integrity")},
                                std::pair{m_export, tr("Export CSV")}}) {
        button->setAccessibleName(name);
        button->setAutoDefault(false);
    }
    m_apply->setObjectName(QStringLiteral("apply"));
    m_verify->setObjectName(QStringLiteral("verify"));
    m_export->setObjectName(QStringLiteral("export"));
    m_retry->setObjectName(QStringLiteral("retry"));
    m_bom->setObjectName(QStringLiteral("bom"));
    m_bom->setAccessibleName(tr("Write a byte-order mark for spreadsheets"));
    m_retry->hide();
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_apply);
    buttons->addWidget(m_clear);
    buttons->addStretch(1);
    buttons->addWidget(m_verify);
    buttons->addWidget(m_export);
    buttons->addWidget(m_bom);

    m_table->setObjectName(QStringLiteral("auditLog"));
    m_table->setAccessibleName(tr("Audit log entries"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_detail->setObjectName(QStringLiteral("detail"));
    m_detail->setAccessibleName(tr("Entry details"));
    m_detail->setReadOnly(true);
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detail->setPlaceholderText(tr("Select an entry to see its details."));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    m_permission->setStyleSheet(QStringLiteral("color: #8a5a00;"));
    m_permission->hide();
    m_integrity->hide();
    m_exportResult->hide();
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_retry);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_permission);
    layout->addLayout(filters);
    layout->addLayout(buttons);
    layout->addLayout(statusRow);
    layout->addWidget(m_integrity);
    layout->addWidget(m_exportResult);
    layout->addWidget(splitter, 1);

    connect(m_apply, &QPushButton::clicked, this, &AuditLogPage::applyFilters);
    connect(m_text, &QLineEdit::returnPressed, this, &AuditLogPage::applyFilters);
    connect(m_clear, &QPushButton::clicked, this, &AuditLogPage::clearFilters);
    connect(m_verify, &QPushButton::clicked, this, &AuditLogPage::verifyIntegrity);
    connect(m_export, &QPushButton::clicked, this, &AuditLogPage::exportCsv);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        if (m_model)
            m_model->retry();
    });
    // Scrolling back to the top brings back rows that were evicted to keep the window bounded.
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (m_model && value == m_table->verticalScrollBar()->minimum() && m_model->canFetchPrevious())
            m_model->fetchPrevious();
    });
    if (session) {
        connect(session, &Session::signedIn, this, &AuditLogPage::updatePermissions);
        connect(session, &Session::signedOut, this, &AuditLogPage::updatePermissions);
    }
    updatePermissions();
    updateStatus();
}

AuditLogPage::~AuditLogPage() = default;

void AuditLogPage::setService(AuditService *service)
{
    if (m_model) {
        m_table->setModel(nullptr);
        delete m_model;
        m_model = nullptr;
    }
    m_service = service;
    if (!service) {
        updateStatus();
        return;
    }
    m_model = new AuditLogModel(service, this);
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(AuditLogModel::ReasonColumn, QHeaderView::Stretch);
    connect(m_model, &AuditLogModel::loadingChanged, this, &AuditLogPage::updateStatus);
    connect(m_model, &AuditLogModel::errorChanged, this, &AuditLogPage::updateStatus);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AuditLogPage::updateStatus);
    connect(m_model, &AuditLogModel::pageLoaded, this, [this](AuditPageDirection direction, int added, int evicted) {
        QScrollBar *bar = m_table->verticalScrollBar();
        // Keep the rows the operator is looking at under their eyes when the window shifts.
        if (direction == AuditPageDirection::Older && evicted > 0)
            bar->setValue(std::max(bar->minimum(), bar->value() - evicted));
        else if (direction == AuditPageDirection::Newer && added > 0)
            bar->setValue(bar->value() + added);
        updateStatus();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showRecord(current.row()); });
    connect(service, &AuditService::distinctValuesReady, this, [this](quint64 id, const AuditDistinctValues &values) {
        if (id != m_distinctId)
            return;
        fillPicker(m_user, values.users);
        fillPicker(m_action, values.actions);
        fillPicker(m_outcome, values.outcomes);
        fillPicker(m_resourceType, values.resourceTypes);
    });
    connect(service, &AuditService::verificationProgress, this, [this](quint64 id, qint64 checked, qint64 total) {
        if (id == m_verifyId && m_progress) {
            m_progress->setMaximum(int(std::min<qint64>(total, INT_MAX)));
            m_progress->setValue(int(std::min<qint64>(checked, INT_MAX)));
        }
    });
    connect(service, &AuditService::verificationFinished, this, [this](quint64 id, const ChainVerifier::Result &r) {
        if (id != m_verifyId)
            return;
        m_verifyId = 0;
        if (m_progress)
            m_progress->deleteLater();
        // An empty range verified nothing: say so (the verifier's own message) instead of "verified".
        m_integrity->setText(!r.isIntact()           ? tr("INTEGRITY BROKEN: %1").arg(r.message)
                             : r.rowsChecked == 0 ? r.message
                                                  : tr("Integrity verified: %Ln rows checked, the chain is intact (ids %1–%2).",
                                                       nullptr, r.rowsChecked)
                                                        .arg(r.firstId)
                                                        .arg(r.lastId));
        m_integrity->setStyleSheet(r.isIntact() ? QStringLiteral("color: #1b5e20; font-weight: bold;")
                                                : QStringLiteral("color: white; background: #b71c1c; padding: 4px; font-weight: bold;"));
        m_integrity->show();
        updateStatus();
    });
    connect(service, &AuditService::exportProgress, this, [this](quint64 id, qint64 rows) {
        if (id == m_exportId && m_progress)
            m_progress->setValue(int(std::min<qint64>(rows, 10000)));
    });
    connect(service, &AuditService::exportFinished, this, [this](quint64 id, const CsvExportResult &result) {
        if (id == m_exportId)
            onExportFinished(result);
    });
    connect(service, &AuditService::failed, this, [this](quint64 id, const AuditError &error) {
        if (id == m_verifyId) {
            m_verifyId = 0;
            if (m_progress)
                m_progress->deleteLater();
            m_integrity->setText(error.kind == AuditError::Kind::Cancelled ? tr("Verification cancelled.")
                                                                          : tr("Verification failed: %1").arg(error.message));
            m_integrity->setStyleSheet(QStringLiteral("color: #b71c1c;"));
            m_integrity->show();
        } else if (id == m_exportId) {
            m_exportId = 0;
            if (m_progress)
                m_progress->deleteLater();
            m_exportResult->setText(error.kind == AuditError::Kind::Cancelled
                                        ? tr("Export cancelled: no file was written.")
                                        : exportFailedText(error.message));
            m_exportResult->setStyleSheet(QStringLiteral("color: #b71c1c;"));
            m_exportResult->show();
            emit exportFinished(false);
        }
        updateStatus();
    });
    updatePermissions();
}

AuditFilter AuditLogPage::currentFilter() const
{
    AuditFilter f;
    if (m_useFrom->isChecked())
        f.fromUtc = shownMinute(m_from).toUTC();
    if (m_useTo->isChecked())
        f.toUtc = shownMinute(m_to).toUTC();
    f.user = pickerValue(m_user);
    f.action = pickerValue(m_action);
    f.eventType = pickerValue(m_eventType);
    f.outcome = pickerValue(m_outcome);
    f.resourceType = pickerValue(m_resourceType);
    f.text = m_text->text();
    return f;
}

void AuditLogPage::applyFilters()
{
    if (!m_model || !m_session || !m_session->hasPermission(kPermission))
        return;
    const AuditFilter f = currentFilter();
    m_detail->clear();
    m_integrity->hide();
    m_model->setFilter(f);
    m_distinctId = m_service->fetchDistinctValues(f);
    updateStatus();
}

void AuditLogPage::clearFilters()
{
    m_useFrom->setChecked(false);
    m_useTo->setChecked(false);
    for (QComboBox *box : {m_user, m_action, m_outcome, m_resourceType})
        box->setEditText(QString());
    m_eventType->setCurrentIndex(0);
    m_text->clear();
    applyFilters();
}

void AuditLogPage::updatePermissions()
{
    const bool permitted = m_session && m_session->hasPermission(kPermission);
    if (!permitted) {
        const QString role = m_session && !m_session->role().isEmpty() ? m_session->role() : tr("not signed in");
        m_permission->setText(tr("Only administrators read the audit log: your role (%1) does not have the permission %2.")
                                  .arg(role, kPermission));
    }
    m_permission->setVisible(!permitted);
    const bool ready = permitted && m_service;
    for (QWidget *w : std::initializer_list<QWidget *>{m_apply, m_clear, m_verify, m_export, m_bom, m_text, m_user,
                                                        m_action, m_eventType, m_outcome, m_resourceType, m_useFrom, m_useTo})
        w->setEnabled(ready);
    m_from->setEnabled(ready && m_useFrom->isChecked());
    m_to->setEnabled(ready && m_useTo->isChecked());
    if (ready && m_model && m_model->rowCount() == 0 && !m_model->isLoading() && m_model->errorText().isEmpty())
        applyFilters();
    updateStatus();
}

void AuditLogPage::updateStatus()
{
    QString text;
    bool error = false;
    if (!m_service) {
        text = tr("Not connected to the audit database.");
    } else if (!m_model) {
        text.clear();
    } else if (!m_model->errorText().isEmpty()) {
        text = m_model->errorText();
        error = true;
    } else {
        const int rows = m_model->rowCount();
        text = m_model->isLoading() ? tr("Loading…") : QString();
        if (rows > 0 || !m_model->isLoading())
            text = tr("%Ln entries in view", nullptr, rows) + (m_model->atEnd() ? tr(" (all)") : tr(" — scroll for more"))
                   + (m_model->isLoading() ? tr(" · loading…") : QString());
        if (!m_model->filterProblem().isEmpty())
            text += QStringLiteral(" · ") + m_model->filterProblem();
    }
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b71c1c; font-weight: bold;") : QString());
    m_retry->setVisible(error);
    const bool busy = m_verifyId != 0 || m_exportId != 0;
    const bool permitted = m_session && m_session->hasPermission(kPermission) && m_service;
    m_verify->setEnabled(permitted && !busy);
    m_export->setEnabled(permitted && !busy);
}

QString AuditLogPage::detailText() const { return m_detail->toPlainText(); }
QString AuditLogPage::statusText() const { return m_status->text(); }
QString AuditLogPage::integrityText() const { return m_integrity->isHidden() ? QString() : m_integrity->text(); }
QString AuditLogPage::exportText() const { return m_exportResult->isHidden() ? QString() : m_exportResult->text(); }

void AuditLogPage::showRecord(int row)
{
    if (!m_model || row < 0) {
        m_detail->clear();
        return;
    }
    m_detail->setPlainText(describe(m_model->record(row)));
}

QString AuditLogPage::describe(const AuditRecord &r)
{
    QStringList out;
    auto add = [&](const QString &label, const QString &value) {
        if (!value.isEmpty())
            out << QStringLiteral("%1 %2").arg(label, -14).arg(value);
    };
    add(tr("Time:"), tr("%1 (%2)").arg(timetext::local(r.timestamp()), timetext::isoUtc(r.timestamp())));
    add(tr("Entry:"), QStringLiteral("#%1").arg(r.id));
    add(tr("User:"), r.userId);
    add(tr("Action:"), r.action);
    add(tr("Event type:"), r.eventType);
    add(tr("Resource:"), r.resourceId.isEmpty() ? r.resourceType : QStringLiteral("%1 %2").arg(r.resourceType, r.resourceId));
    add(tr("Outcome:"), r.outcome);
    add(tr("Reason:"), r.reason);
    add(tr("IP address:"), r.ipAddress);
    add(tr("Session:"), r.sessionId);
    add(tr("Request id:"), r.requestId);
    add(tr("Sign-in:"), r.amrMethod);
    add(tr("Row hash:"), r.rowHash);

    // Before → after, where the entry has one (configuration saves, state changes).
    const QJsonObject details = r.details(); // masked
    const QJsonObject oldDoc = details.value(QLatin1String("old")).toObject();
    const QJsonObject newDoc = details.value(QLatin1String("new")).toObject();
    QStringList changes;
    if (!oldDoc.isEmpty() || !newDoc.isEmpty()) {
        QStringList keys = oldDoc.keys() + newDoc.keys();
        keys.removeDuplicates();
        keys.sort();
        for (const QString &k : keys) {
            const QJsonValue a = oldDoc.value(k);
            const QJsonValue b = newDoc.value(k);
            if (a == b)
                continue;
            auto show = [](const QJsonValue &v) {
                return v.isUndefined() ? QStringLiteral("—")
                                       : QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
            };
            changes << QStringLiteral("  %1: %2 → %3").arg(k, show(a), show(b));
        }
    }
    const QString before = details.value(QLatin1String("previous_state")).toString();
    const QString after = details.value(QLatin1String("new_state")).toString();
    if (!before.isEmpty() || !after.isEmpty())
        changes << QStringLiteral("  %1 → %2").arg(before, after);
    if (!changes.isEmpty())
        out << QString() << tr("Changes (before → after):") << changes;

    out << QString() << tr("Details (secrets masked):")
        << QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Indented)).trimmed();
    return out.join(QLatin1Char('\n'));
}

void AuditLogPage::verifyIntegrity()
{
    if (!m_service || m_verifyId)
        return;
    const AuditFilter f = currentFilter();
    m_verifyId = m_service->verifyChain(f);
    auto *progress = new QProgressDialog(tr("Verifying the audit chain over the selected date range…"), tr("Cancel"), 0, 0, this);
    progress->setObjectName(QStringLiteral("verifyProgress"));
    progress->setWindowTitle(tr("Verify integrity"));
    progress->setMinimumDuration(300);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    const quint64 id = m_verifyId;
    connect(progress, &QProgressDialog::canceled, this, [this, id] {
        if (m_service)
            m_service->cancel(id);
    });
    m_progress = progress;
    updateStatus();
}

void AuditLogPage::exportCsv()
{
    if (!m_service || m_exportId)
        return;
    const QString suggested = QStringLiteral("audit-log-%1.csv")
                                  .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export audit log as CSV"), suggested,
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path);
}

void AuditLogPage::exportTo(const QString &path)
{
    if (!m_service || m_exportId)
        return;
    CsvExportOptions options;
    options.filePath = path;
    options.byteOrderMark = m_bom->isChecked();
    m_exportFilter = currentFilter();
    m_exportPath = path;
    m_exportId = m_service->exportCsv(m_exportFilter, options);
    auto *progress = new QProgressDialog(tr("Exporting the audit log to %1…").arg(QFileInfo(path).fileName()), tr("Cancel"),
                                         0, options.maxRows, this);
    progress->setObjectName(QStringLiteral("exportProgress"));
    progress->setWindowTitle(tr("Export CSV"));
    progress->setMinimumDuration(300);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    const quint64 id = m_exportId;
    connect(progress, &QProgressDialog::canceled, this, [this, id] {
        if (m_service)
            m_service->cancel(id);
    });
    m_progress = progress;
    m_exportResult->hide();
    updateStatus();
}

void AuditLogPage::onExportFinished(const CsvExportResult &result)
{
    m_exportId = 0;
    if (m_progress)
        m_progress->deleteLater();
    if (!result.ok()) {
        m_exportResult->setText(exportFailedText(result.error));
        m_exportResult->setStyleSheet(QStringLiteral("color: #b71c1c;"));
        m_exportResult->show();
        updateStatus();
        emit exportFinished(false);
        return;
    }
    m_exportResult->setText(tr("Exported %1 to %2 · SHA-256 %3")
                                .arg(CsvExporter::rowsText(result.rows, result.limited), result.filePath,
                                     QString::fromLatin1(result.sha256)));
    m_exportResult->setStyleSheet(QStringLiteral("color: #1b5e20;"));
    m_exportResult->show();
    recordExport(result, m_exportFilter);
    updateStatus();
    emit exportFinished(true);
}

void AuditLogPage::recordExport(const CsvExportResult &result, const AuditFilter &filter)
{
    if (!m_session)
        return;
    const QJsonObject body{{QStringLiteral("filters"), QJsonObject::fromVariantMap(filter.toMap())},
                           {QStringLiteral("rows"), result.rows},
                           {QStringLiteral("sha256"), QString::fromLatin1(result.sha256)},
                           {QStringLiteral("file_name"), QFileInfo(result.filePath).fileName()}};
    const QString shown = m_exportResult->text();
    m_session->call("POST", QStringLiteral("api/v1/audit/exports"), QJsonDocument(body), this,
                    [this, shown](const ApiResult &r) {
                        const QJsonValue id = r.body.object().value(QLatin1String("audit_id"));
                        m_exportResult->setText(r.ok() && id.isDouble()
                                                    ? tr("%1 · recorded as audit entry #%2").arg(shown).arg(qint64(id.toDouble()))
                                                    : tr("%1 · WARNING: the export could not be recorded in the audit log: %2")
                                                          .arg(shown, r.message));
                    });
}

} // namespace ops
