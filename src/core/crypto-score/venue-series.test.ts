import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { EpochMs } from '../units.ts';
import type { Observation } from './crypto-inputs.ts';
import { STEP_MS, valueAsOf, venueSeries, windowSum } from './venue-series.ts';

const H = 3_600_000, D = 86_400_000;
const obs = (h: number, value: number, venue = 'a', weight: number | null = null): Observation => ({ ts: (h * H) as EpochMs, venue, value, weight });

test('hand values: three 8-hourly funding prints of one UTC day average into that day; volumes add; levels keep the close', () => {
  const prints = [obs(0, 0.0001), obs(8, 0.0002), obs(16, 0.0003), obs(24, 0.0004)];
  const [mean] = venueSeries(prints, STEP_MS.day, 'mean');
  assert.deepEqual(mean?.ts, [0, D]);
  assert.ok(Math.abs((mean?.values[0] as number) - 0.0002) < 1e-15);
  assert.deepEqual(venueSeries(prints, STEP_MS.day, 'sum')[0]?.values.map((v) => Math.round(v * 1e4)), [6, 4]);
  assert.deepEqual(venueSeries(prints, STEP_MS.day, 'last')[0]?.values, [0.0003, 0.0004]);
  assert.deepEqual(venueSeries([obs(0, 1, 'x'), obs(0, 2, 'a')], STEP_MS.day, 'last').map((s) => s.venue), ['a', 'x']);
});

test('as-of join: the last period at or before t, null once older than the staleness limit', () => {
  const [s] = venueSeries([obs(0, 1), obs(48, 2)], STEP_MS.day, 'last');
  if (s === undefined) throw new Error('no series');
  assert.equal(valueAsOf(s, -1, 2 * D), null);
  assert.equal(valueAsOf(s, 0, 2 * D)?.value, 1);
  assert.equal(valueAsOf(s, D, 2 * D)?.value, 1);
  assert.equal(valueAsOf(s, 2 * D, 0)?.value, 2);
  assert.equal(valueAsOf(s, 5 * D, 2 * D), null);
  assert.equal(valueAsOf(s, 4 * D, 2 * D)?.value, 2);
  const [h] = venueSeries([obs(0, 1), obs(1, 2), obs(23, 3), obs(24, 4)], STEP_MS.hour, 'sum');
  if (h === undefined) throw new Error('no series');
  assert.equal(windowSum(h, 23 * H, D), 6);
  assert.equal(windowSum(h, 24 * H, D), 9);
  assert.equal(windowSum(h, 100 * H, D), null);
});

test('property: per-venue series do not depend on the order of the input rows, to the last bit', () => {
  const row = fc.record({
    h: fc.integer({ min: 0, max: 100 }), v: fc.double({ min: -1, max: 1, noNaN: true }),
    venue: fc.constantFrom('a', 'b', 'c'), w: fc.option(fc.double({ min: 0.1, max: 10, noNaN: true }), { nil: null }),
  });
  fc.assert(fc.property(fc.array(row, { maxLength: 60 }), fc.constantFrom('mean', 'sum', 'last'), fc.integer(), (rows, reducer, seed) => {
    const list = rows.map((r) => obs(r.h, r.v, r.venue, r.w));
    const shuffled = list.map((o, i) => ({ o, k: Math.sin(seed + i) })).sort((x, y) => x.k - y.k).map((x) => x.o);
    const a = venueSeries(list, STEP_MS.day, reducer as 'mean'), b = venueSeries(shuffled, STEP_MS.day, reducer as 'mean');
    assert.deepEqual(a, b);
  }), { numRuns: 200 });
});
