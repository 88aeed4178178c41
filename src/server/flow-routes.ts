import type { FastifyInstance } from 'fastify';
import { signalsBody, summaryBody } from '../api/flow-signals-body.ts';
import type { Structure } from '../core/options-flow/flow-score.ts';
import type { FlowReport } from '../core/options-flow/flow-report.ts';
import { summarize } from '../core/options-flow/flow-summary.ts';
import type { Intent } from '../core/options-flow/intent.ts';
import { QUERY_DEFAULTS, type SignalQuery, withGoldenTags } from '../core/options-flow/signal-query.ts';
import { rankTilts, type TiltEntry } from '../core/options-flow/tilt-scanner.ts';
import type { EpochMs } from '../core/units.ts';
import { unknownSymbol } from './api-error.ts';
import type { MarketData } from './market-data.ts';
import { LruCache } from './lru-cache.ts';
import { marketFlowInputs, marketFlowReport } from './market-flow-report.ts';
import { FlowQuery, SymbolParams, TiltQuery } from './query-schemas.ts';
import { atParameter, expiryParameter, symbolList, symbolParameter } from './request-values.ts';
import { ERROR_RESPONSES, SignalsBody, SummaryBody, TiltBody } from './response-schemas.ts';
import type { ServerSettings } from './server-settings.ts';
import { tiltBody } from './tilt-body.ts';

type FlowFilters = Omit<FlowQuery, 'limit' | 'apiKey'>;

/** The query of seed 004 with its defaults (the summary and the tilt scan keep every match: no limit). */
function signalQuery(q: FlowFilters, limit: number): Omit<SignalQuery, 'at'> {
  return {
    windowMinutes: q.windowMinutes ?? QUERY_DEFAULTS.windowMinutes,
    minScore: q.minScore ?? QUERY_DEFAULTS.minScore,
    intent: (q.intent ?? null) as Intent | null,
    structure: (q.structure ?? null) as Structure | null,
    limit,
    expiry: expiryParameter('expiry', q.expiry),
  };
}

/** The watchlist of a tilt call (request-values.ts symbolList), in the order given. */
function watchlist(raw: string): string[] {
  return [...symbolList(raw, 'expected at least one symbol (e.g. SPY,QQQ)')];
}

/** A symbol's row of the tilt scan, keeping only the best of its top signals (all a tilt row shows). */
function tiltEntry(report: FlowReport, settings: ServerSettings): TiltEntry {
  const summary = summarize(report.ranked, settings.flow);
  return {
    symbol: report.symbol,
    summary: { ...summary, topSignals: summary.topSignals.slice(0, 1) },
    underlyingPrice: report.underlyingPrice,
  };
}

/** Whole tilt bodies kept for reuse (a 6,000-symbol body is ~1.7 MB of JSON and ~100 ms to build). */
const TILT_BODY_CACHE_ENTRIES = 8;

/** What Fastify sets for a serialized object; a cached body (UTF-8 bytes) is sent with it unchanged. */
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * `GET /v1/flow/signals/{symbol}`, `…/summary` and `GET /v1/flow/tilt` over `data`. Reports, tilt rows and the
 * serialized bodies are cached under the inputs' key (market-flow-report.ts: symbol, instant, query and the
 * counts of prints and chain rows), so a cached answer is the answer the same request would compute. On a store
 * that keeps day signals, a window of complete New York days is scored from them (marketFlowInputs).
 */
