import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { blackScholesPrice, type BlackScholesInput } from './black-scholes.ts';
import { normCdf, normPdf } from './normal-distribution.ts';
import { PricingInputError } from './pricing-input-error.ts';
import { referencePrice } from './reference.ts';
import { yearFraction } from '../units.ts';
import type { Right } from '../options-flow/option-trade.ts';

const values = JSON.parse(readFileSync(new URL('../../../test-fixtures/pricing-mpmath/values.json', import.meta.url), 'utf8')) as {
  price: { spot: number; strike: number; t: number; r: number; q: number; sigma: number; right: Right; price: string }[];
};
const ULP = 2.220446049250313e-16;

/**
 * Condition number of the price in its inputs: F·|∂V/∂F|/V + s·|∂V/∂s|/V. The forward F = S·e^{(r−q)T}
 * and s = σ√T are themselves rounded, so no double implementation can beat (this × ulp).
 */
function condition(input: BlackScholesInput, price: number): number {
  const { spot, strike, t, r, q, sigma, right } = input;
  const theta = right === 'C' ? 1 : -1;
  const forward = spot * Math.exp((r - q) * t);
  const s = sigma * Math.sqrt(t);
  const d1 = Math.log(forward / strike) / s + s / 2;
  const discount = Math.exp(-r * t);
  return (forward * discount * normCdf(theta * d1) + s * forward * discount * normPdf(d1)) / price;
}

test('Hull, Options Futures and Other Derivatives (Example 15.6): S=42, K=40, r=10%, σ=20%, T=0.5 → call 4.76, put 0.81', () => {
  const input = { spot: 42, strike: 40, t: yearFraction(0.5), r: 0.1, q: 0, sigma: 0.2 };
  assert.equal(blackScholesPrice({ ...input, right: 'C' }).toFixed(2), '4.76');
  assert.equal(blackScholesPrice({ ...input, right: 'P' }).toFixed(2), '0.81');
});

test('BSM price matches mpmath (60 digits) within its condition number: deep OTM, one hour to expiry, 150 % vol, q ≠ 0', () => {
  for (const c of values.price) {
    const input = { ...c, t: yearFraction(c.t) };
    const got = blackScholesPrice(input);
    const want = Number(c.price);
    const tolerance = (16 + 4 * condition(input, want)) * ULP;
    const error = Math.abs(got - want) / want;
    assert.ok(error <= tolerance, `${JSON.stringify(c)}: ${got}, error ${error.toExponential(2)} > ${tolerance.toExponential(2)}`);
  }
});

const market = fc.record({
  spot: fc.double({ min: 1, max: 5000, noNaN: true }),
  moneyness: fc.double({ min: -1.5, max: 1.5, noNaN: true }),
  t: fc.double({ min: 1 / (365 * 24), max: 5, noNaN: true }),
  r: fc.double({ min: -0.01, max: 0.1, noNaN: true }),
  q: fc.double({ min: 0, max: 0.08, noNaN: true }),
  sigma: fc.double({ min: 0.01, max: 3, noNaN: true }),
  right: fc.constantFrom<Right>('C', 'P'),
}).map(({ spot, moneyness, t, ...rest }) => ({ spot, strike: spot * Math.exp(moneyness), t: yearFraction(t), ...rest }));

test('put–call parity C − P = S·e^{−qT} − K·e^{−rT} holds to rounding (Stoll 1969; Hull §11.4)', () => {
  fc.assert(fc.property(market, (m) => {
    const call = blackScholesPrice({ ...m, right: 'C' });
    const put = blackScholesPrice({ ...m, right: 'P' });
    const forwardLeg = m.spot * Math.exp(-m.q * m.t);
    const strikeLeg = m.strike * Math.exp(-m.r * m.t);
    assert.ok(Math.abs(call - put - (forwardLeg - strikeLeg)) <= 8 * ULP * (forwardLeg + strikeLeg));
  }), { numRuns: 500 });
});

test('BSM price agrees with the reference (quadrature of the discounted payoff) across strikes, tenors and vols', () => {
  fc.assert(fc.property(market, (m) => {
    const want = referencePrice(m);
    fc.pre(want > 1e-280);
    const got = blackScholesPrice(m);
    const tolerance = (64 + 8 * condition(m, want)) * ULP;
    assert.ok(Math.abs(got - want) / want <= tolerance, `${JSON.stringify(m)}: ${got} vs ${want}`);
  }), { numRuns: 200 });
});

test('at expiry or zero volatility the price is the discounted forward intrinsic value', () => {
  const base = { spot: 105, strike: 100, r: 0.05, q: 0.01 };
  assert.equal(blackScholesPrice({ ...base, t: yearFraction(0), sigma: 0.3, right: 'C' }), 5);
  assert.equal(blackScholesPrice({ ...base, t: yearFraction(0), sigma: 0.3, right: 'P' }), 0);
  const t = yearFraction(0.5);
  const forwardIntrinsic = Math.exp(-0.05 * 0.5) * (105 * Math.exp(0.04 * 0.5) - 100);
  assert.ok(Math.abs(blackScholesPrice({ ...base, t, sigma: 0, right: 'C' }) - forwardIntrinsic) < 1e-12);
});

test('inputs out of domain are rejected naming the field and quoting the value', () => {
  const ok = { spot: 100, strike: 100, t: yearFraction(0.5), r: 0.05, q: 0, sigma: 0.2, right: 'C' as const };
  assert.throws(() => blackScholesPrice({ ...ok, spot: 0 }), (e: unknown) => e instanceof PricingInputError && e.message === 'spot was "0"; expected a finite number > 0');
  assert.throws(() => blackScholesPrice({ ...ok, strike: -5 }), /strike was "-5"/);
  assert.throws(() => blackScholesPrice({ ...ok, t: yearFraction(-1) }), /t was "-1"/);
  assert.throws(() => blackScholesPrice({ ...ok, sigma: Number.NaN }), /sigma was "NaN"/);
  assert.throws(() => blackScholesPrice({ ...ok, r: Infinity }), /r was "Infinity"/);
});
