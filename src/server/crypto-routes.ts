import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import { cryptoScoreBody } from '../api/crypto-score-body.ts';
import { type CryptoScoreSeries, cryptoScoreSeries, type CryptoScoreSettings, DEFAULT_CRYPTO_SCORE_SETTINGS } from '../core/crypto-score/crypto-score-series.ts';
import type { IsoDate } from '../core/units.ts';
import { calendarDate } from '../ingest/fields.ts';
import { FieldError } from '../ingest/ingest-report.ts';
import { ApiError, invalidParameter, unknownSymbol } from './api-error.ts';
import type { CryptoScoreData } from './crypto-score-data.ts';
import { AT_EXPECTED } from './query-schemas.ts';
import { atParameter } from './request-values.ts';
import { ERROR_RESPONSES } from './response-schemas.ts';

const DATE_EXPECTED = 'expected a UTC day YYYY-MM-DD';

export const CryptoAssetParams = Type.Object({
  asset: Type.String({ pattern: '^[A-Za-z0-9]{1,20}$', description: 'expected a crypto asset: 1–20 letters or digits (e.g. BTC, SOL)' }),
});
export type CryptoAssetParams = Static<typeof CryptoAssetParams>;

export const CryptoScoreQuery = Type.Object({
  from: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: `${DATE_EXPECTED}, the first day of the history (default: the first scored day)` })),
  to: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: `${DATE_EXPECTED}, the last day of the history (default: the last scored day)` })),
  at: Type.Optional(Type.String({ description: AT_EXPECTED })),
  apiKey: Type.Optional(Type.String({ description: 'expected the API key (only when keys are enabled; the X-Api-Key header is preferred)' })),
}, { additionalProperties: false });
export type CryptoScoreQuery = Static<typeof CryptoScoreQuery>;

function dayParameter(name: string, raw: string | undefined): IsoDate | null {
  if (raw === undefined) return null;
  try {
    return calendarDate(raw, name);
  } catch (e) {
    if (e instanceof FieldError) throw invalidParameter(name, raw, e.reason);
    throw e;
  }
}

/**
 * `GET /v1/crypto/smart-money-score/{asset}?from=&to=&at=` (seed 001) over `data`: the body of
 * api/crypto-score-body.ts, the CLI's `crypto-score`. 404 unknown_symbol for an asset the data does not have,
 * 404 no_data when the window holds no scored point, 400 invalid_parameter for a bad day, instant or from > to.
 * The series of an asset is computed once and kept (the data behind the port does not change).
 */
export function registerCryptoRoutes(app: FastifyInstance, data: CryptoScoreData, settings: CryptoScoreSettings = DEFAULT_CRYPTO_SCORE_SETTINGS): void {
  const series = new Map<string, CryptoScoreSeries>();
  app.get<{ Params: CryptoAssetParams; Querystring: CryptoScoreQuery }>('/v1/crypto/smart-money-score/:asset', {
    schema: {
      summary: 'Crypto Smart Money Score of one asset: five pillars, band, Fear & Greed divergence, alerts, history (seed 001)',
      tags: ['crypto'], params: CryptoAssetParams, querystring: CryptoScoreQuery, response: { ...ERROR_RESPONSES },
    },
  }, async (request) => {
    const asset = request.params.asset.toUpperCase();
    const q = request.query;
    const from = dayParameter('from', q.from), to = dayParameter('to', q.to);
    if (from !== null && to !== null && from > to) throw invalidParameter('from', from, `expected a day on or before to (${to})`);
    const at = atParameter(q.at);
    let s = series.get(asset);
    if (s === undefined) {
      const inputs = data.inputs(asset);
      if (inputs === null) throw unknownSymbol(asset, 'crypto score inputs');
      s = cryptoScoreSeries(inputs, settings);
      series.set(asset, s);
    }
    const body = cryptoScoreBody(asset, s, settings.weights, { from, to, at });
    if (body === null) throw new ApiError(404, 'no_data', `no crypto score for ${asset} in the window asked (no pillar has data there)`);
    return body;
  });
}
