/** A few promise helpers over raw IndexedDB (no dependency): one database, two object stores. */
export const DB_NAME = 'reta-device';
const VERSION = 1;

export interface StoredItem {
  id: string;
  kind: ItemKind;
  /** Order of queued work (creation time, then a counter): dependent items are sent after what they need. */
  seq: number;
  updatedAt: number;
  iv: Uint8Array;
  data: ArrayBuffer;
}
export type ItemKind = 'me' | 'draft' | 'queue' | 'record' | 'conflict' | 'read';

let opening: Promise<IDBDatabase> | null = null;

export function openDb(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
      if (!db.objectStoreNames.contains('items')) db.createObjectStore('items', { keyPath: 'id' }).createIndex('kind', 'kind');
    };
    request.onsuccess = () => {
      // Another tab deleting the database (a wipe) must not be blocked by this connection.
      request.result.onversionchange = () => {
        request.result.close();
        opening = null;
      };
      resolve(request.result);
    };
    request.onerror = () => reject(request.error);
  });
  return opening;
}

const done = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

export async function metaGet<T>(key: string): Promise<T | undefined> {
  const db = await openDb();
  return done(db.transaction('meta').objectStore('meta').get(key)) as Promise<T | undefined>;
}
export async function metaPut(key: string, value: unknown): Promise<void> {
  const db = await openDb();
  await done(db.transaction('meta', 'readwrite').objectStore('meta').put(value, key));
}
export async function itemPut(item: StoredItem): Promise<void> {
  const db = await openDb();
  await done(db.transaction('items', 'readwrite').objectStore('items').put(item));
}
export async function itemGet(id: string): Promise<StoredItem | undefined> {
  const db = await openDb();
  return done(db.transaction('items').objectStore('items').get(id)) as Promise<StoredItem | undefined>;
}
export async function itemDelete(id: string): Promise<void> {
  const db = await openDb();
  await done(db.transaction('items', 'readwrite').objectStore('items').delete(id));
}
export async function itemsOfKind(kind: ItemKind): Promise<StoredItem[]> {
  const db = await openDb();
  const items = (await done(db.transaction('items').objectStore('items').index('kind').getAll(kind))) as StoredItem[];
  return items.sort((a, b) => a.seq - b.seq);
}
export async function countOfKind(kind: ItemKind): Promise<number> {
  const db = await openDb();
  return done(db.transaction('items').objectStore('items').index('kind').count(kind));
}

/** Empties both stores (a wipe): in one transaction, so no half-wiped state survives a crash. */
export async function clearAll(): Promise<void> {
  const db = await openDb();
  const tx = db.transaction(['meta', 'items'], 'readwrite');
  tx.objectStore('meta').clear();
  tx.objectStore('items').clear();
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}
