import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { captureIo } from '../capture-io.ts';
import { UsageError } from '../command.ts';
import { calibrateOiCommand } from './calibrate-oi.ts';

const fixture = fileURLToPath(new URL('../../../test-fixtures/calibration/data/', import.meta.url));

interface Json {
  datasets: { name: string; contract_days: number; n: number; simulator: { accuracy: number; confidence: number }; comparisons: Record<string, unknown>; closing_share_grid: unknown[] }[];
  method: { closing_share: number };
  confidence: { seed: number; supported: number | null };
}

test('calibrate-oi on the recorded fixture (GOOG 2015-12-23 bars, GOOG 12-23→24 daily, NVDA 12-01→02): JSON with n per data set', async () => {
  const io = captureIo();
  const code = await calibrateOiCommand.run(['--data', fixture], io);
  assert.equal(code, 0);
  const out = JSON.parse(io.out()) as Json;
  assert.deepEqual(out.datasets.map((d) => [d.name, d.contract_days, d.n]),
    [['lean-minute', 38, 35], ['lean-universe', 17, 17], ['yahoo', 18, 18]]);
  for (const d of out.datasets) {
    assert.ok(d.simulator.accuracy >= 0 && d.simulator.accuracy <= 1);
    assert.deepEqual(Object.keys(d.comparisons), ['always_opening', 'volume_only', 'side_only', 'side_vote_in_allowance']);
    assert.equal(d.closing_share_grid.length, 9);
  }
  assert.equal(out.method.closing_share, 0.0313);
  assert.equal(out.confidence.seed, 0.43);
  assert.equal(out.confidence.supported, null, 'no fixture data set reaches n = 100');
  assert.match(io.err(), /lean-minute: 38 contract-days \(3 with unchanged OI\)/);
});

test('calibrate-oi: γ outside [0, 1], a missing folder and stray arguments are usage errors', async () => {
  await assert.rejects(calibrateOiCommand.run(['--data', fixture, '--closing-share', '2'], captureIo()), UsageError);
  await assert.rejects(calibrateOiCommand.run(['--data', '/nonexistent/folder'], captureIo()), UsageError);
  await assert.rejects(calibrateOiCommand.run(['extra'], captureIo()), UsageError);
});

test('calibrate-oi --closing-share 0 reproduces the always-opening baseline (confidence 0)', async () => {
  const io = captureIo();
  await calibrateOiCommand.run(['--data', fixture, '--closing-share', '0'], io);
  const out = JSON.parse(io.out()) as Json;
  for (const d of out.datasets) assert.equal(d.simulator.confidence, 0);
});
