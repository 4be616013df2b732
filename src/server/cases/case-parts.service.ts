import { and, eq } from 'drizzle-orm';
import type { PlaceCreate, SuspectCreate, SuspectUpdate, SuspectView, VictimCreate, VictimUpdate, VictimView } from '../../contracts/cases';
import type { Tx } from '../../db/connect';
import { casePlaces, cases, caseSuspects, caseVictims, persons } from '../../db/schema';
import { writeAudit } from '../audit/audit.writer';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { conflict, notFound, staleVersion } from '../errors/app-error';
import { idempotentCreate } from '../idempotency/idempotent-create';
import { syncColumns, type SyncStamp } from '../idempotency/upsert-by-external-id';
import { identityModeOf } from '../people/identity';
import { loadCaseForParties } from '../policy';
import { definedOnly, updateVersioned } from '../versioned-update';
import { matchAfterCommit } from '../matching/match-queue';
import { attachPlace, attachSuspect, attachVictim } from './case-parts.writer';
import { presentPlace, presentSuspect, presentVictim } from './case.presenter';
import { assertIdentityWrite, loadOwnedCase } from './case.reader';
import { checkPersonRef, checkPlace, checkVictimFields, FieldCheck } from './case.validation';

export type Part = 'victim' | 'suspect';
const tables = { victim: caseVictims, suspect: caseSuspects } as const;

const isForeignKeyViolation = (error: unknown) => {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23503' || e?.cause?.code === '23503';
};

