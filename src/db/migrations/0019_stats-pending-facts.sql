ALTER TABLE "stats_defendant_facts" ADD COLUMN "pending_years" integer[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "stats_defendant_facts" ADD COLUMN "pending_from" integer;--> statement-breakpoint
ALTER TABLE "stats_defendant_facts" ADD COLUMN "police_on" date;--> statement-breakpoint
ALTER TABLE "stats_defendant_facts" ADD COLUMN "prosecution_on" date;--> statement-breakpoint
ALTER TABLE "stats_defendant_facts" ADD COLUMN "court_on" date;--> statement-breakpoint
ALTER TABLE "stats_defendant_facts" ADD COLUMN "execution_on" date;--> statement-breakpoint
-- custom SQL (keep on regeneration)
-- The new columns are derived from the justice events: the facts are emptied here and computed again at
-- the next start (src/server/stats/facts/facts.rebuild.ts ensureFacts: records but no facts); the victim facts' truncate
-- trigger empties the cubes.
TRUNCATE stats_case_facts, stats_victim_facts, stats_defendant_facts, stats_fact_queue;
