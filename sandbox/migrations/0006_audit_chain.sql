-- 0006_audit_chain: a tamper-evident, append-only audit_log, the roles around it and the
-- alert_deliveries table (issue 6; contract in docs/audit-log.md).
--
-- * Every audit_log row carries prev_hash and row_hash: row_hash = sha256(prev_hash || '|' ||
--   audit_canonical(row)) as 64 lowercase hex; the first row's prev_hash is 64 '0'. A BEFORE INSERT
--   trigger computes them under a transaction-scoped advisory lock and assigns the id inside that
--   lock, so chain order = id order and the chain never forks.
-- * UPDATE and DELETE raise 'audit_log is append-only' (for everyone, the superuser included, until
--   the user triggers are disabled); TRUNCATE is granted to nobody.
-- * audit_log belongs to the NOLOGIN role ops_audit_owner; the sandbox writes as ops_sandbox_app
--   (INSERT, SELECT only); the console reads as ops_console_ro (SELECT on audit_log and
--   alert_deliveries only).
--
-- Roles are cluster-wide while this migration runs once per database, possibly in several databases
-- at the same time (the migration lock is per database): each role is created only when missing, and
-- a concurrent creator elsewhere is tolerated. Everything else is per database and idempotent like 0001.

DO $roles$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ops_audit_owner') THEN
        BEGIN
            CREATE ROLE ops_audit_owner NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL; -- created concurrently by another database's migration
        END;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ops_sandbox_app') THEN
        BEGIN
            CREATE ROLE ops_sandbox_app NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ops_console_ro') THEN
        BEGIN
            CREATE ROLE ops_console_ro LOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END IF;
    -- A migrating user that is not a superuser (but may create roles) needs membership to hand the
    -- table to ops_audit_owner and to SET ROLE ops_sandbox_app afterwards.
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN
        IF NOT pg_has_role(session_user, 'ops_audit_owner', 'MEMBER') THEN
            EXECUTE format('GRANT ops_audit_owner TO %I', session_user);
        END IF;
        IF NOT pg_has_role(session_user, 'ops_sandbox_app', 'MEMBER') THEN
            EXECUTE format('GRANT ops_sandbox_app TO %I', session_user);
        END IF;
    END IF;
END
$roles$;

-- --- the chain -----------------------------------------------------------------------------------

ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS prev_hash text;
ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS row_hash text;

-- The canonical serialisation hashed into the chain (the console recomputes the hash from this text).
CREATE OR REPLACE FUNCTION audit_canonical(a audit_log) RETURNS text
    LANGUAGE sql STABLE
