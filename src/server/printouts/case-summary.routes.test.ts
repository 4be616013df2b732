import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { auditLog } from '../../db/schema';
import { caseSummaryDocument } from './case-summary.pdf';

let registry: TestRegistry;
beforeAll(async () => {
  registry = await createTestRegistry({ logLevel: 'error' });
});
afterAll(() => registry.close());

const audits = (action: string, entityId: string) => registry.deps.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId))).orderBy(auditLog.id);
const print = { locale: 'es' as const, printedBy: 'Ana Torres', printedAt: new Date('2026-03-01T10:00:00Z'), demoMode: false };

describe('the printable case summary', () => {
  it('prints what the reader may see: identities only with a stated reason, every print audited, nothing for another institution', async () => {
    const police = await makeUser(registry, { roles: ['investigator'] });
    const stranger = await makeUser(registry, { roles: ['investigator'] });
    const registered = await police.client.post('/api/v1/cases', {
      source: 'complaint', reportedOn: '2026-02-01', factsDateFrom: '2026-01', acts: ['recruitment'], means: ['deception'], purposes: ['forced_labour'],
      victims: [{ person: { sex: 'female', nationalities: ['PER'], identity: { givenNames: 'Flor', familyNames: 'Condori', document: { type: 'dni', number: '44556677' } } }, ageYears: 15, ageVerified: true }],
      suspects: [{ person: { sex: 'male', identity: { givenNames: 'Julio', familyNames: 'Ramos' } }, roles: ['recruiter'] }],
      places: [{ kind: 'exploitation', ubigeo: '17' }],
    });
    expect(registered.status).toBe(201);
    const id = registered.body.id as string;

    const plain = await police.client.get(`/api/v1/cases/${id}/summary.pdf`);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-type']).toBe('application/pdf');
    expect(plain.headers['cache-control']).toBe('no-store');
    expect(String(plain.body).slice(0, 5)).toBe('%PDF-');
    expect((await audits('case.print', id)).map((a) => a.details)).toEqual([{ identityShown: false }]);

    const withReason = await police.client.withReason('preparing the hearing').get(`/api/v1/cases/${id}/summary.pdf`);
    expect(withReason.status).toBe(200);
    const prints = await audits('case.print', id);
    expect(prints.map((a) => a.details)).toContainEqual({ identityShown: true });
    expect(prints.find((a) => (a.details as { identityShown: boolean }).identityShown)!.reason).toMatch(/preparing the hearing/);
    expect((await audits('identity.read', id)).length).toBeGreaterThan(0);

    expect((await stranger.client.get(`/api/v1/cases/${id}/summary.pdf`)).status).toBe(404);
    expect(await audits('case.print', id)).toHaveLength(2);

    // The document is built from the reader's view: a view without identity prints none.
    const viewWithout = (await police.client.get(`/api/v1/cases/${id}`)).body;
    const viewWith = (await police.client.withReason('preparing the hearing').get(`/api/v1/cases/${id}`)).body;
    const without = JSON.stringify(caseSummaryDocument(viewWithout, print));
    const withIdentity = JSON.stringify(caseSummaryDocument(viewWith, print));
    for (const secret of ['Condori', '44556677', 'Ramos']) {
      expect(without).not.toContain(secret);
      expect(withIdentity).toContain(secret);
    }
    expect(without).toContain('No se muestran identidades');
    expect(without).toContain('Trabajo forzoso');
    expect(without).toContain('PT1');
    expect(without).not.toMatch(/forced_labour|recruiter|complaint/);
  });
});
