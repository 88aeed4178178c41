import { greeks } from '../core/pricing/greeks.ts';
import { impliedVolatility, type ImpliedVolatilityFailure } from '../core/pricing/lets-be-rational.ts';
import { fromDte } from '../core/pricing/time-to-expiry.ts';
import type { Right } from '../core/options-flow/option-trade.ts';
import { days } from '../core/units.ts';

/**
 * The JSON bodies of the pricing surface — `smartmoney greeks` / `smartmoney iv` and the later HTTP API
 * `GET /v1/pricing/greeks` and `GET /v1/pricing/iv` — shared so that both print the same bytes.
 *
 * Field names, nesting and units follow FlashAlpha's published pricing endpoints (lab.flashalpha.com,
 * "GET /v1/pricing/greeks" and "GET /v1/pricing/iv"), so a client written for those works unchanged: our
 * numbers reproduce FlashAlpha's documented example (spot 580, strike 580, dte 30, σ 0.18, call, r 0.045,
 * q 0.013) in every printed digit (pricing-bodies.test.ts). Their units are NOT those of core `greeks()`
 * (desk units: everything per vol point / rate point / calendar day passing); the conversion is below and in
 * docs/methodology-pricing-check.md ("Pricing endpoints"). T = dte / 365.
 */

/** Risk-free rate when a request gives none: FlashAlpha's documented default for /v1/pricing/* (4.5 %). */
export const DEFAULT_RATE = 0.045;
/** Dividend yield when a request gives none: FlashAlpha's documented default for /v1/pricing/* (1.3 %). */
export const DEFAULT_DIVIDEND_YIELD = 0.013;

export type OptionType = 'call' | 'put';

/** Inputs of a greeks request: $ per share, calendar days, annualised fractions. */
export interface GreeksRequest {
  readonly spot: number;
  readonly strike: number;
  readonly dte: number;
  readonly sigma: number;
  readonly type: OptionType;
  readonly r: number;
  readonly q: number;
}

/** Inputs of an implied-volatility request: `price` is the option's market price, $ per share (e.g. the mid). */
export interface ImpliedVolatilityRequest {
  readonly spot: number;
  readonly strike: number;
  readonly dte: number;
  readonly price: number;
  readonly type: OptionType;
  readonly r: number;
  readonly q: number;
}

/** A request parameter out of its domain: the parameter, the value as given, what was expected (HTTP 400 / exit 2). */
export class PricingRequestError extends Error {
  constructor(readonly parameter: string, readonly value: string | undefined, readonly reason: string) {
    super(value === undefined ? `${parameter} is required; ${reason}` : `${parameter} was ${JSON.stringify(value)}; ${reason}`);
    this.name = 'PricingRequestError';
  }
}

/** Request parameters as strings, by their API names: spot, strike, dte, sigma | price, type, r, q. */
export type PricingParameters = Readonly<Record<string, string | undefined>>;

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function number(params: PricingParameters, name: string, min: number, max: number, minExclusive: boolean, expected: string, fallback?: number): number {
  const raw = params[name];
  if (raw === undefined) {
    if (fallback !== undefined) return fallback;
    throw new PricingRequestError(name, undefined, expected);
  }
  const n = DECIMAL.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isFinite(n) || (minExclusive ? n <= min : n < min) || n > max) throw new PricingRequestError(name, raw, expected);
  return n;
}

function optionType(params: PricingParameters): OptionType {
  const raw = params.type;
  const v = raw?.trim().toLowerCase();
  if (v === 'call' || v === 'put') return v;
  throw new PricingRequestError('type', raw, 'expected call or put');
}

const spotOf = (p: PricingParameters): number => number(p, 'spot', 0, Number.MAX_VALUE, true, 'expected the underlying price in $ per share, a number > 0');
const strikeOf = (p: PricingParameters): number => number(p, 'strike', 0, Number.MAX_VALUE, true, 'expected the strike in $ per share, a number > 0');
const rateOf = (p: PricingParameters): number => number(p, 'r', -1, 1, false, 'expected the risk-free rate as a fraction per year from -1 to 1 (0.045 = 4.5 %)', DEFAULT_RATE);
const dividendOf = (p: PricingParameters): number => number(p, 'q', -1, 1, false, 'expected the dividend yield as a fraction per year from -1 to 1 (0.013 = 1.3 %)', DEFAULT_DIVIDEND_YIELD);

/** Parses and checks a greeks request (dte > 0: at expiry the greeks are not defined; σ in (0, 10]). */
export function parseGreeksRequest(params: PricingParameters): GreeksRequest {
  return {
    spot: spotOf(params),
    strike: strikeOf(params),
    dte: number(params, 'dte', 0, 36_500, true, 'expected calendar days to expiry, a number > 0 and ≤ 36500 (greeks are undefined at expiry)'),
    sigma: number(params, 'sigma', 0, 10, true, 'expected the volatility as an annualised fraction > 0 and ≤ 10 (0.18 = 18 %)'),
    type: optionType(params),
    r: rateOf(params),
    q: dividendOf(params),
  };
}

