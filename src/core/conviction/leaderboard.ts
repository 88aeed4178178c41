import type { ConvictionDirection, ConvictionRow } from './conviction-row.ts';
import { round2 } from './conviction-settings.ts';

/** Seed 000 header tiles: the day at a glance. */
export interface LeaderboardTiles {
  readonly sentiment: { readonly bullish: number; readonly bearish: number; readonly neutral: number };
  readonly avg_score: number;
  readonly symbols: number;
  readonly total_premium: number;
  readonly dp_premium: number;
  readonly alerts: number;
}

export interface RankedRow {
  readonly rank: number;
  readonly row: ConvictionRow;
}

/** Rank order: score descending, then total options premium descending, then symbol (so ties never depend on input order). */
export function compareRows(a: ConvictionRow, b: ConvictionRow): number {
  return b.score - a.score || (b.total_premium ?? 0) - (a.total_premium ?? 0) || (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0);
}

/**
 * One day's leaderboard, kept ranked as rows change: `set` replaces a symbol's row in O(log n) search plus one
 * array move (a new print touches one symbol; the other 5,999 rows are not recomputed), and the tiles are
 * running sums. `ranked()` reads the order; `tiles()` the seed 000 header.
 */
export class ConvictionLeaderboard {
  private readonly order: ConvictionRow[] = [];
  private readonly bySymbol = new Map<string, ConvictionRow>();
  private scoreSum = 0;
  private premiumSum = 0;
  private dpSum = 0;
  private alertSum = 0;
  private readonly sentiment: Record<ConvictionDirection, number> = { bullish: 0, bearish: 0, neutral: 0 };

  get size(): number {
    return this.order.length;
  }

  get(symbol: string): ConvictionRow | null {
    return this.bySymbol.get(symbol) ?? null;
  }

  /** The rank (1 = best) of the symbol's row, or null when it has none. */
  rankOf(symbol: string): number | null {
    const row = this.bySymbol.get(symbol);
    return row === undefined ? null : this.indexOf(row) + 1;
  }

  /** Adds or replaces the row of `row.symbol`. */
  set(row: ConvictionRow): void {
    const old = this.bySymbol.get(row.symbol);
    if (old !== undefined) {
      this.order.splice(this.indexOf(old), 1);
      this.account(old, -1);
    }
    this.order.splice(this.insertionPoint(row), 0, row);
    this.bySymbol.set(row.symbol, row);
    this.account(row, 1);
  }

  /** Rows best first, with ranks 1…n over the whole board (a filter keeps the board's ranks). */
  ranked(filter?: { direction?: ConvictionDirection; limit?: number }): RankedRow[] {
    const out: RankedRow[] = [];
    const limit = filter?.limit ?? Infinity;
    for (let i = 0; i < this.order.length && out.length < limit; i++) {
      const row = this.order[i] as ConvictionRow;
      if (filter?.direction !== undefined && row.direction !== filter.direction) continue;
      out.push({ rank: i + 1, row });
    }
    return out;
  }

  tiles(): LeaderboardTiles {
    const n = this.order.length;
    return {
      sentiment: { ...this.sentiment },
      avg_score: n === 0 ? 0 : round2(this.scoreSum / n),
      symbols: n,
      total_premium: this.premiumSum,
      dp_premium: this.dpSum,
      alerts: this.alertSum,
    };
  }

  private account(row: ConvictionRow, k: 1 | -1): void {
    this.scoreSum += k * row.score;
    this.premiumSum += k * (row.total_premium ?? 0);
    this.dpSum += k * (row.dp_premium ?? 0);
    this.alertSum += k * row.alerts;
    this.sentiment[row.direction] += k;
  }

  private insertionPoint(row: ConvictionRow): number {
    let lo = 0, hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareRows(this.order[mid] as ConvictionRow, row) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private indexOf(row: ConvictionRow): number {
    const i = this.insertionPoint(row);
    if (this.order[i] !== row) throw new Error(`leaderboard order lost ${row.symbol}`);
    return i;
  }
}

/** Day-over-day change of a symbol's row: null when it had no row the previous day. */
export interface RowChange {
  readonly score: number;
  readonly previous_score: number;
  readonly previous_direction: ConvictionDirection;
  readonly direction_changed: boolean;
}

export function rowChange(today: ConvictionRow, previous: ConvictionRow | null): RowChange | null {
  if (previous === null) return null;
  return {
    score: round2(today.score - previous.score),
    previous_score: previous.score,
    previous_direction: previous.direction,
    direction_changed: today.direction !== previous.direction,
  };
}
