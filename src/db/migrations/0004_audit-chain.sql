ALTER TABLE "audit_log" ADD COLUMN "seq" bigint;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_seq_idx" ON "audit_log" USING btree ("seq");--> statement-breakpoint
-- The chain becomes keyed (HMAC-SHA256 under an audit key kept outside the database). Rows written before
-- keep their plain SHA-256 hashes and have no `seq`; at the next start the server appends the first keyed
-- entry (action `audit.chain_keyed`), linked to the last of them, so rewriting them is detected from then on.
-- TRUNCATE fires no row trigger: a statement trigger refuses it too.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
