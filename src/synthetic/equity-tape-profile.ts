import type { EquityPrint } from '../core/dark-pool/equity-print.ts';
import { DEFAULT_DARK_POOL_SETTINGS } from '../core/dark-pool/dark-pool-settings.ts';
import { isBlock } from '../core/dark-pool/print-classification.ts';
import { isRegularSession } from '../core/dark-pool/regular-session.ts';
import { ISO_MASK, NON_INFORMATIVE_MASK } from '../core/dark-pool/sale-conditions.ts';
import type { Fraction, Shares } from '../core/units.ts';

/** The shape of one symbol's regular-session print tape: what the synthetic tape is calibrated on. */
export interface EquityTapeShape {
  readonly prints: number;
  readonly volume: Shares;
  readonly medianSize: Shares;
  /** 90th, 99th and 99.9th percentile print sizes. */
  readonly p90Size: Shares;
  readonly p99Size: Shares;
  readonly p999Size: Shares;
  /** Share of prints of exactly 100 shares, and under 100 (odd lots). */
  readonly hundredShare: Fraction;
  readonly oddLotShare: Fraction;
  readonly offExchangePrintShare: Fraction;
  readonly offExchangeVolumeShare: Fraction;
  /** Volume of block prints (Reg NMS: ≥ 10,000 shares or ≥ $200,000), any venue, ÷ volume. */
  readonly blockVolumeShare: Fraction;
  /** Off-exchange block prints per 1,000 off-exchange prints. */
  readonly offExchangeBlocksPerThousand: number;
  readonly isoPrintShare: Fraction;
  /** Off-exchange prints with a non-informative condition ÷ off-exchange prints. */
  readonly nonInformativeOffExchangeShare: Fraction;
}

/**
 * Measures the regular-session shape of one symbol's prints (any feed): size distribution, off-exchange and
 * ISO shares, block volume. The same code measures the real LEAN tapes and the synthetic tape, so the comparison
 * in docs/synthetic-tape.md is like for like. Sizes are kept as counts per size, so memory is O(distinct sizes).
 */
export class EquityTapeProfile {
  private readonly sizes = new Map<number, number>();
  private prints = 0;
  private volume = 0;
  private hundred = 0;
  private odd = 0;
  private offPrints = 0;
  private offVolume = 0;
  private blockVolume = 0;
  private offBlocks = 0;
  private iso = 0;
  private offNonInformative = 0;

  add(p: EquityPrint): void {
    if (!isRegularSession(p.ts)) return;
    const size = p.size as number;
    this.prints++;
    this.volume += size;
    this.sizes.set(size, (this.sizes.get(size) ?? 0) + 1);
    if (size === 100) this.hundred++;
    if (size < 100) this.odd++;
    const off = p.exchange === 'D';
    const block = isBlock(p.price, size, DEFAULT_DARK_POOL_SETTINGS);
    if (block) this.blockVolume += size;
    if ((p.conditions & ISO_MASK) !== 0) this.iso++;
    if (!off) return;
    this.offPrints++;
    this.offVolume += size;
    if (block) this.offBlocks++;
    if ((p.conditions & NON_INFORMATIVE_MASK) !== 0) this.offNonInformative++;
  }

  shape(): EquityTapeShape {
    const r = (a: number, b: number) => (b > 0 ? a / b : 0) as Fraction;
    return {
      prints: this.prints,
      volume: this.volume as Shares,
      medianSize: this.quantile(0.5),
      p90Size: this.quantile(0.9),
      p99Size: this.quantile(0.99),
      p999Size: this.quantile(0.999),
      hundredShare: r(this.hundred, this.prints),
      oddLotShare: r(this.odd, this.prints),
      offExchangePrintShare: r(this.offPrints, this.prints),
      offExchangeVolumeShare: r(this.offVolume, this.volume),
      blockVolumeShare: r(this.blockVolume, this.volume),
      offExchangeBlocksPerThousand: this.offPrints > 0 ? (1000 * this.offBlocks) / this.offPrints : 0,
      isoPrintShare: r(this.iso, this.prints),
      nonInformativeOffExchangeShare: r(this.offNonInformative, this.offPrints),
    };
  }

  /** The lower q-quantile of print sizes: the smallest size with more than ⌊q·(n−1)⌋ prints at or below it. */
  private quantile(q: number): Shares {
    if (this.prints === 0) return 0 as Shares;
    const target = Math.floor(q * (this.prints - 1));
    let seen = 0;
    for (const size of [...this.sizes.keys()].sort((a, b) => a - b)) {
      seen += this.sizes.get(size) as number;
      if (seen > target) return size as Shares;
    }
    return 0 as Shares;
  }
}
