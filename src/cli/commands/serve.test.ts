import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_TAPE_DATE, generateSyntheticTape } from '../../synthetic/tape-generator.ts';
import { captureIo } from '../capture-io.ts';
import { serveCommand } from './serve.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// Runs the command object itself in a child process (it is registered in main.ts separately), as bin/smartmoney would.
const RUNNER = `import('./src/cli/commands/serve.ts').then((m) => m.serveCommand.run(process.argv.slice(1), process))`
  + '.then((code) => { process.exitCode = code; })';

// Real LEAN equity ticks (reads ../shared/data; skipped without it).
const TICKS = join(ROOT, '../shared/data/lean-us-equity-ticks-2013-10');
const IBM_T = join(TICKS, 'IBM_2013-10-08_trades.csv.gz');
const IBM_Q = join(TICKS, 'IBM_2013-10-08_quotes.csv.gz');
const needsTicks = existsSync(IBM_T) && existsSync(IBM_Q) ? {} : { skip: 'needs ../shared/data/lean-us-equity-ticks-2013-10' };

function startServe(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', RUNNER, '--', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (c: Buffer) => { err += c.toString(); });
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /smartmoney API on (http:\/\/\S+)/.exec(out);
      if (m !== null) resolve(m[1] as string);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code} before listening: ${err}`)));
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, url, exit, err: () => err, out: () => out };
}

test('serve: loads the files, prints its URLs, answers /health and an endpoint over HTTP, stops on SIGINT with exit code 0', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sm-serve-'));
  try {
    await generateSyntheticTape({ symbols: 2, prints: 2_000, seed: 4, date: DEFAULT_TAPE_DATE, outDir: dir, gzip: false });
    const s = startServe(['--port', '0', '--trades', join(dir, 'trades.csv'), '--chain', join(dir, 'chains.csv'), '--api-key', 'serve-test-key']);
    const base = await s.url;
    assert.match(s.out(), /docs +http:\/\/127\.0\.0\.1:\d+\/docs/);
    const health = await fetch(`${base}/health`);
    assert.equal(health.status, 200);
    assert.equal((await health.json() as { status: string }).status, 'ok');
    assert.equal((await fetch(`${base}/v1/exposure/levels/SPY`)).status, 401, '--api-key is applied');
    const levels = await fetch(`${base}/v1/exposure/levels/SPY`, { headers: { 'X-Api-Key': 'serve-test-key' } });
    assert.equal(levels.status, 200);
    assert.match(s.err(), /trades .*trades\.csv: 2000 rows read, 2000 accepted, 0 rejected/);
    s.child.kill('SIGINT');
    assert.equal(await s.exit, 0, s.err());
    assert.match(s.err(), /SIGINT, stopping/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('serve: SIGTERM stops it with exit code 0 too (no data files: an empty server)', async () => {
  const s = startServe(['--port', '0']);
  const base = await s.url;
  assert.equal((await fetch(`${base}/v1/health`)).status, 200);
  s.child.kill('SIGTERM');
  assert.equal(await s.exit, 0, s.err());
});

test('serve: bad options are usage errors naming the option and value', async () => {
  for (const [argv, message] of [
    [['--port', '70000'], /--port was "70000"; expected a whole number from 0 to 65535/],
    [['--api-key', 'short'], /--api-key was "short"; expected at least 8 characters/],
    [['--rate-limit', '0'], /--rate-limit was "0"/],
    [['--conviction-weights', '1,-1,0,0'], /--conviction-weights was "1,-1,0,0"; expected four numbers ≥ 0/],
    [['--bars', '=x'], /--bars was "=x"; expected SYMBOL=FILE/],
    [['extra'], /unexpected argument "extra"/],
  ] as const) {
    await assert.rejects(serveCommand.run([...argv], captureIo()), message);
  }
});

test('serve --data: files are ingested into the embedded store once and served from it with the in-memory bodies', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sm-serve-store-'));
  try {
    await generateSyntheticTape({ symbols: 2, prints: 2_000, seed: 5, date: DEFAULT_TAPE_DATE, outDir: dir, gzip: false });
    const files = ['--trades', join(dir, 'trades.csv'), '--chain', join(dir, 'chains.csv')];
    const path = '/v1/flow/signals/SPY/summary?windowMinutes=390';
    const memory = startServe(['--port', '0', ...files]);
    const fromMemory = await (await fetch(`${await memory.url}${path}`)).text();
    memory.child.kill('SIGINT');
    assert.equal(await memory.exit, 0);
    for (const run of [1, 2]) {
      const s = startServe(['--port', '0', '--data', join(dir, 'store'), ...files]);
      const res = await fetch(`${await s.url}${path}`);
      assert.equal(res.status, 200);
      assert.equal(await res.text(), fromMemory, `run ${run}: the store serves the same bytes`);
      if (run === 2) assert.match(s.err(), /already in the store/);
      s.child.kill('SIGINT');
      assert.equal(await s.exit, 0, s.err());
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('serve --data: a live POST of prints lands in the DuckDB store and in the answers, and survives a restart', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sm-serve-live-'));
  try {
    const store = join(dir, 'store');
    const row = (ms: number) => JSON.stringify({
      ts: `2025-03-14T10:00:00.${String(ms).padStart(3, '0')}-04:00`, underlying: 'XYZ', expiry: '2025-03-21', strike: 50,
      right: 'C', price: 1.2, size: 150, bid: 1.1, ask: 1.2, exchange: 'C',
    });
    const s = startServe(['--port', '0', '--data', store]);
    const base = await s.url;
    const posted = await fetch(`${base}/v1/ingest/options-trades`, {
      method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: `${row(0)}\n${row(100)}\n{"bad":1}\n`,
    });
    assert.equal(posted.status, 200);
    const report = await posted.json() as { accepted: number; rejected: number };
    assert.deepEqual([report.accepted, report.rejected], [2, 1]);
    const live = await (await fetch(`${base}/v1/flow/signals/XYZ`)).json() as { count: number; signals: { size: number; structure: string }[] };
    assert.equal(live.count, 1);
    assert.deepEqual([live.signals[0]?.size, live.signals[0]?.structure], [300, 'sweep']);
    s.child.kill('SIGINT');
    assert.equal(await s.exit, 0, s.err());
    const again = startServe(['--port', '0', '--data', store]);
    const after = await (await fetch(`${await again.url}/v1/flow/signals/XYZ`)).json() as { count: number };
    assert.equal(after.count, 1, 'the posted prints were stored');
    again.child.kill('SIGINT');
    assert.equal(await again.exit, 0, again.err());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('serve --data --equity/--equity-quotes: real LEAN IBM 2013-10-08 is ingested into the store once and the dark pool and bars are served from it with the in-memory bytes; a quote file given as prints is refused naming it', needsTicks, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sm-serve-equity-'));
  try {
    const files = ['--equity', IBM_T, '--equity-quotes', IBM_Q];
    const paths = ['/v1/darkpool/IBM/levels', '/v1/bars/IBM?interval=15'];
    const memory = startServe(['--port', '0', ...files]);
    const base = await memory.url;
    const fromMemory = await Promise.all(paths.map(async (p) => (await fetch(`${base}${p}`)).text()));
    memory.child.kill('SIGINT');
    assert.equal(await memory.exit, 0);
    for (const run of [1, 2]) {
      const s = startServe(['--port', '0', '--data', join(dir, 'store'), ...files]);
      const url = await s.url;
      for (const [i, p] of paths.entries()) {
        const res = await fetch(`${url}${p}`);
        assert.equal(res.status, 200, p);
        assert.equal(await res.text(), fromMemory[i], `run ${run} ${p}: the store serves the same bytes`);
      }
      if (run === 1) assert.match(s.err(), /equity trades .*IBM_2013-10-08_trades\.csv\.gz: 33381 rows read/);
      else assert.match(s.err(), /equity quotes .*already in the store/);
      s.child.kill('SIGINT');
      assert.equal(await s.exit, 0, s.err());
    }
    await assert.rejects(serveCommand.run(['--data', join(dir, 'store'), '--equity', IBM_Q], captureIo()),
      (e: Error) => e.message.includes('IBM_2013-10-08_quotes.csv.gz') && /give it with --equity-quotes/.test(e.message));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
