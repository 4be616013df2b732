CREATE TABLE "stats_repeat_persons" (
	"person_id" uuid PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stats_victim_cube" (
	"cube" text NOT NULL,
	"period" date NOT NULL,
	"owning_institution_id" uuid NOT NULL,
	"owning_department" text,
	"k1" text DEFAULT '' NOT NULL,
	"k2" text DEFAULT '' NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "stats_victim_cube_key" UNIQUE NULLS NOT DISTINCT("cube","period","owning_institution_id","owning_department","k1","k2")
);
--> statement-breakpoint
CREATE INDEX "stats_victim_facts_person_idx" ON "stats_victim_facts" USING btree ("person_id");--> statement-breakpoint
-- custom SQL (keep on regeneration)
-- Emptying the victim facts (the demo reset truncates cases, whose trigger truncates the facts; a rebuild
-- from scratch) empties the counts kept from them, so they never outlive the rows they sum.
CREATE FUNCTION stats_truncate_cubes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE stats_victim_cube, stats_repeat_persons;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stats_cubes_truncate AFTER TRUNCATE ON stats_victim_facts FOR EACH STATEMENT EXECUTE FUNCTION stats_truncate_cubes();
