import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { EquityPrint, QuoteUpdate } from '../core/dark-pool/equity-print.ts';
import type { ChainContract } from '../core/options-flow/chain.ts';
import type { OptionTrade, Side } from '../core/options-flow/option-trade.ts';
import { type Contracts, type EpochMs, type PricePerShare, type Shares, isoDate } from '../core/units.ts';
import type { FlowSignal } from '../core/options-flow/flow-signal.ts';
import type { DaySignalsStamp, StoredDaySignals } from './day-signals.ts';
import { flowSignalArbitrary } from './flow-signal-arbitrary.ts';
import { type MarketStore, type SourceCursor, type SourceIdentity, type SourceReport, SourceStateError } from './market-store.ts';

/**
 * The one contract every MarketStore passes (drizzle's pg-common, hono's common.case.test): run it from each
 * implementation's test file with a harness that can reopen the same storage (a restart).
 */
export interface StoreHarness {
  /** Opens the store on the harness's storage; opening again after close() sees what was committed. */
  open(): Promise<MarketStore>;
  /** Deletes the storage. */
  dispose(): Promise<void>;
}

/** 2025-03-14 (a Friday, EDT) 09:30 and 16:00 New York in epoch ms. */
const OPEN = Date.parse('2025-03-14T09:30:00-04:00');
const CLOSE = Date.parse('2025-03-14T16:00:00-04:00');
const DAY = isoDate('2025-03-14');

function print(over: Partial<OptionTrade> = {}): OptionTrade {
  return {
    ts: OPEN as EpochMs, underlying: 'SPY', expiry: isoDate('2025-03-21'), strike: 560, right: 'C',
    price: 2.5 as PricePerShare, size: 10 as Contracts, bid: 2.45 as PricePerShare, ask: 2.55 as PricePerShare,
    exchange: 'C', condition: '', side: null, ...over,
  };
}

function contract(over: Partial<ChainContract> = {}): ChainContract {
  return {
    asOf: Date.parse('2025-03-13T16:00:00-04:00') as EpochMs, underlying: 'SPY', underlyingPrice: 561.2, expiry: isoDate('2025-03-21'),
    strike: 560, right: 'C', openInterest: 1200 as Contracts, bid: 4.1 as PricePerShare, ask: 4.2 as PricePerShare,
    volume: 300 as Contracts, iv: 0.18, ...over,
  };
}

function equityPrint(over: Partial<EquityPrint> = {}): EquityPrint {
  return {
    ts: OPEN as EpochMs, symbol: 'IBM', price: 182.1 as PricePerShare, size: 300 as Shares, exchange: 'D', conditions: 0,
    bid: 182.09 as PricePerShare, ask: 182.11 as PricePerShare, ...over,
  };
}

function quote(over: Partial<QuoteUpdate> = {}): QuoteUpdate {
  return { ts: OPEN as EpochMs, symbol: 'IBM', bid: 182.09 as PricePerShare, ask: null, ...over };
}

type AnyRow = OptionTrade | ChainContract | EquityPrint | QuoteUpdate;

const id = (name: string, kind: SourceIdentity['kind'] = 'prints'): SourceIdentity => ({ kind, sha256: `sha-${kind}-${name}`, name });
const reportOf = (n: number): SourceReport => ({ rowsRead: n, accepted: n, rejected: 0, excluded: 0 });

/** Loads rows as one complete source in batches of `batchRows`; returns its final state. */
export async function loadSource(store: MarketStore, identity: SourceIdentity, rows: readonly AnyRow[], batchRows = 1000) {
  let cursor: SourceCursor = await store.openSource(identity);
  for (let i = 0; i < rows.length; i += batchRows) cursor = await put(store, identity.kind, rows.slice(i, i + batchRows), cursor);
  return store.completeSource(cursor, reportOf(rows.length));
}

