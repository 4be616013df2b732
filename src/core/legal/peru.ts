import type { Article, LegalFramework, PenaltyTier, Regime } from './types';

/**
 * Peru's trafficking law as data (domain.md, rule 3): the seed of the legal_* tables. Administrators
 * correct and extend it through the API; this file is only what a new database starts with.
 *
 * Ranges written in domain.md from the statutes (Law 28950 art. 153 / 153-A, Law 31146 129-A, 129-B,
 * 129-C, 129-H, 129-Ñ, 129-O) are marked confirmed; every other range is a best reading not yet checked
 * against the text of the law and is marked `confirmedInPrimarySource: false`.
 * "At least 25 years" has the general ceiling of 35 years (penal code art. 29).
 */
const SUSPENSION_MAX_MONTHS = 48; // penal code art. 57: only sentences of up to 4 years may be suspended

export const peruRegimes: Regime[] = [
  { code: 'pre_2007', name: 'Código Penal de 1991 (antes de la Ley 28950)', inForceFrom: null, maxSuspendedSentenceMonths: SUSPENSION_MAX_MONTHS },
  { code: 'law_28950', name: 'Ley 28950, Ley contra la trata de personas y el tráfico ilícito de migrantes', inForceFrom: '2007-01-17', maxSuspendedSentenceMonths: SUSPENSION_MAX_MONTHS },
  { code: 'dl_1323', name: 'Decreto Legislativo 1323', inForceFrom: '2017-01-06', maxSuspendedSentenceMonths: SUSPENSION_MAX_MONTHS },
  { code: 'law_30963', name: 'Ley 30963', inForceFrom: '2019-06-18', maxSuspendedSentenceMonths: SUSPENSION_MAX_MONTHS },
  { code: 'law_31146', name: 'Ley 31146', inForceFrom: '2021-03-30', maxSuspendedSentenceMonths: SUSPENSION_MAX_MONTHS },
];

const y = (years: number) => years * 12;

/** A tier in years; suspension is possible only where the minimum does not exceed the general limit. */
function tier(tierCode: string, minYears: number, maxYears: number | null, confirmed: boolean): PenaltyTier {
  return {
    tierCode,
    minMonths: y(minYears),
    maxMonths: maxYears === null ? null : y(maxYears),
    suspensionAllowed: y(minYears) <= SUSPENSION_MAX_MONTHS,
    confirmedInPrimarySource: confirmed,
  };
}

type Spec = Omit<Article, 'tiers' | 'isTrafficking' | 'isLesserOffence'> & {
  kind: 'trafficking' | 'lesser' | 'exploitation';
  tiers: PenaltyTier[];
};

function article(spec: Spec): Article {
  const { kind, ...rest } = spec;
  return { ...rest, isTrafficking: kind !== 'lesser', isLesserOffence: kind === 'lesser' };
}

const severe = (confirmed: boolean) => tier('aggravated_severe', 25, 35, confirmed);

const pre2007: Spec[] = [
  { regimeCode: 'pre_2007', articleNumber: '182', titleCode: 'trafficking_sexual_exploitation', heading: 'Trata de personas', kind: 'trafficking', repealedByRegimeCode: 'law_28950', tiers: [tier('basic', 5, 10, false), tier('aggravated', 8, 12, false)] },
  { regimeCode: 'pre_2007', articleNumber: '179', titleCode: 'favouring_prostitution', heading: 'Favorecimiento a la prostitución', kind: 'lesser', relatedTraffickingArticle: '153', tiers: [tier('basic', 4, 6, false), tier('aggravated', 5, 12, false)] },
  { regimeCode: 'pre_2007', articleNumber: '181', titleCode: 'pimping', heading: 'Proxenetismo', kind: 'lesser', relatedTraffickingArticle: '153', tiers: [tier('basic', 3, 6, false), tier('aggravated', 6, 12, false)] },
  { regimeCode: 'pre_2007', articleNumber: '181-A', titleCode: 'child_sex_tourism', heading: 'Turismo sexual infantil', kind: 'lesser', relatedTraffickingArticle: '153', tiers: [tier('basic', 4, 8, false), tier('aggravated', 6, 8, false)] },
];

const law28950: Spec[] = [
  { regimeCode: 'law_28950', articleNumber: '153', titleCode: 'trafficking', heading: 'Trata de personas', kind: 'trafficking', repealedByRegimeCode: 'law_31146', tiers: [tier('basic', 8, 15, true)] },
  { regimeCode: 'law_28950', articleNumber: '153-A', titleCode: 'trafficking_aggravated', heading: 'Formas agravantes de la trata de personas', kind: 'trafficking', repealedByRegimeCode: 'law_31146', tiers: [tier('aggravated', 12, 20, true), severe(true)] },
];

