import type { Tx } from '../../db/connect';
import type { Config } from '../config';
import { systemCtx } from '../context';
import { AuditKeyError, auditKeyId, loadAuditKey, useAuditKey } from './audit.key';
import { countLegacyRows, readChainHead, readSetting, writeSetting } from './audit.repository';
import { AuditSealError, sealAuditLog } from './audit.sealer';
import { writeAudit } from './audit.writer';

const KEY_CHECK = 'audit_key_check';

/** The entry that starts the keyed chain; it commits to the head hash of any earlier (plain SHA-256) rows. */
export const CHAIN_KEYED_ACTION = 'audit.chain_keyed';

/**
 * At start-up: loads the audit key (creating the key file only for a log that was never keyed), checks it
 * is the key this log was written with, and makes it the process's key. A log with no keyed entry yet
 * (a new database, or one migrated from the unkeyed chain) gets its first keyed entry here, linked to
 * the last earlier row, so later rewrites of those rows are detected too. A log that was keyed before
 * and has no keyed entry left was emptied: the new first entry says so (`restarted`), and the anchors
 * kept outside the database show what was lost.
 */
export async function prepareAuditChain(db: Tx, config: Pick<Config, 'auditKey' | 'auditKeyFile'>): Promise<Buffer> {
  const check = await readSetting<{ keyId: string }>(db, KEY_CHECK);
  const head = await readChainHead(db);
  const { key } = loadAuditKey({ envKey: config.auditKey, keyFile: config.auditKeyFile, createIfMissing: !check && head.seq === 0 });
  const keyId = auditKeyId(key);
  if (check && check.keyId !== keyId) {
    const origin = config.auditKey ? 'RETA_AUDIT_KEY' : `the key file ${config.auditKeyFile}`;
    throw new AuditKeyError(`The audit key from ${origin} is not the key this audit log was written with. Start with the original key.`);
  }
  if (!check) await writeSetting(db, KEY_CHECK, { keyId });
  useAuditKey(key);
  if (head.seq === 0) {
    await db.transaction(async (tx) => {
      const legacyEntries = await countLegacyRows(tx);
      await writeAudit(tx, systemCtx(), { action: CHAIN_KEYED_ACTION, details: { keyId, legacyEntries, ...(check ? { restarted: true } : {}) } });
    });
  }
  // Chains what earlier processes left unsealed (and the first keyed entry just written).
  await sealAuditLog(db, { waitMs: 5000 }).catch((error: unknown) => {
    // An altered unsealed entry: the registry still starts; `reta audit verify` names the entry.
    if (error instanceof AuditSealError) process.emitWarning(error.message);
    else throw error;
  });
  return key;
}