function put(store: MarketStore, kind: SourceIdentity['kind'], batch: readonly AnyRow[], cursor: SourceCursor): Promise<SourceCursor> {
  switch (kind) {
    case 'prints': return store.putPrints(batch as OptionTrade[], cursor);
    case 'chain': return store.putChainRows(batch as ChainContract[], cursor);
    case 'equity-prints': return store.putEquityPrints(batch as EquityPrint[], cursor);
    case 'equity-quotes': return store.putEquityQuotes(batch as QuoteUpdate[], cursor);
  }
}

export function storeContract(name: string, harness: () => Promise<StoreHarness>): void {
  async function withStore(body: (store: MarketStore, h: StoreHarness) => Promise<void>): Promise<void> {
    const h = await harness();
    const store = await h.open();
    try {
      await body(store, h);
    } finally {
      await store.close();
      await h.dispose();
    }
  }

  test(`${name}: prints come back field for field (null side, empty and quoted venue text, fractional strike, crossed quote), in time order, for the symbol and New York day asked, up to and including upTo`, () => withStore(async (store) => {
    const rows = [
      print({ ts: (OPEN + 3000) as EpochMs, side: 'buy', exchange: 'a,b"c', condition: 'ISO' }),
      print({ ts: (OPEN + 1000) as EpochMs, strike: 2.5, right: 'P', price: 0 as PricePerShare, bid: 0.1 as PricePerShare, ask: 0.05 as PricePerShare }),
      print({ ts: (OPEN + 2000) as EpochMs, side: 'mid', exchange: '', size: 2_000_000_000 as Contracts }),
      print({ ts: (OPEN + 2000) as EpochMs, underlying: 'QQQ', side: 'sell' }),
      // 23:30 New York is already the next UTC day, but still the New York day 2025-03-14.
      print({ ts: Date.parse('2025-03-14T23:30:00-04:00') as EpochMs }),
      print({ ts: Date.parse('2025-03-17T10:00:00-04:00') as EpochMs }),
    ];
    await loadSource(store, id('a'), rows, 4);
    const spy = rows.filter((r) => r.underlying === 'SPY');
    assert.deepEqual(await store.prints('SPY', DAY), [spy[1], spy[2], spy[0], spy[3]]);
    assert.deepEqual(await store.prints('SPY', DAY, (OPEN + 2000) as EpochMs), [spy[1], spy[2]]);
    assert.deepEqual(await store.prints('SPY', DAY, (OPEN - 1) as EpochMs), []);
    assert.deepEqual(await store.prints('QQQ', DAY), [rows[3]]);
    assert.deepEqual(await store.prints('SPY', isoDate('2025-03-17')), [rows[5]]);
    assert.deepEqual(await store.prints('IWM', DAY), []);
  }));

  test(`${name}: days, symbols and lastPrintTs describe the prints held, by New York day (chain snapshots add no day)`, () => withStore(async (store) => {
    assert.deepEqual([await store.days(), await store.symbols(), await store.lastPrintTs('SPY')], [[], [], null]);
    const late = Date.parse('2025-03-14T23:30:00-04:00') as EpochMs;
    await loadSource(store, id('p'), [print({ underlying: 'QQQ' }), print({ ts: late }), print(), print({ ts: Date.parse('2025-03-17T10:00:00-04:00') as EpochMs, underlying: 'IWM' })]);
    await loadSource(store, id('c', 'chain'), [contract({ underlying: 'TSLA' }), contract({ underlying: 'SPY' })]);
    assert.deepEqual(await store.days(), ['2025-03-14', '2025-03-17']);
    assert.deepEqual(await store.symbols(), ['IWM', 'QQQ', 'SPY']);
    assert.deepEqual(await store.symbols(DAY), ['QQQ', 'SPY']);
    assert.deepEqual(await store.symbols(isoDate('2025-03-13')), []);
    assert.deepEqual([await store.lastPrintTs('SPY'), await store.lastPrintTs('QQQ'), await store.lastPrintTs('TSLA')], [late, OPEN, null]);
    await loadSource(store, id('q'), [print({ ts: (late - 1) as EpochMs }), print({ ts: (late + 1) as EpochMs })]);
    assert.equal(await store.lastPrintTs('SPY'), late + 1);
  }));

  test(`${name}: chain rows come back with their nulls, ordered by asOf, expiry, strike, right, up to and including upTo`, () => withStore(async (store) => {
    const monday = Date.parse('2025-03-17T16:00:00-04:00') as EpochMs;
    const rows = [
      contract({ asOf: monday, openInterest: 1300 as Contracts }),
      contract({ right: 'P', underlyingPrice: null, bid: null, ask: null, volume: null, iv: null, openInterest: 0 as Contracts }),
      contract({ strike: 555.5 }),
      contract({ expiry: isoDate('2025-03-14'), strike: 600 }),
      contract({ underlying: 'QQQ' }),
      contract(),
    ];
    await loadSource(store, id('c', 'chain'), rows, 2);
    assert.deepEqual(await store.chainRows('SPY'), [rows[3], rows[2], rows[5], rows[1], rows[0]]);
    assert.deepEqual(await store.chainRows('SPY', null), await store.chainRows('SPY'));
    assert.deepEqual(await store.chainRows('SPY', (monday - 1) as EpochMs), [rows[3], rows[2], rows[5], rows[1]]);
    assert.deepEqual(await store.chainRows('QQQ'), [rows[4]]);
    assert.deepEqual(await store.chainRows('IWM'), []);
  }));

  test(`${name}: a source's rows stay invisible until it completes, then its state records what it stored and the reader's counts`, () => withStore(async (store) => {
    const s = await store.openSource(id('a'));
    assert.deepEqual({ status: s.status, rowsStaged: s.rowsStaged, report: s.report }, { status: 'loading', rowsStaged: 0, report: null });
    const c = await store.putPrints([print(), print({ ts: (OPEN + 1) as EpochMs })], s);
    assert.deepEqual(await store.prints('SPY', DAY), []);
    assert.deepEqual(await store.days(), []);
    const done = await store.completeSource(c, { rowsRead: 4, accepted: 2, rejected: 1, excluded: 1 });
    assert.deepEqual(
      { status: done.status, rowsStaged: done.rowsStaged, rowsStored: done.rowsStored, rowsDuplicate: done.rowsDuplicate, report: done.report, name: done.name },
      { status: 'complete', rowsStaged: 2, rowsStored: 2, rowsDuplicate: 0, report: { rowsRead: 4, accepted: 2, rejected: 1, excluded: 1 }, name: 'a' },
    );
    assert.equal((await store.prints('SPY', DAY)).length, 2);
    assert.deepEqual((await store.sources()).map((x) => [x.sourceId, x.status]), [[done.sourceId, 'complete']]);
  }));

  test(`${name}: loading the same bytes twice changes nothing: the completed source is found by its sha256 and refuses rows`, () => withStore(async (store) => {
    const first = await loadSource(store, id('a'), [print(), print({ strike: 565 })]);
    const again = await store.openSource({ ...id('a'), name: 'a copy under another name' });
    assert.deepEqual(again, first);
    await assert.rejects(store.putPrints([print()], again), SourceStateError);
    await assert.rejects(store.completeSource(again, reportOf(2)), SourceStateError);
    assert.equal((await store.prints('SPY', DAY)).length, 2);
    assert.equal((await store.sources()).length, 1);
  }));

  test(`${name}: identical prints in one source are distinct trades (all kept); the same print in another source is stored once`, () => withStore(async (store) => {
    const p = print(), q = print({ size: 11 as Contracts });
    const a = await loadSource(store, id('a'), [p, p, q], 2);
    assert.deepEqual([a.rowsStored, a.rowsDuplicate], [3, 0]);
    const b = await loadSource(store, id('b'), [q, p]);
    assert.deepEqual([b.rowsStored, b.rowsDuplicate], [0, 2]);
    const c = await loadSource(store, id('c'), [p, p, p]);
    assert.deepEqual([c.rowsStored, c.rowsDuplicate], [1, 2]);
    assert.deepEqual(await store.prints('SPY', DAY), [p, p, q, p]);
  }));

  test(`${name}: prints with the same ts come back in load order: source first, then position in the source`, () => withStore(async (store) => {
    const rows = [print({ strike: 3 }), print({ strike: 1 }), print({ strike: 2 })];
    await loadSource(store, id('a'), rows.slice(0, 2));
    await loadSource(store, id('b'), rows.slice(2));
    assert.deepEqual((await store.prints('SPY', DAY)).map((t) => t.strike), [3, 1, 2]);
  }));

  test(`${name}: a chain row for a contract and snapshot already held (in the same source or an earlier one) is a duplicate; the first stays`, () => withStore(async (store) => {
    const first = contract({ openInterest: 100 as Contracts });
    const a = await loadSource(store, id('a', 'chain'), [first, contract({ openInterest: 200 as Contracts }), contract({ right: 'P' })], 1);
    assert.deepEqual([a.rowsStored, a.rowsDuplicate], [2, 1]);
    const b = await loadSource(store, id('b', 'chain'), [contract({ openInterest: 300 as Contracts }), contract({ strike: 565 })]);
    assert.deepEqual([b.rowsStored, b.rowsDuplicate], [1, 1]);
    assert.deepEqual((await store.chainRows('SPY')).map((c) => [c.strike, c.right, c.openInterest]), [[560, 'C', 100], [560, 'P', 1200], [565, 'C', 1200]]);
  }));

  test(`${name}: a put that does not continue from the source's marker (stale or doubled writer), or of the other kind, is refused and stages nothing`, () => withStore(async (store) => {
    const s = await store.openSource(id('a'));
    const c1 = await store.putPrints([print()], s);
    await assert.rejects(store.putPrints([print()], s), (e) => e instanceof SourceStateError && /has 1 rows staged; the call continued from 0/.test(e.message));
    await assert.rejects(store.putChainRows([contract()], c1), SourceStateError);
    await assert.rejects(store.putPrints([print()], { sourceId: 999, rowsStaged: 0 }), /source 999 is unknown/);
    await assert.rejects(store.completeSource({ ...c1, rowsStaged: 5 }, reportOf(5)), SourceStateError);
    const done = await store.completeSource(c1, reportOf(1));
    assert.equal(done.rowsStored, 1);
    assert.deepEqual(await store.prints('SPY', DAY), [print()]);
  }));

  test(`${name}: a load stopped half-way survives a restart at its marker, resumes there, and completes with every row once`, async () => {
    const rows = Array.from({ length: 25 }, (_, i) => print({ ts: (OPEN + i) as EpochMs }));
    const h = await harness();
    try {
      const before = await h.open();
      let cursor: SourceCursor = await before.openSource(id('big'));
      cursor = await before.putPrints(rows.slice(0, 10), cursor);
      cursor = await before.putPrints(rows.slice(10, 20), cursor);
      await before.close();
      const after = await h.open();
      const state = await after.openSource(id('big'));
      assert.deepEqual([state.status, state.rowsStaged, state.sourceId], ['loading', 20, cursor.sourceId]);
      assert.deepEqual(await after.prints('SPY', DAY), []);
      const done = await after.completeSource(await after.putPrints(rows.slice(state.rowsStaged), state), reportOf(25));
      assert.deepEqual([done.rowsStored, done.rowsDuplicate], [25, 0]);
      await after.close();
      const last = await h.open();
      assert.deepEqual(await last.prints('SPY', DAY), rows);
      await last.close();
    } finally {
      await h.dispose();
    }
  });

  test(`${name}: printCounts counts the prints held (a print loaded from two sources once, identical ones in a source each) by New York day, for one symbol when asked; chainRowCounts the rows with asOf ≤ upTo`, () => withStore(async (store) => {
    const late = Date.parse('2025-03-14T23:30:00-04:00') as EpochMs;
    assert.deepEqual(await store.printCounts(DAY), new Map());
    await loadSource(store, id('a'), [print(), print(), print({ ts: late }), print({ underlying: 'QQQ' }), print({ ts: Date.parse('2025-03-17T10:00:00-04:00') as EpochMs })]);
    await loadSource(store, id('b'), [print(), print({ underlying: 'QQQ', strike: 1 })]);
    assert.deepEqual(await store.printCounts(DAY), new Map([['QQQ', 2], ['SPY', 3]]));
    assert.deepEqual(await store.printCounts(DAY, 'SPY'), new Map([['SPY', 3]]));
    assert.deepEqual(await store.printCounts(DAY, 'IWM'), new Map());
    assert.deepEqual(await store.printCounts(isoDate('2025-03-17')), new Map([['SPY', 1]]));
    assert.equal((await store.printCounts(DAY, 'SPY')).get('SPY'), (await store.prints('SPY', DAY)).length);
    const monday = Date.parse('2025-03-17T16:00:00-04:00') as EpochMs;
    await loadSource(store, id('c', 'chain'), [contract(), contract({ right: 'P' }), contract({ asOf: monday }), contract({ underlying: 'QQQ', asOf: monday })]);
    assert.deepEqual(await store.chainRowCounts((monday - 1) as EpochMs), new Map([['SPY', 2]]));
    assert.deepEqual(await store.chainRowCounts(monday), new Map([['QQQ', 1], ['SPY', 3]]));
  }));

  test(`${name}: day signals: none until put; put keeps stamp, stats and signals; a second put for the same underlying and day replaces; stamps by day; all kept across a restart`, async () => {
    const [a, b, c] = fc.sample(flowSignalArbitrary, { numRuns: 3, seed: 42 }) as [FlowSignal, FlowSignal, FlowSignal];
    const stamp: DaySignalsStamp = { prints: 120, chainRows: 7, flowSettings: 'f0' };
    const stats = { prints: 120, sidesInferred: 3, crossedOrLocked: 1, contractDays: 9, signals: 2 };
    const first: StoredDaySignals = { stamp, stats, signals: [a, b] };
    const second: StoredDaySignals = { stamp: { ...stamp, prints: 121 }, stats: { ...stats, prints: 121 }, signals: [c] };
    const h = await harness();
    try {
      const store = await h.open();
      assert.equal(await store.daySignals('SPY', DAY), null);
      assert.deepEqual(await store.daySignalStamps(DAY), new Map());
      await store.putDaySignals('SPY', DAY, first);
      await store.putDaySignals('QQQ', DAY, { ...first, signals: [] });
      await store.putDaySignals('SPY', isoDate('2025-03-17'), first);
      assert.deepStrictEqual(await store.daySignals('SPY', DAY), first);
      await store.putDaySignals('SPY', DAY, second);
      assert.deepStrictEqual(await store.daySignals('SPY', DAY), second);
      assert.deepStrictEqual(await store.daySignals('QQQ', DAY), { ...first, signals: [] });
      assert.equal(await store.daySignals('IWM', DAY), null);
      assert.deepStrictEqual(await store.daySignalStamps(DAY), new Map([['QQQ', stamp], ['SPY', second.stamp]]));
      await store.close();
      const reopened = await h.open();
      assert.deepStrictEqual(await reopened.daySignals('SPY', DAY), second);
      assert.deepStrictEqual(await reopened.daySignals('SPY', isoDate('2025-03-17')), first);
      await reopened.close();
    } finally {
      await h.dispose();
    }
  });

  test(`${name}: property: stored day signals come back exactly, every number the same double (-0, NaN, ±Infinity, subnormals, 0.1 + 0.2)`, () => withStore(async (store) => {
    await fc.assert(fc.asyncProperty(fc.array(flowSignalArbitrary, { maxLength: 5 }), fc.nat(), async (signals, prints) => {
      const stored: StoredDaySignals = {
        stamp: { prints, chainRows: 0, flowSettings: 'f' },
        stats: { prints, sidesInferred: 0, crossedOrLocked: 0, contractDays: 0, signals: signals.length }, signals,
      };
      await store.putDaySignals('SPY', DAY, stored);
      assert.deepStrictEqual(await store.daySignals('SPY', DAY), stored);
    }), { numRuns: 40 });
  }));

  test(`${name}: property: after any sources in any batching, each print's stored count is the largest count one source holds (the natural-key rule)`, async () => {
    const printArb = fc.record({
      t: fc.integer({ min: 0, max: 3 }), strike: fc.constantFrom(1, 2.5), side: fc.constantFrom<Side | null>(null, 'buy'),
      underlying: fc.constantFrom('SPY', 'QQQ'),
    }).map(({ t, strike, side, underlying }) => print({ ts: (OPEN + t * 1000) as EpochMs, strike, side, underlying }));
    await fc.assert(fc.asyncProperty(
      fc.array(fc.record({ rows: fc.array(printArb, { maxLength: 12 }), batch: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 3 }),
      async (sources) => {
        const h = await harness();
        const store = await h.open();
        try {
          for (const [i, s] of sources.entries()) await loadSource(store, id(`s${i}`), s.rows, s.batch);
          const expected = keyRuleExpectation(sources.map((x) => x.rows));
          const got = new Map<string, number>();
          for (const sym of ['SPY', 'QQQ']) {
            const stored = await store.prints(sym, DAY, CLOSE as EpochMs);
            assert.deepEqual(stored.map((t) => t.ts), [...stored.map((t) => t.ts)].sort((a, b) => a - b));
            countRows(stored, got);
          }
          assert.deepEqual(new Map([...got].sort()), new Map([...expected].sort()));
        } finally {
          await store.close();
          await h.dispose();
        }
      },
    ), { numRuns: 15 });
  });
  test(`${name}: equity prints and quotes come back field for field (null quote sides, a 32-bit condition mask, quoted venue text), in time order, by symbol and New York day, up to and including upTo`, () => withStore(async (store) => {
    const late = Date.parse('2025-03-14T23:30:00-04:00') as EpochMs;
    const prints = [
      equityPrint({ ts: (OPEN + 3000) as EpochMs, exchange: 'a,b"c', conditions: 0x80000020 }),
      equityPrint({ ts: (OPEN + 1000) as EpochMs, bid: null, ask: null, price: 0.0001 as PricePerShare, size: 1 as Shares }),
      equityPrint({ ts: (OPEN + 2000) as EpochMs, symbol: 'SPY', exchange: '' }),
      equityPrint({ ts: late, bid: 0.1 as PricePerShare, ask: 0.05 as PricePerShare }),
      equityPrint({ ts: Date.parse('2025-03-17T10:00:00-04:00') as EpochMs, size: 3_000_000_000 as Shares }),
    ];
    const quotes = [quote({ ts: (OPEN + 5) as EpochMs }), quote({ ts: (OPEN + 1) as EpochMs, bid: null, ask: 182.2 as PricePerShare }), quote({ ts: late, symbol: 'SPY' })];
    await loadSource(store, id('e', 'equity-prints'), prints, 2);
    await loadSource(store, id('q', 'equity-quotes'), quotes, 2);
    assert.deepStrictEqual(await store.equityPrints('IBM', DAY), [prints[1], prints[0], prints[3]]);
    assert.deepStrictEqual(await store.equityPrints('IBM', DAY, (OPEN + 3000) as EpochMs), [prints[1], prints[0]]);
    assert.deepStrictEqual(await store.equityPrints('IBM', isoDate('2025-03-17')), [prints[4]]);
    assert.deepStrictEqual(await store.equityPrints('SPY', DAY), [prints[2]]);
    assert.deepStrictEqual(await store.equityPrints('QQQ', DAY), []);
    assert.deepStrictEqual(await store.equityQuotes('IBM', DAY), [quotes[1], quotes[0]]);
    assert.deepStrictEqual(await store.equityQuotes('IBM', DAY, OPEN as EpochMs), []);
    assert.deepStrictEqual(await store.equityQuotes('SPY', DAY), [quotes[2]]);
    // Option prints are not equity prints and equity prints are not option prints.
    assert.deepEqual(await store.prints('IBM', DAY), []);
  }));

  test(`${name}: equityDays, equitySymbols and equityPrintCounts describe the equity prints held (quotes and option prints add nothing), counts exact with duplicates merged`, () => withStore(async (store) => {
    assert.deepEqual([await store.equityDays(), await store.equitySymbols(), await store.equityPrintCounts(DAY)], [[], [], new Map()]);
    await loadSource(store, id('o'), [print({ underlying: 'QQQ' })]);
    await loadSource(store, id('q', 'equity-quotes'), [quote({ symbol: 'TSLA', ts: Date.parse('2025-03-13T10:00:00-04:00') as EpochMs })]);
    const p = equityPrint();
    await loadSource(store, id('a', 'equity-prints'), [p, p, equityPrint({ symbol: 'BAC' }), equityPrint({ ts: Date.parse('2025-03-17T10:00:00-04:00') as EpochMs })]);
    await loadSource(store, id('b', 'equity-prints'), [p, equityPrint({ size: 1 as Shares })]);
    assert.deepEqual(await store.equityDays(), ['2025-03-14', '2025-03-17']);
    assert.deepEqual(await store.equitySymbols(), ['BAC', 'IBM']);
    assert.deepEqual(await store.equitySymbols(isoDate('2025-03-17')), ['IBM']);
    assert.deepEqual(await store.equitySymbols(isoDate('2025-03-13')), []);
    assert.deepEqual(await store.equityPrintCounts(DAY), new Map([['BAC', 1], ['IBM', 3]]));
    assert.deepEqual(await store.equityPrintCounts(DAY, 'IBM'), new Map([['IBM', 3]]));
    assert.equal((await store.equityPrints('IBM', DAY)).length, 3);
    assert.deepEqual(await store.days(), ['2025-03-14']);
  }));

  test(`${name}: equity loads are idempotent: the same bytes again are already complete; identical prints or quotes in one source are all kept, the same in another source stored once`, () => withStore(async (store) => {
    const p = equityPrint(), q = equityPrint({ size: 100 as Shares });
    const a = await loadSource(store, id('a', 'equity-prints'), [p, p, q], 2);
    assert.deepEqual([a.rowsStored, a.rowsDuplicate], [3, 0]);
    assert.deepEqual(await store.openSource(id('a', 'equity-prints')), a);
    await assert.rejects(store.putEquityPrints([p], a), SourceStateError);
    const b = await loadSource(store, id('b', 'equity-prints'), [q, p, p, p]);
    assert.deepEqual([b.rowsStored, b.rowsDuplicate], [1, 3]);
    assert.deepStrictEqual(await store.equityPrints('IBM', DAY), [p, p, q, p]);
    const u = quote();
    const qa = await loadSource(store, id('a', 'equity-quotes'), [u, u]);
    const qb = await loadSource(store, id('b', 'equity-quotes'), [u]);
    assert.deepEqual([qa.rowsStored, qb.rowsStored, qb.rowsDuplicate], [2, 0, 1]);
    assert.deepStrictEqual(await store.equityQuotes('IBM', DAY), [u, u]);
    // The same sha256 under another kind is another source.
    assert.equal((await store.sources()).length, 4);
  }));

  test(`${name}: an equity put of the wrong kind or not continuing from the marker is refused; an equity load stopped half-way survives a restart at its marker and resumes with every row once`, async () => {
    const prints = Array.from({ length: 25 }, (_, i) => equityPrint({ ts: (OPEN + i) as EpochMs }));
    const quotes = Array.from({ length: 7 }, (_, i) => quote({ ts: (OPEN + i) as EpochMs }));
    const h = await harness();
    try {
      const before = await h.open();
      let cursor: SourceCursor = await before.openSource(id('big', 'equity-prints'));
      await assert.rejects(before.putEquityQuotes(quotes, cursor), SourceStateError);
      await assert.rejects(before.putPrints([print()], cursor), SourceStateError);
      cursor = await before.putEquityPrints(prints.slice(0, 10), cursor);
      await assert.rejects(before.putEquityPrints(prints.slice(10, 20), { ...cursor, rowsStaged: 0 }), SourceStateError);
      cursor = await before.putEquityPrints(prints.slice(10, 20), cursor);
      let qc: SourceCursor = await before.openSource(id('qs', 'equity-quotes'));
      qc = await before.putEquityQuotes(quotes.slice(0, 3), qc);
      await before.close();
      const after = await h.open();
      const state = await after.openSource(id('big', 'equity-prints'));
      assert.deepEqual([state.status, state.rowsStaged, state.sourceId], ['loading', 20, cursor.sourceId]);
      assert.deepEqual([await after.equityPrints('IBM', DAY), await after.equityDays()], [[], []]);
      const done = await after.completeSource(await after.putEquityPrints(prints.slice(state.rowsStaged), state), reportOf(25));
      assert.deepEqual([done.rowsStored, done.rowsDuplicate], [25, 0]);
      const qs = await after.openSource(id('qs', 'equity-quotes'));
      assert.deepEqual([qs.rowsStaged, qs.sourceId], [3, qc.sourceId]);
      await after.completeSource(await after.putEquityQuotes(quotes.slice(qs.rowsStaged), qs), reportOf(7));
      await after.close();
      const last = await h.open();
      assert.deepStrictEqual(await last.equityPrints('IBM', DAY), prints);
      assert.deepStrictEqual(await last.equityQuotes('IBM', DAY), quotes);
      assert.deepEqual(await last.equityPrintCounts(DAY), new Map([['IBM', 25]]));
      await last.close();
    } finally {
      await h.dispose();
    }
  });

  test(`${name}: property: after any equity sources in any batching, each equity print's stored count is the largest count one source holds (the natural-key rule)`, async () => {
    const printArb = fc.record({
      t: fc.integer({ min: 0, max: 3 }), bid: fc.constantFrom<number | null>(null, 182.09), symbol: fc.constantFrom('IBM', 'BAC'),
    }).map(({ t, bid, symbol }) => equityPrint({ ts: (OPEN + t * 1000) as EpochMs, bid: bid as PricePerShare | null, symbol }));
    await fc.assert(fc.asyncProperty(
      fc.array(fc.record({ rows: fc.array(printArb, { maxLength: 12 }), batch: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 3 }),
      async (sources) => {
        const h = await harness();
        const store = await h.open();
        try {
          for (const [i, s] of sources.entries()) await loadSource(store, id(`s${i}`, 'equity-prints'), s.rows, s.batch);
          const expected = keyRuleExpectation(sources.map((x) => x.rows));
          const got = new Map<string, number>();
          for (const sym of ['IBM', 'BAC']) {
            const stored = await store.equityPrints(sym, DAY, CLOSE as EpochMs);
            assert.equal((await store.equityPrintCounts(DAY, sym)).get(sym) ?? 0, stored.length);
            countRows(stored, got);
          }
          assert.deepEqual(new Map([...got].sort()), new Map([...expected].sort()));
        } finally {
          await store.close();
          await h.dispose();
        }
      },
    ), { numRuns: 15 });
  });
}

/** Adds each row (as its JSON) to the multiset `into`. */
function countRows(rows: readonly unknown[], into: Map<string, number>): void {
  for (const r of rows) into.set(JSON.stringify(r), (into.get(JSON.stringify(r)) ?? 0) + 1);
}

/**
 * The natural-key rule as a multiset: a row that occurs n times in one source is stored n times (occurrence is
 * part of the key), and a row present in several sources is stored as often as in the source holding it most.
 */
function keyRuleExpectation(sources: readonly (readonly unknown[])[]): Map<string, number> {
  const expected = new Map<string, number>();
  for (const rows of sources) {
    const here = new Map<string, number>();
    countRows(rows, here);
    for (const [k, n] of here) expected.set(k, Math.max(n, expected.get(k) ?? 0));
  }
  return expected;
}
