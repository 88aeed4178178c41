/**
 * The US options exchanges a synthetic print can come from, by OPRA participant ID (the one-letter code OPRA
 * puts on every last-sale message; OPRA Binary Data Recipient Interface Specification, "Participant ID"; the
 * same letters appear in vendor feeds, e.g. Alpaca's /v1beta1/options/meta/exchanges).
 * `share` is the venue's approximate share of multi-listed equity-option contracts in percent (rounded 2024
 * market-share tables; good to a few points, used only to spread prints plausibly across venues).
 */
export interface OpraVenue {
  readonly code: string;
  readonly name: string;
  readonly share: number;
  /** Has a trading floor (floor trades and most large crosses print there). */
  readonly floor: boolean;
}

export const OPRA_VENUES: readonly OpraVenue[] = [
  { code: 'A', name: 'NYSE American Options', share: 8, floor: true },
  { code: 'B', name: 'BOX Options Exchange', share: 5, floor: true },
  { code: 'C', name: 'Cboe Options Exchange', share: 11, floor: true },
  { code: 'D', name: 'MIAX Emerald', share: 4, floor: false },
  { code: 'E', name: 'Cboe EDGX Options', share: 7, floor: false },
  { code: 'H', name: 'Nasdaq GEMX (ISE Gemini)', share: 3, floor: false },
  { code: 'I', name: 'Nasdaq ISE', share: 7, floor: false },
  { code: 'J', name: 'Nasdaq MRX (ISE Mercury)', share: 2, floor: false },
  { code: 'M', name: 'MIAX Options', share: 6, floor: false },
  { code: 'N', name: 'NYSE Arca Options', share: 9, floor: true },
  { code: 'P', name: 'MIAX Pearl', share: 7, floor: false },
  { code: 'Q', name: 'Nasdaq Options Market', share: 6, floor: false },
  { code: 'T', name: 'Nasdaq BX Options', share: 1, floor: false },
  { code: 'W', name: 'Cboe C2 Options', share: 5, floor: false },
  { code: 'X', name: 'Nasdaq PHLX', share: 11, floor: true },
  { code: 'Z', name: 'Cboe BZX Options', share: 8, floor: false },
];

/**
 * OPRA last-sale condition mnemonics the generator writes (OPRA Binary Data Recipient Interface
 * Specification, last-sale "Message Type"; vendors such as Unusual Whales pass them through as `auto`, `slan`,
 * `mlat`). Empty = regular sale. Cancel and late/out-of-sequence codes are never generated, so every print
 * counts toward volume.
 */
export const OPRA_CONDITIONS = {
  regular: '',
  /** I — executed electronically (automatic execution). */
  auto: 'AUTO',
  /** S — intermarket sweep order execution. */
  isoSweep: 'ISOI',
  /** a — single-leg auction, non-ISO (price-improvement auctions). */
  singleLegAuction: 'SLAN',
  /** c — single-leg cross, non-ISO (facilitation and customer-to-customer crosses). */
  singleLegCross: 'SLCN',
  /** e — single-leg floor trade. */
  singleLegFloor: 'SLFT',
  /** f — multi-leg auto-electronic trade (one leg of a spread; may print outside the leg's NBBO). */
  multiLegElectronic: 'MLET',
  /** g — multi-leg auction. */
  multiLegAuction: 'MLAT',
} as const;
