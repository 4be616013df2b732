import type { FieldConflict } from '../../core/field-merge';
import { api, ApiError, currentCsrfToken, errorMessage } from '../api/client';
import { deleteItem, isUnlocked, listItems, notifyDeviceChange, putItem } from './device-store';
import { newIdempotencyKey } from '../api/idempotency';
import { reportOfflineReads } from './kept';

/**
 * Work saved on this device while there was no connection, sent in the order it was made (README
 * "Offline work"). Creates carry their Idempotency-Key from the moment they are queued, so however often a
 * send is retried (lost answers, reloads, two tabs) the server makes the record once. A path may name an
 * earlier queued create as `{queued:<id>}` (a victim added to a case registered offline): it is sent only
 * after that create, with the id the server gave it. Updates carry the base version and the base values of
 * the fields they change; the server merges field by field and answers a conflict with both values, which
 * waits here for a person to choose (the conflicts screen).
 */
export interface QueuedWork {
  /** What the user reads in the list ("Caso nuevo, 2 víctimas"). */
  label: string;
  method: 'POST' | 'PATCH';
  path: string;
  body: Record<string, unknown>;
  idempotencyKey?: string;
  /** The record the work is about, once known (for links and for "kept" copies). */
  entity?: { type: 'case'; id: string };
  status: 'pending' | 'failed' | 'conflict';
  error?: string;
  conflicts?: FieldConflict[];
  /** The version the server holds now, reported with a conflict. */
  currentVersion?: number;
  createdAt: string;
}

export const QUEUED_REF = /\{queued:([0-9a-f-]+)\}/g;
const NAMES_QUEUED = /\{queued:[0-9a-f-]+\}/;

export async function enqueue(work: Omit<QueuedWork, 'status' | 'createdAt'>): Promise<string> {
  const id = newIdempotencyKey();
  await putItem('queue', id, { ...work, status: 'pending', createdAt: new Date().toISOString() } satisfies QueuedWork);
  void syncSoon();
  return id;
}

export const queuedWork = () => listItems<QueuedWork>('queue');

export async function updateQueued(id: string, seq: number, work: QueuedWork) {
  await putItem('queue', id, work, seq);
}
export const discardQueued = (id: string) => deleteItem('queue', id);

let running: Promise<SyncResult> | null = null;
export interface SyncResult {
  sent: number;
  waiting: number;
}
type SyncListener = (result: SyncResult) => void;
const syncListeners = new Set<SyncListener>();
export function onSynced(listener: SyncListener) {
  syncListeners.add(listener);
  return () => {
    syncListeners.delete(listener);
  };
}

/**
 * Sends what waits, unless offline, locked, without a live session (an offline unlock has none until the
 * server answered again) or already sending (one run at a time per tab).
 */
export function syncSoon(): Promise<SyncResult> {
  if (!isUnlocked() || !currentCsrfToken() || (typeof navigator !== 'undefined' && navigator.onLine === false)) return Promise.resolve({ sent: 0, waiting: 0 });
  running ??= run().finally(() => {
    running = null;
  });
  return running;
}

async function run(): Promise<SyncResult> {
  let sent = 0;
  const items = await queuedWork();
  const made = new Map<string, string>();
  for (const { id, seq, value: work } of items) {
    if (work.status !== 'pending') continue;
    const path = work.path.replace(QUEUED_REF, (whole, ref: string) => made.get(ref) ?? whole);
    // It needs a queued create that was not sent (yet): it waits with it, in order.
    if (NAMES_QUEUED.test(path)) continue;
    try {
      const answer = await api.send<{ id?: string }>(work.method, path, work.body, { idempotencyKey: work.idempotencyKey, quiet401: true });
      if (answer?.id) made.set(id, answer.id);
      await deleteItem('queue', id);
      // Work that named this create gets the real id now, so a later run (after a reload) still finds it.
      if (answer?.id) await rewriteDependents(id, answer.id);
      sent += 1;
    } catch (error) {
      if (!(error instanceof ApiError) || error.code === 'network' || error.status === 401 || error.status === 403 && error.code === 'auth.csrf_invalid' || error.status >= 500 || error.status === 429) break;
      if (error.code === 'record.field_conflict') {
        const details = error.details as { conflicts: FieldConflict[]; version: number };
        await updateQueued(id, seq, { ...work, path, status: 'conflict', conflicts: details.conflicts, currentVersion: details.version, error: undefined });
      } else {
        await updateQueued(id, seq, { ...work, path, status: 'failed', error: errorMessage(error) });
      }
    }
  }
  // Reads of identity made offline are reported (and audited) at each sync; a failure leaves them for the next.
  await reportOfflineReads().catch(() => undefined);
  const waiting = (await queuedWork()).length;
  const result = { sent, waiting };
  notifyDeviceChange();
  for (const listener of syncListeners) listener(result);
  return result;
}

async function rewriteDependents(ref: string, realId: string) {
  for (const { id, seq, value } of await queuedWork()) {
    if (value.path.includes(`{queued:${ref}}`)) await updateQueued(id, seq, { ...value, path: value.path.replaceAll(`{queued:${ref}}`, realId) });
  }
}

/**
 * The person chose, field by field, between their value and the one on the server: the update goes again
 * against the server's current version, with the server's values as base (so it applies, unless someone
 * changed the same field yet again — then it is a new conflict, never an overwrite).
 */
export async function resolveConflict(id: string, seq: number, work: QueuedWork, keepMine: Record<string, boolean>) {
  const body: Record<string, unknown> = { ...work.body, version: work.currentVersion };
  const base: Record<string, unknown> = { ...(work.body.base as Record<string, unknown> | undefined) };
  for (const conflict of work.conflicts ?? []) {
    if (keepMine[conflict.field]) base[conflict.field] = conflict.theirs;
    else {
      delete body[conflict.field];
      delete base[conflict.field];
    }
  }
  body.base = base;
  const changes = Object.keys(body).filter((k) => k !== 'version' && k !== 'base');
  if (changes.length === 0) await discardQueued(id);
  else await updateQueued(id, seq, { ...work, body, status: 'pending', conflicts: undefined, currentVersion: undefined });
  return syncSoon();
}
