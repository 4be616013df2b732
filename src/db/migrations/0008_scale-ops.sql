CREATE TABLE "match_queue" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"proposed_by" uuid,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "match_queue" ADD CONSTRAINT "match_queue_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "match_queue_queued_idx" ON "match_queue" USING btree ("queued_at");--> statement-breakpoint
CREATE INDEX "case_access_institution_case_idx" ON "case_access" USING btree ("institution_id","case_id");--> statement-breakpoint
CREATE INDEX "cases_institution_registered_idx" ON "cases" USING btree ("institution_id","registered_at","id");--> statement-breakpoint
CREATE INDEX "cases_registered_id_idx" ON "cases" USING btree ("registered_at","id");