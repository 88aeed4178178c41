import type { EpochMs, IsoDate } from '../units.ts';
import type { AggressorLabel } from './aggressor.ts';
import type { OpenCloseBias, ScoreComponents, Structure } from './flow-score.ts';
import type { Conviction, Intent } from './intent.ts';
import type { Right, Side } from './option-trade.ts';

/** Seed 004 tags. `golden` depends on the result set and is added by the query (signal-query.ts). */
export type Tag = 'sweep' | 'block' | 'opening' | 'closing' | '0dte' | 'whale' | 'golden';

/**
 * One scored, classified unit of unusual options activity (seed 004 "FlowSignal"): a coalesced group of
 * same-contract same-side prints, or a single notable print. Units: price per share (dollars, the group's
 * size-weighted average), size in contracts, premium in dollars, dte in calendar days.
 */
export interface FlowSignal {
  readonly ts: EpochMs;
  readonly firstTs: EpochMs;
  readonly underlying: string;
  readonly contract: string;
  readonly expiry: IsoDate;
  readonly strike: number;
  readonly right: Right;
  readonly side: Side;
  readonly price: number;
  readonly size: number;
  readonly printCount: number;
  readonly exchanges: readonly string[];
  readonly premium: number;
  readonly dte: number;
  readonly structure: Structure;
  readonly aggressor: AggressorLabel;
  /** Size-weighted NBBO over the group's prints. */
  readonly bid: number;
  readonly ask: number;
  readonly crossedOrLocked: boolean;
  readonly openCloseBias: OpenCloseBias;
  readonly openCloseConfidence: number;
  readonly contractNetOiDelta: number;
  readonly settledOi: number | null;
  readonly intent: Intent;
  readonly score: number;
  readonly conviction: Conviction;
  readonly breakdown: ScoreComponents;
  readonly components: ScoreComponents;
  /** Tags that depend on the signal alone (all but `golden`). */
  readonly tags: readonly Tag[];
}
