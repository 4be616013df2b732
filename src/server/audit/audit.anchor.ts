import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Tx } from '../../db/connect';
import type { Config } from '../config';
import { createSecretFile, readSecretFile } from '../crypto/keys';
import { readChainHead } from './audit.repository';
import { sealAuditLog } from './audit.sealer';
import type { ChainCheckpoint } from './audit.verify';

/**
 * A signed checkpoint of the audit chain, published or kept outside the database: whoever holds it can
 * later prove that the log still reaches position `seq` with head hash `head`.
 */
export const auditAnchor = z.object({
  type: z.literal('reta-audit-anchor'),
  v: z.literal(1),
  seq: z.number().int().positive(),
  head: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.iso.datetime(),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  signature: z.string().min(1),
});
export type AuditAnchor = z.infer<typeof auditAnchor>;

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
}

export const ANCHOR_FILE = 'anchors.jsonl';

const signedText = (anchor: Pick<AuditAnchor, 'seq' | 'head' | 'at'>) => Buffer.from(`reta-audit-anchor/v1\n${anchor.seq}\n${anchor.head}\n${anchor.at}`);

/** The public name of a verifying key: the first 16 hex digits of the SHA-256 of its SPKI encoding. */
export const publicKeyId = (publicKey: KeyObject): string =>
  createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);

const publicKeyPem = (publicKey: KeyObject) => publicKey.export({ type: 'spki', format: 'pem' }).toString();

/** The Ed25519 key that signs anchors (PEM, mode 0600), created on first use. */
export function loadSigningKey(keyFile: string): SigningKey {
  if (!existsSync(keyFile)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    createSecretFile(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  }
  const privateKey = createPrivateKey(readSecretFile(keyFile));
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: publicKeyId(publicKey) };
}

/** Signs the current head of the keyed chain, after sealing the committed entries not chained yet. */
export async function makeAnchor(db: Tx, key: SigningKey, now = new Date()): Promise<AuditAnchor> {
  await sealAuditLog(db);
  const head = await readChainHead(db);
  const unsigned = { seq: head.seq, head: head.hash, at: now.toISOString() };
  const signature = sign(null, signedText(unsigned), key.privateKey).toString('base64');
  return { type: 'reta-audit-anchor', v: 1, ...unsigned, keyId: key.keyId, signature };
}

/** Appends the anchor to the anchor directory, with the public key that verifies it beside it. */
export function recordAnchor(dir: string, anchor: AuditAnchor, key: SigningKey): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const publicFile = join(dir, `signing-key-${key.keyId}.pem`);
  if (!existsSync(publicFile)) writeFileSync(publicFile, publicKeyPem(key.publicKey));
  const file = join(dir, ANCHOR_FILE);
  appendFileSync(file, JSON.stringify(anchor) + '\n');
  return file;
}

/** Anchors from a JSON text (one anchor, or one per line) or from a file holding that. */
export function readAnchors(fileOrJson: string): AuditAnchor[] {
  const text = fileOrJson.trim().startsWith('{') ? fileOrJson : readFileSync(fileOrJson, 'utf8');
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, index) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        throw new AnchorError(`anchor ${index + 1} is not JSON`);
      }
      const anchor = auditAnchor.safeParse(parsed);
      if (!anchor.success) throw new AnchorError(`anchor ${index + 1} is not a RETA audit anchor`);
      return anchor.data;
    });
}

/** The anchors recorded in the anchor directory, oldest first (none when it does not exist). */
export function recordedAnchors(dir: string): AuditAnchor[] {
  const file = join(dir, ANCHOR_FILE);
  return existsSync(file) ? readAnchors(file) : [];
}

export class AnchorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnchorError';
  }
}

/**
 * The keys anchors may be signed with: the local signing key (if there is one) and the public keys in
 * the anchor directory, each named by the id computed from the key itself, never from a file name.
 */
export function verifyingKeys(config: Pick<Config, 'auditSigningKeyFile' | 'auditAnchorDir'>): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  if (existsSync(config.auditSigningKeyFile)) {
    const { publicKey, keyId } = loadSigningKey(config.auditSigningKeyFile);
    keys.set(keyId, publicKey);
  }
  if (existsSync(config.auditAnchorDir)) {
    for (const name of readdirSync(config.auditAnchorDir).filter((n) => /^signing-key-.*\.pem$/.test(n))) {
      const publicKey = createPublicKey(readFileSync(join(config.auditAnchorDir, name)));
      keys.set(publicKeyId(publicKey), publicKey);
    }
  }
  return keys;
}

/** The checkpoints of anchors whose signature holds; an unknown key or a bad signature is an error. */
export function checkpointsOf(anchors: AuditAnchor[], keys: Map<string, KeyObject>): ChainCheckpoint[] {
  return anchors.map((anchor) => {
    const key = keys.get(anchor.keyId);
    if (!key) throw new AnchorError(`the anchor at position ${anchor.seq} is signed with key ${anchor.keyId}, which is neither the local signing key nor in the anchor directory`);
    if (!verify(null, signedText(anchor), key, Buffer.from(anchor.signature, 'base64'))) {
      throw new AnchorError(`the signature of the anchor at position ${anchor.seq} does not hold: the anchor was altered`);
    }
    return { seq: anchor.seq, head: anchor.head };
  });
}
