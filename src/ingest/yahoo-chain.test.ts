import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChainContract } from '../core/options-flow/chain.ts';
import type { IsoDate } from '../core/units.ts';
import { FieldError, IngestReport, InputFormatError } from './ingest-report.ts';
import { parseOccSymbol, readYahooChain, yahooFileDate } from './yahoo-chain.ts';

const fixtures = fileURLToPath(new URL('../../test-fixtures/ingest/', import.meta.url));
const yahooData = fileURLToPath(new URL('../../../shared/data/yahoo-option-chains-10-tickers/', import.meta.url));
const needsShared = existsSync(yahooData) ? {} : { skip: 'needs ../shared/data' };

async function collect(gen: AsyncGenerator<ChainContract[]>): Promise<ChainContract[]> {
  const out: ChainContract[] = [];
  for await (const b of gen) out.push(...b);
  return out;
}

test('OCC symbology (OSI): AAPL251128C00110000 is the AAPL 2025-11-28 110 call; strikes are ×1000 in 8 digits', () => {
  assert.deepEqual(parseOccSymbol('AAPL251128C00110000', 's'), { root: 'AAPL', expiry: '2025-11-28', right: 'C', strike: 110 });
  assert.deepEqual(parseOccSymbol('XYZ251219P00012500', 's'), { root: 'XYZ', expiry: '2025-12-19', right: 'P', strike: 12.5 });
  assert.deepEqual(parseOccSymbol('SPXW260116P05500000', 's'), { root: 'SPXW', expiry: '2026-01-16', right: 'P', strike: 5500 });
  assert.equal(parseOccSymbol('NFLX1251219C00100000', 's').root, 'NFLX1', 'adjusted roots end in a digit');
  for (const bad of ['AAPL251128X00110000', 'AAPL 251128C00110000', 'AAPL251328C00110000', 'AAPL251128C0011000', 'AAPL251128C00000000']) {
    assert.throws(() => parseOccSymbol(bad, 'contractSymbol'), (e: unknown) => e instanceof FieldError && e.value === bad, bad);
  }
});

test('Yahoo file date: YYYY-MM-DD_<TICKER>.csv.gz → the snapshot date', () => {
  assert.equal(yahooFileDate('/d/2025-11-24_AAPL.csv.gz'), '2025-11-24');
  assert.equal(yahooFileDate('/d/AAPL.csv'), null);
});

test('Yahoo layout: as_of 2025-12-01 15:45 EST = 20:45 UTC; junk IV, zero quotes and blank volume become null', async () => {
  const report = new IngestReport();
  const rows = await collect(readYahooChain(join(fixtures, 'yahoo/2025-12-01_XYZ.csv'), { report, strict: true }));
  assert.equal(rows.length, 7);
  assert.ok(rows.every((r) => r.asOf === Date.UTC(2025, 11, 1, 20, 45) && r.underlying === 'XYZ' && r.underlyingPrice === null));
  assert.deepEqual(rows[0], {
    asOf: Date.UTC(2025, 11, 1, 20, 45), underlying: 'XYZ', underlyingPrice: null, expiry: '2025-12-05', strike: 50,
    right: 'C', bid: 130.5, ask: 132.65, volume: 1, iv: 1.39609375, openInterest: 132,
  });
  assert.equal(rows[1]?.iv, null, 'Yahoo\'s 1e-05 deep-ITM IV');
  assert.deepEqual([rows[3]?.bid, rows[3]?.ask, rows[3]?.volume, rows[3]?.iv], [null, null, null, null], 'bid 0 / ask 0 = no quote');
  assert.deepEqual([rows[4]?.bid, rows[4]?.ask], [0, 0.01], 'a zero bid under a real offer is a real bid');
  assert.deepEqual([rows[5]?.bid, rows[5]?.ask, rows[5]?.openInterest, rows[5]?.strike, rows[5]?.right], [null, 0.02, 2150, 12.5, 'P']);
});

test('Yahoo bad rows: symbol/column disagreements and bad fields are rejected with the raw value; blank OI and MINI excluded', async () => {
  const report = new IngestReport();
  const rows = await collect(readYahooChain(join(fixtures, 'yahoo-bad-rows/2025-12-01_XYZ.csv'), { report, strict: false }));
  assert.equal(rows.length, 2);
  assert.equal(report.rowsRead, 11);
  assert.equal(report.accepted + report.rejected + report.excluded, report.rowsRead);
  assert.deepEqual(Object.fromEntries(report.excludedReasons), { 'no open interest reported': 1, 'non-standard contract': 1 });
  assert.deepEqual(report.rejections.map((r) => [r.line, r.field, r.value]), [
    [3, 'contractSymbol', 'XYZ251205C00185000'],
    [4, 'contractSymbol', 'XYZ251205C00190000'],
    [5, 'contractSymbol', 'XYZ251205C00195000'],
    [6, 'contractSymbol', 'XYZ 251205C00200000'],
    [7, 'openInterest', '41.5'],
    [8, 'impliedVolatility', '-0.4'],
    [11, 'contractSymbol', 'XYZ251305C00225000'],
  ]);
  assert.match(report.rejections[0]?.reason ?? '', /says expiry 2025-12-05; expiration is 2025-12-12/);
});

test('Yahoo: an underlying override is refused (each contractSymbol names its root); an as-of date override is applied', async () => {
  const file = join(fixtures, 'yahoo/2025-12-01_XYZ.csv');
  await assert.rejects(collect(readYahooChain(file, { report: new IngestReport(), strict: true, underlying: 'ABC' })), InputFormatError);
  const rows = await collect(readYahooChain(file, { report: new IngestReport(), strict: true, asOf: '2025-07-01' as IsoDate }));
  assert.ok(rows.every((r) => r.asOf === Date.UTC(2025, 6, 1, 19, 45)), '15:45 EDT = 19:45 UTC');
});

test('real Yahoo chains of 2025-12-01 (10 tickers): all 32,016 rows accepted, symbols agree, 4,288 IVs under 1 % nulled', needsShared, async () => {
  const files = readdirSync(yahooData).filter((f) => f.startsWith('2025-12-01_'));
  assert.equal(files.length, 10);
  const report = new IngestReport();
  let n = 0, nullIv = 0, noQuote = 0, oiSum = 0;
  for (const f of files) {
    const ticker = f.slice('2025-12-01_'.length, -'.csv.gz'.length);
    for (const c of await collect(readYahooChain(join(yahooData, f), { report, strict: true }))) {
      n++;
      if (c.iv === null) nullIv++;
      if (c.bid === null && c.ask === null) noQuote++;
      oiSum += c.openInterest;
      assert.equal(c.underlying, ticker);
    }
  }
  // Counts from the raw files: rows, impliedVolatility < 0.01, bid = ask = 0.0, and the sum of openInterest.
  assert.equal(n, 32_016);
  assert.equal(report.rowsRead, 32_016);
  assert.equal(nullIv, 4_288);
  assert.equal(noQuote, 105);
  assert.equal(oiSum, 47_387_693);
});
