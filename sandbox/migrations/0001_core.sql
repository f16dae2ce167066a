-- 0001_core: the simulated services and the fault journal.
-- Applied by ops-sandbox inside a transaction holding pg_advisory_xact_lock; recorded in
-- schema_migrations. Statements are idempotent so a half-recorded run can be repeated.

CREATE TABLE IF NOT EXISTS sandbox_services (
    name            text PRIMARY KEY,
    version         text NOT NULL,
    port_offset     int  NOT NULL UNIQUE CHECK (port_offset BETWEEN 0 AND 63),
    shape           text NOT NULL,
    health_path     text NOT NULL,
    readiness_path  text
);

INSERT INTO sandbox_services (name, version, port_offset, shape, health_path, readiness_path) VALUES
    ('orchestrator',        '2.4.1',  0, 'flat',              '/health',  NULL),
    ('signal_service',      '1.9.3',  1, 'components_list',   '/health',  NULL),
    ('execution_gateway',   '3.2.0',  2, 'components_dict',   '/health',  NULL),
    ('market_data_service', '1.12.4', 3, 'liveness_readiness','/health',  '/health/ready'),
    ('model_registry',      '0.8.2',  4, 'bare_healthz',      '/healthz', NULL),
    ('reconciler',          '1.3.7',  5, 'checks',            '/health',  NULL),
    ('risk_manager',        '2.1.0',  6, 'naive_up',          '/health',  '/ready')
ON CONFLICT (name) DO NOTHING;

CREATE TABLE IF NOT EXISTS fault_events (
    id           bigserial PRIMARY KEY,
    service      text NOT NULL REFERENCES sandbox_services (name),
    fault        text NOT NULL,
    delay_ms     int  NOT NULL DEFAULT 0 CHECK (delay_ms >= 0),
    injected_at  timestamptz NOT NULL DEFAULT now(),
    cleared_at   timestamptz,
    CHECK (cleared_at IS NULL OR cleared_at >= injected_at)
);
