/**
 * Minimum price increments of US equity options, in whole cents (prices are kept as integer cents so that
 * every quote lands exactly on its grid and prints without floating-point residue).
 * Source: Cboe Rule 5.4 and the Penny Interval Program (SEC-approved, permanent since 2020):
 * - `all-penny` — QQQ, SPY and IWM quote in $0.01 at every price;
 * - `penny` — classes in the Penny Interval Program (the ~360 most active): $0.01 below $3.00, $0.05 at or above;
 * - `nickel` — every other class: $0.05 below $3.00, $0.10 at or above.
 */
export type TickClass = 'all-penny' | 'penny' | 'nickel';

const THREE_DOLLARS = 300;

/** The quoting increment, in cents, for a price in cents. */
export function tickCents(cls: TickClass, priceCents: number): number {
  if (cls === 'all-penny') return 1;
  if (cls === 'penny') return priceCents < THREE_DOLLARS ? 1 : 5;
  return priceCents < THREE_DOLLARS ? 5 : 10;
}

/** The highest price on the class's grid that is ≤ `cents` (≥ 0). */
export function floorToTick(cls: TickClass, cents: number): number {
  const c = Math.max(0, Math.floor(cents));
  const t = tickCents(cls, c);
  return c - (c % t);
}

/** The lowest price on the class's grid that is ≥ `cents` (≥ 0). */
export function ceilToTick(cls: TickClass, cents: number): number {
  const c = Math.max(0, Math.ceil(cents));
  if (c < THREE_DOLLARS) {
    const t = tickCents(cls, c);
    const up = c % t === 0 ? c : c + t - (c % t);
    if (up <= THREE_DOLLARS) return up;
  }
  const t = tickCents(cls, Math.max(c, THREE_DOLLARS));
  return c % t === 0 ? c : c + t - (c % t);
}

/** One tick above an on-grid price. */
export function tickUp(cls: TickClass, cents: number): number {
  return ceilToTick(cls, cents + 1);
}

/** One tick below an on-grid price, never below 0. */
export function tickDown(cls: TickClass, cents: number): number {
  return floorToTick(cls, cents - 1);
}

const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

/** Whole cents as dollars with two decimals: 5 → "0.05", 1230 → "12.30". */
export function formatCents(cents: number): string {
  const r = cents % 100;
  return `${(cents - r) / 100}.${PAD2[r]}`;
}
