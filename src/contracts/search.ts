import { z } from 'zod';

/**
 * One search box for everything an actor may look up: a case code, an institution's file number (the
 * case's external id, a police report / carpeta fiscal / court file number), or a person's document number
 * or name. Looking a person up is an identity look-up: only with `identity.read`, and audited.
 */
export const searchKinds = ['auto', 'case', 'document', 'name'] as const;
export type SearchKind = (typeof searchKinds)[number];

export const searchQuery = z.object({
  q: z.string().trim().min(2).max(100),
  /** `auto` (default) looks for cases always and for persons when the actor may read identity. */
  kind: z.enum(searchKinds).default('auto'),
});
export type SearchQuery = z.infer<typeof searchQuery>;

/** A case as a search hit shows it: code, status, registering unit, and what matched. */
export const searchCaseHit = z.object({
  caseId: z.string(),
  code: z.string(),
  status: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  institutionName: z.string(),
  registeredAt: z.string(),
});
export type SearchCaseHit = z.infer<typeof searchCaseHit>;

/**
 * A person found by document or name: the cases (visible to the actor) it appears in. The name is there
 * only when the actor reads identity on this request (permission and a stated reason).
 */
export const searchPersonHit = z.object({
  personId: z.string(),
  name: z.string().nullable(),
  identityAvailable: z.boolean(),
  cases: z.array(searchCaseHit.extend({ role: z.enum(['victim', 'suspect']) })),
});
export type SearchPersonHit = z.infer<typeof searchPersonHit>;

export const searchResponse = z.object({
  /** What the term was read as. */
  kinds: z.array(z.enum(['case_code', 'file_number', 'document', 'name'])),
  cases: z.array(searchCaseHit.extend({ matchedBy: z.enum(['case_code', 'file_number']) })),
  persons: z.array(searchPersonHit),
  /** More hits exist than were returned: refine the term. */
  truncated: z.boolean(),
});
export type SearchResponse = z.infer<typeof searchResponse>;
