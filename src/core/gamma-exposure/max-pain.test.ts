import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { maxPain, type OpenInterestAtStrike } from './max-pain.ts';

const oi = (strike: number, right: 'C' | 'P', openInterest: number): OpenInterestAtStrike => ({ strike, right, openInterest });

test('max pain of a small textbook-style chain, computed by hand: 100, with the whole pain curve', () => {
  // calls OI 90:50, 100:400, 110:1000; puts OI 90:800, 100:300, 110:20
  // s = 90:  calls 0;                                   puts 300·10·100 + 20·20·100 = 340,000
  // s = 100: calls 50·10·100 = 50,000;                  puts 20·10·100 = 20,000        → 70,000 (least)
  // s = 110: calls 50·20·100 + 400·10·100 = 500,000;    puts 0
  const r = maxPain([
    oi(90, 'C', 50), oi(100, 'C', 400), oi(110, 'C', 1000), oi(90, 'P', 800), oi(100, 'P', 300), oi(110, 'P', 20),
  ]);
  assert.equal(r.strike, 100);
  assert.deepEqual(r.curve, [
    { strike: 90, callPain: 0, putPain: 340_000, totalPain: 340_000 },
    { strike: 100, callPain: 50_000, putPain: 20_000, totalPain: 70_000 },
    { strike: 110, callPain: 500_000, putPain: 0, totalPain: 500_000 },
  ]);
});

test('max pain: a tie goes to the lowest strike; an empty chain has none', () => {
  // calls 100 at K 100, puts 100 at K 110: s = 100 → put pain 100·10·100 = 100,000; s = 110 → call pain 100,000
  assert.equal(maxPain([oi(100, 'C', 100), oi(110, 'P', 100)]).strike, 100);
  assert.deepEqual(maxPain([]), { strike: null, curve: [] });
});

test('max pain: the running sums equal the definition summed contract by contract (fast-check), and the minimum is on the curve', () => {
  const contract = fc.record({
    strike: fc.integer({ min: 1, max: 400 }).map((k) => k * 2.5),
    right: fc.constantFrom<'C' | 'P'>('C', 'P'),
    openInterest: fc.integer({ min: 0, max: 100_000 }),
  });
  fc.assert(fc.property(fc.array(contract, { minLength: 1, maxLength: 60 }), (contracts) => {
    const r = maxPain(contracts);
    for (const p of r.curve) {
      let calls = 0, puts = 0;
      for (const c of contracts) {
        if (c.right === 'C') calls += c.openInterest * Math.max(0, p.strike - c.strike) * 100;
        else puts += c.openInterest * Math.max(0, c.strike - p.strike) * 100;
      }
      assert.ok(Math.abs(p.callPain - calls) <= 1e-6 * Math.max(1, calls));
      assert.ok(Math.abs(p.putPain - puts) <= 1e-6 * Math.max(1, puts));
    }
    const least = Math.min(...r.curve.map((p) => p.totalPain));
    assert.equal(r.curve.find((p) => p.totalPain === least)?.strike, r.strike);
    assert.equal(r.curve.length, new Set(contracts.map((c) => c.strike)).size);
  }), { numRuns: 200 });
});
