/**
 * One measured run of the flow pipeline over a tape file, in its own process so that peak memory is its own.
 *   node --import tsx bench/flow-pipeline.ts parse TRADES
 *   node --import tsx bench/flow-pipeline.ts e2e TRADES [CHAIN]
 * `parse`: read and validate every row (the canonical CSV parser), nothing else.
 * `e2e`: parse → per-contract coalescing → OI simulation → scoring → per-underlying query and summary.
 *   The chain snapshot (settled OI, read once per day) is loaded before the clock starts; its time is
 *   reported apart as chain_seconds.
 * Prints one JSON line: {mode, prints, signals, seconds, prints_per_second, max_rss_mib, …}.
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_FLOW_SETTINGS } from '../src/core/options-flow/flow-settings.ts';
import { FlowTape } from '../src/core/options-flow/flow-tape.ts';
import { summarize } from '../src/core/options-flow/flow-summary.ts';
import { SettledOiBook } from '../src/core/options-flow/settled-oi-book.ts';
import { matchingSignals } from '../src/core/options-flow/signal-query.ts';
import type { EpochMs } from '../src/core/units.ts';
import { readAllChains } from '../src/ingest/chain-sources.ts';
import { IngestReport } from '../src/ingest/ingest-report.ts';
import { readTrades } from '../src/ingest/trade-sources.ts';

const [mode, tradesFile, chainFile] = process.argv.slice(2);
if ((mode !== 'parse' && mode !== 'e2e') || tradesFile === undefined) {
  process.stderr.write('usage: flow-pipeline.ts parse|e2e TRADES [CHAIN]\n');
  process.exit(2);
}

const report = new IngestReport();
// The chain (settled OI, loaded once per day) is read before the clock starts and timed on its own.
const c0 = performance.now();
let chain = mode === 'e2e' && chainFile !== undefined
  ? await readAllChains([chainFile], { report: new IngestReport(), strict: false }) : [];
const book = new SettledOiBook(chain);
const chainRows = chain.length;
chain = []; // the book keeps what it needs; the rows themselves need not stay on the heap
const chainSeconds = (performance.now() - c0) / 1000;
const t0 = performance.now();
let prints = 0;
let signals = 0;
let summaries = 0;
let netSum = 0;
if (mode === 'parse') {
  for await (const batch of readTrades(tradesFile, { report, strict: false })) prints += batch.length;
} else {
  const tape = new FlowTape();
  for await (const batch of readTrades(tradesFile, { report, strict: false })) {
    for (const t of batch) tape.add(t);
    prints += batch.length;
  }
  const bySymbol = tape.signals(DEFAULT_FLOW_SETTINGS, book.lookup);
  for (const [symbol, list] of bySymbol) {
    signals += list.length;
    const at = tape.lastPrintTs(symbol) ?? (0 as EpochMs);
    const ranked = matchingSignals(list, { at, windowMinutes: 390, minScore: 0, intent: null, structure: null, limit: 50, expiry: null });
    netSum += summarize(ranked, DEFAULT_FLOW_SETTINGS).netDirectionalPremium;
    summaries++;
  }
}
const seconds = (performance.now() - t0) / 1000;
process.stdout.write(`${JSON.stringify({
  mode, file: tradesFile, prints, rejected: report.rejected, signals, summaries,
  seconds: Math.round(seconds * 1000) / 1000,
  chain_seconds: Math.round(chainSeconds * 1000) / 1000,
  chain_rows: chainRows,
  prints_per_second: Math.round(prints / seconds),
  max_rss_mib: Math.round(process.resourceUsage().maxRSS / 1024),
  checksum_net_premium: Math.round(netSum),
})}\n`);
