import type { Deps } from '../deps';
import { createPersonService } from '../people/person.service';
import { createCasePartsService } from './case-parts.service';
import { createCaseService } from './case.service';
import { createPartyUpsert } from './case-party.upsert';
import { createCaseUpsert } from './case.upsert';

/** Upserts by the sender's external ids of the case registry's records: what PUT …/by-external-id and the import use. */
export function createCaseUpserts(deps: Deps) {
  const cases = createCaseService(deps);
  const parts = createCasePartsService(deps);
  const party = createPartyUpsert(deps, cases, parts, createPersonService(deps));
  return { upsertCase: createCaseUpsert(deps, cases, parts), upsertParty: party, cases };
}

export type CaseUpserts = ReturnType<typeof createCaseUpserts>;
