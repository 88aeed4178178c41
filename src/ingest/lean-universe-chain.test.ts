import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { ChainContract } from '../core/options-flow/chain.ts';
import type { IsoDate } from '../core/units.ts';
import { IngestReport, InputFormatError } from './ingest-report.ts';
import { leanUniverseIdentity, readLeanUniverseChain } from './lean-universe-chain.ts';

const fixtures = fileURLToPath(new URL('../../test-fixtures/ingest/', import.meta.url));
const universes = fileURLToPath(new URL('../../../shared/data/lean-option-chains-oi/universes/', import.meta.url));
const needsShared = existsSync(universes) ? {} : { skip: 'needs ../shared/data' };

async function collect(gen: AsyncGenerator<ChainContract[]>): Promise<ChainContract[]> {
  const out: ChainContract[] = [];
  for await (const b of gen) out.push(...b);
  return out;
}

test('LEAN file names: <UND>_<YYYY-MM-DD>.csv.gz and LEAN\'s own universes/<und>/<YYYYMMDD>.csv both give underlying and date', () => {
  assert.deepEqual(leanUniverseIdentity('/x/universes/GOOG_2015-12-23.csv.gz'), { underlying: 'GOOG', date: '2015-12-23' });
  assert.deepEqual(leanUniverseIdentity('Data/option/usa/universes/aapl/20140606.csv'), { underlying: 'AAPL', date: '2014-06-06' });
  assert.equal(leanUniverseIdentity('/x/chain.csv'), null);
  assert.deepEqual(leanUniverseIdentity('/tmp/sm-lean-x1/20151223.csv.gz'), { underlying: null, date: '2015-12-23' }, 'date from a native name in any folder');
});

test('real LEAN GOOG 2015-12-23 excerpt: spot = the underlying row\'s close 748.54, as_of 16:00 EST = 21:00 UTC, blank OI excluded', async () => {
  const report = new IngestReport();
  const rows = await collect(readLeanUniverseChain(join(fixtures, 'lean/GOOG_2015-12-23.csv'), { report, strict: true }));
  assert.equal(report.rowsRead, 18, 'the underlying row is not a contract row');
  assert.equal(rows.length, 16);
  assert.deepEqual(Object.fromEntries(report.excludedReasons), { 'no open interest reported': 2 });
  assert.deepEqual(rows[0], {
    asOf: Date.UTC(2015, 11, 23, 21), underlying: 'GOOG', underlyingPrice: 748.54, expiry: '2015-12-24', strike: 650,
    right: 'C', bid: null, ask: null, volume: 12, iv: null, openInterest: 15,
  });
  const c7025 = rows.find((r) => r.strike === 702.5 && r.right === 'C');
  assert.deepEqual([c7025?.expiry, c7025?.iv, c7025?.openInterest, c7025?.volume], ['2015-12-31', 2.6121879, 10, 10]);
  assert.equal(rows.filter((r) => r.iv !== null).length, 4, 'LEAN\'s IV 0 (no solution) is null, not 0');
});

test('real LEAN SPY 2024-01-02 in LEAN\'s native layout: IV 1e-07 is null; overrides replace underlying and date', async () => {
  const file = join(fixtures, 'lean/spy/20240102.csv');
  const report = new IngestReport();
  const rows = await collect(readLeanUniverseChain(file, { report, strict: true }));
  assert.equal(rows.length, 8);
  assert.equal(report.excluded, 10);
  assert.ok(rows.every((r) => r.underlying === 'SPY' && r.underlyingPrice === 472.65 && r.asOf === Date.UTC(2024, 0, 2, 21)));
  assert.ok(rows.filter((r) => r.expiry === '2024-01-03').every((r) => r.iv === null));
  assert.equal(rows.find((r) => r.expiry === '2024-01-04' && r.strike === 402)?.iv, 1.0444474);
  const over = await collect(readLeanUniverseChain(file, {
    report: new IngestReport(), strict: true, underlying: 'spy', asOf: '2024-07-01' as IsoDate,
  }));
  assert.ok(over.every((r) => r.underlying === 'SPY' && r.asOf === Date.UTC(2024, 6, 1, 20)), '16:00 EDT = 20:00 UTC');
});

test('LEAN file whose name names no underlying, without an override, is a file error naming the file', async () => {
  const file = join(fixtures, 'canonical/chain.csv');
  await assert.rejects(collect(readLeanUniverseChain(file, { report: new IngestReport(), strict: false })),
    (e: unknown) => e instanceof InputFormatError && e.message.startsWith(file));
});

test('LEAN bad rows: each is rejected on its field with the raw value; accepted + rejected + excluded = contract rows', async () => {
  const report = new IngestReport();
  const rows = await collect(readLeanUniverseChain(join(fixtures, 'lean-bad-rows/GOOG_2015-12-23.csv'), { report, strict: false }));
  assert.equal(rows.length, 6);
  assert.equal(report.rowsRead, 16);
  assert.equal(report.excluded, 2);
  assert.equal(report.accepted + report.rejected + report.excluded, report.rowsRead);
  assert.deepEqual(report.rejections.map((r) => [r.line, r.field, r.value]), [
    [8, 'expiry', '2015-12-24'],
    [9, 'strike', '-5'],
    [10, 'right', 'X'],
    [11, 'open_interest', '1.5'],
    [12, 'implied_volatility', 'NaN'],
    [13, 'volume', 'abc'],
    [14, 'expiry', ''],
    [15, 'expiry', '20151302'],
  ]);
});

function dataLines(file: string): { contracts: number; hasUnderlyingRow: boolean } {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter((l) => l !== '');
  const hasUnderlyingRow = (lines[1] ?? '').startsWith(',,,');
  return { contracts: lines.length - 1 - (hasUnderlyingRow ? 1 : 0), hasUnderlyingRow };
}

test('all 28 real LEAN universe files: no rejections; accepted + excluded = contract rows; spot null only without an underlying row', needsShared, async () => {
  const files = readdirSync(universes).filter((f) => f.endsWith('.csv.gz'));
  assert.equal(files.length, 28);
  for (const name of files) {
    const file = join(universes, name);
    const report = new IngestReport();
    const rows = await collect(readLeanUniverseChain(file, { report, strict: true }));
    const expected = dataLines(file);
    assert.equal(report.rowsRead, expected.contracts, name);
    assert.equal(report.accepted + report.excluded, expected.contracts, name);
    assert.ok(rows.every((r) => (r.underlyingPrice !== null) === expected.hasUnderlyingRow), name);
  }
});

test('real LEAN GOOG 12-23 → 12-24: |ΔOI| ≤ that day\'s volume for ≥ 98 % of contracts, so file d carries end-of-day-d OI', needsShared, async () => {
  const read = (d: string) => collect(readLeanUniverseChain(join(universes, `GOOG_${d}.csv.gz`), { report: new IngestReport(), strict: true }));
  const [d0, d1] = await Promise.all([read('2015-12-23'), read('2015-12-24')]);
  const key = (c: ChainContract) => `${c.expiry} ${c.right} ${c.strike}`;
  const before = new Map(d0.map((c) => [key(c), c]));
  let common = 0, bounded = 0;
  for (const c of d1) {
    const p = before.get(key(c));
    if (p === undefined) continue;
    common++;
    if (Math.abs(c.openInterest - p.openInterest) <= (c.volume ?? 0)) bounded++;
  }
  assert.ok(common > 1000, `${common} contracts in both files`);
  assert.ok(bounded / common >= 0.98, `${bounded}/${common}`);
});
