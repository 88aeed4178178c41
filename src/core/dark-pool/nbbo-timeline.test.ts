import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NbboTimeline } from './nbbo-timeline.ts';
import type { EpochMs } from '../units.ts';

const ms = (n: number): EpochMs => n as EpochMs;

test('NBBO from one-side updates (IBM 2013-10-08 rows at 34,204,623 ms, read by hand): strictly-before lookup, same-ms updates merge', () => {
  const t = new NbboTimeline();
  // 34204610 bid 181.87 (Z) / ask 182.03 (Z); 34204623 ask 181.88 (Q), bid 181.87 (Z), then bid 181.81 (Q), ask 181.88.
  t.update(ms(34_204_610), 181.87, null);
  t.update(ms(34_204_610), null, 182.03);
  t.update(ms(34_204_623), 181.87, null);
  t.update(ms(34_204_623), null, 181.88);
  t.update(ms(34_204_623), 181.81, null);
  t.update(ms(34_204_623), null, 181.88);
  assert.equal(t.size, 2);
  assert.equal(t.before(ms(34_204_610)), null);
  assert.deepEqual(t.before(ms(34_204_623)), { bid: 181.87, ask: 182.03 });
  assert.deepEqual(t.before(ms(34_204_626)), { bid: 181.81, ask: 181.88 });
  assert.deepEqual(t.before(ms(34_204_611)), { bid: 181.87, ask: 182.03 });
  assert.throws(() => t.update(ms(34_204_600), 1, null), /earlier than the last/);
});

test('NbboTimeline: out-of-order lookups after growth give the binary-search answer', () => {
  const t = new NbboTimeline();
  for (let i = 0; i < 5000; i++) t.update(ms(i * 10), i, i + 1);
  for (const q of [49_995, 5, 10, 11, 25_000, 0, 49_991]) {
    const i = Math.ceil(q / 10) - 1;
    assert.deepEqual(t.before(ms(q)), i < 0 ? null : { bid: i, ask: i + 1 }, String(q));
  }
});
