import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { captureIo } from '../cli/capture-io.ts';
import { main } from '../cli/main.ts';
import { DEFAULT_TAPE_DATE, generateSyntheticTape } from '../synthetic/tape-generator.ts';
import { buildServer } from './build-server.ts';
import { loadMarketData } from './in-memory-market-data.ts';

/*
 * The API's bodies are the CLI's: each endpoint is called on the same files as the matching command, and the HTTP
 * body must be the command's stdout byte for byte once the command's pretty-printing is taken out (the CLI prints
 * JSON.stringify(body, null, 2); the API sends JSON.stringify(body); re-serialising the CLI's JSON is exact).
 */

const YAHOO = fileURLToPath(new URL('../../test-fixtures/calibration/data/yahoo-option-chains-10-tickers/', import.meta.url));
const NVDA_CHAINS = [join(YAHOO, '2025-12-01_NVDA.csv'), join(YAHOO, '2025-12-02_NVDA.csv')];
const VIX_TRADES = fileURLToPath(new URL('../../../shared/data/cboe-vix-option-trades-sample/UnderlyingOptionsTrades_2016-06-01.csv', import.meta.url));

let dir = '';
let trades = '';
let chains = '';
let app: FastifyInstance;
let yahoo: FastifyInstance;
let symbol = '';

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sm-parity-'));
  await generateSyntheticTape({ symbols: 4, prints: 16_000, seed: 11, date: DEFAULT_TAPE_DATE, outDir: dir, gzip: false });
  trades = join(dir, 'trades.csv');
  chains = join(dir, 'chains.csv');
  const { data } = await loadMarketData({ trades: [trades], chains: [chains] });
  app = await buildServer(data);
  symbol = (await data.symbols())[0] ?? '';
  // The synthetic universe has an NVDA too: the real Yahoo NVDA chain gets a server of its own.
  yahoo = await buildServer((await loadMarketData({ trades: [], chains: NVDA_CHAINS })).data);
});

