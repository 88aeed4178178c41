import { COMPONENTS, type Component, type ComponentWeights, type FlowSettings } from './flow-settings.ts';

/** Execution structure of a coalesced group (seed 004, "Sweep Structure"). */
export type Structure = 'sweep' | 'block' | 'single';
/** Seed 004 "Opening Bias": the sign of the OI simulator's net intraday delta. */
export type OpenCloseBias = 'opening' | 'closing' | 'unknown';

export type ScoreComponents = Record<Component, number>;

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/** Seed 004 §1: n = clamp(log10(1 + P) / log10(1 + cap), 0, 1), P in dollars. $1M → 0.86 with the $10M cap. */
export function premiumComponent(premium: number, cap: number): number {
  return clamp01(Math.log10(1 + premium) / Math.log10(1 + cap));
}

/**
 * Seed 004 §2: n = clamp((size / max(1, settled_oi)) / cap, 0, 1).
 * Settled OI unknown (no chain row for the contract) → 0: without a denominator the ratio is unknown and
 * giving it full credit would inflate every score (docs/methodology.md, "Unknown open interest").
 */
export function sizeVsOiComponent(size: number, settledOi: number | null, cap: number): number {
  if (settledOi === null) return 0;
  return clamp01(size / Math.max(1, settledOi) / cap);
}

/** Seed 004 §4: 1.00 sweep (≥ 2 prints), 0.55 block (singleton ≥ block size), 0.20 single (smaller singleton). */
export function sweepComponent(structure: Structure): number {
  return structure === 'sweep' ? 1.0 : structure === 'block' ? 0.55 : 0.2;
}

/** Seed 004 §5: bias_score × oi_confidence, bias_score 1.0 opening, 0.3 closing, 0.5 unknown. */
export function openingBiasComponent(bias: OpenCloseBias, confidence: number): number {
  const biasScore = bias === 'opening' ? 1.0 : bias === 'closing' ? 0.3 : 0.5;
  return biasScore * confidence;
}

/** Seed 004 §6: n = clamp(1 − dte / cap, 0, 1), dte in calendar days. 22 DTE → 0.51 with the 45-day cap. */
export function tenorComponent(dte: number, capDays: number): number {
  return clamp01(1 - dte / capDays);
}

/** Seed 004 §5: the sign of the simulator's net OI delta. */
export function biasOf(netOiDelta: number): OpenCloseBias {
  return netOiDelta > 0 ? 'opening' : netOiDelta < 0 ? 'closing' : 'unknown';
}

export interface ScoredComponents {
  readonly score: number;
  readonly breakdown: ScoreComponents;
  readonly components: ScoreComponents;
}

/**
 * Seed 004 "The Composite Score": contribution_i = round(100 · w_i · n_i / Σ_j w_j) per component
 * (Math.round: halves round up), score = clamp(Σ_i contribution_i, 0, 100). The breakdown sums to the
 * score exactly (the clamp never binds: with n_i ∈ [0,1] each contribution is at most round(100·w_i/Σw),
 * and those roundings can add to at most 100 + 3, so the clamp is kept for that edge).
 */
export function compositeScore(components: ScoreComponents, weights: ComponentWeights): ScoredComponents {
  let total = 0;
  for (const c of COMPONENTS) total += weights[c];
  if (!(total > 0)) throw new RangeError(`component weights sum to ${total}; expected > 0`);
  const breakdown = {} as Record<Component, number>;
  let sum = 0;
  for (const c of COMPONENTS) {
    const w = weights[c];
    if (!(w >= 0)) throw new RangeError(`weight ${c} was ${w}; expected ≥ 0`);
    const contribution = Math.round((100 * w * components[c]) / total);
    breakdown[c] = contribution;
    sum += contribution;
  }
  return { score: Math.min(100, Math.max(0, sum)), breakdown, components };
}

/** The six normalised components of one group, per seed 004 §1–§6. */
export interface GroupFacts {
  readonly premium: number;
  readonly size: number;
  readonly settledOi: number | null;
  readonly aggressorStrength: number;
  readonly structure: Structure;
  readonly bias: OpenCloseBias;
  readonly dte: number;
}

export function scoreComponents(g: GroupFacts, s: FlowSettings): ScoreComponents {
  return {
    premium: premiumComponent(g.premium, s.premiumCap),
    size_vs_oi: sizeVsOiComponent(g.size, g.settledOi, s.sizeVsOiCap),
    aggressor: g.aggressorStrength,
    sweep: sweepComponent(g.structure),
    opening_bias: openingBiasComponent(g.bias, s.oiConfidence),
    tenor: tenorComponent(g.dte, s.tenorCapDays),
  };
}
