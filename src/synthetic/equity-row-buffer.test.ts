import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from '../core/units.ts';
import { conditionMask } from '../core/dark-pool/sale-conditions.ts';
import { equityPrintFromFields } from '../ingest/equity-prints.ts';
import { EquityRowBuffer, NO_QUOTE, priceText } from './equity-row-buffer.ts';
import { newYorkDayClock } from './new-york-day-clock.ts';

const clock = newYorkDayClock(isoDate('2025-03-14'));
const t0 = clock.epochAt(600);

test('price text: whole cents with two decimals, sub-penny with four', () => {
  assert.equal(priceText(1_234_500), '123.45');
  assert.equal(priceText(137_155), '13.7155');
  assert.equal(priceText(137_150), '13.7150');
  assert.equal(priceText(100), '0.01');
});

test('rows come out sorted by time, same-millisecond rows in the order added, and parse back with the canonical reader', () => {
  const buf = new EquityRowBuffer(clock, ['SPY', 'IBM']);
  const iso = conditionMask(['intermarket_sweep', 'trade_through_exempt']);
  buf.add({ ts: t0 + 5, underlying: 1, priceUnits: 1_795_000, size: 20_000, venue: 68, conditions: 0, bidCents: 17950, askCents: 17952 });
  buf.add({ ts: t0, underlying: 0, priceUnits: 5_514_250, size: 37, venue: 80, conditions: iso, bidCents: NO_QUOTE, askCents: NO_QUOTE });
  buf.add({ ts: t0, underlying: 1, priceUnits: 1_795_100, size: 100, venue: 78, conditions: 0, bidCents: 17950, askCents: 17952 });
  const lines = buf.takeText().trimEnd().split('\n');
  assert.deepEqual(lines, [
    '2025-03-14T10:00:00.000-04:00,SPY,551.4250,37,P,intermarket_sweep|trade_through_exempt,,',
    '2025-03-14T10:00:00.000-04:00,IBM,179.51,100,N,,179.50,179.52',
    '2025-03-14T10:00:00.005-04:00,IBM,179.50,20000,D,,179.50,179.52',
  ]);
  const p = equityPrintFromFields((lines[0] as string).split(','));
  assert.equal(p.price, 551.425);
  assert.equal(p.conditions, iso);
  assert.equal(p.bid, null);
  assert.equal(buf.length, 0);
  assert.equal(buf.takeText(), '');
});
