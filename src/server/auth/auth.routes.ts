import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { deviceGrant, deviceStatusBody, loginBody, loginResponse, loginSession, meView, passwordChangeBody, secondFactorLoginBody } from '../../contracts/auth';
import { localeFromHeader } from '../../i18n/translate';
import type { Actor } from '../context';
import type { Deps } from '../deps';
import { SESSION_COOKIE } from '../http/auth.hooks';
import type { App } from '../http/types';
import type { AuthService, SessionOpened } from './auth.service';
import { createDeviceKeys } from './device-key';
import { registerSecondFactorRoutes } from './second-factor.routes';

const baseOf = (req: FastifyRequest) => ({ requestId: req.id, ip: req.ip, locale: localeFromHeader(req.headers['accept-language']) });

export function presentMe(actor: Actor, mustEnrolSecondFactor = false) {
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
    mustEnrolSecondFactor,
  };
}

export function registerAuthRoutes(app: App, deps: Deps, auth: AuthService) {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: deps.config.secureCookies,
  };

  // The same limit per source address on both sign-in steps; the database throttle (per account and per
  // source, see login-throttle.ts) is what holds across restarts and processes.
  const signInLimit = { max: 20, timeWindow: '1 minute' };
  const devices = createDeviceKeys(deps);
  const sessionReply = async (reply: FastifyReply, opened: SessionOpened) => {
    reply.setCookie(SESSION_COOKIE, opened.sessionToken, { ...cookieOptions, maxAge: deps.config.sessionAbsoluteHours * 3600 });
    return { user: presentMe(opened.actor, await auth.secondFactors.mustEnrol(opened.actor)), csrfToken: opened.csrfToken, device: devices.issue(opened.actor.userId) };
  };

  app.post(
    '/api/v1/auth/login',
    {
      config: { public: true, rateLimit: signInLimit },
      schema: { tags: ['auth'], body: loginBody, response: { 200: loginResponse } },
    },
    async (req, reply) => {
      const result = await auth.login(baseOf(req), req.body.username, req.body.password, req.headers['user-agent']);
      if (result.kind === 'second_factor') return { secondFactorRequired: true as const, challengeToken: result.challengeToken };
      return sessionReply(reply, result);
    },
  );

  app.post(
    '/api/v1/auth/login/second-factor',
    {
      config: { public: true, rateLimit: signInLimit },
      schema: { tags: ['auth'], body: secondFactorLoginBody, response: { 200: loginSession } },
    },
    async (req, reply) => {
      const { challengeToken, code, recoveryCode } = req.body;
      const proof = code !== undefined ? { code } : { recoveryCode: recoveryCode! };
      return sessionReply(reply, await auth.completeSecondFactor(baseOf(req), challengeToken, proof, req.headers['user-agent']));
    },
  );

  app.post('/api/v1/auth/logout', { schema: { tags: ['auth'], response: { 204: z.null() } } }, async (req, reply) => {
    await auth.logout(req.ctx);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  app.get('/api/v1/auth/me', { schema: { tags: ['auth'], response: { 200: z.object({ user: meView, csrfToken: z.string().nullable(), device: deviceGrant.nullable() }) } } }, async (req) => ({
    user: presentMe(req.ctx.actor, await auth.secondFactors.mustEnrol(req.ctx.actor)),
    csrfToken: req.ctx.csrfToken ?? null,
    // Only a browser session gets a device grant: an integration's bearer token keeps nothing offline.
    device: req.ctx.actor.sessionId ? devices.issue(req.ctx.actor.userId) : null,
  }));

  // Asked by a device that has offline data and no session any more: must it wipe (README "Offline work")?
  app.post(
    '/api/v1/auth/device-status',
    { config: { public: true, rateLimit: signInLimit }, schema: { tags: ['auth'], body: deviceStatusBody, response: { 200: z.object({ wipe: z.boolean() }) } } },
    async (req) => ({ wipe: await devices.mustWipe(req.body.token) }),
  );

  app.post('/api/v1/auth/password', { schema: { tags: ['auth'], body: passwordChangeBody, response: { 204: z.null() } } }, async (req, reply) => {
    await auth.changePassword(req.ctx, req.body.currentPassword, req.body.newPassword);
    return reply.code(204).send(null);
  });

  registerSecondFactorRoutes(app, auth.secondFactors);
}
