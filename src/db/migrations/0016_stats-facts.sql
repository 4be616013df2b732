CREATE TABLE "stats_case_facts" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"registered_on" date NOT NULL,
	"owning_institution_id" uuid NOT NULL,
	"owning_department" text,
	"owning_unit_id" uuid NOT NULL,
	"registering_institution_id" uuid NOT NULL,
	"registering_department" text,
	"registering_unit_id" uuid NOT NULL,
	"source" text NOT NULL,
	"case_purposes" text[] NOT NULL,
	"sectors" text[] NOT NULL,
	"exploitation_departments" text[] NOT NULL,
	"purpose_group" text,
	"stage" text NOT NULL,
	"reported_on" date NOT NULL,
	"facts_start" date,
	"status" text NOT NULL,
	"investigated" boolean NOT NULL,
	"charged" boolean NOT NULL,
	"tried" boolean NOT NULL,
	"convicted" boolean NOT NULL,
	"first_charge_on" date,
	"first_decision_on" date,
	"last_activity_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stats_defendant_facts" (
	"suspect_id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"registered_on" date NOT NULL,
	"owning_institution_id" uuid NOT NULL,
	"owning_department" text,
	"owning_unit_id" uuid NOT NULL,
	"registering_institution_id" uuid NOT NULL,
	"registering_department" text,
	"registering_unit_id" uuid NOT NULL,
	"source" text NOT NULL,
	"case_purposes" text[] NOT NULL,
	"sectors" text[] NOT NULL,
	"exploitation_departments" text[] NOT NULL,
	"person_id" uuid NOT NULL,
	"purpose_group" text,
	"stage" text NOT NULL,
	"sex" text NOT NULL,
	"age_band_peru" text,
	"age_group" text NOT NULL,
	"unodc_category" text NOT NULL,
	"nationalities" text[] NOT NULL,
	"public_official" boolean NOT NULL,
	"arrested_on" date,
	"charged_on" date,
	"convicted_on" date,
	"acquitted_on" date,
	"dismissed_on" date,
	"archived_on" date,
	"reclassified_on" date,
	"sentence_on" date,
	"sentence_months" integer,
	"sentence_band" text,
	"below_minimum" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stats_fact_queue" (
	"case_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stats_victim_facts" (
	"victim_id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"registered_on" date NOT NULL,
	"owning_institution_id" uuid NOT NULL,
	"owning_department" text,
	"owning_unit_id" uuid NOT NULL,
	"registering_institution_id" uuid NOT NULL,
	"registering_department" text,
	"registering_unit_id" uuid NOT NULL,
	"source" text NOT NULL,
	"case_purposes" text[] NOT NULL,
	"sectors" text[] NOT NULL,
	"exploitation_departments" text[] NOT NULL,
	"person_id" uuid NOT NULL,
	"purposes" text[] NOT NULL,
	"purpose_group" text,
	"stage" text NOT NULL,
	"identification_status" text NOT NULL,
	"sex" text NOT NULL,
	"age_band_reta" text,
	"age_band_peru" text,
	"age_band_ctdc" text,
	"age_group" text NOT NULL,
	"unodc_category" text NOT NULL,
	"origin_department" text,
	"nationalities" text[] NOT NULL
);
--> statement-breakpoint
CREATE INDEX "stats_case_facts_registered_idx" ON "stats_case_facts" USING btree ("registered_on");--> statement-breakpoint
CREATE INDEX "stats_defendant_facts_case_idx" ON "stats_defendant_facts" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "stats_victim_facts_case_idx" ON "stats_victim_facts" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "stats_victim_facts_registered_idx" ON "stats_victim_facts" USING btree ("registered_on");--> statement-breakpoint
-- custom SQL (keep on regeneration)
-- Facts kept in the write transaction (src/server/stats/facts): statement-level triggers note which cases a
-- statement touched in stats_fact_queue; refreshCaseFacts recomputes those cases' facts (TypeScript, the
-- src/core rules) before the same transaction commits, and empties the queue.
CREATE FUNCTION stats_enqueue_new_case_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_fact_queue (case_id) SELECT DISTINCT case_id FROM new_rows WHERE case_id IS NOT NULL;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stats_enqueue_old_case_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_fact_queue (case_id) SELECT DISTINCT case_id FROM old_rows WHERE case_id IS NOT NULL;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stats_enqueue_new_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_fact_queue (case_id) SELECT id FROM new_rows;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stats_enqueue_old_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_fact_queue (case_id) SELECT id FROM old_rows;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stats_enqueue_new_event_articles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_fact_queue (case_id) SELECT DISTINCT e.case_id FROM justice_events e WHERE e.id IN (SELECT event_id FROM new_rows);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stats_enqueue_old_event_articles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_fact_queue (case_id) SELECT DISTINCT e.case_id FROM justice_events e WHERE e.id IN (SELECT event_id FROM old_rows);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A person's attributes (and a merge or its reversal) change the facts of every case the person, or a
-- record merged into the person, is a victim or suspect in.
CREATE FUNCTION stats_enqueue_persons() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_fact_queue (case_id)
  WITH ids AS (SELECT id FROM new_rows UNION SELECT p.id FROM persons p WHERE p.merged_into_id IN (SELECT id FROM new_rows))
  SELECT v.case_id FROM case_victims v WHERE v.person_id IN (SELECT id FROM ids)
  UNION SELECT s.case_id FROM case_suspects s WHERE s.person_id IN (SELECT id FROM ids);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE INDEX persons_merged_into_idx ON persons (merged_into_id) WHERE merged_into_id IS NOT NULL;
