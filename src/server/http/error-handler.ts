import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { localeFromHeader, translate, type Locale } from '../../i18n/translate';
import { isUniqueViolation } from '../db-errors';
import { AppError } from '../errors/app-error';
import { fieldsFromIssues } from './validation-messages';

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string>; requestId: string };
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

/** Every failure becomes `{ error: { code, message, fields? } }`; no stack trace ever leaves the server. */
export function handleError(error: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  const locale = req.ctx?.locale ?? localeFromHeader(req.headers['accept-language']);
  if (error instanceof AppError) {
    return reply.code(error.status).send(body(req, locale, error.code, error.params, translateFields(error.fields, locale)));
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
  if (status && status >= 400 && status < 500) {
    // Malformed JSON, wrong content type, empty body: the client's mistake, said plainly.
    return reply.code(400).send(body(req, locale, 'validation.failed', undefined, { _: error.message }));
  }
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
