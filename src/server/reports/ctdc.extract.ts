/**
 * A CTDC/HTCDS-shaped, victim-level extract for data sharing: one row per victim in a case, coarse
 * CTDC age bands (ageBroad), k-anonymised over sex, ageBroad, citizenship, country and form of exploitation
 * (generalised — wider age band, region, form group — before anything is suppressed: k-anonymity.ts).
 * The form of exploitation is the victim's, else the case's purposes (as the statistics read it); the
 * country of exploitation is that of the case's places of exploitation (several joined by ";"), Peru for a
 * domestic case with none recorded, unknown for an international one. A merged person is the surviving
 * record. Nothing identifying leaves: no names, no ids, no dates finer than the year, no places finer
 * than the country.
 */
import countries from 'i18n-iso-countries';
import { and, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { purposeGroupOf } from '../../core/stats/purpose-groups';
import { ageSchemes, bandOf } from '../../core/stats/age-schemes';
import { exploitationGroup, kAnonymise, SUPPRESSED, type QuasiRecord } from '../../core/reports/k-anonymity';
import { cases, caseVictims, persons } from '../../db/schema';
import { visibleVictimCondition } from '../policy';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import type { Matrix } from './table-format';

const registeredDate = sql`(${cases.registeredAt} at time zone interval '-05:00')::date`;
const survivor = alias(persons, 'survivor');
/** The surviving record's value when the person was merged into another. */
const resolved = <T>(column: string) => sql<T>`(case when ${survivor.id} is not null then ${sql.raw(`survivor.${column}`)} else ${sql.raw(`persons.${column}`)} end)`;

/** One form: itself; several: their GLOTIP group (sexual, labour, mixed, other); none: unknown. */
export const exploitationOf = (forms: readonly string[]) => (forms.length === 0 ? 'unknown' : forms.length === 1 ? forms[0]! : purposeGroupOf(forms)!);

/** The countries of the places of exploitation; a domestic case with none is in the home country. */
export const exploitationCountryOf = (countries: readonly string[], international: boolean) =>
  countries.length ? [...new Set(countries)].sort().join(';') : international ? 'unknown' : 'PER';

interface VictimRecord extends QuasiRecord {
  year: number;
}

async function loadVictims(deps: Deps, ctx: Ctx, year?: number): Promise<VictimRecord[]> {
  // A report's read: on the read replica when there is one (RETA_READ_DATABASE_URL).
  const rows = await deps.readDb
    .select({
      sex: resolved<string>('sex'),
      ageYears: caseVictims.ageYears,
      ageBand: caseVictims.ageBand,
      nationalities: resolved<string[]>('nationalities'),
      forms: caseVictims.exploitationForms,
      purposes: cases.purposes,
      international: cases.isInternational,
      countries: sql<string[]>`array(select distinct cp.country from case_places cp where cp.case_id = ${cases.id} and cp.kind = 'exploitation' and cp.country is not null)`,
      year: sql<number>`extract(year from ${registeredDate})::int`,
    })
    .from(caseVictims)
    .innerJoin(cases, sql`${cases.id} = ${caseVictims.caseId}`)
    .innerJoin(persons, sql`${persons.id} = ${caseVictims.personId}`)
    .leftJoin(survivor, sql`${survivor.id} = ${persons.mergedIntoId}`)
    .where(
      and(
        ne(caseVictims.identificationStatus, 'not_a_victim'),
        visibleVictimCondition(ctx.actor),
        year ? sql`${registeredDate} between ${`${year}-01-01`} and ${`${year}-12-31`}` : undefined,
      ),
    );
  return rows.map((r) => ({
    sex: r.sex,
    ageBroad: bandOf(ageSchemes.ctdc, r.ageYears, r.ageBand) ?? 'unknown',
    citizenship: r.nationalities[0] ?? 'unknown',
    country: exploitationCountryOf(r.countries ?? [], r.international),
    exploitation: exploitationOf(r.forms.length ? r.forms : r.purposes),
    year: Number(r.year),
  }));
}

const gender = (sex: string) => (sex === 'female' ? 'Female' : sex === 'male' ? 'Male' : sex === SUPPRESSED ? '' : 'Unknown');
const majority = (band: string) => (band === '0-8' || band === '9-17' || band === '0-17' ? 'Minor' : band === SUPPRESSED || band === 'unknown' ? '' : 'Adult');
/** ISO alpha-2 codes (several joined by ";"); a generalised value (a region, "foreign") as it is; blank when unknown or suppressed. */
const citizenshipCode = (c: string) =>
  c === SUPPRESSED || c === 'unknown' ? '' : c === 'foreign' ? 'Foreign' : c.split(';').map((code) => countries.alpha3ToAlpha2(code) ?? code).join(';');

function exploitationFlags(value: string) {
  if (value === SUPPRESSED || value === 'unknown') return { labour: '', sexual: '', other: '', label: '' };
  const group = value === 'sexual' || value === 'labour' || value === 'mixed' || value === 'other' ? value : (exploitationGroup[value] ?? 'other');
  return {
    labour: group === 'labour' || group === 'mixed' ? 1 : 0,
    sexual: group === 'sexual' || group === 'mixed' ? 1 : 0,
    other: group === 'other' ? 1 : 0,
    label: value,
  };
}

export const ctdcHeader = ['yearOfRegistration', 'Datasource', 'gender', 'ageBroad', 'majorityStatus', 'citizenship', 'CountryOfExploitation', 'isForcedLabour', 'isSexualExploit', 'isOtherExploit', 'typeOfExploitConcatenated'];

export async function buildCtdcExtract(deps: Deps, ctx: Ctx, options: { year?: number; k: number }) {
  const records = await loadVictims(deps, ctx, options.year);
  // The year is published too, so each year is anonymised on its own: every (year, quasi-identifiers)
  // combination then has at least k rows.
  const byYear = new Map<number, VictimRecord[]>();
  for (const r of records) {
    const list = byYear.get(r.year) ?? [];
    list.push(r);
    byYear.set(r.year, list);
  }
  const results = [...byYear.keys()].sort().map((y) => kAnonymise(byYear.get(y)!, options.k));
  const kept = results.flatMap((r) => r.rows);
  // Rows are sorted so the file reveals nothing about the order in which cases were registered.
  const rows = kept
    .map((r) => {
      const f = exploitationFlags(r.exploitation);
      return [r.year, 'Case Management', gender(r.sex), r.ageBroad === SUPPRESSED ? '' : r.ageBroad, majority(r.ageBroad), citizenshipCode(r.citizenship), citizenshipCode(r.country), f.labour, f.sexual, f.other, f.label];
    })
    .sort((a, b) => a.join('|').localeCompare(b.join('|')));
  const matrix: Matrix = { name: 'ctdc', header: ctdcHeader, rows };
  const sum = (f: (r: (typeof results)[number]) => number) => results.reduce((n, r) => n + f(r), 0);
  return {
    matrix, k: options.k, levels: results.map((r) => r.levels), suppressed: sum((r) => r.suppressed), recoded: sum((r) => r.recoded), dropped: sum((r) => r.dropped), total: records.length,
  };
}
