import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ChainContract } from '../options-flow/chain.ts';
import { blackScholesPrice } from '../pricing/black-scholes.ts';
import { yearsToExpiry } from '../pricing/time-to-expiry.ts';
import type { Contracts, EpochMs, IsoDate, PricePerShare } from '../units.ts';
import { analyzeChain, type ChainAnalysis, type ChainQuery } from './chain-analysis.ts';
import { DEFAULT_CHAIN_ANALYTICS_SETTINGS } from './chain-analytics-settings.ts';

const DAY1 = Date.parse('2024-01-08T21:00:00Z') as EpochMs; // 16:00 New York
const DAY2 = Date.parse('2024-01-10T21:00:00Z') as EpochMs;
const SETTINGS = { ...DEFAULT_CHAIN_ANALYTICS_SETTINGS, rate: 0.05, dividendYield: 0 };
const QUERY: ChainQuery = { symbol: 'SPY', at: null, expiration: null, minOi: 0, spot: null };

function row(asOf: EpochMs, expiry: string, strike: number, right: 'C' | 'P', oi: number, extra: Partial<ChainContract> = {}): ChainContract {
  return {
    asOf, underlying: 'SPY', underlyingPrice: 470, expiry: expiry as IsoDate, strike, right, openInterest: oi as Contracts,
    bid: null, ask: null, volume: 10 as Contracts, iv: 0.15, ...extra,
  };
}

/** Conservation: every contract of the snapshot is counted exactly once. */
function assertCountsAddUp(a: ChainAnalysis): void {
  const c = a.counts;
  assert.equal(c.expired + c.otherExpiration + c.belowMinOi + c.implausibleQuote + c.analysed, c.inSnapshot);
  const without = Object.values(c.withoutGreeks).reduce((s, n) => s + (n ?? 0), 0);
  assert.equal(c.withGreeks + without, c.analysed);
}

test('snapshot choice (methodology "Which snapshot"): per contract the latest row at or before --at; expired contracts dropped and counted', () => {
  const rows = [
    row(DAY1, '2024-01-09', 470, 'C', 100), // expires 2024-01-09 16:00, between the two snapshots
    row(DAY1, '2024-01-19', 470, 'C', 200),
    row(DAY2, '2024-01-19', 470, 'C', 250, { underlyingPrice: 475 }),
    row(DAY2, '2024-01-19', 480, 'P', 50, { underlyingPrice: 475 }),
  ];
  const latest = analyzeChain(rows, QUERY, SETTINGS);
  assert.ok(latest !== null);
  assert.equal(latest.asOf, DAY2);
  assert.equal(latest.spot.price, 475);
  assert.equal(latest.counts.expired, 1);
  assert.deepEqual(latest.strikes.map((s) => [s.strike, s.callOi, s.putOi]), [[470, 250, 0], [480, 0, 50]]);
  assertCountsAddUp(latest);
  const earlier = analyzeChain(rows, { ...QUERY, at: (DAY1 + 1) as EpochMs }, SETTINGS);
  assert.ok(earlier !== null);
  assert.equal(earlier.asOf, DAY1);
  assert.equal(earlier.spot.price, 470);
  assert.deepEqual(earlier.strikes.map((s) => [s.strike, s.callOi]), [[470, 300]]);
  assert.equal(analyzeChain(rows, { ...QUERY, at: (DAY1 - 1) as EpochMs }, SETTINGS), null);
  assert.equal(analyzeChain(rows, { ...QUERY, symbol: 'QQQ' }, SETTINGS), null);
});

test('without any spot (no underlying price, no quotes): max pain and OI levels are computed, every greek number is null with its reason', () => {
  const rows = [
    row(DAY1, '2024-01-19', 460, 'P', 900, { underlyingPrice: null }),
    row(DAY1, '2024-01-19', 470, 'C', 300, { underlyingPrice: null }),
    row(DAY1, '2024-01-19', 480, 'C', 700, { underlyingPrice: null }),
  ];
  const a = analyzeChain(rows, QUERY, SETTINGS);
  assert.ok(a !== null);
  assert.deepEqual(a.spot, { price: null, source: null, reason: 'no_put_call_pairs', implied: null });
  assert.equal(a.totals, null);
  assert.equal(a.gammaFlip.reason, 'no_spot');
  assert.deepEqual(a.counts.withoutGreeks, { no_spot: 3 });
  assert.equal(a.levels.wallBasis, 'open_interest');
  assert.equal(a.levels.callWall, 480);
  assert.equal(a.levels.putWall, 460);
  assert.equal(a.levels.highestOiStrike, 460);
  assert.equal(a.levels.maxPositiveGamma, null);
  // pain at 460: calls 0, puts 0 → 0; at 470: puts 0, calls 0 → 0; lowest strike wins the tie
  assert.equal(a.maxPain.strike, 460);
  assert.equal(a.atmIv.size, 0);
  assertCountsAddUp(a);
});

test('a given spot beats the chain\'s; --expiration and --min-oi leave contracts out and count them', () => {
  const rows = [
    row(DAY1, '2024-01-19', 470, 'C', 5), row(DAY1, '2024-01-19', 470, 'P', 500),
    row(DAY1, '2024-02-16', 470, 'C', 800), row(DAY1, '2024-02-16', 480, 'P', 3),
  ];
  const a = analyzeChain(rows, { ...QUERY, expiration: '2024-02-16' as IsoDate, minOi: 10, spot: 471.5 }, SETTINGS);
  assert.ok(a !== null);
  assert.equal(a.spot.source, 'given');
  assert.equal(a.spot.price, 471.5);
  assert.equal(a.counts.otherExpiration, 2);
  assert.equal(a.counts.belowMinOi, 1);
  assert.equal(a.counts.analysed, 1);
  assert.deepEqual(a.expirations, ['2024-02-16']);
  assertCountsAddUp(a);
});

test('the analysis does not depend on the order of the input rows (fast-check permutations)', () => {
  const spot = 470;
  const rows: ChainContract[] = [];
  for (const expiry of ['2024-01-12', '2024-01-19', '2024-03-15']) {
    const t = yearsToExpiry(DAY1, expiry as IsoDate);
    for (let k = 440; k <= 500; k += 5) {
      for (const right of ['C', 'P'] as const) {
        const sigma = 0.12 + Math.abs(k - spot) / 1000;
        const v = blackScholesPrice({ spot, strike: k, t, r: 0.05, q: 0, sigma, right });
        rows.push(row(DAY1, expiry, k, right, (k * 7 + (right === 'C' ? 3 : 11) * expiry.length) % 997, {
          underlyingPrice: null, iv: k % 10 === 0 ? sigma : null,
          bid: Math.max(0, v - 0.02) as PricePerShare, ask: (v + 0.02) as PricePerShare,
        }));
      }
    }
  }
  const reference = JSON.stringify(analyzeChain(rows, QUERY, SETTINGS), mapReplacer);
  fc.assert(fc.property(fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }), (shuffled) => {
    assert.equal(JSON.stringify(analyzeChain(shuffled, QUERY, SETTINGS), mapReplacer), reference);
  }), { numRuns: 25 });
  const a = analyzeChain(rows, QUERY, SETTINGS);
  assert.ok(a !== null && a.spot.source === 'implied' && Math.abs((a.spot.price as number) - spot) < 0.05);
  assertCountsAddUp(a);
});

function mapReplacer(_key: string, value: unknown): unknown {
  return value instanceof Map ? [...value] : value;
}