const dl1323: Spec[] = [
  { regimeCode: 'dl_1323', articleNumber: '153-B', titleCode: 'sexual_exploitation', heading: 'Explotación sexual', kind: 'exploitation', repealedByRegimeCode: 'law_31146', tiers: [tier('basic', 10, 15, false), tier('aggravated', 15, 20, false), severe(false)] },
  { regimeCode: 'dl_1323', articleNumber: '153-C', titleCode: 'slavery', heading: 'Esclavitud y otras formas de explotación', kind: 'exploitation', repealedByRegimeCode: 'law_31146', tiers: [tier('basic', 10, 15, false), tier('aggravated', 15, 20, false), severe(false)] },
  { regimeCode: 'dl_1323', articleNumber: '168-B', titleCode: 'forced_labour', heading: 'Trabajo forzoso', kind: 'exploitation', repealedByRegimeCode: 'law_31146', tiers: [tier('basic', 6, 12, false), tier('aggravated', 12, 15, false), tier('aggravated_severe', 15, 20, false)] },
];

const law30963Articles: Array<[string, string, string, number, number]> = [
  ['153-D', 'promotion_sexual_exploitation', 'Promoción o favorecimiento de la explotación sexual', 10, 15],
  ['153-E', 'client_sexual_exploitation', 'Cliente de la explotación sexual', 4, 6],
  ['153-F', 'benefit_sexual_exploitation', 'Beneficio por explotación sexual', 10, 15],
  ['153-G', 'management_sexual_exploitation', 'Gestión de la explotación sexual', 10, 15],
  ['153-H', 'child_sexual_exploitation', 'Explotación sexual de niñas, niños y adolescentes', 15, 20],
  ['153-I', 'benefit_child_sexual_exploitation', 'Beneficio de la explotación sexual de niñas, niños y adolescentes', 15, 20],
  ['153-J', 'management_child_sexual_exploitation', 'Gestión de la explotación sexual de niñas, niños y adolescentes', 15, 20],
];
const law30963: Spec[] = law30963Articles.map(([articleNumber, titleCode, heading, min, max]) => ({
  regimeCode: 'law_30963', articleNumber, titleCode, heading, kind: 'exploitation' as const, repealedByRegimeCode: 'law_31146', tiers: [tier('basic', min, max, false)],
}));

/** Law 31146 moved the whole family to a chapter of its own, 129-A … 129-O. [number, title, heading, min, max, confirmed] */
const law31146Articles: Array<[string, string, string, number, number, boolean]> = [
  ['129-A', 'trafficking', 'Trata de personas', 8, 15, true],
  ['129-C', 'sexual_exploitation', 'Explotación sexual', 10, 15, true],
  ['129-D', 'promotion_sexual_exploitation', 'Promoción o favorecimiento de la explotación sexual', 10, 15, false],
  ['129-E', 'client_sexual_exploitation', 'Cliente de la explotación sexual', 4, 6, false],
  ['129-F', 'benefit_sexual_exploitation', 'Beneficio por explotación sexual', 10, 15, false],
  ['129-G', 'management_sexual_exploitation', 'Gestión de la explotación sexual', 10, 15, false],
  ['129-H', 'child_sexual_exploitation', 'Explotación sexual de niñas, niños y adolescentes', 15, 20, true],
  ['129-I', 'promotion_child_sexual_exploitation', 'Promoción y favorecimiento de la explotación sexual de niñas, niños y adolescentes', 15, 20, false],
  ['129-J', 'client_child_sexual_exploitation', 'Cliente del adolescente', 6, 12, false],
  ['129-K', 'benefit_child_sexual_exploitation', 'Beneficio de la explotación sexual de niñas, niños y adolescentes', 15, 20, false],
  ['129-L', 'management_child_sexual_exploitation', 'Gestión de la explotación sexual de niñas, niños y adolescentes', 15, 20, false],
  ['129-M', 'child_sexual_abuse_material', 'Pornografía infantil', 6, 10, false],
  ['129-N', 'publication_child_sexual_offences', 'Publicación en los medios de comunicación sobre delitos de libertad sexual contra niñas, niños y adolescentes', 2, 4, false],
  ['129-Ñ', 'slavery', 'Esclavitud y otras formas de explotación', 10, 15, true],
  ['129-O', 'forced_labour', 'Trabajo forzoso', 6, 12, true],
];
const law31146: Spec[] = [
  ...law31146Articles.map(([articleNumber, titleCode, heading, min, max, confirmed]) => ({
    regimeCode: 'law_31146', articleNumber, titleCode, heading, kind: (articleNumber === '129-A' ? 'trafficking' : 'exploitation') as Spec['kind'], tiers: [tier('basic', min, max, confirmed)],
  })),
  { regimeCode: 'law_31146', articleNumber: '129-B', titleCode: 'trafficking_aggravated', heading: 'Formas agravadas de la trata de personas', kind: 'trafficking', tiers: [tier('aggravated', 12, 20, true), severe(true)] },
];

/** The seed: every regime, and every article with its tiers. */
export const peruLegalFramework: LegalFramework = {
  regimes: peruRegimes,
  articles: [...pre2007, ...law28950, ...dl1323, ...law30963, ...law31146].map(article),
};
