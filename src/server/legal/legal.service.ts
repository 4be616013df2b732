import type { ArticleCreate, ArticleQuery, ArticleUpdate, RegimeCreate, RegimeUpdate, TierCreate, TierUpdate } from '../../contracts/legal';
import { normaliseArticleNumber, resolveArticle } from '../../core/legal/resolve';
import type { Tx } from '../../db/connect';
import { legalArticles, legalPenaltyTiers, legalRegimes } from '../../db/schema';
import { writeAudit } from '../audit/audit.writer';
import type { Ctx } from '../context';
import { isUniqueViolation } from '../db-errors';
import type { Deps } from '../deps';
import { AppError, conflict } from '../errors/app-error';
import { definedOnly, updateVersioned } from '../versioned-update';
import { filterArticles, findArticleRow, findRegime, findRegimeCountry, findTierRow, loadFramework, type StoredArticle } from './legal.repository';

const notFoundCode = (what: string) => new AppError(`legal.${what}.not_found`, 404);

/** Rewrites a unique violation as a 409 with a code people can act on. */
async function uniquely<T>(code: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(code);
    throw error;
  }
}

/**
 * The legal framework: read by everyone signed in, changed only by administrators, every change
 * versioned (optimistic concurrency) and audited. The rules read it through loadFramework.
 */
