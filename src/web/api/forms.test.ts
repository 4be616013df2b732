import { describe, expect, it } from 'vitest';
import { loginBody } from '../../contracts/auth';
import { caseCreate } from '../../contracts/cases';
import { addCatalogues, setupI18n } from '../i18n/setup';
import { spanishRest } from '../i18n/spanish-rest';
import { contractResolver } from './forms';

setupI18n('es');
addCatalogues('es', spanishRest); // every screen's texts, as the signed-in shell loads them
const options = { fields: {}, shouldUseNativeValidation: false } as never;

describe('contract resolver', () => {
  it('shows the same catalogue message as the server for a missing field', async () => {
    const result = await contractResolver(loginBody)({ username: '', password: 'x' }, undefined, options);
    expect((result.errors as Record<string, { message: string }>).username?.message).toBe('Debe tener al menos 1 caracteres.');
  });

  it('puts errors of nested contract paths on the nested form fields', async () => {
    const values = { source: 'complaint', reportedOn: '2026-13-01', victims: [{ person: { sex: 'female' }, ageYears: 300 }] };
    const result = await contractResolver(caseCreate)(values, undefined, options);
    const errors = result.errors as { reportedOn?: { message: string }; victims?: Array<{ ageYears?: { message: string } }> };
    expect(errors.reportedOn?.message).toBe('Escriba una fecha como 2026-03-08, 2026-03 o 2026.');
    expect(errors.victims?.[0]?.ageYears?.message).toBe('Debe ser como máximo 120.');
  });

  it('passes the form values through when valid, so the submit handler prepares them itself', async () => {
    const values = { username: ' ana ', password: 'secret' };
    const prepared = await contractResolver(loginBody, (v: typeof values) => v)(values, undefined, options);
    expect(prepared.values).toBe(values);
    const parsed = await contractResolver(loginBody)(values, undefined, options);
    expect(parsed.values).toEqual({ username: 'ana', password: 'secret' });
  });
});
