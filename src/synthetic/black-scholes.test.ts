import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { blackScholesPrice, normalCdf } from './black-scholes.ts';

/** Slow, obvious reference: Φ(x) = ½ + ∫₀ˣ φ(u) du by composite Simpson's rule (20,000 panels). */
function normalCdfReference(x: number): number {
  const n = 20_000;
  const h = x / n;
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    const u = i * h;
    const w = i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2;
    sum += w * Math.exp(-u * u / 2);
  }
  return 0.5 + (sum * h / 3) / Math.sqrt(2 * Math.PI);
}

test('normalCdf matches textbook table values Φ(0)=0.5, Φ(1.96)=0.9750021, Φ(−1)=0.1586553', () => {
  assert.equal(normalCdf(0), 0.5);
  assert.ok(Math.abs(normalCdf(1.96) - 0.9750021048517795) < 1e-13);
  assert.ok(Math.abs(normalCdf(-1) - 0.15865525393145707) < 1e-13);
  assert.ok(normalCdf(-40) === 0 && normalCdf(40) === 1);
});

test('normalCdf agrees with a Simpson-rule integration of the normal density to 1e-12 on [−8, 8]', () => {
  for (let x = -8; x <= 8; x += 0.37) {
    assert.ok(Math.abs(normalCdf(x) - normalCdfReference(x)) < 1e-12, `x=${x}`);
  }
});

test('Hull example: S=42, K=40, r=10%, σ=20%, T=0.5 gives call 4.76 and put 0.81', () => {
  const p = { spot: 42, strike: 40, years: 0.5, vol: 0.2, rate: 0.1, dividendYield: 0 };
  assert.equal(blackScholesPrice('C', p).toFixed(2), '4.76');
  assert.equal(blackScholesPrice('P', p).toFixed(2), '0.81');
});

test('put–call parity C − P = S e^{−qT} − K e^{−rT} holds (property)', () => {
  fc.assert(fc.property(
    fc.double({ min: 1, max: 2000, noNaN: true }), fc.double({ min: 0.5, max: 2, noNaN: true }),
    fc.double({ min: 0.001, max: 3, noNaN: true }), fc.double({ min: 0.05, max: 2, noNaN: true }),
    fc.double({ min: 0, max: 0.08, noNaN: true }), fc.double({ min: 0, max: 0.05, noNaN: true }),
    (spot, moneyness, years, vol, rate, dividendYield) => {
      const p = { spot, strike: spot * moneyness, years, vol, rate, dividendYield };
      const lhs = blackScholesPrice('C', p) - blackScholesPrice('P', p);
      const rhs = spot * Math.exp(-dividendYield * years) - p.strike * Math.exp(-rate * years);
      return Math.abs(lhs - rhs) < 1e-9 * spot;
    }));
});

test('at expiry or zero volatility the value is intrinsic (no time value)', () => {
  const base = { spot: 100, strike: 90, years: 0, vol: 0.3, rate: 0.05, dividendYield: 0 };
  assert.equal(blackScholesPrice('C', base), 10);
  assert.equal(blackScholesPrice('P', base), 0);
  const noVol = { ...base, years: 1, vol: 0 };
  assert.ok(Math.abs(blackScholesPrice('C', noVol) - (100 - 90 * Math.exp(-0.05))) < 1e-12);
});
