import { Worker } from 'node:worker_threads';
import { messages, type QueryOptions, type Results } from '@electric-sql/pglite';

/**
 * PGlite on a worker thread (pglite.worker.mjs), seen from the main thread. PGlite runs every statement
 * synchronously on the thread that owns it: on the main thread a 14 s report stops every HTTP request for
 * 14 s. Here the worker owns the instance and this proxy offers the part of PGlite's client that
 * drizzle-orm/pglite and RETA use — query (params, rowMode), exec, transaction, dumpDataDir, close — as
 * messages.
 *
 * What stays exactly as in-thread:
 * - Values: rows are made by PGlite's own parsers in the worker and cross by structured clone, which keeps
 *   Date, Uint8Array, bigint, arrays and JSON objects as they are. drizzle passes parser functions (identity
 *   for dates, timestamps, intervals and their arrays) which cannot cross a thread: the proxy checks each
 *   is the identity and sends its OIDs; the worker installs identity parsers for them. Any other parser,
 *   serializer, blob or notice callback is refused loudly rather than silently ignored.
 * - Ordering: the worker's PGlite keeps its own transaction mutex, so a statement outside a transaction
 *   waits for the open one, and transactions run one at a time in the order they were asked for. A
 *   transaction is `begin` with an id this side chooses (answered once PGlite has run BEGIN, i.e. once it
 *   holds the mutex; not waited for before the first statement is sent), its statements tagged with that
 *   id (the worker holds them until BEGIN has run), then `end` with commit or rollback.
 * - Errors: every own field of PGlite's DatabaseError (code, detail, constraint, table, …) is copied and
 *   the error is rebuilt as a DatabaseError, so a unique violation still reaches db-errors.ts as 23505.
 */

/** The client surface drizzle's pglite session uses inside a transaction. */
export interface ProxyTransaction {
  query<T>(query: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(query: string, options?: QueryOptions): Promise<Results[]>;
  rollback(): Promise<void>;
  readonly closed: boolean;
}

interface SerializedError {
  database?: boolean;
  message: string;
  stack?: string;
  fields: Record<string, unknown>;
}

type Request =
  | { op: 'query'; txId?: number; sql: string; params?: unknown[]; options?: WireOptions }
  | { op: 'exec'; txId?: number; sql: string; options?: WireOptions }
  | { op: 'begin'; txId: number }
  | { op: 'rollback'; txId: number }
  | { op: 'end'; txId: number; commit: boolean }
  | { op: 'dump'; compression: 'gzip' | 'none' }
  | { op: 'close' };

interface WireOptions {
  rowMode?: QueryOptions['rowMode'];
  paramTypes?: number[];
  /** Types whose text PGlite should hand back unparsed (drizzle's identity parsers). */
  rawOids?: number[];
}

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerializedError };
type Started = { ready: true } | { ready: false; error: SerializedError };

export interface WorkerSource {
  /** A data directory on disk (the caller holds its lock). */
  dataDir?: string;
  /** A dumped data directory (tar or gzip tar) to load into memory: tests, restores. */
  loadDataDir?: Uint8Array;
  /** PGlite's start parameters (default when absent). */
  startParams?: string[];
}

const workerUrl = new URL('./pglite.worker.mjs', import.meta.url);
const PROBE = '\u0000probe';

/** Rebuilds the worker's error on this side, as the same class with the same PostgreSQL fields. */
export function rebuildError(serialized: SerializedError): Error {
  const fields = serialized.fields;
  const error = serialized.database
    ? new messages.DatabaseError(serialized.message, Number(fields.length ?? 0), (fields.name as messages.MessageName) ?? 'error')
    : new Error(serialized.message);
  Object.assign(error, fields);
  if (serialized.stack) error.stack = `${serialized.stack}\n    (in the PGlite worker thread)`;
  return error;
}

function wireOptions(options?: QueryOptions): WireOptions | undefined {
  if (!options) return undefined;
  const { parsers, serializers, blob, onNotice, rowMode, paramTypes } = options;
  if (serializers || blob || onNotice) throw new Error('PGlite worker: serializers, blobs and notice callbacks cannot cross to the worker thread');
  const rawOids = parsers
    ? Object.entries(parsers).map(([oid, parse]) => {
        if (parse(PROBE, Number(oid)) !== PROBE) throw new Error(`PGlite worker: only identity parsers cross to the worker thread (type ${oid})`);
        return Number(oid);
      })
    : undefined;
  return { rowMode, paramTypes, rawOids };
}

export class PgliteWorkerClient {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  #nextId = 1;
  #nextTx = 1;
  /** Why the worker can no longer answer (it crashed, exited, or was closed). */
  #gone?: Error;

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (reply: Reply) => this.#settle(reply));
    worker.on('error', (error) => this.#fail(new Error(`The PGlite worker thread failed: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => this.#fail(new Error(`The PGlite worker thread exited (code ${code})`)));
  }

