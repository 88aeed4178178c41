import type { FastifyInstance } from 'fastify';
import type { MarketData } from './market-data.ts';
import { NoQuery } from './query-schemas.ts';
import { HealthBody } from './response-schemas.ts';

/** The service's name and version in /health. */
export const SERVICE = { name: 'smart-money', version: '0.1.0' } as const;

/**
 * `GET /health` (the path FlashAlpha's SDK calls) and `GET /v1/health`: 200 `{status: "ok", …}` while the server
 * can read its data. Public: never behind an API key or the rate limit (route config `public`).
 */
export function registerHealthRoutes(app: FastifyInstance, data: MarketData): void {
  for (const path of ['/health', '/v1/health']) {
    app.get(path, {
      config: { public: true, rateLimit: false },
      schema: { summary: 'Liveness: 200 while the server can read its data', tags: ['system'], querystring: NoQuery, response: { 200: HealthBody } },
    }, async () => ({
      status: 'ok' as const, service: SERVICE.name, version: SERVICE.version, symbols: (await data.symbols()).length,
    }));
  }
}
