ALTER TABLE "case_victims" ADD COLUMN "housed_on_identification" text;--> statement-breakpoint
ALTER TABLE "case_victims" ADD COLUMN "death_or_serious_injury" boolean;