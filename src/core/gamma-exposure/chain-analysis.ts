/**
 * Chain analytics of one underlying at one instant: spot, per-contract IV and greeks, exposures by strike and in
 * total, gamma flip, max pain, levels and ATM IV per expiry. Pure: the chain rows and every setting are passed in.
 * Each step is documented in its own file and in docs/methodology-chain.md.
 */
import type { ChainContract } from '../options-flow/chain.ts';
import { PricingInputError, requirePositive } from '../pricing/pricing-input-error.ts';
import { yearsToExpiry } from '../pricing/time-to-expiry.ts';
import type { EpochMs, IsoDate } from '../units.ts';
import { atmIvByExpiry } from './atm-iv.ts';
import {
  type ChainAnalyticsSettings, type DealerConvention, type IvSource, type MarketInputs, marketInputsFor,
} from './chain-analytics-settings.ts';
import { chainLevels, type ChainLevels } from './chain-levels.ts';
import { selectChainSnapshot } from './chain-snapshot.ts';
import { contractGreeks, type NoGreeksReason } from './contract-greeks.ts';
import { type GammaFlip, gammaFlip, GammaProfile } from './gamma-flip.ts';
import { impliedSpot, type ImpliedSpot } from './implied-spot.ts';
import { maxPain, type MaxPain } from './max-pain.ts';
import { isImplausibleQuote } from './quote-plausibility.ts';
import { settlementOf } from './settlement-style.ts';
import {
  type AnalyzedContract, type ExposureTotals, exposureTotals, type StrikeExposure, strikeExposures,
} from './strike-exposures.ts';

/** What to analyse. */
export interface ChainQuery {
  /** Underlying root as the chain names it (upper case). */
  readonly symbol: string;
  /** Per contract the latest snapshot at or before this instant; null = the latest present. */
  readonly at: EpochMs | null;
  /** One expiry, or null for all. */
  readonly expiration: IsoDate | null;
  /** Contracts with less open interest are left out of everything (0 keeps all). */
  readonly minOi: number;
  /** A spot given by the caller (overrides the chain's and the implied one); null to use the chain. */
  readonly spot: number | null;
}

/** Where the spot came from: given by the caller, the chain's underlying_price, or put–call parity. */
export type SpotSource = 'given' | 'chain' | 'implied';

export interface SpotEstimate {
  readonly price: number | null;
  readonly source: SpotSource | null;
  /** Why there is no spot ('no_put_call_pairs'); null when there is one. */
  readonly reason: 'no_put_call_pairs' | null;
  /** The parity estimate's details when it was computed (source 'implied', or as a cross-check). */
  readonly implied: ImpliedSpot | null;
}

export interface ContractCounts {
  /** Contracts of the symbol in the snapshot (latest row per contract), before any filter. */
  readonly inSnapshot: number;
  /** Dropped because expired at the analysis instant. */
  readonly expired: number;
  /** Dropped by --expiration. */
  readonly otherExpiration: number;
  /** Dropped by --min-oi. */
  readonly belowMinOi: number;
  /** Dropped because the quote is implausible for a standard contract (quote-plausibility.ts). */
  readonly implausibleQuote: number;
  /** Analysed (OI, volume, max pain). */
  readonly analysed: number;
  /** Analysed with greeks (exposures, flip). */
  readonly withGreeks: number;
  /** Analysed without greeks, by reason. */
  readonly withoutGreeks: Readonly<Partial<Record<NoGreeksReason, number>>>;
}

export interface ChainAnalysis {
  readonly symbol: string;
  readonly asOf: EpochMs;
  readonly expiration: IsoDate | null;
  readonly minOi: number;
  readonly market: MarketInputs;
  readonly dealerConvention: DealerConvention;
  readonly ivSource: IvSource;
  readonly spot: SpotEstimate;
  readonly counts: ContractCounts;
  /** Analysed contracts in (expiry, strike, right) order. */
  readonly contracts: readonly AnalyzedContract[];
  readonly strikes: readonly StrikeExposure[];
  /** null without a spot. */
  readonly totals: ExposureTotals | null;
  readonly gammaFlip: GammaFlip;
  readonly maxPain: MaxPain;
  readonly levels: ChainLevels;
  readonly atmIv: ReadonlyMap<IsoDate, number>;
  /** The expiries of the analysed contracts, ascending. */
  readonly expirations: readonly IsoDate[];
}

/**
 * Analyses the chain of `query.symbol` at `query.at` from `rows` (any number of snapshots and underlyings).
 * Returns null when the symbol has no row at or before `at` (the caller names the symbols present).
 */
