import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields a hash covers: everything in the row except its own hash and the database id. */
export interface HashedAuditFields {
  at: Date;
  actorId: string | null;
  actorName: string | null;
  institutionId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  reason: string | null;
  requestId: string | null;
  ip: string | null;
  details: unknown;
  prevHash: string;
}

/** JSON with sorted keys, so that jsonb's reordering on the way back does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function hashAuditEntry(fields: HashedAuditFields): string {
  const material = canonicalJson({ ...fields, at: fields.at.toISOString() });
  return createHash('sha256').update(material).digest('hex');
}
