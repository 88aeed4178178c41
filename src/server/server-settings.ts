import { type ChainAnalyticsSettings, DEFAULT_CHAIN_ANALYTICS_SETTINGS } from '../core/gamma-exposure/chain-analytics-settings.ts';
import { DEFAULT_FLOW_SETTINGS, type FlowSettings } from '../core/options-flow/flow-settings.ts';
import { type ConvictionSettings, DEFAULT_CONVICTION_SETTINGS } from '../core/conviction/conviction-settings.ts';

/** Requests allowed per client (API key, else IP address) in each window. */
export interface RateLimitSettings {
  readonly max: number;
  readonly windowMs: number;
}

/**
 * Everything the HTTP server can be told, with defaults for local use: no API keys, no rate limit, the engine's
 * default flow and chain settings (the CLI's defaults, so the API and the commands give the same bodies).
 */
export interface ServerSettings {
  /** Accepted API keys; empty = keys off (every request is served). */
  readonly apiKeys: readonly string[];
  /** Null = no rate limit (no X-RateLimit-* headers). */
  readonly rateLimit: RateLimitSettings | null;
  readonly flow: FlowSettings;
  readonly chain: ChainAnalyticsSettings;
  /** Smart Money Conviction weights and thresholds (seed 000; docs/methodology.md). */
  readonly conviction: ConvictionSettings;
  /** Fastify's request log on stdout (pino JSON lines). */
  readonly logRequests: boolean;
  /**
   * Largest request line and headers accepted, bytes. Node's default (16 KiB) would refuse a tilt call naming
   * 6,000 symbols (~30 KiB of query string); 256 KiB fits the 10,000 a call may name.
   */
  readonly maxHeaderBytes: number;
  /**
   * Flow reports kept for reuse by signals and summary (~50 KB each with a chain: its greeks index); 0 = none.
   * Reuse is exact: the key names the counts of prints and chain rows (market-flow-report.ts).
   */
  readonly reportCacheEntries: number;
  /** Tilt rows kept for reuse by /v1/flow/tilt (~2 KB each), at least the watchlist's size to help; 0 = none. */
  readonly tiltCacheEntries: number;
  /** Largest body POST /v1/ingest/… accepts, bytes; past it 413 and nothing of the body is kept. */
  readonly ingestMaxBytes: number;
  /** Events GET /v1/stream/signals keeps for clients resuming with Last-Event-ID (~1 KB each). */
  readonly streamRingEvents: number;
  /** Milliseconds between heartbeat comments on an idle event stream. */
  readonly streamHeartbeatMs: number;
}

export const DEFAULT_SERVER_SETTINGS: ServerSettings = {
  apiKeys: [],
  rateLimit: null,
  flow: DEFAULT_FLOW_SETTINGS,
  chain: DEFAULT_CHAIN_ANALYTICS_SETTINGS,
  conviction: DEFAULT_CONVICTION_SETTINGS,
  logRequests: false,
  maxHeaderBytes: 256 * 1024,
  reportCacheEntries: 500,
  tiltCacheEntries: 20_000,
  ingestMaxBytes: 64 * 1024 * 1024,
  streamRingEvents: 10_000,
  streamHeartbeatMs: 15_000,
};
