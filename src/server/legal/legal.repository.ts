import { asc, eq, inArray, sql } from 'drizzle-orm';
import { articleInForce } from '../../core/legal/resolve';
import type { Article, LegalFramework, PenaltyTier, Regime } from '../../core/legal/types';
import type { Tx } from '../../db/connect';
import { legalArticles, legalPenaltyTiers, legalRegimes } from '../../db/schema';

type RegimeRow = typeof legalRegimes.$inferSelect;
type ArticleRow = typeof legalArticles.$inferSelect;
type TierRow = typeof legalPenaltyTiers.$inferSelect;

/** The core's shapes, carrying the stored ids and versions so results map back to rows. */
export type StoredRegime = Regime & { id: string; country: string; version: number };
export type StoredTier = PenaltyTier & { id: string; articleId: string; version: number };
export type StoredArticle = Article & {
  id: string;
  regimeId: string;
  repealedByRegimeId: string | null;
  version: number;
  tiers: StoredTier[];
};
export interface StoredFramework extends LegalFramework {
  regimes: StoredRegime[];
  articles: StoredArticle[];
}

const toRegime = (r: RegimeRow): StoredRegime => ({
  id: r.id, code: r.code, country: r.country, name: r.name, inForceFrom: r.inForceFrom, maxSuspendedSentenceMonths: r.maxSuspendedSentenceMonths, version: r.version,
});
const toTier = (t: TierRow): StoredTier => ({
  id: t.id, articleId: t.articleId, tierCode: t.tierCode, minMonths: t.minMonths, maxMonths: t.maxMonths,
  suspensionAllowed: t.suspensionAllowed, confirmedInPrimarySource: t.confirmedInPrimarySource, version: t.version,
});

function toArticle(a: ArticleRow, regimes: Map<string, StoredRegime>, tiers: StoredTier[]): StoredArticle {
  return {
    id: a.id, regimeId: a.regimeId, regimeCode: regimes.get(a.regimeId)?.code ?? '', articleNumber: a.articleNumber, titleCode: a.titleCode,
    heading: a.heading, isTrafficking: a.isTrafficking, isLesserOffence: a.isLesserOffence, relatedTraffickingArticle: a.relatedTraffickingArticle,
    repealedByRegimeId: a.repealedByRegimeId, repealedByRegimeCode: a.repealedByRegimeId ? (regimes.get(a.repealedByRegimeId)?.code ?? null) : null,
    version: a.version, tiers,
  };
}

/** The whole framework of one country (a few dozen rows): what the rules resolve against. */
export async function loadFramework(tx: Tx, country = 'PER'): Promise<StoredFramework> {
  const regimeRows = await tx.select().from(legalRegimes).where(eq(legalRegimes.country, country)).orderBy(sql`${legalRegimes.inForceFrom} asc nulls first`);
  const regimes = regimeRows.map(toRegime);
  const byId = new Map(regimes.map((r) => [r.id, r]));
  const articleRows = regimes.length
    ? await tx.select().from(legalArticles).where(inArray(legalArticles.regimeId, regimes.map((r) => r.id))).orderBy(asc(legalArticles.articleNumber))
    : [];
  const tierRows = articleRows.length
    ? await tx.select().from(legalPenaltyTiers).where(inArray(legalPenaltyTiers.articleId, articleRows.map((a) => a.id))).orderBy(asc(legalPenaltyTiers.minMonths))
    : [];
  const tiersOf = new Map<string, StoredTier[]>();
  for (const t of tierRows) tiersOf.set(t.articleId, [...(tiersOf.get(t.articleId) ?? []), toTier(t)]);
  return { regimes, articles: articleRows.map((a) => toArticle(a, byId, tiersOf.get(a.id) ?? [])) };
}

/** Articles filtered as the list route asks: by regime code, number, trafficking flag, in force on a date. */
export function filterArticles(framework: StoredFramework, filter: { regime?: string; at?: string; number?: string; trafficking?: boolean }) {
  return framework.articles.filter(
    (a) =>
      (!filter.regime || a.regimeCode === filter.regime) &&
      (!filter.number || a.articleNumber === filter.number) &&
      (filter.trafficking === undefined || a.isTrafficking === filter.trafficking) &&
      (!filter.at || articleInForce(framework, a, filter.at)),
  );
}

/** One regime by id, whatever its country: what a create or an update answers with. */
export async function findRegime(tx: Tx, regimeId: string): Promise<StoredRegime | undefined> {
  const [row] = await tx.select().from(legalRegimes).where(eq(legalRegimes.id, regimeId)).limit(1);
  return row && toRegime(row);
}

export async function findRegimeCountry(tx: Tx, regimeId: string): Promise<string | undefined> {
  const [row] = await tx.select({ country: legalRegimes.country }).from(legalRegimes).where(eq(legalRegimes.id, regimeId)).limit(1);
  return row?.country;
}

export async function findArticleRow(tx: Tx, id: string) {
  const [row] = await tx.select().from(legalArticles).where(eq(legalArticles.id, id)).limit(1);
  return row;
}

export async function findTierRow(tx: Tx, id: string) {
  const [row] = await tx.select().from(legalPenaltyTiers).where(eq(legalPenaltyTiers.id, id)).limit(1);
  return row;
}
