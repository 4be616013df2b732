import type { SuspectView, VictimView } from '../../contracts/cases';
import type { SuspectUpsert, VictimUpsert } from '../../contracts/upserts';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { ruleRefused } from '../errors/app-error';
import { combineOutcomes, syncExisting, upsertHash, type UpsertOutcome, type UpsertResult } from '../idempotency/upsert-by-external-id';
import type { PersonService } from '../people/person.service';
import type { CasePartsService, Part } from './case-parts.service';
import type { CaseService } from './case.service';

type PersonBody = NonNullable<VictimUpsert['person']>;

/** The sender's record is the whole record: attributes it leaves out are cleared (identity: the fields it gives). */
const wholePerson = (p: PersonBody = {}) => ({
  sex: p.sex ?? 'unknown', genderIdentity: p.genderIdentity ?? null, birthYear: p.birthYear ?? null, nationalities: p.nationalities ?? [],
  indigenousPeople: p.indigenousPeople ?? null, nativeLanguage: p.nativeLanguage ?? null, originUbigeo: p.originUbigeo ?? null,
  originCountry: p.originCountry ?? null, education: p.education ?? null, disability: p.disability ?? null,
  hasIdentityDocument: p.hasIdentityDocument ?? 'unknown', ...(p.identity ? { identity: p.identity } : {}),
});

type VictimFields = Omit<VictimUpsert, 'caseExternalId' | 'person'>;
type SuspectFields = Omit<SuspectUpsert, 'caseExternalId' | 'person'>;

/** Identification (status) is recorded through its own route: an upsert sets it on creation only. */
const wholeVictim = (v: VictimFields) => ({
  identifiedOn: v.identifiedOn ?? null, ageYears: v.ageYears ?? null, ageEstimated: v.ageEstimated ?? false, ageVerified: v.ageVerified ?? false,
  ageBand: v.ageBand ?? null, exploitationForms: v.exploitationForms ?? [], means: v.means ?? [], relationshipToRecruiter: v.relationshipToRecruiter ?? null,
  monthsInExploitation: v.monthsInExploitation ?? null, consentToServices: v.consentToServices ?? null, consentToDataSharing: v.consentToDataSharing ?? null,
});
const wholeSuspect = (s: SuspectFields) => ({
  roles: s.roles ?? [], relationshipToVictims: s.relationshipToVictims ?? null, isPublicOfficial: s.isPublicOfficial ?? false,
  officialInstitution: s.officialInstitution ?? null, organisedGroupMember: s.organisedGroupMember ?? false,
});

/**
 * A victim or suspect keyed by the sender's own person number: the person (its attributes and identity) and
 * the link to the sender's case (by the case's external id) are two records, each synced by the one rule
 * (src/server/idempotency/upsert-by-external-id.ts); the outcome combines both (any conflict wins).
 */
export function createPartyUpsert(deps: Deps, cases: CaseService, parts: CasePartsService, people: PersonService) {
  return async function upsertParty<P extends Part>(ctx: Ctx, part: P, externalId: string, body: P extends 'victim' ? VictimUpsert : SuspectUpsert) {
    const { caseExternalId, person: personBody, ...fields } = body;
    const caseRow = await cases.findOwnByExternalId(ctx, caseExternalId);
    // Another institution's numbers are not looked up: a reference the sender did not register is refused.
    if (!caseRow) throw ruleRefused('upsert.case_not_found', undefined, { caseExternalId: 'upsert.case_not_found' });
    const personInput = { ...(personBody ?? {}), externalId };
    const linkHash = upsertHash(deps.cipher, `case_${part}`, { caseExternalId, ...fields });
    const present = (id: string) => parts.presentParty(ctx, part, caseRow.id, id) as Promise<VictimView | SuspectView>;
    const found = await parts.findOwnParty(ctx, part, caseRow.id, externalId);
    if (!found) {
      const { view } = await parts.addParty(ctx, part, caseRow.id, { person: personInput, ...fields } as never, { requestHash: linkHash });
      return { outcome: 'created', view } as UpsertResult<VictimView | SuspectView>;
    }
    const outcomes: UpsertOutcome[] = [];
    // The person's hash is the one its creation inside a case stores (kind `person`), so both paths agree.
    const personResult = await syncExisting(upsertHash(deps.cipher, 'person', personInput), found.person, {
      refind: async () => (await parts.findOwnParty(ctx, part, caseRow.id, externalId))?.person,
      present: async () => undefined,
      update: async (row, stamp) => void (await people.update(ctx, row.id, { ...wholePerson(personBody), version: row.version }, stamp)),
    });
    outcomes.push(personResult.outcome);
    if (!found.link) {
      const { view } = await parts.addParty(ctx, part, caseRow.id, { personId: found.person.id, ...fields } as never, { requestHash: linkHash });
      return { outcome: combineOutcomes([...outcomes, 'created']), view } as UpsertResult<VictimView | SuspectView>;
    }
    const whole = part === 'victim' ? wholeVictim(fields as VictimFields) : wholeSuspect(fields as SuspectFields);
    const linkResult = await syncExisting(linkHash, found.link, {
      refind: async () => (await parts.findOwnParty(ctx, part, caseRow.id, externalId))?.link,
      present: (row) => present(row.id),
      update: (row, stamp) => parts.updateParty(ctx, part, caseRow.id, row.id, { ...whole, version: row.version }, stamp) as Promise<VictimView | SuspectView>,
    });
    return { outcome: combineOutcomes([...outcomes, linkResult.outcome]), view: linkResult.view } as UpsertResult<VictimView | SuspectView>;
  };
}
