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
  /** The role requires a second factor and none is enrolled yet: enrol before anything else. */
  mustEnrolSecondFactor: z.boolean(),
});
export type MeView = z.infer<typeof meView>;

/** What a device needs to keep work offline, released only to a signed-in user (src/server/auth/device-key.ts). */
export const deviceGrant = z.object({ secret: z.string(), token: z.string(), offlineDays: z.number().int() });
export type DeviceGrant = z.infer<typeof deviceGrant>;
export const deviceStatusBody = z.strictObject({ token: z.string().min(10).max(400) });

export const loginSession = z.object({ user: meView, csrfToken: z.string(), device: deviceGrant });
/** The password was right; the account has a second factor: send a code with this token next. */
export const loginChallenge = z.object({ secondFactorRequired: z.literal(true), challengeToken: z.string() });
export const loginResponse = z.union([loginSession, loginChallenge]);
export type LoginResponse = z.infer<typeof loginResponse>;

/** A 6-digit code from the authenticator app. */
export const totpCode = z.string().trim().regex(/^\d{6}$/, { message: 'auth.code_format' });
/** A recovery code as shown (`K7QM-2XRD-9VTP-WB4H`); case, spaces and dashes do not matter. */
export const recoveryCode = z.string().trim().min(16).max(40);

export const secondFactorLoginBody = z
  .object({ challengeToken: z.string().min(20).max(200), code: totpCode.optional(), recoveryCode: recoveryCode.optional() })
  .refine((body) => (body.code === undefined) !== (body.recoveryCode === undefined), { message: 'auth.code_or_recovery_code', path: ['code'] });

export const secondFactorStatus = z.object({
  enrolled: z.boolean(),
  required: z.boolean(),
  enrolledAt: z.string().nullable(),
  recoveryCodesLeft: z.number().int(),
});
export type SecondFactorStatus = z.infer<typeof secondFactorStatus>;

/** Replacing a working factor asks for the current password. */
export const enrolmentStartBody = z.object({ currentPassword: z.string().min(1).max(256).optional() });
export const enrolmentStart = z.object({ secret: z.string(), otpauthUri: z.string(), qrCode: z.string() });
export type EnrolmentStart = z.infer<typeof enrolmentStart>;
export const enrolmentConfirmBody = z.object({ code: totpCode });
export const enrolmentConfirmed = z.object({ recoveryCodes: z.array(z.string()) });

export const passwordChangeBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