  /** Starts a worker that opens the database; resolves once PGlite is ready (or rejects with its error). */
  static async open(source: WorkerSource): Promise<PgliteWorkerClient> {
    // A copy whose buffer holds exactly these bytes, moved to the worker (the caller's array stays intact).
    const image = source.loadDataDir ? new Uint8Array(source.loadDataDir) : undefined;
    const transferList = image ? [image.buffer] : [];
    const data = image ? { ...source, loadDataDir: image } : source;
    const worker = new Worker(workerUrl, { workerData: data, transferList });
    let onExit: (code: number) => void = () => undefined;
    let onError: (error: Error) => void = () => undefined;
    const started = await new Promise<Started>((resolve, reject) => {
      onExit = (code) => reject(new Error(`The PGlite worker thread exited while opening the database (code ${code})`));
      onError = reject;
      worker.once('message', resolve);
      worker.once('error', onError);
      worker.once('exit', onExit);
    }).finally(() => {
      worker.off('error', onError);
      worker.off('exit', onExit);
    });
    if (!started.ready) {
      await worker.terminate();
      throw rebuildError(started.error);
    }
    worker.unref(); // held only while a request waits for its answer (see #call), as an in-thread client holds nothing
    return new PgliteWorkerClient(worker);
  }

  query<T>(query: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.#call({ op: 'query', sql: query, params, options: wireOptions(options) }) as Promise<Results<T>>;
  }

  exec(query: string, options?: QueryOptions): Promise<Results[]> {
    return this.#call({ op: 'exec', sql: query, options: wireOptions(options) }) as Promise<Results[]>;
  }

  /**
   * As PGlite's transaction(): commits when `work` resolves, rolls back and rethrows when it throws.
   * BEGIN is sent without waiting for its answer: the worker holds the transaction's statements until
   * PGlite has begun it, so a transaction costs one round trip per statement plus the COMMIT, not one more
   * for BEGIN. If BEGIN fails, every statement of the transaction fails with its error, and so does this.
   */
  async transaction<T>(work: (tx: ProxyTransaction) => Promise<T>): Promise<T> {
    const txId = this.#nextTx++;
    const begun = this.#call({ op: 'begin', txId });
    begun.catch(() => undefined); // its error reaches the caller below (and through the statements)
    let closed = false;
    const send = (request: Request) => (closed ? Promise.reject(new Error('Transaction is closed')) : this.#call(request));
    const tx: ProxyTransaction = {
      query: <R>(query: string, params?: unknown[], options?: QueryOptions) =>
        send({ op: 'query', txId, sql: query, params, options: wireOptions(options) }) as Promise<Results<R>>,
      exec: (query: string, options?: QueryOptions) => send({ op: 'exec', txId, sql: query, options: wireOptions(options) }) as Promise<Results[]>,
      rollback: async () => {
        await send({ op: 'rollback', txId });
        closed = true;
      },
      get closed() {
        return closed;
      },
    };
    let result: T;
    try {
      result = await work(tx);
    } catch (error) {
      closed = true;
      await begun; // BEGIN's own failure is the cause of the work's
      await this.#call({ op: 'end', txId, commit: false });
      throw error;
    }
    closed = true;
    await begun;
    await this.#call({ op: 'end', txId, commit: true });
    return result;
  }

  /** A consistent copy of the data directory, taken between transactions (see the worker's dump). */
  async dumpDataDir(compression: 'gzip' | 'none' = 'gzip'): Promise<Uint8Array> {
    return (await this.#call({ op: 'dump', compression })) as Uint8Array;
  }

  async close(): Promise<void> {
    if (this.#gone) return;
    try {
      await this.#call({ op: 'close' });
    } finally {
      this.#gone = new Error('PGlite is closed');
      await this.#worker.terminate();
    }
  }

  #call(request: Request): Promise<unknown> {
    if (this.#gone) return Promise.reject(this.#gone);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      if (this.#pending.size === 0) this.#worker.ref();
      this.#pending.set(id, { resolve, reject });
      try {
        (request as Request & { id: number }).id = id;
        this.#worker.postMessage(request);
      } catch (error) {
        this.#forget(id);
        reject(error as Error); // a parameter that cannot be cloned (a function, a symbol)
      }
    });
  }

  #forget(id: number) {
    this.#pending.delete(id);
    if (this.#pending.size === 0) this.#worker.unref();
  }

  #settle(reply: Reply) {
    const waiting = this.#pending.get(reply.id);
    if (!waiting) return;
    this.#forget(reply.id);
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(rebuildError(reply.error));
  }

  #fail(error: Error) {
    this.#gone ??= error;
    for (const [id, waiting] of this.#pending) {
      this.#forget(id);
      waiting.reject(this.#gone);
    }
  }
}
