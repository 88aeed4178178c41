import type { SmileParams } from './iv-smile.ts';
import type { TickClass } from './option-ticks.ts';
import { Prng } from './prng.ts';

/** One underlying of the synthetic market, with everything the generator needs to quote and trade it. */
export interface Underlying {
  /** 0-based activity rank: 0 is the busiest name. */
  readonly rank: number;
  readonly symbol: string;
  /** `real-ticker`: a real symbol with synthetic numbers; `generated`: an invented symbol. Both are synthetic. */
  readonly kind: 'real-ticker' | 'generated';
  readonly assetClass: 'index-etf' | 'etf' | 'stock';
  /** The previous session's closing price, dollars per share (the chain snapshot's underlying price). */
  readonly previousClose: number;
  readonly smile: SmileParams;
  /** Continuous dividend yield, fraction per year. */
  readonly dividendYield: number;
  readonly tickClass: TickClass;
  /** Spread width factor L of nbbo-model.ts (1 = NVDA-like liquidity; larger = wider quotes). */
  readonly illiquidity: number;
  /** Which expirations are listed: every trading day, Friday weeklies, or standard monthlies only. */
  readonly expiryStyle: 'daily' | 'weekly' | 'monthly';
  /** Relative share of the day's prints: Zipf 1/(rank+1)^1.1. */
  readonly activityWeight: number;
  /** Strikes listed on each side of the money per expiry. */
  readonly halfStrikes: number;
  /** Probability that a print on this name is a call. */
  readonly callShare: number;
}

/** Zipf exponent of the activity distribution across underlyings (rank 1 ≈ 16% of prints at 3,000 names). */
export const ACTIVITY_ZIPF_EXPONENT = 1.1;
/** Number of classes in the Cboe Penny Interval Program (≈ the 360 most active), the tick cut-off. */
export const PENNY_CLASSES = 360;
/** Names from this rank on list only standard monthlies (no weeklies). */
export const WEEKLY_CLASSES = 600;

type Real = readonly [symbol: string, close: number, atmVol: number, cls: 'i' | 'e' | 's', dividendYield: number];

/**
 * Fifty real, heavily traded option underlyings in rough order of 2024–25 options volume, with plausible
 * closing prices and ATM implied volatilities of mid-March 2025. The numbers are illustrative, not
 * historical quotes; every figure written for these symbols is synthetic.
 */
const REAL_UNDERLYINGS: readonly Real[] = [
  ['SPY', 551.42, 0.22, 'i', 0.012], ['QQQ', 468.34, 0.27, 'i', 0.006], ['TSLA', 240.68, 0.80, 's', 0],
  ['NVDA', 115.58, 0.62, 's', 0], ['IWM', 199.38, 0.28, 'i', 0.012], ['AAPL', 209.68, 0.32, 's', 0.005],
  ['PLTR', 81.12, 0.85, 's', 0], ['AMZN', 193.89, 0.38, 's', 0], ['META', 590.26, 0.42, 's', 0.004],
  ['AMD', 98.01, 0.52, 's', 0], ['MSTR', 262.88, 1.0, 's', 0], ['COIN', 186.92, 0.9, 's', 0],
  ['HOOD', 40.07, 0.95, 's', 0], ['MSFT', 378.77, 0.3, 's', 0.008], ['GOOGL', 162.76, 0.35, 's', 0.005],
  ['AVGO', 180.09, 0.6, 's', 0.012], ['SOFI', 11.71, 0.75, 's', 0], ['NFLX', 891.11, 0.38, 's', 0],
  ['SMCI', 38.92, 1.05, 's', 0], ['BABA', 136.97, 0.55, 's', 0.007], ['INTC', 24.35, 0.7, 's', 0],
  ['TLT', 89.92, 0.16, 'e', 0.042], ['GLD', 274.13, 0.17, 'e', 0], ['SLV', 30.63, 0.3, 'e', 0],
  ['UBER', 71.52, 0.45, 's', 0], ['MU', 99.04, 0.6, 's', 0.005], ['F', 9.83, 0.4, 's', 0.06],
  ['BAC', 39.71, 0.33, 's', 0.026], ['MARA', 13.37, 1.05, 's', 0], ['XLF', 47.86, 0.22, 'e', 0.015],
  ['JPM', 229.39, 0.3, 's', 0.022], ['HYG', 78.94, 0.09, 'e', 0.058], ['EEM', 43.91, 0.22, 'e', 0.022],
  ['FXI', 36.82, 0.38, 'e', 0.025], ['BA', 157.21, 0.42, 's', 0], ['DIS', 99.22, 0.32, 's', 0.009],
  ['RIVN', 11.02, 0.75, 's', 0], ['NIO', 4.31, 0.85, 's', 0], ['GME', 21.64, 0.85, 's', 0],
  ['UNH', 488.31, 0.32, 's', 0.017], ['LLY', 815.44, 0.38, 's', 0.007], ['XOM', 110.96, 0.25, 's', 0.035],
  ['WMT', 84.16, 0.3, 's', 0.01], ['ORCL', 146.3, 0.48, 's', 0.011], ['C', 65.93, 0.37, 's', 0.034],
  ['PYPL', 68.12, 0.4, 's', 0], ['SHOP', 101.03, 0.6, 's', 0], ['CVNA', 194.6, 0.85, 's', 0],
  ['SMH', 212.25, 0.45, 'e', 0.004], ['ARKK', 48.17, 0.5, 'e', 0],
];

