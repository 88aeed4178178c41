import { round2 } from './conviction-settings.ts';

/**
 * What the greek-positioning sub-score reads of the chain analysis (src/core/gamma-exposure): the dealer
 * delta exposure of the calls and of the puts, and the net and gross dealer gamma exposure, all in dollars.
 */
export interface GreekPositioningInput {
  readonly call_dex: number;
  readonly put_dex: number;
  readonly net_gex: number;
  readonly gross_gex: number;
}

export interface GreekPositioningEvidence {
  readonly score: number;
  /** Delta tilt of the open interest in [−1, 1]: (|call DEX| − |put DEX|) ÷ (|call DEX| + |put DEX|); + = calls dominate. */
  readonly delta_tilt: number;
  /** Net ÷ gross dealer GEX in [−1, 1]; < 0 = dealers short gamma (their hedging amplifies moves). */
  readonly gamma_tilt: number;
  /** The flow direction it is compared with (the options-flow sub-score's, in [−1, 1]). */
  readonly flow_direction: number;
  /** delta_tilt × flow_direction: + when the book leans the flow's way. */
  readonly delta_alignment: number;
  /** −gamma_tilt × |flow_direction|: + when dealer hedging would amplify the flow's move. */
  readonly gamma_alignment: number;
}

/**
 * Seed 000 "Greek Positioning: whether net delta and gamma exposure tilt with — or against — the flow story":
 *   score = 50 + 35 · (delta tilt × flow direction) + 15 · (−gamma tilt × |flow direction|)
 * 50 = neither with nor against (no flow direction, or a balanced book); 100 = open interest leaning fully the
 * flow's way with dealers short gamma (moves get chased); 0 = leaning fully against it with dealers long gamma
 * (moves get faded). Delta tilt is the delta-weighted call/put balance of the open interest, which does not
 * depend on the dealer-sign convention; gamma tilt is the sign and share of net dealer GEX under the chain
 * analytics' convention (docs/methodology.md "Chain analytics"). Dealer exposure, not fund positioning (seed 000).
 */
export function greekPositioningEvidence(g: GreekPositioningInput, flowDirection: number): GreekPositioningEvidence {
  const c = Math.abs(g.call_dex), p = Math.abs(g.put_dex);
  const deltaTilt = c + p > 0 ? (c - p) / (c + p) : 0;
  const gammaTilt = g.gross_gex > 0 ? Math.max(-1, Math.min(1, g.net_gex / g.gross_gex)) : 0;
  const deltaAlignment = deltaTilt * flowDirection;
  const gammaAlignment = -gammaTilt * Math.abs(flowDirection);
  return {
    score: round2(Math.max(0, Math.min(100, 50 + 35 * deltaAlignment + 15 * gammaAlignment))),
    delta_tilt: deltaTilt, gamma_tilt: gammaTilt, flow_direction: flowDirection,
    delta_alignment: deltaAlignment, gamma_alignment: gammaAlignment,
  };
}
