import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../main.ts';
import { captureIo } from '../capture-io.ts';

test('demo: generates a synthetic day once, labels it synthetic, ranks every symbol by tilt', async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'sm-demo-')), 'demo');
  const args = ['demo', '--dir', dir, '--symbols', '6', '--prints', '20000', '--seed', '3'];
  const io = captureIo();
  assert.equal(await main([...args, '--json'], io), 0, io.err());
  const body = JSON.parse(io.out());
  assert.equal(body.synthetic, true);
  assert.equal(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).synthetic, true);
  assert.equal(body.scan.length, 6);
  assert.deepEqual(body.scan.map((r: { rank: number }) => r.rank), [1, 2, 3, 4, 5, 6]);
  for (const r of body.scan) assert.ok(['bullish', 'bearish', 'mixed', 'noise'].includes(r.tilt));
  const again = captureIo();
  assert.equal(await main(args, again), 0);
  assert.doesNotMatch(again.err(), /generating/, 'the second run reuses the tape');
  assert.match(again.out(), /^SYNTHETIC DEMO DAY/);
});

test('demo: --port without --serve is a usage error', async () => {
  const io = captureIo();
  assert.equal(await main(['demo', '--port', '9000'], io), 2);
  assert.match(io.err(), /--port and --replay-speed go with --serve/);
});

test('demo --serve: a fresh store, the day replayed live into it, then the same summary as the files give', async () => {
  const { spawn } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const dir = join(mkdtempSync(join(tmpdir(), 'sm-demo-live-')), 'demo');
  const bin = fileURLToPath(new URL('../../../bin/smartmoney', import.meta.url));
  const child = spawn(bin, ['demo', '--dir', dir, '--symbols', '3', '--prints', '3000', '--seed', '9', '--serve', '--port', '0', '--replay-speed', '0'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
  const replayed = new Promise<void>((resolve, reject) => {
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
      if (/demo day replayed: 3,000 option prints and 6,\d{3} equity prints/.test(err)) resolve();
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
  });
  try {
    await replayed;
    const url = (/smartmoney API on (http:\/\/\S+)/.exec(out) as RegExpExecArray)[1] as string;
    const served = await (await fetch(`${url}/v1/flow/signals/SPY/summary?windowMinutes=390`)).json();
    const io = captureIo();
    assert.equal(await main(['summary', 'SPY', '--trades', join(dir, 'trades.csv'), '--chain', join(dir, 'chains.csv'), '--window-minutes', '390'], io), 0);
    assert.deepEqual(served, JSON.parse(io.out()));
    // The synthetic equity tape replayed beside it: the leaderboard has dark pool evidence, and the real samples serve.
    const board = await (await fetch(`${url}/v1/smart-money/leaderboard`)).json() as { rows: { symbol: string; dark_pool: number | null; options_flow: number | null }[] };
    assert.equal(board.rows.length, 3);
    for (const r of board.rows) assert.ok(r.dark_pool !== null && r.options_flow !== null, r.symbol);
    assert.equal((await fetch(`${url}/v1/darkpool/SPY/levels`)).status, 200);
    assert.equal((await fetch(`${url}/v1/smi/SPY?from=2021-03-01`)).status, 200);
    assert.equal((await fetch(`${url}/v1/crypto/smart-money-score/BTC?from=2023-01-01`)).status, 200);
  } finally {
    child.kill('SIGINT');
  }
});
