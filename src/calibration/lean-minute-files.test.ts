import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IngestReport } from '../ingest/ingest-report.ts';
import { readLeanOpenInterest, readLeanTradeBars } from './lean-minute-files.ts';

const minute = fileURLToPath(new URL('../../test-fixtures/calibration/data/lean-option-chains-oi/minute/', import.meta.url));

test('LEAN trade bars: the SOURCE.md sample row reads back exactly; all 581 rows of GOOG 2015-12-23 accepted', async () => {
  const report = new IngestReport();
  const bars = await readLeanTradeBars(join(minute, 'GOOG_2015-12-23_option_trade_bars_1m.csv'), { report, strict: true });
  assert.equal(bars.length, 581);
  assert.equal(report.accepted, 581);
  // SOURCE.md: GOOG,20151224,C,650,50220000,98.0000,98.0000,98.0000,98.0000,12
  assert.deepEqual(bars[0], {
    underlying: 'GOOG', expiry: '2015-12-24', right: 'C', strike: 650, msSinceMidnight: 50_220_000,
    open: 98, high: 98, low: 98, close: 98, volume: 12,
  });
  assert.equal(bars.reduce((v, b) => v + b.volume, 0), 3861);
});

test('LEAN open interest: one row per contract, stamped ~06:30 (first row of GOOG 2015-12-23: 600 C, OI 0)', async () => {
  const report = new IngestReport();
  const rows = await readLeanOpenInterest(join(minute, 'GOOG_2015-12-23_option_open_interest.csv'), { report, strict: true });
  assert.equal(rows.length, 118);
  assert.deepEqual(rows[0], { underlying: 'GOOG', expiry: '2015-12-24', right: 'C', strike: 600, openInterest: 0 });
});

test('LEAN bars: bad rows are rejected naming the field and quoting the value; zero-volume bars are excluded', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lean-minute-'));
  const p = join(dir, 'X_2015-12-23_option_trade_bars_1m.csv');
  writeFileSync(p, [
    'underlying,expiry,right,strike,ms_since_midnight_et,open,high,low,close,volume',
    'GOOG,20151224,C,650,50220000,98,98,98,98,0',
    'GOOG,20151232,C,650,50220000,98,98,98,98,1',
    'GOOG,20151224,X,650,50220000,98,98,98,98,1',
    'GOOG,20151224,C,650,90000000,98,98,98,98,1',
    'GOOG,20151224,C,650,50220000,98,97,96,98,1',
    'GOOG,20151224,C,650,50220000,98,98,98,98,1.5',
  ].join('\n'));
  const report = new IngestReport();
  const bars = await readLeanTradeBars(p, { report, strict: false });
  assert.equal(bars.length, 0);
  assert.deepEqual(Object.fromEntries(report.excludedReasons), { 'zero volume': 1 });
  assert.deepEqual(report.rejections.map((r) => `${r.line} ${r.field} ${r.value}`), [
    '3 expiry 20151232', '4 right X', '5 ms_since_midnight_et 90000000', '6 open 98', '7 volume 1.5',
  ]);
});
