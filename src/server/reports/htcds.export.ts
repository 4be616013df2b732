/**
 * The HTCDS-shaped export: one HTCDS case record per case registered in the year, with its victims,
 * perpetrators and trafficking events, mapped by src/core/htcds. Case-level data, so it follows the
 * policy's `whole` level (every part of the cases the reader may read in full) and never carries identity:
 * no names, documents, birth dates, contacts, addresses or narratives; ages as CTDC bands; places as
 * country and department. Being record-level, it is for holders of exact figures (`stats.exact`, checked
 * at the route); public readers have the disclosure-controlled tables and the k-anonymised CTDC extract.
 */
import { and, asc, inArray, sql } from 'drizzle-orm';
import { toHtcdsCase, type HtcdsCase, type RetaCaseData } from '../../core/htcds/records';
import { ageSchemes, bandOf } from '../../core/stats/age-schemes';
import { cases, casePlaces, caseSuspects, caseVictims, persons } from '../../db/schema';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { wholeCaseCondition } from '../policy';

const registeredDate = sql`(${cases.registeredAt} at time zone interval '-05:00')::date`;

export async function buildHtcdsExport(deps: Deps, ctx: Ctx, year: number): Promise<{ standard: string; version: string; year: number; cases: HtcdsCase[] }> {
  const { db } = deps;
  const caseRows = await db
    .select({ id: cases.id, code: cases.code, status: cases.status, factsDateFrom: cases.factsDateFrom, recruitmentMethods: cases.recruitmentMethods, sectors: cases.sectors, sexualExploitationSubtypes: cases.sexualExploitationSubtypes })
    .from(cases)
    .where(and(wholeCaseCondition(ctx.actor), sql`${registeredDate} between ${`${year}-01-01`} and ${`${year}-12-31`}`))
    .orderBy(asc(cases.code));
  const ids = caseRows.map((c) => c.id);
  if (ids.length === 0) return { standard: 'HTCDS', version: '2.0', year, cases: [] };
  const [victims, suspects, places] = await Promise.all([
    db
      .select({ caseId: caseVictims.caseId, sex: persons.sex, genderIdentity: persons.genderIdentity, nationalities: persons.nationalities, ageYears: caseVictims.ageYears, ageBand: caseVictims.ageBand, identificationStatus: caseVictims.identificationStatus, means: caseVictims.means })
      .from(caseVictims)
      .innerJoin(persons, sql`${persons.id} = ${caseVictims.personId}`)
      .where(inArray(caseVictims.caseId, ids))
      .orderBy(asc(caseVictims.createdAt), asc(caseVictims.id)),
    db
      .select({ caseId: caseSuspects.caseId, sex: persons.sex, genderIdentity: persons.genderIdentity, nationalities: persons.nationalities, roles: caseSuspects.roles })
      .from(caseSuspects)
      .innerJoin(persons, sql`${persons.id} = ${caseSuspects.personId}`)
      .where(inArray(caseSuspects.caseId, ids))
      .orderBy(asc(caseSuspects.createdAt), asc(caseSuspects.id)),
    db.select({ caseId: casePlaces.caseId, kind: casePlaces.kind, country: casePlaces.country, departmentCode: casePlaces.departmentCode }).from(casePlaces).where(inArray(casePlaces.caseId, ids)).orderBy(asc(casePlaces.id)),
  ]);
  const of = <T extends { caseId: string }>(rows: T[], id: string) => rows.filter((r) => r.caseId === id);
  const records = caseRows.map((c) => {
    const data: RetaCaseData = {
      ...c,
      places: of(places, c.id),
      victims: of(victims, c.id).map((v) => ({ ...v, ageBroad: bandOf(ageSchemes.ctdc, v.ageYears, v.ageBand) })),
      suspects: of(suspects, c.id),
    };
    return toHtcdsCase(data);
  });
  return { standard: 'HTCDS', version: '2.0', year, cases: records };
}
