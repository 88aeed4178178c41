import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isoDate } from '../units.ts';
import { alertClusterEvidence, type AlertSignature } from './alert-cluster.ts';
import { type ConvictionInputs, convictionRow, type ConvictionSignal } from './conviction-row.ts';
import { DEFAULT_CONVICTION_SETTINGS as S, logUnit, validateConvictionSettings } from './conviction-settings.ts';
import { darkPoolEvidence } from './dark-pool-evidence.ts';
import { greekPositioningEvidence } from './greek-positioning.ts';
import { optionsFlowEvidence } from './options-flow-evidence.ts';

const MIN = 60_000;
const sig = (ts: number, contract: string, premium: number, intent: ConvictionSignal['intent'], score: number,
  openCloseBias: ConvictionSignal['openCloseBias'] = 'opening', structure = 'sweep'): ConvictionSignal =>
  ({ ts, contract, premium, intent, score, openCloseBias, structure });

test('logUnit: $5M between the $250K noise floor and $50M is ln 20 / ln 200 = 0.5654 (hand value)', () => {
  assert.ok(Math.abs(logUnit(5e6, 250_000, 50e6) - Math.log(20) / Math.log(200)) < 1e-12);
  assert.equal(logUnit(250_000, 250_000, 50e6), 0);
  assert.equal(logUnit(1e9, 250_000, 50e6), 1);
  assert.equal(logUnit(Number.NaN, 1, 2), 0);
});

test('options flow sub-score: $3M bullish opening @80 + $2M bearish closing @60 → 100·0.5654·(0.4 + 0.3·0.2 + 0.3·0.72) = 38.22 (hand)', () => {
  const e = optionsFlowEvidence([sig(0, 'A', 3e6, 'bullish', 80), sig(0, 'B', 2e6, 'bearish', 60, 'closing')], S);
  assert.equal(e.premium, 5e6);
  assert.ok(Math.abs(e.direction - 0.2) < 1e-12);
  assert.equal(e.opening_share, 0.6);
  assert.ok(Math.abs(e.quality - 0.72) < 1e-12);
  assert.equal(e.score, 38.22);
  // Closing-driven: opening share 0.2 → credit 0.4, directional 0.08.
  const closing = optionsFlowEvidence([sig(0, 'A', 1e6, 'bullish', 80, 'opening'), sig(0, 'B', 4e6, 'bullish', 80, 'closing')], S);
  assert.ok(Math.abs(closing.directional - 0.4) < 1e-12);
  assert.equal(optionsFlowEvidence([], S).score, 0);
  assert.equal(optionsFlowEvidence([sig(0, 'A', 200_000, 'bullish', 99)], S).score, 0, 'below the seed 003 noise floor');
});

test('dark pool sub-score: $10M of blocks, buys $6M / sells $2M, 2 unusual → 100·(ln 10/ln 500)·(0.4 + 0.2 + 0.08) = 25.19 (hand)', () => {
  const e = darkPoolEvidence({ dp_premium: 40e6, dp_buy_premium: 6e6, dp_sell_premium: 2e6, block_premium: 10e6, unusual_blocks: 2 }, S);
  assert.equal(e.direction, 0.5);
  assert.equal(e.score, 25.19);
  assert.equal(darkPoolEvidence({ dp_premium: 5e6, dp_buy_premium: 0, dp_sell_premium: 0, block_premium: 0, unusual_blocks: 0 }, S).score, 0);
});

