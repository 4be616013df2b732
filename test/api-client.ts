import type { LightMyRequestResponse } from 'fastify';
import { parseAccessReason } from '../src/core/access-reason';
import type { App } from '../src/server/http/types';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Response<T = any> {
  status: number;
  body: T;
  headers: LightMyRequestResponse['headers'];
}

/** Talks to the app through `app.inject` as one signed-in user (cookie + CSRF), or anonymously. */
export class ApiClient {
  constructor(
    private readonly app: App,
    private readonly auth: { cookie?: string; csrfToken?: string; bearer?: string } = {},
    private readonly defaultHeaders: Record<string, string> = {},
  ) {}

  withHeaders(headers: Record<string, string>): ApiClient {
    return new ApiClient(this.app, this.auth, { ...this.defaultHeaders, ...headers });
  }

  /**
   * The same user stating a reason to read identifying data: a code of the list (`prosecution`,
   * `victim_services: hearing`), or a description in words, sent as `other: <description>`. Sent
   * percent-encoded, as the web app does. (To send a raw or invalid header use `withHeaders`.)
   */
  withReason(reason = 'case_follow_up'): ApiClient {
    const value = typeof parseAccessReason(reason) === 'string' ? `other: ${reason}` : reason;
    return this.withHeaders({ 'x-access-reason': encodeURIComponent(value) });
  }

  async request<T = any>(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response<T>> {
    const all: Record<string, string> = { 'accept-language': 'en', ...this.defaultHeaders, ...headers };
    if (this.auth.cookie) all.cookie = this.auth.cookie;
    if (this.auth.csrfToken && method !== 'GET') all['x-csrf-token'] = this.auth.csrfToken;
    if (this.auth.bearer) all.authorization = `Bearer ${this.auth.bearer}`;
    const response = await this.app.inject({ method, url, headers: all, ...(body === undefined ? {} : { payload: body as object }) });
    const text = response.body;
    let parsed: unknown = text;
    if ((response.headers['content-type'] ?? '').toString().includes('json') && text) parsed = JSON.parse(text);
    return { status: response.statusCode, body: parsed as T, headers: response.headers };
  }

  get<T = any>(url: string, headers?: Record<string, string>) {
    return this.request<T>('GET', url, undefined, headers);
  }
  post<T = any>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', url, body ?? {}, headers);
  }
  patch<T = any>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', url, body ?? {}, headers);
  }
  put<T = any>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PUT', url, body ?? {}, headers);
  }
  delete<T = any>(url: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', url, undefined, headers);
  }
}

export async function loginAs(app: App, username: string, password: string): Promise<ApiClient> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`login of ${username} failed: ${response.statusCode} ${response.body}`);
  const setCookie = response.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie[0] : setCookie)!.split(';')[0]!;
  return new ApiClient(app, { cookie, csrfToken: JSON.parse(response.body).csrfToken });
}

export const anonymous = (app: App) => new ApiClient(app);
export const withBearer = (app: App, token: string) => new ApiClient(app, { bearer: token });
