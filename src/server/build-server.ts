import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { ApiError } from './api-error.ts';
import { installApiKeys, isPublicRequest, requestApiKey } from './api-keys.ts';
import { installErrorHandling } from './error-handler.ts';
import { registerExposureRoutes } from './exposure-routes.ts';
import { registerFlowRoutes } from './flow-routes.ts';
import { registerHealthRoutes, SERVICE } from './health-routes.ts';
import { InMemoryMarketData } from './in-memory-market-data.ts';
import { registerIngestRoutes } from './ingest-routes.ts';
import { LiveSignalEvents } from './live-signal-events.ts';
import { type LiveSink, memoryLiveSink } from './live-sink.ts';
import type { MarketData } from './market-data.ts';
import { registerPricingRoutes } from './pricing-routes.ts';
import { registerStreamRoutes } from './stream-routes.ts';
import type { SmiBarsData } from './smi-bars-data.ts';
import { registerSmiRoutes } from './smi-routes.ts';
import { ConvictionService } from './conviction-service.ts';
import { convictionEvent, registerConvictionRoutes } from './conviction-routes.ts';
import { registerDarkPoolRoutes } from './dark-pool-routes.ts';
import { registerBarsRoutes } from './bars-routes.ts';
import { registerCryptoRoutes } from './crypto-routes.ts';
import type { CryptoScoreData } from './crypto-score-data.ts';
import { EquityDarkPool } from './equity-dark-pool.ts';
import type { EquityData } from './dark-pool-source.ts';
import { liveFlowBooksOf } from './live-flow-books.ts';
import type { OptionTrade } from '../core/options-flow/option-trade.ts';
import { DEFAULT_SERVER_SETTINGS, type RateLimitSettings, type ServerSettings } from './server-settings.ts';

const serialize = (data: unknown): string => JSON.stringify(data);

/** Data beside the options tape, each optional: an endpoint whose source is absent answers 404. */
export interface ServerSources {
  /** Intraday bars for `GET /v1/smi/{symbol}`. */
  readonly smi?: SmiBarsData;
  /**
   * Equity prints: GET /v1/darkpool/{symbol}/levels and the dark pool evidence of the conviction leaderboard
   * (without: that endpoint answers 404 and the sub-score is left out of the rows).
   */
  readonly darkPool?: EquityData;
  /** Crypto metric series for GET /v1/crypto/smart-money-score/{asset}. */
  readonly crypto?: CryptoScoreData;
}

const NO_CRYPTO: CryptoScoreData = { assets: () => [], inputs: () => null };

function rateLimitKey(request: FastifyRequest): string {
  const key = requestApiKey(request);
  return key === null ? `ip:${request.ip}` : `key:${key}`;
}

async function installRateLimit(app: FastifyInstance, limit: RateLimitSettings): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max: limit.max,
    timeWindow: limit.windowMs,
    keyGenerator: rateLimitKey,
    allowList: isPublicRequest,
    errorResponseBuilder: (_request, ctx) => new ApiError(429, 'rate_limited',
      `more than ${ctx.max} requests in ${Math.round(limit.windowMs / 1000)} s; retry in ${ctx.after}`),
  });
}

const EMPTY_BARS: SmiBarsData = { symbols: () => [], bars: () => null };

/**
 * The HTTP API over `data` (docs/api.md): FlashAlpha-compatible flow, exposure and pricing endpoints, health,
 * /openapi.json and /docs, optional API keys and rate limit. Bodies are those of src/api, the CLI's, sent with
 * JSON.stringify (never re-shaped by a response schema), so the API and the commands give the same bytes.
 * The live feed (POST /v1/ingest/…, and GET /v1/stream/signals over it) appends to `live`: by default the
 * in-memory data itself when `data` is an InMemoryMarketData; pass storeLiveSink(store) for a store; null (the
 * default otherwise) = no live feed or stream routes.
 * `sources` adds the data that is not options prints or chains: intraday bars for the SMI, equity prints (dark
 * pool, bars, the leaderboard's dark pool evidence) and crypto metrics.
 * Returns the instance unstarted: `listen()` it, or `inject()` requests in tests.
 */
export async function buildServer(
  data: MarketData, settings: ServerSettings = DEFAULT_SERVER_SETTINGS,
  live: LiveSink | null = data instanceof InMemoryMarketData ? memoryLiveSink(data) : null,
  sources: ServerSources = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: settings.logRequests,
    http: { maxHeaderSize: settings.maxHeaderBytes },
    routerOptions: { ignoreTrailingSlash: true },
    // Unknown parameters are refused (400 naming them), not silently dropped; numbers arrive as strings.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: false, allErrors: false } },
  });
  app.setSerializerCompiler(() => serialize);
  installErrorHandling(app);
  installApiKeys(app, settings.apiKeys);
  if (settings.rateLimit !== null) await installRateLimit(app, settings.rateLimit);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'smart-money API',
        version: SERVICE.version,
        description: 'Self-hosted smart-money options analytics. Flow, exposure and pricing endpoints follow FlashAlpha\'s published API, so its SDKs work with a changed base URL. Every data endpoint takes ?at=ISO to answer for a past moment.',
      },
      components: { securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { config: { public: true, rateLimit: false }, schema: { hide: true } }, async () => app.swagger());
  registerHealthRoutes(app, data);
  registerFlowRoutes(app, data, settings);
  registerExposureRoutes(app, data, settings);
  registerPricingRoutes(app);
  registerSmiRoutes(app, sources.smi ?? EMPTY_BARS);
  // Equity prints: those given, else an empty book the live feed can fill (no prints = no dark pool sub-score).
  const equity: EquityData = sources.darkPool ?? new EquityDarkPool();
  const conviction = new ConvictionService(data, equity, settings);
  registerConvictionRoutes(app, conviction);
  registerDarkPoolRoutes(app, equity);
  registerBarsRoutes(app, equity);
  registerCryptoRoutes(app, sources.crypto ?? NO_CRYPTO);
  if (live !== null) {
    const events = new LiveSignalEvents(data, settings, settings.streamRingEvents, (symbol) => convictionEvent(conviction, symbol));
    registerIngestRoutes(app, live, settings.ingestMaxBytes, (kind, symbols, rows) => {
      if (kind === 'trades') liveFlowBooksOf(data).appended(rows as readonly OptionTrade[]);
      conviction.ingested(symbols);
      return events.ingested(symbols, kind !== 'equity');
    }, equity);
    registerStreamRoutes(app, events, settings.streamHeartbeatMs);
  }
  return app;
}
