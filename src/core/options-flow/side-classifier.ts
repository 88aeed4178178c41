import type { Side } from './option-trade.ts';

/**
 * The quote rule of Lee & Ready (1991), as the seed's upstream classifier applies it: a print above the
 * NBBO midpoint is a buy, below it a sell, at it `mid`. Used when the source gives no side.
 * Midpoint equality is tested with a 1e-9 dollar tolerance so that binary floating point does not split
 * a print exactly at the mid. A crossed NBBO still has a midpoint; the rule applies unchanged.
 * No quote at all (ask ≤ 0, as Cboe DataShop reports an opening print before the first NBBO) leaves
 * the side unknown: `mid`, so the print carries no direction (docs/methodology.md, "Side").
 */
export function classifySide(price: number, bid: number, ask: number): Side {
  if (!(ask > 0)) return 'mid';
  const mid = (bid + ask) / 2;
  if (price > mid + 1e-9) return 'buy';
  if (price < mid - 1e-9) return 'sell';
  return 'mid';
}

/** A crossed (bid > ask) or locked (bid = ask) NBBO: spread ≤ 0. Real on live tapes; counted, never dropped. */
export function isCrossedOrLocked(bid: number, ask: number): boolean {
  return ask - bid <= 0;
}
