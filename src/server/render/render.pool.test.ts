import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import type { JobView } from '../../contracts/jobs';
import { generateDemoData } from '../demo/generator';
import { AppError } from '../errors/app-error';
import { createJobHandlers } from '../jobs/job.handlers';
import { createJobRunner, type JobHandler } from '../jobs/job.runner';
import { renderPdf, renderPdfHere } from '../printouts/pdf-engine';
import { createRenderPool, rebuildError, renderPool, renderThreadsFromEnv, useRenderThreads } from './render.pool';
// Loaded here as a server's thread with RETA_RENDER_THREADS=0 has them after its first file, so that loading
// them is not counted below.
import '../reports/annual.pdf';
import { runRenderTask } from './render.tasks';

/**
 * Report files and printouts are built on a render worker thread (./render.pool.ts): while a report job lays
 * out its PDF, the server's own thread keeps turning — it answers requests — and the file is the same.
 */

/**
 * How many turns (up to 20) a timer on this thread made while a file was being rendered, from the moment
 * `started()` is true until `work` settles: a turn counts only while the render pool has a task unanswered.
 */
async function turnsWhileRendering(started: () => boolean, work: Promise<unknown>): Promise<number> {
  let turns = 0;
  let settled = false;
  const ticking = (async () => {
    while (!settled && turns < 20) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (!settled && started() && renderPool().pending() > 0) turns++;
    }
  })();
  await work.finally(() => (settled = true));
  await ticking;
  return turns;
}

/** A document with a few pages of tables (a new one each time: pdfmake writes into the definition it lays out). */
const dated = { creationDate: new Date('2026-01-01T00:00:00Z'), modDate: new Date('2026-01-01T00:00:00Z') };
const longDocument = () => ({
  info: dated,
  defaultStyle: { font: 'Roboto', fontSize: 9 },
  content: Array.from({ length: 40 }, (_, i) => ({ table: { body: Array.from({ length: 30 }, (_, j) => [`row ${i}.${j}`, String(i * j)]) } })),
});

let registry: TestRegistry;
let analyst: MadeUser;

beforeAll(async () => {
  registry = await createTestRegistry();
  await generateDemoData(registry.deps, { victims: 60, seed: 7, asOf: new Date('2026-06-30T00:00:00Z') });
  analyst = await makeUser(registry, { roles: ['analyst'], national: true });
});
afterAll(async () => {
  await useRenderThreads(renderThreadsFromEnv());
  await registry?.close();
});

