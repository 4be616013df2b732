import type { HotlineCallRow, JusticeEventRow, ReferralRow } from '../../contracts/import-rows';
import { validateChain } from '../../core/justice/sequence';
import { partialRangeBounds } from '../../core/partial-date';
import type { ChainEvent } from '../../core/justice/chain';
import { decideReferralConsent } from '../../core/protection/consent';
import type { Tx } from '../../db/connect';
import { fieldsFromIssues } from '../http/validation-messages';
import type { Locale } from '../../i18n/translate';
import { listEventsOfSuspect, toChainEvents } from '../justice/justice.repository';
import { loadFramework } from '../legal/legal.repository';
import { unknownCountryFields } from '../reference/countries';
import { AppError } from '../errors/app-error';
import { factsOf, resolveCharges, type ResolvedCharge } from '../justice/justice.policy';
import { checkEventRow, eventFieldColumn } from './import.links';
import { existingPartyKeys, findOwnPartyLink, ownCaseFacts, unknownInstitutionCodes, victimConsents } from './import.repository';

export interface At {
  sheet: string;
  line: number;
  column: string;
}
type Report = (at: At, code: string, params?: Record<string, string | number>, text?: string) => void;
type HeaderOf = (field: string) => string;

interface FileEvent {
  at: At;
  header: HeaderOf;
  externalId: string;
  row: JusticeEventRow;
}

/** What a case's applicable law is chosen by (justice.policy `factsOf`), from the file or the registry. */
type CaseFacts = Parameters<typeof factsOf>[0];

/** The event's article lists, as the justice service resolves them (role) and as the sheet names them (field). */
const articleLists: ReadonlyArray<{ role: ResolvedCharge['role']; field: 'articles' | 'fromArticles' | 'toArticles' }> = [
  { role: 'charge', field: 'articles' },
  { role: 'from', field: 'fromArticles' },
  { role: 'to', field: 'toArticles' },
];

const FUTURE_TOLERANCE_MS = 5 * 60_000;
const today = () => new Date().toISOString().slice(0, 10);

/**
 * The dry run's checks of the sheets that point at other records: justice events (the service's field rules per
 * event type, the defendant named, the sequence rules of src/core/justice over the defendant's events in the
 * registry and in the file), referrals (the victim named, consent as the service decides it), hotline calls
 * (place and date), institution and unit codes. Rows are collected while the file streams; the references
 * are resolved in one pass at the end.
 */
