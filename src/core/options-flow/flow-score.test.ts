import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  compositeScore, openingBiasComponent, premiumComponent, sizeVsOiComponent, sweepComponent, tenorComponent,
} from './flow-score.ts';
import { COMPONENTS, DEFAULT_FLOW_SETTINGS as S, DEFAULT_WEIGHTS } from './flow-settings.ts';

const round2 = (x: number) => Math.round(x * 100) / 100;

test('seed 004 §1 worked numbers: $1M → 0.86, $100K → 0.71, $10M → 1.00 with the $10M cap', () => {
  assert.equal(round2(premiumComponent(1_000_000, S.premiumCap)), 0.86);
  assert.equal(round2(premiumComponent(100_000, S.premiumCap)), 0.71);
  assert.equal(premiumComponent(10_000_000, S.premiumCap), 1);
  assert.equal(premiumComponent(50_000_000, S.premiumCap), 1, 'saturates above the cap');
  assert.equal(premiumComponent(0, S.premiumCap), 0);
});

test('seed 004 §2: 50% of settled OI scores 0.5; the SPY 50,000-lot on 800,000 OI scores 0.0625; OI at or above saturates', () => {
  assert.equal(sizeVsOiComponent(500, 1000, 1), 0.5);
  assert.equal(sizeVsOiComponent(50_000, 800_000, 1), 0.0625);
  assert.equal(sizeVsOiComponent(50_000, 30_000, 1), 1);
  assert.equal(sizeVsOiComponent(5, 0, 1), 1, 'max(1, OI) keeps a zero OI from dividing by zero');
  assert.equal(sizeVsOiComponent(500, null, 1), 0, 'unknown OI gives no credit (methodology)');
});

test('seed 004 §4 structure values and §6 tenor: 0DTE → 1.0, 22 DTE → 0.51, 45+ DTE → 0', () => {
  assert.deepEqual([sweepComponent('sweep'), sweepComponent('block'), sweepComponent('single')], [1, 0.55, 0.2]);
  assert.equal(tenorComponent(0, 45), 1);
  assert.equal(round2(tenorComponent(22, 45)), 0.51);
  assert.equal(tenorComponent(45, 45), 0);
  assert.equal(tenorComponent(400, 45), 0);
});

test('seed 004 §5: opening bias is worth at most 100 × 1.2 × 0.43 / 5.6 ≈ 9.2 points', () => {
  assert.equal(openingBiasComponent('opening', 0.43), 0.43);
  assert.equal(openingBiasComponent('closing', 0.43), 0.3 * 0.43);
  assert.equal(openingBiasComponent('unknown', 0.43), 0.5 * 0.43);
  const max = (100 * DEFAULT_WEIGHTS.opening_bias * 0.43) / 5.6;
  assert.equal(Math.round(max * 10) / 10, 9.2);
  const all = { premium: 0, size_vs_oi: 0, aggressor: 0, sweep: 0, opening_bias: 0.43, tenor: 0 };
  assert.equal(compositeScore(all, DEFAULT_WEIGHTS).breakdown.opening_bias, 9);
});

test('seed 004 weights sum to 5.6 and a perfect signal scores 100 less the opening-bias ceiling', () => {
  const total = COMPONENTS.reduce((a, c) => a + DEFAULT_WEIGHTS[c], 0);
  assert.equal(Math.round(total * 10) / 10, 5.6);
  const best = compositeScore({ premium: 1, size_vs_oi: 1, aggressor: 1, sweep: 1, opening_bias: 0.43, tenor: 1 }, DEFAULT_WEIGHTS);
  // 17.86→18, 17.86→18, 14.29→14, 17.86→18, 9.21→9, 10.71→11
  assert.deepEqual(best.breakdown, { premium: 18, size_vs_oi: 18, aggressor: 14, sweep: 18, opening_bias: 9, tenor: 11 });
  assert.equal(best.score, 88);
});

test("the seed's example breakdown (premium 22) exceeds its own premium cap of 100 × 1.0 / 5.6 = 17.86 points", () => {
  // Seed 004 prints {"score":78,"score_breakdown":{"premium":22,...}}. With n_premium ≤ 1 the premium
  // bucket can contribute at most round(17.86) = 18, so that example cannot come from the published
  // formulas; our implementation follows the formulas (docs/methodology.md).
  const cap = (100 * DEFAULT_WEIGHTS.premium) / 5.6;
  assert.ok(22 > cap);
  const r = compositeScore({ premium: 1, size_vs_oi: 0, aggressor: 0, sweep: 0, opening_bias: 0, tenor: 0 }, DEFAULT_WEIGHTS);
  assert.equal(r.breakdown.premium, 18);
  // The seed's example buckets sum to 78 as printed: 22+10+13+18+6+9.
  assert.equal(22 + 10 + 13 + 18 + 6 + 9, 78);
});

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const componentsArb = fc.record({ premium: unit, size_vs_oi: unit, aggressor: unit, sweep: unit, opening_bias: unit, tenor: unit });
const weightArb = fc.double({ min: 0, max: 5, noNaN: true });
const weightsArb = fc.record({ premium: weightArb, size_vs_oi: weightArb, aggressor: weightArb, sweep: weightArb, opening_bias: weightArb, tenor: weightArb })
  .filter((w) => COMPONENTS.reduce((a, c) => a + w[c], 0) > 0.01);

test('property: score in 0–100 and the breakdown sums to the score within the seed rounding (±3)', () => {
  fc.assert(fc.property(componentsArb, weightsArb, (n, w) => {
    const r = compositeScore(n, w);
    const sum = COMPONENTS.reduce((a, c) => a + r.breakdown[c], 0);
    const exact = (100 * COMPONENTS.reduce((a, c) => a + w[c] * n[c], 0)) / COMPONENTS.reduce((a, c) => a + w[c], 0);
    return r.score >= 0 && r.score <= 100 && Number.isInteger(r.score)
      && Math.abs(sum - r.score) <= 3 && Math.abs(r.score - exact) <= 3;
  }));
});

test('property: with the default weights the breakdown sums to the score exactly', () => {
  fc.assert(fc.property(componentsArb, (n) => {
    const r = compositeScore(n, DEFAULT_WEIGHTS);
    return COMPONENTS.reduce((a, c) => a + r.breakdown[c], 0) === r.score;
  }));
});

test('bad weights are refused with the value quoted', () => {
  assert.throws(() => compositeScore({ premium: 1, size_vs_oi: 1, aggressor: 1, sweep: 1, opening_bias: 1, tenor: 1 },
    { ...DEFAULT_WEIGHTS, tenor: -1 }), /tenor was -1/);
});
