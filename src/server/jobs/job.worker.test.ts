import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { processStartTime } from '../../db/lock';
import { claimJob, findJob, insertJob } from './job.repository';
import { createJobRunner } from './job.runner';
import { isDeadLocalWorker, newWorkerId } from './job.worker';

const exitedPid = () => Number(spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim());

/** A job's worker known dead is resumed at once; any doubt leaves it to the stale-heartbeat lease. */
describe('job workers', () => {
  it('a worker on this host whose process has exited is dead; a live one, or one elsewhere, is not', () => {
    const pid = exitedPid();
    expect(pid).toBeGreaterThan(0);
    expect(isDeadLocalWorker(`${hostname()}:${pid}:123:abcdef`)).toBe(true);
    // The parent of this process is alive, with its own start time.
    expect(isDeadLocalWorker(`${hostname()}:${process.ppid}:${processStartTime(process.ppid)}:abcdef`)).toBe(false);
    // The same pid started at another time: the number was reused by another process.
    expect(isDeadLocalWorker(`${hostname()}:${process.ppid}:1:abcdef`)).toBe(true);
    // Another host, an id of the older form, no worker, this very process: only the lease can tell.
    expect(isDeadLocalWorker(`another-host:${pid}:123:abcdef`)).toBe(false);
    expect(isDeadLocalWorker(`${hostname()}:${pid}:abcdef`)).toBe(false);
    expect(isDeadLocalWorker(null)).toBe(false);
    expect(isDeadLocalWorker(newWorkerId())).toBe(false);
  });
});

describe('the job runner', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await createTestRegistry();
  });
  afterAll(() => registry?.close());

  it('takes over at once the running job of a worker that died on this host, and leaves a live one its lease', async () => {
    const { db } = registry.deps;
    const kind = `test-${Math.random().toString(36).slice(2, 8)}`;
    const dead = await insertJob(db, { kind });
    expect((await claimJob(db, [kind], `${hostname()}:${exitedPid()}:123:dead00`, 60))!.id).toBe(dead.id);
    const runner = createJobRunner(registry.deps, { [kind]: async () => ({ result: { ok: true } }) }, { staleSeconds: 60 });
    // Its heartbeat is fresh: only the dead worker's id lets the runner take it now.
    expect(await runner.runOnce()).toBe(true);
    const resumed = (await findJob(db, dead.id))!;
    expect(resumed.status).toBe('done');
    expect(resumed.attempts).toBe(2);

    const live = await insertJob(db, { kind });
    expect((await claimJob(db, [kind], `${hostname()}:${process.ppid}:${processStartTime(process.ppid)}:live00`, 60))!.id).toBe(live.id);
    expect(await runner.runOnce()).toBe(false);
    expect((await findJob(db, live.id))!.status).toBe('running');
  });
});
