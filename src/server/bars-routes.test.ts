import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_DARK_POOL_SETTINGS } from '../core/dark-pool/dark-pool-settings.ts';
import { tradeBars } from '../core/market-bars/trade-bars.ts';
import type { EpochMs } from '../core/units.ts';
import type { BarsBody } from './bars-routes.ts';
import { buildServer } from './build-server.ts';
import { EquityDarkPool, loadEquityDarkPool } from './equity-dark-pool.ts';
import { InMemoryMarketData } from './in-memory-market-data.ts';

const IBM = fileURLToPath(new URL('../../../shared/data/lean-us-equity-ticks-2013-10/IBM_2013-10-08_trades.csv.gz', import.meta.url));
const skipReal = existsSync(IBM) ? false : 'needs ../shared/data/lean-us-equity-ticks-2013-10';

let app: FastifyInstance;
let base = '';
before(async () => {
  app = await buildServer(new InMemoryMarketData(), undefined, undefined, { darkPool: new EquityDarkPool() });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
after(async () => app?.close());

const get = async (path: string) => {
  const r = await fetch(`${base}${path}`);
  return { status: r.status, body: await r.json() as BarsBody & { error?: string; message?: string } };
};

const CSV = [
  'ts,symbol,price,size,exchange,conditions,bid,ask',
  '2025-03-14T09:20:00-04:00,ABC,9.90,500,Q,extended_hours,,',
  '2025-03-14T09:30:00.500-04:00,ABC,10.00,100,Q,,,',
  '2025-03-14T09:31:00-04:00,ABC,10.20,200,D,,,',
  '2025-03-14T09:33:00-04:00,ABC,15.00,10000,D,average_price,,',
  '2025-03-14T09:34:59-04:00,ABC,10.10,300,P,,,',
  '2025-03-14T09:36:00-04:00,ABC,10.05,100,Q,intermarket_sweep,,',
].join('\n');

test('over real HTTP: equity prints posted live become 5-minute bars by hand (average price in volume only), 1-minute and extended on request', async () => {
  const post = await fetch(`${base}/v1/ingest/equity-trades`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: CSV });
  assert.equal(post.status, 200, await post.text());
  const five = await get('/v1/bars/abc');
  assert.equal(five.status, 200);
  // By hand: 09:30 bar O 10.00 H 10.20 L 10.00 C 10.10, volume 100+200+10,000+300, VWAP (1,000+2,040+3,030)/600.
  assert.deepEqual(five.body, {
    symbol: 'ABC', date: '2025-03-14', interval_minutes: 5, extended: false,
    bars: [
      { t: '2025-03-14T13:30:00.000Z', open: 10, high: 10.2, low: 10, close: 10.1, volume: 10_600, vwap: 10.1167 },
      { t: '2025-03-14T13:35:00.000Z', open: 10.05, high: 10.05, low: 10.05, close: 10.05, volume: 100, vwap: 10.05 },
    ],
  });
  const one = await get('/v1/bars/ABC?interval=1&extended=true&date=2025-03-14');
  assert.deepEqual(one.body.bars.map((b) => [b.t.slice(11, 16), b.close, b.volume]),
    [['13:20', 9.9, 500], ['13:30', 10, 100], ['13:31', 10.2, 200], ['13:33', null, 10_000], ['13:34', 10.1, 300], ['13:36', 10.05, 100]]);
  const early = await get('/v1/bars/ABC?at=2025-03-14T09:31:30-04:00');
  assert.deepEqual(early.body.bars.map((b) => [b.close, b.volume]), [[10.2, 300]], 'only the prints up to at');
});

test('errors: unknown_symbol, no_data (another day; before the open), invalid_parameter naming the parameter', async () => {
  for (const [url, status, code, names] of [
    ['/v1/bars/ZZZ', 404, 'unknown_symbol', 'ZZZ'],
    ['/v1/bars/ABC?date=2025-03-13', 404, 'no_data', '2025-03-14'],
    ['/v1/bars/ABC?at=2025-03-14T09:25:00-04:00', 404, 'no_data', 'extended=true'],
    ['/v1/bars/ABC?interval=7', 400, 'invalid_parameter', 'interval'],
    ['/v1/bars/ABC?interval=x', 400, 'invalid_parameter', 'interval'],
    ['/v1/bars/ABC?date=2025-02-30', 400, 'invalid_parameter', 'date'],
    ['/v1/bars/ABC?extended=maybe', 400, 'invalid_parameter', 'extended'],
    ['/v1/bars/ABC?at=soon', 400, 'invalid_parameter', 'at'],
    ['/v1/bars/ABC?bogus=1', 400, 'invalid_parameter', 'bogus'],
  ] as const) {
    const r = await get(url);
    assert.equal(r.status, status, url);
    assert.equal(r.body.error, code, url);
    assert.ok(r.body.message?.includes(names), `${url}: ${r.body.message}`);
  }
});

test('real LEAN IBM 2013-10-08 (serve --equity): the body\'s bars are the core tradeBars of the same file, 78 five-minute bars', { skip: skipReal }, async () => {
  const { data } = await loadEquityDarkPool({ trades: [IBM], quotes: [] });
  const server = await buildServer(new InMemoryMarketData(), undefined, null, { darkPool: data });
  try {
    const r = await server.inject({ method: 'GET', url: '/v1/bars/IBM' });
    assert.equal(r.statusCode, 200);
    const body = r.json() as BarsBody;
    assert.equal(body.date, '2013-10-08');
    assert.equal(body.bars.length, 78, '09:30–16:00 in 5-minute bars, every one traded');
    const core = tradeBars(data.prints('IBM', body.date) ?? [], { intervalMinutes: 5, extendedHours: false }, DEFAULT_DARK_POOL_SETTINGS);
    assert.deepEqual(body.bars.map((b) => [Date.parse(b.t) as EpochMs, b.open, b.high, b.low, b.close, b.volume]),
      core.map((b) => [b.start, b.open, b.high, b.low, b.close, b.volume]));
    // The regular-session volume of the awk count in src/synthetic/equity-tape-profile.test.ts: 5,203,752 shares.
    assert.equal(body.bars.reduce((s, b) => s + b.volume, 0), 5_203_752);
  } finally {
    await server.close();
  }
});
