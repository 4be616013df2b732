import { eq, type SQL } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import { isSystemActor, type Actor } from '../context';

/**
 * Which audit entries the actor reads: those of her own institution, or every institution's with
 * `audit.read.all_institutions`. `undefined` means no row restriction.
 */
export function readableAuditCondition(actor: Actor): SQL | undefined {
  if (isSystemActor(actor) || actor.permissions.has('audit.read.all_institutions')) return undefined;
  return eq(auditLog.institutionId, actor.institutionId);
}
