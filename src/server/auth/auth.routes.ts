import { z } from 'zod';
import { loginBody, loginResponse, meView, passwordChangeBody } from '../../contracts/auth';
import { localeFromHeader } from '../../i18n/translate';
import type { Actor } from '../context';
import type { Deps } from '../deps';
import { SESSION_COOKIE } from '../http/auth.hooks';
import type { App } from '../http/types';
import type { AuthService } from './auth.service';

export function presentMe(actor: Actor) {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    institutionId: actor.institutionId,
    institutionKind: actor.institutionKind,
    unitId: actor.unitId,
    roles: actor.roles,
    permissions: [...actor.permissions].sort(),
    scope: actor.scope,
    mustChangePassword: actor.mustChangePassword ?? false,
  };
}

export function registerAuthRoutes(app: App, deps: Deps, auth: AuthService) {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: deps.config.secureCookies,
  };

  app.post(
    '/api/v1/auth/login',
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], body: loginBody, response: { 200: loginResponse } },
    },
    async (req, reply) => {
      const base = { requestId: req.id, ip: req.ip, locale: localeFromHeader(req.headers['accept-language']) };
      const result = await auth.login(base, req.body.username, req.body.password, req.headers['user-agent']);
      reply.setCookie(SESSION_COOKIE, result.sessionToken, { ...cookieOptions, maxAge: deps.config.sessionAbsoluteHours * 3600 });
      return { user: presentMe(result.actor), csrfToken: result.csrfToken };
    },
  );

  app.post('/api/v1/auth/logout', { schema: { tags: ['auth'], response: { 204: z.null() } } }, async (req, reply) => {
    await auth.logout(req.ctx);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  app.get('/api/v1/auth/me', { schema: { tags: ['auth'], response: { 200: z.object({ user: meView, csrfToken: z.string().nullable() }) } } }, async (req) => ({
    user: presentMe(req.ctx.actor),
    csrfToken: req.ctx.csrfToken ?? null,
  }));

  app.post('/api/v1/auth/password', { schema: { tags: ['auth'], body: passwordChangeBody, response: { 204: z.null() } } }, async (req, reply) => {
    await auth.changePassword(req.ctx, req.body.currentPassword, req.body.newPassword);
    return reply.code(204).send(null);
  });
}
