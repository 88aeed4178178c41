import Type, { type Static } from 'typebox';
import { QUERY_BOUNDS, QUERY_DEFAULTS } from '../core/options-flow/signal-query.ts';
import { DEFAULT_DIVIDEND_YIELD, DEFAULT_RATE } from '../api/pricing-bodies.ts';

/**
 * The request parameters of every endpoint as TypeBox (JSON Schema) types: validated by Fastify before a handler
 * runs and published in /openapi.json. Each parameter's `description` is also the "expected …" half of its 400
 * message (error-handler.ts), so the docs and the errors say the same thing. Bounds are seed 004's for the flow
 * parameters and the CLI's for the rest, so that the API accepts exactly what the commands accept.
 */

/** Underlying roots: letters, digits, `.`, `-`, `_`, an optional leading `^` (index symbols), at most 20. */
export const SYMBOL_PATTERN = '^\\^?[A-Za-z0-9][A-Za-z0-9._-]{0,19}$';
export const SYMBOL_EXPECTED = 'expected an underlying symbol: 1–20 letters, digits, ".", "-" or "_" (e.g. SPY, BRK.B)';

export const SymbolParams = Type.Object({
  symbol: Type.String({ pattern: SYMBOL_PATTERN, description: SYMBOL_EXPECTED }),
});
export type SymbolParams = Static<typeof SymbolParams>;

const apiKey = Type.Optional(Type.String({
  description: 'expected the API key (only when keys are enabled; the X-Api-Key header is preferred)',
}));

export const AT_EXPECTED = 'expected the moment to answer for: ISO-8601 with an offset (2025-03-14T15:30:00-04:00; send + as %2B) or epoch milliseconds; default: the latest data';
const at = Type.Optional(Type.String({ description: AT_EXPECTED }));

const whole = (name: keyof typeof QUERY_BOUNDS, what: string) => {
  const [minimum, maximum] = QUERY_BOUNDS[name];
  const def = name in QUERY_DEFAULTS ? ` (default ${QUERY_DEFAULTS[name as keyof typeof QUERY_DEFAULTS]})` : '';
  return Type.Optional(Type.Integer({ minimum, maximum, description: `expected ${what}, a whole number from ${minimum} to ${maximum}${def}` }));
};

export const EXPIRY_EXPECTED = 'expected an expiry date YYYY-MM-DD';

const flowFilters = {
  windowMinutes: whole('windowMinutes', 'the look-back window in minutes'),
  minScore: whole('minScore', 'the lowest composite score to keep'),
  intent: Type.Optional(Type.Enum(['bullish', 'bearish', 'neutral'], { description: 'expected one of bullish, bearish, neutral' })),
  structure: Type.Optional(Type.Enum(['sweep', 'block'], { description: 'expected one of sweep, block' })),
  expiry: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: `${EXPIRY_EXPECTED} (only that expiry's signals and chain)` })),
  at,
  apiKey,
};

/** `GET /v1/flow/signals/{symbol}` and `/summary`: seed 004's parameters (the summary ignores `limit`, as the CLI). */
export const FlowQuery = Type.Object({
  ...flowFilters,
  limit: whole('limit', 'the most signals to return'),
}, { additionalProperties: false });
export type FlowQuery = Static<typeof FlowQuery>;

/** At most this many symbols in one tilt call (the request line is allowed 256 KiB: server-settings.ts). */
export const MAX_TILT_SYMBOLS = 10_000;

/** `GET /v1/flow/tilt`: a watchlist and the summary's parameters; `limit` caps the ranked list returned. */
export const TiltQuery = Type.Object({
  symbols: Type.String({
    minLength: 1,
    description: `expected a comma-separated list of up to ${MAX_TILT_SYMBOLS} underlying symbols (e.g. SPY,QQQ,NVDA)`,
  }),
  ...flowFilters,
  limit: Type.Optional(Type.Integer({
    minimum: 1, maximum: MAX_TILT_SYMBOLS,
    description: `expected the most ranked symbols to return, a whole number from 1 to ${MAX_TILT_SYMBOLS} (default: all)`,
  })),
}, { additionalProperties: false });
export type TiltQuery = Static<typeof TiltQuery>;

const minOi = (name: string) => Type.Optional(Type.Integer({
  minimum: 0, maximum: 1_000_000_000,
  description: `expected the least open interest a contract needs to count, a whole number from 0 to 1000000000 (default 0; ${name} is the same parameter)`,
}));

/** The chain endpoints (gex, dex, vex, chex, levels, maxpain): `min_oi` and FlashAlpha's SDK spelling `minOi`. */
export const ChainQuery = Type.Object({
  expiration: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: `${EXPIRY_EXPECTED} (default: every expiry)` })),
  min_oi: minOi('minOi'),
  minOi: minOi('min_oi'),
  at,
  apiKey,
}, { additionalProperties: false });
export type ChainQuery = Static<typeof ChainQuery>;

// The pricing parameters are checked by api/pricing-bodies.ts (as for the CLI); the schema documents them and
// only requires a number where one is due, so that both surfaces refuse the same inputs with the same words.
const pricingCommon = {
  spot: Type.Number({ description: 'expected the underlying price in $ per share, a number > 0' }),
  strike: Type.Number({ description: 'expected the strike in $ per share, a number > 0' }),
  type: Type.String({ description: 'expected call or put' }),
  r: Type.Optional(Type.Number({ description: `expected the risk-free rate as a fraction per year from -1 to 1 (default ${DEFAULT_RATE})` })),
  q: Type.Optional(Type.Number({ description: `expected the dividend yield as a fraction per year from -1 to 1 (default ${DEFAULT_DIVIDEND_YIELD})` })),
  apiKey,
};

export const GreeksQuery = Type.Object({
  ...pricingCommon,
  dte: Type.Number({ description: 'expected calendar days to expiry, a number > 0 and ≤ 36500 (greeks are undefined at expiry)' }),
  sigma: Type.Number({ description: 'expected the volatility as an annualised fraction > 0 and ≤ 10 (0.18 = 18 %)' }),
}, { additionalProperties: false });
export type GreeksQuery = Static<typeof GreeksQuery>;

export const IvQuery = Type.Object({
  ...pricingCommon,
  dte: Type.Number({ description: 'expected calendar days to expiry, a number from 0 to 36500' }),
  price: Type.Number({ description: 'expected the option price in $ per share, a number ≥ 0' }),
}, { additionalProperties: false });

export type IvQuery = Static<typeof IvQuery>;

export const NoQuery = Type.Object({ apiKey }, { additionalProperties: false });
