import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../../test/api-client';
import { makeUser, uniqueCode } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { peruLegalFramework } from '../../core/legal/peru';
import { auditLog, legalArticles } from '../../db/schema';
import { ensureLegalFramework } from './legal.seed';

let registry: TestRegistry;
beforeAll(async () => {
  registry = await createTestRegistry();
});
afterAll(() => registry.close());

describe('legal framework: reading', () => {
  it('is seeded at start-up, and seeding again changes nothing', async () => {
    const before = await registry.deps.db.select().from(legalArticles);
    expect(before.length).toBe(peruLegalFramework.articles.length);
    await ensureLegalFramework(registry.deps.db);
    expect((await registry.deps.db.select().from(legalArticles)).length).toBe(before.length);
  });

  it('lets anyone signed in read regimes and articles, and nobody anonymous', async () => {
    const analyst = await makeUser(registry, { roles: ['analyst'] });
    const regimes = await analyst.client.get('/api/v1/legal/regimes');
    expect(regimes.status).toBe(200);
    expect(regimes.body.items.map((r: { code: string }) => r.code)).toEqual(['pre_2007', 'law_28950', 'dl_1323', 'law_30963', 'law_31146']);
    expect(regimes.body.items[1]).toMatchObject({ inForceFrom: '2007-01-17', maxSuspendedSentenceMonths: 48 });
    const inForce = await analyst.client.get('/api/v1/legal/articles?at=2018-01-01&trafficking=true');
    const numbers = inForce.body.items.map((a: { articleNumber: string }) => a.articleNumber);
    expect(numbers).toEqual(expect.arrayContaining(['153', '153-A', '153-B', '153-C', '168-B']));
    expect(numbers).not.toContain('129-A');
    expect(numbers).not.toContain('182');
    expect((await anonymous(registry.app).get('/api/v1/legal/regimes')).status).toBe(401);
    expect((await anonymous(registry.app).get('/api/v1/legal/articles')).status).toBe(401);
  });

  it('resolves an article for a date of the facts', async () => {
    const clerk = await makeUser(registry, { roles: ['court_clerk'] });
    const resolved = await clerk.client.get('/api/v1/legal/resolve?article=153&date=2016-05-14');
    expect(resolved.status).toBe(200);
    expect(resolved.body.regime.code).toBe('law_28950');
    expect(resolved.body.article.tiers[0]).toMatchObject({ tierCode: 'basic', minMonths: 96, maxMonths: 180, confirmedInPrimarySource: true, suspensionAllowed: false });
    expect((await clerk.client.get('/api/v1/legal/resolve?article=153&date=2022-01-01')).body.error.code).toBe('legal.article_not_in_force');
    expect((await clerk.client.get('/api/v1/legal/resolve?article=abc&date=2022-01-01')).status).toBe(400);
    const one = await clerk.client.get(`/api/v1/legal/articles/${resolved.body.article.id}`);
    expect(one.body.articleNumber).toBe('153');
    expect((await clerk.client.get(`/api/v1/legal/articles/${randomUUID()}`)).status).toBe(404);
  });
});

