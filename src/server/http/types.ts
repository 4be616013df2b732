import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Ctx } from '../context';

/** The Fastify instance every feature registers its routes on (zod-typed). */
export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook on every /api/v1 route that is not public. */
    ctx: Ctx;
  }
  interface FastifyContextConfig {
    /** Routes that need no signed-in actor (login, health, public statistics). */
    public?: boolean;
  }
}
