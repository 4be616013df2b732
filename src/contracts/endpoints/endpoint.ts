import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * One API operation as both sides see it: the server registers its route from it (validation, OpenAPI,
 * response serialisation) and the web client calls it with types inferred from the same schemas, so a
 * page never writes a path or asserts the shape of an answer (`api.get<…>('/api/v1/…')`).
 */
export interface Endpoint {
  method: HttpMethod;
  /** Fastify's path syntax: `/api/v1/cases/:id`. */
  path: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** By status code, as Fastify's `schema.response` takes it (`{ 200: view, 201: view }`, `{ 204: z.null() }`). */
  responses: Partial<Record<200 | 201 | 204, z.ZodType>>;
}

/** Keeps the literal types of an endpoint (method, path, schemas) for both sides' inference. */
export const endpoint = <const E extends Endpoint>(definition: E): E => definition;

type Schema<E, K extends 'params' | 'query' | 'body'> = E extends { [P in K]: infer S extends z.ZodType } ? S : undefined;

/** What the handler receives, already parsed (defaults applied, coerced). */
export type ParsedParams<E extends Endpoint> = Schema<E, 'params'> extends z.ZodType ? z.output<Schema<E, 'params'>> : Record<string, never>;
export type ParsedQuery<E extends Endpoint> = Schema<E, 'query'> extends z.ZodType ? z.output<Schema<E, 'query'>> : Record<string, never>;
export type ParsedBody<E extends Endpoint> = Schema<E, 'body'> extends z.ZodType ? z.output<Schema<E, 'body'>> : undefined;

/** What a client sends (before the server's parsing: optional defaults, strings for numbers in a query). */
export type ParamsInput<E extends Endpoint> = Schema<E, 'params'> extends z.ZodType ? z.input<Schema<E, 'params'>> : never;
export type QueryInput<E extends Endpoint> = Schema<E, 'query'> extends z.ZodType ? z.input<Schema<E, 'query'>> : never;
export type BodyInput<E extends Endpoint> = Schema<E, 'body'> extends z.ZodType ? z.input<Schema<E, 'body'>> : never;

/** The answer's body as JSON delivers it: any of the endpoint's success responses. */
export type ResponseOf<E extends Endpoint> = { [S in keyof E['responses']]: E['responses'][S] extends z.ZodType ? z.output<E['responses'][S]> : never }[keyof E['responses']];
/** What a handler may return (the serialiser's input). */
export type HandlerResult<E extends Endpoint> = { [S in keyof E['responses']]: E['responses'][S] extends z.ZodType ? z.input<E['responses'][S]> : never }[keyof E['responses']];

/** `/api/v1/cases/:id` with `{ id }` → `/api/v1/cases/<id>` (each value percent-encoded). */
export function fillPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '') throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}
