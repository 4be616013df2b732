import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connect';
import { systemSettings } from '../../db/schema';

export const DEMO_SETTING = 'demo';

/**
 * What marks a demo database (system setting `demo`). Written BEFORE anything is generated, so a run killed
 * part-way still leaves a database that `reta demo --reset` (and the reset in the web app) accept; `state`
 * says whether the run finished. `asOfOption` is the day given with --as-of (null: "today"), so a reset
 * regenerates with the same options.
 */
export interface DemoMarker {
  state: 'generating' | 'complete';
  seed: number;
  victims: number;
  asOf: string;
  asOfOption: string | null;
  startedAt: string;
  generatedAt?: string;
}

export async function readDemoMarker(db: Db | Tx): Promise<DemoMarker | undefined> {
  const [row] = await db.select({ value: systemSettings.value }).from(systemSettings).where(eq(systemSettings.key, DEMO_SETTING)).limit(1);
  if (!row) return undefined;
  const value = row.value as Partial<DemoMarker>;
  // A marker written before `state` existed was only ever written at the end of a complete run.
  return {
    state: value.state ?? 'complete',
    seed: Number(value.seed ?? 1),
    victims: Number(value.victims ?? 3000),
    asOf: String(value.asOf ?? ''),
    asOfOption: value.asOfOption ?? null,
    startedAt: String(value.startedAt ?? value.generatedAt ?? ''),
    generatedAt: value.generatedAt,
  };
}

export async function writeDemoMarker(tx: Tx, marker: DemoMarker): Promise<void> {
  const value = { ...marker };
  await tx.insert(systemSettings).values({ key: DEMO_SETTING, value }).onConflictDoUpdate({ target: systemSettings.key, set: { value, updatedAt: new Date() } });
}
