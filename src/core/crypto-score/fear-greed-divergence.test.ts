import { test } from 'node:test';
import assert from 'node:assert/strict';
import { divergenceOnsets, fearGreedDivergence } from './fear-greed-divergence.ts';

test('seed 001 worked example: score 72 against Fear & Greed 18 is a 54-point divergence, smart money more bullish', () => {
  assert.deepEqual(fearGreedDivergence(72, 18), { difference: 54, flagged: true, direction: 'smart_money_more_bullish' });
});

test('the 20-point edge, both directions', () => {
  assert.deepEqual(fearGreedDivergence(40, 20), { difference: 20, flagged: true, direction: 'smart_money_more_bullish' });
  assert.deepEqual(fearGreedDivergence(39.9, 20), { difference: 19.9, flagged: false, direction: 'smart_money_more_bullish' });
  assert.deepEqual(fearGreedDivergence(20, 40), { difference: -20, flagged: true, direction: 'smart_money_more_bearish' });
  assert.deepEqual(fearGreedDivergence(20.1, 40), { difference: -19.9, flagged: false, direction: 'smart_money_more_bearish' });
  assert.equal(fearGreedDivergence(50, 50).direction, null);
  // 60.3 − 40.3 is 19.999999999999996 in binary floating point: rounded to 0.1 it is the reported 20.0, flagged.
  assert.equal(fearGreedDivergence(60.3, 40.3).flagged, true);
});

test('a run of flagged days is one onset; a change of direction or a gap starts another', () => {
  const day = 86_400_000;
  const pts = [[0, 30], [1, 25], [2, 22], [3, 10], [4, -25], [6, -30], [7, 0]].map(([d, diff]) => ({
    ts: (d as number) * day, divergence: fearGreedDivergence(50 + (diff as number), 50),
  }));
  assert.deepEqual(divergenceOnsets(pts, day).map((p) => p.ts / day), [0, 4, 6]);
});
