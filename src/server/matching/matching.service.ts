import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { CandidateListQuery, CandidateView } from '../../contracts/matching';
import type { Tx } from '../../db/connect';
import { matchCandidates, persons } from '../../db/schema';
import { writeAudit } from '../audit/audit.writer';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { AppError, ruleRefused, staleVersion } from '../errors/app-error';
import {
  personsByIds, proposeMatches, unsafeContactsOf, visibleAppearances, visibleCandidateCondition, visiblePersonIds, type Appearance, type CandidateRow,
} from './matching.repository';

const candidateNotFound = () => new AppError('match.not_found', 404);

interface SideData {
  visible: Set<string>;
  people: Awaited<ReturnType<typeof personsByIds>>;
  appearances: Appearance[];
  contacts: Array<{ personId: string; unitName: string; institutionName: string }>;
}

/** One person of a pair: within scope, its cases (never identity); out of scope, only whom to contact. */
function sideOf(personId: string, data: SideData): CandidateView['own'] | { visible: false; contacts: Array<{ unitName: string; institutionName: string }> } {
  if (!data.visible.has(personId)) {
    const mine = data.contacts.filter((c) => c.personId === personId).map(({ unitName, institutionName }) => ({ unitName, institutionName }));
    return { visible: false, contacts: [...new Map(mine.map((c) => [`${c.unitName}\u0000${c.institutionName}`, c])).values()] };
  }
  const person = data.people.get(personId)!;
  return {
    visible: true,
    personId,
    sex: person.sex,
    birthYear: person.birthYear,
    merged: person.mergedIntoId !== null,
    appearances: data.appearances.filter((a) => a.personId === personId).map(({ personId: _p, ...rest }) => rest),
  };
}

