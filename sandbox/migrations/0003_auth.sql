-- 0003_auth: users, bearer tokens and the audit log of the REST API.
-- Passwords are stored as PBKDF2-HMAC-SHA256 (salt + iteration count per row); tokens only as
-- SHA-256 of the token. Statements are idempotent like 0001.

CREATE TABLE IF NOT EXISTS users (
    id                   bigserial PRIMARY KEY,
    username             text NOT NULL UNIQUE,
    role                 text NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
    password_hash        bytea,
    password_salt        bytea,
    password_iterations  int,
    failed_logins        int NOT NULL DEFAULT 0,
    locked_until         timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS api_tokens (
    id            bigserial PRIMARY KEY,
    token_hash    bytea NOT NULL UNIQUE,
    user_id       bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL,
    revoked_at    timestamptz
);
CREATE INDEX IF NOT EXISTS api_tokens_user ON api_tokens (user_id);

CREATE TABLE IF NOT EXISTS audit_log (
    id             bigserial PRIMARY KEY,
    "timestamp"    timestamptz NOT NULL DEFAULT now(),
    user_id        text,
    action         text NOT NULL,
    details        jsonb NOT NULL DEFAULT '{}',
    reason         text,
    ip_address     text,
    session_id     text,
    event_type     text NOT NULL CHECK (event_type IN ('admin', 'auth', 'action')),
    resource_type  text,
    resource_id    text,
    outcome        text NOT NULL,
    amr_method     text,
    request_id     text
);
CREATE INDEX IF NOT EXISTS audit_log_timestamp_id ON audit_log ("timestamp" DESC, id DESC);
