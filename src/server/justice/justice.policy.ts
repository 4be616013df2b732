import { and, eq } from 'drizzle-orm';
import type { Permission } from '../../core/permissions';
import type { JusticeStage } from '../../core/justice/events';
import { resolveArticleForFacts } from '../../core/legal/resolve';
import { isCalendarPartialDate, partialDateBounds } from '../../core/partial-date';
import type { Tx } from '../../db/connect';
import { cases, institutions, units } from '../../db/schema';
import { isSystemActor, type Ctx } from '../context';
import { AppError, ruleRefused } from '../errors/app-error';
import type { StoredArticle, StoredFramework, StoredRegime } from '../legal/legal.repository';
import { holdsFullGrant } from '../policy';
import { hasAccessBasis } from './justice.repository';

export const stagePermission: Record<JusticeStage, Permission> = {
  police: 'justice.police.write',
  prosecution: 'justice.prosecution.write',
  court: 'justice.court.write',
  execution: 'justice.execution.write',
  international: 'justice.international.write',
};

/**
 * The access basis that makes an institution the owner of a stage: the police hold the case they
 * registered (or that was transferred to them), the prosecutor office the police report, the court the
 * charges (and then the execution of its sentence). International steps: whoever works on the case
 * (owner or a full grant).
 */
const stageBases: Record<JusticeStage, string[] | 'any'> = {
  police: ['transfer'],
  prosecution: ['police_report'],
  court: ['charges'],
  execution: ['charges'],
  international: 'any',
};

type CaseRow = typeof cases.$inferSelect;

/** Refuses (403) unless the actor may record events of this stage for this case. */
export async function assertMayRecordStage(tx: Tx, ctx: Ctx, caseRow: CaseRow, stage: JusticeStage): Promise<void> {
  if (!ctx.actor.permissions.has(stagePermission[stage]) && !isSystemActor(ctx.actor)) {
    throw new AppError('justice.permission_for_stage', 403, undefined, undefined, { stage });
  }
  const bases = stageBases[stage];
  if (isSystemActor(ctx.actor) || caseRow.institutionId === ctx.actor.institutionId) return;
  // `any`: an institution working on the case (a full grant) — never one that only reads it analyst-wide.
  const allowed = bases === 'any' ? await holdsFullGrant(tx, caseRow.id, ctx.actor.institutionId) : await hasAccessBasis(tx, caseRow.id, ctx.actor.institutionId, bases);
  if (!allowed) {
    throw new AppError('justice.stage_not_for_institution', 403, undefined, undefined, { stage });
  }
}

/** Where the case is sent: a prosecutor office for the police report, a court for the charges. */
export async function assertReceiver(tx: Tx, type: string, institutionId: string | undefined, unitId: string | undefined) {
  if (!institutionId) return null;
  const expected = type === 'police_report_sent' ? 'prosecution' : 'judiciary';
  const [institution] = await tx.select().from(institutions).where(eq(institutions.id, institutionId)).limit(1);
  if (!institution) throw new AppError('validation.failed', 400, undefined, { receivingInstitutionId: 'justice.receiver_not_found' });
  if (institution.kind !== expected) throw ruleRefused('justice.receiver_wrong_kind', { kind: expected }, { receivingInstitutionId: 'justice.receiver_wrong_kind' });
  if (unitId) {
    const [unit] = await tx.select({ id: units.id }).from(units).where(and(eq(units.id, unitId), eq(units.institutionId, institutionId))).limit(1);
    if (!unit) throw new AppError('validation.failed', 400, undefined, { receivingUnitId: 'justice.receiver_not_found' });
  }
  return { institutionId, unitId: unitId ?? null, basis: type === 'police_report_sent' ? 'police_report' : 'charges' };
}

/**
 * The date of the facts the law is chosen by: the day they began — its first possible day (else the day
 * reported) and, when the start was entered imprecisely (`2007`, `2007-05`), its last possible day. Never
 * the end of the facts: the regime in force when the facts began applies (src/core/legal/resolve.ts).
 */
export function factsOf(caseRow: Pick<CaseRow, 'factsStart' | 'factsDateFrom' | 'reportedOn'>): { start: string; beganBy: string | null } {
  if (!caseRow.factsStart) return { start: caseRow.reportedOn, beganBy: null };
  const began = caseRow.factsDateFrom && isCalendarPartialDate(caseRow.factsDateFrom) ? partialDateBounds(caseRow.factsDateFrom).end : null;
  return { start: caseRow.factsStart, beganBy: began };
}

export interface ResolvedCharge {
  role: 'charge' | 'from' | 'to';
  article: StoredArticle;
  regime: StoredRegime;
  tierCode: string | null;
}

/** Resolves what the user typed to the article and regime in force on the date of the facts (422 otherwise). */
export function resolveCharges(
  framework: StoredFramework,
  facts: { start: string; beganBy: string | null },
  role: ResolvedCharge['role'],
  inputs: ReadonlyArray<{ number: string; tier?: string }> | undefined,
): ResolvedCharge[] {
  return (inputs ?? []).map(({ number, tier }) => {
    const resolved = resolveArticleForFacts(framework, number, facts);
    if (!resolved) throw ruleRefused('justice.article_not_in_force', { article: number, date: facts.start });
    const article = resolved.article as StoredArticle;
    if (tier && !article.tiers.some((t) => t.tierCode === tier)) throw ruleRefused('justice.unknown_tier', { article: article.articleNumber, tier });
    return { role, article, regime: resolved.regime as StoredRegime, tierCode: tier ?? null };
  });
}
