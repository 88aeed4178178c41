import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChainContract } from '../core/options-flow/chain.ts';
import type { OptionTrade } from '../core/options-flow/option-trade.ts';
import type { MarketStore } from '../store/market-store.ts';
import { openMemoryStore } from '../store/memory-store.ts';
import { DEFAULT_TAPE_DATE, generateSyntheticTape } from '../synthetic/tape-generator.ts';
import { buildServer } from './build-server.ts';
import { loadMarketData } from './in-memory-market-data.ts';
import type { MarketData } from './market-data.ts';

// Compile-time: a store (src/store) is a MarketData as it is, with no adapter.
const asMarketData = (store: MarketStore): MarketData => store;

async function load<T extends OptionTrade | ChainContract>(store: MarketStore, kind: 'prints' | 'chain', rows: readonly T[]): Promise<void> {
  const source = await store.openSource({ kind, sha256: `${kind}-test`, name: kind });
  const put = kind === 'prints'
    ? await store.putPrints(rows as readonly OptionTrade[], source)
    : await store.putChainRows(rows as readonly ChainContract[], source);
  await store.completeSource(put, { rowsRead: rows.length, accepted: rows.length, rejected: 0, excluded: 0 });
}

test('the store\'s reference MemoryStore, handed to the server as MarketData, gives the bodies the in-memory data gives', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sm-port-'));
  try {
    await generateSyntheticTape({ symbols: 2, prints: 2_000, seed: 13, date: DEFAULT_TAPE_DATE, outDir: dir, gzip: false });
    const { data } = await loadMarketData({ trades: [join(dir, 'trades.csv')], chains: [join(dir, 'chains.csv')] });
    const store = openMemoryStore();
    const symbols = await data.symbols();
    const trades: OptionTrade[] = [];
    const chain: ChainContract[] = [];
    for (const s of symbols) {
      for (const t of await data.prints(s, DEFAULT_TAPE_DATE, Number.MAX_SAFE_INTEGER as never)) trades.push(t);
      for (const c of await data.chainRows(s, null)) chain.push(c);
    }
    await load(store, 'prints', trades);
    await load(store, 'chain', chain);
    const mine = await buildServer(data);
    const theirs = await buildServer(asMarketData(store));
    try {
      const s = symbols[0] as string;
      for (const url of [`/v1/flow/signals/${s}`, `/v1/flow/signals/${s}/summary?at=2025-03-14T12:00:00-04:00`, `/v1/exposure/gex/${s}`,
        `/v1/flow/tilt?symbols=${symbols.join(',')}`, '/health']) {
        const a = await mine.inject({ method: 'GET', url });
        const b = await theirs.inject({ method: 'GET', url });
        assert.equal(a.statusCode, 200, url);
        assert.equal(b.body, a.body, url);
      }
    } finally {
      await mine.close();
      await theirs.close();
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
