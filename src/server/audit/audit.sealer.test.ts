import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, testDriver, type TestRegistry } from '../../../test/registry';
import { openDatabase, type Database } from '../../db/connect';
import { auditLog } from '../../db/schema';
import { systemCtx } from '../context';
import { UNSEALED } from './audit.hash';
import { AuditSealError, sealAuditLog } from './audit.sealer';
import { verifyAuditChain } from './audit.verify';
import { writeAudit } from './audit.writer';

let registry: TestRegistry;
let registrar: MadeUser;
beforeAll(async () => {
  registry = await createTestRegistry();
  registrar = await makeUser(registry, { roles: ['registrar'] });
});
afterAll(() => registry.close());

const register = () => registrar.client.post('/api/v1/cases', { source: 'complaint', reportedOn: '2026-03-01' });
const unsealedIds = async () => (await registry.deps.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.prevHash, UNSEALED)).orderBy(asc(auditLog.id))).map((r) => r.id);

describe('audit entries are appended unsealed and chained after commit', () => {
  it('a registration commits its entries unsealed; they verify as such, and sealing chains them in id order', async () => {
    await sealAuditLog(registry.deps.db);
    const created = await Promise.all(Array.from({ length: 6 }, register));
    expect(created.map((r) => r.status)).toEqual(Array(6).fill(201));
    // The app's own sealer may run meanwhile: look at one snapshot. Whatever is still unsealed is intact.
    const [before, left] = await registry.deps.db.transaction(
      async (tx) => [await verifyAuditChain(tx, { seal: false }), (await tx.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.prevHash, UNSEALED))).length] as const,
      testDriver() === 'postgres' ? { isolationLevel: 'repeatable read' } : undefined,
    );
    expect(before).toMatchObject({ ok: true, unsealed: left });

    const result = await sealAuditLog(registry.deps.db);
    expect(result.deferred).toBe(false);
    expect(await unsealedIds()).toEqual([]);
    const after = await verifyAuditChain(registry.deps.db, { seal: false });
    expect(after).toMatchObject({ ok: true, unsealed: 0 });
    expect(after.head.seq).toBe(after.entries);
    const rows = await registry.deps.db.select({ id: auditLog.id, seq: auditLog.seq }).from(auditLog).orderBy(asc(auditLog.id));
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1)); // chain order is id order
  });

  it('the database allows no change to an entry but sealing it, and sealing may not change its content', async () => {
    await registry.deps.db.transaction((tx) => writeAudit(tx, systemCtx(), { action: 'test.unsealed' }));
    const [row] = await registry.deps.db.select().from(auditLog).where(eq(auditLog.action, 'test.unsealed'));
    expect(row).toMatchObject({ prevHash: UNSEALED, seq: null });
    const attempts = [
      sql`update audit_log set action = 'test.changed' where id = ${row!.id}`,
      sql`update audit_log set seq = 999999, prev_hash = ${'a'.repeat(64)}, hash = ${'b'.repeat(64)}, details = '{"forged":true}' where id = ${row!.id}`,
      sql`delete from audit_log where id = ${row!.id}`,
    ];
    for (const attempt of attempts) await expect(registry.deps.db.execute(attempt)).rejects.toThrow();
    await sealAuditLog(registry.deps.db);
    const [sealed] = await registry.deps.db.select().from(auditLog).where(eq(auditLog.id, row!.id));
    expect(sealed!.seq).not.toBeNull();
    // Sealed once: the exception made for sealing does not apply again.
    await expect(registry.deps.db.execute(sql`update audit_log set seq = seq + 1000000, prev_hash = prev_hash, hash = hash where id = ${row!.id}`)).rejects.toThrow();
    expect(await verifyAuditChain(registry.deps.db)).toMatchObject({ ok: true });
  });

  it('an entry altered before it was chained is not chained: the sealer stops there and verify names it', async () => {
    await sealAuditLog(registry.deps.db);
    const [target, later] = await registry.deps.db.transaction(async (tx) => {
      await writeAudit(tx, systemCtx(), { action: 'test.to_alter' });
      await writeAudit(tx, systemCtx(), { action: 'test.after_altered' });
      // The app's sealer must not chain them before they are altered: alter in the same transaction.
      const rows = await tx.select().from(auditLog).where(eq(auditLog.prevHash, UNSEALED)).orderBy(asc(auditLog.id));
      await tx.execute(sql`alter table audit_log disable trigger user`);
      await tx.execute(sql`update audit_log set details = '{"forged":true}' where id = ${rows[0]!.id}`);
      await tx.execute(sql`alter table audit_log enable trigger user`);
      return rows;
    });
    await expect(sealAuditLog(registry.deps.db)).rejects.toBeInstanceOf(AuditSealError);
    expect(await unsealedIds()).toEqual([target!.id, later!.id]);
    expect(await verifyAuditChain(registry.deps.db)).toMatchObject({ ok: false, problem: 'hash_mismatch', brokenAtId: target!.id });
  });
});

