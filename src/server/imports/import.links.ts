import type { EventCreate } from '../../contracts/justice';
import { eventCreate } from '../../contracts/justice';
import { referralCreate, type ReferralCreate } from '../../contracts/protection';
import type { HotlineCallRow, JusticeEventRow, OperationRow, ReferralRow } from '../../contracts/import-rows';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { ruleRefused } from '../errors/app-error';
import { createHotlineService } from '../hotline/hotline.service';
import { upsertByExternalId, type UpsertResult } from '../idempotency/upsert-by-external-id';
import { findEventByExternalId } from '../justice/justice.repository';
import { createJusticeService } from '../justice/justice.service';
import { createOperationService } from '../operations/operation.service';
import { createReferralService } from '../protection/referral.service';
import { findInstitutionByCode, findOwnPartyLink, findUnitByCode } from './import.repository';

/** The ids a row's references resolve to (RETA codes and the sender's numbers). */
export interface EventRefs {
  receivingInstitutionId?: string;
  receivingUnitId?: string;
  supersedesEventId?: string;
}

const sentenceOf = (row: JusticeEventRow) =>
  row.sentenceYears === undefined && row.sentenceMonths === undefined && row.sentenceEffective === undefined
    ? undefined
    : { years: row.sentenceYears ?? 0, months: row.sentenceMonths ?? 0, effective: row.sentenceEffective as boolean };

const articlesOf = (numbers: string[] | undefined) => numbers?.map((number) => ({ number }));

