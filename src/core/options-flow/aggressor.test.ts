import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { aggressorLabel, aggressorStrength } from './aggressor.ts';
import { classifySide } from './side-classifier.ts';

test('seed 004 aggressor buckets with the ±0.005 tolerance (Cboe sample NBBO 2.15 × 2.60)', () => {
  assert.equal(aggressorLabel(2.61, 2.15, 2.6), 'above_ask');
  assert.equal(aggressorLabel(2.605, 2.15, 2.6), 'at_ask', 'exactly one tolerance above the ask is at the ask');
  assert.equal(aggressorLabel(2.6, 2.15, 2.6), 'at_ask');
  assert.equal(aggressorLabel(2.4, 2.15, 2.6), 'mid');
  assert.equal(aggressorLabel(2.15, 2.15, 2.6), 'at_bid');
  assert.equal(aggressorLabel(2.145, 2.15, 2.6), 'at_bid');
  assert.equal(aggressorLabel(2.14, 2.15, 2.6), 'below_bid');
});

test('seed 004 aggressor strength: lifting the offer 1.0, paying mid 0.5, mid side 0.4, crossed/locked 0.5', () => {
  assert.equal(aggressorStrength('buy', 2.6, 2.15, 2.6), 1);
  assert.equal(aggressorStrength('buy', 2.375, 2.15, 2.6), 0.5);
  assert.equal(aggressorStrength('sell', 2.15, 2.15, 2.6), 1);
  assert.equal(aggressorStrength('mid', 2.375, 2.15, 2.6), 0.4);
  assert.equal(aggressorStrength('buy', 2.5, 2.5, 2.5), 0.5, 'locked');
  assert.equal(aggressorStrength('sell', 2.5, 2.6, 2.5), 0.5, 'crossed');
  assert.equal(aggressorStrength('buy', 2.7, 2.15, 2.6), 1, 'above the ask clamps to 1');
  assert.equal(aggressorStrength('buy', 2.1, 2.15, 2.6), 0, 'a buy below the bid clamps to 0');
});

test('Lee–Ready quote rule: above the mid a buy, below a sell, at it mid', () => {
  assert.equal(classifySide(2.4, 2.15, 2.6), 'buy');
  assert.equal(classifySide(2.3, 2.15, 2.6), 'sell');
  assert.equal(classifySide(2.375, 2.15, 2.6), 'mid');
  assert.equal(classifySide(0.3, 0.1, 0.5), 'mid', 'binary-float midpoint (0.1+0.5)/2 is still the mid');
  assert.equal(classifySide(0.35, 0, 0), 'mid', 'no quote (Cboe opening print with a 0 × 0 NBBO): no side');
});

test('property: strength in [0,1] and a buy and a sell at the same price are complementary inside the NBBO', () => {
  const px = fc.double({ min: 0, max: 100, noNaN: true });
  fc.assert(fc.property(px, px, px, (a, b, c) => {
    const [bid, price, ask] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
    const buy = aggressorStrength('buy', price, bid, ask);
    const sell = aggressorStrength('sell', price, bid, ask);
    return buy >= 0 && buy <= 1 && sell >= 0 && sell <= 1 && (ask - bid <= 0 || Math.abs(buy + sell - 1) < 1e-9);
  }));
});
