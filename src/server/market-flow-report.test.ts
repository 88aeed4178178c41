import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { OptionTrade } from '../core/options-flow/option-trade.ts';
import { type Contracts, type EpochMs, type IsoDate, isoDate } from '../core/units.ts';
import { endOfNewYorkDay } from '../store/day-signals.ts';
import { openDuckDbStore } from '../store/duckdb-store.ts';
import { ingestFile } from '../store/ingest-file.ts';
import type { MarketStore } from '../store/market-store.ts';
import { loadSource } from '../store/store-contract.ts';
import { generateSyntheticTape } from '../synthetic/tape-generator.ts';
import { buildServer } from './build-server.ts';
import type { MarketData } from './market-data.ts';
import { DEFAULT_SERVER_SETTINGS, type ServerSettings } from './server-settings.ts';

/*
 * Stored day signals replace only the scoring of complete days' prints: every flow body is the one a server
 * without them computes, byte for byte. The tape is synthetic (tape-generator.ts): three trading days, each
 * with the previous close's chain snapshot, loaded into a DuckDB store as `bin/smartmoney ingest` does.
 */

const DAYS = [isoDate('2025-03-12'), isoDate('2025-03-13'), isoDate('2025-03-14')];
let dir = '';
let store: MarketStore;
let symbols: string[] = [];

/** The store's required MarketData reads only: a server on it scores every request from the prints (the old path). */
function withoutDaySignals(data: MarketStore): MarketData {
  return {
    symbols: (day) => data.symbols(day), days: () => data.days(), lastPrintTs: (s) => data.lastPrintTs(s),
    prints: (s, day, upTo) => data.prints(s, day, upTo), chainRows: (s, upTo) => data.chainRows(s, upTo),
  };
}

/** The store with every read forwarded, counting the days whose prints were read. */
function counting(data: MarketStore): { data: MarketData; printReads: string[] } {
  const printReads: string[] = [];
  return {
    printReads,
    data: {
      ...withoutDaySignals(data),
      prints: (s, day, upTo) => {
        printReads.push(`${s} ${day}`);
        return data.prints(s, day, upTo);
      },
      printCounts: (day, s) => data.printCounts(day, s),
      daySignals: (s, day) => data.daySignals(s, day),
      putDaySignals: (s, day, stored) => data.putDaySignals(s, day, stored),
    },
  };
}

const endOf = (day: IsoDate) => new Date(endOfNewYorkDay(day)).toISOString();

/** Every flow URL compared: signals (filters, limits, expiry), summary and the tilt, over windows of 1, 2 and 7 days. */
function urls(at: string): string[] {
  const a = `at=${encodeURIComponent(at)}`;
  const out = [`/v1/flow/tilt?symbols=${symbols.join(',')}&${a}`, `/v1/flow/tilt?symbols=${symbols.join(',')},NOPE&${a}&windowMinutes=2880&limit=2`];
  for (const s of symbols) {
    for (const q of ['', '&windowMinutes=2880&limit=500', '&windowMinutes=10080&minScore=40', '&intent=bullish&structure=sweep', '&expiry=2025-03-21&limit=3']) {
      out.push(`/v1/flow/signals/${s}?${a}${q}`, `/v1/flow/signals/${s}/summary?${a}${q}`);
    }
  }
  return out;
}

async function bodies(app: FastifyInstance, list: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const url of list) {
    const r = await app.inject({ method: 'GET', url });
    assert.equal(r.statusCode, 200, `${url}: ${r.body}`);
    out.push(r.body);
  }
  return out;
}

async function withServer<T>(data: MarketData, body: (app: FastifyInstance) => Promise<T>, settings: ServerSettings = DEFAULT_SERVER_SETTINGS): Promise<T> {
  const app = await buildServer(data, settings);
  try {
    return await body(app);
  } finally {
    await app.close();
  }
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sm-day-signals-'));
  store = await openDuckDbStore({ dataDir: join(dir, 'data') });
  for (const [i, date] of DAYS.entries()) {
    const out = join(dir, date);
    await generateSyntheticTape({ symbols: 4, prints: 6000, seed: 20 + i, date, outDir: out, gzip: false });
    for (const file of ['trades.csv', 'chains.csv']) await ingestFile(store, join(out, file), { strict: true });
  }
  symbols = await store.symbols();
  assert.ok(symbols.length >= 4, `symbols ${symbols.join(',')}`);
});

