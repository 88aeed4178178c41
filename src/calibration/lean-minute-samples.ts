import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { calendarDaysBetween, newYorkWallClockToEpochMs } from '../core/calendar/new-york-date.ts';
import type { OiSimPrint } from '../core/options-flow/oi-simulator.ts';
import { contractKey } from '../core/options-flow/option-trade.ts';
import { contracts, type EpochMs, isoDate, type IsoDate, pricePerShare } from '../core/units.ts';
import { tickRuleSides } from './bar-side.ts';
import {
  emptySampleSet, MAX_SESSION_GAP_DAYS, type SampleSet, skipContract,
} from './contract-day-sample.ts';
import { type LeanMinuteBar, readLeanOpenInterest, readLeanTradeBars } from './lean-minute-files.ts';
import { readLeanUniverseDay } from './lean-universe-day.ts';

/**
 * Splits that re-struck the chains of the data sets: strike ÷ ratio, OI × ratio. AAPL's 7-for-1 split took
 * effect at the open of 2014-06-09 (OCC re-struck its options that morning).
 */
export const KNOWN_SPLITS: readonly { underlying: string; effective: IsoDate; ratio: number }[] = [
  { underlying: 'AAPL', effective: isoDate('2014-06-09'), ratio: 7 },
];

const BARS = /^([A-Z0-9.]+)_(\d{4}-\d{2}-\d{2})_option_trade_bars_1m\.csv(?:\.gz)?$/;
const OI = /^([A-Z0-9.]+)_(\d{4}-\d{2}-\d{2})_option_open_interest\.csv(?:\.gz)?$/;

/**
 * Contract-days from LEAN 1-minute trade bars (`<dir>/minute`) — the closest data here to the engine's
 * per-print use. For bars of session D of an underlying:
 *  - settled OI before D: the OI file stamped D (06:30 New York, OCC's figure after the previous session);
 *  - settled OI after D: the next OI file stamped after D (within MAX_SESSION_GAP_DAYS), else the OI column of
 *    the universe file of D (`<dir>/universes/<UND>_<D>.csv.gz`, which holds the OI after session D);
 *  - prints: one per bar, in time order, size = bar volume, side by the tick rule on bar closes, price = close,
 *    bid/ask = the bar's low/high (no NBBO in these files; the simulator reads only size and side).
 * An OI file stamped on or before a split's effective date is in pre-split terms (it settles the session
 * before); it is mapped to post-split terms (strike ÷ ratio rounded to the cent, OI × ratio) when the session
 * is on or after that date. So AAPL 2014-06-06 bars meet both OI files unmapped, AAPL 06-09 bars meet the
 * mapped 06-09 OI file and the (post-split) 06-09 universe.
 * Contracts expiring on D are left out (their next OI reflects expiry and exercise, not trading).
 */
