import { and, desc, eq, inArray, not, or, sql } from 'drizzle-orm';
import type { CandidateListQuery } from '../../contracts/matching';
import type { Tx } from '../../db/connect';
import { matchCandidates, persons } from '../../db/schema';
import { writeAudit, type AuditInput } from '../audit/audit.writer';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { AppError, ruleRefused, staleVersion } from '../errors/app-error';
import { candidateNotFound, presentCandidates, progressOf } from './matching.presenter';
import {
  confirmationsOf, countScansSince, crossInstitutionCondition, insertConfirmation, proposeMatches, unsafeContactsOf, visibleCandidateCondition,
  visiblePersonIds, type CandidateRow,
} from './matching.repository';

const HOUR_MS = 3_600_000;

/** The institutions holding either record of a candidate, and whether there are several. */
interface Holders {
  contacts: Awaited<ReturnType<typeof unsafeContactsOf>>;
  cross: boolean;
}

/** What one decision does to a candidate: the new values, its audit entry, and whether it ends the review. */
interface Outcome {
  values: Partial<CandidateRow>;
  audit: Pick<AuditInput, 'action' | 'details'>;
  decided: boolean;
}

/**
 * Possible duplicates across cases: scan, the review queue, and confirm (merge) / reject / unmerge.
 * Pairs across institutions are reviewed by the supervisors of each holding institution and merged only
 * when all of them have confirmed; the person who typed the data never learns of them.
 */
/** The non-identifying attributes a merged person takes from the surviving record (names only in the audit). */
const mergedAttributes = ['sex', 'genderIdentity', 'birthYear', 'nationalities', 'indigenousPeople', 'nativeLanguage', 'originUbigeo', 'originCountry', 'education', 'disability', 'hasIdentityDocument'] as const;

