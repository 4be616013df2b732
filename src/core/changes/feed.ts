/**
 * Pure rules of the change feed: the cursor (a position in commit order) and how the rows of one
 * transaction are folded into one change per record.
 */

/** A position in the feed: the commit sequence number of a transaction and a change row within it. */
export interface FeedPosition {
  seq: number;
  id: number;
}

export const FEED_START: FeedPosition = { seq: 0, id: 0 };

const CURSOR = /^(\d{1,15})-(\d{1,15})$/;

/** Opaque to clients; `<seq>-<id>`, both decimal. */
export const encodeCursor = (p: FeedPosition): string => `${p.seq}-${p.id}`;

/** The position a cursor names, or null when it is not one this server could have issued. */
export function decodeCursor(cursor: string | undefined): FeedPosition | null {
  if (cursor === undefined || cursor === '') return FEED_START;
  const match = CURSOR.exec(cursor);
  if (!match) return null;
  return { seq: Number(match[1]), id: Number(match[2]) };
}

export const comparePositions = (a: FeedPosition, b: FeedPosition): number => a.seq - b.seq || a.id - b.id;

export type ChangeKind = 'created' | 'updated' | 'removed';

export interface ChangeRow extends FeedPosition {
  entity: string;
  recordId: string;
  caseId: string | null;
  externalId: string | null;
  version: number | null;
  kind: ChangeKind;
}

/**
 * One change per record and transaction: a record written several times in one transaction (created,
 * then given its code) is one change, at the position of its last write, `created` if it was created
 * there, `removed` if it ended removed, with the last version. Rows in and out in feed order.
 */
export function foldTransactions<R extends ChangeRow>(rows: readonly R[]): R[] {
  const out: R[] = [];
  const open = new Map<string, number>();
  let seq = -1;
  for (const row of rows) {
    if (row.seq !== seq) {
      open.clear();
      seq = row.seq;
    }
    const key = `${row.entity}:${row.recordId}`;
    const at = open.get(key);
    if (at === undefined) {
      open.set(key, out.length);
      out.push(row);
      continue;
    }
    const first = out[at]!;
    const kind: ChangeKind = row.kind === 'removed' ? 'removed' : first.kind === 'created' ? 'created' : row.kind;
    out[at] = { ...row, kind, version: row.version ?? first.version, externalId: row.externalId ?? first.externalId };
  }
  return out.sort(comparePositions);
}
