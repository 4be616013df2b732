import type { EventCreate, EventListQuery, JusticeInboxQuery } from '../../contracts/justice';
import { isNewSince, seenAtOf } from '../inbox/inbox.repository';
import { stageOf } from '../../core/justice/events';
import { assessDefendant } from '../../core/justice/flags';
import { checkAggravation, type AggravatingFacts } from '../../core/legal/aggravation';
import { factsForSuspect, loadAggravatingFacts } from './aggravation.facts';
import { favourabilityToReview } from '../../core/legal/favourability';
import { validateChain } from '../../core/justice/sequence';
import { deriveCaseStage, isConvictedOutcome } from '../../core/justice/stage';
import type { Tx } from '../../db/connect';
import { writeAudit } from '../audit/audit.writer';
import { isUniqueViolation } from '../db-errors';
import { grantCaseAccess } from '../policy';
import { isSystemActor, type Ctx } from '../context';
import type { Deps } from '../deps';
import { AppError, conflict, ruleRefused } from '../errors/app-error';
import { idempotentCreate } from '../idempotency/idempotent-create';
import { loadFramework, type StoredFramework } from '../legal/legal.repository';
import { presentEvent } from './justice.presenter';
import { assertSentenceConfirmed } from './sentence-warnings';
import { assertMayRecordStage, assertReceiver, factsOf, resolveCharges, type ResolvedCharge } from './justice.policy';
import {
  findEvent, findEventByExternalId, loadWholeCase, lockSuspect, insertEvent, listEventsOfCase, listEventsOfSuspect, listSuspects, listVisibleEvents, listInboxEvents,
  supersedingOf, toChainEvents, touchCase, type StoredEvent,
} from './justice.repository';

const today = () => new Date().toISOString().slice(0, 10);

/** The correction must name an event of the same defendant and stage that nothing has corrected yet. */
async function assertSupersedable(tx: Tx, existing: StoredEvent[], suspectId: string, targetId: string, stage: string) {
  const target = existing.find((e) => e.id === targetId);
  if (!target) {
    const elsewhere = await findEvent(tx, targetId);
    if (elsewhere && elsewhere.suspectId !== suspectId) throw ruleRefused('justice.supersede_other_defendant');
    throw new AppError('justice.event.not_found', 404);
  }
  if (existing.some((e) => e.supersedesEventId === targetId)) throw conflict('justice.already_superseded');
  if (target.stage !== stage) throw ruleRefused('justice.supersede_other_stage');
}

/**
 * The justice chain: each institution appends the events of its own stage for the defendants of a case
 * it can see; the stage, outcome and flags are derived from the events on every read.
 */
