import { confirmationProgress } from '../../core/matching/match-rules';
import type { CandidateView } from '../../contracts/matching';
import type { Tx } from '../../db/connect';
import type { Actor } from '../context';
import { AppError } from '../errors/app-error';
import {
  confirmationsOf, personsByIds, unsafeContactsOf, visibleAppearances, visiblePersonIds, type Appearance, type CandidateRow,
} from './matching.repository';

export const candidateNotFound = () => new AppError('match.not_found', 404);

type Contact = Awaited<ReturnType<typeof unsafeContactsOf>>[number];
type HiddenSide = { visible: false; contacts: Array<{ unitName: string; institutionName: string }> };

interface SideData {
  people: Awaited<ReturnType<typeof personsByIds>>;
  appearances: Appearance[];
  contacts: Contact[];
}

const contactsOf = (personId: string, contacts: Contact[]) => contacts.filter((c) => c.personId === personId);

/** A person out of the actor's reach: only whom to contact (unit and institution), nothing else. */
function hiddenSide(personId: string, data: SideData): HiddenSide {
  const mine = contactsOf(personId, data.contacts).map(({ unitName, institutionName }) => ({ unitName, institutionName }));
  return { visible: false, contacts: [...new Map(mine.map((c) => [`${c.unitName}\u0000${c.institutionName}`, c])).values()] };
}

/** A person within the actor's reach: its cases (never identity). */
function visibleSide(personId: string, data: SideData): CandidateView['own'] {
  const person = data.people.get(personId)!;
  return {
    visible: true,
    personId,
    sex: person.sex,
    birthYear: person.birthYear,
    merged: person.mergedIntoId !== null,
    appearances: data.appearances.filter((a) => a.personId === personId).map(({ personId: _p, ...rest }) => rest),
  };
}

/** Institutions holding either record of a pair, and what each has confirmed, as the merge rule sees them. */
export function progressOf(row: CandidateRow, contacts: Contact[], confirmedIds: string[]) {
  const holders = [...contactsOf(row.personAId, contacts), ...contactsOf(row.personBId, contacts)].map((c) => c.institutionId);
  return confirmationProgress(holders, confirmedIds);
}

/**
 * Presents candidates as the actor may see them. `own` is a side held by the actor's institution. Within
 * one institution, the other side is shown when the actor may see the person. Across institutions it is
 * reduced to whom to contact, and the confirmation state names institutions only.
 */
export async function presentCandidates(tx: Tx, actor: Actor, rows: CandidateRow[]): Promise<CandidateView[]> {
  const ids = [...new Set(rows.flatMap((r) => [r.personAId, r.personBId]))];
  const [visible, held, contacts, confirmations] = await Promise.all([
    visiblePersonIds(tx, actor, ids),
    visiblePersonIds(tx, actor, ids, { held: true }),
    unsafeContactsOf(tx, ids),
    confirmationsOf(tx, rows.map((r) => r.id)),
  ]);
  const [people, appearances] = await Promise.all([personsByIds(tx, [...visible]), visibleAppearances(tx, actor, [...visible])]);
  const data: SideData = { people, appearances, contacts };
  const names = new Map(contacts.map((c) => [c.institutionId, c.institutionName]));
  return rows.map((row) => {
    const confirmedIds = confirmations.filter((c) => c.candidateId === row.id).map((c) => c.institutionId);
    const progress = progressOf(row, contacts, confirmedIds);
    const shown = progress.crossInstitution ? held : visible;
    const [ownId, otherId] = held.has(row.personAId) ? [row.personAId, row.personBId] : [row.personBId, row.personAId];
    if (!held.has(ownId)) throw candidateNotFound();
    return {
      id: row.id,
      version: row.version,
      status: row.status as CandidateView['status'],
      reasons: row.reasons as CandidateView['reasons'],
      createdAt: row.createdAt.toISOString(),
      decidedAt: row.decidedAt?.toISOString() ?? null,
      survivor: row.status === 'confirmed' && row.survivorPersonId ? (row.survivorPersonId === ownId ? 'own' : 'other') : null,
      own: visibleSide(ownId, data),
      other: shown.has(otherId) ? visibleSide(otherId, data) : hiddenSide(otherId, data),
      crossInstitution: progress.crossInstitution,
      confirmation: progress.crossInstitution
        ? {
            ownConfirmed: confirmedIds.includes(actor.institutionId),
            confirmedBy: progress.confirmed.map((id) => names.get(id) ?? ''),
            waitingFor: progress.waitingFor.map((id) => names.get(id) ?? ''),
          }
        : null,
    };
  });
}
