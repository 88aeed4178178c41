import type { Right, Side } from './option-trade.ts';
import type { OpenCloseBias } from './flow-score.ts';

export type Intent = 'bullish' | 'bearish' | 'neutral';
export type Conviction = 'high' | 'medium' | 'low' | 'minimal';

/**
 * Seed 004 "Intent Classifier": neutral when the OI simulator reads the trade as closing (an unwind's
 * original direction is unknown) or the side is mid; bullish for a bought call or a sold put; bearish for a
 * sold call or a bought put. The closing rule is tested first, as the seed lists it.
 */
export function classifyIntent(side: Side, right: Right, bias: OpenCloseBias): Intent {
  if (bias === 'closing' || side === 'mid') return 'neutral';
  return (side === 'buy') === (right === 'C') ? 'bullish' : 'bearish';
}

/** Seed 004 "Conviction Labels": 80–100 high, 60–79 medium, 40–59 low, 0–39 minimal (absolute thresholds). */
export function convictionOf(score: number): Conviction {
  return score >= 80 ? 'high' : score >= 60 ? 'medium' : score >= 40 ? 'low' : 'minimal';
}
