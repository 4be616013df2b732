// The PGlite worker: owns one PGlite instance (a data directory, or an in-memory copy of a dumped one) on
// a thread of its own, so a long query never stops the HTTP loop. The main thread talks to it through
// PgliteProxy (pglite.proxy.ts), which documents the messages.
//
// Plain JavaScript on purpose: a worker thread does not inherit the TypeScript loader (tsx's module
// hooks, Vitest's transform), and this file needs nothing but PGlite.
import { parentPort, workerData } from 'node:worker_threads';
import { messages, PGlite } from '@electric-sql/pglite';

const identity = (value) => value;
/** Thrown inside pg.transaction to make PGlite roll back when the main side asks for it. */
const ROLLBACK = Symbol('rollback');

/** Only values a MessagePort can carry; functions (drizzle's parsers in queryOptions) are left out. */
function cloneable(value) {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

/** Every own field of the error (PostgreSQL's code, detail, constraint, …), so the main side rebuilds it. */
export function serializeError(error) {
  if (!(error instanceof Error)) return { message: String(error), fields: {} };
  const fields = {};
  for (const key of Object.keys(error)) {
    if (key === 'queryOptions') continue;
    if (cloneable(error[key])) fields[key] = error[key];
  }
  return { database: error instanceof messages.DatabaseError, message: error.message, stack: error.stack, fields };
}

/** Query options as the in-thread client would get them: identity parsers for the OIDs drizzle keeps raw. */
function queryOptions(options) {
  if (!options) return undefined;
  const { rawOids, ...rest } = options;
  if (!rawOids?.length) return rest;
  return { ...rest, parsers: Object.fromEntries(rawOids.map((oid) => [oid, identity])) };
}

async function open({ dataDir, loadDataDir, startParams }) {
  if (loadDataDir) return PGlite.create({ dataDir, loadDataDir: new Blob([loadDataDir]), startParams });
  return PGlite.create({ dataDir, startParams });
}

let pg;
/** Open transactions by the id the main side chose: `started` settles once PGlite has run BEGIN. */
const transactions = new Map();

/**
 * Starts a transaction under PGlite's transaction mutex. The main side does not wait for the answer
 * before sending the transaction's statements: they wait here for `started`.
 */
function begin(txId) {
  const entry = {};
  entry.started = new Promise((resolve, reject) => {
    entry.begun = resolve;
    entry.refused = reject;
  });
  entry.started.catch(() => undefined); // BEGIN's error reaches the main side through begin and the statements
  entry.finished = new Promise((resolve) => (entry.finish = resolve));
  transactions.set(txId, entry);
  entry.run = pg.transaction(async (tx) => {
    entry.begun(tx);
    const { commit } = await entry.finished;
    if (!commit) throw ROLLBACK;
  });
  // BEGIN itself failed (closed, or the database refused): `started` rejects with its error; after BEGIN
  // this does nothing (`started` is settled) and `end` reports the outcome.
  entry.run.catch((error) => entry.refused(error));
  entry.run.catch(() => undefined);
  return entry.started.then(() => txId);
}

async function end(txId, commit) {
  const entry = transactions.get(txId);
  if (!entry) throw new Error(`No open transaction ${txId} in the PGlite worker`);
  entry.finish({ commit });
  try {
    await entry.run;
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  } finally {
    transactions.delete(txId);
  }
}

/** The client a statement runs on: its transaction's once begun, or the instance (which waits for open transactions). */
function target(txId) {
  if (txId === undefined) return pg;
  const entry = transactions.get(txId);
  if (!entry) throw new Error(`Transaction ${txId} is closed`);
  return entry.started;
}

async function dump(compression) {
  await pg.exec('checkpoint'); // less WAL to replay when the copy is opened
  // Under the transaction mutex (query/exec/transaction all take it; dumpDataDir itself takes only the
  // statement mutex): the open transaction ends first, new ones wait until the copy is made.
  const file = await pg._runExclusiveTransaction(() => pg.dumpDataDir(compression));
  return new Uint8Array(await file.arrayBuffer());
}

async function handle(message) {
  switch (message.op) {
    case 'query':
      return (await target(message.txId)).query(message.sql, message.params, queryOptions(message.options));
    case 'exec':
      return (await target(message.txId)).exec(message.sql, queryOptions(message.options));
    case 'begin':
      return begin(message.txId);
    case 'rollback': // Transaction.rollback(): ROLLBACK now, the callback carries on with a closed transaction
      return (await target(message.txId)).rollback();
    case 'end':
      return end(message.txId, message.commit);
    case 'dump':
      return dump(message.compression ?? 'gzip');
    case 'close':
      return pg.close();
    default:
      throw new Error(`Unknown PGlite worker request ${message.op}`);
  }
}

parentPort.on('message', async (message) => {
  try {
    const value = await handle(message);
    const transfer = value instanceof Uint8Array ? [value.buffer] : [];
    parentPort.postMessage({ id: message.id, ok: true, value }, transfer);
  } catch (error) {
    parentPort.postMessage({ id: message.id, ok: false, error: serializeError(error) });
  }
});

try {
  pg = await open(workerData);
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ ready: false, error: serializeError(error) });
}
