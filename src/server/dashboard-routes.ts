import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Paths that belong to the API: never answered with the dashboard (an unknown one stays a JSON 404). */
const API_PREFIXES = ['/v1', '/health', '/docs', '/openapi.json'];

function isApiPath(path: string): boolean {
  return API_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`) || path.startsWith(`${p}?`));
}

/** Vite's content-hashed bundle files: safe to cache for a year. */
const HASHED_PREFIX = '/assets/';

/**
 * Serves the dashboard's production build (`npm run build:web` → web/dist) at `/` (issue 7): the files of
 * `distDir`, and index.html for every other GET that is not the API's, so that the single-page app's own
 * paths (/symbol/SPY, /crypto/BTC, …) load on a reload or a shared link. /v1, /health, /docs and
 * /openapi.json are never shadowed: their routes are more specific, and an unknown /v1 path still gets the
 * API's JSON 404. Bundle files (`/assets/…`, content-hashed) are cached for a year; index.html is revalidated
 * on every load so a rebuilt dashboard is picked up. The pages hold no data (they read it from /v1), so these
 * routes are public: no API key and no rate limit.
 *
 * Register after buildServer() and before listen(); throws when `distDir` has no index.html (build first).
 */
export async function registerDashboard(app: FastifyInstance, distDir: string): Promise<void> {
  const root = resolve(distDir);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`dashboard: ${join(root, 'index.html')} is missing; build the dashboard first (npm run build:web)`);
  }
  await app.register(fastifyStatic, { root, serve: false, index: false, dotfiles: 'deny' });
  const rootFiles = new Set(readdirSync(root).filter((f) => statSync(join(root, f)).isFile()));

  const page = (reply: FastifyReply) => reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (isApiPath(path)) return reply.callNotFound();
    if (path.startsWith(HASHED_PREFIX)) return reply.sendFile(path.slice(1), { maxAge: 365 * 24 * 3600 * 1000, immutable: true });
    const name = path.slice(1);
    if (name !== 'index.html' && rootFiles.has(name)) return reply.sendFile(name, { maxAge: 3600 * 1000 });
    return page(reply);
  };
  const options = { config: { public: true, rateLimit: false as const }, schema: { hide: true } };
  app.get('/', options, handler);
  app.get('/*', options, handler);
}
