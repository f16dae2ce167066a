-- 0002: at most one open (uncleared) fault per service, and a fast lookup for it.
CREATE UNIQUE INDEX IF NOT EXISTS fault_events_open_per_service
    ON fault_events (service) WHERE cleared_at IS NULL;
CREATE INDEX IF NOT EXISTS fault_events_injected_at ON fault_events (injected_at DESC, id DESC);
