import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';

export class EncryptionKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EncryptionKeyError';
  }
}

function decodeKey(text: string, origin: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) {
    throw new EncryptionKeyError(
      `The encryption key in ${origin} must be 32 bytes written in base64 (44 characters); it decodes to ${key.length} bytes.`,
    );
  }
  return key;
}

/**
 * The master key comes from RETA_ENCRYPTION_KEY, or from a key file that the first start creates with
 * mode 0600. `createIfMissing` is false when the database already holds encrypted data: a lost key file
 * must stop the server, not silently start a new key.
 */
export function loadMasterKey(options: { envKey?: string; keyFile: string; createIfMissing: boolean }): {
  key: Buffer;
  created: boolean;
} {
  if (options.envKey) return { key: decodeKey(options.envKey, 'RETA_ENCRYPTION_KEY'), created: false };
  if (existsSync(options.keyFile)) {
    const mode = statSync(options.keyFile).mode & 0o777;
    if (mode & 0o077) chmodSync(options.keyFile, 0o600);
    return { key: decodeKey(readFileSync(options.keyFile, 'utf8'), options.keyFile), created: false };
  }
  if (!options.createIfMissing) {
    throw new EncryptionKeyError(
      `No encryption key: set RETA_ENCRYPTION_KEY or restore the key file ${options.keyFile}. ` +
        'The database holds data encrypted with a key that is not available.',
    );
  }
  const key = randomBytes(32);
  writeFileSync(options.keyFile, key.toString('base64') + '\n', { mode: 0o600 });
  return { key, created: true };
}
