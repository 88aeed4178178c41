import type { EquityPrint } from './equity-print.ts';
import type { DarkPoolSettings } from './dark-pool-settings.ts';
import { type DarkPoolLevel, PRICE_UNITS_PER_DOLLAR, VolumeAtPrice, darkPoolLevels, levelStep } from './dark-pool-levels.ts';
import { IsoSweepBursts, type SweepTotals } from './iso-sweep-bursts.ts';
import {
  PRINT_AFTER_HOURS, PRINT_BLOCK, PRINT_ISO, PRINT_NON_INFORMATIVE, PRINT_OFF_EXCHANGE, isInformative,
} from './print-classification.ts';
import { type SaleConditionName, conditionNames } from './sale-conditions.ts';
import type { InferredSide, SideSource } from './trade-side.ts';
import type { Dollars, EpochMs, Fraction, IsoDate, PricePerShare, Shares } from '../units.ts';

/** An off-exchange block large for its symbol's own day (DarkPoolBook, "unusual"). */
export interface UnusualBlock {
  readonly ts: EpochMs;
  readonly price: PricePerShare;
  readonly size: Shares;
  readonly premium: Dollars;
  readonly side: InferredSide;
  readonly side_source: SideSource;
  readonly conditions: readonly SaleConditionName[];
}

/** Off-exchange prints kept out of side and level inference, by reason (a print may have both reasons). */
export interface DarkPoolExclusions {
  /** Distinct off-exchange prints excluded for any reason, and their volume (shares). */
  readonly prints: number;
  readonly volume: Shares;
  readonly after_hours: number;
  readonly after_hours_volume: Shares;
  readonly non_informative: number;
  readonly non_informative_volume: Shares;
  /** Non-informative prints per condition name (a print with two such conditions counts under both). */
  readonly by_condition: Readonly<Record<string, number>>;
}

/**
 * The dark-pool evidence of one symbol on one New York day: the interface the conviction score consumes.
 * Volumes in shares, premiums in dollars (price × size), shares of volume as fractions. Premium fields are
 * off-exchange prints only; side is inferred (never certified) from informative prints:
 * dp_buy_premium + dp_sell_premium + dp_unknown_premium = dp_premium. docs/methodology.md "Dark pool (seed 000)".
 */
export interface DarkPoolDay {
  readonly symbol: string;
  readonly date: IsoDate;
  /** Every accepted print of the day, all venues and sessions. */
  readonly prints: number;
  readonly total_volume: Shares;
  readonly off_exchange_prints: number;
  readonly off_exchange_volume: Shares;
  /** off_exchange_volume ÷ total_volume (0 with no volume). */
  readonly off_exchange_share: Fraction;
  /** The same three over the regular session only. */
  readonly regular_session: { readonly total_volume: Shares; readonly off_exchange_volume: Shares; readonly off_exchange_share: Fraction };
  readonly dp_premium: Dollars;
  readonly dp_buy_premium: Dollars;
  readonly dp_sell_premium: Dollars;
  /** Off-exchange premium with no inferred side: excluded prints and prints neither rule could sign. */
  readonly dp_unknown_premium: Dollars;
  /** dp_buy_premium − dp_sell_premium (inferred). */
  readonly dp_net_premium: Dollars;
  /** How the informative off-exchange prints were signed. */
  readonly side_sources: { readonly quote: number; readonly tick: number; readonly unknown: number };
  /** Off-exchange block prints (all sessions and conditions) and their premium. */
  readonly blocks: number;
  readonly block_volume: Shares;
  readonly block_premium: Dollars;
  /** Off-exchange ISO prints. */
  readonly iso: { readonly prints: number; readonly volume: Shares; readonly premium: Dollars };
  readonly sweeps: SweepTotals;
  /** The multiple × median rule's share threshold for this day (0 with no informative off-exchange print). */
  readonly unusual_block_min_size: Shares;
  readonly unusual_block_count: number;
  /** The largest unusual blocks by premium (settings.unusualListLimit), then time. */
  readonly unusual_blocks: readonly UnusualBlock[];
  /** Level bucket width, $/share (levelStep of the day's earliest informative off-exchange price). */
  readonly level_step: number;
  readonly levels: readonly DarkPoolLevel[];
  /** Price of the latest informative print on any venue; null before one. */
  readonly last_price: PricePerShare | null;
  readonly last_price_ts: EpochMs | null;
  /** Time of the latest print of any kind (pre-market, after-hours and non-informative included); null before one. */
  readonly last_print_ts: EpochMs | null;
  readonly excluded: DarkPoolExclusions;
}

