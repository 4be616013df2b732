import { z } from 'zod';
import { documentTypes, educationLevels, genderIdentities, sexes, yesNoUnknown } from '../core/codes';
import { birthDate, countryCode, listResponse, shortText, ubigeoCode, version } from './common';

/**
 * Identifying data of a person: encrypted at rest (one ciphertext), searchable only through blind
 * indexes, returned only to actors with `identity.read` who state a reason (X-Access-Reason).
 */
export const identityDocument = z.strictObject({
  type: z.enum(documentTypes),
  number: z.string().trim().min(1).max(40),
});
export const contact = z.strictObject({
  kind: z.enum(['phone', 'email', 'other']),
  value: z.string().trim().min(1).max(200),
});
export const identityInput = z.strictObject({
  givenNames: z.string().trim().max(200).nullish(),
  familyNames: z.string().trim().max(200).nullish(),
  document: identityDocument.nullish(),
  birthDate: birthDate.nullish(),
  contacts: z.array(contact).max(10).nullish(),
  address: z.string().trim().max(500).nullish(),
});
export type IdentityInput = z.infer<typeof identityInput>;

export const identityView = z.object({
  givenNames: z.string().nullable(),
  familyNames: z.string().nullable(),
  document: z.object({ type: z.string(), number: z.string() }).nullable(),
  birthDate: z.string().nullable(),
  contacts: z.array(z.object({ kind: z.string(), value: z.string() })),
  address: z.string().nullable(),
});
export type IdentityView = z.infer<typeof identityView>;

/** Non-identifying attributes (domain.md): stored in clear, used by statistics. */
const personAttributeShape = {
  sex: z.enum(sexes),
  genderIdentity: z.enum(genderIdentities).nullish(),
  birthYear: z.number().int().min(1900).max(2100).nullish(),
  nationalities: z.array(countryCode).max(5),
  indigenousPeople: shortText.nullish(),
  nativeLanguage: shortText.nullish(),
  originUbigeo: ubigeoCode.nullish(),
  originCountry: countryCode.nullish(),
  education: z.enum(educationLevels).nullish(),
  disability: z.boolean().nullish(),
  hasIdentityDocument: z.enum(yesNoUnknown),
};

/** A new person, created inside a case (as a victim or a suspect). Omitted attributes take defaults. */
export const personCreate = z.strictObject({
  ...personAttributeShape,
  sex: personAttributeShape.sex.optional(),
  nationalities: personAttributeShape.nationalities.optional(),
  hasIdentityDocument: personAttributeShape.hasIdentityDocument.optional(),
  externalId: z.string().trim().min(1).max(100).optional(),
  identity: identityInput.optional(),
});
export type PersonCreate = z.infer<typeof personCreate>;

/** A partial update; `identity` (needs `identity.write`) replaces the fields given, keeps the others. */
export const personUpdate = z.strictObject({
  sex: personAttributeShape.sex.optional(),
  genderIdentity: personAttributeShape.genderIdentity,
  birthYear: personAttributeShape.birthYear,
  nationalities: personAttributeShape.nationalities.optional(),
  indigenousPeople: personAttributeShape.indigenousPeople,
  nativeLanguage: personAttributeShape.nativeLanguage,
  originUbigeo: personAttributeShape.originUbigeo,
  originCountry: personAttributeShape.originCountry,
  education: personAttributeShape.education,
  disability: personAttributeShape.disability,
  hasIdentityDocument: personAttributeShape.hasIdentityDocument.optional(),
  identity: identityInput.optional(),
  version,
});
export type PersonUpdate = z.infer<typeof personUpdate>;

/**
 * A person as the API shows it. `identity` is present only for actors with `identity.read` who sent
 * X-Access-Reason; `identityAvailable: true` tells an actor with the permission but no reason that
 * stating one would show it. Actors without the permission get neither key.
 */
export const personView = z.object({
  id: z.string(),
  version: z.number(),
  sex: z.string(),
  genderIdentity: z.string().nullable(),
  birthYear: z.number().nullable(),
  nationalities: z.array(z.string()),
  indigenousPeople: z.string().nullable(),
  nativeLanguage: z.string().nullable(),
  originUbigeo: z.string().nullable(),
  originCountry: z.string().nullable(),
  education: z.string().nullable(),
  disability: z.boolean().nullable(),
  hasIdentityDocument: z.string(),
  mergedIntoId: z.string().nullable(),
  identity: identityView.optional(),
  identityAvailable: z.boolean().optional(),
});
export type PersonView = z.infer<typeof personView>;

/** Where a person appears: the cases (visible to the actor) and in which role. */
export const personCaseLink = z.object({
  caseId: z.string(),
  caseCode: z.string(),
  role: z.enum(['victim', 'suspect']),
  linkId: z.string(),
});
export const personDetailView = personView.extend({ cases: z.array(personCaseLink) });
export type PersonDetailView = z.infer<typeof personDetailView>;

/** Exact search through blind indexes: by document (type + number) or by full name. */
export const personSearchQuery = z.object({
  documentType: z.enum(documentTypes).optional(),
  documentNumber: z.string().trim().min(1).max(40).optional(),
  name: z.string().trim().min(2).max(400).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type PersonSearchQuery = z.infer<typeof personSearchQuery>;
export const personSearchResponse = listResponse(personDetailView);
