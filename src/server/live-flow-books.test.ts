import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_FLOW_SETTINGS } from '../core/options-flow/flow-settings.ts';
import { FlowTape } from '../core/options-flow/flow-tape.ts';
import { SettledOiBook } from '../core/options-flow/settled-oi-book.ts';
import type { IsoDate } from '../core/units.ts';
import { DEFAULT_TAPE_DATE, generateSyntheticTape } from '../synthetic/tape-generator.ts';
import { buildServer } from './build-server.ts';
import { InMemoryMarketData, loadMarketData } from './in-memory-market-data.ts';
import { LiveFlowBooks } from './live-flow-books.ts';

test('live books: after each appended batch (and after a batch they were not told of) the day\'s signals equal a fresh tape\'s', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sm-books-'));
  await generateSyntheticTape({ symbols: 2, prints: 4000, seed: 8, date: DEFAULT_TAPE_DATE, outDir: dir, gzip: false });
  const { data } = await loadMarketData({ trades: [join(dir, 'trades.csv')], chains: [join(dir, 'chains.csv')] });
  const symbol = (await data.symbols())[0] as string;
  const day = DEFAULT_TAPE_DATE as IsoDate;
  const all = [...await data.prints(symbol, day, Number.MAX_SAFE_INTEGER as never)];
  const chain = await data.chainRows(symbol, null);
  const books = new LiveFlowBooks();
  const fresh = (n: number) => {
    const tape = new FlowTape();
    tape.addAll(all.slice(0, n));
    return { signals: tape.signals(DEFAULT_FLOW_SETTINGS, new SettledOiBook(chain).lookup).get(symbol) ?? [], stats: { ...tape.stats } };
  };
  const cuts = [100, 250, 251, 900, 1500, all.length];
  let prev = 0;
  for (const [i, n] of cuts.entries()) {
    // Every other batch is told to the books; the others must be caught by the count check and rebuilt.
    if (i % 2 === 1) books.appended(all.slice(prev, n));
    assert.deepEqual(books.daySignals(symbol, day, all.slice(0, n), chain, DEFAULT_FLOW_SETTINGS), fresh(n), `after ${n} prints`);
    prev = n;
  }
  rmSync(dir, { recursive: true, force: true });
});

test('live server: after each posted batch the signals and summary bodies equal those of a server given the same prints at once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sm-books-http-'));
  await generateSyntheticTape({ symbols: 2, prints: 3000, seed: 12, date: DEFAULT_TAPE_DATE, outDir: dir, gzip: false });
  const lines = readFileSync(join(dir, 'trades.csv'), 'utf8').trimEnd().split('\n');
  const header = lines[0] as string;
  const rows = lines.slice(1);
  const chains = readFileSync(join(dir, 'chains.csv'), 'utf8');
  const live = await buildServer(new InMemoryMarketData());
  const post = (url: string, body: string) => live.inject({ method: 'POST', url, headers: { 'content-type': 'text/csv' }, payload: body });
  await post('/v1/ingest/chains', chains);
  let sent = 0;
  for (const n of [700, 1400, 2100, 3000]) {
    assert.equal((await post('/v1/ingest/options-trades', [header, ...rows.slice(sent, n)].join('\n'))).statusCode, 200);
    sent = n;
    const direct = new InMemoryMarketData();
    const once = await buildServer(direct);
    await once.inject({ method: 'POST', url: '/v1/ingest/chains', headers: { 'content-type': 'text/csv' }, payload: chains });
    await once.inject({ method: 'POST', url: '/v1/ingest/options-trades', headers: { 'content-type': 'text/csv' }, payload: [header, ...rows.slice(0, n)].join('\n') });
    for (const symbol of await direct.symbols()) {
      for (const url of [`/v1/flow/signals/${symbol}?limit=500&windowMinutes=390`, `/v1/flow/signals/${symbol}/summary`]) {
        const a = await live.inject({ method: 'GET', url });
        const b = await once.inject({ method: 'GET', url });
        assert.equal(a.statusCode, 200);
        assert.equal(a.body, b.body, `${url} after ${n} prints`);
      }
    }
    await once.close();
  }
  await live.close();
  rmSync(dir, { recursive: true, force: true });
});