interface BlockCandidate {
  readonly ts: EpochMs;
  readonly price: PricePerShare;
  readonly size: Shares;
  readonly premiumUnits: number;
  readonly side: InferredSide;
  readonly sideSource: SideSource;
  readonly conditions: number;
}

const U = PRICE_UNITS_PER_DOLLAR;

/**
 * Accumulates one symbol-day's prints, one at a time, each already classified (print-classification.ts) and
 * signed (trade-side.ts; DarkPoolTape does both), and returns its DarkPoolDay on demand. Totals are running
 * sums (notional as integer 1/10,000 dollars, so exact); the summary is cached until the next print, and its
 * costlier parts (levels: O(distinct prices); unusual blocks: O(distinct sizes + blocks)) are rebuilt only then.
 * For prints with distinct timestamps the summary does not depend on the order they were added in.
 */
export class DarkPoolBook {
  private prints = 0;
  private totalVolume = 0;
  private regularVolume = 0;
  private regularOffVolume = 0;
  private offPrints = 0;
  private offVolume = 0;
  private dpUnits = 0;
  private buyUnits = 0;
  private sellUnits = 0;
  private sideQuote = 0;
  private sideTick = 0;
  private sideUnknown = 0;
  private blocks = 0;
  private blockVolume = 0;
  private blockUnits = 0;
  private isoPrints = 0;
  private isoVolume = 0;
  private isoUnits = 0;
  private excludedPrints = 0;
  private excludedVolume = 0;
  private afterHours = 0;
  private afterHoursVolume = 0;
  private nonInformative = 0;
  private nonInformativeVolume = 0;
  private readonly excludedMasks = new Map<number, number>();
  private lastTs = -Infinity;
  private lastAnyTs = -Infinity;
  private lastPrice = NaN;
  private firstDpTs = Infinity;
  private firstDpPrice = NaN;
  private readonly vap = new VolumeAtPrice();
  private readonly dpSizes = new Map<number, number>();
  private dpInformativePrints = 0;
  private readonly candidates: BlockCandidate[] = [];
  private readonly sweeps: IsoSweepBursts;
  private cached: DarkPoolDay | null = null;

  constructor(readonly symbol: string, readonly date: IsoDate, private readonly settings: DarkPoolSettings) {
    this.sweeps = new IsoSweepBursts(settings.sweepGapMs, settings.sweepMinPrints, settings.sweepMinVenues);
  }

  /** Adds one print with its class bits and inferred side (side is read only for informative prints). */
  add(p: EquityPrint, classes: number, side: InferredSide, sideSource: SideSource): void {
    this.cached = null;
    const size = p.size as number;
    const priceUnits = Math.round(p.price * U);
    const units = priceUnits * size;
    const off = (classes & PRINT_OFF_EXCHANGE) !== 0;
    const informative = isInformative(classes);
    this.prints++;
    if (p.ts > this.lastAnyTs) this.lastAnyTs = p.ts;
    this.totalVolume += size;
    if ((classes & PRINT_AFTER_HOURS) === 0) {
      this.regularVolume += size;
      if (off) this.regularOffVolume += size;
    }
    if (informative && p.ts >= this.lastTs) {
      this.lastTs = p.ts;
      this.lastPrice = p.price;
    }
    if ((classes & PRINT_ISO) !== 0) this.sweeps.add(p.ts, p.exchange, off, size, units);
    if (!off) return;
    this.offPrints++;
    this.offVolume += size;
    this.dpUnits += units;
    if ((classes & PRINT_BLOCK) !== 0) {
      this.blocks++;
      this.blockVolume += size;
      this.blockUnits += units;
    }
    if ((classes & PRINT_ISO) !== 0) {
      this.isoPrints++;
      this.isoVolume += size;
      this.isoUnits += units;
    }
    if (!informative) {
      this.exclude(p, classes, size);
      return;
    }
    if (side === 'buy') this.buyUnits += units;
    else if (side === 'sell') this.sellUnits += units;
    if (side === 'unknown') this.sideUnknown++;
    else if (sideSource === 'quote') this.sideQuote++;
    else this.sideTick++;
    this.vap.add(priceUnits, size);
    this.dpSizes.set(size, (this.dpSizes.get(size) ?? 0) + 1);
    this.dpInformativePrints++;
    if (p.ts < this.firstDpTs || (p.ts === this.firstDpTs && p.price < this.firstDpPrice)) {
      this.firstDpTs = p.ts;
      this.firstDpPrice = p.price;
    }
    if ((classes & PRINT_BLOCK) !== 0) {
      this.candidates.push({
        ts: p.ts, price: p.price, size: p.size, premiumUnits: units, side, sideSource, conditions: p.conditions,
      });
    }
  }

