import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChainContract } from '../options-flow/chain.ts';
import { expiryInstant } from '../pricing/time-to-expiry.ts';
import { greeks } from '../pricing/greeks.ts';
import type { Contracts, EpochMs, IsoDate, PricePerShare } from '../units.ts';
import { yearFraction } from '../units.ts';
import { analyzeChain } from './chain-analysis.ts';
import { DEFAULT_CHAIN_ANALYTICS_SETTINGS } from './chain-analytics-settings.ts';
import { exposureTotals, strikeExposures, type AnalyzedContract } from './strike-exposures.ts';

const EXPIRY = '2024-03-15' as IsoDate;
/** 876 hours = 36.5 days before the 16:00 New York expiry: T = 0.1 year exactly. */
const AS_OF = (expiryInstant(EXPIRY) - 876 * 3_600_000) as EpochMs;

function row(strike: number, right: 'C' | 'P', oi: number, iv: number | null, extra: Partial<ChainContract> = {}): ChainContract {
  return {
    asOf: AS_OF, underlying: 'TEST', underlyingPrice: 100, expiry: EXPIRY, strike, right,
    openInterest: oi as Contracts, bid: null, ask: null, volume: null, iv, ...extra,
  };
}

const SETTINGS = { ...DEFAULT_CHAIN_ANALYTICS_SETTINGS, rate: 0, dividendYield: 0 };
const QUERY = { symbol: 'TEST', at: null, expiration: null, minOi: 0, spot: null };

test('GEX on a 2-strike chain equals the hand computation Γ·OI·100·S²·0.01 (calls +, puts −; S 100, σ 20 %, T 0.1, r = q = 0)', () => {
  // By hand (Python, math module): call K 100: d1 = 0.5·σ√T = 0.0316228, Γ = φ(d1)/(Sσ√T) = 0.06304678;
  // put K 95: d1 = (ln(100/95) + 0.002)/0.0632456 = 0.842641, Γ = 0.04422787.
  // call GEX = 0.06304678 × 1000 × 100 × 100² × 0.01 = 630,467.82; put GEX = −0.04422787 × 2000 × 10,000 = −884,557.38.
  const a = analyzeChain([row(100, 'C', 1000, 0.2), row(95, 'P', 2000, 0.2)], QUERY, SETTINGS);
  assert.ok(a !== null);
  assert.equal(a.spot.source, 'chain');
  const [k95, k100] = a.strikes;
  assert.ok(k95 !== undefined && k100 !== undefined);
  assert.ok(Math.abs(k100.callGex - 630467.817774539) < 1e-6, String(k100.callGex));
  assert.ok(Math.abs(k95.putGex + 884557.3840995122) < 1e-6, String(k95.putGex));
  assert.equal(k95.callGex, 0);
  assert.equal(k100.putOi, 0);
  assert.equal(k95.putOi, 2000);
  assert.ok(a.totals !== null && Math.abs(a.totals.gex - (630467.817774539 - 884557.3840995122)) < 1e-6);
});

test('DEX, VEX and CHEX are the dealer-signed greeks of greeks.ts × OI × 100 × S (units of the methodology table)', () => {
  const a = analyzeChain([row(100, 'C', 1000, 0.2), row(95, 'P', 2000, 0.2)], QUERY, SETTINGS);
  assert.ok(a !== null && a.totals !== null);
  const t = yearFraction(0.1);
  const call = greeks({ spot: 100, strike: 100, t, r: 0, q: 0, sigma: 0.2, right: 'C' });
  const put = greeks({ spot: 100, strike: 95, t, r: 0, q: 0, sigma: 0.2, right: 'P' });
  const near = (x: number, y: number) => Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(y));
  // dealers long 1000 calls, short 2000 puts; $ per contract-share = 100 × S = 10,000
  assert.ok(near(a.totals.dex, (1000 * call.delta - 2000 * put.delta) * 10_000));
  assert.ok(near(a.totals.vex, (1000 * call.vanna - 2000 * put.vanna) * 10_000));
  assert.ok(near(a.totals.chex, (1000 * call.charm - 2000 * put.charm) * 10_000));
  assert.ok(a.totals.dex > 0, 'long calls and short puts are both long delta');
});

test('the dealer convention flips the signs as documented: short-all is minus long-all, per strike', () => {
  const rows = [row(100, 'C', 1000, 0.2), row(95, 'P', 2000, 0.2), row(105, 'C', 300, 0.25)];
  const long = analyzeChain(rows, QUERY, { ...SETTINGS, dealerConvention: 'long-all' });
  const short = analyzeChain(rows, QUERY, { ...SETTINGS, dealerConvention: 'short-all' });
  assert.ok(long !== null && short !== null);
  for (let i = 0; i < long.strikes.length; i++) {
    assert.equal(short.strikes[i]?.callGex, 0 - (long.strikes[i]?.callGex as number));
    assert.equal(short.strikes[i]?.putDex, 0 - (long.strikes[i]?.putDex as number));
  }
});

test('exposureTotals adds call and put of every strike; contracts without greeks add OI and volume only', () => {
  const base = row(100, 'C', 10, null, { volume: 7 as Contracts });
  const analysed: AnalyzedContract[] = [
    { contract: base, t: yearFraction(0.1), greeks: { iv: 0.2, ivSource: 'chain', delta: 0.5, gamma: 0.05, vanna: 0.001, charm: -0.002 }, reason: null },
    { contract: { ...base, right: 'P', volume: null }, t: yearFraction(0.1), greeks: null, reason: 'no_iv_no_quote' },
  ];
  const strikes = strikeExposures(analysed, 100, 'long-calls-short-puts');
  assert.equal(strikes.length, 1);
  const s = strikes[0];
  assert.ok(s !== undefined);
  assert.equal(s.callGex, 0.05 * 10 * 100 * 100 * 100 * 0.01); // 5,000 $ per 1 % move, by hand
  assert.equal(s.callDex, 0.5 * 10 * 100 * 100);
  assert.equal(s.putOi, 10);
  assert.equal(s.callVolume, 7);
  assert.equal(s.putVolume, null);
  assert.deepEqual(exposureTotals(strikes), { gex: s.callGex, dex: s.callDex, vex: s.callVex, chex: s.callChex });
  const noSpot = strikeExposures(analysed, null, 'long-calls-short-puts');
  assert.equal(noSpot[0]?.callGex, 0);
  assert.equal(noSpot[0]?.callOi, 10);
});

test('prices a contract with no chain IV from its bid/ask mid (implied σ recovers the σ that priced it)', () => {
  // mid 2.5236 is the BSM price at σ = 0.2 of the K 100 call (S 100, T 0.1, r = q = 0): 100·(2Φ(0.0316228) − 1)
  const mid = 100 * (2 * 0.5126135 - 1);
  const a = analyzeChain([row(100, 'C', 1000, null, { bid: (mid - 0.01) as PricePerShare, ask: (mid + 0.01) as PricePerShare })], QUERY, SETTINGS);
  assert.ok(a !== null);
  const g = a.contracts[0]?.greeks;
  assert.ok(g !== null && g !== undefined);
  assert.equal(g.ivSource, 'mid');
  assert.ok(Math.abs(g.iv - 0.2) < 1e-6, String(g.iv));
});
