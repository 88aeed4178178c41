import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildServer } from './build-server.ts';
import { InMemoryMarketData } from './in-memory-market-data.ts';

/*
 * POST /v1/ingest/equity-trades: equity prints arrive live, the dark pool endpoint and the conviction leaderboard
 * see them, and bad rows are reported with their line numbers. Prints written by hand (docs/formats.md).
 */
const HEADER = 'ts,symbol,price,size,exchange,conditions,bid,ask';
const rows = [
  // Off-exchange blocks at the ask (buys by the quote rule): 20,000 × $179.52 = $3,590,400 each.
  '2013-10-08T10:00:00.000-04:00,IBM,179.52,20000,D,,179.50,179.52',
  '2013-10-08T10:05:00.000-04:00,IBM,179.60,20000,D,,179.58,179.60',
  // Lit prints and one average-price off-exchange print (non-informative: no side, no level).
  '2013-10-08T10:06:00.000-04:00,IBM,179.55,100,N,,179.54,179.56',
  '2013-10-08T10:07:00.000-04:00,IBM,179.50,5000,D,average_price,,',
];

test('live equity prints: accepted rows feed the dark pool and the leaderboard; bad rows are listed with line and field', async () => {
  const app = await buildServer(new InMemoryMarketData());
  const before = await app.inject({ method: 'GET', url: '/v1/darkpool/IBM/levels' });
  assert.equal(before.statusCode, 404);
  assert.match(before.json().message, /POST \/v1\/ingest\/equity-trades/);
  const body = [HEADER, ...rows, '2013-10-08T10:08:00.000-04:00,IBM,-1,100,D,,,', '2013-10-08T10:09:00.000-04:00,IBM,179.5,100,D,bogus_condition,,'].join('\n');
  const r = await app.inject({ method: 'POST', url: '/v1/ingest/equity-trades', headers: { 'content-type': 'text/csv' }, payload: body });
  assert.equal(r.statusCode, 200);
  const res = r.json() as { accepted: number; rejected: number; rejections: { line: number; field: string }[] };
  assert.equal(res.accepted, 4);
  assert.equal(res.rejected, 2);
  assert.deepEqual(res.rejections.map((x) => [x.line, x.field]), [[6, 'price'], [7, 'conditions']]);

  const dp = (await app.inject({ method: 'GET', url: '/v1/darkpool/IBM/levels' })).json() as { days: { off_exchange_volume: number; total_volume: number; dp_buy_premium: number; blocks: number }[] };
  const day = dp.days[0];
  assert.ok(day !== undefined);
  assert.equal(day.total_volume, 45_100);
  assert.equal(day.off_exchange_volume, 45_000);
  assert.equal(day.blocks, 3, 'blocks count every condition: the average-price print is $897,500');
  assert.equal(day.dp_buy_premium, 20_000 * 179.52 + 20_000 * 179.6);

  const board = (await app.inject({ method: 'GET', url: '/v1/smart-money/leaderboard' })).json() as { date: string; as_of: string | null; rows: { symbol: string; dark_pool: number | null; options_flow: number | null; direction: string; dp_premium: number }[] };
  assert.equal(board.date, '2013-10-08');
  assert.equal(board.as_of, '2013-10-08T14:07:00.000Z', 'the latest accepted equity print (10:07 ET; the later rows were rejected)');
  const ibm = board.rows[0];
  assert.equal(ibm?.symbol, 'IBM');
  assert.equal(ibm?.options_flow, null, 'no option prints that day');
  assert.ok((ibm?.dark_pool ?? 0) > 0);
  assert.equal(ibm?.direction, 'bullish', 'every signed off-exchange dollar was bought');
  assert.equal(ibm?.dp_premium, 20_000 * 179.52 + 20_000 * 179.6 + 5_000 * 179.5);

  // NDJSON with the same keys; a live print later in the day moves the cached board.
  const nd = JSON.stringify({ ts: '2013-10-08T15:00:00.000-04:00', symbol: 'IBM', price: 179.0, size: 50000, exchange: 'D', conditions: '', bid: 179.0, ask: 179.02 });
  const r2 = await app.inject({ method: 'POST', url: '/v1/ingest/equity-trades', headers: { 'content-type': 'application/x-ndjson' }, payload: `${nd}\n` });
  assert.equal(r2.json().accepted, 1);
  const after = (await app.inject({ method: 'GET', url: '/v1/smart-money/leaderboard' })).json() as typeof board;
  assert.ok((after.rows[0]?.dp_premium ?? 0) > (ibm?.dp_premium ?? 0));
  const bad = await app.inject({ method: 'POST', url: '/v1/ingest/equity-trades', headers: { 'content-type': 'text/csv' }, payload: 'ts,symbol,price\n1,IBM,2\n' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().message, /header lacks column\(s\) size, exchange/);
  await app.close();
});
