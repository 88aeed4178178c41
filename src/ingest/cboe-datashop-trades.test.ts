import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OptionTrade } from '../core/options-flow/option-trade.ts';
import { newYorkWallClockToEpochMs } from '../core/calendar/new-york-date.ts';
import { isoDate } from '../core/units.ts';
import { readCboeDataShopTrades } from './cboe-datashop-trades.ts';
import { IngestReport, RowRejectedError } from './ingest-report.ts';

const fixtures = fileURLToPath(new URL('../../test-fixtures/ingest/cboe/', import.meta.url));
const realSample = fileURLToPath(new URL(
  '../../../shared/data/cboe-vix-option-trades-sample/UnderlyingOptionsTrades_2016-06-01.csv', import.meta.url));
const needsShared = existsSync(realSample) ? {} : { skip: 'needs ../shared/data' };

async function collect(gen: AsyncGenerator<OptionTrade[]>): Promise<OptionTrade[]> {
  const out: OptionTrade[] = [];
  for await (const b of gen) out.push(...b);
  return out;
}

const sum = (ts: readonly OptionTrade[]): number => ts.reduce((s, t) => s + t.size, 0);

test('DataShop layout: New York wall clock 2016-06-01 09:30:01.500 (EDT) is 13:30:01.500 UTC; roots map to underlyings', async () => {
  const report = new IngestReport();
  const trades = await collect(readCboeDataShopTrades(join(fixtures, 'datashop-option-trades.csv'), { report, strict: true }));
  assert.equal(trades.length, 6);
  assert.deepEqual(trades[0], {
    ts: Date.parse('2016-06-01T13:30:01.500Z'), underlying: 'VIX', expiry: '2016-06-15', strike: 16, right: 'P',
    price: 1.2, size: 50, bid: 0, ask: 0, exchange: '5', condition: '0', side: null,
  });
  assert.equal(trades[3]?.ts, Date.parse('2016-06-01T15:20:10.300Z'), '".3" is 300 ms');
  assert.equal(trades[3]?.condition, '2');
  assert.deepEqual(trades.map((t) => t.underlying), ['VIX', 'VIX', 'VIX', 'VIX', 'SPXW', 'SPXW']);
  assert.equal(trades[4]?.exchange, '42');
  assert.equal(trades[4]?.condition, '95');
  assert.equal(sum(trades), 685);
  assert.equal(report.rowsRead, 8);
  assert.deepEqual(Object.fromEntries(report.excludedReasons), { 'cancelled trade': 1, 'cancel report': 1 });
});

test('DataShop with Calcs columns and an empty number_of_exchanges (after 2022-06-13): columns are found by name', async () => {
  const report = new IngestReport();
  const trades = await collect(readCboeDataShopTrades(join(fixtures, 'datashop-option-trades-calcs.csv'), { report, strict: true }));
  assert.equal(trades.length, 2);
  assert.equal(trades[0]?.ts, Date.parse('2024-01-10T15:00:00.125Z'), '10:00 EST is 15:00 UTC');
  assert.deepEqual([trades[1]?.price, trades[1]?.bid, trades[1]?.ask, trades[1]?.size], [0.4, 0.38, 0.42, 7]);
  assert.equal(trades[1]?.underlying, 'XSP');
});

test('DataShop bad rows: each is rejected on its field with the raw value; accepted + rejected + excluded = rows read', async () => {
  const report = new IngestReport();
  const trades = await collect(readCboeDataShopTrades(join(fixtures, 'datashop-option-trades-bad-rows.csv'), { report, strict: false }));
  assert.equal(trades.length, 2);
  assert.equal(report.rowsRead, 12);
  assert.equal(report.accepted + report.rejected + report.excluded, report.rowsRead);
  assert.equal(report.excluded, 1);
  assert.deepEqual(report.rejections.map((r) => [r.line, r.field, r.value]), [
    [3, 'number_of_exchanges', '2'],
    [4, 'quote_datetime', '2016-06-01T10:17:00-04:00'],
    [5, 'quote_datetime', '2016-06-31 10:18:00.000'],
    [6, 'strike', '0'],
    [7, 'option_type', 'X'],
    [8, 'trade_size', '1.5'],
    [9, 'canceled_trade_condition_id', '3'],
    [10, 'trade_condition_id', 'abc'],
    [11, 'best_bid', '-0.0500'],
  ]);
  assert.match(report.rejections[0]?.reason ?? '', /5 quote fields after it; expected 2 × 5 = 10/);
});

test('DataShop strict mode: a cancelled trade is excluded without stopping; the first bad row throws', async () => {
  const report = new IngestReport();
  await assert.rejects(
    collect(readCboeDataShopTrades(join(fixtures, 'datashop-option-trades-bad-rows.csv'), { report, strict: true })),
    (e: unknown) => e instanceof RowRejectedError && e.rejection.line === 3 && e.rejection.field === 'number_of_exchanges');
  const ok = new IngestReport();
  await collect(readCboeDataShopTrades(join(fixtures, 'datashop-option-trades.csv'), { report: ok, strict: true }));
  assert.equal(ok.excluded, 2);
});

test('real Cboe ^VIX sample 2016-06-01: 2,295 rows, 306,679 contracts; the one cancel (180 lots) and its report are excluded', needsShared, async () => {
  const report = new IngestReport();
  const trades = await collect(readCboeDataShopTrades(realSample, { report, strict: true }));
  assert.equal(report.rowsRead, 2295);
  assert.equal(report.rejected, 0);
  assert.deepEqual(Object.fromEntries(report.excludedReasons), { 'cancelled trade': 1, 'cancel report': 1 });
  assert.equal(trades.length, 2293);
  assert.equal(sum(trades), 306_679 - 180 - 180);
  // SOURCE.md: "trade_condition_id values: 0 ×1493, 35 ×719, 106 ×49, 13 ×22, 95 ×9, 2 ×2, 40 ×1"; the cancelled
  // trade was a condition-35 print, so 718 of the 35s remain and the condition-40 report is gone.
  const byCondition = new Map<string, number>();
  for (const t of trades) byCondition.set(t.condition, (byCondition.get(t.condition) ?? 0) + 1);
  assert.deepEqual(Object.fromEntries(byCondition), { 0: 1493, 35: 718, 106: 49, 13: 22, 95: 9, 2: 2 });
  const day = isoDate('2016-06-01');
  const open = newYorkWallClockToEpochMs(day, 9, 30, 0, 0);
  const close = newYorkWallClockToEpochMs(day, 16, 15, 0, 0);
  assert.ok(trades.every((t) => t.ts >= open && t.ts <= close), 'every print in 09:30–16:15 New York');
  const times = trades.map((t) => t.ts);
  assert.equal(Math.min(...times), newYorkWallClockToEpochMs(day, 9, 30, 2, 25), 'SOURCE.md span starts 09:30:02.025');
  assert.equal(Math.max(...times), newYorkWallClockToEpochMs(day, 16, 14, 52, 675), 'SOURCE.md span ends 16:14:52.675');
  assert.ok(trades.every((t) => t.underlying === 'VIX' && t.exchange === '5' && t.side === null));
  const correction = trades.filter((t) => t.ts === newYorkWallClockToEpochMs(day, 14, 22, 45, 600));
  assert.deepEqual(correction.map((t) => [t.expiry, t.strike, t.right, t.price, t.size, t.condition]),
    [['2016-07-20', 18, 'P', 2.25, 180, '2']], 'the out-of-sequence correction of the cancelled print is kept');
});
