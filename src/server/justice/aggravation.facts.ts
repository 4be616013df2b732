/**
 * The recorded facts the aggravation rule (src/core/legal/aggravation.ts) reads, per case: its victims'
 * ages and disability (a merged person's attributes are the surviving record's) and the organised-crime
 * flag; the defendant's own flags come from its case_suspects row. Not scoped: callers have already
 * decided which cases they may read (the justice view after loadWholeCase; statistics as the system).
 */
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { countryToday } from '../../core/country-date';
import type { AggravatingFacts } from '../../core/legal/aggravation';
import type { Tx } from '../../db/connect';
import { cases, caseVictims, persons } from '../../db/schema';

export interface CaseAggravatingFacts {
  victims: AggravatingFacts['victims'];
  organisedCrime: boolean;
}

const survivor = alias(persons, 'survivor');

export async function loadAggravatingFacts(tx: Tx, caseIds: readonly string[]): Promise<Map<string, CaseAggravatingFacts>> {
  const out = new Map<string, CaseAggravatingFacts>();
  if (!caseIds.length) return out;
  const caseRows = await tx
    .select({ id: cases.id, organisedCrime: cases.organisedCrime, factsStart: cases.factsStart, registeredAt: cases.registeredAt })
    .from(cases)
    .where(inArray(cases.id, [...caseIds]));
  const factsYear = new Map(caseRows.map((c) => [c.id, Number((c.factsStart ?? countryToday(c.registeredAt)).slice(0, 4))]));
  for (const c of caseRows) out.set(c.id, { victims: [], organisedCrime: c.organisedCrime });
  const victims = await tx
    .select({
      caseId: caseVictims.caseId, ageYears: caseVictims.ageYears, ageEstimated: caseVictims.ageEstimated, ageVerified: caseVictims.ageVerified,
      ageBand: caseVictims.ageBand, deathOrSeriousInjury: caseVictims.deathOrSeriousInjury, birthYear: sql<number | null>`case when ${survivor.id} is not null then ${survivor.birthYear} else ${persons.birthYear} end`,
      disability: sql<boolean | null>`case when ${survivor.id} is not null then ${survivor.disability} else ${persons.disability} end`,
    })
    .from(caseVictims)
    .innerJoin(persons, eq(persons.id, caseVictims.personId))
    .leftJoin(survivor, eq(survivor.id, persons.mergedIntoId))
    .where(and(inArray(caseVictims.caseId, [...caseIds]), ne(caseVictims.identificationStatus, 'not_a_victim')));
  for (const v of victims) {
    const entry = out.get(v.caseId);
    if (entry) (entry.victims as Array<AggravatingFacts['victims'][number]>).push({ ...v, factsYear: factsYear.get(v.caseId) ?? null });
  }
  return out;
}

/** The facts for one defendant of a case. */
export const factsForSuspect = (caseFacts: CaseAggravatingFacts | undefined, suspect: { isPublicOfficial: boolean; organisedGroupMember: boolean }): AggravatingFacts => ({
  victims: caseFacts?.victims ?? [],
  publicOfficial: suspect.isPublicOfficial,
  criminalOrganisation: suspect.organisedGroupMember || Boolean(caseFacts?.organisedCrime),
});
