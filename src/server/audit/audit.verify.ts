import type { Tx } from '../../db/connect';
import { GENESIS_HASH, keyedAuditHash, legacyAuditHash, storedAuditContent, UNSEALED, unsealedAuditHash } from './audit.hash';
import { currentAuditKey } from './audit.key';
import { CHAIN_KEYED_ACTION } from './audit.prepare';
import { auditRowsAfter, type AuditRow } from './audit.repository';
import { sealAuditLog } from './audit.sealer';

/** A checkpoint of the chain kept outside the database: the head hash at keyed position `seq`. */
export interface ChainCheckpoint {
  seq: number;
  head: string;
}

export type AuditProblem =
  /** The row's content does not match its keyed (or, before keying, plain) hash. */
  | 'hash_mismatch'
  /** The row does not link to the previous one: a row before it was removed, inserted or reordered. */
  | 'chain_broken'
  /** Keyed positions are not consecutive. */
  | 'sequence_gap'
  /** A row without a keyed position after the chain was keyed: forged in the old format. */
  | 'unkeyed_entry'
  /** No keyed entry at all: the log was emptied after it was keyed. */
  | 'not_keyed'
  /** The keyed chain starts again after the log had been keyed: earlier entries were removed. */
  | 'chain_restarted'
  /** At an anchor's position the chain holds a different head. */
  | 'anchor_mismatch'
  /** The log ends before an anchor's position: entries at the end were removed. */
  | 'anchor_truncated'
  /** An entry was left out of the chain while later ones were chained (the sealer stopped at it). */
  | 'unsealed_entry';

export interface AuditVerification {
  ok: boolean;
  /** Chained rows walked, keyed and from before keying (up to the first problem in the chain itself). */
  entries: number;
  /** Entries not chained yet (written moments ago, or while no server ran the sealer), each checked on its own keyed hash. */
  unsealed: number;
  /** Rows written before the chain was keyed (plain SHA-256, protected by the first keyed entry). */
  legacyEntries: number;
  /** The last keyed position and its hash: what an anchor records. */
  head: { seq: number; hash: string };
  anchorsChecked: number;
  problem?: AuditProblem;
  brokenAtId?: number;
  /** The anchor a problem was found against. */
  anchor?: ChainCheckpoint;
}

function rowProblem(row: AuditRow, key: Buffer, expectedPrev: string, lastSeq: number): AuditProblem | undefined {
  if (row.prevHash === UNSEALED) return row.seq === null && unsealedAuditHash(key, storedAuditContent(row)) === row.hash ? undefined : 'hash_mismatch';
  if (row.prevHash !== expectedPrev) return 'chain_broken';
  const content = storedAuditContent(row);
  if (row.seq === null) {
    if (lastSeq > 0) return 'unkeyed_entry';
    return legacyAuditHash({ ...content, prevHash: row.prevHash }) === row.hash ? undefined : 'hash_mismatch';
  }
  if (row.seq !== lastSeq + 1) return 'sequence_gap';
  return keyedAuditHash(key, { ...content, seq: row.seq, prevHash: row.prevHash }) === row.hash ? undefined : 'hash_mismatch';
}

const isRestart = (row: AuditRow) => row.seq === 1 && row.action === CHAIN_KEYED_ACTION && (row.details as { restarted?: boolean }).restarted === true;

/**
 * Seals what is committed (unless `seal: false`), then walks the whole log in id order, recomputing every
 * hash from the row as read back, and checks it against the given anchors. Entries not chained yet must
 * all come after the chained ones and carry a valid keyed hash of their content. Without anchors,
 * removing entries at the end cannot be seen: that is what anchors kept outside the database are for.
 * Walk inside one snapshot (a repeatable-read transaction) when a sealer may run meanwhile.
 */
export async function verifyAuditChain(
  db: Tx,
  options: { key?: Buffer; anchors?: ChainCheckpoint[]; batchSize?: number; seal?: boolean } = {},
): Promise<AuditVerification> {
  if (options.seal !== false) await sealAuditLog(db).catch(() => undefined); // an altered entry is reported by the walk below
  const key = options.key ?? currentAuditKey();
  const anchors = options.anchors ?? [];
  const anchorsAt = new Map<number, ChainCheckpoint[]>();
  for (const anchor of anchors) anchorsAt.set(anchor.seq, [...(anchorsAt.get(anchor.seq) ?? []), anchor]);
  const result: AuditVerification = { ok: true, entries: 0, unsealed: 0, legacyEntries: 0, head: { seq: 0, hash: GENESIS_HASH }, anchorsChecked: anchors.length };
  const fail = (problem: AuditProblem, extra: Partial<AuditVerification> = {}) => ({ ...result, ...extra, ok: false, problem });
  let expectedPrev = GENESIS_HASH;
  let lastId = 0;
  let restartedAtId: number | undefined;
  let firstUnsealedId: number | undefined;
  for (;;) {
    const rows = await auditRowsAfter(db, lastId, options.batchSize ?? 5000);
    if (rows.length === 0) break;
    for (const row of rows) {
      lastId = row.id;
      const problem = rowProblem(row, key, expectedPrev, result.head.seq);
      if (problem) return fail(problem, { brokenAtId: row.id });
      if (row.prevHash === UNSEALED) {
        result.unsealed++;
        firstUnsealedId ??= row.id;
        continue;
      }
      if (firstUnsealedId !== undefined) return fail('unsealed_entry', { brokenAtId: firstUnsealedId });
      result.entries++;
      if (row.seq === null) result.legacyEntries++;
      else {
        result.head = { seq: row.seq, hash: row.hash };
        if (isRestart(row)) restartedAtId = row.id;
        const mismatch = anchorsAt.get(row.seq)?.find((anchor) => anchor.head !== row.hash);
        if (mismatch) return fail('anchor_mismatch', { brokenAtId: row.id, anchor: mismatch });
      }
      expectedPrev = row.hash;
    }
  }
  const beyond = anchors.filter((anchor) => anchor.seq > result.head.seq).sort((a, b) => a.seq - b.seq)[0];
  if (beyond) return fail('anchor_truncated', { anchor: beyond });
  if (result.head.seq === 0) return fail('not_keyed');
  if (restartedAtId !== undefined) return fail('chain_restarted', { brokenAtId: restartedAtId });
  return result;
}
