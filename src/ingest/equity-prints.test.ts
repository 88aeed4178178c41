import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { conditionsField } from './equity-prints.ts';
import { detectEquityFormat, readEquityPrints, readEquityQuotes } from './equity-sources.ts';
import { IngestReport } from './ingest-report.ts';

const dir = mkdtempSync(join(tmpdir(), 'sm-eq-'));
async function all<T>(gen: AsyncGenerator<T[]>): Promise<T[]> {
  const out: T[] = [];
  for await (const b of gen) out.push(...b);
  return out;
}

test('conditions field: names (any case, | ; or space), JSON array, 0x hex mask; unknown name rejected', () => {
  assert.equal(conditionsField(''), 0);
  assert.equal(conditionsField('intermarket_sweep|Trade_Through_Exempt'), 0x20000020);
  assert.equal(conditionsField('average_price; extended_hours'), 0x102000);
  assert.equal(conditionsField('["intermarket_sweep"]'), 0x20);
  assert.equal(conditionsField('0x80000000'), 0x80000000);
  assert.throws(() => conditionsField('iso'), /unknown condition "iso"/);
});

test('canonical CSV (gzip, other column order) and NDJSON give the same prints; bad rows rejected with file, line, field', async () => {
  const csv = join(dir, 'prints.csv.gz');
  writeFileSync(csv, gzipSync([
    'symbol,ts,price,size,exchange,conditions,bid,ask',
    'ibm,2013-10-08T10:00:00.250-04:00,179.50,20000,D,regular,179.49,179.51',
    'IBM,1381240800250,179.52,100,Q,intermarket_sweep,,',
    'IBM,2013-10-08T10:00:01,179.52,100,Q,,,', // no offset
    'IBM,2013-10-08T14:00:01Z,179.52,10.5,Q,,,',
    'IBM,2013-10-08T14:00:01Z,179.52,100,Q,,179.5,',
    'IBM,2013-10-08T14:00:01Z,179.52,100,,,,',
  ].join('\n')));
  const report = new IngestReport();
  const rows = await all(readEquityPrints(csv, { report, strict: false }));
  assert.deepEqual(rows.map((r) => [r.ts, r.symbol, r.price, r.size, r.exchange, r.conditions, r.bid, r.ask]), [
    [Date.parse('2013-10-08T14:00:00.250Z'), 'IBM', 179.5, 20_000, 'D', 1, 179.49, 179.51],
    [1_381_240_800_250, 'IBM', 179.52, 100, 'Q', 0x20, null, null],
  ]);
  assert.deepEqual(report.rejections.map((r) => [r.line, r.field]), [[4, 'ts'], [5, 'size'], [6, 'ask'], [7, 'exchange']]);
  const nd = join(dir, 'prints.ndjson');
  writeFileSync(nd, [
    '{"ts":"2013-10-08T10:00:00.250-04:00","symbol":"ibm","price":179.5,"size":20000,"exchange":"D","conditions":["regular"],"bid":179.49,"ask":179.51}',
    '{"ts":1381240800250,"symbol":"IBM","price":"179.52","size":100,"exchange":"Q","conditions":"intermarket_sweep"}',
    'not json',
  ].join('\n'));
  const r2 = new IngestReport();
  assert.deepEqual(await all(readEquityPrints(nd, { report: r2, strict: false })), rows);
  assert.equal(r2.rejected, 1);
});

test('format detection by first line: canonical CSV/NDJSON, LEAN trades/quotes; an option-trade file is not an equity file', async () => {
  const f = (name: string, text: string): string => { const p = join(dir, name); writeFileSync(p, text); return p; };
  assert.equal(await detectEquityFormat(f('a.csv', 'ts,symbol,price,size,exchange\n')), 'canonical-csv');
  assert.equal(await detectEquityFormat(f('b.ndjson', '{"ts":1,"symbol":"X"}\n')), 'canonical-ndjson');
  assert.equal(await detectEquityFormat(f('c.csv', 'ms_since_midnight_et,price,size,exchange,condition_flags_hex,suspicious\n')), 'lean-trades');
  const q = f('X_2013-10-08_quotes.csv', 'ms_since_midnight_et,bid_price,bid_size,ask_price,ask_size,exchange,condition_flags_hex,suspicious\n');
  assert.equal(await detectEquityFormat(q), 'lean-quotes');
  await assert.rejects(detectEquityFormat(f('d.csv', 'ts,underlying,expiry,strike,right,price,size,bid,ask\n')), /unknown equity tick format/);
  await assert.rejects(all(readEquityPrints(q, { report: new IngestReport(), strict: false })), /pass it with --quotes/);
  await assert.rejects(all(readEquityQuotes(join(dir, 'a.csv'), { report: new IngestReport(), strict: false })), /expected a quote file/);
});
