import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from './api-error.ts';
import { rawQuery } from './error-handler.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Served without an API key and outside the rate limit (health, docs, the OpenAPI document). */
    public?: boolean;
  }
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** The key a request carries: the `X-Api-Key` header (FlashAlpha's SDK sends it), else the `apiKey` query parameter. */
export function requestApiKey(request: FastifyRequest): string | null {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header !== '') return header;
  return rawQuery(request).get('apiKey');
}

/** Health, the docs and the OpenAPI document: served to anyone, never counted by the rate limit. */
export function isPublicRequest(request: FastifyRequest): boolean {
  return request.routeOptions.config?.public === true || request.url === '/docs' || request.url.startsWith('/docs/');
}

/**
 * Optional API keys: with none configured every request is served (local use). With keys, a non-public route
 * needs one of them: 401 `missing_api_key` without a key, 403 `invalid_api_key` with another. Keys are compared
 * as SHA-256 digests in constant time, so the comparison does not leak how much of a key was right.
 */
export function installApiKeys(app: FastifyInstance, keys: readonly string[]): void {
  if (keys.length === 0) return;
  const accepted = keys.map(digest);
  app.addHook('onRequest', async (request) => {
    if (isPublicRequest(request)) return;
    const key = requestApiKey(request);
    if (key === null || key === '') throw new ApiError(401, 'missing_api_key', 'this server needs an API key: send it in the X-Api-Key header (or the apiKey query parameter)');
    const d = digest(key);
    let ok = false;
    for (const a of accepted) if (timingSafeEqual(a, d)) ok = true;
    if (!ok) throw new ApiError(403, 'invalid_api_key', 'the API key is not one this server accepts');
  });
}
