import { describe, expect, it } from 'vitest';
import { afterFailure, retryDelaySeconds } from './backoff';

describe('webhook retry backoff', () => {
  it('doubles from the base with each consecutive failure, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelaySeconds(n))).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600]);
    expect(retryDelaySeconds(1000)).toBe(3600);
    expect(retryDelaySeconds(0)).toBe(0);
  });
  it('disables at the maximum of consecutive failures', () => {
    expect(afterFailure(7, 8)).toEqual({ disable: false, retryInSeconds: 1920 });
    expect(afterFailure(8, 8)).toEqual({ disable: true });
  });
});
