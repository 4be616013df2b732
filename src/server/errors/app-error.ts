/**
 * A failure with a stable code the API returns and the UI translates. The message is a fallback in
 * English for logs and API users; the catalogue text for `errors.<code>` is what people read.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message?: string,
    readonly fields?: Record<string, string>,
    readonly params?: Record<string, string | number>,
    /** Structured data the client needs to act on the error (e.g. both values of a field conflict). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message ?? code);
    this.name = 'AppError';
  }
}

export const notFound = (entity: string) => new AppError(`${entity}.not_found`, 404);
export const forbidden = () => new AppError('auth.forbidden', 403);
export const unauthenticated = (code = 'auth.unauthenticated') => new AppError(code, 401);
export const staleVersion = () => new AppError('record.stale_version', 409);
export const conflict = (code: string, params?: Record<string, string | number>) =>
  new AppError(code, 409, undefined, undefined, params);
export const ruleRefused = (code: string, params?: Record<string, string | number>, fields?: Record<string, string>) =>
  new AppError(code, 422, undefined, fields, params);
export const invalid = (fields: Record<string, string>, code = 'validation.failed') =>
  new AppError(code, 400, undefined, fields);
