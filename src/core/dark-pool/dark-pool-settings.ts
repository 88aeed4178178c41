import { NON_INFORMATIVE_MASK } from './sale-conditions.ts';

/** Every threshold of the dark-pool classification, with its default and reason (docs/methodology.md "Dark pool"). */
export interface DarkPoolSettings {
  /** Venue codes that mean off-exchange. `D` = FINRA ADF/TRFs on the CTA/UTP consolidated tape. */
  readonly offExchangeVenues: readonly string[];
  /** Block: at least this many shares (Reg NMS Rule 600(b)(9) "block size": 10,000 shares). */
  readonly blockShares: number;
  /** Block: at least this notional in dollars (Reg NMS Rule 600(b)(9): $200,000 market value). */
  readonly blockDollars: number;
  /** `either` (the Reg NMS reading: shares OR dollars) or `both` (shares AND dollars). */
  readonly blockRule: 'either' | 'both';
  /** Sweep: consecutive ISO prints of a symbol at most this many ms apart belong to one burst. */
  readonly sweepGapMs: number;
  /** Sweep: a burst needs at least this many ISO prints… */
  readonly sweepMinPrints: number;
  /** …on at least this many distinct venues. */
  readonly sweepMinVenues: number;
  /** Unusual block: an informative off-exchange block with size ≥ this × the day's median informative off-exchange print size. */
  readonly unusualMedianMultiple: number;
  /** Unusual blocks listed in a summary (largest premium first); all are counted. */
  readonly unusualListLimit: number;
  /** Strongest levels reported. */
  readonly levelCount: number;
  /** Level bucket width as a fraction of the day's first informative off-exchange price, rounded down to 1-2-5. */
  readonly levelStepFraction: number;
  /** Condition mask kept out of side and level inference (sale-conditions.ts NON_INFORMATIVE_MASK). */
  readonly nonInformativeMask: number;
}

export const DEFAULT_DARK_POOL_SETTINGS: DarkPoolSettings = {
  offExchangeVenues: ['D'],
  blockShares: 10_000,
  blockDollars: 200_000,
  blockRule: 'either',
  sweepGapMs: 5,
  sweepMinPrints: 3,
  sweepMinVenues: 2,
  unusualMedianMultiple: 50,
  unusualListLimit: 50,
  levelCount: 10,
  levelStepFraction: 0.0005,
  nonInformativeMask: NON_INFORMATIVE_MASK,
};