after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

test('synthetic 3-day tape in DuckDB: signals, summary and tilt bodies at the end of a day are byte-identical with stored day signals (first request writes them, a fresh server reads them without reading prints) and without', async () => {
  for (const day of [DAYS[1] as IsoDate, DAYS[2] as IsoDate]) {
    const list = urls(endOf(day));
    const reference = await withServer(withoutDaySignals(store), (app) => bodies(app, list));
    const first = counting(store);
    assert.deepEqual(await withServer(first.data, (app) => bodies(app, list)), reference, `write-through at the end of ${day}`);
    assert.ok(first.printReads.length > 0);
    const second = counting(store);
    assert.deepEqual(await withServer(second.data, (app) => bodies(app, list)), reference, `stored signals at the end of ${day}`);
    assert.deepEqual(second.printReads, [], 'every day of every window was answered from its stored signals');
    assert.ok(reference.some((b) => b.includes('"golden"')), 'some body has a golden tag');
    assert.ok(reference.some((b) => /"enrichment":\{"iv":\d/.test(b)), 'some signal is enriched from the chain');
  }
  for (const day of DAYS) assert.deepEqual([...(await store.daySignalStamps(day)).keys()], await store.symbols(day), `stamps of ${day}`);
});

test('an instant before the end of its day is scored from the prints as before (the day is not complete): same bodies, and only that day\'s prints are read', async () => {
  const at = '2025-03-14T15:00:00.000-04:00';
  const list = urls(at).filter((u) => !u.includes('windowMinutes'));
  const reference = await withServer(withoutDaySignals(store), (app) => bodies(app, list));
  const live = counting(store);
  assert.deepEqual(await withServer(live.data, (app) => bodies(app, list)), reference);
  assert.ok(live.printReads.every((r) => r.endsWith(DAYS[2] as string)), live.printReads.join(','));
});

test('invalidation by stamp: a late print on a stored day, or other flow settings, and the stored signals are not used; the next complete-day request rewrites them', async () => {
  const symbol = symbols[0] as string;
  const day = DAYS[1] as IsoDate;
  const list = urls(endOf(day)).filter((u) => u.includes(`/${symbol}`));
  const before = await withServer(counting(store).data, (app) => bodies(app, list));
  const stamp = (await store.daySignalStamps(day)).get(symbol);
  assert.ok(stamp !== undefined);

  const [model] = await store.prints(symbol, day);
  assert.ok(model !== undefined);
  const late: OptionTrade = { ...model, ts: Date.parse(`${day}T17:30:00-04:00`) as EpochMs, size: 900 as Contracts, side: 'buy', exchange: 'LATE' };
  await loadSource(store, { kind: 'prints', sha256: 'late-print', name: 'a late print' }, [late]);

  const reference = await withServer(withoutDaySignals(store), (app) => bodies(app, list));
  assert.notDeepEqual(reference, before, 'the late block print changes the answer');
  const after = counting(store);
  assert.deepEqual(await withServer(after.data, (app) => bodies(app, list)), reference);
  assert.ok(after.printReads.includes(`${symbol} ${day}`), 'the day was scored again from its prints');
  assert.deepEqual((await store.daySignalStamps(day)).get(symbol), { ...stamp, prints: stamp.prints + 1 });
  assert.ok((await store.daySignals(symbol, day))?.signals.some((s) => s.exchanges.includes('LATE')));

  const other: ServerSettings = { ...DEFAULT_SERVER_SETTINGS, flow: { ...DEFAULT_SERVER_SETTINGS.flow, notableSize: 40 } };
  const otherReference = await withServer(withoutDaySignals(store), (app) => bodies(app, list), other);
  assert.notDeepEqual(otherReference, reference);
  const rescored = counting(store);
  assert.deepEqual(await withServer(rescored.data, (app) => bodies(app, list), other), otherReference);
  assert.ok(rescored.printReads.includes(`${symbol} ${day}`), 'other settings: scored again, not served from the stored signals');
  assert.notEqual((await store.daySignalStamps(day)).get(symbol)?.flowSettings, stamp.flowSettings);
});
