import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EpochMs, IsoDate } from '../core/units.ts';
import { openMemoryStore } from '../store/memory-store.ts';
import { buildServer } from './build-server.ts';
import { storeLiveSink } from './live-sink.ts';
import { DEFAULT_SERVER_SETTINGS } from './server-settings.ts';

const row = (i: number) => JSON.stringify({
  ts: `2025-03-14T10:00:0${i}.000-04:00`, underlying: 'XYZ', expiry: '2025-03-21', strike: 100, right: 'C', price: 2.5, size: 10 + i, bid: 2.4, ask: 2.5,
});

test('store sink (serve --data): each body is one complete store source; the same body posted twice is stored once (docs/store.md idempotency)', async () => {
  const store = openMemoryStore();
  const app = await buildServer(store, DEFAULT_SERVER_SETTINGS, storeLiveSink(store));
  const post = (payload: string) => app.inject({ method: 'POST', url: '/v1/ingest/options-trades', headers: { 'content-type': 'application/x-ndjson' }, payload });
  const body = [row(1), row(2), 'bad'].join('\n');
  assert.equal((await post(body)).statusCode, 200);
  assert.equal((await post(body)).statusCode, 200);
  assert.equal((await post(row(3))).statusCode, 200);
  const prints = await store.prints('XYZ', '2025-03-14' as IsoDate, Number.MAX_SAFE_INTEGER as EpochMs);
  assert.deepEqual(prints.map((p) => p.size), [11, 12, 13]);
  const sources = await store.sources();
  assert.equal(sources.length, 2);
  assert.ok(sources.every((s) => s.status === 'complete'));
  assert.deepEqual(sources[0]?.report, { rowsRead: 3, accepted: 2, rejected: 1, excluded: 0 });
  assert.equal((await app.inject({ method: 'GET', url: '/v1/flow/signals/XYZ/summary' })).statusCode, 200);
  await app.close();
});

test('a server on data that is not in memory, given no sink, has no live feed routes (404)', async () => {
  const store = openMemoryStore();
  const app = await buildServer(store);
  const r = await app.inject({ method: 'POST', url: '/v1/ingest/options-trades', headers: { 'content-type': 'application/x-ndjson' }, payload: row(1) });
  assert.equal(r.statusCode, 404);
  await app.close();
});