  /** The day's summary; cached until the next `add`. */
  summary(): DarkPoolDay {
    if (this.cached !== null) return this.cached;
    const s = this.settings;
    const median = medianOfCounts(this.dpSizes, this.dpInformativePrints);
    const minSize = median * s.unusualMedianMultiple;
    const unusual = this.candidates.filter((c) => c.size >= minSize);
    unusual.sort((a, b) => b.premiumUnits - a.premiumUnits || a.ts - b.ts || a.price - b.price || a.size - b.size);
    const last = Number.isNaN(this.lastPrice) ? null : this.lastPrice;
    const step = Number.isNaN(this.firstDpPrice) ? 0.01 : levelStep(this.firstDpPrice, s.levelStepFraction);
    const sweeps = this.sweeps.totals();
    const byCondition: Record<string, number> = {};
    for (const [mask, n] of [...this.excludedMasks].sort((a, b) => a[0] - b[0])) {
      for (const name of conditionNames(mask & s.nonInformativeMask)) byCondition[name] = (byCondition[name] ?? 0) + n;
    }
    this.cached = {
      symbol: this.symbol,
      date: this.date,
      prints: this.prints,
      total_volume: this.totalVolume as Shares,
      off_exchange_prints: this.offPrints,
      off_exchange_volume: this.offVolume as Shares,
      off_exchange_share: ratio(this.offVolume, this.totalVolume),
      regular_session: {
        total_volume: this.regularVolume as Shares,
        off_exchange_volume: this.regularOffVolume as Shares,
        off_exchange_share: ratio(this.regularOffVolume, this.regularVolume),
      },
      dp_premium: (this.dpUnits / U) as Dollars,
      dp_buy_premium: (this.buyUnits / U) as Dollars,
      dp_sell_premium: (this.sellUnits / U) as Dollars,
      dp_unknown_premium: ((this.dpUnits - this.buyUnits - this.sellUnits) / U) as Dollars,
      dp_net_premium: ((this.buyUnits - this.sellUnits) / U) as Dollars,
      side_sources: { quote: this.sideQuote, tick: this.sideTick, unknown: this.sideUnknown },
      blocks: this.blocks,
      block_volume: this.blockVolume as Shares,
      block_premium: (this.blockUnits / U) as Dollars,
      iso: { prints: this.isoPrints, volume: this.isoVolume as Shares, premium: (this.isoUnits / U) as Dollars },
      sweeps: { ...sweeps, off_exchange_premium: sweeps.off_exchange_premium / U },
      unusual_block_min_size: minSize as Shares,
      unusual_block_count: unusual.length,
      unusual_blocks: unusual.slice(0, s.unusualListLimit).map((c): UnusualBlock => ({
        ts: c.ts, price: c.price, size: c.size, premium: (c.premiumUnits / U) as Dollars,
        side: c.side, side_source: c.sideSource, conditions: conditionNames(c.conditions),
      })),
      level_step: step,
      levels: darkPoolLevels(this.vap, step, last, s.levelCount),
      last_price: last as PricePerShare | null,
      last_price_ts: Number.isFinite(this.lastTs) ? this.lastTs as EpochMs : null,
      last_print_ts: Number.isFinite(this.lastAnyTs) ? this.lastAnyTs as EpochMs : null,
      excluded: {
        prints: this.excludedPrints,
        volume: this.excludedVolume as Shares,
        after_hours: this.afterHours,
        after_hours_volume: this.afterHoursVolume as Shares,
        non_informative: this.nonInformative,
        non_informative_volume: this.nonInformativeVolume as Shares,
        by_condition: byCondition,
      },
    };
    return this.cached;
  }

  private exclude(p: EquityPrint, classes: number, size: number): void {
    this.excludedPrints++;
    this.excludedVolume += size;
    if ((classes & PRINT_AFTER_HOURS) !== 0) {
      this.afterHours++;
      this.afterHoursVolume += size;
    }
    if ((classes & PRINT_NON_INFORMATIVE) !== 0) {
      this.nonInformative++;
      this.nonInformativeVolume += size;
      this.excludedMasks.set(p.conditions, (this.excludedMasks.get(p.conditions) ?? 0) + 1);
    }
  }
}

function ratio(a: number, b: number): Fraction {
  return (b > 0 ? a / b : 0) as Fraction;
}

/** The lower median of a multiset given as value → count (0 when empty). */
export function medianOfCounts(counts: ReadonlyMap<number, number>, total: number): number {
  if (total === 0) return 0;
  const keys = [...counts.keys()].sort((a, b) => a - b);
  const target = Math.floor((total - 1) / 2);
  let seen = 0;
  for (const k of keys) {
    seen += counts.get(k) as number;
    if (seen > target) return k;
  }
  return keys[keys.length - 1] as number;
}
