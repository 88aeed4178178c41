import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { IsoSweepBursts } from './iso-sweep-bursts.ts';

test('sweeps by hand (gap 5 ms, ≥ 3 prints, ≥ 2 venues): a 3-venue burst, a one-venue burst, a 2-print burst, a chained burst', () => {
  const b = new IsoSweepBursts(5, 3, 2);
  // Burst A: t=0 Q, 2 D, 7 P → sweep (gaps 2, 5), 1 off-exchange print of 300 sh.
  b.add(0, 'Q', false, 100, 1); b.add(2, 'D', true, 300, 2); b.add(7, 'P', false, 100, 3);
  // Burst B: t=100,101,102 all on Z → one venue, not a sweep.
  b.add(100, 'Z', false, 100, 1); b.add(101, 'Z', false, 100, 1); b.add(102, 'Z', false, 100, 1);
  // Burst C: t=200 D, 201 K → only two prints.
  b.add(200, 'D', true, 100, 1); b.add(201, 'K', false, 100, 1);
  assert.deepEqual(b.totals(), { sweeps: 1, sweeps_with_off_exchange: 1, off_exchange_prints: 1, off_exchange_volume: 300, off_exchange_premium: 2 });
  // Burst C gains a third print 6 ms later: the gap 6 > 5 starts a new burst, still not a sweep; then 204 joins C.
  b.add(207, 'D', true, 50, 1);
  assert.equal(b.totals().sweeps, 1);
  b.add(204, 'Q', false, 100, 1); // out of order: 200, 201, 204, 207 chain with gaps ≤ 5 → 4 prints, 3 venues
  assert.deepEqual(b.totals(), { sweeps: 2, sweeps_with_off_exchange: 2, off_exchange_prints: 3, off_exchange_volume: 450, off_exchange_premium: 4 });
});

test('property: sweep totals do not depend on the order ISO prints arrive in', () => {
  const printArb = fc.record({ ts: fc.integer({ min: 0, max: 200 }), venue: fc.constantFrom('D', 'Q', 'P', 'Z'), size: fc.integer({ min: 1, max: 1000 }) });
  fc.assert(fc.property(fc.array(printArb, { maxLength: 60 }), fc.integer(), (prints, seed) => {
    const run = (xs: typeof prints) => {
      const b = new IsoSweepBursts(5, 3, 2);
      for (const p of xs) b.add(p.ts, p.venue, p.venue === 'D', p.size, p.size * 7);
      return b.totals();
    };
    const sorted = [...prints].sort((a, c) => a.ts - c.ts);
    const shuffled = [...prints].map((p, i) => ({ p, k: (i * 7919 + seed) % 104729 })).sort((a, c) => a.k - c.k).map((x) => x.p);
    assert.deepEqual(run(shuffled), run(sorted));
  }));
});
