import { z } from 'zod';
import { preventionAudiences, preventionTypes } from '../core/codes';
import { departmentCode, isoDate, listQuery, listResponse, shortText, ubigeoCode, uuid, version } from './common';

const count = z.number().int().min(0).max(10_000_000);

const activityFields = {
  activityDate: isoDate,
  type: z.enum(preventionTypes),
  title: shortText.nullish(),
  audiences: z
    .array(z.enum(preventionAudiences))
    .min(1)
    .max(preventionAudiences.length)
    .refine((list) => new Set(list).size === list.length, { message: 'invalid_value' }),
  ubigeo: ubigeoCode,
  participantsTotal: count,
  participantsFemale: count.default(0),
  participantsMale: count.default(0),
  participantsUnknown: count.default(0),
  participantsByInstitution: z.array(z.object({ institutionId: uuid, count })).max(100).default([]),
};

export const preventionCreate = z.object({
  externalId: z.string().trim().min(1).max(100).optional(),
  /** A unit of the organiser (the actor's institution); the actor's own unit when omitted. */
  unitId: uuid.nullish(),
  ...activityFields,
});
export type PreventionCreate = z.infer<typeof preventionCreate>;

export const preventionUpdate = z
  .object({
    activityDate: activityFields.activityDate,
    type: activityFields.type,
    title: activityFields.title,
    audiences: activityFields.audiences,
    ubigeo: activityFields.ubigeo,
    participantsTotal: count,
    participantsFemale: count,
    participantsMale: count,
    participantsUnknown: count,
    participantsByInstitution: z.array(z.object({ institutionId: uuid, count })).max(100),
  })
  .partial()
  .extend({ version });
export type PreventionUpdate = z.infer<typeof preventionUpdate>;

export const preventionListQuery = listQuery.extend({
  from: isoDate.optional(),
  to: isoDate.optional(),
  type: z.enum(preventionTypes).optional(),
  audience: z.enum(preventionAudiences).optional(),
  department: departmentCode.optional(),
  institutionId: uuid.optional(),
});
export type PreventionListQuery = z.infer<typeof preventionListQuery>;

export const preventionView = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  institutionId: z.string(),
  unitId: z.string().nullable(),
  activityDate: z.string(),
  type: z.string(),
  title: z.string().nullable(),
  audiences: z.array(z.string()),
  ubigeo: z.string(),
  placeDepartment: z.string(),
  participantsTotal: z.number().int(),
  participantsFemale: z.number().int(),
  participantsMale: z.number().int(),
  participantsUnknown: z.number().int(),
  participantsByInstitution: z.array(z.object({ institutionId: z.string(), count: z.number().int() })),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PreventionView = z.infer<typeof preventionView>;
export const preventionList = listResponse(preventionView);
