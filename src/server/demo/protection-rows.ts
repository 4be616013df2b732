import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/connect';
import { referralServices, referrals, shelters, shelterStays } from '../../db/schema';
import type { CaseFacts } from './case-batch';
import { isoDay } from './dates';
import type { FeatureGenerator } from './features';
import type { FeatureContext } from './generator';
import { insertRows } from './insert';
import { unitFor } from './organisation';
import type { Rng } from './prng';

const serviceWeights = { psychological: 0.24, legal_aid: 0.18, shelter: 0.16, medical: 0.12, social_care: 0.1, emergency_care: 0.06, education: 0.05, reintegration: 0.04, livelihood: 0.03, family_tracing: 0.02 } as const;
const statusWeights = { provided: 0.6, accepted: 0.14, requested: 0.1, declined: 0.06, closed: 0.1 } as const;

/** One shelter per department where social services have a unit, sized to the dataset. */
async function createShelters(tx: Tx, rng: Rng, ctx: FeatureContext) {
  const units = Object.values(ctx.org.units.social_services);
  const beds = Math.max(12, Math.ceil(ctx.victims * 0.0008));
  const rows = units.map((u) => ({
    id: randomUUID(),
    name: `Centro de Acogida Residencial ${u.departmentCode} (demo)`,
    institutionId: u.institutionId,
    unitId: u.id,
    ubigeo: u.departmentCode,
    departmentCode: u.departmentCode,
    capacityBeds: beds + rng.int(0, beds),
    targetPopulation: rng.pick(['girls', 'adolescents', 'women', 'mixed']),
  }));
  await insertRows(tx, shelters, rows);
  return new Map(rows.map((r) => [r.departmentCode, r.id]));
}

export function protectionGenerator(): FeatureGenerator {
  let shelterByDepartment: Map<string, string> | undefined;
  return {
    name: 'protection',
    async forCases(tx: Tx, rng: Rng, ctx: FeatureContext, facts: CaseFacts[]) {
      shelterByDepartment ??= await createShelters(tx, rng, ctx);
      const refs: Array<(typeof referrals)['$inferInsert']> = [];
      const services: Array<(typeof referralServices)['$inferInsert']> = [];
      const stays: Array<(typeof shelterStays)['$inferInsert']> = [];
      for (const c of facts) {
        const from = unitFor(ctx.org, 'police', c.exploitationDepartment);
        const to = unitFor(ctx.org, 'social_services', c.exploitationDepartment);
        for (const v of c.victimIds) {
          if (v.status === 'not_a_victim' || !rng.chance(v.status === 'confirmed_victim' ? 0.7 : 0.3)) continue;
          const types = new Set([rng.weighted(serviceWeights), ...(rng.chance(0.4) ? [rng.weighted(serviceWeights)] : [])]);
          for (const serviceType of types) {
            const requestedDay = c.reportedDay + rng.int(0, 20);
            if (requestedDay > ctx.asOfDay) continue;
            const status = rng.weighted(statusWeights);
            const id = randomUUID();
            const startDay = requestedDay + rng.int(1, 15);
            const provided = (status === 'provided' || status === 'closed') && startDay <= ctx.asOfDay;
            refs.push({
              id, caseId: c.caseId, caseVictimId: v.id, fromInstitutionId: from.institutionId, fromUnitId: from.id, toInstitutionId: to.institutionId, toUnitId: to.id,
              serviceType, status: provided || status === 'accepted' || status === 'requested' || status === 'declined' ? status : 'accepted', consentSource: 'victim_record', requestedOn: isoDay(requestedDay),
              acceptedAt: status === 'requested' || status === 'declined' ? null : new Date(startDay * 86_400_000),
              providedAt: provided ? new Date(startDay * 86_400_000) : null,
              declinedAt: status === 'declined' ? new Date((requestedDay + 2) * 86_400_000) : null,
              declineReason: status === 'declined' ? 'victim_declined' : null,
            });
            if (!provided) continue;
            const endDay = startDay + rng.int(10, serviceType === 'shelter' ? 240 : 120);
            services.push({ referralId: id, caseVictimId: v.id, serviceType, startedOn: isoDay(startDay), endedOn: endDay <= ctx.asOfDay ? isoDay(endDay) : null, providedByInstitutionId: to.institutionId, providedByUnitId: to.id });
            const shelterId = shelterByDepartment.get(to.departmentCode);
            if (serviceType === 'shelter' && shelterId) {
              stays.push({ shelterId, caseId: c.caseId, caseVictimId: v.id, referralId: id, checkInOn: isoDay(startDay), checkOutOn: endDay <= ctx.asOfDay ? isoDay(endDay) : null });
            }
          }
        }
      }
      await insertRows(tx, referrals, refs);
      await insertRows(tx, referralServices, services);
      await insertRows(tx, shelterStays, stays);
      return { referrals: refs.length, referral_services: services.length, shelter_stays: stays.length };
    },
  };
}
