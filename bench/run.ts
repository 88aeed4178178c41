/**
 * `npm run bench`: the flow pipeline's throughput on a generated (synthetic) tape, then the IV, chain analytics, HTTP
 * query and ingest, and conviction leaderboard benchmarks (each section below).
 * 1. Generates the tape once (5,000,000 prints over 3,000 underlyings, seed 42) into .bench-tmp/, unless present.
 * 2. Runs, each in a fresh process and in the same run: parse-only, then end to end, BENCH_REPEAT times (default 3)
 *    alternating, and reports the best and median of each, their ratio and peak RSS.
 * Environment: BENCH_PRINTS, BENCH_SYMBOLS, BENCH_REPEAT override the defaults.
 * Results are printed as JSON and a markdown table to paste into BENCHMARKS.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const prints = Number(process.env.BENCH_PRINTS ?? 5_000_000);
const symbols = Number(process.env.BENCH_SYMBOLS ?? 3_000);
const repeat = Number(process.env.BENCH_REPEAT ?? 3);
const dir = join(root, '.bench-tmp', `tape-${prints}-${symbols}-seed42`);
const trades = join(dir, 'trades.csv');
const chain = join(dir, 'chains.csv');

if (!existsSync(trades)) {
  process.stderr.write(`generating ${prints} prints over ${symbols} underlyings into ${dir} …\n`);
  const t0 = Date.now();
  execFileSync(join(root, 'bin/smartmoney'), ['generate-tape', '--symbols', String(symbols), '--prints', String(prints), '--seed', '42', '--out', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  process.stderr.write(`generated in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}

interface Run { mode: string; prints: number; signals: number; seconds: number; prints_per_second: number; max_rss_mib: number; chain_seconds: number }

function once(mode: 'parse' | 'e2e'): Run {
  const args = ['--import', 'tsx', join(root, 'bench/flow-pipeline.ts'), mode, trades, ...(mode === 'e2e' ? [chain] : [])];
  const out = execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop() as string) as Run;
}

const runs: Record<'parse' | 'e2e', Run[]> = { parse: [], e2e: [] };
for (let i = 0; i < repeat; i++) {
  for (const mode of ['parse', 'e2e'] as const) {
    const r = once(mode);
    runs[mode].push(r);
    process.stderr.write(`${mode} #${i + 1}: ${r.prints_per_second.toLocaleString('en-US')} prints/s, ${r.seconds} s, peak RSS ${r.max_rss_mib} MiB\n`);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const best = (rs: Run[]) => Math.max(...rs.map((r) => r.prints_per_second));
const med = (rs: Run[]) => median(rs.map((r) => r.prints_per_second));
const e2e = runs.e2e[0] as Run;
const result = {
  machine: { cpus: cpus().length, model: cpus()[0]?.model, memory_gib: Math.round(totalmem() / 2 ** 30), node: process.version },
  input: { synthetic: true, prints, symbols, seed: 42, file: trades },
  parse_only: { best_prints_per_second: best(runs.parse), median_prints_per_second: med(runs.parse), max_rss_mib: Math.max(...runs.parse.map((r) => r.max_rss_mib)) },
  end_to_end: { best_prints_per_second: best(runs.e2e), median_prints_per_second: med(runs.e2e), max_rss_mib: Math.max(...runs.e2e.map((r) => r.max_rss_mib)), signals: e2e.signals, chain_load_seconds: e2e.chain_seconds },
  ratio_end_to_end_over_parse_median: Math.round((med(runs.e2e) / med(runs.parse)) * 1000) / 1000,
  repeat,
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`
| measure | median prints/s | best prints/s | peak RSS |
|---|---:|---:|---:|
| parse only | ${med(runs.parse).toLocaleString('en-US')} | ${best(runs.parse).toLocaleString('en-US')} | ${result.parse_only.max_rss_mib} MiB |
| end to end | ${med(runs.e2e).toLocaleString('en-US')} | ${best(runs.e2e).toLocaleString('en-US')} | ${result.end_to_end.max_rss_mib} MiB |
| ratio e2e / parse | ${result.ratio_end_to_end_over_parse_median} | | |
`);

// ─── Implied volatility and Black–Scholes price speed (issue 3) ────────────────────────────────────────────────
// bench/implied-volatility.bench.ts in its own process (1,000,000 seeded quotes; BENCH_IV_QUOTES, BENCH_IV_REFERENCE,
// BENCH_IV_REPEAT override): IVs per second, prices per second, max |iv − σ| and vs the bisection reference.
{
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'bench/implied-volatility.bench.ts')], {
    cwd: root, encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const iv = JSON.parse(out.trim().split('\n').pop() as string) as {
    implied_volatility_per_second: { median: number; best: number };
    black_scholes_prices_per_second: { median: number; best: number };
    error_vs_true_sigma: { out_of_the_money: { max_abs_error: number }; in_the_money_conditioning_at_most_1e_13: { max_abs_error: number } };
    error_vs_reference: { quotes: number; max_abs_error_out_of_the_money: number };
    machine: { load_1min_before: number };
    quotes: { count: number };
  };
  process.stdout.write(`\n${JSON.stringify(iv, null, 2)}\n`);
  process.stdout.write(`
| measure (${iv.quotes.count.toLocaleString('en-US')} quotes, load ${iv.machine.load_1min_before}) | median | best |
|---|---:|---:|
| implied volatilities / s | ${iv.implied_volatility_per_second.median.toLocaleString('en-US')} | ${iv.implied_volatility_per_second.best.toLocaleString('en-US')} |
| Black–Scholes prices / s | ${iv.black_scholes_prices_per_second.median.toLocaleString('en-US')} | ${iv.black_scholes_prices_per_second.best.toLocaleString('en-US')} |
| max \\|iv − σ\\|, out of the money | ${iv.error_vs_true_sigma.out_of_the_money.max_abs_error.toExponential(1)} | |
| max \\|iv − σ\\|, in the money, well conditioned | ${iv.error_vs_true_sigma.in_the_money_conditioning_at_most_1e_13.max_abs_error.toExponential(1)} | |
| max \\|iv − reference\\|, ${iv.error_vs_reference.quotes} quotes out of the money | ${iv.error_vs_reference.max_abs_error_out_of_the_money.toExponential(1)} | |
`);
}

// ─── Chain analytics on a 10,000-contract chain (issue 3) ──────────────────────────────────────────────────────
// bench/chain-analytics.bench.ts in its own process: full analytics (greeks, exposures, flip, max pain, levels).
{
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'bench/chain-analytics.bench.ts')], {
    cwd: root, encoding: 'utf8', maxBuffer: 1 << 22, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ca = JSON.parse(out) as {
    machine: { load: number };
    chain: { contracts: number };
    chain_spot: { median_ms: number; best_ms: number };
    implied_spot: { median_ms: number; best_ms: number };
  };
  process.stdout.write(`
| chain analytics, ${ca.chain.contracts.toLocaleString('en-US')} contracts (load ${ca.machine.load}) | median | best |
|---|---:|---:|
| spot from the chain | ${ca.chain_spot.median_ms} ms | ${ca.chain_spot.best_ms} ms |
| spot implied by put–call parity | ${ca.implied_spot.median_ms} ms | ${ca.implied_spot.best_ms} ms |
`);
}

// ─── HTTP API under load (issue 4) ──────────────────────────────────────────────────────────────────────────────
// bench/http-load.ts in its own process: it starts `bin/smartmoney serve` on the tape above (in memory) in one
// child process and drives it from another (keep-alive load generator, loopback): signals, summary (concurrency 50)
// and a 6,000-symbol tilt (concurrency 5). BENCH_HTTP_SECONDS, BENCH_HTTP_REQUESTS, BENCH_HTTP_TOP override.
{
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'bench/http-load.ts'), trades, chain], {
    cwd: root, encoding: 'utf8', maxBuffer: 1 << 22, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const http = JSON.parse(out.trim().split('\n').pop() as string) as {
    machine: { load_1min_before: number; load_1min_after: number };
    server: { load_seconds: number; peak_rss_mib: number };
    draw: { from_top_symbols: number; distinct_symbols: number; spy_share: number };
    tilt: { symbols: number; present: number; unknown: number };
    phases: { name: string; concurrency: number; requests: number; requests_per_second: number; p50_ms: number; p99_ms: number; max_ms: number; statuses: Record<string, number> }[];
  };
  process.stdout.write(`\n${JSON.stringify(http, null, 2)}\n`);
  const ms = (x: number) => `${x.toLocaleString('en-US')} ms`;
  process.stdout.write(`
Server load (${prints.toLocaleString('en-US')} prints + chain, in memory): ${http.server.load_seconds} s, peak RSS ${http.server.peak_rss_mib} MiB; load ${http.machine.load_1min_before} → ${http.machine.load_1min_after}.
Symbols drawn ∝ prints from the top ${http.draw.from_top_symbols} (${http.draw.distinct_symbols} distinct, SPY ${Math.round(http.draw.spy_share * 100)} %); tilt: ${http.tilt.symbols} symbols (${http.tilt.present} present, ${http.tilt.unknown} unknown).

| phase | concurrency | requests | requests/s | p50 | p99 | max | statuses |
|---|---:|---:|---:|---:|---:|---:|---|
${http.phases.map((p) => `| ${p.name} | ${p.concurrency} | ${p.requests.toLocaleString('en-US')} | ${p.requests_per_second.toLocaleString('en-US')} | ${ms(p.p50_ms)} | ${ms(p.p99_ms)} | ${ms(p.max_ms)} | ${Object.entries(p.statuses).map(([k, v]) => `${k}×${v}`).join(' ')} |`).join('\n')}
`);
}

// ─── HTTP ingest throughput (issue 4) ───────────────────────────────────────────────────────────────────────────
// bench/http-ingest.ts: the first 1,000,000 rows of the tape above POSTed as CSV batches of 10,000 to a server on
// in-memory data and on a fresh DuckDB store. BENCH_INGEST_PRINTS, BENCH_INGEST_BATCH override.
{
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'bench/http-ingest.ts'), trades], {
    cwd: root, encoding: 'utf8', maxBuffer: 1 << 22, stdio: ['ignore', 'pipe', 'ignore'],
  });
  const ing = JSON.parse(out.trim().split('\n').pop() as string) as {
    machine: { load_1min_before: number; load_1min_after: number };
    input: { prints: number; batch_rows: number };
    runs: { name: string; accepted: number; seconds: number; prints_per_second: number; batch_p50_ms: number; batch_p99_ms: number }[];
  };
  process.stdout.write(`\n${JSON.stringify(ing, null, 2)}\n`);
  process.stdout.write(`
| POST /v1/ingest/options-trades, ${ing.input.prints.toLocaleString('en-US')} prints in CSV batches of ${ing.input.batch_rows.toLocaleString('en-US')} (load ${ing.machine.load_1min_before}) | prints/s | batch p50 | batch p99 |
|---|---:|---:|---:|
${ing.runs.map((r) => `| ${r.name} | ${r.prints_per_second.toLocaleString('en-US')} | ${r.batch_p50_ms} ms | ${r.batch_p99_ms} ms |`).join('\n')}
`);
}

// ─── Conviction leaderboard (issue 5) ───────────────────────────────────────────────────────────────────────────
// bench/conviction.bench.ts: the full board of the 5M-print tape above, and single-print updates of a 6,000-symbol
// board (a second synthetic tape: 1,000,000 prints × 6,000 underlyings, seed 43) against building it from scratch.
{
  const incDir = join(root, '.bench-tmp', 'tape-1000000-6000-seed43');
  if (!existsSync(join(incDir, 'trades.csv'))) {
    execFileSync(join(root, 'bin/smartmoney'), ['generate-tape', '--symbols', '6000', '--prints', '1000000', '--seed', '43', '--out', incDir], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--expose-gc', join(root, 'bench/conviction.bench.ts'), trades, chain, join(incDir, 'trades.csv'), join(incDir, 'chains.csv')], {
    cwd: root, encoding: 'utf8', maxBuffer: 1 << 22, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const cv = JSON.parse(out.trim().split('\n').pop() as string) as {
    machine: { load_1min_before: number };
    full_board: { load_seconds: number; board_seconds: number; symbols: number; rows_per_second: number };
    incremental: { symbols: number; updates: number; p50_ms: number; p99_ms: number; max_ms: number; median_prints_of_updated_symbol: number; full_build_seconds_same_board_from_scratch: number; ratio_p50_update_over_build_from_scratch: number; input: { symbols: number } };
  };
  process.stdout.write(`\n${JSON.stringify(cv, null, 2)}\n`);
  process.stdout.write(`
| conviction leaderboard (load ${cv.machine.load_1min_before}) | value |
|---|---:|
| full board, ${prints.toLocaleString('en-US')}-print tape, ${cv.full_board.symbols.toLocaleString('en-US')} symbols | ${cv.full_board.board_seconds} s (${cv.full_board.rows_per_second.toLocaleString('en-US')} rows/s; tape load ${cv.full_board.load_seconds} s) |
| one new print, ${cv.incremental.input.symbols.toLocaleString('en-US')}-symbol board: p50 / p99 / max | ${cv.incremental.p50_ms} / ${cv.incremental.p99_ms} / ${cv.incremental.max_ms} ms (${cv.incremental.updates} updates) |
| that board built from scratch | ${cv.incremental.full_build_seconds_same_board_from_scratch} s |
| ratio p50 update / build from scratch | ${cv.incremental.ratio_p50_update_over_build_from_scratch} |
`);
}

// ─── Live scoring of the heaviest symbol (issue 4) ──────────────────────────────────────────────────────────────
// bench/live-scoring.ts on the tape above: one new print of the heaviest underlying, then its GET /v1/flow/signals
// report at the latest state, incrementally (live books) and from scratch, in the same run. BENCH_LIVE_UPDATES.
{
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--expose-gc', join(root, 'bench/live-scoring.ts'), trades, chain], {
    cwd: root, encoding: 'utf8', maxBuffer: 1 << 22, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lv = JSON.parse(out.trim().split('\n').pop() as string) as {
    machine: { load_1min_before: number }; input: { symbol: string; prints_of_symbol_day: number }; updates: number;
    incremental_ms: { p50: number; p99: number }; from_scratch_ms: { p50: number; p99: number }; ratio_p50: number;
  };
  process.stdout.write(`\n${JSON.stringify(lv, null, 2)}\n`);
  process.stdout.write(`
| one new print of ${lv.input.symbol} (${lv.input.prints_of_symbol_day.toLocaleString('en-US')} prints that day; ${lv.updates} updates; load ${lv.machine.load_1min_before}) | p50 | p99 |
|---|---:|---:|
| report at the latest state, incremental (live books) | ${lv.incremental_ms.p50} ms | ${lv.incremental_ms.p99} ms |
| the same report from scratch | ${lv.from_scratch_ms.p50} ms | ${lv.from_scratch_ms.p99} ms |
| ratio p50 | ${lv.ratio_p50} | |
`);
}

// ─── Dashboard (issue 7) ────────────────────────────────────────────────────────────────────────────────────────
// bench/dashboard.ts after a production build: bundle sizes and the time to the first usable page (headless
// Debian chromium) with the demo day loaded. Skipped when /usr/bin/chromium is missing.
if (existsSync('/usr/bin/chromium')) {
  execFileSync('npm', ['run', 'build:web'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'bench/dashboard.ts')], {
    cwd: root, encoding: 'utf8', maxBuffer: 1 << 22, stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(`\n${out}`);
} else {
  process.stdout.write('\ndashboard: /usr/bin/chromium missing, skipped\n');
}
