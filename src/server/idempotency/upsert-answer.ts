import { AppError } from '../errors/app-error';
import type { UpsertResult } from './upsert-by-external-id';

/** The HTTP answer of a PUT by external id: 201 created, 200 updated/unchanged, 409 `upsert.conflict` (edited in RETA since). */
export function answerUpsert<View extends { version: number }>(result: UpsertResult<View>, reply: { code(n: number): unknown }) {
  if (result.outcome === 'conflict') throw new AppError('upsert.conflict', 409, undefined, undefined, { version: result.view.version });
  reply.code(result.outcome === 'created' ? 201 : 200);
  return { outcome: result.outcome, record: result.view };
}
