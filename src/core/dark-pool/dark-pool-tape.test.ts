import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DarkPoolTape } from './dark-pool-tape.ts';
import type { EquityPrint } from './equity-print.ts';
import { type EpochMs, type PricePerShare, type Shares, isoDate } from '../units.ts';

const T0 = Date.parse('2013-10-08T14:00:00Z');
const at = (ms: number): EpochMs => (T0 + ms) as EpochMs;
const pr = (ms: number, price: number, exchange = 'D', bid: number | null = null, ask: number | null = null): EquityPrint => ({
  ts: at(ms), symbol: 'IBM', price: price as PricePerShare, size: 100 as Shares, exchange, conditions: 1,
  bid: bid as PricePerShare | null, ask: ask as PricePerShare | null,
});

test('side by hand: quote rule on the NBBO before the print, Lee–Ready tick fallback at the mid, the print\'s own NBBO first', () => {
  const tape = new DarkPoolTape();
  tape.addQuote({ ts: at(0), symbol: 'IBM', bid: 10.0 as PricePerShare, ask: null });
  tape.addQuote({ ts: at(0), symbol: 'IBM', bid: null, ask: 10.04 as PricePerShare });
  // A quote change in the same millisecond as a print is not the quote the print met.
  tape.addQuote({ ts: at(50), symbol: 'IBM', bid: 10.03 as PricePerShare, ask: 10.05 as PricePerShare });
  assert.deepEqual(tape.addPrint(pr(10, 10.03, 'Q')), { classes: 0, side: 'buy', side_source: 'quote' });
  assert.deepEqual(tape.addPrint(pr(20, 10.02)), { classes: 1, side: 'sell', side_source: 'tick' }); // mid; downtick from 10.03
  assert.deepEqual(tape.addPrint(pr(50, 10.0)), { classes: 1, side: 'sell', side_source: 'quote' }); // NBBO before t=50 is 10.00 × 10.04
  assert.deepEqual(tape.addPrint(pr(60, 10.04)), { classes: 1, side: 'buy', side_source: 'tick' }); // mid of 10.03 × 10.05; uptick from 10.00
  // The feed's own NBBO (canonical bid/ask columns) wins over the timeline: 10.04 is at the ask of 9.98 × 10.04.
  assert.deepEqual(tape.addPrint(pr(70, 10.04, 'D', 9.98, 10.04)), { classes: 1, side: 'buy', side_source: 'quote' });
  // An average-price print is not signed and does not move the tick test.
  assert.deepEqual(tape.addPrint({ ...pr(80, 9.0), conditions: 0x100000 }), { classes: 17, side: 'unknown', side_source: 'tick' });
  assert.deepEqual(tape.addPrint(pr(90, 10.04, 'D', 10.04, 10.04)), { classes: 1, side: 'buy', side_source: 'tick' }); // locked: zero-uptick
  const d = tape.day('IBM', isoDate('2013-10-08'));
  assert.ok(d !== null);
  assert.deepEqual(d.side_sources, { quote: 2, tick: 3, unknown: 0 });
  assert.equal(d.last_price, 10.04);
  assert.equal(tape.day('IBM', isoDate('2013-10-09')), null);
  assert.deepEqual(tape.summaries().map((x) => [x.symbol, x.date, x.prints]), [['IBM', '2013-10-08', 7]]);
});

test('tick test without quotes: the first print of a symbol-day is unknown; days are separate books', () => {
  const tape = new DarkPoolTape();
  assert.equal(tape.addPrint(pr(0, 10)).side, 'unknown');
  assert.equal(tape.addPrint(pr(1, 10.01)).side, 'buy');
  assert.equal(tape.addPrint({ ...pr(0, 10.02), ts: (T0 + 86_400_000) as EpochMs }).side, 'unknown');
  assert.equal(tape.summaries().length, 2);
});
