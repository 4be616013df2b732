/**
 * The fact rows of one case, derived from its records by the same rules the API applies: age at the facts
 * and the presumption of minority (src/core/age.ts), purpose groups (purpose-groups.ts), the justice chain
 * (src/core/justice: standing events, stages, the standing sentence and its voiding, reclassification) and
 * the below-minimum assessment (src/core/legal/sentencing.ts through assessDefendant). Pure: the loading
 * is src/server/stats/facts/facts.repository.ts, the writing facts.refresh.ts. The statistics engine reads
 * only these rows (src/server/stats/stats.sources.ts), so a figure and the case view cannot disagree.
 */
import { ageAtFacts, ageGroupOf, unodcCategory, type AgeGroup } from '../age';
import { dateInTimeZone } from '../country-date';
import { activeEvents, chronological, type ChainEvent } from '../justice/chain';
import { stageOf, stageRank, type JusticeStage } from '../justice/events';
import { assessDefendant, findReclassificationStep } from '../justice/flags';
import { pendingYearEnds, stageReachedOn } from '../justice/pending';
import { isConvictedOutcome } from '../justice/stage';
import { checkAggravation, type AggravatingFacts } from '../legal/aggravation';
import type { LegalFramework } from '../legal/types';
import { ageSchemes, bandOf, sentenceBands } from './age-schemes';
import { purposeGroupOf } from './purpose-groups';

export interface FactsPerson {
  /** The person counted: the surviving record when this one was merged. */
  id: string;
  sex: string;
  birthYear: number | null;
  nationalities: string[];
  originUbigeo: string | null;
  /** yes / no / unknown (victims' identity document figure). */
  hasIdentityDocument?: string | null;
}

export interface FactsUnit {
  unitId: string;
  institutionId: string;
  departmentCode: string | null;
}

export interface FactsInput {
  case: {
    id: string;
    registeredAt: Date;
    reportedOn: string;
    factsStart: string | null;
    status: string;
    source: string;
    purposes: string[];
    sectors: string[];
    owner: FactsUnit;
  };
  /** The unit of the case's registration event (null: none recorded, the owner stands in). */
  registration: FactsUnit | null;
  exploitationDepartments: string[];
  /** The latest case event (registration, transfer, link). */
  lastCaseEventAt: Date | null;
  /** The legal framework, when the case has justice events (omitted aggravation reads it). */
  framework: LegalFramework | null;
  victims: Array<{
    id: string;
    identificationStatus: string;
    ageYears: number | null;
    ageEstimated: boolean;
    ageVerified: boolean;
    ageBand: string | null;
    exploitationForms: string[];
    identifiedOn: string | null;
    housedOnIdentification: string | null;
    person: FactsPerson;
  }>;
  suspects: Array<{ id: string; isPublicOfficial: boolean; person: FactsPerson; events: ChainEvent[]; aggravatingFacts: AggravatingFacts }>;
}

type CaseColumns = {
  caseId: string;
  registeredOn: string;
  owningInstitutionId: string;
  owningDepartment: string | null;
  owningUnitId: string;
  registeringInstitutionId: string;
  registeringDepartment: string | null;
  registeringUnitId: string;
  source: string;
  casePurposes: string[];
  sectors: string[];
  exploitationDepartments: string[];
};

export type CaseFact = CaseColumns & {
  purposeGroup: string | null;
  stage: string;
  reportedOn: string;
  factsStart: string | null;
  status: string;
  investigated: boolean;
  charged: boolean;
  tried: boolean;
  convicted: boolean;
  firstChargeOn: string | null;
  firstDecisionOn: string | null;
  lastActivityAt: Date;
};

export type VictimFact = CaseColumns & {
  victimId: string;
  personId: string;
  purposes: string[];
  purposeGroup: string | null;
  stage: string;
  identificationStatus: string;
  sex: string;
  ageBandReta: string | null;
  ageBandPeru: string | null;
  ageBandCtdc: string | null;
  ageGroup: string;
  unodcCategory: string;
  originDepartment: string | null;
  nationalities: string[];
  identifiedOn: string | null;
  housing: string | null;
  identityDocument: string | null;
};

