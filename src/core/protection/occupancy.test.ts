import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exceedsCapacity, occupancyOn, occupiesDay, peakOccupancy, type StayDates } from './occupancy';

const iso = (day: number) => new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

describe('shelter occupancy', () => {
  it('frees a bed on the check-out day', () => {
    const stay = { checkInOn: '2026-01-01', checkOutOn: '2026-01-03' };
    expect(occupiesDay(stay, '2026-01-02')).toBe(true);
    expect(occupiesDay(stay, '2026-01-03')).toBe(false);
    expect(exceedsCapacity([stay], { checkInOn: '2026-01-03', checkOutOn: null }, 1).exceeds).toBe(false);
    expect(exceedsCapacity([stay], { checkInOn: '2026-01-02', checkOutOn: null }, 1)).toEqual({ exceeds: true, day: '2026-01-02' });
  });

  it('counts a same-day stay on its day and an open stay forever', () => {
    expect(occupiesDay({ checkInOn: '2026-01-05', checkOutOn: '2026-01-05' }, '2026-01-05')).toBe(true);
    expect(occupancyOn([{ checkInOn: '2020-01-01', checkOutOn: null }], '2030-01-01')).toBe(1);
  });

  it('finds the peak inside the new stay, not outside it', () => {
    const existing = [
      { checkInOn: '2026-01-01', checkOutOn: '2026-01-10' },
      { checkInOn: '2026-01-20', checkOutOn: '2026-01-25' },
      { checkInOn: '2026-01-21', checkOutOn: '2026-01-22' },
    ];
    expect(peakOccupancy(existing, { checkInOn: '2026-01-10', checkOutOn: '2026-01-20' }).peak).toBe(1);
    expect(peakOccupancy(existing, { checkInOn: '2026-01-15', checkOutOn: null })).toEqual({ peak: 3, day: '2026-01-21' });
  });

  it('agrees with counting every day (property)', () => {
    const stay = fc
      .tuple(fc.integer({ min: 0, max: 40 }), fc.option(fc.integer({ min: 0, max: 15 })))
      .map(([start, length]): StayDates => ({ checkInOn: iso(start), checkOutOn: length === null ? null : iso(start + length) }));
    fc.assert(
      fc.property(fc.array(stay, { maxLength: 12 }), stay, (existing, candidate) => {
        let brute = 0;
        for (let day = 0; day <= 70; day++) {
          if (occupiesDay(candidate, iso(day))) brute = Math.max(brute, 1 + occupancyOn(existing, iso(day)));
        }
        expect(peakOccupancy(existing, candidate).peak).toBe(brute);
      }),
    );
  });
});
