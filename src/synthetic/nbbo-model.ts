import { ceilToTick, floorToTick, tickCents, tickUp, type TickClass } from './option-ticks.ts';

/** A two-sided quote in whole cents per share. */
export interface QuoteCents {
  readonly bidCents: number;
  readonly askCents: number;
}

/**
 * The synthetic NBBO quoted around a theoretical value: how wide market makers would quote this option.
 *   spread (cents) = (L + 1.5·√L·V) · (1 + 0.5·min(T, 2)) · (0.75 + 0.5·u)
 * where V is the value in dollars per share, L the underlying's illiquidity factor (1 for NVDA-class names,
 * 0.6 for SPY/QQQ/IWM, up to ~12 for thinly traded names), T years to expiry, u a uniform draw (quote noise).
 * Bid and ask are the value ∓ half the spread rounded to the class's tick grid, at least one tick apart,
 * bid ≥ 0. Calibrated by eye against Yahoo chains of 2025-12-01 (0–60 DTE medians: NVDA $0.01–0.02 below
 * $1.50 and $0.10 for $3–10 options; JPM $0.10 below $0.50 and $0.19 for $0.50–1.50); see docs/synthetic-tape.md.
 */
export function quoteAround(valueDollars: number, cls: TickClass, illiquidity: number, years: number, u: number): QuoteCents {
  const spread = (illiquidity + 1.5 * Math.sqrt(illiquidity) * valueDollars)
    * (1 + 0.5 * Math.min(Math.max(years, 0), 2)) * (0.75 + 0.5 * u);
  const mid = valueDollars * 100;
  let bid = roundToTick(cls, mid - spread / 2);
  if (bid < 0) bid = 0;
  let ask = roundToTick(cls, mid + spread / 2);
  const minAsk = tickUp(cls, bid);
  if (ask < minAsk) ask = minAsk;
  return { bidCents: bid, askCents: ask };
}

/** The grid price nearest to `cents` (ties up); negative inputs give 0. */
export function roundToTick(cls: TickClass, cents: number): number {
  if (cents <= 0) return 0;
  const lo = floorToTick(cls, cents);
  const hi = ceilToTick(cls, cents);
  return cents - lo < hi - cents ? lo : hi;
}

export { tickCents };