describe('legal framework: administration', () => {
  it('refuses changes from anyone without admin.legal.manage', async () => {
    const prosecutor = await makeUser(registry, { roles: ['prosecutor'] });
    const [article] = await registry.deps.db.select().from(legalArticles).limit(1);
    expect((await prosecutor.client.post('/api/v1/legal/regimes', { code: 'x_law', name: 'X', inForceFrom: '2030-01-01' })).status).toBe(403);
    expect((await prosecutor.client.patch(`/api/v1/legal/articles/${article!.id}`, { heading: 'x', version: 1 })).status).toBe(403);
    expect((await anonymous(registry.app).post('/api/v1/legal/regimes', {})).status).toBe(401);
  });

  it('edits a tier with optimistic concurrency and audits the change', async () => {
    const admin = await makeUser(registry, { roles: ['administrator'] });
    const articles = await admin.client.get('/api/v1/legal/articles?number=153-B');
    const tier = articles.body.items[0].tiers.find((t: { tierCode: string }) => t.tierCode === 'basic');
    const changed = await admin.client.patch(`/api/v1/legal/tiers/${tier.id}`, { confirmedInPrimarySource: true, version: tier.version });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ confirmedInPrimarySource: true, version: tier.version + 1 });
    const stale = await admin.client.patch(`/api/v1/legal/tiers/${tier.id}`, { minMonths: 1, version: tier.version });
    expect(stale.status).toBe(409);
    const reversed = await admin.client.patch(`/api/v1/legal/tiers/${tier.id}`, { minMonths: 500, version: tier.version + 1 });
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.fields.maxMonths).toBeTruthy();
    const audit = await registry.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'legal.tier.update'), eq(auditLog.entityId, tier.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ changes: { confirmedInPrimarySource: true } });
  });

  it('adds a regime, an article with tiers, another tier, and refuses duplicates', async () => {
    const admin = await makeUser(registry, { roles: ['administrator'] });
    const code = uniqueCode('law').toLowerCase().replace('-', '_');
    const regime = await admin.client.post('/api/v1/legal/regimes', { code, name: 'Ley futura', inForceFrom: '2030-01-01' });
    expect(regime.status).toBe(201);
    expect((await admin.client.post('/api/v1/legal/regimes', { code, name: 'Otra', inForceFrom: null })).status).toBe(409);
    const article = await admin.client.post('/api/v1/legal/articles', {
      regimeId: regime.body.id, articleNumber: '129 p', titleCode: 'new_offence', isTrafficking: true,
      tiers: [{ tierCode: 'basic', minMonths: 60, maxMonths: 120, suspensionAllowed: false }],
    });
    expect(article.status).toBe(201);
    expect(article.body).toMatchObject({ articleNumber: '129-P', regimeCode: code, tiers: [{ tierCode: 'basic', minMonths: 60, confirmedInPrimarySource: false }] });
    const tier = await admin.client.post(`/api/v1/legal/articles/${article.body.id}/tiers`, { tierCode: 'aggravated', minMonths: 120, maxMonths: 200, suspensionAllowed: false });
    expect(tier.status).toBe(201);
    expect((await admin.client.post(`/api/v1/legal/articles/${article.body.id}/tiers`, { tierCode: 'aggravated', minMonths: 1, maxMonths: 2, suspensionAllowed: true })).status).toBe(409);
    expect((await admin.client.post('/api/v1/legal/articles', { regimeId: regime.body.id, articleNumber: '129-P', titleCode: 'dup', isTrafficking: false })).status).toBe(409);
    const bad = await admin.client.post(`/api/v1/legal/articles/${article.body.id}/tiers`, { tierCode: 'aggravated_severe', minMonths: 100, maxMonths: 50, suspensionAllowed: false });
    expect(bad.status).toBe(400);
    const updated = await admin.client.patch(`/api/v1/legal/articles/${article.body.id}`, { isLesserOffence: true, relatedTraffickingArticle: '129a', version: 1 });
    expect(updated.body).toMatchObject({ isLesserOffence: true, relatedTraffickingArticle: '129-A', version: 2 });
    const actions = (await registry.deps.db.select().from(auditLog)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['legal.regime.create', 'legal.article.create', 'legal.tier.create', 'legal.article.update']));
  });

  it('adds a regime of another country profile: 201 with the record, readable, and kept apart from Peru', async () => {
    const admin = await makeUser(registry, { roles: ['administrator'] });
    const analyst = await makeUser(registry, { roles: ['analyst'] });
    const code = uniqueCode('ley').toLowerCase().replace('-', '_');
    const created = await admin.client.post('/api/v1/legal/regimes', { code, country: 'BOL', name: 'Ley 263', inForceFrom: '2012-07-31', maxSuspendedSentenceMonths: 36 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code, country: 'BOL', name: 'Ley 263', inForceFrom: '2012-07-31', maxSuspendedSentenceMonths: 36, version: 1 });
    const bolivia = await analyst.client.get('/api/v1/legal/regimes?country=BOL');
    expect(bolivia.body.items.map((r: { id: string }) => r.id)).toContain(created.body.id);
    expect((await analyst.client.get('/api/v1/legal/regimes')).body.items.map((r: { id: string }) => r.id)).not.toContain(created.body.id);
    expect((await analyst.client.get('/api/v1/legal/regimes?country=bol')).status).toBe(400);

    const renamed = await admin.client.patch(`/api/v1/legal/regimes/${created.body.id}`, { name: 'Ley 263 integral', version: 1 });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: created.body.id, name: 'Ley 263 integral', version: 2 });

    const article = await admin.client.post('/api/v1/legal/articles', {
      regimeId: created.body.id, articleNumber: '281 b', titleCode: 'trata', isTrafficking: true,
      tiers: [{ tierCode: 'basic', minMonths: 120, maxMonths: 180, suspensionAllowed: false }],
    });
    expect(article.status).toBe(201);
    expect(article.body).toMatchObject({ regimeCode: code, articleNumber: '281-B' });
    const listed = await analyst.client.get('/api/v1/legal/articles?country=BOL&number=281-B');
    expect(listed.body.items.map((a: { id: string }) => a.id)).toEqual([article.body.id]);
    expect((await analyst.client.get('/api/v1/legal/articles?number=281-B')).body.items).toEqual([]);

    // A Bolivian article is not repealed by a Peruvian regime.
    const peru = (await analyst.client.get('/api/v1/legal/regimes')).body.items[0];
    const crossed = await admin.client.patch(`/api/v1/legal/articles/${article.body.id}`, { repealedByRegimeId: peru.id, version: 1 });
    expect(crossed.status).toBe(400);
    expect(crossed.body.error.fields).toEqual({ repealedByRegimeId: 'That legal regime belongs to another country.' });
    expect((await admin.client.patch(`/api/v1/legal/regimes/${randomUUID()}`, { name: 'x', version: 1 })).status).toBe(404);
  });
});
