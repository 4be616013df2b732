import { createHmac } from 'node:crypto';
import { KeyError, loadSecretKey } from '../crypto/keys';

export class AuditKeyError extends KeyError {
  constructor(message: string) {
    super(message);
    this.name = 'AuditKeyError';
  }
}

/** The audit key: RETA_AUDIT_KEY or its key file, never stored in the database. */
export function loadAuditKey(options: { envKey?: string; keyFile: string; createIfMissing: boolean }) {
  return loadSecretKey({
    ...options,
    envName: 'RETA_AUDIT_KEY',
    what: 'audit key',
    missingReason: 'The audit log is chained under a key that is not available: without it the log can be neither verified nor extended.',
    error: AuditKeyError,
  });
}

/** A public name of the key (a keyed hash of a constant, not the key), stored to recognise it at start-up. */
export const auditKeyId = (key: Buffer): string => createHmac('sha256', key).update('reta-audit-key-id').digest('hex').slice(0, 16);

let processKey: Buffer | undefined;

/**
 * The audit key of this process, set once by the bootstrap. It is held here rather than passed along
 * because `writeAudit(tx, ctx, …)` is called from every service: the key is process configuration, like
 * the log level, and a process serves one registry. Writing without it fails instead of writing an
 * unkeyed entry.
 */
export function useAuditKey(key: Buffer): void {
  processKey = key;
}

export function currentAuditKey(): Buffer {
  if (!processKey) throw new AuditKeyError('The audit key is not loaded: the registry must be opened (bootstrap) before anything is audited.');
  return processKey;
}
