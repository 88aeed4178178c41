import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IsoDate } from '../core/units.ts';
import { TRADE_COLUMNS } from '../ingest/canonical-trades.ts';
import { AliasTable } from './alias-table.ts';
import { CHAIN_COLUMNS } from '../ingest/canonical-chain.ts';
import { appendChainRows } from './chain-snapshot.ts';
import { bucketCounts } from './intraday-profile.ts';
import { buildListedChain, expiryCloseMs, type ListedChain } from './listed-chain.ts';
import { newYorkDayClock } from './new-york-day-clock.ts';
import { writeEquityTape } from './equity-ticks.ts';
import type { EquityTapeStats } from './equity-print-events.ts';
import { PRINT_MIX, PrintFactory, type TapeMarket, type TapeStats } from './print-events.ts';
import { Prng } from './prng.ts';
import { PRNG_STREAM } from './prng-streams.ts';
import { slotTimes } from './slot-times.ts';
import { BUCKET_MS, SpotPaths } from './spot-paths.ts';
import { TextFileSink, type WrittenFile } from './text-file-sink.ts';
import { TimeOrderedRows } from './time-ordered-rows.ts';
import { TradeRowEncoder } from './trade-row-encoder.ts';
import { buildUniverse, type Underlying } from './underlying-universe.ts';
import { isTradingDay, previousTradingDay, SESSION_OPEN_MINUTES, sessionCloseMinutes } from './us-market-calendar.ts';

/** Bumped whenever the bytes written for a given seed change. */
export const GENERATOR_VERSION = '1.0.0';
/** The default session: a recent regular weekday (Friday, so weekly names have 0DTE too; the day after DST began). */
export const DEFAULT_TAPE_DATE = '2025-03-14' as IsoDate;
export const MAX_PRINTS = 100_000_000;

const ROWS_PER_WRITE = 8192;
const WRITE_BYTES = 1 << 20;
const STREAM = PRNG_STREAM;

export interface TapeOptions {
  readonly symbols: number;
  readonly prints: number;
  readonly seed: number;
  readonly date: IsoDate;
  readonly outDir: string;
  readonly gzip: boolean;
  /**
   * Also write `equity.csv` (`.csv.gz`): a synthetic equity print tape of every name following the same spot
   * paths (equity-ticks.ts), with this many continuous regular-session prints. Absent: no equity file, and the
   * other files and the manifest are the same bytes as without this option.
   */
  readonly equityPrints?: number;
  /** Called after each 5-minute slice with the number of trade rows written so far. */
  readonly onProgress?: (rowsWritten: number) => void;
}

export interface ManifestFile extends WrittenFile {
  readonly name: string;
  readonly format: 'canonical-trades-csv' | 'canonical-chain-csv' | 'canonical-equity-prints-csv';
  readonly rows: number;
}

export interface SyntheticManifest {
  readonly synthetic: true;
  readonly generator: 'smart-money generate-tape';
  readonly version: string;
  readonly seed: number;
  readonly date: IsoDate;
  readonly symbols: number;
  readonly prints: number;
  readonly session: { readonly open: string; readonly close: string };
  readonly chain_as_of: string;
  readonly files: readonly ManifestFile[];
  readonly underlyings: {
    readonly real_tickers_with_synthetic_data: readonly string[];
    readonly generated_tickers: number;
    readonly first_generated: readonly string[];
  };
  readonly stats: TapeStats;
  readonly notes: readonly string[];
  /** Present when the equity tape was written (`equityPrints`). */
  readonly equity?: SyntheticEquityManifest;
}

/** The equity tape's part of the manifest. */
export interface SyntheticEquityManifest {
  readonly synthetic: true;
  readonly file: string;
  readonly continuous_prints: number;
  readonly hours: { readonly from: string; readonly to: string };
  /** Names with seeded informed off-exchange flow: accumulation (blocks at/above the ask) or distribution. */
  readonly informed: readonly { readonly symbol: string; readonly direction: 'accumulation' | 'distribution' }[];
  readonly stats: EquityTapeStats;
}

