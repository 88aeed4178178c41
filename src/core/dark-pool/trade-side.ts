/** The inferred aggressor of a print. Never certified: dark prints are anonymous (seed 000, "Important context"). */
export type InferredSide = 'buy' | 'sell' | 'unknown';
/** Which rule decided: the quote rule against the NBBO, or the tick test (also when it could not decide). */
export type SideSource = 'quote' | 'tick';

const EPS = 1e-9;

/**
 * The quote rule (Lee & Ready 1991, "Inferring Trade Direction from Intraday Data", J. Finance 46(2)): a print
 * at or above the ask is a buy, at or below the bid a sell; inside the spread, the nearer side (above the
 * midpoint a buy, below it a sell). At the midpoint the quote rule cannot decide: null, and the caller falls
 * back to the tick test, as Lee and Ready do. Also null when the NBBO is unusable: a side missing (≤ 0),
 * locked (bid = ask, where "at the ask" and "at the bid" coincide) or crossed (bid > ask).
 */
export function quoteRuleSide(price: number, bid: number, ask: number): 'buy' | 'sell' | null {
  if (!(bid > 0 && ask > 0) || ask - bid <= EPS) return null;
  if (price >= ask - EPS) return 'buy';
  if (price <= bid + EPS) return 'sell';
  const mid = (bid + ask) / 2;
  if (price > mid + EPS) return 'buy';
  if (price < mid - EPS) return 'sell';
  return null;
}

/**
 * The tick test over a symbol's consolidated tape, read in arrival order: a print above the last different
 * price (an uptick or zero-uptick) is a buy, below it (a downtick or zero-downtick) a sell (Lee & Ready 1991,
 * section II). The first print of the day has no reference: unknown. Only informative prints should be fed
 * (late and average-price prints carry stale prices).
 */
export class TickTest {
  private lastPrice = NaN;
  private lastDirection: InferredSide = 'unknown';

  /** The side of a print at `price`, then remembers it as the new reference. */
  observe(price: number): InferredSide {
    if (!Number.isNaN(this.lastPrice)) {
      if (price > this.lastPrice + EPS) this.lastDirection = 'buy';
      else if (price < this.lastPrice - EPS) this.lastDirection = 'sell';
    }
    this.lastPrice = price;
    return this.lastDirection;
  }
}
