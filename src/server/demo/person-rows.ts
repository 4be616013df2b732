import { randomUUID } from 'node:crypto';
import { normaliseDocument, normaliseFullName } from '../../core/normalise';
import type { caseSuspects, caseVictims, persons } from '../../db/schema';
import type { Cipher } from '../crypto/cipher';
import { isoDay, yearOfDay } from './dates';
import * as dist from './distributions';
import { familyNames, femaleNames, maleNames } from './names';
import type { Rng } from './prng';

type PersonRow = (typeof persons)['$inferInsert'];

/** Recent victims that a later case may involve again (re-trafficking), bounded so memory stays flat. */
export interface PersonPool {
  items: Array<{ id: string; sex: string; birthYear: number | null; originDepartment: string | null }>;
  limit: number;
}

export interface PersonFactory {
  institutionId: string;
  identifiedBy: string;
  cipher: Cipher;
}

interface PersonContext {
  pool: PersonPool;
  person: PersonFactory;
}

function syntheticPerson(rng: Rng, factory: PersonFactory, sex: string, birthYear: number | null): Pick<PersonRow, 'identityEnc' | 'nameHash' | 'documentHash'> {
  const givenNames = rng.pick(sex === 'male' ? maleNames : femaleNames);
  const family = `${rng.pick(familyNames)} ${rng.pick(familyNames)}`;
  const document = rng.chance(0.55) ? { type: 'dni', number: String(rng.int(10_000_000, 79_999_999)) } : undefined;
  const birthDate = birthYear && rng.chance(0.5) ? `${birthYear}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}` : undefined;
  const identity = { givenNames, familyNames: family, document, birthDate, synthetic: true };
  return {
    identityEnc: factory.cipher.encryptJson(identity),
    nameHash: factory.cipher.blindIndex('name', normaliseFullName(givenNames, family)),
    documentHash: document ? factory.cipher.blindIndex('document', normaliseDocument(document.type, document.number)) : null,
  };
}

function victimSex(rng: Rng, purposes: string[]): string {
  if (purposes[0] === 'sexual_exploitation') return rng.weighted({ female: 0.93, male: 0.06, unknown: 0.01 });
  if (purposes[0] === 'forced_labour') return rng.weighted({ female: 0.6, male: 0.39, unknown: 0.01 });
  return rng.weighted(dist.victimSex);
}

/**
 * Mostly the published origin distribution; some victims exploited where they live (rarely in Madre de
 * Dios, a destination); some along the known corridors into the exploitation department.
 */
function originOf(rng: Rng, exploitation: string): string {
  const draw = rng.next();
  if (draw < (exploitation === '17' ? 0.03 : 0.15)) return exploitation;
  const corridor = dist.corridors[exploitation];
  if (corridor && draw < 0.3) return rng.pick(corridor);
  return rng.weighted(dist.originDepartment);
}

export function makeVictim(
  rng: Rng,
  ctx: PersonContext,
  c: { caseId: string; exploitation: string; purposes: string[]; reportedDay: number; factsStartDay: number; used: Set<string> },
) {
  const factsYear = yearOfDay(c.factsStartDay);
  const candidate = ctx.pool.items.length > 20 && rng.chance(0.03) ? rng.pick(ctx.pool.items) : undefined;
  // A person is a victim once per case: a second draw of someone already in this case makes a new person.
  const reused = candidate && !c.used.has(candidate.id) ? candidate : undefined;
  let person: PersonRow | undefined;
  let sex: string;
  let ageYears: number | null;
  let originDepartment: string | null;
  let personId: string;
  if (reused) {
    ({ sex, originDepartment } = reused);
    personId = reused.id;
    ageYears = reused.birthYear ? Math.max(0, factsYear - reused.birthYear) : null;
  } else {
    sex = victimSex(rng, c.purposes);
    const band = rng.weighted(dist.ageBand);
    const [min, max] = dist.ageRange[band];
    ageYears = rng.chance(0.04) ? null : rng.int(min, max);
    const nationality = rng.weighted(dist.victimNationality);
    originDepartment = nationality === 'PER' ? originOf(rng, c.exploitation) : null;
    const birthYear = ageYears === null ? null : factsYear - ageYears;
    personId = randomUUID();
    person = {
      id: personId,
      createdByInstitutionId: ctx.person.institutionId,
      ...syntheticPerson(rng, ctx.person, sex, birthYear),
      sex,
      birthYear,
      nationalities: [nationality],
      originUbigeo: originDepartment,
      originCountry: nationality,
      education: rng.pick(['isced_1', 'isced_2', 'isced_2', 'isced_3', 'none', 'unknown']),
      disability: rng.chance(0.03),
      hasIdentityDocument: rng.weighted({ yes: 0.55, no: 0.25, unknown: 0.2 }),
    };
    if (ctx.pool.items.length < ctx.pool.limit) ctx.pool.items.push({ id: personId, sex, birthYear, originDepartment });
    else ctx.pool.items[rng.int(0, ctx.pool.limit - 1)] = { id: personId, sex, birthYear, originDepartment };
  }
  c.used.add(personId);
  const status = rng.weighted({ confirmed_victim: 0.66, possible_victim: 0.31, not_a_victim: 0.03 });
  const row: (typeof caseVictims)['$inferInsert'] = {
    id: randomUUID(),
    caseId: c.caseId,
    personId,
    identificationStatus: status,
    identifiedByInstitutionId: status === 'confirmed_victim' ? ctx.person.identifiedBy : null,
    identifiedOn: status === 'confirmed_victim' ? isoDay(c.reportedDay + rng.int(0, 30)) : null,
    ageYears,
    ageEstimated: ageYears !== null && rng.chance(0.15),
    ageVerified: ageYears !== null && rng.chance(0.7),
    ageBand: ageYears === null && rng.chance(0.5) ? 'under_18' : null,
    exploitationForms: c.purposes,
    means: rng.some(dist.commonMeans, 0.2, 1),
    relationshipToRecruiter: rng.weighted(dist.relationship),
    monthsInExploitation: rng.int(1, 36),
    consentToServices: rng.chance(0.82),
    consentToDataSharing: rng.chance(0.6),
  };
  return { person, row, sex, child: ageYears !== null && ageYears < 18, originDepartment };
}

export function makeSuspect(rng: Rng, ctx: PersonContext, caseId: string, factsYear: number) {
  const sex = rng.weighted(dist.suspectSex);
  const nationality = rng.weighted(dist.suspectNationality);
  const birthYear = factsYear - rng.int(20, 60);
  const personId = randomUUID();
  const person: PersonRow = {
    id: personId,
    createdByInstitutionId: ctx.person.institutionId,
    ...syntheticPerson(rng, ctx.person, sex, birthYear),
    sex,
    birthYear,
    nationalities: [nationality],
    originCountry: nationality,
    hasIdentityDocument: 'yes',
  };
  const isPublicOfficial = rng.chance(0.03);
  const row: (typeof caseSuspects)['$inferInsert'] = {
    id: randomUUID(),
    caseId,
    personId,
    roles: [rng.pick(['recruiter', 'exploiter', 'recruiter', 'controller', 'transporter', 'facilitator'])],
    relationshipToVictims: rng.weighted(dist.relationship),
    isPublicOfficial,
    officialInstitution: isPublicOfficial ? rng.pick(['police', 'local_government', 'judiciary']) : null,
    organisedGroupMember: rng.chance(0.15),
  };
  return { person, row };
}
