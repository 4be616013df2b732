import { randomUUID } from 'node:crypto';
import { preventionAudiences } from '../../core/codes';
import type { Tx } from '../../db/connect';
import { hotlineCalls, operationCases, operations, preventionActivities } from '../../db/schema';
import type { Deps } from '../deps';
import type { CaseFacts } from './case-batch';
import { dateAt, firstDayOfYear, yearOfDay } from './dates';
import { isoDay } from './dates';
import * as dist from './distributions';
import type { FeatureGenerator } from './features';
import type { FeatureContext } from './generator';
import { insertRows } from './insert';
import { unitFor, type DemoKind } from './organisation';
import type { Rng } from './prng';

const CHUNK = 5000;

/** A day in the generated history, weighted like case registrations (more in recent years). */
function historyDay(rng: Rng, asOfDay: number): number {
  const last = yearOfDay(asOfDay);
  const back = dist.yearGrowth.length - 1;
  const year = Number(rng.weighted(Object.fromEntries(dist.yearGrowth.map((w, i) => [String(last - back + i), w]))));
  return rng.int(firstDayOfYear(year), Math.min(firstDayOfYear(year + 1) - 1, asOfDay));
}

/** Standalone rows made in chunks, each chunk in its own transaction: memory stays bounded. */
async function inChunks(deps: Deps, total: number, make: (n: number) => Promise<(tx: Tx) => Promise<void>> | ((tx: Tx) => Promise<void>)) {
  for (let done = 0; done < total; done += CHUNK) {
    const write = await make(Math.min(CHUNK, total - done));
    await deps.db.transaction(write);
  }
}

const classification = { nuisance: 0.42, information_request: 0.3, tip_report_no_action: 0.12, tip_report_action_required: 0.11, other_crime: 0.05 } as const;

function call(rng: Rng, ctx: FeatureContext, day: number, kind: string, department: string, linkedCaseId: string | null) {
  const hotline = unitFor(ctx.org, 'hotline', '15');
  const actionable = kind === 'tip_report_action_required';
  const police = unitFor(ctx.org, 'police', department);
  const received = dateAt(day, rng.int(0, 86_399));
  const closed = actionable && !linkedCaseId && rng.chance(0.4);
  return {
    id: randomUUID(), institutionId: hotline.institutionId, unitId: hotline.id, departmentCode: '15', receivedAt: received,
    channel: rng.weighted({ phone: 0.7, whatsapp: 0.15, web: 0.08, email: 0.03, in_person: 0.02, other: 0.02 }),
    callerType: rng.weighted({ anonymous: 0.35, family: 0.25, witness: 0.2, victim: 0.1, institution: 0.06, other: 0.04 }),
    classification: kind, ubigeo: department, placeDepartment: department, country: 'PER',
    status: !actionable ? 'recorded' : closed ? 'closed' : linkedCaseId ? 'followed_up' : 'referred',
    referredUnitId: actionable ? police.id : null, referredInstitutionId: actionable ? police.institutionId : null,
    referredAt: actionable ? received : null, referralMode: actionable ? 'nearest' : null, referralLevel: actionable ? 'department' : null,
    linkedCaseId, linkedAt: linkedCaseId ? received : null,
    arrests: linkedCaseId && rng.chance(0.3) ? rng.int(1, 3) : null,
    closedReason: closed ? rng.pick(['no_evidence', 'unreachable', 'false_report', 'duplicate']) : null,
    closedAt: closed ? dateAt(day + rng.int(5, 60)) : null,
    outcomeAt: linkedCaseId || closed ? dateAt(day + 1) : null,
  };
}

export function hotlineGenerator(): FeatureGenerator {
  return {
    name: 'hotline',
    // Cases that came from the hotline get the call they came from.
    async forCases(tx: Tx, rng: Rng, ctx: FeatureContext, facts: CaseFacts[]) {
      const rows = facts.filter((c) => c.source === 'hotline').map((c) => call(rng, ctx, c.reportedDay - rng.int(0, 3), 'tip_report_action_required', c.exploitationDepartment, c.caseId));
      await insertRows(tx, hotlineCalls, rows);
      return { hotline_calls: rows.length };
    },
    async standalone(deps: Deps, rng: Rng, ctx: FeatureContext, victims: number) {
      const total = Math.round(victims * 1.2);
      await inChunks(deps, total, (n) => {
        const rows = Array.from({ length: n }, () => call(rng, ctx, historyDay(rng, ctx.asOfDay), rng.weighted(classification), rng.weighted(dist.exploitationDepartment), null));
        return (tx) => insertRows(tx, hotlineCalls, rows);
      });
      return { hotline_calls: total };
    },
  };
}

