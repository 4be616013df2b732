/**
 * Justice chain storage — and how to count from it (for src/server/stats).
 *
 * Tables: justice_events (one row per step of one defendant = one case_suspects row; append-only),
 * justice_event_articles (articles an event names, role `charge` | `from` | `to`, each resolved to the
 * legal_articles row and the legal_regimes row in force on the date of the facts), legal_regimes,
 * legal_articles (is_trafficking, is_lesser_offence), legal_penalty_tiers (min/max months).
 *
 * Always drop superseded rows first: an event is superseded when another row's supersedes_event_id
 * names it — `not exists (select 1 from justice_events c where c.supersedes_event_id = e.id)`.
 * Then, per period on occurred_on (the date of the step, not the date recorded):
 * - arrests: distinct suspect_id with an `arrest` event (persons arrested; use count(*) for arrest acts).
 * - persons prosecuted: distinct suspect_id with `charges_filed` (formal accusation). Persons
 *   investigated: `preliminary_investigation_opened` or `investigation_formalised`.
 * - convictions: distinct suspect_id with `decision` and decision = 'conviction', or `plea_agreement`.
 *   A conviction later revoked or annulled on appeal (`appeal_decided`, appeal_outcome in
 *   ('revoked','annulled')) no longer stands: the derived outcome (deriveDefendant in
 *   src/core/justice/stage.ts) is the authority; systemAssessDefendants (justice.assess.ts) gives it.
 *   Other outcomes: decision in ('acquittal','dismissal','suspended_insufficient_evidence'), `archived`.
 * - sentences: `sentence` rows, sentence_months (years × 12 + months), sentence_effective (false =
 *   suspended), fine_amount / reparation_amount in currency (PEN). The one that stands is the latest.
 * - below minimum / suspended where not allowed / reclassified: derived, not stored. Use the
 *   `flags` of GET /api/v1/cases/:id/justice, or call systemAssessDefendants (justice.assess.ts) with
 *   the case ids a statistic covers: one row per defendant with its derived stage, outcome, sentence,
 *   applicable range and flags. In SQL, below-minimum is sentence_months < the min_months of the tier
 *   (tier_code, else the article's lowest tier) of the conviction's articles — prefer the function.
 * - reclassified (rule 5): not every `reclassified` event counts. isReductionToLesser (core/justice/flags.ts):
 *   an earlier charge/investigation/`from` set with an is_trafficking article, then a charge, conviction or
 *   `to` set with no is_trafficking article and at least one is_lesser_offence article (153 → 153-B is none).
 * - public official: case_suspects.is_public_official.
 * Stage by institution: justice_events.institution_id is who recorded it; stage is stored per row.
 */