after(async () => {
  await app.close();
  await yahoo.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(argv: string[]): Promise<string> {
  const io = captureIo();
  const code = await main(argv, io);
  assert.equal(code, 0, `${argv.join(' ')}: ${io.err()}`);
  return JSON.stringify(JSON.parse(io.out()));
}

async function api(url: string, target: FastifyInstance = app): Promise<string> {
  const r = await target.inject({ method: 'GET', url });
  assert.equal(r.statusCode, 200, `${url}: ${r.body}`);
  assert.match(String(r.headers['content-type']), /^application\/json/);
  return r.body;
}

const AT = '2025-03-14T13:15:00.000-04:00';

test('signals and summary: synthetic tape + chain, the API body equals the CLI stdout for defaults, filters, ?at and expiry', async () => {
  const files = ['--trades', trades, '--chain', chains];
  const cases: [string[], string][] = [
    [[], ''],
    [['--min-score', '25', '--limit', '7', '--window-minutes', '90'], 'minScore=25&limit=7&windowMinutes=90'],
    [['--intent', 'bearish', '--structure', 'sweep'], 'intent=bearish&structure=sweep'],
    [['--at', AT], `at=${encodeURIComponent(AT)}`],
    [['--at', AT, '--window-minutes', '10080', '--limit', '500'], `at=${encodeURIComponent(AT)}&windowMinutes=10080&limit=500`],
    [['--expiry', '2025-03-21'], 'expiry=2025-03-21'],
  ];
  for (const [flags, query] of cases) {
    for (const command of ['signals', 'summary']) {
      const path = command === 'signals' ? `/v1/flow/signals/${symbol}` : `/v1/flow/signals/${symbol}/summary`;
      assert.equal(await api(`${path}?${query}`), await cli([command, symbol, ...files, ...flags]), `${command} ${flags.join(' ')}`);
    }
  }
  const body = JSON.parse(await api(`/v1/flow/signals/${symbol}`));
  assert.ok(body.count > 0 && body.chain.call_wall !== null, 'the case compares a non-trivial body');
});

test('gex, dex, vex, chex, levels, maxpain: the API body equals the CLI stdout (synthetic chain with spot; real Yahoo NVDA chain, implied spot, ?at between its two snapshots)', async () => {
  const cases: [string, string[], string, string[]][] = [
    [symbol, [], '', [chains]],
    [symbol, ['--min-oi', '500'], 'min_oi=500', [chains]],
    [symbol, ['--expiration', '2025-03-21'], 'expiration=2025-03-21', [chains]],
    ['NVDA', [], '', NVDA_CHAINS],
    ['NVDA', ['--at', '2025-12-01T23:00:00Z'], 'at=2025-12-01T23:00:00Z', NVDA_CHAINS],
    ['NVDA', ['--expiration', '2025-12-05', '--min-oi', '1000'], 'expiration=2025-12-05&minOi=1000', NVDA_CHAINS],
  ];
  const endpoints: [string, string][] = [
    ['gex', '/v1/exposure/gex'], ['dex', '/v1/exposure/dex'], ['vex', '/v1/exposure/vex'], ['chex', '/v1/exposure/chex'],
    ['levels', '/v1/exposure/levels'], ['maxpain', '/v1/maxpain'],
  ];
  for (const [sym, flags, query, files] of cases) {
    for (const [command, path] of endpoints) {
      const files2 = files.flatMap((f) => ['--chain', f]);
      const target = files === NVDA_CHAINS ? yahoo : app;
      assert.equal(await api(`${path}/${sym}?${query}`, target), await cli([command, sym, ...files2, ...flags]), `${command} ${sym} ${flags.join(' ')}`);
    }
  }
});

test('greeks and iv: the API body equals the CLI stdout, FlashAlpha\'s documented example included', async () => {
  assert.equal(
    await api('/v1/pricing/greeks?spot=580&strike=580&dte=30&sigma=0.18&type=call'),
    await cli(['greeks', '--spot', '580', '--strike', '580', '--dte', '30', '--sigma', '0.18', '--type', 'call']));
  assert.equal(
    await api('/v1/pricing/greeks?spot=100&strike=90&dte=7.5&sigma=0.6&type=put&r=0.01&q=0'),
    await cli(['greeks', '--spot', '100', '--strike', '90', '--dte', '7.5', '--sigma', '0.6', '--type', 'put', '--rate', '0.01', '--dividend', '0']));
  assert.equal(
    await api('/v1/pricing/iv?spot=580&strike=580&dte=30&price=12.69&type=call'),
    await cli(['iv', '--spot', '580', '--strike', '580', '--dte', '30', '--price', '12.69', '--type', 'call']));
  assert.equal(
    await api('/v1/pricing/iv?spot=100&strike=50&dte=30&price=1&type=call'),
    await cli(['iv', '--spot', '100', '--strike', '50', '--dte', '30', '--price', '1', '--type', 'call']), 'below intrinsic: null with reason');
});

test('real Cboe VIX tape (2016-06-01): signals and summary over the API equal the CLI', { skip: existsSync(VIX_TRADES) ? false : 'needs ../shared/data' }, async () => {
  const { data } = await loadMarketData({ trades: [VIX_TRADES], chains: [] });
  const vix = await buildServer(data);
  try {
    for (const [flags, query] of [[[], ''], [['--min-score', '30', '--at', '2016-06-01T11:00:00-04:00'], 'minScore=30&at=2016-06-01T11:00:00-04:00']] as const) {
      for (const command of ['signals', 'summary']) {
        const path = command === 'signals' ? '/v1/flow/signals/VIX' : '/v1/flow/signals/VIX/summary';
        assert.equal(await api(`${path}?${query}`, vix), await cli([command, 'VIX', '--trades', VIX_TRADES, ...flags]));
      }
    }
  } finally {
    await vix.close();
  }
});
