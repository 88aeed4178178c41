import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rankTilts } from './tilt-scanner.ts';
import type { FlowSummary } from './flow-summary.ts';

const summary = (net: number, tilt: FlowSummary['tilt']): FlowSummary => ({
  signalCount: 1, bullishPremium: Math.max(net, 0), bearishPremium: Math.max(-net, 0), netDirectionalPremium: net,
  openingPremium: 0, closingPremium: 0, openingShare: null, tilt, tiltStrength: null, topSignals: [],
});

test('seed 003 watchlist rank: net premium ÷ underlying price, noise after the rest, no price after priced names', () => {
  const ranked = rankTilts([
    { symbol: 'SPY', summary: summary(6_000_000, 'bullish'), underlyingPrice: 600 }, // 10,000 per $
    { symbol: 'NVDA', summary: summary(2_000_000, 'bullish'), underlyingPrice: 100 }, // 20,000 per $
    { symbol: 'TSLA', summary: summary(-3_000_000, 'bearish'), underlyingPrice: 250 }, // −12,000 per $
    { symbol: 'IWM', summary: summary(100_000, 'noise'), underlyingPrice: 200 },
    { symbol: 'XYZ', summary: summary(900_000, 'mixed'), underlyingPrice: null },
  ]);
  assert.deepEqual(ranked.map((r) => r.symbol), ['NVDA', 'SPY', 'TSLA', 'XYZ', 'IWM']);
  assert.deepEqual(ranked.map((r) => r.rank), [1, 2, 3, 4, 5]);
  assert.equal(ranked[0]?.netPerUnderlyingDollar, 20_000);
  assert.equal(ranked[3]?.netPerUnderlyingDollar, null);
});
