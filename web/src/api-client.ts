import { apiKey } from './api-key.ts';
import type { ApiErrorBody } from './api-types.ts';

/** What a read of the API came to: the body, "this server has no such endpoint" (404 not_found), or an error. */
export type ApiResult<T> =
  | { readonly kind: 'ok'; readonly body: T }
  | { readonly kind: 'not_available'; readonly message: string }
  | { readonly kind: 'error'; readonly status: number; readonly code: string; readonly message: string };

function isErrorBody(x: unknown): x is ApiErrorBody {
  return typeof x === 'object' && x !== null && typeof (x as ApiErrorBody).error === 'string' && typeof (x as ApiErrorBody).message === 'string';
}

/** A path with its query; parameters that are undefined, null or '' are left out. */
export function apiPath(path: string, params: Readonly<Record<string, string | number | null | undefined>> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s === '' ? path : `${path}?${s}`;
}

/**
 * GET a JSON body from the same origin. The API's errors are JSON `{error, message}` (docs/api.md): a 404
 * `not_found` means the server does not have the endpoint (a feature not built or not configured), which pages
 * show as "not available on this server" rather than as a failure.
 */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<ApiResult<T>> {
  let res: Response;
  try {
    const key = apiKey();
    res = await fetch(path, { headers: key === null ? { accept: 'application/json' } : { accept: 'application/json', 'x-api-key': key }, signal });
  } catch (e) {
    if (signal?.aborted === true) throw e;
    return { kind: 'error', status: 0, code: 'network', message: `the server did not answer (${(e as Error).message})` };
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (res.ok) return { kind: 'ok', body: body as T };
  if (isErrorBody(body)) {
    if (res.status === 404 && body.error === 'not_found') return { kind: 'not_available', message: body.message };
    return { kind: 'error', status: res.status, code: body.error, message: body.message };
  }
  if (res.status === 404) return { kind: 'not_available', message: `no endpoint ${path.split('?')[0] ?? path}` };
  return { kind: 'error', status: res.status, code: 'http_error', message: `HTTP ${res.status} ${res.statusText}` };
}
