import i18next from 'i18next';

/** An error the API answered with (`{ error: { code, message, fields } }`), or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    /** Structured data of the refusal (e.g. both values of each field in a `record.field_conflict`). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

type Listener = (event: 'expired') => void;
const listeners = new Set<Listener>();
let csrfToken: string | null = null;

export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};
export const currentCsrfToken = () => csrfToken;
export const onSessionEvent = (listener: Listener) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

/**
 * Copies of records the user chose to keep on this device (src/web/offline/kept.ts): refreshed on every read
 * with a connection, answered from the device store when a read gets no answer.
 */
export interface OfflineReads {
  refresh(path: string, data: unknown): void;
  /** `reason`: the reason stated for reading identity, if any (the read is then reported at the next sync). */
  read(path: string, reason: string | undefined): Promise<unknown>;
}
let offlineReads: OfflineReads | null = null;
export const setOfflineReads = (reads: OfflineReads | null) => {
  offlineReads = reads;
};

export interface RequestOptions {
  /** Why identifying data is read; sent percent-encoded in X-Access-Reason and recorded by the server. */
  accessReason?: string;
  query?: Record<string, string | number | boolean | undefined | null | readonly string[]>;
  signal?: AbortSignal;
  /** Sent as Idempotency-Key on creates: the same key again answers with the record the first request made. */
  idempotencyKey?: string;
  /** A 401 on this call is expected (sign-in, session check) and must not raise the expiry message. */
  quiet401?: boolean;
}

export function queryString(query: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Who reads and why, on every request: the page's language and, when given, the access reason. */
function readerHeaders(options: RequestOptions): Record<string, string> {
  const headers: Record<string, string> = { 'Accept-Language': i18next.language || 'es' };
  if (options.accessReason) headers['X-Access-Reason'] = encodeURIComponent(options.accessReason);
  return headers;
}

async function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...readerHeaders(options) };
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(`${path}${queryString(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : isForm ? (body as FormData) : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (cause) {
    if ((cause as Error).name === 'AbortError') throw cause;
    if (method === 'GET' && offlineReads && !options.query) {
      const kept = await offlineReads.read(path, options.accessReason).catch(() => null);
      if (kept !== null && kept !== undefined) return kept as T;
    }
    throw new ApiError(0, 'network', 'network');
  }
  if (response.status === 204) return undefined as T;
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; fields?: Record<string, string>; details?: Record<string, unknown> } }).error ?? {};
    const failure = new ApiError(response.status, error.code ?? `http_${response.status}`, error.message ?? response.statusText, error.fields ?? {}, error.details);
    if (response.status === 401 && !options.quiet401) for (const listener of listeners) listener('expired');
    throw failure;
  }
  if (method === 'GET' && offlineReads && !options.query) offlineReads.refresh(path, data);
  return data as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body ?? {}, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
  /** Any method: the offline queue (src/web/offline/sync.ts) replays what it kept. */
  send: <T>(method: string, path: string, body: unknown, options?: RequestOptions) => request<T>(method, path, body, options),
};

/**
 * Downloads a file the server makes for this reader (a printable PDF…) with the same headers as any request
 * — the access reason included, which a plain link could not send — and hands it to the browser to save.
 */
export async function downloadFile(path: string, filename: string, options: RequestOptions = {}): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${path}${queryString(options.query)}`, { headers: readerHeaders(options), credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'network');
  }
  if (!response.ok) {
    const data = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
    throw new ApiError(response.status, data.error?.code ?? `http_${response.status}`, data.error?.message ?? response.statusText);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The request never got an answer (offline, server unreachable, connection cut): it may or may not have been saved. */
export const isNetworkError = (error: unknown) => error instanceof ApiError && error.code === 'network';

/** The message to show for an error: the catalogue's text for its code, else the server's own. */
const PLACEHOLDER = /\{\{\s*\w+\s*\}\}/;

/**
 * The message for a failed request, in the page's language. Catalogue messages with parameters
 * ("El artículo {{article}} …") are taken from the server's answer, which filled them in the language this
 * client asked for (Accept-Language): the code alone cannot fill them, and a placeholder must never reach
 * a person. Without a server message, the parameters are left out rather than shown raw.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'network') return i18next.t('common.network_error');
    const catalogue = i18next.t(error.code, { ns: 'errors', defaultValue: '' });
    if (catalogue && !PLACEHOLDER.test(catalogue)) return catalogue;
    if (error.message && !PLACEHOLDER.test(error.message)) return error.message;
    if (catalogue) return catalogue.replace(new RegExp(PLACEHOLDER.source, 'g'), '…');
    return i18next.t('common.unexpected_error');
  }
  return i18next.t('common.unexpected_error');
}
