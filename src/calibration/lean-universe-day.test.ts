import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IngestReport } from '../ingest/ingest-report.ts';
import { readLeanUniverseDay } from './lean-universe-day.ts';

const universes = fileURLToPath(new URL('../../test-fixtures/calibration/data/lean-option-chains-oi/universes/', import.meta.url));

test('LEAN universe: the underlying row is excluded, contracts read with their daily bar and OI (GOOG 2015-12-24)', async () => {
  const report = new IngestReport();
  const rows = await readLeanUniverseDay(join(universes, 'GOOG_2015-12-24.csv'), { report, strict: true });
  assert.equal(rows.length, 18);
  assert.deepEqual(Object.fromEntries(report.excludedReasons), { 'underlying row': 1 });
  // GOOG 2015-12-31 C 760: LEAN's 1-minute bars of 2015-12-24 for this contract have high 2.60, low 1.23 and
  // close 1.40 (minute/GOOG_2015-12-24_option_trade_bars_1m.csv.gz): the universe bar is that session's.
  const c = rows.find((r) => r.strike === 760 && r.right === 'C');
  assert.deepEqual(c, {
    expiry: '2015-12-31', right: 'C', strike: 760, open: 2.5, high: 2.6, low: 1.23, close: 1.4, volume: 716, openInterest: 1579,
  });
});

test('LEAN universe: a blank open_interest is null (not 0); a bad strike is rejected by name', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lean-universe-'));
  const p = join(dir, 'GOOG_2015-12-23.csv');
  writeFileSync(p, [
    '#expiry,strike,right,open,high,low,close,volume,open_interest,implied_volatility,delta,gamma,vega,theta,rho',
    ',,,749.5500,749.9900,748.5400,748.5400,11492,,,,,,,',
    '20151224,590,C,159.8000,164.4000,154.4500,160.0500,0,,0,0,0,0,0,0',
    '20151224,-5,C,159.8000,164.4000,154.4500,160.0500,0,3,0,0,0,0,0,0',
  ].join('\n'));
  const report = new IngestReport();
  const rows = await readLeanUniverseDay(p, { report, strict: false });
  assert.equal(rows.length, 1);
  assert.equal(rows[0]?.openInterest, null);
  assert.equal(rows[0]?.volume, 0);
  assert.equal(report.rejections[0]?.field, 'strike');
  assert.equal(report.rejections[0]?.value, '-5');
});
