import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enrichSignal, moneynessOf, type EnrichmentSource } from './signal-enrichment.ts';

const source = (over: Partial<EnrichmentSource> = {}): EnrichmentSource => ({
  spot: 500,
  contractGreeks: (c) => (c === 'SPY 2024-02-01 C 510' ? { iv: 0.18, delta: 0.4, gamma: 0.02 } : null),
  atmIv: (e) => (e === '2024-02-01' ? 0.16 : null),
  ...over,
});

test('seed 004 enrichment formulas on a worked example: 200 lots, δ 0.40, Γ 0.02, S $500', () => {
  const e = enrichSignal({ contract: 'SPY 2024-02-01 C 510', expiry: '2024-02-01' as never, size: 200 }, source());
  assert.equal(e.iv, 0.18);
  assert.ok(Math.abs((e.ivVsAtm as number) - 0.02) < 1e-15, 'iv − ATM iv');
  assert.equal(e.moneyness, 'ATM');
  assert.equal(e.estimatedDeltaNotional, 200 * 100 * 0.4 * 500); // $4,000,000 of stock-equivalent
  assert.equal(e.hypotheticalGexImpactIfOpening, 200 * 100 * 0.02 * 500 * 500 * 0.01); // $1,000,000 per 1% move
});

test('seed 004 moneyness buckets by |δ| at their edges, for calls and puts alike', () => {
  assert.deepEqual([0.65, 0.64, 0.36, 0.35, -0.7, -0.2, -0.5].map(moneynessOf), ['ITM', 'ATM', 'ATM', 'OTM', 'ITM', 'OTM', 'ATM']);
});

test('unknown inputs give null fields, never made-up numbers', () => {
  const none = enrichSignal({ contract: 'SPY 2024-02-01 P 400', expiry: '2024-02-01' as never, size: 1 }, source());
  assert.ok(Object.values(none).every((v) => v === null));
  const noSpot = enrichSignal({ contract: 'SPY 2024-02-01 C 510', expiry: '2024-02-01' as never, size: 1 }, source({ spot: null, atmIv: () => null }));
  assert.equal(noSpot.delta, 0.4);
  assert.equal(noSpot.estimatedDeltaNotional, null);
  assert.equal(noSpot.hypotheticalGexImpactIfOpening, null);
  assert.equal(noSpot.ivVsAtm, null);
});
