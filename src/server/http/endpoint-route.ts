import type { FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { Endpoint, HandlerResult, ParsedBody, ParsedParams, ParsedQuery } from '../../contracts/endpoints/endpoint';
import type { App } from './types';

/** The request of an endpoint's handler: params, query and body as its schemas parsed them. */
export type EndpointRequest<E extends Endpoint> = Omit<FastifyRequest, 'params' | 'query' | 'body'> & {
  params: ParsedParams<E>;
  query: ParsedQuery<E>;
  body: ParsedBody<E>;
};

export interface EndpointRouteOptions {
  tags: string[];
  /** The permission check (requirePermission…): before validation, so a role without it gets 403, not a 400. */
  preValidation?: RouteShorthandOptions['preValidation'];
  config?: RouteShorthandOptions['config'];
}

/**
 * Registers a route from the shared endpoint table (src/contracts/endpoints): method, path and every
 * schema come from the one description the web client is typed by, so the two cannot drift apart.
 * The handler returns the body (status 200) or sends through `reply` (201, 204).
 */
export function registerEndpoint<E extends Endpoint>(
  app: App,
  endpoint: E,
  options: EndpointRouteOptions,
  handler: (req: EndpointRequest<E>, reply: FastifyReply) => Promise<HandlerResult<E> | FastifyReply>,
) {
  const schema: Record<string, unknown> = { tags: options.tags, response: endpoint.responses };
  if (endpoint.params) schema.params = endpoint.params;
  if (endpoint.query) schema.querystring = endpoint.query;
  if (endpoint.body) schema.body = endpoint.body;
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    ...(options.preValidation ? { preValidation: options.preValidation } : {}),
    ...(options.config ? { config: options.config } : {}),
    schema,
    handler: (req, reply) => handler(req as unknown as EndpointRequest<E>, reply),
  });
}
