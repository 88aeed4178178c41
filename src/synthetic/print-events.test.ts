import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isoDate } from '../core/units.ts';
import { listExpiryDates } from './listed-chain.ts';
import { distinctVenues, expiryActivity, splitSize, sweepGaps } from './print-events.ts';
import { Prng } from './prng.ts';
import { dayNumber } from './us-market-calendar.ts';

test('a sweep parent splits into k whole child sizes ≥ 1 that add up to the parent (property)', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 100, max: 5000 }), fc.integer({ min: 2, max: 15 }),
    (seed, total, k) => {
      const parts = splitSize(Prng.fromSeed(seed), total, k);
      return parts.length === k && parts.every((p) => Number.isInteger(p) && p >= 1) && parts.reduce((s, p) => s + p, 0) === total;
    }));
});

test('sweep children start at 0 ms, never go back in time and finish within the span (≤ 300 ms, seed 004: "under 100 ms usually")', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 2, max: 15 }), fc.integer({ min: 0, max: 300 }), (seed, k, span) => {
    const g = sweepGaps(Prng.fromSeed(seed), k, span);
    return g[0] === 0 && g.every((x, i) => i === 0 || x >= (g[i - 1] as number)) && (g.at(-1) as number) <= span;
  }));
  const rng = Prng.fromSeed(1);
  const spans = Array.from({ length: 2000 }, () => sweepGaps(rng, 8).at(-1) as number).sort((a, b) => a - b);
  assert.ok((spans[1000] as number) < 100, `median 8-child sweep lasts ${spans[1000]} ms`);
});

test('sweep venues are distinct OPRA participants (property)', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 16 }), (seed, k) => {
    const v = distinctVenues(Prng.fromSeed(seed), k);
    return v.length === k && new Set(v).size === k;
  }));
});

test('SPY 0DTE takes 45–65% of SPY prints (design target; Cboe reports 0DTE near half of SPX volume in 2024–25)', () => {
  const expiries = listExpiryDates('daily', isoDate('2025-03-12')).map((e) => ({ ...e, dte: dayNumber(e.date) - dayNumber('2025-03-12') }));
  const w = expiries.map((e) => expiryActivity({ expiryStyle: 'daily' }, e));
  const share = (w[0] as number) / w.reduce((s, x) => s + x, 0);
  assert.ok(share > 0.45 && share < 0.65, `0DTE share ${share}`);
});
