import type { DeviceGrant, MeView } from '../../contracts/auth';
import { kekFromPassword, kekFromSecret, newDataKey, open, randomBytes, rewrap, seal, unwrapDataKey } from './device-crypto';
import { clearAll, countOfKind, DB_NAME, itemDelete, itemGet, itemPut, itemsOfKind, metaGet, metaPut, type ItemKind } from './idb';

/**
 * The encrypted device store (README "Offline work"): drafts, queued work, cases kept on this device and the
 * signed-in user's profile, in IndexedDB, each item AES-GCM-encrypted under the data key of
 * device-crypto.ts. Only the item's id, kind and order are in clear (the count of queued items is shown
 * before unlocking); everything else needs the key, which exists only in this page's memory.
 */
interface DeviceMeta {
  userId: string;
  username: string;
  salt: Uint8Array<ArrayBuffer>;
  wrappedByServer: ArrayBuffer;
  wrappedByPassword?: ArrayBuffer;
  /** The server's signed note of this sign-in, shown to /auth/device-status when the session is gone. */
  token: string;
  offlineDays: number;
  lastContactAt: number;
}

const DAY = 86_400_000;
let dataKey: CryptoKey | null = null;
let seq = 0;
const listeners = new Set<() => void>();

export const deviceStoreAvailable = () => typeof indexedDB !== 'undefined' && typeof crypto !== 'undefined' && Boolean(crypto.subtle);
export const isUnlocked = () => dataKey !== null;

export function onDeviceChange(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
export const notifyDeviceChange = () => {
  for (const listener of listeners) listener();
};

/** Who this device's data belongs to (username in clear: the unlock screen names the account), or none. */
export async function deviceOwner(): Promise<{ userId: string; username: string; token: string; canUnlockOffline: boolean } | null> {
  if (!deviceStoreAvailable()) return null;
  const meta = await metaGet<DeviceMeta>('device');
  if (!meta) return null;
  if (Date.now() - meta.lastContactAt > meta.offlineDays * DAY) {
    // Older than RETA_OFFLINE_DAYS without contact with the server: gone, queued work included.
    await wipeDevice();
    return null;
  }
  return { userId: meta.userId, username: meta.username, token: meta.token, canUnlockOffline: Boolean(meta.wrappedByPassword) };
}

/**
 * Opens (or makes) the store with the grant of a live session; with the password too at sign-in, a copy of
 * the key is wrapped under it for reloads with no connection. Another user's data on this device is wiped.
 */
export async function openWithGrant(user: MeView, grant: DeviceGrant, password?: string): Promise<void> {
  if (!deviceStoreAvailable()) return;
  let meta = await metaGet<DeviceMeta>('device');
  if (meta && meta.userId !== user.id) {
    await wipeDevice();
    meta = undefined;
  }
  if (!meta) {
    const salt = randomBytes(16);
    const serverKek = await kekFromSecret(grant.secret, salt);
    const keks = password ? [serverKek, await kekFromPassword(password, salt)] : [serverKek];
    const made = await newDataKey(keks);
    dataKey = made.key;
    meta = { userId: user.id, username: user.username, salt, wrappedByServer: made.wrapped[0]!, wrappedByPassword: made.wrapped[1], token: grant.token, offlineDays: grant.offlineDays, lastContactAt: Date.now() };
  } else {
    const serverKek = await kekFromSecret(grant.secret, meta.salt);
    try {
      dataKey = await unwrapDataKey(meta.wrappedByServer, serverKek);
    } catch {
      // Not this server's secret for this user (a changed server key, tampering): the data cannot be read.
      await wipeDevice();
      return openWithGrant(user, grant, password);
    }
    // The password may have changed since: the offline copy follows the password typed now.
    if (password) meta.wrappedByPassword = await rewrap(meta.wrappedByServer, serverKek, await kekFromPassword(password, meta.salt));
    meta = { ...meta, username: user.username, token: grant.token, offlineDays: grant.offlineDays, lastContactAt: Date.now() };
  }
  await metaPut('device', meta);
  await putItem('me', 'me', user);
  notifyDeviceChange();
}

/** With no connection: the password opens the store and gives back the profile saved at the last sign-in. */
export async function unlockWithPassword(password: string): Promise<MeView | null> {
  const meta = await metaGet<DeviceMeta>('device');
  if (!meta?.wrappedByPassword) return null;
  try {
    dataKey = await unwrapDataKey(meta.wrappedByPassword, await kekFromPassword(password, meta.salt));
  } catch {
    return null;
  }
  const me = await getItem<MeView>('me');
  notifyDeviceChange();
  return me;
}

export function lockDevice() {
  dataKey = null;
  notifyDeviceChange();
}

/** Deletes everything this device keeps for RETA: the encrypted store and the cached reference data. */
export async function wipeDevice(): Promise<void> {
  dataKey = null;
  if (deviceStoreAvailable()) await clearAll();
  try {
    localStorage.removeItem('reta.reference-warmed');
    await caches.delete('reta-reference-v1');
  } catch {
    // no Cache Storage here (plain HTTP): nothing was cached
  }
  notifyDeviceChange();
}

const label = (kind: ItemKind, id: string) => `${DB_NAME}:${kind}:${id}`;

export async function putItem(kind: ItemKind, id: string, value: unknown, order?: number): Promise<void> {
  if (!dataKey) throw new Error('device store locked');
  const sealed = await seal(dataKey, label(kind, id), value);
  await itemPut({ id: `${kind}:${id}`, kind, seq: order ?? Date.now() * 1000 + (seq++ % 1000), updatedAt: Date.now(), ...sealed });
  notifyDeviceChange();
}

export async function getItem<T>(kind: ItemKind, id = kind as string): Promise<T | null> {
  if (!dataKey) return null;
  const item = await itemGet(`${kind}:${id}`);
  if (!item) return null;
  return open<T>(dataKey, label(kind, id), item.iv, item.data);
}

export async function listItems<T>(kind: ItemKind): Promise<Array<{ id: string; seq: number; updatedAt: number; value: T }>> {
  if (!dataKey) return [];
  const key = dataKey;
  const items = await itemsOfKind(kind);
  return Promise.all(items.map(async (item) => {
    const id = item.id.slice(kind.length + 1);
    return { id, seq: item.seq, updatedAt: item.updatedAt, value: await open<T>(key, label(kind, id), item.iv, item.data) };
  }));
}

export async function deleteItem(kind: ItemKind, id: string): Promise<void> {
  await itemDelete(`${kind}:${id}`);
  notifyDeviceChange();
}

export const countItems = (kind: ItemKind) => (deviceStoreAvailable() ? countOfKind(kind) : Promise.resolve(0));