/**
 * Writes a synthetic trading day into `outDir`: `trades.csv` (canonical option trades, `prints` rows sorted by
 * time), `chains.csv` (the previous close's chain snapshot of every listed contract) — `.csv.gz` with `gzip` —
 * and `manifest.json`. Same options → byte-identical files. Memory is bounded by one 5-minute slice of prints
 * plus the listed chains, whatever `prints` is.
 */
export async function generateSyntheticTape(opts: TapeOptions): Promise<SyntheticManifest> {
  if (!isTradingDay(opts.date)) throw new RangeError(`date was ${opts.date}; expected a US options trading day (not a weekend or market holiday)`);
  if (!Number.isInteger(opts.prints) || opts.prints < 1 || opts.prints > MAX_PRINTS) {
    throw new RangeError(`prints was ${opts.prints}; expected a whole number from 1 to ${MAX_PRINTS}`);
  }
  const universe = buildUniverse(opts.symbols, opts.seed);
  const previous = previousTradingDay(opts.date);
  const asOfMs = expiryCloseMs(previous);
  const asOfText = newYorkDayClock(previous).format(asOfMs);
  const chains = universe.map((u) => buildListedChain(u, opts.date, asOfMs, Prng.fromSeed(opts.seed, STREAM.chain + u.rank)));
  await mkdir(opts.outDir, { recursive: true });
  const ext = opts.gzip ? '.csv.gz' : '.csv';

  const chainFile = await writeChains(join(opts.outDir, `chains${ext}`), opts, universe, chains, { asOfMs, asOfText });
  const clock = newYorkDayClock(opts.date);
  const openMs = clock.epochAt(SESSION_OPEN_MINUTES);
  const closeMs = clock.epochAt(sessionCloseMinutes(opts.date));
  const buckets = (closeMs - openMs) / BUCKET_MS;
  const paths = new SpotPaths(universe, opts.seed, openMs, buckets);
  const market = marketOf(universe, chains, paths);
  const factory = new PrintFactory(market);
  const encoder = new TradeRowEncoder(clock, universe.map((u) => u.symbol), chains);
  const tradeFile = await writeTrades(join(opts.outDir, `trades${ext}`), opts, market, factory, encoder, openMs, buckets);
  const equity = opts.equityPrints === undefined ? null : await writeEquityTape({
    universe, paths, clock, closeMs, seed: opts.seed, prints: opts.equityPrints, file: join(opts.outDir, `equity${ext}`), gzip: opts.gzip,
  });

  const manifest: SyntheticManifest = {
    synthetic: true,
    generator: 'smart-money generate-tape',
    version: GENERATOR_VERSION,
    seed: opts.seed,
    date: opts.date,
    symbols: opts.symbols,
    prints: opts.prints,
    session: { open: clock.format(openMs), close: clock.format(closeMs) },
    chain_as_of: asOfText,
    files: [
      { name: `trades${ext}`, format: 'canonical-trades-csv', rows: opts.prints, ...tradeFile },
      { name: `chains${ext}`, format: 'canonical-chain-csv', ...chainFile },
      ...(equity === null ? [] : [{
        name: `equity${ext}`, format: 'canonical-equity-prints-csv' as const, rows: equity.rows, bytes: equity.bytes, sha256: equity.sha256,
      }]),
    ],
    underlyings: {
      real_tickers_with_synthetic_data: universe.filter((u) => u.kind === 'real-ticker').map((u) => u.symbol),
      generated_tickers: universe.filter((u) => u.kind === 'generated').length,
      first_generated: universe.filter((u) => u.kind === 'generated').slice(0, 10).map((u) => u.symbol),
    },
    stats: factory.stats,
    notes: [
      'SYNTHETIC DATA. Every price, size, quote, open interest and timestamp was generated by a seeded random model; none of it was observed in a market.',
      'Real ticker symbols are used only to make the tape look familiar; their numbers are synthetic too. Generated tickers are invented.',
      `Print mix per event: retail ${PRINT_MIX.retail}, midsize ${PRINT_MIX.midsize}, block ${PRINT_MIX.block}, sweep ${PRINT_MIX.sweep} (3–15 child prints).`,
      'See docs/synthetic-tape.md for every modelling choice.',
      ...(equity === null ? [] : [
        `equity${ext}: SYNTHETIC equity prints (lit and off-exchange, ISO sweeps, blocks, auctions, extended hours) following the same spot paths; the informed names below are seeded, not observed.`,
      ]),
    ],
    ...(equity === null ? {} : {
      equity: {
        synthetic: true as const, file: `equity${ext}`, continuous_prints: opts.equityPrints as number, hours: equity.hours,
        informed: equity.informed.map((n) => ({ symbol: n.symbol, direction: n.direction })), stats: equity.stats,
      },
    }),
  };
  await writeFile(join(opts.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

async function writeChains(
  path: string, opts: TapeOptions, universe: readonly Underlying[], chains: readonly ListedChain[],
  at: { asOfMs: number; asOfText: string },
): Promise<WrittenFile & { rows: number }> {
  const sink = new TextFileSink(path, opts.gzip);
  let rows = 0;
  let pending: string[] = [CHAIN_COLUMNS.join(',')];
  for (const u of universe) {
    rows += appendChainRows(u, chains[u.rank] as ListedChain, at, Prng.fromSeed(opts.seed, STREAM.snapshot + u.rank), pending);
    if (pending.length >= ROWS_PER_WRITE) {
      await sink.write(`${pending.join('\n')}\n`);
      pending = [];
    }
  }
  if (pending.length > 0) await sink.write(`${pending.join('\n')}\n`);
  return { rows, ...(await sink.close()) };
}

function marketOf(universe: readonly Underlying[], chains: readonly ListedChain[], paths: SpotPaths): TapeMarket {
  return { universe, chains, spotAt: (u, ts) => paths.at(u, ts) };
}

async function writeTrades(
  path: string, opts: TapeOptions, market: TapeMarket, factory: PrintFactory, encoder: TradeRowEncoder,
  openMs: number, buckets: number,
): Promise<WrittenFile> {
  const sink = new TextFileSink(path, opts.gzip);
  await sink.write(`${TRADE_COLUMNS.join(',')}\n`);
  const rng = Prng.fromSeed(opts.seed, STREAM.tape);
  const names = new AliasTable(market.universe.map((u) => u.activityWeight));
  const counts = bucketCounts(opts.prints, buckets);
  const rows = new TimeOrderedRows((f) => encoder.write(f));
  let written = 0;
  for (let b = 0; b < buckets; b++) {
    const from = openMs + b * BUCKET_MS;
    const slots = slotTimes(rng, from, from + BUCKET_MS, counts[b] as number);
    for (let i = 0; i < slots.length;) {
      const ts = slots[i] as number;
      const left = slots.length - i;
      const u = names.sample(rng);
      const r = rng.next();
      if (r < PRINT_MIX.retail || (r >= 1 - PRINT_MIX.sweep && left < 3)) {
        factory.single(rng, u, ts, 'retail', rows);
        i++;
      } else if (r < PRINT_MIX.retail + PRINT_MIX.midsize) {
        factory.single(rng, u, ts, 'midsize', rows);
        i++;
      } else if (r < 1 - PRINT_MIX.sweep) {
        factory.block(rng, u, ts, rows);
        i++;
      } else {
        const before = factory.stats.sweepPrints;
        factory.sweep(rng, u, ts, from + BUCKET_MS - 1, left, rows);
        i += factory.stats.sweepPrints - before;
      }
      if (encoder.pendingBytes >= WRITE_BYTES) await writeChunks(sink, encoder.take());
    }
    rows.release(Infinity);
    await writeChunks(sink, encoder.take());
    written += slots.length;
    opts.onProgress?.(written);
  }
  return sink.close();
}

async function writeChunks(sink: TextFileSink, chunks: Uint8Array[]): Promise<void> {
  for (const c of chunks) await sink.write(c);
}