export function analyzeChain(rows: readonly ChainContract[], query: ChainQuery, settings: ChainAnalyticsSettings): ChainAnalysis | null {
  if (query.spot !== null) requirePositive(query.spot, 'spot');
  if (!(query.minOi >= 0)) throw new PricingInputError('minOi', String(query.minOi), 'expected a number ≥ 0');
  const symbol = query.symbol;
  const settlement = (underlying: string, expiry: IsoDate) => settlementOf(underlying, expiry, settings);
  const snapshot = selectChainSnapshot(rows, symbol, query.at, settlement);
  if (snapshot === null) return null;
  const { asOf } = snapshot;
  const market = marketInputsFor(settings, symbol);
  const spot = spotEstimate(snapshot.contracts, snapshot.chainSpot, query.spot, asOf, market, symbol, settings);

  const analysed: AnalyzedContract[] = [];
  const withoutGreeks: Partial<Record<NoGreeksReason, number>> = {};
  let otherExpiration = 0, belowMinOi = 0, implausibleQuote = 0, withGreeks = 0;
  const tolerance = settings.implausibleQuoteTolerance;
  const expirations: IsoDate[] = [];
  for (let i = 0; i < snapshot.contracts.length; i++) {
    const c = snapshot.contracts[i] as ChainContract;
    if (query.expiration !== null && c.expiry !== query.expiration) { otherExpiration++; continue; }
    if (c.openInterest < query.minOi) { belowMinOi++; continue; }
    const t = yearsToExpiry(asOf, c.expiry, settlement(symbol, c.expiry));
    if (tolerance !== null && spot.price !== null && isImplausibleQuote(c, spot.price, t, market, tolerance)) {
      implausibleQuote++;
      continue;
    }
    if (expirations[expirations.length - 1] !== c.expiry) expirations.push(c.expiry);
    const g = contractGreeks(c, spot.price, t, market, settings.ivSource);
    if (typeof g === 'string') {
      withoutGreeks[g] = (withoutGreeks[g] ?? 0) + 1;
      analysed.push({ contract: c, t, greeks: null, reason: g });
    } else {
      withGreeks++;
      analysed.push({ contract: c, t, greeks: g, reason: null });
    }
  }
  const strikes = strikeExposures(analysed, spot.price, settings.dealerConvention);
  const profile = new GammaProfile(analysed, market, settings.dealerConvention);
  return {
    symbol, asOf, expiration: query.expiration, minOi: query.minOi, market,
    dealerConvention: settings.dealerConvention, ivSource: settings.ivSource, spot,
    counts: {
      inSnapshot: snapshot.contracts.length + snapshot.expired, expired: snapshot.expired, otherExpiration, belowMinOi,
      implausibleQuote, analysed: analysed.length, withGreeks, withoutGreeks,
    },
    contracts: analysed,
    strikes,
    totals: spot.price === null ? null : exposureTotals(strikes),
    gammaFlip: gammaFlip(profile, spot.price, settings.flipRange, settings.flipStep),
    maxPain: maxPain(analysedRows(analysed)),
    levels: chainLevels(strikes, analysed, spot.price, asOf),
    atmIv: atmIvByExpiry(analysed, spot.price),
    expirations,
  };
}

/**
 * Only the spot of the analysis (same snapshot choice and precedence as analyzeChain), without greeks,
 * exposures or levels: for callers that need the underlying price of many symbols (a watchlist scan).
 * Null when the symbol has no row at or before `query.at`.
 */
export function chainSpotAt(rows: readonly ChainContract[], query: ChainQuery, settings: ChainAnalyticsSettings): SpotEstimate | null {
  if (query.spot !== null) requirePositive(query.spot, 'spot');
  const snapshot = selectChainSnapshot(rows, query.symbol, query.at, (underlying, expiry) => settlementOf(underlying, expiry, settings));
  if (snapshot === null) return null;
  const market = marketInputsFor(settings, query.symbol);
  return spotEstimate(snapshot.contracts, snapshot.chainSpot, query.spot, snapshot.asOf, market, query.symbol, settings);
}

function analysedRows(analysed: readonly AnalyzedContract[]): ChainContract[] {
  const out: ChainContract[] = new Array(analysed.length);
  for (let i = 0; i < analysed.length; i++) out[i] = (analysed[i] as AnalyzedContract).contract;
  return out;
}

/**
 * Spot, in order of precedence: given by the caller; the chain's underlying_price (latest at or before the
 * analysis instant); put–call parity on all unexpired contracts of the snapshot (before --expiration and --min-oi:
 * the spot is the underlying's, not the filter's); else null with a reason. The parity estimate is computed
 * whenever quotes allow, as a cross-check of a chain or given spot.
 */
function spotEstimate(
  contracts: readonly ChainContract[], chainSpot: number | null, given: number | null, asOf: EpochMs,
  market: MarketInputs, symbol: string, settings: ChainAnalyticsSettings,
): SpotEstimate {
  const implied = impliedSpot(
    contracts, asOf, market, (expiry) => settlementOf(symbol, expiry, settings), settings.impliedSpot,
  );
  if (given !== null) return { price: given, source: 'given', reason: null, implied };
  if (chainSpot !== null) return { price: chainSpot, source: 'chain', reason: null, implied };
  if (implied !== null) return { price: implied.spot, source: 'implied', reason: null, implied };
  return { price: null, source: null, reason: 'no_put_call_pairs', implied: null };
}
