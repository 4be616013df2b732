import type { PersonDetailView, PersonSearchQuery, PersonUpdate } from '../../contracts/people';
import type { Tx } from '../../db/connect';
import { persons } from '../../db/schema';
import { writeAudit } from '../audit/audit.writer';
import { assertIdentityWrite } from '../cases/case.reader';
import { checkPersonAttributes, FieldCheck } from '../cases/case.validation';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { AppError, invalid } from '../errors/app-error';
import { definedOnly, updateVersioned } from '../versioned-update';
import { syncColumns, type SyncStamp } from '../idempotency/upsert-by-external-id';
import { proposeMatches } from '../matching/matching.repository';
import { decodeIdentity, documentSearchHash, encodeIdentity, identityModeOf, mergeIdentity, nameSearchHash } from './identity';
import { presentPerson } from './person.presenter';
import { isPersonOwned, loadVisiblePerson, personCaseLinks, searchPersons, type PersonRow } from './person.repository';

/** Persons across cases: exact search by blind index, reading and editing, always through visible cases. */
export function createPersonService(deps: Deps) {
  const { db, cipher } = deps;

  /** Presents persons with their visible case links; audits the identity read when identity is shown. */
  async function presentMany(tx: Tx, ctx: Ctx, rows: PersonRow[]): Promise<PersonDetailView[]> {
    const mode = identityModeOf(ctx);
    const links = await personCaseLinks(tx, ctx.actor, rows.map((r) => r.id));
    if (mode === 'full' && rows.length > 0) {
      await writeAudit(tx, ctx, {
        action: 'identity.read',
        entityType: 'person',
        entityId: rows.length === 1 ? rows[0]!.id : undefined,
        reason: ctx.accessReason,
        details: { personIds: rows.map((r) => r.id) },
      });
    }
    return rows.map((row) => ({
      ...presentPerson(row, mode, cipher),
      cases: links.filter((l) => l.personId === row.id).map(({ caseId, caseCode, role, linkId }) => ({ caseId, caseCode, role, linkId })),
    }));
  }

  async function search(ctx: Ctx, query: PersonSearchQuery) {
    const byDocument = query.documentType && query.documentNumber;
    if (!byDocument && !query.name) throw new AppError('person.search_needs_criteria', 400, undefined, { name: 'person.search_needs_criteria' });
    const hashes = {
      documentHash: byDocument ? documentSearchHash(cipher, query.documentType!, query.documentNumber!) : undefined,
      nameHash: query.name ? nameSearchHash(cipher, query.name) : undefined,
    };
    return db.transaction(async (tx) => {
      const { rows, total } = await searchPersons(tx, ctx.actor, hashes, query);
      // A look-up by identifying data is itself recorded (what kind of look-up and how many hits, never the values).
      await writeAudit(tx, ctx, { action: 'person.search', entityType: 'person', reason: ctx.accessReason, details: { by: byDocument ? 'document' : 'name', hits: total } });
      return { items: await presentMany(tx, ctx, rows), total, page: query.page, pageSize: query.pageSize };
    });
  }

  const get = (ctx: Ctx, id: string) =>
    db.transaction(async (tx) => (await presentMany(tx, ctx, [await loadVisiblePerson(tx, ctx.actor, id)]))[0]!);

  /** `stamp`: an upsert by external id (src/server/idempotency) records what it wrote, in this transaction. */
  async function update(ctx: Ctx, id: string, input: PersonUpdate, stamp?: SyncStamp) {
    const { version, identity, ...changes } = input;
    assertIdentityWrite(ctx, identity !== undefined);
    return db.transaction(async (tx) => {
      const current = await loadVisiblePerson(tx, ctx.actor, id);
      if (!(await isPersonOwned(tx, ctx.actor, id))) throw new AppError('person.not_owner', 403);
      const check = new FieldCheck();
      checkPersonAttributes(check, input, '');
      await check.assert(tx, ctx);
      const identityColumns = identity ? encodeIdentity(cipher, mergeIdentity(decodeIdentity(cipher, current.identityEnc), identity)) : {};
      const values = definedOnly({ ...changes, ...identityColumns });
      if (Object.keys(values).length === 0) throw invalid({ _: 'required' });
      const row = await updateVersioned(tx, persons, 'person', id, version, { ...values, ...syncColumns(stamp, version) });
      if (identity) await proposeMatches(tx, id, ctx.actor.userId);
      // Field names only: never the values of identifying data.
      await writeAudit(tx, ctx, { action: 'person.update', entityType: 'person', entityId: id, details: { fields: Object.keys(definedOnly(changes)), identityChanged: identity !== undefined ? Object.keys(identity) : [] } });
      return (await presentMany(tx, ctx, [row]))[0]!;
    });
  }

  return { search, get, update };
}

export type PersonService = ReturnType<typeof createPersonService>;
