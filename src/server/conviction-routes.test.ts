import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_TAPE_DATE, generateSyntheticTape } from '../synthetic/tape-generator.ts';
import { buildServer } from './build-server.ts';
import { InMemoryMarketData, loadMarketData } from './in-memory-market-data.ts';

/*
 * End to end over a generated (SYNTHETIC) multi-symbol day: the leaderboard's rows, ranks, tiles and formulas,
 * its filters and errors, the symbol history, and a live batch that updates one row incrementally to exactly
 * what a full recompute gives.
 */

interface Row {
  rank: number; symbol: string; direction: string; score: number; options_flow: number; dark_pool: number | null;
  alert_cluster: number; greek_positioning: number | null; total_premium: number; dp_premium: number | null; alerts: number;
  change: unknown;
  breakdown: {
    weights: Record<string, number>; coverage: number; signed_evidence: number; direction_threshold: number;
    options_flow: { magnitude: number; directional: number; quality: number; direction: number; premium: number };
    alert_cluster: { cluster_size: number; direction: number };
    greek_positioning: { delta_alignment: number; gamma_alignment: number } | null;
  };
}
interface Board { date: string; as_of: string | null; tiles: Record<string, unknown> & { sentiment: Record<string, number> }; rows: Row[]; days: string[] }

let dir = '';
let app: FastifyInstance;
let board: Board;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sm-conviction-'));
  await generateSyntheticTape({ symbols: 8, prints: 24_000, seed: 5, date: DEFAULT_TAPE_DATE, outDir: dir, gzip: false });
  const { data } = await loadMarketData({ trades: [join(dir, 'trades.csv')], chains: [join(dir, 'chains.csv')] });
  app = await buildServer(data);
  const r = await app.inject({ method: 'GET', url: '/v1/smart-money/leaderboard' });
  assert.equal(r.statusCode, 200, r.body);
  board = r.json();
});
after(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

test('leaderboard: one row per symbol of the day, ranked 1…n by score, tiles summing the rows', async () => {
  assert.equal(board.date, DEFAULT_TAPE_DATE);
  assert.deepEqual(board.days, [DEFAULT_TAPE_DATE]);
  assert.equal(board.rows.length, 8);
  assert.deepEqual(board.rows.map((r) => r.rank), [1, 2, 3, 4, 5, 6, 7, 8]);
  for (let i = 1; i < board.rows.length; i++) assert.ok((board.rows[i - 1] as Row).score >= (board.rows[i] as Row).score);
  const t = board.tiles;
  assert.equal(t.symbols, 8);
  assert.equal((t.sentiment.bullish ?? 0) + (t.sentiment.bearish ?? 0) + (t.sentiment.neutral ?? 0), 8);
  for (const d of ['bullish', 'bearish', 'neutral']) assert.equal(t.sentiment[d], board.rows.filter((r) => r.direction === d).length);
  assert.ok(Math.abs((t.total_premium as number) - board.rows.reduce((s, r) => s + r.total_premium, 0)) < 0.05);
  assert.equal(t.alerts, board.rows.reduce((s, r) => s + r.alerts, 0));
  assert.equal(t.avg_score, Math.round(board.rows.reduce((s, r) => s + r.score, 0) / 8 * 100) / 100);
  assert.ok(board.rows.some((r) => r.total_premium > 0 && r.alerts > 0), 'the synthetic day has scored flow');
});

test('leaderboard: each row reproduces its documented formulas from its own breakdown (no equity tape → dark pool left out)', () => {
  for (const r of board.rows) {
    const b = r.breakdown;
    assert.equal(r.dark_pool, null);
    assert.equal(r.dp_premium, null);
    assert.equal(b.coverage, 0.75, 'flow 0.40 + alerts 0.20 + greeks 0.15');
    const f = b.options_flow;
    assert.ok(Math.abs(r.options_flow - 100 * f.magnitude * (0.4 + 0.3 * f.directional + 0.3 * f.quality)) <= 0.01, r.symbol);
    assert.ok(Math.abs(r.alert_cluster - 100 * (1 - Math.exp(-b.alert_cluster.cluster_size / 4))) <= 0.01, r.symbol);
    if (r.greek_positioning !== null && b.greek_positioning !== null) {
      const g = b.greek_positioning;
      assert.ok(Math.abs(r.greek_positioning - (50 + 35 * g.delta_alignment + 15 * g.gamma_alignment)) <= 0.01, r.symbol);
    }
    const w = b.weights;
    const composite = (w.options_flow ?? NaN) * r.options_flow + (w.alert_cluster ?? NaN) * r.alert_cluster + (w.greek_positioning ?? NaN) * (r.greek_positioning ?? 0);
    assert.ok(Math.abs(r.score - composite) <= 0.01, r.symbol);
    const expected = b.signed_evidence >= 0.25 ? 'bullish' : b.signed_evidence <= -0.25 ? 'bearish' : 'neutral';
    assert.equal(r.direction, expected);
    assert.ok(r.total_premium >= 0 && Math.abs(r.total_premium - f.premium) < 0.01);
    assert.equal(r.change, null, 'one day of data: no previous day');
  }
});

test('leaderboard filters keep the board ranks; errors are JSON with the right status', async () => {
  const get = async (url: string) => {
    const r = await app.inject({ method: 'GET', url });
    return { status: r.statusCode, body: r.json() };
  };
  const top = await get('/v1/smart-money/leaderboard?limit=3');
  assert.deepEqual((top.body as Board).rows.map((r) => r.symbol), board.rows.slice(0, 3).map((r) => r.symbol));
  for (const d of ['bullish', 'bearish', 'neutral']) {
    const f = (await get(`/v1/smart-money/leaderboard?direction=${d}`)).body as Board;
    assert.deepEqual(f.rows.map((r) => `${r.rank}${r.symbol}`), board.rows.filter((r) => r.direction === d).map((r) => `${r.rank}${r.symbol}`));
    assert.deepEqual(f.tiles, board.tiles, 'tiles are the whole board whatever the filter');
  }
  const none = await get('/v1/smart-money/leaderboard?date=2025-03-13');
  assert.equal(none.status, 404);
  assert.equal(none.body.error, 'no_data');
  assert.match(none.body.message, new RegExp(DEFAULT_TAPE_DATE));
  for (const url of ['/v1/smart-money/leaderboard?date=2025-02-30', '/v1/smart-money/leaderboard?direction=up',
    '/v1/smart-money/leaderboard?limit=0', '/v1/smart-money/leaderboard?at=soon', '/v1/smart-money/leaderboard?sort=score']) {
    const r = await get(url);
    assert.equal(r.status, 400, url);
    assert.equal(r.body.error, 'invalid_parameter', url);
  }
  const unknown = await get('/v1/smart-money/NOPE');
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.error, 'unknown_symbol');
});

