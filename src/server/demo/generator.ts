import { count } from 'drizzle-orm';
import type { Tx } from '../../db/connect';
import { caseEvents, casePlaces, cases, caseSuspects, caseVictims, persons } from '../../db/schema';
import { writeAudit } from '../audit/audit.writer';
import { generatePassword, hashPassword } from '../auth/passwords';
import { systemCtx } from '../context';
import type { Deps } from '../deps';
import { generateCaseBatch, type BatchContext, type CaseFacts } from './case-batch';
import { assignCaseCodes } from './case-codes';
import { dayOf } from './dates';
import { featureGenerators, type FeatureGenerator } from './features';
import { insertRows } from './insert';
import { readDemoMarker, writeDemoMarker, type DemoMarker } from './marker';
import { createDemoOrganisation, type DemoOrganisation } from './organisation';
import { createRng, type Rng } from './prng';

export interface DemoOptions {
  victims: number;
  seed: number;
  /** The generated history ends on this day (default: today). Same seed + same day = same records. */
  asOf?: Date;
  /** Victims per transaction: bounds memory, whatever the total. */
  batchVictims?: number;
  onProgress?: (victimsDone: number, total: number) => void;
  /** The password of the demo accounts (default: a generated one, returned in the summary to be printed once). */
  password?: string;
  /**
   * Runs first, in the transaction that marks the database and makes the organisation: a reset empties
   * the database here, so a kill at any point leaves either the old data or a marked demo database.
   */
  prepare?: (tx: Tx) => Promise<void>;
}

export interface DemoSummary {
  seed: number;
  asOf: string;
  victims: number;
  rows: Record<string, number>;
  usernames: string[];
  /** The demo accounts' password; accounts that already existed (a reset from the web app) keep theirs. */
  password: string;
  seconds: number;
}

export { DEMO_SETTING } from './marker';

/** Context every feature generator receives: the organisation and the end of the generated history. */
export interface FeatureContext {
  org: DemoOrganisation;
  asOfDay: number;
  /** Total victims asked for: sizes shelters and the volume of calls, operations and activities. */
  victims: number;
}

export class DemoRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DemoRefusedError';
  }
}

/** Marked as a demo database: generated (or being generated, or killed while generating) by `reta demo`. */
export async function isDemoDatabase(deps: Deps): Promise<boolean> {
  return (await readDemoMarker(deps.db)) !== undefined;
}

/**
 * Fills an empty registry with synthetic training data: institutions, units, a user per role, and cases
 * with victims, suspects, places and whatever feature tables exist (justice, protection, hotline…).
 * Batches of cases are generated and inserted one transaction at a time, so memory stays bounded.
 */
export async function generateDemoData(deps: Deps, options: DemoOptions): Promise<DemoSummary> {
  const started = performance.now();
  const asOfDay = dayOf(options.asOf ?? new Date());
  const root = createRng(options.seed);
  const rows: Record<string, number> = {};
  const add = (table: string, k: number) => (rows[table] = (rows[table] ?? 0) + k);
  const password = options.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const asOf = new Date(asOfDay * 86_400_000).toISOString().slice(0, 10);
  const marker: DemoMarker = {
    state: 'generating', seed: options.seed, victims: options.victims, asOf,
    asOfOption: options.asOf ? options.asOf.toISOString().slice(0, 10) : null, startedAt: new Date().toISOString(),
  };

  const org = await deps.db.transaction(async (tx) => {
    await options.prepare?.(tx);
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(cases);
    if (Number(n) > 0) throw new DemoRefusedError('The database already holds cases: synthetic data goes only into an empty database (use --reset on a demo database).');
    await writeDemoMarker(tx, marker);
    return createDemoOrganisation(tx, passwordHash);
  });
  const batchCtx: BatchContext = {
    org,
    asOfDay,
    pool: { items: [], limit: 2000 },
    person: { institutionId: org.institutionIds.police, identifiedBy: org.institutionIds.police, cipher: deps.cipher },
  };
  const featureCtx: FeatureContext = { org, asOfDay, victims: options.victims };
  // One instance per run: generators keep what they looked up or created once (articles, shelters).
  const features = featureGenerators();
  const batchSize = options.batchVictims ?? 2000;
  for (let done = 0, index = 0; done < options.victims; index++) {
    const wanted = Math.min(batchSize, options.victims - done);
    const rng = root.fork(index);
    const batch = generateCaseBatch(rng, batchCtx, wanted);
    await deps.db.transaction(async (tx) => {
      await assignCaseCodes(tx, batch);
      await insertRows(tx, cases, batch.cases);
      await insertRows(tx, persons, batch.persons);
      await insertRows(tx, caseVictims, batch.victims);
      await insertRows(tx, caseSuspects, batch.suspects);
      await insertRows(tx, casePlaces, batch.places);
      await insertRows(tx, caseEvents, batch.events);
      await runCaseFeatures(tx, features, rng.fork(7), featureCtx, batch.facts, add);
    });
    add('cases', batch.cases.length);
    add('persons', batch.persons.length);
    add('case_victims', batch.victims.length);
    add('case_suspects', batch.suspects.length);
    add('case_places', batch.places.length);
    done += wanted;
    options.onProgress?.(done, options.victims);
  }
  await runStandaloneFeatures(deps, features, root.fork(1_000_000), featureCtx, options.victims, add);
  await deps.db.transaction(async (tx) => {
    await writeDemoMarker(tx, { ...marker, state: 'complete', generatedAt: new Date().toISOString() });
    await writeAudit(tx, systemCtx('demo'), { action: 'demo.generate', details: { seed: options.seed, victims: options.victims, asOf, rows } });
  });
  return { seed: options.seed, asOf, victims: options.victims, rows, usernames: org.usernames, password, seconds: (performance.now() - started) / 1000 };
}

async function runCaseFeatures(tx: Tx, features: FeatureGenerator[], rng: Rng, ctx: FeatureContext, facts: CaseFacts[], add: (t: string, n: number) => void) {
  for (const [i, feature] of features.entries()) {
    if (!feature.forCases) continue;
    const made = await feature.forCases(tx, rng.fork(i), ctx, facts);
    for (const [table, k] of Object.entries(made)) add(table, k);
  }
}

async function runStandaloneFeatures(deps: Deps, features: FeatureGenerator[], rng: Rng, ctx: FeatureContext, victims: number, add: (t: string, n: number) => void) {
  for (const [i, feature] of features.entries()) {
    if (!feature.standalone) continue;
    const made = await feature.standalone(deps, rng.fork(i), ctx, victims);
    for (const [table, k] of Object.entries(made)) add(table, k);
  }
}
