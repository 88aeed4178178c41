import { EQUITY_PRINT_COLUMNS } from '../ingest/equity-prints.ts';
import { AliasTable } from './alias-table.ts';
import { equityNameProfile, type EquityNameProfile, meanRoundLotShares } from './equity-name-profile.ts';
import { EquityPricePath } from './equity-price-path.ts';
import { type EquityName, EquityPrintFactory, type EquityTapeStats } from './equity-print-events.ts';
import { EquityRowBuffer } from './equity-row-buffer.ts';
import { LitVenuePicker } from './equity-venues.ts';
import { type InformedName, informedNames } from './informed-names.ts';
import { bucketCounts } from './intraday-profile.ts';
import type { NewYorkDayClock } from './new-york-day-clock.ts';
import { Prng } from './prng.ts';
import { PRNG_STREAM } from './prng-streams.ts';
import { slotTimes } from './slot-times.ts';
import { BUCKET_MS, dailyVolatility, type SpotPaths } from './spot-paths.ts';
import { TextFileSink, type WrittenFile } from './text-file-sink.ts';
import type { Underlying } from './underlying-universe.ts';

const MINUTE_MS = 60_000;

/** The equity tape around the regular session, and the sizes of its parts (docs/synthetic-tape.md). */
export const EQUITY_DAY = {
  /** Pre-market from 08:00 New York; post-market to two hours after the close. */
  preMarketMinutes: 90,
  postMarketMinutes: 120,
  /** Extended-hours prints as shares of the regular session's continuous prints. */
  preMarketShare: 0.006,
  postMarketShare: 0.015,
  /** Auction prints as shares of the name's expected regular-session volume: open, close; stocks and ETFs. */
  openingAuction: { stock: 0.01, etf: 0.004 },
  closingAuction: { stock: 0.04, etf: 0.015 },
  /** Informed blocks of a name add up to this share of its expected regular-session dollar volume… */
  informedDollarShare: 0.2,
  /** …in at least this many blocks. */
  informedMinBlocks: 3,
} as const;

export interface EquityTapeOptions {
  readonly universe: readonly Underlying[];
  /** The option tape's spot paths: the stock follows them. */
  readonly paths: SpotPaths;
  readonly clock: NewYorkDayClock;
  readonly closeMs: number;
  readonly seed: number;
  /** Continuous regular-session prints (sweep children included); auctions, informed blocks and extended hours come on top. */
  readonly prints: number;
  readonly file: string;
  readonly gzip: boolean;
}

export interface EquityTape extends WrittenFile {
  readonly rows: number;
  readonly stats: EquityTapeStats;
  readonly informed: readonly InformedName[];
  /** First and last instants the tape may print at (pre-market open, post-market end), ISO text. */
  readonly hours: { readonly from: string; readonly to: string };
}

/**
 * Writes one synthetic day of US equity prints for every name of the universe as canonical equity print CSV
 * (`ts,symbol,price,size,exchange,conditions,bid,ask`, docs/formats.md), time-ordered, to `file`: 08:00–09:30
 * pre-market, the regular session following the option tape's spot paths (pinned to them at every 5-minute
 * boundary; equity-price-path.ts), its opening and closing auctions, and two hours of post-market. Prints are
 * spread over the session with the option tape's U-shaped profile and over names by the same activity weights;
 * each is a lit or off-exchange (D) print, an ISO sweep, a block or a non-informative report
 * (equity-print-events.ts). A seeded handful of names (informed-names.ts) also print informed blocks
 * off-exchange on one side of the market. Same options → the same bytes. Memory is one 5-minute window of rows.
 */
