import type { IsoDate } from '../units.ts';
import { type AlertClusterEvidence, alertClusterEvidence, type AlertSignature } from './alert-cluster.ts';
import { type ConvictionSettings, type ConvictionWeights, round2 } from './conviction-settings.ts';
import { type DarkPoolEvidence, darkPoolEvidence, type DarkPoolEvidenceInput } from './dark-pool-evidence.ts';
import { type GreekPositioningEvidence, greekPositioningEvidence, type GreekPositioningInput } from './greek-positioning.ts';
import { type FlowEvidenceSignal, type OptionsFlowEvidence, optionsFlowEvidence } from './options-flow-evidence.ts';

export type ConvictionDirection = 'bullish' | 'bearish' | 'neutral';

/** A scored options signal as the conviction row reads it (seed 004 FlowSignal has these fields). */
export interface ConvictionSignal extends FlowEvidenceSignal {
  readonly ts: number;
  readonly contract: string;
  readonly structure: string;
}

/** An unusual dark pool block: when, and its inferred side. */
export interface UnusualBlock {
  readonly ts: number;
  readonly price: number;
  readonly size: number;
  readonly side: 'buy' | 'sell' | 'unknown';
}

/** A symbol's day of evidence up to the moment the row is computed for. */
export interface ConvictionInputs {
  readonly symbol: string;
  readonly date: IsoDate;
  /**
   * The day's scored options signals (seed 004) up to now; null when the data has no option prints at all that
   * day (the sub-score is then left out and the weights re-normalised, as for the dark pool).
   */
  readonly signals: readonly ConvictionSignal[] | null;
  /**
   * The day's off-exchange evidence; null when the data has no equity prints at all (the sub-score is then
   * left out and the weights re-normalised). A symbol without prints on a day the data covers is all zeros.
   */
  readonly darkPool: (DarkPoolEvidenceInput & { readonly unusual: readonly UnusualBlock[] }) | null;
  /** Dealer exposures from the symbol's chain at now; null without a chain (left out, re-weighted). */
  readonly greeks: GreekPositioningInput | null;
}

/** One leaderboard row before ranking: the four sub-scores, the composite, the direction and the breakdown. */
export interface ConvictionRow {
  readonly symbol: string;
  readonly date: IsoDate;
  readonly direction: ConvictionDirection;
  readonly score: number;
  readonly options_flow: number | null;
  readonly dark_pool: number | null;
  readonly alert_cluster: number;
  readonly greek_positioning: number | null;
  readonly total_premium: number | null;
  readonly dp_premium: number | null;
  /** Options signatures (score ≥ the alert floor) + unusual dark pool blocks of the day (all, listed or not). */
  readonly alerts: number;
  readonly breakdown: {
    readonly options_flow: OptionsFlowEvidence | null;
    readonly dark_pool: DarkPoolEvidence | null;
    readonly alert_cluster: AlertClusterEvidence;
    readonly greek_positioning: GreekPositioningEvidence | null;
    /** The weights used (re-normalised over the sub-scores present) and their sum before that (coverage). */
    readonly weights: ConvictionWeights;
    readonly coverage: number;
    /** Σ wᵢ·scoreᵢ·directionᵢ ÷ Σ wᵢ·scoreᵢ over flow, dark pool and alerts, in [−1, 1]. */
    readonly signed_evidence: number;
    readonly direction_threshold: number;
  };
}

/** The unusual-activity signatures of a symbol's day (alert-cluster.ts): strong signals and unusual blocks. */
export function alertSignatures(inputs: ConvictionInputs, s: ConvictionSettings): AlertSignature[] {
  const out: AlertSignature[] = [];
  for (const x of inputs.signals ?? []) {
    if (x.score < s.alertMinScore) continue;
    out.push({ ts: x.ts, key: `o|${x.contract}|${x.structure}`, direction: x.intent === 'bullish' ? 1 : x.intent === 'bearish' ? -1 : 0, source: 'options' });
  }
  for (const b of inputs.darkPool?.unusual ?? []) {
    out.push({ ts: b.ts, key: `d|${b.ts}|${b.price}|${b.size}`, direction: b.side === 'buy' ? 1 : b.side === 'sell' ? -1 : 0, source: 'dark_pool' });
  }
  return out;
}

