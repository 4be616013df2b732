import type { Actor } from '../context';
import { isSystemActor } from '../context';

/**
 * Who may open the cases behind a figure (GET /api/v1/stats/cases). A list of cases reveals the exact
 * count of its cell, so only readers of exact figures (`stats.exact`) who also read cases (`case.read`)
 * may break a figure down to cases, and only for a cell published to them in the table they are looking
 * at: a cell hidden by disclosure control (a suppressed preview) gives nothing. The cases listed are then
 * the ones the actor may see (`visibleCasesCondition`), inside the statistics scope (`statsScope`).
 */
export function mayListCasesBehindFigures(actor: Actor): boolean {
  if (isSystemActor(actor)) return true;
  return actor.permissions.has('stats.read') && actor.permissions.has('stats.exact') && actor.permissions.has('case.read');
}

/** The cell itself: published in the table as the actor reads it. */
export const cellMayBeBrokenDown = (cell: { status: 'published' | 'primary' | 'secondary' }) => cell.status === 'published';
