import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { smileVol } from './iv-smile.ts';

const INDEX = { atmVol: 0.17, skew: -0.15, curvature: 0.03 };

test('at the money the smile returns the ATM volatility', () => {
  assert.equal(smileVol(INDEX, 500, 500, 0.1), 0.17);
});

test('index skew: a 1-sd OTM put is richer than ATM and than a 1-sd OTM call (equity put skew, Gatheral ch. 1)', () => {
  const t = 30 / 365, sd = 0.17 * Math.sqrt(t);
  const put = smileVol(INDEX, 500, 500 * Math.exp(-sd), t);
  const call = smileVol(INDEX, 500, 500 * Math.exp(sd), t);
  assert.ok(Math.abs(put - 0.17 * 1.18) < 1e-12);
  assert.ok(put > 0.17 && put > call);
});

test('the smile stays within [0.3, 4] × ATM for any strike and tenor, 0DTE included (property)', () => {
  fc.assert(fc.property(
    fc.double({ min: 0.05, max: 2, noNaN: true }), fc.double({ min: -0.5, max: 0.5, noNaN: true }),
    fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0.01, max: 100, noNaN: true }),
    fc.double({ min: 0, max: 3, noNaN: true }),
    (atmVol, skew, curvature, moneyness, years) => {
      const v = smileVol({ atmVol, skew, curvature }, 100, 100 * moneyness, years);
      return v >= 0.3 * atmVol - 1e-15 && v <= 4 * atmVol + 1e-15;
    }));
});
