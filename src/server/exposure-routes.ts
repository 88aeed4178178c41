import type { FastifyInstance } from 'fastify';
import { exposureBody, type ExposureKind, levelsBody, maxPainBody } from '../api/exposure-bodies.ts';
import { isoUtc } from '../api/flow-signals-body.ts';
import { analyzeChain, type ChainAnalysis } from '../core/gamma-exposure/chain-analysis.ts';
import { ApiError, invalidParameter, unknownSymbol } from './api-error.ts';
import type { MarketData } from './market-data.ts';
import { ChainQuery, SymbolParams } from './query-schemas.ts';
import { atParameter, expiryParameter, symbolParameter } from './request-values.ts';
import { ERROR_RESPONSES, exposureBodySchema, LevelsBody, MaxPainBody } from './response-schemas.ts';
import type { ServerSettings } from './server-settings.ts';

function minOiOf(q: ChainQuery): number {
  if (q.min_oi !== undefined && q.minOi !== undefined && q.min_oi !== q.minOi) {
    throw invalidParameter('minOi', String(q.minOi), `min_oi (${q.min_oi}) and minOi are the same parameter; give one`);
  }
  return q.min_oi ?? q.minOi ?? 0;
}

/**
 * The chain analysis behind the six chain endpoints, as `smartmoney gex …` computes it (core analyzeChain on the
 * symbol's rows known at `at`, the latest snapshot per contract): 404 `unknown_symbol` when the data has no chain
 * for the symbol, 404 `no_data` when none is as old as `at`, 400 `invalid_expiry` when no unexpired contract
 * has the expiration asked for (the message lists those that do).
 */
export async function chainAnalysisFor(data: MarketData, settings: ServerSettings, rawSymbol: string, q: ChainQuery): Promise<ChainAnalysis> {
  const symbol = symbolParameter(rawSymbol);
  const at = atParameter(q.at);
  const expiration = expiryParameter('expiration', q.expiration);
  const minOi = minOiOf(q);
  const rows = await data.chainRows(symbol, at);
  const analysis = rows.length === 0 ? null : analyzeChain(rows, { symbol, at, expiration, minOi, spot: null }, settings.chain);
  if (analysis === null) {
    const all = at === null ? rows : await data.chainRows(symbol, null);
    const first = all[0];
    if (first === undefined) throw unknownSymbol(symbol, 'option chain snapshots');
    throw new ApiError(404, 'no_data', `no ${symbol} chain snapshot at or before ${isoUtc(at ?? 0)} (the earliest is ${isoUtc(first.asOf)})`);
  }
  const c = analysis.counts;
  if (expiration !== null && c.otherExpiration === c.inSnapshot - c.expired) {
    const listed = new Set<string>();
    for (const row of rows) if (row.asOf <= analysis.asOf) listed.add(row.expiry);
    const sorted = [...listed].sort();
    throw new ApiError(400, 'invalid_expiry', `no unexpired ${symbol} contract expires on ${expiration} at ${isoUtc(analysis.asOf)} `
      + `(expirations: ${sorted.slice(0, 30).join(', ')}${sorted.length > 30 ? ', …' : ''})`);
  }
  return analysis;
}

const KINDS: readonly ExposureKind[] = ['gex', 'dex', 'vex', 'chex'];
const KIND_SUMMARY: Record<ExposureKind, string> = {
  gex: 'Dealer gamma exposure by strike, net GEX and the gamma flip',
  dex: 'Dealer delta exposure by strike and net DEX',
  vex: 'Dealer vanna exposure by strike and net VEX',
  chex: 'Dealer charm exposure by strike and net CHEX',
};

/** `GET /v1/exposure/{gex,dex,vex,chex,levels}/{symbol}` and `GET /v1/maxpain/{symbol}` over `data`. */
export function registerExposureRoutes(app: FastifyInstance, data: MarketData, settings: ServerSettings): void {
  for (const kind of KINDS) {
    app.get<{ Params: SymbolParams; Querystring: ChainQuery }>(`/v1/exposure/${kind}/:symbol`, {
      schema: {
        summary: KIND_SUMMARY[kind], tags: ['exposure'], params: SymbolParams, querystring: ChainQuery,
        response: { 200: exposureBodySchema(kind), ...ERROR_RESPONSES },
      },
    }, async (request) => exposureBody(await chainAnalysisFor(data, settings, request.params.symbol, request.query), kind));
  }
  app.get<{ Params: SymbolParams; Querystring: ChainQuery }>('/v1/exposure/levels/:symbol', {
    schema: {
      summary: 'Chain levels: gamma flip, call/put walls, max ± gamma, highest OI, 0DTE magnet, max pain',
      tags: ['exposure'], params: SymbolParams, querystring: ChainQuery, response: { 200: LevelsBody, ...ERROR_RESPONSES },
    },
  }, async (request) => levelsBody(await chainAnalysisFor(data, settings, request.params.symbol, request.query)));
  app.get<{ Params: SymbolParams; Querystring: ChainQuery }>('/v1/maxpain/:symbol', {
    schema: {
      summary: 'Max pain strike and pain curve (one expiration or all)',
      tags: ['exposure'], params: SymbolParams, querystring: ChainQuery, response: { 200: MaxPainBody, ...ERROR_RESPONSES },
    },
  }, async (request) => maxPainBody(await chainAnalysisFor(data, settings, request.params.symbol, request.query)));
}
