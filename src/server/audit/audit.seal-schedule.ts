import type { Tx } from '../../db/connect';
import { sealAuditLog } from './audit.sealer';

/** Sealers running in this process, told when an entry was written (writeAudits calls auditWritten). */
const listeners = new Set<() => void>();

export function auditWritten(): void {
  for (const listener of listeners) listener();
}

export interface AuditSealer {
  /** Seals now (or right after the run in progress), resolving when done. */
  sealNow(): Promise<void>;
  /** Stops the timer and waits for the run in progress, then seals once more (best effort). */
  stop(): Promise<void>;
}

/**
 * While the server runs: a seal shortly after entries are written (`afterWriteMs`, so one run chains the
 * entries of many requests), and every `everyMs` for entries written by other processes (CLI commands,
 * other instances). Runs never overlap in this process; across instances the sealer lock orders them.
 * Failures are reported, never thrown.
 */
export function startAuditSealer(db: Tx, options: { afterWriteMs?: number; everyMs?: number }, report: (error: unknown) => void): AuditSealer {
  const afterWriteMs = options.afterWriteMs ?? 250;
  let running: Promise<void> | undefined;
  let again = false;
  let soon: NodeJS.Timeout | undefined;
  let stopped = false;

  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          const result = await sealAuditLog(db);
          if (result.deferred) again = false; // the timer tries again; do not spin against a long transaction
        } catch (error) {
          report(error);
        }
      } while (again && !stopped);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  const listener = () => {
    if (stopped || soon) return;
    soon = setTimeout(() => {
      soon = undefined;
      void run();
    }, afterWriteMs);
    soon.unref();
  };
  listeners.add(listener);
  const timer = setInterval(() => void run(), options.everyMs ?? 5000);
  timer.unref();

  return {
    sealNow: run,
    async stop() {
      if (stopped) return;
      stopped = true;
      listeners.delete(listener);
      clearInterval(timer);
      if (soon) clearTimeout(soon);
      await running;
      try {
        await sealAuditLog(db, { waitMs: 1000 });
      } catch (error) {
        report(error);
      }
    },
  };
}
