import { desc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { auditLog } from '../../db/schema';
import { verifyAuditChain } from './audit.verify';

let registry: TestRegistry;
beforeAll(async () => {
  registry = await createTestRegistry();
});
afterAll(() => registry.close());

describe('tamper evidence', () => {
  it('detects one changed byte in an audit row written by a case registration', async () => {
    const registrar = await makeUser(registry, { roles: ['registrar'] });
    const created = await registrar.client.post('/api/v1/cases', { source: 'complaint', reportedOn: '2026-01-01' });
    expect(created.status).toBe(201);
    await registrar.client.get(`/api/v1/cases/${created.body.id}`);
    expect(await verifyAuditChain(registry.deps.db)).toMatchObject({ ok: true });

    const [target] = await registry.deps.db.select().from(auditLog).where(sql`${auditLog.action} = 'case.create'`).orderBy(desc(auditLog.id)).limit(1);
    // The append-only trigger refuses updates; someone with database access can switch it off.
    await registry.deps.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger user`);
      await tx.execute(sql`update audit_log set action = 'case.creatf' where id = ${target!.id}`);
      await tx.execute(sql`alter table audit_log enable trigger user`);
    });
    const result = await verifyAuditChain(registry.deps.db);
    expect(result).toMatchObject({ ok: false, brokenAtId: target!.id, problem: 'hash_mismatch' });
  });

  it('the trigger refuses an ordinary update', async () => {
    await expect(registry.deps.db.execute(sql`update audit_log set action = 'x' where id = (select min(id) from audit_log)`)).rejects.toThrow();
  });
});
