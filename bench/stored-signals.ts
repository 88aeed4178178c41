/**
 * Stored day signals (docs/store.md "Day signals"): `node --import tsx bench/stored-signals.ts [PRINTS] [SYMBOLS]`.
 * Generates a synthetic day of PRINTS prints (default 1,000,000) over SYMBOLS underlyings (default 50, seed 42),
 * loads trades and chains into a fresh DuckDB store without day signals, and times
 * `GET /v1/flow/signals/{symbol}?at=<end of the day>` for the underlying with the most prints — with the default
 * 240-minute window (20:00–24:00: no signals, but the whole day is scored) and with windowMinutes=1440 (the whole
 * day's signals, what a date selector asks) — each as the first request of a fresh server (so the server's report
 * cache cannot answer), over loopback HTTP:
 *   - scored: a server whose data hides the day-signal methods (every request scores the prints, as before);
 *   - write-through: the store itself, no signals stored yet (scores, then stores them);
 *   - stored: the store again, its stored signals read.
 * Then the time of the ingest command's fill (every symbol of the day) and the store's size before and after.
 * Prints one JSON line; the store and tape are deleted at the end.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_FLOW_SETTINGS } from '../src/core/options-flow/flow-settings.ts';
import { buildServer } from '../src/server/build-server.ts';
import type { MarketData } from '../src/server/market-data.ts';
import { endOfNewYorkDay } from '../src/store/day-signals.ts';
import { openDuckDbStore } from '../src/store/duckdb-store.ts';
import { fillDaySignals } from '../src/store/fill-day-signals.ts';
import { ingestFile } from '../src/store/ingest-file.ts';
import type { MarketStore } from '../src/store/market-store.ts';
import { DEFAULT_TAPE_DATE, generateSyntheticTape } from '../src/synthetic/tape-generator.ts';

const prints = Number(process.argv[2] ?? 1_000_000);
const symbolCount = Number(process.argv[3] ?? 50);
const RUNS = 3;
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function scoredOnly(store: MarketStore): MarketData {
  return {
    symbols: (day) => store.symbols(day), days: () => store.days(), lastPrintTs: (s) => store.lastPrintTs(s),
    prints: (s, day, upTo) => store.prints(s, day, upTo), chainRows: (s, upTo) => store.chainRows(s, upTo),
  };
}

/** The first request of a fresh server on `data`: milliseconds and the body's length. */
async function firstRequest(data: MarketData, path: string): Promise<{ ms: number; bytes: number }> {
  const app: FastifyInstance = await buildServer(data);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const t = performance.now();
    const r = await fetch(`${url}${path}`);
    const body = await r.text();
    const ms = performance.now() - t;
    if (r.status !== 200) throw new Error(`${path}: HTTP ${r.status} ${body.slice(0, 200)}`);
    return { ms, bytes: body.length };
  } finally {
    await app.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'sm-bench-signals-'));
try {
  await generateSyntheticTape({ symbols: symbolCount, prints, seed: 42, date: DEFAULT_TAPE_DATE, outDir: dir, gzip: false });
  const dataDir = join(dir, 'data');
  const store = await openDuckDbStore({ dataDir });
  for (const file of ['trades.csv', 'chains.csv']) await ingestFile(store, join(dir, file), { strict: false });
  const counts = await store.printCounts(DEFAULT_TAPE_DATE);
  const [symbol, symbolPrints] = [...counts].sort((a, b) => b[1] - a[1])[0] as [string, number];
  const at = new Date(endOfNewYorkDay(DEFAULT_TAPE_DATE)).toISOString();
  const base = `/v1/flow/signals/${symbol}?at=${encodeURIComponent(at)}`;
  const timings: Record<string, object> = {};
  for (const path of [base, `${base}&windowMinutes=1440`]) {
    const scored: number[] = [];
    for (let i = 0; i < RUNS; i++) scored.push((await firstRequest(scoredOnly(store), path)).ms);
    // The first request on the store scores and stores the day; the later ones (fresh servers) read it.
    const writeThrough = path === base ? round((await firstRequest(store, path)).ms) : null;
    const stored: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const r = await firstRequest(store, path);
      stored.push(r.ms);
      bytes = r.bytes;
    }
    timings[path] = {
      body_bytes: bytes, scored_median: round(median(scored)), scored_runs: scored.map((x) => round(x)),
      write_through: writeThrough, stored_median: round(median(stored)), stored_runs: stored.map((x) => round(x)),
    };
  }
  const kept = await store.daySignals(symbol, DEFAULT_TAPE_DATE);
  await store.close();
  const sizeBefore = statSync(join(dataDir, 'smartmoney.duckdb')).size;

  const again = await openDuckDbStore({ dataDir });
  const t = performance.now();
  const fills = await fillDaySignals(again, DEFAULT_FLOW_SETTINGS);
  const fillSeconds = (performance.now() - t) / 1000;
  await again.close();
  const sizeAfter = statSync(join(dataDir, 'smartmoney.duckdb')).size;

  console.log(JSON.stringify({
    bench: 'stored-signals', prints, symbols: symbolCount, day: DEFAULT_TAPE_DATE, symbol, symbol_prints: symbolPrints,
    symbol_signals: kept?.signals.length ?? null, first_request_ms: timings,
    fill: { symbol_days: fills.reduce((n, f) => n + f.computed, 0), seconds: round(fillSeconds, 2) },
    store_mb: { with_one_symbol_day: round(sizeBefore / 2 ** 20), after_fill: round(sizeAfter / 2 ** 20) },
    cores: cpus().length, load: loadavg().map((x) => round(x, 2)),
  }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
