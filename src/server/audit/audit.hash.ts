import { createHash, createHmac } from 'node:crypto';
import { toWellFormed } from '../../core/unicode';
import { canonicalJson } from '../../core/canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

/** The content of an entry: everything in the row except the chain fields and the database id. */
export interface AuditContent {
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
}

/** The fields a hash covers (before the chain was keyed, rows had no `seq`). */
export interface HashedAuditFields extends AuditContent {
  prevHash: string;
}

export interface KeyedAuditFields extends HashedAuditFields {
  seq: number;
}


/** Text as PostgreSQL keeps it: a lone surrogate cannot be encoded in UTF-8 and is stored as U+FFFD. */
const storedText = (value: string) => toWellFormed(value);

function storedJsonValue(value: unknown): unknown {
  if (typeof value === 'string') return storedText(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(storedJsonValue);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [storedText(k), storedJsonValue(v)]));
}

/**
 * A jsonb value as it comes back from the database: what JSON.stringify makes of it (dates as text,
 * undefined dropped, NaN as null), with well-formed strings. Key order is left to `canonicalJson`.
 */
function storedJson(value: unknown): unknown {
  return storedJsonValue(JSON.parse(JSON.stringify(value ?? {})));
}

/**
 * The content exactly as the database will store it and give it back: the writer inserts these values
 * and hashes them, the verifier recomputes from the row it reads, through the same function.
 * Timestamps keep JavaScript's millisecond precision (PostgreSQL stores microseconds, so nothing is lost).
 */
export function storedAuditContent(content: AuditContent): AuditContent {
  const text = (value: string | null) => (value === null ? null : storedText(value));
  return {
    at: new Date(content.at.getTime()),
    actorId: content.actorId,
    actorName: text(content.actorName),
    institutionId: content.institutionId,
    action: storedText(content.action),
    entityType: text(content.entityType),
    entityId: text(content.entityId),
    reason: text(content.reason),
    requestId: text(content.requestId),
    ip: text(content.ip),
    details: storedJson(content.details),
  };
}

const contentMaterial = (fields: HashedAuditFields) => ({
  at: fields.at.toISOString(),
  actorId: fields.actorId,
  actorName: fields.actorName,
  institutionId: fields.institutionId,
  action: fields.action,
  entityType: fields.entityType,
  entityId: fields.entityId,
  reason: fields.reason,
  requestId: fields.requestId,
  ip: fields.ip,
  details: fields.details,
  prevHash: fields.prevHash,
});

/** The keyed hash of an entry: HMAC-SHA256 under the audit key, over the canonical JSON of the stored row. */
export function keyedAuditHash(key: Buffer, fields: KeyedAuditFields): string {
  const material = canonicalJson({ v: 2, seq: fields.seq, ...contentMaterial(fields) });
  return createHmac('sha256', key).update(material).digest('hex');
}

/**
 * The plain SHA-256 of rows written before the chain was keyed. Anyone can recompute it, so those rows
 * are protected only through the first keyed entry, which commits to their head hash.
 */
export function legacyAuditHash(fields: HashedAuditFields): string {
  return createHash('sha256').update(canonicalJson(contentMaterial(fields))).digest('hex');
}

/** `prev_hash` of a row not yet chained by the sealer. */
export const UNSEALED = '';

/**
 * The keyed hash an entry carries from its insert until the sealer chains it: HMAC-SHA256 under the audit
 * key over its content alone, so that an unsealed entry cannot be altered unseen either. The sealer checks
 * it before chaining the entry, and `reta audit verify` checks it on entries still waiting.
 */
export function unsealedAuditHash(key: Buffer, content: AuditContent): string {
  const material = canonicalJson({ v: 3, unsealed: true, ...contentMaterial({ ...content, prevHash: UNSEALED }) });
  return createHmac('sha256', key).update(material).digest('hex');
}
