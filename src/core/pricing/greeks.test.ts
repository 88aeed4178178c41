import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { blackScholesPrice, type BlackScholesInput } from './black-scholes.ts';
import { greeks, type Greeks } from './greeks.ts';
import { PricingInputError } from './pricing-input-error.ts';
import { yearFraction } from '../units.ts';
import type { Right } from '../options-flow/option-trade.ts';

type GreekName = Exclude<keyof Greeks, 'price'>;
const NAMES: readonly GreekName[] = ['delta', 'gamma', 'theta', 'vega', 'rho', 'epsilon', 'vanna', 'charm', 'vomma', 'veta', 'speed', 'zomma', 'color', 'ultima'];

const values = JSON.parse(readFileSync(new URL('../../../test-fixtures/pricing-mpmath/values.json', import.meta.url), 'utf8')) as {
  greeks: ({ spot: number; strike: number; t: number; r: number; q: number; sigma: number; right: Right } & Record<GreekName | 'price', string>)[];
};

test('Hull, Options Futures and Other Derivatives ch. 19 (S=49, K=50, r=5%, σ=20%, T=20 weeks): Δ 0.522, Γ 0.066, Θ −4.31/yr, vega 12.1, ρ 8.91', () => {
  const g = greeks({ spot: 49, strike: 50, t: yearFraction(0.3846), r: 0.05, q: 0, sigma: 0.2, right: 'C' });
  assert.equal(g.delta.toFixed(3), '0.522');
  assert.equal(g.gamma.toFixed(3), '0.066');
  // Hull quotes theta per year and per calendar day: −4.31/365 = −0.0118.
  assert.equal((g.theta * 365).toFixed(2), '-4.31');
  assert.equal(g.theta.toFixed(4), '-0.0118');
  // Hull quotes vega per unit σ (12.1: +0.121 per 1 % point) and rho per unit r (8.91).
  assert.equal((g.vega * 100).toFixed(1), '12.1');
  assert.equal((g.rho * 100).toFixed(2), '8.91');
  // Hull §15.8 / the same running example: the price is $2.40.
  assert.equal(g.price.toFixed(2), '2.40');
});

test('every greek in desk units matches mpmath (60-digit numerical derivatives of the closed-form price) to 1e−12', () => {
  for (const c of values.greeks) {
    const g = greeks({ ...c, t: yearFraction(c.t) });
    assert.ok(Math.abs(g.price - Number(c.price)) <= 1e-14 * Number(c.price));
    for (const name of NAMES) {
      const want = Number(c[name]);
      assert.ok(Math.abs(g[name] - want) <= 1e-12 * Math.abs(want) + 1e-300, `${name} of ${JSON.stringify(c)}: ${g[name]} vs mpmath ${want}`);
    }
  }
});

/** Markets drawn by d1 in [−6, 6] (delta 1e−9 … 1 − 1e−9) rather than by strike, so every draw is a live option. */
const market = fc.record({
  spot: fc.double({ min: 5, max: 2000, noNaN: true }),
  d1: fc.double({ min: -6, max: 6, noNaN: true }),
  t: fc.double({ min: 1 / 365, max: 3, noNaN: true }),
  r: fc.double({ min: -0.01, max: 0.08, noNaN: true }),
  q: fc.double({ min: 0, max: 0.06, noNaN: true }),
  sigma: fc.double({ min: 0.05, max: 1.5, noNaN: true }),
  right: fc.constantFrom<Right>('C', 'P'),
}).map(({ spot, d1, t, r, q, sigma, right }): BlackScholesInput => {
  const s = sigma * Math.sqrt(t);
  return { spot, strike: spot * Math.exp((r - q) * t - (d1 - s / 2) * s), t: yearFraction(t), r, q, sigma, right };
});

