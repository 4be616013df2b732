/**
 * Shelter occupancy by day. A stay occupies the nights [checkInOn, checkOutOn): a bed freed on a day can
 * be taken that same day. A stay that starts and ends on one day occupies that day; an open stay (no
 * check-out yet) occupies every day from its check-in on.
 */
export interface StayDates {
  checkInOn: string;
  checkOutOn: string | null;
}

const DAY_MS = 86_400_000;
const dayNumber = (isoDate: string) => Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The half-open range of day numbers a stay occupies. */
export function occupiedDays(stay: StayDates): { start: number; end: number } {
  const start = dayNumber(stay.checkInOn);
  if (stay.checkOutOn === null) return { start, end: Number.POSITIVE_INFINITY };
  const out = dayNumber(stay.checkOutOn);
  return { start, end: out <= start ? start + 1 : out };
}

export function occupiesDay(stay: StayDates, isoDate: string): boolean {
  const { start, end } = occupiedDays(stay);
  const day = dayNumber(isoDate);
  return start <= day && day < end;
}

/** Stays occupying a given day. */
export const occupancyOn = (stays: readonly StayDates[], isoDate: string) => stays.filter((s) => occupiesDay(s, isoDate)).length;

/**
 * The highest number of beds taken on any day of `candidate`'s stay, counting the candidate itself.
 * The peak is reached on the first day of the candidate or on the check-in day of another stay, so only
 * those days are examined.
 */
export function peakOccupancy(existing: readonly StayDates[], candidate: StayDates): { peak: number; day: string } {
  const range = occupiedDays(candidate);
  const overlapping = existing.map(occupiedDays).filter((s) => s.start < range.end && range.start < s.end);
  const days = [range.start, ...overlapping.map((s) => s.start).filter((d) => d > range.start && d < range.end)];
  let best = { peak: 0, day: range.start };
  for (const day of days) {
    const count = 1 + overlapping.filter((s) => s.start <= day && day < s.end).length;
    if (count > best.peak) best = { peak: count, day };
  }
  return { peak: best.peak, day: isoOf(best.day) };
}

/** True when adding `candidate` would put more people than beds on some day. */
export function exceedsCapacity(existing: readonly StayDates[], candidate: StayDates, capacityBeds: number): { exceeds: boolean; day: string } {
  const { peak, day } = peakOccupancy(existing, candidate);
  return { exceeds: peak > capacityBeds, day };
}
