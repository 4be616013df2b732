import { randomUUID } from 'node:crypto';
import { acts as allActs, transportModes } from '../../core/codes';
import type { caseEvents, casePlaces, cases, caseSuspects, caseVictims, persons } from '../../db/schema';
import { dateAt, firstDayOfYear, isoDay, yearOfDay } from './dates';
import * as dist from './distributions';
import type { DemoOrganisation } from './organisation';
import { unitFor } from './organisation';
import type { Rng } from './prng';
import { makeSuspect, makeVictim, type PersonPool, type PersonFactory } from './person-rows';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

/** Everything one batch of cases inserts, table by table. */
export interface CaseBatch {
  cases: Insert<typeof cases>[];
  persons: Insert<typeof persons>[];
  victims: Insert<typeof caseVictims>[];
  suspects: Insert<typeof caseSuspects>[];
  places: Insert<typeof casePlaces>[];
  events: Insert<typeof caseEvents>[];
  /** What the feature generators (justice, protection…) build on; no identifying data. */
  facts: CaseFacts[];
}

export interface CaseFacts {
  caseId: string;
  code: string;
  registeredDay: number;
  reportedDay: number;
  factsStartDay: number;
  exploitationDepartment: string;
  purposes: string[];
  source: string;
  unitId: string;
  victimIds: Array<{ id: string; personId: string; child: boolean; sex: string; status: string }>;
  suspectIds: Array<{ id: string; personId: string }>;
}

export interface BatchContext {
  org: DemoOrganisation;
  asOfDay: number;
  pool: PersonPool;
  person: PersonFactory;
}

function registrationDay(rng: Rng, asOfDay: number): number {
  const lastYear = yearOfDay(asOfDay);
  const yearsBack = dist.yearGrowth.length - 1;
  const weights = Object.fromEntries(dist.yearGrowth.map((w, i) => [String(lastYear - yearsBack + i), w]));
  const year = Number(rng.weighted(weights));
  const start = firstDayOfYear(year);
  const end = Math.min(firstDayOfYear(year + 1) - 1, asOfDay);
  return rng.int(start, end);
}

/** Facts dates as a registrar enters them: a full date, a year-month, or only a year. */
function factsDates(rng: Rng, startDay: number) {
  const iso = isoDay(startDay);
  const precision = rng.next();
  if (precision < 0.3) return { from: iso, start: iso, end: iso };
  if (precision < 0.8) {
    const month = iso.slice(0, 7);
    const [y, m] = month.split('-').map(Number);
    const last = new Date(Date.UTC(y!, m!, 0)).getUTCDate();
    return { from: month, start: `${month}-01`, end: `${month}-${String(last).padStart(2, '0')}` };
  }
  const year = iso.slice(0, 4);
  return { from: year, start: `${year}-01-01`, end: `${year}-12-31` };
}

function casePurposes(rng: Rng): string[] {
  const first = rng.weighted(dist.purpose);
  if (!rng.chance(0.1)) return [first];
  const second = rng.weighted(dist.purpose);
  return second === first ? [first] : [first, second];
}

export function generateCaseBatch(rng: Rng, ctx: BatchContext, victimsWanted: number): CaseBatch {
  const batch: CaseBatch = { cases: [], persons: [], victims: [], suspects: [], places: [], events: [], facts: [] };
  let victimsMade = 0;
  while (victimsMade < victimsWanted) {
    const n = Math.min(Number(rng.weighted(dist.victimsPerCase as unknown as Record<string, number>)), victimsWanted - victimsMade);
    addCase(rng, ctx, batch, n);
    victimsMade += n;
  }
  return batch;
}

