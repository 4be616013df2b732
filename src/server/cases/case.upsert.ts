import type { CaseView, PlaceCreate } from '../../contracts/cases';
import type { CaseUpsert } from '../../contracts/upserts';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { upsertByExternalId, type UpsertResult } from '../idempotency/upsert-by-external-id';
import type { CasePartsService } from './case-parts.service';
import type { CaseService } from './case.service';

const placeKey = (p: { kind: string; ubigeo?: string | null; country?: string | null }) =>
  `${p.kind}|${p.ubigeo ?? ''}|${p.ubigeo ? 'PER' : (p.country ?? '')}`;
const sameMultiset = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** The sender's record is the whole record: what it leaves out is cleared, not kept (the unit is moved by transfer). */
function wholeRecord(body: CaseUpsert) {
  return {
    source: body.source, reportedOn: body.reportedOn, factsDateFrom: body.factsDateFrom ?? null, factsDateTo: body.factsDateTo ?? null,
    acts: body.acts ?? [], means: body.means ?? [], purposes: body.purposes ?? [], sexualExploitationSubtypes: body.sexualExploitationSubtypes ?? [],
    sectors: body.sectors ?? [], recruitmentMethods: body.recruitmentMethods ?? [], transportModes: body.transportModes ?? [],
    isInternational: body.isInternational ?? false, countries: body.countries ?? [], organisedCrime: body.organisedCrime ?? false,
    publicOfficialInvolved: body.publicOfficialInvolved ?? false, initialLegalQualification: body.initialLegalQualification ?? null,
    narrative: body.narrative ?? null,
  };
}

/**
 * A case by the registering institution's own file number, through the case service's create and update
 * (scope, validation, audit). Its places are the sender's list: replaced through the case-parts service when
 * they differ (before the stamped case update, so a crash in between is redone by the next run).
 */
export function createCaseUpsert(deps: Deps, cases: CaseService, parts: CasePartsService) {
  async function syncPlaces(ctx: Ctx, view: CaseView, places: readonly PlaceCreate[]) {
    if (sameMultiset(view.places.map(placeKey), places.map(placeKey))) return;
    for (const place of view.places) await parts.removePlace(ctx, view.id, place.id);
    for (const place of places) await parts.addPlace(ctx, view.id, place);
  }

  return async function upsertCase(ctx: Ctx, externalId: string, body: CaseUpsert): Promise<UpsertResult<CaseView>> {
    const createBody = { ...body, externalId };
    return upsertByExternalId(deps.cipher, {
      // The create hashes its whole request, externalId included: the same hash, so create and upsert agree.
      kind: 'case',
      body: createBody,
      find: () => cases.findOwnByExternalId(ctx, externalId),
      create: async () => (await cases.create(ctx, createBody)).view,
      present: (row) => cases.get(ctx, row.id),
      update: async (row, stamp) => {
        await syncPlaces(ctx, await cases.get(ctx, row.id), body.places ?? []);
        return cases.update(ctx, row.id, { ...wholeRecord(body), version: row.version }, stamp);
      },
    });
  };
}
