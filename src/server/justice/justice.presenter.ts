import type { StoredFramework } from '../legal/legal.repository';
import type { EventArticleRow, StoredEvent } from './justice.repository';

const money = (value: string | null) => (value === null ? null : Number(value));

function presentArticles(rows: EventArticleRow[], role: string, framework: StoredFramework) {
  const articles = new Map(framework.articles.map((a) => [a.id, a]));
  const regimes = new Map(framework.regimes.map((r) => [r.id, r]));
  return rows
    .filter((r) => r.role === role)
    .map((r) => {
      const article = articles.get(r.articleId);
      return {
        articleId: r.articleId,
        articleNumber: article?.articleNumber ?? '',
        regimeId: r.regimeId,
        regimeCode: regimes.get(r.regimeId)?.code ?? '',
        tierCode: r.tierCode,
        isTrafficking: article?.isTrafficking ?? false,
        isLesserOffence: article?.isLesserOffence ?? false,
      };
    });
}

/** A justice event as the API returns it. Carries no identifying data of the defendant. */
export function presentEvent(event: StoredEvent, framework: StoredFramework, supersededBy: Map<string, string>) {
  const by = supersededBy.get(event.id) ?? null;
  return {
    id: event.id, caseId: event.caseId, suspectId: event.suspectId, type: event.type, stage: event.stage, occurredOn: event.occurredOn,
    recordedAt: event.recordedAt.toISOString(), recordedBy: event.recordedBy, institutionId: event.institutionId, unitId: event.unitId,
    externalId: event.externalId, documentNumber: event.documentNumber, prosecutorOffice: event.prosecutorOffice, court: event.court,
    receivingInstitutionId: event.receivingInstitutionId, receivingUnitId: event.receivingUnitId, archiveReason: event.archiveReason,
    decision: event.decision, appealOutcome: event.appealOutcome, sentenceMonths: event.sentenceMonths, sentenceEffective: event.sentenceEffective,
    fineAmount: money(event.fineAmount), reparationAmount: money(event.reparationAmount), currency: event.currency, country: event.country,
    supersedesEventId: event.supersedesEventId, supersededByEventId: by, superseded: by !== null,
    articles: presentArticles(event.articleRows, 'charge', framework),
    fromArticles: presentArticles(event.articleRows, 'from', framework),
    toArticles: presentArticles(event.articleRows, 'to', framework),
  };
}