/**
 * Seed 000's row for one symbol and day: four sub-scores (0–100), the composite
 *   score = Σ wᵢ · subᵢ ÷ Σ wᵢ   over the sub-scores present (default w = 0.40 flow, 0.25 dark pool, 0.20 alert
 *   cluster, 0.15 greek positioning)
 * and the direction from the signed evidence E = Σ wᵢ·subᵢ·dᵢ ÷ Σ wᵢ·subᵢ over the three directional kinds
 * (flow premium balance, inferred dark pool imbalance, the densest alert cluster's balance): bullish when
 * E ≥ θ (0.25), bearish when E ≤ −θ, else neutral. Greek positioning says whether the book agrees with the
 * flow, so it moves the score, not the direction (it would count the flow twice). docs/methodology.md.
 */
export function convictionRow(inputs: ConvictionInputs, s: ConvictionSettings): ConvictionRow {
  const flow = inputs.signals === null ? null : optionsFlowEvidence(inputs.signals, s);
  const dp = inputs.darkPool === null ? null : darkPoolEvidence(inputs.darkPool, s);
  const alerts = alertClusterEvidence(alertSignatures(inputs, s), s);
  const greek = inputs.greeks === null ? null : greekPositioningEvidence(inputs.greeks, flow?.direction ?? 0);
  const w = s.weights;
  const present = (flow === null ? 0 : w.options_flow) + w.alert_cluster + (dp === null ? 0 : w.dark_pool) + (greek === null ? 0 : w.greek_positioning);
  const weights: ConvictionWeights = {
    options_flow: flow === null ? 0 : w.options_flow / present,
    dark_pool: dp === null ? 0 : w.dark_pool / present,
    alert_cluster: w.alert_cluster / present,
    greek_positioning: greek === null ? 0 : w.greek_positioning / present,
  };
  const score = weights.options_flow * (flow?.score ?? 0) + weights.dark_pool * (dp?.score ?? 0)
    + weights.alert_cluster * alerts.score + weights.greek_positioning * (greek?.score ?? 0);
  const mass = weights.options_flow * (flow?.score ?? 0) + weights.dark_pool * (dp?.score ?? 0) + weights.alert_cluster * alerts.score;
  const signed = weights.options_flow * (flow?.score ?? 0) * (flow?.direction ?? 0) + weights.dark_pool * (dp?.score ?? 0) * (dp?.direction ?? 0)
    + weights.alert_cluster * alerts.score * alerts.direction;
  const evidence = mass > 0 ? Math.max(-1, Math.min(1, signed / mass)) : 0;
  const direction: ConvictionDirection = evidence >= s.directionThreshold ? 'bullish'
    : evidence <= -s.directionThreshold ? 'bearish' : 'neutral';
  return {
    symbol: inputs.symbol,
    date: inputs.date,
    direction,
    score: round2(Math.max(0, Math.min(100, score))),
    options_flow: flow?.score ?? null,
    dark_pool: dp?.score ?? null,
    alert_cluster: alerts.score,
    greek_positioning: greek?.score ?? null,
    total_premium: flow?.premium ?? null,
    dp_premium: dp?.dp_premium ?? null,
    alerts: alerts.options_signatures + (inputs.darkPool?.unusual_blocks ?? 0),
    breakdown: {
      options_flow: flow, dark_pool: dp, alert_cluster: alerts, greek_positioning: greek,
      weights, coverage: round2(present / (w.options_flow + w.dark_pool + w.alert_cluster + w.greek_positioning)),
      signed_evidence: evidence, direction_threshold: s.directionThreshold,
    },
  };
}
