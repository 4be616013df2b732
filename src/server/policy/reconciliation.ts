import type { SQL } from 'drizzle-orm';
import { cases } from '../../db/schema';
import type { Actor } from '../context';
import { visibleCasesCondition } from './cases';
import { geographyCondition } from './geography';

/**
 * Reconciliation between institutions (src/server/reconciliation): a supervisor (who reviews duplicates
 * across institutions, `duplicates.review.cross_institution`) compares the cases its OWN institution owns
 * with another institution's, within the supervisor's geography. What comes out: the own unmatched case
 * codes, the other side's codes only where visibleCasesCondition already lets the supervisor see them,
 * and counts. Never identity: the comparison runs on blind indexes and file numbers.
 */
export const mayReconcile = (actor: Actor): boolean => actor.permissions.has('duplicates.review.cross_institution');

/** Both sides are counted within the actor's geography, by the department of the registering unit. */
export const reconciliationGeography = (actor: Actor): SQL => geographyCondition(actor, cases.departmentCode);

/** Which of the other institution's unmatched cases may be named (by code) to the actor. */
export const nameableOtherCases = (actor: Actor): SQL => visibleCasesCondition(actor);
