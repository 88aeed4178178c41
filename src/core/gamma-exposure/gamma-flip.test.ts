import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ChainContract } from '../options-flow/chain.ts';
import { greeks } from '../pricing/greeks.ts';
import type { Contracts, EpochMs, IsoDate } from '../units.ts';
import { yearFraction } from '../units.ts';
import type { MarketInputs } from './chain-analytics-settings.ts';
import { gammaFlip, GammaProfile } from './gamma-flip.ts';
import type { AnalyzedContract } from './strike-exposures.ts';

function contract(strike: number, right: 'C' | 'P', oi: number, iv: number, t: number): AnalyzedContract {
  const c: ChainContract = {
    asOf: 0 as EpochMs, underlying: 'X', underlyingPrice: null, expiry: '2030-01-01' as IsoDate, strike, right,
    openInterest: oi as Contracts, bid: null, ask: null, volume: null, iv,
  };
  return { contract: c, t: yearFraction(t), greeks: { iv, ivSource: 'chain', delta: 0, gamma: 0, vanna: 0, charm: 0 }, reason: null };
}

const FLAT: MarketInputs = { rate: 0, dividendYield: 0 };

test('gamma flip of a constructed chain lands on the closed-form crossing √(K₁K₂)·e^{−σ²T/2}', () => {
  // Dealers long N calls at K₁ = 105 and short N puts at K₂ = 95, same σ and T, r = q = 0: total GEX ∝
  // φ(d1(K₁)) − φ(d1(K₂)), zero where d1(K₁) = −d1(K₂) ⇔ X = √(K₁K₂)·e^{−σ²T/2} = 99.42647… for σ 0.3, T 0.1.
  const sigma = 0.3, t = 0.1;
  const profile = new GammaProfile([contract(105, 'C', 5000, sigma, t), contract(95, 'P', 5000, sigma, t)], FLAT, 'long-calls-short-puts');
  const expected = Math.sqrt(105 * 95) * Math.exp(-0.5 * sigma * sigma * t);
  const flip = gammaFlip(profile, 100, 0.2, 0.001);
  assert.equal(flip.reason, null);
  assert.equal(flip.crossings, 1);
  assert.ok(flip.price !== null && Math.abs(flip.price - expected) < 1e-4, `${flip.price} vs ${expected}`);
  assert.ok((flip.gexAtLow as number) < 0 && (flip.gexAtHigh as number) > 0, 'short gamma below the flip, long above');
});

test('gamma flip: null with a reason when GEX keeps one sign over ±20 %, when there is no spot, and when no contract has greeks', () => {
  const calls = new GammaProfile([contract(100, 'C', 100, 0.2, 0.1)], FLAT, 'long-calls-short-puts');
  assert.deepEqual(gammaFlip(calls, 100, 0.2, 0.001).reason, 'no_crossing_in_range');
  assert.equal(gammaFlip(calls, null, 0.2, 0.001).reason, 'no_spot');
  assert.equal(gammaFlip(new GammaProfile([], FLAT, 'long-all'), 100, 0.2, 0.001).reason, 'no_greeks');
});

test('the GEX profile at spot equals Σ ±Γ·OI·100·S²·0.01 with Γ from greeks.ts; the recurrence grid equals direct evaluation (fast-check)', () => {
  const arb = fc.array(fc.record({
    strike: fc.double({ min: 50, max: 200, noNaN: true }),
    right: fc.constantFrom<'C' | 'P'>('C', 'P'),
    oi: fc.integer({ min: 1, max: 50_000 }),
    iv: fc.double({ min: 0.05, max: 1.5, noNaN: true }),
    t: fc.double({ min: 1 / 365 / 24, max: 2, noNaN: true }),
  }), { minLength: 1, maxLength: 30 });
  const market: MarketInputs = { rate: 0.04, dividendYield: 0.01 };
  fc.assert(fc.property(arb, fc.double({ min: 60, max: 180, noNaN: true }), (specs, spot) => {
    const book = specs.map((s) => contract(s.strike, s.right, s.oi, s.iv, s.t));
    const profile = new GammaProfile(book, market, 'long-calls-short-puts');
    let expected = 0;
    for (const s of specs) {
      const g = greeks({ spot, strike: s.strike, t: yearFraction(s.t), r: 0.04, q: 0.01, sigma: s.iv, right: s.right });
      expected += (s.right === 'C' ? 1 : -1) * g.gamma * s.oi * 100 * spot * spot * 0.01;
    }
    const scale = specs.reduce((m, s) => m + s.oi, 0) * spot;
    assert.ok(Math.abs(profile.at(spot) - expected) <= 1e-12 * scale + 1e-9 * Math.abs(expected));
    const h = Math.log1p(0.001);
    const grid = profile.curve(Math.log(spot) - 50 * h, h, 101);
    for (let k = 0; k < 101; k += 10) {
      const direct = profile.at(Math.exp(Math.log(spot) - 50 * h + k * h));
      assert.ok(Math.abs((grid[k] as number) - direct) <= 1e-10 * Math.abs(direct) + 1e-13 * scale, `k ${k}: ${grid[k]} vs ${direct}`);
    }
  }), { numRuns: 150 });
});
