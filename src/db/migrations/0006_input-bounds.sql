ALTER TABLE "cases" ADD COLUMN "request_hash" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "request_hash" text;--> statement-breakpoint
ALTER TABLE "justice_events" ADD COLUMN "request_hash" text;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "request_hash" text;--> statement-breakpoint
ALTER TABLE "hotline_calls" ADD COLUMN "request_hash" text;--> statement-breakpoint
ALTER TABLE "operations" ADD COLUMN "request_hash" text;--> statement-breakpoint
ALTER TABLE "prevention_activities" ADD COLUMN "request_hash" text;