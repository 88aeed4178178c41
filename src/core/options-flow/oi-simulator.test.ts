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

type Tape = readonly (readonly [Side, number])[];

function run(settledOi: number | null, prints: Tape, params?: OiSimParams): number {
  const sim = createContractOiSimulator(settledOi, params);
  for (const [side, size] of prints) sim.add(print(side, size));
  return sim.netDelta;
}

/**
 * Slow, obvious reference: expand every print into single contracts, numbered 1, 2, … in time order. With S
 * known, contract i is closing (−1) when i ≤ ⌊γ·S⌋ and opening (+1) after; with S unknown it counts by its
 * side (buy +1, sell −1, mid 0).
 */
function reference(settledOi: number | null, prints: Tape, gamma: number): number {
  let i = 0;
  let net = 0;
  for (const [side, size] of prints) {
    for (let k = 0; k < size; k++) {
      i++;
      if (settledOi === null) net += side === 'buy' ? 1 : side === 'sell' ? -1 : 0;
      else net += i <= Math.floor(gamma * settledOi) ? -1 : 1;
    }
  }
  return net;
}

function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const sideArb = fc.constantFrom<Side>('buy', 'sell', 'mid');
const printsArb = fc.array(fc.tuple(sideArb, fc.integer({ min: 1, max: 500 })), { maxLength: 40 });
const oiArb = fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: null });
const gammaArb = fc.constantFrom(0, 1 / 128, 1 / 32, 1 / 16, 0.25, 1);

test('seed 004: the per-trade confidence weight is the published 0.43; default closing share γ is 1/32', () => {
  assert.equal(DEFAULT_OI_CONFIDENCE, 0.43);
  assert.equal(DEFAULT_OI_SIM_PARAMS.closingShare, 1 / 32);
});

test('rule 1, closing allowance: the first ⌊S/32⌋ contracts of the day count −1 each, whatever their side', () => {
  // S = 1000 → T = 31.
  assert.equal(run(1000, [['buy', 10]]), -10);
  assert.equal(run(1000, [['buy', 10], ['sell', 4], ['mid', 5]]), -19);
  assert.equal(run(1000, [['buy', 31]]), -31);
});

test('rule 2, beyond the allowance every contract opens: netDelta = V − 2T, opening once V > 2T = S/16', () => {
  // S = 1000, T = 31: 62 contracts balance, the 63rd tips the day to opening.
  assert.equal(run(1000, [['sell', 40]]), 40 - 62);
  assert.equal(run(1000, [['sell', 40], ['buy', 22]]), 0);
  assert.equal(run(1000, [['sell', 40], ['buy', 23]]), 1);
  assert.equal(run(1000, [['mid', 5000]]), 5000 - 62);
});

test('rule 2 at S = 0: with no open interest nothing can close, so the first print opens fully (ΔOI = +size) and so does the day', () => {
  assert.equal(run(0, [['sell', 5]]), 5);
  assert.equal(run(0, [['sell', 5], ['buy', 3], ['mid', 2]]), 10);
});

test('rule 3, unknown settled OI: the aggressor-side vote alone (buy +size, sell −size, mid 0)', () => {
  assert.equal(run(null, [['sell', 1_000_000], ['buy', 1]]), -999_999);
  assert.equal(run(null, [['mid', 50]]), 0);
  assert.equal(run(null, [['buy', 7], ['mid', 3]]), 7);
});

test('γ spans the range: γ = 0 calls every contract opening; γ = 1 lets the whole settled OI close first', () => {
  assert.equal(run(500, [['sell', 40]], { closingShare: 0 }), 40);
  assert.equal(run(100, [['buy', 100]], { closingShare: 1 }), -100);
  assert.equal(run(100, [['buy', 100], ['sell', 50]], { closingShare: 1 }), -50);
});

test('bad input is rejected with the value quoted', () => {
  assert.throws(() => createContractOiSimulator(-1), /settled OI was -1/);
  assert.throws(() => createContractOiSimulator(Number.NaN), /settled OI was NaN/);
  assert.throws(() => createContractOiSimulator(10, { closingShare: 1.5 }), /closingShare was 1.5/);
  for (const oi of [10, null]) {
    const sim = createContractOiSimulator(oi);
    assert.throws(() => sim.add(print('buy', 0)), /print size was 0/);
    assert.throws(() => sim.add(print('buy', Number.NaN)), /print size was NaN/);
  }
});

test('property: the O(1) simulator equals the contract-by-contract reference after every print', () => {
  fc.assert(fc.property(oiArb, printsArb, gammaArb, (oi, prints, gamma) => {
    const sim = createContractOiSimulator(oi, { closingShare: gamma });
    prints.forEach(([side, size], k) => {
      sim.add(print(side, size));
      assert.equal(sim.netDelta, reference(oi, prints.slice(0, k + 1), gamma));
    });
  }));
});

test('property: |netDelta| ≤ cumulative volume, and netDelta ≥ −settled OI when it is known', () => {
  fc.assert(fc.property(oiArb, printsArb, gammaArb, (oi, prints, gamma) => {
    const sim = createContractOiSimulator(oi, { closingShare: gamma });
    let volume = 0;
    for (const [side, size] of prints) {
      sim.add(print(side, size));
      volume += size;
      assert.ok(Math.abs(sim.netDelta) <= volume);
      if (oi !== null) assert.ok(sim.netDelta >= -oi);
    }
  }));
});

test('property: the end-of-day value does not depend on print order, nor on how a print is split', () => {
  fc.assert(fc.property(oiArb, printsArb, fc.nat(), (oi, prints, seed) => {
    assert.equal(run(oi, shuffle(prints, seed)), run(oi, prints));
    const split = prints.flatMap(([side, size]): [Side, number][] => size > 1
      ? [[side, Math.floor(size / 2)], [side, size - Math.floor(size / 2)]] : [[side, size]]);
    assert.equal(run(oi, split), run(oi, prints));
  }));
});

test('property: with S known the side of a print never matters; the day turns opening exactly when V > 2⌊γ·S⌋', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 20_000 }), printsArb, gammaArb, (oi, prints, gamma) => {
    const flipped = prints.map(([side, size]): [Side, number] => [side === 'buy' ? 'sell' : side === 'sell' ? 'mid' : 'buy', size]);
    const net = run(oi, prints, { closingShare: gamma });
    assert.equal(run(oi, flipped, { closingShare: gamma }), net);
    const volume = prints.reduce((v, [, size]) => v + size, 0);
    assert.equal(net > 0, volume > 2 * Math.floor(gamma * oi));
  }));
});
