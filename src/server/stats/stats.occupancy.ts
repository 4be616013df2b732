/**
 * Shelter occupancy over a period: bed-nights taken against beds available, per shelter in scope.
 * A stay occupies the nights [check-in, check-out); a same-day stay occupies its day; an open stay every
 * day from check-in (the rule of src/core/protection/occupancy.ts, in SQL).
 */
import { sql } from 'drizzle-orm';
import { isPrimary } from '../../core/disclosure';
import { percentOf } from '../../core/stats/rounding';
import type { Actor } from '../context';
import type { Deps } from '../deps';
import { statsScope } from '../policy';
import { statsRead } from './stats.query';

export interface OccupancyQuery {
  from?: string;
  to?: string;
  suppress?: boolean;
}

const today = () => new Date().toISOString().slice(0, 10);

export async function occupancy(deps: Deps, actor: Actor | null, q: OccupancyQuery, exact: boolean, threshold: number) {
  const to = q.to ?? today();
  const from = q.from ?? `${to.slice(0, 4)}-01-01`;
  const scope = statsScope(actor, { institution: 'sh.institution_id', department: 'sh.department_code' });
  const result = (await statsRead(deps, (tx) => tx.execute(sql`
    with p as (select ${from}::date as p_start, ${to}::date + 1 as p_end),
    s as (select st.shelter_id, greatest(0, least(case when st.check_out_on is null then p.p_end when st.check_out_on <= st.check_in_on then st.check_in_on + 1 else st.check_out_on end, p.p_end)
             - greatest(st.check_in_on, p.p_start)) as nights
          from shelter_stays st, p)
    select sh.id::text as id, sh.name, sh.department_code, sh.capacity_beds, (select p_end - p_start from p)::int as days,
      coalesce(sum(s.nights), 0)::int as bed_nights, count(*) filter (where s.nights > 0)::int as stays
    from shelters sh left join s on s.shelter_id = sh.id
    where ${scope}
    group by sh.id, sh.name, sh.department_code, sh.capacity_beds order by sh.name, sh.id`))) as unknown as {
    rows: Array<{ id: string; name: string; department_code: string | null; capacity_beds: number; days: number; bed_nights: number; stays: number }>;
  };
  const items = result.rows.map((r) => {
    const available = Number(r.capacity_beds) * Number(r.days);
    const hidden = !exact && isPrimary(Number(r.stays), threshold);
    return {
      shelterId: r.id,
      name: r.name,
      departmentCode: r.department_code,
      capacityBeds: Number(r.capacity_beds),
      bedNights: Number(r.bed_nights),
      availableBedNights: available,
      occupancyPercent: available > 0 ? percentOf(Number(r.bed_nights), available, 1) : null,
      stays: hidden ? null : Number(r.stays),
      staysDisplay: hidden ? `<${threshold}` : String(r.stays),
    };
  });
  const bedNights = items.reduce((a, i) => a + i.bedNights, 0);
  const available = items.reduce((a, i) => a + i.availableBedNights, 0);
  return {
    from,
    to,
    exact,
    threshold: exact ? null : threshold,
    items,
    totals: { capacityBeds: items.reduce((a, i) => a + i.capacityBeds, 0), bedNights, availableBedNights: available, occupancyPercent: available > 0 ? percentOf(bedNights, available, 1) : null },
  };
}
