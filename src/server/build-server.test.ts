import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { OptionTrade } from '../core/options-flow/option-trade.ts';
import type { EpochMs, IsoDate } from '../core/units.ts';
import { DEFAULT_TAPE_DATE, generateSyntheticTape } from '../synthetic/tape-generator.ts';
import { buildServer } from './build-server.ts';
import { type InMemoryMarketData, loadMarketData } from './in-memory-market-data.ts';
import { DEFAULT_SERVER_SETTINGS } from './server-settings.ts';

let dir = '';
let data: InMemoryMarketData;
let app: FastifyInstance;
let symbols: readonly string[] = [];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sm-server-'));
  await generateSyntheticTape({ symbols: 5, prints: 12_000, seed: 5, date: DEFAULT_TAPE_DATE, outDir: dir, gzip: false });
  ({ data } = await loadMarketData({ trades: [join(dir, 'trades.csv')], chains: [join(dir, 'chains.csv')] }));
  app = await buildServer(data);
  symbols = await data.symbols();
});

after(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

async function get(url: string, target: FastifyInstance = app) {
  const r = await target.inject({ method: 'GET', url });
  return { status: r.statusCode, body: JSON.parse(r.body), headers: r.headers };
}

const first = () => symbols[0] as string;

test('every refused input answers JSON {error, message} with 400/404, naming the parameter and quoting the value as sent', async () => {
  const s = first();
  const cases: [string, number, string, RegExp][] = [
    [`/v1/flow/signals/${s}?windowMinutes=0`, 400, 'invalid_parameter', /^windowMinutes was "0"; expected .* from 1 to 10080/],
    [`/v1/flow/signals/${s}?windowMinutes=10081`, 400, 'invalid_parameter', /windowMinutes was "10081"/],
    [`/v1/flow/signals/${s}?minScore=101`, 400, 'invalid_parameter', /minScore was "101"; .*0 to 100/],
    [`/v1/flow/signals/${s}?limit=501`, 400, 'invalid_parameter', /limit was "501"; .*1 to 500/],
    [`/v1/flow/signals/${s}?limit=2.5`, 400, 'invalid_parameter', /limit was "2.5"; expected .*whole number/],
    [`/v1/flow/signals/${s}/summary?intent=up`, 400, 'invalid_parameter', /intent was "up"; expected one of bullish, bearish, neutral/],
    [`/v1/flow/signals/${s}?structure=spread`, 400, 'invalid_parameter', /structure was "spread"; expected one of sweep, block/],
    [`/v1/flow/signals/${s}?expiry=2025-13-01`, 400, 'invalid_expiry', /expiry was "2025-13-01"; not a real calendar date/],
    [`/v1/flow/signals/${s}?expiry=tomorrow`, 400, 'invalid_expiry', /expiry was "tomorrow"/],
    [`/v1/flow/signals/${s}?at=soon`, 400, 'invalid_parameter', /^at was "soon"; expected ISO-8601/],
    [`/v1/flow/signals/${s}?limit=1&limit=2`, 400, 'invalid_parameter', /limit was given 2 times/],
    [`/v1/flow/signals/${s}?windowMinute=5`, 400, 'invalid_parameter', /unknown parameter windowMinute \(was "5"\); accepted: windowMinutes/],
    ['/v1/flow/signals/S$P', 400, 'invalid_parameter', /symbol was "S\$P"/],
    ['/v1/flow/signals/ZZZZ', 404, 'unknown_symbol', /no option prints for ZZZZ/],
    ['/v1/flow/signals/ZZZZ/summary', 404, 'unknown_symbol', /ZZZZ/],
    ['/v1/exposure/gex/ZZZZ', 404, 'unknown_symbol', /no option chain snapshots for ZZZZ/],
    [`/v1/exposure/gex/${s}?at=2020-01-02T00:00:00Z`, 404, 'no_data', /no .* chain snapshot at or before 2020-01-02T00:00:00.000Z \(the earliest is /],
    [`/v1/exposure/dex/${s}?expiration=2030-01-18`, 400, 'invalid_expiry', /no unexpired .* contract expires on 2030-01-18 .*\(expirations: 2025-/],
    [`/v1/maxpain/${s}?expiration=2025-02-30`, 400, 'invalid_expiry', /expiration was "2025-02-30"; not a real calendar date/],
    [`/v1/exposure/gex/${s}?min_oi=-1`, 400, 'invalid_parameter', /min_oi was "-1"/],
    [`/v1/exposure/gex/${s}?min_oi=5&minOi=6`, 400, 'invalid_parameter', /min_oi \(5\) and minOi are the same parameter/],
    ['/v1/pricing/greeks?spot=580&strike=580&dte=30&sigma=0&type=call', 400, 'invalid_parameter', /^sigma was "0"; expected the volatility/],
    ['/v1/pricing/greeks?strike=580&dte=30&sigma=0.2&type=call', 400, 'invalid_parameter', /^spot is required; expected the underlying price/],
    ['/v1/pricing/greeks?spot=abc&strike=580&dte=30&sigma=0.2&type=call', 400, 'invalid_parameter', /^spot was "abc"/],
    ['/v1/pricing/greeks?spot=580&strike=580&dte=30&sigma=0.2&type=straddle', 400, 'invalid_parameter', /^type was "straddle"; expected call or put/],
    ['/v1/pricing/iv?spot=580&strike=580&dte=30&sigma=0.2&price=1&type=call', 400, 'invalid_parameter', /unknown parameter sigma/],
    ['/v1/flow/tilt', 400, 'invalid_parameter', /^symbols is required; expected a comma-separated list/],
    ['/v1/flow/tilt?symbols=,,', 400, 'invalid_parameter', /symbols was ",,"; expected at least one symbol/],
    ['/v1/flow/tilt?symbols=SPY,S%24P', 400, 'invalid_parameter', /symbols was "S\$P"/],
    ['/v1/nothing/here', 404, 'not_found', /no endpoint GET \/v1\/nothing\/here/],
  ];
  for (const [url, status, error, message] of cases) {
    const r = await get(url);
    assert.equal(r.status, status, `${url}: ${JSON.stringify(r.body)}`);
    assert.equal(r.body.error, error, url);
    assert.match(r.body.message, message, url);
    assert.deepEqual(Object.keys(r.body), ['error', 'message'], url);
  }
});

test('?at: before every print the window is empty; at the last print it is the default; an unencoded + offset reads as +', async () => {
  const s = first();
  const last = await data.lastPrintTs(s) as number;
  const early = await get(`/v1/flow/signals/${s}?at=2025-03-14T09:00:00-04:00`);
  assert.equal(early.status, 200);
  assert.equal(early.body.count, 0);
  assert.equal(early.body.as_of, '2025-03-14T13:00:00.000Z');
  const dflt = await get(`/v1/flow/signals/${s}`);
  assert.deepEqual(await get(`/v1/flow/signals/${s}?at=${last}`), dflt, 'epoch ms at the last print = no ?at');
  const plus = await get(`/v1/flow/signals/${s}/summary?at=2025-03-14T21:00:00+05:00`);
  assert.equal(plus.body.as_of, '2025-03-14T16:00:00.000Z');
});

test('the report cache never changes an answer: another limit gets its own list, and a print added at or before ?at is counted', async () => {
  const s = first();
  const two = await get(`/v1/flow/signals/${s}?limit=2`);
  const five = await get(`/v1/flow/signals/${s}?limit=5`);
  assert.equal(two.body.count, 2);
  assert.equal(five.body.count, 5);
  const at = '2025-03-14T14:00:00.000Z';
  const before = await get(`/v1/flow/signals/${s}/summary?at=${at}`);
  const whale: OptionTrade = {
    ts: Date.parse('2025-03-14T13:59:00Z') as EpochMs, underlying: s, expiry: '2025-03-21' as IsoDate, strike: 1, right: 'C',
    price: 50 as never, size: 5000 as never, bid: 49 as never, ask: 50 as never, exchange: 'C', condition: '', side: 'buy',
  };
  data.addTrades([whale]);
  const afterAdd = await get(`/v1/flow/signals/${s}/summary?at=${at}`);
  assert.equal(afterAdd.body.signal_count, before.body.signal_count + 1);
  assert.equal(afterAdd.body.bullish_premium, before.body.bullish_premium + 50 * 5000 * 100);
});

test('tilt: one row per known symbol with the numbers of that symbol\'s /summary, ranked by net premium ÷ price with noise last (seed 003)', async () => {
  const list = [...symbols, 'NOPE', symbols[0] as string].map((x) => x.toLowerCase()).join(',');
  const r = await get(`/v1/flow/tilt?symbols=${list}`);
  assert.equal(r.status, 200);
  assert.deepEqual(r.body.unknown_symbols, ['NOPE']);
  assert.equal(r.body.requested, symbols.length + 1, 'duplicates count once');
  assert.equal(r.body.count, symbols.length);
  const rows = r.body.ranked as Record<string, number | string | null>[];
  for (const row of rows) {
    const sum = (await get(`/v1/flow/signals/${row.symbol}/summary`)).body;
    for (const f of ['as_of', 'underlying_price', 'net_directional_premium', 'bullish_premium', 'bearish_premium', 'opening_premium',
      'closing_premium', 'signal_count', 'tilt', 'tilt_strength', 'opening_share']) {
      assert.deepEqual(row[f], sum[f], `${row.symbol} ${f}`);
    }
    assert.equal(row.net_premium_per_underlying_dollar, sum.net_premium_per_underlying_dollar);
  }
  const keyed = rows.map((x) => [x.tilt === 'noise' ? 1 : 0, -(x.net_premium_per_underlying_dollar as number)] as const);
  for (let i = 1; i < keyed.length; i++) {
    const [a, b] = [keyed[i - 1] as readonly [number, number], keyed[i] as readonly [number, number]];
    assert.ok(a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]), `rank ${i} before ${i + 1}`);
  }
  assert.deepEqual(rows.map((x) => x.rank), rows.map((_, i) => i + 1));
  const cut = await get(`/v1/flow/tilt?symbols=${list}&limit=2`);
  assert.deepEqual(cut.body.ranked, rows.slice(0, 2));
  const past = await get(`/v1/flow/tilt?symbols=${list}&at=2025-03-14T12:00:00-04:00&windowMinutes=60`);
  assert.equal(past.body.as_of, '2025-03-14T16:00:00.000Z');
  for (const row of past.body.ranked) assert.equal(row.as_of, '2025-03-14T16:00:00.000Z');
});

test('health on /health and /v1/health; /openapi.json lists every endpoint with its parameters; /docs serves the browser', async () => {
  for (const path of ['/health', '/v1/health', '/health/']) {
    const r = await get(path);
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'ok');
    assert.equal(r.body.symbols, symbols.length);
  }
  const spec = (await get('/openapi.json')).body;
  const paths = Object.keys(spec.paths);
  for (const p of ['/v1/flow/signals/{symbol}', '/v1/flow/signals/{symbol}/summary', '/v1/flow/tilt', '/v1/exposure/gex/{symbol}',
    '/v1/exposure/dex/{symbol}', '/v1/exposure/vex/{symbol}', '/v1/exposure/chex/{symbol}', '/v1/exposure/levels/{symbol}',
    '/v1/maxpain/{symbol}', '/v1/pricing/greeks', '/v1/pricing/iv', '/health', '/v1/health']) {
    assert.ok(paths.includes(p), `${p} in ${paths.join(' ')}`);
  }
  const names = spec.paths['/v1/flow/signals/{symbol}'].get.parameters.map((p: { name: string }) => p.name);
  for (const n of ['windowMinutes', 'minScore', 'intent', 'structure', 'limit', 'expiry', 'at', 'symbol']) assert.ok(names.includes(n), n);
  const docs = await app.inject({ method: 'GET', url: '/docs/' });
  assert.equal(docs.statusCode, 200);
  assert.match(docs.body, /swagger/i);
});