export function createJusticeService(deps: Deps) {
  const { db } = deps;

  async function appendEvent(ctx: Ctx, caseId: string, suspectId: string, input: EventCreate) {
    return db.transaction(async (tx) => {
      // Whole case, not merely visible: a referral-only institution sees no defendants (any stage, international too).
      const caseRow = await loadWholeCase(tx, ctx, caseId);
      const suspect = await lockSuspect(tx, caseId, suspectId);
      if (!suspect) throw new AppError('justice.suspect.not_found', 404);
      const stage = stageOf(input.type);
      await assertMayRecordStage(tx, ctx, caseRow, stage);
      const framework = await loadFramework(tx);
      // The sender's own number for the event: the same request again answers with the event it made (on this
      // defendant only), different data under it is refused (src/server/idempotency).
      const { view: event, created } = await idempotentCreate(tx, deps.cipher, {
        kind: 'justice_event',
        externalId: input.externalId,
        body: input,
        constraint: 'justice_events_external_idx',
        find: (q, externalId) => findEventByExternalId(q, ctx.actor.institutionId, externalId),
        replay: async (_q, earlier) => {
          if (earlier.suspectId !== suspectId || earlier.caseId !== caseId) throw conflict('justice.external_id_taken');
          return earlier;
        },
        create: (sp, requestHash) => appendNew(sp, ctx, caseRow, suspectId, stage, framework, input, requestHash),
        // The Idempotency-Key names one event of this defendant of this case.
        key: { ctx, target: { caseId, suspectId }, recordId: (made) => made.id, findById: (q, id) => findEvent(q, id) },
      });
      return { event, framework, created };
    });
  }

  /** Inserts the event, checks the chain with it, grants access along the workflow: all or nothing. */
  async function appendNew(tx: Tx, ctx: Ctx, caseRow: Awaited<ReturnType<typeof loadWholeCase>>, suspectId: string, stage: ReturnType<typeof stageOf>, framework: Awaited<ReturnType<typeof loadFramework>>, input: EventCreate, requestHash: string | null) {
    const caseId = caseRow.id;
    const existing = await listEventsOfSuspect(tx, suspectId);
    if (input.supersedesEventId) await assertSupersedable(tx, existing, suspectId, input.supersedesEventId, stage);
    const facts = factsOf(caseRow);
    const charges: ResolvedCharge[] = [
      ...resolveCharges(framework, facts, 'charge', input.articles),
      ...resolveCharges(framework, facts, 'from', input.fromArticles),
      ...resolveCharges(framework, facts, 'to', input.toArticles),
    ];
    const receiver = await assertReceiver(tx, input.type, input.receivingInstitutionId, input.receivingUnitId);
    const values = {
      caseId, suspectId, type: input.type, stage, occurredOn: input.occurredOn, recordedBy: isSystemActor(ctx.actor) ? null : ctx.actor.userId,
      institutionId: ctx.actor.institutionId, unitId: ctx.actor.unitId, externalId: input.externalId ?? null, requestHash,
      documentNumber: input.documentNumber ?? null, prosecutorOffice: input.prosecutorOffice ?? null, court: input.court ?? null,
      receivingInstitutionId: receiver?.institutionId ?? null, receivingUnitId: receiver?.unitId ?? null,
      archiveReason: input.archiveReason ?? null, decision: input.decision ?? null, appealOutcome: input.appealOutcome ?? null,
      sentenceMonths: input.sentence ? input.sentence.years * 12 + input.sentence.months : null,
      sentenceEffective: input.sentence ? input.sentence.effective : null,
      fineAmount: input.fineAmount?.toFixed(2) ?? null, reparationAmount: input.reparationAmount?.toFixed(2) ?? null,
      currency: input.fineAmount !== undefined || input.reparationAmount !== undefined ? (input.currency ?? 'PEN') : null,
      country: input.country ?? null, supersedesEventId: input.supersedesEventId ?? null,
    };
    const event = await insertEvent(tx, values, charges.map((c) => ({ role: c.role, articleId: c.article.id, regimeId: c.regime.id, tierCode: c.tierCode })));
    const violation = validateChain(toChainEvents([...existing, event], framework), { factsStart: caseRow.factsStart, today: today(), datesOf: event.id });
    if (violation) throw ruleRefused(violation.code); // rolls the insert back
    const confirmedWarnings = assertSentenceConfirmed(toChainEvents(existing, framework), toChainEvents([...existing, event], framework), input.confirmWarnings !== false);
    await writeAudit(tx, ctx, {
      action: 'justice.event.create', entityType: 'justice_event', entityId: event.id,
      details: { caseId, suspectId, type: input.type, stage, occurredOn: input.occurredOn, supersedes: input.supersedesEventId ?? null, articles: charges.map((c) => `${c.role}:${c.article.articleNumber}@${c.regime.code}`), ...(confirmedWarnings.length ? { confirmedWarnings } : {}) },
    });
    if (receiver) {
      await grantCaseAccess(tx, { caseId, institutionId: receiver.institutionId, unitId: receiver.unitId, basis: receiver.basis, grantedBy: values.recordedBy });
      await writeAudit(tx, ctx, { action: 'case.access.grant', entityType: 'case', entityId: caseId, details: { institutionId: receiver.institutionId, unitId: receiver.unitId, basis: receiver.basis, eventId: event.id } });
    }
    await touchCase(tx, caseId);
    return event;
  }

  /**
   * Appends one event. The lock on the defendant serialises appends for one defendant only, so two
   * requests with one externalId for two defendants (or a correction raced by another) both pass the
   * checks and the unique index refuses the second: a replay of the same defendant's event, else 409.
   */
  async function recordEvent(ctx: Ctx, caseId: string, suspectId: string, input: EventCreate) {
    try {
      return await appendEvent(ctx, caseId, suspectId, input);
    } catch (error) {
      if (isUniqueViolation(error, 'justice_events_supersedes_idx')) throw conflict('justice.already_superseded');
      throw error;
    }
  }

  /** Every defendant of a case the actor sees whole, with its events, derived stage, outcome and flags. */
  async function caseJustice(ctx: Ctx, caseId: string) {
    return db.transaction(async (tx) => {
      await loadWholeCase(tx, ctx, caseId);
      const [suspects, events, framework] = [await listSuspects(tx, caseId), await listEventsOfCase(tx, caseId), await loadFramework(tx)];
      const supersededBy = await supersedingOf(tx, events.map((e) => e.id));
      const facts = (await loadAggravatingFacts(tx, [caseId])).get(caseId);
      const defendants = suspects.map((s) => assessSuspect(s, events.filter((e) => e.suspectId === s.id), framework, supersededBy, factsForSuspect(facts, s)));
      return { caseId, stage: deriveCaseStage(defendants), defendants };
    });
  }

  async function listEvents(ctx: Ctx, query: EventListQuery) {
    const { total, rows } = await listVisibleEvents(db, ctx.actor, query);
    const [framework, supersededBy] = [await loadFramework(db), await supersedingOf(db, rows.map((r) => r.id))];
    return { items: rows.map((r) => presentEvent(r, framework, supersededBy)), total, page: query.page, pageSize: query.pageSize };
  }

  /** Police reports and charges waiting at the actor's institution or unit, newest first, new ones marked. */
  async function inbox(ctx: Ctx, query: JusticeInboxQuery) {
    const seenAt = await seenAtOf(db, ctx.actor, 'justice');
    const { total, unseen, rows, caseCodes } = await listInboxEvents(db, ctx.actor, query, seenAt);
    const framework = await loadFramework(db);
    const items = rows.map((r) => ({ ...presentEvent(r, framework, new Map()), caseCode: caseCodes.get(r.id) ?? null, isNew: isNewSince(seenAt, r.recordedAt) }));
    return { items, total, unseen, seenAt: seenAt?.toISOString() ?? null, page: query.page, pageSize: query.pageSize };
  }

  return { recordEvent, caseJustice, listEvents, inbox };
}
export type JusticeService = ReturnType<typeof createJusticeService>;