test('?at= in the morning answers with the board as it stood then (less premium), and the symbol history has the day', async () => {
  const morning = (await app.inject({ method: 'GET', url: `/v1/smart-money/leaderboard?at=${DEFAULT_TAPE_DATE}T10:30:00-04:00` })).json() as Board;
  const sum = (b: Board) => b.rows.reduce((s, r) => s + r.total_premium, 0);
  assert.ok(morning.as_of !== null && morning.as_of <= `${DEFAULT_TAPE_DATE}T14:30:00.000Z`, String(morning.as_of));
  assert.ok(sum(morning) < sum(board));
  const first = board.rows[0] as Row;
  const h = (await app.inject({ method: 'GET', url: `/v1/smart-money/${first.symbol.toLowerCase()}` })).json() as { symbol: string; rows: (Row & { date: string })[] };
  assert.equal(h.symbol, first.symbol);
  assert.equal(h.rows.length, 1);
  assert.equal(h.rows[0]?.date, DEFAULT_TAPE_DATE);
  assert.equal(h.rows[0]?.score, first.score);
});

test('live: a posted batch re-scores its symbol only, and the updated board equals a full recompute over the same prints', async () => {
  const lines = readFileSync(join(dir, 'trades.csv'), 'utf8').trim().split('\n');
  const header = lines[0] as string;
  const body = lines.slice(1);
  const cut = Math.floor(body.length * 0.8);
  const live = new InMemoryMarketData();
  const server = await buildServer(live);
  const post = (rows: string[]) => server.inject({ method: 'POST', url: '/v1/ingest/options-trades', headers: { 'content-type': 'text/csv' }, payload: `${header}\n${rows.join('\n')}\n` });
  await server.inject({ method: 'POST', url: '/v1/ingest/chains', headers: { 'content-type': 'text/csv' }, payload: readFileSync(join(dir, 'chains.csv'), 'utf8') });
  assert.equal((await post(body.slice(0, cut))).statusCode, 200);
  const early = (await server.inject({ method: 'GET', url: '/v1/smart-money/leaderboard' })).json() as Board;
  assert.equal((await post(body.slice(cut))).statusCode, 200);
  const late = (await server.inject({ method: 'GET', url: '/v1/smart-money/leaderboard' })).json() as Board;
  assert.notDeepEqual(late.rows.map((r) => r.score), early.rows.map((r) => r.score));
  const strip = (b: Board) => ({ ...b, as_of: null });
  assert.deepEqual(strip(late), strip(board));
  await server.close();
});