function addCase(rng: Rng, ctx: BatchContext, batch: CaseBatch, victimCount: number) {
  const id = randomUUID();
  const registeredDay = registrationDay(rng, ctx.asOfDay);
  const reportedDay = registeredDay - (rng.chance(0.6) ? rng.int(0, 3) : rng.int(4, 45));
  const factsStartDay = reportedDay - rng.int(0, 540);
  const facts = factsDates(rng, factsStartDay);
  const exploitation = rng.weighted(dist.exploitationDepartment);
  const purposes = casePurposes(rng);
  const labour = purposes.some((p) => p !== 'sexual_exploitation' && p !== 'sale_of_children' && p !== 'illegal_adoption');
  let source = rng.weighted(dist.caseSource) as string;
  if (source === 'labour_inspection' && !labour) source = 'complaint';
  const unit = unitFor(ctx.org, source === 'labour_inspection' ? 'labour_inspection' : 'police', exploitation);
  const year = yearOfDay(registeredDay);
  // The code comes from the registry's own sequence when the batch is inserted (assignCaseCodes).
  const code = '';

  const used = new Set<string>();
  const victims = Array.from({ length: victimCount }, () => makeVictim(rng, ctx, { caseId: id, exploitation, purposes, reportedDay, factsStartDay, used }));
  const suspectCount = Number(rng.weighted(dist.suspectsPerCase as unknown as Record<string, number>));
  const suspects = Array.from({ length: suspectCount }, () => makeSuspect(rng, ctx, id, yearOfDay(factsStartDay)));
  const foreign = [...new Set(victims.flatMap((v) => (v.person && v.person.originCountry && v.person.originCountry !== 'PER' ? [v.person.originCountry] : [])))];

  batch.cases.push({
    id,
    code,
    institutionId: unit.institutionId,
    unitId: unit.id,
    departmentCode: unit.departmentCode,
    registeredAt: dateAt(registeredDay, rng.int(8 * 3600, 19 * 3600)),
    source,
    reportedOn: isoDay(reportedDay),
    factsDateFrom: facts.from,
    factsStart: facts.start,
    factsEnd: facts.end,
    acts: ['recruitment', ...allActs.slice(1).filter(() => rng.chance(0.45))],
    means: rng.chance(0.05) ? [] : rng.some(dist.commonMeans, 0.22, 1),
    purposes,
    sexualExploitationSubtypes: purposes.includes('sexual_exploitation') ? [rng.weighted(dist.sexualSubtype)] : [],
    sectors: labour ? [rng.weighted(dist.labourSector)] : purposes.includes('sexual_exploitation') && rng.chance(0.4) ? ['hospitality_bars'] : [],
    recruitmentMethods: [rng.weighted(dist.recruitment)],
    transportModes: [rng.chance(exploitation === '16' || exploitation === '17' ? 0.35 : 0.05) ? 'river' : rng.pick(transportModes.slice(0, 3))],
    isInternational: foreign.length > 0 || rng.chance(0.02),
    countries: foreign,
    organisedCrime: rng.chance(0.18),
    publicOfficialInvolved: rng.chance(0.03),
    initialLegalQualification: year >= 2021 ? '129-A' : '153',
    lastActivityAt: dateAt(registeredDay),
  });
  for (const v of victims) {
    if (v.person) batch.persons.push(v.person);
    batch.victims.push(v.row);
  }
  for (const s of suspects) {
    batch.persons.push(s.person);
    batch.suspects.push(s.row);
  }
  addPlaces(rng, batch, id, exploitation, victims.map((v) => v.originDepartment));
  batch.events.push({ caseId: id, type: 'registration', at: dateAt(registeredDay), unitId: unit.id, details: { demo: true } });
  batch.facts.push({
    caseId: id,
    code,
    registeredDay,
    reportedDay,
    factsStartDay,
    exploitationDepartment: exploitation,
    purposes,
    source,
    unitId: unit.id,
    victimIds: victims.map((v) => ({ id: v.row.id!, personId: v.row.personId, child: v.child, sex: v.sex, status: v.row.identificationStatus! })),
    suspectIds: suspects.map((s) => ({ id: s.row.id!, personId: s.row.personId })),
  });
}

function addPlaces(rng: Rng, batch: CaseBatch, caseId: string, exploitation: string, origins: Array<string | null>) {
  for (const origin of new Set(origins)) {
    if (origin) batch.places.push({ caseId, kind: 'recruitment', ubigeo: origin, country: 'PER', departmentCode: origin });
  }
  batch.places.push({ caseId, kind: 'exploitation', ubigeo: exploitation, country: 'PER', departmentCode: exploitation });
  if (rng.chance(0.1)) {
    const transit = rng.weighted(dist.originDepartment);
    if (transit !== exploitation) batch.places.push({ caseId, kind: 'transit', ubigeo: transit, country: 'PER', departmentCode: transit });
  }
}
