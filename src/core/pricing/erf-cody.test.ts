import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { erfc, erfcx } from './erf-cody.ts';

const values = JSON.parse(readFileSync(new URL('../../../test-fixtures/pricing-mpmath/values.json', import.meta.url), 'utf8')) as {
  erfc: [number, string][];
  erfcx: [number, string][];
};

/** Relative error against a value printed to 20 digits. */
const relativeError = (got: number, want: string): number => Math.abs(got - Number(want)) / Math.abs(Number(want));

test('erfc matches mpmath (60 digits) to a few ulp, across all three of Cody\'s intervals and both signs', () => {
  for (const [x, want] of values.erfc) {
    // The rounding of x² inside exp is the only error that grows with x: allow 2·x² ulp beyond 4 ulp.
    assert.ok(relativeError(erfc(x), want) <= (4 + 2 * x * x) * 2.22e-16, `erfc(${x}) = ${erfc(x)}, mpmath ${want}`);
  }
});

test('erfcx matches mpmath (60 digits), including where erfc itself underflows (x = 1e8)', () => {
  for (const [x, want] of values.erfcx) {
    const tolerance = (x < 0 ? 4 + 2 * x * x : 4) * 2.22e-16;
    assert.ok(relativeError(erfcx(x), want) <= tolerance, `erfcx(${x}) = ${erfcx(x)}, mpmath ${want}`);
  }
});

test('erfc reflection erfc(x) + erfc(−x) = 2 and erfcx(x)·e^{−x²} = erfc(x) (identities of the definitions)', () => {
  fc.assert(fc.property(fc.double({ min: -6, max: 6, noNaN: true }), (x) => {
    assert.ok(Math.abs(erfc(x) + erfc(-x) - 2) <= 4e-16);
    const viaScaled = erfcx(x) * Math.exp(-x * x);
    assert.ok(Math.abs(viaScaled - erfc(x)) <= (4 + 2 * x * x) * 2.22e-16 * erfc(x));
  }));
});
