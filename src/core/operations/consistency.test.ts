import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operationCountProblems } from './consistency';

describe('operation counts', () => {
  it('accepts minors and victims within the persons found, and arrests beyond them', () => {
    expect(operationCountProblems({ personsFound: 10, minorsFound: 10, victimsIdentified: 4, arrests: 12 })).toEqual({});
  });

  it('names each field that exceeds the persons found', () => {
    expect(operationCountProblems({ personsFound: 3, minorsFound: 4, victimsIdentified: 5, arrests: 0 })).toEqual({
      minorsFound: 'operation.minors_exceed_persons',
      victimsIdentified: 'operation.victims_exceed_persons',
    });
  });

  it('finds a problem exactly when a sub-count exceeds the total (property)', () => {
    const n = fc.nat({ max: 1000 });
    fc.assert(
      fc.property(n, n, n, n, (personsFound, minorsFound, victimsIdentified, arrests) => {
        const problems = operationCountProblems({ personsFound, minorsFound, victimsIdentified, arrests });
        expect('minorsFound' in problems).toBe(minorsFound > personsFound);
        expect('victimsIdentified' in problems).toBe(victimsIdentified > personsFound);
      }),
    );
  });
});
