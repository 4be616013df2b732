import { eq, inArray } from 'drizzle-orm';
import type { CaseCreate, PlaceCreate, SuspectCreate, VictimCreate } from '../../contracts/cases';
import type { PersonCreate, PersonUpdate } from '../../contracts/people';
import { isReversedRange } from '../../core/partial-date';
import type { Tx } from '../../db/connect';
import { institutions, units } from '../../db/schema';
import type { Ctx } from '../context';
import { invalid, type AppError } from '../errors/app-error';
import { findVisiblePerson } from '../people/person.repository';
import { unknownCountryFields } from '../reference/countries';
import { findUnknownUbigeos } from '../reference/ubigeo.repository';

/**
 * Checks that need the database or reference lists (zod has checked the shapes): collects every
 * failing field, then refuses with one 400 — before anything is written.
 */
export class FieldCheck {
  readonly fields: Record<string, string> = {};
  private readonly ubigeos: Array<{ code: string; field: string }> = [];
  private readonly institutionIds: Array<{ id: string; field: string }> = [];
  private readonly personIds: Array<{ id: string; field: string }> = [];

  add(field: string, key: string) {
    this.fields[field] ??= key;
  }
  ubigeo(code: string | null | undefined, field: string) {
    if (code) this.ubigeos.push({ code, field });
  }
  countries(entries: ReadonlyArray<{ code: string | null | undefined; field: string }>) {
    for (const [field, key] of Object.entries(unknownCountryFields(entries))) this.add(field, key);
  }
  institution(id: string | null | undefined, field: string) {
    if (id) this.institutionIds.push({ id, field });
  }
  person(id: string, field: string) {
    this.personIds.push({ id, field });
  }

  async assert(tx: Tx, ctx: Ctx): Promise<void> {
    await this.resolve(tx, ctx, new Set(await findUnknownUbigeos(tx, this.ubigeos.map((u) => u.code))));
    if (Object.keys(this.fields).length) throw invalid(this.fields);
  }

  /**
   * The checks of many records at once (a batch of an import), with one look-up of their UBIGEOs: for each,
   * the error its own `assert` would throw, or undefined.
   */
  static async assertEach(tx: Tx, ctx: Ctx, checks: readonly FieldCheck[]): Promise<Array<AppError | undefined>> {
    const unknown = new Set(await findUnknownUbigeos(tx, checks.flatMap((c) => c.ubigeos.map((u) => u.code))));
    const errors: Array<AppError | undefined> = [];
    for (const check of checks) {
      await check.resolve(tx, ctx, unknown);
      errors.push(Object.keys(check.fields).length ? invalid(check.fields) : undefined);
    }
    return errors;
  }

  private async resolve(tx: Tx, ctx: Ctx, unknown: ReadonlySet<string>): Promise<void> {
    for (const u of this.ubigeos) if (unknown.has(u.code)) this.add(u.field, 'unknown_ubigeo');
    if (this.institutionIds.length) {
      const found = await tx.select({ id: institutions.id }).from(institutions).where(inArray(institutions.id, this.institutionIds.map((i) => i.id)));
      const known = new Set(found.map((r) => r.id));
      for (const i of this.institutionIds) if (!known.has(i.id)) this.add(i.field, 'institution.not_found');
    }
    for (const p of this.personIds) if (!(await findVisiblePerson(tx, ctx.actor, p.id))) this.add(p.field, 'person.not_found');
  }
}

const today = () => new Date().toISOString().slice(0, 10);

export function checkCaseDates(check: FieldCheck, input: { reportedOn?: string; factsDateFrom?: string | null; factsDateTo?: string | null }) {
  if (input.reportedOn && input.reportedOn > today()) check.add('reportedOn', 'date_in_future');
  if (input.factsDateFrom && input.factsDateFrom > today()) check.add('factsDateFrom', 'date_in_future');
  if (isReversedRange(input.factsDateFrom, input.factsDateTo)) check.add('factsDateTo', 'date_range_reversed');
}

export function checkPersonAttributes(check: FieldCheck, person: PersonCreate | PersonUpdate, prefix: string) {
  check.ubigeo(person.originUbigeo, `${prefix}originUbigeo`);
  check.countries([
    { code: person.originCountry, field: `${prefix}originCountry` },
    ...(person.nationalities ?? []).map((code, i) => ({ code, field: `${prefix}nationalities.${i}` })),
  ]);
  const birthDate = person.identity?.birthDate;
  if (birthDate && birthDate > today()) check.add(`${prefix}identity.birthDate`, 'date_in_future');
}

export function checkPersonRef(check: FieldCheck, input: VictimCreate | SuspectCreate, prefix: string) {
  if (input.personId) check.person(input.personId, `${prefix}personId`);
  if (input.person) checkPersonAttributes(check, input.person, `${prefix}person.`);
}

export function checkVictimFields(check: FieldCheck, input: { identifiedOn?: string | null }, prefix: string) {
  if (input.identifiedOn && input.identifiedOn > today()) check.add(`${prefix}identifiedOn`, 'date_in_future');
}

export function checkPlace(check: FieldCheck, place: PlaceCreate, prefix: string) {
  check.ubigeo(place.ubigeo, `${prefix}ubigeo`);
  check.countries([{ code: place.country, field: `${prefix}country` }]);
}

/** The same existing person twice in one list (as two victims of the case): refused. */
export function checkDistinctPersons(check: FieldCheck, refs: ReadonlyArray<{ personId?: string }>, prefix: string) {
  const seen = new Set<string>();
  refs.forEach((ref, i) => {
    if (!ref.personId) return;
    if (seen.has(ref.personId)) check.add(`${prefix}.${i}.personId`, 'case.person_already_linked');
    seen.add(ref.personId);
  });
}

/** The registering unit: given (of the actor's institution) or the actor's own. */
export async function resolveRegisteringUnit(tx: Tx, ctx: Ctx, unitId: string | undefined) {
  const id = unitId ?? ctx.actor.unitId;
  if (!id) throw invalid({ unitId: 'required' });
  const [unit] = await tx.select().from(units).where(eq(units.id, id)).limit(1);
  if (!unit) throw invalid({ unitId: 'unit.not_found' });
  if (unit.institutionId !== ctx.actor.institutionId) throw invalid({ unitId: 'unit.wrong_institution' });
  return unit;
}

/** Whether a registration writes identifying data (a person's identity or the narrative): needs identity.write. */
export const writesIdentity = (input: CaseCreate) =>
  Boolean(input.narrative) || [...(input.victims ?? []), ...(input.suspects ?? [])].some((p) => p.person?.identity !== undefined);

/** The checks of a registration (its dates, countries, people and places), to be asserted against the database. */
export function checkCaseCreate(input: CaseCreate) {
  const check = new FieldCheck();
  checkCaseDates(check, input);
  check.countries((input.countries ?? []).map((code, i) => ({ code, field: `countries.${i}` })));
  (input.victims ?? []).forEach((v, i) => {
    checkPersonRef(check, v, `victims.${i}.`);
    checkVictimFields(check, v, `victims.${i}.`);
  });
  (input.suspects ?? []).forEach((s, i) => checkPersonRef(check, s, `suspects.${i}.`));
  (input.places ?? []).forEach((p, i) => checkPlace(check, p, `places.${i}.`));
  checkDistinctPersons(check, input.victims ?? [], 'victims');
  checkDistinctPersons(check, input.suspects ?? [], 'suspects');
  return check;
}
