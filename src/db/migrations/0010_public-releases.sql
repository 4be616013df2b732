CREATE TABLE "public_releases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"revision" integer NOT NULL,
	"previous_id" uuid,
	"note" text,
	"definitions_version" text NOT NULL,
	"content" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"published_by" uuid NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "public_releases_revision_chain" CHECK (("public_releases"."revision" = 1 AND "public_releases"."previous_id" IS NULL) OR ("public_releases"."revision" > 1 AND "public_releases"."previous_id" IS NOT NULL AND "public_releases"."note" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "public_releases" ADD CONSTRAINT "public_releases_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_releases" ADD CONSTRAINT "public_releases_previous_fk" FOREIGN KEY ("previous_id") REFERENCES "public"."public_releases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "public_releases_year_revision_idx" ON "public_releases" USING btree ("year","revision");--> statement-breakpoint
-- custom SQL (keep on regeneration)
-- Public releases are append-only: a published release is never changed or removed; a correction is a new
-- revision. The database itself refuses UPDATE, DELETE and TRUNCATE (as for audit_log).
CREATE OR REPLACE FUNCTION public_releases_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'public_releases is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER public_releases_append_only BEFORE UPDATE OR DELETE ON public_releases
  FOR EACH ROW EXECUTE FUNCTION public_releases_refuse_change();
--> statement-breakpoint
-- TRUNCATE fires no row trigger: refused too, unless there is no release yet or the database is a training
-- one (system setting `demo`), whose reset (src/server/demo/reset.ts: TRUNCATE users … CASCADE) takes its
-- synthetic releases with it.
CREATE OR REPLACE FUNCTION public_releases_refuse_truncate() RETURNS trigger AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM public_releases) OR EXISTS (SELECT 1 FROM system_settings WHERE key = 'demo') THEN
    RETURN NULL;
  END IF;
  RAISE EXCEPTION 'public_releases is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER public_releases_no_truncate BEFORE TRUNCATE ON public_releases
  FOR EACH STATEMENT EXECUTE FUNCTION public_releases_refuse_truncate();
--> statement-breakpoint
-- A revision follows the latest release of the same year: previous_id is that year's revision − 1.
CREATE OR REPLACE FUNCTION public_releases_check_chain() RETURNS trigger AS $$
BEGIN
  IF NEW.previous_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM public_releases p WHERE p.id = NEW.previous_id AND p.year = NEW.year AND p.revision = NEW.revision - 1
  ) THEN
    RAISE EXCEPTION 'public_releases: a revision must follow the previous revision of the same year';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER public_releases_chain BEFORE INSERT ON public_releases
  FOR EACH ROW EXECUTE FUNCTION public_releases_check_chain();
