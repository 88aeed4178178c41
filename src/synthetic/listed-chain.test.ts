import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isoDate } from '../core/units.ts';
import {
  buildListedChain, expiryCloseMs, listExpiryDates, nearestStrikeIndex, strikeGridCents, strikeIntervalCents,
} from './listed-chain.ts';
import { buildUniverse } from './underlying-universe.ts';
import { Prng } from './prng.ts';

/** Element i of an indexed collection, failing the test when absent. */
function at<T>(xs: ArrayLike<T>, i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`no element ${i}`);
  return x;
}

test('SPY on Friday 2025-03-14 lists a 0DTE, dailies, the March 21 monthly, weeklies, monthlies and January LEAPS', () => {
  const e = listExpiryDates('daily', isoDate('2025-03-14'));
  const dates = e.map((x) => x.date);
  assert.equal(dates[0], '2025-03-14');
  assert.deepEqual(dates.slice(0, 6), ['2025-03-14', '2025-03-17', '2025-03-18', '2025-03-19', '2025-03-20', '2025-03-21']);
  assert.equal(e.find((x) => x.date === '2025-03-21')?.kind, 'monthly');
  assert.ok(dates.includes(isoDate('2025-04-17')), 'April monthly moves to Thursday for Good Friday');
  assert.ok(dates.includes(isoDate('2026-01-16')) && dates.includes(isoDate('2027-01-15')));
  assert.deepEqual([...dates].sort(), dates);
});

test('a monthly-only name lists the next four monthlies and one LEAPS', () => {
  const e = listExpiryDates('monthly', isoDate('2025-03-24'));
  assert.deepEqual(e.map((x) => x.date), ['2025-04-17', '2025-05-16', '2025-06-20', '2025-07-18', '2026-01-16']);
});

test('0DTE strikes are $1 apart for SPY; LEAPS strikes are wider', () => {
  const spy = { assetClass: 'index-etf', tickClass: 'all-penny' } as const;
  assert.equal(strikeIntervalCents(spy, 551.42), 100);
  const zero = strikeGridCents(100, 551.42, 0.22, 0.5 / 365, 40);
  assert.equal(at(zero, 1) - at(zero, 0), 100);
  assert.equal(zero[40], 55100);
  const leaps = strikeGridCents(100, 551.42, 0.22, 1.8, 40);
  assert.ok(at(leaps, 1) - at(leaps, 0) >= 500);
});

test('nearestStrikeIndex agrees with a linear scan (property)', () => {
  fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 60 }),
    fc.integer({ min: 0, max: 110_000 }), (ks, x) => {
      const s = Int32Array.from([...ks].sort((a, b) => a - b));
      const i = nearestStrikeIndex(s, x);
      const best = Math.min(...[...s].map((k) => Math.abs(k - x)));
      return Math.abs(at(s, i) - x) === best;
    }));
});

test('every chain has positive ascending strikes and opening targets that point at listed contracts', () => {
  const universe = buildUniverse(400, 3);
  const asOf = expiryCloseMs(isoDate('2025-03-13'));
  for (const u of [at(universe, 0), at(universe, 37), at(universe, 399)]) {
    const c = buildListedChain(u, isoDate('2025-03-14'), asOf, Prng.fromSeed(3, u.rank));
    assert.ok(c.expiries.length >= 5);
    for (const e of c.expiries) {
      assert.ok(at(e.strikesCents, 0) > 0);
      for (let i = 1; i < e.strikesCents.length; i++) assert.ok(at(e.strikesCents, i) > at(e.strikesCents, i - 1));
    }
    assert.ok(c.openingTargets.length >= 1);
    for (const t of c.openingTargets) assert.ok(at(at(c.expiries, t.expiry).strikesCents, t.strike) > 0);
  }
});
