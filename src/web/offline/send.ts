import { api, isNetworkError } from '../api/client';
import { isUnlocked } from './device-store';
import { enqueue } from './sync';

export type Sent<T> = { queued: false; result: T } | { queued: true; queueId: string };

const offline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

/**
 * A create from a form: sent at once when there is a connection, else kept (encrypted) in the device's
 * queue with its Idempotency-Key, to be sent when the connection comes back — also when the connection drops
 * during the send: if it did reach the server, the replay with the same key returns that record, never a
 * second.
 */
export async function createOrQueue<T>(path: string, body: Record<string, unknown>, options: { idempotencyKey: string; label: string; entity?: { type: 'case'; id: string } }): Promise<Sent<T>> {
  if (isUnlocked() && offline()) return { queued: true, queueId: await enqueue({ label: options.label, method: 'POST', path, body, idempotencyKey: options.idempotencyKey, entity: options.entity }) };
  try {
    return { queued: false, result: await api.post<T>(path, body, { idempotencyKey: options.idempotencyKey }) };
  } catch (error) {
    // Lost while the browser says it is online (an answer lost on the way back): the form keeps the work
    // and says so, and sending again is the same registration; lost because the connection dropped: queued.
    if (isNetworkError(error) && isUnlocked() && offline()) {
      return { queued: true, queueId: await enqueue({ label: options.label, method: 'POST', path, body, idempotencyKey: options.idempotencyKey, entity: options.entity }) };
    }
    throw error;
  }
}

/**
 * An edit: only the fields that changed, with the version read and each changed field's base value, so the
 * server can merge it with what others changed meanwhile (src/server/versioned-update.ts). Queued offline.
 */
export async function updateOrQueue<T>(path: string, changes: Record<string, unknown>, base: Record<string, unknown>, version: number, options: { label: string; entity?: { type: 'case'; id: string } }): Promise<Sent<T>> {
  const body = { ...changes, version, base };
  if (isUnlocked() && offline()) return { queued: true, queueId: await enqueue({ label: options.label, method: 'PATCH', path, body, entity: options.entity }) };
  try {
    return { queued: false, result: await api.patch<T>(path, body) };
  } catch (error) {
    if (isNetworkError(error) && isUnlocked() && offline()) return { queued: true, queueId: await enqueue({ label: options.label, method: 'PATCH', path, body, entity: options.entity }) };
    throw error;
  }
}

/** The fields of `next` whose value differs from `before`, and the `before` value of each. */
export function changedFields(before: Record<string, unknown>, next: Record<string, unknown>) {
  const changes: Record<string, unknown> = {};
  const base: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(next)) {
    if (value === undefined) continue;
    if (JSON.stringify(value ?? null) !== JSON.stringify(before[field] ?? null)) {
      changes[field] = value;
      base[field] = before[field] ?? null;
    }
  }
  return { changes, base };
}
