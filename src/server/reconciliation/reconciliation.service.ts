import { and, eq } from 'drizzle-orm';
import { reconcile } from '../../core/reconciliation/reconcile';
import type { ReconciliationQuery, ReconciliationView } from '../../contracts/reconciliation';
import { institutions } from '../../db/schema';
import { writeAudit } from '../audit/audit.writer';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { forbidden, invalid, notFound } from '../errors/app-error';
import { mayReconcile, nameableOtherCases, reconciliationGeography } from '../policy';
import { caseCodes, registeredWithin, systemCaseKeysOfInstitution } from './reconciliation.repository';

/** Complaints of the actor's institution with no counterpart in another institution's records, and the reverse. */
export function createReconciliationService(deps: Deps) {
  const { db } = deps;

  async function run(ctx: Ctx, query: ReconciliationQuery): Promise<ReconciliationView> {
    const { actor } = ctx;
    if (!mayReconcile(actor)) throw forbidden();
    if (query.institutionId === actor.institutionId) throw invalid({ institutionId: 'reconciliation.same_institution' });
    if (query.from && query.to && query.from > query.to) throw invalid({ to: 'date_range_reversed' });
    const [own] = await db.select().from(institutions).where(eq(institutions.id, actor.institutionId)).limit(1);
    const [other] = await db.select().from(institutions).where(eq(institutions.id, query.institutionId)).limit(1);
    if (!own || !other) throw notFound('institution');
    const where = and(reconciliationGeography(actor), registeredWithin(query.from, query.to))!;
    const ours = await systemCaseKeysOfInstitution(db, own.id, where);
    const theirs = await systemCaseKeysOfInstitution(db, other.id, where);
    const result = reconcile(ours, own.id, theirs, other.id);
    const unmatchedOurs = new Set(result.oursUnmatched);
    const view: ReconciliationView = {
      period: { from: query.from ?? null, to: query.to ?? null },
      ours: {
        id: own.id, name: own.name, total: ours.length, matched: ours.length - result.oursUnmatched.length,
        unmatched: ours.filter((c) => unmatchedOurs.has(c.id)).map((c) => ({ id: c.id, code: c.code })).sort((a, b) => a.code.localeCompare(b.code)),
      },
      theirs: {
        id: other.id, name: other.name, total: theirs.length, matched: theirs.length - result.theirsUnmatched.length,
        unmatchedCount: result.theirsUnmatched.length, unmatchedVisible: await caseCodes(db, result.theirsUnmatched, nameableOtherCases(actor)),
      },
      matchedBy: result.matchedBy,
    };
    await db.transaction((tx) =>
      writeAudit(tx, ctx, {
        action: 'reconciliation.run', entityType: 'institution', entityId: other.id,
        details: { from: query.from ?? null, to: query.to ?? null, ours: view.ours.total, oursUnmatched: view.ours.unmatched.length, theirs: view.theirs.total, theirsUnmatched: view.theirs.unmatchedCount },
      }),
    );
    return view;
  }

  return { run };
}
