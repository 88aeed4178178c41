import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DarkPoolBook, medianOfCounts } from './dark-pool-book.ts';
import { DEFAULT_DARK_POOL_SETTINGS as S } from './dark-pool-settings.ts';
import type { EquityPrint } from './equity-print.ts';
import { classifyPrint, isInformative, PRINT_OFF_EXCHANGE } from './print-classification.ts';
import type { InferredSide, SideSource } from './trade-side.ts';
import { type EpochMs, type PricePerShare, type Shares, isoDate } from '../units.ts';

const DAY = isoDate('2013-10-08');
const p = (iso: string, exchange: string, size: number, price: number, conditions = 1): EquityPrint => ({
  ts: Date.parse(iso) as EpochMs, symbol: 'X', price: price as PricePerShare, size: size as Shares, exchange, conditions, bid: null, ask: null,
});

test('DarkPoolBook by hand: six prints of one day → totals, inferred premium split, block, exclusions, levels, last price', () => {
  const settings = { ...S, unusualMedianMultiple: 10 };
  const book = new DarkPoolBook('X', DAY, settings);
  const feed: [EquityPrint, InferredSide, SideSource][] = [
    [p('2013-10-08T13:30:00Z', 'Q', 100, 10.0), 'unknown', 'tick'],
    [p('2013-10-08T14:00:00Z', 'D', 1000, 10.02), 'buy', 'quote'],
    [p('2013-10-08T14:01:00Z', 'D', 20_000, 10.01), 'sell', 'quote'],
    [p('2013-10-08T14:02:00Z', 'D', 500, 10.03, 0x100000), 'buy', 'quote'], // average price: side ignored
    [p('2013-10-08T21:00:00Z', 'D', 300, 10.1), 'buy', 'tick'], // 17:00 New York: after hours
    [p('2013-10-08T15:00:00Z', 'D', 100, 10.04, 0x20), 'buy', 'tick'],
  ];
  for (const [x, side, source] of feed) book.add(x, classifyPrint(x, settings), side, source);
  const d = book.summary();
  assert.equal(d.total_volume, 22_000);
  assert.equal(d.off_exchange_volume, 21_900);
  assert.equal(d.off_exchange_share, 21_900 / 22_000);
  assert.deepEqual(d.regular_session, { total_volume: 21_700, off_exchange_volume: 21_600, off_exchange_share: 21_600 / 21_700 });
  // 10,020 + 200,200 + 5,015 + 3,030 + 1,004
  assert.equal(d.dp_premium, 219_269);
  assert.equal(d.dp_buy_premium, 11_024);
  assert.equal(d.dp_sell_premium, 200_200);
  assert.equal(d.dp_unknown_premium, 8_045);
  assert.equal(d.dp_net_premium, -189_176);
  assert.deepEqual(d.side_sources, { quote: 2, tick: 1, unknown: 0 });
  assert.equal(d.blocks, 1);
  assert.equal(d.block_premium, 200_200);
  assert.deepEqual(d.iso, { prints: 1, volume: 100, premium: 1004 });
  // Median informative off-exchange size of {1,000, 20,000, 100} is 1,000; × 10 = 10,000 ≤ 20,000.
  assert.equal(d.unusual_block_min_size, 10_000);
  assert.deepEqual(d.unusual_blocks.map((b) => [b.size, b.premium, b.side, b.side_source, b.conditions]), [[20_000, 200_200, 'sell', 'quote', ['regular']]]);
  assert.equal(d.last_price, 10.04);
  assert.equal(d.level_step, 0.01);
  assert.deepEqual(d.levels.map((l) => [l.price_low, l.volume, l.kind, l.share_of_dp_volume]), [
    [10.01, 20_000, 'support', 20_000 / 21_100], [10.02, 1000, 'support', 1000 / 21_100], [10.04, 100, 'at_last', 100 / 21_100],
  ]);
  assert.deepEqual(d.excluded, {
    prints: 2, volume: 800, after_hours: 1, after_hours_volume: 300, non_informative: 1, non_informative_volume: 500,
    by_condition: { average_price: 1 },
  });
  assert.equal(book.summary(), d, 'cached until the next print');
});

