import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const FORMAT = 'v1';

/** AES-256-GCM for identifying data at rest, and HMAC-SHA-256 blind indexes for exact search. */
export interface Cipher {
  encrypt(plaintext: string): string;
  decrypt(ciphertext: string): string;
  encryptJson(value: unknown): string;
  decryptJson<T>(ciphertext: string): T;
  /** A keyed hash of an already normalised value; `purpose` separates the indexes from each other. */
  blindIndex(purpose: string, normalisedValue: string): string;
}

export class DecryptionError extends Error {
  constructor() {
    super('Encrypted data could not be decrypted with the configured key');
    this.name = 'DecryptionError';
  }
}

function subKey(master: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
}

export function createCipher(masterKey: Buffer): Cipher {
  const dataKey = subKey(masterKey, 'reta:data-encryption');
  const indexKey = subKey(masterKey, 'reta:blind-index');

  const encrypt = (plaintext: string): string => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [FORMAT, iv.toString('base64'), body.toString('base64'), cipher.getAuthTag().toString('base64')].join(':');
  };

  const decrypt = (ciphertext: string): string => {
    const [format, iv, body, tag] = ciphertext.split(':');
    if (format !== FORMAT || !iv || body === undefined || !tag) throw new DecryptionError();
    try {
      const decipher = createDecipheriv('aes-256-gcm', dataKey, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new DecryptionError();
    }
  };

  return {
    encrypt,
    decrypt,
    encryptJson: (value) => encrypt(JSON.stringify(value)),
    decryptJson: <T>(ciphertext: string) => JSON.parse(decrypt(ciphertext)) as T,
    blindIndex: (purpose, value) => createHmac('sha256', indexKey).update(`${purpose}\u0000${value}`).digest('hex'),
  };
}
