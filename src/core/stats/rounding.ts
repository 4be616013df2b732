/**
 * Percentages from whole counts, rounded half-up on exact integer arithmetic (never on binary floats,
 * where 0.5 boundaries come out as 0.49999…). `percentOf(527, 1334, 2)` → "39.51".
 */
export function percentOf(part: number, whole: number, decimals: number): string | null {
  if (!Number.isInteger(part) || !Number.isInteger(whole) || whole <= 0 || part < 0) return null;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) throw new RangeError('decimals must be 0..6');
  const scale = 10n ** BigInt(decimals);
  const numerator = BigInt(part) * 100n * scale;
  const denominator = BigInt(whole);
  // half-up: floor((2n + d) / 2d)
  const scaled = (2n * numerator + denominator) / (2n * denominator);
  const integerPart = scaled / scale;
  if (decimals === 0) return integerPart.toString();
  const fraction = (scaled % scale).toString().padStart(decimals, '0');
  return `${integerPart}.${fraction}`;
}

/** A median of whole numbers as the exact midpoint (x.5 for an even count), or null when empty. */
export function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
