import type { IsoDate } from '../core/units.ts';

/**
 * Which symbols have rows on which New York day, kept as rows arrive, so that `days()` and `symbols(day)` — read
 * on every leaderboard request and live event — cost a lookup instead of a scan of every symbol. Sorted lists
 * are built once and reused until a new (day, symbol) pair arrives.
 */
export class DaySymbolIndex {
  private readonly byDay = new Map<IsoDate, Set<string>>();
  private sortedDays: IsoDate[] | null = null;
  private readonly sortedSymbols = new Map<IsoDate, string[]>();

  add(day: IsoDate, symbol: string): void {
    let symbols = this.byDay.get(day);
    if (symbols === undefined) {
      this.byDay.set(day, (symbols = new Set()));
      this.sortedDays = null;
    }
    if (symbols.has(symbol)) return;
    symbols.add(symbol);
    this.sortedSymbols.delete(day);
  }

  /** Days with at least one row, ascending. */
  days(): readonly IsoDate[] {
    if (this.sortedDays === null) this.sortedDays = [...this.byDay.keys()].sort();
    return this.sortedDays;
  }

  /** Symbols with rows on `day`, sorted (empty for a day without any). */
  symbols(day: IsoDate): readonly string[] {
    let sorted = this.sortedSymbols.get(day);
    if (sorted === undefined) {
      sorted = [...(this.byDay.get(day) ?? [])].sort();
      this.sortedSymbols.set(day, sorted);
    }
    return sorted;
  }
}
