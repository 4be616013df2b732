import type { Tx } from '../../db/connect';
import type { Deps } from '../deps';
import type { CaseFacts } from './case-batch';
import type { FeatureContext } from './generator';
import type { Rng } from './prng';
import { hotlineGenerator, operationsGenerator, preventionGenerator } from './activity-rows';
import { justiceGenerator } from './justice-rows';
import { protectionGenerator } from './protection-rows';

/**
 * A generator for one feature's tables. `forCases` runs inside each batch's transaction with the facts of
 * the cases just inserted (justice events, referrals); `standalone` runs once after the cases (hotline
 * calls, operations, prevention activities). Each returns rows inserted per table.
 */
export interface FeatureGenerator {
  name: string;
  forCases?(tx: Tx, rng: Rng, ctx: FeatureContext, facts: CaseFacts[]): Promise<Record<string, number>>;
  standalone?(deps: Deps, rng: Rng, ctx: FeatureContext, victims: number): Promise<Record<string, number>>;
}

/** The feature generators, in a fixed order (the order is part of what makes a seed reproducible). */
export function featureGenerators(): FeatureGenerator[] {
  return [justiceGenerator(), protectionGenerator(), hotlineGenerator(), operationsGenerator(), preventionGenerator()];
}
