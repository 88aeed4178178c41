/**
 * HTTP API benchmark (issue 4): latency p50/p99 and requests/s of the flow endpoints over loopback.
 *
 * `node --import tsx bench/http-load.ts TRADES CHAIN` (the orchestrator):
 * 1. counts the prints per underlying in TRADES (the day's heavy-tailed set, used to draw symbols);
 * 2. starts `bin/smartmoney serve --port 0 --trades TRADES --chain CHAIN` (in-memory data) in a child process and
 *    times the load (spawn → the URL line);
 * 3. runs the load generator (this file with `drive`) in another child process, phase by phase, and stops the
 *    server with SIGTERM. Prints one JSON line (the last line of stdout) for bench/run.ts.
 *
 * `node --import tsx bench/http-load.ts drive URL < PLAN_JSON` (the load generator): node:http with a keep-alive
 * Agent, `concurrency` requests in flight, stopping at `maxRequests` or `maxSeconds`, whichever comes first.
 * Loopback only: the server listens on 127.0.0.1.
 *
 * Environment: BENCH_HTTP_SECONDS (per phase, default 20), BENCH_HTTP_REQUESTS (per phase, default 20000; tilt at most 500),
 * BENCH_HTTP_TOP (symbols drawn from, default 100), BENCH_HTTP_TILT_UNKNOWN (unknown symbols in the tilt call,
 * default 3000), BENCH_HTTP_SERVER_NODE_ARGS (node flags of the server process, e.g. --cpu-prof).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createReadStream, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Phase {
  readonly name: string;
  readonly paths: readonly string[];
  readonly concurrency: number;
  readonly maxRequests: number;
  readonly maxSeconds: number;
}

interface PhaseResult {
  name: string;
  concurrency: number;
  requests: number;
  seconds: number;
  requests_per_second: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  statuses: Record<string, number>;
  bytes_per_response_mean: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

async function drivePhase(url: URL, phase: Phase): Promise<PhaseResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: phase.concurrency });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let bytes = 0;
  let next = 0;
  const t0 = performance.now();
  const deadline = t0 + phase.maxSeconds * 1000;
  const one = (path: string) => new Promise<void>((resolve, reject) => {
    const start = performance.now();
    const req = request({ host: url.hostname, port: url.port, path, agent, method: 'GET' }, (res) => {
      let n = 0;
      res.on('data', (chunk: Buffer) => { n += chunk.length; });
      res.on('end', () => {
        latencies.push(performance.now() - start);
        const code = String(res.statusCode);
        statuses[code] = (statuses[code] ?? 0) + 1;
        bytes += n;
        resolve();
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
  const worker = async () => {
    while (next < phase.maxRequests && performance.now() < deadline) {
      const path = phase.paths[next % phase.paths.length] as string;
      next++;
      await one(path);
    }
  };
  await Promise.all(Array.from({ length: phase.concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  return {
    name: phase.name, concurrency: phase.concurrency, requests: sorted.length, seconds: round(seconds, 2),
    requests_per_second: round(sorted.length / seconds), p50_ms: round(percentile(sorted, 0.5)), p99_ms: round(percentile(sorted, 0.99)),
    max_ms: round(sorted[sorted.length - 1] ?? NaN), statuses, bytes_per_response_mean: Math.round(bytes / Math.max(1, sorted.length)),
  };
}

/** Prints per underlying: the second CSV field of each line of a canonical trades file (header skipped). */
async function printsBySymbol(file: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let rest = '';
  let header = true;
  for await (const chunk of createReadStream(file, { encoding: 'latin1', highWaterMark: 1 << 22 })) {
    const text = rest + (chunk as string);
    let start = 0;
    for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
      if (header) header = false;
      else {
        const a = text.indexOf(',', start);
        const sym = text.slice(a + 1, text.indexOf(',', a + 1));
        counts.set(sym, (counts.get(sym) ?? 0) + 1);
      }
      start = nl + 1;
    }
    rest = text.slice(start);
  }
  return counts;
}

/** A seeded xorshift32 in [0, 1). */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s / 2 ** 32;
  };
}

/** `n` symbols drawn with probability ∝ prints from `ranked` (symbol, prints), seeded. */
function draw(ranked: readonly [string, number][], n: number, seed: number): string[] {
  const total = ranked.reduce((s, [, c]) => s + c, 0);
  const r = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let x = r() * total;
    let k = 0;
    while (k < ranked.length - 1 && x >= (ranked[k] as [string, number])[1]) x -= (ranked[k++] as [string, number])[1];
    out.push((ranked[k] as [string, number])[0]);
  }
  return out;
}

/** Unknown symbols: `Q` + four letters, none of which the day holds. */
function unknownSymbols(known: ReadonlySet<string>, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    let s = 'Q';
    for (let k = i, j = 0; j < 4; j++, k = Math.floor(k / 26)) s += String.fromCharCode(65 + (k % 26));
    if (!known.has(s)) out.push(s);
  }
  return out;
}

function rssMib(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m === null ? NaN : Math.round(Number(m[1]) / 1024);
  } catch {
    return NaN;
  }
}

