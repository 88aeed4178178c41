import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { newYorkDate } from '../core/calendar/new-york-date.ts';
import type { ChainContract } from '../core/options-flow/chain.ts';
import type { OptionTrade } from '../core/options-flow/option-trade.ts';
import type { Contracts, EpochMs, IsoDate, PricePerShare } from '../core/units.ts';
import { InMemoryMarketData, loadMarketData } from './in-memory-market-data.ts';

const T0 = Date.parse('2024-03-08T14:30:00Z'); // Friday 09:30 New York; the range below crosses two NY midnights

const tradeArb = fc.record({
  ts: fc.integer({ min: T0 - 20 * 3_600_000, max: T0 + 40 * 3_600_000 }),
  underlying: fc.constantFrom('SPY', 'QQQ', 'VIX'),
  size: fc.integer({ min: 1, max: 500 }),
}).map((r): OptionTrade => ({
  ts: r.ts as EpochMs, underlying: r.underlying, expiry: '2024-03-15' as IsoDate, strike: 500, right: 'C',
  price: 1 as PricePerShare, size: r.size as Contracts, bid: 0.9 as PricePerShare, ask: 1.1 as PricePerShare,
  exchange: 'C', condition: '', side: null,
}));

const chainArb = fc.record({
  asOf: fc.integer({ min: T0 - 72 * 3_600_000, max: T0 + 72 * 3_600_000 }),
  underlying: fc.constantFrom('SPY', 'QQQ'),
  oi: fc.integer({ min: 0, max: 10_000 }),
}).map((r): ChainContract => ({
  asOf: r.asOf as EpochMs, underlying: r.underlying, underlyingPrice: 500, expiry: '2024-03-15' as IsoDate, strike: 500,
  right: 'P', openInterest: r.oi as Contracts, bid: null, ask: null, volume: null, iv: null,
}));

test('prints(symbol, day, upTo) equals the obvious filter (same symbol, same New York date, ts ≤ upTo, time order), whatever the insertion order and batching', async () => {
  await fc.assert(fc.asyncProperty(
    fc.array(tradeArb, { maxLength: 80 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: T0 - 20 * 3_600_000, max: T0 + 40 * 3_600_000 }),
    async (trades, batch, upTo) => {
      const data = new InMemoryMarketData();
      for (let i = 0; i < trades.length; i += batch) data.addTrades(trades.slice(i, i + batch));
      for (const symbol of ['SPY', 'QQQ', 'VIX']) {
        const mine = trades.filter((t) => t.underlying === symbol);
        const days = new Set(mine.map((t) => newYorkDate(t.ts)));
        for (const day of days) {
          const expected = mine.filter((t) => newYorkDate(t.ts) === day && t.ts <= upTo).sort((a, b) => a.ts - b.ts);
          assert.deepEqual(await data.prints(symbol, day, upTo as EpochMs), expected);
        }
        const last = mine.length === 0 ? null : Math.max(...mine.map((t) => t.ts));
        assert.equal(await data.lastPrintTs(symbol), last);
      }
      assert.deepEqual(await data.symbols(), [...new Set(trades.map((t) => t.underlying))].sort());
      const days = [...new Set(trades.map((t) => newYorkDate(t.ts)))].sort();
      assert.deepEqual(await data.days(), days);
      for (const day of days) {
        assert.deepEqual(await data.symbols(day), [...new Set(trades.filter((t) => newYorkDate(t.ts) === day).map((t) => t.underlying))].sort());
      }
    },
  ), { numRuns: 150 });
});

test('chainRows(symbol, upTo) equals the obvious filter (same symbol, asOf ≤ upTo, asOf order); null upTo gives every row', async () => {
  await fc.assert(fc.asyncProperty(
    fc.array(chainArb, { maxLength: 60 }), fc.integer({ min: T0 - 72 * 3_600_000, max: T0 + 72 * 3_600_000 }),
    async (rows, upTo) => {
      const data = new InMemoryMarketData();
      data.addChainRows(rows);
      for (const symbol of ['SPY', 'QQQ', 'IWM']) {
        const mine = rows.filter((c) => c.underlying === symbol).sort((a, b) => a.asOf - b.asOf);
        assert.deepEqual(await data.chainRows(symbol, upTo as EpochMs), mine.filter((c) => c.asOf <= upTo));
        assert.deepEqual(await data.chainRows(symbol, null), mine);
      }
    },
  ), { numRuns: 150 });
});

test('a print at 23:30 New York is on that New York day though it is the next day in UTC', async () => {
  const data = new InMemoryMarketData();
  const late = { ...fc.sample(tradeArb, 1)[0] as OptionTrade, ts: Date.parse('2024-03-09T04:30:00Z') as EpochMs, underlying: 'SPY' };
  data.addTrades([late]);
  assert.equal((await data.prints('SPY', '2024-03-08' as IsoDate, late.ts)).length, 1);
  assert.equal((await data.prints('SPY', '2024-03-09' as IsoDate, late.ts)).length, 0);
  assert.equal((await data.prints('SPY', '2024-03-08' as IsoDate, (late.ts - 1) as EpochMs)).length, 0);
});

test('loadMarketData reads a canonical chain fixture with the CLI readers and reports its rows', async () => {
  const chain = fileURLToPath(new URL('../../test-fixtures/ingest/canonical/chain.csv', import.meta.url));
  const { data, reports } = await loadMarketData({ trades: [], chains: [chain] });
  const report = reports[0]?.report;
  assert.ok(report !== undefined);
  assert.equal(report.rejected, 0);
  assert.equal((await data.chainRows('GOOG', null)).length, report.accepted);
  assert.ok(report.accepted > 0);
});

test('a read is a snapshot: prints added after it (a live feed) do not appear in the list already returned', async () => {
  const data = new InMemoryMarketData();
  const t = { ...fc.sample(tradeArb, 1)[0] as OptionTrade, ts: T0 as EpochMs, underlying: 'SPY' };
  data.addTrades([t]);
  const row = { ...fc.sample(chainArb, 1)[0] as ChainContract, underlying: 'SPY' };
  data.addChainRows([row]);
  const day = newYorkDate(t.ts);
  const read = await data.prints('SPY', day, (T0 + 60_000) as EpochMs);
  const chain = await data.chainRows('SPY', null);
  data.addTrades([{ ...t, ts: (T0 + 120_000) as EpochMs }]);
  data.addChainRows([row]);
  assert.equal(read.length, 1);
  assert.equal(chain.length, 1);
  assert.equal((await data.prints('SPY', day, (T0 + 120_000) as EpochMs)).length, 2);
});
