import type { Side } from '../core/options-flow/option-trade.ts';

/**
 * Aggressor side when a data set has no NBBO at each trade (calibration only; the engine classifies real
 * prints from the NBBO). Three documented stand-ins, each a textbook rule applied to what the data has:
 */

/**
 * Tick rule on a contract's 1-minute bar closes, in time order (Lee & Ready 1991's fallback rule, applied to
 * bars): a close above the previous bar's close is a buy bar, below is a sell bar; an unchanged close keeps the
 * last non-zero tick's side (zero-tick rule). The first bar compares its close with its own open; a first bar
 * with no change and no earlier tick is mid.
 */
export function tickRuleSides(bars: readonly { readonly open: number; readonly close: number }[]): Side[] {
  const out: Side[] = [];
  let last: Side = 'mid';
  let prevClose: number | null = null;
  for (const b of bars) {
    const ref = prevClose ?? b.open;
    if (b.close > ref) last = 'buy';
    else if (b.close < ref) last = 'sell';
    out.push(last);
    prevClose = b.close;
  }
  return out;
}

/**
 * A daily bar's side from where the close sits in the day's range: close above the middle of [low, high] →
 * buy (the day's trading lifted the price), below → sell, exactly in the middle or a zero range → mid.
 */
export function closeInRangeSide(high: number, low: number, close: number): Side {
  const mid = (high + low) / 2;
  if (!(high > low)) return 'mid';
  return close > mid ? 'buy' : close < mid ? 'sell' : 'mid';
}

/**
 * Quote rule (Lee & Ready 1991): a last price above the bid/ask midpoint is a buy, below is a sell, at the
 * midpoint is mid. A missing quote, a zero ask (no offer: Yahoo's "no quote") or a crossed quote gives no
 * midpoint: mid. A zero bid under a live ask is a real quote (worthless far out-of-the-money options).
 */
export function quoteRuleSide(last: number, bid: number | null, ask: number | null): Side {
  if (bid === null || ask === null || !(ask > 0) || !(bid >= 0) || ask < bid) return 'mid';
  const mid = (bid + ask) / 2;
  return last > mid ? 'buy' : last < mid ? 'sell' : 'mid';
}
