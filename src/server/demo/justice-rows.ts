import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { archiveReasons, stageOf, type JusticeEventType } from '../../core/justice/events';
import type { Tx } from '../../db/connect';
import { caseAccess, justiceEventArticles, justiceEvents } from '../../db/schema';
import type { CaseFacts } from './case-batch';
import { isoDay } from './dates';
import { attrition } from './distributions';
import type { FeatureGenerator } from './features';
import type { FeatureContext } from './generator';
import { insertRows } from './insert';
import { unitFor } from './organisation';
import type { Rng } from './prng';

type EventRow = (typeof justiceEvents)['$inferInsert'];
type ArticleRow = (typeof justiceEventArticles)['$inferInsert'];

interface Articles {
  /** Trafficking article in force on a date: 153 (Law 28950) before 2021-03-30, 129-A after. */
  trafficking(day: string): { articleId: string; regimeId: string } | undefined;
  lesser?: { articleId: string; regimeId: string };
}

async function loadArticles(tx: Tx): Promise<Articles> {
  const result = (await tx.execute(sql`select a.id, a.article_number, a.regime_id from legal_articles a join legal_regimes r on r.id = a.regime_id where r.country = 'PER' and a.article_number in ('153', '129-A', '179')`)) as unknown as {
    rows: Array<{ id: string; article_number: string; regime_id: string }>;
  };
  const by = new Map(result.rows.map((r) => [r.article_number, { articleId: r.id, regimeId: r.regime_id }]));
  return { trafficking: (day) => (day < '2021-03-30' ? by.get('153') : by.get('129-A')), lesser: by.get('179') };
}

interface Step {
  type: JusticeEventType;
  day: number;
  extra?: Partial<EventRow>;
  articles?: 'trafficking' | 'lesser';
}

/** One defendant's path through the attrition funnel, as dated steps (future steps are cut at asOf). */
function pathOf(rng: Rng, reportedDay: number): Step[] {
  const steps: Step[] = [];
  let day = reportedDay;
  const at = (type: JusticeEventType, from: number, to: number, extra?: Partial<EventRow>, articles?: Step['articles']) => {
    day += rng.int(from, to);
    steps.push({ type, day, extra, articles });
  };
  if (rng.chance(attrition.arrested)) at('arrest', 0, 20);
  at('police_report_sent', 3, 45);
  if (!rng.chance(attrition.investigated)) return steps;
  at('preliminary_investigation_opened', 5, 60, {}, 'trafficking');
  if (!rng.chance(attrition.charged)) {
    if (rng.chance(attrition.archivedIfNotCharged)) at('archived', 90, 540, { archiveReason: rng.pick(archiveReasons) });
    return steps;
  }
  at('investigation_formalised', 30, 200, {}, 'trafficking');
  at('charges_filed', 60, 300, {}, 'trafficking');
  if (rng.chance(0.06)) {
    at('plea_agreement', 20, 120, {}, 'trafficking');
    addSentence(rng, steps, day);
    return steps;
  }
  if (!rng.chance(attrition.tried)) return steps;
  at('trial_started', 60, 300);
  const convicted = rng.chance(attrition.convicted);
  const lesser = convicted && rng.chance(0.08);
  const decision = convicted ? 'conviction' : rng.chance(attrition.acquitted / (1 - attrition.convicted)) ? 'acquittal' : 'dismissal';
  at('decision', 30, 240, { decision }, convicted ? (lesser ? 'lesser' : 'trafficking') : undefined);
  if (convicted) addSentence(rng, steps, day, lesser);
  if (rng.chance(0.6)) at('final', 30, 200);
  return steps;
}

function addSentence(rng: Rng, steps: Step[], day: number, lesser = false) {
  // Most sentences within the 8–15 (or aggravated 12–20) year ranges; some below the minimum, to be flagged.
  const below = rng.chance(0.1);
  const months = lesser ? rng.int(36, 72) : below ? rng.int(36, 95) : rng.chance(0.25) ? rng.int(144, 240) : rng.int(96, 180);
  const effective = !(below && rng.chance(0.5));
  steps.push({ type: 'sentence', day, articles: lesser ? 'lesser' : 'trafficking', extra: { sentenceMonths: months, sentenceEffective: effective, reparationAmount: String(rng.int(2, 60) * 500), currency: 'PEN' } });
  if (effective) steps.push({ type: 'imprisonment_started', day: day + rng.int(0, 30) });
}

