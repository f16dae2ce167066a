#pragma once

#include <QJsonValue>
#include <QString>

namespace ops::masking {

// Secrets never reach the screen or an export: values under keys that name a secret or a personal
// address (token, secret, password, api_key, authorization, key_hash, recipient, email, phone —
// case-insensitive, also as part of a key such as "access_token") are replaced by "***", at any
// depth. Structure and every other value stay as they were.
[[nodiscard]] bool isSensitiveKey(const QString &key);
[[nodiscard]] QJsonValue masked(const QJsonValue &value);

// The same rule as a PostgreSQL expression over a jsonb column (for COPY-based exports, where the
// masking has to happen in the query): returns text, the column's JSON with the values of
// sensitive keys (at any depth, whatever their type) replaced by "***".
[[nodiscard]] QString sqlMaskedJsonText(const QString &jsonbColumn);

} // namespace ops::masking
