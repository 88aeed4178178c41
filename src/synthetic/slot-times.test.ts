import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Prng } from './prng.ts';
import { slotTimes } from './slot-times.ts';

test('slot times: n whole milliseconds, sorted, inside [from, to) (property)', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 600_000 }), fc.nat(), (n, span, seed) => {
    const t = slotTimes(Prng.fromSeed(seed), 1000, 1000 + span, n);
    assert.equal(t.length, n);
    for (let i = 0; i < n; i++) {
      const x = t[i] as number;
      assert.ok(Number.isInteger(x) && x >= 1000 && x < 1000 + span);
      if (i > 0) assert.ok(x >= (t[i - 1] as number));
    }
  }), { numRuns: 100 });
});

test('slot times are uniform: the mean of 100,000 uniform order statistics on [0, 1e6) is 5e5 within 0.5%', () => {
  const t = slotTimes(Prng.fromSeed(3), 0, 1_000_000, 100_000);
  const mean = t.reduce((s, x) => s + x, 0) / t.length;
  assert.ok(Math.abs(mean - 500_000) < 2500, `mean ${mean}`);
});
