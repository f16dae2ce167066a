#include "auth/CredentialStore.h"

#include <QLocale>
#include <QPointer>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

// Behaviour while the keychain is unavailable (missing, locked, or refusing access):
// - write():  the secret is kept in memory for this run only; the outcome is Unavailable with
//             the reason, so the caller can tell the operator it will not be remembered.
// - read():   Ok with the in-memory secret when this run wrote one, else Unavailable.
// - remove(): the in-memory copy is dropped; the outcome is Unavailable.
// The keychain is not asked again during the run once it failed this way. A timed-out job does
// not make the store unavailable (the keychain may just be slow); its late result is ignored.
// Secrets are never logged and never written anywhere but the keychain.

namespace ops {

namespace {

enum class Op { Read, Write, Remove };

struct JobState
{
    bool done = false;
    QPointer<QObject> context;
    bool hadContext = false;
    CredentialStore::Callback callback;

    void deliver(const CredentialStore::Result &result)
    {
        if (done)
            return;
        done = true;
        CredentialStore::Callback cb = std::move(callback);
        callback = nullptr;
        if (cb && (!hadContext || context))
            cb(result);
    }
};

bool meansUnavailable(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::OtherError:
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::NotImplemented:
        return true;
    default:
        return false;
    }
}

} // namespace

CredentialStore::CredentialStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{
}

namespace {

// One keychain operation, time-boxed. `onDone` runs with the finished job (or nullptr on timeout).
void runJob(CredentialStore *store, int timeoutMs, QKeychain::Job *job, const std::shared_ptr<JobState> &state,
            std::function<void(QKeychain::Job *)> onDone)
{
    auto *timer = new QTimer(store);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer);
    QPointer<QTimer> guard(timer);
    QObject::connect(timer, &QTimer::timeout, store, [state, timer, onDone] {
        timer->deleteLater();
        if (!state->done)
            onDone(nullptr);
    });
    QObject::connect(job, &QKeychain::Job::finished, store, [state, guard, onDone](QKeychain::Job *finished) {
        if (guard) {
            guard->stop();
            guard->deleteLater();
        }
        if (state->done)
            return; // late answer after the time-out: ignored
        onDone(finished);
    });
    timer->start(std::max(0, timeoutMs));
    job->start();
}

std::shared_ptr<JobState> newState(QObject *context, CredentialStore::Callback callback)
{
    auto state = std::make_shared<JobState>();
    state->context = context;
    state->hadContext = context != nullptr;
    state->callback = std::move(callback);
    return state;
}

} // namespace

void CredentialStore::read(const QString &key, QObject *context, Callback callback)
{
    const auto state = newState(context, std::move(callback));

    if (!m_available) {
        const Result r = fromMemory(key);
        QTimer::singleShot(0, this, [state, r] { state->deliver(r); });
        return;
    }

    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    const int timeoutMs = m_timeoutMs;
    runJob(this, timeoutMs, job, state, [this, state, key, timeoutMs](QKeychain::Job *finished) {
        Result r;
        if (!finished) {
            r = timedOut(timeoutMs);
        } else if (finished->error() == QKeychain::NoError) {
            r.outcome = Outcome::Ok;
            r.secret = static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
        } else if (finished->error() == QKeychain::EntryNotFound) {
            r.outcome = Outcome::NotFound;
            r.message = tr("Nothing stored in the keychain under this name.");
        } else if (meansUnavailable(finished->error())) {
            markUnavailable(finished->errorString());
            r = fromMemory(key);
        } else {
            r.outcome = Outcome::Failed;
            r.message = tr("The keychain could not read the secret (%1).").arg(finished->errorString());
        }
        state->deliver(r);
    });
}

CredentialStore::Result CredentialStore::fromMemory(const QString &key) const
{
    Result r;
    const auto it = m_memoryOnly.constFind(key);
    if (it != m_memoryOnly.constEnd()) {
        r.outcome = Outcome::Ok;
        r.secret = it.value();
    } else {
        r.outcome = Outcome::Unavailable;
        r.message = m_reason;
    }
    return r;
}

CredentialStore::Result CredentialStore::timedOut(int timeoutMs)
{
    Result r;
    r.outcome = Outcome::TimedOut;
    r.message = tr("The keychain did not answer within %1 s").arg(QLocale().toString(timeoutMs / 1000.0, 'g', 3));
    return r;
}

void CredentialStore::write(const QString &key, const QString &secret, QObject *context, Callback callback)
{
    const auto state = newState(context, std::move(callback));

    if (!m_available) {
        m_memoryOnly.insert(key, secret);
        Result r;
        r.outcome = Outcome::Unavailable;
        r.message = m_reason;
        QTimer::singleShot(0, this, [state, r] { state->deliver(r); });
        return;
    }

    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setTextData(secret);
    const int timeoutMs = m_timeoutMs;
    // The secret is captured only to keep it in memory if the keychain turns out to be unavailable.
    runJob(this, timeoutMs, job, state, [this, state, key, secret, timeoutMs](QKeychain::Job *finished) {
        Result r;
        if (!finished) {
            r = timedOut(timeoutMs);
        } else if (finished->error() == QKeychain::NoError) {
            r.outcome = Outcome::Ok;
        } else if (meansUnavailable(finished->error())) {
            markUnavailable(finished->errorString());
            m_memoryOnly.insert(key, secret);
            r.outcome = Outcome::Unavailable;
            r.message = m_reason;
        } else {
            r.outcome = Outcome::Failed;
            r.message = tr("The keychain could not store the secret (%1).").arg(finished->errorString());
        }
        state->deliver(r);
    });
}

void CredentialStore::remove(const QString &key, QObject *context, Callback callback)
{
    const auto state = newState(context, std::move(callback));

    if (!m_available) {
        Result r;
        m_memoryOnly.remove(key);
        r.outcome = Outcome::Unavailable;
        r.message = m_reason;
        QTimer::singleShot(0, this, [state, r] { state->deliver(r); });
        return;
    }

    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    const int timeoutMs = m_timeoutMs;
    runJob(this, timeoutMs, job, state, [this, state, key, timeoutMs](QKeychain::Job *finished) {
        Result r;
        if (!finished) {
            r = timedOut(timeoutMs);
        } else if (finished->error() == QKeychain::NoError) {
            r.outcome = Outcome::Ok;
        } else if (finished->error() == QKeychain::EntryNotFound) {
            r.outcome = Outcome::NotFound;
        } else if (meansUnavailable(finished->error())) {
            markUnavailable(finished->errorString());
            m_memoryOnly.remove(key);
            r.outcome = Outcome::Unavailable;
            r.message = m_reason;
        } else {
            r.outcome = Outcome::Failed;
            r.message = tr("The keychain could not remove the secret (%1).").arg(finished->errorString());
        }
        state->deliver(r);
    });
}

void CredentialStore::markUnavailable(const QString &detail)
{
    const QString reason = tr("The system keychain is not available (%1). Secrets will be kept in memory for this "
                              "session only.")
                               .arg(detail.isEmpty() ? tr("no details") : detail.simplified());
    const bool changed = m_available;
    m_available = false;
    m_reason = reason;
    if (changed)
        emit availabilityChanged(false);
}

} // namespace ops
