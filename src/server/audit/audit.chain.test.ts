import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { TransactionRollbackError } from 'drizzle-orm/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import type { Tx } from '../../db/connect';
import { auditLog, systemSettings } from '../../db/schema';
import { systemCtx } from '../context';
import { checkpointsOf, loadSigningKey, makeAnchor, readAnchors, type SigningKey } from './audit.anchor';
import { canonicalJson } from '../../core/canonical-json';
import { GENESIS_HASH, keyedAuditHash, legacyAuditHash, storedAuditContent } from './audit.hash';
import { prepareAuditChain } from './audit.prepare';
import type { AuditRow } from './audit.repository';
import { verifyAuditChain, type ChainCheckpoint } from './audit.verify';
import { writeAudit } from './audit.writer';

let registry: TestRegistry;
let registrar: MadeUser;
let signing: SigningKey;
let anchors: ChainCheckpoint[];

beforeAll(async () => {
  registry = await createTestRegistry();
  registrar = await makeUser(registry, { roles: ['registrar'] });
  const prosecutor = await makeUser(registry, { roles: ['prosecutor'] });
  for (let i = 0; i < 3; i++) expect((await registrar.client.post('/api/v1/cases', { source: 'complaint', reportedOn: '2026-01-0' + (i + 1) })).status).toBe(201);
  await prosecutor.client.get('/api/v1/cases');
  signing = loadSigningKey(join(mkdtempSync(join(tmpdir(), 'reta-anchor-')), 'signing.key'));
  const anchor = await makeAnchor(registry.deps.db, signing);
  anchors = checkpointsOf([anchor], new Map([[signing.keyId, signing.publicKey]]));
});
afterAll(() => registry.close());

/**
 * Tampering is done on a private copy of the log: a transaction that is rolled back afterwards, so
 * each kind starts from the same intact log (and the database of this file stays intact).
 */
async function onCopy<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  let result!: T;
  try {
    await registry.deps.db.transaction(async (tx) => {
      result = await work(tx);
      tx.rollback();
    });
  } catch (error) {
    if (!(error instanceof TransactionRollbackError)) throw error;
  }
  return result;
}

/** What someone with database access can do: switch the append-only triggers off as the table owner. */
async function asOwner(tx: Tx, change: () => Promise<unknown>) {
  await tx.execute(sql`alter table audit_log disable trigger user`);
  await change();
  await tx.execute(sql`alter table audit_log enable trigger user`);
}

const allRows = (tx: Tx) => tx.select().from(auditLog).orderBy(asc(auditLog.id));
const caseCreateRow = async (tx: Tx) => (await tx.select().from(auditLog).where(eq(auditLog.action, 'case.create')).orderBy(asc(auditLog.id)).limit(1))[0]!;

/** A plain SHA-256 over the same canonical material, made without the audit key (what the old chain was). */
const plainHash = (row: AuditRow, prevHash: string) =>
  createHash('sha256').update(canonicalJson({ v: 2, seq: row.seq, ...storedAuditContent(row), at: row.at.toISOString(), prevHash })).digest('hex');

/** Rewrites `fromId` and every later row so that each links to the one before, hashed by `hashOf`. */
async function relinkFrom(tx: Tx, fromId: number, hashOf: (row: AuditRow, prevHash: string) => string) {
  const rows = await allRows(tx);
  let prev = rows.filter((r) => r.id < fromId).at(-1)?.hash ?? GENESIS_HASH;
  for (const row of rows.filter((r) => r.id >= fromId)) {
    const hash = hashOf(row, prev);
    await tx.update(auditLog).set({ prevHash: prev, hash }).where(eq(auditLog.id, row.id));
    prev = hash;
  }
}

