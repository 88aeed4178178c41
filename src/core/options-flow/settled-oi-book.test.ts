import { test } from 'node:test';
import assert from 'node:assert/strict';
import { oiSessionDate, SettledOiBook } from './settled-oi-book.ts';
import type { ChainContract } from './chain.ts';
import type { Contracts, EpochMs, IsoDate } from '../units.ts';

const row = (asOf: string, oi: number, spot: number | null = 100): ChainContract => ({
  asOf: Date.parse(asOf) as EpochMs, underlying: 'GOOG', underlyingPrice: spot, expiry: '2015-12-24' as IsoDate,
  strike: 650, right: 'C', openInterest: oi as Contracts, bid: null, ask: null, volume: null, iv: null,
});

test('a snapshot before the 16:00 New York close counts for its own session; at or after it, for the next', () => {
  assert.equal(oiSessionDate(Date.parse('2025-12-01T20:45:00Z') as EpochMs), '2025-12-01', 'Yahoo 15:45 ET');
  assert.equal(oiSessionDate(Date.parse('2015-12-23T21:00:00Z') as EpochMs), '2015-12-24', 'LEAN end of day 16:00 ET');
  assert.equal(oiSessionDate(Date.parse('2015-12-23T13:00:00Z') as EpochMs), '2015-12-23', '08:00 ET morning file');
});

test('a print uses the latest snapshot whose session is on or before its day; none before → null', () => {
  const book = new SettledOiBook([row('2015-12-22T21:00:00Z', 10), row('2015-12-23T21:00:00Z', 25)]);
  const k = 'GOOG 2015-12-24 C 650';
  assert.equal(book.lookup(k, '2015-12-22' as IsoDate), null);
  assert.equal(book.lookup(k, '2015-12-23' as IsoDate), 10, 'the 12-22 end-of-day OI is the settled OI of 12-23');
  assert.equal(book.lookup(k, '2015-12-24' as IsoDate), 25);
  assert.equal(book.lookup('GOOG 2015-12-24 P 650', '2015-12-24' as IsoDate), null);
  assert.equal(book.spotAt('GOOG', Date.parse('2015-12-23T15:00:00Z') as EpochMs), 100);
  assert.equal(book.spotAt('GOOG', Date.parse('2015-12-22T15:00:00Z') as EpochMs), null);
});
