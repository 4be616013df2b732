import { z } from 'zod';
import { operationTypes } from '../core/codes';
import { departmentCode, isoDate, listQuery, listResponse, ubigeoCode, uuid, version, versionQueryValue } from './common';

const count = z.number().int().min(0).max(100_000);

export const operationCreate = z.object({
  externalId: z.string().trim().min(1).max(100).optional(),
  operationDate: isoDate,
  type: z.enum(operationTypes),
  ubigeo: ubigeoCode,
  /** A unit of the actor's institution; the actor's own unit when omitted. */
  unitId: uuid.nullish(),
  personsFound: count.default(0),
  minorsFound: count.default(0),
  victimsIdentified: count.default(0),
  arrests: count.default(0),
});
export type OperationCreate = z.infer<typeof operationCreate>;

export const operationUpdate = z
  .object({
    operationDate: isoDate,
    type: z.enum(operationTypes),
    ubigeo: ubigeoCode,
    personsFound: count,
    minorsFound: count,
    victimsIdentified: count,
    arrests: count,
  })
  .partial()
  .extend({ version });
export type OperationUpdate = z.infer<typeof operationUpdate>;

export const operationCaseLink = z.object({ caseId: uuid, version });
export const operationCaseParams = z.object({ id: uuid, caseId: uuid });
export const versionQuery = z.object({ version: versionQueryValue });

export const operationListQuery = listQuery.extend({
  from: isoDate.optional(),
  to: isoDate.optional(),
  type: z.enum(operationTypes).optional(),
  department: departmentCode.optional(),
  unitId: uuid.optional(),
  caseId: uuid.optional(),
});
export type OperationListQuery = z.infer<typeof operationListQuery>;

export const operationView = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  institutionId: z.string(),
  unitId: z.string().nullable(),
  operationDate: z.string(),
  type: z.string(),
  ubigeo: z.string(),
  placeDepartment: z.string(),
  personsFound: z.number().int(),
  minorsFound: z.number().int(),
  victimsIdentified: z.number().int(),
  arrests: z.number().int(),
  /** Linked cases the actor may see; `linkedCaseCount` counts all of them. */
  cases: z.array(z.object({ id: z.string(), code: z.string(), linkedAt: z.string() })),
  linkedCaseCount: z.number().int(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OperationView = z.infer<typeof operationView>;
export const operationList = listResponse(operationView);
