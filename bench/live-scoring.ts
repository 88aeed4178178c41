/**
 * Live scoring of a heavy symbol (issue 4): `node --import tsx --expose-gc bench/live-scoring.ts TRADES CHAIN`.
 * Loads the tape into in-memory data, takes its heaviest underlying, and N times (BENCH_LIVE_UPDATES, default
 * 20) appends one new print of it as the live feed does, then computes the GET /v1/flow/signals report at the
 * latest state — incrementally (the live books: only the touched contract-day is re-scored) and from scratch
 * (core flowReport over all the day's prints), in the same run. Prints one JSON line: p50/p99 of both and the ratio.
 */
import { cpus, loadavg } from 'node:os';
import { flowReport } from '../src/core/options-flow/flow-report.ts';
import type { OptionTrade } from '../src/core/options-flow/option-trade.ts';
import { QUERY_DEFAULTS, type SignalQuery } from '../src/core/options-flow/signal-query.ts';
import { epochMs, type IsoDate } from '../src/core/units.ts';
import { loadMarketData } from '../src/server/in-memory-market-data.ts';
import { liveFlowBooksOf } from '../src/server/live-flow-books.ts';
import { marketFlowInputs, marketFlowReport } from '../src/server/market-flow-report.ts';
import { DEFAULT_SERVER_SETTINGS as S } from '../src/server/server-settings.ts';

const [trades, chain] = process.argv.slice(2);
if (chain === undefined) throw new Error('usage: live-scoring.ts TRADES CHAIN');
const updates = Number(process.env.BENCH_LIVE_UPDATES ?? 20);
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const load1 = loadavg()[0] ?? 0;
const { data } = await loadMarketData({ trades: [trades as string], chains: [chain] });
let heaviest = '', most = 0, day = '' as IsoDate;
for (const s of await data.symbols()) {
  const last = await data.lastPrintTs(s);
  if (last === null) continue;
  const d = (await data.days()).at(-1) as IsoDate;
  const n = (await data.prints(s, d, last)).length;
  if (n > most) { most = n; heaviest = s; day = d; }
}
const query: Omit<SignalQuery, 'at'> = { windowMinutes: QUERY_DEFAULTS.windowMinutes, minScore: 0, intent: null, structure: null, limit: 50, expiry: null };
const books = liveFlowBooksOf(data);
const inc: number[] = [], full: number[] = [];
let last = (await data.lastPrintTs(heaviest)) as number;
// The day is live (told to the books), and the first request builds the book (a from-scratch cost), not counted.
books.appended((await data.prints(heaviest, day, epochMs(last))).slice(-1));
marketFlowReport(await marketFlowInputs(data, heaviest, epochMs(last), query, S), S);
for (let i = 0; i < updates; i++) {
  const template = (await data.prints(heaviest, day, epochMs(last))).at(-1) as OptionTrade;
  const print: OptionTrade = { ...template, ts: epochMs(last + 1) };
  last += 1;
  data.addTrades([print]);
  books.appended([print]);
  let t0 = performance.now();
  const a = marketFlowReport(await marketFlowInputs(data, heaviest, epochMs(last), query, S), S);
  inc.push(performance.now() - t0);
  t0 = performance.now();
  const b = flowReport({ symbol: heaviest, trades: await data.prints(heaviest, day, epochMs(last)), chainRows: await data.chainRows(heaviest, epochMs(last)), at: epochMs(last), query, settings: S.flow, chainSettings: S.chain });
  full.push(performance.now() - t0);
  if (a.ranked.length !== b.ranked.length) throw new Error(`incremental and full reports differ (${a.ranked.length} vs ${b.ranked.length} signals)`);
}
const pct = (xs: number[], p: number) => round([...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN);
process.stdout.write(`${JSON.stringify({
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, load_1min_before: round(load1, 2) },
  input: { synthetic: true, file: trades, symbol: heaviest, prints_of_symbol_day: most },
  updates,
  incremental_ms: { p50: pct(inc, 0.5), p99: pct(inc, 0.99) },
  from_scratch_ms: { p50: pct(full, 0.5), p99: pct(full, 0.99) },
  ratio_p50: round(pct(inc, 0.5) / pct(full, 0.5), 4),
})}\n`);
