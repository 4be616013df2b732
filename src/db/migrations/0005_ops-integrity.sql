-- A victim has at most one open shelter stay. Databases written before this index may hold two open
-- stays of one victim (concurrent admissions both accepted): which one is true is for the shelter staff
-- to say, so this migration stops with the stays to fix instead of changing records on its own.
DO $$
DECLARE
  dup record;
BEGIN
  SELECT case_victim_id, string_agg(id::text, ', ' ORDER BY check_in_on, created_at) AS stays, count(*) AS n
    INTO dup
    FROM shelter_stays WHERE check_out_on IS NULL
    GROUP BY case_victim_id HAVING count(*) > 1
    LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'Victim % has % open shelter stays (%): give all but one a check-out date (PATCH /api/v1/stays/<id> with the previous version of RETA, or UPDATE shelter_stays SET check_out_on = ... WHERE id = ...), then start again. Find them all with: SELECT case_victim_id, array_agg(id) FROM shelter_stays WHERE check_out_on IS NULL GROUP BY 1 HAVING count(*) > 1', dup.case_victim_id, dup.n, dup.stays
      USING ERRCODE = 'unique_violation';
  END IF;
END $$;
--> statement-breakpoint
CREATE UNIQUE INDEX "shelter_stays_victim_open_idx" ON "shelter_stays" USING btree ("case_victim_id") WHERE "shelter_stays"."check_out_on" is null;