export function createLegalService(deps: Deps) {
  const { db } = deps;

  // A regime or article of another country profile is legitimate data: listed with ?country=, and a
  // create or update answers with the record by id, never through the default country's list.
  const listRegimes = async (country?: string) => (await loadFramework(db, country)).regimes;
  const listArticles = async ({ country, ...query }: ArticleQuery) =>
    filterArticles(await loadFramework(db, country), { ...query, number: query.number ? normaliseArticleNumber(query.number) : undefined });

  async function getRegime(id: string) {
    const regime = await findRegime(db, id);
    if (!regime) throw notFoundCode('regime');
    return regime;
  }

  async function getArticle(id: string): Promise<StoredArticle> {
    const row = await findArticleRow(db, id);
    const article = row && (await loadFramework(db, await findRegimeCountry(db, row.regimeId))).articles.find((a) => a.id === id);
    if (!article) throw notFoundCode('article');
    return article;
  }

  async function resolve(articleNumber: string, date: string) {
    const framework = await loadFramework(db);
    const resolved = resolveArticle(framework, articleNumber, date);
    if (!resolved) throw new AppError('legal.article_not_in_force', 404, undefined, undefined, { article: normaliseArticleNumber(articleNumber), date });
    return resolved as { article: StoredArticle; regime: (typeof framework.regimes)[number] };
  }

  async function createRegime(ctx: Ctx, input: RegimeCreate) {
    return db.transaction(async (tx) => {
      const [row] = await uniquely('legal.regime_code_taken', () => tx.insert(legalRegimes).values(input).returning());
      await writeAudit(tx, ctx, { action: 'legal.regime.create', entityType: 'legal_regime', entityId: row!.id, details: { code: input.code, inForceFrom: input.inForceFrom } });
      return row!.id;
    });
  }

  async function updateRegime(ctx: Ctx, id: string, input: RegimeUpdate) {
    const { version, ...changes } = input;
    await db.transaction(async (tx) => {
      const values = definedOnly(changes);
      await updateVersioned(tx, legalRegimes, 'legal.regime', id, version, values);
      await writeAudit(tx, ctx, { action: 'legal.regime.update', entityType: 'legal_regime', entityId: id, details: { changes: values } });
    });
  }

  async function assertRegime(tx: Tx, id: string, field: string, country?: string) {
    const found = await findRegimeCountry(tx, id);
    if (!found) throw new AppError('validation.failed', 400, undefined, { [field]: 'legal.regime.not_found' });
    // An article is repealed by a regime of its own country's law, never another country's.
    if (country && found !== country) throw new AppError('validation.failed', 400, undefined, { [field]: 'legal.regime.other_country' });
    return found;
  }

  async function createArticle(ctx: Ctx, input: ArticleCreate) {
    const { tiers, ...fields } = input;
    return db.transaction(async (tx) => {
      const country = await assertRegime(tx, fields.regimeId, 'regimeId');
      if (fields.repealedByRegimeId) await assertRegime(tx, fields.repealedByRegimeId, 'repealedByRegimeId', country);
      const values = {
        ...fields,
        articleNumber: normaliseArticleNumber(fields.articleNumber),
        relatedTraffickingArticle: fields.relatedTraffickingArticle ? normaliseArticleNumber(fields.relatedTraffickingArticle) : null,
      };
      const [row] = await uniquely('legal.article_number_taken', () => tx.insert(legalArticles).values(values).returning());
      if (tiers.length) await uniquely('legal.tier_code_taken', () => tx.insert(legalPenaltyTiers).values(tiers.map((t) => ({ ...t, articleId: row!.id }))));
      await writeAudit(tx, ctx, { action: 'legal.article.create', entityType: 'legal_article', entityId: row!.id, details: { ...values, tiers } });
      return row!.id;
    });
  }

  async function updateArticle(ctx: Ctx, id: string, input: ArticleUpdate) {
    const { version, ...changes } = input;
    await db.transaction(async (tx) => {
      const article = await findArticleRow(tx, id);
      if (changes.repealedByRegimeId) await assertRegime(tx, changes.repealedByRegimeId, 'repealedByRegimeId', article && (await findRegimeCountry(tx, article.regimeId)));
      const values = definedOnly({
        ...changes,
        relatedTraffickingArticle: changes.relatedTraffickingArticle ? normaliseArticleNumber(changes.relatedTraffickingArticle) : changes.relatedTraffickingArticle,
      });
      await updateVersioned(tx, legalArticles, 'legal.article', id, version, values);
      await writeAudit(tx, ctx, { action: 'legal.article.update', entityType: 'legal_article', entityId: id, details: { changes: values } });
    });
  }

  async function createTier(ctx: Ctx, articleId: string, input: TierCreate) {
    return db.transaction(async (tx) => {
      if (!(await findArticleRow(tx, articleId))) throw notFoundCode('article');
      const [row] = await uniquely('legal.tier_code_taken', () => tx.insert(legalPenaltyTiers).values({ ...input, articleId }).returning());
      await writeAudit(tx, ctx, { action: 'legal.tier.create', entityType: 'legal_penalty_tier', entityId: row!.id, details: { articleId, ...input } });
      return row!;
    });
  }

  async function updateTier(ctx: Ctx, id: string, input: TierUpdate) {
    const { version, ...changes } = input;
    return db.transaction(async (tx) => {
      const before = await findTierRow(tx, id);
      if (!before) throw notFoundCode('tier');
      const values = definedOnly(changes);
      const min = values.minMonths ?? before.minMonths;
      const max = values.maxMonths === undefined ? before.maxMonths : values.maxMonths;
      if (max !== null && max < min) throw new AppError('validation.failed', 400, undefined, { maxMonths: 'legal.range_reversed' });
      const row = await updateVersioned(tx, legalPenaltyTiers, 'legal.tier', id, version, values);
      await writeAudit(tx, ctx, {
        action: 'legal.tier.update', entityType: 'legal_penalty_tier', entityId: id,
        details: { articleId: before.articleId, before: { minMonths: before.minMonths, maxMonths: before.maxMonths, suspensionAllowed: before.suspensionAllowed, confirmedInPrimarySource: before.confirmedInPrimarySource }, changes: values },
      });
      return row;
    });
  }

  return { listRegimes, getRegime, listArticles, getArticle, resolve, createRegime, updateRegime, createArticle, updateArticle, createTier, updateTier };
}
export type LegalService = ReturnType<typeof createLegalService>;
