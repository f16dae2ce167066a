#pragma once

#include "profiles/ConnectionProfile.h"

#include <QSettings>
#include <QStringList>

#include <optional>

namespace ops {

// Connection profiles in QSettings (INI, the standard per-user config location). The built-in
// "sandbox" profile is always available; a saved profile of the same name overrides it.
// Passwords and tokens are never written here.
class ProfileStore final
{
public:
    static constexpr auto SandboxProfileName = "sandbox";
    static constexpr int SandboxApiPort = 18080; // the sandbox's REST API (docs/api/openapi.yaml)
    static constexpr int SandboxPrometheusPort = 19090; // scripts/prometheus-run.sh (demo)

    // Uses the application's standard settings file.
    ProfileStore();
    // Uses a given settings file (tests, --profile-file).
    explicit ProfileStore(const QString &iniPath);

    [[nodiscard]] QStringList names() const;
    [[nodiscard]] std::optional<ConnectionProfile> load(const QString &name) const;
    void save(const ConnectionProfile &profile);
    void remove(const QString &name);

    // The profile of the local sandbox with its default ports (control 18000, services from 18001).
    [[nodiscard]] static ConnectionProfile builtInSandbox(const QString &host = QStringLiteral("127.0.0.1"),
                                                          int firstServicePort = 18001, int postgresPort = 55432);

    [[nodiscard]] QString fileName() const { return m_settings->fileName(); }

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace ops
