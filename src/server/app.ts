import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { startAuditSealer } from './audit/audit.seal-schedule';
import { createApiTokenService } from './auth/api-token.service';
import { createAuthService } from './auth/auth.service';
import { registerAuthRoutes } from './auth/auth.routes';
import type { Deps } from './deps';
import { createAuthenticateHook } from './http/auth.hooks';
import { handleError, handleNotFound } from './http/error-handler';
import { refuseUnstorableInput, useDepthLimitedJsonParser } from './http/input-guard';
import { markNoStore } from './http/no-store';
import { staticFileOptions } from './http/static-files';
import type { App } from './http/types';
import { startHousekeeping } from './ops/housekeeping';
import { registerOpsRoutes } from './ops/ops.routes';
import { retainRenderPool } from './render/render.pool';
import { registerFeatureRoutes } from './routes';
import { appVersion } from './version';

export interface AppOptions {
  logger?: boolean | object;
  /** Serve the built web app from config.webDir when it exists (off in API tests). */
  serveWeb?: boolean;
}

function decodeURIComponentSafe(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/**
 * Request logs name the route pattern, never the concrete URL: query strings can carry names or
 * document numbers (person search), and identifying data must never reach a log.
 */
function withSafeSerializers(logger: boolean | object): object {
  const base = typeof logger === 'object' ? logger : {};
  return {
    ...base,
    serializers: {
      req: (req: { method: string; url: string; id: string; routeOptions?: { url?: string } }) => ({
        id: req.id,
        method: req.method,
        route: req.routeOptions?.url ?? req.url.split('?')[0],
      }),
    },
  };
}

/** Builds the HTTP application from its dependencies; no side effects beyond the instance itself. */
export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ? withSafeSerializers(options.logger) : false,
    genReqId: () => randomUUID(),
    bodyLimit: 5 * 1024 * 1024,
    // X-Forwarded-For is believed only from the proxies named in RETA_TRUST_PROXY: otherwise any client
    // could pick its own address for the rate limit, the sign-in throttle and the audit log.
    trustProxy: deps.config.trustProxy.length > 0 ? deps.config.trustProxy : false,
    // Router failures (malformed %-encoding, over-long parameters) answer in the API's own error shape.
    frameworkErrors: handleError,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  useDepthLimitedJsonParser(app);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
      },
    },
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'RETA API', description: 'Registry and statistics of trafficking in persons', version: appVersion },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'reta_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const auth = createAuthService(deps);
  const tokens = createApiTokenService(deps);
  const authenticate = createAuthenticateHook(auth, tokens);
  app.addHook('onRequest', async (req, reply) => {
    // Decide on the matched route, not the raw URL: `/%61pi/v1/…` routes to the same handler.
    const route = req.routeOptions.url ?? decodeURIComponentSafe(req.url);
    if (route.startsWith('/api/v1/')) await authenticate(req, reply);
  });

  app.addHook('preValidation', refuseUnstorableInput);
  app.addHook('onSend', markNoStore);

  app.get('/api/health', { config: { public: true }, schema: { tags: ['system'] } }, async () => ({
    status: 'ok',
    database: deps.database.kind,
    version: appVersion,
  }));

  // Chains the audit entries requests append (unsealed) shortly after they commit; stopped with the app.
  const sealer = startAuditSealer(deps.db, {}, (error) => app.log.error({ err: error }, 'audit entries not sealed'));
  app.addHook('onClose', () => sealer.stop());
  const stopHousekeeping = startHousekeeping(deps, auth, (error) => app.log.error({ err: error }, 'housekeeping failed'));
  app.addHook('onClose', async () => stopHousekeeping());
  // Report files and printouts are built on render worker threads, started on first use; ended with the server.
  const releaseRenderPool = retainRenderPool();
  app.addHook('onClose', () => releaseRenderPool());

  registerOpsRoutes(app, deps);
  registerAuthRoutes(app, deps, auth);
  registerFeatureRoutes(app, deps, { tokens });

  if (options.serveWeb !== false && existsSync(join(deps.config.webDir, 'index.html'))) {
    await app.register(fastifyStatic, staticFileOptions(deps.config.webDir));
    // The SPA's own routes (/cases/…) all load index.html; unknown /api paths stay 404 JSON, and so does a
    // missing build file (/assets/…): answering it with index.html would let a cache keep a page as a script.
    app.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/') || req.url.startsWith('/assets/') || req.method !== 'GET') return handleNotFound(req, reply);
      return reply.sendFile('index.html');
    });
  } else {
    // Fastify accepts one root not-found handler: the JSON one unless the SPA fallback above took its place.
    app.setNotFoundHandler(handleNotFound);
  }
  return app;
}
