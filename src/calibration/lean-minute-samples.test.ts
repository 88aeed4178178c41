import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { leanMinuteSamples, wallClockMs } from './lean-minute-samples.ts';
import { isoDate } from '../core/units.ts';

const fixture = fileURLToPath(new URL('../../test-fixtures/calibration/data/lean-option-chains-oi/', import.meta.url));
const shared = fileURLToPath(new URL('../../../shared/data/lean-option-chains-oi/', import.meta.url));
const haveData = existsSync(shared);

test('New York wall clock: 09:30 on 2015-12-23 (EST) is 14:30Z; on 2014-06-06 (EDT) 13:30Z', () => {
  assert.equal(new Date(wallClockMs(isoDate('2015-12-23'), 34_200_000)).toISOString(), '2015-12-23T14:30:00.000Z');
  assert.equal(new Date(wallClockMs(isoDate('2014-06-06'), 34_200_000)).toISOString(), '2014-06-06T13:30:00.000Z');
});

test('GOOG 2015-12-23 fixture: one sample per traded contract, OI before from 12-23 06:30 and after from 12-24 06:30', async () => {
  const set = await leanMinuteSamples(fixture);
  assert.equal(set.samples.length, 38);
  const s = set.samples.find((x) => x.contract === 'GOOG 2015-12-24 C 650');
  assert.ok(s !== undefined);
  // The SOURCE.md sample bar (12 contracts at 98.00, 13:57 New York) is this contract's only bar that day.
  assert.equal(s.prints.length, 1);
  assert.equal(s.prints[0]?.size, 12);
  assert.equal(new Date(s.prints[0]?.ts ?? 0).toISOString(), '2015-12-23T18:57:00.000Z');
  assert.deepEqual(set.report.rejected, 0);
});

test('AAPL 7:1 split (real data): 06-09 bars meet the pre-split 06-09 OI file re-struck — 560 C × 127 → 80 C × 889', { skip: haveData ? false : 'needs ../shared/data' }, async () => {
  const set = await leanMinuteSamples(shared);
  const s = set.samples.find((x) => x.subset === 'AAPL 2014-06-09' && x.contract === 'AAPL 2014-06-13 C 80');
  assert.ok(s !== undefined);
  assert.equal(s.settledOi, 889); // minute/AAPL_2014-06-09_option_open_interest: AAPL,20140613,C,560,…,127
  assert.equal(s.nextOi, 889); // universes/AAPL_2014-06-09: 20140613,80,C,…,7,889
  // 06-06 bars are pre-split and meet both OI files unmapped.
  const pre = set.samples.find((x) => x.subset === 'AAPL 2014-06-06' && x.contract === 'AAPL 2015-01-17 C 1000');
  assert.ok(pre !== undefined);
  assert.equal(pre.settledOi, 9325);
  assert.equal(pre.nextOi, 9427);
});
