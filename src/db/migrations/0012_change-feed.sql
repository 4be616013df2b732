CREATE TABLE "change_clock" (
	"id" integer PRIMARY KEY NOT NULL,
	"last_seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "change_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"txid" bigint NOT NULL,
	"entity" text NOT NULL,
	"record_id" uuid NOT NULL,
	"case_id" uuid,
	"external_id" text,
	"version" integer,
	"kind" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "change_tx" (
	"txid" bigint PRIMARY KEY NOT NULL,
	"seq" bigint,
	"committed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"webhook_id" uuid NOT NULL,
	"attempted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempt" integer NOT NULL,
	"changes" integer NOT NULL,
	"ok" boolean NOT NULL,
	"status_code" integer,
	"error" text,
	"duration_ms" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhooks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"token_id" uuid NOT NULL,
	"url" text NOT NULL,
	"secret_enc" text NOT NULL,
	"cursor_seq" bigint DEFAULT 0 NOT NULL,
	"cursor_id" bigint DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"disabled_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhook_id_webhooks_id_fk" FOREIGN KEY ("webhook_id") REFERENCES "public"."webhooks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_token_id_api_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."api_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "change_log_txid_idx" ON "change_log" USING btree ("txid","id");--> statement-breakpoint
CREATE INDEX "change_tx_seq_idx" ON "change_tx" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_webhook_idx" ON "webhook_deliveries" USING btree ("webhook_id","attempted_at");--> statement-breakpoint
CREATE INDEX "webhooks_token_idx" ON "webhooks" USING btree ("token_id");--> statement-breakpoint
CREATE INDEX "webhooks_due_idx" ON "webhooks" USING btree ("active","next_attempt_at");--> statement-breakpoint
-- custom SQL (keep on regeneration)
-- The change feed's outbox (src/server/changes). Every insert, update and delete on a registry table writes
-- change_log rows in the same transaction, whatever code path made it; change_tx gets one row per writing
-- transaction, numbered at commit (below), which gives the feed its commit order. Statement-level triggers with
-- transition tables: one INSERT … SELECT per statement, so bulk writes (imports, the demo) pay little per row.
INSERT INTO change_clock (id, last_seq) VALUES (1, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION change_note_tx(tx bigint) RETURNS void AS $$
BEGIN
  -- Once per transaction: a transaction-local setting remembers it (reverted with a rolled-back savepoint).
  IF current_setting('reta.change_txid', true) IS DISTINCT FROM tx::text THEN
    INSERT INTO change_tx (txid) VALUES (tx) ON CONFLICT (txid) DO NOTHING;
    PERFORM set_config('reta.change_txid', tx::text, true);
  END IF;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION change_capture() RETURNS trigger AS $$
DECLARE
  tx bigint := pg_current_xact_id()::text::bigint;
  entity text := TG_ARGV[0];
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM changed_old) THEN RETURN NULL; END IF;
    PERFORM change_note_tx(tx);
    INSERT INTO change_log (txid, entity, record_id, case_id, external_id, version, kind)
    SELECT tx, entity, (r->>'id')::uuid, CASE WHEN entity = 'case' THEN (r->>'id')::uuid ELSE (r->>'case_id')::uuid END,
           r->>'external_id', (r->>'version')::int, 'removed'
    FROM (SELECT to_jsonb(o) AS r FROM changed_old o) rows;
  ELSE
    IF NOT EXISTS (SELECT 1 FROM changed_new) THEN RETURN NULL; END IF;
    PERFORM change_note_tx(tx);
    INSERT INTO change_log (txid, entity, record_id, case_id, external_id, version, kind)
    SELECT tx, entity, (r->>'id')::uuid, CASE WHEN entity = 'case' THEN (r->>'id')::uuid ELSE (r->>'case_id')::uuid END,
           r->>'external_id', (r->>'version')::int, CASE TG_OP WHEN 'INSERT' THEN 'created' ELSE 'updated' END
    FROM (SELECT to_jsonb(n) AS r FROM changed_new n) rows;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- A workflow grant (police report, charges, referral, transfer) makes a case newly visible to an institution
-- that may already have read past its creation: the case is announced again as updated.
CREATE OR REPLACE FUNCTION change_capture_grant() RETURNS trigger AS $$
DECLARE
  tx bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM changed_new) THEN RETURN NULL; END IF;
  PERFORM change_note_tx(tx);
  INSERT INTO change_log (txid, entity, record_id, case_id, external_id, version, kind)
  SELECT tx, 'case', c.id, c.id, c.external_id, c.version, 'updated' FROM cases c WHERE c.id IN (SELECT n.case_id FROM changed_new n);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- At commit: the next number under the row lock of change_clock, held until the commit is visible, so a
-- reader that sees number n+1 also sees n (numbers are commit order; no cursor skips a late commit).
CREATE OR REPLACE FUNCTION change_tx_commit() RETURNS trigger AS $$
DECLARE
  s bigint;
BEGIN
  UPDATE change_clock SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq INTO s;
  UPDATE change_tx SET seq = s, committed_at = clock_timestamp() WHERE txid = NEW.txid;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER change_tx_commit AFTER INSERT ON change_tx DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION change_tx_commit();
--> statement-breakpoint
CREATE TRIGGER cases_change_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION change_capture('case');
--> statement-breakpoint
CREATE TRIGGER cases_change_update AFTER UPDATE ON cases REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION change_capture('case');
--> statement-breakpoint
CREATE TRIGGER cases_change_delete AFTER DELETE ON cases REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION change_capture('case');
--> statement-breakpoint
CREATE TRIGGER persons_change_insert AFTER INSERT ON persons REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION change_capture('person');
--> statement-breakpoint
CREATE TRIGGER persons_change_update AFTER UPDATE ON persons REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION change_capture('person');
--> statement-breakpoint
CREATE TRIGGER persons_change_delete AFTER DELETE ON persons REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION change_capture('person');
--> statement-breakpoint
CREATE TRIGGER case_victims_change_insert AFTER INSERT ON case_victims REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION change_capture('victim');
--> statement-breakpoint
CREATE TRIGGER case_victims_change_update AFTER UPDATE ON case_victims REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION change_capture('victim');
--> statement-breakpoint
CREATE TRIGGER case_victims_change_delete AFTER DELETE ON case_victims REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION change_capture('victim');
--> statement-breakpoint
CREATE TRIGGER case_suspects_change_insert AFTER INSERT ON case_suspects REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION change_capture('suspect');
--> statement-breakpoint
CREATE TRIGGER case_suspects_change_update AFTER UPDATE ON case_suspects REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION change_capture('suspect');
--> statement-breakpoint
CREATE TRIGGER case_suspects_change_delete AFTER DELETE ON case_suspects REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION change_capture('suspect');
--> statement-breakpoint
CREATE TRIGGER case_places_change_insert AFTER INSERT ON case_places REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION change_capture('place');
--> statement-breakpoint
CREATE TRIGGER case_places_change_update AFTER UPDATE ON case_places REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION change_capture('place');
--> statement-breakpoint
CREATE TRIGGER case_places_change_delete AFTER DELETE ON case_places REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION change_capture('place');
--> statement-breakpoint
CREATE TRIGGER justice_events_change_insert AFTER INSERT ON justice_events REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION change_capture('justice_event');
--> statement-breakpoint
CREATE TRIGGER justice_events_change_update AFTER UPDATE ON justice_events REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION change_capture('justice_event');
--> statement-breakpoint
CREATE TRIGGER justice_events_change_delete AFTER DELETE ON justice_events REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION change_capture('justice_event');
--> statement-breakpoint
CREATE TRIGGER referrals_change_insert AFTER INSERT ON referrals REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION change_capture('referral');
--> statement-breakpoint
CREATE TRIGGER referrals_change_update AFTER UPDATE ON referrals REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION change_capture('referral');
--> statement-breakpoint
CREATE TRIGGER referrals_change_delete AFTER DELETE ON referrals REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION change_capture('referral');
--> statement-breakpoint
CREATE TRIGGER hotline_calls_change_insert AFTER INSERT ON hotline_calls REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION change_capture('hotline_call');
--> statement-breakpoint
CREATE TRIGGER hotline_calls_change_update AFTER UPDATE ON hotline_calls REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION change_capture('hotline_call');
--> statement-breakpoint
CREATE TRIGGER hotline_calls_change_delete AFTER DELETE ON hotline_calls REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION change_capture('hotline_call');
--> statement-breakpoint
CREATE TRIGGER operations_change_insert AFTER INSERT ON operations REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION change_capture('operation');
--> statement-breakpoint
CREATE TRIGGER operations_change_update AFTER UPDATE ON operations REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION change_capture('operation');
--> statement-breakpoint
CREATE TRIGGER operations_change_delete AFTER DELETE ON operations REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION change_capture('operation');
--> statement-breakpoint
CREATE TRIGGER prevention_activities_change_insert AFTER INSERT ON prevention_activities REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION change_capture('prevention_activity');
--> statement-breakpoint
CREATE TRIGGER prevention_activities_change_update AFTER UPDATE ON prevention_activities REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION change_capture('prevention_activity');
--> statement-breakpoint
CREATE TRIGGER prevention_activities_change_delete AFTER DELETE ON prevention_activities REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION change_capture('prevention_activity');
--> statement-breakpoint
CREATE TRIGGER case_access_change_insert AFTER INSERT ON case_access REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION change_capture_grant();
--> statement-breakpoint
CREATE TRIGGER case_access_change_update AFTER UPDATE ON case_access REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION change_capture_grant();
