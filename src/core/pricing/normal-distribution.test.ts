import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { inverseNormCdf, normCdf, normPdf } from './normal-distribution.ts';
import { referenceNormCdf } from './reference.ts';

const values = JSON.parse(readFileSync(new URL('../../../test-fixtures/pricing-mpmath/values.json', import.meta.url), 'utf8')) as {
  normCdf: [number, string][];
  inverseNormCdf: [number, string][];
};
const ULP = 2.220446049250313e-16;

test('Φ matches mpmath (60 digits) to 4 ulp relative, down to Φ(−37.3) ≈ 1e−304 in the lower tail', () => {
  for (const [z, want] of values.normCdf) {
    const error = Math.abs(normCdf(z) - Number(want)) / Number(want);
    assert.ok(error <= 4 * ULP, `Φ(${z}) = ${normCdf(z)}, mpmath ${want}: ${error / ULP} ulp`);
  }
});

test('Φ⁻¹ (AS 241) matches mpmath (700-digit erfinv) to 4 ulp, from u = 1e−300 to 1 − 1e−6', () => {
  for (const [u, want] of values.inverseNormCdf) {
    const w = Number(want);
    const error = w === 0 ? Math.abs(inverseNormCdf(u)) : Math.abs(inverseNormCdf(u) - w) / Math.abs(w);
    assert.ok(error <= 4 * ULP, `Φ⁻¹(${u}) = ${inverseNormCdf(u)}, mpmath ${want}`);
  }
});

test('Φ agrees with the reference (erf power series / erfc continued fraction) across z in [−37, 8]', () => {
  fc.assert(fc.property(fc.double({ min: -37, max: 8, noNaN: true }), (z) => {
    const want = referenceNormCdf(z);
    // The reference rounds z/√2 and x² plainly (exp(−x²) then carries ~z² ulp) and its continued fraction
    // adds a few more, so the slack is the reference's, not Φ's (Φ is held to 4 ulp against mpmath above).
    assert.ok(Math.abs(normCdf(z) - want) <= (16 + 2 * z * z) * ULP * want, `z=${z}: ${normCdf(z)} vs ${want}`);
  }), { numRuns: 300 });
});

test('Φ(z) + Φ(−z) = 1, Φ⁻¹(Φ(z)) = z and φ = Φ\' (definitions of the distribution)', () => {
  fc.assert(fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (z) => {
    assert.ok(Math.abs(normCdf(z) + normCdf(-z) - 1) <= 2 * ULP);
    if (z < 0) assert.ok(Math.abs(inverseNormCdf(normCdf(z)) - z) <= 1e-13 * Math.max(1, Math.abs(z)));
    const h = 1e-5;
    const derivative = (normCdf(z + h) - normCdf(z - h)) / (2 * h);
    assert.ok(Math.abs(derivative - normPdf(z)) <= 1e-9);
  }));
  assert.equal(inverseNormCdf(0), -Infinity);
  assert.equal(inverseNormCdf(1), Infinity);
  assert.ok(Number.isNaN(inverseNormCdf(1.5)));
});
