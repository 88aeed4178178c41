import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChainContract } from '../options-flow/chain.ts';
import { blackScholesPrice } from '../pricing/black-scholes.ts';
import { greeks } from '../pricing/greeks.ts';
import type { Contracts, EpochMs, IsoDate, PricePerShare } from '../units.ts';
import { yearFraction } from '../units.ts';
import { contractGreeks } from './contract-greeks.ts';

const M = { rate: 0.05, dividendYield: 0.01 };
const T = yearFraction(0.25);

function c(strike: number, right: 'C' | 'P', iv: number | null, bid: number | null, ask: number | null): ChainContract {
  return {
    asOf: 0 as EpochMs, underlying: 'X', underlyingPrice: 100, expiry: '2030-01-01' as IsoDate, strike, right,
    openInterest: 1 as Contracts, bid: bid as PricePerShare | null, ask: ask as PricePerShare | null, volume: null, iv,
  };
}

test('IV preference: the chain\'s IV first (issue 3); --iv-source mid reverses it; greeks are greeks.ts at that IV', () => {
  const price = blackScholesPrice({ spot: 100, strike: 105, t: T, r: 0.05, q: 0.01, sigma: 0.31, right: 'C' });
  const row = c(105, 'C', 0.25, price - 0.001, price + 0.001);
  const chainFirst = contractGreeks(row, 100, T, M, 'chain');
  const midFirst = contractGreeks(row, 100, T, M, 'mid');
  assert.ok(typeof chainFirst !== 'string' && typeof midFirst !== 'string');
  assert.equal(chainFirst.iv, 0.25);
  assert.equal(chainFirst.ivSource, 'chain');
  assert.equal(midFirst.ivSource, 'mid');
  assert.ok(Math.abs(midFirst.iv - 0.31) < 1e-9);
  const g = greeks({ spot: 100, strike: 105, t: T, r: 0.05, q: 0.01, sigma: 0.25, right: 'C' });
  assert.deepEqual([chainFirst.delta, chainFirst.gamma, chainFirst.vanna, chainFirst.charm], [g.delta, g.gamma, g.vanna, g.charm]);
});

test('no greeks, with the reason: no spot, no IV and no two-sided quote, a mid below intrinsic or above the maximum', () => {
  assert.equal(contractGreeks(c(100, 'C', 0.2, null, null), null, T, M, 'chain'), 'no_spot');
  assert.equal(contractGreeks(c(100, 'C', null, 0, 1), 100, T, M, 'chain'), 'no_iv_no_quote');
  assert.equal(contractGreeks(c(80, 'C', null, 10, 10.2), 100, T, M, 'chain'), 'mid_below_intrinsic');
  assert.equal(contractGreeks(c(80, 'C', null, 120, 121), 100, T, M, 'chain'), 'mid_above_max_price');
  const fallback = contractGreeks(c(80, 'C', 0.4, 10, 10.2), 100, T, M, 'mid');
  assert.ok(typeof fallback !== 'string' && fallback.ivSource === 'chain', 'mid fails → the chain IV');
});
