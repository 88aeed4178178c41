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
  assert.match(io.err(), /--port goes with --serve/);
});
