/**
 * Every tunable number of the Smart Money Conviction score (seed 000) in one place, with our defaults. The seed
 * names the four kinds of evidence and gives no formula; docs/methodology.md "Smart Money Conviction" gives the
 * reasons for each number. Dollar amounts are US dollars; windows are milliseconds.
 */
export interface ConvictionWeights {
  readonly options_flow: number;
  readonly dark_pool: number;
  readonly alert_cluster: number;
  readonly greek_positioning: number;
}

export interface ConvictionSettings {
  /** Composite weights (re-normalised over the sub-scores present). */
  readonly weights: ConvictionWeights;
  /** Options flow: premium at which the magnitude term starts (seed 003 noise, $250K) and saturates ($50M). */
  readonly flowPremiumFloor: number;
  readonly flowPremiumCap: number;
  /** Options flow: the opening share at and above which directional premium gets full credit (seed 003 gate: 1/2). */
  readonly flowOpeningShareFull: number;
  /** Dark pool: block premium at which the magnitude term starts ($1M) and saturates ($500M). */
  readonly dpBlockPremiumFloor: number;
  readonly dpBlockPremiumCap: number;
  /** Dark pool: unusual blocks at which their term saturates. */
  readonly dpUnusualBlocksFull: number;
  /** Alert cluster: a flow signal is an unusual-activity signature at this seed 004 score or above. */
  readonly alertMinScore: number;
  /** Alert cluster: the sliding window in which signatures count as one cluster (30 minutes). */
  readonly alertWindowMs: number;
  /** Alert cluster: the scale k0 of 100·(1 − e^(−k/k0)) (4 signatures → 63). */
  readonly alertScale: number;
  /** Direction: |signed evidence| at or above this is bullish/bearish, else neutral. */
  readonly directionThreshold: number;
}

export const DEFAULT_CONVICTION_SETTINGS: ConvictionSettings = {
  weights: { options_flow: 0.40, dark_pool: 0.25, alert_cluster: 0.20, greek_positioning: 0.15 },
  flowPremiumFloor: 250_000,
  flowPremiumCap: 50_000_000,
  flowOpeningShareFull: 0.5,
  dpBlockPremiumFloor: 1_000_000,
  dpBlockPremiumCap: 500_000_000,
  dpUnusualBlocksFull: 5,
  alertMinScore: 70,
  alertWindowMs: 30 * 60_000,
  alertScale: 4,
  directionThreshold: 0.25,
};

/** Throws RangeError naming the first setting that is not a finite number in its range. */
export function validateConvictionSettings(s: ConvictionSettings): ConvictionSettings {
  const check = (name: string, v: number, ok: boolean) => {
    if (!Number.isFinite(v) || !ok) throw new RangeError(`conviction setting ${name} was ${v}`);
  };
  const w = s.weights;
  for (const [k, v] of Object.entries(w)) check(`weights.${k}`, v, v >= 0);
  check('weights (sum)', w.options_flow + w.dark_pool + w.alert_cluster + w.greek_positioning,
    w.options_flow + w.dark_pool + w.alert_cluster + w.greek_positioning > 0);
  check('flowPremiumFloor', s.flowPremiumFloor, s.flowPremiumFloor > 0);
  check('flowPremiumCap', s.flowPremiumCap, s.flowPremiumCap > s.flowPremiumFloor);
  check('flowOpeningShareFull', s.flowOpeningShareFull, s.flowOpeningShareFull > 0 && s.flowOpeningShareFull <= 1);
  check('dpBlockPremiumFloor', s.dpBlockPremiumFloor, s.dpBlockPremiumFloor > 0);
  check('dpBlockPremiumCap', s.dpBlockPremiumCap, s.dpBlockPremiumCap > s.dpBlockPremiumFloor);
  check('dpUnusualBlocksFull', s.dpUnusualBlocksFull, s.dpUnusualBlocksFull > 0);
  check('alertMinScore', s.alertMinScore, s.alertMinScore >= 0 && s.alertMinScore <= 100);
  check('alertWindowMs', s.alertWindowMs, s.alertWindowMs > 0);
  check('alertScale', s.alertScale, s.alertScale > 0);
  check('directionThreshold', s.directionThreshold, s.directionThreshold > 0 && s.directionThreshold <= 1);
  return s;
}

/**
 * Where x lies between `floor` and `cap` on a log scale, clamped to [0, 1]: log(x/floor) / log(cap/floor).
 * Dollar amounts span five orders of magnitude across names; a log scale ranks a $5M day between $250K and
 * $50M as traders read it (seed 004 normalises premium the same way).
 */
export function logUnit(x: number, floor: number, cap: number): number {
  if (!(x > floor)) return 0;
  return Math.min(1, Math.log(x / floor) / Math.log(cap / floor));
}

/** Rounds to 2 decimals (sub-scores and scores are published with 2). */
export const round2 = (x: number): number => Math.round(x * 100) / 100;
