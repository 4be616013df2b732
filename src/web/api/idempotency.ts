import { useCallback, useRef } from 'react';

/**
 * A fresh Idempotency-Key (a UUID v4). crypto.randomUUID exists only in secure contexts (HTTPS, localhost);
 * an office reaching the server over plain HTTP on its network still gets a random key.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The key of one create form: made when the form opens, sent with every attempt (so a retry after a lost
 * answer gets the record the first attempt made, never a second one), renewed once the save succeeded.
 */
export function useIdempotencyKey() {
  const key = useRef<string>(null as unknown as string);
  if (key.current === null) key.current = newIdempotencyKey();
  const renew = useCallback(() => {
    key.current = newIdempotencyKey();
  }, []);
  return { current: () => key.current, renew };
}
