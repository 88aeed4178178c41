import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { newYorkDate } from '../core/calendar/new-york-date.ts';
import type { EpochMs } from '../core/units.ts';
import { DEFAULT_TAPE_DATE, generateSyntheticTape } from '../synthetic/tape-generator.ts';
import { buildServer } from './build-server.ts';
import { InMemoryMarketData, loadMarketData } from './in-memory-market-data.ts';
import { DEFAULT_SERVER_SETTINGS } from './server-settings.ts';

let dir = '';
let tradesCsv = '';
let chainsCsv = '';

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sm-ingest-'));
  await generateSyntheticTape({ symbols: 2, prints: 400, seed: 11, date: DEFAULT_TAPE_DATE, outDir: dir, gzip: false });
  tradesCsv = readFileSync(join(dir, 'trades.csv'), 'utf8');
  chainsCsv = readFileSync(join(dir, 'chains.csv'), 'utf8');
});

after(() => rmSync(dir, { recursive: true, force: true }));

const GOOD = { ts: '2025-03-14T10:00:00.000-04:00', underlying: 'XYZ', expiry: '2025-03-21', strike: 100, right: 'C', price: 2.5, size: 10, bid: 2.4, ask: 2.5 };

async function post(app: FastifyInstance, url: string, type: string, payload: string) {
  const r = await app.inject({ method: 'POST', url, headers: { 'content-type': type }, payload });
  return { status: r.statusCode, body: JSON.parse(r.body) };
}

const everyPrint = async (data: InMemoryMarketData) => {
  const out = [];
  for (const s of await data.symbols()) {
    const last = await data.lastPrintTs(s) as EpochMs;
    out.push(...await data.prints(s, newYorkDate(last), last));
  }
  return out;
};

test('a CSV tape posted as a body gives the same prints and chain rows as the file readers read from the file', async () => {
  const data = new InMemoryMarketData();
  const app = await buildServer(data);
  const t = await post(app, '/v1/ingest/options-trades', 'text/csv', tradesCsv);
  const c = await post(app, '/v1/ingest/chains', 'text/csv; charset=utf-8', chainsCsv);
  const fromFile = await loadMarketData({ trades: [join(dir, 'trades.csv')], chains: [join(dir, 'chains.csv')] });
  assert.equal(t.status, 200);
  assert.deepEqual(t.body, { accepted: 400, rejected: 0, excluded: 0, rejections: [] });
  assert.equal(c.status, 200);
  assert.equal(c.body.accepted, chainsCsv.trim().split('\n').length - 1);
  assert.deepEqual(await everyPrint(data), await everyPrint(fromFile.data));
  for (const s of await fromFile.data.symbols()) assert.deepEqual(await data.chainRows(s, null), await fromFile.data.chainRows(s, null));
  await app.close();
});

test('NDJSON: bad rows are reported with their line, field, value and reason and never stop the good ones', async () => {
  const data = new InMemoryMarketData();
  const app = await buildServer(data);
  const lines = [
    JSON.stringify(GOOD),
    '{not json',
    JSON.stringify({ ...GOOD, strike: -5 }),
    '',
    JSON.stringify({ ...GOOD, size: '3', ts: '2025-03-14T10:01:00.000-04:00' }),
    JSON.stringify({ ...GOOD, expiry: '2025-03-13' }),
  ];
  const r = await post(app, '/v1/ingest/options-trades', 'application/x-ndjson', lines.join('\r\n'));
  assert.equal(r.status, 200);
  assert.equal(r.body.accepted, 2);
  assert.equal(r.body.rejected, 3);
  assert.deepEqual(r.body.rejections.map((x: { line: number; field: string }) => [x.line, x.field]), [[2, '(line)'], [3, 'strike'], [6, 'expiry']]);
  assert.equal(r.body.rejections[1].value, '-5');
  assert.equal((await data.prints('XYZ', DEFAULT_TAPE_DATE, Number.MAX_SAFE_INTEGER as EpochMs)).length, 2);
  const summary = await app.inject({ method: 'GET', url: '/v1/flow/signals/XYZ/summary' });
  assert.equal(summary.statusCode, 200);
  await app.close();
});

test('every row rejected → 400 with the counts; a CSV header lacking a required column → 400 naming it; other media types → 415', async () => {
  const data = new InMemoryMarketData();
  const app = await buildServer(data);
  const all = await post(app, '/v1/ingest/options-trades', 'application/x-ndjson', `${JSON.stringify({ ...GOOD, right: 'X' })}\n`);
  assert.equal(all.status, 400);
  assert.equal(all.body.rejected, 1);
  assert.equal(all.body.rejections[0].field, 'right');
  const header = await post(app, '/v1/ingest/chains', 'text/csv', 'as_of,underlying,expiry,strike,right\n');
  assert.equal(header.status, 400);
  assert.match(header.body.message, /open_interest/);
  const json = await post(app, '/v1/ingest/options-trades', 'application/json', JSON.stringify(GOOD));
  assert.equal(json.status, 415);
  assert.equal(json.body.error, 'unsupported_media_type');
  assert.deepEqual(await data.symbols(), []);
  await app.close();
});

