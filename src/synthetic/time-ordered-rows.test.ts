import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TimeOrderedRows } from './time-ordered-rows.ts';
import type { TradeFields } from './trade-row-encoder.ts';

function fields(ts: number, id: number): TradeFields {
  return {
    ts, underlying: id, expiry: 1, strike: 2, right: id % 2, priceCents: 3, size: 4, bidCents: 5, askCents: 6,
    venue: 67, condition: 1, side: 0,
  };
}

test('output equals a stable sort by time, ties in arrival order, of singles and deferred rows (property vs Array.sort)', () => {
  fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 5 })), { maxLength: 200 }),
    (events) => {
      const got: string[] = [];
      const rows = new TimeOrderedRows((f) => got.push(`${f.ts}:${f.underlying}:${f.right}`));
      const expected: { ts: number; id: number }[] = [];
      let t = 0, n = 0;
      for (const [step, children] of events) {
        t += step;
        if (children.length === 0) {
          expected.push({ ts: t, id: n });
          rows.emit(fields(t, n++));
        } else {
          for (const c of children) {
            expected.push({ ts: t + c, id: n });
            rows.defer(fields(t + c, n++));
          }
        }
      }
      rows.release(Infinity);
      expected.sort((a, b) => a.ts - b.ts || a.id - b.id);
      return got.length === expected.length && got.every((line, i) => line === `${expected[i]?.ts}:${expected[i]?.id}:${(expected[i]?.id ?? 0) % 2}`);
    }));
});

test('emitting out of time order is an error naming both instants', () => {
  const rows = new TimeOrderedRows(() => undefined);
  rows.emit(fields(10, 0));
  assert.throws(() => rows.emit(fields(9, 1)), /ts 9 is before the last emitted ts 10/);
  assert.throws(() => rows.defer(fields(5, 2)), /deferred ts 5/);
});