export function createLinkChecks(locale: Locale, mayOverrideConsent: boolean, report: Report) {
  const events = new Map<string, FileEvent[]>();
  const suspectsInFile = new Set<string>();
  const victimsInFile = new Map<string, boolean | null>();
  const referralsToCheck: Array<{ at: At; header: HeaderOf; row: ReferralRow }> = [];
  const institutionCodes = new Map<string, At[]>();
  const defendantRefs = new Map<string, At>();
  const casesInFile = new Map<string, CaseFacts>();

  const codeAt = (code: string | undefined, at: At) => {
    if (!code) return;
    const list = institutionCodes.get(code) ?? [];
    list.push(at);
    institutionCodes.set(code, list);
  };

  /** A case of the file (valid dates), whose facts decide which articles its events may name. */
  function caseFacts(externalId: string | undefined, body: { reportedOn: string; factsDateFrom?: string | null; factsDateTo?: string | null }) {
    if (!externalId) return;
    const bounds = partialRangeBounds(body.factsDateFrom, body.factsDateTo);
    casesInFile.set(externalId, { reportedOn: body.reportedOn, factsDateFrom: body.factsDateFrom ?? null, factsStart: bounds?.start ?? null });
  }

  function party(part: 'victim' | 'suspect', caseExternalId: string | undefined, externalId: string | undefined, consent: unknown) {
    if (!caseExternalId || !externalId) return;
    if (part === 'suspect') suspectsInFile.add(`${caseExternalId}|${externalId}`);
    else victimsInFile.set(`${caseExternalId}|${externalId}`, typeof consent === 'boolean' ? consent : null);
  }

  function justiceEvent(at: Omit<At, 'column'>, header: HeaderOf, externalId: string | undefined, row: JusticeEventRow) {
    const parsed = checkEventRow(row);
    if (!parsed.success) {
      for (const [path, text] of Object.entries(fieldsFromIssues(parsed.error.issues, locale))) {
        const field = path.replace(/\.\d+(\.number)?$/, '');
        report({ ...at, column: header(eventFieldColumn[field] ?? field) }, 'invalid', undefined, text);
      }
      return;
    }
    if (row.occurredOn > today()) report({ ...at, column: header('occurredOn') }, 'justice.event_in_future');
    codeAt(row.receivingInstitution, { ...at, column: header('receivingInstitution') });
    const key = `${row.caseExternalId}|${row.suspectExternalId}`;
    if (!defendantRefs.has(key)) defendantRefs.set(key, { ...at, column: header('suspectExternalId') });
    const list = events.get(key) ?? [];
    list.push({ at: { ...at, column: header('type') }, header, externalId: externalId ?? '', row });
    events.set(key, list);
  }

  function referral(at: Omit<At, 'column'>, header: HeaderOf, row: ReferralRow) {
    codeAt(row.toInstitution, { ...at, column: header('toInstitution') });
    referralsToCheck.push({ at: { ...at, column: header('victimExternalId') }, header, row });
  }

  function hotlineCall(at: Omit<At, 'column'>, header: HeaderOf, row: HotlineCallRow) {
    if (row.ubigeo && row.country && row.country !== 'PER') report({ ...at, column: header('country') }, 'hotline.place_conflict');
    if (Date.parse(row.receivedAt) > Date.now() + FUTURE_TOLERANCE_MS) report({ ...at, column: header('receivedAt') }, 'date_in_future');
    for (const [, code] of Object.entries(unknownCountryFields([{ code: row.country, field: 'country' }]))) report({ ...at, column: header('country') }, code);
  }

  async function resolve(db: Tx, institutionId: string, existingEventIds: Set<string>) {
    for (const code of await unknownInstitutionCodes(db, [...institutionCodes.keys()])) {
      for (const at of institutionCodes.get(code)!) report(at, 'import.institution_not_found', { code });
    }
    const suspectIds = [...defendantRefs.keys()].filter((k) => !suspectsInFile.has(k)).map((k) => k.split('|')[1]!);
    const inRegistry = await existingPartyKeys(db, institutionId, 'suspect', suspectIds);
    const framework = events.size ? await loadFramework(db) : undefined;
    for (const [key, fileEvents] of events) {
      if (!suspectsInFile.has(key) && !inRegistry.has(key)) {
        report(defendantRefs.get(key)!, 'import.suspect_not_found');
        continue;
      }
      const [caseExternalId, suspectExternalId] = key.split('|') as [string, string];
      const link = inRegistry.has(key) ? await findOwnPartyLink(db, institutionId, 'suspect', caseExternalId, suspectExternalId) : undefined;
      const stored = link ? toChainEvents(await listEventsOfSuspect(db, link.id), framework!) : [];
      // Events the registry holds already (a re-run) are checked as stored, not twice.
      const fresh = fileEvents.filter((e) => !existingEventIds.has(e.externalId));
      const byExternalId = new Map(fresh.map((e) => [e.externalId, `file:${e.at.line}`]));
      const chain: ChainEvent[] = [
        ...stored,
        ...fresh.map((e, i) => ({
          id: `file:${e.at.line}`, type: e.row.type, occurredOn: e.row.occurredOn, recordedAt: `9999-${String(i).padStart(8, '0')}`,
          decision: e.row.decision ?? null, appealOutcome: e.row.appealOutcome ?? null, sentenceEffective: e.row.sentenceEffective ?? null,
          sentenceMonths: e.row.sentenceYears !== undefined || e.row.sentenceMonths !== undefined ? (e.row.sentenceYears ?? 0) * 12 + (e.row.sentenceMonths ?? 0) : null,
          supersedesEventId: e.row.supersedesExternalId ? (byExternalId.get(e.row.supersedesExternalId) ?? null) : null,
        })),
      ];
      const violation = validateChain(chain, { factsStart: null, today: today() });
      const at = fresh.find((e) => `file:${e.at.line}` === violation?.eventId)?.at;
      if (violation && at) report(at, violation.code);
    }
    if (framework) await checkArticlesInForce(db, institutionId, framework, existingEventIds);
    const victimIds = referralsToCheck.map((r) => r.row.victimExternalId);
    const consents = await victimConsents(db, institutionId, victimIds);
    for (const { at, header, row } of referralsToCheck) {
      const key = `${row.caseExternalId}|${row.victimExternalId}`;
      const known = victimsInFile.has(key) || consents.has(key);
      if (!known) {
        report(at, 'import.victim_not_found');
        continue;
      }
      const consentOnRecord = victimsInFile.has(key) ? victimsInFile.get(key)! : consents.get(key)!;
      const decision = decideReferralConsent({ consentOnReferral: row.consentGiven, consentOnRecord, mayOverride: mayOverrideConsent, overrideReason: row.consentOverrideReason });
      if (!decision.ok) {
        const column = decision.problem === 'consent_required' ? header('consentGiven') : header('consentOverrideReason');
        report({ ...at, column }, decision.problem === 'consent_required' ? 'referral.consent_required' : 'referral.override_reason_required');
      }
    }
  }

  /**
   * The articles an event names must have been in force on the date of the facts of its case (the case in the
   * file, else the one in the registry): resolved by the justice service's own `resolveCharges`, so the dry run
   * refuses exactly what the run would. Events the registry holds already are not written again: not checked.
   */
  async function checkArticlesInForce(db: Tx, institutionId: string, framework: Awaited<ReturnType<typeof loadFramework>>, existingEventIds: Set<string>) {
    const withArticles = [...events.values()].flat().filter((e) => !existingEventIds.has(e.externalId) && articleLists.some(({ field }) => e.row[field]?.length));
    const elsewhere = [...new Set(withArticles.map((e) => e.row.caseExternalId).filter((id) => !casesInFile.has(id)))];
    const stored = await ownCaseFacts(db, institutionId, elsewhere);
    for (const e of withArticles) {
      const facts = casesInFile.get(e.row.caseExternalId) ?? stored.get(e.row.caseExternalId);
      if (!facts) continue; // an unknown case is reported as such
      for (const { role, field } of articleLists) {
        try {
          resolveCharges(framework, factsOf(facts), role, e.row[field]?.map((number) => ({ number })));
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          report({ ...e.at, column: e.header(field) }, error.code, error.params);
        }
      }
    }
  }

  return { party, caseFacts, justiceEvent, referral, hotlineCall, resolve };
}
