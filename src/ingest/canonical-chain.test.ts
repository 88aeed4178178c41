import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { ChainContract } from '../core/options-flow/chain.ts';
import type { Contracts, EpochMs, IsoDate, PricePerShare } from '../core/units.ts';
import {
  VENDOR_IV_FLOOR, chainCsvHeader, formatChainCsvRow, readCanonicalChainCsv, readCanonicalChainNdjson, snapshotAsOf,
  vendorIv,
} from './canonical-chain.ts';
import { IngestReport, InputFormatError, RowRejectedError } from './ingest-report.ts';

const fixtures = fileURLToPath(new URL('../../test-fixtures/ingest/canonical/', import.meta.url));

async function collect(gen: AsyncGenerator<ChainContract[]>): Promise<ChainContract[]> {
  const out: ChainContract[] = [];
  for await (const b of gen) out.push(...b);
  return out;
}

/** 2015-12-23 16:00 in New York is 21:00 UTC (EST, UTC−5). */
const GOOG_CLOSE = Date.UTC(2015, 11, 23, 21, 0, 0);

test('canonical chain CSV: offsets, epoch ms and Z all give the instant 2015-12-23 16:00 New York = 21:00 UTC', async () => {
  const report = new IngestReport();
  const rows = await collect(readCanonicalChainCsv(join(fixtures, 'chain.csv'), { report, strict: true }));
  assert.equal(rows.length, 4);
  assert.ok(rows.every((r) => r.asOf === GOOG_CLOSE));
  assert.deepEqual(rows[0], {
    asOf: GOOG_CLOSE, underlying: 'GOOG', underlyingPrice: 748.54, expiry: '2015-12-24', strike: 740, right: 'C',
    openInterest: 330, bid: 9.5, ask: 10.3, volume: 147, iv: null,
  });
  assert.deepEqual(rows[2], {
    asOf: GOOG_CLOSE, underlying: 'GOOG', underlyingPrice: null, expiry: '2015-12-31', strike: 702.5, right: 'P',
    openInterest: 82, bid: null, ask: null, volume: null, iv: null,
  });
  assert.deepEqual(report.toJSON(), {
    rows_read: 4, accepted: 4, rejected: 0, excluded: 0, excluded_reasons: {}, rejection_counts: {}, rejections: [],
  });
});

test('canonical chain NDJSON (numbers as JSON numbers or strings, absent keys) reads the same contracts as the CSV', async () => {
  const report = new IngestReport();
  const fromJson = await collect(readCanonicalChainNdjson(join(fixtures, 'chain.ndjson'), { report, strict: true }));
  const fromCsv = await collect(readCanonicalChainCsv(join(fixtures, 'chain.csv'), { report: new IngestReport(), strict: true }));
  assert.deepEqual(fromJson, fromCsv.slice(0, 3));
  assert.equal(report.rowsRead, 3, 'the blank line is not a row');
});

test('canonical chain bad rows: each is rejected on its field with the raw value, and accepted + rejected = rows read', async () => {
  const report = new IngestReport();
  const file = join(fixtures, 'chain-bad-rows.csv');
  const rows = await collect(readCanonicalChainCsv(file, { report, strict: false }));
  assert.equal(rows.length, 2);
  assert.equal(report.rowsRead, 11);
  assert.equal(report.accepted + report.rejected + report.excluded, report.rowsRead);
  assert.deepEqual(report.rejections.map((r) => [r.line, r.field, r.value]), [
    [3, 'as_of', '2015-12-23T16:00:00'],
    [4, 'underlying', ''],
    [5, 'underlying_price', '0'],
    [6, 'expiry', '2015-02-30'],
    [7, 'strike', 'Infinity'],
    [8, 'open_interest', ''],
    [9, 'bid', '-1'],
    [10, 'volume', '14.7'],
    [11, 'iv', '-0.2'],
  ]);
  assert.ok(report.rejections.every((r) => r.file === file));
});

test('canonical chain strict mode stops at the first bad row, naming line 3 and the as_of field', async () => {
  const report = new IngestReport();
  await assert.rejects(collect(readCanonicalChainCsv(join(fixtures, 'chain-bad-rows.csv'), { report, strict: true })),
    (e: unknown) => e instanceof RowRejectedError && e.rejection.line === 3 && e.rejection.field === 'as_of');
});

