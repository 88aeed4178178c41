import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { referenceImpliedVolatility, referenceNormCdf, referencePrice } from './reference.ts';
import { yearFraction } from '../units.ts';
import type { Right } from '../options-flow/option-trade.ts';

const values = JSON.parse(readFileSync(new URL('../../../test-fixtures/pricing-mpmath/values.json', import.meta.url), 'utf8')) as {
  normCdf: [number, string][];
  price: { spot: number; strike: number; t: number; r: number; q: number; sigma: number; right: Right; price: string }[];
};

// The references are what the fast code is tested against, so they are themselves held to mpmath here.

test('reference Φ (series / quadrature / continued fraction) matches mpmath to (8 + z²) ulp', () => {
  for (const [z, want] of values.normCdf) {
    const error = Math.abs(referenceNormCdf(z) - Number(want)) / Number(want);
    assert.ok(error <= (8 + z * z) * 2.22e-16, `Φ(${z}): ${referenceNormCdf(z)} vs ${want}`);
  }
});

test('reference price (quadrature of the payoff) matches mpmath to 1e−12, or 1e−10 an hour from expiry', () => {
  for (const c of values.price) {
    const got = referencePrice({ ...c, t: yearFraction(c.t) });
    const want = Number(c.price);
    // x/s² ≈ 4000 an hour from expiry amplifies the rounding of the forward (see black-scholes.test.ts).
    const tolerance = c.t < 0.001 ? 1e-10 : 1e-12;
    assert.ok(Math.abs(got - want) <= tolerance * want, `${JSON.stringify(c)}: ${got} vs ${want}`);
  }
});

test('reference IV (bisection) recovers σ from mpmath prices to 1e−12 where the time value carries it (Hull 15.6 among them)', () => {
  let checked = 0;
  for (const c of values.price) {
    const input = { ...c, t: yearFraction(c.t) };
    const price = Number(c.price);
    const timeValue = price - referencePrice({ ...input, sigma: 0 });
    if (!(price > 1e-100 && c.t > 0.001 && timeValue > 1e-3 * price)) continue;
    const iv = referenceImpliedVolatility(price, input);
    assert.ok(iv !== null && Math.abs(iv - c.sigma) <= 1e-12 * c.sigma, `${JSON.stringify(c)}: ${iv}`);
    checked++;
  }
  assert.ok(checked >= 8, `only ${checked} cases checked`);
  assert.equal(referenceImpliedVolatility(-1, { spot: 42, strike: 40, t: yearFraction(0.5), r: 0.1, q: 0, right: 'C' }), null);
});
