import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { contracts, epochMs, pricePerShare } from '../units.ts';
import type { Side } from './option-trade.ts';
import {
  createContractOiSimulator, DEFAULT_OI_CONFIDENCE, DEFAULT_OI_SIM_PARAMS, type OiSimParams, type OiSimPrint,
} from './oi-simulator.ts';

const print = (side: Side, size: number): OiSimPrint => ({
  ts: epochMs(0), size: contracts(size), side, price: pricePerShare(1), bid: pricePerShare(0.95), ask: pricePerShare(1.05),
});

function run(settledOi: number | null, prints: readonly [Side, number][], params?: OiSimParams): number {
  const sim = createContractOiSimulator(settledOi, params);
  for (const [side, size] of prints) sim.add(print(side, size));
  return sim.netDelta;
}

/**
 * Slow, obvious reference: expand every print into single contracts, number them 1, 2, … in time order;
 * contract i counts by its side (buy +1, sell −1, mid 0) when i ≤ ⌊γ·S⌋, else +1 (opening).
 */
function reference(settledOi: number | null, prints: readonly [Side, number][], gamma: number): number {
  const t = settledOi === null ? Infinity : Math.floor(gamma * settledOi);
  let i = 0;
  let net = 0;
  for (const [side, size] of prints) {
    for (let k = 0; k < size; k++) {
      i++;
      net += i > t ? 1 : side === 'buy' ? 1 : side === 'sell' ? -1 : 0;
    }
  }
  return net;
}

const sideArb = fc.constantFrom<Side>('buy', 'sell', 'mid');
const printsArb = fc.array(fc.tuple(sideArb, fc.integer({ min: 1, max: 500 })), { maxLength: 40 });
const oiArb = fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: null });
const gammaArb = fc.constantFrom(0, 1 / 128, 1 / 16, 0.25, 0.5, 1);

test('seed 004: the per-trade confidence weight is the published 0.43; default γ is 1/16', () => {
  assert.equal(DEFAULT_OI_CONFIDENCE, 0.43);
  assert.equal(DEFAULT_OI_SIM_PARAMS.turnoverThreshold, 1 / 16);
});

test('rule 1, side vote: within the first ⌊S/16⌋ contracts a buy adds, a sell subtracts, a mid adds nothing', () => {
  // S = 1000 → T = 62 contracts read by side.
  assert.equal(run(1000, [['buy', 10]]), 10);
  assert.equal(run(1000, [['buy', 10], ['sell', 4]]), 6);
  assert.equal(run(1000, [['buy', 10], ['sell', 4], ['mid', 5]]), 6);
  assert.equal(run(1000, [['sell', 30]]), -30);
});

test('rule 2, turnover opens: contracts beyond ⌊γ·S⌋ count +1 whatever their side, a print split at the threshold', () => {
  // S = 160 → T = 10: a 30-lot sale is 10 read as closing and 20 beyond T read as opening.
  assert.equal(run(160, [['sell', 30]]), 10);
  assert.equal(run(160, [['sell', 10], ['sell', 5], ['mid', 5]]), 0);
  assert.equal(run(160, [['mid', 4], ['sell', 8]]), -6 + 2);
});

test('rule 2 at S = 0: with no open interest every trade must open both sides, so ΔOI = +volume exactly', () => {
  assert.equal(run(0, [['sell', 5], ['buy', 3], ['mid', 2]]), 10);
});

test('rule 3, unknown settled OI: the side vote alone, for the whole day', () => {
  assert.equal(run(null, [['sell', 1_000_000], ['buy', 1]]), -999_999);
  assert.equal(run(null, [['mid', 50]]), 0);
});

test('γ spans the baselines: γ = 0 calls every contract opening; γ = 1 reads all volume up to S by side', () => {
  assert.equal(run(500, [['sell', 40]], { turnoverThreshold: 0 }), 40);
  assert.equal(run(100, [['sell', 100]], { turnoverThreshold: 1 }), -100);
  assert.equal(run(100, [['sell', 100], ['sell', 50]], { turnoverThreshold: 1 }), -50);
});

test('order matters only through which prints fall inside the first T contracts (documented)', () => {
  // S = 160, T = 10: the first 10-lot is read by side, the second is beyond T.
  assert.equal(run(160, [['sell', 10], ['buy', 10]]), 0);
  assert.equal(run(160, [['buy', 10], ['sell', 10]]), 20);
});

test('bad input is rejected with the value quoted', () => {
  assert.throws(() => createContractOiSimulator(-1), /settled OI was -1/);
  assert.throws(() => createContractOiSimulator(Number.NaN), /settled OI was NaN/);
  assert.throws(() => createContractOiSimulator(10, { turnoverThreshold: 1.5 }), /turnoverThreshold was 1.5/);
  const sim = createContractOiSimulator(10);
  assert.throws(() => sim.add(print('buy', 0)), /print size was 0/);
  assert.throws(() => sim.add(print('buy', Number.NaN)), /print size was NaN/);
});

test('property: the O(1) simulator equals the contract-by-contract reference', () => {
  fc.assert(fc.property(oiArb, printsArb, gammaArb, (oi, prints, gamma) => {
    assert.equal(run(oi, prints, { turnoverThreshold: gamma }), reference(oi, prints, gamma));
  }));
});

test('property: |netDelta| ≤ cumulative volume, and netDelta ≥ −settled OI when it is known', () => {
  fc.assert(fc.property(oiArb, printsArb, gammaArb, (oi, prints, gamma) => {
    const sim = createContractOiSimulator(oi, { turnoverThreshold: gamma });
    let volume = 0;
    for (const [side, size] of prints) {
      sim.add(print(side, size));
      volume += size;
      assert.ok(Math.abs(sim.netDelta) <= volume);
      if (oi !== null) assert.ok(sim.netDelta >= -oi);
    }
  }));
});

test('property: with unknown settled OI the result does not depend on print order', () => {
  fc.assert(fc.property(printsArb, fc.nat(), (prints, seed) => {
    const shuffled = [...prints];
    let s = seed;
    for (let i = shuffled.length - 1; i > 0; i--) {
      s = (s * 1103515245 + 12345) % 2147483648;
      const j = s % (i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j] as [Side, number], shuffled[i] as [Side, number]];
    }
    assert.equal(run(null, shuffled), run(null, prints));
  }));
});

test('property: prints after the first T contracts can be reordered freely; splitting a print changes nothing', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 5000 }), printsArb, printsArb, (oi, head, tail) => {
    const t = Math.floor(oi / 16);
    const pad: [Side, number][] = [['sell', t + 1]]; // carries the day past T
    assert.equal(run(oi, [...head, ...pad, ...tail]), run(oi, [...head, ...pad, ...[...tail].reverse()]));
    const split = head.flatMap(([side, size]): [Side, number][] => size > 1
      ? [[side, Math.floor(size / 2)], [side, size - Math.floor(size / 2)]] : [[side, size]]);
    assert.equal(run(oi, split), run(oi, head));
  }));
});
