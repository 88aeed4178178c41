import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChainContract } from '../options-flow/chain.ts';
import type { Contracts, EpochMs, IsoDate } from '../units.ts';
import { analyzeChain } from './chain-analysis.ts';
import { DEFAULT_CHAIN_ANALYTICS_SETTINGS } from './chain-analytics-settings.ts';
import { contractGreeksIndex } from './contract-greeks-index.ts';

test('the enrichment index names contracts by contractKey ("SPY 2024-01-19 C 470") and carries the levels of the analysis', () => {
  const asOf = Date.parse('2024-01-10T21:00:00Z') as EpochMs;
  const row = (strike: number, right: 'C' | 'P', oi: number, iv: number | null): ChainContract => ({
    asOf, underlying: 'SPY', underlyingPrice: 471, expiry: '2024-01-19' as IsoDate, strike, right,
    openInterest: oi as Contracts, bid: null, ask: null, volume: null, iv,
  });
  const a = analyzeChain([row(470, 'C', 1000, 0.12), row(470, 'P', 800, 0.14), row(480, 'C', 50, null)], {
    symbol: 'SPY', at: null, expiration: null, minOi: 0, spot: null,
  }, DEFAULT_CHAIN_ANALYTICS_SETTINGS);
  assert.ok(a !== null);
  const index = contractGreeksIndex(a);
  const call = index.byContract.get('SPY 2024-01-19 C 470');
  assert.ok(call !== undefined && call.iv === 0.12 && call.delta > 0.5 && call.gamma > 0);
  assert.ok((index.byContract.get('SPY 2024-01-19 P 470')?.delta as number) < 0);
  assert.equal(index.byContract.has('SPY 2024-01-19 C 480'), false, 'no IV, no greeks');
  assert.ok(Math.abs((index.atmIvByExpiry.get('2024-01-19' as IsoDate) as number) - 0.13) < 1e-15);
  assert.deepEqual(index.levels, {
    callWall: a.levels.callWall, putWall: a.levels.putWall, maxPain: a.maxPain.strike, gammaFlip: a.gammaFlip.price,
  });
  assert.equal(index.underlyingPrice, 471);
  assert.equal(index.underlyingPriceSource, 'chain');
});
