/**
 * Every tunable number of the chain analytics (GEX, DEX, VEX, CHEX, levels, max pain) in one place, with the
 * defaults of docs/methodology-chain.md ("Settings"). Nothing is hidden: each is a command-line option too.
 */
import type { Right } from '../options-flow/option-trade.ts';
import type { ImpliedSpotSettings } from './implied-spot.ts';

/**
 * Who is assumed to hold the open interest on the dealer side. SqueezeMetrics' "naive" GEX (white paper, 2017)
 * assumes customers sell calls and buy puts, so dealers are long calls and short puts: `long-calls-short-puts`.
 * The same sign applies to every exposure (GEX, DEX, VEX, CHEX), so all four describe one assumed dealer book.
 */
export type DealerConvention = 'long-calls-short-puts' | 'short-calls-long-puts' | 'long-all' | 'short-all';
export const DEALER_CONVENTIONS: readonly DealerConvention[] = ['long-calls-short-puts', 'short-calls-long-puts', 'long-all', 'short-all'];

/** Where a contract's volatility comes from first: the chain's own IV, or the IV of its bid/ask mid. */
export type IvSource = 'chain' | 'mid';

/** How an expiry's clock stops: 'auto' = by root (settlement-style.ts), or forced AM / PM for every expiry. */
export type SettlementSetting = 'auto' | 'AM' | 'PM';

/** Rate and dividend yield of one underlying, continuously compounded fractions per year (0.04 = 4 %). */
export interface MarketInputs {
  readonly rate: number;
  readonly dividendYield: number;
}

export interface ChainAnalyticsSettings {
  /** Risk-free rate r, continuously compounded per year (default 0.04). */
  readonly rate: number;
  /** Dividend yield q, continuously compounded per year (default 0). */
  readonly dividendYield: number;
  /** Per-underlying overrides of rate and dividend yield (e.g. `{ SPX: { dividendYield: 0.021 } }`). */
  readonly perSymbol: Readonly<Record<string, Partial<MarketInputs>>>;
  /** Dealer sign convention of every exposure (default SqueezeMetrics': long calls, short puts). */
  readonly dealerConvention: DealerConvention;
  /** IV preference: the chain's (default, issue 3) or the mid's; the other is the fallback. */
  readonly ivSource: IvSource;
  /** Expiry clock: 'auto' (AM for the roots below, else PM), or 'AM'/'PM' for all. */
  readonly settlement: SettlementSetting;
  /** Roots whose standard third-Friday expiries are AM-settled (SPX monthly; SPXW weeklies are PM). */
  readonly amSettledThirdFridayRoots: readonly string[];
  /** Roots whose every expiry is AM-settled (VIX options settle on the Wednesday-morning SOQ). */
  readonly amSettledRoots: readonly string[];
  /** Gamma flip grid: spot ± this fraction (0.20 = ±20 %)… */
  readonly flipRange: number;
  /** …in steps of this fraction of spot (0.001 = 0.1 %). */
  readonly flipStep: number;
  /**
   * Rows whose quote is outside the no-arbitrage bounds by more than this fraction of spot are left out of every
   * number (quote-plausibility.ts; default 0.10); null keeps them.
   */
  readonly implausibleQuoteTolerance: number | null;
  /** Implied spot (implied-spot.ts): pairs in the final median, pairs an expiry needs, band around the center. */
  readonly impliedSpot: ImpliedSpotSettings;
}

export const DEFAULT_CHAIN_ANALYTICS_SETTINGS: ChainAnalyticsSettings = {
  rate: 0.04,
  dividendYield: 0,
  perSymbol: {},
  dealerConvention: 'long-calls-short-puts',
  ivSource: 'chain',
  settlement: 'auto',
  amSettledThirdFridayRoots: ['SPX', 'NDX', 'RUT', 'DJX', 'XEO', 'MXEF', 'MXEA'],
  amSettledRoots: ['VIX', 'VIXW'],
  flipRange: 0.2,
  flipStep: 0.001,
  implausibleQuoteTolerance: 0.1,
  impliedSpot: { pairs: 5, minPairs: 3, band: 0.02 },
};

/** r and q for one underlying: its per-symbol override where given, else the defaults. */
export function marketInputsFor(settings: ChainAnalyticsSettings, underlying: string): MarketInputs {
  const o = settings.perSymbol[underlying];
  return { rate: o?.rate ?? settings.rate, dividendYield: o?.dividendYield ?? settings.dividendYield };
}

/** +1 when the assumed dealer is long contracts of this right, −1 when short. */
export function dealerSign(convention: DealerConvention, right: Right): 1 | -1 {
  switch (convention) {
    case 'long-calls-short-puts': return right === 'C' ? 1 : -1;
    case 'short-calls-long-puts': return right === 'C' ? -1 : 1;
    case 'long-all': return 1;
    case 'short-all': return -1;
  }
}
