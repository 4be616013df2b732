/**
 * The device store's keys (README "Offline work"). One random AES-GCM data key per device and user encrypts
 * every item; it is kept only wrapped (AES-KW), twice:
 * - under a key derived (HKDF) from the per-user secret the server releases with a live session, so a
 *   signed-in reload opens the store without asking anything;
 * - under a key derived (PBKDF2-SHA-256, 310 000 rounds, random salt) from the user's password, so a reload
 *   with no connection opens it after the user types the password again.
 * Unwrapped keys are non-extractable CryptoKeys held in memory only; neither the secret nor the password nor
 * the data key is ever written to storage.
 */
const PBKDF2_ROUNDS = 310_000;
const enc = new TextEncoder();

export const randomBytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

export async function kekFromSecret(secret: string, salt: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', fromBase64(secret), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt, info: enc.encode('reta:device-store') }, material, { name: 'AES-KW', length: 256 }, false, ['wrapKey', 'unwrapKey']);
}

export async function kekFromPassword(password: string, salt: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', enc.encode(password), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: PBKDF2_ROUNDS }, material, { name: 'AES-KW', length: 256 }, false, ['wrapKey', 'unwrapKey']);
}

/** A new data key, wrapped under each key-encryption key; the usable copy returned is non-extractable. */
export async function newDataKey(keks: CryptoKey[]): Promise<{ key: CryptoKey; wrapped: ArrayBuffer[] }> {
  const fresh = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  const wrapped = await Promise.all(keks.map((kek) => crypto.subtle.wrapKey('raw', fresh, kek, 'AES-KW')));
  return { key: await unwrapDataKey(wrapped[0]!, keks[0]!), wrapped };
}

export function unwrapDataKey(wrapped: ArrayBuffer, kek: CryptoKey): Promise<CryptoKey> {
  return crypto.subtle.unwrapKey('raw', wrapped, kek, 'AES-KW', { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** The data key may wrap under a new KEK only through a temporary extractable copy: unwrap, re-wrap, drop. */
export async function rewrap(wrapped: ArrayBuffer, from: CryptoKey, to: CryptoKey): Promise<ArrayBuffer> {
  const copy = await crypto.subtle.unwrapKey('raw', wrapped, from, 'AES-KW', { name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  return crypto.subtle.wrapKey('raw', copy, to, 'AES-KW');
}

/** AES-GCM with the item's id and kind as associated data: an item cannot be passed off as another. */
export async function seal(key: CryptoKey, label: string, value: unknown): Promise<{ iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer }> {
  const iv = randomBytes(12);
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode(label) }, key, enc.encode(JSON.stringify(value)));
  return { iv, data };
}

export async function open<T>(key: CryptoKey, label: string, iv: Uint8Array, data: ArrayBuffer): Promise<T> {
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: iv as Uint8Array<ArrayBuffer>, additionalData: enc.encode(label) }, key, data);
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}