describe('the keyed chain and its anchors', () => {
  it('an untouched log verifies, against its anchor too; not under another key, nor against an altered anchor', async () => {
    const intact = await verifyAuditChain(registry.deps.db, { anchors });
    expect(intact).toMatchObject({ ok: true, legacyEntries: 0, anchorsChecked: 1 });
    expect(intact.head.seq).toBe(anchors[0]!.seq);
    expect(await verifyAuditChain(registry.deps.db, { key: randomBytes(32) })).toMatchObject({ ok: false, problem: 'hash_mismatch' });

    const [anchor] = readAnchors(JSON.stringify(await makeAnchor(registry.deps.db, signing)));
    const keys = new Map([[signing.keyId, signing.publicKey]]);
    expect(() => checkpointsOf([{ ...anchor!, seq: anchor!.seq + 5 }], keys)).toThrow(/signature/);
    expect(() => checkpointsOf([{ ...anchor!, head: 'f'.repeat(64) }], keys)).toThrow(/signature/);
    const stranger = loadSigningKey(join(mkdtempSync(join(tmpdir(), 'reta-anchor-')), 'other.key'));
    expect(() => checkpointsOf([anchor!], new Map([[stranger.keyId, stranger.publicKey]]))).toThrow(/signed with key/);
  });

  it('1. deleting the last entries: invisible without an anchor, detected against it', async () => {
    const [without, against] = await onCopy(async (tx) => {
      await asOwner(tx, () => tx.execute(sql`delete from audit_log where id in (select id from audit_log order by id desc limit 2)`));
      return [await verifyAuditChain(tx), await verifyAuditChain(tx, { anchors })];
    });
    expect(without).toMatchObject({ ok: true }); // a shorter log is still a consistent log: that is what anchors are for
    expect(against).toMatchObject({ ok: false, problem: 'anchor_truncated', anchor: anchors[0] });
    expect(against.head.seq).toBe(anchors[0]!.seq - 2);
  });

  it('2. TRUNCATE is refused by the trigger; a truncate done anyway is detected, even after a restart started a new chain', async () => {
    const refused = await registry.deps.db.execute(sql`truncate audit_log`).then(() => undefined, (error: Error) => error);
    expect(String((refused?.cause as Error | undefined)?.message ?? refused?.message)).toMatch(/append-only/);
    expect(await verifyAuditChain(registry.deps.db, { anchors })).toMatchObject({ ok: true });

    const [emptied, restarted, restartedAgainstAnchor] = await onCopy(async (tx) => {
      await asOwner(tx, () => tx.execute(sql`truncate audit_log`));
      const emptied = await verifyAuditChain(tx, { anchors });
      // The next start finds no keyed entry and starts the chain again; activity follows.
      await prepareAuditChain(tx, registry.config);
      await writeAudit(tx, systemCtx(), { action: 'test.after_restart' });
      return [emptied, await verifyAuditChain(tx), await verifyAuditChain(tx, { anchors })];
    });
    expect(emptied).toMatchObject({ ok: false, problem: 'anchor_truncated', entries: 0 });
    expect(restarted).toMatchObject({ ok: false, problem: 'chain_restarted' });
    expect(restartedAgainstAnchor).toMatchObject({ ok: false, problem: 'anchor_truncated' });

    // Even when the key check is removed too, so that the new chain looks like a first start, the anchor tells.
    const [fresh, freshAgainstAnchor] = await onCopy(async (tx) => {
      await asOwner(tx, () => tx.execute(sql`truncate audit_log`));
      await tx.delete(systemSettings).where(eq(systemSettings.key, 'audit_key_check'));
      await prepareAuditChain(tx, registry.config);
      for (let i = 0; i < anchors[0]!.seq + 3; i++) await writeAudit(tx, systemCtx(), { action: 'test.after_restart' });
      return [await verifyAuditChain(tx), await verifyAuditChain(tx, { anchors })];
    });
    expect(fresh).toMatchObject({ ok: true });
    expect(freshAgainstAnchor).toMatchObject({ ok: false, problem: 'anchor_mismatch', anchor: anchors[0] });
  });

  it('3. editing an entry and recomputing every following plain SHA-256 hash', async () => {
    const [result, target] = await onCopy(async (tx) => {
      const target = await caseCreateRow(tx);
      await asOwner(tx, async () => {
        await tx.update(auditLog).set({ action: 'case.view' }).where(eq(auditLog.id, target.id));
        await relinkFrom(tx, target.id, plainHash);
      });
      return [await verifyAuditChain(tx), target] as const;
    });
    expect(result).toMatchObject({ ok: false, problem: 'hash_mismatch', brokenAtId: target.id });
  });

  it('4. editing an entry with a hash recomputed without the audit key: the old plain hash, or an HMAC under a key of ones own', async () => {
    const attackerKey = randomBytes(32);
    const kinds = {
      legacy: (row: AuditRow, prevHash: string) => legacyAuditHash({ ...storedAuditContent(row), prevHash }),
      otherKey: (row: AuditRow, prevHash: string) => keyedAuditHash(attackerKey, { ...storedAuditContent(row), seq: row.seq!, prevHash }),
    };
    for (const [kind, hashOf] of Object.entries(kinds)) {
      const [onlyThatRow, wholeTail, target] = await onCopy(async (tx) => {
        const target = await caseCreateRow(tx);
        await asOwner(tx, async () => {
          await tx.update(auditLog).set({ details: { forged: true } }).where(eq(auditLog.id, target.id));
          const [row] = await tx.select().from(auditLog).where(eq(auditLog.id, target.id));
          await tx.update(auditLog).set({ hash: hashOf(row!, row!.prevHash) }).where(eq(auditLog.id, target.id));
        });
        const onlyThatRow = await verifyAuditChain(tx);
        await asOwner(tx, () => relinkFrom(tx, target.id, hashOf));
        return [onlyThatRow, await verifyAuditChain(tx), target] as const;
      });
      expect(onlyThatRow, kind).toMatchObject({ ok: false, problem: 'hash_mismatch', brokenAtId: target.id });
      expect(wholeTail, kind).toMatchObject({ ok: false, problem: 'hash_mismatch', brokenAtId: target.id });
    }
  });

  it('5. appending a forged entry: keyed-looking with a plain hash, or in the old unkeyed format (no trigger needs switching off)', async () => {
    const forge = (format: 'keyed' | 'unkeyed') =>
      onCopy(async (tx) => {
        const [head] = await tx.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
        const content = { ...storedAuditContent(head!), action: 'user.delete', details: { note: 'nothing happened' } };
        const forged = { ...content, seq: format === 'keyed' ? head!.seq! + 1 : null, prevHash: head!.hash };
        const hash = format === 'keyed' ? plainHash(forged as AuditRow, head!.hash) : legacyAuditHash(forged);
        const [row] = await tx.insert(auditLog).values({ ...forged, hash }).returning({ id: auditLog.id });
        return [await verifyAuditChain(tx), row!.id] as const;
      });
    const [keyedLooking, keyedId] = await forge('keyed');
    expect(keyedLooking).toMatchObject({ ok: false, problem: 'hash_mismatch', brokenAtId: keyedId });
    const [unkeyed, unkeyedId] = await forge('unkeyed');
    expect(unkeyed).toMatchObject({ ok: false, problem: 'unkeyed_entry', brokenAtId: unkeyedId });
  });

  it('6. deleting an entry in the middle, or swapping two entries', async () => {
    const [deleted, next] = await onCopy(async (tx) => {
      const target = await caseCreateRow(tx);
      const [after] = await tx.select().from(auditLog).where(sql`${auditLog.id} > ${target.id}`).orderBy(asc(auditLog.id)).limit(1);
      await asOwner(tx, () => tx.delete(auditLog).where(eq(auditLog.id, target.id)));
      return [await verifyAuditChain(tx), after!.id] as const;
    });
    expect(deleted).toMatchObject({ ok: false, problem: 'chain_broken', brokenAtId: next });

    const [swapped, firstId] = await onCopy(async (tx) => {
      const target = await caseCreateRow(tx);
      const [a, b] = await tx.select().from(auditLog).where(sql`${auditLog.id} >= ${target.id}`).orderBy(asc(auditLog.id)).limit(2);
      const { id: _a, ...contentA } = a!;
      const { id: _b, ...contentB } = b!;
      await asOwner(tx, async () => {
        await tx.update(auditLog).set({ ...contentB, seq: null }).where(eq(auditLog.id, a!.id));
        await tx.update(auditLog).set(contentA).where(eq(auditLog.id, b!.id));
        await tx.update(auditLog).set({ seq: contentB.seq }).where(eq(auditLog.id, a!.id));
      });
      return [await verifyAuditChain(tx), a!.id] as const;
    });
    expect(swapped).toMatchObject({ ok: false, problem: 'chain_broken', brokenAtId: firstId });
  });
});

