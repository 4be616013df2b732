ALTER TABLE "stats_defendant_facts" ADD COLUMN "reported_on" date;--> statement-breakpoint
ALTER TABLE "stats_defendant_facts" ADD COLUMN "closed_on" datemultirange DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "stats_defendant_facts" ADD COLUMN "police_on" date;--> statement-breakpoint
ALTER TABLE "stats_defendant_facts" ADD COLUMN "prosecution_on" date;--> statement-breakpoint
ALTER TABLE "stats_defendant_facts" ADD COLUMN "court_on" date;--> statement-breakpoint
ALTER TABLE "stats_defendant_facts" ADD COLUMN "execution_on" date;--> statement-breakpoint
CREATE INDEX "stats_defendant_facts_reported_idx" ON "stats_defendant_facts" USING btree ("reported_on");--> statement-breakpoint
-- custom SQL (keep on regeneration)
-- The new columns are derived from the justice events: the facts are emptied here and computed again at
-- the next start (src/server/stats/facts/facts.rebuild.ts ensureFacts: records but no facts); the victim facts' truncate
-- trigger empties the cubes.
TRUNCATE stats_case_facts, stats_victim_facts, stats_defendant_facts, stats_fact_queue;