function operation(rng: Rng, ctx: FeatureContext, day: number, type: string, department: string, found: { persons: number; minors: number; victims: number; arrests: number }) {
  const kind: DemoKind = type === 'labour_inspection' ? 'labour_inspection' : 'police';
  const unit = unitFor(ctx.org, kind, department);
  return {
    id: randomUUID(), institutionId: unit.institutionId, unitId: unit.id, departmentCode: unit.departmentCode, operationDate: isoDay(day), type,
    ubigeo: department, placeDepartment: department, personsFound: found.persons, minorsFound: found.minors, victimsIdentified: found.victims, arrests: found.arrests,
  };
}

export function operationsGenerator(): FeatureGenerator {
  return {
    name: 'operations',
    async forCases(tx: Tx, rng: Rng, ctx: FeatureContext, facts: CaseFacts[]) {
      const ops: Array<ReturnType<typeof operation>> = [];
      const links: Array<(typeof operationCases)['$inferInsert']> = [];
      for (const c of facts.filter((f) => f.source === 'police_operation' || f.source === 'labour_inspection')) {
        const type = c.source === 'labour_inspection' ? 'labour_inspection' : rng.pick(['rescue', 'intelligence_led', 'rescue']);
        const victims = c.victimIds.filter((v) => v.status !== 'not_a_victim');
        const minors = c.victimIds.filter((v) => v.child).length;
        const op = operation(rng, ctx, c.reportedDay - rng.int(0, 2), type, c.exploitationDepartment, {
          persons: c.victimIds.length + rng.int(0, 12), minors: minors + (rng.chance(0.2) ? rng.int(1, 3) : 0), victims: victims.length, arrests: rng.int(0, c.suspectIds.length),
        });
        ops.push(op);
        links.push({ operationId: op.id, caseId: c.caseId, linkedAt: dateAt(c.registeredDay) });
      }
      await insertRows(tx, operations, ops);
      await insertRows(tx, operationCases, links);
      return { operations: ops.length, operation_cases: links.length };
    },
    async standalone(deps: Deps, rng: Rng, ctx: FeatureContext, victims: number) {
      // Routine inspections that found nobody: most operations do.
      const total = Math.round(victims * 0.08);
      await inChunks(deps, total, (n) => {
        const rows = Array.from({ length: n }, () =>
          operation(rng, ctx, historyDay(rng, ctx.asOfDay), rng.pick(['routine_inspection', 'routine_inspection', 'labour_inspection']), rng.weighted(dist.exploitationDepartment), { persons: rng.int(0, 15), minors: 0, victims: 0, arrests: 0 }),
        );
        return (tx) => insertRows(tx, operations, rows);
      });
      return { operations: total };
    },
  };
}

const organisers: DemoKind[] = ['police', 'prosecution', 'social_services', 'labour_inspection', 'social_services'];

export function preventionGenerator(): FeatureGenerator {
  return {
    name: 'prevention',
    async standalone(deps: Deps, rng: Rng, ctx: FeatureContext, victims: number) {
      const total = Math.max(20, Math.round(victims * 0.1));
      await inChunks(deps, total, (n) => {
        const rows = Array.from({ length: n }, () => {
          const department = rng.weighted(dist.originDepartment);
          const unit = unitFor(ctx.org, rng.pick(organisers), department);
          const type = rng.weighted({ training: 0.45, awareness_campaign: 0.3, workshop: 0.25 });
          const total = type === 'awareness_campaign' ? rng.int(50, 800) : rng.int(10, 80);
          const female = Math.round(total * (0.4 + rng.next() * 0.3));
          const unknown = rng.chance(0.2) ? rng.int(0, Math.floor(total / 10)) : 0;
          return {
            id: randomUUID(), institutionId: unit.institutionId, unitId: unit.id, departmentCode: unit.departmentCode, activityDate: isoDay(historyDay(rng, ctx.asOfDay)), type,
            audiences: type === 'awareness_campaign' ? ['public'] : rng.some(preventionAudiences.filter((a) => a !== 'public'), 0.15, 1),
            ubigeo: department, placeDepartment: department, participantsTotal: total, participantsFemale: female, participantsMale: total - female - unknown, participantsUnknown: unknown,
          };
        });
        return (tx) => insertRows(tx, preventionActivities, rows);
      });
      return { prevention_activities: total };
    },
  };
}
