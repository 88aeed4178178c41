import type { ChainAnalysis } from '../core/gamma-exposure/chain-analysis.ts';
import { round4OrNull } from './json-numbers.ts';
import type { StrikeExposure } from '../core/gamma-exposure/strike-exposures.ts';
import { cents, type ChainLevels, isoUtc } from './flow-signals-body.ts';

/**
 * The JSON bodies of the chain-analytics surface (issue 3): `gex`, `dex`, `vex`, `chex`, `levels`, `maxpain`,
 * shared by the CLI and the later HTTP API so that both print the same bytes. snake_case fields; prices ($ per
 * share: spot, strikes, levels) rounded to 1e-4; dollar amounts (exposures, pain) to cents; null where a number
 * needs a spot or greeks that are missing, with the reason beside it. Definitions and units:
 * docs/methodology-chain.md.
 */

const price = round4OrNull;
const money = (x: number | null): number | null => (x === null ? null : cents(x));

/** Exposure kinds and the unit each is in, as printed in `unit`. */
export const EXPOSURE_UNITS = {
  gex: 'USD of underlying per 1% move (dealer gamma × OI × 100 × S² × 0.01)',
  dex: 'USD of underlying (dealer delta × OI × 100 × S)',
  vex: 'USD of underlying per +1 vol point (dealer vanna × OI × 100 × S)',
  chex: 'USD of underlying per calendar day (dealer charm × OI × 100 × S)',
} as const;
export type ExposureKind = keyof typeof EXPOSURE_UNITS;

const LABEL_WORD: Record<ExposureKind, string> = { gex: 'gamma', dex: 'delta', vex: 'vanna', chex: 'charm' };

/** `positive_gamma` / `negative_gamma` (likewise delta, vanna, charm), `neutral` at exactly 0, null without a spot. */
export function netLabel(kind: ExposureKind, net: number | null): string | null {
  if (net === null) return null;
  if (net === 0) return 'neutral';
  return `${net > 0 ? 'positive' : 'negative'}_${LABEL_WORD[kind]}`;
}

function head(a: ChainAnalysis) {
  return {
    symbol: a.symbol,
    underlying_price: price(a.spot.price),
    underlying_price_source: a.spot.source,
    underlying_price_reason: a.spot.reason,
    as_of: isoUtc(a.asOf),
    expiration: a.expiration,
  };
}

function settingsJson(a: ChainAnalysis) {
  return {
    rate: a.market.rate, dividend_yield: a.market.dividendYield, dealer_convention: a.dealerConvention,
    iv_source: a.ivSource, min_oi: a.minOi,
  };
}

function countsJson(a: ChainAnalysis) {
  const c = a.counts;
  return {
    in_snapshot: c.inSnapshot, expired: c.expired, other_expiration: c.otherExpiration, below_min_oi: c.belowMinOi,
    implausible_quote: c.implausibleQuote, analysed: c.analysed, with_greeks: c.withGreeks, without_greeks: c.withoutGreeks,
  };
}

const CALL_FIELD: Record<ExposureKind, 'callGex' | 'callDex' | 'callVex' | 'callChex'> = {
  gex: 'callGex', dex: 'callDex', vex: 'callVex', chex: 'callChex',
};
const PUT_FIELD: Record<ExposureKind, 'putGex' | 'putDex' | 'putVex' | 'putChex'> = {
  gex: 'putGex', dex: 'putDex', vex: 'putVex', chex: 'putChex',
};

function netOf(a: ChainAnalysis, kind: ExposureKind): number | null {
  return a.totals === null ? null : a.totals[kind];
}

function strikeRow(s: StrikeExposure, kind: ExposureKind, hasSpot: boolean) {
  const call = hasSpot ? s[CALL_FIELD[kind]] : null;
  const put = hasSpot ? s[PUT_FIELD[kind]] : null;
  return {
    strike: s.strike,
    [`call_${kind}`]: money(call),
    [`put_${kind}`]: money(put),
    [`net_${kind}`]: call === null || put === null ? null : cents(call + put),
    call_oi: s.callOi,
    put_oi: s.putOi,
    call_volume: s.callVolume,
    put_volume: s.putVolume,
  };
}

/**
 * `gex`, `dex`, `vex`, `chex`: `{symbol, underlying_price, underlying_price_source, underlying_price_reason, as_of,
 * expiration, [gamma_flip, gamma_flip_reason (gex only)], net_<kind>, net_<kind>_label, unit, settings, contracts,
 * strikes:[{strike, call_<kind>, put_<kind>, net_<kind>, call_oi, put_oi, call_volume, put_volume}]}`.
 */
export function exposureBody(a: ChainAnalysis, kind: ExposureKind) {
  const net = netOf(a, kind);
  const hasSpot = a.totals !== null;
  const flip = kind === 'gex' ? { gamma_flip: price(a.gammaFlip.price), gamma_flip_reason: a.gammaFlip.reason } : {};
  return {
    ...head(a),
    ...flip,
    [`net_${kind}`]: money(net),
    [`net_${kind}_label`]: netLabel(kind, net),
    unit: EXPOSURE_UNITS[kind],
    settings: settingsJson(a),
    contracts: countsJson(a),
    strikes: a.strikes.map((s) => strikeRow(s, kind, hasSpot)),
  };
}

/**
 * `levels`: `{symbol, underlying_price, underlying_price_source, underlying_price_reason, as_of, expiration,
 * levels:{gamma_flip, max_positive_gamma, max_negative_gamma, call_wall, put_wall, highest_oi_strike,
 * zero_dte_magnet, max_pain}, level_reasons:{gamma_flip, zero_dte_magnet}, wall_basis, net_gex, net_gex_label,
 * settings, contracts}`.
 */
export function levelsBody(a: ChainAnalysis) {
  const l = a.levels;
  const net = netOf(a, 'gex');
  return {
    ...head(a),
    levels: {
      gamma_flip: price(a.gammaFlip.price),
      max_positive_gamma: l.maxPositiveGamma,
      max_negative_gamma: l.maxNegativeGamma,
      call_wall: l.callWall,
      put_wall: l.putWall,
      highest_oi_strike: l.highestOiStrike,
      zero_dte_magnet: l.zeroDteMagnet,
      max_pain: a.maxPain.strike,
    },
    level_reasons: { gamma_flip: a.gammaFlip.reason, zero_dte_magnet: l.zeroDteMagnetReason },
    wall_basis: l.wallBasis,
    net_gex: money(net),
    net_gex_label: netLabel('gex', net),
    settings: settingsJson(a),
    contracts: countsJson(a),
  };
}

/**
 * `maxpain`: `{symbol, underlying_price, underlying_price_source, underlying_price_reason, as_of, expiration,
 * max_pain_strike, expirations, contracts, pain_curve:[{strike, call_pain, put_pain, total_pain}]}`; pain in $.
 */
export function maxPainBody(a: ChainAnalysis) {
  return {
    ...head(a),
    max_pain_strike: a.maxPain.strike,
    expirations: a.expirations,
    contracts: countsJson(a),
    pain_curve: a.maxPain.curve.map((p) => ({
      strike: p.strike, call_pain: cents(p.callPain), put_pain: cents(p.putPain), total_pain: cents(p.totalPain),
    })),
  };
}

/** The `chain` object of the flow-signal bodies (flow-signals-body.ts) from an analysis of all expiries. */
export function chainLevelsJson(a: ChainAnalysis): ChainLevels {
  return {
    call_wall: a.levels.callWall,
    put_wall: a.levels.putWall,
    max_pain: a.maxPain.strike,
    gamma_flip: price(a.gammaFlip.price),
  };
}
