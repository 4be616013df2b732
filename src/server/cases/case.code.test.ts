import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../test/factories';
import { createTestRegistry, testDriver, type TestRegistry } from '../../../test/registry';
import { parseCaseCode } from '../../core/case-code';
import { cases, persons } from '../../db/schema';

let registry: TestRegistry;
beforeAll(async () => {
  registry = await createTestRegistry();
});
afterAll(() => registry.close());

const minimal = (extra: Record<string, unknown> = {}) => ({ source: 'complaint', reportedOn: '2026-02-01', ...extra });

describe('case codes', () => {
  it('gives every registration of a year the next number, without gaps from refused ones, and no provisional code survives', async () => {
    const registrar = await makeUser(registry, { roles: ['registrar'] });
    const first = await registrar.client.post('/api/v1/cases', minimal());
    // Refused after the case row was written (a victim that does not exist): rolled back, number given back.
    const refused = await registrar.client.post('/api/v1/cases', minimal({ victims: [{ personId: '00000000-0000-4000-8000-000000000000' }] }));
    expect(refused.status).toBeGreaterThanOrEqual(400);
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => registrar.client.post('/api/v1/cases', minimal())));
    expect(concurrent.map((r) => r.status)).toEqual(Array(5).fill(201));
    const numbers = [first, ...concurrent].map((r) => parseCaseCode(r.body.code)!.sequence).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 6 }, (_, i) => numbers[0]! + i));
    const [stored] = await registry.deps.db.select({ code: cases.code }).from(cases).where(eq(cases.id, first.body.id));
    expect(stored!.code).toBe(first.body.code);
    expect(await registry.deps.db.select({ id: cases.id }).from(cases).where(like(cases.code, 'RETA-PENDING-%'))).toEqual([]);
  });

  // Needs two connections: on PGlite transactions already run one at a time.
  it.runIf(testDriver() === 'postgres')('does not make other registrations wait while one is still writing its people', async () => {
    const registrar = await makeUser(registry, { roles: ['registrar'] });
    const other = await makeUser(registry, { roles: ['registrar'] });
    const earlier = await registrar.client.post('/api/v1/cases', minimal({ victims: [{ person: { sex: 'female' } }] }));
    expect(earlier.status).toBe(201);
    const personId = earlier.body.victims[0].personId as string;

    // Hold the person a registration links to: that registration stops after writing its case row.
    let release!: () => void;
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = registry.deps.db.transaction(async (tx) => {
      await tx.select({ id: persons.id }).from(persons).where(eq(persons.id, personId)).for('update');
      locked();
      await new Promise<void>((resolve) => (release = resolve));
    });
    await isLocked;
    const slow = registrar.client.post('/api/v1/cases', minimal({ victims: [{ personId }] }));
    await new Promise((resolve) => setTimeout(resolve, 500)); // let it reach the held row

    // Another unit's registration goes through meanwhile (before: it waited for the year's number).
    const fast = other.client.post('/api/v1/cases', minimal());
    const outcome = await Promise.race([fast.then(() => 'registered'), new Promise((resolve) => setTimeout(() => resolve('still waiting'), 20_000))]);
    release();
    await holder;
    expect(outcome).toBe('registered');
    const [fastDone, slowDone] = [await fast, await slow];
    expect([fastDone.status, slowDone.status]).toEqual([201, 201]);
    // The one that finished first took the number first; still consecutive.
    expect(parseCaseCode(slowDone.body.code)!.sequence).toBe(parseCaseCode(fastDone.body.code)!.sequence + 1);
  });
});