test('rate limit: X-RateLimit-Limit/-Remaining/-Reset on each answer, 429 rate_limited with Retry-After past the limit, per key; health is never limited', async () => {
  const limited = await buildServer(data, { ...DEFAULT_SERVER_SETTINGS, rateLimit: { max: 3, windowMs: 60_000 } });
  try {
    const url = '/v1/pricing/greeks?spot=580&strike=580&dte=30&sigma=0.18&type=call';
    for (const remaining of [2, 1, 0]) {
      const r = await get(url, limited);
      assert.equal(r.status, 200);
      assert.equal(r.headers['x-ratelimit-limit'], '3');
      assert.equal(r.headers['x-ratelimit-remaining'], String(remaining));
      assert.ok(Number(r.headers['x-ratelimit-reset']) > 0);
    }
    const over = await get(url, limited);
    assert.equal(over.status, 429);
    assert.equal(over.body.error, 'rate_limited');
    assert.ok(Number(over.headers['retry-after']) > 0, `Retry-After ${over.headers['retry-after']}`);
    assert.equal((await get(`${url}&apiKey=another`, limited)).status, 200, 'another client (key) has its own count');
    for (let i = 0; i < 5; i++) assert.equal((await get('/health', limited)).status, 200);
  } finally {
    await limited.close();
  }
});

test('a 6,000-symbol tilt call over real HTTP: a ~40 KB request line is accepted (Node\'s default would refuse it with 431)', async () => {
  const listening = await buildServer(data);
  try {
    const address = await listening.listen({ host: '127.0.0.1', port: 0 });
    const names = [...symbols];
    for (let i = 0; names.length < 6_000; i++) names.push(`Q${i.toString(36).toUpperCase()}X`);
    const url = `${address}/v1/flow/tilt?symbols=${names.join(',')}`;
    assert.ok(url.length > 16_384, `${url.length} bytes`);
    const r = await fetch(url);
    assert.equal(r.status, 200);
    const body = await r.json() as { requested: number; count: number; unknown_symbols: string[] };
    assert.equal(body.requested, 6_000);
    assert.equal(body.count, symbols.length);
    assert.equal(body.unknown_symbols.length, 6_000 - symbols.length);
  } finally {
    await listening.close();
  }
});