describe('the render worker thread', () => {
  it('keeps the server’s timers turning while a report job builds its PDF (on the server’s thread they stopped), and the file is the same', async () => {
    const snapshot = await analyst.client.post('/api/v1/reports/annual', { year: 2025 });
    expect(snapshot.status, JSON.stringify(snapshot.body)).toBe(201);

    /** Runs one PDF job of the snapshot through the server's job runner; the timer counts from its file step. */
    async function pdfJob(): Promise<{ turns: number; bytes: Buffer }> {
      const started = await analyst.client.post('/api/v1/jobs', { kind: 'report.annual_file', snapshotId: snapshot.body.id, format: 'pdf' });
      expect(started.status, JSON.stringify(started.body)).toBe(201);
      let fileStep = false;
      const handlers = Object.fromEntries(
        Object.entries(createJobHandlers(registry.deps)).map(([kind, handler]) => [
          kind,
          ((job, control) =>
            handler(job, {
              checkpoint: () => control.checkpoint(),
              async progress(progress) {
                await control.progress(progress);
                if (progress.stage === 'file') fileStep = true;
              },
            })) as JobHandler,
        ]),
      );
      const turns = await turnsWhileRendering(() => fileStep, createJobRunner(registry.deps, handlers).drain());
      const done = (await analyst.client.get(`/api/v1/jobs/${started.body.id}`)).body as JobView;
      expect(done.status, JSON.stringify(done.error)).toBe('done');
      const file = await registry.app.inject({ method: 'GET', url: `/api/v1/jobs/${done.id}/result`, headers: { cookie: (analyst.client as unknown as { auth: { cookie: string } }).auth.cookie } });
      expect(file.statusCode).toBe(200);
      return { turns, bytes: file.rawPayload };
    }

    await useRenderThreads(1);
    const offThread = await pdfJob();
    expect(offThread.turns).toBe(20);
    expect(offThread.bytes.subarray(0, 5).toString()).toBe('%PDF-');

    // The same job with the file rendered on the server's thread, as before: the timer waits for the layout.
    await useRenderThreads(0);
    const onThread = await pdfJob();
    expect(onThread.turns).toBeLessThan(20);
    expect(Buffer.compare(offThread.bytes, onThread.bytes)).toBe(0);
    await useRenderThreads(renderThreadsFromEnv());
  });

  it('gives back the error the same rendering throws on the server’s thread, as the same class', async () => {
    await useRenderThreads(1);
    const refused = { content: [{ image: '/etc/hostname' }] }; // outside pdfmake's font folder: refused
    const broken = { content: [{ table: { body: 'not rows' } }] };
    for (const doc of [refused, broken]) {
      const here = await renderPdfHere(doc).then(() => null, (e: Error) => e);
      const there = await renderPdf(doc).then(() => null, (e: Error) => e);
      expect(here).toBeInstanceOf(Error);
      expect(there).toBeInstanceOf(here!.constructor);
      expect(there).not.toBeInstanceOf(AppError);
      expect({ name: there!.name, message: there!.message }).toEqual({ name: here!.name, message: here!.message });
    }
    // An AppError thrown on the worker thread stays an AppError with its code, status and fields (no 500 without a code).
    const rebuilt = rebuildError({ name: 'AppError', message: 'report.year_out_of_range', code: 'report.year_out_of_range', status: 400, fields: { year: 'report.year_out_of_range' } });
    expect(rebuilt).toBeInstanceOf(AppError);
    expect(rebuilt).toMatchObject({ code: 'report.year_out_of_range', status: 400, fields: { year: 'report.year_out_of_range' } });
  });

  it('replaces a thread that died: the task it was doing fails, the next one gets a new thread', async () => {
    const pool = createRenderPool(1);
    try {
      const expected = await renderPdfHere(longDocument());
      expect(Buffer.compare(await pool.run({ task: 'pdf', doc: longDocument() }), expected)).toBe(0);
      const [first] = pool.threads();
      const interrupted = pool.run({ task: 'pdf', doc: longDocument() });
      expect(pool.pending()).toBe(1);
      await first!.terminate(); // as a crash or an out-of-memory exit would end it, in the middle of the task
      await expect(interrupted).rejects.toThrow(/render worker thread exited/);
      expect(pool.threads()).toHaveLength(0);
      expect(Buffer.compare(await pool.run({ task: 'pdf', doc: longDocument() }), expected)).toBe(0);
      expect(pool.threads()).toHaveLength(1);
      expect(pool.threads()[0]).not.toBe(first);
    } finally {
      await pool.close();
    }
  });

  it('runs no more threads than its size: tasks asked for at once wait their turn, each answered with its own bytes', async () => {
    const pool = createRenderPool(1);
    try {
      const docs = () => [longDocument(), { info: dated, content: ['a short one'] }, longDocument()];
      const expected = await Promise.all(docs().map((doc) => runRenderTask({ task: 'pdf', doc })));
      const running = docs().map((doc) => pool.run({ task: 'pdf', doc }));
      expect(pool.threads()).toHaveLength(1);
      expect(pool.pending()).toBe(3);
      const got = await Promise.all(running);
      got.forEach((bytes, i) => expect(Buffer.compare(bytes, expected[i]!)).toBe(0));
      expect(pool.pending()).toBe(0);
      // A definition that cannot cross to the thread (a function) fails alone; the thread stays in service.
      await expect(pool.run({ task: 'pdf', doc: { content: ['x'], footer: () => 'x' } })).rejects.toThrow(/could not be cloned/);
      expect(pool.pending()).toBe(0);
      expect(Buffer.compare(await pool.run({ task: 'pdf', doc: longDocument() }), expected[0]!)).toBe(0);
    } finally {
      await pool.close();
    }
  });

  it('refuses a thread count it cannot use', () => {
    expect(renderThreadsFromEnv({})).toBe(1);
    expect(renderThreadsFromEnv({ RETA_RENDER_THREADS: '0' })).toBe(0);
    expect(() => renderThreadsFromEnv({ RETA_RENDER_THREADS: 'many' })).toThrow(/RETA_RENDER_THREADS/);
  });
});
