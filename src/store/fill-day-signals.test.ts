import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CHAIN_ANALYTICS_SETTINGS } from '../core/gamma-exposure/chain-analytics-settings.ts';
import { flowReport } from '../core/options-flow/flow-report.ts';
import { DEFAULT_FLOW_SETTINGS } from '../core/options-flow/flow-settings.ts';
import { compareByScore } from '../core/options-flow/signal-query.ts';
import { type Contracts, type EpochMs, type IsoDate, isoDate } from '../core/units.ts';
import { generateSyntheticTape } from '../synthetic/tape-generator.ts';
import { endOfNewYorkDay } from './day-signals.ts';
import { fillDaySignals } from './fill-day-signals.ts';
import { ingestFile } from './ingest-file.ts';
import type { MarketStore } from './market-store.ts';
import { MemoryStoreData, openMemoryStore } from './memory-store.ts';
import { loadSource } from './store-contract.ts';

/* A synthetic two-day tape (tape-generator.ts), each day with the previous close's chain, in memory stores. */

const DAYS = [isoDate('2025-03-13'), isoDate('2025-03-14')];
let dir = '';

async function loaded(): Promise<MarketStore> {
  const store = openMemoryStore(new MemoryStoreData());
  for (const date of DAYS) for (const file of ['trades.csv', 'chains.csv']) await ingestFile(store, join(dir, date, file), { strict: true });
  return store;
}

async function everything(store: MarketStore) {
  const out: unknown[] = [];
  for (const day of DAYS) for (const s of await store.symbols(day)) out.push([day, s, await store.daySignals(s, day)]);
  return out;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sm-fill-'));
  for (const [i, date] of DAYS.entries()) await generateSyntheticTape({ symbols: 3, prints: 3000, seed: 5 + i, date, outDir: join(dir, date), gzip: false });
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('fills every symbol-day with the signals the core flowReport finds over that whole day (its own tape, chain as known at the end of the day); a second run computes nothing', async () => {
  const store = await loaded();
  const fills = await fillDaySignals(store, DEFAULT_FLOW_SETTINGS);
  assert.deepEqual(fills.map((f) => [f.day, f.computed === f.symbols, f.prints]), [[DAYS[0], true, 3000], [DAYS[1], true, 3000]]);
  for (const day of DAYS) {
    const at = endOfNewYorkDay(day);
    for (const symbol of await store.symbols(day)) {
      const stored = await store.daySignals(symbol, day);
      const report = flowReport({
        symbol, trades: await store.prints(symbol, day), chainRows: await store.chainRows(symbol, at), at, settings: DEFAULT_FLOW_SETTINGS,
        chainSettings: DEFAULT_CHAIN_ANALYTICS_SETTINGS, chainDetail: 'spot',
        query: { windowMinutes: 1440, minScore: 0, intent: null, structure: null, limit: 500, expiry: null },
      });
      assert.ok(stored !== null && stored.signals.length > 0, `${symbol} ${day}`);
      assert.deepStrictEqual([...stored.signals].sort(compareByScore), report.ranked, `${symbol} ${day}`);
      assert.deepStrictEqual(stored.stats, report.stats);
      assert.deepEqual([stored.stamp.prints, stored.stamp.chainRows], [report.stats.prints, (await store.chainRows(symbol, at)).length]);
    }
  }
  assert.deepEqual((await fillDaySignals(store, DEFAULT_FLOW_SETTINGS)).map((f) => f.computed), [0, 0]);
});

test('a fill that stops part-way (a write fails) is completed by the next run, which ends with the same stored signals as a fill that never stopped', async () => {
  const clean = await loaded();
  await fillDaySignals(clean, DEFAULT_FLOW_SETTINGS);
  const cut = await loaded();
  let writes = 0;
  const failing: MarketStore = Object.assign(Object.create(cut) as MarketStore, {
    putDaySignals: async (...args: Parameters<MarketStore['putDaySignals']>) => {
      if (++writes > 4) throw new Error('disk full');
      return cut.putDaySignals(...args);
    },
  });
  await assert.rejects(fillDaySignals(failing, DEFAULT_FLOW_SETTINGS), /disk full/);
  const rerun = await fillDaySignals(cut, DEFAULT_FLOW_SETTINGS);
  assert.equal(rerun.reduce((n, f) => n + f.computed, 0), rerun.reduce((n, f) => n + f.symbols, 0) - 4);
  assert.deepStrictEqual(await everything(cut), await everything(clean));
});

test('only what a load changed is computed again: a late print (that symbol-day), a chain snapshot (that symbol, its day and later days), other flow settings (all)', async () => {
  const store = await loaded();
  await fillDaySignals(store, DEFAULT_FLOW_SETTINGS);
  const [first, second] = DAYS as [IsoDate, IsoDate];
  const symbol = (await store.symbols(first))[0] as string;
  const [model] = await store.prints(symbol, first);
  assert.ok(model !== undefined);
  await loadSource(store, { kind: 'prints', sha256: 'late', name: 'late' }, [{ ...model, ts: (endOfNewYorkDay(first) - 1000) as EpochMs, size: 700 as Contracts }]);
  const afterPrint = await fillDaySignals(store, DEFAULT_FLOW_SETTINGS);
  assert.deepEqual(afterPrint.map((f) => f.computed), [1, 0]);
  assert.equal((await store.daySignals(symbol, first))?.stamp.prints, (await store.prints(symbol, first)).length);

  const [row] = await store.chainRows(symbol);
  assert.ok(row !== undefined);
  await loadSource(store, { kind: 'chain', sha256: 'snap', name: 'snap' }, [{ ...row, asOf: Date.parse(`${first}T12:00:00-04:00`) as EpochMs }]);
  assert.deepEqual((await fillDaySignals(store, DEFAULT_FLOW_SETTINGS)).map((f) => f.computed), [1, 1]);
  assert.deepEqual((await fillDaySignals(store, DEFAULT_FLOW_SETTINGS, { days: [second] })).map((f) => f.computed), [0]);

  const other = { ...DEFAULT_FLOW_SETTINGS, notableSize: 60 };
  const all = await fillDaySignals(store, other);
  assert.deepEqual(all.map((f) => f.computed), all.map((f) => f.symbols));
});
