import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_TAPE_DATE, generateSyntheticTape } from '../synthetic/tape-generator.ts';
import { buildServer } from './build-server.ts';
import { InMemoryMarketData } from './in-memory-market-data.ts';
import { DEFAULT_SERVER_SETTINGS } from './server-settings.ts';

interface Sse {
  readonly id: number | null;
  readonly event: string;
  readonly data: string;
}

/** A minimal EventSource over fetch: events and comments as they arrive, and a way to hang up. */
function connect(url: string, lastEventId?: number) {
  const events: Sse[] = [];
  const comments: string[] = [];
  const abort = new AbortController();
  const headers: Record<string, string> = lastEventId === undefined ? {} : { 'last-event-id': String(lastEventId) };
  const opened = fetch(url, { headers, signal: abort.signal });
  const done = (async () => {
    const res = await opened;
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
    const decoder = new TextDecoder();
    let text = '';
    try {
      for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
        text += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = text.indexOf('\n\n')) >= 0) {
          const frame = text.slice(0, end);
          text = text.slice(end + 2);
          let id: number | null = null, event = 'message', data = '';
          for (const line of frame.split('\n')) {
            if (line.startsWith(':')) comments.push(line);
            else if (line.startsWith('id: ')) id = Number(line.slice(4));
            else if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data = line.slice(6);
          }
          if (data !== '') events.push({ id, event, data });
        }
      }
    } catch (e) {
      if (!abort.signal.aborted) throw e;
    }
  })();
  return { events, comments, opened, close: async () => { abort.abort(); await done; } };
}

/** Waits until `events` stops growing for `quietMs` (the server writes a batch's events before answering its POST). */
async function settle(events: readonly unknown[], quietMs = 200): Promise<void> {
  let n = -1;
  while (n !== events.length) {
    n = events.length;
    await sleep(quietMs);
  }
}

let dir = '';
let header = '';
let parts: string[] = [];
let chains = '';
let app: FastifyInstance;
let base = '';

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sm-stream-'));
  await generateSyntheticTape({ symbols: 2, prints: 1500, seed: 21, date: DEFAULT_TAPE_DATE, outDir: dir, gzip: false });
  const lines = readFileSync(join(dir, 'trades.csv'), 'utf8').trimEnd().split('\n');
  header = lines[0] as string;
  const rows = lines.slice(1);
  parts = [rows.slice(0, 500), rows.slice(500, 1000), rows.slice(1000)].map((p) => [header, ...p].join('\n'));
  chains = readFileSync(join(dir, 'chains.csv'), 'utf8');
  app = await buildServer(new InMemoryMarketData(), { ...DEFAULT_SERVER_SETTINGS, streamHeartbeatMs: 100 });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});

after(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

async function ingest(body: string, url = '/v1/ingest/options-trades'): Promise<void> {
  const r = await fetch(`${base}${url}`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body });
  assert.equal(r.status, 200, await r.text());
}

test('SSE over real HTTP: every signal of the final report is announced once, ids rise by one, the last summary is GET …/summary; a reconnect with Last-Event-ID gets exactly the missed events', async () => {
  await ingest(chains, '/v1/ingest/chains');
  const steady = connect(`${base}/v1/stream/signals`);
  const leaving = connect(`${base}/v1/stream/signals`);
  await Promise.all([steady.opened, leaving.opened]);
  await ingest(parts[0] as string);
  await settle(steady.events);
  assert.ok(leaving.events.length > 0, 'events after the first batch');
  await leaving.close();
  const lastSeen = leaving.events.at(-1)?.id as number;
  await ingest(parts[1] as string);
  await settle(steady.events);
  const back = connect(`${base}/v1/stream/signals`, lastSeen);
  await back.opened;
  await ingest(parts[2] as string);
  await settle(steady.events);
  await settle(back.events);

  // Server-wide ids, one by one, with no gap and no repeat.
  assert.deepEqual(steady.events.map((e) => e.id), steady.events.map((_, i) => i + 1));
  // The resumed client got exactly what the steady one got after lastSeen.
  assert.deepEqual(back.events, steady.events.filter((e) => (e.id as number) > lastSeen));

  assert.ok(back.events.length > 0 && back.events.length < steady.events.length);
  for (const symbol of new Set(steady.events.map((e) => (JSON.parse(e.data) as { symbol: string }).symbol))) {
    const mine = steady.events.filter((e) => (JSON.parse(e.data) as { symbol: string }).symbol === symbol);
    const keys = mine.filter((e) => e.event === 'signal').map((e) => (JSON.parse(e.data) as { key: string }).key);
    assert.equal(new Set(keys).size, keys.length, 'no signal announced twice');
    const signals = await (await fetch(`${base}/v1/flow/signals/${symbol}?limit=500`)).json() as { signals: { contract: string; side: string }[] };
    const announced = new Set(keys.map((k) => k.split('|')).map(([contract, , side]) => `${contract}|${side}`));
    for (const s of signals.signals) assert.ok(announced.has(`${s.contract}|${s.side}`), `${s.contract} ${s.side} announced`);
    const summary = await (await fetch(`${base}/v1/flow/signals/${symbol}/summary`)).text();
    assert.equal(mine.filter((e) => e.event === 'summary').at(-1)?.data, summary);
    // The last conviction event of the symbol is its row on the leaderboard now (rank, score, direction).
    const board = await (await fetch(`${base}/v1/smart-money/leaderboard`)).json() as { rows: { rank: number; symbol: string; score: number; direction: string }[] };
    const row = board.rows.find((r) => r.symbol === symbol);
    const conviction = JSON.parse(mine.filter((e) => e.event === 'conviction').at(-1)?.data ?? 'null') as { row: { rank: number; score: number; direction: string } } | null;
    assert.ok(row !== undefined && conviction !== null, `${symbol} has a row and a conviction event`);
    assert.deepEqual([conviction.row.rank, conviction.row.score, conviction.row.direction], [row.rank, row.score, row.direction]);
  }
  assert.ok(steady.comments.includes(': heartbeat'), 'heartbeat comments on the stream');
  await Promise.all([steady.close(), back.close()]);
});

test('?symbols= filters the stream; a bad symbol or Last-Event-ID → 400 JSON naming it', async () => {
  const only = connect(`${base}/v1/stream/signals?symbols=SPY`, 0);
  await only.opened;
  await settle(only.events, 150);
  assert.ok(only.events.length > 0);
  assert.ok(only.events.every((e) => (JSON.parse(e.data) as { symbol: string }).symbol === 'SPY'));
  await only.close();
  const bad = await fetch(`${base}/v1/stream/signals?symbols=S%20PY`);
  assert.equal(bad.status, 400);
  assert.match((await bad.json() as { message: string }).message, /symbols/);
  const badId = await fetch(`${base}/v1/stream/signals`, { headers: { 'last-event-id': 'x1' } });
  assert.equal(badId.status, 400);
  assert.match((await badId.json() as { message: string }).message, /Last-Event-ID/);
});
