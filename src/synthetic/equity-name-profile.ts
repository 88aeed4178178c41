import type { Underlying } from './underlying-universe.ts';

/** How one name's stock trades on the synthetic equity tape (equity-ticks.ts). All design choices are in docs/synthetic-tape.md. */
export interface EquityNameProfile {
  /** Typical NBBO width, whole cents (≥ 1). */
  readonly spreadCents: number;
  /** Probability that a single (non-sweep) continuous print is reported off-exchange (venue D). */
  readonly offExchangeShare: number;
  /** Probability that a continuous print is an odd lot (< 100 shares). */
  readonly oddLotShare: number;
  /** Round-lot print size: 100·(1 + ⌊s·(U^(−1/α) − 1)⌋) shares with this s (α = ROUND_LOT_ALPHA; roundLots). */
  readonly roundLotScale: number;
  /** Where the opening and closing auctions print: P (NYSE Arca), N (NYSE) or Q (Nasdaq). */
  readonly listingVenue: string;
}

/** Tail exponent α of round-lot print sizes (roundLots). Fitted by eye to the LEAN tapes (docs/synthetic-tape.md). */
export const ROUND_LOT_ALPHA = 1.6;
/** Round-lot prints are capped at 2,000 lots (200,000 shares); bigger prints come only from blocks and auctions. */
export const MAX_ROUND_LOTS = 2000;

/** NYSE-listed real tickers of the universe (as of March 2025); ETFs list on NYSE Arca unless named in NASDAQ_ETFS. */
const NYSE_LISTED = new Set(['BABA', 'UBER', 'F', 'BAC', 'JPM', 'BA', 'DIS', 'NIO', 'GME', 'UNH', 'LLY', 'XOM', 'WMT', 'ORCL', 'C', 'SHOP', 'CVNA']);
const NASDAQ_ETFS = new Set(['QQQ', 'TLT', 'SMH']);

/**
 * The equity trading profile of a name, from its price, rank and kind:
 * - spread: max(1¢, price × b) with b = 0.2 bp for SPY/QQQ/IWM, 1 bp for ranks 3–9, 2 bp to rank 49, 5 bp to
 *   rank 359, 12 bp beyond (SPY, BAC and NVDA quote a penny wide; META ≈ 6¢, NFLX ≈ 18¢);
 * - off-exchange share of single prints: ETFs 0.24, stocks 0.33 + 0.03·ln(50/price) within 0.26–0.4 (the LEAN
 *   tapes: SPY's prints 14% off-exchange, IBM ($180) 29–32%, AIG ($48) 22–25%, BAC ($14) 40%; with sweeps on lit
 *   venues only, a name's share of *all* prints ends near 0.8 × this);
 * - odd-lot share: 0.12 + 0.1·ln(price/10) within 8–60% — a design target (odd lots rise with price); the 2013
 *   LEAN tapes cannot calibrate it, odd lots joined the consolidated tape only on 2013-12-09;
 * - round-lot scale s: 0.85·(50/price)^0.6 within 0.6–4, ×2.5 for ETFs (cheap names print more shares; on
 *   the LEAN tapes IBM ≈ 0.7, AIG ≈ 0.85, BAC ≈ 3 and SPY ≈ 2 reproduce the share of 100-share prints and the tail).
 */
export function equityNameProfile(u: Pick<Underlying, 'rank' | 'symbol' | 'kind' | 'assetClass' | 'previousClose'>): EquityNameProfile {
  const price = u.previousClose;
  const bp = u.rank < 3 ? 0.2 : u.rank < 10 ? 1 : u.rank < 50 ? 2 : u.rank < 360 ? 5 : 12;
  const etf = u.assetClass !== 'stock';
  return {
    spreadCents: Math.max(1, Math.round(price * bp / 100)),
    offExchangeShare: etf ? 0.24 : clamp(0.33 + 0.03 * Math.log(50 / price), 0.26, 0.4),
    oddLotShare: clamp(0.12 + 0.1 * Math.log(price / 10), 0.08, 0.6),
    roundLotScale: clamp(0.85 * (50 / price) ** 0.6, 0.6, 4) * (etf ? 2.5 : 1),
    listingVenue: etf ? (NASDAQ_ETFS.has(u.symbol) ? 'Q' : 'P')
      : u.kind === 'real-ticker' ? (NYSE_LISTED.has(u.symbol) ? 'N' : 'Q')
      : u.rank % 2 === 0 ? 'Q' : 'N',
  };
}

/**
 * Round lots of one continuous print: N = 1 + ⌊s·(U^(−1/α) − 1)⌋, capped at MAX_ROUND_LOTS — a discrete Lomax
 * (Pareto II) law, P(N ≥ k + 1) = (1 + k/s)^(−α): a fat head at one lot (100 shares) and a power-law tail.
 * `u` is uniform in [0, 1).
 */
export function roundLots(scale: number, u: number): number {
  return Math.min(MAX_ROUND_LOTS, 1 + Math.floor(scale * ((1 - u) ** (-1 / ROUND_LOT_ALPHA) - 1)));
}

/**
 * Expected shares of one continuous round-lot print: 100·E[N] = 100·Σ_{k=0}^{MAX−1} P(N ≥ k + 1)
 * = 100·Σ_k (1 + k/s)^(−α). Sizes the auctions against the day's volume.
 */
export function meanRoundLotShares(scale: number): number {
  let lots = 0;
  for (let k = 0; k < MAX_ROUND_LOTS; k++) lots += (1 + k / scale) ** -ROUND_LOT_ALPHA;
  return 100 * lots;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
