CREATE INDEX "audit_unsealed_idx" ON "audit_log" USING btree ("id") WHERE "audit_log"."prev_hash" = '';--> statement-breakpoint
-- custom SQL (keep on regeneration)
-- The audit chain is no longer extended inside each writing transaction (that took one lock every audited
-- write waited for). Writers append unsealed rows (prev_hash '', seq null, hash = keyed hash of the content);
-- the sealer chains them afterwards in id order. Two advisory locks keep id order = chain order:
--  * every INSERT into audit_log takes key 7242002 in SHARED mode before any row gets its id (a statement
--    trigger fires before the identity default), held until its transaction ends: writers never wait for
--    each other;
--  * audit_seal_barrier() takes the same key EXCLUSIVELY for an instant: once it has it, every transaction
--    that got an id before has committed or rolled back, so every row up to the id it returns is final and
--    no later row can get a smaller id. It waits at most `wait_ms` (then returns NULL: try again later), so
--    a long audited transaction delays sealing, never the writers for longer than that.
CREATE OR REPLACE FUNCTION audit_log_append_lock() RETURNS trigger AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(7242002);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_lock BEFORE INSERT ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_lock();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_seal_barrier(wait_ms integer) RETURNS bigint AS $$
DECLARE
  previous text := current_setting('lock_timeout');
  last_id bigint;
BEGIN
  PERFORM set_config('lock_timeout', greatest(wait_ms, 1) || 'ms', true);
  BEGIN
    PERFORM pg_advisory_xact_lock(7242002);
  EXCEPTION WHEN lock_not_available THEN
    PERFORM set_config('lock_timeout', previous, true);
    RETURN NULL;
  END;
  PERFORM set_config('lock_timeout', previous, true);
  SELECT max(id) INTO last_id FROM audit_log;
  RETURN coalesce(last_id, 0);
END;
$$ LANGUAGE plpgsql VOLATILE;
--> statement-breakpoint
-- Still append-only: the one change allowed is sealing an unsealed row (giving it its position and chained
-- hash), with every content column unchanged. Deletes and any other update are refused as before.
CREATE OR REPLACE FUNCTION audit_log_seal_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.prev_hash = '' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL AND NEW.prev_hash <> ''
     AND NEW.id = OLD.id
     AND ROW(NEW.at, NEW.actor_id, NEW.actor_name, NEW.institution_id, NEW.action, NEW.entity_type, NEW.entity_id, NEW.reason, NEW.request_id, NEW.ip, NEW.details)
         IS NOT DISTINCT FROM ROW(OLD.at, OLD.actor_id, OLD.actor_name, OLD.institution_id, OLD.action, OLD.entity_type, OLD.entity_id, OLD.reason, OLD.request_id, OLD.ip, OLD.details) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER audit_log_append_only ON audit_log;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_seal_only();
