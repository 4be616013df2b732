// The render worker thread (see ./render.pool.ts): lays out PDFs, draws the report's charts and packs its
// workbooks and Word documents, so that this CPU work never holds the server's event loop.
//
// Plain JavaScript, like src/db/pglite.worker.mjs, so that Node starts it as is; the tasks themselves are the
// server's TypeScript modules, loaded through tsx as bin/reta.js loads the CLI (hooks registered on the main
// thread do not reach a worker thread, so it registers its own). Under Vitest the same happens.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
// Started at once; the first task waits for it. A failure to load answers every task with that error.
const tasks = import('./render.tasks.ts');

/** An error as data the pool rebuilds: its class name, message, stack, and an AppError's code and fields. */
function serialise(error) {
  const e = error instanceof Error ? error : new Error(String(error));
  const out = { name: e.name, message: e.message, stack: e.stack };
  for (const key of ['code', 'status', 'fields', 'params', 'details']) {
    if (e[key] !== undefined) out[key] = structuredClone(e[key]);
  }
  return out;
}

parentPort.on('message', async ({ id, task }) => {
  try {
    const { runRenderTask } = await tasks;
    const bytes = await runRenderTask(task);
    // A copy in a buffer of its own, moved (not copied again) to the main thread: a small Buffer may sit in
    // Node's shared allocation pool, which must not be detached.
    const out = new Uint8Array(bytes.byteLength);
    out.set(bytes);
    parentPort.postMessage({ id, ok: true, bytes: out }, [out.buffer]);
  } catch (error) {
    let serialised;
    try {
      serialised = serialise(error);
    } catch {
      serialised = { name: 'Error', message: String(error?.message ?? error) };
    }
    parentPort.postMessage({ id, ok: false, error: serialised });
  }
});
