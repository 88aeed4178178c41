import { test } from 'node:test';
import assert from 'node:assert/strict';
import { equityNameProfile, MAX_ROUND_LOTS, meanRoundLotShares, ROUND_LOT_ALPHA, roundLots } from './equity-name-profile.ts';
import { Prng } from './prng.ts';
import { buildUniverse } from './underlying-universe.ts';

const bySymbol = new Map(buildUniverse(60, 1).map((u) => [u.symbol, equityNameProfile(u)]));
const of = (s: string) => bySymbol.get(s) ?? assert.fail(s);

test('spreads: SPY, NVDA and BAC quote a penny wide, META ≈ 6¢, NFLX ≈ 18¢ (design targets near 2025 quotes)', () => {
  assert.equal(of('SPY').spreadCents, 1);
  assert.equal(of('NVDA').spreadCents, 1);
  assert.equal(of('BAC').spreadCents, 1);
  assert.equal(of('META').spreadCents, 6);
  assert.equal(of('NFLX').spreadCents, 18);
});

test('listing venues: SPY on NYSE Arca, QQQ and NVDA on Nasdaq, JPM on NYSE', () => {
  assert.deepEqual(['SPY', 'QQQ', 'NVDA', 'JPM'].map((s) => of(s).listingVenue), ['P', 'Q', 'Q', 'N']);
});

test('round lots follow the discrete Lomax law P(N ≥ k+1) = (1 + k/s)^−α (200,000 draws, s = 0.7: IBM-like)', () => {
  const rng = Prng.fromSeed(5);
  const s = 0.7, n = 200_000;
  const counts = new Map<number, number>();
  let total = 0;
  for (let i = 0; i < n; i++) {
    const lots = roundLots(s, rng.next());
    assert.ok(lots >= 1 && lots <= MAX_ROUND_LOTS);
    counts.set(lots, (counts.get(lots) ?? 0) + 1);
    total += lots;
  }
  const atLeast = (k: number) => [...counts].filter(([l]) => l >= k).reduce((a, [, c]) => a + c, 0) / n;
  for (const k of [2, 3, 10]) {
    const expected = (1 + (k - 1) / s) ** -ROUND_LOT_ALPHA;
    assert.ok(Math.abs(atLeast(k) - expected) < 0.1 * expected + 0.001, `P(N ≥ ${k}) = ${atLeast(k)} vs ${expected}`);
  }
  assert.ok(Math.abs(1 - atLeast(2) - 0.76) < 0.02, 'one lot on ≈ 76% of round-lot prints, as IBM 2013-10-08 (75.7%)');
  assert.ok(Math.abs((100 * total) / n / meanRoundLotShares(s) - 1) < 0.05, 'meanRoundLotShares matches the sample mean');
});

test('odd-lot share rises with price within 8–60%, and ETFs print off-exchange less often than stocks', () => {
  assert.ok(of('SPY').oddLotShare > of('BAC').oddLotShare);
  for (const p of bySymbol.values()) assert.ok(p.oddLotShare >= 0.08 && p.oddLotShare <= 0.6);
  assert.ok(of('SPY').offExchangeShare < of('AAPL').offExchangeShare);
});
