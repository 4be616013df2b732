ALTER TABLE "stats_defendant_facts" ADD COLUMN "investigated_on" date;--> statement-breakpoint
ALTER TABLE "stats_defendant_facts" ADD COLUMN "suspended_on" date;--> statement-breakpoint
ALTER TABLE "stats_defendant_facts" ADD COLUMN "victim_age_groups" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "stats_defendant_facts" ADD COLUMN "aggravation_omitted_on" date;--> statement-breakpoint
ALTER TABLE "stats_victim_facts" ADD COLUMN "identified_on" date;--> statement-breakpoint
ALTER TABLE "stats_victim_facts" ADD COLUMN "housing" text;--> statement-breakpoint
ALTER TABLE "stats_victim_facts" ADD COLUMN "identity_document" text;--> statement-breakpoint
-- custom SQL (keep on regeneration)
-- The legal framework (regimes, articles, penalty tiers) decides below-minimum sentences, reclassification
-- and omitted aggravation: an edit of it recomputes (before its transaction commits) the facts of every
-- case whose justice events name articles.
CREATE FUNCTION stats_enqueue_legal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_fact_queue (case_id)
  SELECT DISTINCT e.case_id FROM justice_events e WHERE EXISTS (SELECT 1 FROM justice_event_articles a WHERE a.event_id = e.id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stats_facts_legal AFTER INSERT OR UPDATE OR DELETE ON legal_regimes FOR EACH STATEMENT EXECUTE FUNCTION stats_enqueue_legal();
--> statement-breakpoint
CREATE TRIGGER stats_facts_legal AFTER INSERT OR UPDATE OR DELETE ON legal_articles FOR EACH STATEMENT EXECUTE FUNCTION stats_enqueue_legal();
--> statement-breakpoint
CREATE TRIGGER stats_facts_legal AFTER INSERT OR UPDATE OR DELETE ON legal_penalty_tiers FOR EACH STATEMENT EXECUTE FUNCTION stats_enqueue_legal();
--> statement-breakpoint
-- The new columns are filled by recomputing every case: emptied here, the facts are computed again at
-- start-up (src/server/stats/facts/facts.rebuild.ts ensureFacts), as for a registry that never had them.
TRUNCATE stats_case_facts, stats_victim_facts, stats_defendant_facts, stats_fact_queue;
