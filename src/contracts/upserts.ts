import { z } from 'zod';
import { caseCreate, caseView, suspectFields, suspectView, victimFields, victimView } from './cases';
import { operationCreate, operationView } from './operations';
import { personCreate } from './people';

/**
 * Upserts keyed on the sender's own record number: `PUT /api/v1/<entity>/by-external-id/:externalId`
 * (src/server/idempotency/upsert-by-external-id.ts). The body is the whole record as the sender holds it;
 * 201 created, 200 updated or unchanged (`outcome` says which), 409 `upsert.conflict` when the record was
 * edited in RETA since the sender's last write (nothing is overwritten).
 */
export const externalIdParams = z.object({ externalId: z.string().trim().min(1).max(100) });

/** A case without its people (they are upserted by their own numbers): the places travel with the case. */
export const caseUpsert = caseCreate.omit({ externalId: true, victims: true, suspects: true });
export type CaseUpsert = z.infer<typeof caseUpsert>;

const personUpsert = personCreate.omit({ externalId: true });
/** A victim: the person (keyed by the externalId in the path) and their link to the sender's case. */
export const victimUpsert = z.strictObject({
  caseExternalId: z.string().trim().min(1).max(100),
  person: personUpsert.optional(),
  ...victimFields,
});
export type VictimUpsert = z.infer<typeof victimUpsert>;

export const suspectUpsert = z.strictObject({
  caseExternalId: z.string().trim().min(1).max(100),
  person: personUpsert.optional(),
  ...suspectFields,
});
export type SuspectUpsert = z.infer<typeof suspectUpsert>;

export const upsertOutcomes = ['created', 'updated', 'unchanged', 'conflict'] as const;
export const caseUpsertResult = z.object({ outcome: z.enum(upsertOutcomes), record: caseView });
export const victimUpsertResult = z.object({ outcome: z.enum(upsertOutcomes), record: victimView });
export const suspectUpsertResult = z.object({ outcome: z.enum(upsertOutcomes), record: suspectView });

/** An operation by the institution's own number (the owner unit is set on creation only). */
export const operationUpsert = operationCreate.omit({ externalId: true });
export type OperationUpsert = z.infer<typeof operationUpsert>;
export const operationUpsertResult = z.object({ outcome: z.enum(upsertOutcomes), record: operationView });
