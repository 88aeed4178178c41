/** Seed 001: "When the Smart Money Score conflicts with the Fear & Greed Index by 20+ points". */
export const DIVERGENCE_POINTS = 20;

export type DivergenceDirection = 'smart_money_more_bullish' | 'smart_money_more_bearish';

export interface Divergence {
  /** score − Fear & Greed, in index points (rounded to 0.1). */
  readonly difference: number;
  /** |difference| ≥ 20. */
  readonly flagged: boolean;
  /** Which side smart money is on relative to the crowd; null when the two agree exactly. */
  readonly direction: DivergenceDirection | null;
}

/**
 * Smart money against the crowd (seed 001, "Divergence from Retail Sentiment"): difference = score − F&G.
 * Flagged at 20 points or more either way; above the F&G, "institutions are accumulating while retail panics"
 * (the seed's example: score 72, F&G 18, a 54-point divergence). The difference is rounded to 0.1 point before
 * the comparison, so that a reported 20.0 is flagged whatever the binary representation of its parts.
 */
export function fearGreedDivergence(score: number, fearGreed: number): Divergence {
  const difference = Math.round((score - fearGreed) * 10) / 10;
  return {
    difference,
    flagged: Math.abs(difference) >= DIVERGENCE_POINTS,
    direction: difference > 0 ? 'smart_money_more_bullish' : difference < 0 ? 'smart_money_more_bearish' : null,
  };
}

/** A moment with its divergence, for divergenceOnsets. */
export interface DivergenceInstant {
  readonly ts: number;
  readonly divergence: Divergence | null;
}

/**
 * The first moments of each run of flagged divergences: a point is an onset when it is flagged and the point
 * before it (in the series, at most `stepMs` earlier) was not flagged or pointed the other way. A divergence
 * lasting ten days is one event, not ten.
 */
export function divergenceOnsets<P extends DivergenceInstant>(points: readonly P[], stepMs: number): P[] {
  const out: P[] = [];
  let prev: P | null = null;
  for (const p of points) {
    const d = p.divergence;
    if (d !== null && d.flagged) {
      const pd = prev?.divergence;
      const continues = prev !== null && p.ts - prev.ts <= stepMs && pd !== null && pd !== undefined && pd.flagged && pd.direction === d.direction;
      if (!continues) out.push(p);
    }
    prev = p;
  }
  return out;
}
