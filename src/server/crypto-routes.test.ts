import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { cryptoScoreCommand } from '../cli/commands/crypto-score.ts';
import { loadCryptoFileData } from './crypto-file-data.ts';
import { buildServer } from './build-server.ts';
import { InMemoryMarketData } from './in-memory-market-data.ts';

const FIXTURES = resolve(import.meta.dirname, '../../test-fixtures/crypto');
let app: FastifyInstance;
let base = '';

before(async () => {
  const { data } = await loadCryptoFileData(resolve(FIXTURES, 'btc-demo.json'));
  // The whole server as `smartmoney serve --crypto btc-demo.json` builds it.
  app = await buildServer(new InMemoryMarketData(), undefined, null, { crypto: data });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  base = typeof addr === 'object' && addr !== null ? `http://127.0.0.1:${addr.port}` : '';
});
after(() => app.close());

async function get(path: string) {
  const r = await fetch(`${base}${path}`);
  return { status: r.status, body: await r.json() as Record<string, unknown> };
}

test('real fixture over HTTP: BTC on 2022-05-12 (UST collapse week) is very bearish; funding and stablecoin supply only, coverage 0.65', async () => {
  const r = await get('/v1/crypto/smart-money-score/btc?from=2022-05-05&to=2022-05-12');
  assert.equal(r.status, 200);
  const b = r.body as { as_of: string; band: string; coverage: number; pillars_missing: string[]; history: unknown[]; pillars: Record<string, number | null>; fear_greed: number };
  assert.deepEqual(Object.keys(b), ['asset', 'as_of', 'score', 'band', 'pillars', 'weights', 'pillars_missing', 'coverage', 'fear_greed', 'divergence', 'alerts', 'history']);
  assert.equal(b.as_of, '2022-05-12T00:00:00.000Z');
  assert.equal(b.band, 'very_bearish');
  assert.equal(b.coverage, 0.65);
  assert.deepEqual(b.pillars_missing, ['open_interest', 'volume', 'long_short']);
  assert.equal(b.pillars.open_interest, null);
  assert.equal(b.fear_greed, 12); // fear_greed_2021-01_2023-07.csv, 2022-05-12
  assert.equal(b.history.length, 8);
});

test('at = the state as of an instant: mid-day 2022-05-12 answers with 2022-05-11, the last day that had ended', async () => {
  const r = await get('/v1/crypto/smart-money-score/BTC?at=2022-05-12T12:00:00Z');
  assert.equal(r.status, 200);
  assert.equal(r.body.as_of, '2022-05-11T00:00:00.000Z');
  assert.equal((r.body.history as { ts: string }[]).at(-1)?.ts, '2022-05-11T00:00:00.000Z');
});

test('errors: unknown asset 404 unknown_symbol, bad day / instant / parameter 400 invalid_parameter, empty window 404 no_data', async () => {
  const cases: [string, number, string, RegExp][] = [
    ['/v1/crypto/smart-money-score/DOGE', 404, 'unknown_symbol', /no crypto score inputs for DOGE/],
    ['/v1/crypto/smart-money-score/BTC?from=2022-02-30', 400, 'invalid_parameter', /from was "2022-02-30"; not a real calendar date/],
    ['/v1/crypto/smart-money-score/BTC?to=yesterday', 400, 'invalid_parameter', /to was "yesterday"; expected a UTC day/],
    ['/v1/crypto/smart-money-score/BTC?from=2023-01-02&to=2023-01-01', 400, 'invalid_parameter', /from was "2023-01-02"; expected a day on or before to/],
    ['/v1/crypto/smart-money-score/BTC?at=soon', 400, 'invalid_parameter', /^at was "soon"/],
    ['/v1/crypto/smart-money-score/BTC?window=5', 400, 'invalid_parameter', /unknown parameter window/],
    ['/v1/crypto/smart-money-score/B$C', 400, 'invalid_parameter', /asset was "B\$C"/],
    ['/v1/crypto/smart-money-score/BTC?to=2019-01-01', 404, 'no_data', /no crypto score for BTC/],
  ];
  for (const [url, status, error, message] of cases) {
    const r = await get(url);
    assert.equal(r.status, status, url);
    assert.equal(r.body.error, error, url);
    assert.match(String(r.body.message), message, url);
  }
});

test('CLI parity: smartmoney crypto-score prints the body the route sends', async () => {
  let out = '';
  const io = { stdout: { write: (s: string) => { out += s; return true; } }, stderr: { write: () => true } } as never;
  const f = (n: string) => resolve(FIXTURES, n);
  const code = await cryptoScoreCommand.run(['BTC', '--funding', f('binance_btcusdt_funding_daily_mean_2021-01_2023-07.csv'),
    '--stablecoin', f('defillama_total_stablecoins_all_chains_2021-01_2023-07.csv'), '--fear-greed', f('fear_greed_2021-01_2023-07.csv'),
    '--from', '2022-11-01', '--to', '2022-11-30'], io);
  assert.equal(code, 0);
  const r = await get('/v1/crypto/smart-money-score/BTC?from=2022-11-01&to=2022-11-30');
  assert.deepEqual(JSON.parse(out), r.body);
  assert.equal(JSON.stringify(JSON.parse(out)), JSON.stringify(r.body));
});
