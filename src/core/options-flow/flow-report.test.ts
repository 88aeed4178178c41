import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flowReport, type FlowReportInput } from './flow-report.ts';
import { DEFAULT_FLOW_SETTINGS } from './flow-settings.ts';
import { DEFAULT_CHAIN_ANALYTICS_SETTINGS } from '../gamma-exposure/chain-analytics-settings.ts';
import type { OptionTrade } from './option-trade.ts';
import type { Contracts, EpochMs, IsoDate, PricePerShare } from '../units.ts';

const at = Date.parse('2024-01-10T16:00:00Z') as EpochMs;
const trade = (underlying: string, ts: number): OptionTrade => ({
  ts: ts as EpochMs, underlying, expiry: '2024-02-01' as IsoDate, strike: 470, right: 'C', price: 2.6 as PricePerShare,
  size: 200 as Contracts, bid: 2.5 as PricePerShare, ask: 2.6 as PricePerShare, exchange: 'C', condition: '', side: null,
});
const input = (trades: OptionTrade[]): FlowReportInput => ({
  symbol: 'SPY', trades, chainRows: [], at,
  query: { windowMinutes: 240, minScore: 0, intent: null, structure: null, limit: 50, expiry: null },
  settings: DEFAULT_FLOW_SETTINGS, chainSettings: DEFAULT_CHAIN_ANALYTICS_SETTINGS,
});

test('without a chain: signals scored, levels and enrichment absent (seed 004 "degrades"), no spot', () => {
  const r = flowReport(input([trade('SPY', at - 1000)]));
  assert.equal(r.ranked.length, 1);
  assert.equal(r.chainLevels, null);
  assert.equal(r.enrichment, null);
  assert.equal(r.underlyingPrice, null);
  assert.equal(r.query.at, at);
});

test('a print of another symbol or after `at` is a caller bug, refused loudly', () => {
  assert.throws(() => flowReport(input([trade('QQQ', at - 1)])), /given a print of QQQ/);
  assert.throws(() => flowReport(input([trade('SPY', at + 1)])), /after it/);
});

test("chainDetail 'spot' gives the same signals and underlying price as 'full', without levels or enrichment", () => {
  const chainRows = [{
    asOf: Date.parse('2024-01-09T21:00:00Z') as EpochMs, underlying: 'SPY', underlyingPrice: 471.5, expiry: '2024-02-01' as IsoDate,
    strike: 470, right: 'C' as const, openInterest: 900 as Contracts, bid: null, ask: null, volume: null, iv: 0.2,
  }];
  const base = { ...input([trade('SPY', at - 1000)]), chainRows };
  const full = flowReport(base);
  const spot = flowReport({ ...base, chainDetail: 'spot' });
  assert.deepEqual(spot.ranked, full.ranked);
  assert.equal(spot.underlyingPrice, 471.5);
  assert.equal(full.underlyingPrice, 471.5);
  assert.equal(spot.underlyingPriceSource, full.underlyingPriceSource);
  assert.notEqual(full.chainLevels, null);
  assert.equal(spot.chainLevels, null);
  assert.equal(spot.enrichment, null);
});