export async function writeEquityTape(opts: EquityTapeOptions): Promise<EquityTape> {
  if (!Number.isInteger(opts.prints) || opts.prints < 1) throw new RangeError(`prints was ${opts.prints}; expected a whole number ≥ 1`);
  const { universe, paths, clock } = opts;
  const openMs = paths.openMs;
  const closeMs = opts.closeMs;
  const preMs = openMs - EQUITY_DAY.preMarketMinutes * MINUTE_MS;
  const postMs = closeMs + EQUITY_DAY.postMarketMinutes * MINUTE_MS;
  const rng = Prng.fromSeed(opts.seed, PRNG_STREAM.equityTape);
  const profiles = universe.map((u) => equityNameProfile(u));
  const pickers = new Map<string, LitVenuePicker>();
  const fine = new EquityPricePath(universe, opts.seed);
  const names: EquityName[] = profiles.map((profile) => {
    let venues = pickers.get(profile.listingVenue);
    if (venues === undefined) pickers.set(profile.listingVenue, (venues = new LitVenuePicker(profile.listingVenue)));
    return {
      profile, venues,
      price: (u, ts) => fine.at(u, ts),
      earlierPrice: (u, ts, r) => paths.at(u, openMs + r.next() * (Math.min(ts, closeMs) - openMs)),
    };
  });
  const factory = new EquityPrintFactory(names);
  const picker = new AliasTable(universe.map((u) => u.activityWeight));
  const totalWeight = universe.reduce((s, u) => s + u.activityWeight, 0);
  const expectedPrints = universe.map((u) => (opts.prints * u.activityWeight) / totalWeight);
  const informed = informedNames(universe, opts.seed);
  const dollars = universe.map((u) => (expectedPrints[u.rank] as number) * meanPrintShares(profiles[u.rank] as EquityNameProfile) * u.previousClose);
  const schedule = informedSchedule(informed, dollars, openMs + 15 * MINUTE_MS, closeMs - 15 * MINUTE_MS, rng);
  const buffer = new EquityRowBuffer(clock, universe.map((u) => u.symbol));
  const sink = new TextFileSink(opts.file, opts.gzip);
  await sink.write(`${EQUITY_PRINT_COLUMNS.join(',')}\n`);

  const sigma = (k: number) => (u: number) => k * dailyVolatility(universe[u] as Underlying);
  fine.window(preMs, openMs, 90, (u) => (universe[u] as Underlying).previousClose, (u) => paths.boundary(u, 0), sigma(0.25));
  extendedWindow(rng, factory, picker, preMs, openMs, Math.round(opts.prints * EQUITY_DAY.preMarketShare), false, buffer);
  await sink.write(buffer.takeText());

  const counts = bucketCounts(opts.prints, paths.buckets);
  let next = 0;
  for (let b = 0; b < paths.buckets; b++) {
    const from = openMs + b * BUCKET_MS;
    const to = from + BUCKET_MS;
    fine.window(from, to, 30, (u) => paths.boundary(u, b), (u) => paths.boundary(u, b + 1), (u) => paths.sliceVolatility(universe[u] as Underlying));
    if (b === 0) auctions(factory, universe, profiles, expectedPrints, openMs, (u) => paths.boundary(u, 0), true, buffer);
    const slots = slotTimes(rng, from, to, counts[b] as number);
    for (let i = 0; i < slots.length;) i += factory.continuous(rng, picker.sample(rng), slots[i] as number, slots.length - i, to - 1, buffer);
    for (; next < schedule.length && (schedule[next] as Scheduled).ts < to; next++) {
      const s = schedule[next] as Scheduled;
      factory.informedBlock(rng, s.u, s.ts, s.buy, s.notional, buffer);
    }
    await sink.write(buffer.takeText());
  }

  fine.window(closeMs, postMs, 120, (u) => paths.boundary(u, paths.buckets), () => NaN, sigma(0.15));
  auctions(factory, universe, profiles, expectedPrints, closeMs, (u) => paths.boundary(u, paths.buckets), false, buffer, rng);
  extendedWindow(rng, factory, picker, closeMs, postMs, Math.round(opts.prints * EQUITY_DAY.postMarketShare), true, buffer);
  await sink.write(buffer.takeText());
  const written = await sink.close();
  return {
    ...written, rows: factory.stats.rows, stats: factory.stats, informed,
    hours: { from: clock.format(preMs), to: clock.format(postMs - 1) },
  };
}

interface Scheduled {
  readonly ts: number;
  readonly u: number;
  readonly buy: boolean;
  /** Dollars; the block's size is this ÷ price, rounded up to 100 shares. */
  readonly notional: number;
}

/**
 * The informed blocks: per informed name, block notionals of $300K × Pareto(α 1.3), each capped at $15M and at a
 * third of the name's target (EQUITY_DAY.informedDollarShare × its expected dollar volume), drawn until they
 * reach the target and at least informedMinBlocks; times uniform in [from, to). Sorted by time.
 */
function informedSchedule(informed: readonly InformedName[], dollars: readonly number[], from: number, to: number, rng: Prng): Scheduled[] {
  const out: Scheduled[] = [];
  for (const n of informed) {
    const target = EQUITY_DAY.informedDollarShare * (dollars[n.rank] as number);
    const cap = Math.min(15e6, target / EQUITY_DAY.informedMinBlocks);
    let sum = 0;
    for (let i = 0; i < EQUITY_DAY.informedMinBlocks || sum < target; i++) {
      const notional = Math.min(cap, 300_000 * (1 - rng.next()) ** (-1 / 1.3));
      sum += notional;
      out.push({ ts: from + Math.floor(rng.next() * (to - from)), u: n.rank, buy: n.direction === 'accumulation', notional });
    }
  }
  return out.sort((a, b) => a.ts - b.ts || a.u - b.u);
}

/** Expected shares of one continuous print: odd-lot share × 21 (the mean of ⌊100^U⌋) + the rest × meanRoundLotShares. */
function meanPrintShares(p: EquityNameProfile): number {
  return p.oddLotShare * 21 + (1 - p.oddLotShare) * meanRoundLotShares(p.roundLotScale);
}

/** `count` extended-hours prints spread uniformly over [from, to). */
function extendedWindow(
  rng: Prng, factory: EquityPrintFactory, picker: AliasTable, from: number, to: number, count: number, post: boolean, buffer: EquityRowBuffer,
): void {
  const slots = slotTimes(rng, from, to, count);
  for (let i = 0; i < slots.length; i++) factory.extendedHours(rng, picker.sample(rng), slots[i] as number, post, buffer);
}

/**
 * Every name's opening (at the open) or closing auction print (in the two seconds after the close), sized as a
 * share of its expected regular-session volume: expected prints × meanPrintShares.
 */
function auctions(
  factory: EquityPrintFactory, universe: readonly Underlying[], profiles: readonly EquityNameProfile[], expected: readonly number[],
  ts: number, price: (u: number) => number, open: boolean, buffer: EquityRowBuffer, rng?: Prng,
): void {
  for (const u of universe) {
    const p = profiles[u.rank] as EquityNameProfile;
    const meanSize = meanPrintShares(p);
    const share = open ? EQUITY_DAY.openingAuction : EQUITY_DAY.closingAuction;
    const shares = (expected[u.rank] as number) * meanSize * (u.assetClass === 'stock' ? share.stock : share.etf);
    factory.auction(u.rank, ts + (rng === undefined ? 0 : rng.int(0, 1999)), price(u.rank), shares, open, buffer);
  }
}
