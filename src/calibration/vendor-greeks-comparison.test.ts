import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { blackScholesPrice } from '../core/pricing/black-scholes.ts';
import { isoDate } from '../core/units.ts';
import type { VendorGreeksContract } from './lean-vendor-greeks.ts';
import { compareAll, type DataSetComparison, loadVendorGreeks, paritySpot, type Quantity, VENDOR_CONVENTIONS } from './vendor-greeks-comparison.ts';

const dataDir = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const skip = existsSync(`${dataDir}lean-option-chains-oi/universes`) && existsSync(`${dataDir}squeezemetrics-dix-gex/DIX.csv`) ? false : 'needs ../shared/data';

test('parity spot recovers the spot from European call and put prices (Hull ch. 11/17: C − P = S·e^{−qT} − K·e^{−rT})', () => {
  const date = isoDate('2015-12-23');
  const expiry = isoDate('2016-01-15');
  const t = VENDOR_CONVENTIONS.years('XYZ', date, expiry);
  const contracts: VendorGreeksContract[] = [95, 100, 105].flatMap((strike) => (['C', 'P'] as const).map((right) => ({
    expiry, strike, right, volume: 10, iv: 0.3, delta: 0, gamma: 0, vega: 0, theta: 0, rho: 0,
    close: blackScholesPrice({ spot: 101.3, strike, t, r: VENDOR_CONVENTIONS.rate, q: 0, sigma: 0.3, right }),
  })));
  const got = paritySpot({ underlying: 'XYZ', date, underlyingClose: 100, contracts }, 100, VENDOR_CONVENTIONS);
  assert.equal(got.pairs, 3);
  assert.ok(got.spot !== null && Math.abs(got.spot - 101.3) < 1e-9, String(got.spot));
});

/**
 * The medians observed on the real LEAN files (docs/methodology-pricing-check.md), held to ±25 %: a change in our
 * pricing, in the conventions or in the reading of the files moves them.
 */
const OBSERVED: Record<string, Partial<Record<Quantity, number>>> = {
  'AAPL 2014': { iv: 0.73, delta: 0.032, vega: 0.015, theta: 0.057, rho: 0.011 },
  'GOOG 2015': { iv: 0.18, iv_out_of_the_money: 0.18, delta: 0.0011, gamma: 8.7e-6, vega: 0.0044, theta: 0.0020, rho: 0.0036 },
  'SPX 2015': { iv_out_of_the_money: 1.1e-4, delta: 9.7e-6, gamma: 5.4e-8, vega: 3.3e-4, theta: 1.9e-5, rho: 7.4e-4 },
};

test('our IV and greeks vs the LEAN vendor\'s on AAPL 2014, GOOG 2015, SPX 2015: the medians of |ours − vendor| observed (real data)', { skip }, async () => {
  const loaded = await loadVendorGreeks(dataDir);
  assert.equal(loaded.report.rejected, 0);
  assert.deepEqual(loaded.skipped, ['GOOG_2015-12-31.csv.gz: the same snapshot as 2015-12-30 (a copy, not a new session)']);
  const [run] = compareAll(loaded, [VENDOR_CONVENTIONS]);
  const byName = new Map((run?.dataSets ?? []).map((d): [string, DataSetComparison] => [d.dataSet, d]));
  assert.deepEqual([...byName.keys()], ['AAPL 2014', 'GOOG 2015', 'SPX 2015']);
  for (const [name, medians] of Object.entries(OBSERVED)) {
    const d = byName.get(name) as DataSetComparison;
    for (const [quantity, want] of Object.entries(medians)) {
      const got = d.differences[quantity as Quantity].median as number;
      assert.ok(Math.abs(got - want) <= 0.25 * want, `${name} ${quantity}: median |Δ| ${got}, observed ${want}`);
    }
    // The vendor's units are ours: vega per vol point, theta per calendar day, rho per rate point.
    for (const [greek, ratio] of Object.entries(d.unitRatios)) assert.ok(ratio !== null && Math.abs(ratio - 1) < 0.05, `${name} ${greek} ratio ${ratio}`);
  }
  const spx = byName.get('SPX 2015') as DataSetComparison;
  assert.equal(spx.differences.iv_out_of_the_money.withinTolerance, 1, 'every SPX out-of-the-money IV within one vol point');
  assert.equal(spx.vendorIvFailures, 0);
});