export function registerFlowRoutes(app: FastifyInstance, data: MarketData, settings: ServerSettings): void {
  const reports = new LruCache<FlowReport>(settings.reportCacheEntries);
  const bodies = new LruCache<Buffer>(settings.reportCacheEntries);
  const tiltRows = new LruCache<TiltEntry>(settings.tiltCacheEntries);
  const tiltBodies = new LruCache<Buffer>(settings.tiltCacheEntries === 0 ? 0 : TILT_BODY_CACHE_ENTRIES);
  const reportFor = async (rawSymbol: string, q: FlowQuery, limit: number) => {
    const symbol = symbolParameter(rawSymbol);
    const query = signalQuery(q, limit);
    const at = atParameter(q.at);
    const last = await data.lastPrintTs(symbol);
    if (last === null) throw unknownSymbol(symbol, 'option prints');
    const inputs = await marketFlowInputs(data, symbol, (at ?? last) as EpochMs, query, settings);
    const hit = reports.get(inputs.key);
    if (hit !== undefined) return { key: inputs.key, report: hit };
    const report = marketFlowReport(inputs, settings);
    reports.set(inputs.key, report);
    return { key: inputs.key, report };
  };
  /** The cached body under `key`, else `make()` serialized (and cached): bytes, not encoded again per request. */
  const cachedBody = (cache: LruCache<Buffer>, key: string, make: () => unknown): Buffer => {
    let body = cache.get(key);
    if (body === undefined) {
      body = Buffer.from(JSON.stringify(make()), 'utf8');
      cache.set(key, body);
    }
    return body;
  };

  app.get<{ Params: SymbolParams; Querystring: FlowQuery }>('/v1/flow/signals/:symbol', {
    schema: {
      summary: 'Scored unusual-options-flow signals of one underlying (seed 004)',
      tags: ['flow'], params: SymbolParams, querystring: FlowQuery, response: { 200: SignalsBody, ...ERROR_RESPONSES },
    },
  }, async (request, reply) => {
    const q = request.query;
    const limit = q.limit ?? QUERY_DEFAULTS.limit;
    const { key, report } = await reportFor(request.params.symbol, q, limit);
    // The limit from the request, not report.query.limit: a cached report may come from a call with another limit.
    const body = cachedBody(bodies, `signals|${limit}|${key}`,
      () => signalsBody(report, withGoldenTags(report.ranked.slice(0, limit), settings.flow)));
    return reply.type(JSON_TYPE).send(body);
  });

  app.get<{ Params: SymbolParams; Querystring: FlowQuery }>('/v1/flow/signals/:symbol/summary', {
    schema: {
      summary: 'Bullish/bearish and opening/closing premium roll-up with the smart-money tilt (seeds 004, 003)',
      tags: ['flow'], params: SymbolParams, querystring: FlowQuery, response: { 200: SummaryBody, ...ERROR_RESPONSES },
    },
  }, async (request, reply) => {
    const q = request.query;
    const { key, report } = await reportFor(request.params.symbol, q, q.limit ?? QUERY_DEFAULTS.limit);
    const body = cachedBody(bodies, `summary|${key}`, () => summaryBody(report, summarize(report.ranked, settings.flow)));
    return reply.type(JSON_TYPE).send(body);
  });

  app.get<{ Querystring: TiltQuery }>('/v1/flow/tilt', {
    schema: {
      summary: 'Watchlist scanner: one flow summary per symbol, ranked by net directional premium ÷ underlying price (seed 003)',
      tags: ['flow'], querystring: TiltQuery, response: { 200: TiltBody, ...ERROR_RESPONSES },
    },
  }, async (request, reply) => {
    const q = request.query;
    const symbols = watchlist(q.symbols);
    const query = signalQuery(q, QUERY_DEFAULTS.limit);
    const at = atParameter(q.at);
    const entries: TiltEntry[] = [];
    const unknown: string[] = [];
    const atBySymbol = new Map<string, number>();
    const keys: string[] = [];
    for (const symbol of symbols) {
      const last = await data.lastPrintTs(symbol);
      if (last === null) {
        unknown.push(symbol);
        continue;
      }
      const symbolAt = (at ?? last) as EpochMs;
      const inputs = await marketFlowInputs(data, symbol, symbolAt, query, settings);
      keys.push(inputs.key);
      let entry = tiltRows.get(inputs.key);
      if (entry === undefined) {
        entry = tiltEntry(marketFlowReport(inputs, settings, 'spot'), settings);
        tiltRows.set(inputs.key, entry);
      }
      entries.push(entry);
      atBySymbol.set(symbol, symbolAt);
    }
    // The body is a function of the watchlist (its order, the unknown names), the rows' keys, ?at and the limit.
    const bodyKey = `${q.limit}|${at}|${symbols.join(',')}|${keys.join('\n')}`;
    const body = cachedBody(tiltBodies, bodyKey, () => {
      const ranked = rankTilts(entries);
      return tiltBody({
        at, windowMinutes: query.windowMinutes, requested: symbols.length, unknownSymbols: unknown,
        ranked: q.limit === undefined ? ranked : ranked.slice(0, q.limit), atBySymbol,
      }, settings.flow);
    });
    return reply.type(JSON_TYPE).send(body);
  });
}
