/**
 * Derived views built on the engine: routes (origin → exploitation department), the attrition funnel of
 * cases, and durations. Each takes the same period and filters as an indicator query and the same scope.
 */
import { sql } from 'drizzle-orm';
import { displayOf, isPrimary, suppressList } from '../../core/disclosure';
import { peruDepartments } from '../../core/geo/departments';
import { indicatorById } from '../../core/stats/indicators';
import { percentOf } from '../../core/stats/rounding';
import type { DerivedQuery } from '../../contracts/stats';
import type { Actor } from '../context';
import type { Deps } from '../deps';
import { baseSql, filtersOf, runAggregate, statsRead } from './stats.query';

const names = new Map(peruDepartments.map((d) => [d.code, d.name]));
const request = (q: DerivedQuery) => ({ by: [], from: q.from, to: q.to, filters: filtersOf(q) });

/** Victims' internal routes: department of origin → department of exploitation, largest first. */
export async function routes(deps: Deps, actor: Actor | null, q: DerivedQuery, exact: boolean, threshold: number, cubes = true) {
  const victims = indicatorById('victims')!;
  const rows = await runAggregate(deps, victims, { ...request(q), by: ['originDepartment', 'exploitationDepartment'], cellsOnly: true, cubes }, actor);
  const pairs = rows
    .filter((r) => r.d1 && r.d2 && r.d1 !== 'unknown' && r.d2 !== 'unknown' && (q.sameDepartment || r.d1 !== r.d2))
    .map((r) => ({ origin: r.d1!, destination: r.d2!, n: r.value ?? 0 }))
    .sort((a, b) => b.n - a.n || a.origin.localeCompare(b.origin) || a.destination.localeCompare(b.destination));
  // No total is published with the routes: primary suppression is all that is needed; hidden routes go last.
  const shown = exact ? pairs : [...pairs.filter((p) => !isPrimary(p.n, threshold)), ...pairs.filter((p) => isPrimary(p.n, threshold))];
  return {
    exact,
    threshold: exact ? null : threshold,
    items: shown.slice(0, q.limit).map((p, i) => {
      const hidden = !exact && isPrimary(p.n, threshold);
      return {
        rank: i + 1,
        origin: p.origin,
        destination: p.destination,
        originLabel: names.get(p.origin) ?? p.origin,
        destinationLabel: names.get(p.destination) ?? p.destination,
        value: hidden ? null : p.n,
        display: hidden ? `<${threshold}` : String(p.n),
      };
    }),
  };
}

export async function funnel(deps: Deps, actor: Actor | null, q: DerivedQuery, exact: boolean, threshold: number) {
  // The steps each case reached are kept in its facts (src/core/stats/facts.ts): one pass over the cases.
  const base = baseSql(indicatorById('cases')!, request(q), actor, [], ['f.investigated', 'f.charged', 'f.tried', 'f.convicted']);
  const result = (await statsRead(deps, (tx) =>
    tx.execute(sql`select count(*)::int as complaints, count(*) filter (where investigated)::int as investigated,
      count(*) filter (where charged)::int as charged, count(*) filter (where tried)::int as tried,
      count(*) filter (where convicted)::int as convicted from (${base}) b`),
  )) as unknown as { rows: Array<Record<string, number>> };
  const row = result.rows[0]!;
  const order = ['complaints', 'investigated', 'charged', 'tried', 'convicted'] as const;
  const values = order.map((k) => Number(row[k] ?? 0));
  // Steps are nested, not parts of a total: primary suppression of each is enough.
  const statuses = exact ? values.map(() => 'published' as const) : suppressList(values, null, threshold).values;
  const complaints = statuses[0] === 'published' ? values[0]! : null;
  return {
    exact,
    threshold: exact ? null : threshold,
    steps: order.map((stepName, i) => {
      const shown = statuses[i] === 'published' ? values[i]! : null;
      return {
        step: stepName,
        value: shown,
        display: exact ? String(values[i]) : displayOf(values[i]!, statuses[i]!, threshold),
        percentOfComplaints: shown !== null && complaints ? percentOf(shown, complaints, 1) : null,
      };
    }),
  };
}

/** Median days from complaint to first charges and to the first first-instance decision; registration lags. */
export async function durations(deps: Deps, actor: Actor | null, q: DerivedQuery, exact: boolean, threshold: number) {
  const staleDays = Math.max(1, Math.floor(deps.config.staleDays));
  const base = baseSql(indicatorById('cases')!, request(q), actor, [], [
    'f.first_charge_on - f.reported_on as to_charge',
    'f.first_decision_on - f.reported_on as to_decision',
    `(f.status <> 'closed' and f.last_activity_at < now() - interval '1 day' * ${staleDays}) as stale`,
    'f.registered_on - f.reported_on as lag_report',
    'f.registered_on - f.facts_start as lag_facts',
  ]);
  const median = (col: string) => `(percentile_cont(0.5) within group (order by ${col}))::float8 as ${col}_median, count(${col})::int as ${col}_n`;
  // Each median sorts its column: two reads of two medians each, at once (on PostgreSQL, two connections and
  // cores; PGlite runs them one after the other), take about half the time of one read of four.
  const read = (columns: readonly string[], more = '') =>
    statsRead(deps, (tx) => tx.execute(sql`select ${sql.raw([...columns.map(median), ...(more ? [more] : [])].join(', '))} from (${base}) t`)) as unknown as Promise<{
      rows: Array<Record<string, number | null>>;
    }>;
  const parts = await Promise.all([read(['to_charge', 'to_decision'], 'count(*) filter (where stale)::int as stale'), read(['lag_report', 'lag_facts'])]);
  const row = Object.assign({}, ...parts.map((p) => p.rows[0]!)) as Record<string, number | null>;
  const view = (col: string) => {
    const n = Number(row[`${col}_n`] ?? 0);
    const m = row[`${col}_median`] === null || row[`${col}_median`] === undefined ? null : Number(row[`${col}_median`]);
    const hidden = !exact && n > 0 && n < threshold;
    return { medianDays: hidden ? null : m, cases: hidden ? null : n, display: hidden ? `<${threshold}` : m === null ? '' : String(m) };
  };
  return {
    exact,
    threshold: exact ? null : threshold,
    complaintToCharge: view('to_charge'),
    complaintToFirstInstanceDecision: view('to_decision'),
    registrationLagFromReport: view('lag_report'),
    registrationLagFromFacts: view('lag_facts'),
    staleCases: staleView(Number(row.stale ?? 0), exact, threshold),
    staleDays,
  };
}

/** Open cases with no case or justice event for the configured number of days (domain rule 8). */
function staleView(n: number, exact: boolean, threshold: number) {
  const hidden = !exact && isPrimary(n, threshold);
  return { value: hidden ? null : n, display: hidden ? `<${threshold}` : String(n) };
}
