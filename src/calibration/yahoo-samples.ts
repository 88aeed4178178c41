import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { calendarDaysBetween, newYorkWallClockToEpochMs } from '../core/calendar/new-york-date.ts';
import { contracts, isoDate, type IsoDate, pricePerShare } from '../core/units.ts';
import { quoteRuleSide } from './bar-side.ts';
import { emptySampleSet, MAX_SESSION_GAP_DAYS, type SampleSet, skipContract } from './contract-day-sample.ts';
import { readYahooChainDay, type YahooChainContract } from './yahoo-chain-day.ts';

const SNAPSHOT = /^(\d{4}-\d{2}-\d{2})_([A-Z0-9.]+)\.csv(?:\.gz)?$/;

/**
 * Contract-days from consecutive Yahoo chain snapshots (`<dir>/<YYYY-MM-DD>_<TICKER>.csv.gz`): for sessions
 * a < b of one ticker, every contract that traded on a (last trade dated a, volume > 0) and is listed on b gives
 * one sample: settled OI = OI shown on a (previous session's), next OI = OI shown on b (session a's), and ONE
 * aggregate print of a's volume up to the ~15:45 snapshot, side by the quote rule on the last price against the
 * snapshot's bid/ask, stamped 16:00 New York.
 * A snapshot with no trade dated its own day is not a session (2025-11-27, Thanksgiving, repeats 11-26):
 * skipped with a note. 2025-11-28 was a half day; its snapshot came after the 13:00 close, so its volume is the
 * whole session's. Caveat: the upstream kept only rows with OI > 0, so a contract closed out to zero OI on a is
 * missing from b and drops out (this biases the sample towards opening).
 */
export async function yahooSamples(dir: string): Promise<SampleSet> {
  const set = emptySampleSet('yahoo', 'one aggregate print per contract-day (Yahoo snapshot), side by the quote rule on the last price');
  if (!existsSync(dir)) {
    set.notes.push(`${dir}: absent; data set skipped`);
    return set;
  }
  const byTicker = new Map<string, { day: IsoDate; path: string }[]>();
  for (const name of readdirSync(dir).sort()) {
    const m = SNAPSHOT.exec(name);
    if (m === null) continue;
    const list = byTicker.get(m[2] as string) ?? [];
    list.push({ day: isoDate(m[1] as string), path: join(dir, name) });
    byTicker.set(m[2] as string, list);
  }
  const opts = { report: set.report, strict: false };
  for (const [ticker, files] of byTicker) {
    let prev: { day: IsoDate; rows: YahooChainContract[] } | null = null;
    for (const f of files) {
      const rows = await readYahooChainDay(f.path, opts);
      if (!rows.some((r) => r.lastTradeDay === f.day)) {
        set.notes.push(`${ticker} ${f.day}: no trade dated that day (not a session); skipped`);
        continue;
      }
      if (prev !== null && calendarDaysBetween(prev.day, f.day) > MAX_SESSION_GAP_DAYS) {
        set.notes.push(`${ticker} ${prev.day}→${f.day}: more than ${MAX_SESSION_GAP_DAYS} days apart; not paired`);
      } else if (prev !== null) {
        const added = addPair(set, ticker, prev.day, prev.rows, rows);
        set.notes.push(`${ticker} ${prev.day}→${f.day}: ${added} contract-days`);
      }
      prev = { day: f.day, rows };
    }
  }
  return set;
}

function addPair(set: SampleSet, ticker: string, day: IsoDate, rows: readonly YahooChainContract[], next: readonly YahooChainContract[]): number {
  const first = set.samples.length;
  const nextOi = new Map(next.map((r) => [r.contractSymbol, r.openInterest]));
  const ts = newYorkWallClockToEpochMs(day, 16, 0, 0, 0);
  for (const r of rows) {
    if (r.lastTradeDay !== day || !(r.volume > 0)) continue;
    if (r.expiry <= day) { skipContract(set, 'expires on or before the session'); continue; }
    const after = nextOi.get(r.contractSymbol);
    if (after === undefined) { skipContract(set, 'not listed in the next snapshot'); continue; }
    set.samples.push({
      subset: ticker,
      contract: r.contractSymbol,
      settledOi: r.openInterest,
      nextOi: after,
      prints: [{
        ts,
        size: contracts(r.volume),
        side: quoteRuleSide(r.lastPrice, r.bid, r.ask),
        price: pricePerShare(r.lastPrice),
        bid: pricePerShare(r.bid ?? 0),
        ask: pricePerShare(r.ask ?? 0),
      }],
    });
  }
  return set.samples.length - first;
}
