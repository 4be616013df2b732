import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Deps } from '../deps';
import { forbidden } from '../errors/app-error';
import type { App } from '../http/types';
import { countOpenJobs } from '../jobs/job.repository';
import { matchQueueLength } from '../matching/match-queue';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * `/metrics` is for the operator's scraper: with RETA_METRICS_TOKEN set, only with `Authorization: Bearer
 * <token>`; without it, only from a loopback connection (the socket's own address: X-Forwarded-For is never
 * believed here). Behind a reverse proxy on the same machine, set the token.
 */
function allowed(deps: Deps, req: FastifyRequest): boolean {
  const token = deps.config.metricsToken;
  if (token) {
    const sent = Buffer.from(/^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '');
    const wanted = Buffer.from(token);
    return sent.length === wanted.length && timingSafeEqual(sent, wanted);
  }
  return LOOPBACK.has(req.socket.remoteAddress ?? '');
}

/**
 * Prometheus metrics of this instance (its own registry, so several apps in one process never mix):
 * request latency by route pattern (never the concrete URL: it may carry identifying data), the database
 * pool (and the read replica's), the duplicate-matching queue, the background job queue, and Node's defaults (event-loop lag, heap, RSS, CPU).
 */
export function registerMetrics(app: App, deps: Deps): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  const latency = new Histogram({
    name: 'reta_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'reta_db_pool_connections',
    help: 'PostgreSQL pool clients by state (total, idle, waiting requests, max); absent on PGlite',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const stats = deps.database.poolStats?.();
      if (!stats) return;
      for (const [state, value] of Object.entries(stats)) this.set({ state }, value);
    },
  });
  new Gauge({
    name: 'reta_db_read_pool_connections',
    help: 'Read-replica pool clients by state (RETA_READ_DATABASE_URL); absent without a replica',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const stats = deps.database.readPoolStats?.();
      if (!stats) return;
      for (const [state, value] of Object.entries(stats)) this.set({ state }, value);
    },
  });
  new Gauge({
    name: 'reta_match_queue_length',
    help: 'Persons waiting for duplicate matching',
    registers: [registry],
    async collect() {
      this.set(await matchQueueLength(deps.db));
    },
  });

  new Gauge({
    name: 'reta_jobs',
    help: 'Background jobs (imports, reports, exports, demo) queued or running, by kind',
    labelNames: ['kind', 'status'],
    registers: [registry],
    async collect() {
      this.reset(); // a kind whose jobs all finished disappears instead of keeping its last count
      this.set({ kind: 'all', status: 'queued' }, 0);
      this.set({ kind: 'all', status: 'running' }, 0);
      for (const { kind, status, n } of await countOpenJobs(deps.db)) {
        this.set({ kind, status }, n);
        this.inc({ kind: 'all', status }, n);
      }
    },
  });

  app.addHook('onResponse', async (req: FastifyRequest, reply: FastifyReply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    latency.observe({ method: req.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (req, reply) => {
    if (!allowed(deps, req)) throw forbidden();
    return reply.header('content-type', registry.contentType).send(await registry.metrics());
  });
}