import { and, asc, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { EventListQuery, JusticeInboxQuery } from '../../contracts/justice';
import type { ChainEvent } from '../../core/justice/chain';
import type { Tx } from '../../db/connect';
import { caseAccess, cases, caseSuspects, justiceEventArticles, justiceEvents } from '../../db/schema';
import type { Actor, Ctx } from '../context';
import { notFound } from '../errors/app-error';
import { wholeCaseCondition } from '../policy';
import { caseCodeContains } from '../search/search.repository';
import type { StoredArticle, StoredFramework, StoredRegime } from '../legal/legal.repository';

export type EventRow = typeof justiceEvents.$inferSelect;
export type EventArticleRow = typeof justiceEventArticles.$inferSelect;
export interface StoredEvent extends EventRow {
  articleRows: EventArticleRow[];
}

/** Locks the defendant's row: appends for one defendant are serialised, so two cannot both pass the sequence check. */
export async function lockSuspect(tx: Tx, caseId: string, suspectId: string) {
  const [row] = await tx.select().from(caseSuspects).where(and(eq(caseSuspects.id, suspectId), eq(caseSuspects.caseId, caseId))).limit(1).for('update');
  return row;
}

/**
 * Loads a case whose whole content the actor sees (owner, analyst, or a grant not limited to victims),
 * else 404: a referral-only institution (a shelter, a provider) sees the referred victims and no
 * defendants, so the justice chain does not exist for it.
 */
export async function loadWholeCase(tx: Tx, ctx: Ctx, caseId: string) {
  const [row] = await tx.select().from(cases).where(and(eq(cases.id, caseId), wholeCaseCondition(ctx.actor))).limit(1);
  if (!row) throw notFound('case');
  return row;
}

export const listSuspects = (tx: Tx, caseId: string) =>
  tx.select().from(caseSuspects).where(eq(caseSuspects.caseId, caseId)).orderBy(asc(caseSuspects.createdAt), asc(caseSuspects.id));

/** Whether the institution received the case along the workflow on one of these bases. */
export async function hasAccessBasis(tx: Tx, caseId: string, institutionId: string, bases: string[]): Promise<boolean> {
  const rows = await tx
    .select({ id: caseAccess.id })
    .from(caseAccess)
    .where(and(eq(caseAccess.caseId, caseId), eq(caseAccess.institutionId, institutionId), inArray(caseAccess.basis, bases)))
    .limit(1);
  return rows.length > 0;
}

export async function withArticles(tx: Tx, rows: EventRow[]): Promise<StoredEvent[]> {
  if (!rows.length) return [];
  const articleRows = await tx
    .select()
    .from(justiceEventArticles)
    .where(inArray(justiceEventArticles.eventId, rows.map((r) => r.id)))
    .orderBy(asc(justiceEventArticles.position));
  return rows.map((r) => ({ ...r, articleRows: articleRows.filter((a) => a.eventId === r.id) }));
}

const eventOrder = [asc(justiceEvents.occurredOn), asc(justiceEvents.recordedAt), asc(justiceEvents.id)];

export async function listEventsOfSuspect(tx: Tx, suspectId: string) {
  return withArticles(tx, await tx.select().from(justiceEvents).where(eq(justiceEvents.suspectId, suspectId)).orderBy(...eventOrder));
}

export async function listEventsOfCase(tx: Tx, caseId: string) {
  return withArticles(tx, await tx.select().from(justiceEvents).where(eq(justiceEvents.caseId, caseId)).orderBy(...eventOrder));
}

export async function findEvent(tx: Tx, id: string) {
  const [row] = await tx.select().from(justiceEvents).where(eq(justiceEvents.id, id)).limit(1);
  return row ? (await withArticles(tx, [row]))[0] : undefined;
}

export async function findEventByExternalId(tx: Tx, institutionId: string, externalId: string) {
  const [row] = await tx.select().from(justiceEvents).where(and(eq(justiceEvents.institutionId, institutionId), eq(justiceEvents.externalId, externalId))).limit(1);
  return row ? (await withArticles(tx, [row]))[0] : undefined;
}

export async function isSuperseded(tx: Tx, eventId: string): Promise<boolean> {
  const rows = await tx.select({ id: justiceEvents.id }).from(justiceEvents).where(eq(justiceEvents.supersedesEventId, eventId)).limit(1);
  return rows.length > 0;
}

export async function insertEvent(
  tx: Tx,
  values: typeof justiceEvents.$inferInsert,
  articles: Array<{ role: 'charge' | 'from' | 'to'; articleId: string; regimeId: string; tierCode: string | null }>,
): Promise<StoredEvent> {
  const [row] = await tx.insert(justiceEvents).values(values).returning();
  if (articles.length) await tx.insert(justiceEventArticles).values(articles.map((a, position) => ({ ...a, position, eventId: row!.id })));
  return (await withArticles(tx, [row!]))[0]!;
}

export async function touchCase(tx: Tx, caseId: string) {
  await tx.update(cases).set({ lastActivityAt: new Date() }).where(eq(cases.id, caseId));
}

/** The pure rules' view of stored events: articles joined to the framework they were resolved against. */
export function toChainEvents(events: readonly StoredEvent[], framework: StoredFramework): ChainEvent[] {
  const articles = new Map(framework.articles.map((a) => [a.id, a]));
  const regimes = new Map(framework.regimes.map((r) => [r.id, r]));
  const charged = (rows: EventArticleRow[], role: string) =>
    rows
      .filter((a) => a.role === role && articles.has(a.articleId) && regimes.has(a.regimeId))
      .map((a) => ({ article: articles.get(a.articleId) as StoredArticle, regime: regimes.get(a.regimeId) as StoredRegime, tierCode: a.tierCode }));
  return events.map((e) => ({
    id: e.id,
    type: e.type as ChainEvent['type'],
    occurredOn: e.occurredOn,
    recordedAt: e.recordedAt.toISOString(),
    decision: e.decision as ChainEvent['decision'],
    appealOutcome: e.appealOutcome as ChainEvent['appealOutcome'],
    sentenceMonths: e.sentenceMonths,
    sentenceEffective: e.sentenceEffective,
    supersedesEventId: e.supersedesEventId,
    charges: charged(e.articleRows, 'charge'),
    fromArticles: charged(e.articleRows, 'from'),
    toArticles: charged(e.articleRows, 'to'),
  }));
}

/** Events across the cases the actor sees whole (never those it only holds a referral for), filtered and paged. */
export async function listVisibleEvents(tx: Tx, actor: Actor, query: EventListQuery) {
  const conditions: SQL[] = [wholeCaseCondition(actor)];
  if (query.caseId) conditions.push(eq(justiceEvents.caseId, query.caseId));
  if (query.suspectId) conditions.push(eq(justiceEvents.suspectId, query.suspectId));
  if (query.type) conditions.push(eq(justiceEvents.type, query.type));
  if (query.stage) conditions.push(eq(justiceEvents.stage, query.stage));
  if (query.receivingInstitutionId) conditions.push(eq(justiceEvents.receivingInstitutionId, query.receivingInstitutionId));
  if (query.from) conditions.push(gte(justiceEvents.occurredOn, query.from));
  if (query.to) conditions.push(lte(justiceEvents.occurredOn, query.to));
  if (!query.includeSuperseded) {
    conditions.push(sql`not exists (select 1 from justice_events c where c.supersedes_event_id = ${justiceEvents.id})`);
  }
  const where = and(...conditions);
  const [{ total } = { total: 0 }] = await tx
    .select({ total: sql<number>`${count()}::int` })
    .from(justiceEvents)
    .innerJoin(cases, eq(cases.id, justiceEvents.caseId))
    .where(where);
  const descending = query.sort === '-occurredOn';
  const rows = await tx
    .select({ event: justiceEvents })
    .from(justiceEvents)
    .innerJoin(cases, eq(cases.id, justiceEvents.caseId))
    .where(where)
    .orderBy(descending ? desc(justiceEvents.occurredOn) : asc(justiceEvents.occurredOn), asc(justiceEvents.recordedAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { total: Number(total), rows: await withArticles(tx, rows.map((r) => r.event)) };
}

/**
 * The justice inbox: current events (not superseded) that sent a case to the actor's institution — or,
 * with `mine`, to the actor's unit — in cases the actor sees whole, newest arrival first. `unseen` counts
 * those recorded after `seenAt`.
 */
export async function listInboxEvents(tx: Tx, actor: Actor, query: JusticeInboxQuery, seenAt: Date | null) {
  const conditions: SQL[] = [wholeCaseCondition(actor), eq(justiceEvents.receivingInstitutionId, actor.institutionId)];
  if (query.mine && actor.unitId) conditions.push(eq(justiceEvents.receivingUnitId, actor.unitId));
  if (query.type) conditions.push(eq(justiceEvents.type, query.type));
  if (query.q) conditions.push(caseCodeContains(query.q));
  // Waiting: the receiving institution has recorded nothing on that defendant since it was sent.
  if (query.waiting)
    conditions.push(sql`not exists (select 1 from justice_events w where w.suspect_id = ${justiceEvents.suspectId} and w.institution_id = ${actor.institutionId} and w.recorded_at > ${justiceEvents.recordedAt})`);
  conditions.push(sql`not exists (select 1 from justice_events c where c.supersedes_event_id = ${justiceEvents.id})`);
  const where = and(...conditions);
  const unseenWhen = seenAt ? sql`${justiceEvents.recordedAt} > ${seenAt.toISOString()}::timestamptz` : sql`true`;
  const [{ total, unseen } = { total: 0, unseen: 0 }] = await tx
    .select({ total: sql<number>`${count()}::int`, unseen: sql<number>`(count(*) filter (where ${unseenWhen}))::int` })
    .from(justiceEvents)
    .innerJoin(cases, eq(cases.id, justiceEvents.caseId))
    .where(where);
  const rows = await tx
    .select({ event: justiceEvents, caseCode: cases.code })
    .from(justiceEvents)
    .innerJoin(cases, eq(cases.id, justiceEvents.caseId))
    .where(where)
    .orderBy(desc(justiceEvents.recordedAt), desc(justiceEvents.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { total: Number(total), unseen: Number(unseen), rows: await withArticles(tx, rows.map((r) => r.event)), caseCodes: new Map(rows.map((r) => [r.event.id, r.caseCode])) };
}

/** Ids of events in the list that a later row supersedes (to mark them in views). */
export async function supersedingOf(tx: Tx, eventIds: string[]): Promise<Map<string, string>> {
  if (!eventIds.length) return new Map();
  const rows = await tx
    .select({ id: justiceEvents.id, supersedes: justiceEvents.supersedesEventId })
    .from(justiceEvents)
    .where(inArray(justiceEvents.supersedesEventId, eventIds));
  return new Map(rows.map((r) => [r.supersedes!, r.id]));
}
