import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Permission } from '../../core/permissions';
import { formatAccessReason, parseAccessReason } from '../../core/access-reason';
import { localeFromHeader } from '../../i18n/translate';
import type { ApiTokenService } from '../auth/api-token.service';
import type { AuthService } from '../auth/auth.service';
import { AppError, forbidden, unauthenticated } from '../errors/app-error';
import { safeEqual } from '../auth/tokens';

export const SESSION_COOKIE = 'reta_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Routes a signed-in user may use while their password must still be changed. */
const PASSWORD_CHANGE_ROUTES = new Set(['/api/v1/auth/me', '/api/v1/auth/logout', '/api/v1/auth/password']);
/** …and while a second factor their role requires is not yet enrolled. */
const ENROLMENT_ROUTES = new Set([
  ...PASSWORD_CHANGE_ROUTES,
  '/api/v1/auth/second-factor',
  '/api/v1/auth/second-factor/enrolment',
  '/api/v1/auth/second-factor/enrolment/confirm',
]);

/**
 * Resolves the actor for every non-public /api/v1 route: a bearer token, else the session cookie
 * (with the CSRF header on writes). Nothing is reachable without one: deny by default.
 */
export function createAuthenticateHook(auth: AuthService, tokens: ApiTokenService) {
  return async function authenticate(req: FastifyRequest, _reply: FastifyReply) {
    const locale = localeFromHeader(req.headers['accept-language']);
    if (req.routeOptions.config?.public) return;
    // The reason is checked once the caller is known: an anonymous request learns nothing but 401.
    const base = () => ({
      requestId: req.id, ip: req.ip, locale, accessReason: readAccessReason(req.headers['x-access-reason']), idempotencyKey: readIdempotencyKey(req.headers['idempotency-key']),
    });
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const actor = await tokens.resolve(header.slice(7).trim());
      if (!actor) throw unauthenticated();
      req.ctx = { ...base(), actor };
      return;
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (!cookie) throw unauthenticated();
    const session = await auth.resolveSession(cookie);
    if (!session) throw unauthenticated();
    if ('expired' in session) throw unauthenticated('auth.session_expired');
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken)) throw new AppError('auth.csrf_invalid', 403);
    }
    if (session.actor.mustChangePassword && !PASSWORD_CHANGE_ROUTES.has(req.routeOptions.url ?? '')) {
      req.ctx = { requestId: req.id, ip: req.ip, locale, actor: session.actor, csrfToken: session.csrfToken };
      throw new AppError('auth.password_change_required', 403);
    }
    if (session.mustEnrolSecondFactor && !ENROLMENT_ROUTES.has(req.routeOptions.url ?? '')) {
      req.ctx = { requestId: req.id, ip: req.ip, locale, actor: session.actor, csrfToken: session.csrfToken };
      throw new AppError('auth.second_factor_required', 403);
    }
    req.ctx = { ...base(), actor: session.actor, csrfToken: session.csrfToken };
  };
}

/**
 * Idempotency-Key: 8–128 letters, digits, `-` or `_` (the web app sends a UUID). Anything else is 400, so a
 * malformed key is never silently taken for none (which would let a retry create a duplicate).
 */
function readIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !/^[A-Za-z0-9_-]{8,128}$/.test(header)) {
    throw new AppError('idempotency.key_invalid', 400, undefined, { 'Idempotency-Key': 'idempotency.key_invalid' });
  }
  return header;
}

/**
 * X-Access-Reason: `code` or `code: text` from the list in src/core (percent-encoded when not ASCII, as the web
 * app sends it). Absent → no reason; present but not a listed code (or `other` without a description) → 400,
 * so a wrong reason is never silently taken for none. The canonical form is what the audit log records.
 */
function readAccessReason(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const raw = Array.isArray(header) ? header.join(',') : header;
  let value = raw;
  try {
    value = decodeURIComponent(raw);
  } catch {
    /* not percent-encoded: read as sent */
  }
  const reason = parseAccessReason(value);
  if (typeof reason === 'string') throw new AppError('access_reason.invalid', 400, undefined, { 'X-Access-Reason': 'access_reason.invalid' });
  return formatAccessReason(reason);
}

/** A preValidation hook that refuses (403) unless the actor holds every permission named: permissions are
 * checked before the body is validated, so a role without the permission learns nothing from field errors. */
export function requirePermission(...needed: Permission[]) {
  return async function checkPermission(req: FastifyRequest) {
    if (!req.ctx) throw unauthenticated();
    for (const permission of needed) if (!req.ctx.actor.permissions.has(permission)) throw forbidden();
  };
}

/** A preValidation hook that refuses (403) unless the actor holds at least one of the permissions named. */
export function requireAnyPermission(...options: Permission[]) {
  return async function checkAnyPermission(req: FastifyRequest) {
    if (!req.ctx) throw unauthenticated();
    if (!options.some((p) => req.ctx.actor.permissions.has(p))) throw forbidden();
  };
}