test('alert cluster: 3 distinct signatures in 30 minutes (a repeat of one key counts once) → 100·(1 − e^−0.75) = 52.76, direction 1/3', () => {
  const a = (ts: number, key: string, direction: -1 | 0 | 1): AlertSignature => ({ ts: ts * MIN, key, direction, source: 'options' });
  const e = alertClusterEvidence([a(0, 'A', 1), a(10, 'B', 1), a(20, 'A', 1), a(45, 'C', -1), a(50, 'D', 1)], S);
  assert.equal(e.cluster_size, 3);
  assert.equal(e.window_start, 20 * MIN);
  assert.equal(e.window_end, 50 * MIN);
  assert.equal(e.score, 52.76);
  assert.ok(Math.abs(e.direction - 1 / 3) < 1e-12);
  assert.equal(e.alerts, 5);
  // The edge: a signature exactly 30 minutes older is still in the window; 30 min + 1 ms is not.
  assert.equal(alertClusterEvidence([a(0, 'A', 1), a(30, 'B', 1)], S).cluster_size, 2);
  assert.equal(alertClusterEvidence([{ ...a(0, 'A', 1), ts: -1 }, a(30, 'B', 1)], S).cluster_size, 1);
  assert.equal(alertClusterEvidence([], S).score, 0);
});

test('greek positioning: calls 3:1 by delta, dealers net short gamma (−½), flow +0.2 → 50 + 35·0.1 + 15·0.1 = 55 (hand)', () => {
  const g = greekPositioningEvidence({ call_dex: 300, put_dex: -100, net_gex: -50, gross_gex: 100 }, 0.2);
  assert.equal(g.delta_tilt, 0.5);
  assert.equal(g.gamma_tilt, -0.5);
  assert.equal(g.score, 55);
  assert.equal(greekPositioningEvidence({ call_dex: 300, put_dex: -100, net_gex: -50, gross_gex: 100 }, 0).score, 50, 'no flow story: neither with nor against');
  assert.equal(greekPositioningEvidence({ call_dex: 0, put_dex: 100, net_gex: 100, gross_gex: 100 }, 1).score, 0, 'fully against, dealers long gamma');
  assert.equal(greekPositioningEvidence({ call_dex: 100, put_dex: 0, net_gex: -100, gross_gex: 100 }, 1).score, 100);
});

function handInputs(): ConvictionInputs {
  return {
    symbol: 'XYZ', date: isoDate('2025-03-14'),
    signals: [sig(0, 'A', 3e6, 'bullish', 80), sig(10 * MIN, 'B', 2e6, 'bearish', 60, 'closing')],
    darkPool: { dp_premium: 40e6, dp_buy_premium: 6e6, dp_sell_premium: 2e6, block_premium: 10e6, unusual_blocks: 2,
      unusual: [{ ts: 5 * MIN, price: 10, size: 50_000, side: 'buy' }, { ts: 6 * MIN, price: 10, size: 60_000, side: 'buy' }] },
    greeks: { call_dex: 300, put_dex: -100, net_gex: -50, gross_gex: 100 },
  };
}

test('conviction row: the composite is Σ wᵢ·subᵢ of the published sub-scores, the direction follows the signed evidence (hand)', () => {
  const r = convictionRow(handInputs(), S);
  assert.equal(r.options_flow, 38.22);
  assert.equal(r.dark_pool, 25.19);
  // Signatures: A (80 ≥ 70) and the two unusual blocks, all bullish, within 6 minutes → k = 3.
  assert.equal(r.alert_cluster, 52.76);
  assert.equal(r.alerts, 3);
  assert.equal(r.greek_positioning, 55);
  assert.equal(r.score, Math.round((0.4 * 38.22 + 0.25 * 25.19 + 0.2 * 52.76 + 0.15 * 55) * 100) / 100);
  const e = (0.4 * 38.22 * 0.2 + 0.25 * 25.19 * 0.5 + 0.2 * 52.76 * 1) / (0.4 * 38.22 + 0.25 * 25.19 + 0.2 * 52.76);
  assert.ok(Math.abs(r.breakdown.signed_evidence - e) < 1e-12);
  assert.equal(r.direction, 'bullish');
  assert.equal(r.total_premium, 5e6);
  assert.equal(r.dp_premium, 40e6);
  assert.equal(r.breakdown.coverage, 1);
});

