import type { CaseView } from '../../contracts/cases';
import { api, setOfflineReads } from '../api/client';
import { deleteItem, getItem, isUnlocked, listItems, putItem } from './device-store';

/**
 * Cases kept on this device ("Keep on this device" on the case page): a copy of the case exactly as the
 * server showed it to this user — so only what the user may see, and identity only if the user may read
 * it and gave a reason — encrypted in the device store, refreshed on each read with a connection, and read
 * from there when there is none. Reading a kept copy's identity with no connection is recorded on the
 * device and reported to the server (and its audit log) at the next sync.
 */
const casePath = (id: string) => `/api/v1/cases/${id}`;
const KEPT = /^\/api\/v1\/cases\/[0-9a-f-]{36}$/;

interface KeptCopy {
  view: CaseView;
  keptAt: string;
}
export interface OfflineRead {
  caseId: string;
  at: string;
  reason?: string;
}

export async function keepCase(view: CaseView) {
  await putItem('record', casePath(view.id), { view, keptAt: new Date().toISOString() } satisfies KeptCopy);
}
export const forgetCase = (id: string) => deleteItem('record', casePath(id));
export async function isKept(id: string) {
  return Boolean(await getItem<KeptCopy>('record', casePath(id)));
}

const hasIdentity = (view: CaseView) => view.narrative !== undefined || view.victims.some((v) => v.person.identity) || view.suspects.some((s) => s.person.identity);

setOfflineReads({
  refresh(path, data) {
    if (!isUnlocked() || !KEPT.test(path)) return;
    void getItem<KeptCopy>('record', path).then((kept) => {
      // A read without a reason has no identity: it must not replace a kept copy that has it.
      if (kept && (hasIdentity(data as CaseView) || !hasIdentity(kept.view))) return putItem('record', path, { ...kept, view: data as CaseView });
    });
  },
  async read(path, reason) {
    if (!isUnlocked() || !KEPT.test(path)) return null;
    const kept = await getItem<KeptCopy>('record', path);
    if (!kept) return null;
    if (!reason || !hasIdentity(kept.view)) {
      return hasIdentity(kept.view) ? withoutIdentity(kept.view) : kept.view;
    }
    await putItem('read', `${kept.view.id}:${Date.now()}`, { caseId: kept.view.id, at: new Date().toISOString(), reason } satisfies OfflineRead);
    return kept.view;
  },
});

/** The kept copy as a read without a reason shows it: no narrative, no identity. */
function withoutIdentity(view: CaseView): CaseView {
  const { narrative: _narrative, ...rest } = view;
  return {
    ...rest,
    victims: view.victims.map((v) => ({ ...v, person: { ...v.person, identity: undefined } })),
    suspects: view.suspects.map((s) => ({ ...s, person: { ...s.person, identity: undefined } })),
  } as CaseView;
}

/** Sends the identity reads made offline, per case, to be audited; each is deleted once the server took it. */
export async function reportOfflineReads() {
  const reads = await listItems<OfflineRead>('read');
  const byCase = new Map<string, typeof reads>();
  for (const read of reads) byCase.set(read.value.caseId, [...(byCase.get(read.value.caseId) ?? []), read]);
  for (const [caseId, list] of byCase) {
    await api.post(`/api/v1/cases/${caseId}/offline-reads`, { reads: list.map((r) => ({ at: r.value.at, reason: r.value.reason })) }, { quiet401: true });
    for (const read of list) await deleteItem('read', read.id);
  }
}
