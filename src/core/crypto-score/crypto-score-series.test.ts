import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { EpochMs } from '../units.ts';
import type { CryptoInputs, Observation } from './crypto-inputs.ts';
import { chooseResolution, cryptoScoreSeries, DEFAULT_CRYPTO_SCORE_SETTINGS } from './crypto-score-series.ts';
import { fundingScore } from './funding-pillar.ts';
import { longAccountShare, longShortScore } from './long-short-pillar.ts';
import { openInterestScore } from './open-interest-pillar.ts';
import { SEED_WEIGHTS } from './score-weights.ts';

// Hand-made inputs (test data, not market data) whose pillar scores are worked out below by hand.
const D = 86_400_000;
const day = (d: number, value: number, venue = 'all'): Observation => ({ ts: (Date.UTC(2024, 0, 1) + d * D) as EpochMs, venue, value, weight: null });
const days = (n: number, f: (d: number) => number, venue = 'all') => Array.from({ length: n }, (_, d) => day(d, f(d), venue));

test('hand example: funding, OI with price, long/short over 10 days; the composite re-weights over the three present pillars', () => {
  const inputs: CryptoInputs = {
    funding: [...days(10, () => 0.0002, 'x'), ...days(10, () => 0.0004, 'y')],
    open_interest: days(10, (d) => 100 * Math.exp(0.01 * d)),
    price: days(10, (d) => 40_000 * Math.exp(0.01 * d)),
    long_short: days(10, () => 1),
    fear_greed: days(10, () => 20),
  };
  const s = cryptoScoreSeries(inputs);
  assert.equal(s.resolution, 'day');
  assert.equal(s.points.length, 10);
  const first = s.points[0], last = s.points[9];
  if (first === undefined || last === undefined) throw new Error('no points');
  // Day 0: no OI change yet (needs the value 7 days back): funding (mean of 0.02 % and 0.04 % = 0.03 % → 75) and long/short (50 % long).
  const f = fundingScore(0.0003), ls = longShortScore(longAccountShare(1));
  assert.equal(first.pillars.open_interest, null);
  assert.deepEqual(first.pillarsMissing, ['stablecoin', 'open_interest', 'volume']);
  assert.ok(Math.abs(first.coverage - 0.45) < 1e-12);
  assert.equal(first.score, Math.round(((0.35 * f + 0.10 * ls) / 0.45) * 10) / 10);
  // Day 9: OI and price both +7 % over 7 days: direction = min(1, 0.07 / 0.05) = 1 → map(0.07).
  const oi = openInterestScore(0.07, 0.07);
  assert.ok(Math.abs((last.pillars.open_interest as number) - oi) < 1e-9);
  assert.equal(last.score, Math.round(((0.35 * f + 0.15 * oi + 0.10 * ls) / 0.6) * 10) / 10);
  assert.equal(last.band, 'bullish');
  assert.deepEqual(last.divergence, { difference: Math.round((last.score - 20) * 10) / 10, flagged: true, direction: 'smart_money_more_bullish' });
  assert.equal(s.divergenceOnsets.length, 1);
  assert.equal(s.points[0]?.knownAt, s.points[0]?.ts as number + D);
});

test('staleness: a pillar whose last value is older than 48 h counts as missing, not as its old value', () => {
  const s = cryptoScoreSeries({ funding: days(10, () => 0.0001), long_short: days(3, () => 1) });
  assert.deepEqual(s.points.map((p) => p.pillars.long_short === null), [false, false, false, false, false, true, true, true, true, true]);
  assert.deepEqual(s.points.slice(5).map((p) => p.score), Array(5).fill(50));
});

test('resolution: hourly when every pillar input is sub-daily, daily as soon as one is daily', () => {
  const hourly = Array.from({ length: 48 }, (_, h) => ({ ts: (h * 3_600_000) as EpochMs, venue: 'okx', value: 1, weight: null }));
  assert.equal(chooseResolution({ long_short: hourly, funding: hourly.filter((_, i) => i % 8 === 0) }, 'auto'), 'hour');
  assert.equal(chooseResolution({ long_short: hourly, funding: days(5, () => 0.0001) }, 'auto'), 'day');
  assert.equal(chooseResolution({ long_short: hourly, fear_greed: days(5, () => 50) }, 'auto'), 'hour');
});

