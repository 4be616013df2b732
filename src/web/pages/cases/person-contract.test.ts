import { describe, expect, it } from 'vitest';
import type { ResolverOptions } from 'react-hook-form';
import { contractResolver } from '../../api/forms';
import { emptyCase, emptySuspect, emptyVictim, type CaseFormValues } from './case-form';
import { personContract, preparePerson } from './person-contract';

const options = { shouldUseNativeValidation: false, fields: {} } as ResolverOptions<CaseFormValues>;
const withVictim = (ageYears: number | string): CaseFormValues => {
  const victim = emptyVictim();
  victim.ageMode = 'exact';
  victim.ageYears = ageYears;
  return { ...emptyCase(), victims: [victim], suspects: [] };
};

describe('adding one person to a case: its contract at the form’s own paths', () => {
  const resolve = (kind: 'victim' | 'suspect', values: CaseFormValues) => contractResolver<CaseFormValues>(personContract[kind], preparePerson(kind, false))(values, undefined, options);

  it('a victim the contract refuses gets the message on the form’s victims.0 field', async () => {
    const result = await resolve('victim', withVictim(200));
    expect(Object.keys(result.errors)).toEqual(['victims']);
    const victims = result.errors.victims as unknown as Array<{ ageYears?: { message?: string } }>;
    expect(victims[0]?.ageYears?.message).toBeTruthy();
  });

  it('a victim and a suspect the contract accepts pass, and the submit gets the form’s own values', async () => {
    const victim = withVictim(16);
    expect(await resolve('victim', victim)).toEqual({ values: victim, errors: {} });
    const suspect = { ...emptyCase(), victims: [], suspects: [emptySuspect()] };
    expect((await resolve('suspect', suspect)).errors).toEqual({});
  });
});
