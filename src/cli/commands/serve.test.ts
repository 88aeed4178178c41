import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
