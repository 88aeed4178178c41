import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VolumeAtPrice, darkPoolLevels, levelStep } from './dark-pool-levels.ts';

const u = (p: number): number => Math.round(p * 10_000);

test('levelStep: 5 bp of price rounded down to 1-2-5 (SPY $167 → 0.05, AIG $49 → 0.02, BAC $14 → 0.01 floor, $3,000 → 1)', () => {
  assert.equal(levelStep(167.42, 0.0005), 0.05);
  assert.equal(levelStep(180, 0.0005), 0.05);
  assert.equal(levelStep(49, 0.0005), 0.02);
  assert.equal(levelStep(14, 0.0005), 0.01);
  assert.equal(levelStep(3000, 0.0005), 1);
  assert.equal(levelStep(400, 0.0005), 0.2);
});

test('levels by hand: six prints, step 0.05, last 10.07 → ranked buckets with kinds, VWAP, shares', () => {
  const v = new VolumeAtPrice();
  // [10.00,10.05): 10.00×1,000 + 10.04×3,000 = 4,000 sh, $40,120; [10.05,10.10): 10.05×500 + 10.09×500 = 1,000 sh;
  // [10.10,10.15): 10.10×2,000; [9.95,10.00): 9.99×4,000.
  v.add(u(10.0), 1000); v.add(u(10.04), 3000); v.add(u(10.05), 500); v.add(u(10.09), 500); v.add(u(10.1), 2000); v.add(u(9.99), 4000);
  const levels = darkPoolLevels(v, 0.05, 10.07, 3);
  assert.deepEqual(levels.map((l) => [l.price_low, l.price_high, l.volume, l.prints, l.kind]), [
    [9.95, 10.0, 4000, 1, 'support'],
    [10.0, 10.05, 4000, 2, 'support'],
    [10.1, 10.15, 2000, 1, 'resistance'],
  ]);
  const l1 = levels[1];
  assert.ok(l1 !== undefined);
  assert.equal(l1.notional, 40_120);
  assert.equal(l1.vwap, 10.03);
  assert.equal(l1.share_of_dp_volume, 4000 / 11_000);
  const all = darkPoolLevels(v, 0.05, 10.07, 100);
  assert.equal(all.find((l) => l.price_low === 10.05)?.kind, 'at_last');
  assert.equal(all.reduce((s, l) => s + l.share_of_dp_volume, 0), 1);
  assert.deepEqual(darkPoolLevels(v, 0.05, null, 1).map((l) => l.kind), ['at_last']);
});
