/**
 * The render worker threads: CPU-heavy file building (pdfmake's layout, ECharts' SVG, packing a workbook or a
 * Word document) runs here instead of on the server's thread, where it held the event loop for seconds — no
 * request answered, not even /api/health, while an annual report's PDF was laid out (bench/RESULTS.md, "Report
 * files on a worker thread"). The tasks are in ./render.tasks.ts; the worker is ./render.worker.mjs.
 *
 * - Bounded: RETA_RENDER_THREADS threads (1 by default), each doing one task at a time; more tasks wait in
 *   order. 0 renders on the server's thread, as before (slower answers while rendering, no extra thread).
 * - Lazy: no thread exists until the first file is asked for; an idle thread does not keep the process
 *   alive, and the server closes the threads when it closes (retainRenderPool).
 * - A thread that dies (crash, out of memory) fails the task it was doing and is replaced by the next task.
 * - Errors come back as the error the same work throws on the server's thread: an AppError with its code,
 *   status and fields, anything else as an Error with its name and message (a 500 with the `internal` code,
 *   as before).
 */
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors/app-error';
import type { RenderTask } from './render.tasks';

const workerUrl = new URL('./render.worker.mjs', import.meta.url);

interface SerialisedError {
  name: string;
  message: string;
  stack?: string;
  code?: unknown;
  status?: unknown;
  fields?: Record<string, string>;
  params?: Record<string, string | number>;
  details?: Record<string, unknown>;
}

type Reply = { id: number; ok: true; bytes: Uint8Array } | { id: number; ok: false; error: SerialisedError };

const builtInErrors: Record<string, new (message: string) => Error> = { TypeError, RangeError, SyntaxError, ReferenceError };

/** Rebuilds the worker's error on this side: an AppError as an AppError, a TypeError as a TypeError… */
export function rebuildError(e: SerialisedError): Error {
  const error =
    e.name === 'AppError' && typeof e.code === 'string' && typeof e.status === 'number'
      ? new AppError(e.code, e.status, e.message, e.fields, e.params, e.details)
      : Object.assign(new (builtInErrors[e.name] ?? Error)(e.message), e.code === undefined ? {} : { code: e.code });
  error.name = e.name;
  if (e.stack) error.stack = `${e.stack}\n    (in the render worker thread)`;
  return error;
}

/**
 * RETA_RENDER_THREADS: how many render worker threads (0 renders on the server's thread). Anything but a
 * whole number from 0 to 8 is refused.
 */
export function renderThreadsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.RETA_RENDER_THREADS?.trim() || '1';
  if (/^[0-8]$/.test(value)) return Number(value);
  throw new Error(`RETA_RENDER_THREADS must be a whole number from 0 to 8, not "${value}"`);
}

interface Pending {
  id: number;
  task: RenderTask;
  resolve: (bytes: Buffer) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  busy: Pending | null;
}

export interface RenderPool {
  run(task: RenderTask): Promise<Buffer>;
  /** Ends every thread; waiting and running tasks fail. The pool can be used again (new threads start). */
  close(): Promise<void>;
  /** The live threads (diagnostics and tests). */
  threads(): readonly Worker[];
  /** Tasks asked for and not yet answered: waiting, running, or running on this thread when size is 0. */
  pending(): number;
}

/** A pool of `size` render threads (0: tasks run on this thread). */
export function createRenderPool(size: number): RenderPool {
  const threads: Thread[] = [];
  const queue: Pending[] = [];
  let nextId = 1;
  let unanswered = 0;

  function start(): Thread {
    const thread: Thread = { worker: new Worker(workerUrl), busy: null };
    const gone = (error: Error) => {
      const index = threads.indexOf(thread);
      if (index < 0) return;
      threads.splice(index, 1);
      thread.busy?.reject(error);
      thread.busy = null;
      dispatch(); // the waiting tasks go to a new thread
    };
    thread.worker.on('message', (reply: Reply) => {
      const pending = thread.busy;
      if (!pending || pending.id !== reply.id) return;
      thread.busy = null;
      thread.worker.unref();
      if (reply.ok) pending.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
      else pending.reject(rebuildError(reply.error));
      dispatch();
    });
    thread.worker.on('error', (error) => gone(new Error(`The render worker thread failed: ${error.message}`, { cause: error })));
    thread.worker.on('exit', (code) => gone(new Error(`The render worker thread exited (code ${code})`)));
    thread.worker.unref();
    threads.push(thread);
    return thread;
  }

  function dispatch() {
    while (queue.length) {
      const thread = threads.find((t) => !t.busy) ?? (threads.length < size ? start() : null);
      if (!thread) return;
      const pending = queue.shift()!;
      thread.busy = pending;
      // Held only while it works: an idle thread never keeps the process from exiting.
      thread.worker.ref();
      try {
        thread.worker.postMessage({ id: pending.id, task: pending.task });
      } catch (error) {
        // Not structured-clonable (a function in a document definition): this task fails, the thread stays free.
        thread.busy = null;
        thread.worker.unref();
        pending.reject(error as Error);
      }
    }
  }

  return {
    async run(task) {
      unanswered++;
      try {
        if (size === 0) return await (await import('./render.tasks')).runRenderTask(task);
        return await new Promise<Buffer>((resolve, reject) => {
          queue.push({ id: nextId++, task, resolve, reject });
          dispatch();
        });
      } finally {
        unanswered--;
      }
    },
    async close() {
      const closing = new Error('The render worker threads were closed');
      for (const pending of queue.splice(0)) pending.reject(closing);
      const ending = threads.splice(0);
      for (const thread of ending) {
        thread.busy?.reject(closing);
        thread.busy = null;
      }
      await Promise.all(ending.map((t) => t.worker.terminate()));
    },
    threads: () => threads.map((t) => t.worker),
    pending: () => unanswered,
  };
}

let shared: RenderPool | null = null;
let holders = 0;

/** The process's render pool, made on first use with RETA_RENDER_THREADS threads. */
export function renderPool(): RenderPool {
  shared ??= createRenderPool(renderThreadsFromEnv());
  return shared;
}

/** Renders on the process's render pool (the only way the server builds PDF, chart and report files). */
export const renderOffThread = (task: RenderTask): Promise<Buffer> => renderPool().run(task);

/**
 * Holds the process's pool for a server; the returned function releases it, and the last holder to release
 * it ends its threads (a server's close). A file asked for afterwards starts them again.
 */
export function retainRenderPool(): () => Promise<void> {
  renderThreadsFromEnv(); // a wrong RETA_RENDER_THREADS stops the server at start, not at its first file
  holders++;
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    holders--;
    if (holders === 0 && shared) {
      const pool = shared;
      shared = null;
      await pool.close();
    }
  };
}

/** Replaces the process's pool by one of `threads` threads (benchmarks and tests); the old one is closed. */
export async function useRenderThreads(threads: number): Promise<void> {
  const old = shared;
  shared = createRenderPool(threads);
  await old?.close();
}
