import { makeCase, type CaseFactoryInput } from '../../../test/case-factory';
import { makeUser, type MadeUser } from '../../../test/factories';
import type { TestRegistry } from '../../../test/registry';

/**
 * The people of the chain, made once per test file (sign-ins are rate limited per address): a police
 * investigator, a prosecutor office and a court that will receive the case, and outsiders of each kind.
 */
export async function makeCast(registry: TestRegistry) {
  return {
    police: await makeUser(registry, { roles: ['investigator'] }),
    prosecutor: await makeUser(registry, { roles: ['prosecutor'] }),
    clerk: await makeUser(registry, { roles: ['court_clerk'] }),
    otherPolice: await makeUser(registry, { roles: ['investigator'] }),
    otherProsecutor: await makeUser(registry, { roles: ['prosecutor'] }),
    otherCourt: await makeUser(registry, { roles: ['court_clerk'] }),
    analyst: await makeUser(registry, { roles: ['analyst'], national: true }),
  };
}
export type Cast = Awaited<ReturnType<typeof makeCast>>;

/** A case owned by the cast's police unit (facts in 2016 unless said otherwise), with its URLs. */
export async function makeChain(registry: TestRegistry, cast: Cast, caseInput: CaseFactoryInput = {}) {
  const made = await makeCase(registry.deps, cast.police, { factsDateFrom: '2016', suspects: [{}], ...caseInput });
  const caseId = made.case.id;
  const suspects = made.suspects.map((s) => s.id);
  const url = (suspectId = suspects[0]!) => `/api/v1/cases/${caseId}/suspects/${suspectId}/events`;
  return { ...cast, caseId, suspects, url, justiceUrl: `/api/v1/cases/${caseId}/justice` };
}
export type Chain = Awaited<ReturnType<typeof makeChain>>;

/** Posts events in order and fails loudly on the first one refused. */
export async function record(chain: Chain, steps: Array<[MadeUser, Record<string, unknown>]>, suspectId = chain.suspects[0]!) {
  const ids: string[] = [];
  for (const [user, body] of steps) {
    const response = await user.client.post(chain.url(suspectId), body);
    if (response.status !== 201) throw new Error(`${String(body.type)}: ${response.status} ${JSON.stringify(response.body)}`);
    ids.push(response.body.id);
  }
  return ids;
}

/** Walks a defendant through the police report and the charges, so the court may record its events. */
export function sendToCourt(chain: Chain, suspectId = chain.suspects[0]!) {
  return record(
    chain,
    [
      [chain.police, { type: 'arrest', occurredOn: '2016-06-01' }],
      [chain.police, { type: 'police_report_sent', occurredOn: '2016-06-20', receivingInstitutionId: chain.prosecutor.institutionId }],
      [chain.prosecutor, { type: 'charges_filed', occurredOn: '2017-02-01', articles: [{ number: '153' }], receivingInstitutionId: chain.clerk.institutionId }],
    ],
    suspectId,
  );
}
