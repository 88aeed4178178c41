import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_FLOW_SETTINGS as S } from './flow-settings.ts';
import type { FlowSignal } from './flow-signal.ts';
import { matchingSignals, querySignals, type SignalQuery } from './signal-query.ts';
import { summarize } from './flow-summary.ts';
import type { EpochMs } from '../units.ts';

const at = 1_000_000_000 as EpochMs;

function sig(o: Partial<FlowSignal>): FlowSignal {
  return {
    ts: at, firstTs: at, underlying: 'SPY', contract: 'SPY 2024-02-01 C 470', expiry: '2024-02-01', strike: 470,
    right: 'C', side: 'buy', price: 1, size: 100, printCount: 1, exchanges: ['C'], premium: 10_000, dte: 10,
    structure: 'block', aggressor: 'at_ask', bid: 0.9, ask: 1, crossedOrLocked: false, openCloseBias: 'opening',
    openCloseConfidence: 0.43, contractNetOiDelta: 100, settledOi: 1000, intent: 'bullish', score: 50,
    conviction: 'low', breakdown: { premium: 0, size_vs_oi: 0, aggressor: 0, sweep: 0, opening_bias: 0, tenor: 0 },
    components: { premium: 0, size_vs_oi: 0, aggressor: 0, sweep: 0, opening_bias: 0, tenor: 0 }, tags: [],
    ...o,
  } as FlowSignal;
}

const q: SignalQuery = { at, windowMinutes: 240, minScore: 0, intent: null, structure: null, limit: 50, expiry: null };

test('seed 004 query: the window is (at − windowMinutes, at]; filters on score, intent, structure, expiry', () => {
  const all = [
    sig({ ts: (at - 240 * 60_000) as EpochMs, score: 90 }), // exactly at the window start: out
    sig({ ts: (at - 240 * 60_000 + 1) as EpochMs, score: 80 }),
    sig({ ts: (at + 1) as EpochMs, score: 99 }), // after `at`: out
    sig({ score: 30, intent: 'bearish' }),
    sig({ score: 60, structure: 'sweep', expiry: '2024-03-15' as never }),
  ];
  assert.deepEqual(matchingSignals(all, q).map((s) => s.score), [80, 60, 30]);
  assert.deepEqual(matchingSignals(all, { ...q, minScore: 50 }).map((s) => s.score), [80, 60]);
  assert.deepEqual(matchingSignals(all, { ...q, intent: 'bearish' }).map((s) => s.score), [30]);
  assert.deepEqual(matchingSignals(all, { ...q, structure: 'sweep' }).map((s) => s.score), [60]);
  assert.deepEqual(matchingSignals(all, { ...q, expiry: '2024-03-15' }).map((s) => s.score), [60]);
});

test('seed 004 golden tag: top decile of the returned set AND score ≥ 70 (no best-of-a-bad-day promotion)', () => {
  const scores = [95, 91, 88, 80, 75, 72, 71, 70, 69, 50, 40, 30, 20, 10, 5, 1, 0, 0, 0, 0]; // n=20 → top 2
  const res = querySignals(scores.map((score, i) => sig({ score, ts: (at - i) as EpochMs })), q, S);
  assert.deepEqual(res.filter((r) => r.tags.includes('golden')).map((r) => r.signal.score), [95, 91]);
  const quiet = querySignals([65, 60, 10].map((score) => sig({ score })), q, S);
  assert.equal(quiet.filter((r) => r.tags.includes('golden')).length, 0, 'top of a quiet set below 70 is not golden');
  const limited = querySignals(scores.map((score, i) => sig({ score, ts: (at - i) as EpochMs })), { ...q, limit: 5 }, S);
  assert.deepEqual(limited.filter((r) => r.tags.includes('golden')).map((r) => r.signal.score), [95], 'decile of the returned 5 = 1');
});

test('seed 004 summary sums and seed 003 tilt reads (noise < $250K; opening-dominant bullish/bearish; closing-driven mixed)', () => {
  const s = summarize([
    sig({ premium: 3_000_000, intent: 'bullish', openCloseBias: 'opening' }),
    sig({ premium: 1_000_000, intent: 'bearish', openCloseBias: 'opening' }),
    sig({ premium: 500_000, intent: 'neutral', openCloseBias: 'closing' }),
  ], S);
  assert.equal(s.bullishPremium, 3_000_000);
  assert.equal(s.bearishPremium, 1_000_000);
  assert.equal(s.netDirectionalPremium, 2_000_000);
  assert.equal(s.openingPremium, 4_000_000);
  assert.equal(s.closingPremium, 500_000);
  assert.equal(s.openingShare, 4 / 4.5);
  assert.equal(s.tilt, 'bullish');
  assert.equal(s.tiltStrength, 'moderate');
  assert.equal(summarize([sig({ premium: 249_999, intent: 'bullish' })], S).tilt, 'noise');
  const strongBear = summarize([sig({ premium: 6_000_000, intent: 'bearish' })], S);
  assert.deepEqual([strongBear.tilt, strongBear.tiltStrength], ['bearish', 'strong']);
  const unwind = summarize([
    sig({ premium: 2_000_000, intent: 'bullish', openCloseBias: 'unknown' }),
    sig({ premium: 3_000_000, intent: 'neutral', openCloseBias: 'closing' }),
  ], S);
  assert.equal(unwind.tilt, 'mixed', 'net long driven by closing flow: bears covering, not bulls buying');
});

test('summary top_signals are the 10 best by score', () => {
  const all = Array.from({ length: 25 }, (_, i) => sig({ score: i * 4, ts: (at - i) as EpochMs }));
  const ranked = matchingSignals(all, q);
  const s = summarize(ranked, S);
  assert.equal(s.signalCount, 25);
  assert.deepEqual(s.topSignals.map((t) => t.signal.score), [96, 92, 88, 84, 80, 76, 72, 68, 64, 60]);
});
