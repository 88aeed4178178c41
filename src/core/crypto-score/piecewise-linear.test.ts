import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FUNDING_ANCHORS } from './funding-pillar.ts';
import { LONG_SHORT_ANCHORS } from './long-short-pillar.ts';
import { OPEN_INTEREST_ANCHORS } from './open-interest-pillar.ts';
import { type Anchors, checkAnchors, piecewiseLinear } from './piecewise-linear.ts';
import { STABLECOIN_ANCHORS } from './stablecoin-pillar.ts';
import { VOLUME_ANCHORS } from './volume-pillar.ts';

const TABLES: [string, Anchors][] = [
  ['funding', FUNDING_ANCHORS], ['stablecoin', STABLECOIN_ANCHORS], ['open interest', OPEN_INTEREST_ANCHORS],
  ['volume', VOLUME_ANCHORS], ['long/short', LONG_SHORT_ANCHORS],
];

test('hand values: anchors are hit exactly, midpoints interpolate, ends are flat', () => {
  const a: Anchors = [[0, 0], [1, 40], [3, 100]];
  assert.equal(piecewiseLinear(a, 1), 40);
  assert.equal(piecewiseLinear(a, 0.5), 20);
  assert.equal(piecewiseLinear(a, 2), 70);
  assert.equal(piecewiseLinear(a, -5), 0);
  assert.equal(piecewiseLinear(a, 99), 100);
  assert.throws(() => piecewiseLinear(a, Number.NaN), /finite/);
});

test('every pillar table has increasing x and scores within 0–100', () => {
  for (const [name, t] of TABLES) assert.doesNotThrow(() => checkAnchors(t), name);
  assert.throws(() => checkAnchors([[0, 0], [0, 10]]), /increasing/);
  assert.throws(() => checkAnchors([[0, 0], [1, 101]]), /0–100/);
});

test('property: every pillar map stays in 0–100 and is monotone (long/short decreasing, the rest increasing)', () => {
  for (const [name, t] of TABLES) {
    const sign = name === 'long/short' ? -1 : 1;
    fc.assert(fc.property(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), (x, y) => {
      const sx = piecewiseLinear(t, x), sy = piecewiseLinear(t, y);
      if (!(sx >= 0 && sx <= 100)) return false;
      return x <= y ? sign * (sy - sx) >= -1e-9 : sign * (sx - sy) >= -1e-9;
    }), { numRuns: 300 });
  }
});
