import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IngestReport, RowRejectedError } from './ingest-report.ts';
import { leanTickFileIdentity, readLeanEquityQuotes, readLeanEquityTrades } from './lean-equity-ticks.ts';

const dir = mkdtempSync(join(tmpdir(), 'sm-lean-eq-'));
async function all<T>(gen: AsyncGenerator<T[]>): Promise<T[]> {
  const out: T[] = [];
  for await (const b of gen) out.push(...b);
  return out;
}

test('LEAN trades: real rows of IBM_2013-10-08 and SPY_2013-10-10 read by hand (time, price, venue, condition mask, suspicious)', async () => {
  const file = join(dir, 'IBM_2013-10-08_trades.csv');
  writeFileSync(file, [
    'ms_since_midnight_et,price,size,exchange,condition_flags_hex,suspicious',
    '31669457,182.1000,300,P,2000,0', // 08:47:49.457 EDT
    '58393982,178.7200,4300,D,2000000,0', // 16:13:13.982 EDT, off-exchange, prior reference price
    '57749465,165.5900,250629,D,20002000,1', // SPY_2013-10-10: LEAN's suspicious flag (SOURCE.md says there are none)
    '34200971,167.4500,x,P,4000000,0',
    '',
  ].join('\n'));
  const report = new IngestReport();
  const rows = await all(readLeanEquityTrades(file, { report, strict: false }));
  assert.deepEqual(rows.map((r) => [new Date(r.ts).toISOString(), r.symbol, r.price, r.size, r.exchange, r.conditions]), [
    ['2013-10-08T12:47:49.457Z', 'IBM', 182.1, 300, 'P', 0x2000],
    ['2013-10-08T20:13:13.982Z', 'IBM', 178.72, 4300, 'D', 0x2000000],
  ]);
  assert.equal(report.rowsRead, 4);
  assert.equal(report.excluded, 1);
  assert.deepEqual(Object.fromEntries(report.excludedReasons), { 'LEAN suspicious flag set': 1 });
  assert.equal(report.rejected, 1);
  assert.deepEqual(report.rejections[0], { file, line: 5, field: 'size', value: 'x', reason: 'expected a finite number' });
  await assert.rejects(all(readLeanEquityTrades(file, { report: new IngestReport(), strict: true })), RowRejectedError);
});

test('LEAN time is New York wall clock on DST change days: 09:30 on 2013-11-03 (EST) and 2013-03-10 (EDT)', async () => {
  for (const [date, iso] of [['2013-11-03', '2013-11-03T14:30:00.000Z'], ['2013-03-10', '2013-03-10T13:30:00.000Z']] as const) {
    const file = join(dir, `X_${date}_trades.csv.gz`.replace('.gz', ''));
    writeFileSync(file, 'ms_since_midnight_et,price,size,exchange,condition_flags_hex,suspicious\n34200000,10.0000,100,D,1,0\n');
    const [row] = await all(readLeanEquityTrades(file, { report: new IngestReport(), strict: true }));
    assert.equal(new Date(row?.ts ?? 0).toISOString(), iso);
  }
});

test('LEAN quotes: one side per row, other side null; rows out of time order and empty rows rejected', async () => {
  const file = join(dir, 'IBM_2013-10-08_quotes.csv');
  writeFileSync(file, [
    'ms_since_midnight_et,bid_price,bid_size,ask_price,ask_size,exchange,condition_flags_hex,suspicious',
    '34204623,181.8700,200,0.0000,0,Z,1,0',
    '34204623,0.0000,0,181.8800,200,Q,1,0',
    '34204622,181.8100,200,0.0000,0,Q,1,0',
    '34204630,0.0000,0,0.0000,0,Q,1,0',
    '34204631,181.8100,200,0.0000,0,Q,zz,0',
  ].join('\n'));
  const report = new IngestReport();
  const rows = await all(readLeanEquityQuotes(file, { report, strict: false }));
  assert.deepEqual(rows.map((r) => [r.ts - Date.parse('2013-10-08T04:00:00Z'), r.bid, r.ask]), [[34_204_623, 181.87, null], [34_204_623, null, 181.88]]);
  assert.deepEqual(report.rejections.map((r) => [r.line, r.field]), [[4, 'ms_since_midnight_et'], [5, 'bid_price'], [6, 'condition_flags_hex']]);
});

test('leanTickFileIdentity: from the name, or given; a name without them is a file error', () => {
  assert.deepEqual(leanTickFileIdentity('/x/SPY_2013-10-08_trades.csv.gz'), { symbol: 'SPY', date: '2013-10-08' });
  assert.deepEqual(leanTickFileIdentity('/x/ticks.csv', { symbol: 'bac', date: '2013-10-09' }), { symbol: 'BAC', date: '2013-10-09' });
  assert.throws(() => leanTickFileIdentity('/x/ticks.csv'), /cannot tell the symbol and date/);
  assert.throws(() => leanTickFileIdentity('/x/SPY_2013-02-30_trades.csv'), /not a real calendar date/);
});
