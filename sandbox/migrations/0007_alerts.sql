-- 0007_alerts: alert rules and events, and what the console reads of them (issue 7; contract in
-- docs/alerts-and-sla.md). alert_deliveries itself was created by 0006; this adds the indexes of the
-- console's keyset reads. Statements are idempotent like 0001; the roles exist since 0006.

CREATE TABLE IF NOT EXISTS alert_rules (
    id          bigserial PRIMARY KEY,
    name        text NOT NULL UNIQUE,
    metric      text NOT NULL,
    comparison  text NOT NULL CHECK (comparison IN ('>', '<')),
    threshold   double precision NOT NULL,
    severity    text NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    channels    text[] NOT NULL CHECK (cardinality(channels) > 0
                                       AND channels <@ ARRAY['email', 'slack', 'sms']::text[]),
    enabled     boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO alert_rules (name, metric, comparison, threshold, severity, channels) VALUES
    ('Breaker staleness', 'cb_staleness_seconds', '>', 5, 'critical', ARRAY['slack', 'sms']),
    ('Broker errors', 'broker_api_errors_per_minute', '>', 3, 'warning', ARRAY['email', 'slack']),
    ('Drawdown', 'portfolio_drawdown_ratio', '>', 0.05, 'critical', ARRAY['email', 'slack', 'sms']),
    ('Poison queue', 'alert_poison_queue_size', '>', 0, 'warning', ARRAY['email']),
    ('Audit write latency', 'audit_write_duration_p95_seconds', '>', 1, 'warning', ARRAY['slack']),
    ('Market data lag', 'market_data_lag_seconds', '>', 2, 'info', ARRAY['email'])
ON CONFLICT (name) DO NOTHING;

CREATE TABLE IF NOT EXISTS alert_events (
    id               bigserial PRIMARY KEY,
    rule_id          bigint NOT NULL REFERENCES alert_rules (id),
    severity         text NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    message          text NOT NULL,
    status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'resolved')),
    fired_at         timestamptz NOT NULL DEFAULT now(),
    acknowledged_at  timestamptz,
    acknowledged_by  text,
    ack_note         text,
    resolved_at      timestamptz
);
CREATE INDEX IF NOT EXISTS alert_events_status_fired ON alert_events (status, fired_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS alert_events_fired ON alert_events (fired_at DESC, id DESC);

-- The console's keyset reads: the poison queue (newest poison first) and all deliveries by age.
CREATE INDEX IF NOT EXISTS alert_deliveries_status_poison ON alert_deliveries (status, poison_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS alert_deliveries_created ON alert_deliveries (created_at DESC, id DESC);

-- --- privileges ------------------------------------------------------------------------------------

REVOKE ALL ON alert_rules, alert_events FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON alert_rules, alert_events TO ops_sandbox_app;
GRANT USAGE, SELECT ON SEQUENCE alert_rules_id_seq, alert_events_id_seq TO ops_sandbox_app;
-- The console's read-only role: SELECT on the three alert tables (plus audit_log from 0006), nothing else.
GRANT SELECT ON alert_deliveries, alert_events, alert_rules TO ops_console_ro;
