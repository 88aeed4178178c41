import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreBand } from './score-band.ts';

test('seed 001 band edges on whole numbers: 24|25, 39|40, 59|60, 74|75', () => {
  assert.equal(scoreBand(0), 'very_bearish');
  assert.equal(scoreBand(24), 'very_bearish');
  assert.equal(scoreBand(25), 'bearish');
  assert.equal(scoreBand(39), 'bearish');
  assert.equal(scoreBand(40), 'neutral');
  assert.equal(scoreBand(59), 'neutral');
  assert.equal(scoreBand(60), 'bullish');
  assert.equal(scoreBand(74), 'bullish');
  assert.equal(scoreBand(75), 'very_bullish');
  assert.equal(scoreBand(100), 'very_bullish');
});

test('fractional scores band on the nearest whole number, half up', () => {
  assert.equal(scoreBand(24.4), 'very_bearish');
  assert.equal(scoreBand(24.5), 'bearish');
  assert.equal(scoreBand(39.4), 'bearish');
  assert.equal(scoreBand(39.5), 'neutral');
  assert.equal(scoreBand(59.4), 'neutral');
  assert.equal(scoreBand(59.5), 'bullish');
  assert.equal(scoreBand(74.4), 'bullish');
  assert.equal(scoreBand(74.5), 'very_bullish');
  assert.throws(() => scoreBand(100.1));
  assert.throws(() => scoreBand(Number.NaN));
});
