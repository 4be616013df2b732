/**
 * SQL over the raw registry tables (aliases: `c` cases, `s` case_suspects, `p` the person after merges,
 * `ru` the registering unit) for the one counting unit with no fact rows: defendants pending at each year
 * end (src/server/stats/sources/figures.ts `pending_defendant`), which reads the justice events as of every
 * year end. Every other unit reads the fact tables (src/server/stats/facts).
 */

/**
 * The registering unit of a case (its registration event): a transfer moves the case (unit_id,
 * department_code — what the scope follows) but not the unit that registered it (issue 9 item 5).
 * Cases without a registration event fall back to the owning unit.
 */
export const registeringJoin = `left join (select distinct on (ce.case_id) ce.case_id, ce.unit_id, u.institution_id, u.department_code from case_events ce
      join units u on u.id = ce.unit_id where ce.type = 'registration' order by ce.case_id, ce.at, ce.id) ru on ru.case_id = c.id`;

/**
 * A merged person is one person (issue 9, item 4): rows join the record the person was merged into (a
 * merge is one level: src/server/matching refuses to merge a merged record), so sex, birth year,
 * nationalities and origin — hence counts, bands and routes — are the surviving record's.
 */
export const personOf = (link: string) => `join persons p0 on p0.id = ${link} join persons p on p.id = coalesce(p0.merged_into_id, p0.id)`;
