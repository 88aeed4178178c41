import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EquityPricePath } from './equity-price-path.ts';
import { buildUniverse } from './underlying-universe.ts';

const universe = buildUniverse(20, 3);

test('a bridged window starts and ends exactly on the spot path values it is pinned to (to 1e-9 relative)', () => {
  const path = new EquityPricePath(universe, 3);
  const start = (u: number) => 100 + u, end = (u: number) => 101 + 0.5 * u;
  path.window(0, 300_000, 30, start, end, () => 0.01);
  for (let u = 0; u < universe.length; u++) {
    assert.ok(Math.abs(path.at(u, 0) / start(u) - 1) < 1e-9);
    assert.ok(Math.abs(path.at(u, 300_000) / end(u) - 1) < 1e-9);
  }
});

test('inside the window the bridge wanders: its variance at mid-window is σ²/4 (Brownian bridge, 20 names × 400 windows, within 10%)', () => {
  const path = new EquityPricePath(universe, 4);
  const sigma = 0.02;
  let sumSq = 0, n = 0;
  for (let w = 0; w < 400; w++) {
    path.window(0, 300_000, 30, () => 50, () => 50, () => sigma);
    for (let u = 0; u < universe.length; u++) {
      sumSq += Math.log(path.at(u, 150_000) / 50) ** 2;
      n++;
    }
  }
  const ratio = sumSq / n / (sigma * sigma / 4);
  assert.ok(Math.abs(ratio - 1) < 0.1, `variance ratio ${ratio}`);
});

test('an open end is a free walk from the start; more than 120 points is refused', () => {
  const path = new EquityPricePath(universe, 5);
  path.window(0, 7_200_000, 120, () => 20, () => NaN, () => 0.005);
  assert.ok(Math.abs(path.at(0, 0) - 20) < 1e-9);
  assert.ok(path.at(0, 7_200_000) !== 20);
  assert.throws(() => path.window(0, 1, 121, () => 1, () => 1, () => 0), /points was 121/);
});
