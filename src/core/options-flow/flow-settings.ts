/**
 * Every tunable number of the flow-signals methodology in one place, with the seed 004 defaults.
 * Nothing here is hidden: docs/methodology.md lists each with its source.
 */
export interface ComponentWeights {
  readonly premium: number;
  readonly size_vs_oi: number;
  readonly aggressor: number;
  readonly sweep: number;
  readonly opening_bias: number;
  readonly tenor: number;
}

export interface FlowSettings {
  /** Same-contract same-side prints at most this far apart join one group (seed: 500 ms). */
  readonly sweepWindowMs: number;
  /** A coalesced group is a signal when its total size reaches this (issue: default 100 contracts). */
  readonly notableSize: number;
  /** A singleton print of at least this size is a block (seed: block-sized = 100 contracts). */
  readonly blockSize: number;
  /** Premium cap of the log normalisation, dollars (seed: $10M). */
  readonly premiumCap: number;
  /** Cap of size ÷ settled OI (seed: 1.0). */
  readonly sizeVsOiCap: number;
  /** Tenor cap, calendar days (seed: 45). */
  readonly tenorCapDays: number;
  /** The OI simulator's per-trade confidence (seed: 0.43; see docs/methodology.md, calibration). */
  readonly oiConfidence: number;
  /** The OI simulator's closing allowance γ as a share of settled OI (calibrated: 1/32; docs/methodology.md). */
  readonly oiClosingShare: number;
  /** Component weights (seed: 1.0/1.0/0.8/1.0/1.2/0.6, sum 5.6). */
  readonly weights: ComponentWeights;
  /** Tolerance of the aggressor buckets, dollars per share (seed: ±0.005). */
  readonly aggressorTolerance: number;
  /** Premium at or above which a signal is tagged `whale`, dollars (our choice: $1M; see methodology). */
  readonly whalePremium: number;
  /** Golden tag: the score floor (seed: 70) and the top fraction of the result set (seed: top decile). */
  readonly goldenMinScore: number;
  readonly goldenTopFraction: number;
  /** Seed 003: |net directional premium| below this is noise (seed: ~$250K). */
  readonly tiltNoisePremium: number;
  /** Seed 003: |net directional premium| at or above this is a strong tilt (seed: $5M). */
  readonly tiltStrongPremium: number;
}

export const DEFAULT_WEIGHTS: ComponentWeights = {
  premium: 1.0, size_vs_oi: 1.0, aggressor: 0.8, sweep: 1.0, opening_bias: 1.2, tenor: 0.6,
};

export const DEFAULT_FLOW_SETTINGS: FlowSettings = {
  sweepWindowMs: 500,
  notableSize: 100,
  blockSize: 100,
  premiumCap: 10_000_000,
  sizeVsOiCap: 1.0,
  tenorCapDays: 45,
  oiConfidence: 0.43,
  oiClosingShare: 1 / 32,
  weights: DEFAULT_WEIGHTS,
  aggressorTolerance: 0.005,
  whalePremium: 1_000_000,
  goldenMinScore: 70,
  goldenTopFraction: 0.1,
  tiltNoisePremium: 250_000,
  tiltStrongPremium: 5_000_000,
};

/** The component names in the seed's order (the order of score_breakdown). */
export const COMPONENTS = ['premium', 'size_vs_oi', 'aggressor', 'sweep', 'opening_bias', 'tenor'] as const;
export type Component = (typeof COMPONENTS)[number];