describe('a database from before the keyed chain', () => {
  it('keeps its old rows verifiable, and the first keyed entry seals them: rewriting them is detected', async () => {
    const [migrated, marker, rewritten, edited, legacyIds] = await onCopy(async (tx) => {
      // The old writer's rows (plain SHA-256, no position), as a database migrated from e204944 holds them.
      await asOwner(tx, () => tx.execute(sql`delete from audit_log`));
      await tx.delete(systemSettings).where(eq(systemSettings.key, 'audit_key_check'));
      let prevHash = GENESIS_HASH;
      const legacyIds: number[] = [];
      for (const action of ['user.create', 'case.create', 'case.view']) {
        const content = storedAuditContent({ at: new Date(), actorId: null, actorName: 'system', institutionId: null, action, entityType: null, entityId: null, reason: null, requestId: 'old', ip: null, details: { n: legacyIds.length } });
        const hash = legacyAuditHash({ ...content, prevHash });
        const [row] = await tx.insert(auditLog).values({ ...content, prevHash, hash, seq: null }).returning({ id: auditLog.id });
        legacyIds.push(row!.id);
        prevHash = hash;
      }
      await prepareAuditChain(tx, registry.config); // the first start after the migration
      await writeAudit(tx, systemCtx(), { action: 'case.view' });
      const migrated = await verifyAuditChain(tx);
      const [marker] = await tx.select().from(auditLog).where(eq(auditLog.seq, 1));

      await asOwner(tx, async () => {
        await tx.update(auditLog).set({ action: 'case.delete' }).where(eq(auditLog.id, legacyIds[1]!));
        await relinkFrom(tx, legacyIds[1]!, (row, prev) => (row.seq === null ? legacyAuditHash({ ...storedAuditContent(row), prevHash: prev }) : row.hash));
      });
      const rewritten = await verifyAuditChain(tx);
      await asOwner(tx, () => tx.update(auditLog).set({ action: 'case.view' }).where(eq(auditLog.id, legacyIds[0]!)));
      return [migrated, marker!, rewritten, await verifyAuditChain(tx), legacyIds] as const;
    });
    expect(migrated).toMatchObject({ ok: true, legacyEntries: 3, head: { seq: 2 } });
    expect(marker).toMatchObject({ action: 'audit.chain_keyed', details: { legacyEntries: 3 } });
    // The legacy rows were re-hashed consistently and the marker relinked, but its keyed hash covers the old head.
    expect(rewritten).toMatchObject({ ok: false, problem: 'hash_mismatch', brokenAtId: marker.id });
    expect(edited).toMatchObject({ ok: false, problem: 'hash_mismatch', brokenAtId: legacyIds[0] });
  });

  it('start-up refuses another audit key, or none, once the log is keyed', async () => {
    await expect(prepareAuditChain(registry.deps.db, { auditKey: randomBytes(32).toString('base64'), auditKeyFile: '/nonexistent' })).rejects.toThrow(/not the key this audit log was written with/);
    await expect(prepareAuditChain(registry.deps.db, { auditKey: undefined, auditKeyFile: join(tmpdir(), `missing-${randomBytes(4).toString('hex')}.key`) })).rejects.toThrow(/No audit key/);
    await expect(prepareAuditChain(registry.deps.db, registry.config)).resolves.toBeDefined();
  });
});