export type DefendantFact = CaseColumns & {
  suspectId: string;
  personId: string;
  purposeGroup: string | null;
  stage: string;
  sex: string;
  ageBandPeru: string | null;
  ageGroup: string;
  unodcCategory: string;
  nationalities: string[];
  publicOfficial: boolean;
  arrestedOn: string | null;
  chargedOn: string | null;
  convictedOn: string | null;
  acquittedOn: string | null;
  dismissedOn: string | null;
  archivedOn: string | null;
  reclassifiedOn: string | null;
  sentenceOn: string | null;
  sentenceMonths: number | null;
  sentenceBand: string | null;
  belowMinimum: boolean;
  investigatedOn: string | null;
  suspendedOn: string | null;
  victimAgeGroups: string[];
  aggravationOmittedOn: string | null;
  pendingYears: number[];
  pendingFrom: number | null;
  policeOn: string | null;
  prosecutionOn: string | null;
  courtOn: string | null;
  executionOn: string | null;
};

export interface CaseFacts {
  case: CaseFact;
  victims: VictimFact[];
  defendants: DefendantFact[];
}

const uniqueSorted = (values: readonly string[]) => [...new Set(values)].sort();

/** The furthest stage of the main path the standing events reached; international steps never advance it. */
export function furthestStage(events: readonly ChainEvent[]): JusticeStage | 'none' {
  let best: JusticeStage | 'none' = 'none';
  for (const e of events) {
    const stage = stageOf(e.type);
    if (stageRank[stage] > 0 && (best === 'none' || stageRank[stage] > stageRank[best])) best = stage;
  }
  return best;
}

const firstOn = (events: readonly ChainEvent[], match: (e: ChainEvent) => boolean): string | null =>
  events.filter(match).reduce<string | null>((min, e) => (min === null || e.occurredOn < min ? e.occurredOn : min), null);

const isConvictionStep = (e: ChainEvent) => (e.type === 'decision' && e.decision === 'conviction') || e.type === 'plea_agreement';

const sentenceBandOf = (months: number) => sentenceBands.find((b) => months >= b.min && (b.max === null || months <= b.max))?.code ?? null;

/** Steps of the attrition funnel (stats.derived.ts): investigated includes archived (issue 9, item 6). */
const investigatedTypes = new Set(['preliminary_investigation_opened', 'investigation_formalised', 'charges_filed', 'reclassified', 'archived', 'plea_agreement', 'trial_started', 'decision', 'sentence', 'appeal_filed', 'appeal_decided', 'final']);
const chargedTypes = new Set(['charges_filed', 'plea_agreement', 'trial_started', 'decision', 'sentence', 'appeal_filed', 'appeal_decided', 'final']);

/** Suspects have a birth year, not an age at the facts: the age reached in the year of the facts (or registration). */
function suspectAge(birthYear: number | null, factsYear: number): { age: number | null; group: AgeGroup | 'unknown' } {
  if (birthYear === null) return { age: null, group: 'unknown' };
  const age = factsYear - birthYear;
  return { age, group: age < 18 ? 'child' : 'adult' };
}

