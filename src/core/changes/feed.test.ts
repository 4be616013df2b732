import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, foldTransactions, type ChangeRow } from './feed';

const row = (seq: number, id: number, recordId: string, kind: ChangeRow['kind'], version: number | null = 1): ChangeRow => ({
  seq, id, entity: 'case', recordId, caseId: recordId, externalId: null, version, kind,
});

describe('change feed cursor', () => {
  it('round-trips and refuses anything it did not issue', () => {
    expect(decodeCursor(encodeCursor({ seq: 12, id: 345 }))).toEqual({ seq: 12, id: 345 });
    expect(decodeCursor(undefined)).toEqual({ seq: 0, id: 0 });
    for (const bad of ['x', '1-', '-1', '1-2-3', '1.2', ' 1-2', '1-2;drop', '9999999999999999-1']) expect(decodeCursor(bad)).toBeNull();
  });
});

describe('foldTransactions', () => {
  it('makes one change per record and transaction, at the last write', () => {
    const folded = foldTransactions([row(1, 1, 'a', 'created'), row(1, 2, 'b', 'created'), row(1, 3, 'a', 'updated', 2), row(2, 4, 'a', 'updated', 3), row(2, 5, 'a', 'removed', 3)]);
    expect(folded.map((r) => [r.seq, r.id, r.recordId, r.kind, r.version])).toEqual([
      [1, 2, 'b', 'created', 1],
      [1, 3, 'a', 'created', 2],
      [2, 5, 'a', 'removed', 3],
    ]);
  });
  it('keeps changes of the same record in different transactions apart', () => {
    expect(foldTransactions([row(1, 1, 'a', 'updated'), row(2, 2, 'a', 'updated', 2)])).toHaveLength(2);
  });
});
