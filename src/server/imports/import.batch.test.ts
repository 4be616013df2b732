import { randomBytes } from 'node:crypto';
import { and, eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { auditLog, casePlaces, cases, caseVictims, changeLog, persons } from '../../db/schema';
import { loadActor } from '../auth/actor';
import { createCaseUpserts } from '../cases/case-upserts';
import type { Ctx } from '../context';
import { createJobRunner } from '../jobs/job.runner';
import { createImportBatches, type RowOutcome } from './import.batch';
import { createImportJobHandler, type ImportResult } from './import.job';
import { createImportService, IMPORT_JOB } from './import.service';

/**
 * Issue 12: the import's batched write path gives what the one-record path (PUT …/by-external-id, record by
 * record) gives — the same records, audit entries and change-feed entries — and a bad row in a batch is refused
 * alone.
 */
let registry: TestRegistry;
let registrar: MadeUser;
let ctx: Ctx;
beforeAll(async () => {
  registry = await createTestRegistry();
  registrar = await makeUser(registry, { roles: ['registrar'] });
  ctx = { actor: (await loadActor(registry.deps.db, registrar.id))!, requestId: 'test', locale: 'en' };
}, 120_000);
afterAll(() => registry.close());

const tag = () => randomBytes(3).toString('hex');
const N = 160;

const caseBody = (i: number) => ({ source: 'complaint', reportedOn: '2026-01-10', acts: ['recruitment'], purposes: i % 3 ? ['forced_labour'] : ['sexual_exploitation'], isInternational: false });
const victimBody = (caseExternalId: string, i: number) => ({ caseExternalId, person: { sex: i % 2 ? 'male' : 'female' }, ageYears: 15 + (i % 30), exploitationForms: ['forced_labour'] });
const placeOf = (i: number) => (i % 4 === 0 ? [{ kind: 'exploitation', ubigeo: '15' }] : []);

function ndjson(prefix: string) {
  const lines: unknown[] = [];
  for (let i = 0; i < N; i++) lines.push({ entity: 'cases', externalId: `${prefix}C-${i}`, ...caseBody(i) });
  for (let i = 0; i < N; i++) for (const p of placeOf(i)) lines.push({ entity: 'places', caseExternalId: `${prefix}C-${i}`, ...p });
  for (let i = 0; i < N; i++) {
    const { person, ...rest } = victimBody(`${prefix}C-${i}`, i);
    lines.push({ entity: 'victims', externalId: `${prefix}V-${i}`, ...rest, ...person });
  }
  return Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n'));
}

async function importFile(file: Buffer) {
  const job = await createImportService(registry.deps).start(ctx, file, { fileName: 'batch.ndjson' });
  await createJobRunner(registry.deps, { [IMPORT_JOB]: createImportJobHandler(registry.deps) }).drain();
  const done = await createImportService(registry.deps).get(ctx, job.id);
  expect(done.status, JSON.stringify(done.error)).toBe('done');
  return done.result as ImportResult;
}

/** Everything the registry holds about one side's records, in a form that does not depend on ids or prefixes. */
async function snapshot(prefix: string) {
  const { db } = registry.deps;
  const caseRows = await db.select().from(cases).where(and(eq(cases.registeredByInstitutionId, registrar.institutionId), like(cases.externalId, `${prefix}C-%`)));
  const personRows = await db.select().from(persons).where(and(eq(persons.createdByInstitutionId, registrar.institutionId), like(persons.externalId, `${prefix}V-%`)));
  const caseIds = caseRows.map((c) => c.id);
  const links = await db.select().from(caseVictims).where(inArray(caseVictims.caseId, caseIds));
  const places = await db.select().from(casePlaces).where(inArray(casePlaces.caseId, caseIds));
  const strip = (id: string | null) => id!.slice(prefix.length);
  const byCase = new Map(caseRows.map((c) => [c.id, strip(c.externalId)]));
  const byPerson = new Map(personRows.map((p) => [p.id, strip(p.externalId)]));
  const records = {
    cases: caseRows.map((c) => ({ ext: strip(c.externalId), source: c.source, reportedOn: c.reportedOn, acts: c.acts, purposes: c.purposes, version: c.version, synced: c.syncedVersion, hashed: Boolean(c.requestHash), code: /^RETA-\d{4}-\d{6}$/.test(c.code), department: c.departmentCode, unit: c.unitId, registeredBy: c.registeredBy })).sort((a, b) => a.ext.localeCompare(b.ext)),
    persons: personRows.map((p) => ({ ext: strip(p.externalId), sex: p.sex, birthYear: p.birthYear, version: p.version, hashed: Boolean(p.requestHash) })).sort((a, b) => a.ext.localeCompare(b.ext)),
    victims: links.map((l) => ({ case: byCase.get(l.caseId), person: byPerson.get(l.personId), age: l.ageYears, forms: l.exploitationForms, status: l.identificationStatus, version: l.version, synced: l.syncedVersion, hashed: Boolean(l.requestHash) })).sort((a, b) => a.case!.localeCompare(b.case!)),
    places: places.map((p) => `${byCase.get(p.caseId)}|${p.kind}|${p.ubigeo}|${p.country}`).sort(),
  };
  const recordIds = [...caseIds, ...personRows.map((p) => p.id), ...links.map((l) => l.id), ...places.map((p) => p.id)];
  const audits = await db.select().from(auditLog).where(inArray(auditLog.entityId, recordIds));
  const audit = audits.map((a) => `${a.action}|${a.entityType}|${Object.keys(a.details as object).sort().join(',')}`).sort();
  // The change feed folded as its readers fold it: one change per record and transaction ('created' wins).
  const changes = await db.select().from(changeLog).where(inArray(changeLog.recordId, recordIds)).orderBy(changeLog.id);
  const perRecord = new Map<string, Map<number, string>>();
  for (const c of changes) {
    const txs = perRecord.get(`${c.entity}|${c.recordId}`) ?? new Map<number, string>();
    txs.set(c.txid, txs.get(c.txid) === 'created' ? 'created' : c.kind);
    perRecord.set(`${c.entity}|${c.recordId}`, txs);
  }
  const feed = [...perRecord.entries()].map(([key, txs]) => `${key.split('|')[0]}:${[...txs.values()].join(',')}`).sort();
  const caseTransactions = new Set(changes.filter((c) => c.entity === 'case' && c.kind === 'created').map((c) => c.txid)).size;
  return { records, audit, feed, caseTransactions };
}

describe('batched import', () => {
  it('gives the same records, audit entries and change-feed entries as the one-record upserts, in a few transactions', async () => {
    const t = tag();
    const batched = `${t}B`;
    const single = `${t}S`;
    const first = await importFile(ndjson(batched));
    expect(first.entities.cases).toEqual({ created: N, updated: 0, unchanged: 0, conflict: 0, refused: 0 });
    expect(first.entities.victims).toEqual({ created: N, updated: 0, unchanged: 0, conflict: 0, refused: 0 });

    // The same records through the one-record path (what PUT …/by-external-id does), one at a time.
    const { upsertCase, upsertParty } = createCaseUpserts(registry.deps);
    for (let i = 0; i < N; i++) expect((await upsertCase(ctx, `${single}C-${i}`, { ...caseBody(i), places: placeOf(i) } as never)).outcome).toBe('created');
    for (let i = 0; i < N; i++) expect((await upsertParty(ctx, 'victim', `${single}V-${i}`, victimBody(`${single}C-${i}`, i) as never)).outcome).toBe('created');

    const a = await snapshot(batched);
    const b = await snapshot(single);
    expect(a.records.cases).toHaveLength(N);
    expect(a.records.victims).toHaveLength(N);
    expect(a.records).toEqual(b.records);
    expect(a.audit).toEqual(b.audit);
    expect(a.feed).toEqual(b.feed);
    // Batched indeed: the cases came in a handful of transactions, the one-record path in one each.
    expect(a.caseTransactions).toBeLessThan(10);
    expect(b.caseTransactions).toBe(N);

    // Both paths store the same sync hashes: each answers `unchanged` for what the other wrote.
    expect((await upsertCase(ctx, `${batched}C-7`, { ...caseBody(7), places: placeOf(7) } as never)).outcome).toBe('unchanged');
    expect((await upsertParty(ctx, 'victim', `${batched}V-7`, victimBody(`${batched}C-7`, 7) as never)).outcome).toBe('unchanged');
    const again = await importFile(ndjson(single));
    expect(again.entities.cases).toEqual({ created: 0, updated: 0, unchanged: N, conflict: 0, refused: 0 });
    expect(again.entities.victims).toEqual({ created: 0, updated: 0, unchanged: N, conflict: 0, refused: 0 });
  }, 600_000);

  it('a bad row is refused alone; a batch whose transaction fails is written row by row, nothing twice', async () => {
    const t = tag();
    const { upsertCase, upsertParty } = createCaseUpserts(registry.deps);
    const writeBatch = createImportBatches(registry.deps);
    const one = (entity: 'cases' | 'victims') => (row: { externalId: string; body: unknown }) =>
      entity === 'cases' ? upsertCase(ctx, row.externalId, row.body as never) : upsertParty(ctx, 'victim', row.externalId, row.body as never);
    const noCheckpoint = async () => undefined;
    const rows = Array.from({ length: 60 }, (_, i) => ({ externalId: `${t}C-${i}`, body: { ...caseBody(i), places: placeOf(i) } as Record<string, unknown> }));
    rows[17]!.body = { ...rows[17]!.body, reportedOn: '2999-01-01' }; // in the future
    rows[30]!.body = { ...rows[30]!.body, places: [{ kind: 'exploitation', ubigeo: '159999' }] }; // no such UBIGEO
    const outcomes = await writeBatch(ctx, 'cases', rows, one('cases'), noCheckpoint);
    const refusedAt = outcomes.flatMap((o, i) => ('refused' in o ? [i] : []));
    expect(refusedAt).toEqual([17, 30]);
    expect((outcomes[17] as { refused: { fields?: Record<string, string> } }).refused.fields).toEqual({ reportedOn: 'date_in_future' });
    expect(outcomes.filter((o) => 'outcome' in o && o.outcome === 'created')).toHaveLength(58);
    const written = await registry.deps.db.select().from(cases).where(like(cases.externalId, `${t}C-%`));
    expect(written.map((c) => c.externalId).sort()).toEqual(rows.filter((_, i) => i !== 17 && i !== 30).map((r) => r.externalId).sort());

    // Victims: one points at a case that was refused. And the batch's transaction fails at its very end (its
    // checkpoint throws): it rolls back whole, and the rows are written one by one instead.
    const victims = Array.from({ length: 60 }, (_, i) => ({ externalId: `${t}V-${i}`, body: victimBody(`${t}C-${i}`, i) }));
    let failed = false;
    const failOnce = async () => {
      if (!failed) {
        failed = true;
        throw new Error('the batch transaction fails');
      }
    };
    const victimOutcomes: RowOutcome[] = await writeBatch(ctx, 'victims', victims, one('victims'), failOnce);
    expect(failed).toBe(true);
    expect(victimOutcomes.flatMap((o, i) => ('refused' in o ? [`${i}:${o.refused.code}`] : []))).toEqual(['17:upsert.case_not_found', '30:upsert.case_not_found']);
    const snap = await snapshot(t);
    expect(snap.records.victims).toHaveLength(58);
    expect(snap.records.persons).toHaveLength(58);
    // Each written once: one creation entry per victim, none left from the rolled-back batch.
    expect(snap.audit.filter((a) => a.startsWith('case.victim.create|'))).toHaveLength(58);
    expect(snap.audit.filter((a) => a.startsWith('case.create|'))).toHaveLength(58);
  }, 600_000);
});
