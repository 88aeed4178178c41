import type { EpochMs, IsoDate } from '../core/units.ts';
import { newYorkWallClockToEpochMs } from '../core/calendar/new-york-date.ts';
import type { Right } from '../core/options-flow/option-trade.ts';
import type { Prng } from './prng.ts';
import type { Underlying } from './underlying-universe.ts';
import {
  dateOfDayNumber, dayNumber, isTradingDay, monthlyExpiry, sessionCloseMinutes, tradingDayOnOrBefore, weekday,
} from './us-market-calendar.ts';

export type ExpiryKind = 'daily' | 'weekly' | 'monthly' | 'leaps';

/** One listed expiration of an underlying with its strikes. */
export interface ListedExpiry {
  readonly date: IsoDate;
  readonly kind: ExpiryKind;
  /** Calendar days from the trade date (0 = expires today, "0DTE"). */
  readonly dte: number;
  /** The instant the options stop trading: the session close (16:00, or 13:00 on early-close days) in New York. */
  readonly closeMs: EpochMs;
  /** Strikes in cents, ascending. */
  readonly strikesCents: Int32Array;
  /** The strikes as written in the CSV files (`472`, `472.5`). */
  readonly strikeText: readonly string[];
}

/** A contract of the chain named by position: expiry index, strike index, right. */
export interface ContractRef {
  readonly expiry: number;
  readonly strike: number;
  readonly right: Right;
}

/** An underlying's listed chain on the trade date. */
export interface ListedChain {
  readonly expiries: readonly ListedExpiry[];
  /**
   * Contracts chosen to receive opening-style flow: their settled OI is set small (0–150) in the chain snapshot
   * while blocks and sweeps aim at them, so the day's volume exceeds the OI (fresh positions being opened).
   */
  readonly openingTargets: readonly ContractRef[];
}

/** A set key for a contract of one chain. */
export function contractRefKey(c: ContractRef): number {
  return (c.expiry * 100_000 + c.strike) * 2 + (c.right === 'C' ? 0 : 1);
}

const closeCache = new Map<string, EpochMs>();

/** The expiry instant of a date: its session close in New York. */
export function expiryCloseMs(date: IsoDate): EpochMs {
  let hit = closeCache.get(date);
  if (hit === undefined) {
    const minutes = sessionCloseMinutes(date);
    hit = newYorkWallClockToEpochMs(date, Math.floor(minutes / 60), minutes % 60, 0, 0);
    closeCache.set(date, hit);
  }
  return hit;
}

/**
 * Listed expirations on `tradeDate`, following how US exchanges list them (Cboe/OCC listing practice):
 * - daily (SPY, QQQ, IWM): every trading day for two weeks, Friday weeklies to seven weeks, monthlies for
 *   nine months, and January LEAPS of the next two years;
 * - weekly (the 600 most active classes): Friday weeklies for six weeks, monthlies for six months, LEAPS;
 * - monthly: the next four standard monthlies and one January LEAPS.
 * Fridays that are holidays move to the trading day before (Good Friday → Thursday).
 */
export function listExpiryDates(style: Underlying['expiryStyle'], tradeDate: IsoDate): { date: IsoDate; kind: ExpiryKind }[] {
  const d0 = dayNumber(tradeDate);
  const y = +tradeDate.slice(0, 4), m = +tradeDate.slice(5, 7);
  const out = new Map<string, ExpiryKind>();
  const add = (date: IsoDate, kind: ExpiryKind) => {
    if (dayNumber(date) >= d0 && !out.has(date)) out.set(date, kind);
  };
  const months = style === 'daily' ? 9 : style === 'weekly' ? 6 : 4;
  let listed = 0;
  for (let k = 0; listed < months; k++) {
    const e = monthlyExpiry(y, m + k);
    if (dayNumber(e) >= d0) { add(e, 'monthly'); listed++; }
  }
  if (style === 'daily') {
    for (let n = d0; n <= d0 + 13; n++) if (isTradingDay(dateOfDayNumber(n))) add(dateOfDayNumber(n), 'daily');
  }
  if (style !== 'monthly') {
    const horizon = style === 'daily' ? 49 : 42;
    const firstFriday = d0 + ((5 - weekday(d0) + 7) % 7);
    for (let f = firstFriday; f <= d0 + horizon; f += 7) add(tradingDayOnOrBefore(f), 'weekly');
  }
  const leapsYears = style === 'monthly' ? 1 : 2;
  for (let k = 1; k <= leapsYears; k++) add(monthlyExpiry(y + k, 1), 'leaps');
  return [...out.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([date, kind]) => ({ date: date as IsoDate, kind }));
}

/**
 * The standard strike interval near the money, in cents: $1 for SPY/QQQ/IWM; for Penny-class names $0.50
 * below $25, $1 to $100, $2.50 to $250, $5 to $1,000, $10 above; for the rest the classic OCC listing steps
 * ($0.50 below $5, $1 below $10, $2.50 below $25, $5 to $200, $10 above).
 */
