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
-- one change_log row in the same transaction, whatever code path made it; change_tx gets one row per
-- writing transaction, numbered at commit (below), which gives the feed its commit order.
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
  r jsonb;
  tx bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF TG_OP = 'DELETE' THEN r := to_jsonb(OLD); ELSE r := to_jsonb(NEW); END IF;
  PERFORM change_note_tx(tx);
  INSERT INTO change_log (txid, entity, record_id, case_id, external_id, version, kind)
  VALUES (
    tx, TG_ARGV[0], (r->>'id')::uuid,
    CASE WHEN TG_ARGV[0] = 'case' THEN (r->>'id')::uuid ELSE (r->>'case_id')::uuid END,
    r->>'external_id', (r->>'version')::int,
    CASE TG_OP WHEN 'INSERT' THEN 'created' WHEN 'UPDATE' THEN 'updated' ELSE 'removed' END
  );
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
  PERFORM change_note_tx(tx);
  INSERT INTO change_log (txid, entity, record_id, case_id, external_id, version, kind)
  SELECT tx, 'case', c.id, c.id, c.external_id, c.version, 'updated' FROM cases c WHERE c.id = NEW.case_id;
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
CREATE TRIGGER cases_change AFTER INSERT OR UPDATE OR DELETE ON cases FOR EACH ROW EXECUTE FUNCTION change_capture('case');
--> statement-breakpoint
CREATE TRIGGER persons_change AFTER INSERT OR UPDATE OR DELETE ON persons FOR EACH ROW EXECUTE FUNCTION change_capture('person');
--> statement-breakpoint
CREATE TRIGGER case_victims_change AFTER INSERT OR UPDATE OR DELETE ON case_victims FOR EACH ROW EXECUTE FUNCTION change_capture('victim');
--> statement-breakpoint
CREATE TRIGGER case_suspects_change AFTER INSERT OR UPDATE OR DELETE ON case_suspects FOR EACH ROW EXECUTE FUNCTION change_capture('suspect');
--> statement-breakpoint
CREATE TRIGGER case_places_change AFTER INSERT OR UPDATE OR DELETE ON case_places FOR EACH ROW EXECUTE FUNCTION change_capture('place');
--> statement-breakpoint
CREATE TRIGGER justice_events_change AFTER INSERT OR UPDATE OR DELETE ON justice_events FOR EACH ROW EXECUTE FUNCTION change_capture('justice_event');
--> statement-breakpoint
CREATE TRIGGER referrals_change AFTER INSERT OR UPDATE OR DELETE ON referrals FOR EACH ROW EXECUTE FUNCTION change_capture('referral');
--> statement-breakpoint
CREATE TRIGGER hotline_calls_change AFTER INSERT OR UPDATE OR DELETE ON hotline_calls FOR EACH ROW EXECUTE FUNCTION change_capture('hotline_call');
--> statement-breakpoint
CREATE TRIGGER operations_change AFTER INSERT OR UPDATE OR DELETE ON operations FOR EACH ROW EXECUTE FUNCTION change_capture('operation');
--> statement-breakpoint
CREATE TRIGGER prevention_activities_change AFTER INSERT OR UPDATE OR DELETE ON prevention_activities FOR EACH ROW EXECUTE FUNCTION change_capture('prevention_activity');
--> statement-breakpoint
CREATE TRIGGER case_access_change AFTER INSERT OR UPDATE ON case_access FOR EACH ROW EXECUTE FUNCTION change_capture_grant();
