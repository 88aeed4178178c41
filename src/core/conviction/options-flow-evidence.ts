import { type ConvictionSettings, logUnit, round2 } from './conviction-settings.ts';

/** What the options-flow sub-score reads of each scored signal (seed 004 FlowSignal). */
export interface FlowEvidenceSignal {
  readonly premium: number;
  readonly intent: 'bullish' | 'bearish' | 'neutral';
  readonly score: number;
  readonly openCloseBias: 'opening' | 'closing' | 'unknown';
}

/** The options-flow sub-score with every number behind it. */
export interface OptionsFlowEvidence {
  /** 0–100. */
  readonly score: number;
  /** Signed direction in [−1, 1]: (bullish − bearish) ÷ (bullish + bearish) premium; 0 when neither. */
  readonly direction: number;
  readonly signals: number;
  /** Total premium of the day's scored signals, dollars ("Total Premium" of seed 000). */
  readonly premium: number;
  readonly bullish_premium: number;
  readonly bearish_premium: number;
  /** Opening ÷ (opening + closing) premium; null when neither. */
  readonly opening_share: number | null;
  /** m = logUnit(premium, floor, cap). */
  readonly magnitude: number;
  /** |direction| × min(1, opening share ÷ full share); opening share unknown → ½ credit. */
  readonly directional: number;
  /** Premium-weighted mean seed 004 score ÷ 100: the credit for size, urgency and unusual structure. */
  readonly quality: number;
}

/**
 * Seed 000 "Options Flow: direction and intensity of premium across calls and puts, with credit for size,
 * urgency, and unusual structure", over the day's scored signals (seed 004) up to now:
 *   score = 100 · m · (0.4 + 0.3 · u + 0.3 · q)
 * with m = log-scaled premium between $250K (seed 003 noise) and $50M, u = |bullish − bearish| ÷ (bullish +
 * bearish) × the opening-share credit (seed 003: closing-driven flow is unwinds, not conviction), and q = the
 * premium-weighted mean seed 004 score ÷ 100 (which already credits size vs OI, aggressor, sweep and tenor).
 * Premium is the gate: without size there is no conviction, however one-sided. docs/methodology.md.
 */
export function optionsFlowEvidence(signals: readonly FlowEvidenceSignal[], s: ConvictionSettings): OptionsFlowEvidence {
  let premium = 0, bullish = 0, bearish = 0, opening = 0, closing = 0, weightedScore = 0;
  for (const x of signals) {
    premium += x.premium;
    weightedScore += x.premium * x.score;
    if (x.intent === 'bullish') bullish += x.premium;
    else if (x.intent === 'bearish') bearish += x.premium;
    if (x.openCloseBias === 'opening') opening += x.premium;
    else if (x.openCloseBias === 'closing') closing += x.premium;
  }
  const direction = bullish + bearish > 0 ? (bullish - bearish) / (bullish + bearish) : 0;
  const openingShare = opening + closing > 0 ? opening / (opening + closing) : null;
  const openingCredit = openingShare === null ? 0.5 : Math.min(1, openingShare / s.flowOpeningShareFull);
  const magnitude = logUnit(premium, s.flowPremiumFloor, s.flowPremiumCap);
  const directional = Math.abs(direction) * openingCredit;
  const quality = premium > 0 ? weightedScore / premium / 100 : 0;
  return {
    score: round2(100 * magnitude * (0.4 + 0.3 * directional + 0.3 * quality)),
    direction,
    signals: signals.length,
    premium, bullish_premium: bullish, bearish_premium: bearish, opening_share: openingShare,
    magnitude, directional, quality,
  };
}
