import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SignTally, wilsonInterval } from './sign-metrics.ts';

test('Wilson interval matches Newcombe (1998) table I: 81/263 → 0.2553–0.3662, 0/10 → 0–0.2775', () => {
  const [lo, hi] = wilsonInterval(81, 263);
  assert.equal(lo.toFixed(4), '0.2553');
  assert.equal(hi.toFixed(4), '0.3662');
  const [lo0, hi0] = wilsonInterval(0, 10);
  assert.equal(lo0, 0);
  assert.equal(hi0.toFixed(4), '0.2775');
});

test('informedness is Youden’s J = TPR + TNR − 1 for calls without abstentions (hand-counted 2×2 table)', () => {
  // 8 opened: 6 called opening, 2 closing; 4 closed: 1 called opening, 3 closing → J = 6/8 + 3/4 − 1 = 0.5.
  const t = new SignTally();
  for (let i = 0; i < 6; i++) t.add(5, 1);
  for (let i = 0; i < 2; i++) t.add(-5, 1);
  t.add(3, -2);
  for (let i = 0; i < 3; i++) t.add(-1, -7);
  t.add(9, 0); // unchanged OI: not counted
  const s = t.score();
  assert.equal(s.n, 12);
  assert.equal(s.calls, 12);
  assert.equal(s.correct, 9);
  assert.equal(s.accuracy, 0.75);
  assert.equal(s.informedness, 0.5);
});

test('abstentions count zero: a call made only on half the opened days and never wrong has J = ¼', () => {
  const t = new SignTally();
  t.add(1, 1);
  t.add(0, 1);
  t.add(0, -1);
  const s = t.score();
  assert.equal(s.coverage, 1 / 3);
  assert.equal(s.accuracy, 1);
  assert.equal(s.informedness, 0.25);
});

test('property: a call that ignores the outcome (always opening) has J = 0 whatever the base rate', () => {
  fc.assert(fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1 }), (actuals) => {
    const t = new SignTally();
    for (const a of actuals) t.add(1, a);
    const s = t.score();
    if (s.opened > 0 && s.closed > 0) assert.equal(s.informedness, 0);
    if (s.n > 0) assert.equal(s.accuracy, s.opened / s.n);
  }));
});

test('property: J lies in [−1, 1], its interval contains it, accuracy lies in its Wilson interval', () => {
  fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 }))), (pairs) => {
    const t = new SignTally();
    for (const [p, a] of pairs) t.add(p, a);
    const s = t.score();
    if (s.informedness !== null && s.informednessCi95 !== null) {
      assert.ok(s.informedness >= -1 && s.informedness <= 1);
      assert.ok(s.informednessCi95[0] <= s.informedness + 1e-12 && s.informedness <= s.informednessCi95[1] + 1e-12);
    }
    if (s.accuracy !== null && s.accuracyCi95 !== null) {
      assert.ok(s.accuracyCi95[0] <= s.accuracy && s.accuracy <= s.accuracyCi95[1]);
    }
  }));
});