type Bump = (m: BlackScholesInput, h: number) => BlackScholesInput;
const bumpSpot: Bump = (m, h) => ({ ...m, spot: m.spot + h });
const bumpSigma: Bump = (m, h) => ({ ...m, sigma: m.sigma + h });
const bumpT: Bump = (m, h) => ({ ...m, t: yearFraction(m.t + h) });
const bumpR: Bump = (m, h) => ({ ...m, r: m.r + h });
const bumpQ: Bump = (m, h) => ({ ...m, q: m.q + h });

/** Central difference of f along one input: (f(x+h) − f(x−h)) / 2h. */
function central(f: (m: BlackScholesInput) => number, m: BlackScholesInput, bump: Bump, h: number): number {
  return (f(bump(m, h)) - f(bump(m, -h))) / (2 * h);
}
/** Second central difference along one input: (f(x+h) − 2f(x) + f(x−h)) / h². */
function second(f: (m: BlackScholesInput) => number, m: BlackScholesInput, bump: Bump, h: number): number {
  return (f(bump(m, h)) - 2 * f(m) + f(bump(m, -h))) / (h * h);
}
/** Mixed central difference ∂²f/∂a∂b. */
function mixed(f: (m: BlackScholesInput) => number, m: BlackScholesInput, a: Bump, ha: number, b: Bump, hb: number): number {
  return (f(a(b(m, hb), ha)) - f(a(b(m, -hb), ha)) - f(a(b(m, hb), -ha)) + f(a(b(m, -hb), -ha))) / (4 * ha * hb);
}

const price = (m: BlackScholesInput): number => blackScholesPrice(m);

/**
 * Relative step for finite differences: a greek far in the tail varies like e^{−d1²/2}, i.e. d1² times
 * faster in relative terms than at the money, so steps shrink by 1 + d1² to keep the O(h²) truncation small.
 */
function tailFactor(m: BlackScholesInput): number {
  const s = m.sigma * Math.sqrt(m.t);
  const d1 = (Math.log(m.spot / m.strike) + (m.r - m.q) * m.t) / s + s / 2;
  return 1 / (1 + d1 * d1);
}
const greek = (name: GreekName) => (m: BlackScholesInput): number => greeks(m)[name];

/** |analytic − fd| within `relative` of the larger, or `absolute` (FD rounding where the greek is ~0). */
function close(name: string, analytic: number, fd: number, relative: number, absolute: number): void {
  assert.ok(Math.abs(analytic - fd) <= relative * Math.max(Math.abs(analytic), Math.abs(fd)) + absolute,
    `${name}: analytic ${analytic} vs finite difference ${fd}`);
}

