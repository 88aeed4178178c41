import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { captureIo } from '../cli/capture-io.ts';
import { darkpoolCommand } from '../cli/commands/darkpool.ts';
import { buildServer } from './build-server.ts';
import { loadEquityDarkPool } from './equity-dark-pool.ts';
import { InMemoryMarketData } from './in-memory-market-data.ts';

// Real LEAN equity ticks (reads ../shared/data; skipped without it): IBM with its quote file, AIG trades only, 2013-10-08.
const LEAN = fileURLToPath(new URL('../../../shared/data/lean-us-equity-ticks-2013-10/', import.meta.url));
const skip = existsSync(LEAN) ? false : 'needs ../shared/data/lean-us-equity-ticks-2013-10';
const IBM_T = join(LEAN, 'IBM_2013-10-08_trades.csv.gz');
const IBM_Q = join(LEAN, 'IBM_2013-10-08_quotes.csv.gz');
const AIG_T = join(LEAN, 'AIG_2013-10-08_trades.csv.gz');

let app: FastifyInstance;
before(async () => {
  if (skip !== false) return;
  const { data, loads } = await loadEquityDarkPool({ trades: [IBM_T, AIG_T], quotes: [IBM_Q] });
  assert.deepEqual(loads.map((l) => l.report.rejected), [0, 0, 0]);
  app = await buildServer(new InMemoryMarketData(), undefined, null, { darkPool: data });
});
after(async () => app?.close());

interface DpBody { symbol: string; days: { date: string; dp_premium: number; dp_buy_premium: number; dp_sell_premium: number; block_premium: number; unusual_block_count: number; levels: unknown[] }[] }

test('GET /v1/darkpool/{symbol}/levels is `smartmoney darkpool` on the same real LEAN files, byte for byte', { skip }, async () => {
  const io = captureIo();
  assert.equal(await darkpoolCommand.run(['IBM', '--trades', IBM_T, '--quotes', IBM_Q], io), 0);
  const r = await app.inject({ method: 'GET', url: '/v1/darkpool/ibm/levels?date=2013-10-08' });
  assert.equal(r.statusCode, 200);
  assert.equal(r.body, JSON.stringify(JSON.parse(io.out())));
  const body = r.json() as DpBody;
  assert.ok((body.days[0]?.levels.length ?? 0) > 0);
  const morning = (await app.inject({ method: 'GET', url: '/v1/darkpool/IBM/levels?at=2013-10-08T11:00:00-04:00' })).json() as DpBody;
  assert.ok((morning.days[0]?.dp_premium ?? Infinity) < (body.days[0]?.dp_premium ?? 0));
  for (const [url, status, code] of [
    ['/v1/darkpool/MSFT/levels', 404, 'unknown_symbol'], ['/v1/darkpool/IBM/levels?date=2013-10-09', 404, 'no_data'],
    ['/v1/darkpool/IBM/levels?date=2013-13-01', 400, 'invalid_parameter'], ['/v1/darkpool/IBM/levels?at=x', 400, 'invalid_parameter'],
  ] as const) {
    const e = await app.inject({ method: 'GET', url });
    assert.equal(e.statusCode, status, url);
    assert.equal(e.json().error, code, url);
  }
});

test('leaderboard over real equity prints only: each row\'s dark pool evidence is the darkpool body\'s, and reproduces its formula', { skip }, async () => {
  const board = (await app.inject({ method: 'GET', url: '/v1/smart-money/leaderboard' })).json() as {
    date: string; rows: { symbol: string; score: number; dark_pool: number; options_flow: number | null; greek_positioning: number | null; dp_premium: number; alerts: number;
      breakdown: { coverage: number; dark_pool: { magnitude: number; direction: number; unusual: number } } }[];
  };
  assert.equal(board.date, '2013-10-08');
  assert.deepEqual(board.rows.map((r) => r.symbol).sort(), ['AIG', 'IBM']);
  for (const row of board.rows) {
    const dp = ((await app.inject({ method: 'GET', url: `/v1/darkpool/${row.symbol}/levels` })).json() as DpBody).days[0];
    assert.ok(dp !== undefined);
    assert.equal(row.dp_premium, dp.dp_premium);
    assert.equal(row.options_flow, null, 'no option prints that day: left out, not zero');
    assert.equal(row.greek_positioning, null);
    assert.equal(row.breakdown.coverage, 0.45, 'dark pool 0.25 + alerts 0.20; no option prints, no chain');
    const b = row.breakdown.dark_pool;
    assert.ok(Math.abs(b.magnitude - Math.min(1, Math.log(dp.block_premium / 1e6) / Math.log(500))) < 1e-4);
    assert.ok(Math.abs(b.direction - (dp.dp_buy_premium - dp.dp_sell_premium) / (dp.dp_buy_premium + dp.dp_sell_premium)) < 1e-3);
    assert.ok(Math.abs(row.dark_pool - 100 * b.magnitude * (0.4 + 0.4 * Math.abs(b.direction) + 0.2 * b.unusual)) <= 0.01);
    assert.equal(row.alerts, dp.unusual_block_count);
  }
});
