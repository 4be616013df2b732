import { randomInt } from 'node:crypto';
import { expect } from 'vitest';
import type { MadeUser } from '../../../test/factories';

/** A name no other test uses: letters only, since names are normalised to letters before hashing. */
export const word = () => Array.from({ length: 9 }, () => String.fromCharCode(65 + randomInt(26))).join('');
export const dni = () => String(randomInt(10_000_000, 99_999_999));

/** Registers a case with one victim through the case API; returns the case and the victim's person id. */
export async function registerVictim(user: MadeUser, person: Record<string, unknown>) {
  const created = await user.client.withReason('registering the complaint').post('/api/v1/cases', {
    source: 'complaint',
    reportedOn: '2026-01-15',
    acts: ['recruitment'],
    purposes: ['sexual_exploitation'],
    means: ['deception'],
    victims: [{ person: { sex: 'female', hasIdentityDocument: 'yes', nationalities: ['PER'], ...person }, consentToServices: true }],
  });
  expect(created.status).toBe(201);
  return { caseId: created.body.id as string, caseCode: created.body.code as string, personId: created.body.victims[0].personId as string };
}

/** The candidates of the review queue (of one status) that involve the person, as the user sees them. */
export async function candidatesFor(user: MadeUser, personId: string, status = 'pending') {
  const list = await user.client.get(`/api/v1/matching/candidates?status=${status}&pageSize=200`);
  expect(list.status).toBe(200);
  return list.body.items.filter((c: any) => c.own.personId === personId || c.other.personId === personId);
}
