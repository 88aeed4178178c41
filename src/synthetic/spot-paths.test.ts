import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Prng } from './prng.ts';
import { BUCKET_MS, dailyVolatility, SpotPaths } from './spot-paths.ts';
import { buildUniverse } from './underlying-universe.ts';

const OPEN = 1_741_959_000_000;

test('the open gaps from the previous close by 0.35·σ_d·z, z the first normal of the name\'s spot stream (3,000,000 + rank)', () => {
  const universe = buildUniverse(5, 42);
  const paths = new SpotPaths(universe, 42, OPEN, 78);
  for (const u of universe) {
    const z = Prng.fromSeed(42, 3_000_000 + u.rank).normal();
    assert.equal(paths.boundary(u.rank, 0), u.previousClose * Math.exp(0.35 * (u.smile.atmVol / Math.sqrt(252)) * z));
  }
  assert.equal(dailyVolatility(universe[0] as (typeof universe)[0]), 0.22 / Math.sqrt(252), 'SPY: 22% ATM vol');
});

test('a name keeps its path when the universe grows, and `at` is linear between 5-minute boundaries', () => {
  const small = new SpotPaths(buildUniverse(3, 7), 7, OPEN, 78);
  const big = new SpotPaths(buildUniverse(60, 7), 7, OPEN, 78);
  for (let b = 0; b <= 78; b++) assert.equal(small.boundary(2, b), big.boundary(2, b));
  const a = big.boundary(10, 4), c = big.boundary(10, 5);
  assert.ok(Math.abs(big.at(10, OPEN + 4 * BUCKET_MS + BUCKET_MS / 4) - (0.75 * a + 0.25 * c)) < 1e-9);
  assert.equal(big.at(10, OPEN - 5_000), big.boundary(10, 0), 'clamped before the open');
});

test('log returns per slice have the slice volatility σ_d/√78 (3,000 names × 78 slices, within 3%)', () => {
  const universe = buildUniverse(3000, 1);
  const paths = new SpotPaths(universe, 1, OPEN, 78);
  let sumSq = 0, n = 0;
  for (const u of universe) {
    const s = paths.sliceVolatility(u);
    for (let b = 0; b < 78; b++) {
      const r = Math.log(paths.boundary(u.rank, b + 1) / paths.boundary(u.rank, b)) / s;
      sumSq += r * r;
      n++;
    }
  }
  assert.ok(Math.abs(Math.sqrt(sumSq / n) - 1) < 0.03, `${Math.sqrt(sumSq / n)}`);
});
