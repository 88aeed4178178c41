import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyIntent, convictionOf } from './intent.ts';

test('seed 004 intent classifier: closing and mid are neutral; buy call / sell put bullish; sell call / buy put bearish', () => {
  assert.equal(classifyIntent('buy', 'C', 'opening'), 'bullish');
  assert.equal(classifyIntent('sell', 'P', 'opening'), 'bullish');
  assert.equal(classifyIntent('sell', 'C', 'unknown'), 'bearish');
  assert.equal(classifyIntent('buy', 'P', 'unknown'), 'bearish');
  assert.equal(classifyIntent('buy', 'C', 'closing'), 'neutral', 'closing collapses to neutral');
  assert.equal(classifyIntent('mid', 'P', 'opening'), 'neutral');
});

test('seed 004 conviction labels at their boundaries: 80 high, 79 medium, 60 medium, 59 low, 40 low, 39 minimal', () => {
  assert.deepEqual([100, 80, 79, 60, 59, 40, 39, 0].map(convictionOf),
    ['high', 'high', 'medium', 'medium', 'low', 'low', 'minimal', 'minimal']);
});
