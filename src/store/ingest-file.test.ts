import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isoDate } from '../core/units.ts';
import { InputFormatError, RowRejectedError } from '../ingest/ingest-report.ts';
import { openDuckDbStore } from './duckdb-store.ts';
import { ingestFile } from './ingest-file.ts';
import type { MarketStore } from './market-store.ts';
import { MemoryStoreData, openMemoryStore } from './memory-store.ts';

const fixtures = fileURLToPath(new URL('../../test-fixtures/ingest/', import.meta.url));
const shared = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const vixSample = join(shared, 'cboe-vix-option-trades-sample/UnderlyingOptionsTrades_2016-06-01.csv');
const needsShared = existsSync(vixSample) ? {} : { skip: 'needs ../shared/data' };

const HEADER = 'ts,underlying,expiry,strike,right,price,size,bid,ask,exchange,condition,side';
function tradesFile(dir: string, name: string, lines: readonly string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${HEADER}\n${lines.join('\n')}\n`);
  return file;
}
const row = (second: number, strike = 470) => `2024-01-10T10:00:${String(second).padStart(2, '0')}.000-05:00,SPY,2024-02-01,${strike},C,2.60,60,2.15,2.60,C,,`;

async function inTempDir(body: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-file-'));
  try {
    await body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a canonical trades file loads once: the reader\'s report (docs/formats.md rules) is kept, a second load finds it by sha256 and reads nothing', () => inTempDir(async (dir) => {
  const file = tradesFile(dir, 't.csv', [row(0), row(1), 'not,a,row', row(1), row(2, -5)]);
  const store = openMemoryStore();
  const first = await ingestFile(store, file, { strict: false, batchRows: 1 });
  assert.deepEqual([first.status, first.kind, first.format], ['loaded', 'prints', 'canonical-csv']);
  assert.deepEqual([first.report?.accepted, first.report?.rejected], [3, 2]);
  assert.deepEqual([first.source.rowsStored, first.source.rowsDuplicate], [3, 0], 'the two identical rows are two trades');
  const copy = join(dir, 'renamed.csv');
  copyFileSync(file, copy);
  const again = await ingestFile(store, copy, { strict: false });
  assert.deepEqual([again.status, again.report, again.source.report], ['already-loaded', null, { rowsRead: 5, accepted: 3, rejected: 2, excluded: 0 }]);
  assert.equal((await store.prints('SPY', isoDate('2024-01-10'))).length, 3);
}));

test('a chain file is told from a trade file by its first line (trades tried first), and an unknown file names both attempts', () => inTempDir(async (dir) => {
  const store = openMemoryStore();
  const chain = await ingestFile(store, join(fixtures, 'canonical/chain.csv'), { strict: true });
  assert.deepEqual([chain.kind, chain.format, chain.status], ['chain', 'canonical-csv', 'loaded']);
  assert.equal((await store.chainRows('GOOG')).length, chain.report?.accepted);
  const junk = join(dir, 'junk.txt');
  writeFileSync(junk, 'hello,world\n');
  await assert.rejects(ingestFile(store, junk, { strict: false }),
    (e) => e instanceof InputFormatError && /neither a trade nor a chain nor an equity tick file: unknown trade format.*unknown chain format.*unknown equity tick format/.test(e.message));
}));

test('LEAN files take their date from the path, so the same bytes under another date\'s name are another snapshot, not a repeat', () => inTempDir(async (dir) => {
  const store = openMemoryStore();
  const a = join(dir, 'GOOG_2015-12-23.csv'), b = join(dir, 'GOOG_2015-12-24.csv');
  copyFileSync(join(fixtures, 'lean/GOOG_2015-12-23.csv'), a);
  copyFileSync(a, b);
  const first = await ingestFile(store, a, { strict: false });
  const second = await ingestFile(store, b, { strict: false });
  assert.deepEqual([first.status, second.status], ['loaded', 'loaded']);
  assert.notEqual(first.source.sha256, second.source.sha256);
  assert.equal(new Set((await store.chainRows('GOOG')).map((c) => c.asOf)).size, 2);
}));

test('a load cut off after two committed batches resumes at the marker on the next run: every row once, as in a clean load', () => inTempDir(async (dir) => {
  const file = tradesFile(dir, 't.csv', Array.from({ length: 11 }, (_, i) => row(i)));
  const data = new MemoryStoreData();
  let commits = 0;
  await assert.rejects(ingestFile(openMemoryStore(data), file, {
    strict: false, batchRows: 3, onCommit: () => { if (++commits === 2) throw new Error('killed'); },
  }), /killed/);
  const resumed = await ingestFile(openMemoryStore(data), file, { strict: false, batchRows: 3 });
  assert.deepEqual([resumed.status, resumed.resumedFrom, resumed.source.rowsStored, resumed.report?.accepted], ['resumed', 6, 11, 11]);
  const clean = openMemoryStore();
  await ingestFile(clean, file, { strict: false });
  const day = isoDate('2024-01-10');
  assert.deepEqual(await openMemoryStore(data).prints('SPY', day), await clean.prints('SPY', day));
}));

test('strict mode stops at the first bad row (docs/formats.md) with nothing merged; a later non-strict run completes the same source', () => inTempDir(async (dir) => {
  const file = tradesFile(dir, 't.csv', [row(0), row(1), row(2, -5), row(3)]);
  const data = new MemoryStoreData();
  await assert.rejects(ingestFile(openMemoryStore(data), file, { strict: true, batchRows: 1 }), RowRejectedError);
  const store: MarketStore = openMemoryStore(data);
  assert.deepEqual(await store.days(), []);
  const done = await ingestFile(store, file, { strict: false, batchRows: 1 });
  assert.deepEqual([done.source.rowsStored, done.report?.rejected, (await store.sources()).length], [3, 1, 1]);
}));

test('real Cboe ^VIX sample 2016-06-01 into DuckDB: its 2,293 accepted prints and 306,319 contracts (formats.md) are all stored, once', needsShared, () => inTempDir(async (dir) => {
  mkdirSync(join(dir, 'data'));
  const store = await openDuckDbStore({ dataDir: join(dir, 'data') });
  try {
    const r = await ingestFile(store, vixSample, { strict: true, batchRows: 500 });
    assert.deepEqual([r.format, r.report?.rowsRead, r.report?.excluded, r.source.rowsStored, r.source.rowsDuplicate], ['cboe-datashop', 2295, 2, 2293, 0]);
    assert.deepEqual(await store.symbols(isoDate('2016-06-01')), ['VIX']);
    const prints = await store.prints('VIX', isoDate('2016-06-01'));
    assert.equal(prints.length, 2293);
    assert.equal(prints.reduce((s, t) => s + t.size, 0), 306_319);
    assert.equal((await ingestFile(store, vixSample, { strict: true })).status, 'already-loaded');
    assert.equal((await store.prints('VIX', isoDate('2016-06-01'))).length, 2293);
  } finally {
    await store.close();
  }
}));

const leanTicks = join(shared, 'lean-us-equity-ticks-2013-10');
const ibmTrades = join(leanTicks, 'IBM_2013-10-08_trades.csv.gz');
const ibmQuotes = join(leanTicks, 'IBM_2013-10-08_quotes.csv.gz');
const needsTicks = existsSync(ibmTrades) && existsSync(ibmQuotes) ? {} : { skip: 'needs ../shared/data/lean-us-equity-ticks-2013-10' };

test('canonical equity prints (CSV and NDJSON) are told from option trades by their first line and load once, identical rows kept; an NDJSON line with "underlying" stays an option trade', () => inTempDir(async (dir) => {
  const store = openMemoryStore();
  const csv = join(dir, 'eq.csv');
  writeFileSync(csv, 'ts,symbol,price,size,exchange,conditions,bid,ask\n'
    + '2024-01-10T10:00:00.000-05:00,IBM,160.5,100,D,,160.4,160.6\n2024-01-10T10:00:00.000-05:00,IBM,160.5,100,D,,160.4,160.6\n'
    + '2024-01-10T10:00:01.000-05:00,IBM,-1,100,D,,,\n');
  const nd = join(dir, 'eq.ndjson');
  writeFileSync(nd, '{"ts":"2024-01-10T10:00:00.000-05:00","symbol":"IBM","price":160.5,"size":100,"exchange":"D","bid":160.4,"ask":160.6}\n');
  const a = await ingestFile(store, csv, { strict: false });
  assert.deepEqual([a.kind, a.format, a.report?.accepted, a.report?.rejected, a.source.rowsStored], ['equity-prints', 'canonical-csv', 2, 1, 2]);
  const b = await ingestFile(store, nd, { strict: false });
  assert.deepEqual([b.kind, b.format, b.source.rowsStored, b.source.rowsDuplicate], ['equity-prints', 'canonical-ndjson', 0, 1]);
  assert.equal((await ingestFile(store, csv, { strict: false })).status, 'already-loaded');
  assert.deepEqual(await store.equityPrintCounts(isoDate('2024-01-10')), new Map([['IBM', 2]]));
  const option = join(dir, 'opt.ndjson');
  writeFileSync(option, '{"ts":"2024-01-10T10:00:00.000-05:00","symbol":"X","underlying":"SPY","expiry":"2024-02-01","strike":470,"right":"C","price":2.6,"size":60,"bid":2.15,"ask":2.6}\n');
  assert.equal((await ingestFile(store, option, { strict: false })).kind, 'prints');
}));

test('an equity file cut off after two committed batches resumes at the marker: every print once, as in a clean load', () => inTempDir(async (dir) => {
  const file = join(dir, 'eq.csv');
  const lines = Array.from({ length: 11 }, (_, i) => `2024-01-10T10:00:${String(i).padStart(2, '0')}.000-05:00,IBM,160.5,100,D,,,`);
  writeFileSync(file, `ts,symbol,price,size,exchange,conditions,bid,ask\n${lines.join('\n')}\n`);
  const data = new MemoryStoreData();
  let commits = 0;
  await assert.rejects(ingestFile(openMemoryStore(data), file, {
    strict: false, batchRows: 3, onCommit: () => { if (++commits === 2) throw new Error('killed'); },
  }), /killed/);
  assert.deepEqual(await openMemoryStore(data).equityDays(), []);
  const resumed = await ingestFile(openMemoryStore(data), file, { strict: false, batchRows: 3 });
  assert.deepEqual([resumed.status, resumed.resumedFrom, resumed.source.rowsStored], ['resumed', 6, 11]);
  const clean = openMemoryStore();
  await ingestFile(clean, file, { strict: false });
  assert.deepStrictEqual(await openMemoryStore(data).equityPrints('IBM', isoDate('2024-01-10')), await clean.equityPrints('IBM', isoDate('2024-01-10')));
}));

test('real LEAN IBM 2013-10-08 trades and quotes into DuckDB: every data row of each file (33,381 and 125,750 by wc -l) read, the accepted stored once; the same files again change nothing', needsTicks, () => inTempDir(async (dir) => {
  const store = await openDuckDbStore({ dataDir: join(dir, 'data') });
  try {
    const t = await ingestFile(store, ibmTrades, { strict: false, batchRows: 10_000 });
    const q = await ingestFile(store, ibmQuotes, { strict: false, batchRows: 50_000 });
    assert.deepEqual([t.kind, t.format, t.report?.rowsRead, q.kind, q.format, q.report?.rowsRead], ['equity-prints', 'lean-trades', 33_381, 'equity-quotes', 'lean-quotes', 125_750]);
    const day = isoDate('2013-10-08');
    const prints = await store.equityPrints('IBM', day);
    assert.equal(prints.length, t.report?.accepted);
    assert.deepEqual([t.source.rowsStored, t.source.rowsDuplicate], [t.report?.accepted, 0]);
    assert.equal((await store.equityQuotes('IBM', day)).length, q.source.rowsStored);
    assert.deepEqual([await store.equityDays(), await store.equitySymbols(day)], [['2013-10-08'], ['IBM']]);
    const again = await Promise.all([ingestFile(store, ibmTrades, { strict: false }), ingestFile(store, ibmQuotes, { strict: false })]);
    assert.deepEqual(again.map((r) => r.status), ['already-loaded', 'already-loaded']);
    assert.deepEqual(await store.equityPrintCounts(day), new Map([['IBM', prints.length]]));
    assert.equal((await store.sources()).length, 2);
  } finally {
    await store.close();
  }
}));