type SuspectRow = Awaited<ReturnType<typeof listSuspects>>[number];

/** One defendant's derived view: the pure rules applied to its stored events. */
export function assessSuspect(suspect: SuspectRow, events: StoredEvent[], framework: StoredFramework, supersededBy: Map<string, string>, facts: AggravatingFacts) {
  const { state, flags } = assessDefendant(toChainEvents(events, framework));
  const aggravation = checkAggravation(framework, facts, { charged: state.chargedArticles, convicted: isConvictedOutcome(state.outcome) ? state.convictionArticles : null });
  const favourable = favourabilityToReview(framework, [...state.convictionArticles, ...state.chargedArticles]);
  return {
    suspectId: suspect.id,
    personId: suspect.personId,
    stage: state.stage,
    outcome: state.outcome,
    inCustody: state.inCustody,
    final: state.final,
    pendingAppeals: state.pendingAppeals,
    sentence: state.sentence,
    applicableRange: flags.sentencing?.range ?? null,
    flags: {
      belowMinimum: flags.belowMinimum,
      suspendedNotAllowed: flags.suspendedNotAllowed,
      aboveMaximum: flags.sentencing?.aboveMaximum ?? false,
      reclassified: flags.reclassified,
      publicOfficial: suspect.isPublicOfficial,
      favourabilityToReview: favourable.length > 0,
      aggravationOmitted: aggravation.omitted,
    },
    aggravation,
    reclassification: flags.reclassification,
    favourableLaterLaw: favourable,
    events: events.map((e) => presentEvent(e, framework, supersededBy)),
  };
}
