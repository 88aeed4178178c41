import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  normalisedBlack, normalisedBlackCall, normalisedCallAndVegaAtInflection, normalisedIntrinsic, normalisedOutOfTheMoneyCallAndVega,
  normalisedVega,
} from './normalised-black.ts';
import { referenceNormCdf } from './reference.ts';

const values = JSON.parse(readFileSync(new URL('../../../test-fixtures/pricing-mpmath/values.json', import.meta.url), 'utf8')) as {
  normalisedBlackCall: [number, number, string][];
};
const ULP = 2.220446049250313e-16;

test('normalised Black b(x, s) matches mpmath (60 digits) in all four of Jäckel\'s regions', () => {
  for (const [x, s, want] of values.normalisedBlackCall) {
    const got = normalisedBlackCall(x, s);
    const h = x / s;
    // b has condition number ~h² in its inputs (Jäckel 2015 §3), so the rounding of h = x/s costs ~h² ulp.
    const tolerance = (8 + h * h) * ULP;
    const error = Math.abs(got - Number(want)) / Number(want);
    assert.ok(error <= tolerance, `b(${x}, ${s}) = ${got}, mpmath ${want}: ${(error / ULP).toFixed(1)} ulp`);
  }
});

test('normalised put–call parity b(x,s,+1) − b(x,s,−1) = e^{x/2} − e^{−x/2} (Jäckel 2015 eq. 2.6)', () => {
  fc.assert(fc.property(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: 1e-3, max: 5, noNaN: true }), (x, s) => {
    const difference = normalisedBlack(x, s, 1) - normalisedBlack(x, s, -1);
    const forward = Math.exp(x / 2) - Math.exp(-x / 2);
    assert.ok(Math.abs(difference - forward) <= 1e-15 * (Math.exp(Math.abs(x) / 2) + 1));
  }));
});

test('normalised vega is ∂b/∂s (central finite difference) and intrinsic is the s → 0 limit', () => {
  fc.assert(fc.property(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: 0.05, max: 4, noNaN: true }), (x, s) => {
    fc.pre(normalisedVega(x, s) > 1e-280); // subnormal values have too few digits to difference
    const h = 1e-6 * s;
    const fd = (normalisedBlackCall(x, s + h) - normalisedBlackCall(x, s - h)) / (2 * h);
    // truncation ~h², rounding ~ulp·b/h
    const rounding = (4 * ULP * normalisedBlackCall(x, s + h)) / h;
    assert.ok(Math.abs(fd - normalisedVega(x, s)) <= 1e-6 * normalisedVega(x, s) + rounding);
  }));
  assert.equal(normalisedBlackCall(0.4, 0), normalisedIntrinsic(0.4, 1));
  assert.equal(normalisedBlackCall(-0.4, 0), 0);
  assert.equal(normalisedIntrinsic(0.4, -1), 0);
});

test('b and vega together (the IV hot path) are bit-identical to normalisedBlackCall and normalisedVega in every region', () => {
  const out = { b: 0, vega: 0 };
  fc.assert(fc.property(fc.double({ min: -60, max: 0, noNaN: true }), fc.double({ min: 1e-4, max: 30, noNaN: true }), (x, s) => {
    normalisedOutOfTheMoneyCallAndVega(x, s, out);
    assert.equal(out.b, normalisedBlackCall(x, s));
    assert.equal(out.vega, normalisedVega(x, s));
  }), { numRuns: 3000 });
});

test('closed form at the inflexion point s = √(2|x|) matches the slow reference Φ (series and continued fraction)', () => {
  const out = { b: 0, vega: 0 };
  fc.assert(fc.property(fc.double({ min: -40, max: -1e-6, noNaN: true }), (x) => {
    const s = Math.sqrt(-2 * x);
    normalisedCallAndVegaAtInflection(x, Math.exp(0.5 * x), out);
    // b(x, s) = e^{x/2}·Φ(0) − e^{−x/2}·Φ(−s) there (h + t = 0); the reference's subtraction of two terms near ½
    // loses up to ~ulp·e^{x/2} absolute when |x| is tiny (b ≈ √|x|/√π), hence the absolute part.
    const want = 0.5 * Math.exp(0.5 * x) - Math.exp(-0.5 * x) * referenceNormCdf(-s);
    assert.ok(Math.abs(out.b - want) <= 1e-13 * want + 4 * ULP * Math.exp(0.5 * x), `b(${x}, √(2|x|)) = ${out.b}, reference ${want}`);
    // Vega = e^{x/2}/√(2π) exactly there; the general formula rounds h² + t² = |x| first, ~|x| ulp after exp.
    assert.ok(Math.abs(out.vega - normalisedVega(x, s)) <= (4 - x) * ULP * out.vega, `vega ${out.vega} vs ${normalisedVega(x, s)}`);
  }), { numRuns: 500 });
});
