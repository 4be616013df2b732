import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';

/** A secret key that is missing, malformed or not the one the data was written with: start-up stops. */
export class KeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyError';
  }
}

export class EncryptionKeyError extends KeyError {
  constructor(message: string) {
    super(message);
    this.name = 'EncryptionKeyError';
  }
}

/** Where one secret comes from: an environment variable (base64) or a key file created with mode 0600. */
export interface SecretKeySource {
  envKey?: string;
  /** The variable's name, for messages. */
  envName: string;
  keyFile: string;
  createIfMissing: boolean;
  /** e.g. "encryption key", for messages. */
  what: string;
  /** Said when the key is missing and may not be created. */
  missingReason: string;
  error: new (message: string) => KeyError;
}

/** Reads a secret file, first taking away any access for group and others. */
export function readSecretFile(path: string): string {
  const mode = statSync(path).mode & 0o777;
  if (mode & 0o077) chmodSync(path, 0o600);
  return readFileSync(path, 'utf8');
}

/** Creates a secret file readable by its owner only; never overwrites an existing one. */
export function createSecretFile(path: string, content: string): void {
  writeFileSync(path, content, { mode: 0o600, flag: 'wx' });
}

function decodeKey(text: string, origin: string, source: SecretKeySource): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) {
    throw new source.error(`The ${source.what} in ${origin} must be 32 bytes written in base64 (44 characters); it decodes to ${key.length} bytes.`);
  }
  return key;
}

/**
 * A 32-byte key from its environment variable, or from a key file that the first start creates with mode
 * 0600. `createIfMissing` is false when the database already depends on the key: a lost key file must stop
 * the server, not silently start a new key.
 */
export function loadSecretKey(source: SecretKeySource): { key: Buffer; created: boolean } {
  if (source.envKey) return { key: decodeKey(source.envKey, source.envName, source), created: false };
  if (existsSync(source.keyFile)) return { key: decodeKey(readSecretFile(source.keyFile), source.keyFile, source), created: false };
  if (!source.createIfMissing) {
    throw new source.error(`No ${source.what}: set ${source.envName} or restore the key file ${source.keyFile}. ${source.missingReason}`);
  }
  const key = randomBytes(32);
  createSecretFile(source.keyFile, key.toString('base64') + '\n');
  return { key, created: true };
}

/** The master key of identifying data: RETA_ENCRYPTION_KEY or the key file. */
export function loadMasterKey(options: { envKey?: string; keyFile: string; createIfMissing: boolean }): {
  key: Buffer;
  created: boolean;
} {
  return loadSecretKey({
    ...options,
    envName: 'RETA_ENCRYPTION_KEY',
    what: 'encryption key',
    missingReason: 'The database holds data encrypted with a key that is not available.',
    error: EncryptionKeyError,
  });
}