const arbInputs = fc.record({
  f: fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.double({ min: -0.002, max: 0.002, noNaN: true }), fc.constantFrom('a', 'b')), { maxLength: 40 }),
  oi: fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.double({ min: 1, max: 1e6, noNaN: true })), { maxLength: 40 }),
  px: fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.double({ min: 1, max: 1e6, noNaN: true })), { maxLength: 40 }),
  ls: fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.double({ min: 0, max: 20, noNaN: true })), { maxLength: 40 }),
  sr: fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.double({ min: 1e-6, max: 1, noNaN: true })), { maxLength: 40 }),
});
type Arb = { f: [number, number, string][]; oi: [number, number][]; px: [number, number][]; ls: [number, number][]; sr: [number, number][] };
const toInputs = (a: Arb): CryptoInputs => ({
  funding: a.f.map(([d, v, venue]) => day(d, v, venue)), open_interest: a.oi.map(([d, v]) => day(d, v)),
  price: a.px.map(([d, v]) => day(d, v)), long_short: a.ls.map(([d, v]) => day(d, v)), stablecoin_ratio: a.sr.map(([d, v]) => day(d, v)),
});

test('property: every score and pillar is in 0–100, coverage matches the pillars present', () => {
  fc.assert(fc.property(arbInputs, (a: Arb) => {
    for (const p of cryptoScoreSeries(toInputs(a)).points) {
      if (!(p.score >= 0 && p.score <= 100)) return false;
      let cov = 0;
      for (const [k, v] of Object.entries(p.pillars)) {
        if (v === null) continue;
        if (!(v >= 0 && v <= 100)) return false;
        cov += SEED_WEIGHTS[k as keyof typeof SEED_WEIGHTS];
      }
      if (Math.abs(cov - p.coverage) > 1e-9) return false;
    }
    return true;
  }), { numRuns: 150 });
});

test('property: the series does not depend on the order of the input rows', () => {
  fc.assert(fc.property(arbInputs, fc.integer(), (a: Arb, seed) => {
    const shuffle = <T>(xs: T[]): T[] => xs.map((x, i) => ({ x, k: Math.sin(seed * 7 + i) })).sort((p, q) => p.k - q.k).map((p) => p.x);
    const b = { f: shuffle(a.f), oi: shuffle(a.oi), px: shuffle(a.px), ls: shuffle(a.ls), sr: shuffle(a.sr) };
    assert.deepEqual(cryptoScoreSeries(toInputs(b)), cryptoScoreSeries(toInputs(a)));
  }), { numRuns: 100 });
});

test('property: cutting the inputs at day k gives the same points as the full series up to the cut\'s last point (no look-ahead)', () => {
  fc.assert(fc.property(arbInputs, fc.integer({ min: 0, max: 40 }), (a: Arb, k) => {
    const cut: Arb = { f: a.f.filter((r) => r[0] <= k), oi: a.oi.filter((r) => r[0] <= k), px: a.px.filter((r) => r[0] <= k), ls: a.ls.filter((r) => r[0] <= k), sr: a.sr.filter((r) => r[0] <= k) };
    const full = cryptoScoreSeries(toInputs(a), DEFAULT_CRYPTO_SCORE_SETTINGS).points;
    const part = cryptoScoreSeries(toInputs(cut), DEFAULT_CRYPTO_SCORE_SETTINGS).points;
    // The cut series ends at its last observation; up to there it is the full series, point for point.
    const end = part.at(-1)?.ts ?? -Infinity;
    assert.ok(end <= Date.UTC(2024, 0, 1) + k * D);
    assert.deepEqual(part, full.filter((p) => p.ts <= end));
  }), { numRuns: 150 });
});
