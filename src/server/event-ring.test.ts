import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EventRing } from './event-ring.ts';

test('ring against a plain list: since(id) is exactly the last `capacity` events after id, ids 1, 2, 3, … in push order', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: -5, max: 3100 }), (capacity, n, after) => {
    const ring = new EventRing(capacity);
    const all = [];
    for (let i = 0; i < n; i++) all.push(ring.push('signal', 'SPY', String(i)));
    assert.deepEqual(all.map((e) => e.id), Array.from({ length: n }, (_, i) => i + 1));
    const held = all.slice(Math.max(0, n - capacity));
    assert.deepEqual(ring.since(after), held.filter((e) => e.id > after));
    assert.equal(ring.lastId, n);
    assert.equal(ring.oldestId, held[0]?.id ?? n + 1);
  }), { numRuns: 200 });
});

test('a capacity that is not a whole number ≥ 1 is refused, quoting it', () => {
  assert.throws(() => new EventRing(0), /capacity was 0/);
});