export function strikeIntervalCents(u: Pick<Underlying, 'assetClass' | 'tickClass'>, spot: number): number {
  if (u.assetClass === 'index-etf') return spot < 50 ? 50 : 100;
  if (u.tickClass !== 'nickel') {
    return spot < 25 ? 50 : spot < 100 ? 100 : spot < 250 ? 250 : spot < 1000 ? 500 : 1000;
  }
  return spot < 5 ? 50 : spot < 10 ? 100 : spot < 25 ? 250 : spot < 200 ? 500 : 1000;
}

const NICE_MULTIPLES = [1, 2, 4, 5, 10, 20, 25, 50, 100, 200];

/**
 * Strikes of one expiry: `2·half + 1` strikes (those ≤ 0 dropped) centred on the spot, spaced at the listing
 * interval times the smallest "nice" multiple that spans ±2.5 standard deviations (σ√T) — so 0DTE strikes are
 * dense at $1 and LEAPS strikes wide, as on real chains.
 */
export function strikeGridCents(intervalCents: number, spot: number, atmVol: number, years: number, half: number): number[] {
  const needed = (2.5 * atmVol * Math.sqrt(Math.max(years, 1 / 365)) * spot * 100) / half;
  const mult = NICE_MULTIPLES.find((k) => k * intervalCents >= needed) ?? (NICE_MULTIPLES.at(-1) as number);
  const step = mult * intervalCents;
  const centre = Math.round((spot * 100) / step) * step;
  const out: number[] = [];
  for (let j = -half; j <= half; j++) {
    const k = centre + j * step;
    if (k > 0) out.push(k);
  }
  return out;
}

const YEAR_MS = 365 * 86_400_000;

/** Years from an instant to an expiry (calendar time / 365). */
export function yearsTo(expiry: Pick<ListedExpiry, 'closeMs'>, ts: number): number {
  return (expiry.closeMs - ts) / YEAR_MS;
}

/** Builds an underlying's listed chain for the trade date; `rng` (the name's own stream) picks the opening targets. */
export function buildListedChain(u: Underlying, tradeDate: IsoDate, asOfMs: number, rng: Prng): ListedChain {
  const d0 = dayNumber(tradeDate);
  const expiries: ListedExpiry[] = listExpiryDates(u.expiryStyle, tradeDate).map(({ date, kind }) => {
    const closeMs = expiryCloseMs(date);
    const years = (closeMs - asOfMs) / YEAR_MS;
    const strikes = strikeGridCents(strikeIntervalCents(u, u.previousClose), u.previousClose, u.smile.atmVol, years, u.halfStrikes);
    return {
      date, kind, dte: dayNumber(date) - d0, closeMs,
      strikesCents: Int32Array.from(strikes), strikeText: strikes.map((c) => String(c / 100)),
    };
  });
  return { expiries, openingTargets: pickOpeningTargets(u, expiries, asOfMs, rng) };
}

function pickOpeningTargets(u: Underlying, expiries: readonly ListedExpiry[], asOfMs: number, rng: Prng): ContractRef[] {
  const count = u.rank < 10 ? 6 : u.rank < 50 ? 4 : u.rank < 360 ? 2 : 1;
  let candidates = expiries.map((e, i) => i).filter((i) => {
    const dte = (expiries[i] as ListedExpiry).dte;
    return dte >= 3 && dte <= 60;
  });
  if (candidates.length === 0) candidates = expiries.map((_, i) => i);
  const out: ContractRef[] = [];
  const seen = new Set<number>();
  for (let n = 0; n < count * 4 && out.length < count; n++) {
    const ei = candidates[rng.int(0, candidates.length - 1)] as number;
    const e = expiries[ei] as ListedExpiry;
    const right: Right = rng.chance(u.callShare) ? 'C' : 'P';
    const sd = u.smile.atmVol * Math.sqrt(Math.max(yearsTo(e, asOfMs), 1 / 365));
    const d = (1 + 1.5 * rng.next()) * sd * (right === 'C' ? 1 : -1);
    const ref = { expiry: ei, strike: nearestStrikeIndex(e.strikesCents, u.previousClose * 100 * Math.exp(d)), right };
    const key = contractRefKey(ref);
    if (!seen.has(key)) { seen.add(key); out.push(ref); }
  }
  return out;
}

/** Index of the strike nearest to `cents` (binary search; ties to the lower strike). */
export function nearestStrikeIndex(strikes: Int32Array, cents: number): number {
  let lo = 0, hi = strikes.length - 1;
  if (cents <= (strikes[0] as number)) return 0;
  if (cents >= (strikes[hi] as number)) return hi;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((strikes[mid] as number) <= cents) lo = mid; else hi = mid;
  }
  return cents - (strikes[lo] as number) <= (strikes[hi] as number) - cents ? lo : hi;
}