--> statement-breakpoint
-- A unit's department or institution: the cases it owns or registered.
CREATE FUNCTION stats_enqueue_units() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_fact_queue (case_id)
  SELECT c.id FROM cases c WHERE c.unit_id IN (SELECT id FROM new_rows)
  UNION SELECT ce.case_id FROM case_events ce WHERE ce.type = 'registration' AND ce.unit_id IN (SELECT id FROM new_rows);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stats_facts_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_enqueue_new_case();
--> statement-breakpoint
CREATE TRIGGER stats_facts_update AFTER UPDATE ON cases REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_enqueue_new_case();
--> statement-breakpoint
CREATE TRIGGER stats_facts_delete AFTER DELETE ON cases REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_enqueue_old_case();
--> statement-breakpoint
CREATE TRIGGER stats_facts_insert AFTER INSERT ON case_victims REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_enqueue_new_case_id();
--> statement-breakpoint
CREATE TRIGGER stats_facts_update AFTER UPDATE ON case_victims REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_enqueue_new_case_id();
--> statement-breakpoint
CREATE TRIGGER stats_facts_delete AFTER DELETE ON case_victims REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_enqueue_old_case_id();
--> statement-breakpoint
CREATE TRIGGER stats_facts_insert AFTER INSERT ON case_suspects REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_enqueue_new_case_id();
--> statement-breakpoint
CREATE TRIGGER stats_facts_update AFTER UPDATE ON case_suspects REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_enqueue_new_case_id();
--> statement-breakpoint
CREATE TRIGGER stats_facts_delete AFTER DELETE ON case_suspects REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_enqueue_old_case_id();
--> statement-breakpoint
CREATE TRIGGER stats_facts_insert AFTER INSERT ON case_places REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_enqueue_new_case_id();
--> statement-breakpoint
CREATE TRIGGER stats_facts_update AFTER UPDATE ON case_places REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_enqueue_new_case_id();
--> statement-breakpoint
CREATE TRIGGER stats_facts_delete AFTER DELETE ON case_places REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_enqueue_old_case_id();
--> statement-breakpoint
CREATE TRIGGER stats_facts_insert AFTER INSERT ON case_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_enqueue_new_case_id();
--> statement-breakpoint
CREATE TRIGGER stats_facts_update AFTER UPDATE ON case_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_enqueue_new_case_id();
--> statement-breakpoint
CREATE TRIGGER stats_facts_delete AFTER DELETE ON case_events REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_enqueue_old_case_id();
--> statement-breakpoint
CREATE TRIGGER stats_facts_insert AFTER INSERT ON justice_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_enqueue_new_case_id();
--> statement-breakpoint
CREATE TRIGGER stats_facts_update AFTER UPDATE ON justice_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_enqueue_new_case_id();
--> statement-breakpoint
CREATE TRIGGER stats_facts_delete AFTER DELETE ON justice_events REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_enqueue_old_case_id();
--> statement-breakpoint
CREATE TRIGGER stats_facts_insert AFTER INSERT ON justice_event_articles REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_enqueue_new_event_articles();
--> statement-breakpoint
CREATE TRIGGER stats_facts_delete AFTER DELETE ON justice_event_articles REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_enqueue_old_event_articles();
--> statement-breakpoint
CREATE TRIGGER stats_facts_update AFTER UPDATE ON persons REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_enqueue_persons();
--> statement-breakpoint
CREATE TRIGGER stats_facts_update AFTER UPDATE ON units REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_enqueue_units();
--> statement-breakpoint
-- Emptying the registry (the demo reset truncates cases … cascade) empties its facts too.
CREATE FUNCTION stats_truncate_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE stats_case_facts, stats_victim_facts, stats_defendant_facts, stats_fact_queue;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stats_facts_truncate AFTER TRUNCATE ON cases FOR EACH STATEMENT EXECUTE FUNCTION stats_truncate_facts();