/** Possible duplicates across cases: scan, the review queue, and confirm (merge) / reject / unmerge. */
export function createMatchingService(deps: Deps) {
  const { db } = deps;

  /** Presents candidates as the actor may see them: the hidden side is reduced to whom to contact. */
  async function present(tx: Tx, ctx: Ctx, rows: CandidateRow[]): Promise<CandidateView[]> {
    const ids = [...new Set(rows.flatMap((r) => [r.personAId, r.personBId]))];
    const visible = await visiblePersonIds(tx, ctx.actor, ids);
    const [people, appearances, contacts] = await Promise.all([
      personsByIds(tx, [...visible]),
      visibleAppearances(tx, ctx.actor, [...visible]),
      unsafeContactsOf(tx, ids.filter((id) => !visible.has(id))),
    ]);
    const side = (personId: string) => sideOf(personId, { visible, people, appearances, contacts });
    return rows.map((row) => {
      const [ownId, otherId] = visible.has(row.personAId) ? [row.personAId, row.personBId] : [row.personBId, row.personAId];
      const own = side(ownId);
      if (!own.visible) throw candidateNotFound();
      return {
        id: row.id,
        version: row.version,
        status: row.status as CandidateView['status'],
        reasons: row.reasons as CandidateView['reasons'],
        createdAt: row.createdAt.toISOString(),
        decidedAt: row.decidedAt?.toISOString() ?? null,
        survivor: row.status === 'confirmed' && row.survivorPersonId ? (row.survivorPersonId === ownId ? 'own' : 'other') : null,
        own,
        other: side(otherId),
      };
    });
  }

  /** Scans for matches of one person the actor can see and returns that person's open candidates. */
  async function scan(ctx: Ctx, personId: string) {
    return db.transaction(async (tx) => {
      const visible = await visiblePersonIds(tx, ctx.actor, [personId]);
      if (!visible.has(personId)) throw new AppError('match.person_not_found', 404);
      const { proposed } = await proposeMatches(tx, personId);
      await writeAudit(tx, ctx, { action: 'match.scan', entityType: 'person', entityId: personId, details: { proposed } });
      const rows = await tx
        .select()
        .from(matchCandidates)
        .where(and(eq(matchCandidates.status, 'pending'), or(eq(matchCandidates.personAId, personId), eq(matchCandidates.personBId, personId))))
        .orderBy(desc(matchCandidates.createdAt));
      return { proposed, candidates: await present(tx, ctx, rows) };
    });
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
    return { items: await present(db, ctx, rows), total: count?.total ?? 0, page: query.page, pageSize: query.pageSize };
  }

  async function get(ctx: Ctx, id: string) {
    return (await present(db, ctx, [await load(db, ctx, id)]))[0]!;
  }

  async function load(tx: Tx, ctx: Ctx, id: string, version?: number) {
    const query = tx.select().from(matchCandidates).where(and(eq(matchCandidates.id, id), visibleCandidateCondition(tx, ctx.actor))).limit(1);
    const [row] = version === undefined ? await query : await query.for('update', { of: matchCandidates });
    if (!row) throw candidateNotFound();
    if (version !== undefined && row.version !== version) throw staleVersion();
    return row;
  }

  /** A decision on one candidate, in one transaction with its audit entry. */
  async function decide(ctx: Ctx, id: string, version: number, apply: (tx: Tx, row: CandidateRow) => Promise<Partial<CandidateRow>>, action: string) {
    return db.transaction(async (tx) => {
      const row = await load(tx, ctx, id, version);
      const values = await apply(tx, row);
      const [updated] = await tx
        .update(matchCandidates)
        .set({ ...values, version: row.version + 1, updatedAt: new Date(), decidedAt: new Date(), decidedBy: ctx.actor.userId })
        .where(eq(matchCandidates.id, id))
        .returning();
      await writeAudit(tx, ctx, {
        action,
        entityType: 'match_candidate',
        entityId: id,
        details: { personAId: row.personAId, personBId: row.personBId, from: row.status, to: updated!.status, mergedPersonId: updated!.mergedPersonId, survivorPersonId: updated!.survivorPersonId },
      });
      return (await present(tx, ctx, [updated!]))[0]!;
    });
  }

  /** Confirms a match: the newer record points at the older one (persons.mergedIntoId); case links stay. */
  const confirm = (ctx: Ctx, id: string, version: number) =>
    decide(ctx, id, version, async (tx, row) => {
      if (row.status !== 'pending') throw ruleRefused('match.not_pending', { status: row.status });
      const pair = await tx.select().from(persons).where(inArray(persons.id, [row.personAId, row.personBId])).for('update');
      if (pair.length !== 2 || pair.some((p) => p.mergedIntoId !== null)) throw ruleRefused('match.already_merged');
      const [survivor, merged] = pair.sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime() || (x.id < y.id ? -1 : 1)) as [typeof pair[0], typeof pair[0]];
      await tx.update(persons).set({ mergedIntoId: survivor.id, version: merged.version + 1, updatedAt: new Date() }).where(eq(persons.id, merged.id));
      return { status: 'confirmed', mergedPersonId: merged.id, survivorPersonId: survivor.id };
    }, 'person.merge');

  const reject = (ctx: Ctx, id: string, version: number) =>
    decide(ctx, id, version, async (_tx, row) => {
      if (row.status !== 'pending') throw ruleRefused('match.not_pending', { status: row.status });
      return { status: 'rejected' };
    }, 'match.reject');

  /** Reverses a merge: the merged record stands on its own again; the pair is kept as `unmerged`. */
  const unmerge = (ctx: Ctx, id: string, version: number) =>
    decide(ctx, id, version, async (tx, row) => {
      if (row.status !== 'confirmed' || !row.mergedPersonId) throw ruleRefused('match.not_merged', { status: row.status });
      const [merged] = await tx.select().from(persons).where(eq(persons.id, row.mergedPersonId)).for('update');
      if (!merged || merged.mergedIntoId !== row.survivorPersonId) throw ruleRefused('match.merge_changed');
      await tx.update(persons).set({ mergedIntoId: null, version: merged.version + 1, updatedAt: new Date() }).where(eq(persons.id, merged.id));
      return { status: 'unmerged' };
    }, 'person.unmerge');

  return { scan, list, get, confirm, reject, unmerge };
}