export function justiceGenerator(): FeatureGenerator {
  let articles: Articles | undefined;
  return {
    name: 'justice',
    async forCases(tx: Tx, rng: Rng, ctx: FeatureContext, facts: CaseFacts[]) {
      articles ??= await loadArticles(tx);
      const events: EventRow[] = [];
      const links: ArticleRow[] = [];
      const access: Array<(typeof caseAccess)['$inferInsert']> = [];
      const touched: Array<{ id: string; day: number; closed: boolean }> = [];
      for (const c of facts) {
        const police = unitFor(ctx.org, 'police', c.exploitationDepartment);
        const prosecution = unitFor(ctx.org, 'prosecution', c.exploitationDepartment);
        const court = unitFor(ctx.org, 'judiciary', c.exploitationDepartment);
        let last = c.registeredDay;
        let finished = c.suspectIds.length > 0;
        const granted = new Set<string>();
        for (const s of c.suspectIds) {
          const steps = pathOf(rng, c.reportedDay).filter((step) => step.day <= ctx.asOfDay);
          for (const step of steps) {
            const stage = stageOf(step.type);
            const unit = stage === 'police' ? police : stage === 'prosecution' ? prosecution : court;
            const id = randomUUID();
            const day = isoDay(step.day);
            events.push({
              id, caseId: c.caseId, suspectId: s.id, type: step.type, stage, occurredOn: day, recordedAt: new Date((step.day + 1) * 86_400_000),
              institutionId: unit.institutionId, unitId: unit.id, ...(step.type === 'police_report_sent' ? { receivingInstitutionId: prosecution.institutionId, receivingUnitId: prosecution.id } : {}),
              ...(step.type === 'charges_filed' ? { receivingInstitutionId: court.institutionId, receivingUnitId: court.id } : {}), ...step.extra,
            });
            const article = step.articles === 'lesser' ? articles.lesser : step.articles ? articles.trafficking(isoDay(c.factsStartDay)) : undefined;
            if (article) links.push({ eventId: id, role: 'charge', position: 0, ...article, tierCode: 'basic' });
            const basis = step.type === 'police_report_sent' ? 'police_report' : step.type === 'charges_filed' ? 'charges' : null;
            const to = step.type === 'police_report_sent' ? prosecution : court;
            if (basis && !granted.has(basis)) {
              granted.add(basis);
              access.push({ caseId: c.caseId, institutionId: to.institutionId, unitId: to.id, basis, grantedAt: new Date(step.day * 86_400_000) });
            }
            last = Math.max(last, step.day);
          }
          const end = steps.at(-1)?.type;
          finished &&= end === 'archived' || end === 'final' || end === 'imprisonment_started' || (end === 'decision' && steps.at(-1)?.extra?.decision !== 'conviction');
        }
        if (last > c.registeredDay) touched.push({ id: c.caseId, day: last, closed: finished });
      }
      await insertRows(tx, justiceEvents, events);
      await insertRows(tx, justiceEventArticles, links);
      await insertRows(tx, caseAccess, access);
      await updateCases(tx, touched);
      return { justice_events: events.length, justice_event_articles: links.length, case_access: access.length };
    },
  };
}

/** Last activity is the last step; cases whose every defendant reached the end of the path are closed then. */
async function updateCases(tx: Tx, touched: Array<{ id: string; day: number; closed: boolean }>) {
  if (!touched.length) return;
  const ids = touched.map((c) => c.id);
  const at = touched.map((c) => new Date(c.day * 86_400_000 + 15 * 3_600_000).toISOString());
  const closed = touched.map((c) => c.closed);
  await tx.execute(sql`update cases set last_activity_at = u.at, status = case when u.closed then 'closed' else cases.status end,
      closed_at = case when u.closed then u.at else cases.closed_at end
    from unnest(${sql.param(ids)}::uuid[], ${sql.param(at)}::timestamptz[], ${sql.param(closed)}::bool[]) as u(id, at, closed) where cases.id = u.id`);
}
