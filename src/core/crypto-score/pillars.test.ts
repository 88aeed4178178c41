import { test } from 'node:test';
import assert from 'node:assert/strict';
import { combineVenueFunding, fundingPer8h, fundingScore } from './funding-pillar.ts';
import { longAccountShare, longShortScore } from './long-short-pillar.ts';
import { openInterestScore } from './open-interest-pillar.ts';
import { stablecoinGrowth, stablecoinScore } from './stablecoin-pillar.ts';
import { futuresDominance, volumeScore } from './volume-pillar.ts';

const close = (a: number, b: number, eps = 1e-9) => assert.ok(Math.abs(a - b) <= eps, `${a} ≠ ${b}`);

test('funding, hand values: 0.01 %/8h baseline is 50, zero 40, −0.03 % 0, 0.03 % 75, 0.1 % 100', () => {
  close(fundingScore(0.0001), 50);
  close(fundingScore(0), 40);
  close(fundingScore(-0.0003), 0);
  close(fundingScore(0.0002), 62.5);
  close(fundingScore(0.0003), 75);
  close(fundingScore(0.001), 100);
  close(fundingScore(0.01), 100);
});

test('funding, real print: Binance BTCUSDT 2020-01-01 00:00Z −0.00012359 (SOURCE.md) scores 40 × (0.0003 − 0.00012359) / 0.0003 = 23.52', () => {
  close(fundingScore(-0.00012359), 40 * (0.0003 - 0.00012359) / 0.0003);
  close(fundingScore(-0.00012359), 23.521, 1e-3);
});

test('funding venues: hourly dYdX rate × 8 is its 8-hour rate; OI-weighted mean when every venue has a weight, else plain mean', () => {
  close(fundingPer8h(0.0000058615, 1), 0.000046892);
  close(fundingPer8h(0.0001, 8), 0.0001);
  assert.throws(() => fundingPer8h(0.0001, 0));
  close(combineVenueFunding([{ value: 0.0001, weight: 3 }, { value: 0.0003, weight: 1 }]) as number, 0.00015);
  close(combineVenueFunding([{ value: 0.0001, weight: 3 }, { value: 0.0003, weight: null }]) as number, 0.0002);
  assert.equal(combineVenueFunding([]), null);
});

test('stablecoin, real rows: CryptoQuant ratio 0.00009365 → 0.00009249 (2022-02-23 → 24) is +1.246 % buying power, score 60.387', () => {
  const g = stablecoinGrowth('stablecoin_ratio', 0.00009365, 0.00009249);
  close(g, -Math.log(0.00009249 / 0.00009365));
  close(stablecoinScore(g), 50 + 25 * g / 0.03);
  close(stablecoinScore(g), 60.387, 1e-3);
  // A growing exchange reserve (inflow) is bullish, a shrinking one bearish; a rising ratio is bearish.
  assert.ok(stablecoinScore(stablecoinGrowth('stablecoin_reserve', 100, 105)) > 75);
  assert.ok(stablecoinScore(stablecoinGrowth('stablecoin_ratio', 100, 105)) < 25);
  close(stablecoinScore(0), 50);
  assert.throws(() => stablecoinGrowth('stablecoin_supply', 0, 1));
});

test('open interest, seed 001 cases: rising with price bullish, rising against price bearish, falling neutral-ish', () => {
  close(openInterestScore(0.10, 0.10), 75); // +10 % OI, price up ≥ 5 %: new longs
  close(openInterestScore(0.10, -0.10), 25); // new shorts
  close(openInterestScore(0.10, 0.025), 62.5); // half the direction
  close(openInterestScore(0.10, 0), 50); // price flat: no side
  close(openInterestScore(0.30, 0.5), 100);
  close(openInterestScore(-0.10, 0.1), 42.5); // de-leveraging
  close(openInterestScore(-0.50, -0.3), 35); // collapse floors at the bearish band
  close(openInterestScore(0, 0.2), 50);
});

test('volume, seed 001 thresholds: 60 % futures dominance scores 60 (bullish edge), 40 % scores 40, 80 % 100, 20 % 0', () => {
  close(futuresDominance(60, 40) as number, 0.6);
  assert.equal(futuresDominance(0, 0), null);
  close(volumeScore(0.6), 60);
  close(volumeScore(0.4), 40);
  close(volumeScore(0.5), 50);
  close(volumeScore(0.7), 80);
  close(volumeScore(0.8), 100);
  close(volumeScore(0.3), 20);
  close(volumeScore(0.1), 0);
});

test('long/short, seed 001 contrarian thresholds; OKX SOL 2026-05-31 ratio 3.44 (77.5 % long) scores 20.06, very bearish', () => {
  close(longAccountShare(1), 0.5);
  close(longAccountShare(3.44), 3.44 / 4.44);
  close(longShortScore(0.70), 40);
  close(longShortScore(0.40), 60);
  close(longShortScore(0.55), 50);
  close(longShortScore(0.25), 100);
  close(longShortScore(0.85), 0);
  close(longShortScore(longAccountShare(3.44)), 40 - 40 * (3.44 / 4.44 - 0.7) / 0.15);
  close(longShortScore(longAccountShare(3.44)), 20.06, 1e-2);
  assert.throws(() => longAccountShare(-1));
});
