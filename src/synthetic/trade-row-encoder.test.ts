import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isoDate } from '../core/units.ts';
import { buildListedChain, expiryCloseMs } from './listed-chain.ts';
import { newYorkDayClock } from './new-york-day-clock.ts';
import { Prng } from './prng.ts';
import { CONDITION_TEXT, formatTradeRow, SIDE_TEXT, TradeRowEncoder } from './trade-row-encoder.ts';
import { buildUniverse } from './underlying-universe.ts';

const date = isoDate('2025-11-03');
const clock = newYorkDayClock(date);
const universe = buildUniverse(60, 5);
const chains = universe.map((u) => buildListedChain(u, date, expiryCloseMs(isoDate('2025-10-31')), Prng.fromSeed(5, u.rank)));
const symbols = universe.map((u) => u.symbol);

test('encoded bytes equal the string reference row for any fields (property, fast path vs slow reference)', () => {
  const row = fc.integer({ min: 0, max: 59 }).chain((u) => {
    const expiries = chains[u]?.expiries ?? [];
    return fc.integer({ min: 0, max: expiries.length - 1 }).chain((e) => fc.record({
      ts: fc.integer({ min: clock.epochAt(570), max: clock.epochAt(960) - 1 }),
      underlying: fc.constant(u), expiry: fc.constant(e),
      strike: fc.integer({ min: 0, max: (expiries[e]?.strikeText.length ?? 1) - 1 }),
      right: fc.integer({ min: 0, max: 1 }), priceCents: fc.integer({ min: 0, max: 2_000_000 }),
      size: fc.integer({ min: 1, max: 100_000 }), bidCents: fc.integer({ min: 0, max: 2_000_000 }),
      askCents: fc.integer({ min: 0, max: 2_000_000 }), venue: fc.integer({ min: 65, max: 90 }),
      condition: fc.integer({ min: 0, max: CONDITION_TEXT.length - 1 }), side: fc.integer({ min: 0, max: SIDE_TEXT.length - 1 }),
    }));
  });
  fc.assert(fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), (rows) => {
    const enc = new TradeRowEncoder(clock, symbols, chains);
    for (const r of rows) enc.write(r);
    const text = Buffer.concat(enc.take()).toString('latin1');
    return text === rows.map((r) => `${formatTradeRow(clock, symbols, chains, r)}\n`).join('');
  }));
});

test('the example row of the brief encodes as 2025-11-03T10:31:07.250-05:00 (EST after the November change)', () => {
  const enc = new TradeRowEncoder(clock, symbols, chains);
  const e = chains[0]?.expiries[0];
  enc.write({
    ts: clock.epochAt(631, 7250), underlying: 0, expiry: 0, strike: 3, right: 1, priceCents: 105, size: 12,
    bidCents: 100, askCents: 110, venue: 67, condition: 1, side: 0,
  });
  assert.equal(Buffer.concat(enc.take()).toString('latin1'),
    `2025-11-03T10:31:07.250-05:00,SPY,${e?.date},${e?.strikeText[3]},P,1.05,12,1.00,1.10,C,AUTO,\n`);
});
