import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TickTest, quoteRuleSide } from './trade-side.ts';

test('quote rule (Lee & Ready 1991) by hand on a 10.00 × 10.04 NBBO: at/above ask buy, at/below bid sell, inside nearer side, mid undecided', () => {
  assert.equal(quoteRuleSide(10.04, 10.0, 10.04), 'buy');
  assert.equal(quoteRuleSide(10.05, 10.0, 10.04), 'buy');
  assert.equal(quoteRuleSide(10.0, 10.0, 10.04), 'sell');
  assert.equal(quoteRuleSide(9.99, 10.0, 10.04), 'sell');
  assert.equal(quoteRuleSide(10.03, 10.0, 10.04), 'buy');
  assert.equal(quoteRuleSide(10.01, 10.0, 10.04), 'sell');
  assert.equal(quoteRuleSide(10.02, 10.0, 10.04), null);
  // Unusable NBBOs: locked, crossed, a side missing.
  assert.equal(quoteRuleSide(10.0, 10.0, 10.0), null);
  assert.equal(quoteRuleSide(10.0, 10.02, 10.0), null);
  assert.equal(quoteRuleSide(10.0, 0, 10.04), null);
});

test('tick test by hand: 10.00 (none), 10.01 uptick buy, 10.01 zero-uptick buy, 10.00 downtick sell, 10.00 zero-downtick sell, 10.02 buy', () => {
  const t = new TickTest();
  assert.deepEqual([10.0, 10.01, 10.01, 10.0, 10.0, 10.02].map((p) => t.observe(p)),
    ['unknown', 'buy', 'buy', 'sell', 'sell', 'buy']);
});
