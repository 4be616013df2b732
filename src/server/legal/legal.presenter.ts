import type { StoredArticle, StoredRegime, StoredTier } from './legal.repository';

export const presentRegime = (r: StoredRegime) => ({
  id: r.id, code: r.code, country: r.country, name: r.name, inForceFrom: r.inForceFrom, maxSuspendedSentenceMonths: r.maxSuspendedSentenceMonths, version: r.version,
});

export const presentTier = (t: StoredTier) => ({
  id: t.id, articleId: t.articleId, tierCode: t.tierCode, minMonths: t.minMonths, maxMonths: t.maxMonths,
  suspensionAllowed: t.suspensionAllowed, confirmedInPrimarySource: t.confirmedInPrimarySource, version: t.version,
});

export const presentArticle = (a: StoredArticle) => ({
  id: a.id, regimeId: a.regimeId, regimeCode: a.regimeCode, articleNumber: a.articleNumber, titleCode: a.titleCode,
  heading: a.heading ?? null, isTrafficking: a.isTrafficking, isLesserOffence: a.isLesserOffence,
  relatedTraffickingArticle: a.relatedTraffickingArticle ?? null, repealedByRegimeId: a.repealedByRegimeId,
  repealedByRegimeCode: a.repealedByRegimeCode ?? null, version: a.version, tiers: a.tiers.map(presentTier),
});
