import { randomBytes } from 'node:crypto';
import type { Cipher } from '../crypto/cipher';

export const RECOVERY_CODE_COUNT = 10;
// Crockford-like alphabet without look-alikes: 32 symbols, 5 bits each; 16 symbols = 80 bits per code.
const ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ0123456789';

/** Ten one-time codes such as `K7QM-2XRD-9VTP-WB4H`, shown to the user once. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = [...randomBytes(16)].map((byte) => ALPHABET[byte & 31]);
    return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
  });
}

/** Case, spaces and dashes do not matter when a code is typed back. */
export const normaliseRecoveryCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

/** Stored form: an HMAC under a key that is not in the database, so a copied table yields no codes. */
export const hashRecoveryCode = (cipher: Cipher, code: string) => cipher.blindIndex('recovery-code', normaliseRecoveryCode(code));
