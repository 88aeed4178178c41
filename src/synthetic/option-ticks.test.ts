import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ceilToTick, floorToTick, formatCents, tickCents, tickDown, tickUp, type TickClass } from './option-ticks.ts';

test('Cboe Rule 5.4 increments: penny class $0.01 below $3 and $0.05 from $3; nickel $0.05 / $0.10; SPY $0.01', () => {
  assert.equal(tickCents('penny', 299), 1);
  assert.equal(tickCents('penny', 300), 5);
  assert.equal(tickCents('nickel', 295), 5);
  assert.equal(tickCents('nickel', 300), 10);
  assert.equal(tickCents('all-penny', 5000), 1);
});

test('rounding across the $3 boundary lands on the grid: penny 302 → 300 / 305, nickel 297 → 295 / 300', () => {
  assert.equal(floorToTick('penny', 302), 300);
  assert.equal(ceilToTick('penny', 302), 305);
  assert.equal(floorToTick('nickel', 297), 295);
  assert.equal(ceilToTick('nickel', 297), 300);
  assert.equal(tickUp('penny', 299), 300);
  assert.equal(tickUp('penny', 300), 305);
  assert.equal(tickDown('penny', 300), 299);
  assert.equal(tickDown('nickel', 5), 0);
});

test('floor ≤ x ≤ ceil and both are on the class grid (property)', () => {
  const classes: TickClass[] = ['all-penny', 'penny', 'nickel'];
  fc.assert(fc.property(fc.constantFrom(...classes), fc.integer({ min: 0, max: 100_000 }), (cls, x) => {
    const lo = floorToTick(cls, x), hi = ceilToTick(cls, x);
    return lo <= x && x <= hi && lo % tickCents(cls, lo) === 0 && hi % tickCents(cls, hi) === 0
      && (lo === hi) === (x % tickCents(cls, x) === 0);
  }));
});

test('formatCents prints dollars with two decimals that parse back to the same value', () => {
  assert.equal(formatCents(5), '0.05');
  assert.equal(formatCents(1230), '12.30');
  assert.equal(formatCents(0), '0.00');
  fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), (c) => Math.round(Number(formatCents(c)) * 100) === c));
});
