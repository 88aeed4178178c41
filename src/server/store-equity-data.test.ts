import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { captureIo } from '../cli/capture-io.ts';
import { ingestCommand } from '../cli/commands/ingest.ts';
import { isoDate } from '../core/units.ts';
import { openDuckDbStore } from '../store/duckdb-store.ts';
import { buildServer } from './build-server.ts';
import { loadEquityDarkPool } from './equity-dark-pool.ts';
import { InMemoryMarketData } from './in-memory-market-data.ts';
import { storeLiveSink } from './live-sink.ts';
import { StoreEquityData } from './store-equity-data.ts';

// Real LEAN equity ticks (reads ../shared/data; skipped without it): IBM 2013-10-08 trades and quotes.
const LEAN = fileURLToPath(new URL('../../../shared/data/lean-us-equity-ticks-2013-10/', import.meta.url));
const IBM_T = join(LEAN, 'IBM_2013-10-08_trades.csv.gz');
const IBM_Q = join(LEAN, 'IBM_2013-10-08_quotes.csv.gz');
const needsTicks = existsSync(IBM_T) && existsSync(IBM_Q) ? {} : { skip: 'needs ../shared/data/lean-us-equity-ticks-2013-10' };

async function inTempDir(body: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'store-equity-'));
  try {
    await body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A server over the DuckDB store in `dataDir`, equity from the store, live feed into it. */
async function storeServer(dataDir: string) {
  const store = await openDuckDbStore({ dataDir });
  const equity = await StoreEquityData.open(store);
  const app = await buildServer(store, undefined, storeLiveSink(store), { darkPool: equity });
  return { app, equity, close: async () => { await app.close(); await store.close(); } };
}

const get = async (app: FastifyInstance, url: string) => {
  const r = await app.inject({ method: 'GET', url });
  return `${r.statusCode} ${r.body}`;
};

const URLS = [
  '/v1/darkpool/IBM/levels',
  '/v1/darkpool/IBM/levels?date=2013-10-08',
  '/v1/darkpool/IBM/levels?at=2013-10-08T11:00:00-04:00',
  '/v1/darkpool/IBM/levels?at=2013-10-08T09:00:00-04:00',
  '/v1/darkpool/IBM/levels?date=2013-10-09',
  '/v1/darkpool/AIG/levels',
  '/v1/bars/IBM',
  '/v1/bars/IBM?interval=1&extended=true',
  '/v1/bars/IBM?at=2013-10-08T12:30:00-04:00&interval=15',
  '/v1/bars/AIG',
  '/v1/smart-money/leaderboard?date=2013-10-08',
  '/v1/smart-money/leaderboard?date=2013-10-08&at=2013-10-08T11:00:00-04:00',
  '/v1/smart-money/IBM?from=2013-10-08&to=2013-10-08',
];

test('real LEAN IBM 2013-10-08 loaded with `ingest` into a DuckDB store: the dark pool, bars and leaderboard endpoints answer byte for byte what a server given the same files in memory answers', needsTicks, () => inTempDir(async (dir) => {
  assert.equal(await ingestCommand.run([IBM_T, IBM_Q, '--data', dir, '--no-signals'], captureIo()), 0);
  const { data } = await loadEquityDarkPool({ trades: [IBM_T], quotes: [IBM_Q] });
  const memory = await buildServer(new InMemoryMarketData(), undefined, null, { darkPool: data });
  const stored = await storeServer(dir);
  try {
    for (const url of URLS) assert.equal(await get(stored.app, url), await get(memory, url), url);
    // Answered from data, not an empty 404: the whole day's summary and its bars.
    assert.match(await get(stored.app, URLS[0] as string), /^200 .*"off_exchange_volume"/);
    assert.match(await get(stored.app, '/v1/bars/IBM'), /^200 /);
    // The whole day's summary is cached per (symbol, day, count): a second read is the same object, not a re-read.
    const day = isoDate('2013-10-08');
    assert.equal(await stored.equity.day('IBM', day), await stored.equity.day('IBM', day));
    assert.deepEqual([stored.equity.days(), stored.equity.symbols(day), stored.equity.printDays('IBM')], [[day], ['IBM'], [day]]);
  } finally {
    await stored.close();
    await memory.close();
  }
}));

// Hand-written prints (docs/formats.md canonical equity CSV): two off-exchange blocks at the ask, one lit print.
const HEADER = 'ts,symbol,price,size,exchange,conditions,bid,ask';
const BODY = [HEADER,
  '2013-10-08T10:00:00.000-04:00,IBM,179.52,20000,D,,179.50,179.52',
  '2013-10-08T10:05:00.000-04:00,IBM,179.60,20000,D,,179.58,179.60',
  '2013-10-08T10:06:00.000-04:00,IBM,179.55,100,N,,179.54,179.56'].join('\n');
const MORE = [HEADER, '2013-10-08T10:10:00.000-04:00,IBM,179.70,300,D,,179.60,179.80'].join('\n');

test('live equity prints POSTed into a store-backed server are stored: a repeated body changes nothing, a new print is seen at once, and all of it is served again after a restart, as a server fed the same bodies in memory serves it', () => inTempDir(async (dir) => {
  const post = (app: FastifyInstance, payload: string) => app.inject({ method: 'POST', url: '/v1/ingest/equity-trades', headers: { 'content-type': 'text/csv' }, payload });
  const volume = async (app: FastifyInstance) => ((await app.inject({ method: 'GET', url: '/v1/darkpool/IBM/levels' })).json() as { days: { total_volume: number; off_exchange_volume: number }[] }).days[0];
  const memory = await buildServer(new InMemoryMarketData());
  const first = await storeServer(dir);
  let urls: string[] = [];
  try {
    assert.equal((await first.app.inject({ method: 'GET', url: '/v1/darkpool/IBM/levels' })).statusCode, 404);
    assert.equal((await post(first.app, BODY)).json().accepted, 3);
    // 20,000 + 20,000 + 100 shares, 40,000 of them on D (FINRA TRF).
    assert.deepEqual(await volume(first.app), { ...await volume(first.app), total_volume: 40_100, off_exchange_volume: 40_000 });
    assert.equal((await post(first.app, BODY)).json().accepted, 3);
    assert.equal((await volume(first.app))?.total_volume, 40_100, 'the same body again is the same source: nothing stored twice');
    await post(first.app, MORE);
    assert.equal((await volume(first.app))?.total_volume, 40_400, 'a new print makes a new cache key');
    await post(memory, BODY);
    await post(memory, MORE);
    urls = ['/v1/darkpool/IBM/levels', '/v1/bars/IBM?interval=1', '/v1/smart-money/leaderboard?date=2013-10-08'];
    for (const url of urls) assert.equal(await get(first.app, url), await get(memory, url), url);
  } finally {
    await first.close();
  }
  const restarted = await storeServer(dir);
  try {
    for (const url of urls) assert.equal(await get(restarted.app, url), await get(memory, url), `${url} after the restart`);
  } finally {
    await restarted.close();
    await memory.close();
  }
}));