/** The justice service's own request for a row (what `POST …/events` would receive). */
export function toEventCreate(externalId: string, row: JusticeEventRow, refs: EventRefs): Record<string, unknown> {
  const body: Record<string, unknown> = {
    type: row.type, occurredOn: row.occurredOn, externalId, documentNumber: row.documentNumber, prosecutorOffice: row.prosecutorOffice, court: row.court,
    receivingInstitutionId: refs.receivingInstitutionId, receivingUnitId: refs.receivingUnitId,
    articles: articlesOf(row.articles), fromArticles: articlesOf(row.fromArticles), toArticles: articlesOf(row.toArticles),
    archiveReason: row.archiveReason, decision: row.decision, appealOutcome: row.appealOutcome, sentence: sentenceOf(row),
    fineAmount: row.fineAmount, reparationAmount: row.reparationAmount, currency: row.currency, country: row.country, supersedesEventId: refs.supersedesEventId,
  };
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

/** A field of the service's request back to the sheet's column (for messages per cell). */
export const eventFieldColumn: Record<string, string> = {
  receivingInstitutionId: 'receivingInstitution', receivingUnitId: 'receivingUnit', supersedesEventId: 'supersedesExternalId',
  'sentence.years': 'sentenceYears', 'sentence.months': 'sentenceMonths', 'sentence.effective': 'sentenceEffective', sentence: 'sentenceYears',
};

/** Placeholder ids for a dry run: references are checked against the registry separately; the shape is checked here. */
export const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

/** Checks an event row against the service's own contract (field rules per event type). */
export function checkEventRow(row: JusticeEventRow) {
  const refs: EventRefs = {
    receivingInstitutionId: row.receivingInstitution ? PLACEHOLDER_ID : undefined,
    receivingUnitId: row.receivingUnit ? PLACEHOLDER_ID : undefined,
    supersedesEventId: row.supersedesExternalId ? PLACEHOLDER_ID : undefined,
  };
  return eventCreate.safeParse(toEventCreate('x', row, refs));
}

/**
 * Each sheet's write needs the permission its own API route needs (the import route only asks for case writes);
 * justice events are checked per stage by the justice service itself.
 */
export const sheetPermissions: Partial<Record<string, string>> = { operations: 'operation.write', hotline_calls: 'hotline.write', referrals: 'protection.write' };

const refusedField = (code: string, column: string) => ruleRefused(code, undefined, { [column]: code });

/**
 * Upserts of the records that point at others (justice events, referrals) or stand alone (hotline calls,
 * operations), keyed on the sender's numbers by the one helper, each write through its feature's service.
 * Justice events and referrals are never edited in place (events are appended, a correction supersedes;
 * referrals move by their receiver's transitions): different data under a number already used is refused
 * with a clear message, the same data again is `unchanged`.
 */
export function createRecordUpserts(deps: Deps) {
  const justice = createJusticeService(deps);
  const referralService = createReferralService(deps);
  const hotline = createHotlineService(deps);
  const operations = createOperationService(deps);
  const { db } = deps;

  async function institutionId(code: string | undefined, column: string) {
    if (!code) return undefined;
    const id = await findInstitutionByCode(db, code);
    if (!id) throw refusedField('import.institution_not_found', column);
    return id;
  }
  async function unitId(institution: string | undefined, code: string | undefined, column: string) {
    if (!code || !institution) return undefined;
    const id = await findUnitByCode(db, institution, code);
    if (!id) throw refusedField('import.unit_not_found', column);
    return id;
  }

  async function upsertJusticeEvent(ctx: Ctx, externalId: string, row: JusticeEventRow): Promise<UpsertResult<unknown>> {
    const link = await findOwnPartyLink(db, ctx.actor.institutionId, 'suspect', row.caseExternalId, row.suspectExternalId);
    if (!link) throw refusedField('import.suspect_not_found', 'suspectExternalId');
    const receivingInstitutionId = await institutionId(row.receivingInstitution, 'receivingInstitution');
    const refs: EventRefs = { receivingInstitutionId, receivingUnitId: await unitId(receivingInstitutionId, row.receivingUnit, 'receivingUnit') };
    if (row.supersedesExternalId) {
      const target = await findEventByExternalId(db, ctx.actor.institutionId, row.supersedesExternalId);
      if (!target) throw refusedField('import.event_not_found', 'supersedesExternalId');
      refs.supersedesEventId = target.id;
    }
    const input = eventCreate.parse(toEventCreate(externalId, row, refs)) as EventCreate;
    return upsertByExternalId(deps.cipher, {
      kind: 'justice_event',
      body: input,
      // Append-only: an event is never edited in RETA, so it is always as its sender left it.
      find: async () => {
        const found = await findEventByExternalId(db, ctx.actor.institutionId, externalId);
        return found && { ...found, version: 1, syncedVersion: 1 };
      },
      create: async (): Promise<unknown> => (await justice.recordEvent(ctx, link.caseId, link.id, input)).event,
      update: async () => {
        throw ruleRefused('import.event_immutable', undefined, { externalId: 'import.event_immutable' });
      },
      present: async (found) => found,
    });
  }

  async function upsertReferral(ctx: Ctx, externalId: string, row: ReferralRow): Promise<UpsertResult<unknown>> {
    const link = await findOwnPartyLink(db, ctx.actor.institutionId, 'victim', row.caseExternalId, row.victimExternalId);
    if (!link) throw refusedField('import.victim_not_found', 'victimExternalId');
    const toInstitutionId = (await institutionId(row.toInstitution, 'toInstitution'))!;
    const toUnitId = await unitId(toInstitutionId, row.toUnit, 'toUnit');
    const input: ReferralCreate = referralCreate.parse(Object.fromEntries(Object.entries({
      externalId, victimId: link.id, toInstitutionId, toUnitId, serviceType: row.serviceType, requestedOn: row.requestedOn,
      consentGiven: row.consentGiven, consentOverrideReason: row.consentOverrideReason,
    }).filter(([, v]) => v !== undefined)));
    return upsertByExternalId(deps.cipher, {
      kind: 'referral',
      body: input,
      find: () => referralService.findOwnByExternalId(ctx, externalId),
      create: async (): Promise<unknown> => (await referralService.create(ctx, input)).referral,
      update: async () => {
        throw ruleRefused('import.referral_immutable', undefined, { externalId: 'import.referral_immutable' });
      },
      present: async (found): Promise<unknown> => ({ id: found.id, version: found.version }),
    });
  }

  const upsertCall = (ctx: Ctx, externalId: string, row: HotlineCallRow) => hotline.upsert(ctx, externalId, row);
  const upsertOperation = (ctx: Ctx, externalId: string, row: OperationRow) => operations.upsert(ctx, externalId, row);

  return { upsertJusticeEvent, upsertReferral, upsertCall, upsertOperation };
}