/** Victims, suspects and places of a case as sub-resources; only the owning institution writes them. */
export function createCasePartsService(deps: Deps) {
  const { db, cipher } = deps;

  const touch = (tx: Tx, caseId: string) => tx.update(cases).set({ lastActivityAt: new Date() }).where(eq(cases.id, caseId));

  /** Shows the written victim/suspect to its writer; identity only under the usual rule, audited. */
  async function presentPart(tx: Tx, ctx: Ctx, part: Part, row: Parameters<typeof presentVictim>[0] | Parameters<typeof presentSuspect>[0]) {
    const mode = identityModeOf(ctx);
    if (mode === 'full') {
      await writeAudit(tx, ctx, { action: 'identity.read', entityType: `case_${part}`, entityId: row.id, reason: ctx.accessReason, details: { caseId: row.caseId, personIds: [row.personId] } });
    }
    if (part !== 'victim') return presentSuspect(row as never, mode, cipher);
    const [facts] = await tx.select({ factsStart: cases.factsStart, registeredAt: cases.registeredAt }).from(cases).where(eq(cases.id, row.caseId)).limit(1);
    return presentVictim(row as never, mode, cipher, facts);
  }

  async function findPart(tx: Tx, part: Part, caseId: string, id: string) {
    const table = tables[part];
    const [row] = await tx.select({ link: table, person: persons }).from(table).innerJoin(persons, eq(persons.id, table.personId)).where(and(eq(table.id, id), eq(table.caseId, caseId))).limit(1);
    return row ? { ...row.link, person: row.person } : undefined;
  }

  async function loadPart(tx: Tx, part: Part, caseId: string, id: string) {
    const row = await findPart(tx, part, caseId, id);
    if (!row) throw notFound(`case_${part}`);
    return row;
  }

  /** Adds a victim or suspect: 201, or (a retry with the same Idempotency-Key) 200 with the one it added. */
  async function add(ctx: Ctx, part: Part, caseId: string, input: VictimCreate | SuspectCreate, stamp?: SyncStamp) {
    assertIdentityWrite(ctx, input.person?.identity !== undefined);
    type Row = NonNullable<Awaited<ReturnType<typeof findPart>>>;
    const added = await idempotentCreate<Row, VictimView | SuspectView>(db, cipher, {
      kind: `case_${part}`,
      externalId: null,
      body: input,
      key: { ctx, target: { caseId }, recordId: (view) => view.id, findById: (q, id) => findPart(q, part, caseId, id) },
      replay: (q, row) => presentPart(q, ctx, part, row as never),
      create: (tx) => addNew(tx, ctx, part, caseId, input, stamp),
    });
    await matchAfterCommit(db);
    return added;
  }

  async function addNew(tx: Tx, ctx: Ctx, part: Part, caseId: string, input: VictimCreate | SuspectCreate, stamp?: SyncStamp) {
    await loadCaseForParties(tx, ctx, caseId);
    const check = new FieldCheck();
    checkPersonRef(check, input, '');
    if (part === 'victim') checkVictimFields(check, input as VictimCreate, '');
    await check.assert(tx, ctx);
    const row = part === 'victim' ? await attachVictim(tx, deps, ctx, caseId, input as VictimCreate) : await attachSuspect(tx, deps, ctx, caseId, input as SuspectCreate);
    // An upsert by the person's external id records what it wrote on the link (the version stays 1).
    if (stamp) await tx.update(tables[part]).set({ requestHash: stamp.requestHash, syncedVersion: 1 }).where(eq(tables[part].id, row.id));
    await touch(tx, caseId);
    await writeAudit(tx, ctx, { action: `case.${part}.create`, entityType: `case_${part}`, entityId: row.id, details: { caseId, personId: row.personId, newPerson: row.newPerson } });
    return presentPart(tx, ctx, part, row);
  }

  async function update(ctx: Ctx, part: Part, caseId: string, id: string, input: VictimUpdate | SuspectUpdate, stamp?: SyncStamp) {
    const { version, ...changes } = input;
    return db.transaction(async (tx) => {
      await loadOwnedCase(tx, ctx, caseId);
      await loadPart(tx, part, caseId, id);
      if (part === 'victim') {
        const check = new FieldCheck();
        checkVictimFields(check, changes as VictimUpdate, '');
        await check.assert(tx, ctx);
      }
      const values = definedOnly(changes as Record<string, unknown>);
      await updateVersioned(tx, tables[part], `case_${part}`, id, version, { ...values, ...syncColumns(stamp, version) });
      await touch(tx, caseId);
      await writeAudit(tx, ctx, { action: `case.${part}.update`, entityType: `case_${part}`, entityId: id, details: { caseId, fields: Object.keys(values) } });
      return presentPart(tx, ctx, part, await loadPart(tx, part, caseId, id));
    });
  }

  async function remove(ctx: Ctx, part: Part, caseId: string, id: string, version: number) {
    const table = tables[part];
    try {
      await db.transaction(async (tx) => {
        await loadOwnedCase(tx, ctx, caseId);
        const row = await loadPart(tx, part, caseId, id);
        if (row.version !== version) throw staleVersion();
        await tx.delete(table).where(and(eq(table.id, id), eq(table.version, version)));
        await touch(tx, caseId);
        await writeAudit(tx, ctx, { action: `case.${part}.delete`, entityType: `case_${part}`, entityId: id, details: { caseId, personId: row.personId } });
      });
    } catch (error) {
      // Referrals, services or justice events point at it: they must be removed first.
      if (isForeignKeyViolation(error)) throw conflict(`case.${part}_in_use`);
      throw error;
    }
  }

  async function addPlace(ctx: Ctx, caseId: string, input: PlaceCreate) {
    return db.transaction(async (tx) => {
      await loadOwnedCase(tx, ctx, caseId);
      const check = new FieldCheck();
      checkPlace(check, input, '');
      await check.assert(tx, ctx);
      const row = await attachPlace(tx, caseId, input);
      await touch(tx, caseId);
      await writeAudit(tx, ctx, { action: 'case.place.create', entityType: 'case_place', entityId: row.id, details: { caseId, kind: row.kind, ubigeo: row.ubigeo, country: row.country } });
      return presentPlace(row);
    });
  }

  async function removePlace(ctx: Ctx, caseId: string, placeId: string) {
    await db.transaction(async (tx) => {
      await loadOwnedCase(tx, ctx, caseId);
      const deleted = await tx.delete(casePlaces).where(and(eq(casePlaces.id, placeId), eq(casePlaces.caseId, caseId))).returning({ id: casePlaces.id });
      if (deleted.length === 0) throw notFound('case_place');
      await touch(tx, caseId);
      await writeAudit(tx, ctx, { action: 'case.place.delete', entityType: 'case_place', entityId: placeId, details: { caseId } });
    });
  }

  /** The institution's own person under its external id and, when linked to the case as `part`, that link (for upserts). */
  async function findOwnParty(ctx: Ctx, part: Part, caseId: string, personExternalId: string) {
    const [person] = await db.select().from(persons).where(and(eq(persons.createdByInstitutionId, ctx.actor.institutionId), eq(persons.externalId, personExternalId))).limit(1);
    if (!person) return undefined;
    const table = tables[part];
    const [link] = await db.select().from(table).where(and(eq(table.caseId, caseId), eq(table.personId, person.id))).limit(1);
    return { person, link };
  }

  /** A victim or suspect as its writer sees it (identity under the usual rule, audited). */
  const presentParty = (ctx: Ctx, part: Part, caseId: string, id: string) => db.transaction(async (tx) => presentPart(tx, ctx, part, await loadPart(tx, part, caseId, id)));

  return {
    findOwnParty,
    presentParty,
    addParty: (ctx: Ctx, part: Part, caseId: string, input: VictimCreate | SuspectCreate, stamp?: SyncStamp) => add(ctx, part, caseId, input, stamp),
    updateParty: (ctx: Ctx, part: Part, caseId: string, id: string, input: VictimUpdate | SuspectUpdate, stamp?: SyncStamp) => update(ctx, part, caseId, id, input, stamp),
    addVictim: (ctx: Ctx, caseId: string, input: VictimCreate) => add(ctx, 'victim', caseId, input) as Promise<{ view: VictimView; created: boolean }>,
    updateVictim: (ctx: Ctx, caseId: string, id: string, input: VictimUpdate) => update(ctx, 'victim', caseId, id, input) as Promise<VictimView>,
    removeVictim: (ctx: Ctx, caseId: string, id: string, version: number) => remove(ctx, 'victim', caseId, id, version),
    addSuspect: (ctx: Ctx, caseId: string, input: SuspectCreate) => add(ctx, 'suspect', caseId, input) as Promise<{ view: SuspectView; created: boolean }>,
    updateSuspect: (ctx: Ctx, caseId: string, id: string, input: SuspectUpdate) => update(ctx, 'suspect', caseId, id, input) as Promise<SuspectView>,
    removeSuspect: (ctx: Ctx, caseId: string, id: string, version: number) => remove(ctx, 'suspect', caseId, id, version),
    addPlace,
    removePlace,
  };
}

export type CasePartsService = ReturnType<typeof createCasePartsService>;
