import pg from 'pg';

/**
 * The key of RETA's start-up lock (pg_advisory_lock(int4, int4)): "RETA" in ASCII, and 1 for start-up
 * (migrations, key check, seeds, first administrator). Any instance starting on the same database waits
 * for the one holding it, so two instances started at once never run the same DDL side by side.
 */
export const STARTUP_LOCK = [0x52455441, 1] as const;

/**
 * Runs `work` while holding the start-up lock, on a connection of its own (not one of the pool's, so a
 * pool of one still has its connection for the work). A session lock: if this process dies, PostgreSQL
 * ends the session and the lock is free again.
 */
export async function withStartupLock<T>(url: string, work: () => Promise<T>, onWait?: (message: string) => void): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'reta start-up lock' });
  await client.connect();
  let broken = false;
  client.on('error', () => {
    broken = true; // the server ended the session: the lock is gone with it, nothing to release
  });
  try {
    const [a, b] = STARTUP_LOCK;
    const tried = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1, $2) as locked', [a, b]);
    if (!tried.rows[0]?.locked) {
      onWait?.('Another RETA instance is starting on this database (migrations, first start); waiting for it to finish…');
      await client.query('select pg_advisory_lock($1, $2)', [a, b]);
    }
    try {
      return await work();
    } finally {
      if (!broken) await client.query('select pg_advisory_unlock($1, $2)', [a, b]).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** What the database said, as one line: message, SQLSTATE, detail, hint, where. */
export function databaseErrorText(error: unknown): string {
  const e = error as { message?: string; code?: string; detail?: string; hint?: string; where?: string; cause?: unknown };
  const inner = (e?.cause && typeof e.cause === 'object' ? e.cause : e) as typeof e;
  const parts = [inner?.message ?? String(error)];
  if (inner?.code) parts.push(`SQLSTATE ${inner.code}`);
  if (inner?.detail) parts.push(`detail: ${inner.detail}`);
  if (inner?.hint) parts.push(`hint: ${inner.hint}`);
  if (inner?.where) parts.push(`where: ${inner.where.split('\n')[0]}`);
  return parts.join('; ');
}

/**
 * A migration the database refused. The message carries the database's own error (drizzle's says only
 * "Failed query: …") and the start of the statement; `cause` keeps the original.
 */
export class MigrationError extends Error {
  readonly code?: string;
  constructor(cause: unknown) {
    const query = (cause as { query?: string })?.query;
    const statement = query ? ` — while running: ${query.replace(/\s+/g, ' ').trim().slice(0, 160)}${query.length > 160 ? '…' : ''}` : '';
    super(`The database migration failed: ${databaseErrorText(cause)}${statement}`, { cause });
    this.name = 'MigrationError';
    const inner = (cause as { cause?: { code?: string }; code?: string }) ?? {};
    this.code = inner.cause?.code ?? (typeof inner.code === 'string' ? inner.code : undefined);
  }
}
