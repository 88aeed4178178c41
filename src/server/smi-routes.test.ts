import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { captureIo } from '../cli/capture-io.ts';
import { smiCommand } from '../cli/commands/smi.ts';
import { buildServer } from './build-server.ts';
import { InMemoryMarketData } from './in-memory-market-data.ts';
import { loadSmiBars } from './smi-bars-data.ts';

// Real LEAN SPY hourly bars 2019-01-02 → 2021-03-31 (test-fixtures/smi/PROVENANCE.md).
const SPY = fileURLToPath(new URL('../../test-fixtures/smi/SPY_hourly_2019-2021.csv.gz', import.meta.url));

let app: FastifyInstance;

before(async () => {
  const { data, loads } = await loadSmiBars([['spy', SPY]]);
  assert.equal(loads[0]?.report.rejected, 0);
  app = await buildServer(new InMemoryMarketData(), undefined, null, { smi: data });
});
after(async () => app.close());

async function get(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const r = await app.inject({ method: 'GET', url });
  return { status: r.statusCode, body: r.json() };
}

interface Point { date: string; smi: number; first_half_hour_change: number; last_hour_change: number; close: number }

test('GET /v1/smi: the first two days computed by hand from the real LEAN file (09:00 bar = 09:30–10:00)', async () => {
  const { status, body } = await get('/v1/smi/spy?to=2019-01-03');
  assert.equal(status, 200);
  assert.equal(body.symbol, 'SPY');
  // 2019-01-02: 10:00 247.19 − open 246.06 = 1.13; close 250.18 − 15:00 price 249.84 = 0.34; SMI 0 − 1.13 + 0.34.
  // 2019-01-03: 247.25 − 248.30 = −1.05; 244.21 − 244.88 = −0.67; SMI −0.79 + 1.05 − 0.67 = −0.41.
  assert.deepEqual(body.series, [
    { date: '2019-01-02', smi: -0.79, first_half_hour_change: 1.13, last_hour_change: 0.34, close: 250.18 },
    { date: '2019-01-03', smi: -0.41, first_half_hour_change: -1.05, last_hour_change: -0.67, close: 244.21 },
  ]);
  assert.deepEqual(body.skipped, []);
});

test('GET /v1/smi: the same body as `smartmoney smi` on the same file and options, byte for byte', async () => {
  const io = captureIo();
  assert.equal(await smiCommand.run(['--bars', SPY, '--from', '2020-02-01', '--to', '2020-06-30', '--start-value', '100', '--lookback', '10'], io), 0);
  const r = await app.inject({ method: 'GET', url: '/v1/smi/SPY?from=2020-02-01&to=2020-06-30&start_value=100&lookback=10' });
  assert.equal(r.statusCode, 200);
  assert.equal(r.body, JSON.stringify(JSON.parse(io.out())));
  const body = r.json() as { series: Point[]; divergences: { kind: string }[] };
  assert.ok(body.series.length > 100);
  assert.ok(body.divergences.some((d) => d.kind.endsWith('divergence')));
});

test('GET /v1/smi ?at= leaves out the day still in progress and every later day', async () => {
  const { body } = await get('/v1/smi/SPY?from=2021-03-01&at=2021-03-31T15:30:00-04:00');
  const series = body.series as Point[];
  assert.equal(series.at(-1)?.date, '2021-03-30');
  const full = (await get('/v1/smi/SPY?from=2021-03-01')).body.series as Point[];
  assert.deepEqual(series, full.slice(0, -1));
});

test('GET /v1/smi errors: 404 unknown_symbol naming the symbols it has, 400 naming the bad parameter', async () => {
  const unknown = await get('/v1/smi/QQQ');
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.error, 'unknown_symbol');
  assert.match(String(unknown.body.message), /SPY/);
  for (const [url, name] of [
    ['/v1/smi/SPY?from=2019-13-01', 'from'], ['/v1/smi/SPY?to=yesterday', 'to'],
    ['/v1/smi/SPY?from=2020-02-01&to=2020-01-01', 'from'], ['/v1/smi/SPY?lookback=0', 'lookback'],
    ['/v1/smi/SPY?start_value=abc', 'start_value'], ['/v1/smi/SPY?at=noon', 'at'], ['/v1/smi/SPY?since=2020-01-01', 'since'],
  ] as const) {
    const r = await get(url);
    assert.equal(r.status, 400, url);
    assert.equal(r.body.error, 'invalid_parameter', url);
    assert.match(String(r.body.message), new RegExp(name), url);
  }
});
