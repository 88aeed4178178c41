import Type, { type TSchema } from 'typebox';

/**
 * Response bodies as TypeBox (JSON Schema) types, for /openapi.json and /docs. They describe the bodies built by
 * src/api (the CLI's own), name every top-level field and its type, and leave nested detail open
 * (`additionalProperties: true`). The server serialises with JSON.stringify, never from these schemas, so the
 * bytes are the CLI's whatever the schemas say (build-server.ts).
 */

const num = (description: string) => Type.Union([Type.Number(), Type.Null()], { description });
const str = (description: string) => Type.Union([Type.String(), Type.Null()], { description });
const open = (description: string) => Type.Object({}, { additionalProperties: true, description });
const list = (description: string) => Type.Array(open(description));

export const ErrorBody = Type.Object({
  error: Type.String({ description: 'a stable code: invalid_parameter, invalid_expiry, unknown_symbol, no_data, missing_api_key, invalid_api_key, rate_limited, not_found, …' }),
  message: Type.String({ description: 'what was wrong, quoting the value' }),
});

export const HealthBody = Type.Object({
  status: Type.Literal('ok'),
  service: Type.String(),
  version: Type.String(),
  symbols: Type.Integer({ description: 'underlyings with prints in the data' }),
});

const queryHeader = {
  symbol: Type.String(),
  as_of: Type.String({ description: 'the end of the window (ISO-8601 UTC)' }),
  window_minutes: Type.Integer(),
  expiry: str('the expiry filter, or null'),
  underlying_price: num('$ per share: the chain\'s, else implied by put–call parity; null without a chain'),
  underlying_price_source: str('given, chain, implied, or null'),
};

const chainLevels = Type.Object({
  call_wall: num('strike'), put_wall: num('strike'), max_pain: num('strike'), gamma_flip: num('$ per share'),
});

export const SignalsBody = Type.Object({
  ...queryHeader,
  chain: chainLevels,
  count: Type.Integer(),
  signals: list('a scored signal: ts, contract, expiry, strike, right, side, price, size, premium, structure, intent, score, score_breakdown, score_components, enrichment, …'),
}, { additionalProperties: true });

const summaryFields = {
  signal_count: Type.Integer(),
  bullish_premium: Type.Number({ description: '$' }),
  bearish_premium: Type.Number({ description: '$' }),
  net_directional_premium: Type.Number({ description: '$, bullish − bearish' }),
  opening_premium: Type.Number({ description: '$' }),
  closing_premium: Type.Number({ description: '$' }),
  tilt: Type.String({ description: 'bullish, bearish, mixed or noise (seed 003)' }),
  tilt_strength: str('strong, moderate, or null'),
  opening_share: num('opening ÷ (opening + closing) premium'),
  net_premium_per_underlying_dollar: num('net_directional_premium ÷ underlying_price'),
};

export const SummaryBody = Type.Object({
  ...queryHeader,
  ...summaryFields,
  chain: chainLevels,
  top_signals: list('the 10 best signals, as in /v1/flow/signals'),
}, { additionalProperties: true });

export const TiltBody = Type.Object({
  as_of: str('the ?at instant, or null when each symbol is read at its own latest print'),
  window_minutes: Type.Integer(),
  noise_threshold: Type.Number({ description: '$: |net| below it reads as noise and ranks after every name above it' }),
  strong_threshold: Type.Number({ description: '$: |net| at or above it is a strong tilt' }),
  requested: Type.Integer(),
  count: Type.Integer(),
  unknown_symbols: Type.Array(Type.String(), { description: 'requested symbols with no prints' }),
  ranked: list('rank, symbol, as_of, underlying_price, net_premium_per_underlying_dollar, the summary fields, top_signal'),
}, { additionalProperties: true });

const chainHead = {
  symbol: Type.String(),
  underlying_price: num('$ per share'),
  underlying_price_source: str('chain, implied or given'),
  underlying_price_reason: str('why there is no price'),
  as_of: Type.String({ description: 'the snapshot analysed (ISO-8601 UTC)' }),
  expiration: str('the expiration filter, or null for all'),
};

export function exposureBodySchema(kind: 'gex' | 'dex' | 'vex' | 'chex'): TSchema {
  return Type.Object({
    ...chainHead,
    [`net_${kind}`]: num('$, see unit'),
    [`net_${kind}_label`]: str(`positive_…, negative_… or neutral`),
    unit: Type.String(),
    settings: open('rate, dividend_yield, dealer_convention, iv_source, min_oi'),
    contracts: open('counts of contracts in the snapshot, analysed and left out'),
    strikes: list(`strike, call_${kind}, put_${kind}, net_${kind}, call_oi, put_oi, call_volume, put_volume`),
  }, { additionalProperties: true });
}

export const LevelsBody = Type.Object({
  ...chainHead,
  levels: open('gamma_flip, max_positive_gamma, max_negative_gamma, call_wall, put_wall, highest_oi_strike, zero_dte_magnet, max_pain'),
  level_reasons: open('why gamma_flip or zero_dte_magnet is null'),
  wall_basis: Type.String(),
  net_gex: num('$ per 1% move'),
  net_gex_label: str('positive_gamma, negative_gamma or neutral'),
}, { additionalProperties: true });

export const MaxPainBody = Type.Object({
  ...chainHead,
  max_pain_strike: num('strike of least total pain'),
  expirations: Type.Array(Type.String()),
  pain_curve: list('strike, call_pain, put_pain, total_pain ($)'),
}, { additionalProperties: true });

export const GreeksBody = Type.Object({
  inputs: open('spot, strike, dte, sigma, type, risk_free_rate, dividend_yield'),
  theoretical_price: Type.Number(),
  first_order: open('delta, gamma, theta, vega, rho'),
  second_order: open('vanna, charm, vomma, dual_delta'),
  third_order: open('speed, zomma, color, ultima'),
  additional: open('lambda, veta'),
}, { additionalProperties: true });

export const IvBody = Type.Object({
  inputs: open('spot, strike, dte, price, type, risk_free_rate, dividend_yield'),
  implied_volatility: num('annualised fraction; null with reason when the price is outside the no-arbitrage bounds'),
  implied_volatility_pct: num('percent'),
}, { additionalProperties: true });

/** The error answers every data endpoint may give, for the OpenAPI document. */
export const ERROR_RESPONSES = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody } as const;