test('first- and second-order greeks equal central finite differences of the BSM price', () => {
  fc.assert(fc.property(market, (m) => {
    const g = greeks(m);
    // Steps scale with the natural widths: spot moves relative to S·σ√T, σ relative to σ.
    const k = tailFactor(m);
    const width = m.sigma * Math.sqrt(m.t);
    const hs = 1e-4 * k * m.spot * width;
    const hv = 1e-4 * k * m.sigma;
    const ht = 1e-5 * k * m.t;
    const ht2 = 1e-3 * k * m.t;
    // Absolute slack = rounding of the differenced prices: 16 ulp of the price level (S + K) over the steps.
    const rounding = 16 * 2.220446049250313e-16 * (m.spot + m.strike);
    close('delta', g.delta, central(price, m, bumpSpot, hs), 1e-6, rounding / hs);
    close('vega', g.vega, central(price, m, bumpSigma, hv) / 100, 1e-6, rounding / hv / 100);
    close('theta', g.theta, -central(price, m, bumpT, ht) / 365, 1e-5, rounding / ht / 365);
    close('rho', g.rho, central(price, m, bumpR, 1e-5) / 100, 1e-6, rounding / 1e-5 / 100);
    close('epsilon', g.epsilon, central(price, m, bumpQ, 1e-5) / 100, 1e-6, rounding / 1e-5 / 100);
    const hs2 = 1e-3 * k * m.spot * width;
    const hv2 = 1e-3 * k * m.sigma;
    // Where a greek crosses zero the O(h²) truncation is relative to its natural size, not to its value:
    // e^{−qT}φ(d1) = Γ·S·σ√T sets the size of vanna and charm, vega that of vomma and veta.
    const density = g.gamma * m.spot * width;
    const truncation = 1e-5;
    close('gamma', g.gamma, second(price, m, bumpSpot, hs2), 1e-4, rounding / (hs2 * hs2));
    close('vomma', g.vomma, second(price, m, bumpSigma, hv2) / 1e4, 1e-4,
      rounding / (hv2 * hv2) / 1e4 + truncation * g.vega / m.sigma / 100);
    close('vanna', g.vanna, mixed(price, m, bumpSpot, hs2, bumpSigma, hv2) / 100, 1e-4,
      rounding / (hs2 * hv2) / 100 + truncation * density / m.sigma / 100);
    close('charm', g.charm, -mixed(price, m, bumpSpot, hs2, bumpT, ht2) / 365, 1e-4,
      rounding / (hs2 * ht2) / 365 + truncation * density / m.t / 365);
    close('veta', g.veta, -mixed(price, m, bumpSigma, hv2, bumpT, ht2) / (100 * 365), 1e-4,
      rounding / (hv2 * ht2) / 36500 + truncation * g.vega / m.t / 365);
  }), { numRuns: 200 });
});

test('third-order greeks equal central finite differences of the analytic second-order greeks', () => {
  fc.assert(fc.property(market, (m) => {
    const g = greeks(m);
    const width = m.sigma * Math.sqrt(m.t);
    const h = 1e-5 * tailFactor(m);
    // Absolute slack: 1e−7 of each greek's natural size, for where it crosses zero (truncation is O(h²) = 1e−10).
    const slack = 1e-7;
    close('speed', g.speed, central(greek('gamma'), m, bumpSpot, h * m.spot * width), 1e-6, slack * g.gamma / (m.spot * width));
    close('zomma', g.zomma, central(greek('gamma'), m, bumpSigma, h * m.sigma) / 100, 1e-6, slack * g.gamma / m.sigma / 100);
    close('color', g.color, -central(greek('gamma'), m, bumpT, h * m.t) / 365, 1e-6, slack * g.gamma / m.t / 365);
    close('ultima', g.ultima, central(greek('vomma'), m, bumpSigma, h * m.sigma) / 100, 1e-6, slack * g.vega / (m.sigma * m.sigma) / 1e4);
  }), { numRuns: 200 });
});

test('put–call parity in the greeks: Δc − Δp = e^{−qT}; Γ, vega, vanna, vomma equal for call and put (Hull §19.x)', () => {
  fc.assert(fc.property(market, (m) => {
    const call = greeks({ ...m, right: 'C' });
    const put = greeks({ ...m, right: 'P' });
    assert.ok(Math.abs(call.delta - put.delta - Math.exp(-m.q * m.t)) <= 1e-15);
    for (const name of ['gamma', 'vega', 'vanna', 'vomma', 'speed', 'zomma', 'ultima'] as const) {
      assert.equal(call[name], put[name], name);
    }
  }), { numRuns: 100 });
});

test('greeks refuse t = 0 and sigma = 0 (gamma is a point mass at the strike) with PricingInputError', () => {
  const base = { spot: 100, strike: 100, t: yearFraction(0.1), r: 0.05, q: 0, sigma: 0.2, right: 'C' as const };
  assert.throws(() => greeks({ ...base, t: yearFraction(0) }), (e: unknown) => e instanceof PricingInputError && e.field === 't');
  assert.throws(() => greeks({ ...base, sigma: 0 }), (e: unknown) => e instanceof PricingInputError && e.field === 'sigma');
  assert.throws(() => greeks({ ...base, spot: Number.NaN }), /spot was "NaN"/);
});
