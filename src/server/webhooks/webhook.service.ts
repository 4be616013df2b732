import { randomBytes, randomUUID } from 'node:crypto';
import { afterFailure } from '../../core/changes/backoff';
import { decodeCursor, encodeCursor } from '../../core/changes/feed';
import type { WebhookCreate, WebhookDeliveryView, WebhookView } from '../../contracts/webhooks';
import { webhooks } from '../../db/schema';
import { writeAudit } from '../audit/audit.writer';
import { loadActor } from '../auth/actor';
import { feedHead } from '../changes/change.repository';
import { createChangeService } from '../changes/change.service';
import { isSystemActor, type Ctx } from '../context';
import type { Deps } from '../deps';
import { conflict, notFound, ruleRefused } from '../errors/app-error';
import {
  claimDueWebhooks, findWebhook, listDeliveries, listWebhooks, recordDelivery, setWebhookActive, settleWebhook, tokenOf, type WebhookRow,
} from './webhook.repository';
import { signatureOf } from './webhook.signature';

const BATCH = 100;
const LEASE_SECONDS = 120;
const TIMEOUT_MS = 10_000;

const present = (row: WebhookRow, tokenName: string): WebhookView => ({
  id: row.id,
  version: row.version,
  tokenId: row.tokenId,
  tokenName,
  url: row.url,
  active: row.active,
  consecutiveFailures: row.consecutiveFailures,
  nextAttemptAt: row.nextAttemptAt.toISOString(),
  disabledAt: row.disabledAt?.toISOString() ?? null,
  cursor: encodeCursor({ seq: Number(row.cursorSeq), id: Number(row.cursorId) }),
  createdAt: row.createdAt.toISOString(),
});

type Outcome = { ok: true; statusCode: number } | { ok: false; statusCode: number | null; error: string };

