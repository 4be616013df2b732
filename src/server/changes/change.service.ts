import { encodeCursor, foldTransactions, type FeedPosition } from '../../core/changes/feed';
import type { ChangePage, ChangeView } from '../../contracts/changes';
import type { Actor } from '../context';
import type { Deps } from '../deps';
import { visibleChanges } from '../policy';
import { feedHead, readWholeTransactionsAfter, type StoredChange } from './change.repository';

/** Windows read per request before answering with a short page: a reader with a narrow scope still advances. */
const MAX_WINDOWS = 5;

const present = (row: StoredChange): ChangeView => ({
  entity: row.entity,
  id: row.recordId,
  caseId: row.caseId,
  externalId: row.externalId,
  version: row.version,
  kind: row.kind,
  committedAt: row.committedAt?.toISOString() ?? null,
});

/**
 * The change feed: what changed, in commit order, among the records the actor may read now (the policy
 * decides; src/server/policy/changes.ts). Ids and versions only — a consumer fetches the record itself
 * through the API, where identity rules apply as usual.
 */
export function createChangeService(deps: Deps) {
  const { db } = deps;

  async function page(actor: Actor, after: FeedPosition, limit: number): Promise<ChangePage> {
    const items: StoredChange[] = [];
    let position = after;
    let hasMore = true;
    for (let window = 0; window < MAX_WINDOWS && items.length < limit && hasMore; window++) {
      const wanted = limit - items.length;
      const rows = await readWholeTransactionsAfter(db, position, wanted);
      hasMore = rows.length >= wanted;
      if (rows.length === 0) break;
      const visible = await visibleChanges(db, actor, rows);
      rows.forEach((row, index) => {
        if (visible.has(index)) items.push(row);
      });
      position = rows[rows.length - 1]!;
    }
    return { items: foldTransactions(items).map(present), nextCursor: encodeCursor({ seq: position.seq, id: position.id }), hasMore };
  }

  async function head(): Promise<string> {
    return encodeCursor(await feedHead(db));
  }

  return { page, head };
}

export type ChangeService = ReturnType<typeof createChangeService>;