export function createMatchingService(deps: Deps) {
  const { db } = deps;

  /**
   * Scans for matches of one person the actor can see and returns that person's open candidates within
   * the actor's institution. Rate-limited per user (config.matchScansPerHour, counted over the last hour);
   * every scan, and every refused one, is audited.
   */
  async function scan(ctx: Ctx, personId: string) {
    const limit = deps.config.matchScansPerHour;
    const result = await db.transaction(async (tx) => {
      const visible = await visiblePersonIds(tx, ctx.actor, [personId]);
      if (!visible.has(personId)) throw new AppError('match.person_not_found', 404);
      if ((await countScansSince(tx, ctx.actor.userId, new Date(Date.now() - HOUR_MS))) >= limit) {
        await writeAudit(tx, ctx, { action: 'match.scan.refused', entityType: 'person', entityId: personId, details: { limit } });
        return null;
      }
      const { candidateIds } = await proposeMatches(tx, personId, ctx.actor.userId);
      const rows = await tx
        .select()
        .from(matchCandidates)
        .where(and(
          eq(matchCandidates.status, 'pending'),
          or(eq(matchCandidates.personAId, personId), eq(matchCandidates.personBId, personId)),
          not(crossInstitutionCondition()),
          visibleCandidateCondition(tx, ctx.actor),
        ))
        .orderBy(desc(matchCandidates.createdAt));
      const shown = new Set(rows.map((r) => r.id));
      const proposed = candidateIds.filter((id) => shown.has(id)).length;
      // Only what the response says: the actor's institution's supervisors read these entries, and the actor may be one.
      await writeAudit(tx, ctx, { action: 'match.scan', entityType: 'person', entityId: personId, details: { proposed, shown: rows.length } });
      return { proposed, candidates: await presentCandidates(tx, ctx.actor, rows) };
    });
    if (!result) throw new AppError('match.scan_rate_limited', 429, undefined, undefined, { limit });
    return result;
  }

  async function list(ctx: Ctx, query: CandidateListQuery) {
    const where = and(visibleCandidateCondition(db, ctx.actor), query.status === 'all' ? undefined : eq(matchCandidates.status, query.status));
    const rows = await db
      .select()
      .from(matchCandidates)
      .where(where)
      .orderBy(query.sort === 'createdAt' ? matchCandidates.createdAt : desc(matchCandidates.createdAt), matchCandidates.id)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    const [count] = await db.select({ total: sql<number>`count(*)::int` }).from(matchCandidates).where(where);
    return { items: await presentCandidates(db, ctx.actor, rows), total: count?.total ?? 0, page: query.page, pageSize: query.pageSize };
  }

  async function get(ctx: Ctx, id: string) {
    return (await presentCandidates(db, ctx.actor, [await load(db, ctx, id)]))[0]!;
  }

  async function load(tx: Tx, ctx: Ctx, id: string, version?: number) {
    const query = tx.select().from(matchCandidates).where(and(eq(matchCandidates.id, id), visibleCandidateCondition(tx, ctx.actor))).limit(1);
    const [row] = version === undefined ? await query : await query.for('update', { of: matchCandidates });
    if (!row) throw candidateNotFound();
    if (version !== undefined && row.version !== version) throw staleVersion();
    return row;
  }

  /**
   * A decision on one candidate, in one transaction with its audit entry. The entry names the two persons
   * only within one institution: across institutions it is read by the actor's institution, which must
   * not learn the other side's record (the candidate id leads an administrator to it).
   */
  async function decide(ctx: Ctx, id: string, version: number, apply: (tx: Tx, row: CandidateRow, holders: Holders) => Promise<Outcome>) {
    return db.transaction(async (tx) => {
      const row = await load(tx, ctx, id, version);
      const contacts = await unsafeContactsOf(tx, [row.personAId, row.personBId]);
      const cross = progressOf(row, contacts, []).crossInstitution;
      const { values, audit, decided } = await apply(tx, row, { contacts, cross });
      const now = new Date();
      const [updated] = await tx
        .update(matchCandidates)
        .set({ ...values, version: row.version + 1, updatedAt: now, ...(decided ? { decidedAt: now, decidedBy: ctx.actor.userId } : {}) })
        .where(eq(matchCandidates.id, id))
        .returning();
      await writeAudit(tx, ctx, {
        action: audit.action,
        entityType: 'match_candidate',
        entityId: id,
        details: {
          from: row.status, to: updated!.status, crossInstitution: cross,
          ...(cross ? {} : { personAId: row.personAId, personBId: row.personBId, mergedPersonId: updated!.mergedPersonId, survivorPersonId: updated!.survivorPersonId }),
          ...audit.details,
        },
      });
      return (await presentCandidates(tx, ctx.actor, [updated!]))[0]!;
    });
  }

  /**
   * The newer record points at the older one (persons.mergedIntoId); case links stay. The merged person
   * has one set of attributes, the surviving record's (the statistics read them: issue 9 item 4); the
   * audit entry records which attributes differed, so what was set aside can be read back.
   */
  async function merge(tx: Tx, row: CandidateRow): Promise<{ values: Partial<CandidateRow>; kept: { attributesOf: 'survivor'; differing: string[] } }> {
    const pair = await tx.select().from(persons).where(inArray(persons.id, [row.personAId, row.personBId])).for('update');
    if (pair.length !== 2 || pair.some((p) => p.mergedIntoId !== null)) throw ruleRefused('match.already_merged');
    const [survivor, merged] = pair.sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime() || (x.id < y.id ? -1 : 1)) as [typeof pair[0], typeof pair[0]];
    await tx.update(persons).set({ mergedIntoId: survivor.id, version: merged.version + 1, updatedAt: new Date() }).where(eq(persons.id, merged.id));
    const differing = mergedAttributes.filter((a) => JSON.stringify(survivor[a]) !== JSON.stringify(merged[a]));
    return { values: { status: 'confirmed', mergedPersonId: merged.id, survivorPersonId: survivor.id }, kept: { attributesOf: 'survivor', differing } };
  }

  /**
   * Confirms a match. Within one institution the pair merges at once. Across institutions this records
   * the confirmation of the actor's institution; the pair merges when every holding institution has confirmed.
   */
  const confirm = (ctx: Ctx, id: string, version: number) =>
    decide(ctx, id, version, async (tx, row, { contacts, cross }) => {
      if (row.status !== 'pending') throw ruleRefused('match.not_pending', { status: row.status });
      if (!cross) {
        const merged = await merge(tx, row);
        return { values: merged.values, audit: { action: 'person.merge', details: { kept: merged.kept } }, decided: true };
      }
      if (!contacts.some((c) => c.institutionId === ctx.actor.institutionId)) throw candidateNotFound();
      if (!(await insertConfirmation(tx, ctx.actor, row.id))) throw ruleRefused('match.already_confirmed');
      const progress = progressOf(row, contacts, (await confirmationsOf(tx, [row.id])).map((c) => c.institutionId));
      const details = { institutionId: ctx.actor.institutionId, confirmedBy: progress.confirmed, waitingFor: progress.waitingFor };
      if (!progress.complete) return { values: {}, audit: { action: 'match.confirm', details }, decided: false };
      const merged = await merge(tx, row);
      return { values: merged.values, audit: { action: 'person.merge', details: { ...details, kept: merged.kept } }, decided: true };
    });

  /** Either side's reviewer may reject; a rejected pair is never proposed again. */
  const reject = (ctx: Ctx, id: string, version: number) =>
    decide(ctx, id, version, async (_tx, row) => {
      if (row.status !== 'pending') throw ruleRefused('match.not_pending', { status: row.status });
      return { values: { status: 'rejected' }, audit: { action: 'match.reject', details: { institutionId: ctx.actor.institutionId } }, decided: true };
    });

  /** Reverses a merge: the merged record stands on its own again; the pair is kept as `unmerged`. */
  const unmerge = (ctx: Ctx, id: string, version: number) =>
    decide(ctx, id, version, async (tx, row) => {
      if (row.status !== 'confirmed' || !row.mergedPersonId) throw ruleRefused('match.not_merged', { status: row.status });
      const [merged] = await tx.select().from(persons).where(eq(persons.id, row.mergedPersonId)).for('update');
      if (!merged || merged.mergedIntoId !== row.survivorPersonId) throw ruleRefused('match.merge_changed');
      await tx.update(persons).set({ mergedIntoId: null, version: merged.version + 1, updatedAt: new Date() }).where(eq(persons.id, merged.id));
      return { values: { status: 'unmerged' }, audit: { action: 'person.unmerge', details: { institutionId: ctx.actor.institutionId } }, decided: true };
    });

  return { scan, list, get, confirm, reject, unmerge };
}
