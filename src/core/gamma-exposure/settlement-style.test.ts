import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IsoDate } from '../units.ts';
import { DEFAULT_CHAIN_ANALYTICS_SETTINGS } from './chain-analytics-settings.ts';
import { isThirdFriday, settlementOf, weekdayOf } from './settlement-style.ts';

const d = (s: string) => s as IsoDate;

test('weekdays of known dates (calendar): 2015-12-22 Tuesday, 2024-02-29 Thursday, 2000-01-01 Saturday', () => {
  assert.equal(weekdayOf(2015, 12, 22), 2);
  assert.equal(weekdayOf(2024, 2, 29), 4);
  assert.equal(weekdayOf(2000, 1, 1), 6);
});

test('third Fridays: the standard monthly expiries of the SPX chain in the LEAN sample (2016-01-15, 2016-02-19, 2017-12-15)', () => {
  for (const x of ['2016-01-15', '2016-02-19', '2016-03-18', '2017-12-15']) assert.ok(isThirdFriday(d(x)), x);
  for (const x of ['2016-01-22', '2016-01-08', '2015-12-31', '2016-01-14']) assert.ok(!isThirdFriday(d(x)), x);
});

test('settlement: SPX third Friday AM, SPX other days PM (SPXW), VIX always AM, equities PM; a forced setting wins', () => {
  const s = DEFAULT_CHAIN_ANALYTICS_SETTINGS;
  assert.equal(settlementOf('SPX', d('2016-01-15'), s), 'AM');
  assert.equal(settlementOf('SPX', d('2016-01-22'), s), 'PM');
  assert.equal(settlementOf('SPXW', d('2016-01-15'), s), 'PM');
  assert.equal(settlementOf('VIX', d('2016-06-15'), s), 'AM');
  assert.equal(settlementOf('AAPL', d('2016-01-15'), s), 'PM');
  assert.equal(settlementOf('AAPL', d('2016-01-15'), { ...s, settlement: 'AM' }), 'AM');
  assert.equal(settlementOf('SPX', d('2016-01-15'), { ...s, settlement: 'PM' }), 'PM');
});
