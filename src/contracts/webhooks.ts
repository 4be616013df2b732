import { z } from 'zod';

/** Only http(s) URLs, no credentials in them: the secret is the signature's, never the URL's. */
export const webhookUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
    } catch {
      return false;
    }
  }, { message: 'invalid_webhook_url' });

export const webhookCreate = z.strictObject({ url: webhookUrl });
export type WebhookCreate = z.infer<typeof webhookCreate>;

export const webhookVersion = z.strictObject({ version: z.number().int().min(1).max(2_147_483_647) });

export const webhookView = z.object({
  id: z.uuid(),
  version: z.number().int(),
  tokenId: z.uuid(),
  tokenName: z.string(),
  url: z.string(),
  active: z.boolean(),
  consecutiveFailures: z.number().int(),
  nextAttemptAt: z.string(),
  disabledAt: z.string().nullable(),
  cursor: z.string(),
  createdAt: z.string(),
});
export type WebhookView = z.infer<typeof webhookView>;

export const webhookCreated = webhookView.extend({
  /** HMAC-SHA256 key of the X-Reta-Signature header: shown once, here. */
  secret: z.string(),
});

export const webhookDeliveryView = z.object({
  id: z.uuid(),
  attemptedAt: z.string(),
  attempt: z.number().int(),
  changes: z.number().int(),
  ok: z.boolean(),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
});
export type WebhookDeliveryView = z.infer<typeof webhookDeliveryView>;
