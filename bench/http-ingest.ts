/**
 * Live-feed ingest throughput over HTTP (issue 4): `node --import tsx bench/http-ingest.ts TRADES`.
 * Starts `bin/smartmoney serve --port 0` in a child process — once on in-memory data, once on a fresh embedded
 * DuckDB store (`--data`) — and, from this process, POSTs the first BENCH_INGEST_PRINTS rows of TRADES (default
 * 1,000,000) to /v1/ingest/options-trades as CSV bodies of BENCH_INGEST_BATCH rows (default 10,000), one batch
 * after the other as `smartmoney replay` does, on a keep-alive loopback connection. Reports prints accepted per
 * second and the per-batch p50/p99 latency. Prints one JSON line.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tradesFile = process.argv[2];
if (tradesFile === undefined) throw new Error('usage: http-ingest.ts TRADES');
const limit = Number(process.env.BENCH_INGEST_PRINTS ?? 1_000_000);
const batchRows = Number(process.env.BENCH_INGEST_BATCH ?? 10_000);
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

async function start(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(join(root, 'bin/smartmoney'), ['serve', '--port', '0', '--host', '127.0.0.1', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (s: string) => {
      out += s;
      const m = /smartmoney API on (http:\/\/\S+)/.exec(out);
      if (m !== null) resolve(m[1] as string);
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
  });
  return { child, url };
}

function batches(): string[] {
  const text = readFileSync(tradesFile as string, 'utf8');
  const lines = text.split('\n');
  const header = lines[0] as string;
  const rows = lines.slice(1, 1 + limit).filter((l) => l !== '');
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += batchRows) out.push(`${header}\n${rows.slice(i, i + batchRows).join('\n')}\n`);
  return out;
}

async function run(name: string, args: string[], bodies: readonly string[]) {
  const { child, url } = await start(args);
  const latencies: number[] = [];
  let accepted = 0;
  const t0 = performance.now();
  for (const body of bodies) {
    const s = performance.now();
    const r = await fetch(`${url}/v1/ingest/options-trades`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body });
    const j = await r.json() as { accepted: number };
    if (r.status !== 200) throw new Error(`${name}: HTTP ${r.status}`);
    accepted += j.accepted;
    latencies.push(performance.now() - s);
  }
  const seconds = (performance.now() - t0) / 1000;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.on('exit', resolve));
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN);
  return { name, accepted, batches: bodies.length, seconds: round(seconds, 2), prints_per_second: Math.round(accepted / seconds), batch_p50_ms: pct(0.5), batch_p99_ms: pct(0.99) };
}

const load1 = loadavg()[0] ?? 0;
const bodies = batches();
const memory = await run('in-memory', [], bodies);
const dir = mkdtempSync(join(tmpdir(), 'sm-bench-ingest-'));
const store = await run('duckdb store', ['--data', dir], bodies);
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, load_1min_before: round(load1, 2), load_1min_after: round(loadavg()[0] ?? 0, 2) },
  input: { synthetic: true, file: tradesFile, prints: limit, batch_rows: batchRows },
  runs: [memory, store],
})}\n`);