test('conviction row: without dark pool data and a chain, flow and alerts carry the weight (0.4/0.6, 0.2/0.6), coverage 0.6', () => {
  const r = convictionRow({ ...handInputs(), darkPool: null, greeks: null }, S);
  assert.equal(r.dark_pool, null);
  assert.equal(r.greek_positioning, null);
  assert.equal(r.dp_premium, null);
  assert.equal(r.breakdown.coverage, 0.6);
  assert.ok(Math.abs(r.breakdown.weights.options_flow - 2 / 3) < 1e-12);
  assert.equal(r.score, Math.round(((0.4 * (r.options_flow ?? NaN) + 0.2 * r.alert_cluster) / 0.6) * 100) / 100);
});

test('conviction row: a day without any option prints leaves the flow sub-score and total premium out (null), not zero', () => {
  const r = convictionRow({ ...handInputs(), signals: null }, S);
  assert.equal(r.options_flow, null);
  assert.equal(r.total_premium, null);
  assert.equal(r.breakdown.coverage, 0.6, 'dark pool 0.25 + alerts 0.20 + greeks 0.15');
  assert.equal(r.score, Math.round(((0.25 * (r.dark_pool ?? NaN) + 0.2 * r.alert_cluster + 0.15 * (r.greek_positioning ?? NaN)) / 0.6) * 100) / 100);
  // Greek positioning has no flow story to compare with: 50 + 0.
  assert.equal(r.greek_positioning, 50);
  // The two unusual blocks are the only signatures.
  assert.equal(r.alerts, 2);
});

test('settings are validated: a negative weight or an empty window is refused naming the setting', () => {
  assert.throws(() => validateConvictionSettings({ ...S, weights: { ...S.weights, dark_pool: -1 } }), /weights.dark_pool/);
  assert.throws(() => validateConvictionSettings({ ...S, alertWindowMs: 0 }), /alertWindowMs/);
  assert.doesNotThrow(() => validateConvictionSettings(S));
});

const intent = fc.constantFrom<ConvictionSignal['intent']>('bullish', 'bearish', 'neutral');
const bias = fc.constantFrom<ConvictionSignal['openCloseBias']>('opening', 'closing', 'unknown');
const arbSignal = fc.record({
  ts: fc.integer({ min: 0, max: 390 * MIN }), contract: fc.constantFrom('A', 'B', 'C', 'D', 'E'),
  premium: fc.double({ min: 0, max: 1e9, noNaN: true }), intent, score: fc.integer({ min: 0, max: 100 }), openCloseBias: bias,
  structure: fc.constantFrom('sweep', 'block', 'single'),
});
const arbInputs = fc.record({
  signals: fc.option(fc.array(arbSignal, { maxLength: 30 }), { nil: null, freq: 5 }),
  darkPool: fc.option(fc.record({
    dp_premium: fc.double({ min: 0, max: 1e10, noNaN: true }), dp_buy_premium: fc.double({ min: 0, max: 1e10, noNaN: true }),
    dp_sell_premium: fc.double({ min: 0, max: 1e10, noNaN: true }), block_premium: fc.double({ min: 0, max: 1e10, noNaN: true }),
    unusual_blocks: fc.integer({ min: 0, max: 20 }),
    unusual: fc.array(fc.record({ ts: fc.integer({ min: 0, max: 390 * MIN }), price: fc.double({ min: 1, max: 500, noNaN: true }), size: fc.integer({ min: 1, max: 1e6 }), side: fc.constantFrom<'buy' | 'sell' | 'unknown'>('buy', 'sell', 'unknown') }), { maxLength: 10 }),
  }), { nil: null }),
  greeks: fc.option(fc.record({
    call_dex: fc.double({ min: -1e9, max: 1e9, noNaN: true }), put_dex: fc.double({ min: -1e9, max: 1e9, noNaN: true }),
    net_gex: fc.double({ min: -1e9, max: 1e9, noNaN: true }), gross_gex: fc.double({ min: 0, max: 1e9, noNaN: true }),
  }), { nil: null }),
}).map((x): ConvictionInputs => ({ symbol: 'P', date: isoDate('2025-03-14'), ...x }));

