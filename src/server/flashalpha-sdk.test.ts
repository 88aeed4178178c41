import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { FlashAlpha, FlashAlphaError, NotFoundError, TierRestrictedError } from 'flashalpha';
import { captureIo } from '../cli/capture-io.ts';
import { main } from '../cli/main.ts';
import { DEFAULT_TAPE_DATE, generateSyntheticTape } from '../synthetic/tape-generator.ts';
import { buildServer } from './build-server.ts';
import { loadMarketData } from './in-memory-market-data.ts';
import { DEFAULT_SERVER_SETTINGS } from './server-settings.ts';

/*
 * FlashAlpha's official JavaScript SDK (npm `flashalpha`), unchanged, pointed at our server over real HTTP on
 * 127.0.0.1 with its base URL: each method it has for an endpoint we serve must get the body our CLI prints for
 * the same inputs. The SDK sends its key in X-Api-Key, so the server runs with keys on.
 */

const KEY = 'sdk-test-key';
let dir = '';
let chains = '';
let app: FastifyInstance;
let fa: FlashAlpha;
let symbol = '';

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sm-sdk-'));
  await generateSyntheticTape({ symbols: 3, prints: 3_000, seed: 21, date: DEFAULT_TAPE_DATE, outDir: dir, gzip: false });
  chains = join(dir, 'chains.csv');
  const { data } = await loadMarketData({ trades: [join(dir, 'trades.csv')], chains: [chains] });
  symbol = (await data.symbols())[0] ?? '';
  app = await buildServer(data, { ...DEFAULT_SERVER_SETTINGS, apiKeys: [KEY] });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  fa = new FlashAlpha(KEY, { baseUrl: address, timeout: 10_000 });
});

after(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(argv: string[]): Promise<unknown> {
  const io = captureIo();
  assert.equal(await main(argv, io), 0, io.err());
  return JSON.parse(io.out());
}

const chain = () => ['--chain', chains];

test('FlashAlpha SDK gex (with minOi and expiration), dex, vex, chex, exposureLevels, maxPain get the CLI\'s bodies', async () => {
  const expiration = '2025-03-21';
  assert.deepEqual(await fa.gex(symbol), await cli(['gex', symbol, ...chain()]));
  assert.deepEqual(await fa.gex(symbol, { minOi: 500 }), await cli(['gex', symbol, ...chain(), '--min-oi', '500']));
  assert.deepEqual(await fa.gex(symbol, { expiration, minOi: 10 }), await cli(['gex', symbol, ...chain(), '--expiration', expiration, '--min-oi', '10']));
  assert.deepEqual(await fa.dex(symbol), await cli(['dex', symbol, ...chain()]));
  assert.deepEqual(await fa.vex(symbol, { expiration }), await cli(['vex', symbol, ...chain(), '--expiration', expiration]));
  assert.deepEqual(await fa.chex(symbol, { expiration }), await cli(['chex', symbol, ...chain(), '--expiration', expiration]));
  assert.deepEqual(await fa.exposureLevels(symbol), await cli(['levels', symbol, ...chain()]));
  assert.deepEqual(await fa.maxPain(symbol), await cli(['maxpain', symbol, ...chain()]));
  assert.deepEqual(await fa.maxPain(symbol, { expiration }), await cli(['maxpain', symbol, ...chain(), '--expiration', expiration]));
  const gex = await fa.gex(symbol) as { net_gex: number | null; strikes: unknown[] };
  assert.ok(gex.net_gex !== null && gex.strikes.length > 10, 'a real answer, not an empty one');
});

test('FlashAlpha SDK greeks and iv reproduce FlashAlpha\'s documented example (580/580/30 d/σ 0.18 call) as the CLI does; health is ok', async () => {
  const greeks = await fa.greeks({ spot: 580, strike: 580, dte: 30, sigma: 0.18, type: 'call' }) as { theoretical_price: number };
  assert.deepEqual(greeks, await cli(['greeks', '--spot', '580', '--strike', '580', '--dte', '30', '--sigma', '0.18', '--type', 'call']));
  assert.equal(greeks.theoretical_price.toFixed(2), '12.69');
  const put = await fa.greeks({ spot: 100, strike: 105, dte: 45, sigma: 0.3, type: 'put', r: 0.02, q: 0 });
  assert.deepEqual(put, await cli(['greeks', '--spot', '100', '--strike', '105', '--dte', '45', '--sigma', '0.3', '--type', 'put', '--rate', '0.02', '--dividend', '0']));
  const iv = await fa.iv({ spot: 580, strike: 580, dte: 30, price: 12.69 }) as { implied_volatility: number };
  assert.deepEqual(iv, await cli(['iv', '--spot', '580', '--strike', '580', '--dte', '30', '--price', '12.69', '--type', 'call']));
  assert.ok(Math.abs(iv.implied_volatility - 0.18) < 1e-3);
  assert.equal((await fa.health() as { status: string }).status, 'ok');
});

test('FlashAlpha SDK errors: unknown symbol → NotFoundError with our message; a 400 → FlashAlphaError with statusCode 400; no key → 401; a wrong key → the SDK\'s 403 class', async () => {
  await assert.rejects(fa.gex('ZZZZ'), (e: unknown) => e instanceof NotFoundError && /no option chain snapshots for ZZZZ/.test(e.message));
  await assert.rejects(fa.greeks({ spot: 580, strike: 580, dte: 30, sigma: -1 }),
    (e: unknown) => e instanceof FlashAlphaError && e.statusCode === 400 && e.message.startsWith('sigma was "-1"'));
  const noKey = await fetch(`${(fa as unknown as { baseUrl: string }).baseUrl}/v1/exposure/gex/${symbol}`);
  assert.equal(noKey.status, 401);
  const anon = new FlashAlpha('wrong', { baseUrl: (fa as unknown as { baseUrl: string }).baseUrl });
  await assert.rejects(anon.gex(symbol), (e: unknown) => e instanceof TierRestrictedError && e.statusCode === 403 && /not one this server accepts/.test(e.message));
});
