import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook requests carry `X-Reta-Timestamp` (unix seconds) and `X-Reta-Signature: sha256=<hex>`, the
 * HMAC-SHA256 under the webhook's secret of `<timestamp>.<raw body>`. The receiver recomputes it, compares
 * in constant time and refuses old timestamps (replays).
 */
export const signatureOf = (secret: string, timestamp: number, body: string): string =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

export function verifySignature(secret: string, timestamp: number, body: string, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signatureOf(secret, timestamp, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
