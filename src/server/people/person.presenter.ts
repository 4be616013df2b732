import type { PersonView } from '../../contracts/people';
import type { persons } from '../../db/schema';
import type { Cipher } from '../crypto/cipher';
import { decodeIdentity, type IdentityMode } from './identity';

type PersonRow = typeof persons.$inferSelect;

/**
 * The only place a person's identity leaves the server: decrypted for `full`, announced for
 * `available`, absent (not even the keys) for `none`.
 */
export function presentPerson(row: PersonRow, mode: IdentityMode, cipher: Cipher): PersonView {
  const view: PersonView = {
    id: row.id,
    version: row.version,
    sex: row.sex,
    genderIdentity: row.genderIdentity,
    birthYear: row.birthYear,
    nationalities: row.nationalities,
    indigenousPeople: row.indigenousPeople,
    nativeLanguage: row.nativeLanguage,
    originUbigeo: row.originUbigeo,
    originCountry: row.originCountry,
    education: row.education,
    disability: row.disability,
    hasIdentityDocument: row.hasIdentityDocument,
    mergedIntoId: row.mergedIntoId,
  };
  if (mode === 'full') view.identity = decodeIdentity(cipher, row.identityEnc);
  if (mode === 'available') view.identityAvailable = true;
  return view;
}
