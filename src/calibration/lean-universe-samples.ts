import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { calendarDaysBetween, newYorkWallClockToEpochMs } from '../core/calendar/new-york-date.ts';
import { contractKey } from '../core/options-flow/option-trade.ts';
import { contracts, isoDate, type IsoDate, pricePerShare } from '../core/units.ts';
import { closeInRangeSide } from './bar-side.ts';
import { emptySampleSet, MAX_SESSION_GAP_DAYS, type SampleSet, skipContract } from './contract-day-sample.ts';
import { type LeanUniverseContract, readLeanUniverseDay } from './lean-universe-day.ts';

const UNIVERSE = /^([A-Z0-9.]+)_(\d{4}-\d{2}-\d{2})\.csv(?:\.gz)?$/;

/**
 * Contract-days from consecutive LEAN daily universe files (`<dir>/universes/<UND>_<YYYY-MM-DD>.csv.gz`):
 * for files of sessions a < b of one underlying (consecutive in the folder, at most MAX_SESSION_GAP_DAYS
 * apart), every contract that traded on b (volume > 0) with an OI in both files gives one sample: settled OI =
 * OI(a), next OI = OI(b), and ONE aggregate print of the whole day's volume, side by where the day's close sits
 * in its range (closeInRangeSide), price = close, bid/ask = low/high, stamped 16:00 New York.
 * A file whose contracts repeat the previous file's volume and OI exactly (at least one of them traded) is a
 * copy, not a session (GOOG 2015-12-31 repeats 12-30): skipped with a note. Contracts expiring on b are left out.
 * The AAPL files around the 2014-06-09 split need no mapping: the 06-06 file is already re-struck and has no
 * OI, so neither 06-05→06-06 nor 06-06→06-09 yields a contract.
 */
export async function leanUniverseSamples(dir: string): Promise<SampleSet> {
  const set = emptySampleSet('lean-universe', 'one aggregate print per contract-day (LEAN daily bar), side by close in the day’s range');
  const uniDir = join(dir, 'universes');
  if (!existsSync(uniDir)) {
    set.notes.push(`${uniDir}: absent; data set skipped`);
    return set;
  }
  const byUnderlying = new Map<string, { day: IsoDate; path: string }[]>();
  for (const name of readdirSync(uniDir).sort()) {
    const m = UNIVERSE.exec(name);
    if (m === null) continue;
    const list = byUnderlying.get(m[1] as string) ?? [];
    list.push({ day: isoDate(m[2] as string), path: join(uniDir, name) });
    byUnderlying.set(m[1] as string, list);
  }
  const opts = { report: set.report, strict: false };
  for (const [underlying, files] of byUnderlying) {
    let prev: { day: IsoDate; rows: Map<string, LeanUniverseContract> } | null = null;
    for (const f of files) {
      const rows = new Map<string, LeanUniverseContract>();
      for (const c of await readLeanUniverseDay(f.path, opts)) rows.set(contractKey({ underlying, ...c }), c);
      if (prev !== null && isRepeat(prev.rows, rows)) {
        set.notes.push(`${underlying} ${f.day}: repeats ${prev.day} (every common contract has the same volume and OI); skipped`);
        continue;
      }
      if (prev !== null && calendarDaysBetween(prev.day, f.day) > MAX_SESSION_GAP_DAYS) {
        set.notes.push(`${underlying} ${prev.day}→${f.day}: more than ${MAX_SESSION_GAP_DAYS} days apart; not paired`);
      } else if (prev !== null) {
        const added = addPair(set, underlying, prev.rows, f.day, rows);
        set.notes.push(`${underlying} ${prev.day}→${f.day}: ${added} contract-days`);
      }
      prev = { day: f.day, rows };
    }
  }
  return set;
}

function addPair(
  set: SampleSet, underlying: string, before: Map<string, LeanUniverseContract>, day: IsoDate, rows: Map<string, LeanUniverseContract>,
): number {
  const first = set.samples.length;
  const ts = newYorkWallClockToEpochMs(day, 16, 0, 0, 0);
  for (const [contract, c] of rows) {
    if (!(c.volume > 0)) continue;
    if (c.expiry <= day) { skipContract(set, 'expires on or before the session'); continue; }
    const settledOi = before.get(contract)?.openInterest ?? null;
    if (settledOi === null) { skipContract(set, 'no settled OI before the session'); continue; }
    if (c.openInterest === null) { skipContract(set, 'no settled OI after the session'); continue; }
    set.samples.push({
      subset: underlying,
      contract,
      settledOi,
      nextOi: c.openInterest,
      prints: [{
        ts,
        size: contracts(c.volume),
        side: closeInRangeSide(c.high, c.low, c.close),
        price: pricePerShare(c.close),
        bid: pricePerShare(c.low),
        ask: pricePerShare(c.high),
      }],
    });
  }
  return set.samples.length - first;
}

/** True when every contract of `b` also in `a` has the same volume and OI, and at least one of them traded. */
function isRepeat(a: Map<string, LeanUniverseContract>, b: Map<string, LeanUniverseContract>): boolean {
  let traded = 0;
  for (const [k, x] of b) {
    const y = a.get(k);
    if (y === undefined) continue;
    if (x.volume !== y.volume || x.openInterest !== y.openInterest) return false;
    if (x.volume > 0) traded++;
  }
  return traded > 0;
}
