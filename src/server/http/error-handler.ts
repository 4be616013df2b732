import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { localeFromHeader, translate, type Locale } from '../../i18n/translate';
import { isUniqueViolation } from '../db-errors';
import { AppError } from '../errors/app-error';
import { fieldsFromIssues } from './validation-messages';

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string>; details?: Record<string, unknown>; requestId: string };
}

function body(req: FastifyRequest, locale: Locale, code: string, params?: Record<string, string | number>, fields?: Record<string, string>): ErrorBody {
  const message = translate(locale, 'errors', code, params) ?? translate(locale, 'errors', 'validation.failed')!;
  return { error: { code, message, ...(fields && Object.keys(fields).length ? { fields } : {}), requestId: req.id } };
}

function translateFields(fields: Record<string, string> | undefined, locale: Locale): Record<string, string> | undefined {
  if (!fields) return undefined;
  return Object.fromEntries(
    Object.entries(fields).map(([field, key]) => [field, translate(locale, 'validation', key) ?? translate(locale, 'errors', key) ?? key]),
  );
}

/**
 * Failures Fastify finds before a route runs (router, body parser), each with a code of our own: the documented
 * `{ error: { code, message } }` shape and a 4xx, never Fastify's default body and never a 500.
 */
const FRAMEWORK_ERRORS: Record<string, { status: number; code: string }> = {
  FST_ERR_BAD_URL: { status: 400, code: 'request.bad_url' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'request.url_too_long' },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, code: 'request.invalid' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'request.invalid_json' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'request.empty_body' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'request.unsupported_media_type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'request.invalid' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large' },
};

/**
 * The multipart parser (busboy, under @fastify/multipart) reports a body it cannot read — no boundary, cut
 * short, a boundary too long to search for — as plain errors without a code, thrown while a route reads its
 * parts. They are always about what the client sent: a 400, never a 500. Known by where they were raised.
 */
const raisedByBodyParser = (error: Error) => /[\\/]@fastify[\\/]busboy[\\/]/.test(error.stack ?? '');

/** Every failure becomes `{ error: { code, message, fields? } }`; no stack trace ever leaves the server. */
export function handleError(error: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  const locale = req.ctx?.locale ?? localeFromHeader(req.headers['accept-language']);
  // Also set here: router failures (frameworkErrors) never reach the onSend hook that marks API answers.
  reply.header('cache-control', 'no-store');
  if (error instanceof AppError) {
    const answer = body(req, locale, error.code, error.params, translateFields(error.fields, locale));
    if (error.details) answer.error.details = error.details;
    return reply.code(error.status).send(answer);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const prefix = (error as FastifyError).validationContext === 'body' ? undefined : (error as FastifyError).validationContext;
    const issues = error.validation.map((v) => ({
      ...v.params,
      code: v.keyword,
      message: v.message,
      path: v.instancePath.split('/').filter(Boolean),
    }));
    const fieldPrefix = prefix === 'querystring' || prefix === 'params' ? undefined : prefix;
    return reply.code(400).send(body(req, locale, 'validation.failed', undefined, fieldsFromIssues(issues as never, locale, fieldPrefix)));
  }
  if (error instanceof ZodError) {
    return reply.code(400).send(body(req, locale, 'validation.failed', undefined, fieldsFromIssues(error.issues, locale)));
  }
  const status = (error as FastifyError).statusCode;
  if (status === 429) return reply.code(429).send(body(req, locale, 'rate_limited'));
  if (status === 413) return reply.code(413).send(body(req, locale, 'payload_too_large'));
  const framework = FRAMEWORK_ERRORS[(error as FastifyError).code ?? ''];
  if (framework) return reply.code(framework.status).send(body(req, locale, framework.code));
  if (status && status >= 400 && status < 500) {
    // Any other mistake of the client that Fastify caught before the route: a 4xx in the documented shape.
    return reply.code(status).send(body(req, locale, 'request.invalid'));
  }
  if (raisedByBodyParser(error)) return reply.code(400).send(body(req, locale, 'request.invalid'));
  if (isUniqueViolation(error)) {
    // A duplicate the service did not foresee: its transaction rolled back, so say that nothing was saved
    // (a 409 the person can act on), and log it for the service to handle it by name.
    req.log.warn({ err: error }, 'unique violation not handled by its service');
    return reply.code(409).send(body(req, locale, 'record.duplicate'));
  }
  req.log.error({ err: error }, 'unhandled error');
  return reply.code(500).send(body(req, locale, 'internal'));
}

export function handleNotFound(req: FastifyRequest, reply: FastifyReply) {
  const locale = localeFromHeader(req.headers['accept-language']);
  return reply.code(404).send(body(req, locale, 'not_found'));
}
