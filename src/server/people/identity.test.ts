import { describe, expect, it } from 'vitest';
import { TEST_ENCRYPTION_KEY } from '../../../test/registry';
import { systemCtx } from '../context';
import { createCipher } from '../crypto/cipher';
import { decodeIdentity, encodeIdentity, identityModeOf, mergeIdentity, nameSearchHash } from './identity';

const cipher = createCipher(Buffer.from(TEST_ENCRYPTION_KEY, 'base64'));

describe('identity encoding', () => {
  it('round-trips through one ciphertext and indexes name and document', () => {
    const identity = mergeIdentity(decodeIdentity(cipher, null), { givenNames: 'José', familyNames: 'Ñahui Pérez', document: { type: 'dni', number: '12 345 678' } });
    const stored = encodeIdentity(cipher, identity);
    expect(decodeIdentity(cipher, stored.identityEnc)).toEqual(identity);
    expect(stored.nameHash).toBe(nameSearchHash(cipher, 'perez ñahui jose'));
    expect(stored.nameHash).not.toBe(nameSearchHash(cipher, 'perez nahui jose'));
    expect(stored.nameTokenHashes).toHaveLength(3);
    expect(stored.documentHash).toBe(cipher.blindIndex('document', 'DNI:12345678'));
  });

  it('stores nothing for an empty identity, and a merge keeps absent keys and clears nulls', () => {
    expect(encodeIdentity(cipher, decodeIdentity(cipher, null))).toEqual({ identityEnc: null, documentHash: null, nameHash: null, nameTokenHashes: [] });
    const base = mergeIdentity(decodeIdentity(cipher, null), { givenNames: 'Ana', address: 'Jr. Lima 123' });
    expect(mergeIdentity(base, { address: null, familyNames: 'Rojas' })).toMatchObject({ givenNames: 'Ana', familyNames: 'Rojas', address: null });
  });

  it('decides the presentation from the permission and the stated reason', () => {
    const ctx = systemCtx();
    expect(identityModeOf(ctx)).toBe('none');
    const reader = { ...ctx, actor: { ...ctx.actor, permissions: new Set(['identity.read'] as const) } } as typeof ctx;
    expect(identityModeOf(reader)).toBe('available');
    expect(identityModeOf({ ...reader, accessReason: 'follow-up' })).toBe('full');
  });
});
