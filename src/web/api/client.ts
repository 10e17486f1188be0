/**
 * The one way the web app talks to the server: JSON over fetch with the session cookie (HttpOnly, so never read
 * here), the CSRF token on every non-GET request, and errors turned into ApiError with the server's bilingual
 * message and per-field issues. Shared types come from src/shared only.
 */
import type { ApiErrorBody, Bilingual } from '../../shared/api-types.js';

export type ApiIssue = ApiErrorBody['error']['issues'][number];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly bilingual: Bilingual,
    readonly issues: readonly ApiIssue[],
    readonly requestId: string | null,
  ) {
    super(`${String(status)} ${code}: ${bilingual.en}`);
    this.name = 'ApiError';
  }
}

export const isApiError = (e: unknown, code?: string): e is ApiError =>
  e instanceof ApiError && (code === undefined || e.code === code);

const networkMessage: Bilingual = {
  ja: 'サーバーに接続できません。ネットワークを確認してから、もう一度お試しください。',
  en: 'Cannot reach the server. Check the network and try again.',
};
const httpMessage = (status: number): Bilingual => ({
  ja: `サーバーがエラーを返しました（HTTP ${String(status)}）。`,
  en: `The server answered with an error (HTTP ${String(status)}).`,
});

let csrfToken: string | null = null;
/** Remembered from the session (GET or POST /api/session); sent as x-csrf-token on every non-GET request. */
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The body's shape, checked field by field: a proxy or an older server may send something else. */
const parseErrorBody = (v: unknown): ApiErrorBody | null => {
  if (!isRecord(v) || !isRecord(v['error'])) return null;
  const { code, message, issues } = v['error'];
  if (typeof code !== 'string' || !isRecord(message)) return null;
  const { ja, en } = message;
  if (typeof ja !== 'string' || typeof en !== 'string') return null;
  const requestId = typeof v['requestId'] === 'string' ? v['requestId'] : '';
  return {
    error: { code, message: { ja, en }, issues: Array.isArray(issues) ? (issues as ApiIssue[]) : [] },
    requestId,
  };
};

/** Builds the ApiError for a failed response (the body may be ApiErrorBody, other JSON, HTML or empty). */
export const errorFromResponse = async (res: Response): Promise<ApiError> => {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  const parsed = parseErrorBody(body);
  if (parsed !== null) {
    const { code, message, issues } = parsed.error;
    return new ApiError(res.status, code, message, issues, parsed.requestId === '' ? null : parsed.requestId);
  }
  return new ApiError(
    res.status,
    `http${String(res.status)}`,
    httpMessage(res.status),
    [],
    res.headers.get('x-request-id'),
  );
};

export type Query = Record<string, string | number | boolean | null | undefined>;

export const withQuery = (path: string, query?: Query): string => {
  if (query === undefined) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs === '' ? path : `${path}?${qs}`;
};

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
  /** 'text' for answers that are not JSON (a signed checkpoint note). */
  responseType?: 'json' | 'text';
}

/** Fetches JSON (or nothing, for 204). Throws ApiError for every failure, including network errors. */
export const api = async <T>(path: string, options: RequestOptions = {}): Promise<T> => {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal !== undefined ? { signal: options.signal } : {}),
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', networkMessage, [], null);
  }
  if (!res.ok) throw await errorFromResponse(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  if (options.responseType === 'text') return text as T;
  return (text === '' ? undefined : JSON.parse(text)) as T;
};

/** A subject such as `unit:<id>` as one URL path segment. */
export const historyPath = (subject: string): string => `/api/records/${encodeURIComponent(subject)}/history`;