test('over real HTTP: a streamed (chunked) body is read whole; past ingestMaxBytes → 413 JSON and nothing of it kept', async (t) => {
  const data = new InMemoryMarketData();
  const app = await buildServer(data, { ...DEFAULT_SERVER_SETTINGS, ingestMaxBytes: 4096 });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  t.after(() => app.close());
  const rows = Array.from({ length: 10 }, (_, i) => `${JSON.stringify({ ...GOOD, ts: `2025-03-14T10:00:0${i}.000-04:00` })}\n`);
  const chunked = (parts: string[]) => new ReadableStream({
    start(controller) {
      for (const p of parts) controller.enqueue(new TextEncoder().encode(p));
      controller.close();
    },
  });
  const url = `${base}/v1/ingest/options-trades`;
  const headers = { 'content-type': 'application/x-ndjson' };
  // Rows split across chunks mid-line.
  const joined = rows.join('');
  const ok = await fetch(url, { method: 'POST', headers, body: chunked([joined.slice(0, 77), joined.slice(77, 500), joined.slice(500)]), duplex: 'half' } as RequestInit);
  assert.equal(ok.status, 200);
  assert.equal((await ok.json() as { accepted: number }).accepted, 10);
  const big = rows.join('').repeat(5);
  const declared = await fetch(url, { method: 'POST', headers, body: big });
  assert.equal(declared.status, 413);
  assert.equal((await declared.json() as { error: string }).error, 'payload_too_large');
  const streamed = await fetch(url, { method: 'POST', headers, body: chunked(Array.from({ length: 5 }, () => rows.join(''))), duplex: 'half' } as RequestInit);
  assert.equal(streamed.status, 413);
  assert.equal((await data.prints('XYZ', DEFAULT_TAPE_DATE, Number.MAX_SAFE_INTEGER as EpochMs)).length, 10);
});

test('fuzz: no body, of any media type, gets a 5xx; accepted + rejected never exceed the lines sent', async () => {
  const app = await buildServer(new InMemoryMarketData());
  const line = fc.oneof(
    fc.string(),
    fc.constant(JSON.stringify(GOOD)),
    fc.record({ ts: fc.oneof(fc.string(), fc.integer()), underlying: fc.string(), expiry: fc.string(), strike: fc.oneof(fc.double(), fc.string()), right: fc.constantFrom('C', 'P', 'x'), price: fc.double(), size: fc.oneof(fc.integer(), fc.string()), bid: fc.double(), ask: fc.jsonValue() }).map((o) => JSON.stringify(o)),
    fc.array(fc.string(), { maxLength: 14 }).map((f) => f.join(',')),
    fc.record({ ts: fc.oneof(fc.string(), fc.integer()), symbol: fc.string(), price: fc.oneof(fc.double(), fc.string()), size: fc.oneof(fc.integer(), fc.string()), exchange: fc.constantFrom('D', 'N', ''), conditions: fc.oneof(fc.string(), fc.constantFrom('average_price', '0x20', 'intermarket_sweep|odd_lot')), bid: fc.oneof(fc.double(), fc.constant('')), ask: fc.jsonValue() }).map((o) => JSON.stringify(o)),
  );
  await fc.assert(fc.asyncProperty(
    fc.constantFrom('/v1/ingest/options-trades', '/v1/ingest/chains', '/v1/ingest/equity-trades'),
    fc.constantFrom('application/x-ndjson', 'text/csv', 'application/json', 'text/plain', 'application/ndjson'),
    fc.boolean(), fc.array(line, { maxLength: 12 }),
    async (url, type, withHeader, lines) => {
      const header = url.endsWith('chains') ? 'as_of,underlying,underlying_price,expiry,strike,right,open_interest,bid,ask,volume,iv'
        : url.endsWith('equity-trades') ? 'ts,symbol,price,size,exchange,conditions,bid,ask' : 'ts,underlying,expiry,strike,right,price,size,bid,ask,exchange,condition,side';
      const payload = [...(withHeader ? [header] : []), ...lines].join('\n');
      const r = await app.inject({ method: 'POST', url, headers: { 'content-type': type }, payload });
      assert.ok(r.statusCode < 500, `${r.statusCode} ${r.body}`);
      const body = JSON.parse(r.body);
      if (r.statusCode === 200) assert.ok(body.accepted + body.rejected <= lines.length + 1);
      // The boards and books the live feed touches still answer (no 5xx after any accepted body).
      for (const after of ['/v1/smart-money/leaderboard', '/v1/flow/signals/SPY']) assert.ok((await app.inject({ method: 'GET', url: after })).statusCode < 500, after);
    },
  ), { numRuns: 300 });
  await app.close();
});
