import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IngestReport } from '../ingest/ingest-report.ts';
import { readVendorGreeksDay } from './lean-vendor-greeks.ts';

const file = fileURLToPath(new URL('../../../shared/data/lean-option-chains-oi/universes/GOOG_2015-12-23.csv.gz', import.meta.url));
const skip = existsSync(file) ? false : 'needs ../shared/data';

test('LEAN GOOG 2015-12-23 universe: underlying row 748.54, 2,192 contracts with the vendor\'s IV and greeks columns (SOURCE.md sample)', { skip }, async () => {
  const report = new IngestReport();
  const day = await readVendorGreeksDay(file, { report, strict: true });
  assert.equal(day.underlying, 'GOOG');
  assert.equal(day.date, '2015-12-23');
  assert.equal(day.underlyingClose, 748.54);
  assert.equal(day.contracts.length, 2192);
  assert.equal(report.excluded, 1, 'the underlying row');
  // SOURCE.md's sample row: 20151224,590,C,159.8000,164.4000,154.4500,160.0500,0,,0,0,0,0,0,0
  assert.deepEqual(day.contracts[0], {
    expiry: '2015-12-24', strike: 590, right: 'C', close: 160.05, volume: 0, iv: 0, delta: 0, gamma: 0, vega: 0, theta: 0, rho: 0,
  });
  const row = day.contracts.find((c) => c.expiry === '2016-01-29' && c.strike === 830 && c.right === 'C');
  assert.deepEqual(row && [row.close, row.iv, row.delta, row.gamma, row.vega, row.theta, row.rho], [5, 0.3089646, 0.1628478, 0.0033809, 0.5799467, -0.2516677, 0.1145938]);
});
