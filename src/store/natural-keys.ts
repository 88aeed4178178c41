import type { EquityPrint, QuoteUpdate } from '../core/dark-pool/equity-print.ts';
import type { ChainContract } from '../core/options-flow/chain.ts';
import type { OptionTrade } from '../core/options-flow/option-trade.ts';

/**
 * The natural keys that make loading idempotent (docs/store.md "Keys"), as strings for the memory store;
 * the DuckDB store compares the same columns in SQL.
 *
 * A print is every field of the print plus its occurrence: the number of identical prints before it in
 * the same source. Two identical rows in one file are two trades (a tape can print the same size at the
 * same price on the same venue within a millisecond) and are both kept, as occurrences 0 and 1; the same
 * print in two files (overlapping exports of one feed) is one trade, stored once. So a key's stored count
 * is the largest count any one source holds.
 */
export function printKey(t: OptionTrade, occurrence: number): string {
  return `${t.ts}|${t.underlying}|${t.expiry}|${t.strike}|${t.right}|${t.price}|${t.size}|${t.bid}|${t.ask}`
    + `|${JSON.stringify(t.exchange)}|${JSON.stringify(t.condition)}|${t.side ?? ''}|${occurrence}`;
}

/**
 * A chain row is one contract in one snapshot: (underlying, asOf, expiry, strike, right). A second row for
 * the same contract and snapshot, in the same source or another, is a duplicate: the first stored wins.
 */
export function chainRowKey(c: ChainContract): string {
  return `${c.underlying}|${c.asOf}|${c.expiry}|${c.strike}|${c.right}`;
}

/**
 * An equity print is every field (ts, symbol, price, size, exchange, conditions, bid, ask; a missing quote side
 * is its own value) plus its occurrence in its source, by the same rule as an option print.
 */
export function equityPrintKey(p: EquityPrint, occurrence: number): string {
  return `${p.ts}|${p.symbol}|${p.price}|${p.size}|${JSON.stringify(p.exchange)}|${p.conditions}|${p.bid}|${p.ask}|${occurrence}`;
}

/** A quote update is (ts, symbol, bid, ask) plus its occurrence in its source, by the same rule as a print. */
export function equityQuoteKey(q: QuoteUpdate, occurrence: number): string {
  return `${q.ts}|${q.symbol}|${q.bid}|${q.ask}|${occurrence}`;
}

/** The occurrence number of each print of a source, in source order (0 for the first of identical prints). */
export function printOccurrences(prints: readonly OptionTrade[]): number[] {
  return occurrences(prints, printKey);
}

/** The occurrence number of each row of a source under `keyOf` (its key at occurrence 0), in source order. */
export function occurrences<T>(rows: readonly T[], keyOf: (row: T, occurrence: number) => string): number[] {
  const seen = new Map<string, number>();
  return rows.map((t) => {
    const k = keyOf(t, 0);
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    return n;
  });
}