test('property: every sub-score and the composite stay in 0–100, and the composite is the weighted sum of the sub-scores', () => {
  fc.assert(fc.property(arbInputs, (inputs) => {
    const r = convictionRow(inputs, S);
    for (const v of [r.score, r.options_flow ?? 0, r.dark_pool ?? 0, r.alert_cluster, r.greek_positioning ?? 0]) assert.ok(v >= 0 && v <= 100, String(v));
    const w = r.breakdown.weights;
    const sum = w.options_flow * (r.options_flow ?? 0) + w.dark_pool * (r.dark_pool ?? 0) + w.alert_cluster * r.alert_cluster + w.greek_positioning * (r.greek_positioning ?? 0);
    assert.ok(Math.abs(sum - r.score) <= 0.005 + 1e-9);
  }), { numRuns: 300 });
});

test('property: direction is consistent with the signed evidence — all-bullish evidence is never bearish, and mirroring every side mirrors the direction', () => {
  const flip = (i: ConvictionSignal['intent']) => (i === 'bullish' ? 'bearish' : i === 'bearish' ? 'bullish' : 'neutral');
  const flipSide = (x: 'buy' | 'sell' | 'unknown') => (x === 'buy' ? 'sell' : x === 'sell' ? 'buy' : 'unknown');
  fc.assert(fc.property(arbInputs, (inputs) => {
    const bullishOnly: ConvictionInputs = {
      ...inputs,
      signals: inputs.signals?.map((x) => ({ ...x, intent: x.intent === 'bearish' ? 'bullish' as const : x.intent })) ?? null,
      darkPool: inputs.darkPool === null ? null : { ...inputs.darkPool, dp_sell_premium: 0, unusual: inputs.darkPool.unusual.map((b) => ({ ...b, side: b.side === 'sell' ? 'buy' as const : b.side })) },
    };
    assert.notEqual(convictionRow(bullishOnly, S).direction, 'bearish');
    const mirrored: ConvictionInputs = {
      ...inputs,
      signals: inputs.signals?.map((x) => ({ ...x, intent: flip(x.intent) })) ?? null,
      darkPool: inputs.darkPool === null ? null : { ...inputs.darkPool, dp_buy_premium: inputs.darkPool.dp_sell_premium, dp_sell_premium: inputs.darkPool.dp_buy_premium, unusual: inputs.darkPool.unusual.map((b) => ({ ...b, side: flipSide(b.side) })) },
      greeks: inputs.greeks === null ? null : { ...inputs.greeks, call_dex: inputs.greeks.put_dex, put_dex: inputs.greeks.call_dex },
    };
    const a = convictionRow(inputs, S), b = convictionRow(mirrored, S);
    const expected = { bullish: 'bearish', bearish: 'bullish', neutral: 'neutral' }[a.direction];
    assert.equal(b.direction, expected);
    assert.ok(Math.abs(a.score - b.score) <= 0.011, `${a.score} vs ${b.score}`);
  }), { numRuns: 300 });
});

test('property: the row does not depend on the order of the signals and blocks', () => {
  fc.assert(fc.property(arbInputs, fc.integer(), (inputs, seed) => {
    const shuffle = <T>(xs: readonly T[]): T[] => {
      const a = [...xs];
      let r = seed >>> 0;
      for (let i = a.length - 1; i > 0; i--) {
        r = (Math.imul(r, 1_103_515_245) + 12_345) >>> 0;
        const j = r % (i + 1);
        [a[i], a[j]] = [a[j] as T, a[i] as T];
      }
      return a;
    };
    const shuffled: ConvictionInputs = {
      ...inputs, signals: inputs.signals === null ? null : shuffle(inputs.signals),
      darkPool: inputs.darkPool === null ? null : { ...inputs.darkPool, unusual: shuffle(inputs.darkPool.unusual) },
    };
    const a = convictionRow(inputs, S), b = convictionRow(shuffled, S);
    assert.equal(a.direction, b.direction);
    assert.ok(Math.abs(a.score - b.score) < 1e-6);
    assert.equal(a.alerts, b.alerts);
  }), { numRuns: 200 });
});
