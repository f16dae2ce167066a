-- 0004_breaker: circuit breaker state and history, the kill switch, and idempotency keys of the
-- REST API's state-changing routes. Statements are idempotent like 0001.

-- One row (id = 1): the breaker's current state. The trip_* columns describe the latest trip and
-- the reset_* columns the latest successful reset (the global reset rate limit reads reset_at).
CREATE TABLE IF NOT EXISTS circuit_breaker_state (
    id            int PRIMARY KEY CHECK (id = 1),
    state         text NOT NULL CHECK (state IN ('OPEN', 'TRIPPED')),
    tripped_at    timestamptz,
    tripped_by    text,
    trip_reason   text,
    trip_details  jsonb,
    reset_at      timestamptz,
    reset_by      text,
    reset_reason  text
);
INSERT INTO circuit_breaker_state (id, state) VALUES (1, 'OPEN') ON CONFLICT (id) DO NOTHING;

-- One row per trip; reset_* are filled in by the reset that ends it.
CREATE TABLE IF NOT EXISTS circuit_breaker_history (
    id            bigserial PRIMARY KEY,
    tripped_at    timestamptz NOT NULL,
    tripped_by    text NOT NULL,
    reason        text NOT NULL,
    details       jsonb,
    reset_at      timestamptz,
    reset_by      text,
    reset_reason  text
);
CREATE INDEX IF NOT EXISTS circuit_breaker_history_tripped ON circuit_breaker_history (tripped_at DESC, id DESC);
-- At most one trip is open (not yet reset) at any time.
CREATE UNIQUE INDEX IF NOT EXISTS circuit_breaker_history_one_open ON circuit_breaker_history ((true))
    WHERE reset_at IS NULL;

-- One row (id = 1): ACTIVE = trading active, ENGAGED = positions flattened, trading stopped.
CREATE TABLE IF NOT EXISTS kill_switch_state (
    id             int PRIMARY KEY CHECK (id = 1),
    state          text NOT NULL CHECK (state IN ('ACTIVE', 'ENGAGED')),
    engaged_at     timestamptz,
    engaged_by     text,
    reason         text,
    details        jsonb,
    disengaged_at  timestamptz,
    disengaged_by  text,
    notes          text
);
INSERT INTO kill_switch_state (id, state) VALUES (1, 'ACTIVE') ON CONFLICT (id) DO NOTHING;

-- Answers of state-changing requests sent with an Idempotency-Key, replayed for 24 h.
CREATE TABLE IF NOT EXISTS idempotency_keys (
    idempotency_key  text NOT NULL,
    username         text NOT NULL,
    route            text NOT NULL,
    request_hash     text NOT NULL,
    status           int NOT NULL,
    body             text NOT NULL,
    created_at       timestamptz NOT NULL,
    PRIMARY KEY (idempotency_key, username, route)
);
CREATE INDEX IF NOT EXISTS idempotency_keys_created ON idempotency_keys (created_at);