AS $fn$
    SELECT jsonb_build_array(a.id,
                             to_char(a."timestamp" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                             a.user_id, a.action, a.details, a.reason, a.ip_address, a.session_id,
                             a.event_type, a.resource_type, a.resource_id, a.outcome, a.amr_method,
                             a.request_id)::text
$fn$;

-- Rows written before this migration are chained in id order (a re-run finds none left).
DO $chain$
DECLARE
    r audit_log;
    prev text;
BEGIN
    SELECT a.row_hash INTO prev FROM audit_log a WHERE a.row_hash IS NOT NULL ORDER BY a.id DESC LIMIT 1;
    prev := coalesce(prev, repeat('0', 64));
    FOR r IN SELECT * FROM audit_log WHERE row_hash IS NULL ORDER BY id LOOP
        r.prev_hash := prev;
        r.row_hash := encode(sha256(convert_to(prev || '|' || audit_canonical(r), 'UTF8')), 'hex');
        UPDATE audit_log SET prev_hash = r.prev_hash, row_hash = r.row_hash WHERE id = r.id;
        prev := r.row_hash;
    END LOOP;
END
$chain$;

ALTER TABLE audit_log ALTER COLUMN prev_hash SET NOT NULL;
ALTER TABLE audit_log ALTER COLUMN row_hash SET NOT NULL;
-- The trigger is the only source of ids (nextval inside the chain lock); a column default would
-- draw a second, wasted value for every row.
ALTER TABLE audit_log ALTER COLUMN id DROP DEFAULT;

-- BEFORE INSERT: id, prev_hash and row_hash are always computed here, whatever the INSERT supplied.
-- Lock key 0x6f70735f61756474 ("ops_audt"), the same in every database. The chain head is read after
-- the lock, which only sees the latest committed row under READ COMMITTED: other isolation levels
-- (whose snapshot may predate the lock) are refused rather than allowed to fork the chain.
-- enable_seqscan = off: the head lookup is planned once per session, possibly while the table is
-- nearly empty; a cached sequential-scan plan would make every insert scan the whole table.
CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger
    LANGUAGE plpgsql
    SET enable_seqscan = off
AS $fn$
DECLARE
    prev text;
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'audit_log rows must be written at READ COMMITTED isolation (not %)',
            current_setting('transaction_isolation')
            USING ERRCODE = 'invalid_transaction_state';
    END IF;
    PERFORM pg_advisory_xact_lock(8030044989095765108);
    NEW.id := nextval('audit_log_id_seq');
    SELECT a.row_hash INTO prev FROM audit_log a ORDER BY a.id DESC LIMIT 1;
    NEW.prev_hash := coalesce(prev, repeat('0', 64));
    NEW.row_hash := encode(sha256(convert_to(NEW.prev_hash || '|' || audit_canonical(NEW), 'UTF8')), 'hex');
    RETURN NEW;
END
$fn$;

CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger
    LANGUAGE plpgsql
AS $fn$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only'
        USING HINT = 'audit rows can be inserted, never changed or removed';
END
$fn$;

DROP TRIGGER IF EXISTS audit_log_chain ON audit_log;
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

CREATE INDEX IF NOT EXISTS audit_log_user_timestamp_id ON audit_log (user_id, "timestamp" DESC, id DESC);
CREATE INDEX IF NOT EXISTS audit_log_action_timestamp_id ON audit_log (action, "timestamp" DESC, id DESC);

-- --- alert deliveries (issue 7 fills it) ---------------------------------------------------------

CREATE TABLE IF NOT EXISTS alert_deliveries (
    id               bigserial PRIMARY KEY,
    alert_id         text NOT NULL,
    channel          text NOT NULL CHECK (channel IN ('email', 'slack', 'sms')),
    recipient        text NOT NULL, -- the masked form only
    dedup_key        text,
    status           text NOT NULL DEFAULT 'pending'
                         CHECK (status IN ('pending', 'in_progress', 'delivered', 'failed', 'poison')),
    attempts         int NOT NULL DEFAULT 0 CHECK (attempts BETWEEN 0 AND 3),
    last_attempt_at  timestamptz,
    delivered_at     timestamptz,
    poison_at        timestamptz,
    error_message    text,
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS alert_deliveries_status_created ON alert_deliveries (status, created_at DESC, id DESC);

-- --- ownership and privileges -----------------------------------------------------------------------

-- Also moves the id sequence, which the table owns.
ALTER TABLE audit_log OWNER TO ops_audit_owner;

GRANT USAGE ON SCHEMA public TO ops_sandbox_app, ops_console_ro;

-- The application role: everything it needs on the sandbox's own tables, now and in later migrations
-- run by the same migrating user (default privileges), but only INSERT and SELECT on audit_log and
-- only SELECT on schema_migrations.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ops_sandbox_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ops_sandbox_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ops_sandbox_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ops_sandbox_app;
DO $sm$
BEGIN
    IF to_regclass('schema_migrations') IS NOT NULL THEN -- created by the migration runner
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations FROM ops_sandbox_app;
    END IF;
END
$sm$;

REVOKE ALL ON audit_log FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM ops_sandbox_app;
GRANT SELECT, INSERT ON audit_log TO ops_sandbox_app;
REVOKE ALL ON SEQUENCE audit_log_id_seq FROM PUBLIC;
REVOKE UPDATE ON SEQUENCE audit_log_id_seq FROM ops_sandbox_app;
GRANT USAGE, SELECT ON SEQUENCE audit_log_id_seq TO ops_sandbox_app;

-- The console's read-only role: SELECT on these two tables, nothing else.
REVOKE ALL ON alert_deliveries FROM PUBLIC;
GRANT SELECT ON audit_log, alert_deliveries TO ops_console_ro;
GRANT EXECUTE ON FUNCTION audit_canonical(audit_log) TO ops_console_ro, ops_sandbox_app;
