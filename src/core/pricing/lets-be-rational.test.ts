import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { blackScholesPrice } from './black-scholes.ts';
import { impliedVolatility, MAXIMUM_ITERATIONS, normalisedImpliedVolatility, type ImpliedVolatilityInput } from './lets-be-rational.ts';
import { normalisedBlack } from './normalised-black.ts';
import { normPdf } from './normal-distribution.ts';
import { PricingInputError } from './pricing-input-error.ts';
import { referenceImpliedVolatility } from './reference.ts';
import { yearFraction } from '../units.ts';
import type { Right } from '../options-flow/option-trade.ts';

const ULP = 2.220446049250313e-16;

/** Markets from one minute to five years, log-moneyness ±3 (deep in and out of the money), vol 1–400 %. */
const market = fc.record({
  spot: fc.double({ min: 1, max: 5000, noNaN: true }),
  moneyness: fc.double({ min: -3, max: 3, noNaN: true }),
  t: fc.double({ min: 1 / (365 * 24 * 60), max: 5, noNaN: true }),
  r: fc.double({ min: -0.01, max: 0.1, noNaN: true }),
  q: fc.double({ min: 0, max: 0.08, noNaN: true }),
  sigma: fc.double({ min: 0.01, max: 4, noNaN: true }),
  right: fc.constantFrom<Right>('C', 'P'),
}).map(({ spot, moneyness, t, ...rest }) => ({ spot, strike: spot * Math.exp(moneyness), t: yearFraction(t), ...rest }));

/**
 * How much an IV can be trusted from a price rounded to the double: δσ/σ ≈ ulp·(F + K)·e^{−rT}/(σ·vega).
 * Deep in the money the time value is a sliver of the price and σ is determined only this well.
 */
function ivCondition(m: ImpliedVolatilityInput & { sigma: number }): number {
  const forward = m.spot * Math.exp((m.r - m.q) * m.t);
  const s = m.sigma * Math.sqrt(m.t);
  const d1 = Math.log(forward / m.strike) / s + s / 2;
  const vega = Math.exp(-m.r * m.t) * forward * normPdf(d1) * Math.sqrt(m.t);
  return (Math.exp(-m.r * m.t) * (forward + m.strike)) / (m.sigma * vega);
}

test('Hull Example 15.6 backwards: the call worth 4.759422 (S=42, K=40, r=10%, T=0.5) has implied volatility 20 %', () => {
  const input = { spot: 42, strike: 40, t: yearFraction(0.5), r: 0.1, q: 0, right: 'C' as const };
  const result = impliedVolatility(blackScholesPrice({ ...input, sigma: 0.2 }), input);
  assert.ok(result.iv !== null && Math.abs(result.iv - 0.2) <= 2 * ULP, JSON.stringify(result));
  // Hull's rounded quotes 4.76 and 0.81 imply 20 % to within the rounding of the quote.
  const call = impliedVolatility(4.76, input);
  const put = impliedVolatility(0.81, { ...input, right: 'P' });
  assert.ok(call.iv !== null && Math.abs(call.iv - 0.2) < 5e-4 && put.iv !== null && Math.abs(put.iv - 0.2) < 5e-3);
});

test('round trip price → IV → price to 1e−12 relative, deep in/out of the money, one minute to five years', () => {
  fc.assert(fc.property(market, (m) => {
    const price = blackScholesPrice(m);
    fc.pre(price > 1e-250);
    const result = impliedVolatility(price, m);
    if (result.iv === null) {
      // Only allowed when the time value is lost in the rounding of the intrinsic value.
      assert.equal(result.reason, 'no_time_value');
      const intrinsic = blackScholesPrice({ ...m, sigma: 0 });
      assert.ok(Math.abs(price - intrinsic) <= 8 * ULP * (m.spot + m.strike), `${price} vs intrinsic ${intrinsic}`);
      return;
    }
    const back = blackScholesPrice({ ...m, sigma: result.iv });
    assert.ok(Math.abs(back - price) <= 1e-12 * price, `${JSON.stringify(m)}: ${price} → ${result.iv} → ${back}`);
    assert.ok(Math.abs(result.iv - m.sigma) <= (16 + 8 * ivCondition(m)) * ULP * m.sigma, `iv ${result.iv} vs σ ${m.sigma}`);
  }), { numRuns: 2000 });
});

