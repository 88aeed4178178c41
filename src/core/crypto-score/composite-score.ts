import { PILLARS, type Pillar, type PillarWeights } from './score-weights.ts';

/** Each pillar's 0–100 score, or null when its data is missing at that moment (never 0 for "no data"). */
export type PillarScores = Readonly<Record<Pillar, number | null>>;

export interface Composite {
  /** Σ wᵢ·sᵢ / Σ wᵢ over the pillars present, 0–100. */
  readonly score: number;
  /** Pillars without data, in the formula's order. */
  readonly pillarsMissing: readonly Pillar[];
  /** Σ wᵢ over the pillars present (weights normalised to 1): 1 = every pillar, 0.35 = funding alone. */
  readonly coverage: number;
}

/**
 * The Smart Money Score (seed 001, "How the Score is Calculated"): the weighted mean of the pillars that have
 * data, re-weighted over them: score = Σ_present wᵢ·sᵢ / Σ_present wᵢ. With all five present this is the
 * seed's 0.35·F + 0.30·S + 0.15·OI + 0.10·V + 0.10·LS. A missing pillar is left out, never counted as 0
 * (which would read as "very bearish"); `coverage` says how much of the formula stood behind the number.
 * Null when no pillar with a weight > 0 has data.
 */
export function compositeScore(pillars: PillarScores, weights: PillarWeights): Composite | null {
  let sw = 0, sws = 0;
  const missing: Pillar[] = [];
  for (const p of PILLARS) {
    const s = pillars[p];
    if (s === null) { missing.push(p); continue; }
    if (!(s >= 0 && s <= 100)) throw new Error(`pillar ${p} score was ${s}; expected 0–100`);
    sw += weights[p];
    sws += weights[p] * s;
  }
  if (!(sw > 0)) return null;
  return { score: Math.min(100, Math.max(0, sws / sw)), pillarsMissing: missing, coverage: sw };
}