/** One POST; never follows redirects (a redirect is a failure), never reads more than the status. */
async function post(url: string, body: string, headers: Record<string, string>): Promise<Outcome> {
  try {
    const response = await fetch(url, { method: 'POST', body, headers, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
    await response.body?.cancel();
    return response.status >= 200 && response.status < 300 ? { ok: true, statusCode: response.status } : { ok: false, statusCode: response.status, error: 'http_status' };
  } catch (error) {
    return { ok: false, statusCode: null, error: (error as Error).name === 'TimeoutError' ? 'timeout' : 'network' };
  }
}

/**
 * Webhooks per API token: the token's own view of the change feed (the same policy decides), pushed in
 * batches, signed with HMAC-SHA256, retried with exponential backoff, disabled after
 * `webhookMaxFailures` consecutive failures. Delivery is at least once: a receiver dedupes on the
 * change (entity, id, version) or on X-Reta-Delivery.
 */
export function createWebhookService(deps: Deps) {
  const { db, cipher, config } = deps;
  const changes = createChangeService(deps);

  async function create(ctx: Ctx, tokenId: string, input: WebhookCreate) {
    const token = await tokenOf(db, tokenId);
    if (!token) throw notFound('api_token');
    if (token.revokedAt) throw ruleRefused('webhook.token_revoked');
    const secret = randomBytes(32).toString('base64url');
    return db.transaction(async (tx) => {
      // A new webhook starts at the head of the feed: it announces what changes from now on.
      const head = await feedHead(tx);
      const [row] = await tx
        .insert(webhooks)
        .values({ tokenId, url: input.url, secretEnc: cipher.encrypt(secret), cursorSeq: head.seq, cursorId: head.id, createdBy: isSystemActor(ctx.actor) ? null : ctx.actor.userId })
        .returning();
      await writeAudit(tx, ctx, { action: 'webhook.create', entityType: 'webhook', entityId: row!.id, details: { tokenId, host: new URL(input.url).host } });
      return { ...present(row!, token.name), secret };
    });
  }

  async function list(): Promise<WebhookView[]> {
    return (await listWebhooks(db)).map((r) => present(r.webhook, r.tokenName));
  }

  async function deliveries(id: string): Promise<WebhookDeliveryView[]> {
    if (!(await findWebhook(db, id))) throw notFound('webhook');
    return (await listDeliveries(db, id, 50)).map((d) => ({ ...d, attemptedAt: d.attemptedAt.toISOString() }));
  }

  async function setActive(ctx: Ctx, id: string, version: number, active: boolean): Promise<WebhookView> {
    return db.transaction(async (tx) => {
      const found = await findWebhook(tx, id);
      if (!found) throw notFound('webhook');
      const row = await setWebhookActive(tx, id, version, active, new Date());
      if (!row) throw conflict('record.stale_version');
      await writeAudit(tx, ctx, { action: active ? 'webhook.enable' : 'webhook.disable', entityType: 'webhook', entityId: id });
      return present(row, found.tokenName);
    });
  }

  /** One round for one claimed webhook: deliver the next batch, or move past changes out of its scope. */
  async function deliverOne(id: string, now: Date): Promise<void> {
    const found = await findWebhook(db, id);
    if (!found) return;
    const hook = found.webhook;
    const token = await tokenOf(db, hook.tokenId);
    const actor = token && !token.revokedAt ? await loadActor(db, token.userId) : undefined;
    if (!actor) {
      await settleWebhook(db, id, { active: false, disabledAt: now });
      await recordDelivery(db, { webhookId: id, attemptedAt: now, attempt: 0, changes: 0, ok: false, statusCode: null, error: 'token_revoked', durationMs: 0 });
      return;
    }
    const after = decodeCursor(encodeCursor({ seq: Number(hook.cursorSeq), id: Number(hook.cursorId) }))!;
    const page = await changes.page({ ...actor, tokenId: hook.tokenId }, after, BATCH);
    const next = decodeCursor(page.nextCursor)!;
    if (page.items.length === 0) {
      await settleWebhook(db, id, { cursorSeq: next.seq, cursorId: next.id });
      return;
    }
    const deliveryId = randomUUID();
    const body = JSON.stringify({ webhookId: id, deliveryId, items: page.items, nextCursor: page.nextCursor, hasMore: page.hasMore });
    const timestamp = Math.floor(now.getTime() / 1000);
    const started = performance.now();
    const outcome = await post(hook.url, body, {
      'content-type': 'application/json',
      'user-agent': 'RETA-webhooks',
      'x-reta-delivery': deliveryId,
      'x-reta-timestamp': String(timestamp),
      'x-reta-signature': signatureOf(cipher.decrypt(hook.secretEnc), timestamp, body),
    });
    const durationMs = Math.round(performance.now() - started);
    const attempt = hook.consecutiveFailures + 1;
    await db.transaction(async (tx) => {
      if (outcome.ok) {
        await settleWebhook(tx, id, { cursorSeq: next.seq, cursorId: next.id, consecutiveFailures: 0, nextAttemptAt: now });
        await recordDelivery(tx, { id: deliveryId, webhookId: id, attemptedAt: now, attempt, changes: page.items.length, ok: true, statusCode: outcome.statusCode, error: null, durationMs });
        return;
      }
      const decision = afterFailure(attempt, config.webhookMaxFailures);
      await settleWebhook(
        tx,
        id,
        decision.disable ? { consecutiveFailures: attempt, active: false, disabledAt: now } : { consecutiveFailures: attempt, nextAttemptAt: new Date(now.getTime() + decision.retryInSeconds * 1000) },
      );
      await recordDelivery(tx, { id: deliveryId, webhookId: id, attemptedAt: now, attempt, changes: page.items.length, ok: false, statusCode: outcome.statusCode, error: outcome.error, durationMs });
    });
  }

  /** A delivery round: every due webhook, one batch each. Returns how many were handled. */
  async function deliverDue(now = new Date()): Promise<number> {
    const ids = await claimDueWebhooks(db, now, LEASE_SECONDS, 20);
    for (const id of ids) await deliverOne(id, now);
    return ids.length;
  }

  return { create, list, deliveries, setActive, deliverDue };
}

export type WebhookService = ReturnType<typeof createWebhookService>;
