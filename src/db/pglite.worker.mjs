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
const transactions = new Map();
let nextTx = 1;

function begin() {
  return new Promise((started, failed) => {
    const txId = nextTx++;
    const entry = {};
    entry.finished = new Promise((resolve) => (entry.finish = resolve));
    entry.run = pg.transaction(async (tx) => {
      entry.tx = tx;
      transactions.set(txId, entry);
      started(txId);
      const { commit } = await entry.finished;
      if (!commit) throw ROLLBACK;
    });
    // BEGIN itself failed (closed, or the database refused): the caller learns it from begin.
    entry.run.catch((error) => {
      if (!transactions.has(txId)) failed(error);
    });
  });
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

/** The client a statement runs on: its transaction's, or the instance (which waits for open transactions). */
function target(txId) {
  if (txId === undefined) return pg;
  const entry = transactions.get(txId);
  if (!entry) throw new Error(`Transaction ${txId} is closed`);
  return entry.tx;
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
      return target(message.txId).query(message.sql, message.params, queryOptions(message.options));
    case 'exec':
      return target(message.txId).exec(message.sql, queryOptions(message.options));
    case 'begin':
      return begin();
    case 'rollback': // Transaction.rollback(): ROLLBACK now, the callback carries on with a closed transaction
      return target(message.txId).rollback();
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
