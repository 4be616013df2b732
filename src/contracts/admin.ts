import { z } from 'zod';
import { institutionKinds } from '../core/codes';
import { roles } from '../core/permissions';
import { isReservedUsername } from '../core/usernames';
import { departmentCode, shortText, ubigeoCode, uuid, version } from './common';


export const institutionCreate = z.object({
  code: z.string().trim().min(2).max(40).regex(/^[A-Za-z0-9_.-]+$/, { message: 'invalid_format' }),
  name: shortText,
  kind: z.enum(institutionKinds),
  parentId: uuid.nullish(),
  ubigeo: ubigeoCode.nullish(),
});
export const institutionUpdate = institutionCreate.partial().extend({ version });
export const institutionView = z.object({
  id: z.string(), code: z.string(), name: z.string(), kind: z.string(), parentId: z.string().nullable(),
  ubigeo: z.string().nullable(), version: z.number(),
});

export const unitCreate = z.object({
  institutionId: uuid,
  code: z.string().trim().min(2).max(40).regex(/^[A-Za-z0-9_.-]+$/, { message: 'invalid_format' }),
  name: shortText,
  ubigeo: ubigeoCode.nullish(),
});
export const unitUpdate = unitCreate.omit({ institutionId: true }).partial().extend({ version });
export const unitView = z.object({
  id: z.string(), institutionId: z.string(), code: z.string(), name: z.string(), ubigeo: z.string().nullable(),
  departmentCode: z.string().nullable(), version: z.number(),
});

const scope = z.object({ national: z.boolean(), departments: z.array(departmentCode).max(25).default([]) });

export const userCreate = z.object({
  username: z
    .string()
    .trim()
    .min(3)
    .max(60)
    .regex(/^[a-z0-9_.-]+$/, { message: 'invalid_format' })
    .refine((name) => !isReservedUsername(name), { message: 'username_reserved' }),
  displayName: shortText,
  institutionId: uuid,
  unitId: uuid.nullish(),
  roles: z.array(z.enum(roles)).min(1).max(roles.length),
  scope,
  /** Omitted for service accounts (they use API tokens); otherwise the first password, to be changed. */
  password: z.string().min(1).max(256).optional(),
  isServiceAccount: z.boolean().default(false),
});
export const userUpdate = z.object({
  displayName: shortText.optional(),
  unitId: uuid.nullish(),
  roles: z.array(z.enum(roles)).min(1).max(roles.length).optional(),
  scope: scope.optional(),
  disabled: z.boolean().optional(),
  version,
});
export const userView = z.object({
  id: z.string(), username: z.string(), displayName: z.string(), institutionId: z.string(), unitId: z.string().nullable(),
  roles: z.array(z.string()), scope: z.object({ national: z.boolean(), departments: z.array(z.string()) }),
  isServiceAccount: z.boolean(), disabled: z.boolean(), lockedUntil: z.string().nullable(), version: z.number(),
});
export const passwordReset = z.object({ password: z.string().min(1).max(256) });

export const tokenCreate = z.object({ userId: uuid, name: shortText });
export const tokenView = z.object({
  id: z.string(), name: z.string(), userId: z.string(), username: z.string().optional(), createdAt: z.string(),
  revokedAt: z.string().nullable().optional(), lastUsedAt: z.string().nullable().optional(),
});

export type InstitutionCreate = z.infer<typeof institutionCreate>;
export type UnitCreate = z.infer<typeof unitCreate>;
export type UserCreate = z.infer<typeof userCreate>;
export type UserUpdate = z.infer<typeof userUpdate>;