export async function leanMinuteSamples(dir: string): Promise<SampleSet> {
  const set = emptySampleSet('lean-minute', 'one 1-minute trade bar (LEAN), side by the tick rule on bar closes');
  const minuteDir = join(dir, 'minute');
  if (!existsSync(minuteDir)) {
    set.notes.push(`${minuteDir}: absent; data set skipped`);
    return set;
  }
  const names = readdirSync(minuteDir).sort();
  const oiFiles = names.flatMap((n) => {
    const m = OI.exec(n);
    return m === null ? [] : [{ underlying: m[1] as string, stamped: isoDate(m[2] as string), path: join(minuteDir, n) }];
  });
  const opts = { report: set.report, strict: false };
  for (const name of names) {
    const m = BARS.exec(name);
    if (m === null) continue;
    const underlying = m[1] as string;
    const day = isoDate(m[2] as string);
    const base = oiFiles.find((f) => f.underlying === underlying && f.stamped === day);
    if (base === undefined) {
      set.notes.push(`${name}: no open-interest file stamped ${day}; skipped`);
      continue;
    }
    const next = oiFiles.find((f) => f.underlying === underlying && f.stamped > day);
    const universe = join(dir, 'universes', `${underlying}_${day}.csv.gz`);
    let after: Map<string, number>;
    let afterSource: string;
    if (next !== undefined && calendarDaysBetween(day, next.stamped) <= MAX_SESSION_GAP_DAYS) {
      after = oiByContract(await readLeanOpenInterest(next.path, opts), underlying, next.stamped, day);
      afterSource = `${underlying}_${next.stamped}_option_open_interest`;
    } else if (existsSync(universe)) {
      after = new Map();
      for (const c of await readLeanUniverseDay(universe, opts)) {
        if (c.openInterest !== null) after.set(contractKey({ underlying, ...c }), c.openInterest);
      }
      afterSource = `universes/${underlying}_${day} open_interest`;
    } else {
      set.notes.push(`${name}: no settled OI after ${day} (next OI file or universe file); skipped`);
      continue;
    }
    const before = oiByContract(await readLeanOpenInterest(base.path, opts), underlying, day, day);
    const bars = await readLeanTradeBars(join(minuteDir, name), opts);
    const subset = `${underlying} ${day}`;
    const first = set.samples.length;
    for (const [contract, contractBars] of groupBars(bars)) {
      const expiry = (contractBars[0] as LeanMinuteBar).expiry;
      if (expiry <= day) { skipContract(set, 'expires on or before the session'); continue; }
      const settledOi = before.get(contract);
      const nextOi = after.get(contract);
      if (settledOi === undefined) { skipContract(set, 'no settled OI before the session'); continue; }
      if (nextOi === undefined) { skipContract(set, 'no settled OI after the session'); continue; }
      set.samples.push({ subset, contract, settledOi, nextOi, prints: barPrints(day, contractBars) });
    }
    set.notes.push(`${subset}: ${set.samples.length - first} contract-days; settled OI from ${underlying}_${day}_option_open_interest, next OI from ${afterSource}`);
  }
  return set;
}

/** OI rows keyed by contract, mapped to post-split terms when the file is pre-split and the session is not. */
function oiByContract(
  rows: readonly { expiry: IsoDate; right: 'C' | 'P'; strike: number; openInterest: number }[],
  underlying: string,
  stamped: IsoDate,
  session: IsoDate,
): Map<string, number> {
  const split = KNOWN_SPLITS.find((s) => s.underlying === underlying && stamped <= s.effective && session >= s.effective);
  const out = new Map<string, number>();
  for (const r of rows) {
    const strike = split === undefined ? r.strike : Math.round((r.strike * 100) / split.ratio) / 100;
    const oi = split === undefined ? r.openInterest : r.openInterest * split.ratio;
    out.set(contractKey({ underlying, expiry: r.expiry, right: r.right, strike }), oi);
  }
  return out;
}

function groupBars(bars: readonly LeanMinuteBar[]): Map<string, LeanMinuteBar[]> {
  const out = new Map<string, LeanMinuteBar[]>();
  for (const b of bars) {
    const k = contractKey(b);
    const list = out.get(k);
    if (list === undefined) out.set(k, [b]);
    else list.push(b);
  }
  for (const list of out.values()) list.sort((a, b) => a.msSinceMidnight - b.msSinceMidnight);
  return out;
}

function barPrints(day: IsoDate, bars: readonly LeanMinuteBar[]): OiSimPrint[] {
  const sides = tickRuleSides(bars);
  return bars.map((b, i) => ({
    ts: wallClockMs(day, b.msSinceMidnight),
    size: contracts(b.volume),
    side: sides[i] ?? 'mid',
    price: pricePerShare(b.close),
    bid: pricePerShare(b.low),
    ask: pricePerShare(b.high),
  }));
}

const HOUR_MS = 3_600_000;
const hourStart = new Map<string, EpochMs>();

/** A New York wall-clock time of day (ms since midnight) on `day` as an instant; exact on DST-change days too. */
export function wallClockMs(day: IsoDate, msSinceMidnight: number): EpochMs {
  const hour = Math.floor(msSinceMidnight / HOUR_MS);
  const key = `${day} ${hour}`;
  let start = hourStart.get(key);
  if (start === undefined) {
    start = newYorkWallClockToEpochMs(day, hour, 0, 0, 0);
    hourStart.set(key, start);
  }
  return (start + (msSinceMidnight - hour * HOUR_MS)) as EpochMs;
}
