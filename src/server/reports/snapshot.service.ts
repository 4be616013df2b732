import { and, desc, eq } from 'drizzle-orm';
import { annualContent, type AnnualContent, type AnnualCreate, type AnnualReportView } from '../../contracts/reports';
import { contentHash } from '../../core/canonical-json';
import { reportSnapshots } from '../../db/schema';
import { writeAudit } from '../audit/audit.writer';
import { isSystemActor, type Ctx } from '../context';
import type { Deps } from '../deps';
import { AppError, notFound } from '../errors/app-error';
import { mayReadFigures } from '../policy';
import { createStatsService } from '../stats/stats.service';
import { buildAnnualContent, type AnnualBuildOptions } from './annual.builder';

type SnapshotRow = typeof reportSnapshots.$inferSelect;
type AnnualSteps = (step: Parameters<NonNullable<AnnualBuildOptions['onStep']>>[0] | 'save') => Promise<void>;

const summaryOf = (row: SnapshotRow) => ({
  id: row.id,
  kind: row.kind,
  year: row.year,
  period: row.period,
  definitionsVersion: row.definitionsVersion,
  contentHash: row.contentHash,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
});

/**
 * Annual report snapshots: figures frozen once from the statistics engine, then every rendering (web
 * page, PDF, workbook) is made from the stored content and carries its hash.
 */
export function createSnapshotService(deps: Deps, log: (what: string, error: unknown) => void = () => undefined) {
  const stats = createStatsService(deps);

  /** Computes the content of a year's report from the live records, in the scope of `ctx` (what a snapshot freezes). */
  const build = (year: number, exact: boolean, ctx: Ctx | null = null, onStep?: AnnualSteps) =>
    buildAnnualContent(stats, { year, exact, ctx, threshold: deps.config.disclosureThreshold, onUnavailable: log, onStep });

  /** `onStep`: called as each step of the build starts, and before the snapshot is saved (a job's progress and cancellation). */
  async function create(ctx: Ctx, input: AnnualCreate, onStep?: AnnualSteps) {
    if (input.year > new Date().getUTCFullYear()) throw new AppError('report.year_out_of_range', 400, undefined, { year: 'report.year_out_of_range' });
    // Exact figures only for those who may see them; anyone else freezes the disclosure-controlled version.
    const exact = !input.suppress && (isSystemActor(ctx.actor) || ctx.actor.permissions.has('stats.exact'));
    // The figures of whoever builds it: a regional analyst's snapshot is regional (content.scope says so).
    const content = await build(input.year, exact, ctx, onStep);
    const hash = contentHash(content);
    await onStep?.('save');
    return deps.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(reportSnapshots)
        .values({ kind: 'annual', year: input.year, period: `${content.period.from}/${content.period.to}`, definitionsVersion: content.definitionsVersion, content, contentHash: hash, createdBy: isSystemActor(ctx.actor) ? null : ctx.actor.userId })
        .returning();
      await writeAudit(tx, ctx, { action: 'report.snapshot.create', entityType: 'report_snapshot', entityId: row!.id, details: { year: input.year, exact, contentHash: hash } });
      return summaryOf(row!);
    });
  }

  async function list(ctx: Ctx, year?: number) {
    const rows = await deps.db
      .select()
      .from(reportSnapshots)
      .where(and(eq(reportSnapshots.kind, 'annual'), year ? eq(reportSnapshots.year, year) : undefined))
      .orderBy(desc(reportSnapshots.createdAt));
    return rows.filter((r) => mayRead(ctx, r)).map(summaryOf);
  }

  /** Exact snapshots are for readers with exact access whose scope covers the snapshot's; to anyone else they do not exist. */
  const mayRead = (ctx: Ctx, row: SnapshotRow) => mayReadFigures(ctx.actor, row.content as AnnualContent);

  async function get(ctx: Ctx, id: string): Promise<AnnualReportView> {
    const [row] = await deps.db.select().from(reportSnapshots).where(eq(reportSnapshots.id, id)).limit(1);
    if (!row || !mayRead(ctx, row)) throw notFound('report');
    const content = annualContent.parse(row.content);
    return { ...summaryOf(row), content, hashVerified: contentHash(row.content) === row.contentHash };
  }

  return { build, create, list, get };
}
