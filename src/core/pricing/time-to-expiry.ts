/**
 * Time to expiry as a year fraction, the `t` of the pricing formulas. US equity and ETF options (and
 * PM-settled index options such as SPXW) stop trading and settle on the 16:00 New York close of the expiry
 * date; AM-settled index options (standard monthly SPX, VIX) settle on the opening print, so their clock
 * stops at 09:30 New York on the expiry date. Years have 365 days of 86,400,000 ms, the convention behind
 * "per calendar day" theta (greeks.ts) and quoted DTE. Daylight saving is respected (America/New_York).
 * Never negative: a quote at or after the expiry instant gives 0, and the caller decides what to do
 * (impliedVolatility answers `expired`, greeks refuse t = 0). See docs/methodology-pricing.md.
 */
import { newYorkWallClockToEpochMs } from '../calendar/new-york-date.ts';
import type { Days, EpochMs, IsoDate, YearFraction } from '../units.ts';
import { PricingInputError } from './pricing-input-error.ts';

/** Milliseconds in a year of 365 days. */
export const MS_PER_YEAR = 365 * 86_400_000;

/** When the option stops: 'PM' = 16:00 New York on the expiry date, 'AM' = 09:30 (AM-settled index options). */
export type Settlement = 'PM' | 'AM';

const expiryInstants = new Map<string, EpochMs>();
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The instant an option expires: 16:00 (PM) or 09:30 (AM) New York time on the expiry date. Memoised per date. */
export function expiryInstant(expiry: IsoDate, settlement: Settlement = 'PM'): EpochMs {
  const key = `${expiry}${settlement}`;
  const hit = expiryInstants.get(key);
  if (hit !== undefined) return hit;
  if (!ISO_DATE.test(expiry)) throw new PricingInputError('expiry', expiry, 'expected YYYY-MM-DD');
  const ms = settlement === 'PM'
    ? newYorkWallClockToEpochMs(expiry, 16, 0, 0, 0)
    : newYorkWallClockToEpochMs(expiry, 9, 30, 0, 0);
  if (expiryInstants.size > 100_000) expiryInstants.clear();
  expiryInstants.set(key, ms);
  return ms;
}

/**
 * Years from a quote instant to the option's expiry instant: max(0, expiry − quote) / (365 × 86,400,000 ms).
 * Tells the pricing formulas how much time value is left; at 0 the option is its payoff.
 */
export function yearsToExpiry(quoteTs: EpochMs, expiry: IsoDate, settlement: Settlement = 'PM'): YearFraction {
  if (!Number.isFinite(quoteTs)) throw new PricingInputError('quoteTs', String(quoteTs), 'expected epoch milliseconds');
  const ms = expiryInstant(expiry, settlement) - quoteTs;
  return (ms > 0 ? ms / MS_PER_YEAR : 0) as YearFraction;
}

/** Years from a count of calendar days to expiry: dte / 365 (for sources that give DTE, not an instant). */
export function fromDte(dte: Days): YearFraction {
  if (!(dte >= 0) || dte === Infinity) throw new PricingInputError('dte', String(dte), 'expected a finite number ≥ 0');
  return (dte / 365) as YearFraction;
}
