-- 0005_admin: API keys and the typed system configuration of the REST API's admin area.
-- API keys are stored only as a salted SHA-256 of their secret (16-byte salt per key); the full key
-- `<prefix>.<secret>` is handed out once. Statements are idempotent like 0001.

CREATE TABLE IF NOT EXISTS api_keys (
    id                bigserial PRIMARY KEY,
    name              text NOT NULL CHECK (char_length(name) BETWEEN 3 AND 50),
    prefix            text NOT NULL UNIQUE CHECK (prefix ~ '^tp_test_[a-z0-9]{8}$'),
    key_hash          bytea NOT NULL CHECK (octet_length(key_hash) = 32),
    key_salt          bytea NOT NULL CHECK (octet_length(key_salt) = 16),
    scopes            text[] NOT NULL CHECK (cardinality(scopes) > 0 AND scopes <@ ARRAY['read_positions',
                          'read_orders', 'write_orders', 'read_strategies']::text[]),
    created_at        timestamptz NOT NULL,
    created_by        text NOT NULL,
    expires_at        timestamptz,
    last_used_at      timestamptz,
    revoked_at        timestamptz,
    revoked_by        text,
    revoke_reason     text,
    rotated_from      bigint REFERENCES api_keys (id),
    grace_expires_at  timestamptz
);
CREATE INDEX IF NOT EXISTS api_keys_created ON api_keys (created_at DESC, id DESC);

-- One row per typed document; version counts saves (ETag / If-Match of the REST API).
CREATE TABLE IF NOT EXISTS system_config (
    config_key    text PRIMARY KEY,
    config_value  jsonb NOT NULL CHECK (jsonb_typeof(config_value) = 'object'),
    version       int NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_by    text NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now()
);
INSERT INTO system_config (config_key, config_value, version, updated_by) VALUES
    ('trading_hours',
     '{"market_open": "09:30", "market_close": "16:00", "pre_market_enabled": false, "after_hours_enabled": false}',
     1, 'system'),
    ('position_limits',
     '{"max_position_per_symbol": 10000, "max_notional_total": 1000000, "max_open_orders": 100}',
     1, 'system'),
    ('system_defaults',
     '{"dry_run": true, "circuit_breaker_enabled": true, "drawdown_threshold": 0.05}',
     1, 'system')
ON CONFLICT (config_key) DO NOTHING;
