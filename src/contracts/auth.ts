import { z } from 'zod';

export const loginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(256),
});

export const meView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  institutionId: z.string(),
  institutionKind: z.string(),
  unitId: z.string().nullable(),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
  scope: z.object({ national: z.boolean(), departments: z.array(z.string()) }),
  mustChangePassword: z.boolean(),
});
export type MeView = z.infer<typeof meView>;

export const loginResponse = z.object({ user: meView, csrfToken: z.string() });

export const passwordChangeBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
