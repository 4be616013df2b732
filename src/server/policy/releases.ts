import { isSystemActor, type Actor } from '../context';
import { coversScope, NATIONAL_SCOPE } from './stats';

/**
 * Who publishes the public releases (the open-data tables of a year, national figures): an analyst whose
 * scope covers the whole registry — national geography, every institution — and who manages reports.
 * Everyone else is refused, regional analysts included: a release is national.
 */
export function mayPublishRelease(actor: Actor): boolean {
  if (isSystemActor(actor)) return true;
  return actor.permissions.has('report.manage') && actor.permissions.has('stats.exact') && coversScope(actor, NATIONAL_SCOPE);
}
