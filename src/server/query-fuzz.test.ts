import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request, Agent } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_TAPE_DATE, generateSyntheticTape } from '../synthetic/tape-generator.ts';
import { buildServer } from './build-server.ts';
import { loadMarketData } from './in-memory-market-data.ts';
import { loadSmiBars } from './smi-bars-data.ts';
import { loadCryptoFileData } from './crypto-file-data.ts';
import { loadEquityDarkPool } from './equity-dark-pool.ts';

/*
 * No input gives a 5xx: random paths and query strings (known and unknown parameters, numbers at and past every
 * bound, dates real and not, garbage, broken percent-escapes, repeated keys) sent over real HTTP on 127.0.0.1
 * get a 2xx or a 4xx JSON {error, message}. Bounded: a fixed number of requests to one local server.
 */

let dir = '';
let app: FastifyInstance;
let port = 0;
const agent = new Agent({ keepAlive: true, maxSockets: 4 });

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sm-fuzz-'));
  await generateSyntheticTape({ symbols: 2, prints: 2_000, seed: 9, date: DEFAULT_TAPE_DATE, outDir: dir, gzip: false, equityPrints: 4_000 });
  const { data } = await loadMarketData({ trades: [join(dir, 'trades.csv')], chains: [join(dir, 'chains.csv')] });
  // Every source present, so the fuzz reaches the SMI, crypto, dark pool and bars handlers' code, not only their 404s.
  const fixtures = join(import.meta.dirname, '../../test-fixtures');
  const smi = (await loadSmiBars([['SPY', join(fixtures, 'smi/SPY_hourly_2019-2021.csv.gz')]])).data;
  const crypto = (await loadCryptoFileData(join(fixtures, 'crypto/btc-demo.json'))).data;
  const darkPool = (await loadEquityDarkPool({ trades: [join(dir, 'equity.csv')], quotes: [] })).data;
  app = await buildServer(data, undefined, undefined, { smi, crypto, darkPool });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  port = typeof address === 'object' && address !== null ? address.port : 0;
});

after(async () => {
  agent.destroy();
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

function get(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

const SYMBOLS = ['SPY', 'QQQ', 'spy', 'ZZZZ', '^VIX', 'BRK.B', 'A', '', '..', 'X'.repeat(40), '%00', '%zz', '%E2%82'];
const PATHS = ['/v1/flow/signals/{s}', '/v1/flow/signals/{s}/summary', '/v1/exposure/gex/{s}', '/v1/exposure/dex/{s}',
  '/v1/exposure/vex/{s}', '/v1/exposure/chex/{s}', '/v1/exposure/levels/{s}', '/v1/maxpain/{s}', '/v1/pricing/greeks',
  '/v1/pricing/iv', '/v1/flow/tilt', '/health', '/v1/health', '/v1/flow', '/v1/exposure/gex', '/',
  '/v1/smart-money/leaderboard', '/v1/smart-money/{s}', '/v1/darkpool/{s}/levels', '/v1/smi/{s}', '/v1/crypto/smart-money-score/{s}',
  '/v1/crypto/smart-money-score/BTC', '/v1/bars/{s}'];
const NAMES = ['windowMinutes', 'minScore', 'intent', 'structure', 'limit', 'expiry', 'expiration', 'min_oi', 'minOi', 'at',
  'spot', 'strike', 'dte', 'sigma', 'price', 'type', 'r', 'q', 'symbols', 'apiKey', 'x', '', '__proto__', 'constructor',
  'date', 'direction', 'from', 'to', 'start_value', 'lookback', 'interval', 'extended'];
const VALUES = fc.oneof(
  fc.constantFrom('0', '1', '-1', '100', '101', '500', '501', '10080', '10081', '1e3', '1e400', 'NaN', 'Infinity', '-0', '0x10',
    '2.5', '', '%20', '+', 'bullish', 'BEARISH', 'sweep', 'call', 'put', 'C', '2025-03-21', '2025-02-30', '2025-03-14T12:00:00-04:00',
    '2025-03-14T12:00:00+04:00', '1741968000000', '2025-03-14', '2021-03-01', '2022-05-12', '5', '60', 'neutral', '99999999999999999999', '1990-01-01T00:00:00Z', '2099-12-31T23:59:59Z',
    'SPY,QQQ', ',,,', 'SPY,,QQQ', 'S%20P+Y', '%', '%zz', '%2', '%E2%82', '%00', '[]', '{}', 'null', 'true'),
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
  fc.double({ noNaN: false }).map(String),
  fc.integer().map(String),
);

const queryArb = fc.array(fc.tuple(fc.constantFrom(...NAMES), VALUES), { maxLength: 6 })
  .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
const urlArb = fc.tuple(fc.constantFrom(...PATHS), fc.constantFrom(...SYMBOLS), queryArb, fc.boolean())
  .map(([path, s, q, slash]) => `${path.replace('{s}', s)}${slash ? '/' : ''}${q === '' ? '' : `?${q}`}`);

test('fuzzed paths and query strings over real HTTP never get a 5xx; every 4xx is JSON {error, message}', async () => {
  await fc.assert(fc.asyncProperty(urlArb, async (url) => {
    const r = await get(url);
    assert.ok(r.status < 500, `${url} → ${r.status} ${r.body}`);
    if (r.status >= 400) {
      const body = JSON.parse(r.body) as { error?: unknown; message?: unknown };
      assert.equal(typeof body.error, 'string', `${url} → ${r.body}`);
      assert.equal(typeof body.message, 'string', `${url} → ${r.body}`);
    }
  }), { numRuns: 600 });
});
