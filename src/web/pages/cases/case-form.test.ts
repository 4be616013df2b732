import { describe, expect, it } from 'vitest';
import { caseCreate } from '../../../contracts/cases';
import { ageGroupOf } from '../../../core/age';
import { emptyCase, emptySuspect, emptyVictim, toCaseCreate, victimAge, type CaseFormValues } from './case-form';

const filled = (): CaseFormValues => {
  const values = emptyCase();
  values.source = 'complaint';
  values.reportedOn = '2026-02-01';
  values.factsDateFrom = '2025-12-03';
  values.acts = ['recruitment'];
  values.purposes = ['sexual_exploitation'];
  values.places = [{ kind: 'exploitation', abroad: false, ubigeo: '1701', country: null }, { kind: 'recruitment', abroad: true, ubigeo: '15', country: 'BOL' }];
  const victim = emptyVictim();
  victim.ageMode = 'estimated';
  victim.ageYears = 16;
  victim.person.hasIdentityDocument = 'no';
  victim.person.identity = { givenNames: ' Rosa ', familyNames: '', document: { type: 'dni', number: '123' }, birthDate: '', address: '' };
  values.victims = [victim];
  values.suspects = [emptySuspect()];
  return values;
};

describe('the registration form → the API body', () => {
  it('produces a body the server contract accepts', () => {
    const body = toCaseCreate(filled(), true);
    expect(caseCreate.safeParse(body).success).toBe(true);
  });

  it('an exact date of the facts is both ends of the range; an approximate one keeps its precision', () => {
    expect(toCaseCreate(filled(), true)).toMatchObject({ factsDateFrom: '2025-12-03', factsDateTo: '2025-12-03' });
    const approximate = { ...filled(), factsPrecision: 'approximate' as const, factsDateFrom: '2025-11', factsDateTo: '2026' };
    expect(toCaseCreate(approximate, true)).toMatchObject({ factsDateFrom: '2025-11', factsDateTo: '2026' });
  });

  it('"no document" drops the document; identity and narrative are left out for roles without identity.write', () => {
    const withIdentity = toCaseCreate(filled(), true);
    expect(withIdentity.victims![0]!.person!.identity).toEqual({ givenNames: 'Rosa', familyNames: undefined, document: undefined, birthDate: undefined, address: undefined });
    const without = toCaseCreate({ ...filled(), narrative: 'secret' }, false);
    expect(without.victims![0]!.person!.identity).toBeUndefined();
    expect(without.narrative).toBeUndefined();
  });

  it('a place abroad carries its country and marks the case international; a place in Peru its UBIGEO', () => {
    const body = toCaseCreate(filled(), true);
    expect(body.places).toEqual([{ kind: 'exploitation', ubigeo: '1701', country: 'PER' }, { kind: 'recruitment', ubigeo: undefined, country: 'BOL' }]);
    expect(body.isInternational).toBe(true);
  });

  it('an estimated age is sent as estimated and reads as a presumed child', () => {
    const victim = filled().victims[0]!;
    expect(toCaseCreate(filled(), true).victims![0]).toMatchObject({ ageYears: 16, ageEstimated: true, ageVerified: false });
    expect(ageGroupOf(victimAge(victim))).toBe('presumed_child');
    expect(ageGroupOf(victimAge({ ...victim, ageMode: 'exact', ageYears: 25, ageVerified: true }))).toBe('adult');
    expect(ageGroupOf(victimAge({ ...victim, ageMode: 'unknown' }))).toBe('presumed_child');
  });

  it('a missing source is reported on the field with the catalogue message', () => {
    const result = caseCreate.safeParse(toCaseCreate({ ...filled(), source: null }, true));
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['source']);
  });

  it('the pre-filled exploitation place alone is optional; a place that says where, or another kind, is sent', () => {
    const untouched = { ...filled(), places: [{ kind: 'exploitation', abroad: false, ubigeo: null, country: null }] };
    const body = toCaseCreate(untouched, true);
    expect(body.places).toEqual([]);
    expect(caseCreate.safeParse(body).success).toBe(true);
    expect(toCaseCreate({ ...filled(), places: [{ kind: 'transit', abroad: false, ubigeo: null, country: null }] }, true).places).toHaveLength(1);
  });

  it('the victim’s origin, languages, education, disability and residence reach the API in its own fields', () => {
    const values = filled();
    Object.assign(values.victims[0]!.person, { originUbigeo: '170101', indigenousPeople: ' Shipibo-Konibo ', nativeLanguage: 'Shipibo', education: 'isced_1', disability: 'yes' });
    values.victims[0]!.person.identity.address = ' Jr. Lima 123 ';
    const person = toCaseCreate(values, true).victims![0]!.person!;
    expect(person).toMatchObject({ originUbigeo: '170101', originCountry: 'PER', indigenousPeople: 'Shipibo-Konibo', nativeLanguage: 'Shipibo', education: 'isced_1', disability: true });
    expect(person.identity).toMatchObject({ address: 'Jr. Lima 123' });
    values.victims[0]!.person.originAbroad = true;
    values.victims[0]!.person.originCountry = 'VEN';
    expect(toCaseCreate(values, true).victims![0]!.person).toMatchObject({ originUbigeo: undefined, originCountry: 'VEN' });
    expect(caseCreate.safeParse(toCaseCreate(values, true)).success).toBe(true);
    // A draft saved before these fields existed still makes a valid body.
    const old = filled();
    const { originAbroad: _a, originUbigeo: _u, originCountry: _c, indigenousPeople: _i, nativeLanguage: _n, education: _e, disability: _d, ...person0 } = old.victims[0]!.person;
    old.victims[0]!.person = person0 as never;
    expect(caseCreate.safeParse(toCaseCreate(old, true)).success).toBe(true);
  });
});
