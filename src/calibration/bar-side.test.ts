import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeInRangeSide, quoteRuleSide, tickRuleSides } from './bar-side.ts';

test('tick rule (Lee & Ready 1991): up-tick buy, down-tick sell, zero-tick keeps the last non-zero tick', () => {
  const bars = [
    { open: 1.0, close: 1.1 }, // first bar: close > open → buy
    { open: 1.1, close: 1.1 }, // zero tick → stays buy
    { open: 1.2, close: 1.0 }, // down-tick vs previous close 1.1 → sell
    { open: 0.9, close: 1.0 }, // zero tick vs 1.0 (the bar's own open is not the reference) → stays sell
    { open: 1.0, close: 1.05 }, // up-tick → buy
  ];
  assert.deepEqual(tickRuleSides(bars), ['buy', 'buy', 'sell', 'sell', 'buy']);
});

test('tick rule: a first bar with no change and no earlier tick is mid', () => {
  assert.deepEqual(tickRuleSides([{ open: 2, close: 2 }, { open: 2, close: 2 }]), ['mid', 'mid']);
  assert.deepEqual(tickRuleSides([]), []);
});

test('close in range: above the middle of the day’s range is buy, below sell, middle or zero range mid', () => {
  assert.equal(closeInRangeSide(2.0, 1.0, 1.9), 'buy');
  assert.equal(closeInRangeSide(2.0, 1.0, 1.1), 'sell');
  assert.equal(closeInRangeSide(2.0, 1.0, 1.5), 'mid');
  assert.equal(closeInRangeSide(1.0, 1.0, 1.0), 'mid');
});

test('quote rule (Lee & Ready 1991): last above the midpoint buy, below sell; no usable quote mid', () => {
  assert.equal(quoteRuleSide(1.04, 1.0, 1.06), 'buy');
  assert.equal(quoteRuleSide(1.01, 1.0, 1.06), 'sell');
  assert.equal(quoteRuleSide(1.03, 1.0, 1.06), 'mid');
  assert.equal(quoteRuleSide(0.04, 0, 0.05), 'buy');
  assert.equal(quoteRuleSide(0.01, 0, 0), 'mid');
  assert.equal(quoteRuleSide(1.0, 1.1, 1.0), 'mid');
  assert.equal(quoteRuleSide(1.0, null, 1.0), 'mid');
});
