import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureIo } from '../capture-io.ts';
import { UsageError } from '../command.ts';
import { smiCommand } from './smi.ts';

// Real LEAN SPY hourly rows (SPY_hourly_1998-2021.csv.gz) for 2019-11-27 and the 2019-11-29 early close.
const ROWS = [
  'bar_start_et,open,high,low,close,volume',
  '2019-11-27 09:00,314.6700,314.6800,314.3800,314.6100,3096383',
  '2019-11-27 10:00,314.6200,314.7500,314.3700,314.6800,8086705',
  '2019-11-27 11:00,314.6800,314.8900,314.5100,314.8500,8606284',
  '2019-11-27 12:00,314.8500,315.0100,314.8400,314.9400,2622443',
  '2019-11-27 13:00,314.9400,315.4200,314.9000,315.3000,4550940',
  '2019-11-27 14:00,315.3000,315.4300,315.2100,315.3400,2810461',
  '2019-11-27 15:00,315.3300,315.4800,315.2300,315.4800,9611162',
  '2019-11-29 09:00,314.8900,315.1300,314.5900,314.9900,4275280',
  '2019-11-29 10:00,314.9700,315.1200,314.8000,314.8700,6326190',
  '2019-11-29 11:00,314.8700,314.8800,314.4400,314.7500,4721658',
  '2019-11-29 12:00,314.7500,314.8200,314.0600,314.3100,11492896',
  '2019-12-02 09:00,314.5900,314.6600,313.9000,314.0000,1',
];

test('smi CLI: hand-computed SMI over real LEAN rows, early close included, partial day skipped with reason', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'sm-smi-')), 'SPY_hourly.csv');
  writeFileSync(file, ROWS.join('\n'));
  const io = captureIo();
  assert.equal(await smiCommand.run(['--bars', file, '--start-value', '100', '--lookback', '1'], io), 0);
  const body = JSON.parse(io.out());
  assert.equal(body.symbol, 'SPY');
  assert.equal(body.start_value, 100);
  // 11-27: −(314.61 − 314.67) + (315.48 − 315.34) = +0.20; 11-29: −(314.99 − 314.89) + (314.31 − 314.75) = −0.54.
  assert.deepEqual(body.series, [
    { date: '2019-11-27', smi: 100.2, first_half_hour_change: -0.06, last_hour_change: 0.14, close: 315.48 },
    { date: '2019-11-29', smi: 99.66, first_half_hour_change: 0.1, last_hour_change: -0.44, close: 314.31 },
  ]);
  assert.deepEqual(body.divergences.map((e: { kind: string }) => e.kind), ['bearish_confirmation']);
  assert.equal(body.skipped[0].date, '2019-12-02');
  assert.match(body.skipped[0].reason, /no bar ending at 15:00/);

  const io2 = captureIo();
  assert.equal(await smiCommand.run(['--bars', file, '--from', '2019-11-28', '--symbol', 'X'], io2), 0);
  assert.deepEqual(JSON.parse(io2.out()).series.map((p: { smi: number }) => p.smi), [-0.54]);
  await assert.rejects(smiCommand.run(['--from', '2019-01-01'], captureIo()), UsageError);
  await assert.rejects(smiCommand.run(['--bars', file, '--from', '2019-13-01'], captureIo()), UsageError);
});