// Needs two connections: on PGlite transactions already run one at a time.
describe.runIf(testDriver() === 'postgres')('the seal barrier', () => {
  it('waits for an audited transaction still open: entries committed after it are not chained ahead of it', async () => {
    const fresh = await createTestRegistry();
    try {
      const user = await makeUser(fresh, { roles: ['registrar'] });
      await sealAuditLog(fresh.deps.db);
      let release!: () => void;
      let written!: () => void;
      const isWritten = new Promise<void>((resolve) => (written = resolve));
      const open = fresh.deps.db.transaction(async (tx) => {
        await writeAudit(tx, systemCtx(), { action: 'test.slow_writer' }); // gets its id now, commits later
        written();
        await new Promise<void>((resolve) => (release = resolve));
      });
      await isWritten;
      const other = await user.client.post('/api/v1/cases', { source: 'complaint', reportedOn: '2026-03-01' });
      expect(other.status).toBe(201); // writers do not wait for each other
      expect(await sealAuditLog(fresh.deps.db, { waitMs: 100 })).toEqual({ sealed: 0, deferred: true });
      release();
      await open;
      expect(await sealAuditLog(fresh.deps.db)).toMatchObject({ deferred: false }); // (or the app's sealer did it first)
      const rows = await fresh.deps.db.select({ id: auditLog.id, seq: auditLog.seq, action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.id));
      const slow = rows.findIndex((r) => r.action === 'test.slow_writer');
      const registered = rows.findIndex((r) => r.action === 'case.create');
      expect(slow).toBeLessThan(registered); // its id came first, so does its place in the chain
      expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
      expect(await verifyAuditChain(fresh.deps.db, { seal: false })).toMatchObject({ ok: true, unsealed: 0 });
    } finally {
      await fresh.close();
    }
  });

  it('two instances writing and sealing at once on one database keep one chain, in id order', async () => {
    const fresh = await createTestRegistry();
    const second = await openDatabase({ databaseUrl: fresh.deps.database.connectionUrl!, poolSize: 4 });
    try {
      const write = (db: Database['db'], i: number) => db.transaction((tx) => writeAudit(tx, systemCtx(`instance-${i}`), { action: 'test.two_instances', details: { i } }));
      await Promise.all(
        Array.from({ length: 40 }, (_, i) => (async () => {
          const db = i % 2 ? second.db : fresh.deps.db;
          await write(db, i);
          if (i % 5 === 0) await sealAuditLog(db);
        })()),
      );
      await Promise.all([sealAuditLog(fresh.deps.db), sealAuditLog(second.db)]);
      await sealAuditLog(fresh.deps.db);
      const verified = await verifyAuditChain(second.db, { seal: false });
      expect(verified).toMatchObject({ ok: true, unsealed: 0 });
      expect(verified.head.seq).toBe(verified.entries);
      const rows = await fresh.deps.db.select({ seq: auditLog.seq }).from(auditLog).orderBy(asc(auditLog.id));
      expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    } finally {
      await second.close();
      await fresh.close();
    }
  });
});