test('never more than two Householder(3) iterations (Jäckel 2015 §6), over the whole normalised domain', () => {
  assert.equal(MAXIMUM_ITERATIONS, 2);
  fc.assert(fc.property(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: 1e-4, max: 30, noNaN: true }), fc.constantFrom<1 | -1>(1, -1), (x, s, theta) => {
    const beta = normalisedBlack(x, s, theta);
    const intrinsic = Math.max(theta * (Math.exp(x / 2) - Math.exp(-x / 2)), 0);
    // Not saturated: within ~1e−12 of b_max the price no longer determines s (tested separately below).
    fc.pre(beta - intrinsic > 1e-300 * Math.max(1, intrinsic) && beta < (1 - 1e-12) * Math.exp((theta * x) / 2));
    // Allowing more iterations changes nothing beyond the few-ulp noise of evaluating b itself:
    // two steps already reach machine precision.
    const solution = normalisedImpliedVolatility(beta, x, theta);
    const more = normalisedImpliedVolatility(beta, x, theta, 10);
    assert.ok(solution.iterations <= 2);
    assert.ok(Math.abs(solution.s - more.s) <= 8 * ULP * more.s || Math.abs(normalisedBlack(x, solution.s, theta) - beta) <= 8 * ULP * beta,
      `x=${x} s=${s}: ${solution.s} vs ${more.s}`);
  }), { numRuns: 2000 });
});

test('agrees with the reference IV (bisection on the quadrature price to 1e−15) within the conditioning of the price', () => {
  fc.assert(fc.property(market, (m) => {
    const price = blackScholesPrice(m);
    fc.pre(price > 1e-100);
    const fast = impliedVolatility(price, m);
    const slow = referenceImpliedVolatility(price, m);
    fc.pre(fast.iv !== null && slow !== null);
    if (fast.iv === null || slow === null) return;
    // Both solve to ~ulp; each price function is good to its condition number, ≤ ~1e−13 here.
    const tolerance = 1e-13 + 64 * ivCondition(m) * ULP;
    assert.ok(Math.abs(fast.iv - slow) <= tolerance * slow, `${JSON.stringify(m)}: LBR ${fast.iv} vs bisection ${slow}`);
  }), { numRuns: 40 });
});

test('prices outside the no-arbitrage bounds give null with the reason, never a number', () => {
  const input = { spot: 100, strike: 90, t: yearFraction(0.25), r: 0.05, q: 0.02, right: 'C' as const };
  const forward = 100 * Math.exp(0.03 * 0.25);
  const discountedIntrinsic = Math.exp(-0.05 * 0.25) * (forward - 90);
  assert.deepEqual(impliedVolatility(discountedIntrinsic - 0.01, input), { iv: null, reason: 'below_intrinsic' });
  assert.deepEqual(impliedVolatility(-0.01, { ...input, strike: 200 }), { iv: null, reason: 'below_intrinsic' });
  assert.deepEqual(impliedVolatility(discountedIntrinsic, input), { iv: null, reason: 'no_time_value' });
  assert.deepEqual(impliedVolatility(0, { ...input, strike: 200 }), { iv: null, reason: 'no_time_value' });
  // Upper bounds: a call is worth less than S·e^{−qT}, a put less than K·e^{−rT}.
  assert.deepEqual(impliedVolatility(100 * Math.exp(-0.02 * 0.25), input), { iv: null, reason: 'above_max_price' });
  assert.deepEqual(impliedVolatility(101, input), { iv: null, reason: 'above_max_price' });
  assert.deepEqual(impliedVolatility(90 * Math.exp(-0.05 * 0.25), { ...input, right: 'P' }), { iv: null, reason: 'above_max_price' });
  assert.deepEqual(impliedVolatility(5, { ...input, t: yearFraction(0) }), { iv: null, reason: 'expired' });
  // One ulp below the call's bound the time value rounds to its maximum: still no number, not Infinity.
  const justBelowMax = impliedVolatility(100 * Math.exp(-0.02 * 0.25) * (1 - ULP), { ...input, t: yearFraction(30) });
  assert.ok(justBelowMax.iv === null ? justBelowMax.reason === 'above_max_price' : Number.isFinite(justBelowMax.iv));
  // Just inside the bounds there is an answer.
  assert.notEqual(impliedVolatility(discountedIntrinsic + 0.01, input).iv, null);
  assert.notEqual(impliedVolatility(100 * Math.exp(-0.02 * 0.25) - 0.01, input).iv, null);
});

test('bad inputs are rejected with PricingInputError naming the field and quoting the value', () => {
  const input = { spot: 100, strike: 90, t: yearFraction(0.25), r: 0.05, q: 0.02, right: 'C' as const };
  assert.throws(() => impliedVolatility(Number.NaN, input), (e: unknown) => e instanceof PricingInputError && e.message === 'price was "NaN"; expected a finite number');
  assert.throws(() => impliedVolatility(5, { ...input, spot: 0 }), /spot was "0"/);
  assert.throws(() => impliedVolatility(5, { ...input, t: yearFraction(-0.1) }), /t was "-0.1"/);
  assert.throws(() => impliedVolatility(5, { ...input, r: Number.NaN }), /r was "NaN"/);
});