async function startServer(root: string, trades: string, chain: string): Promise<{ child: ChildProcess; url: URL; seconds: number }> {
  const t0 = performance.now();
  const serveArgs = ['serve', '--port', '0', '--host', '127.0.0.1', '--trades', trades, '--chain', chain];
  // BENCH_HTTP_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' runs the server as node ARGS … (to profile it).
  const nodeArgs = process.env.BENCH_HTTP_SERVER_NODE_ARGS;
  const child = nodeArgs === undefined
    ? spawn(join(root, 'bin/smartmoney'), serveArgs, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
    : spawn(process.execPath, [...nodeArgs.split(' ').filter((x) => x !== ''), '--import', 'tsx', join(root, 'src/cli/main.ts'), ...serveArgs], {
      cwd: root, stdio: ['ignore', 'pipe', 'inherit'],
    });
  const url = await new Promise<URL>((resolve, reject) => {
    let out = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (s: string) => {
      out += s;
      const m = /smartmoney API on (http:\/\/\S+)/.exec(out);
      if (m !== null) resolve(new URL(m[1] as string));
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
  });
  return { child, url, seconds: round((performance.now() - t0) / 1000, 2) };
}

function runDriver(root: string, url: URL, phases: readonly Phase[]): PhaseResult[] {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'bench/http-load.ts'), 'drive', url.href], {
    cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['pipe', 'pipe', 'inherit'], input: JSON.stringify(phases),
  });
  return JSON.parse(out.trim().split('\n').pop() as string) as PhaseResult[];
}

async function orchestrate(trades: string, chain: string): Promise<void> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const seconds = Number(process.env.BENCH_HTTP_SECONDS ?? 20);
  const maxRequests = Number(process.env.BENCH_HTTP_REQUESTS ?? 20000);
  const top = Number(process.env.BENCH_HTTP_TOP ?? 100);
  const unknownCount = Number(process.env.BENCH_HTTP_TILT_UNKNOWN ?? 3000);

  const counts = await printsBySymbol(trades);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const topSet = ranked.slice(0, top);
  const drawn = draw(topSet, 2000, 42);
  const watch = [...ranked.map(([s]) => s), ...unknownSymbols(new Set(counts.keys()), unknownCount)];
  const tiltPath = `/v1/flow/tilt?symbols=${watch.join(',')}`;

  const load1 = loadavg()[0] as number;
  const server = await startServer(root, trades, chain);
  process.stderr.write(`server on ${server.url.href} loaded in ${server.seconds} s\n`);
  let phases: PhaseResult[];
  let rss = NaN;
  try {
    const distinct = [...new Set(drawn)];
    phases = runDriver(root, server.url, [
      // Cold: each drawn symbol's report computed once (the report cache is filled), then the tilt rows once.
      { name: 'warm-up: reports of the drawn symbols, once each', paths: distinct.map((s) => `/v1/flow/signals/${s}/summary`), concurrency: 2, maxRequests: distinct.length, maxSeconds: 600 },
      { name: 'tilt, first call (every row computed)', paths: [tiltPath], concurrency: 1, maxRequests: 1, maxSeconds: 600 },
      { name: 'signals', paths: drawn.map((s) => `/v1/flow/signals/${s}`), concurrency: 50, maxRequests, maxSeconds: seconds },
      { name: 'summary', paths: drawn.map((s) => `/v1/flow/signals/${s}/summary`), concurrency: 50, maxRequests, maxSeconds: seconds },
      { name: 'tilt', paths: [tiltPath], concurrency: 5, maxRequests: Math.min(maxRequests, 500), maxSeconds: seconds },
    ]);
  } finally {
    rss = rssMib(server.child.pid as number);
    server.child.kill('SIGTERM');
  }
  await new Promise((resolve) => server.child.once('exit', resolve));
  const result = {
    machine: { cpus: cpus().length, model: cpus()[0]?.model, memory_gib: Math.round(totalmem() / 2 ** 30), node: process.version, load_1min_before: round(load1, 2), load_1min_after: round(loadavg()[0] as number, 2) },
    input: { synthetic: true, trades, chain, prints: ranked.reduce((s, [, c]) => s + c, 0), symbols: counts.size },
    server: { command: 'bin/smartmoney serve --port 0 --trades TRADES --chain CHAIN (in memory)', load_seconds: server.seconds, peak_rss_mib: rss },
    draw: { from_top_symbols: topSet.length, by: 'prints', distinct_symbols: new Set(drawn).size, spy_share: round(drawn.filter((s) => s === 'SPY').length / drawn.length, 3) },
    tilt: { symbols: watch.length, present: counts.size, unknown: watch.length - counts.size, query_string_bytes: tiltPath.length },
    phases,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

const [mode, a] = process.argv.slice(2);
if (mode === 'drive') {
  const url = new URL(a as string);
  const results: PhaseResult[] = [];
  for (const phase of JSON.parse(readFileSync(0, 'utf8')) as Phase[]) {
    const r = await drivePhase(url, phase);
    process.stderr.write(`${r.name}: ${r.requests} req, ${r.requests_per_second}/s, p50 ${r.p50_ms} ms, p99 ${r.p99_ms} ms, max ${r.max_ms} ms ${JSON.stringify(r.statuses)}\n`);
    results.push(r);
  }
  process.stdout.write(`${JSON.stringify(results)}\n`);
} else if (mode !== undefined && a !== undefined) {
  await orchestrate(mode, a);
} else {
  process.stderr.write('usage: http-load.ts TRADES CHAIN | http-load.ts drive URL < PLAN_JSON\n');
  process.exitCode = 2;
}
