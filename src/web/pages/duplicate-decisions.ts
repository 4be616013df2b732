import type { CandidateView } from '../../contracts/matching';

/**
 * Which decisions a reviewer may take on a suspected duplicate. Within one institution only when both
 * records are within reach (otherwise: contact the holder); across institutions each side decides for
 * itself — confirm once for its institution, reject at any time while pending.
 */
export function openDecisions(c: Pick<CandidateView, 'status' | 'other' | 'crossInstitution' | 'confirmation'>) {
  const decidable = c.other.visible || c.crossInstitution;
  const pending = c.status === 'pending' && decidable;
  return {
    confirm: pending && !c.confirmation?.ownConfirmed,
    reject: pending,
    unmerge: c.status === 'confirmed' && decidable,
  };
}

/** The institutions whose confirmation a pending merge across institutions still waits for. */
export const waitingFor = (c: Pick<CandidateView, 'status' | 'confirmation'>) =>
  c.status === 'pending' && c.confirmation?.waitingFor.length ? c.confirmation.waitingFor : [];
