import type { IdentityInput, IdentityView } from '../../contracts/people';
import { nameTokens, normaliseDocument, normaliseFullName } from '../../core/normalise';
import type { Cipher } from '../crypto/cipher';
import type { Ctx } from '../context';

/** How identifying data is presented to this actor on this request. */
export type IdentityMode = 'full' | 'available' | 'none';

/**
 * `full`: identity.read and a stated reason (the read is then audited); `available`: the permission
 * without a reason (`identityAvailable: true`, no data); `none`: no permission (no identity keys at all).
 */
export function identityModeOf(ctx: Ctx): IdentityMode {
  if (!ctx.actor.permissions.has('identity.read')) return 'none';
  return ctx.accessReason ? 'full' : 'available';
}

/**
 * The identity mode for one case: analyst-wide reading (`case.read.all_institutions`) is without identity,
 * whatever other roles the actor holds, so a case seen only that way shows no identity and no narrative.
 */
export function caseIdentityModeOf(ctx: Ctx, access: { level: string }): IdentityMode {
  return access.level === 'all_institutions' ? 'none' : identityModeOf(ctx);
}

const emptyIdentity = (): IdentityView => ({ givenNames: null, familyNames: null, document: null, birthDate: null, contacts: [], address: null });

export function decodeIdentity(cipher: Cipher, identityEnc: string | null): IdentityView {
  if (!identityEnc) return emptyIdentity();
  const stored = cipher.decryptJson<Partial<IdentityView>>(identityEnc);
  return { ...emptyIdentity(), ...stored, contacts: stored.contacts ?? [] };
}

/** Overlays an input on the current identity: absent keys stay, null clears. */
export function mergeIdentity(current: IdentityView, input: IdentityInput): IdentityView {
  const next = { ...current };
  for (const key of Object.keys(input) as Array<keyof IdentityInput>) {
    const value = input[key];
    if (value === undefined) continue;
    (next as Record<string, unknown>)[key] = key === 'contacts' ? (value ?? []) : (value ?? null);
  }
  return next;
}

const isEmpty = (identity: IdentityView) =>
  !identity.givenNames && !identity.familyNames && !identity.document && !identity.birthDate && identity.contacts.length === 0 && !identity.address;

/** The columns a person row stores for its identity: one ciphertext and the blind indexes. */
export function encodeIdentity(cipher: Cipher, identity: IdentityView) {
  if (isEmpty(identity)) return { identityEnc: null, documentHash: null, nameHash: null, nameTokenHashes: [] as string[] };
  const fullName = normaliseFullName(identity.givenNames, identity.familyNames);
  const tokens = [...new Set(nameTokens(fullName))];
  return {
    identityEnc: cipher.encryptJson(identity),
    documentHash: identity.document ? cipher.blindIndex('document', normaliseDocument(identity.document.type, identity.document.number)) : null,
    nameHash: fullName ? cipher.blindIndex('name', fullName) : null,
    nameTokenHashes: tokens.map((token) => cipher.blindIndex('name_token', token)),
  };
}

export const documentSearchHash = (cipher: Cipher, type: string, number: string) => cipher.blindIndex('document', normaliseDocument(type, number));
export const nameSearchHash = (cipher: Cipher, name: string) => cipher.blindIndex('name', normaliseFullName(name));