test('canonical chain CSV without open_interest in its header is a file error naming the missing column', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'chain-'));
  try {
    const file = join(dir, 'no-oi.csv');
    await writeFile(file, 'as_of,underlying,expiry,strike,right\n1450904400000,GOOG,2015-12-24,740,C\n');
    await assert.rejects(collect(readCanonicalChainCsv(file, { report: new IngestReport(), strict: false })),
      (e: unknown) => e instanceof InputFormatError && e.message.includes('open_interest') && e.message.includes(file));
  } finally {
    await rm(dir, { recursive: true });
  }
});

const contractArb: fc.Arbitrary<ChainContract> = fc.record({
  asOf: fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2099, 0, 1) }).map((n) => n as EpochMs),
  underlying: fc.stringMatching(/^[A-Z][A-Z0-9.]{0,5}$/),
  underlyingPrice: fc.option(fc.double({ min: 1e-6, max: 1e7, noNaN: true }), { nil: null }),
  expiry: fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10) as IsoDate),
  strike: fc.double({ min: 1e-6, max: 1e7, noNaN: true }),
  right: fc.constantFrom('C' as const, 'P' as const),
  openInterest: fc.nat({ max: 10_000_000 }).map((n) => n as Contracts),
  bid: fc.option(fc.double({ min: 0, max: 1e5, noNaN: true }).map((n) => Math.abs(n) as PricePerShare), { nil: null }),
  ask: fc.option(fc.double({ min: 0, max: 1e5, noNaN: true }).map((n) => Math.abs(n) as PricePerShare), { nil: null }),
  volume: fc.option(fc.nat({ max: 10_000_000 }).map((n) => n as Contracts), { nil: null }),
  iv: fc.option(fc.double({ min: 0, max: 50, noNaN: true }).map((n) => Math.abs(n)), { nil: null }),
}).map((r) => ({ ...r }));

test('property: canonical chain CSV parse → format → parse round-trips every contract exactly', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'chain-rt-'));
  try {
    let k = 0;
    await fc.assert(fc.asyncProperty(fc.array(contractArb, { minLength: 1, maxLength: 20 }), async (contracts) => {
      const file = join(dir, `rt-${k++}.csv`);
      await writeFile(file, [chainCsvHeader(), ...contracts.map(formatChainCsvRow)].join('\n') + '\n');
      const report = new IngestReport();
      const once = await collect(readCanonicalChainCsv(file, { report, strict: true }));
      assert.deepEqual(once, contracts);
      await writeFile(file, [chainCsvHeader(), ...once.map(formatChainCsvRow)].join('\n') + '\n');
      assert.deepEqual(await collect(readCanonicalChainCsv(file, { report, strict: true })), once);
    }), { numRuns: 60 });
  } finally {
    await rm(dir, { recursive: true });
  }
});

test('vendor IV floor: Yahoo\'s 1e-05 and LEAN\'s 0 / 1e-07 solver failures become null; 1 %/yr and above are kept', () => {
  assert.equal(vendorIv('1.0000000000000003e-05', 'iv'), null);
  assert.equal(vendorIv('0.0000001', 'iv'), null);
  assert.equal(vendorIv('0', 'iv'), null);
  assert.equal(vendorIv('', 'iv'), null);
  assert.equal(vendorIv(String(VENDOR_IV_FLOOR), 'iv'), 0.01);
  assert.equal(vendorIv('0.41015625', 'iv'), 0.41015625);
  assert.throws(() => vendorIv('-0.3', 'iv'), /iv was "-0.3"/);
});

test('snapshot as-of: a New York date at 16:00 is 21:00 UTC in winter (EST) and 20:00 UTC in summer (EDT)', () => {
  const date = (s: string) => s as IsoDate;
  assert.equal(snapshotAsOf('f', undefined, date('2015-12-23'), 16, 0), Date.UTC(2015, 11, 23, 21));
  assert.equal(snapshotAsOf('f', date('2024-07-01'), date('2015-12-23'), 16, 0), Date.UTC(2024, 6, 1, 20));
  assert.equal(snapshotAsOf('f', 1_700_000_000_000 as EpochMs, null, 16, 0), 1_700_000_000_000);
  assert.throws(() => snapshotAsOf('f.csv', undefined, null, 16, 0), (e: unknown) => e instanceof InputFormatError && /f\.csv/.test(e.message));
  assert.throws(() => snapshotAsOf('f.csv', date('2024-02-30'), null, 16, 0), InputFormatError);
});
