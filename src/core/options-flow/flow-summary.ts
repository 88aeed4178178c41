import type { FlowSettings } from './flow-settings.ts';
import type { FlowSignal } from './flow-signal.ts';
import { type QueriedSignal, withGoldenTags } from './signal-query.ts';

/** Seed 003 tilt read. */
export type TiltRead = 'bullish' | 'bearish' | 'mixed' | 'noise';

export interface FlowSummary {
  readonly signalCount: number;
  readonly bullishPremium: number;
  readonly bearishPremium: number;
  readonly netDirectionalPremium: number;
  readonly openingPremium: number;
  readonly closingPremium: number;
  /** opening ÷ (opening + closing) premium; null when neither. */
  readonly openingShare: number | null;
  readonly tilt: TiltRead;
  /** `strong` when |net| reaches the $5M level of seed 003, else `moderate`; null for noise and mixed. */
  readonly tiltStrength: 'strong' | 'moderate' | null;
  readonly topSignals: readonly QueriedSignal[];
}

/**
 * Seed 004 "The Summary Endpoint" and seed 003 "Smart-Money Tilt", over the signals a query matched
 * (best first): bullish/bearish premium by intent, net = bullish − bearish, opening/closing premium by the
 * OI simulator's bias, the top 10 by score. The tilt read (seed 003 "How to read the tilt"):
 *   |net| < noise threshold ($250K)                 → noise
 *   opening share > 1/2 (the gate: opening > closing) → bullish if net > 0, bearish if net < 0
 *   otherwise (closing-driven or no open/close read)  → mixed (unwinds, not conviction)
 * with strength `strong` at |net| ≥ $5M (seed 003: "highest-conviction directional bias").
 */
export function summarize(ranked: readonly FlowSignal[], s: FlowSettings): FlowSummary {
  let bullish = 0, bearish = 0, opening = 0, closing = 0;
  for (const x of ranked) {
    if (x.intent === 'bullish') bullish += x.premium;
    else if (x.intent === 'bearish') bearish += x.premium;
    if (x.openCloseBias === 'opening') opening += x.premium;
    else if (x.openCloseBias === 'closing') closing += x.premium;
  }
  const net = bullish - bearish;
  const openingShare = opening + closing > 0 ? opening / (opening + closing) : null;
  let tilt: TiltRead;
  if (Math.abs(net) < s.tiltNoisePremium) tilt = 'noise';
  else if (openingShare !== null && openingShare > 0.5) tilt = net > 0 ? 'bullish' : 'bearish';
  else tilt = 'mixed';
  const tiltStrength = tilt === 'bullish' || tilt === 'bearish'
    ? (Math.abs(net) >= s.tiltStrongPremium ? 'strong' : 'moderate') : null;
  return {
    signalCount: ranked.length,
    bullishPremium: bullish,
    bearishPremium: bearish,
    netDirectionalPremium: net,
    openingPremium: opening,
    closingPremium: closing,
    openingShare,
    tilt,
    tiltStrength,
    topSignals: withGoldenTags(ranked, s).slice(0, 10),
  };
}