test('medianOfCounts: lower median of a multiset', () => {
  assert.equal(medianOfCounts(new Map([[100, 3], [200, 1]]), 4), 100);
  assert.equal(medianOfCounts(new Map([[100, 1], [200, 1], [300, 1]]), 3), 200);
  assert.equal(medianOfCounts(new Map(), 0), 0);
});

const VENUES = ['D', 'D', 'Q', 'P', 'N'] as const;
const CONDITIONS = [1, 1, 0x20, 0x20000020, 0x100000, 0x2000000, 0x2000] as const;
const SIDES: readonly InferredSide[] = ['buy', 'sell', 'unknown'];
const printsArb = fc.uniqueArray(fc.record({
  // Distinct times across the 2013-10-08 New York day (04:00–20:00 EDT), so some fall outside the session.
  ms: fc.integer({ min: 0, max: 16 * 3_600_000 }),
  venue: fc.integer({ min: 0, max: VENUES.length - 1 }),
  cond: fc.integer({ min: 0, max: CONDITIONS.length - 1 }),
  size: fc.integer({ min: 1, max: 30_000 }),
  cents: fc.integer({ min: 16_000, max: 17_000 }),
  side: fc.integer({ min: 0, max: 2 }),
}), { selector: (r) => r.ms, maxLength: 80 });

type Row = { ms: number; venue: number; cond: number; size: number; cents: number; side: number };

function run(rows: readonly Row[]) {
  const settings = { ...S, levelCount: 1_000_000 };
  const book = new DarkPoolBook('X', DAY, settings);
  const base = Date.parse('2013-10-08T08:00:00Z');
  for (const r of rows) {
    const x: EquityPrint = {
      ts: (base + r.ms) as EpochMs, symbol: 'X', price: (r.cents / 100) as PricePerShare, size: r.size as Shares,
      exchange: VENUES[r.venue] as string, conditions: CONDITIONS[r.cond] as number, bid: null, ask: null,
    };
    book.add(x, classifyPrint(x, settings), SIDES[r.side] as InferredSide, r.side === 0 ? 'quote' : 'tick');
  }
  return { d: book.summary(), settings, base };
}

test('property: volume conserved (total = lit + off; off = levels + excluded), premium = buy + sell + unknown, level shares sum to 1', () => {
  fc.assert(fc.property(printsArb, (rows) => {
    const { d, settings, base } = run(rows);
    assert.equal(d.total_volume, rows.reduce((s, r) => s + r.size, 0));
    let informativeOff = 0;
    for (const r of rows) {
      const x: EquityPrint = { ts: (base + r.ms) as EpochMs, symbol: 'X', price: (r.cents / 100) as PricePerShare, size: r.size as Shares,
        exchange: VENUES[r.venue] as string, conditions: CONDITIONS[r.cond] as number, bid: null, ask: null };
      const c = classifyPrint(x, settings);
      if ((c & PRINT_OFF_EXCHANGE) !== 0 && isInformative(c)) informativeOff += r.size;
    }
    const levelVolume = d.levels.reduce((s, l) => s + l.volume, 0);
    assert.equal(levelVolume, informativeOff);
    assert.equal(d.off_exchange_volume, levelVolume + d.excluded.volume);
    assert.ok(Math.abs(d.dp_buy_premium + d.dp_sell_premium + d.dp_unknown_premium - d.dp_premium) < 1e-6);
    if (d.levels.length > 0) assert.ok(Math.abs(d.levels.reduce((s, l) => s + l.share_of_dp_volume, 0) - 1) < 1e-9);
    assert.ok(d.off_exchange_share >= 0 && d.off_exchange_share <= 1);
  }));
});

test('property: with distinct timestamps the summary does not depend on the order prints are added in', () => {
  fc.assert(fc.property(printsArb, fc.integer({ min: 0, max: 1_000_000 }), (rows, seed) => {
    const shuffled = rows.map((r, i) => ({ r, k: (i * 7919 + seed) % 104_729 })).sort((a, b) => a.k - b.k).map((x) => x.r);
    assert.deepEqual(run(shuffled).d, run(rows).d);
  }));
});
