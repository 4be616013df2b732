CREATE TABLE "geo_boundaries" (
	"code" text PRIMARY KEY NOT NULL,
	"level" smallint NOT NULL,
	"name" text NOT NULL,
	"parent_code" text,
	"geometry" jsonb NOT NULL,
	"source" text,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "geo_boundaries_level_parent_idx" ON "geo_boundaries" USING btree ("level","parent_code");