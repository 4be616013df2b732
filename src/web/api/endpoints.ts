import type { BodyInput, Endpoint, ParamsInput, QueryInput, ResponseOf } from '../../contracts/endpoints/endpoint';
import { fillPath } from '../../contracts/endpoints/endpoint';
import { endpoints } from '../../contracts/endpoints';
import { api as http, type RequestOptions } from './client';

type Has<E, K extends string> = E extends { [P in K]: unknown } ? true : false;

/**
 * The arguments of an endpoint's call, in a fixed order: path parameters, then the body, then the query
 * (optional when every filter is), then the request options (access reason, idempotency key…).
 */
export type CallArgs<E extends Endpoint> = [
  ...(Has<E, 'params'> extends true ? [params: ParamsInput<E>] : []),
  ...(Has<E, 'body'> extends true ? [body: BodyInput<E>] : []),
  ...(Has<E, 'query'> extends true ? [query?: QueryInput<E>] : []),
  options?: Omit<RequestOptions, 'query'>,
];
export type Call<E extends Endpoint> = (...args: CallArgs<E>) => Promise<ResponseOf<E>>;
export type Client<T> = { [K in keyof T]: T[K] extends Endpoint ? Call<T[K]> : Client<T[K]> };

const isEndpoint = (value: unknown): value is Endpoint => typeof value === 'object' && value !== null && 'method' in value && 'path' in value && 'responses' in value;

/** The call of one endpoint through the app's one request function (headers, CSRF, offline copies, errors). */
export function callEndpoint<E extends Endpoint>(endpoint: E): Call<E> {
  return ((...args: unknown[]) => {
    let i = 0;
    const params = endpoint.params ? (args[i++] as Record<string, unknown>) : undefined;
    const body = endpoint.body ? args[i++] : undefined;
    const query = endpoint.query ? (args[i++] as RequestOptions['query']) : undefined;
    const options = (args[i] as RequestOptions | undefined) ?? {};
    const path = fillPath(endpoint.path, params);
    // A POST without a body still sends `{}`: Fastify refuses an empty JSON body.
    const payload = endpoint.method === 'GET' || endpoint.method === 'DELETE' ? undefined : (body ?? {});
    return http.send(endpoint.method, path, payload, query ? { ...options, query } : options);
  }) as Call<E>;
}

/** A client with the shape of an endpoint table: `bindEndpoints({ cases: { list } })` → `client.cases.list(query)`. */
export function bindEndpoints<T extends object>(table: T): Client<T> {
  return Object.fromEntries(Object.entries(table).map(([name, value]) => [name, isEndpoint(value) ? callEndpoint(value) : bindEndpoints(value as object)])) as Client<T>;
}

/**
 * The typed API: `api.cases.list({ page: 2 })` answers `{ items, total, … }` as the contract declares it.
 * Operations not yet in the table still go through `api.get<T>(path)` (the same object, from ./client).
 */
export const api: typeof http & Client<typeof endpoints> = Object.assign({}, http, bindEndpoints(endpoints));
