import type { DarkPoolSettings } from './dark-pool-settings.ts';
import type { EquityPrint } from './equity-print.ts';
import { isOffExchangeVenue } from './off-exchange-venue.ts';
import { isRegularSession } from './regular-session.ts';
import { ISO_MASK } from './sale-conditions.ts';

/** Print class bits (a print can carry several). */
export const PRINT_OFF_EXCHANGE = 1;
export const PRINT_BLOCK = 2;
export const PRINT_ISO = 4;
export const PRINT_AFTER_HOURS = 8;
export const PRINT_NON_INFORMATIVE = 16;

/**
 * Block print: what a trader reads as one institution's order printed at once. Reg NMS Rule 600(b)(9)
 * (17 CFR 242.600) defines "block size" as at least 10,000 shares or at least $200,000 market value; the
 * default rule is that OR (`either`); `both` asks for both. Notional = price ($/share) × size (shares).
 */
export function isBlock(price: number, size: number, s: Pick<DarkPoolSettings, 'blockShares' | 'blockDollars' | 'blockRule'>): boolean {
  const bySize = size >= s.blockShares;
  const byDollars = price * size >= s.blockDollars;
  return s.blockRule === 'both' ? bySize && byDollars : bySize || byDollars;
}

/**
 * The class bits of one print: off-exchange (venue in settings.offExchangeVenues), block (isBlock), ISO (the
 * intermarket-sweep condition), after-hours (outside the NYSE regular session of its New York day, holidays
 * and early closes respected: regular-session.ts) and non-informative (a condition in
 * settings.nonInformativeMask). Sweeps are bursts of ISO prints and so a property of neighbours, found by
 * IsoSweepBursts, not here. Block is tested on every print; the dark-pool summary counts off-exchange blocks.
 */
export function classifyPrint(p: EquityPrint, s: DarkPoolSettings): number {
  let c = 0;
  if (isOffExchangeVenue(p.exchange, s.offExchangeVenues)) c |= PRINT_OFF_EXCHANGE;
  if (isBlock(p.price, p.size, s)) c |= PRINT_BLOCK;
  if ((p.conditions & ISO_MASK) !== 0) c |= PRINT_ISO;
  if (!isRegularSession(p.ts)) c |= PRINT_AFTER_HOURS;
  if ((p.conditions & s.nonInformativeMask) !== 0) c |= PRINT_NON_INFORMATIVE;
  return c;
}

/** Informative: inside the regular session with no non-informative condition; only these infer side and levels. */
export function isInformative(classes: number): boolean {
  return (classes & (PRINT_AFTER_HOURS | PRINT_NON_INFORMATIVE)) === 0;
}
