import { describe, expect, it } from 'vitest';
import { kekFromPassword, kekFromSecret, newDataKey, open, randomBytes, rewrap, seal, unwrapDataKey } from './device-crypto';

const secret = btoa(String.fromCharCode(...randomBytes(32)));

describe('device store keys', () => {
  it('wraps one data key under the server secret and the password; either opens what the other sealed', async () => {
    const salt = randomBytes(16);
    const server = await kekFromSecret(secret, salt);
    const password = await kekFromPassword('Quipu-Andino-Lucuma-77', salt);
    const { key, wrapped } = await newDataKey([server, password]);
    const sealed = await seal(key, 'draft:case', { victim: 'Rosalinda Huamanchumo' });
    const viaPassword = await unwrapDataKey(wrapped[1]!, password);
    expect(await open(viaPassword, 'draft:case', sealed.iv, sealed.data)).toEqual({ victim: 'Rosalinda Huamanchumo' });
    expect(new TextDecoder('latin1').decode(sealed.data)).not.toContain('Rosalinda');
  });

  it('keeps the usable key non-extractable, and refuses a wrong password, another salt or a swapped item', async () => {
    const salt = randomBytes(16);
    const server = await kekFromSecret(secret, salt);
    const { key, wrapped } = await newDataKey([server, await kekFromPassword('right-password-123', salt)]);
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
    await expect(unwrapDataKey(wrapped[1]!, await kekFromPassword('wrong-password-123', salt))).rejects.toThrow();
    await expect(unwrapDataKey(wrapped[0]!, await kekFromSecret(secret, randomBytes(16)))).rejects.toThrow();
    const sealed = await seal(key, 'queue:a', { n: 1 });
    await expect(open(key, 'queue:b', sealed.iv, sealed.data)).rejects.toThrow();
  });

  it('re-wraps the same data key under a new password (after a password change)', async () => {
    const salt = randomBytes(16);
    const server = await kekFromSecret(secret, salt);
    const { key, wrapped } = await newDataKey([server]);
    const sealed = await seal(key, 'me', { id: 'u1' });
    const next = await kekFromPassword('a-new-password-456', salt);
    const again = await unwrapDataKey(await rewrap(wrapped[0]!, server, next), next);
    expect(await open(again, 'me', sealed.iv, sealed.data)).toEqual({ id: 'u1' });
  });
});
