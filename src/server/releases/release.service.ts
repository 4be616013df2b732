/**
 * Public releases: the open-data tables of a completed year, frozen and hashed when an analyst with
 * national scope publishes them. Public pages and downloads read releases only, so an edit to an old case
 * changes no published figure; a correction is a revision (a new release with a note), suppressed
 * consistently with the release it revises (src/core/releases/revision-suppression.ts).
 *
 *   const releases = createReleaseService(deps);
 *   releases.preview(ctx, year)             → what publishing now would freeze, and what changes
 *   releases.publish(ctx, { year, note?, revises }) → the new release (409 when `revises` is not the latest)
 *   releases.list(ctx, year?)               → every release with its publisher (national analysts)
 *   releases.publicList(year?) / publicGet(id) / publicTable(name, { year | release }) → public reads
 */
import { releaseContent, type ReleaseContent, type ReleaseCreate, type ReleaseView } from '../../contracts/releases';
import type { StatsResult } from '../../contracts/stats';
import { contentHash } from '../../core/canonical-json';
import { writeAudit } from '../audit/audit.writer';
import type { Ctx } from '../context';
import { isUniqueViolation } from '../db-errors';
import type { Deps } from '../deps';
import { AppError, conflict, forbidden, invalid, notFound } from '../errors/app-error';
import { mayPublishRelease } from '../policy';
import { createStatsService } from '../stats/stats.service';
import { buildReleaseContent } from './release.builder';
import { releaseRepository as repo, type ReleaseRow } from './release.repository';

export type ReleaseService = ReturnType<typeof createReleaseService>;

export const summaryOf = (row: ReleaseRow) => ({
  id: row.id,
  year: row.year,
  revision: row.revision,
  previousId: row.previousId,
  note: row.note,
  definitionsVersion: row.definitionsVersion,
  contentHash: row.contentHash,
  publishedAt: row.publishedAt.toISOString(),
});

export function createReleaseService(deps: Deps) {
  const stats = createStatsService(deps);
  const threshold = () => deps.config.disclosureThreshold;

  function assertPublisher(ctx: Ctx) {
    if (!mayPublishRelease(ctx.actor)) throw forbidden();
  }

  async function draft(year: number, note: string | null) {
    const latest = await repo.latestForYear(deps.db, year);
    const previous = latest ? { content: releaseContent.parse(latest.content), contentHash: latest.contentHash } : null;
    const content = await buildReleaseContent(stats, { year, threshold: threshold(), revision: (latest?.revision ?? 0) + 1, note, previous });
    return { latest, content };
  }

  const changedCount = (content: ReleaseContent) => content.tables.reduce((a, t) => a + t.changes.length, 0);

  async function preview(ctx: Ctx, year: number) {
    assertPublisher(ctx);
    const { latest, content } = await draft(year, null);
    return { year, revision: content.revision, revises: latest?.id ?? null, content, contentHash: contentHash(content), changed: changedCount(content) };
  }

  async function publish(ctx: Ctx, input: ReleaseCreate) {
    assertPublisher(ctx);
    const note = input.note ?? null;
    const { latest, content } = await draft(input.year, note);
    if ((latest?.id ?? null) !== input.revises) throw conflict('release.stale');
    if (latest && !note) throw invalid({ note: 'release.note_required' }, 'release.note_required');
    const hash = contentHash(content);
    try {
      return await deps.db.transaction(async (tx) => {
        await repo.lockYear(tx, input.year);
        const current = await repo.latestForYear(tx, input.year);
        if ((current?.id ?? null) !== input.revises) throw conflict('release.stale');
        const row = await repo.insert(tx, {
          year: input.year,
          revision: content.revision,
          previousId: latest?.id ?? null,
          note,
          definitionsVersion: content.definitionsVersion,
          content,
          contentHash: hash,
          publishedBy: ctx.actor.userId,
        });
        await writeAudit(tx, ctx, { action: 'release.publish', entityType: 'public_release', entityId: row.id, details: { year: row.year, revision: row.revision, contentHash: hash, changed: changedCount(content) } });
        return { ...summaryOf(row), publishedBy: { id: ctx.actor.userId, displayName: ctx.actor.displayName } };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('release.stale');
      throw error;
    }
  }

  async function list(ctx: Ctx, year?: number) {
    if (!ctx.actor.permissions.has('report.manage')) throw forbidden();
    const rows = await repo.list(deps.db, year);
    return rows.map((r) => ({ ...summaryOf(r.release), publishedBy: { id: r.release.publishedBy, displayName: r.publisherName } }));
  }

  async function publicList(year?: number) {
    return (await repo.list(deps.db, year)).map((r) => summaryOf(r.release));
  }

  async function publicGet(id: string): Promise<ReleaseView> {
    const row = await repo.byId(deps.db, id);
    if (!row) throw notFound('release');
    return { ...summaryOf(row), content: releaseContent.parse(row.content), hashVerified: contentHash(row.content) === row.contentHash };
  }

  /** The release a public read means: one by id, or the latest revision of a year. Nothing unpublished. */
  async function resolve(which: { year?: number; release?: string }): Promise<ReleaseView> {
    if (which.release) return publicGet(which.release);
    if (which.year === undefined) throw invalid({ year: 'stats.public_year_required' }, 'stats.public_year_required');
    const latest = await repo.latestForYear(deps.db, which.year);
    if (!latest) throw new AppError('release.not_published', 404, undefined, { year: 'release.not_published' });
    return publicGet(latest.id);
  }

  async function publicTable(name: string, which: { year?: number; release?: string }): Promise<StatsResult> {
    const release = await resolve(which);
    const table = release.content.tables.find((t) => t.name === name);
    if (!table) throw notFound('release_table');
    return table.result;
  }

  async function publicIndex() {
    const years = await repo.publishedYears(deps.db);
    return { years, latestYear: years[0] ?? null, threshold: threshold() };
  }

  return { preview, publish, list, publicList, publicGet, publicTable, publicIndex, resolve };
}
