import { describe, expect, it } from 'vitest';
import { suspectLabel } from './suspect-label';

const labels: Record<string, string> = { 'sexes.male': 'Hombre', 'sexes.unknown': 'Desconocido', 'suspectRoles.recruiter': 'Captador', 'suspectRoles.exploiter': 'Explotador' };
const code = (list: string, value: string) => labels[`${list}.${value}`] ?? value;

describe('a suspect without identity', () => {
  it('reads as number · sex · age · roles, leaving out what is not known', () => {
    expect(suspectLabel(1, { person: { sex: 'male', birthYear: 1991 }, roles: ['recruiter'] }, code, 2026)).toBe('PT1 · hombre · 35 · captador');
    expect(suspectLabel(2, { person: { sex: 'unknown', birthYear: null }, roles: ['recruiter', 'exploiter'] }, code, 2026)).toBe('PT2 · captador · explotador');
    expect(suspectLabel(3, { person: { sex: null, birthYear: null }, roles: [] }, code, 2026)).toBe('PT3');
  });
});
