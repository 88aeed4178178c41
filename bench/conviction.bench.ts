/**
 * Conviction leaderboard benchmark (issue 5), one process, on generated (SYNTHETIC) tapes:
 * 1. full board: a day's leaderboard built from scratch (every symbol's seed 004 signals, chain exposures and
 *    row, then the ranking) over the 5,000,000-print × 3,000-underlying tape of bench/run.ts;
 * 2. incremental update: on a 6,000-underlying tape, the board is built once; then, for symbols drawn in
 *    proportion to their prints, one new print is appended (as the live feed does: data, live books, stale row)
 *    and the board re-read — the one stale row is re-scored (its symbol's live book re-runs only the touched
 *    contract-day) and moved, the other 5,999 are not touched. Reported as p50/p99/max ms and
 *    as a ratio to building the same board from scratch, measured in the same run.
 * `node --import tsx --expose-gc bench/conviction.bench.ts FULL_TRADES FULL_CHAIN INC_TRADES INC_CHAIN`; prints
 * one JSON line. BENCH_CONVICTION_UPDATES (default 200) sets the number of single-print updates.
 */
import { cpus, loadavg } from 'node:os';
import { newYorkDate } from '../src/core/calendar/new-york-date.ts';
import type { OptionTrade } from '../src/core/options-flow/option-trade.ts';
import { epochMs, type IsoDate } from '../src/core/units.ts';
import { ConvictionService } from '../src/server/conviction-service.ts';
import { type InMemoryMarketData, loadMarketData } from '../src/server/in-memory-market-data.ts';
import { DEFAULT_SERVER_SETTINGS } from '../src/server/server-settings.ts';
import { liveFlowBooksOf } from '../src/server/live-flow-books.ts';

const [fullTrades, fullChain, incTrades, incChain] = process.argv.slice(2);
if (incChain === undefined) throw new Error('usage: conviction.bench.ts FULL_TRADES FULL_CHAIN INC_TRADES INC_CHAIN');
const updates = Number(process.env.BENCH_CONVICTION_UPDATES ?? 200);
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

async function load(trades: string, chain: string): Promise<{ data: InMemoryMarketData; seconds: number; day: IsoDate }> {
  const t0 = performance.now();
  const { data } = await loadMarketData({ trades: [trades], chains: [chain] });
  const days = await data.days();
  return { data, seconds: round((performance.now() - t0) / 1000, 2), day: days.at(-1) as IsoDate };
}

async function fullBoard(data: InMemoryMarketData, day: IsoDate) {
  gc();
  const service = new ConvictionService(data, null, DEFAULT_SERVER_SETTINGS);
  const t0 = performance.now();
  const b = await service.board(day);
  return { service, seconds: round((performance.now() - t0) / 1000, 2), symbols: b.board.size };
}

const load1 = loadavg()[0] ?? 0;
const full = await load(fullTrades as string, fullChain as string);
const fb = await fullBoard(full.data, full.day);
const fullResult = { load_seconds: full.seconds, board_seconds: fb.seconds, symbols: fb.symbols, rows_per_second: Math.round(fb.symbols / fb.seconds) };
process.stderr.write(`full board: ${fb.symbols} symbols in ${fb.seconds} s (tape load ${full.seconds} s)\n`);
full.data.addTrades([]);

const inc = await load(incTrades as string, incChain);
// The 6,000-symbol day is the live day: as if every print had come through the live feed (the books are told).
for (const s of await inc.data.symbols(inc.day)) {
  liveFlowBooksOf(inc.data).appended((await inc.data.prints(s, inc.day, epochMs(Number.MAX_SAFE_INTEGER))).slice(-1));
}
const ib = await fullBoard(inc.data, inc.day);
process.stderr.write(`incremental tape: board of ${ib.symbols} symbols built in ${ib.seconds} s\n`);
// Symbols drawn ∝ prints (a live tape's next print most likely belongs to a busy name), seeded.
const symbols = await inc.data.symbols(inc.day);
const weights: number[] = [];
let total = 0;
const lastTs = new Map<string, number>();
for (const s of symbols) {
  const ts = await inc.data.lastPrintTs(s) as number;
  const n = (await inc.data.prints(s, inc.day, epochMs(ts))).length;
  lastTs.set(s, ts);
  total += n;
  weights.push(total);
}
let seed = 12_345;
const draw = (): string => {
  seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
  const x = (seed / 2 ** 32) * total;
  let lo = 0, hi = weights.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((weights[mid] as number) > x) hi = mid; else lo = mid + 1;
  }
  return symbols[lo] as string;
};
const latencies: number[] = [];
const printsOfUpdated: number[] = [];
for (let i = 0; i < updates; i++) {
  const symbol = draw();
  const last = lastTs.get(symbol) as number;
  const template = (await inc.data.prints(symbol, inc.day, epochMs(last))).at(-1) as OptionTrade;
  const print: OptionTrade = { ...template, ts: epochMs(last + 1) };
  if (newYorkDate(print.ts) !== inc.day) continue;
  lastTs.set(symbol, last + 1);
  inc.data.addTrades([print]);
  const t0 = performance.now();
  liveFlowBooksOf(inc.data).appended([print]);
  ib.service.ingested([symbol]);
  await ib.service.board(inc.day);
  latencies.push(performance.now() - t0);
  printsOfUpdated.push((await inc.data.prints(symbol, inc.day, print.ts)).length);
}
latencies.sort((a, b) => a - b);
const pct = (p: number) => round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN, 2);
// The baseline: the same board built from scratch (the first build above: no live books, every row scored).
const rebuild = { seconds: ib.seconds };
const result = {
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, load_1min_before: round(load1, 2), load_1min_after: round(loadavg()[0] ?? 0, 2) },
  full_board: { input: { synthetic: true, file: fullTrades }, ...fullResult },
  incremental: {
    input: { synthetic: true, file: incTrades, symbols: ib.symbols },
    updates: latencies.length,
    p50_ms: pct(0.5), p99_ms: pct(0.99), max_ms: round(latencies.at(-1) ?? NaN, 2),
    median_prints_of_updated_symbol: [...printsOfUpdated].sort((a, b) => a - b)[Math.floor(printsOfUpdated.length / 2)] ?? 0,
    full_build_seconds_same_board_from_scratch: rebuild.seconds,
    ratio_p50_update_over_build_from_scratch: round(pct(0.5) / (rebuild.seconds * 1000), 6),
  },
};
process.stdout.write(`${JSON.stringify(result)}\n`);
