import { z } from 'zod';
import { listQuery, uuid, version } from './common';

export const matchReasons = ['document', 'name', 'name_tokens'] as const;
export const matchStatuses = ['pending', 'confirmed', 'rejected', 'unmerged'] as const;

export const personParams = z.object({ personId: uuid });

/** A case in which a person the actor may see appears. Never identity: that stays behind the people API. */
const appearance = z.object({
  caseId: z.string(),
  caseCode: z.string(),
  role: z.enum(['victim', 'suspect']),
  unitName: z.string(),
  institutionName: z.string(),
});

/** Whom to call about a person outside the actor's scope: the unit and institution holding its case. */
const contact = z.object({ unitName: z.string(), institutionName: z.string() });

export const visibleSide = z.object({
  visible: z.literal(true),
  personId: z.string(),
  sex: z.string(),
  birthYear: z.number().nullable(),
  merged: z.boolean(),
  appearances: z.array(appearance),
});
/** The other person, out of the actor's scope: only that a match exists and whom to contact. */
export const hiddenSide = z.object({ visible: z.literal(false), contacts: z.array(contact) });

/**
 * Two-sided confirmation of a pair held by different institutions: the merge waits until a reviewer of
 * every holding institution has confirmed. Institution names only — never who or what the other record is.
 */
export const confirmationState = z.object({
  /** The actor's institution has confirmed already. */
  ownConfirmed: z.boolean(),
  confirmedBy: z.array(z.string()),
  waitingFor: z.array(z.string()),
});

export const candidateView = z.object({
  id: z.string(),
  version: z.number(),
  status: z.enum(matchStatuses),
  reasons: z.array(z.enum(matchReasons)),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  /** After a merge: which side was kept as the surviving record. */
  survivor: z.enum(['own', 'other']).nullable(),
  own: visibleSide,
  other: z.union([visibleSide, hiddenSide]),
  /** The two records are held by different institutions: reviewed by supervisors of each, merged on both confirmations. */
  crossInstitution: z.boolean(),
  confirmation: confirmationState.nullable(),
});
export type CandidateView = z.infer<typeof candidateView>;

/** The review queue shows pending candidates unless another status (or `all`) is asked for. */
export const candidateListQuery = listQuery.extend({ status: z.enum([...matchStatuses, 'all']).default('pending') });
export type CandidateListQuery = z.infer<typeof candidateListQuery>;

/**
 * What a scan tells the person who ran it: new and open candidates within the actor's institution only.
 * Pairs with another institution's record go to the supervisors of both institutions and are never
 * mentioned here, so a scan with a match elsewhere answers exactly like a scan without any.
 */
export const scanResult = z.object({ proposed: z.number().int(), candidates: z.array(candidateView) });

export const candidateDecision = z.strictObject({ version });
