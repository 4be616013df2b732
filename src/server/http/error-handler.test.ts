import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { handleError } from './error-handler';

/** The error handler alone, on a bare Fastify app: what a failure becomes on the wire. */
async function answer(error: Error, language: string) {
  const app = Fastify({ logger: false });
  app.setErrorHandler(handleError);
  app.post('/write', async () => {
    throw error;
  });
  const response = await app.inject({ method: 'POST', url: '/write', headers: { 'accept-language': language }, payload: {} });
  await app.close();
  return { status: response.statusCode, body: response.json() as { error: { code: string; message: string } } };
}

const uniqueViolation = () => Object.assign(new Error('duplicate key value violates unique constraint "x_unique"'), { code: '23505', constraint: 'x_unique' });

describe('error handler', () => {
  it('answers an unforeseen unique violation with 409 saying nothing was saved, never a 500', async () => {
    const es = await answer(uniqueViolation(), 'es');
    expect(es.status).toBe(409);
    expect(es.body.error.code).toBe('record.duplicate');
    expect(es.body.error.message).toMatch(/^No se guardó/);
    // Drivers may wrap it (drizzle puts the database error in `cause`).
    const en = await answer(Object.assign(new Error('Failed query'), { cause: uniqueViolation() }), 'en');
    expect(en.status).toBe(409);
    expect(en.body.error.message).toMatch(/^Not saved/);
  });

  it('says on a 500 that nothing was saved, not that something "quedó registrado"', async () => {
    const es = await answer(new Error('boom'), 'es');
    expect(es.status).toBe(500);
    expect(es.body.error.message).toMatch(/no se guardó nada/);
    expect(es.body.error.message).not.toMatch(/registrado/);
    expect(JSON.stringify(es.body)).not.toMatch(/boom/);
  });
});
