import { describe, expect, it } from 'vitest';
import { pgliteThreadFromEnv } from './connect';

describe('RETA_PGLITE_THREAD', () => {
  it('runs PGlite on a worker thread unless told `main`', () => {
    expect(pgliteThreadFromEnv({})).toBe('worker');
    expect(pgliteThreadFromEnv({ RETA_PGLITE_THREAD: '' })).toBe('worker');
    expect(pgliteThreadFromEnv({ RETA_PGLITE_THREAD: 'worker' })).toBe('worker');
    expect(pgliteThreadFromEnv({ RETA_PGLITE_THREAD: 'main' })).toBe('main');
  });

  it('refuses any other value instead of guessing', () => {
    expect(() => pgliteThreadFromEnv({ RETA_PGLITE_THREAD: 'Main ' })).toThrow('RETA_PGLITE_THREAD must be "worker" or "main", not "Main"');
    expect(() => pgliteThreadFromEnv({ RETA_PGLITE_THREAD: 'thread' })).toThrow(/not "thread"/);
  });
});