describe('entries are hashed exactly as stored', () => {
  it('lone surrogates, dates, key order, undefined, NaN and large numbers in an entry still verify after the round trip', async () => {
    const ctx = { ...systemCtx('req-\udfff'), ip: '203.0.113.9', actor: { ...systemCtx().actor, username: 'ana\ud800' } };
    await registry.deps.db.transaction((tx) =>
      writeAudit(tx, ctx, {
        action: 'test.hostile',
        entityId: 'e\udc00',
        reason: 'r\ud800x',
        details: { z: 1, a: { y: new Date('2026-03-08T10:11:12.345Z'), x: [1, undefined, Number.NaN, -0] }, ['k\ud800']: 'v\udc00', big: 1e21, tiny: 5e-324, huge: 1.7976931348623157e308, text: '\u2028 é 😀 "q" \\' },
      }),
    );
    const [row] = await registry.deps.db.select().from(auditLog).where(eq(auditLog.action, 'test.hostile'));
    expect(row).toMatchObject({ actorName: 'ana\ufffd', requestId: 'req-\ufffd', entityId: 'e\ufffd', reason: 'r\ufffdx' });
    expect(row!.details).toMatchObject({ a: { y: '2026-03-08T10:11:12.345Z', x: [1, null, null, 0] }, ['k\ufffd']: 'v\ufffd', big: 1e21 });
    expect(await verifyAuditChain(registry.deps.db, { anchors })).toMatchObject({ ok: true });
  });

  it('concurrent registrations by several users chain without forks', async () => {
    const other = await makeUser(registry, { roles: ['registrar'] });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? registrar : other).client.post('/api/v1/cases', { source: 'complaint', reportedOn: '2026-02-01' })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
    const verified = await verifyAuditChain(registry.deps.db, { anchors });
    expect(verified).toMatchObject({ ok: true });
    expect(verified.head.seq).toBe(verified.entries);
  });
});
