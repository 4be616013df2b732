import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../test/api-client';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { callInput } from '../hotline/hotline.test-helpers';

/**
 * The change feed replays a random workload of writes made through the API by several roles (some
 * concurrent): in order, complete, without duplicates, and never naming a record the reader cannot read.
 */
let registry: TestRegistry;
let policeA: MadeUser;
let policeB: MadeUser;
let prosecutor: MadeUser;
let analyst: MadeUser;
let hotline: MadeUser;
let outsider: MadeUser;

beforeAll(async () => {
  registry = await createTestRegistry();
  policeA = await makeUser(registry, { roles: ['investigator'] });
  policeB = await makeUser(registry, { roles: ['registrar'] });
  prosecutor = await makeUser(registry, { roles: ['prosecutor'] });
  analyst = await makeUser(registry, { roles: ['analyst'], national: true });
  hotline = await makeUser(registry, { roles: ['hotline_operator'] });
  outsider = await makeUser(registry, { roles: ['investigator'], departments: ['08'] });
});
afterAll(() => registry.close());

/** A small deterministic generator, so a failing workload can be replayed from its seed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Write {
  entity: string;
  id: string;
  version: number | null;
  phase: number;
  removed?: boolean;
}
interface Change {
  entity: string;
  id: string;
  version: number | null;
  kind: string;
  caseId: string | null;
}

async function readFeed(client: ApiClient, limit: number, from?: string): Promise<{ items: Change[]; cursor: string }> {
  const items: Change[] = [];
  let cursor = from;
  for (let guard = 0; guard < 10_000; guard++) {
    const page = await client.get(`/api/v1/changes?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(page.status).toBe(200);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
    if (!page.body.hasMore) break;
  }
  return { items, cursor: cursor! };
}

const key = (c: { entity: string; id: string }) => `${c.entity}:${c.id}`;

async function runWorkload(seed: number) {
  const random = prng(seed);
  const writes: Write[] = [];
  const cases: Array<{ id: string; owner: MadeUser; version: number; victims: Array<{ id: string; version: number }>; suspectId: string | null; sent: boolean }> = [];
  const note = (phase: number, entity: string, row: { id: string; version?: number | null }) => writes.push({ entity, id: row.id, version: row.version ?? null, phase });
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;

  const createCase = async (phase: number, owner: MadeUser) => {
    const withSuspect = random() < 0.6;
    const made = await owner.client.post('/api/v1/cases', {
      source: 'complaint', reportedOn: '2026-02-01', acts: ['recruitment'], means: ['deception'], purposes: ['forced_labour'],
      victims: [{ person: { sex: 'female', identity: { givenNames: `V${phase}`, familyNames: 'Test' } } }],
      ...(withSuspect ? { suspects: [{ person: { sex: 'male' } }] } : {}),
    });
    expect(made.status).toBe(201);
    note(phase, 'case', made.body);
    for (const v of made.body.victims) note(phase, 'victim', v);
    for (const s of made.body.suspects) note(phase, 'suspect', s);
    cases.push({ id: made.body.id, owner, version: made.body.version, victims: made.body.victims.map((v: any) => ({ id: v.id, version: v.version })), suspectId: made.body.suspects[0]?.id ?? null, sent: false });
  };

  const steps: Array<(phase: number) => Promise<void>> = [
    (phase) => createCase(phase, random() < 0.5 ? policeA : policeB),
    async (phase) => {
      if (!cases.length) return createCase(phase, policeA);
      const c = pick(cases);
      const updated = await c.owner.client.patch(`/api/v1/cases/${c.id}`, { version: c.version, sectors: [pick(['agriculture', 'mining', 'domestic_work'])] });
      expect(updated.status).toBe(200);
      c.version = updated.body.version;
      note(phase, 'case', updated.body);
    },
    async (phase) => {
      if (!cases.length) return createCase(phase, policeB);
      const c = pick(cases);
      const added = await c.owner.client.post(`/api/v1/cases/${c.id}/victims`, { person: { sex: 'male' } });
      expect(added.status).toBe(201);
      c.victims.push({ id: added.body.id, version: added.body.version });
      note(phase, 'victim', added.body);
    },
    async (phase) => {
      const c = cases.find((x) => x.victims.length > 1);
      if (!c) return createCase(phase, policeA);
      const victim = c.victims.pop()!;
      const removed = await c.owner.client.delete(`/api/v1/cases/${c.id}/victims/${victim.id}?version=${victim.version}`);
      expect(removed.status).toBe(204);
      writes.push({ entity: 'victim', id: victim.id, version: null, phase, removed: true });
    },
    async (phase) => {
      const c = cases.find((x) => x.suspectId && !x.sent && x.owner === policeA);
      if (!c) return createCase(phase, policeA);
      const sent = await c.owner.client.post(`/api/v1/cases/${c.id}/suspects/${c.suspectId}/events`, { type: 'police_report_sent', occurredOn: '2026-02-10', receivingInstitutionId: prosecutor.institutionId });
      expect(sent.status).toBe(201);
      c.sent = true;
      note(phase, 'justice_event', sent.body);
    },
    async (phase) => {
      const call = await hotline.client.post('/api/v1/hotline/calls', callInput({ ubigeo: '15' }));
      expect(call.status).toBe(201);
      note(phase, 'hotline_call', call.body);
    },
    async (phase) => {
      const op = await (random() < 0.5 ? policeA : outsider).client.post('/api/v1/operations', { operationDate: '2026-02-03', type: 'rescue', ubigeo: random() < 0.5 ? '15' : '08', personsFound: 3 });
      expect(op.status).toBe(201);
      note(phase, 'operation', op.body);
    },
  ];

  for (let phase = 0; phase < 24; phase++) {
    // Every fourth phase runs three writes at once (different owners, so none waits on a version).
    if (phase % 4 === 3) {
      await Promise.all([createCase(phase, policeA), createCase(phase, policeB), steps[5]!(phase)]);
    } else {
      await pick(steps)(phase);
    }
  }
  return { writes, cases };
}

describe('the change feed', () => {
  it('replays a random workload in commit order, complete, without duplicates, within each reader\'s scope', async () => {
    const start = (await policeA.client.get('/api/v1/changes/head')).body.cursor as string;
    // A follower reads the feed while the workload runs: late commits must never fall behind its cursor.
    let following = true;
    const followed: Change[] = [];
    const follower = (async () => {
      let cursor = start;
      while (following) {
        const page = await analyst.client.get(`/api/v1/changes?limit=40&cursor=${cursor}`);
        followed.push(...page.body.items);
        cursor = page.body.nextCursor;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      followed.push(...(await readFeed(analyst.client, 40, cursor)).items);
    })();
    const workload = runWorkload(20261130).finally(() => {
      following = false;
    });
    const { writes, cases } = await workload;
    await follower;

    const readers = { policeA, policeB, prosecutor, analyst, hotline, outsider };
    const feeds = new Map<string, Change[]>();
    for (const [name, reader] of Object.entries(readers)) {
      const paged = await readFeed(reader.client, 40, start);
      const whole = await readFeed(reader.client, 1000, start);
      // Paging neither repeats nor skips (pages end between transactions), and a finished feed stays finished.
      expect(paged.items, name).toEqual(whole.items);
      expect((await reader.client.get(`/api/v1/changes?cursor=${whole.cursor}`)).body.items, name).toEqual([]);
      feeds.set(name, whole.items);
    }
    // The follower skipped nothing that committed late: the final feed is a subsequence of what it followed
    // (it may have seen more: a victim removed since was readable then), and it never got an entry twice.
    const ident = (c: Change & { committedAt?: string }) => JSON.stringify([c.entity, c.id, c.kind, c.version, c.committedAt]);
    expect(new Set(followed.map(ident)).size).toBe(followed.length);
    let at = 0;
    for (const change of feeds.get('analyst')!) {
      while (at < followed.length && ident(followed[at]!) !== ident(change)) at++;
      expect(at, `followed misses ${ident(change)}`).toBeLessThan(followed.length);
      at++;
    }

    // Nothing outside scope: every record named is one the reader can read through the API now.
    const readable = async (client: ApiClient, change: Change): Promise<boolean> => {
      const url: Record<string, string> = {
        case: `/api/v1/cases/${change.id}`,
        hotline_call: `/api/v1/hotline/calls/${change.id}`,
        operation: `/api/v1/operations/${change.id}`,
      };
      if (url[change.entity]) return (await client.get(url[change.entity]!)).status === 200;
      if (change.entity === 'person') return (await client.withReason().get(`/api/v1/persons/${change.id}`)).status === 200;
      const parent = await client.get(`/api/v1/cases/${change.caseId}`);
      if (parent.status !== 200) return false;
      if (change.kind === 'removed') return true;
      if (change.entity === 'victim') return parent.body.victims.some((v: any) => v.id === change.id);
      if (change.entity === 'suspect') return parent.body.suspects.some((s: any) => s.id === change.id);
      return true;
    };
    for (const [name, feed] of feeds) {
      const client = readers[name as keyof typeof readers].client;
      for (const change of new Map(feed.map((c) => [key(c), c])).values()) expect(await readable(client, change), `${name} ${key(change)}`).toBe(true);
    }

    // Complete and in order: the analyst (every institution, national) sees every write of the workload but
    // the hotline calls (no hotline.read); each write appears at its version, and writes appear in phase order.
    const analystFeed = feeds.get('analyst')!;
    // A record removed since is only told as removed (it cannot be read any more, so neither can its past).
    const removed = new Set(writes.filter((w) => w.removed).map(key));
    const expected = writes.filter((w) => w.entity !== 'hotline_call' && (w.removed || !removed.has(key(w))));
    const positionOf = (w: Write) =>
      analystFeed.findIndex((c) => c.entity === w.entity && c.id === w.id && (w.removed ? c.kind === 'removed' : c.version === w.version && c.kind !== 'removed'));
    const positions = expected.map((w) => ({ w, at: positionOf(w) }));
    expect(positions.filter((p) => p.at < 0).map((p) => p.w)).toEqual([]);
    const byPosition = [...positions].sort((a, b) => a.at - b.at);
    for (let i = 1; i < byPosition.length; i++) expect(byPosition[i]!.w.phase).toBeGreaterThanOrEqual(byPosition[i - 1]!.w.phase);
    // Per record, versions never go back, and a record is created before anything else happens to it.
    const seen = new Map<string, Change>();
    for (const c of analystFeed) {
      const before = seen.get(key(c));
      if (!before) expect(c.kind, key(c)).toBe(removed.has(key(c)) ? 'removed' : 'created');
      else if (c.version !== null && before.version !== null) expect(c.version).toBeGreaterThanOrEqual(before.version);
      seen.set(key(c), c);
    }

    // Scope: each police institution sees its own cases only; the prosecutor exactly the ones sent to it.
    const caseIds = (name: string) => new Set(feeds.get(name)!.filter((c) => c.entity === 'case').map((c) => c.id));
    expect(caseIds('policeA')).toEqual(new Set(cases.filter((c) => c.owner === policeA).map((c) => c.id)));
    expect(caseIds('policeB')).toEqual(new Set(cases.filter((c) => c.owner === policeB).map((c) => c.id)));
    expect(caseIds('prosecutor')).toEqual(new Set(cases.filter((c) => c.sent).map((c) => c.id)));
    expect(cases.some((c) => c.sent)).toBe(true);
    expect(feeds.get('hotline')!.every((c) => c.entity === 'hotline_call')).toBe(true);
    expect(feeds.get('hotline')!.length).toBe(writes.filter((w) => w.entity === 'hotline_call').length);
    expect(feeds.get('outsider')!.every((c) => c.entity === 'operation')).toBe(true);
  });

  it('refuses a cursor it never issued with a field message, and needs a signed-in reader', async () => {
    const bad = await policeA.client.get('/api/v1/changes?cursor=abc');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['cursor']);
    const { anonymous } = await import('../../../test/api-client');
    expect((await anonymous(registry.app).get('/api/v1/changes')).status).toBe(401);
  });
});
