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
import { PRINT_MIX, PrintFactory, type TapeMarket, type TapeStats } from './print-events.ts';
import { Prng } from './prng.ts';
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

const BUCKET_MS = 300_000;
const ROWS_PER_WRITE = 8192;
const WRITE_BYTES = 1 << 20;
/** PRNG stream numbers; each underlying adds its rank, so names never share a stream. */
const STREAM = { tape: 0, universe: 1_000_000, chain: 2_000_000, spot: 3_000_000, snapshot: 4_000_000 } as const;

export interface TapeOptions {
  readonly symbols: number;
  readonly prints: number;
  readonly seed: number;
  readonly date: IsoDate;
  readonly outDir: string;
  readonly gzip: boolean;
  /** Called after each 5-minute slice with the number of trade rows written so far. */
  readonly onProgress?: (rowsWritten: number) => void;
}

export interface ManifestFile extends WrittenFile {
  readonly name: string;
  readonly format: 'canonical-trades-csv' | 'canonical-chain-csv';
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
  const market = marketOf(universe, chains, spotPaths(universe, opts.seed, buckets), openMs, buckets);
  const factory = new PrintFactory(market);
  const encoder = new TradeRowEncoder(clock, universe.map((u) => u.symbol), chains);
  const tradeFile = await writeTrades(join(opts.outDir, `trades${ext}`), opts, market, factory, encoder, openMs, buckets);

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
    ],
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

/**
 * Spot paths: for each name the value at each 5-minute boundary. The open gaps from the previous close by
 * 0.35 daily standard deviations × z; each slice then moves as geometric Brownian motion with the daily
 * volatility σ_atm/√252 spread evenly over the session (no drift). Prices inside a slice are interpolated.
 */
function spotPaths(universe: readonly Underlying[], seed: number, buckets: number): Float64Array {
  const paths = new Float64Array(universe.length * (buckets + 1));
  for (const u of universe) {
    const rng = Prng.fromSeed(seed, STREAM.spot + u.rank);
    const daily = u.smile.atmVol / Math.sqrt(252);
    const step = daily / Math.sqrt(buckets);
    let s = u.previousClose * Math.exp(0.35 * daily * rng.normal());
    const base = u.rank * (buckets + 1);
    paths[base] = s;
    for (let b = 1; b <= buckets; b++) {
      s *= Math.exp(step * rng.normal() - (step * step) / 2);
      paths[base + b] = s;
    }
  }
  return paths;
}

function marketOf(
  universe: readonly Underlying[], chains: readonly ListedChain[], paths: Float64Array, openMs: number, buckets: number,
): TapeMarket {
  return {
    universe,
    chains,
    spotAt(u, ts) {
      const x = Math.min(buckets - 1e-9, Math.max(0, (ts - openMs) / BUCKET_MS));
      const b = Math.floor(x);
      const i = u * (buckets + 1) + b;
      const f = x - b;
      return (paths[i] as number) * (1 - f) + (paths[i + 1] as number) * f;
    },
  };
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

/**
 * `n` sorted whole-millisecond times uniform in [from, to): uniform order statistics from normalised
 * exponential spacings (L. Devroye, Non-Uniform Random Variate Generation, 1986, ch. V.2), in O(n) with no sort.
 */
export function slotTimes(rng: Prng, from: number, to: number, n: number): Float64Array {
  const out = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += rng.exponential();
    out[i] = sum;
  }
  sum += rng.exponential();
  const span = to - from;
  for (let i = 0; i < n; i++) out[i] = from + Math.floor(((out[i] as number) / sum) * span);
  return out;
}

async function writeChunks(sink: TextFileSink, chunks: Uint8Array[]): Promise<void> {
  for (const c of chunks) await sink.write(c);
}
