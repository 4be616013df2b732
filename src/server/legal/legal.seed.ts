import { eq, inArray, sql } from 'drizzle-orm';
import { peruLegalFramework } from '../../core/legal/peru';
import type { LegalFramework } from '../../core/legal/types';
import type { Db } from '../../db/connect';
import { legalArticles, legalPenaltyTiers, legalRegimes } from '../../db/schema';

/**
 * Puts the seed framework in the database on every start, harmlessly: rows that exist (by regime code,
 * article number, tier code) are left as they are, so an administrator's corrections are never undone.
 * Chosen over a data migration so that the seed stays readable code next to the rules that use it.
 */
export async function ensureLegalFramework(db: Db, framework: LegalFramework = peruLegalFramework, country = 'PER'): Promise<void> {
  await db.transaction(async (tx) => {
    const [seeded] = await tx
      .select({ regimes: sql<number>`count(distinct ${legalRegimes.id})::int`, articles: sql<number>`count(${legalArticles.id})::int` })
      .from(legalRegimes)
      .leftJoin(legalArticles, eq(legalArticles.regimeId, legalRegimes.id))
      .where(eq(legalRegimes.country, country));
    if (seeded && seeded.regimes >= framework.regimes.length && seeded.articles >= framework.articles.length) return;
    await tx
      .insert(legalRegimes)
      .values(framework.regimes.map((r) => ({ ...r, country })))
      .onConflictDoNothing();
    const regimes = await tx.select().from(legalRegimes).where(eq(legalRegimes.country, country));
    const regimeId = new Map(regimes.map((r) => [r.code, r.id]));
    await tx
      .insert(legalArticles)
      .values(
        framework.articles.map((a) => ({
          regimeId: regimeId.get(a.regimeCode)!,
          articleNumber: a.articleNumber,
          titleCode: a.titleCode,
          heading: a.heading ?? null,
          isTrafficking: a.isTrafficking,
          isLesserOffence: a.isLesserOffence,
          relatedTraffickingArticle: a.relatedTraffickingArticle ?? null,
          repealedByRegimeId: a.repealedByRegimeCode ? regimeId.get(a.repealedByRegimeCode)! : null,
        })),
      )
      .onConflictDoNothing();
    const articles = await tx.select().from(legalArticles).where(inArray(legalArticles.regimeId, regimes.map((r) => r.id)));
    const articleId = new Map(articles.map((a) => [`${a.regimeId}|${a.articleNumber}`, a.id]));
    const tiers = framework.articles.flatMap((a) =>
      a.tiers.map((t) => ({ ...t, articleId: articleId.get(`${regimeId.get(a.regimeCode)}|${a.articleNumber}`)! })),
    );
    if (tiers.length) await tx.insert(legalPenaltyTiers).values(tiers).onConflictDoNothing();
  });
}