const CONSONANTS = 'BCDFGHJKLMNPRSTVWXYZ';
const VOWELS = 'AEIOU';

/**
 * The i-th generated ticker: pronounceable consonant–vowel names (CVCV, 10,000 of them, then CVCVC), in a
 * fixed pseudo-random order (index × 7919 mod pool size), skipping the real symbols above.
 */
function generatedTickers(count: number): string[] {
  const real = new Set(REAL_UNDERLYINGS.map((r) => r[0]));
  const out: string[] = [];
  const cvcv = 20 * 5 * 20 * 5;
  const cvcvc = cvcv * 20;
  for (let j = 0; out.length < count; j++) {
    let name: string;
    if (j < cvcv) name = syllables((j * 7919) % cvcv, 4);
    else if (j < cvcv + cvcvc) name = syllables(((j - cvcv) * 7919) % cvcvc, 5);
    else throw new RangeError(`symbols was ${count}; at most ${cvcv + cvcvc} generated names exist`);
    if (!real.has(name)) out.push(name);
  }
  return out;
}

function syllables(n: number, letters: number): string {
  let s = '';
  let x = n;
  for (let i = 0; i < letters; i++) {
    const alphabet = i % 2 === 0 ? CONSONANTS : VOWELS;
    s += alphabet[x % alphabet.length];
    x = Math.floor(x / alphabet.length);
  }
  return s;
}

/** The most symbols `buildUniverse` accepts. */
export const MAX_SYMBOLS = 50_000;

/**
 * The `count` underlyings of a synthetic market: the fifty real tickers first (in activity order), then
 * generated names with random prices (log-normal, median $35, clamped to $1.50–$900) and ATM vols
 * (log-normal around 50%, 20%–160%), each drawn from its own PRNG stream so a name's numbers do not depend on
 * how many names there are.
 */
export function buildUniverse(count: number, seed: number | bigint): Underlying[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_SYMBOLS) {
    throw new RangeError(`symbols was ${count}; expected a whole number from 1 to ${MAX_SYMBOLS}`);
  }
  const names = generatedTickers(Math.max(0, count - REAL_UNDERLYINGS.length));
  const out: Underlying[] = [];
  for (let rank = 0; rank < count; rank++) {
    const real = REAL_UNDERLYINGS[rank];
    if (real !== undefined) {
      const [symbol, close, atmVol, cls, q] = real;
      const assetClass = cls === 'i' ? 'index-etf' : cls === 'e' ? 'etf' : 'stock';
      out.push(describe(rank, symbol, 'real-ticker', assetClass, close, atmVol, q));
    } else {
      const rng = Prng.fromSeed(seed, 1_000_000 + rank);
      const close = Math.round(100 * Math.min(900, Math.max(1.5, 35 * Math.exp(rng.normal())))) / 100;
      const atmVol = Math.round(100 * Math.min(1.6, Math.max(0.2, 0.5 * Math.exp(0.35 * rng.normal())))) / 100;
      const q = rng.chance(0.3) ? Math.round(10 + 30 * rng.next()) / 1000 : 0;
      out.push(describe(rank, names[rank - REAL_UNDERLYINGS.length] as string, 'generated', 'stock', close, atmVol, q));
    }
  }
  return out;
}

function describe(
  rank: number, symbol: string, kind: Underlying['kind'], assetClass: Underlying['assetClass'],
  previousClose: number, atmVol: number, dividendYield: number,
): Underlying {
  const smile: SmileParams = assetClass === 'index-etf' ? { atmVol, skew: -0.15, curvature: 0.03 }
    : assetClass === 'etf' ? { atmVol, skew: -0.1, curvature: 0.03 }
    : atmVol >= 0.8 ? { atmVol, skew: -0.02, curvature: 0.06 }
    : { atmVol, skew: -0.06, curvature: 0.05 };
  return {
    rank, symbol, kind, assetClass, previousClose, smile, dividendYield,
    tickClass: assetClass === 'index-etf' ? 'all-penny' : rank < PENNY_CLASSES ? 'penny' : 'nickel',
    illiquidity: rank < 3 ? 0.6 : rank < 10 ? 1 : rank < 25 ? 3 : rank < 50 ? 6 : rank < PENNY_CLASSES ? 8 : 12,
    expiryStyle: assetClass === 'index-etf' ? 'daily' : rank < WEEKLY_CLASSES ? 'weekly' : 'monthly',
    activityWeight: 1 / (rank + 1) ** ACTIVITY_ZIPF_EXPONENT,
    halfStrikes: rank < 3 ? 40 : rank < 10 ? 30 : rank < 50 ? 20 : rank < PENNY_CLASSES ? 12 : 6,
    callShare: assetClass === 'stock' ? 0.58 : 0.45,
  };
}

/** Risk-free rate used for every valuation: ≈ the 3-month US Treasury bill yield of March 2025 (4.3%). */
export const RISK_FREE_RATE = 0.043;