/** Parses and checks an implied-volatility request (dte ≥ 0: 0 answers `expired`; price ≥ 0). */
export function parseImpliedVolatilityRequest(params: PricingParameters): ImpliedVolatilityRequest {
  return {
    spot: spotOf(params),
    strike: strikeOf(params),
    dte: number(params, 'dte', 0, 36_500, false, 'expected calendar days to expiry, a number from 0 to 36500'),
    price: number(params, 'price', 0, Number.MAX_VALUE, false, 'expected the option price in $ per share, a number ≥ 0'),
    type: optionType(params),
    r: rateOf(params),
    q: dividendOf(params),
  };
}

const rightOf = (type: OptionType): Right => (type === 'call' ? 'C' : 'P');

/**
 * `GET /v1/pricing/greeks` body: BSM value and greeks of a European option with continuous dividend yield
 * (core greeks(), Haug 2007 ch. 2), per share, in FlashAlpha's units:
 *   theoretical_price $; delta ∂V/∂S; gamma ∂²V/∂S²; theta −∂V/∂T ÷ 365 ($ per calendar day passing);
 *   vega ∂V/∂σ ÷ 100 ($ per vol point); rho ∂V/∂r ($ per unit of r: ÷ 100 for per rate point);
 *   vanna ∂²V/∂S∂σ (per unit σ); charm ∂Δ/∂T ÷ 365 (T = time to expiry: the opposite sign of "delta change as a
 *   day passes"); vomma ∂²V/∂σ² (per unit σ²); dual_delta ∂V/∂K; speed ∂³V/∂S³; zomma ∂³V/∂S²∂σ (per unit σ);
 *   color ∂Γ/∂T ÷ 365; ultima ∂³V/∂σ³ (per unit σ³); lambda Δ·S/V (null when V ≤ 0); veta ∂²V/∂σ∂T ÷ 365.
 * Throws PricingInputError (core) only for inputs parseGreeksRequest would have refused.
 */
export function greeksBody(request: GreeksRequest) {
  const { spot, strike, dte, sigma, type, r, q } = request;
  const t = fromDte(days(dte));
  const g = greeks({ spot, strike, t, r, q, sigma, right: rightOf(type) });
  const rhoPerUnit = g.rho * 100;
  return {
    inputs: { spot, strike, dte, sigma, type, risk_free_rate: r, dividend_yield: q },
    theoretical_price: g.price,
    first_order: { delta: g.delta, gamma: g.gamma, theta: g.theta, vega: g.vega, rho: rhoPerUnit },
    second_order: {
      vanna: g.vanna * 100,
      charm: -g.charm,
      vomma: g.vomma * 1e4,
      // ∂V/∂K = −θ·e^{−rT}·Φ(θ·d2) = −ρ/(K·T) with ρ per unit of r (also (V − S·Δ)/K: V is homogeneous in S, K).
      dual_delta: -rhoPerUnit / (strike * t),
    },
    third_order: { speed: g.speed, zomma: g.zomma * 100, color: -g.color, ultima: g.ultima * 1e6 },
    additional: { lambda: g.price > 0 ? (g.delta * spot) / g.price : null, veta: -g.veta * 100 },
  };
}

const FAILURE_MESSAGE: Record<ImpliedVolatilityFailure, string> = {
  expired: 'dte is 0: at expiry the price is the payoff and carries no volatility',
  below_intrinsic: 'the price is below the discounted intrinsic value e^(−rT)·max(±(F − K), 0): no volatility produces it (arbitrage for a European option)',
  no_time_value: 'the price equals the discounted intrinsic value to within rounding: the volatility would be 0 or noise',
  above_max_price: 'the price is at or above the upper bound (S·e^(−qT) for a call, K·e^(−rT) for a put): the volatility would be infinite',
};

/**
 * `GET /v1/pricing/iv` body: the BSM implied volatility of a European option price (core impliedVolatility,
 * Jäckel's "Let's Be Rational"), as a fraction and in percent. A price outside the no-arbitrage bounds gets
 * `implied_volatility: null` with `reason` (a code), `message` and the `no_arbitrage_bounds` {lower, upper} in $ per
 * share it fell outside — never a made-up number. American early
 * exercise is not modelled: deep in-the-money American prices read as extra volatility.
 */
export function impliedVolatilityBody(request: ImpliedVolatilityRequest) {
  const { spot, strike, dte, price, type, r, q } = request;
  const inputs = { spot, strike, dte, price, type, risk_free_rate: r, dividend_yield: q };
  const t = fromDte(days(dte));
  const result = impliedVolatility(price, { spot, strike, t, r, q, right: rightOf(type) });
  if (result.iv === null) {
    // The European no-arbitrage interval the price fell outside: discounted forward intrinsic value, upper bound.
    const forward = spot * Math.exp((r - q) * t);
    const lower = Math.exp(-r * t) * Math.max((type === 'call' ? 1 : -1) * (forward - strike), 0);
    const upper = type === 'call' ? spot * Math.exp(-q * t) : strike * Math.exp(-r * t);
    return {
      inputs, implied_volatility: null, implied_volatility_pct: null, reason: result.reason, message: FAILURE_MESSAGE[result.reason],
      no_arbitrage_bounds: { lower, upper },
    };
  }
  return { inputs, implied_volatility: result.iv, implied_volatility_pct: result.iv * 100 };
}
