import { percentOf } from '../../core/stats/rounding';
import type { QualityQuery } from '../../contracts/quality';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { invalid } from '../errors/app-error';
import { labelsFor } from '../stats/stats.labels';
import { listFailingCases, qualityChecks, summariseQuality, type QualityCheck, type QualityFilter, type QualityGroupRow } from './quality.repository';

/**
 * Data quality (C10) per unit or institution, over the cases the actor may see (the case scope rule:
 * a supervisor sees their institution's cases, an analyst every institution in their geography), so
 * the drill-down list only ever names cases the reader can open.
 */
export function createQualityService(deps: Deps) {
  const staleDays = () => deps.config.staleDays;

  const present = (row: QualityGroupRow, label?: string) => {
    const share = (missing: number, of: number) => (of ? percentOf(of - missing, of, 1) : null);
    const known = (n: number) => (row.victims ? percentOf(n, row.victims, 1) : null);
    return {
      key: row.key,
      ...(label ? { label } : {}),
      cases: row.cases,
      victims: row.victims,
      completeness: {
        factsDate: share(row.checks.missing_facts_date, row.cases),
        acts: share(row.checks.missing_acts, row.cases),
        purposes: share(row.checks.missing_purposes, row.cases),
        means: share(row.checks.missing_means, row.cases),
        exploitationPlace: share(row.checks.missing_exploitation_place, row.cases),
        victimSex: known(row.victimFields.sexKnown),
        victimAge: known(row.victimFields.ageKnown),
        victimNationality: known(row.victimFields.nationalityKnown),
        victimOrigin: known(row.victimFields.originKnown),
      },
      registrationLag: { fromReportMedianDays: row.lagReportMedian, fromFactsMedianDays: row.lagFactsMedian },
      checks: row.checks,
    };
  };

  const emptyRow = (): QualityGroupRow => ({
    key: 'all', cases: 0, victims: 0, lagReportMedian: null, lagFactsMedian: null,
    checks: Object.fromEntries(qualityChecks.map((k) => [k, 0])) as Record<QualityCheck, number>,
    victimFields: { sexKnown: 0, ageKnown: 0, nationalityKnown: 0, originKnown: 0 },
  });

  function checkPeriod(filter: QualityFilter) {
    if (filter.from && filter.to && filter.from > filter.to) throw invalid({ from: 'stats.invalid_period' }, 'stats.invalid_period');
  }

  return {
    async summary(ctx: Ctx, q: QualityQuery) {
      const filter: QualityFilter = { from: q.from, to: q.to, unitId: q.unitId, institutionId: q.institutionId };
      checkPeriod(filter);
      const rows = await summariseQuality(deps.db, ctx.actor, filter, q.groupBy, staleDays());
      const [all] = await summariseQuality(deps.db, ctx.actor, filter, 'all', staleDays());
      const names = await labelsFor(deps.db, q.groupBy, rows.map((r) => r.key));
      return {
        groupBy: q.groupBy,
        staleDays: staleDays(),
        items: rows.sort((a, b) => b.cases - a.cases || a.key.localeCompare(b.key)).map((r) => present(r, names.get(r.key))),
        totals: present(all ?? emptyRow()),
      };
    },

    async failingCases(ctx: Ctx, q: QualityFilter & { check: QualityCheck; page: number; pageSize: number }) {
      checkPeriod(q);
      const result = await listFailingCases(deps.db, ctx.actor, q, q.check, staleDays(), q.page, q.pageSize);
      return { ...result, page: q.page, pageSize: q.pageSize };
    },
  };
}