export function deriveCaseFacts(input: FactsInput): CaseFacts {
  const c = input.case;
  const registeredOn = dateInTimeZone(c.registeredAt);
  const factsYear = Number((c.factsStart ?? registeredOn).slice(0, 4));
  const registering = input.registration ?? c.owner;
  const columns: CaseColumns = {
    caseId: c.id,
    registeredOn,
    owningInstitutionId: c.owner.institutionId,
    owningDepartment: c.owner.departmentCode,
    owningUnitId: c.owner.unitId,
    registeringInstitutionId: registering.institutionId,
    registeringDepartment: registering.departmentCode ?? c.owner.departmentCode,
    registeringUnitId: registering.unitId,
    source: c.source,
    casePurposes: uniqueSorted(c.purposes),
    sectors: uniqueSorted(c.sectors),
    exploitationDepartments: uniqueSorted(input.exploitationDepartments),
  };
  const standing = input.suspects.map((s) => chronological(activeEvents(s.events)));
  const all = standing.flat();
  const caseStage = furthestStage(all);
  const lastRecorded = all.reduce<Date | null>((max, e) => {
    const at = new Date(e.recordedAt);
    return max === null || at > max ? at : max;
  }, null);
  const lastActivityAt = [c.registeredAt, lastRecorded, input.lastCaseEventAt].filter((d): d is Date => d !== null).reduce((a, b) => (b > a ? b : a));
  const caseFact: CaseFact = {
    ...columns,
    purposeGroup: purposeGroupOf(c.purposes),
    stage: caseStage,
    reportedOn: c.reportedOn,
    factsStart: c.factsStart,
    status: c.status,
    investigated: all.some((e) => investigatedTypes.has(e.type)),
    charged: all.some((e) => chargedTypes.has(e.type)),
    tried: all.some((e) => e.type === 'trial_started' || e.type === 'decision'),
    convicted: all.some(isConvictionStep),
    firstChargeOn: firstOn(all, (e) => e.type === 'charges_filed'),
    firstDecisionOn: firstOn(all, (e) => e.type === 'decision'),
    lastActivityAt,
  };
  const victims = input.victims.map((v): VictimFact => {
    const purposes = v.exploitationForms.length ? v.exploitationForms : c.purposes;
    const age = { ageYears: v.ageYears, ageEstimated: v.ageEstimated, ageVerified: v.ageVerified, ageBand: v.ageBand, birthYear: v.person.birthYear, factsYear };
    const years = ageAtFacts(age).years;
    const group = ageGroupOf(age);
    return {
      ...columns,
      victimId: v.id,
      personId: v.person.id,
      purposes: uniqueSorted(purposes),
      purposeGroup: purposeGroupOf(purposes),
      stage: caseStage,
      identificationStatus: v.identificationStatus,
      sex: v.person.sex,
      ageBandReta: bandOf(ageSchemes.reta, years, v.ageBand),
      ageBandPeru: bandOf(ageSchemes.peru, years, v.ageBand),
      ageBandCtdc: bandOf(ageSchemes.ctdc, years, v.ageBand),
      ageGroup: group,
      unodcCategory: unodcCategory(v.person.sex, group),
      originDepartment: v.person.originUbigeo ? v.person.originUbigeo.slice(0, 2) : null,
      nationalities: uniqueSorted(v.person.nationalities),
      identifiedOn: v.identifiedOn,
      housing: v.housedOnIdentification,
      identityDocument: v.person.hasIdentityDocument ?? null,
    };
  });
  const victimAgeGroups = uniqueSorted(victims.filter((v) => v.identificationStatus !== 'not_a_victim').map((v) => v.ageGroup));
  const defendants = input.suspects.map((s, i): DefendantFact => {
    const events = standing[i]!;
    const { age, group } = suspectAge(s.person.birthYear, factsYear);
    const { state, flags } = assessDefendant(s.events);
    const reached = stageReachedOn(events);
    const pending = pendingYearEnds(events, c.reportedOn);
    // The standing sentence as the justice chain derives it (an appeal that revoked or annulled the
    // conviction voids it: issue 9 item 2), counted when its length was recorded.
    const sentenceEvent = state.sentence ? events.find((e) => e.id === state.sentence!.eventId) : undefined;
    const months = sentenceEvent?.sentenceMonths ?? null;
    const aggravation = input.framework
      ? checkAggravation(input.framework, s.aggravatingFacts, { charged: state.chargedArticles, convicted: isConvictedOutcome(state.outcome) ? state.convictionArticles : null })
      : null;
    return {
      ...columns,
      suspectId: s.id,
      personId: s.person.id,
      purposeGroup: purposeGroupOf(c.purposes),
      stage: furthestStage(events),
      sex: s.person.sex,
      ageBandPeru: bandOf(ageSchemes.peru, age),
      ageGroup: group,
      unodcCategory: unodcCategory(s.person.sex, group as AgeGroup),
      nationalities: uniqueSorted(s.person.nationalities),
      publicOfficial: s.isPublicOfficial,
      arrestedOn: firstOn(events, (e) => e.type === 'arrest'),
      chargedOn: firstOn(events, (e) => e.type === 'charges_filed'),
      convictedOn: firstOn(events, isConvictionStep),
      acquittedOn: firstOn(events, (e) => e.type === 'decision' && e.decision === 'acquittal'),
      dismissedOn: firstOn(events, (e) => e.type === 'decision' && e.decision === 'dismissal'),
      archivedOn: firstOn(events, (e) => e.type === 'archived'),
      reclassifiedOn: findReclassificationStep(s.events)?.occurredOn ?? null,
      sentenceOn: months === null ? null : sentenceEvent!.occurredOn,
      sentenceMonths: months,
      sentenceBand: months === null ? null : sentenceBandOf(months),
      belowMinimum: months !== null && (flags.belowMinimum || flags.suspendedNotAllowed),
      investigatedOn: firstOn(events, (e) => investigatedTypes.has(e.type)),
      suspendedOn: firstOn(events, (e) => e.type === 'decision' && e.decision === 'suspended_insufficient_evidence'),
      victimAgeGroups,
      aggravationOmittedOn: aggravation?.omitted ? firstOn(events, (e) => Boolean(e.charges?.length || e.toArticles?.length)) : null,
      pendingYears: pending.years,
      pendingFrom: pending.from,
      policeOn: reached.police,
      prosecutionOn: reached.prosecution,
      courtOn: reached.court,
      executionOn: reached.execution,
    };
  });
  return { case: caseFact, victims, defendants };
}
